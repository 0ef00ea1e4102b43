"""`yogolint check`: settings → files → lint (and fix) each → one report."""
from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path

from linter.diagnostics import SEVERITIES, Diagnostic
from linter.files import FileTarget, collect
from linter.fixes import apply_edits, fixable, write_atomically
from linter.reporters import Report, render
from linter.source import SourceError, decode, read_source
from linter.workspace import Options, SettingsError, Workspace

_MAX_FIX_PASSES = 5


class UserError(Exception):
    """Something the user can fix: printed as one line, exit 2."""


@dataclass
class CheckRequest:
    paths: list[str]
    options: Options = field(default_factory=Options)
    fmt: str = "text"
    output: Path | None = None
    fix: bool = False
    diff: bool = False
    statistics: bool = False
    exit_zero: bool = False
    fail_on: str = "info"
    report_unused_suppressions: bool = False


@dataclass
class FileResult:
    shown: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    text: str | None = None  # kept when there are findings (context for reports)
    fixed: int = 0
    diff: str = ""
    skipped: bool = False  # excluded by configuration


def lint_file(workspace: Workspace, target: FileTarget, request: CheckRequest) -> FileResult:
    result = FileResult(target.shown)
    if workspace.is_excluded(target.path):
        result.skipped = True
        return result
    try:
        source = read_source(target.path, target.shown)
    except SourceError as exc:
        result.error = str(exc)
        return result
    linter = workspace.linter_for(target.path)
    if request.fix or request.diff:
        source, result.fixed, result.diff = _fix(linter, source, target, write=request.fix and not request.diff)
    result.diagnostics = linter.lint(source, request.report_unused_suppressions)
    if result.diagnostics:
        result.text = source.text
    return result


def _fix(linter, source, target: FileTarget, write: bool):
    """Apply certain fixes until nothing changes; write back (or diff)."""
    original = source.text
    text, total = original, 0
    for _ in range(_MAX_FIX_PASSES):
        edits = fixable(linter.lint(source))
        text, applied = apply_edits(source.text, edits)
        if not applied:
            break
        total += applied
        source = decode(source.encode(text), source.path)
    if text == original:
        return source, 0, ""
    diff = "".join(difflib.unified_diff(
        original.splitlines(keepends=True), text.splitlines(keepends=True),
        fromfile=f"a/{target.shown}", tofile=f"b/{target.shown}",
    ))
    if write:
        write_atomically(target.path, source.encode(text))
    return source, total, diff


def run_check(request: CheckRequest) -> int:
    try:
        workspace = Workspace(request.options)
        walk = collect(request.paths, request.options.exclude)
        results = [lint_file(workspace, t, request) for t in walk.targets]
    except SettingsError as exc:
        raise UserError(str(exc)) from None
    return finish(request, walk.errors, results)


def finish(request: CheckRequest, walk_errors: list[str], results: list[FileResult]) -> int:
    report = Report(errors=list(walk_errors))
    fixed = 0
    diffs = []
    for r in results:
        if r.skipped:
            continue
        if r.error:
            report.errors.append(r.error)
            continue
        report.files_scanned += 1
        report.diagnostics.extend(r.diagnostics)
        if r.text is not None:
            report.texts[r.shown] = r.text
        fixed += r.fixed
        if r.diff:
            diffs.append(r.diff)
    for error in report.errors:
        print(f"yogolint: {error}", file=sys.stderr)

    if request.diff:
        sys.stdout.write("".join(diffs))
        return 2 if report.errors else (1 if diffs else 0)

    rendered = render(report, request.fmt)
    if request.statistics and request.fmt == "text":
        from linter.reporters.statistics import render as statistics

        rendered += statistics(report)
    if request.output is not None:
        try:
            write_atomically(request.output, rendered.encode("utf-8"))
        except OSError as exc:
            raise UserError(f"{request.output}: cannot write the report ({exc.strerror or exc})") from None
    else:
        sys.stdout.write(rendered)
    if request.fix and fixed:
        print(f"yogolint: {fixed} 件を修正しました", file=sys.stderr)

    if report.errors:
        return 2
    threshold = SEVERITIES.index(request.fail_on)
    failing = [d for d in report.diagnostics if SEVERITIES.index(d.severity) >= threshold]
    return 0 if request.exit_zero or not failing else 1
