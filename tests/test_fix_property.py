"""--fix with every prh dictionary of ../shared/corpus (issue 18, item 1).

For random documents made of real corpus paragraphs, the dictionary's own
spec inputs and Markdown pieces: every character --fix changes lies in a
span the report listed (replaced by that finding's fix), and a second --fix
changes nothing. In-process through the runner's own fix path (the CLI
tests of test_reliability.py cover writing); few examples per dictionary,
so CI stays bounded.
"""

from __future__ import annotations

import os
from functools import cache, lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.engine import Linter
from linter.files import FileTarget
from linter.glossary import load_glossary
from linter.policy import load_policy
from linter.prh import PrhError, load_prh
from linter.rules import RULES
from linter.runner import FileResult, _fix
from linter.source import decode

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PRH_RULES = CORPUS / "prh-rules"
DOCUMENT_FOLDERS = (
    sorted(p for group in ("biz-ja", "crm-ja", "ja-docs") for p in (CORPUS / group).glob("*") if p.is_dir())
    if CORPUS.exists()
    else []
)


def corpus_dictionaries() -> list[Path]:
    """Every YAML file of the corpus that loads as a prh dictionary with rules."""
    found = []
    for path in sorted(CORPUS.rglob("*.yml")) if CORPUS.exists() else []:
        if path.is_file() and _dictionary(path) is not None:
            found.append(path)
    return found


@cache
def _dictionary(path: Path):
    try:
        dictionary = load_prh(path, strict=False, prh_rules_dir=str(PRH_RULES))
    except (PrhError, OSError):
        return None  # review.yml's targets are refused as catastrophic; pattern-rules.yml is not prh
    return dictionary if dictionary.rules else None


@cache
def _linter(path: Path) -> Linter:
    return Linter(load_glossary(), load_policy(set(RULES)), prh=[_dictionary(path)])


@lru_cache(maxsize=1)
def _paragraphs() -> tuple[str, ...]:
    """Short paragraphs from the first files of every corpus folder."""
    out = []
    for folder in DOCUMENT_FOLDERS:
        for file in sorted(folder.rglob("*.md"))[:12]:
            text = file.read_text(encoding="utf-8-sig", errors="replace")
            out += [p for p in text.split("\n\n") if 0 < len(p) < 300 and any("\u3040" <= c <= "\u9fff" for c in p)]
    return tuple(out)


@cache
def _pieces(path: Path) -> tuple[str, ...]:
    """What makes a dictionary speak: its spec inputs, what its rules expect,
    and corpus paragraphs it has a candidate in."""
    dictionary = _dictionary(path)
    pieces = [s.from_ for r in dictionary.rules for s in r.specs]
    pieces += [r.expected for r in dictionary.rules if "$" not in r.expected]
    pieces += [p for p in _paragraphs() if dictionary.candidates(p)][:400]
    return tuple(dict.fromkeys(p for p in pieces if p))


SEPARATORS = ["", " ", "、", "。", "\n", "\n\n", "**", "`", "- ", "# ", "> ", "（", "）", "ー", "く", "の"]


def fix_once(linter: Linter, text: str) -> tuple[str, list]:
    """(the text --fix writes, the findings of the original), by the runner's code."""
    source = decode(text.encode("utf-8"), "doc.md")
    reported = linter.lint(source)
    fixed, _, _ = _fix(linter, source, FileTarget(Path("doc.md"), "doc.md"), False, source.raw, FileResult("doc.md"))
    return fixed.text, reported


def only_reported_spans_changed(original: str, fixed: str, reported) -> bool:
    """Can `fixed` be made from `original` by replacing some of the reported
    spans with their reported fix? (A walk over both texts; each state is a
    pair of positions, so this stays small.)"""
    edits: dict[int, list[tuple[int, str]]] = {}
    for d in reported:
        if d.fix is not None:
            edits.setdefault(d.start, []).append((d.end, d.fix.replacement))
    seen, stack = set(), [(0, 0)]
    while stack:
        i, j = stack.pop()
        if (i, j) in seen:
            continue
        seen.add((i, j))
        if i == len(original) and j == len(fixed):
            return True
        if i < len(original) and j < len(fixed) and original[i] == fixed[j]:
            stack.append((i + 1, j + 1))
        for end, replacement in edits.get(i, ()):
            if fixed.startswith(replacement, j):
                stack.append((end, j + len(replacement)))
    return False


DICTIONARIES = corpus_dictionaries()


@pytest.mark.skipif(not DICTIONARIES, reason="../shared/corpus is not beside the checkout")
@pytest.mark.parametrize("path", DICTIONARIES, ids=[str(p.relative_to(CORPUS)) for p in DICTIONARIES])
def test_fix_changes_only_reported_spans_and_reaches_a_fixed_point(path):
    linter = _linter(path)
    pieces = _pieces(path)

    @settings(
        max_examples=int(os.environ.get("YOGOLINT_FIX_EXAMPLES", "12" if os.environ.get("CI") else "6")),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(st.tuples(st.sampled_from(pieces), st.sampled_from(SEPARATORS)), min_size=1, max_size=8))
    def check(parts):
        text = "".join(piece + separator for piece, separator in parts)
        fixed, reported = fix_once(linter, text)
        assert only_reported_spans_changed(text, fixed, reported), (text, fixed)
        again, _ = fix_once(linter, fixed)
        assert again == fixed, (text, fixed, again)

    check()
