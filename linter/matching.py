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

from linter.automaton import Candidate, TermAutomaton
from linter.documents import Block, Document
from linter.folding import width_normalize
from linter.glossary import Deprecated, Entry
from linter.tokenizer import Token, tokenize


@dataclass(frozen=True)
class Occurrence:
    entry: Entry
    start: int
    end: int
    surface: str  # exactly as in the document
    name: str | None  # the admitted name it spells, None when deprecated
    deprecated: Deprecated | None = None

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

    def all(self, wanted: Callable[[str], bool] | None = None) -> list[Token]:
        """Every word of the checked text, in text order: each block tokenized
        once, and the tokens kept for the other rules' questions. `wanted`
        (a block's checked text → bool) leaves blocks a rule can tell from
        their letters it has no use for untokenized."""
        found: list[Token] = []
        mask = self.document.mask
        for block in self.document.blocks:
            if wanted is None or wanted(mask[block.start:block.end]):
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


def _line_block(document: Document, offset: int) -> Block:
    text = document.mask
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return Block(start, len(text) if end == -1 else end)


_IDENTIFIER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-")


def _in_identifier(text: str, start: int, end: int) -> bool:
    """Inside a path, slug, file or domain name (`includes/dynamics365-sales.md`,
    `hubspot_token`, `PowerBI.com`): a name there is not prose, whatever the
    markup. `MQL/SQL` and `RevOps/SalesOps` are prose: no lower-case segment."""
    lo, hi = start, end
    while lo > 0 and text[lo - 1] in _IDENTIFIER_CHARS:
        lo -= 1
    while hi < len(text) and text[hi] in _IDENTIFIER_CHARS:
        hi += 1
    run = text[lo:hi].strip("./-")
    if run == text[start:end] or not run:
        return False
    if "_" in run or _FILE_OR_DOMAIN.search(run):
        return True
    has_lower_segment = any(
        seg == seg.lower() and any(c.isalpha() for c in seg) for seg in run.split("/")
    )
    return ("/" in run or "-" in run) and has_lower_segment


_FILE_OR_DOMAIN = re.compile(r"[A-Za-z0-9]\.[A-Za-z]{2,4}\b")
_CAPS_BEFORE = re.compile(r"(?:^|[^A-Za-z])([A-Z]{2,})[ \t-]$")
_CAPS_AFTER = re.compile(r"^[ \t-]([A-Z]{2,})(?:[^A-Za-z]|$)")


def _in_capitalised_english(text: str, start: int, end: int, automaton: TermAutomaton) -> bool:
    """`THE SOFTWARE IS PROVIDED "AS IS"`: upper-case letters beside other
    upper-case English words are shouting, not an abbreviation."""
    surface = text[start:end]
    if not (surface.isascii() and surface.isupper()):
        return False
    for m in (_CAPS_BEFORE.search(text, max(0, start - 30), start), _CAPS_AFTER.match(text[end:end + 30])):
        if m and not automaton.knows(m.group(1)):
            return True
    return False


def glued_to_latin(text: str, start: int, end: int) -> bool:
    """Latin letters run on past the candidate (`CS` in `CSS`, `SQL` in
    `PostgreSQL`): no tokenizer makes a word boundary inside a letter run, so
    this is settled without Sudachi (and lets a file skip tokenizing)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return (_is_latin(before) and _is_latin(text[start])) or (_is_latin(after) and _is_latin(text[end - 1]))


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


def find_occurrences(document: Document, candidates: list[Candidate], automaton: TermAutomaton,
                     words: Words) -> list[Occurrence]:
    """The candidates (found on the whole text) that stand in checked prose
    and are words there."""
    found = []
    text, mask = document.text, document.mask
    for cand in candidates:
        surface = text[cand.start:cand.end]
        if mask[cand.start:cand.end] != surface:
            continue  # in code, a URL, a comment, front matter or a quote
        if glued_to_latin(text, cand.start, cand.end):
            continue
        kind = classify(cand.entry, surface)
        if kind is None or _in_identifier(text, cand.start, cand.end) or not words.is_word(cand.start, cand.end):
            continue
        if _in_capitalised_english(text, cand.start, cand.end, automaton):
            continue
        name, dep = kind
        found.append(Occurrence(cand.entry, cand.start, cand.end, surface, name, dep))
    return found
