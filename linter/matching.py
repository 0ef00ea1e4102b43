"""Candidates → occurrences: the glossary words that really stand in a document.

A candidate from the automaton is kept only when Sudachi's segmentation puts
a word boundary at both its ends (`CS` is not in `CSV`, `SQL` not in
`PostgreSQL`), and when its spelling is one the entry admits or deprecates
(an abbreviation's letters must be in its own case: `ma` is not `MA`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from linter.automaton import Candidate, TermAutomaton
from linter.documents import Block, Document
from linter.folding import width_normalize
from linter.glossary import Deprecated, Entry, Glossary
from linter.lines import line_bounds
from linter.names import english_name_span, in_identifier, in_shouting
from linter.tokenizer import Token, is_known_word, tokenize


@dataclass(frozen=True)
class Occurrence:
    entry: Entry
    start: int
    end: int
    surface: str  # exactly as in the document
    name: str | None  # the admitted name it spells, None when deprecated
    deprecated: Deprecated | None = None
    # the English proper name it stands in (`VP of Customer Success`), if any
    in_name: tuple[int, int] | None = None

    @property
    def is_short(self) -> bool:
        return self.name is not None and self.entry.is_short(self.name)


def classify(entry: Entry, surface: str) -> tuple[str | None, Deprecated | None] | None:
    """Which admitted name or deprecated spelling `surface` is; None: neither."""
    plain = width_normalize(surface)
    for name in entry.names():
        if plain == name:
            return name, None
    for dep in entry.deprecated:
        if plain == width_normalize(dep.form):
            return None, dep
    lowered = plain.casefold()
    if entry.kind in ("product", "company"):
        # Any other letter case of a proper name is a misspelling of it.
        for name in entry.names():
            if lowered == name.casefold():
                return None, Deprecated(surface)
        for dep in entry.deprecated:
            if lowered == width_normalize(dep.form).casefold():
                return None, dep
        return None
    for name in entry.full_names():
        # Ordinary words keep their meaning in any case (`customer success`);
        # an abbreviation's letters in another case are another word.
        if lowered == name.casefold() and not name.isupper():
            return name, None
    return None


@dataclass
class Words:
    """Lazily tokenized blocks of one document."""

    document: Document
    _cache: dict[tuple[int, int], list[Token]] = field(default_factory=dict)
    _bounds: dict[tuple[int, int], tuple[set[int], set[int]]] = field(default_factory=dict)
    _token_starts: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    _lemmas: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)

    def tokens(self, start: int, end: int) -> list[Token]:
        key = (start, end)
        if key not in self._cache:
            self._cache[key] = tokenize(self.document.mask[start:end], start)
        return self._cache[key]

    def all(self, wanted: Callable[[int, int], bool] | None = None) -> list[Token]:
        """Every word of the checked text, in text order: each block tokenized
        once, and the tokens kept for the other rules' questions. `wanted`
        (a block's start and end → bool) leaves blocks a rule can tell it has
        no use for untokenized."""
        found: list[Token] = []
        for block in self.document.blocks:
            if wanted is None or wanted(block.start, block.end):
                found += self.tokens(block.start, block.end)
        return found

    def _span(self, offset: int) -> tuple[int, int]:
        """The block holding `offset` (its line when it is in none): the unit tokenized."""
        block = self.document.block_at(offset) or _line_block(self.document, offset)
        return block.start, block.end

    def is_word(self, start: int, end: int) -> bool:
        key = self._span(start)
        bounds = self._bounds.get(key)
        if bounds is None:  # a block's word edges, kept: most blocks hold several candidates
            tokens = self.tokens(*key)
            bounds = self._bounds[key] = ({t.start for t in tokens}, {t.end for t in tokens})
        return start in bounds[0] and end in bounds[1]

    def is_word_or_part(self, start: int, end: int) -> bool:
        """A word, or a katakana word inside a katakana compound that Sudachi
        keeps whole (`セールスイネーブルメント` in `バーチャルセールスイネーブルメントシリーズ`),
        where the rest of the compound is dictionary words too. Glossary names
        only: a cue must be a whole word (`サイト` is no cue in `オフサイト`)."""
        if self.is_word(start, end):
            return True
        text = self.document.mask
        if not _katakana(text[start:end]):
            return False
        starts, ends = self._bounds[self._span(start)]
        for edge, is_start in ((start, True), (end, False)):
            if (edge in starts) if is_start else (edge in ends):
                continue
            token = self._token_around(edge)
            if token is None or not _katakana(token.surface):
                return False
            rest = text[token.start : edge] if is_start else text[edge : token.end]
            if not _dictionary_word(rest):
                return False
        return True

    def _token_around(self, offset: int) -> Token | None:
        span = self._span(offset)
        tokens = self.tokens(*span)
        starts = self._token_starts.get(span)
        if starts is None:
            starts = self._token_starts[span] = [t.start for t in tokens]
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and tokens[index].start < offset < tokens[index].end:
            return tokens[index]
        return None

    def lemmas(self, start: int, end: int) -> frozenset[str]:
        """Surface, dictionary and normalized forms of the words in [start, end)."""
        found = self._lemmas.get((start, end))
        if found is not None:
            return found
        span = self._span(start)
        tokens = self.tokens(*span)
        starts = self._token_starts.get(span)
        if starts is None:
            starts = self._token_starts[span] = [t.start for t in tokens]
        forms: set[str] = set()
        # tokens are in text order: from the first one inside the range (an
        # index, not a slice: a slice would copy the rest of a long block)
        for index in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
            t = tokens[index]
            if t.end <= end:
                forms.update((t.surface, t.lemma, t.normalized))
        found = self._lemmas[(start, end)] = frozenset(forms)  # shared: callers must not change it
        return found


_KATAKANA = re.compile(r"[ァ-ヺー]+")


def _katakana(text: str) -> bool:
    return _KATAKANA.fullmatch(text) is not None


@lru_cache(maxsize=4096)
def _dictionary_word(text: str) -> bool:
    """Two or more katakana that Sudachi knows as one word (`シリーズ`, `バーチャル`)."""
    if len(text) < 2 or not _katakana(text):
        return False
    return is_known_word(text)


def _line_block(document: Document, offset: int) -> Block:
    return Block(*line_bounds(document.mask, offset))


def glued_to_latin(text: str, start: int, end: int) -> bool:
    """Latin letters run on past the candidate (`CS` in `CSS`, `SQL` in
    `PostgreSQL`): no tokenizer makes a word boundary inside a letter run, so
    this is settled without Sudachi (and lets a file skip tokenizing)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return (_is_latin(before) and _is_latin(text[start])) or (_is_latin(after) and _is_latin(text[end - 1]))


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


def find_occurrences(
    document: Document, candidates: list[Candidate], automaton: TermAutomaton, words: Words
) -> list[Occurrence]:
    """The candidates (found on the whole text) that stand in checked prose
    and are words there."""
    found = []
    text, mask = document.text, document.mask
    for cand in candidates:
        surface = text[cand.start : cand.end]
        if mask[cand.start : cand.end] != surface:
            continue  # in code, a URL, a comment, front matter or a quote
        if glued_to_latin(text, cand.start, cand.end):
            continue
        kind = classify(cand.entry, surface)
        if kind is None or in_identifier(text, cand.start, cand.end) or not words.is_word_or_part(cand.start, cand.end):
            continue
        if in_shouting(text, cand.start, cand.end, automaton.knows):
            continue
        name, dep = kind
        found.append(
            Occurrence(
                cand.entry, cand.start, cand.end, surface, name, dep, english_name_span(mask, cand.start, cand.end)
            )
        )
    return _in_glossary_sense(document, found, words, automaton.glossary)


def _in_glossary_sense(
    document: Document, found: list[Occurrence], words: Words, glossary: Glossary
) -> list[Occurrence]:
    """Leave out the letters that mean something else here: a sentence with a
    cue of another meaning (`SQLクエリ`, `CS放送`), or an abbreviation the
    document itself defines in a sense the glossary does not give
    (`Google Tag Manager（GTM）`: no rule speaks of GTM in that document)."""
    from linter.definitions import defines_other_sense  # definitions reads Occurrences

    text, mask = document.text, document.mask
    kept = []
    elsewhere: dict[tuple[str, int, int], bool] = {}  # (entry, sentence) → another meaning's cue there
    for occ in found:
        if occ.name is not None and occ.entry.other_meanings:
            start, end = document.sentence_at(occ.start)
            key = (occ.entry.term, start, end)
            if key not in elsewhere:
                elsewhere[key] = any(cue_hits(m.cues, words, document, start, end) for m in occ.entry.other_meanings)
            if elsewhere[key]:
                continue
        kept.append(occ)
    own = {o.entry.term for o in found if o.is_short and defines_other_sense(text, mask, o, glossary)}
    return [o for o in kept if not (o.is_short and o.entry.term in own)] if own else kept


def cue_hits(cues, words: Words, document: Document, start: int, end: int) -> list[str]:
    """The cues that stand in [start, end) as whole words: one of Sudachi's
    forms of a word there (`改善する` → 改善), or a run of whole words
    (`A/Bテスト`, `Google Tag Manager`). `サイト` is no cue inside `オフサイト`.
    In code the text itself is read, on Latin word edges (`SELECT` in
    backticks says SQL is a query)."""
    forms = words.lemmas(start, end)
    text, mask = document.text, document.mask
    hits = []
    for cue in cues:
        if cue in forms:
            hits.append(cue)
            continue
        pos = text.find(cue, start, end)
        while pos != -1:
            stop = pos + len(cue)
            if mask[pos:stop] == text[pos:stop]:
                found = words.is_word(pos, stop)
            else:
                found = not (_latin_run(text, pos - 1, cue[0]) or _latin_run(text, stop, cue[-1]))
            if found:
                hits.append(cue)
                break
            pos = text.find(cue, pos + 1, end)
    return hits


def _latin_run(text: str, index: int, edge: str) -> bool:
    """Latin letters or digits at `index` run on from the cue's `edge` character."""
    return (
        0 <= index < len(text) and text[index].isascii() and text[index].isalnum() and edge.isascii() and edge.isalnum()
    )
