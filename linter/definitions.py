"""Where a document says what a short form means.

Shared by the rules that care whether a word was defined:
    MQL(Marketing Qualified Lead)   MQL（マーケが営業に渡す見込み客）
    Marketing Qualified Lead(MQL)   マーケティング適格リード（MQL）
    MQLとは、…                      - MQL: …
    MQLは、…のことを指す。          …見込み客をMQLと呼ぶ。
    CS＝カスタマーサクセス          本書ではCSは…を指す。
A line break between the word and its parenthesis (a soft break) is allowed.
All scanning is on the document's mask, so code and URLs never define.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from linter.lines import line_bounds

if TYPE_CHECKING:
    from linter.glossary import Entry, Glossary
    from linter.matching import Occurrence

_NONBLANK = re.compile(r"\S")

OPENING = "(（"
CLOSING = ")）"
_MAX_PAREN = 120
# A quantity is not a meaning: `MQL（412件、前週比+8%）`, `CV(約30%)`.
_QUANTITY = re.compile(
    r"^\s*(?:約|計|各|前[週月年]比)?\s*[+\-−±]?[\d０-９][\d０-９,，.．]*\s*"
    r"(?:件|%|％|名|社|人|円|万|億|千|回|倍|点|pt|ポイント|日|時間|週|か月|ヶ月|ヵ月|年|月|\s*$|[、,，)）/])"
)
_MEANINGFUL = re.compile(r"[A-Za-zＡ-Ｚａ-ｚぁ-んァ-ヶー一-龠々]")
_DEFINITION_VERB = re.compile(r"^\s*(?:とは|って何|:|：)")
# `PQLは、製品の価値を体験したユーザーを指す。`: the word opens the sentence and
# the sentence ends by saying what it means.
_TOPIC = re.compile(r"^\s*は[、,，]?")
_MEANS = re.compile(
    r"(?:のこと(?:です|だ|を(?:指|さ)(?:す|します))?|を(?:指|さ)(?:す|します)|を意味(?:する|します)"
    r"|の略(?:称)?(?:です|だ)?|と定義(?:する|します|している|しています))[。．.]?\s*$"
)
# `…見込み客をMQLと呼ぶ。`, `…をMQLと略す`: the sentence names the word.
# `CS＝カスタマーサクセス`, `LTV = 平均単価 × 継続期間`: an equation defines.
_EQUALS = re.compile(r"^[ \t\u3000]*[=＝][ \t\u3000]*\S")
# `本書では`, `当社では、`: a short preface before the word still leaves it the
# sentence's topic (`本書ではCSはカスタマーサクセスを指す。`).
_PREFACE = re.compile(r"^[^。、,\n]{1,10}(?:では|において(?:は)?)[、,]?[ \t\u3000]*$")
_NAMED = re.compile(r"^\s*[」』]?\s*と(?:呼ぶ|呼びます|呼んで|呼ばれ|略す|略します|略して|略記|表記)")
_SENTENCE_END = "。！？!?\n"


def paren_after(mask: str, end: int) -> tuple[int, int] | None:
    """(content start, content end) of a parenthesis right after `end`."""
    pos = _skip_space(mask, end)
    if pos >= len(mask) or mask[pos] not in OPENING:
        return None
    depth = 0
    for i in range(pos, min(len(mask), pos + _MAX_PAREN)):
        c = mask[i]
        if c in OPENING:
            depth += 1
        elif c in CLOSING:
            depth -= 1
            if depth == 0:
                return pos + 1, i
        elif c == "\n" and i + 1 < len(mask) and mask[i + 1] == "\n":
            return None
    return None


_PAREN_BEFORE = re.compile(
    r"[(（][ \t\u3000]*(?:(?:以下|以降|略称|通称|略して)[ \t\u3000]*[、,，:：]?)?[ \t\u3000]*[「『]?[ \t\u3000]*$"
)
_PAREN_AFTER = re.compile(r"[ \t\u3000]*[」』]?[ \t\u3000]*(?:と(?:略す|略記|呼ぶ|表記|する)[^)）]{0,4})?[)）]")


def enclosing_paren(mask: str, start: int, end: int) -> tuple[int, int] | None:
    """(open, close) offsets when [start, end) is what a parenthesis holds:
    `(MQL)`, `（以下、MQL）`, `（以下「MQL」と呼ぶ）`."""
    before = _PAREN_BEFORE.search(mask, max(0, start - 16), start)
    if before is None:
        return None
    after = _PAREN_AFTER.match(mask, end, min(len(mask), end + 16))
    if after is None:
        return None
    return before.start(), after.end() - 1


def table_row_definition(text: str, start: int, end: int, names: tuple[str, ...]) -> bool:
    """A glossary table: `| MQL | マーケが営業に渡す見込み客 |`, the word alone
    in the first cell and its meaning in the next."""
    meaning = table_row_meaning(text, start, end)
    if meaning is None:
        return False
    if is_explanation(meaning, names):
        return True
    # `| SLA | 期限 | Service Level Agreement |`: the expansion in a later cell
    later = " ".join(_other_cells(text, start, end)).casefold()
    return any(name.casefold() in later for name in names)


def table_row_meaning(text: str, start: int, end: int) -> str | None:
    """The second cell of a table row whose first cell is the word alone."""
    line_start = line_bounds(text, start)[0]
    if not text[line_start : line_start + 64].lstrip().startswith("|"):
        return None  # before slicing the line: it may be megabytes long
    line = text[line_start : line_bounds(text, end)[1]].strip()
    cells = [c.strip() for c in line.strip("|").split("|")]
    return cells[1] if len(cells) >= 2 and cells[0] == text[start:end] else None


def is_explanation(content: str, names: tuple[str, ...]) -> bool:
    """Parenthesised text that explains a word: an expansion, or words (not a
    count, not a list of other abbreviations: `（SAL、AE、SA、TAM）`)."""
    text = content.strip()
    folded = text.casefold()
    if any(name.casefold() in folded for name in names):
        return True
    if not text or _QUANTITY.match(text) or lists_abbreviations(text):
        return False
    return len(_MEANINGFUL.findall(text)) >= 2


def defined_at(text: str, mask: str, occ: Occurrence, names: tuple[str, ...]) -> bool:
    """Does this occurrence carry its own definition?"""
    if table_row_definition(text, occ.start, occ.end, names):
        return True
    paren = paren_after(mask, occ.end)
    if paren and is_explanation(mask[paren[0] : paren[1]], names):
        return True
    enclosing = enclosing_paren(mask, occ.start, occ.end)
    if enclosing:
        # `expansion(MQL)`: some words stand before the parenthesis on its line.
        if _NONBLANK.search(mask, line_bounds(mask, enclosing[0])[0], enclosing[0]):
            return True
    return defines_by_sentence(mask, occ)


def defines_by_sentence(mask: str, occ: Occurrence) -> bool:
    """`MQLとは、…` anywhere, `MQL: …` at the start of a line or item,
    `MQLは、…を指す。` opening its sentence, or `…をMQLと呼ぶ`."""
    after = mask[occ.end : occ.end + 8]
    if _NAMED.match(after) or _EQUALS.match(after):
        return True
    if _TOPIC.match(after) and _opens_sentence(mask, occ.start):
        end = _sentence_end(mask, occ.end)
        if end is not None and _MEANS.search(mask, occ.end, end):
            return True
    m = _DEFINITION_VERB.match(after)
    if not m:
        return False
    if m.group(0).strip() in ("とは", "って何"):
        return True
    line_start = line_bounds(mask, occ.start)[0]
    if _NONBLANK.search(mask, line_start, occ.start):
        return False
    return _NONBLANK.search(mask, occ.end + m.end(), line_bounds(mask, occ.end)[1]) is not None


_PREFACE_LOOKBACK = 24  # a preface is a few words; blanks (indentation) may run longer
_DEFINITION_LENGTH = 240  # a longer run without 。 is not read as one definition sentence


def _opens_sentence(mask: str, start: int) -> bool:
    """Only blanks (list markers and `#` are blanked in the mask), or a short
    preface, between the previous sentence end or line start and `start`.
    The scan is bounded: a long line of prose must not cost its length for
    every word in it."""
    pos = start
    while pos > 0 and mask[pos - 1] not in _SENTENCE_END:
        pos -= 1
        if start - pos > _PREFACE_LOOKBACK and not mask[pos].isspace():
            return False
    before = mask[pos:start].strip()
    return not before or _PREFACE.match(before) is not None


def _sentence_end(mask: str, pos: int) -> int | None:
    """Offset just after the sentence holding `pos` (its 。 included), or None
    when it runs on for more than _DEFINITION_LENGTH characters."""
    limit = min(len(mask), pos + _DEFINITION_LENGTH)
    while pos < limit and mask[pos] not in _SENTENCE_END:
        pos += 1
    if pos == limit:
        return pos if limit == len(mask) else None
    return pos + 1 if mask[pos] != "\n" else pos


def _skip_space(mask: str, pos: int) -> int:
    n = len(mask)
    while pos < n and mask[pos] in " \t\u3000\r\n":
        if mask[pos] == "\n" and pos + 1 < n and mask[pos + 1] == "\n":
            break
        pos += 1
    return pos


def _skip_space_back(mask: str, pos: int) -> int:
    while pos > 0 and mask[pos - 1] in " \t\u3000\r\n":
        pos -= 1
    return pos


_LIST_SEPARATOR = re.compile(r"[、,，/／・]")
_ABBREVIATION = re.compile(r"[A-Za-z][A-Za-z0-9&]*")


def lists_abbreviations(content: str) -> bool:
    """`SAL、AE、SA、TAM`: several short forms side by side define none of them."""
    items = [i.strip() for i in _LIST_SEPARATOR.split(content) if i.strip()]
    return len(items) >= 2 and all(_ABBREVIATION.fullmatch(i) and i[0].isupper() for i in items)


# --- Defined in another sense -------------------------------------------------
# `Google Tag Manager（GTM）`, `推定小売価格 (ERP)`, `| GTM | Google Tag Manager |`:
# the document pairs the letters with a meaning the glossary does not give;
# it has defined its own word, and no rule speaks of it in that document.

_CLAUSE_BREAK = re.compile(r"[。、,，:：「」『』()（）]")
_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9'’]*")
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "to", "in", "on", "a", "an", "&", "de"})


def defines_other_sense(text: str, mask: str, occ: Occurrence, glossary: Glossary) -> bool:
    """Does this occurrence pair the abbreviation with a meaning its entry
    (and its senses) do not give?"""
    letters = occ.name or ""
    if not (letters.isascii() and letters.isupper() and len(letters) >= 2):
        return False
    for side, explanation in _pairings(text, mask, occ):
        if not explanation.strip() or lists_abbreviations(explanation):
            continue
        if _names_given_sense(explanation, occ.entry, glossary):
            continue
        if _other_meaning_named(explanation, occ.entry) or _spells(letters, explanation, side):
            return True
    return False


def _pairings(text: str, mask: str, occ: Occurrence):
    """(side, text) pairs that may give the word's meaning: what follows it in
    parentheses, what stands before the parenthesis it fills, the other cells
    of a table row it stands alone in, the rest of a `- GTM: …` item."""
    paren = paren_after(mask, occ.end)
    if paren:
        yield "after", mask[paren[0] : paren[1]]
    enclosing = enclosing_paren(mask, occ.start, occ.end)
    if enclosing:
        line_start = mask.rfind("\n", 0, enclosing[0]) + 1
        # the phrase right before the parenthesis, not the whole clause
        yield "before", _CLAUSE_BREAK.split(mask[line_start : enclosing[0]])[-1]
    for cell in _other_cells(text, occ.start, occ.end):
        yield "cell", cell
    m = _DEFINITION_VERB.match(mask, occ.end, occ.end + 8)
    if m and m.group(0).strip() in (":", "：") and not mask[mask.rfind("\n", 0, occ.start) + 1 : occ.start].strip():
        line_end = mask.find("\n", occ.end)
        yield "after", mask[m.end() : line_end if line_end != -1 else len(mask)]


def _other_cells(text: str, start: int, end: int) -> list[str]:
    """The other cells of a table row in which the word is a whole cell."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end == -1 else line_end].strip()
    if not line.startswith("|"):
        return []
    cells = [c.strip() for c in line.strip("|").split("|")]
    word = text[start:end]
    if word not in cells:
        return []
    return [c for c in cells if c != word]


def _names_given_sense(explanation: str, entry: Entry, glossary: Glossary) -> bool:
    folded = explanation.casefold()
    names = list(entry.full_names())
    for sense in entry.senses:
        target = glossary.get(sense.meaning)
        names += [sense.meaning, *(target.names() if target else ())]
    if any(n.casefold() in folded for n in names):
        return True
    # the same expansion in other words' forms: `Objective and Key Results`,
    # `Account-Based Marketing` (most of its words, by their stems)
    said = _stems(explanation)
    return any(stems and len(stems & said) * 2 > len(stems) for stems in map(_stems, names))


def _stems(text: str) -> set[str]:
    words = [w for part in _LATIN_WORDS.findall(text) for w in part.split("-") if w]
    return {w.casefold()[:4] for w in words if w.casefold() not in _SMALL_WORDS}


def _other_meaning_named(explanation: str, entry: Entry) -> bool:
    """The explanation names one of the entry's other meanings (its head or a cue)."""
    for meaning in entry.other_meanings:
        head = re.split(r"[(（]", meaning.meaning)[0].strip()
        if any(len(w) >= 2 and w in explanation for w in (head, *meaning.cues)):
            return True
    return False


def _spells(letters: str, explanation: str, side: str) -> bool:
    """Latin words at the explanation's edge whose initials are the letters
    (`Google Tag Manager` for GTM; `Michael McBride` is no expansion of CRO)."""
    words = [w for part in _LATIN_WORDS.findall(explanation) for w in part.split("-") if w]
    if not words:
        return False
    if side == "before":
        # only the words right before the parenthesis (what ends the line's text)
        tail = explanation.rstrip()
        if not tail or not (tail[-1].isascii() and tail[-1].isalnum()):
            return False
    runs = (
        [words[-k:] for k in range(1, len(words) + 1)]
        if side == "before"
        else [words[:k] for k in range(1, len(words) + 1)]
    )
    for run in runs:
        initials = "".join(w[0] for w in run if w.casefold() not in _SMALL_WORDS).upper()
        if initials == letters:
            return True
        if len(initials) > len(letters):
            break
    return False
