"""Rules: one module per rule, each a function registered by id.

A rule takes a LintContext and yields Diagnostics. Its docstring is its
documentation (printed by `yogolint rule ID`), written in the same sections
for every rule: 何をするか / なぜ問題か / 例 / 代わりに.
Adding a rule is adding a module here, one import line below, and its tests.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from linter.context import LintContext
from linter.diagnostics import Diagnostic

RuleFunction = Callable[[LintContext], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str  # one line, Japanese
    fixable: bool
    check: RuleFunction

    @property
    def doc(self) -> str:
        import inspect

        return inspect.cleandoc(self.check.__doc__ or "")


RULES: dict[str, Rule] = {}


def rule(rule_id: str, summary: str, fixable: bool = False):
    def register(func: RuleFunction) -> RuleFunction:
        RULES[rule_id] = Rule(rule_id, summary, fixable, func)
        return func

    return register


# Registration order is report order within a position.
from linter.rules import (  # noqa: E402,F401
    preferred_term,
    ambiguous_term,
    confusable_name,
    undefined_abbreviation,
    inconsistent_term,
)
