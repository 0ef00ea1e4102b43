"""Rules: one module per rule, each a function registered by id.

A rule takes a LintContext and yields Diagnostics. Its docstring is its
documentation (printed by `yogolint rule ID`), written in the same sections
for every rule: 何をするか / なぜ問題か / 例 / 代わりに.

A rule declares what it consumes (`Needs`); the engine gives each enabled
rule exactly that and knows nothing else about it. Adding a rule is adding a
module here, one import line below, and its tests.
"""

from __future__ import annotations

import bisect
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linter.context import LintContext
    from linter.diagnostics import Diagnostic
    from linter.glossary import Entry, Glossary
    from linter.policy import Policy

RuleFunction = Callable[["LintContext"], Iterable["Diagnostic"]]
EntryFilter = Callable[["Entry", "Policy"], bool]


@dataclass(frozen=True)
class Seen:
    """What a rule's screen saw in a file's raw text: the spans (offsets,
    sorted by start) where the rule will read, or None: anywhere. The engine
    parses the file around the spans only; the rule reads the blocks they
    start in (`holds`)."""

    spans: list[tuple[int, int]] | None

    def holds(self, start: int, end: int) -> bool:
        """Whether a span starts in the block [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        return i < len(self._starts) and self._starts[i] < end

    @cached_property
    def _starts(self) -> list[int]:
        return [s for s, _ in self.spans or ()]


Screen = Callable[[str], Seen | None]
ScreenFactory = Callable[["Glossary", int], Screen]

# When a rule runs: on the document's words (before suppression comments
# apply), or on the suppression comments once the other findings are known.
DOCUMENT, SUPPRESSIONS = "document", "suppressions"


@dataclass(frozen=True)
class Needs:
    """What a rule reads; the engine provides it and nothing more.

    - `entries`: which glossary entries' occurrences the rule sees
      (`ctx.occurrences`), as a filter over entry and policy; None: none.
    - `context`: entries whose occurrences the rule reads only as context
      (`ctx.occurrences` holds them too); they alone never make a file
      worth reading for it.
    - `alone`: one occurrence of such an entry can be a finding. When False
      the rule speaks only of two spellings of one entry in a document, so a
      file holding one spelling need not be read for it.
    - `words`: every word of the checked text (`ctx.words.all()`), not only
      glossary occurrences: the file is tokenized for this rule…
    - `screen`: …unless a cheap look at the raw text says the rule has nothing
      to say there. A factory, called once per run with the glossary and the
      run's bytes of text, of a function of a file's text: None, the file need
      not be read for the rule; a `Seen` (where to look) reaches the rule
      as `ctx.screened`.
    - `whole_text`: the rule reads the document beyond the lines of its
      occurrences (the cues that decide a sense): a file with one of its
      occurrences is parsed whole, not only around the candidates.
    - `prh`: the hits of the configured prh dictionaries (`ctx.prh_hits`).
    - `stage`: DOCUMENT, or SUPPRESSIONS for rules about the suppression
      comments themselves (`ctx.suppressions`, after the others are filtered).
    """

    entries: EntryFilter | None = None
    context: EntryFilter | None = None
    alone: bool = True
    words: bool = False
    screen: ScreenFactory | None = None
    whole_text: bool = False
    prh: bool = False
    stage: str = DOCUMENT


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str  # one line, Japanese
    fixable: bool
    check: RuleFunction
    needs: Needs = field(default_factory=Needs)

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")


RULES: dict[str, Rule] = {}


def rule(
    rule_id: str, summary: str, fixable: bool = False, needs: Needs | None = None
) -> Callable[[RuleFunction], RuleFunction]:
    def register(func: RuleFunction) -> RuleFunction:
        RULES[rule_id] = Rule(rule_id, summary, fixable, func, needs or Needs())
        return func

    return register


def closest_rule_ids(word: str, limit: int = 1) -> list[str]:
    """Rule ids spelt like `word` (`ambigous-term` → `ambiguous-term`)."""
    import difflib

    return difflib.get_close_matches(word, list(RULES), n=limit, cutoff=0.6)


# Registration order is report order within a position.
# isort: off
from linter.rules import (  # noqa: E402,F401
    preferred_term,
    ambiguous_term,
    confusable_name,
    undefined_abbreviation,
    inconsistent_term,
    spelling_variant,
    unused_suppression,
    unknown_directive,
)
# isort: on
