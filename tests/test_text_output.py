"""The text output a writer reads in a terminal, through the real command line:
the source line with a marker under the exact span in display columns, the
severity, `[*]`, one summary line, and when colour is used (issue 15)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
YOGOLINT = ROOT / ".venv" / "bin" / "yogolint"
ESC = "\x1b["

# Wide characters and a tab before the terms: "移行:" is 5 columns, the tab
# moves to column 8.
MEMO = "移行:\tセールスフォースの商談をハブスポットへ移す。\n"


def run(*args, cwd: Path, env: dict | None = None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    command = [str(YOGOLINT)] if YOGOLINT.exists() else [sys.executable, "-m", "linter"]
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    return subprocess.run(
        [*command, *map(str, args)],
        cwd=cwd,
        env={**base, **(env or {})},
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture
def memo(tmp_path) -> Path:
    (tmp_path / "memo.txt").write_text(MEMO, encoding="utf-8")
    return tmp_path


def test_the_marker_is_under_the_term_in_display_columns(memo):
    result = run("check", "--no-cache", "memo.txt", cwd=memo)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "memo.txt:1:5: preferred-term warning [*] セールスフォース → Salesforce (製品名は公式表記で)",
        "  |",
        "1 | 移行:   セールスフォースの商談をハブスポットへ移す。",
        "  | " + " " * 8 + "^" * 16,  # 移行: is 5 columns, the tab moves to 8
        "  |",
        "  = 候補: Salesforce",
        "",
        "memo.txt:1:17: preferred-term warning [*] ハブスポット → HubSpot (製品名は公式表記で)",
        "  |",
        "1 | 移行:   セールスフォースの商談をハブスポットへ移す。",
        "  | " + " " * 32 + "^" * 12,  # 8 + 16 (セールスフォース) + 8 (の商談を)
        "  |",
        "  = 候補: HubSpot",
        "",
        "指摘 2 件: 1 ファイル (検査 1 ファイル)。[*] 2 件は --fix で修正できます。",
    ]


def test_a_long_line_is_cut_around_the_term(tmp_path):
    before = "これは長い前置きの文章です。" * 20
    after = "そして長い後書きが続きます。" * 20
    (tmp_path / "long.txt").write_text(before + "ハブスポット" + after + "\n", encoding="utf-8")
    result = run("check", "--no-cache", "long.txt", cwd=tmp_path, env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    source, marker = lines[2], lines[3]
    assert source.startswith("1 | ...") and source.endswith("...")
    width = sum(2 if "\u3000" <= c <= "\uffef" and c not in "｡｢｣､･ｦ" else 1 for c in source)
    assert width <= 80
    # the marker's columns are the term's: everything before it is two columns a character
    prefix = source[len("1 | ") : source.index("ハブスポット")]
    assert marker == "  | " + " " * (3 + 2 * (len(prefix) - 3)) + "^" * 12


def test_severity_is_shown_as_configured(memo):
    (memo / ".yogolint.yaml").write_text("rules:\n  preferred-term: error\n", encoding="utf-8")
    result = run("check", "--no-cache", "--output-format", "concise", "memo.txt", cwd=memo)
    assert (
        result.stdout.splitlines()[0]
        == "memo.txt:1:5: preferred-term error [*] セールスフォース → Salesforce (製品名は公式表記で)"
    )


def test_unsafe_fixes_are_not_marked_and_the_summary_counts_them(tmp_path):
    # a safe fix (a deprecated spelling) and an unsafe one (a company's name
    # where its product is meant: the fix chooses the product)
    (tmp_path / "a.md").write_text(
        "# 提案\n\nセールスフォースから移行し、毎朝Freshworksにログインして商談のステージを更新する。\n",
        encoding="utf-8",
    )
    lines = run("check", "--no-cache", "--output-format", "concise", "a.md", cwd=tmp_path).stdout.splitlines()
    assert lines == [
        "a.md:3:1: preferred-term warning [*] セールスフォース → Salesforce (製品名は公式表記で)",
        lines[1],
        "指摘 2 件: 1 ファイル (検査 1 ファイル)。[*] 1 件は --fix で修正できます (--unsafe-fixes でさらに 1 件)。",
    ]
    assert lines[1].startswith("a.md:3:17: confusable-name warning 「Freshworks」は社名です")  # no [*]
    full = run("check", "--no-cache", "a.md", cwd=tmp_path).stdout
    assert "(--unsafe-fixes で「Freshsales」に置き換え)" in full


def test_no_findings_summary(tmp_path):
    (tmp_path / "ok.md").write_text("問題のない文章です。\n", encoding="utf-8")
    result = run("check", "--no-cache", "ok.md", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "問題は見つかりませんでした (検査 1 ファイル)。\n"


# --- colour -------------------------------------------------------------------


def on_a_terminal(*args, cwd: Path, env: dict | None = None) -> str:
    """What the command prints when its stdout is a terminal (a pseudo-terminal)."""
    master, slave = pty.openpty()
    try:
        result = run(*args, cwd=cwd, env={"TERM": "xterm", **(env or {})}, stdout=slave)
    finally:
        os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other end is closed and everything was read
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert result.returncode == 1, result.stderr
    return b"".join(chunks).decode("utf-8")


@pytest.mark.parametrize(
    "env, option, coloured",
    [
        ({}, None, True),  # a terminal: colour
        ({"NO_COLOR": "1"}, None, False),  # https://no-color.org
        ({"NO_COLOR": "1"}, "always", True),  # the option wins over the environment
        ({"FORCE_COLOR": "1"}, "never", False),
    ],
)
def test_colour_on_a_terminal(memo, env, option, coloured):
    args = ["check", "--no-cache", *(["--color", option] if option else []), "memo.txt"]
    out = on_a_terminal(*args, cwd=memo, env=env)
    assert (ESC in out) is coloured
    assert "セールスフォース → Salesforce" in out


@pytest.mark.parametrize(
    "env, option, coloured",
    [
        ({}, None, False),  # a pipe or a file: no colour
        ({"FORCE_COLOR": "1"}, None, True),  # https://force-color.org
        ({"FORCE_COLOR": "0"}, None, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, None, False),
        ({}, "always", True),
    ],
)
def test_colour_in_a_pipe(memo, env, option, coloured):
    args = ["check", "--no-cache", *(["--color", option] if option else []), "memo.txt"]
    result = run(*args, cwd=memo, env=env)
    assert (ESC in result.stdout) is coloured


def test_a_report_file_is_coloured_only_when_asked(memo):
    # FORCE_COLOR is for logs read through a pipe; a report file is read later, elsewhere
    result = run("check", "--no-cache", "-o", "report.txt", "memo.txt", cwd=memo, env={"FORCE_COLOR": "1"})
    assert result.stdout == ""
    text = (memo / "report.txt").read_text(encoding="utf-8")
    assert "セールスフォース → Salesforce" in text and ESC not in text
    run("check", "--no-cache", "--color", "always", "-o", "report.txt", "memo.txt", cwd=memo)
    assert ESC in (memo / "report.txt").read_text(encoding="utf-8")


def test_the_gutter_widens_with_the_line_number(tmp_path):
    (tmp_path / "ten.txt").write_text("一行目\n" * 9 + "セールスフォース\n", encoding="utf-8")
    lines = run("check", "--no-cache", "ten.txt", cwd=tmp_path).stdout.splitlines()
    assert lines[1:6] == ["   |", "10 | セールスフォース", "   | " + "^" * 16, "   |", "   = 候補: Salesforce"]
