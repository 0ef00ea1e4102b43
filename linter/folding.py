"""Width and case folding with a map back to original offsets.

`ＣＳ`, `ｾｰﾙｽﾌｫｰｽ` and `hubspot` must be found by patterns written `CS`,
`セールスフォース` and `HubSpot`. Folding is one character to one character
(a translate table, fast in C) except where half-width kana carry a separate
voicing mark (`ﾃﾞ` → `デ`); only then is an explicit offset map built.
"""
from __future__ import annotations

import unicodedata

_VOICING_MARKS = ("\uff9e", "\uff9f")


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x41, 0x5B):  # A-Z
        table[code] = chr(code + 0x20)
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII
        table[code] = chr(code - 0xFEE0).lower()
    table[0x3000] = " "  # ideographic space
    for code in range(0xFF61, 0xFFA0):  # half-width katakana and marks
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1:
            table[code] = folded
    return table


_TABLE = _build_table()


def fold(text: str) -> tuple[str, list[int] | None]:
    """Folded text and, when lengths differ, offsets[i] = original offset of
    folded character i (with one extra entry for the end). None: identity."""
    if not any(mark in text for mark in _VOICING_MARKS):
        return text.translate(_TABLE), None
    chars: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if i + 1 < n and text[i + 1] in _VOICING_MARKS:
            combined = unicodedata.normalize("NFKC", text[i:i + 2])
            if len(combined) == 1:
                chars.append(combined)
                offsets.append(i)
                i += 2
                continue
        chars.append(text[i].translate(_TABLE))
        offsets.append(i)
        i += 1
    offsets.append(n)
    return "".join(chars), offsets


def fold_pattern(form: str) -> str:
    return fold(form)[0]


def width_normalize(text: str) -> str:
    """NFKC without case folding: `ＣＳ` → `CS`, `ｾｰﾙｽ` → `セールス`."""
    return unicodedata.normalize("NFKC", text)
