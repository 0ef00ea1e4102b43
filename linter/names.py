"""Names and identifiers in real text.

An identifier (`CS-Team::RM`, `utm_source=marketo`, `#cs-support`) is no
word of the prose; a run of capitalised English words (`VP of Customer
Success`) is a proper name the writer cannot reword.
"""
from __future__ import annotations

import re

# Characters that glue a name to the Latin letters or digits beside it (`::` too).
_GLUE = frozenset("-_.=&#@")


def _latin_or_digit(char: str) -> bool:
    return char.isascii() and char.isalnum()


def in_identifier(text: str, start: int, end: int) -> bool:
    """text[start:end] is glued by `- _ . = & # @ ::` to other Latin letters
    or digits (`CS-Team`, `cs_owner`, `utm_source=marketo`, `CSOps::Triage`)."""
    if text[max(0, start - 2):start] == "::" and start >= 3 and _latin_or_digit(text[start - 3]):
        return True
    if start >= 2 and text[start - 1] in _GLUE and _latin_or_digit(text[start - 2]):
        return True
    if text[end:end + 2] == "::" and end + 2 < len(text) and _latin_or_digit(text[end + 2]):
        return True
    return end + 1 < len(text) and text[end] in _GLUE and _latin_or_digit(text[end + 1])


# A word of an English name: capitalised, or a number (`Dynamics 365 Sales`);
# small words join two of them (`VP of Customer Success`).
_NAME_WORD = re.compile(r"[A-Z][A-Za-z0-9'’]*|[0-9]+[A-Za-z]*")
_JOINERS = frozenset({"of", "and", "for", "the", "to", "in", "on", "&"})
_WORD = re.compile(r"[A-Za-z0-9'’&]+")


def english_name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The run of two or more capitalised English words, one blank apart on
    one line, that contains text[start:end] and is longer than it; None when
    the span stands alone."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, line_start, line_end)]
    inside = [i for i, (s, e) in enumerate(words) if s < end and e > start]
    if not inside or not all(_NAME_WORD.fullmatch(text[s:e]) for s, e in (words[i] for i in inside)):
        return None
    lo, hi = inside[0], inside[-1]

    def joined(a: int, b: int) -> bool:  # words a and b one blank apart
        return text[words[a][1]:words[b][0]] == " "

    def name_word(i: int) -> bool:
        return _NAME_WORD.fullmatch(text[words[i][0]:words[i][1]]) is not None

    def small_word(i: int) -> bool:
        return text[words[i][0]:words[i][1]] in _JOINERS

    while lo > 0 and joined(lo - 1, lo):
        if name_word(lo - 1):
            lo -= 1
        elif small_word(lo - 1) and lo > 1 and joined(lo - 2, lo - 1) and name_word(lo - 2):
            lo -= 2
        else:
            break
    while hi + 1 < len(words) and joined(hi, hi + 1):
        if name_word(hi + 1):
            hi += 1
        elif small_word(hi + 1) and hi + 2 < len(words) and joined(hi + 1, hi + 2) and name_word(hi + 2):
            hi += 2
        else:
            break
    span = (min(start, words[lo][0]), max(end, words[hi][1]))
    return None if span == (start, end) or lo == hi else span
