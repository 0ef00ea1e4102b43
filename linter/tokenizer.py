"""SudachiPy segmentation: word boundaries and lemmas for context.

The dictionary is loaded lazily, once per process, and only when a document
has a glossary candidate or a rule reads every word (spelling-variant).
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from typing import NamedTuple

# Sudachi refuses inputs over 49,149 bytes; stay well below in UTF-8 bytes.
_MAX_CHUNK_BYTES = 40_000


class Token(NamedTuple):
    # A tuple, not a frozen dataclass: a document's blocks make thousands, and
    # the dataclass constructor cost as much as Sudachi's own segmentation.
    start: int  # offsets in the text given to tokenize()
    end: int
    surface: str
    lemma: str  # dictionary form
    normalized: str


@lru_cache(maxsize=1)
def _tokenizer():
    from sudachipy import Dictionary, SplitMode

    return Dictionary(dict="core").tokenizer(SplitMode.C)


def preload() -> None:
    """Load the dictionary now (before worker processes fork and share it)."""
    _tokenizer()


def token_of(m) -> Token:
    """One Sudachi morpheme as a Token (offsets in the text it came from)."""
    return Token(m.begin(), m.end(), m.surface(), m.dictionary_form(), m.normalized_form())


# Segmentations kept for a process that reads the same texts again and
# again (`keep_segmentations`); None: none kept.
_kept: OrderedDict[str, tuple[Token, ...]] | None = None
_kept_limit = 0


def keep_segmentations(limit: int = 4096) -> None:
    """Keep the tokens of the last `limit` texts segmented. The language
    server re-lints a document at every edit, and all its blocks but the
    edited one read as before: segmenting them again was a third of a re-lint."""
    global _kept, _kept_limit
    _kept, _kept_limit = OrderedDict(), limit


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`, with offsets shifted by `offset`."""
    if _kept is None:
        return _segment(text, offset)
    found = _kept.get(text)
    if found is None:
        found = _kept[text] = tuple(_segment(text))
        if len(_kept) > _kept_limit:
            _kept.popitem(last=False)
    else:
        _kept.move_to_end(text)
    if not offset:
        return list(found)
    return [Token(start + offset, end + offset, surface, lemma, normal) for start, end, surface, lemma, normal in found]


def _segment(text: str, offset: int = 0) -> list[Token]:
    tokens: list[Token] = []
    for chunk_start, chunk in _chunks(text):
        base = offset + chunk_start
        # token_of written out, shifted: a call per morpheme costs ≈ 8 % of this loop
        tokens += [
            Token(base + m.begin(), base + m.end(), m.surface(), m.dictionary_form(), m.normalized_form())
            for m in _tokenizer().tokenize(chunk)
        ]
    return tokens


def morphemes(text: str):
    """Sudachi's own morphemes of a short text (under the input limit):
    for a caller that reads only a few of them."""
    return _tokenizer().tokenize(text)


def is_known_word(text: str) -> bool:
    """Sudachi reads `text` as one dictionary word (not an unknown one)."""
    morphemes = _tokenizer().tokenize(text)
    return len(morphemes) == 1 and not morphemes[0].is_oov()


@lru_cache(maxsize=1 << 16)
def parts(word: str) -> tuple[Token, ...]:
    """The shortest units (Sudachi's mode A) of one word, offsets in `word`:
    `問合せ先` → 問合せ, 先. A compound's words are spelt like words of their
    own; kept per spelling, a document repeats its compounds."""
    from sudachipy import SplitMode

    return tuple(map(token_of, _tokenizer().tokenize(word, SplitMode.A)))


@lru_cache(maxsize=1 << 14)
def conjugation(word: str) -> str | None:
    """Sudachi's conjugation type of `word` read alone (`五段-ワア行` for
    `行なう` and `行う`; `下一段-ラ行` for the potential `受け取れる`); None
    when it is not one word."""
    found = _tokenizer().tokenize(word)
    return found[0].part_of_speech()[4] if len(found) == 1 else None


def _chunks(text: str):
    """Split at line breaks (or, failing that, anywhere) under the byte limit."""
    if len(text) * 4 <= _MAX_CHUNK_BYTES or len(text.encode("utf-8")) <= _MAX_CHUNK_BYTES:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = start
        size = 0
        last_break = -1
        while end < len(text):
            size += len(text[end].encode("utf-8"))
            if size > _MAX_CHUNK_BYTES:
                break
            if text[end] in "\n。":
                last_break = end + 1
            end += 1
        if end < len(text) and last_break > start:
            end = last_break
        yield start, text[start:end]
        start = end
