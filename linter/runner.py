"""`yogolint check`: settings → files → lint (and fix) each → one report.

Files are linted in worker processes when there are many (each loads the
Sudachi dictionary once); results are put back in path order, so the output
does not depend on scheduling. Unchanged files are read from the cache.
"""

from __future__ import annotations

import dataclasses
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
from linter.fixes import fixable, plan_fixes, write_atomically
from linter.progress import Progress
from linter.reporters import FORMATS, POLICY, STATISTICS, TERMINAL, TEXT, Report, render
from linter.source import SourceError, decode, read_bytes
from linter.terminal import use_color
from linter.workspace import Options, SettingsError, Workspace

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
    color: str = "auto"  # auto | always | never
    quiet: bool = False  # no report on stdout, no notes: the exit status only

    @property
    def keeps_text(self) -> bool:
        """Reports that quote the lines around a finding need each file's text
        (shipping every text back from the workers costs time)."""
        return TEXT in FORMATS[self.fmt].reads and not (self.quiet and self.output is None)


@dataclass
class FileResult:
    shown: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None
    text: str | None = None  # kept when there are findings and the report quotes lines
    fixed: int = 0
    diff: str = ""
    skipped: bool = False  # excluded by configuration
    warnings: list[tuple[object, str]] = field(default_factory=list)  # (key to say it once, message)


def lint_file(
    workspace: Workspace, target: FileTarget, request: CheckRequest, cache: ResultCache | None = None
) -> FileResult:
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
            source, result.fixed, result.diff = _fix(
                linter, source, target, request.fix and not request.diff, data, result, unsafe=request.unsafe_fixes
            )
        except _NotFixed as exc:
            result.error = str(exc)
            return result
        except OSError as exc:  # the file is left as it was (atomic replace)
            result.error = f"{target.shown}: cannot write the fixes ({exc.strerror or exc})"
            return result
    result.diagnostics = linter.lint(source)
    if result.diagnostics and request.keeps_text:
        result.text = source.text
    if key is not None and cache is not None:  # a key is made only with a cache
        cache.put(key, result.diagnostics)
    return result


def _fix(linter, source, target: FileTarget, write: bool, snapshot: bytes, result: FileResult, unsafe: bool = False):
    """Apply the verified fixes of one lint pass; write back (or diff)."""
    original = source.text
    reported = fixable(linter.lint(source), unsafe)
    edits = _encodable(source, reported, result)

    def fixes_of(text: str):
        return fixable(linter.lint(dataclasses.replace(source, text=text, raw=None, _lines=None)), unsafe)

    plan = plan_fixes(original, edits, fixes_of, reported)
    for edit, undo in plan.conflicts:
        key = frozenset((edit.origin, undo.origin))
        result.warnings.append((key, _conflict_message(original, edit, undo)))
    data = source.splice(plan.applied, plan.text)
    if not plan.applied or data == source.raw:  # CP932 ～ → 〜: the same bytes
        return source, 0, ""
    diff = "".join(
        difflib.unified_diff(
            original.splitlines(keepends=True),
            plan.text.splitlines(keepends=True),
            fromfile=f"a/{target.shown}",
            tofile=f"b/{target.shown}",
        )
    )
    if write:
        _replace_checked(target, snapshot, data)
    return decode(data, source.path), len(plan.applied), diff


def _encodable(source, edits, result: FileResult):
    """Edits the file's encoding can hold; the others are skipped with a note.
    An edit that encodes to the bytes already there (CP932 writes ～ and 〜 as
    0x8160) changes nothing and is no fix."""
    kept = []
    for edit in edits:
        try:
            if edit.replacement.encode(source.encoding) == source.text[edit.start : edit.end].encode(source.encoding):
                continue
        except UnicodeEncodeError:
            line, column = source.position(edit.start)
            result.warnings.append(
                (
                    None,
                    (
                        f"{source.path}:{line}:{column}: the fix {source.text[edit.start : edit.end]} → "
                        f"{edit.replacement} cannot be written in {source.encoding}; not applied"
                    ),
                )
            )
            continue
        kept.append(edit)
    return kept


def _conflict_message(text: str, edit, undo) -> str:
    was = text[edit.start : edit.end]
    return (
        f"warning: prh rules undo each other: {was} → {edit.replacement} ({edit.origin or 'glossary'}) "
        f"and {edit.replacement} → {undo.replacement} ({undo.origin or 'glossary'}); "
        "--fix applies neither"
    )


class _NotFixed(Exception):
    """The file is left as it is; the message names it."""


def _replace_checked(target: FileTarget, snapshot: bytes, data: bytes) -> None:
    """Write only a file that is still what was checked, and that is writable."""
    try:
        info = os.stat(target.path)
        current = target.path.read_bytes()
    except OSError as exc:
        raise _NotFixed(f"{target.shown}: cannot write the fixes ({exc.strerror or exc})") from None
    if current != snapshot:
        raise _NotFixed(f"{target.shown}: changed while being checked; not fixed")
    # root may write anything: the mode bits say what the owner meant
    if not os.access(target.path, os.W_OK) or not info.st_mode & 0o222:
        raise _NotFixed(f"{target.shown}: read-only; not fixed")
    write_atomically(target.path, data)


def run_check(request: CheckRequest) -> int:
    try:
        workspace = workspace_for(request)
    except SettingsError as exc:
        raise UserError(str(exc)) from None
    walk = collect(request.paths, request.options.exclude)
    targets = walk.targets
    workspace.text_bytes = walk.total_bytes
    cache = ResultCache(Path.cwd() / CACHE_DIR) if request.cache else None
    jobs = request.jobs or ((os.cpu_count() or 1) if walk.total_bytes >= _PARALLEL_MIN_BYTES else 1)
    progress = Progress(0 if request.quiet else len(targets))
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
    if cache is not None and not interrupted:
        cache.prune()
    if interrupted:
        print("yogolint: interrupted; the report holds the files checked so far", file=sys.stderr)
        return INTERRUPTED
    return code


def workspace_for(request: CheckRequest) -> Workspace:
    # -q: not even the warnings of a dictionary that loaded all the same
    if request.quiet:
        return Workspace(request.options, warn=lambda message: None)
    return Workspace(request.options)


# --- worker processes -------------------------------------------------------

_worker: dict = {}


def _init_worker(request: CheckRequest, states=None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    # The inherited heap is frozen (see _prepare_for_fork); what a worker
    # allocates per file is short-lived, so collections can be rare.
    gc.set_threshold(100_000, 50, 1000)
    _worker["request"] = request
    _worker["states"] = states
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


_STARTED, _DONE = 1, 2


def _lint_chunk(items: list[tuple[int, FileTarget]]) -> list[tuple[int, FileResult]]:
    states = _worker["states"]
    out = []
    for index, target in items:
        states[index] = _STARTED  # the parent reads it if this process dies
        out.append((index, lint_file(_worker["workspace"], target, _worker["request"], _worker["cache"])))
        states[index] = _DONE
    return out


def _lint_parallel(targets, request, jobs, results, progress) -> None:
    """A worker that dies (the OOM killer, a crash in a native library)
    breaks the pool. The files it and the others were checking are then
    checked again one by one, each in a process of its own: the one that
    kills its process again is reported; the rest of the run goes on."""
    import multiprocessing  # only here: a one-process run does not import it

    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    states = context.RawArray("b", len(targets))
    todo = list(range(len(targets)))
    while todo:
        _run_pool(context, states, [(i, targets[i]) for i in todo], request, jobs, results, progress)
        suspects = [i for i in todo if results[i] is None and states[i] == _STARTED]
        for index in suspects:
            _run_pool(context, states, [(index, targets[index])], request, 1, results, progress)
            if results[index] is None:
                results[index] = FileResult(
                    targets[index].shown,
                    error=(
                        f"{targets[index].shown}: the process checking this file was killed "
                        "(out of memory?); not checked"
                    ),
                )
                progress.advance()
        todo = [i for i in todo if results[i] is None]


def _run_pool(context, states, items, request, jobs, results, progress) -> None:
    """Lint `items` in a pool of `jobs` processes until done or until one dies."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(request, states))
    try:
        size = max(1, min(16, len(items) // (jobs * 8)))
        futures = [executor.submit(_lint_chunk, items[i : i + size]) for i in range(0, len(items), size)]
        for future in as_completed(futures):
            try:
                done = future.result()
            except BrokenProcessPool:
                break
            for index, result in done:
                results[index] = result
                progress.advance()
        executor.shutdown(wait=True)
    except BaseException:
        # Ctrl-C: stop the workers now (they ignore SIGINT), not after their chunk
        for process in list(getattr(executor, "_processes", {}).values()):
            process.terminate()
        executor.shutdown(wait=False, cancel_futures=True)
        raise


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
    said = set()
    for r in results if not request.quiet else ():
        for key, message in r.warnings:
            if key is None or key not in said:
                said.add(key)
                print(f"yogolint: {message}", file=sys.stderr)
    for error in report.errors:
        print(f"yogolint: {error}", file=sys.stderr)

    if request.diff:
        sys.stdout.write("".join(diffs))
        return 2 if report.errors else (1 if diffs else 0)

    _provide(report, request)
    rendered = render(report, request.fmt) if request.output is not None or not request.quiet else ""
    if request.output is not None:
        try:
            write_atomically(request.output, rendered.encode("utf-8"))
        except OSError as exc:
            raise UserError(f"{request.output}: cannot write the report ({exc.strerror or exc})") from None
    elif not request.quiet:
        try:
            sys.stdout.write(rendered)
            sys.stdout.flush()
        except BrokenPipeError:
            pass  # `yogolint check | head`: the reader left
        except OSError as exc:  # a full disk behind `>`
            raise UserError(f"cannot write the report to standard output ({exc.strerror or exc})") from None
    if request.fix and fixed and not request.quiet:
        print(f"yogolint: {fixed} 件を修正しました", file=sys.stderr)

    if report.errors:
        return 2
    threshold = SEVERITIES.index(request.fail_on)
    failing = [d for d in report.diagnostics if SEVERITIES.index(d.severity) >= threshold]
    below = len(report.diagnostics) - len(failing)
    if below and not request.quiet:
        # a printed finding with exit status 0 needs a reason
        print(f"yogolint: {below} 件は --fail-on {request.fail_on} 未満です (終了コードに数えません)", file=sys.stderr)
    return 0 if request.exit_zero or not failing else 1


def _provide(report: Report, request: CheckRequest) -> None:
    """Give the format what it declares it reads (linter.reporters.FORMATS)."""
    reads = FORMATS[request.fmt].reads
    if request.statistics:
        if STATISTICS in reads:
            report.statistics = True
        elif not request.quiet:
            print(f"yogolint: warning: --statistics does not apply to --output-format {request.fmt}", file=sys.stderr)
    if POLICY in reads:
        from linter.policy import load_policy
        from linter.rules import RULES

        policy = load_policy(set(RULES))
        report.default_severities = {rule_id: policy.setting(rule_id).severity for rule_id in RULES}
    if TERMINAL in reads:
        import shutil

        to_terminal = request.output is None and sys.stdout.isatty()
        # a report file is read later, elsewhere: coloured only on request
        report.color = use_color(request.color, to_terminal) if request.output is None else request.color == "always"
        if to_terminal:
            report.width = shutil.get_terminal_size().columns
        elif os.environ.get("COLUMNS", "").isdigit():
            report.width = int(os.environ["COLUMNS"])
