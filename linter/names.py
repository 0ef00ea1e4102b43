"""Names and identifiers in real text.

Real writing carries labels, parameters and proper names beside its prose:
    identifiers    `CS-Team::RM`, `utm_source=marketo`, `#cs-support`, `MQL-01`
    English names  `VP of Customer Success`, `Renewal Forecast Health`, `CS Skills Exchange`
    shouting       `THE SOFTWARE IS PROVIDED "AS IS"`
A glossary spelling inside an identifier is no word of the prose (no rule
counts it); inside an English name it is a word the writer cannot reword
(the rules that choose between names leave it alone).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Characters that glue a name to the Latin letters or digits beside it into
# one identifier (`::` is two colons; one colon is punctuation: `SalesOPS: Waiting`).
_GLUE = frozenset("-_.=&#@")
_PATH_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-")
_FILE_OR_DOMAIN = re.compile(r"[A-Za-z0-9]\.[A-Za-z]{2,4}\b")


def _latin_or_digit(char: str) -> bool:
    return char.isascii() and char.isalnum()


def in_identifier(text: str, start: int, end: int) -> bool:
    """text[start:end] is part of an identifier: glued by `- _ . = & # @ ::`
    to other Latin letters or digits (`CS-Team`, `cs_owner`, `utm_source=marketo`,
    `CSOps::Triage`), or inside a path, file or domain name
    (`includes/dynamics365-sales.md`, `PowerBI.com`). `MQL/SQL`, `Sales & CS`
    and `CSOps - CSM` are prose."""
    return _glued_before(text, start) or _glued_after(text, end) or _in_path(text, start, end)


def _glued_before(text: str, start: int) -> bool:
    if start >= 2 and text[start - 2 : start] == "::":
        return start >= 3 and _latin_or_digit(text[start - 3])
    if start >= 1 and text[start - 1] in _GLUE:
        return start >= 2 and _latin_or_digit(text[start - 2])
    return False


def _glued_after(text: str, end: int) -> bool:
    if text[end : end + 2] == "::":
        return end + 2 < len(text) and _latin_or_digit(text[end + 2])
    if end < len(text) and text[end] in _GLUE:
        return end + 1 < len(text) and _latin_or_digit(text[end + 1])
    return False


def _in_path(text: str, start: int, end: int) -> bool:
    """A path, slug, file or domain name: a `/`-separated run with a lower-case
    segment, or a name with a file or domain suffix."""
    lo, hi = start, end
    while lo > 0 and text[lo - 1] in _PATH_CHARS:
        lo -= 1
    while hi < len(text) and text[hi] in _PATH_CHARS:
        hi += 1
    run = text[lo:hi].strip("./-")
    if run == text[start:end] or not run:
        return False
    if "_" in run or _FILE_OR_DOMAIN.search(run):
        return True
    has_lower_segment = any(seg == seg.lower() and any(c.isalpha() for c in seg) for seg in run.split("/"))
    return "/" in run and has_lower_segment


# One word of an English name: capitalised (`Customer`, `CS`, `RenewalOps`,
# `FY24`) or a number (`Dynamics 365 Sales`); small words join two of them
# (`VP of Customer Success`, `Sales & CS Onboarding Board`).
_NAME_WORD = re.compile(r"[A-Z][A-Za-z0-9'’]*|[0-9]+[A-Za-z]*")
_DASHES = "-–—"
_JOINERS = frozenset({"of", "and", "for", "the", "to", "in", "on", "&", "de", "-", "–", "—"})


def english_name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The run of two or more capitalised English words (words of the same
    line, one blank apart) that contains text[start:end] and is longer than
    it: `Renewal Forecast Health`, `VP of Customer Success`. None when the
    name stands alone (`Customer Success と…`, `Enablement、Comms`)."""
    lo = _name_edge(text, start, _word_before, outer=0)
    hi = _name_edge(text, end, _word_after, outer=1)
    if (lo, hi) == (start, end):
        return None
    return lo, hi


def _name_edge(text: str, pos: int, next_word: Callable[[str, int], tuple[int, int] | None], outer: int) -> int:
    """How far the name runs from `pos` one way: `next_word` finds the word
    beyond a position (`_word_before` or `_word_after`), `outer` is the index
    of that word's far end (0 leftwards, 1 rightwards). A joiner counts only
    with a name word beyond it."""
    while True:
        word = next_word(text, pos)
        if word is None:
            return pos
        token = text[word[0] : word[1]]
        if _is_name_word(token):
            pos = word[outer]
            continue
        if token in _JOINERS:
            beyond = next_word(text, word[outer])
            if beyond and _is_name_word(text[beyond[0] : beyond[1]]):
                pos = beyond[outer]
                continue
        return pos


def _is_name_word(token: str) -> bool:
    return _NAME_WORD.fullmatch(token.removesuffix(",")) is not None


def _word_before(text: str, pos: int) -> tuple[int, int] | None:
    """The word ending one blank before `pos` (the name must start at a word edge)."""
    if pos < 2 or text[pos - 1] != " ":
        return None
    end = pos - 1
    begin = end
    if begin > 0 and text[begin - 1] in _DASHES:
        begin -= 1  # a dash standing alone between two words: `Commercial Sales - Customer Success`
        return (begin, end) if begin > 0 and text[begin - 1] == " " else None
    if text[begin - 1] == ",":
        begin -= 1  # `Vice President, Customer Success`: a comma may end a word of the name
    while begin > 0 and (_latin_or_digit(text[begin - 1]) or text[begin - 1] in "'’&"):
        begin -= 1
    if begin == end or text[begin] == "," or (begin > 0 and not _edge(text[begin - 1])):
        return None
    return begin, end


def _word_after(text: str, pos: int) -> tuple[int, int] | None:
    if text[pos : pos + 2] == ", ":
        pos += 1
    if pos + 1 >= len(text) or text[pos] != " ":
        return None
    begin = pos + 1
    end = begin
    if text[begin] in _DASHES:
        end = begin + 1
        return (begin, end) if text[end : end + 1] == " " else None
    while end < len(text) and (_latin_or_digit(text[end]) or text[end] in "'’&"):
        end += 1
    if begin == end or (end < len(text) and not _edge(text[end])):
        return None
    return begin, end


def _edge(char: str) -> bool:
    """A name word ends where Latin letters and digits end."""
    return not (_latin_or_digit(char) or char in "'’")


_CAPS_WORD = re.compile(r"[A-Z]{2,}")
_SHOUTING_RUN = 3  # upper-case words in a row before it reads as shouting
_SHOUTING_WORD = 5  # …one of them a long word the glossary does not know


def in_shouting(text: str, start: int, end: int, known: Callable[[str], bool]) -> bool:
    """`THE LICENSED MATERIAL IS PROVIDED AS-IS`: an upper-case abbreviation in
    a run of upper-case English words is shouting, not the abbreviation.
    `CS EMEA`, `CRO LT`, `CS QBR` are abbreviations side by side."""
    surface = text[start:end]
    if not (surface.isascii() and surface.isupper()):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left = _PIECES.findall(text[max(line_start, start - 80) : start])
    right = _PIECES.findall(text[end : min(line_end, end + 80)])
    words = _caps_words(reversed(left)) + _caps_words(right)
    if len(words) + 1 < _SHOUTING_RUN:
        return False
    return any(len(w) >= _SHOUTING_WORD and not known(w) for w in words)


_PIECES = re.compile(r"[A-Za-z]+|[^A-Za-z]+")
_CAPS_SEPARATOR = re.compile(r"[ \t\-\"']{1,3}")


def _caps_words(pieces) -> list[str]:
    """The upper-case words met from the name outwards, one separator apart."""
    words: list[str] = []
    expect_word = False
    for piece in pieces:
        if expect_word:
            if not _CAPS_WORD.fullmatch(piece):
                break
            words.append(piece)
            expect_word = False
        elif _CAPS_SEPARATOR.fullmatch(piece):
            expect_word = True
        else:
            break
    return words
