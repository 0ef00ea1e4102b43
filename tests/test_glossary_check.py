"""`yogolint glossary check`: the glossary validated as a linter of its own."""

from click.testing import CliRunner

from linter.cli import main

TEAM = """\
title: 社内ツール
entries:
  - term: kintone
    kind: product
    definition: サイボウズの業務アプリ作成クラウドサービス。
    deprecated: [キントーン]
  - term: キントーン連携
    kind: concept
    definition: 他のシステムとkintoneのデータをつなぐこと。
  - term: Chatwork
    kind: product
    definition: 国産のビジネスチャット。
    deprecated: [チャットワーク]
  - term: チャットワーク
    kind: concept
  - term: Google Workspace
    kind: product
    definition: Googleのグループウェア(旧G Suite)。
  - term: GoogleWorkspace
    kind: concept
    definition: Google Workspaceの表記揺れ。
"""


def run(*args):
    return CliRunner().invoke(main, ["glossary", "check", *args], catch_exceptions=False)


def test_builtin_glossary_passes():
    result = run()
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "glossary: no findings\n"


def test_findings_name_file_line_and_exit_1(tmp_path):
    team = tmp_path / "team.yaml"
    team.write_text(TEAM, encoding="utf-8")
    result = run("--no-builtin", "--glossary", str(team))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        f"{team}:14: duplicate-spelling: name 'チャットワーク' of 'チャットワーク' is the deprecated spelling "
        f"'チャットワーク' of 'Chatwork' ({team}:10)" in lines
    )
    assert any(
        line.startswith(
            f"{team}:19: near-duplicate: name 'GoogleWorkspace' of 'GoogleWorkspace' is nearly "
            f"the name 'Google Workspace'"
        )
        for line in lines
    )
    assert any(
        line.startswith(
            f"{team}:3: shadowed-form: deprecated spelling 'キントーン' of 'kintone' is a word of "
            f"the name 'キントーン連携'"
        )
        for line in lines
    )
    assert f"{team}:14: missing-definition: 'チャットワーク' has no definition" in lines
    assert len(lines) == 4
    assert "4 finding(s)" in result.stderr


def test_not_in_says_the_shadowing_is_meant(tmp_path):
    team = tmp_path / "team.yaml"
    team.write_text(
        TEAM.split("  - term: Chatwork")[0].replace(
            "deprecated: [キントーン]", "deprecated: [キントーン]\n    not_in: [キントーン連携]"
        ),
        encoding="utf-8",
    )
    assert run("--no-builtin", "--glossary", str(team)).exit_code == 0
