"""`yogolint check`: settings → files → lint (and fix) each → one report.

Files are linted in worker processes when there are many (each loads the
Sudachi dictionary once); results are put back in path order, so the output
does not depend on scheduling. Unchanged files are read from the cache.
"""
from __future__ import annotations

import difflib
import gc
import os
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path

from linter.cache import CACHE_DIR, ResultCache
from linter.diagnostics import SEVERITIES, Diagnostic
from linter.files import FileTarget, collect
from linter.fixes import chosen_edits, edited_text, fixable, write_atomically
from linter.progress import Progress
from linter.reporters import Report, render
from linter.source import SourceError, decode, read_bytes
from linter.workspace import Options, SettingsError, Workspace

_MAX_FIX_PASSES = 5
_PARALLEL_MIN_FILES = 16
# Without -j, workers only when there is this much text: starting them (fork,
# their first regexes, GC of the inherited heap) costs more than linting a
# few hundred kB in one process.
_PARALLEL_MIN_BYTES = 400_000
INTERRUPTED = 130


class UserError(Exception):
    """Something the user can fix: printed as one line, exit 2."""


@dataclass
class CheckRequest:
    paths: list[str]
    options: Options = field(default_factory=Options)
    fmt: str = "text"
    output: Path | None = None
    fix: bool = False
    unsafe_fixes: bool = False  # with fix/diff: apply the fixes that choose between names too
    diff: bool = False
    statistics: bool = False
    exit_zero: bool = False
    fail_on: str = "info"
    jobs: int | None = None  # None: one per core
    cache: bool = True

    @property
    def keeps_text(self) -> bool:
        """Reports that quote the lines around a finding need each file's text
        (shipping every text back from the workers costs time)."""
        return self.fmt in ("html", "sarif")


@dataclass
class FileResult:
    shown: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    text: str | None = None  # kept when there are findings and the report quotes lines
    fixed: int = 0
    diff: str = ""
    skipped: bool = False  # excluded by configuration


def lint_file(workspace: Workspace, target: FileTarget, request: CheckRequest,
              cache: ResultCache | None = None) -> FileResult:
    result = FileResult(target.shown)
    if workspace.is_excluded(target.path):
        result.skipped = True
        return result
    try:
        data = read_bytes(target.path, target.shown)
        linter = workspace.linter_for(target.path)
        key = None
        if cache is not None and not (request.fix or request.diff):
            flags = linter.fingerprint
            key = cache.key(data, flags, target.shown)
            cached = cache.get(key)
            if cached is not None:
                result.diagnostics = cached
                if cached and request.keeps_text:
                    result.text = decode(data, target.shown).text
                return result
        source = decode(data, target.shown)
    except SourceError as exc:
        result.error = str(exc)
        return result
    if request.fix or request.diff:
        try:
            source, result.fixed, result.diff = _fix(linter, source, target, write=request.fix and not request.diff,
                                                     unsafe=request.unsafe_fixes)
        except OSError as exc:  # the file is left as it was (atomic replace)
            result.error = f"{target.shown}: cannot write the fixes ({exc.strerror or exc})"
            return result
    result.diagnostics = linter.lint(source)
    if result.diagnostics and request.keeps_text:
        result.text = source.text
    if key is not None:
        cache.put(key, result.diagnostics)
    return result


def _fix(linter, source, target: FileTarget, write: bool, unsafe: bool = False):
    """Apply certain fixes until nothing changes; write back (or diff)."""
    original = source.text
    total = 0
    for _ in range(_MAX_FIX_PASSES):
        edits = chosen_edits(source.text, fixable(linter.lint(source), unsafe))
        if not edits:
            break
        total += len(edits)
        source = decode(source.splice(edits, edited_text(source.text, edits)), source.path)
    text = source.text
    if text == original:
        return source, 0, ""
    diff = "".join(difflib.unified_diff(
        original.splitlines(keepends=True), text.splitlines(keepends=True),
        fromfile=f"a/{target.shown}", tofile=f"b/{target.shown}",
    ))
    if write:
        write_atomically(target.path, source.raw if source.raw is not None else source.encode(text))
    return source, total, diff


def run_check(request: CheckRequest) -> int:
    try:
        workspace = Workspace(request.options)
    except SettingsError as exc:
        raise UserError(str(exc)) from None
    walk = collect(request.paths, request.options.exclude)
    targets = walk.targets
    workspace.text_bytes = walk.total_bytes
    cache = ResultCache(Path.cwd() / CACHE_DIR) if request.cache else None
    jobs = request.jobs or ((os.cpu_count() or 1) if walk.total_bytes >= _PARALLEL_MIN_BYTES else 1)
    progress = Progress(len(targets))
    results: list[FileResult | None] = [None] * len(targets)
    interrupted = False
    try:
        if jobs > 1 and len(targets) >= _PARALLEL_MIN_FILES:
            _prepare_for_fork(workspace, targets)
            _lint_parallel(targets, request, jobs, results, progress)
        else:
            for index, target in enumerate(targets):
                results[index] = lint_file(workspace, target, request, cache)
                progress.advance()
    except KeyboardInterrupt:
        interrupted = True
    except (SettingsError, TimeoutError) as exc:  # TimeoutError: a prh rule that backtracks
        raise UserError(str(exc)) from None
    finally:
        progress.close()
    code = finish(request, walk.errors, [r for r in results if r is not None])
    if interrupted:
        print("yogolint: interrupted; the report holds the files checked so far", file=sys.stderr)
        return INTERRUPTED
    return code


# --- worker processes -------------------------------------------------------

_worker: dict = {}


def _init_worker(request: CheckRequest) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    # The inherited heap is frozen (see _prepare_for_fork); what a worker
    # allocates per file is short-lived, so collections can be rare.
    gc.set_threshold(100_000, 50, 1000)
    _worker["request"] = request
    # Forked workers inherit the parent's workspace, glossary, automaton and
    # Sudachi dictionary, already built; only a spawned worker builds its own.
    if "workspace" not in _worker:
        _worker["workspace"] = Workspace(request.options)
    _worker["cache"] = ResultCache(Path.cwd() / CACHE_DIR) if request.cache else None


def _prepare_for_fork(workspace: Workspace, targets: list[FileTarget]) -> None:
    """Build what every worker needs once, in the parent, before forking."""
    from linter.documents import is_markdown, preload_markdown
    from linter.tokenizer import preload

    workspace.linter_for(targets[0].path)
    preload()
    if any(is_markdown(t.shown) for t in targets):
        preload_markdown()  # imported once here, not once per worker
    _worker["workspace"] = workspace
    # Objects built so far live as long as the workers: out of the collector's
    # sight, a worker's GC neither walks nor copies (touches) the parent's pages.
    gc.freeze()


def _lint_in_worker(item: tuple[int, FileTarget]) -> tuple[int, FileResult]:
    index, target = item
    return index, lint_file(_worker["workspace"], target, _worker["request"], _worker["cache"])


def _lint_parallel(targets, request, jobs, results, progress) -> None:
    import multiprocessing  # only here: a one-process run does not import it

    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    pool = context.Pool(jobs, initializer=_init_worker, initargs=(request,))
    try:
        chunk = max(1, min(16, len(targets) // (jobs * 8)))
        for index, result in pool.imap_unordered(_lint_in_worker, list(enumerate(targets)), chunksize=chunk):
            results[index] = result
            progress.advance()
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


# --- the report ---------------------------------------------------------------

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
