"""One document through the pipeline: source → mask → occurrences → rules."""
from __future__ import annotations

from linter.automaton import TermAutomaton
from linter.context import LintContext
from linter.diagnostics import Diagnostic
from linter.documents import load_document
from linter.glossary import Glossary
from linter.matching import Words, find_occurrences
from linter.policy import Policy
from linter.rules import RULES, Rule
from linter.source import Source


class Linter:
    """Built once per run: the automaton and the enabled rules."""

    def __init__(self, glossary: Glossary, policy: Policy, rule_ids: set[str] | None = None):
        self.glossary = glossary
        self.policy = policy
        self.automaton = TermAutomaton(glossary)
        self.rules: list[Rule] = [
            r for r in RULES.values()
            if policy.setting(r.id).enabled and (rule_ids is None or r.id in rule_ids)
        ]

    def lint(self, source: Source) -> list[Diagnostic]:
        # Fast path: a file with no glossary spelling anywhere is never parsed
        # nor tokenized.
        if not self.automaton.candidates(source.text):
            return []
        document = load_document(source)
        words = Words(document)
        occurrences = find_occurrences(document, self.automaton, words)
        if not occurrences:
            return []
        ctx = LintContext(document, self.glossary, self.policy, occurrences, words)
        diagnostics = [d for r in self.rules for d in r.check(ctx)]
        for d in diagnostics:
            d.line, d.column = source.position(d.start)
            d.end_line, d.end_column = source.position(d.end)
        diagnostics.sort(key=Diagnostic.sort_key)
        return diagnostics
