"""How a word is spelt: the classes of spelling one word may vary in.

Shared by the spelling-variant rule and the lexicon screen built for it
(`linter.spelling_lexicon`): both must judge a spelling the same way, or the
screen would skip a document the rule would speak of.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from linter.folding import width_normalize
from linter.tokenizer import Token, conjugation, parts

_KANJI_NUMERALS = frozenset("〇一二三四五六七八九十百千万億兆")


def orthographic_class(spelling: str) -> str:
    """Two spellings of one normalized form are variants only when they
    differ in one of the ways this rule knows; the class names what may
    differ. Katakana: any letter (`チャネル` / `チャンネル`, `ユーザ` /
    `ユーザー`). Kanji: the kana between and after them, not the kanji
    (`見積` / `見積り` / `見積もり`). Anything else (Latin letters, hiragana
    words): only the width (`ＣＲＭ` / `CRM`), so `web` / `Web` and
    `できる` / `出来る` are not variants here."""
    plain = width_normalize(spelling)
    if all(is_katakana(c) for c in plain):
        return "katakana"
    if any(is_kanji(c) for c in plain) and not any(c.isascii() for c in plain):
        return "kanji:" + "".join(c for c in plain if not is_hiragana(c))
    return "as-is:" + plain


@lru_cache(maxsize=1 << 14)
def class_of(spelling: str) -> str:
    return orthographic_class(spelling)


def is_katakana(c: str) -> bool:
    return "\u30a1" <= c <= "\u30fa" or c in "ー・ヽヾ"


def is_hiragana(c: str) -> bool:
    return "\u3041" <= c <= "\u309f"


def is_kanji(c: str) -> bool:
    return unicodedata.name(c, "").startswith("CJK UNIFIED") or c in "々〆ヶ"


def spelling(surface: str, lemma: str) -> str:
    """What the writer chose: the surface, unless the word is inflected; then
    its dictionary form (`行なっ` and `行なう` are one spelling)."""
    if width_normalize(surface) == width_normalize(lemma):
        return surface
    return lemma


def worth_comparing(surface: str, normalized: str) -> bool:
    """A word of two or more characters (by its normalized form: `済` is
    `済み`) with a letter in it, and no number."""
    if len(normalized) < 2:
        return False
    plain = width_normalize(surface)
    if any(c.isdigit() for c in plain) or all(c in _KANJI_NUMERALS for c in plain):
        return False
    return any(c.isalpha() for c in plain)


def another_form(lemma: str, normalized: str) -> bool:
    """An inflecting word whose normalized form conjugates otherwise is another
    form of it, not a spelling: the potential `受け取れる` of `受け取る`,
    `感じる` of `感ずる`. `行なう` and `行う` conjugate alike."""
    if lemma == normalized or not is_hiragana(lemma[-1]):
        return False
    return conjugation(lemma) != conjugation(normalized)


def units(token: Token) -> tuple[Token, ...]:
    """A word, or the words of a compound (`問合せ先` → `問合せ`, `先`).
    An inflected word is one unit: its surface is no dictionary word."""
    if len(token.surface) < 3 or token.surface != token.lemma or token.surface.isascii():
        return (token,)
    found = parts(token.surface)
    if len(found) == 1:
        return (token,)
    return tuple(Token(token.start + p.start, token.start + p.end, p.surface, p.lemma, p.normalized) for p in found)
