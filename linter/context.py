"""What a rule sees: one document, its glossary occurrences and their context.

Each rule gets its own view: `occurrences` holds only the entries it declared
(`Needs.entries`), `prh_hits` is filled when it declared `Needs.prh`, and
`suppressions` for the rules that speak about suppression comments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linter.diagnostics import Diagnostic, Edit
from linter.documents import Document
from linter.glossary import Glossary
from linter.matching import Occurrence, Words, cue_hits
from linter.policy import Policy
from linter.source import Source
from linter.suppression import Suppressions

if TYPE_CHECKING:
    from linter.rules import Seen


@dataclass
class LintContext:
    document: Document
    glossary: Glossary
    policy: Policy
    occurrences: list[Occurrence]  # in document order
    words: Words
    # (dictionary, raw candidates) per prh dictionary with a hit in the file
    prh_hits: list[tuple[Any, list]] = field(default_factory=list)
    suppressions: Suppressions = field(default_factory=Suppressions)
    screened: Seen | None = None  # what the rule's screen saw in the raw text (`Needs.screen`)
    _cue_cache: dict = field(default_factory=dict, repr=False)

    @classmethod
    def for_suppressions(
        cls, source: Source, glossary: Glossary, policy: Policy, suppressions: Suppressions
    ) -> LintContext:
        """The context of the rules about suppression comments: the comments
        and the file, no words (the file need not be parsed for them)."""
        document = Document(source, source.text, [])
        return cls(document, glossary, policy, [], Words(document), suppressions=suppressions)

    @property
    def text(self) -> str:
        return self.document.text

    def sentence(self, occ: Occurrence) -> tuple[int, int]:
        return self.document.sentence_at(occ.start)

    def block(self, occ: Occurrence) -> tuple[int, int]:
        block = self.document.block_at(occ.start)
        return (block.start, block.end) if block else self.sentence(occ)

    def cues_in(self, cues: tuple[str, ...], start: int, end: int) -> list[str]:
        """The cues that stand in [start, end) as whole words (kept: every
        occurrence in a long block or table asks about the same span)."""
        key = (cues, start, end)
        if key not in self._cue_cache:
            self._cue_cache[key] = cue_hits(cues, self.words, self.document, start, end)
        return self._cue_cache[key]

    def diagnostic(
        self,
        rule_id: str,
        occ: Occurrence,
        message: str,
        suggestions: Sequence[str] = (),
        fix: str | None = None,
        safe: bool = True,
    ) -> Diagnostic:
        return self.finding(rule_id, occ.start, occ.end, message, suggestions, fix, safe)

    def finding(
        self,
        rule_id: str,
        start: int,
        end: int,
        message: str,
        suggestions: Sequence[str] = (),
        fix: str | None = None,
        safe: bool = True,
    ) -> Diagnostic:
        """A finding over text[start:end] with the rule's configured severity;
        `fix` replaces that text, `safe` says whether plain --fix may apply it."""
        return Diagnostic(
            path=self.document.source.path,
            rule=rule_id,
            severity=self.policy.setting(rule_id).severity,
            term=self.text[start:end],
            message=message,
            start=start,
            end=end,
            suggestions=list(suggestions),
            fix=Edit(start, end, fix, safe) if fix is not None else None,
        )
