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


class TermAutomaton:
    def __init__(self, glossary: Glossary, dfa: bool = False):
        self.glossary = glossary
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
        self._owners_by_form = owners
        self._patterns = list(owners)
        self._owners = list(owners.values())
        # `dfa` for a folder: 10 ms more to build, twice as fast on long
        # Japanese texts; a few files are done before it would pay off.
        kind = ahocorasick_rs.Implementation.DFA if dfa else ahocorasick_rs.Implementation.ContiguousNFA
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest, implementation=kind,
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
