"""How a file name is shown in every report, message and output format.

A POSIX name is bytes: those that are not UTF-8 reach Python as lone
surrogates, which no UTF-8 output (JSON, SARIF, `-o`) can hold, and control
characters (ESC, CR, LF) in a name could rewrite a terminal or forge report
lines. Both are shown as `\\xNN` (the byte, or the character's code), so
every format stays valid and one line stays one line. Names are escaped
once, where the file is found (linter.files); the real path is kept beside it.
"""

from __future__ import annotations

import re

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable_path(name: str) -> str:
    if not _UNPRINTABLE.search(name):
        return name
    return _UNPRINTABLE.sub(_escape, name)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    if code > 0xFF:
        return f"\\u{code:04x}"
    return f"\\x{code:02x}"
