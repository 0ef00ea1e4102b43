"""Loading prh dictionaries and applying them like prh 5.4.4 does."""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from . import jsregex
from .jsregex import NORM_TABLE, WIDTH_TABLE, JSRegexError, LazyPattern, Matcher


class _LazyYaml:
    """PyYAML, imported on first use: a dictionary from the compiled cache
    (compiled_cache.py) needs none of it."""

    def __getattr__(self, name: str):
        import yaml as module

        return getattr(module, name)


yaml = _LazyYaml()

try:
    import ahocorasick_rs
except Exception:  # pragma: no cover
    ahocorasick_rs = None  # type: ignore[assignment]  # as before: a broken install fails where the automaton is built


class PrhError(Exception):
    """A dictionary problem; the message starts with ``file:line:``."""


# ------------------------------------------------------------------ data model
@dataclass(eq=False)
class PrhSpec:
    from_: str
    to: str
    line: int


RawPattern = str | list[str] | None  # a rule's `pattern`/`patterns` as written (None: expected-only)


@dataclass(eq=False)
class PrhRule:
    expected: str
    line: int  # 1-based line of the rule in its YAML file
    source: str  # path of the YAML file that defines the rule
    pattern: RawPattern = None
    js_pattern: str = ""  # prh's RegExp.toString(), e.g. "/[JjＪｊ][SsＳｓ]/gmu"
    message: str | None = None  # the ``prh:`` key
    specs: list[PrhSpec] = field(default_factory=list)
    word_boundary: bool = False
    regexp_must_empty: int | None = None
    # -- compiled form (internal)
    _alts: list[tuple[str, bool]] = field(default_factory=list, repr=False)  # JS sources per pattern
    _icase: bool = False
    _literals: list[str] | None = None  # literal fast path: alternatives in order
    _compiled: LazyPattern | None = None  # None only until _compile_rule has run
    _alt_compiled: list[LazyPattern] | None = None  # per pattern, when _needs_local_groups
    _prefilter: frozenset[str] | None = None
    _word_edges: dict[str, bool] | None = None  # prefilter literal -> also needs a word edge after it
    _needs_local_groups: bool = False

    @property
    def kind(self) -> str:
        """'literal', 'regex' (prefiltered by a literal) or 'scan' (no literal)."""
        if self._literals is not None:
            return "literal"
        return "regex" if self._prefilter else "scan"

    @property
    def regex(self) -> LazyPattern:
        """The translated pattern (every loaded rule has one)."""
        if self._compiled is None:
            raise AssertionError(f"{self!r} was never compiled")
        return self._compiled

    def __repr__(self) -> str:
        return f"PrhRule({self.expected!r} {self.js_pattern} @{os.path.basename(self.source)}:{self.line})"


@dataclass(frozen=True)
class PrhHit:
    start: int  # code-point offsets into the text
    end: int
    matched: str
    replacement: str
    rule: PrhRule

    @property
    def certain(self) -> bool:
        """False when `expected` used a `$N` whose group did not take part in
        the match (`基づ$1` on もとづく, matched by another alternative)."""
        return not isinstance(self.replacement, _Unsure)


class _Unsure(str):
    """A replacement that expanded an unmatched group (see PrhHit.certain)."""


@dataclass(frozen=True)
class SpecFailure:
    rule: PrhRule
    from_: str
    expected: str
    got: str

    def __iter__(self):  # so it unpacks as (rule, from, expected, got)
        return iter((self.rule, self.from_, self.expected, self.got))


@dataclass(eq=False)
class _Target:
    file_js: str
    file_re: Matcher
    includes: list[Matcher]
    excludes: list[Matcher]


# ----------------------------------------------------------- prh's regexp utils
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")
_REGEXP_STR = re.compile(r"/([^\n\r\u2028\u2029]*)/([gimy]*)")
_HANKAKU = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_ZENKAKU = "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ０１２３４５６７８９"
_SPECIAL = "¥*+.?{}()[]^$-|/"


def _parse_regexp_string(s: str):
    m = _REGEXP_STR.fullmatch(s)
    return (m.group(1), m.group(2)) if m else None


def _escape_special(s: str) -> str:
    return "".join("\\" + c if c in _SPECIAL else c for c in s)


def _char_at(i: int) -> str:
    return _ZENKAKU[i] if 0 <= i < len(_ZENKAKU) else ""


def _spread_alnum(expected: str) -> str:
    out = []
    for v in expected:
        i1 = _HANKAKU.find(v.upper())
        i2 = _HANKAKU.find(v.lower())
        if i1 == -1 and i2 == -1:
            out.append(v)
        elif i1 == i2:
            out.append("[" + v + _char_at(i1) + "]")
        else:
            out.append("[" + v.upper() + v.lower() + _char_at(i1) + _char_at(i2) + "]")
    return "".join(out)


def _js_to_string(source: str, icase: bool) -> str:
    src = re.sub(r"(?<!\\)((?:\\\\)*)/", r"\1\\/", source)
    return "/" + src + "/" + ("gimu" if icase else "gmu")


# ------------------------------------------------------------------ YAML helpers
def _line(node) -> int:
    return node.start_mark.line + 1


class _Ctx:
    def __init__(self, path: str, strict: bool, loader):
        self.path = path
        self.strict = strict
        self.loader = loader
        self.warnings: list[str] = []

    def err(self, node_or_line, msg: str):
        line = node_or_line if isinstance(node_or_line, int) else _line(node_or_line)
        return PrhError(f"{self.path}:{line}: {msg}")

    def unknown(self, keynode, where: str, allowed):
        hint = ""
        if keynode.value == "spec" and "specs" in allowed:
            hint = " (did you mean 'specs'? prh ignores it)"
        msg = f"unknown key {keynode.value!r} in {where}{hint}; known keys: {', '.join(sorted(allowed))}"
        if self.strict:
            raise self.err(keynode, msg + " (load with strict=False to ignore it as prh does)")
        self.warnings.append(f"{self.path}:{_line(keynode)}: {msg}")

    def mapping(self, node, where: str, allowed) -> dict[str, tuple]:
        if not isinstance(node, yaml.MappingNode):
            raise self.err(node, f"{where} must be a mapping")
        try:
            self.loader.flatten_mapping(node)
        except yaml.MarkedYAMLError as e:  # `<<: 5`: a merge of no mapping
            mark = e.problem_mark or e.context_mark
            line = mark.line + 1 if mark else _line(node)
            raise PrhError(f"{self.path}:{line}: invalid YAML: {e.problem or e}") from None
        out: dict[str, tuple] = {}
        for k, v in node.value:
            if not isinstance(k, yaml.ScalarNode):
                raise self.err(k, f"non-scalar key in {where}")
            if k.value in out:
                raise self.err(k, f"duplicated key {k.value!r} in {where}")
            if k.value not in allowed:
                self.unknown(k, where, allowed)
            out[k.value] = (k, v)
        return out

    def string(self, node, what: str) -> str:
        value = self.string_or_null(node, what)
        if value is None:
            raise self.err(node, f"{what} must not be empty")
        return value

    def string_or_null(self, node, what: str) -> str | None:
        """A scalar's raw text (js-yaml would not turn "yes" into a bool); None for null."""
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:null":
                return None
            return node.value
        raise self.err(node, f"{what} must be a string")

    def boolean(self, node, what: str) -> bool:
        v = self.loader.construct_object(node, deep=True)
        if not isinstance(v, bool):
            raise self.err(node, f"{what} must be true or false")
        return v

    def seq(self, node, what: str) -> list:
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise self.err(node, f"{what} must be a list")
        return node.value


def _compose(path: str):
    from linter.source import SETTINGS_FILE_LIMIT, NotRegularFile, read_regular

    try:
        text = read_regular(path, SETTINGS_FILE_LIMIT).decode("utf-8")
    except FileNotFoundError:
        raise
    except NotRegularFile as e:
        raise PrhError(f"{path}: {e.strerror}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise PrhError(f"{path}:1: cannot read dictionary ({e})") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(e, "problem", None) or str(e)
        raise PrhError(f"{path}:{line}: invalid YAML: {problem}") from None
    _refuse_tags(path, node)
    return node, loader


# (_compose: libyaml's parser when PyYAML has it, 4× faster on a 1,300-rule
# dictionary; either way the safe constructor, and nodes keep their line numbers.)
_STRUCTURAL_TAGS = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")


def _refuse_tags(path: str, node) -> None:
    """Rules are read from nodes, never constructed: a tag such as
    `!!python/object/apply` would otherwise be silently ignored."""
    stack, seen = ([node] if node is not None else []), set()
    while stack:
        n = stack.pop()
        if id(n) in seen:  # aliases share nodes
            continue
        seen.add(id(n))
        if n.tag not in yaml.SafeLoader.yaml_constructors and n.tag not in _STRUCTURAL_TAGS:
            raise PrhError(f"{path}:{_line(n)}: could not determine a constructor for the tag '{n.tag}'")
        if isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
        elif isinstance(n, yaml.MappingNode):
            stack.extend(x for pair in n.value for x in pair)


TOP_KEYS = {"version", "imports", "rules", "targets", "meta"}
RULE_KEYS = {"expected", "pattern", "patterns", "regexpMustEmpty", "options", "specs", "prh"}
OPTION_KEYS = {"wordBoundary"}
SPEC_KEYS = {"from", "to"}
IMPORT_KEYS = {"path", "disableImports", "ignoreRules"}
IGNORE_KEYS = {"pattern", "expected"}
TARGET_KEYS = {"file", "includes", "excludes"}
TARGET_PATTERN_KEYS = {"pattern"}


# ------------------------------------------------------------------ prefilter
class _Use(NamedTuple):
    """A rule that asked the automaton for a literal."""

    rule: int  # index in the dictionary's rules
    alt: int  # a literal rule: which of its patterns; -1: a regex rule's prefilter
    literal: str  # as the rule has it (a literal rule's hit must be exactly it)
    edge_after: bool | None  # a `\bword` prefilter: must a word edge follow too? (else None)


_Hit = tuple[int, int, int, str]  # start, end, rule index, replacement


class _LiteralIndex:
    """Literals some rule needs, in one Aho-Corasick automaton over text
    normalised by ``normalise`` (which keeps every code point's offset)."""

    def __init__(self, normalise: Callable[[str], str]):
        self.normalise = normalise
        self.literals: list[str] = []
        self.consumers: list[list[_Use]] = []
        self._ids: dict[str, int] = {}
        self._automaton: ahocorasick_rs.AhoCorasick | None = None

    def add(self, literal: str, consumer: _Use) -> None:
        literal = self.normalise(literal)
        i = self._ids.get(literal)
        if i is None:
            i = self._ids[literal] = len(self.literals)
            self.literals.append(literal)
            self.consumers.append([])
        self.consumers[i].append(consumer)

    def build(self, text_bytes: int | None = None) -> _LiteralIndex:
        """`text_bytes`: how much text will be scanned (None: a lot). A DFA
        takes ≈ 5 µs more per literal to build and scans ≈ 3.5 ms/MB faster."""
        dfa = text_bytes is None or text_bytes >= _DFA_BYTES_PER_LITERAL * len(self.literals)
        kind = ahocorasick_rs.Implementation.DFA if dfa else ahocorasick_rs.Implementation.ContiguousNFA
        self._automaton = ahocorasick_rs.AhoCorasick(self.literals, implementation=kind)
        return self

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """(literal index, start, end) of every literal occurrence, overlapping;
        `consumers[literal index]` are the rules that asked for it."""
        if self._automaton is None:
            raise AssertionError("_LiteralIndex.matches before build()")
        return self._automaton.find_matches_as_indexes(self.normalise(text), overlapping=True)


_DFA_BYTES_PER_LITERAL = 3_000  # WEB+DB_PRESS's 2,451 literals: a DFA from ≈ 7 MB of text


# str.translate with a dict looks every character up, which is slow on long
# Japanese texts; these do the same mapping with a C-speed test first.
_WIDE_ALNUM = re.compile("[" + "".join(map(chr, sorted(WIDTH_TABLE))) + "]")
_LEFT_BY_LOWER = re.compile("[\uff10-\uff19\uff41-\uff5a\u017f\u0131]")


def _fold_width(text: str) -> str:
    return text.translate(WIDTH_TABLE) if _WIDE_ALNUM.search(text) else text


def _fold_case_and_width(text: str) -> str:
    lower = text.lower()
    if len(lower) != len(text):  # a character lowered to two (İ): offsets would shift
        return text.translate(NORM_TABLE)
    return lower.translate(NORM_TABLE) if _LEFT_BY_LOWER.search(lower) else lower


# ------------------------------------------------------------------ the dictionary
class PrhDictionary:
    """A loaded prh dictionary (with its imports merged, as prh merges them)."""

    def __init__(
        self,
        path: str,
        name: str,
        version: int,
        rules: list[PrhRule],
        targets: list[_Target],
        warnings: list[str],
        sources: list[str],
        text_bytes: int | None = None,
    ):
        self.text_bytes = text_bytes  # how much text it will scan: which automata pay (None: a lot)
        self.path = path
        self.name = name
        self.version = version
        self.rules = rules
        self.targets = targets
        self.warnings = warnings
        self.sources = sources
        self._build()

    # ---------------------------------------------------------------- build
    def _build(self) -> None:
        # Two automata: case-insensitive rules are keyed on case- and
        # width-folded text, the rest (most rules) on width-folded text only,
        # which keeps their candidates few.
        folded = _LiteralIndex(_fold_case_and_width)
        exact = _LiteralIndex(_fold_width)
        self._scan_rules: list[int] = []
        for ri, rule in enumerate(self.rules):
            if rule._literals is not None:
                for ai, lit in enumerate(rule._literals):
                    exact.add(lit, _Use(ri, ai, lit, None))
            elif rule._prefilter:
                index = folded if rule._icase else exact
                for lit in rule._prefilter:
                    edge_after = rule._word_edges[lit] if rule._word_edges else None
                    index.add(lit, _Use(ri, -1, lit, edge_after))
            else:
                self._scan_rules.append(ri)
        self._indexes = [index.build(self.text_bytes) for index in (folded, exact) if index.literals]
        self._last_split: tuple[str | None, list] = (None, [])

    @property
    def stats(self) -> dict[str, int]:
        """How the rules are evaluated: literal (automaton only), regex
        (automaton prefilter + regex on the paragraph), scan (regex on every
        paragraph: no literal could be extracted)."""
        out = {"literal": 0, "regex": 0, "scan": 0}
        for r in self.rules:
            out[r.kind] += 1
        return out

    # ---------------------------------------------------------------- matching
    def _paragraphs(self, text: str) -> list[tuple[int, int]]:
        # prh splits on /([^]*?)\n{2,}/g and checks each paragraph on its own.
        # The last text's split is kept: select() needs it again after candidates().
        last_text, last_paras = self._last_split
        if text is last_text:
            return last_paras
        breaks = [m.span() for m in _PARAGRAPH_BREAK.finditer(text)]
        starts = [0] + [end for _, end in breaks]
        ends = [start for start, _ in breaks] + [len(text)]
        paras = list(zip(starts, ends, strict=False))
        self._last_split = (text, paras)
        return paras

    def _raw_hits(self, text: str, paras: list[tuple[int, int]], rule_ids: set[int] | None = None) -> list[_Hit]:
        """Candidate hits as (start, end, rule index, replacement) before the
        cross-rule overlap resolution."""
        occurrences, candidates = self._literal_matches(text, paras, rule_ids)
        for ri in self._scan_rules:
            if rule_ids is None or ri in rule_ids:
                candidates[ri] = set(range(len(paras)))
        hits = self._literal_rule_hits(occurrences) + self._regex_rule_hits(text, paras, candidates)
        # drop hits whose replacement is already there (covers the match)
        return [
            (s, e, ri, repl) for s, e, ri, repl in hits if repl != text[s:e] and not _already_correct(text, s, e, repl)
        ]

    def _literal_matches(
        self, text: str, paras: list[tuple[int, int]], rule_ids: set[int] | None
    ) -> tuple[dict[int, list[tuple[int, int, int]]], dict[int, set[int]]]:
        """One pass of the automata: by literal rule, the occurrences (start,
        pattern index, end) of its literals; by regex rule, the paragraphs
        its prefilter found a literal in."""
        starts = [p[0] for p in paras]
        # Literal occurrences by rule: one without a line break cannot cross a
        # paragraph break, so only those with one need their paragraph found.
        occurrences: dict[int, list[tuple[int, int, int]]] = {}
        candidates: dict[int, set[int]] = {}
        for index in self._indexes:
            consumers_of = index.consumers
            for literal, s, e in index.matches(text):
                pi = -1
                for ri, ai, lit, edge_after in consumers_of[literal]:
                    if rule_ids is not None and ri not in rule_ids:
                        continue
                    if ai < 0 or "\n" in lit:  # its paragraph is needed
                        if pi < 0:
                            pi = bisect.bisect_right(starts, s) - 1
                        if e > paras[pi][1]:
                            break  # reaches into a paragraph break: no rule matches here
                    if ai >= 0:
                        if text.startswith(lit, s):
                            occurrences.setdefault(ri, []).append((s, ai, e))
                    elif edge_after is None or self._on_edges(text, s, e, ri, edge_after):
                        candidates.setdefault(ri, set()).add(pi)
        return occurrences, candidates

    def _literal_rule_hits(self, occurrences: dict[int, list[tuple[int, int, int]]]) -> list[_Hit]:
        """A literal rule's hits: its occurrences left to right, none inside the last."""
        out = []
        for ri, occ in occurrences.items():
            expected = self.rules[ri].expected
            occ.sort()
            pos = -1
            for s, _ai, e in occ:
                if s < pos:
                    continue
                pos = e
                out.append((s, e, ri, expected))
        return out

    def _regex_rule_hits(self, text: str, paras: list[tuple[int, int]], candidates: dict[int, set[int]]) -> list[_Hit]:
        """A regex rule's hits: its matches in each paragraph it is a candidate in."""
        out = []
        para_text: dict[int, str] = {}
        for ri, pis in candidates.items():
            rule = self.rules[ri]
            pattern = rule.regex
            for pi in sorted(pis):
                ps, pe = paras[pi]
                pt = para_text.get(pi)
                if pt is None:
                    pt = para_text[pi] = text[ps:pe]
                for m in pattern.finditer(pt):
                    hit = self._expand(rule, m, pt)
                    if hit is not None:
                        out.append((m.start() + ps, m.end() + ps, ri, hit))
        return out

    def _on_edges(self, text: str, s: int, e: int, ri: int, edge_after: bool) -> bool:
        """A `\\bLITERAL` rule's hit can start a match only on a word edge."""
        icase = self.rules[ri]._icase
        return jsregex.on_word_edge(text, s, icase) and (not edge_after or jsregex.on_word_edge(text, e, icase))

    def _rescan(self, text: str, candidates, kept, keep):
        """A rule matches left to right, each match resuming where the last
        ended; a dropped match must not hide one that starts inside it
        (`- ウェブ版`: ` ウェブ` reaches into the list marker, prh on the text
        node finds ウェブ版 → Web版). Rules that lost a match are run again on
        those paragraphs, skipping matches that ``keep`` refuses."""
        paras = self._paragraphs(text)
        starts = [p[0] for p in paras]
        redo = {(ri, bisect.bisect_right(starts, s) - 1) for s, e, ri, _ in candidates if not keep(s, e)}
        out = [h for h in kept if (h[2], bisect.bisect_right(starts, h[0]) - 1) not in redo]
        found = []
        for ri, pi in sorted(redo):
            rule = self.rules[ri]
            ps, pe = paras[pi]
            pt = text[ps:pe]
            search = rule.regex.matcher().search
            pos = 0
            while pos <= len(pt):
                m = search(pt, pos)
                if m is None:
                    break
                s, e = m.start() + ps, m.end() + ps
                if not keep(s, e):
                    pos = m.start() + 1
                    continue
                pos = m.end()
                repl = self._expand(rule, m, pt)
                if repl is None or repl == text[s:e] or _already_correct(text, s, e, repl):
                    continue
                found.append((s, e, ri, repl))
        if found and "prh:disable" in text:
            found = _apply_pragmas(text, paras, found)
        return out + found

    def _expand(self, rule: PrhRule, m, para: str) -> str | None:
        """prh's regexpMustEmpty check and $N expansion; None = no hit."""
        groups = (m.group(0),) + m.groups()
        if rule.regexp_must_empty is not None:
            idx = rule.regexp_must_empty
            if idx < len(groups) and groups[idx]:
                return None
        if rule.expected == groups[0]:
            return None
        if "$" not in rule.expected:
            return rule.expected
        local = _local_groups(rule._alt_compiled, m, para) if rule._needs_local_groups else None
        unmatched = False

        def sub(mo):
            nonlocal unmatched
            idx = int(mo.group(1))
            if local is not None and 0 < idx < len(local):
                value = local[idx]
            elif idx == 0 or idx > len(groups) - 1:
                return mo.group(0)
            else:
                value = groups[idx]
            unmatched |= value is None
            return value or ""

        replacement = re.sub(r"\$([0-9]{1,2})", sub, rule.expected)
        # prh expands a group that took no part in the match to "" (JS does):
        # reported as prh reports it, but not a replacement to write.
        return _Unsure(replacement) if unmatched else replacement

    def find(self, text: str, path: str | None = None) -> list[PrhHit]:
        """All hits in ``text``, in text order, non-overlapping.

        Offsets are code points.  Like prh, the text is split into paragraphs
        at blank lines and every rule is matched paragraph by paragraph;
        ``prh:disable`` / ``prh:disable:PATTERN`` comments are honoured.  When
        ``path`` is given, the dictionary's ``targets`` (include/exclude
        patterns for matching file names, e.g. prh-rules/files/markdown.yml)
        are applied as prh applies them."""
        return self.select(text, self.candidates(text), path)

    def candidates(self, text: str) -> list[tuple[int, int, int, str]]:
        """Every hit before overlaps are resolved, as (start, end, rule
        index, replacement); ``prh:disable`` pragmas applied."""
        paras = self._paragraphs(text)
        raw = self._raw_hits(text, paras)
        if "prh:disable" in text:
            raw = _apply_pragmas(text, paras, raw)
        return raw

    def select(self, text: str, candidates, path: str | None = None, keep=None) -> list[PrhHit]:
        """The hits ``find`` reports, from ``candidates(text)``.  ``keep(start,
        end)`` drops candidates *before* overlaps are resolved, so a match that
        is not kept (one reaching into Markdown syntax) does not hide a shorter
        or later one that is (textlint-rule-prh runs prh on each text node:
        ``**他の`` gives 他の → ほかの, not ``*他の``)."""
        raw = candidates
        if keep is not None:
            raw = [h for h in candidates if keep(h[0], h[1])]
            if len(raw) < len(candidates):
                raw = self._rescan(text, candidates, raw, keep)
        hits = _resolve(raw)
        if path is not None and self.targets:
            hits = self._apply_targets(text, path, hits)
        return [PrhHit(s, e, text[s:e], repl, self.rules[ri]) for s, e, ri, repl in hits]

    def fix(self, text: str, path: str | None = None) -> str:
        """``text`` with every hit replaced."""
        return apply_hits(text, self.find(text, path))

    # ---------------------------------------------------------------- specs
    def run_specs(self) -> list[SpecFailure]:
        """Run every rule's specs the way prh checks them at load time (the
        rule alone, on the whole ``from`` string).  Returns the failures."""
        failures = []
        for ri, rule in enumerate(self.rules):
            for spec in rule.specs:
                raw = self._raw_hits(spec.from_, [(0, len(spec.from_))], rule_ids={ri})
                hits = _resolve(raw)
                got = apply_hits(spec.from_, [PrhHit(s, e, "", r, rule) for s, e, _, r in hits])
                if got != spec.to:
                    failures.append(SpecFailure(rule, spec.from_, spec.to, got))
        return failures

    # ---------------------------------------------------------------- targets
    def _apply_targets(self, text: str, path: str, hits):
        includes = excludes = None
        for t in self.targets:
            if not t.file_re.search(path):
                continue
            for pat in t.includes:
                r = [(m.start(), m.end()) for m in pat.finditer(text)]
                includes = (includes or []) + r
            for pat in t.excludes:
                r = [(m.start(), m.end()) for m in pat.finditer(text)]
                excludes = (excludes or []) + r
        res = list(hits)
        if includes is not None:
            res = _intersect(res, _prh_prepare(includes))
        if excludes is not None:
            res = _subtract(res, _prh_prepare(excludes))
        return res


def _local_groups(alternatives: list[LazyPattern] | None, m: re.Match[str], para: str) -> tuple | None:
    """The groups of the pattern (of a rule's several) that made match `m`:
    capture groups are numbered per pattern, as prh numbers them."""
    for alt in alternatives or ():
        am = alt.match(para, m.start())
        if am is not None and am.end() == m.end():
            return (am.group(0),) + am.groups()
    return None


def apply_hits(text: str, hits: Sequence[PrhHit]) -> str:
    out = []
    pos = 0
    for h in sorted(hits, key=lambda h: h.start):
        if h.start < pos:
            continue
        out.append(text[pos : h.start])
        out.append(h.replacement)
        pos = h.end
    out.append(text[pos:])
    return "".join(out)


def _already_correct(text: str, s: int, e: int, repl: str) -> bool:
    """True if an occurrence of ``repl`` in ``text`` covers [s, e): replacing
    would then duplicate text (サーバ → サーバー inside サーバー)."""
    n = len(repl)
    if n < e - s or not repl:
        return False
    lo = max(0, e - n)
    k = text.find(repl, lo, s + n)
    while k != -1 and k <= s:
        if k + n >= e:
            return True
        k = text.find(repl, k + 1, s + n)
    return False


def _resolve(raw):
    """Overlaps: at one start the longer match wins (then the earlier rule),
    otherwise the earlier start wins."""
    raw = sorted(raw, key=lambda h: (h[0], -(h[1] - h[0]), h[2]))
    out = []
    pos = -1
    for h in raw:
        if h[0] < pos:
            continue
        out.append(h)
        pos = h[1]
    return out


def _collide(a, b) -> bool:
    return (b[0] < a[0] < b[1]) or (a[0] < b[0] < a[1])


def _prh_prepare(diffs):
    """prh's ChangeSet._prepare, quirks included (used for target ranges)."""
    d = sorted(diffs, key=lambda x: (x[0], x[1]))
    d = [x for i, x in enumerate(d) if not (i + 1 < len(d) and x[0] == d[i + 1][0] and x[1] < d[i + 1][1])]
    return [x for i, x in enumerate(d) if not (i > 0 and x[0] < d[i - 1][1])]


def _subtract(res, sub):
    res = list(res)
    m = s = 0
    while m < len(res) and s < len(sub):
        md, sd = res[m], sub[s]
        enclose = md[0] < sd[0] and sd[1] < md[1]
        if not enclose and _collide(md, sd):
            del res[m]
            continue
        if md[0] < sd[0]:
            m += 1
        else:
            s += 1
    return res


def _intersect(base, audit):
    out = []
    a = b = 0
    while a < len(base) and b < len(audit):
        bd, ad = base[a], audit[b]
        if _collide(bd, ad) and bd not in out:
            out.append(bd)
        if bd[0] < ad[0]:
            a += 1
        else:
            b += 1
    return out


_PRAGMA: Matcher | None = None


def _apply_pragmas(text: str, paras, raw):
    global _PRAGMA
    if _PRAGMA is None:
        _PRAGMA = jsregex.compile_js(r"^(?:.*?)prh:disable(?::([^\n\s]*))?", False).pattern
    by_para: dict[int, tuple] = {}
    starts = [p[0] for p in paras]
    for pi, (ps, pe) in enumerate(paras):
        pt = text[ps:pe]
        if "prh:disable" not in pt:
            continue
        ignore_all = False
        ranges, pats = [], []
        for m in _PRAGMA.finditer(pt):
            if not m.group(1):
                ignore_all = True
                continue
            ranges.append((m.start() + ps, m.end() + ps))
            try:
                pats.append(jsregex.compile_js("(" + m.group(1) + ")", False, strict=False).pattern)
            except JSRegexError:
                pats.append(re.compile(re.escape(m.group(1))))
        by_para[pi] = (ignore_all, ranges, pats)
    if not by_para:
        return raw
    out = []
    for h in raw:
        pi = bisect.bisect_right(starts, h[0]) - 1
        info = by_para.get(pi)
        if info is not None:
            ignore_all, ranges, pats = info
            if ignore_all or any(_collide(h, r) for r in ranges):
                continue
            if any(p.search(text[h[0] : h[1]]) for p in pats):
                continue
        out.append(h)
    return out


# ------------------------------------------------------------------ rule building
def _compile_rule(ctx: _Ctx, rule: PrhRule, raw_pattern: RawPattern, line: int) -> None:
    """Translate the rule's pattern(s) and choose how it is found: by its
    literals alone, by a regex behind a literal prefilter, or by a scan."""
    where = f"{ctx.path}:{line}: rule {rule.expected!r}"
    alts, src, icase = _rule_source(ctx, rule, raw_pattern, line)
    rule._alts = alts
    rule._icase = icase
    rule.js_pattern = _js_to_string(src, icase)
    try:
        comp = jsregex.compile_js(src, icase, strict=ctx.strict, lazy=True)
    except JSRegexError as e:
        raise ctx.err(line, f"rule {rule.expected!r}: {e}") from None
    for w in comp.warnings:
        ctx.warnings.append(f"{where}: {w}")
    rule._compiled = comp.translated  # lazy=True: the same object as comp.pattern
    rule._compiled.where = where
    if not icase and not rule.word_boundary and not comp.uses_regex_module:
        literals = _literal_alternatives(comp, alts)
        if literals is not None and rule.regexp_must_empty is None:
            rule._literals = literals
            return
    _set_prefilter(rule, comp.node, icase)
    if len(alts) > 1 and re.search(r"\$[1-9]", rule.expected):
        # `$N` counts the groups of the pattern that matched, not of the joined one
        rule._needs_local_groups = True
        rule._alt_compiled = [jsregex.compile_js(a, icase, strict=False, lazy=True).translated for a, _ in alts]
        for alt in rule._alt_compiled:
            alt.where = where


def _rule_source(
    ctx: _Ctx, rule: PrhRule, raw_pattern: RawPattern, line: int
) -> tuple[list[tuple[str, bool]], str, bool]:
    """The JS source of each pattern with its /i flag, and of the whole rule
    (the patterns joined as prh joins them) with its flag."""
    if raw_pattern is None or isinstance(raw_pattern, str):
        alts = [_pattern_source(ctx, rule, raw_pattern, line)]
        src, icase = alts[0]
        return alts, src, icase
    alts = [_pattern_source(ctx, rule, p, line) for p in raw_pattern]
    if len({a[1] for a in alts}) > 1:
        raise ctx.err(
            line,
            f"rule {rule.expected!r}: combining different flags (prh refuses patterns with and without /i in one rule)",
        )
    return alts, "(?:" + "|".join(a[0] for a in alts) + ")", alts[0][1]


def _pattern_source(ctx: _Ctx, rule: PrhRule, p: str | None, line: int) -> tuple[str, bool]:
    """One pattern as JS source and whether it ignores case: `/re/flags`, a
    plain string (escaped), or None (prh's pattern spread from `expected`)."""
    if p is None:
        src, icase = _spread_alnum(rule.expected), False
    else:
        parsed = _parse_regexp_string(p)
        if parsed:
            src, flags = parsed
            if len(set(flags)) != len(flags):
                raise ctx.err(line, f"rule {rule.expected!r}: duplicate flags in {p}")
            icase = "i" in flags
        else:
            src, icase = _escape_special(p), False
    if rule.word_boundary:
        src = "\\b" + src + "\\b"
    return src, icase


def _literal_alternatives(comp: jsregex.Compiled, alts: list[tuple[str, bool]]) -> list[str] | None:
    """Each pattern's exact string when every pattern is a plain literal, else None."""
    literals = []
    for a_src, _ in alts:
        # one pattern: the source compile_js just parsed (saves a parse per rule)
        node = comp.node if len(alts) == 1 else jsregex.parse(a_src, strict=False)[0]
        s = jsregex.literal_string(node)
        if s is None:
            return None
        literals.append(s)
    return literals


def _set_prefilter(rule: PrhRule, node: jsregex.Node, icase: bool) -> None:
    """The literals one of which every match contains (and, for `\\bword`
    patterns, which of them must sit on a word edge)."""
    edges = jsregex.word_edge_literals(node, icase)
    if edges:
        rule._prefilter, rule._word_edges = frozenset(edges), edges
    else:
        rule._prefilter = jsregex.required_literals(node, icase)


def _build_rule(ctx: _Ctx, node) -> PrhRule:
    line = _line(node)
    if isinstance(node, yaml.ScalarNode):
        rule = PrhRule(expected=ctx.string(node, "rule"), line=line, source=ctx.path)
        _compile_rule(ctx, rule, None, line)
        return rule
    m = ctx.mapping(node, "rule", RULE_KEYS)
    if "expected" not in m:
        raise ctx.err(node, "rule without 'expected'")
    expected = ctx.string_or_null(m["expected"][1], "expected")
    if expected is None:
        raise ctx.err(m["expected"][1], "'expected' is required")
    rule = PrhRule(expected=expected, line=line, source=ctx.path)
    if "prh" in m:
        rule.message = ctx.string_or_null(m["prh"][1], "prh")
    if "options" in m:
        om = ctx.mapping(m["options"][1], "options", OPTION_KEYS)
        if "wordBoundary" in om:
            rule.word_boundary = ctx.boolean(om["wordBoundary"][1], "wordBoundary")
    if "regexpMustEmpty" in m:
        rule.regexp_must_empty = _group_number(ctx, m["regexpMustEmpty"][1], expected)
    rule.pattern = _raw_pattern(ctx, m, expected)
    if "specs" in m:
        rule.specs = [_build_spec(ctx, sn, expected) for sn in ctx.seq(m["specs"][1], "specs")]
    _compile_rule(ctx, rule, rule.pattern, line)
    return rule


def _group_number(ctx: _Ctx, node, expected: str) -> int:
    """`regexpMustEmpty: $N` -> N."""
    mm = re.fullmatch(r"\$([0-9]+)", ctx.string(node, "regexpMustEmpty"))
    if not mm:
        raise ctx.err(node, f"rule {expected!r}: regexpMustEmpty must look like $1")
    return int(mm.group(1))


def _raw_pattern(ctx: _Ctx, m: dict[str, tuple], expected: str) -> RawPattern:
    """The rule's `pattern` or `patterns` (either key takes either form)."""
    key = "pattern" if "pattern" in m else ("patterns" if "patterns" in m else None)
    if key is None:
        return None
    pat_node = m[key][1]
    if not isinstance(pat_node, yaml.SequenceNode):
        raw = ctx.string_or_null(pat_node, key)
        if raw == "":
            raise ctx.err(pat_node, f"rule {expected!r}: pattern can't be empty")
        return raw
    patterns = []
    for pn in pat_node.value:
        p = ctx.string(pn, key)
        if p == "":
            raise ctx.err(pn, f"rule {expected!r}: patterns can't be empty")
        patterns.append(p)
    if not patterns:
        raise ctx.err(pat_node, f"rule {expected!r}: empty pattern list")
    return patterns


def _build_spec(ctx: _Ctx, sn, expected: str) -> PrhSpec:
    sm = ctx.mapping(sn, "spec", SPEC_KEYS)
    if "from" not in sm or "to" not in sm:
        raise ctx.err(sn, f"rule {expected!r}: a spec needs 'from' and 'to'")
    f = ctx.string(sm["from"][1], "from")
    t = ctx.string(sm["to"][1], "to")
    if not f or not t:
        raise ctx.err(sn, f"rule {expected!r}: spec 'from' and 'to' must not be empty")
    return PrhSpec(f, t, _line(sn))


def _target_regex(ctx: _Ctx, node, s: str, default_flags: bool):
    parsed = _parse_regexp_string(s)
    if parsed:
        src, flags = parsed
    else:
        src, flags = _escape_special(s), ""
    try:
        return jsregex.compile_js(src, "i" in flags, strict=ctx.strict and default_flags).pattern, (src, flags)
    except JSRegexError as e:
        raise ctx.err(node, f"target pattern: {e}") from None


def _build_target(ctx: _Ctx, node) -> _Target:
    m = ctx.mapping(node, "target", TARGET_KEYS)
    if "file" not in m:
        raise ctx.err(node, "target without 'file'")
    fs = ctx.string(m["file"][1], "file")
    file_re, key = _target_regex(ctx, m["file"][1], fs, False)
    lists: dict[str, list] = {}
    for k in ("includes", "excludes"):
        lists[k] = []
        if k in m:
            for pn in ctx.seq(m[k][1], k):
                if isinstance(pn, yaml.ScalarNode):
                    p = ctx.string(pn, "pattern")
                else:
                    pm = ctx.mapping(pn, k[:-1], TARGET_PATTERN_KEYS)
                    if "pattern" not in pm:
                        raise ctx.err(pn, "pattern is required")
                    p = ctx.string(pm["pattern"][1], "pattern")
                lists[k].append(_target_regex(ctx, pn, p, True)[0])
    return _Target("/%s/%s" % key, file_re, lists["includes"], lists["excludes"])


# ------------------------------------------------------------------ loading
@dataclass
class _Loaded:
    version: int
    rules: list[PrhRule]
    targets: list[_Target]
    sources: list[str]


def _resolve_import(
    ctx: _Ctx, base_dir: str, ipath: str, node, prh_rules_dir: str | None, ignore_missing: bool
) -> str | None:
    cand = os.path.normpath(os.path.join(base_dir, ipath))
    if os.path.isfile(cand):
        return cand
    if prh_rules_dir:
        parts = ipath.replace("\\", "/").split("/")
        if "prh-rules" in parts:
            rest = parts[len(parts) - 1 - parts[::-1].index("prh-rules") + 1 :]
            alt = os.path.join(prh_rules_dir, *rest)
            if os.path.isfile(alt):
                return alt
    msg = f"import {ipath!r} not found (looked for {cand})"
    if prh_rules_dir is None and "prh-rules/" in ipath.replace("\\", "/"):
        msg += (
            "; it is in the prh rules collection: set `prh_rules: PATH` in .yogolint.yaml or pass"
            " --prh-rules PATH (a checkout of github.com/prh/rules)"
        )
    if ignore_missing:
        ctx.warnings.append(f"{ctx.path}:{_line(node)}: {msg}; ignored")
        return None
    raise ctx.err(node, msg)


def _load_file(
    path: str,
    *,
    strict: bool,
    disable_imports: bool,
    prh_rules_dir: str | None,
    ignore_missing: bool,
    warnings: list[str],
    stack: tuple[str, ...],
) -> _Loaded:
    apath = os.path.abspath(path)
    if apath in stack:
        raise PrhError(f"{path}:1: import cycle: {' -> '.join(stack + (apath,))}")
    node, loader = _compose(path)
    ctx = _Ctx(path, strict, loader)
    try:
        if node is None:
            raise ctx.err(1, "empty dictionary")
        top = ctx.mapping(node, "dictionary", TOP_KEYS)
        version = _read_version(ctx, top)
        rules = [_build_rule(ctx, rn) for rn in ctx.seq(top["rules"][1], "rules")] if "rules" in top else []
        targets = [_build_target(ctx, tn) for tn in ctx.seq(top["targets"][1], "targets")] if "targets" in top else []
        loaded = _Loaded(version, rules, targets, [os.path.normpath(path)])
        if not disable_imports and "imports" in top:
            for item in _import_nodes(ctx, top["imports"][1]):
                imp = _read_import(ctx, item)
                target = _resolve_import(ctx, os.path.dirname(path), imp.path, item, prh_rules_dir, ignore_missing)
                if target is None:
                    continue
                sub = _load_file(
                    target,
                    strict=strict,
                    disable_imports=imp.disable_imports,
                    prh_rules_dir=prh_rules_dir,
                    ignore_missing=ignore_missing,
                    warnings=warnings,
                    stack=stack + (apath,),
                )
                sub.rules = [r for r in sub.rules if not imp.ignores(r)]
                _merge(ctx, item, loaded, sub)
    finally:
        warnings.extend(ctx.warnings)
    return loaded


def _read_version(ctx: _Ctx, top: dict[str, tuple]) -> int:
    if "version" not in top:
        return 1
    v = ctx.loader.construct_object(top["version"][1], deep=True)
    try:
        return int(v) or 1
    except (TypeError, ValueError):
        raise ctx.err(top["version"][1], "version must be a number") from None


@dataclass
class _Import:
    path: str
    disable_imports: bool
    ignore_rules: list[tuple[str, str]]  # ("pattern", js_pattern) or ("expected", expected)

    def ignores(self, r: PrhRule) -> bool:
        return any(
            (k == "pattern" and r.js_pattern == v) or (k == "expected" and r.expected == v)
            for k, v in self.ignore_rules
        )


def _import_nodes(ctx: _Ctx, inode) -> list:
    """`imports:` as a list of its entries (one string, a list, or null)."""
    if isinstance(inode, yaml.ScalarNode) and inode.tag == "tag:yaml.org,2002:null":
        return []
    return [inode] if isinstance(inode, yaml.ScalarNode) else ctx.seq(inode, "imports")


def _read_import(ctx: _Ctx, item) -> _Import:
    """An import entry: a path, or `{path, disableImports, ignoreRules}`."""
    if isinstance(item, yaml.ScalarNode):
        return _Import(ctx.string(item, "import"), False, [])
    im = ctx.mapping(item, "import", IMPORT_KEYS)
    if "path" not in im:
        raise ctx.err(item, "import without 'path'")
    ipath = ctx.string(im["path"][1], "path")
    dis = ctx.boolean(im["disableImports"][1], "disableImports") if "disableImports" in im else False
    ignores: list[tuple[str, str]] = []
    if "ignoreRules" in im:
        for ig in ctx.seq(im["ignoreRules"][1], "ignoreRules"):
            if isinstance(ig, yaml.ScalarNode):
                ignores.append(("pattern", ctx.string(ig, "ignoreRules")))
            else:
                gm = ctx.mapping(ig, "ignoreRules entry", IGNORE_KEYS)
                for k in ("pattern", "expected"):
                    if k in gm:
                        ignores.append((k, ctx.string(gm[k][1], k)))
    return _Import(ipath, dis, ignores)


def _merge(ctx: _Ctx, node, into: _Loaded, other: _Loaded) -> None:
    if into.version != other.version:
        raise ctx.err(node, f"version mismatch: {into.version} vs {other.version} in the imported file")
    for s in other.sources:
        if s not in into.sources:
            into.sources.append(s)
    for t in other.targets:
        if all(t.file_js != x.file_js for x in into.targets):
            into.targets.append(t)
    have = {r.expected for r in into.rules}
    into.rules.extend(r for r in other.rules if r.expected not in have)


def load_prh(
    path,
    *,
    strict: bool = True,
    prh_rules_dir: str | None = None,
    ignore_missing_imports: bool = False,
    text_bytes: int | None = None,
) -> PrhDictionary:
    """Load a prh YAML dictionary, resolving its ``imports`` like prh does.

    strict (default True): unknown keys and regex escapes that prh (unicode
        mode) rejects raise PrhError.  With strict=False they become entries
        of ``.warnings`` (unknown keys are ignored, ``\\!`` means ``!``).
    prh_rules_dir: fallback for imports that are missing next to the
        importing file and whose path goes through a ``prh-rules/`` directory
        (e.g. ``node_modules/prh/prh-rules/files/markdown.yml``): the part
        after ``prh-rules/`` is looked up in this directory.
    ignore_missing_imports: skip unresolved imports (with a warning) instead
        of raising PrhError.
    text_bytes: how much text the dictionary will be applied to (None: a lot).
    """
    from . import compiled_cache

    path = os.fspath(path)
    # the cache only where imports resolve next to their importer, or fail
    cacheable = prh_rules_dir is None and not ignore_missing_imports
    cached = compiled_cache.read(path, strict) if cacheable else None
    if cached is not None:
        return PrhDictionary(**cached, text_bytes=text_bytes)
    warnings: list[str] = []
    try:
        loaded = _load_file(
            path,
            strict=strict,
            disable_imports=False,
            prh_rules_dir=prh_rules_dir,
            ignore_missing=ignore_missing_imports,
            warnings=warnings,
            stack=(),
        )
    except FileNotFoundError:
        raise PrhError(f"{path}: prh dictionary not found") from None
    name = os.path.splitext(os.path.basename(path))[0]
    dictionary = PrhDictionary(
        path, name, loaded.version, loaded.rules, loaded.targets, warnings, loaded.sources, text_bytes=text_bytes
    )
    if cacheable:
        compiled_cache.write(path, strict, dictionary)
    return dictionary
