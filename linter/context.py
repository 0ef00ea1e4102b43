"""What a rule sees: one document, its glossary occurrences and their context."""
from __future__ import annotations

from dataclasses import dataclass, field

from linter.diagnostics import Diagnostic, Edit
from linter.documents import Document
from linter.glossary import Glossary
from linter.matching import Occurrence, Words
from linter.policy import Policy


@dataclass
class LintContext:
    document: Document
    glossary: Glossary
    policy: Policy
    occurrences: list[Occurrence]  # in document order
    words: Words
    _cue_cache: dict = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.document.text

    def sentence(self, occ: Occurrence) -> tuple[int, int]:
        return self.document.sentence_at(occ.start)

    def block(self, occ: Occurrence) -> tuple[int, int]:
        block = self.document.block_at(occ.start)
        return (block.start, block.end) if block else self.sentence(occ)

    def cues_in(self, cues: tuple[str, ...], start: int, end: int) -> list[str]:
        """cue_hits for the span [start, end), kept: every occurrence in a long
        block or table asks about the same span."""
        key = (cues, start, end)
        if key not in self._cue_cache:
            self._cue_cache[key] = cue_hits(cues, self.words.lemmas(start, end), self.text[start:end])
        return self._cue_cache[key]

    def diagnostic(self, rule_id: str, occ: Occurrence, message: str,
                   suggestions: list[str] = (), fix: str | None = None) -> Diagnostic:
        return Diagnostic(
            path=self.document.source.path,
            rule=rule_id,
            severity=self.policy.setting(rule_id).severity,
            term=occ.surface,
            message=message,
            start=occ.start,
            end=occ.end,
            suggestions=list(suggestions),
            fix=Edit(occ.start, occ.end, fix) if fix is not None else None,
        )


def cue_hits(cues, words: set[str], text: str) -> list[str]:
    """The cues that stand in the context: as a word (Sudachi forms) or, for
    multi-character cues Sudachi splits differently, as a substring of the
    original text (code counts here: `SELECT` in backticks says SQL is a query)."""
    hits = []
    for cue in cues:
        if cue in words or (len(cue) >= 2 and cue in text):
            hits.append(cue)
    return hits
