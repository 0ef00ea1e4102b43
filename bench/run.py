#!/usr/bin/env python3
"""Benchmark: yogolint against textlint + textlint-rule-prh, same inputs, same machine.

    python bench/run.py                  # full benchmark, writes bench/RESULTS.md
    python bench/run.py --quick          # 1 run each on 1/8 of the corpus → bench/.cache/RESULTS-quick.md
    python bench/run.py --cases e        # one case (letters: see bench/cases.py)
    python bench/run.py --compare-with REV-or-PATH   # findings byte-identical to another version?

Needs: the project venv (.venv, or --yogolint PATH), Node.js + npm (textlint
and textlint-rule-prh are installed from the npm registry into
bench/.cache/node on first use), and the corpus under ../shared/corpus
(or --corpus / --prh-dict). Standard library only; nothing here is part of
the test suite. See bench/README.md.

The modules: harness.py (processes, timing, memory, file lists), tools.py
(yogolint and textlint: installs, command lines, output counts), cases.py
(what each case runs), findings.py (finding positions), profiling.py (py-spy),
report.py (RESULTS.md and the targets), compare.py (the --compare-with mode),
make_glossary.py (the 100,000-term glossary of case f).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

import cases as bench_cases
from harness import BENCH, CACHE, ROOT, capture, code_fingerprint, corpus_files, log, rel, size_mb
from profiling import profile_yogolint
from report import RunInfo, write_report
from tools import Textlint, Yogolint


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="yogolint vs textlint + prh benchmark")
    ap.add_argument("--quick", action="store_true", help="1 run each, 1/8 of the corpus (a try-out)")
    ap.add_argument("--runs", type=int, default=None, help="runs per measurement (default 3; quick 1)")
    ap.add_argument("--small-runs", type=int, default=None, help="runs for case (c) (default 10; quick 1)")
    ap.add_argument("--corpus", type=Path, default=bench_cases.DEFAULT_CORPUS)
    ap.add_argument("--vue", type=Path, default=bench_cases.DEFAULT_VUE, help="folder for cases (e) and (f)")
    ap.add_argument("--prh-dict", type=Path, default=bench_cases.DEFAULT_PRH, help="dictionary for cases (a), (e)")
    ap.add_argument("--small-file", type=Path, default=bench_cases.SMALL_FILE, help="file for case (c)")
    ap.add_argument("--yogolint", type=Path, default=None, help="yogolint executable (default: .venv/bin/yogolint)")
    ap.add_argument(
        "--cases",
        default=bench_cases.ALL_CASES,
        help=f"which cases to run, e.g. 'bc' (default {bench_cases.ALL_CASES})",
    )
    ap.add_argument("--yogolint-only", action="store_true", help="skip textlint (no ratios): for trying changes")
    ap.add_argument(
        "--profile",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="profile yogolint on case (b) with py-spy (default: on if py-spy is installed, off with --quick)",
    )
    ap.add_argument("--profile-rate", type=int, default=250, help="py-spy samples per second")
    ap.add_argument(
        "--compare-with",
        metavar="REV-or-PATH",
        default=None,
        help="instead of timing: check that yogolint's findings on the corpora and labelled sets are "
        "byte-identical to those of another version (a git revision or a checkout's path); "
        "exit 1 on any difference",
    )
    ap.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="report file (default bench/RESULTS.md; quick: bench/.cache/RESULTS-quick.md)",
    )
    return ap.parse_args(argv)


def find_yogolint(args: argparse.Namespace) -> Path:
    exe = (
        args.yogolint
        or next((p for p in (ROOT / ".venv" / "bin" / "yogolint",) if p.exists()), None)
        or (Path(shutil.which("yogolint")) if shutil.which("yogolint") else None)
    )
    if exe is None:
        raise SystemExit("yogolint not found: create the venv (README Set-up) or pass --yogolint PATH")
    return exe


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.compare_with:
        import compare

        return compare.run(args, Yogolint(find_yogolint(args)))
    runs = args.runs or (1 if args.quick else 3)
    small_runs = args.small_runs or (1 if args.quick else 10)
    output = args.output or (CACHE / "RESULTS-quick.md" if args.quick else BENCH / "RESULTS.md")
    cases = set(args.cases.lower())
    exe = find_yogolint(args)
    for p, what in (
        (args.corpus, "--corpus"),
        (args.prh_dict, "--prh-dict"),
        (args.small_file, "--small-file"),
        (args.vue, "--vue"),
    ):
        if not p.exists():
            raise SystemExit(f"{what} {p}: not found")

    CACHE.mkdir(parents=True, exist_ok=True)
    yl = Yogolint(exe)
    # An installed package has its bytecode written on first import; with
    # PYTHONDONTWRITEBYTECODE set (as on some CI machines) an editable install
    # would compile linter/ again in every timed run.
    subprocess.run([str(yl.python), "-m", "compileall", "-q", str(ROOT / "linter")], check=False)
    tl = None if args.yogolint_only else Textlint()
    pyspy = yl.exe.parent / "py-spy"
    if not pyspy.exists() and shutil.which("py-spy"):
        pyspy = Path(shutil.which("py-spy"))
    do_profile = args.profile if args.profile is not None else (pyspy.exists() and not args.quick)

    all_files = corpus_files(args.corpus)
    if args.quick:
        all_files = all_files[::8]
    vue_files = bench_cases.vue_subset(all_files, args.corpus, args.vue)
    bench = bench_cases.Bench(args, yl, tl, runs, small_runs, all_files, vue_files)
    log(f"corpus: {len(all_files)} files, {size_mb(all_files):.1f} MB; runs {runs}; tools run one at a time")
    bench_cases.prepare(bench, cases)

    started = time.time()
    head_before, code_before = capture(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT), code_fingerprint()
    for letter, case in bench_cases.CASES.items():
        if letter in cases:
            case(bench)

    profiles: dict[str, str] = {}
    if do_profile:
        if "b" in cases or "d" in cases:
            md = profile_yogolint(yl, bench.lists["full"], pyspy, args.profile_rate, "b", [])
            if md:
                profiles["b"] = md
        if "a" in cases and yl.has_prh:
            md = profile_yogolint(
                yl,
                bench.lists["full"],
                pyspy,
                args.profile_rate,
                "a",
                ["--prh", str(args.prh_dict), "--select", "preferred-term"],
            )
            if md:
                profiles["a"] = md
    elapsed = time.time() - started
    head_after, code_after = capture(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT), code_fingerprint()
    if code_after != code_before:
        log("WARNING: yogolint's code changed while the benchmark ran; re-run it for consistent numbers")

    text = write_report(bench, RunInfo(elapsed, head_before, head_after, code_before, code_after, profiles), output)
    log(f"wrote {rel(output)}")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
