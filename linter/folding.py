"""Width folding with a map back to original offsets.

`ＣＳ` and `ｾｰﾙｽﾌｫｰｽ` must be found by patterns written `CS` and
`セールスフォース`. Folding is one character to one character (a translate
table, fast in C) except where half-width kana carry a separate voicing mark
(`ﾃﾞ` → `デ`); only then is an explicit offset map built. Letter case is not
folded here: the automaton holds the case variants a spelling admits, so that
`is` in English prose is never a candidate for the abbreviation `IS`.
"""

from __future__ import annotations

import re
import unicodedata

_VOICING_MARKS = ("\uff9e", "\uff9f")
# Only the characters a spelling can contain are folded: full-width letters and
# digits and half-width kana. Full-width punctuation (（）, ：) is common in
# Japanese and never part of a spelling, so most files need no translate at all.
_NEEDS_FOLDING = re.compile("[０-９Ａ-Ｚａ-ｚ\uff61-\uff9f]")


# Full-width digits and letters → ASCII, code point to code point: the one
# table of that folding (the prh prefilter builds its own maps from it).
FULL_WIDTH_ALNUM: dict[int, int] = {
    code: code - 0xFEE0
    for first, last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for code in range(first, last + 1)
}


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {code: chr(ascii_code) for code, ascii_code in FULL_WIDTH_ALNUM.items()}
    for code in range(0xFF61, 0xFFA0):  # half-width katakana and marks
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1:
            table[code] = folded
    return table


_TABLE = _build_table()


def fold(text: str) -> tuple[str, list[int] | None]:
    """Folded text and, when lengths differ, offsets[i] = original offset of
    folded character i (with one extra entry for the end). None: identity."""
    if not _NEEDS_FOLDING.search(text):
        return text, None
    if not any(mark in text for mark in _VOICING_MARKS):
        return text.translate(_TABLE), None
    chars: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if i + 1 < n and text[i + 1] in _VOICING_MARKS:
            combined = unicodedata.normalize("NFKC", text[i : i + 2])
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


def case_variants(form: str) -> set[str]:
    """The letter cases in which a caseless spelling is looked for."""
    words = form.split(" ")
    return {
        form,
        form.lower(),
        form.upper(),
        " ".join(w[:1].upper() + w[1:].lower() for w in words),
        form[:1].upper() + form[1:].lower(),
    }


def width_normalize(text: str) -> str:
    """NFKC without case folding: `ＣＳ` → `CS`, `ｾｰﾙｽ` → `セールス`."""
    return unicodedata.normalize("NFKC", text)


def spelling_key(form: str) -> str:
    """Width- and case-blind identity of a spelling (glossary uniqueness, look-up)."""
    return width_normalize(form).casefold()
