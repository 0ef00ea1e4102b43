"""`--format github`: GitHub Actions workflow commands, one annotation a finding.

Each line is parsed back the way the Actions runner reads it (split the
properties on `,`, each at its first `=`, the message after the second `::`,
then unescape) and compared with the JSON report of the same run.
"""

from __future__ import annotations

import json
import re

import pytest

from linter.diagnostics import Diagnostic
from linter.reporters import Report, render

LINE = re.compile(r"^::(?P<command>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = LINE.match(line)
    assert match, line
    props = {}
    for pair in match["props"].split(","):
        key, _, value = pair.partition("=")
        props[key] = unescape(value)
    return match["command"], props, unescape(match["message"])


@pytest.fixture
def folder(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.md").write_text(
        "# 計画\n\nセールスフォースからハブスポットへ移行し、MQLの定義を揃える。\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_each_finding_is_one_annotation_that_parses_back(cli, folder):
    result = cli("check", "--format", "github", "docs")
    assert result.exit_code == 1
    expected = json.loads(cli("check", "--format", "json", "docs").stdout)["diagnostics"]
    lines = result.stdout.splitlines()
    assert len(lines) == len(expected) >= 3
    for line, d in zip(lines, expected, strict=True):
        command, props, message = parse(line)
        assert command == {"warning": "warning", "info": "notice", "error": "error"}[d["severity"]]
        assert props == {
            "file": "docs/plan.md",
            "line": str(d["line"]),
            "col": str(d["column"]),
            "endLine": str(d["end_line"]),
            "endColumn": str(d["end_column"]),
            "title": f"yogolint ({d['rule']})",
        }
        assert message == d["message"]


def test_info_is_a_notice():
    report = Report(
        diagnostics=[
            Diagnostic("a.md", "undefined-abbreviation", "info", "MQL", "「MQL」が未定義", 0, 3, 1, 1, 1, 4),
            Diagnostic("a.md", "preferred-term", "error", "X", "x", 0, 1, 2, 1, 2, 2),
        ]
    )
    commands = [line.split(" ", 1)[0] for line in render(report, "github").splitlines()]
    assert commands == ["::notice", "::error"]


def test_escaping_of_japanese_message_with_comma_colon_percent_and_newlines():
    message = "「CS」は、意味: 未定義です。達成率100%\r\n次の行"
    d = Diagnostic("docs/議事録,v1:最終.md", "ambiguous-term", "warning", "CS", message, 0, 2, 3, 5, 3, 7)
    out = render(Report(diagnostics=[d]), "github")
    assert out == (
        "::warning file=docs/議事録%2Cv1%3A最終.md,line=3,col=5,endLine=3,endColumn=7,"
        "title=yogolint (ambiguous-term)"
        "::「CS」は、意味: 未定義です。達成率100%25%0D%0A次の行\n"
    )
    # one physical line, and it reads back to the original values
    assert out.count("\n") == 1
    command, props, parsed = parse(out.rstrip("\n"))
    assert parsed == message
    assert props["file"] == "docs/議事録,v1:最終.md"


def test_unreadable_files_are_error_annotations():
    out = render(Report(errors=["docs/x.md: not valid UTF-8, UTF-16 or CP932"]), "github")
    assert out == "::error title=yogolint::docs/x.md: not valid UTF-8, UTF-16 or CP932\n"


def test_no_findings_prints_nothing(cli, tmp_path, monkeypatch):
    (tmp_path / "ok.md").write_text("問題のない文章です。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = cli("check", "--format", "github", "ok.md")
    assert result.exit_code == 0
    assert result.stdout == ""
