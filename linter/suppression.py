"""Comments that silence findings, in the document itself.

    <!-- yogolint-disable-next-line [rule|term …] -->
    <!-- yogolint-disable [rule|term …] --> … <!-- yogolint-enable -->
    <!-- yogolint-disable-file -->
In .txt files the same words follow `#` or stand on a line of their own.
With no names, a directive silences every rule. Names are rule ids and
terms: rules alone silence those rules, terms alone those terms, and a rule
with a term that rule for that term. A name shaped like a rule id that is
none (`ambigous-term`) silences nothing (the unknown-directive rule says so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from linter.diagnostics import Diagnostic

_MARKDOWN = re.compile(r"<!--\s*(yogolint-(?:disable-next-line|disable-file|disable|enable))\b([^>]*?)-->")
_TEXT = re.compile(r"(?:^|#)[ \t]*(yogolint-(?:disable-next-line|disable-file|disable|enable))\b([^\n#]*)", re.M)


_NAME = re.compile(r"[^\s,]+")
_RULE_SHAPED = re.compile(r"[a-z]+(?:-[a-z]+)+")


@dataclass(frozen=True)
class Name:
    text: str
    start: int  # offsets of the name in the file
    end: int


@dataclass
class Directive:
    kind: str  # disable-next-line | disable | enable | disable-file
    names: tuple[str, ...]
    line: int
    column: int
    start: int
    end: int
    rules: frozenset[str] = frozenset()
    terms: frozenset[str] = frozenset()
    unknown_rules: tuple[Name, ...] = ()  # rule-shaped names that are no rule
    used: bool = False

    def covers(self, diag: Diagnostic) -> bool:
        if not self.names:
            return True
        if self.rules and self.terms:
            return diag.rule in self.rules and diag.term in self.terms
        return diag.rule in self.rules or diag.term in self.terms


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)

    def filter(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """One sweep over the findings in line order beside the directives in
        text order (thousands of directives stay linear)."""
        if not self.directives:
            return diagnostics
        whole_file = [d for d in self.directives if d.kind == "disable-file"]
        next_line: dict[int, list[Directive]] = {}
        for directive in self.directives:
            if directive.kind == "disable-next-line":
                next_line.setdefault(directive.line + 1, []).append(directive)
        ranges = [d for d in self.directives if d.kind in ("disable", "enable")]
        silenced = [False] * len(diagnostics)
        open_ranges: list[Directive] = []
        k = 0
        for i in sorted(range(len(diagnostics)), key=lambda i: diagnostics[i].line):
            diag = diagnostics[i]
            while k < len(ranges) and ranges[k].line <= diag.line:
                directive = ranges[k]
                if directive.kind == "disable":
                    open_ranges.append(directive)
                else:
                    open_ranges = [
                        o for o in open_ranges if directive.names and not set(o.names) <= set(directive.names)
                    ]
                k += 1
            for directive in (*whole_file, *next_line.get(diag.line, ()), *open_ranges):
                if directive.covers(diag):
                    directive.used = silenced[i] = True
        return [d for i, d in enumerate(diagnostics) if not silenced[i]]

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if not d.used and d.kind != "enable"]


def parse_suppressions(text: str, is_markdown: bool, position, known_rules: frozenset[str]) -> Suppressions:
    """`position(offset) -> (line, column)` of the source; `known_rules`: the
    registered rule ids, which tell a rule's name from a term's."""
    if "yogolint-" not in text:
        return Suppressions()
    pattern = _MARKDOWN if is_markdown else _TEXT
    directives = []
    for m in pattern.finditer(text):
        line, column = position(m.start(1))
        names = [Name(n.group(), n.start(), n.end()) for n in _NAME.finditer(text, m.start(2), m.end(2))]
        rules = frozenset(n.text for n in names if n.text in known_rules)
        unknown = tuple(n for n in names if n.text not in known_rules and _RULE_SHAPED.fullmatch(n.text))
        terms = frozenset(n.text for n in names if n.text not in rules and n not in unknown)
        directives.append(
            Directive(
                m.group(1)[len("yogolint-") :],
                tuple(n.text for n in names),
                line,
                column,
                m.start(1),
                m.end(1),
                rules,
                terms,
                unknown,
            )
        )
    return Suppressions(directives)
