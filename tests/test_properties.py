"""Properties of check and --fix for any text (Hypothesis), in-process.

Random text is mixed with real glossary spellings (full- and half-width,
Markdown code, links, comments) and written as UTF-8, UTF-8 with BOM, UTF-16
with BOM or CP932, with LF or CRLF, sometimes with bytes that are not UTF-8
(a lone surrogate written as UTF-8 bytes).
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from linter.files import FileTarget
from linter.runner import CheckRequest, lint_file
from linter.source import decode
from linter.workspace import Options, Workspace

PIECES = [
    "セールスフォース",
    "ｾｰﾙｽﾌｫｰｽ",
    "Salesforce",
    "CS",
    "ＣＳ",
    "Freshworks",
    "Hubspot",
    "HubSpot",
    "MQL",
    "カスタマーサクセス",
    "Customer Success",
    "LTV",
    "CLV",
    "ハブスポット",
    "ServiceCloud",
    "`CS`",
    "`セールスフォース`",
    "[Hubspot](https://hubspot.example/Hubspot)",
    "<!-- CS -->",
    "<!-- yogolint-disable -->",
    "<!-- yogolint-enable -->",
    "https://example.com/CS",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "。",
    "、",
    " ",
    "# ",
    "- ",
    "> ",
    "```\n",
    "    ",
    "| a | b |\n",
    "**",
    "_",
    "ｶﾞｷﾞｸﾞ",
    "ﾊﾟ",
    "ﾞ",
    "ﾟ",
    "e\u0301",
    "\u3099",
    "😀",
    "👩‍💻",
    "（",
    "）",
    "「",
    "」",
    "\t",
    "問い合わせ",
    "解約",
    "チケット",
    "(カスタマーサポート)",
    "MQL(Marketing Qualified Lead)",
]
BAD_UTF8 = b"\xed\xa0\x80"  # U+D800 written as UTF-8: never valid

texts = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(st.characters(exclude_categories=("Cs",)), max_size=8),
    ),
    max_size=40,
).map("".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp932"])
newlines = st.sampled_from(["\n", "\r\n"])
names = st.sampled_from(["doc.md", "doc.txt"])


def encode(text: str, encoding: str, newline: str, bad: bool) -> bytes | None:
    text = text.replace("\r\n", "\n").replace("\n", newline)
    if encoding == "utf-16":
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    else:
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            return None  # not every text has a CP932 form
    if bad and encoding in ("utf-8", "utf-8-sig"):
        data = data[: len(data) // 2] + BAD_UTF8 + data[len(data) // 2 :]
    return data


@pytest.fixture(scope="module")
def workspace():
    ws = Workspace(Options())
    return ws


def lint(workspace, path: Path, fix: bool = False):
    return lint_file(workspace, FileTarget(path, path.name), CheckRequest(paths=[str(path)], fix=fix))


def write(folder: str, name: str, data: bytes) -> Path:
    path = Path(folder) / name
    path.write_bytes(data)
    return path


def offset(source, line: int, column: int) -> int:
    assert 1 <= line <= source.line_count
    start = source.line_start(line)
    line_end = start + len(source.line_text(line))
    result = start + column - 1
    assert start <= result <= line_end + 1
    return result


common = dict(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@settings(**common)
@given(text=texts, encoding=encodings, newline=newlines, bad=st.booleans(), name=names)
def test_check_never_crashes_and_every_position_holds_its_term(workspace, text, encoding, newline, bad, name):
    data = encode(text, encoding, newline, bad)
    assume(data is not None)  # not every text has a CP932 form
    with tempfile.TemporaryDirectory() as folder:
        path = write(folder, name, data)
        result = lint(workspace, path)
    if result.error is not None:
        assert "\n" not in result.error and result.error.startswith(f"{name}: ")
        return
    source = decode(data, name)
    for d in result.diagnostics:
        start = offset(source, d.line, d.column)
        end = offset(source, d.end_line, d.end_column)
        assert source.text[start:end] == d.term, d
        assert (d.start, d.end) == (start, end)


@settings(**common)
@given(text=texts, encoding=encodings, newline=newlines, name=names)
def test_fix_leaves_nothing_fixable_and_is_idempotent(workspace, text, encoding, newline, name):
    data = encode(text, encoding, newline, False)
    assume(data is not None)
    with tempfile.TemporaryDirectory() as folder:
        path = write(folder, name, data)
        before = lint(workspace, path)
        first = lint(workspace, path, fix=True)
        once = path.read_bytes()
        assert first.error == before.error
        if before.error is not None:  # e.g. a NUL character: refused, never written
            assert once == data
            return
        # only the safe fixes are applied; the unsafe ones (a choice between products) stay findings
        assert not [d for d in lint(workspace, path).diagnostics if d.fix is not None and d.fix.safe]
        lint(workspace, path, fix=True)
        assert path.read_bytes() == once  # --fix twice == --fix once
        if not [d for d in before.diagnostics if d.fix is not None and d.fix.safe]:
            assert once == data  # nothing to fix: byte-identical
        else:
            # Written back in the file's own encoding and BOM, line ends kept.
            fixed, original = decode(once, name), decode(data, name)
            assert original.encode(fixed.text) == once
            assert fixed.text.count("\n") == original.text.count("\n")
            assert fixed.text.count("\r\n") == original.text.count("\r\n")
