"""One document through the pipeline: source → mask → occurrences → rules.

The engine knows no rule by name: each rule declares what it consumes
(`linter.rules.Needs`), and the engine gives every enabled rule exactly that.
"""

from __future__ import annotations

from dataclasses import replace

from linter.automaton import TermAutomaton
from linter.context import LintContext
from linter.diagnostics import Diagnostic
from linter.documents import is_markdown, load_document
from linter.glossary import Glossary
from linter.matching import Words, find_occurrences, glued_to_latin
from linter.policy import Policy
from linter.rules import DOCUMENT, RULES, SUPPRESSIONS, Rule
from linter.source import Source
from linter.suppression import parse_suppressions


class Linter:
    """Built once per setting: the automaton, the enabled rules, prh dictionaries."""

    def __init__(
        self, glossary: Glossary, policy: Policy, rule_ids: set[str] | None = None, prh=(), text_bytes: int = 0
    ):
        self.glossary = glossary
        self.policy = policy
        self.automaton = TermAutomaton(glossary, text_bytes=text_bytes)
        self.rule_ids = frozenset(RULES)
        enabled = [r for r in RULES.values() if self._enabled(r, rule_ids)]
        self.rules = [r for r in enabled if r.needs.stage == DOCUMENT]
        self.suppression_rules = [r for r in enabled if r.needs.stage == SUPPRESSIONS]
        self.prh = list(prh) if any(r.needs.prh for r in self.rules) else []
        self.fingerprint = ""  # set by the workspace: what the result cache keys on
        # Each rule's entries, by term. Entries no rule reads stay in the
        # automaton only to win longest matches (`API` inside no other name).
        self.spoken: dict[str, frozenset[str]] = {
            r.id: frozenset(e.term for e in glossary.entries if r.needs.entries(e, policy))
            for r in self.rules
            if r.needs.entries is not None
        }
        # …and the entries a rule reads as context only: wanted only in a
        # document where one of the rule's own entries stands.
        self.context: dict[str, frozenset[str]] = {
            r.id: frozenset(e.term for e in glossary.entries if r.needs.context(e, policy)) - self.spoken[r.id]
            for r in self.rules
            if r.needs.entries is not None and r.needs.context is not None
        }
        self.wanted = {
            rule_id: terms | self.context.get(rule_id, frozenset()) for rule_id, terms in self.spoken.items()
        }
        self.reportable = frozenset().union(*self.spoken.values())
        # Entries one occurrence of which may be a finding; the others need
        # two spellings in one document before any rule speaks of them.
        self.alone = frozenset().union(
            *(self.spoken[r.id] for r in self.rules if r.id in self.spoken and r.needs.alone)
        )
        # A word-reading rule with a screen reads a file only where it says so.
        self.screens = {
            r.id: r.needs.screen(glossary, text_bytes) for r in self.rules if r.needs.words and r.needs.screen
        }

    def _enabled(self, rule: Rule, rule_ids: set[str] | None) -> bool:
        return self.policy.setting(rule.id).enabled and (rule_ids is None or rule.id in rule_ids)

    def lint(self, source: Source) -> list[Diagnostic]:
        found = _placed(source, self._findings(source))
        suppressions = parse_suppressions(source.text, is_markdown(source.path), source.position, self.rule_ids)
        found = suppressions.filter(found)
        if self.suppression_rules and suppressions.directives:
            ctx = LintContext.for_suppressions(source, self.glossary, self.policy, suppressions)
            for rule in self.suppression_rules:
                found.extend(_placed(source, rule.check(ctx)))
        found.sort(key=Diagnostic.sort_key)
        return found

    def _findings(self, source: Source) -> list[Diagnostic]:
        # Fast path: a file with no glossary spelling anywhere (and no prh
        # hit) is never parsed nor tokenized, unless a rule reads every word.
        candidates = self.automaton.candidates(source.text) if self.reportable else []
        has_terms = self._worth_reading(source.text, candidates)
        # prh: every candidate on the raw text (overlaps unresolved); which
        # ones count is decided once the prose is known (by the rule).
        prh_hits = [(d, raw) for d in self.prh if (raw := d.candidates(source.text))]
        screened = {
            rule_id: seen for rule_id, screen in self.screens.items() if (seen := screen(source.text)) is not None
        }
        # the word-reading rules that read this file: all but those whose screen saw nothing
        reading = {r.id for r in self.rules if r.needs.words and (r.id in screened or r.id not in self.screens)}
        needs_words = bool(reading)
        if not has_terms and not prh_hits and not needs_words:
            return []
        focus: set[int] | None = None
        present = {c.entry.term for c in candidates}
        # Parsed whole where a rule may read anywhere; else around what the
        # rules will read: candidates, prh hits, the spans screens saw.
        anywhere = any(r not in screened or screened[r].spans is None for r in reading)
        whole = anywhere or any(
            r.needs.whole_text and not present.isdisjoint(self.spoken.get(r.id, ())) for r in self.rules
        )
        if not whole:
            focus = {source.position(c.start)[0] for c in candidates} if has_terms else set()
            spans = [(s, e) for _, raw in prh_hits for s, e, _, _ in raw]
            spans += [span for r in reading for span in screened[r].spans or ()]
            for s, e in spans:
                focus.update(range(source.position(s)[0], source.position(e)[0] + 1))
        document = load_document(source, focus)
        words = Words(document)
        occurrences = []
        if has_terms or (needs_words and candidates):  # a word-reading rule sees every glossary word
            wanted = self.reportable.union(
                *(terms for rule_id, terms in self.context.items() if not present.isdisjoint(self.spoken[rule_id]))
            )
            reportable = [c for c in candidates if c.entry.term in wanted]
            occurrences = find_occurrences(document, reportable, self.automaton, words)
        ctx = LintContext(document, self.glossary, self.policy, occurrences, words, prh_hits=prh_hits)
        diagnostics: list[Diagnostic] = []
        for rule in self.rules:
            wanted = self.wanted.get(rule.id, frozenset())
            view = [o for o in occurrences if o.entry.term in wanted]
            if rule.needs.words:
                if rule.id not in reading:
                    continue  # its screen saw nothing for it here
            elif not view and not (rule.needs.prh and prh_hits):
                continue
            diagnostics.extend(rule.check(replace(ctx, occurrences=view, screened=screened.get(rule.id))))
        return diagnostics

    def _worth_reading(self, text: str, candidates) -> bool:
        """Fast path: parse and tokenize only a file where some rule could
        speak: a candidate reportable alone, or two spellings of one entry."""
        spellings: dict[str, set[str]] = {}
        for c in candidates:
            if glued_to_latin(text, c.start, c.end):
                continue
            if c.entry.term in self.alone:
                return True
            if c.entry.term in self.reportable:
                seen = spellings.setdefault(c.entry.term, set())
                seen.add(text[c.start : c.end].casefold())
                if len(seen) > 1:
                    return True
        return False


def _placed(source: Source, diagnostics) -> list[Diagnostic]:
    """Line and column of each finding, from its offsets."""
    placed = list(diagnostics)
    for d in placed:
        d.line, d.column = source.position(d.start)
        d.end_line, d.end_column = source.position(d.end)
    return placed
