"""`yogolint server`: a language server over stdio, on pygls.

The editor's buffer is linted as it is, through the same entry point as the
command line (linter.api): on open and save at once, on change after a pause
in typing (DEBOUNCE), cleared on close. Settings are discovered per document
as the CLI does; the linters they build (automaton, Sudachi, prh rules) stay
warm in this one process and are rebuilt only when a configuration, glossary
or prh file changes. Broken settings are shown on the file that has the
problem while the last good settings keep working; a document the engine
cannot lint is logged once and left without findings. The server keeps
serving either way.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path

from linter import __version__
from linter.api import fix_source, lint_source, text_source
from linter.config import CONFIG_NAMES, forget_discovered
from linter.diagnostics import Diagnostic
from linter.documents import is_markdown
from linter.explain import explain_markdown
from linter.files import LINTED_SUFFIXES
from linter.lsp_positions import Positions
from linter.matching import glued_to_latin
from linter.silencing import silence
from linter.source import Source
from linter.tokenizer import keep_segmentations
from linter.workspace import Options, SettingsError, Workspace

DEBOUNCE = 0.3  # seconds of quiet after a change before the buffer is linted
SOURCE = "yogolint"
FIX_ALL = "source.fixAll.yogolint"
LINTED_LANGUAGES = {"markdown", "plaintext", "text", "mdx"}
SETTINGS_SUFFIXES = (".yaml", ".yml", ".toml")  # configurations, glossaries, prh dictionaries
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_SETTINGS_ERROR = re.compile(r"(?P<path>.+?):(?:(?P<line>\d+):)? (?P<problem>.*)", re.S)

log = logging.getLogger("yogolint.server")


class Settings:
    """One generation of settings (until the next reload): a Workspace, and
    per document the last settings that loaded, kept across reloads."""

    def __init__(self, options: Options, last_good: dict[str, Workspace] | None = None):
        self.last_good = last_good if last_good is not None else {}
        self.broken: dict[str, str] = {}  # path → message, so a broken file is read once per generation
        try:
            self.workspace: Workspace | None = Workspace(options)
            self.error = None
        except SettingsError as exc:  # --config names a broken file
            self.workspace, self.error = None, str(exc)

    def for_path(self, path: Path) -> tuple[Workspace | None, str | None]:
        """(the workspace to lint `path` with, or None; the settings error, if any)."""
        key = str(path)
        if key in self.broken:
            return self.last_good.get(key), self.broken[key]
        try:
            if self.workspace is None:
                raise SettingsError(self.error)
            if not self.workspace.is_excluded(path):
                self.workspace.linter_for(path)  # builds (or finds) it, so that a broken file says so here
        except SettingsError as exc:
            self.broken[key] = str(exc)
            return self.last_good.get(key), str(exc)
        self.last_good[key] = self.workspace
        return self.workspace, None


@dataclass
class Linted:
    """The findings of one version of one document."""

    version: int | None
    path: Path
    source: Source
    positions: Positions
    findings: list[Diagnostic]
    workspace: Workspace | None  # yogolint's settings it was linted with (not pygls' workspace of documents)


class YogolintServer(LanguageServer):
    def __init__(self, options: Options):
        super().__init__("yogolint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.options = options
        self.settings = Settings(options)
        self.linted: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.failed: set[str] = set()  # documents whose failure was logged (once)
        self.settings_errors: set[str] = set()  # uris showing a settings error
        self.shutdown_requested = False

    # --- linting -----------------------------------------------------------

    def schedule(self, uri: str) -> None:
        self.cancel(uri)
        self.pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE, self.lint, uri)

    def cancel(self, uri: str) -> None:
        timer = self.pending.pop(uri, None)
        if timer is not None:
            timer.cancel()

    def lint(self, uri: str) -> Linted | None:
        """Lint the open document now and publish its findings."""
        self.cancel(uri)
        document = self.workspace.text_documents.get(uri)
        if document is None or not _lintable(document):
            return None
        path = Path(document.path)
        text = document.source
        shown = str(path)
        if document.language_id == "markdown" and not is_markdown(shown):
            shown += ".md"  # an untitled Markdown buffer
        source = text_source(text, shown)
        workspace, error = self.settings.for_path(path)
        if error is not None:
            self.show_settings_error(error)
        findings: list[Diagnostic] = []
        if workspace is not None:
            try:
                findings = lint_source(workspace, path, source)
                self.failed.discard(uri)
            except Exception as exc:  # noqa: BLE001 - one document must not stop the server
                if uri not in self.failed:
                    self.failed.add(uri)
                    self.log(types.MessageType.Error, f"yogolint: cannot lint {path}: {type(exc).__name__}: {exc}")
        positions = Positions(text, self.workspace.position_encoding)
        linted = Linted(document.version, path, source, positions, findings, workspace)
        self.linted[uri] = linted
        docs_url = _docs_url(workspace, path)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=document.version,
                diagnostics=[to_lsp(d, positions, docs_url) for d in findings],
            )
        )
        return linted

    def current(self, uri: str) -> Linted | None:
        """The findings of the document as it is now (linted again if a
        change is still waiting for its pause)."""
        document = self.workspace.text_documents.get(uri)
        linted = self.linted.get(uri)
        if document is None:
            return None
        if linted is None or linted.version != document.version or linted.source.text != document.source:
            return self.lint(uri)
        return linted

    def close(self, uri: str) -> None:
        self.cancel(uri)
        self.linted.pop(uri, None)
        self.failed.discard(uri)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    # --- settings ----------------------------------------------------------

    def reload(self) -> None:
        """A configuration, glossary or prh file changed: read the settings
        anew and lint every open document again."""
        forget_discovered()
        self.settings = Settings(self.options, self.settings.last_good)
        stale, self.settings_errors = self.settings_errors, set()
        for uri in list(self.workspace.text_documents):
            self.lint(uri)
        # Cleared after the documents are linted again, so that a client that
        # sees the settings file clean also sees findings under the new settings.
        for uri in stale - self.settings_errors:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def show_settings_error(self, message: str) -> None:
        """One diagnostic on the file the message names (once per generation)."""
        found = _SETTINGS_ERROR.fullmatch(message)
        if found is None:
            self.log(types.MessageType.Error, f"yogolint: {message}")
            return
        path = Path(found["path"]).absolute()
        uri = from_fs_path(str(path)) or path.as_uri()
        if uri in self.settings_errors:
            return
        self.settings_errors.add(uri)
        self.log(types.MessageType.Error, f"yogolint: {message} (the last settings that loaded stay in force)")
        line = max(int(found["line"] or 1) - 1, 0)
        open_document = self.workspace.text_documents.get(uri)
        try:
            text = open_document.source if open_document else path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        positions = Positions(text, self.workspace.position_encoding)
        start = positions.line_start(line)  # (the last line, if the file is shorter now)
        end = positions.line_end(positions.line_of(start))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                diagnostics=[
                    types.Diagnostic(
                        range=positions.range(start, end),
                        message=found["problem"],
                        source=SOURCE,
                        severity=types.DiagnosticSeverity.Error,
                        code="settings",
                    ),
                ],
            )
        )

    def log(self, kind: types.MessageType, message: str) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))


def _lintable(document) -> bool:
    return document.path.lower().endswith(LINTED_SUFFIXES) or document.language_id in LINTED_LANGUAGES


def is_settings_file(path: str) -> bool:
    return Path(path).name in CONFIG_NAMES or path.lower().endswith(SETTINGS_SUFFIXES)


def _docs_url(workspace: Workspace | None, path: Path) -> str | None:
    if workspace is None:
        return None
    try:
        return workspace.config_for(path).rule_docs_url
    except SettingsError:
        return None


# --- findings → LSP --------------------------------------------------------


def fix_is_safe(diagnostic: Diagnostic) -> bool:
    """Whether the diagnostic's `fix` is one `--fix` applies without asking."""
    return diagnostic.fix is not None and diagnostic.fix.safe


def _range_json(positions: Positions, start: int, end: int) -> dict:
    r = positions.range(start, end)
    return {
        "start": {"line": r.start.line, "character": r.start.character},
        "end": {"line": r.end.line, "character": r.end.character},
    }


def to_lsp(d: Diagnostic, positions: Positions, docs_url: str | None = None) -> types.Diagnostic:
    fix = None
    if d.fix is not None:
        fix = {
            "range": _range_json(positions, d.fix.start, d.fix.end),
            "newText": d.fix.replacement,
            "safe": fix_is_safe(d),
        }
    return types.Diagnostic(
        range=positions.range(d.start, d.end),
        message=d.message,
        severity=_SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
        code=d.rule,
        code_description=types.CodeDescription(href=docs_url.replace("{rule}", d.rule)) if docs_url else None,
        source=SOURCE,
        data={"rule": d.rule, "term": d.term, "suggestions": list(d.suggestions), "fix": fix},
    )


def quick_fixes(uri: str, linted: Linted, d: Diagnostic, lsp: types.Diagnostic) -> list[types.CodeAction]:
    """One action per suggestion; the certain fix first, preferred, the others
    marked for a look before they are applied."""
    replacements = list(dict.fromkeys(([d.fix.replacement] if d.fix else []) + list(d.suggestions)))
    actions = []
    for replacement in replacements:
        certain = d.fix is not None and d.fix.replacement == replacement
        start, end = (d.fix.start, d.fix.end) if certain and d.fix is not None else (d.start, d.end)
        safe = certain and fix_is_safe(d)
        title = f"「{linted.source.text[start:end]}」を「{replacement}」に置換"
        actions.append(
            types.CodeAction(
                title=title if safe else f"{title}(要確認)",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[lsp],
                is_preferred=safe,
                edit=types.WorkspaceEdit(
                    changes={
                        uri: [
                            types.TextEdit(range=linted.positions.range(start, end), new_text=replacement),
                        ]
                    }
                ),
            )
        )
    return actions


_SCOPE_TITLE = {"line": "この行", "paragraph": "この段落", "table": "この表"}


def silence_action(uri: str, linted: Linted, d: Diagnostic, lsp: types.Diagnostic) -> types.CodeAction:
    found = silence(linted.source.text, is_markdown(linted.source.path), d.start, d.rule)
    edits = [
        types.TextEdit(range=linted.positions.range(i.offset, i.offset), new_text=i.text) for i in found.insertions
    ]
    return types.CodeAction(
        title=f"{_SCOPE_TITLE[found.scope]}の {d.rule} を抑制(yogolint-disable コメント)",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp],
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )


def fix_all_action(uri: str, linted: Linted) -> types.CodeAction | None:
    """Every fix `--fix` would make in this document, as one edit."""
    if linted.workspace is None or not any(fix_is_safe(d) for d in linted.findings):
        return None
    try:
        fixed, count, _ = fix_source(linted.workspace, linted.path, linted.source)
    except Exception:  # noqa: BLE001 - the fixes failed where the lint did not: offer none
        log.exception("fix-all failed for %s", linted.path)
        return None
    before, after = linted.source.text, fixed.text
    if before.startswith("\ufeff") and not after.startswith("\ufeff"):
        after = "\ufeff" + after  # the fix passes read it as a BOM; the buffer keeps it
    if not count or before == after:
        return None
    head = 0
    while head < min(len(before), len(after)) and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < min(len(before), len(after)) - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    edit = types.TextEdit(
        range=linted.positions.range(head, len(before) - tail), new_text=after[head : len(after) - tail]
    )
    return types.CodeAction(
        title=f"yogolint: 確実な修正をすべて適用({count} 件)",
        kind=FIX_ALL,
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )


def _wants(only: Sequence[str] | None, kind: str) -> bool:
    return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)


# --- the protocol ----------------------------------------------------------


def build(options: Options | None = None) -> YogolintServer:
    keep_segmentations()  # every edit re-lints the whole document: its other blocks read as before
    server = YogolintServer(options or Options())

    @server.feature(types.INITIALIZED)
    def initialized(ls: YogolintServer, params: types.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if not (watched and watched.dynamic_registration):
            return  # the client watches nothing for us; saves of settings files still reload
        patterns = [f"**/{name}" for name in CONFIG_NAMES] + ["**/*.yaml", "**/*.yml"]
        future = ls.client_register_capability(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id="yogolint-settings-files",
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=types.DidChangeWatchedFilesRegistrationOptions(
                            watchers=[types.FileSystemWatcher(glob_pattern=p) for p in dict.fromkeys(patterns)],
                        ),
                    )
                ]
            )
        )
        future.add_done_callback(lambda f: f.exception())  # a refusal only means no watching

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: YogolintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.lint(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: YogolintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: YogolintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        document = ls.workspace.text_documents.get(uri)
        if document is not None and is_settings_file(document.path):
            ls.reload()
        else:
            ls.lint(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: YogolintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: YogolintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(is_settings_file(change.uri) for change in params.changes):
            ls.reload()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(ls: YogolintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        linted = ls.current(uri)
        if linted is None:
            return None
        only = params.context.only
        actions: list[types.CodeAction] = []
        if _wants(only, types.CodeActionKind.QuickFix):
            start, end = linted.positions.offset(params.range.start), linted.positions.offset(params.range.end)
            docs_url = _docs_url(linted.workspace, linted.path)
            for d in linted.findings:
                if d.start <= end and start <= d.end:
                    lsp = to_lsp(d, linted.positions, docs_url)
                    actions += quick_fixes(uri, linted, d, lsp)
                    actions.append(silence_action(uri, linted, d, lsp))
        if _wants(only, FIX_ALL):
            fix_all = fix_all_action(uri, linted)
            if fix_all is not None:
                actions.append(fix_all)
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: YogolintServer, params: types.HoverParams) -> types.Hover | None:
        linted = ls.current(params.text_document.uri)
        if linted is None or linted.workspace is None:
            return None
        try:
            linter = linted.workspace.linter_for(linted.path)
        except SettingsError:
            return None
        text, positions = linted.source.text, linted.positions
        offset = positions.offset(params.position)
        line = positions.line_of(offset)
        start = positions.line_start(line)
        for candidate in linter.automaton.candidates(text[start : positions.line_end(line)]):
            s, e = start + candidate.start, start + candidate.end
            if s <= offset < e and not glued_to_latin(text, s, e):
                return types.Hover(
                    contents=types.MarkupContent(
                        kind=types.MarkupKind.Markdown, value=explain_markdown(linter.glossary, candidate.entry)
                    ),
                    range=positions.range(s, e),
                )
        return None

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: YogolintServer, params: None) -> None:
        ls.shutdown_requested = True
        for uri in list(ls.pending):
            ls.cancel(uri)

    return server


def serve(options: Options | None = None) -> int:
    """Run over stdin/stdout until the client says exit; 0 when it asked for
    shutdown first, 1 otherwise (as the protocol says)."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="yogolint server: %(message)s")
    server = build(options)
    # The protocol gets its own handle on standard output (pygls closes it at
    # exit); anything else printed goes to standard error, never into the stream.
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout.flush()
    sys.stdout = sys.stderr
    server.start_io(sys.stdin.buffer, protocol_out)
    return 0 if server.shutdown_requested else 1
