"""`yogolint check -` and `--fix -` (issue 14), through the real command line:
the text comes on standard input, `--stdin-filename` says which file it is."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
YOGOLINT = ROOT / ".venv" / "bin" / "yogolint"
PROPOSAL = "# CRM移行のご提案\n\n営業部門はセールスフォースで商談を管理しています。\nCSの担当者を増やします。\n"


def run(*args: str, stdin: bytes, cwd: Path) -> subprocess.CompletedProcess:
    command = [str(YOGOLINT)] if YOGOLINT.exists() else [sys.executable, "-m", "linter"]
    return subprocess.run(
        [*command, "check", "--no-cache", *args], input=stdin, cwd=cwd, capture_output=True, timeout=120
    )


def test_check_stdin_reports_under_the_given_name(tmp_path):
    result = run("--stdin-filename", "docs/proposal.md", stdin=PROPOSAL.encode(), cwd=tmp_path)
    out = result.stdout.decode()
    assert result.returncode == 1, result.stderr.decode()
    assert "docs/proposal.md:3:6: preferred-term warning [*] セールスフォース → Salesforce" in out
    assert "\n3 | 営業部門はセールスフォースで" in out  # the line quoted from what was read
    assert "docs/proposal.md:4:1: ambiguous-term" in out
    assert not (tmp_path / "docs").exists()


def test_dash_alone_reads_stdin_and_is_shown_as_dash(tmp_path):
    result = run("--format", "json", "-", stdin=PROPOSAL.encode(), cwd=tmp_path)
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert {(d["path"], d["rule"]) for d in report["diagnostics"]} == {("-", "preferred-term"), ("-", "ambiguous-term")}


def test_stdin_filename_finds_the_configuration_of_that_folder(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / ".yogolint.yaml").write_text(
        "rules:\n  ambiguous-term: false\n  preferred-term: error\n", encoding="utf-8"
    )
    result = run("--format", "json", "--stdin-filename", "docs/proposal.md", stdin=PROPOSAL.encode(), cwd=tmp_path)
    [d] = json.loads(result.stdout)["diagnostics"]
    assert (d["rule"], d["severity"]) == ("preferred-term", "error")
    elsewhere = run("--format", "json", "--stdin-filename", "notes/proposal.md", stdin=PROPOSAL.encode(), cwd=tmp_path)
    assert len(json.loads(elsewhere.stdout)["diagnostics"]) == 2


def test_stdin_filename_decides_markdown_or_text(tmp_path):
    text = "コードでは `セールスフォース` という変数名を使います。\n".encode()
    assert run("--stdin-filename", "a.md", stdin=text, cwd=tmp_path).returncode == 0  # a code span
    as_text = run("--stdin-filename", "a.txt", stdin=text, cwd=tmp_path)
    assert as_text.returncode == 1 and "a.txt:1:8: preferred-term" in as_text.stdout.decode()


def test_fix_dash_prints_the_fixed_text_and_reports_the_rest_on_stderr(tmp_path):
    result = run("--fix", "--stdin-filename", "proposal.md", "-", stdin=PROPOSAL.encode(), cwd=tmp_path)
    assert result.stdout.decode() == PROPOSAL.replace("セールスフォース", "Salesforce")
    err = result.stderr.decode()
    assert "proposal.md:4:1: ambiguous-term" in err and "1 件を修正しました" in err
    assert result.returncode == 1  # CS is left: it needs a person


def test_fix_dash_keeps_encoding_bom_and_line_endings(tmp_path):
    text = "# 報告\r\n\r\n髙橋さんがハブスポットを導入しました。\r\n"
    data = text.encode("cp932")
    result = run("--fix", "--stdin-filename", "report.md", stdin=data, cwd=tmp_path)
    assert result.stdout == text.replace("ハブスポット", "HubSpot").encode("cp932")
    assert result.returncode == 0, result.stderr.decode()
    bom = b"\xef\xbb\xbf" + "営業はセールスフォースを使う。\n".encode()
    fixed = run("--fix", "--stdin-filename", "memo.txt", stdin=bom, cwd=tmp_path)
    assert fixed.stdout == b"\xef\xbb\xbf" + "営業はSalesforceを使う。\n".encode()


def test_fix_dash_with_nothing_to_fix_prints_the_input_unchanged(tmp_path):
    text = "# 計画\n\nSalesforceの商談データを移行します。".encode()  # no final line break
    result = run("--fix", "-", stdin=text, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, text)


def test_diff_dash_prints_the_fix_as_a_diff(tmp_path):
    result = run("--diff", "--stdin-filename", "proposal.md", stdin=PROPOSAL.encode(), cwd=tmp_path)
    out = result.stdout.decode()
    assert "--- a/proposal.md" in out and "+営業部門はSalesforceで商談を管理しています。" in out
    assert result.returncode == 1


def test_unreadable_stdin_is_one_error_line(tmp_path):
    result = run("--stdin-filename", "memo.txt", stdin=b"\x00\x01binary", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == ["yogolint: memo.txt: binary file (NUL byte), not text"]


def test_fix_dash_on_unreadable_input_gives_the_input_back(tmp_path):
    data = b"\x00\x01binary"
    result = run("--fix", "-", stdin=data, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, data)


def test_dash_cannot_be_mixed_with_paths(tmp_path):
    (tmp_path / "a.md").write_text(PROPOSAL, encoding="utf-8")
    result = run("-", "a.md", stdin=b"", cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.decode().splitlines()
    assert line.startswith("yogolint: '-' (standard input)")
