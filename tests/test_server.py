"""`yogolint server` end to end (issue 14): pytest-lsp starts the real server
as a subprocess and talks to it over stdio as an editor does.

Documents are opened from a temporary folder and never saved unless a test
says so: the findings are those of the buffer. Positions here are worked out
by the test itself (UTF-16 counted by encoding the line), not by the
server's own conversion code.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

pytestmark = pytest.mark.asyncio

ROOT = Path(__file__).resolve().parents[1]
SERVER = [sys.executable, "-m", "linter", "server"]
PROPOSAL = "# CRM移行のご提案\n\n営業部門はセールスフォースで商談を管理しています。\nサポート部門の体制を見直します。\n"
SALESFORCE_LINE = 2  # 0-based line of セールスフォース


async def start(client: LanguageClient, root: Path, capabilities=None) -> types.InitializeResult:
    client.registrations = []

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:  # as an editor does
        client.registrations.extend(params.registrations)

    return await client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities or client_capabilities("visual-studio-code"),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="docs")],
        )
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, tmp_path: Path):
    await start(lsp_client, tmp_path)
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path


# --- helpers ------------------------------------------------------------------


async def next_diagnostics(
    client: LanguageClient, uri: str, send, timeout: float = 60, until=None
) -> list[types.Diagnostic]:
    """Do `send()`, then wait for the server's next diagnostics for `uri` (with
    `until`: the next that satisfy it; a re-lint the server started before
    `send`, for an older version, may be published first)."""
    before = client.diagnostics.get(uri)
    send()
    async with asyncio.timeout(timeout):
        while True:
            while client.diagnostics.get(uri) is before:
                await asyncio.sleep(0.02)
            before = client.diagnostics[uri]
            if until is None or until(before):
                return list(before)


def open_document(client: LanguageClient, path: Path, text: str, version: int = 1, language: str = "markdown"):
    uri = path.as_uri()
    return lambda: client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text),
        )
    )


async def opened(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> list[types.Diagnostic]:
    return await next_diagnostics(client, path.as_uri(), open_document(client, path, text, language=language))


def change(client: LanguageClient, uri: str, version: int, *changes):
    return lambda: client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=list(changes),
        )
    )


def utf16_column(line: str, index: int) -> int:
    return len(line[:index].encode("utf-16-le")) // 2


def utf16_index(line: str, column: int) -> int:
    return len(line.encode("utf-16-le")[: 2 * column].decode("utf-16-le"))


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """What the editor does with a WorkspaceEdit's edits (UTF-16 positions)."""
    lines = text.split("\n")

    def offset(p: types.Position) -> int:
        return sum(len(before) + 1 for before in lines[: p.line]) + utf16_index(lines[p.line], p.character)

    spans = sorted(((offset(e.range.start), offset(e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def by_rule(diagnostics, rule: str) -> list[types.Diagnostic]:
    return [d for d in diagnostics if d.code == rule]


async def actions_at(client: LanguageClient, uri: str, d: types.Diagnostic, only=None) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=d.range,
            context=types.CodeActionContext(diagnostics=[d], only=only),
        )
    )
    return list(found or [])


# --- diagnostics ------------------------------------------------------------------


async def test_diagnostics_of_an_unsaved_buffer_on_open(client: LanguageClient, folder: Path):
    path = folder / "proposal.md"  # never written: only the editor has it
    found = await opened(client, path, PROPOSAL)
    [salesforce] = by_rule(found, "preferred-term")
    line = PROPOSAL.split("\n")[SALESFORCE_LINE]
    start = line.index("セールスフォース")
    assert salesforce.range == types.Range(
        start=types.Position(line=SALESFORCE_LINE, character=start),
        end=types.Position(line=SALESFORCE_LINE, character=start + len("セールスフォース")),
    )
    assert salesforce.source == "yogolint"
    assert salesforce.severity == types.DiagnosticSeverity.Warning
    assert "Salesforce" in salesforce.message
    assert salesforce.data["fix"]["newText"] == "Salesforce"
    assert not path.exists()


async def test_diagnostics_follow_incremental_and_full_changes(client: LanguageClient, folder: Path):
    path = folder / "proposal.md"
    uri = path.as_uri()
    await opened(client, path, PROPOSAL)
    # incremental: the writer replaces セールスフォース by Salesforce, and adds ハブスポット on line 3
    line = PROPOSAL.split("\n")[SALESFORCE_LINE]
    start = line.index("セールスフォース")
    replace = types.TextDocumentContentChangePartial(
        range=types.Range(
            start=types.Position(line=SALESFORCE_LINE, character=start),
            end=types.Position(line=SALESFORCE_LINE, character=start + len("セールスフォース")),
        ),
        text="Salesforce",
    )
    append = types.TextDocumentContentChangePartial(
        range=types.Range(start=types.Position(line=3, character=0), end=types.Position(line=3, character=0)),
        text="メール配信はハブスポットで行います。",
    )
    found = await next_diagnostics(client, uri, change(client, uri, 2, replace, append))
    assert [d.message.split(" → ")[0] for d in by_rule(found, "preferred-term")] == ["ハブスポット"]
    assert by_rule(found, "preferred-term")[0].range.start.line == 3
    # full: the whole text at once
    whole = types.TextDocumentContentChangeWholeDocument(
        text="# 議事録\n\n次回はフレッシュデスクの画面で確認します。\n"
    )
    found = await next_diagnostics(client, uri, change(client, uri, 3, whole))
    [freshdesk] = by_rule(found, "preferred-term")
    assert freshdesk.range.start == types.Position(line=2, character=3)


async def test_closing_clears_the_findings(client: LanguageClient, folder: Path):
    path = folder / "proposal.md"
    assert await opened(client, path, PROPOSAL)

    def close():
        return client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=path.as_uri()))
        )

    assert await next_diagnostics(client, path.as_uri(), close) == []


async def test_saving_lints_at_once(client: LanguageClient, folder: Path):
    path = folder / "proposal.md"
    path.write_text(PROPOSAL, encoding="utf-8")
    uri = path.as_uri()
    await opened(client, path, PROPOSAL)

    def save():
        return client.text_document_did_save(
            types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )

    assert by_rule(await next_diagnostics(client, uri, save), "preferred-term")


async def test_utf16_ranges_after_an_emoji(client: LanguageClient, folder: Path):
    line = "🚀 新体制: 🎉営業はセールスフォースを使う。"
    found = await opened(client, folder / "emoji.md", f"# 連絡\n\n{line}\n")
    [d] = by_rule(found, "preferred-term")
    index = line.index("セールスフォース")
    assert d.range.start == types.Position(line=2, character=utf16_column(line, index))
    assert d.range.start.character == index + 2  # two emoji, each two UTF-16 units
    assert d.range.end.character - d.range.start.character == len("セールスフォース")


async def test_utf8_positions_when_the_client_asks_for_them(folder: Path):
    config = ClientServerConfig(server_command=SERVER)
    client = await config.start()
    try:
        capabilities = client_capabilities("visual-studio-code")
        capabilities.general = types.GeneralClientCapabilities(position_encodings=[types.PositionEncodingKind.Utf8])
        result = await start(client, folder, capabilities)
        assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
        line = "🎉営業はセールスフォースを使う。"
        [d] = by_rule(await opened(client, folder / "utf8.md", f"{line}\n"), "preferred-term")
        assert d.range.start.character == len(line[: line.index("セ")].encode("utf-8"))
        await client.shutdown_session()
    finally:
        await client.stop()


async def test_ranges_match_the_command_line_for_a_cp932_file(client: LanguageClient, folder: Path):
    """The editor decodes a Shift_JIS file and sends text; the server's
    columns are those `yogolint check` reports for the file on disk."""
    text = "# 報告\r\n\r\n髙橋さんがハブスポットとセールスフォースを比較しました。\r\n"
    path = folder / "report.md"
    path.write_bytes(text.encode("cp932"))
    cli = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--no-cache", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=folder,
    )
    on_disk = sorted((d["line"] - 1, d["column"] - 1) for d in json.loads(cli.stdout)["diagnostics"])
    found = await opened(client, path, text)
    assert on_disk and sorted((d.range.start.line, d.range.start.character) for d in found) == on_disk


# --- code actions ---------------------------------------------------------------


async def test_quick_fix_replaces_the_term(client: LanguageClient, folder: Path):
    path = folder / "proposal.md"
    uri = path.as_uri()
    [d] = by_rule(await opened(client, path, PROPOSAL), "preferred-term")
    actions = await actions_at(client, uri, d, only=[types.CodeActionKind.QuickFix])
    [fix] = [a for a in actions if a.title == "「セールスフォース」を「Salesforce」に置換"]
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    fixed = apply_edits(PROPOSAL, fix.edit.changes[uri])
    assert fixed == PROPOSAL.replace("セールスフォース", "Salesforce")
    whole = types.TextDocumentContentChangeWholeDocument(text=fixed)
    assert by_rule(await next_diagnostics(client, uri, change(client, uri, 2, whole)), "preferred-term") == []


async def test_every_suggestion_is_a_quick_fix_and_uncertain_ones_say_so(client: LanguageClient, folder: Path):
    path = folder / "support.md"
    uri = path.as_uri()
    text = "# 体制\n\nCSの担当者を増やします。\n"
    [d] = by_rule(await opened(client, path, text), "ambiguous-term")
    titles = [a.title for a in await actions_at(client, uri, d)]
    assert "「CS」を「カスタマーサポート」に置換(要確認)" in titles
    assert "「CS」を「カスタマーサクセス」に置換(要確認)" in titles


async def test_fix_all_applies_every_certain_fix(client: LanguageClient, folder: Path):
    path = folder / "proposal.md"
    uri = path.as_uri()
    text = PROPOSAL + "マーケティング部門はハブスポットを使います。\n"
    found = await opened(client, path, text)
    assert len(by_rule(found, "preferred-term")) == 2
    actions = await actions_at(client, uri, found[0], only=[types.CodeActionKind.SourceFixAll])
    [fix_all] = [a for a in actions if a.kind == "source.fixAll.yogolint"]
    fixed = apply_edits(text, fix_all.edit.changes[uri])
    assert fixed == text.replace("セールスフォース", "Salesforce").replace("ハブスポット", "HubSpot")
    whole = types.TextDocumentContentChangeWholeDocument(text=fixed)
    assert by_rule(await next_diagnostics(client, uri, change(client, uri, 2, whole)), "preferred-term") == []


async def test_silence_action_inserts_the_markdown_directive(client: LanguageClient, folder: Path):
    path = folder / "proposal.md"
    uri = path.as_uri()
    [d] = by_rule(await opened(client, path, PROPOSAL), "preferred-term")
    [action] = [a for a in await actions_at(client, uri, d) if "抑制" in a.title]
    silenced = apply_edits(PROPOSAL, action.edit.changes[uri])
    assert silenced.split("\n")[SALESFORCE_LINE] == "<!-- yogolint-disable-next-line preferred-term -->"
    whole = types.TextDocumentContentChangeWholeDocument(text=silenced)
    assert by_rule(await next_diagnostics(client, uri, change(client, uri, 2, whole)), "preferred-term") == []


async def test_silence_action_in_a_text_file(client: LanguageClient, folder: Path):
    path = folder / "memo.txt"
    uri = path.as_uri()
    text = "議事録\n営業はセールスフォースを使う。\n"
    [d] = by_rule(await opened(client, path, text, language="plaintext"), "preferred-term")
    [action] = [a for a in await actions_at(client, uri, d) if "抑制" in a.title]
    silenced = apply_edits(text, action.edit.changes[uri])
    assert silenced == "議事録\n# yogolint-disable-next-line preferred-term\n営業はセールスフォースを使う。\n"
    whole = types.TextDocumentContentChangeWholeDocument(text=silenced)
    assert await next_diagnostics(client, uri, change(client, uri, 2, whole)) == []


# --- hover --------------------------------------------------------------------


async def test_hover_explains_a_term_that_has_no_finding(client: LanguageClient, folder: Path):
    path = folder / "plan.md"
    text = "# 計画\n\nSalesforceの商談データを移行します。\n"
    assert await opened(client, path, text) == []
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            position=types.Position(line=2, character=3),
        )
    )
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value.startswith("**Salesforce(製品名)**")
    assert "非推奨の表記" in hover.contents.value and "セールスフォース" in hover.contents.value
    assert hover.range == types.Range(
        start=types.Position(line=2, character=0), end=types.Position(line=2, character=len("Salesforce"))
    )
    nothing = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            position=types.Position(line=2, character=14),  # 移行
        )
    )
    assert nothing is None


# --- settings -----------------------------------------------------------------


def watched_change(client: LanguageClient, path: Path, kind=types.FileChangeType.Changed):
    return lambda: client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=path.as_uri(), type=kind)])
    )


async def test_configuration_change_is_picked_up_without_restarting(client: LanguageClient, folder: Path):
    path = folder / "docs" / "proposal.md"
    path.parent.mkdir()
    uri = path.as_uri()
    found = await opened(client, path, PROPOSAL)
    assert by_rule(found, "preferred-term")[0].severity == types.DiagnosticSeverity.Warning
    [watch] = [r for r in client.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert "**/.yogolint.yaml" in {w["globPattern"] for w in watch.register_options["watchers"]}
    config = folder / ".yogolint.yaml"
    config.write_text(
        "rules:\n  preferred-term: error\nrule_docs_url: https://wiki.example.co.jp/terms/{rule}\n", encoding="utf-8"
    )
    [d] = by_rule(
        await next_diagnostics(client, uri, watched_change(client, config, types.FileChangeType.Created)),
        "preferred-term",
    )
    assert d.severity == types.DiagnosticSeverity.Error
    assert d.code_description.href == "https://wiki.example.co.jp/terms/preferred-term"
    config.write_text("rules:\n  preferred-term: false\n", encoding="utf-8")
    assert by_rule(await next_diagnostics(client, uri, watched_change(client, config)), "preferred-term") == []


async def test_a_team_glossary_change_is_picked_up(client: LanguageClient, folder: Path):
    (folder / ".yogolint.yaml").write_text("glossary: [team.yaml]\n", encoding="utf-8")
    team = folder / "team.yaml"
    team.write_text("entries: []\n", encoding="utf-8")
    path = folder / "memo.md"
    uri = path.as_uri()
    text = "# 週報\n\n今週はカンバン方式で進めました。\n"
    assert await opened(client, path, text) == []
    team.write_text("entries:\n  - term: かんばん\n    kind: concept\n    deprecated: [カンバン]\n", encoding="utf-8")
    [d] = await next_diagnostics(client, uri, watched_change(client, team))
    assert d.code == "preferred-term" and "かんばん" in d.message


async def test_broken_configuration_is_shown_and_the_last_good_settings_stay(client: LanguageClient, folder: Path):
    config = folder / ".yogolint.yaml"
    config.write_text("rules:\n  preferred-term: error\n", encoding="utf-8")
    path = folder / "proposal.md"
    uri = path.as_uri()
    [d] = by_rule(await opened(client, path, PROPOSAL), "preferred-term")
    assert d.severity == types.DiagnosticSeverity.Error
    config.write_text("rules:\n  preferred-term: error\n  no-such-rule: true\n", encoding="utf-8")
    [problem] = await next_diagnostics(client, config.as_uri(), watched_change(client, config))
    assert problem.range.start.line == 2 and "no-such-rule" in problem.message
    assert problem.severity == types.DiagnosticSeverity.Error
    # the document is still linted, with the settings that last loaded
    text = PROPOSAL + "メールはハブスポットで配信します。\n"
    # (the broken file's own re-lint of the document may still be on its way)
    found = await next_diagnostics(
        client,
        uri,
        change(client, uri, 2, types.TextDocumentContentChangeWholeDocument(text=text)),
        until=lambda found: len(by_rule(found, "preferred-term")) == 2,
    )
    assert [x.severity for x in by_rule(found, "preferred-term")] == [types.DiagnosticSeverity.Error] * 2
    # fixed again: the problem goes away
    config.write_text("rules:\n  preferred-term: info\n", encoding="utf-8")
    assert await next_diagnostics(client, config.as_uri(), watched_change(client, config)) == []
    # …and the document is linted again with the new settings (its own publish)
    async with asyncio.timeout(60):
        while {x.severity for x in by_rule(client.diagnostics[uri], "preferred-term")} != {
            types.DiagnosticSeverity.Information
        }:
            await asyncio.sleep(0.02)


async def test_a_broken_glossary_does_not_stop_the_server(client: LanguageClient, folder: Path):
    (folder / ".yogolint.yaml").write_text("glossary: [team.yaml]\n", encoding="utf-8")
    team = folder / "team.yaml"
    team.write_text("entries:\n  - term: かんばん\n    kind: concept\n    deprecated: [カンバン]\n", encoding="utf-8")
    path = folder / "memo.md"
    uri = path.as_uri()
    text = "# 週報\n\n今週はカンバン方式で進めました。\n"
    assert len(await opened(client, path, text)) == 1
    team.write_text("entries:\n  - term: かんばん\n    kind: 概念\n", encoding="utf-8")
    [problem] = await next_diagnostics(client, team.as_uri(), watched_change(client, team))
    assert problem.range.start.line == 2 and "kind" in problem.message
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=2, character=4)
        )
    )
    assert "かんばん" in hover.contents.value  # still the team's entry, from the last good glossary


async def test_saving_a_configuration_in_the_editor_reloads(client: LanguageClient, folder: Path):
    path = folder / "proposal.md"
    uri = path.as_uri()
    assert by_rule(await opened(client, path, PROPOSAL), "preferred-term")
    config = folder / ".yogolint.yaml"
    config.write_text("rules:\n  preferred-term: false\n", encoding="utf-8")
    open_document(client, config, config.read_text(encoding="utf-8"), language="yaml")()  # no findings: not prose

    def save():
        return client.text_document_did_save(
            types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=config.as_uri()))
        )

    assert by_rule(await next_diagnostics(client, uri, save), "preferred-term") == []


# --- robustness and lifecycle ---------------------------------------------------


async def test_a_document_the_engine_cannot_lint_is_logged_and_the_server_goes_on(client: LanguageClient, folder: Path):
    """A prh rule that backtracks is stopped by its time limit: the document
    gets no findings and one log line; other documents are linted as usual."""
    (folder / "prh.yml").write_text("version: 1\nrules:\n  - expected: a\n    pattern: /(?:a|a)+$/\n", encoding="utf-8")
    (folder / ".yogolint.yaml").write_text("prh: [prh.yml]\n", encoding="utf-8")
    bad = folder / "aaa.md"
    assert await opened(client, bad, "a" * 60 + "!\n") == []
    errors = [m for m in client.log_messages if m.type == types.MessageType.Error]
    assert len(errors) == 1 and "aaa.md" in errors[0].message and "backtracks" in errors[0].message
    assert by_rule(await opened(client, folder / "proposal.md", PROPOSAL), "preferred-term")


async def test_shutdown_then_exit_ends_the_server_cleanly(folder: Path):
    client = await ClientServerConfig(server_command=SERVER).start()
    try:
        await start(client, folder)
        assert await client.shutdown_async(None) is None
        client.exit(None)
        async with asyncio.timeout(30):
            assert await client._server.wait() == 0
    finally:
        await client.stop()
