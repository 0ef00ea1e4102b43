"""One document through the pipeline: source → mask → occurrences → rules."""
from __future__ import annotations

from linter.automaton import TermAutomaton
from linter.context import LintContext
from linter.diagnostics import Diagnostic, Edit
from linter.documents import Document, is_markdown, load_document
from linter.glossary import Glossary
from linter.matching import Words, find_occurrences, glued_to_latin
from linter.policy import Policy
from linter.rules import RULES, Rule
from linter.source import Source
from linter.suppression import parse_suppressions

UNUSED_SUPPRESSION = "unused-suppression"


def _reportable_alone(entry, policy: Policy) -> bool:
    """Could one occurrence of this entry be a finding? (A misspelling, an
    ambiguous or undefined abbreviation, a company name.)"""
    if entry.deprecated or entry.senses or entry.products or entry.kind in ("product", "company"):
        return True
    shorts = set(entry.short_names())
    return entry.kind != "role" and bool(shorts) and not shorts <= policy.well_known


class Linter:
    """Built once per setting: the automaton, the enabled rules, prh dictionaries."""

    def __init__(self, glossary: Glossary, policy: Policy, rule_ids: set[str] | None = None, prh=(),
                 many_files: bool = False):
        self.glossary = glossary
        self.policy = policy
        self.automaton = TermAutomaton(glossary, dfa=many_files)
        self.rules: list[Rule] = [r for r in RULES.values() if self._enabled(r.id, rule_ids)]
        self.prh = list(prh) if self._enabled("preferred-term", rule_ids) else []
        self.fingerprint = ""  # set by the workspace: what the result cache keys on
        # Entries that can be reported at all: alone, or as two of their names
        # in one document (inconsistent-term). `API` (well known, one
        # spelling) cannot; it stays in the automaton only to win longest matches.
        self.alone = {e.term for e in glossary.entries if _reportable_alone(e, policy)}
        self.reportable = self.alone | {e.term for e in glossary.entries if len(set(e.names())) > 1}

    def _enabled(self, rule_id: str, rule_ids: set[str] | None) -> bool:
        return self.policy.setting(rule_id).enabled and (rule_ids is None or rule_id in rule_ids)

    def lint(self, source: Source, report_unused_suppressions: bool = False) -> list[Diagnostic]:
        found = self._findings(source)
        suppressions = parse_suppressions(source.text, is_markdown(source.path), source.position)
        found = suppressions.filter(found)
        if report_unused_suppressions:
            for directive in suppressions.unused():
                found.append(Diagnostic(
                    path=source.path, rule=UNUSED_SUPPRESSION, severity="warning",
                    term=source.text[directive.start:directive.end],
                    message=f"使われていない抑制コメントです(yogolint-{directive.kind})。削除してください",
                    start=directive.start, end=directive.end, line=directive.line, column=directive.column,
                    end_line=directive.line, end_column=directive.column + directive.end - directive.start,
                ))
        found.sort(key=Diagnostic.sort_key)
        return found

    def _findings(self, source: Source) -> list[Diagnostic]:
        # Fast path: a file with no glossary spelling anywhere (and no prh
        # hit) is never parsed nor tokenized.
        candidates = self.automaton.candidates(source.text)
        has_terms = self._worth_reading(source.text, candidates)
        # prh: every candidate on the raw text (overlaps unresolved); which
        # ones count is decided once the prose is known (_prh_findings).
        prh_hits = [(d, raw) for d in self.prh if (raw := d.candidates(source.text))]
        if not has_terms and not prh_hits:
            return []
        focus = {source.position(c.start)[0] for c in candidates} if has_terms else set()
        for _, raw in prh_hits:
            for s, e, _, _ in raw:
                focus.update(range(source.position(s)[0], source.position(e)[0] + 1))
        document = load_document(source, focus)
        diagnostics: list[Diagnostic] = []
        if has_terms:
            words = Words(document)
            reportable = [c for c in candidates if c.entry.term in self.reportable]
            occurrences = find_occurrences(document, reportable, self.automaton, words)
            if occurrences:
                ctx = LintContext(document, self.glossary, self.policy, occurrences, words)
                diagnostics = [d for r in self.rules for d in r.check(ctx)]
        if prh_hits:
            diagnostics += self._prh_findings(document, prh_hits)
        for d in diagnostics:
            d.line, d.column = source.position(d.start)
            d.end_line, d.end_column = source.position(d.end)
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
                seen.add(text[c.start:c.end].casefold())
                if len(seen) > 1:
                    return True
        return False

    def _prh_findings(self, document: Document, candidates) -> list[Diagnostic]:
        """prh candidates found on the whole text (the dictionaries are run
        once per file, not again on the mask), kept where they lie wholly in
        prose, then overlaps resolved. Like textlint-rule-prh (defaults), link
        text and emphasis are not checked (prose byte 2), and a match may
        cross a line break inside a paragraph but not Markdown syntax."""
        severity = self.policy.setting("preferred-term").severity
        text, prose = document.text, document.prose
        if prose is not None:
            def keep(s: int, e: int) -> bool:
                return prose.count(1, s, e) == e - s
        else:
            mask = document.mask

            def keep(s: int, e: int) -> bool:
                return mask[s:e] == text[s:e]
        out = []
        hits = [(d, h) for d, raw in candidates for h in d.select(text, raw, keep=keep)]
        for dictionary, hit in hits:
            reason = getattr(hit.rule, "message", None) or f"prh: {dictionary.name}"
            out.append(Diagnostic(
                path=document.source.path, rule="preferred-term", severity=severity,
                term=text[hit.start:hit.end],
                message=f"{hit.matched} → {hit.replacement} ({reason})",
                start=hit.start, end=hit.end, suggestions=[hit.replacement],
                fix=Edit(hit.start, hit.end, hit.replacement, origin=f"{hit.rule.source}:{hit.rule.line}")
                if hit.certain else None,
            ))
        return out
