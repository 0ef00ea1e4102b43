"""Fixes are data (edits); this is the one place that chooses and applies them.

Every edit comes from ONE lint pass of the original text and is applied once:
yogolint never re-runs its rules over its own output and applies what they
say (a `$1` of another alternative of a prh pattern is empty there, and such
a second pass deleted characters nobody had reported). Instead the result is
linted once more to *check* it: an edit after which a fix is still reported
where it wrote is not applied (the next run would change the text again), so
one `--fix` reaches a fixed point. When that later fix would restore what
the edit replaced, the two rules undo each other: that is reported as a
conflict and neither direction is ever applied.

Files are written by linter.atomic (encoding, BOM and line endings are kept
by Source.splice).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from linter.atomic import write_atomically  # noqa: F401  (the writer; re-exported for callers)
from linter.diagnostics import Diagnostic, Edit


@dataclass
class FixPlan:
    text: str  # the fixed text
    applied: list[Edit] = field(default_factory=list)
    conflicts: list[tuple[Edit, Edit]] = field(default_factory=list)  # (edit, the one that undoes it)
    unstable: list[Edit] = field(default_factory=list)  # left out: a fix would follow where they wrote


def chosen_edits(text: str, edits: list[Edit]) -> list[Edit]:
    """The edits that change something, in order, without overlaps (the first
    one wins)."""
    chosen: list[Edit] = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor or text[edit.start : edit.end] == edit.replacement:
            continue
        chosen.append(edit)
        cursor = edit.end
    return chosen


def edited_text(text: str, chosen: list[Edit]) -> str:
    """`text` with `chosen` (from chosen_edits: sorted, not overlapping) applied."""
    out: list[str] = []
    cursor = 0
    for edit in chosen:
        out.append(text[cursor : edit.start])
        out.append(edit.replacement)
        cursor = edit.end
    out.append(text[cursor:])
    return "".join(out)


def fixable(diagnostics: list[Diagnostic], unsafe: bool = False) -> list[Edit]:
    """The edits a run applies: the safe ones, and the unsafe ones on request;
    only those that can be verified as the finding they belong to (the edit
    lies within the span the report shows). Anything else would change text
    the user was never told about."""
    return [
        d.fix
        for d in diagnostics
        if d.fix is not None and (d.fix.safe or unsafe) and d.start <= d.fix.start <= d.fix.end <= d.end
    ]


def plan_fixes(
    text: str, edits: list[Edit], fixes_of: Callable[[str], list[Edit]], reported: list[Edit] | None = None
) -> FixPlan:
    """Choose which of `edits` (found in `text`) to apply. `fixes_of(text)` is
    the linter's fixable edits for a text; it is asked about the result only
    to verify it. `reported`: every fix the text reported, applied or not
    (default: `edits`). A fix of the result that is none of those, even away
    from any edit (`javascript` → `JavaScript` in `marketo-measure-javascript`
    makes `marketo` a finding: no longer an identifier), is blamed on the
    nearest edit. Each round leaves out at least one edit, so this ends."""
    known = {(e.start, e.end, e.replacement) for e in (edits if reported is None else reported)}
    refused: set[Edit] = set()
    plan = FixPlan(text)
    seen_conflicts: set[frozenset[str]] = set()
    while True:
        chosen = chosen_edits(text, [e for e in edits if e not in refused])
        if not chosen:
            plan.text, plan.applied = text, []
            return plan
        result = edited_text(text, chosen)
        regions = _inserted_regions(chosen)
        unstable: set[Edit] = set()
        for later in fixes_of(result):
            touched = False
            for edit, (a, b) in zip(chosen, regions, strict=False):
                if not _touches(later, a, b):
                    continue
                touched = True
                unstable.add(edit)
                if _restores(result, later, a, b, text[edit.start : edit.end]):
                    pair = frozenset((edit.origin, later.origin))
                    if pair not in seen_conflicts:
                        seen_conflicts.add(pair)
                        plan.conflicts.append((edit, later))
            if not touched and _before_edits(later, chosen, regions) not in known:
                unstable.add(_nearest(later, chosen, regions))
        if not unstable:
            plan.text, plan.applied = result, chosen
            return plan
        refused |= unstable
        plan.unstable.extend(e for e in chosen if e in unstable)


def _inserted_regions(chosen: list[Edit]) -> list[tuple[int, int]]:
    """Where each edit's replacement stands in the edited text."""
    regions = []
    shift = 0
    for edit in chosen:
        start = edit.start + shift
        regions.append((start, start + len(edit.replacement)))
        shift += len(edit.replacement) - (edit.end - edit.start)
    return regions


def _before_edits(later: Edit, chosen: list[Edit], regions) -> tuple[int, int, str]:
    """A fix of the edited text that touches no edit, where it stood before them."""
    shift = sum(
        len(e.replacement) - (e.end - e.start) for e, (_, b) in zip(chosen, regions, strict=False) if b <= later.start
    )
    return later.start - shift, later.end - shift, later.replacement


def _nearest(later: Edit, chosen: list[Edit], regions) -> Edit:
    def distance(item):
        _, (a, b) = item
        return later.start - b if b <= later.start else a - later.end

    return min(zip(chosen, regions, strict=False), key=distance)[0]


def _touches(later: Edit, a: int, b: int) -> bool:
    """Does a fix found in the edited text overlap (or, for an empty region,
    border) the text an edit wrote at [a, b)?"""
    if a == b:
        return later.start <= a <= later.end
    return later.start < b and later.end > a


def _restores(result: str, later: Edit, a: int, b: int, original: str) -> bool:
    """Would applying `later` to the edited text put back what was replaced?"""
    after = result[: later.start] + later.replacement + result[later.end :]
    shift = len(later.replacement) - (later.end - later.start)
    lo, hi = min(a, later.start), max(b, later.end)
    restored = after[lo : hi + shift]
    return restored == result[lo:a] + original + result[b:hi]
