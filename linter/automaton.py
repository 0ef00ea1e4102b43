"""Glossary → one Aho-Corasick automaton over width-folded text.

Built once per run from every spelling in the glossary (names, deprecated
spellings, and `not_in` compounds that must win over a shorter form), matched
leftmost-longest so that `CS Ops` beats `CS` and `リードタイム` beats `リード`.
Abbreviations are matched in their own letter case; other spellings (product
names, ordinary words) in their usual case variants (`hubspot`, `HUBSPOT`).
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick_rs

from linter.folding import case_variants, fold, fold_pattern, width_normalize
from linter.glossary import Entry, Glossary


@dataclass(frozen=True)
class Candidate:
    entry: Entry
    start: int  # offsets in the original text
    end: int


def _spellings(entry: Entry):
    exact = set(entry.short_names())
    for form in (*entry.names(), *(d.form for d in entry.deprecated)):
        folded = fold_pattern(width_normalize(form))
        yield from ([folded] if form in exact else case_variants(folded))


# A DFA takes ≈ 12 µs more to build per pattern than the NFA and scans
# ≈ 2 ms/MB faster (the built-in glossary's 780 patterns: 9 ms more to build,
# paid back after ≈ 4 MB in one process, ≈ 8 MB in two); its memory also grows
# with the patterns (a 100,000-term glossary: 2.8 s and 1 GB more).
_DFA_BYTES_PER_PATTERN = 10_000


def spelling_table(glossary: Glossary) -> tuple[list[str], list[Entry | None]]:
    """Every folded spelling, sorted, and the entry it names (None: a `not_in`
    compound, there only to win over a shorter match)."""
    if glossary.spelling_table is not None:
        return glossary.spelling_table
    owners: dict[str, Entry | None] = {}
    for entry in glossary.entries:
        for spelling in _spellings(entry):
            owners.setdefault(spelling, entry)
    for entry in glossary.entries:
        for compound in entry.not_in:
            # A compound that is another word blocks the shorter match,
            # unless it is itself a glossary spelling.
            for spelling in case_variants(fold_pattern(width_normalize(compound))):
                owners.setdefault(spelling, None)
    # Leftmost-longest matches of distinct patterns do not depend on their
    # order; sorted, shared prefixes are inserted together (a quarter faster
    # to build with 100,000 terms).
    patterns = sorted(owners)
    return patterns, [owners[p] for p in patterns]


class TermAutomaton:
    def __init__(self, glossary: Glossary, text_bytes: int = 0):
        """`text_bytes`: how much text this run will scan (0: a little)."""
        self.glossary = glossary
        self._patterns, self._owners = spelling_table(glossary)
        self._owners_by_form = dict(zip(self._patterns, self._owners, strict=False))
        dfa = text_bytes >= _DFA_BYTES_PER_PATTERN * len(self._patterns)
        kind = ahocorasick_rs.Implementation.DFA if dfa else ahocorasick_rs.Implementation.ContiguousNFA
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._patterns,
            matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=kind,
        )

    def knows(self, word: str) -> bool:
        return self._owners_by_form.get(fold_pattern(width_normalize(word))) is not None

    def candidates(self, text: str) -> list[Candidate]:
        folded, offsets = fold(text)
        found = []
        for index, start, end in self._automaton.find_matches_as_indexes(folded):
            entry = self._owners[index]
            if entry is None:
                continue
            if offsets is not None:
                start, end = offsets[start], offsets[end]
            found.append(Candidate(entry, start, end))
        return found
