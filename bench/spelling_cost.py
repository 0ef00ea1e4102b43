#!/usr/bin/env python3
"""What spelling-variant costs: the folder scan before and after, same run.

    python3 bench/spelling_cost.py [--base COMMIT] [--runs N] [--corpus DIR ...]

"Before" is COMMIT (default: the commit spelling-variant was built on),
exported with `git archive` into bench/.cache/base-COMMIT and run with the same
interpreter (`PYTHONPATH=… .venv/bin/python -m linter`); "after" is this
checkout. The two alternate, run by run, so machine load hits both alike.
Each run: `check --no-cache --format json FOLDER` (all default rules), wall
time and CPU time (user + system of the process and its workers). Writes its
table into bench/RESULTS.md under its own heading. Standard library only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CACHE = BENCH / ".cache"
PYTHON = ROOT / ".venv" / "bin" / "python"
BASE_COMMIT = "8b65ed5"
CORPORA = [ROOT.parent / "shared" / "corpus" / "ja-docs", ROOT.parent / "shared" / "corpus" / "biz-ja"]
HEADING = "## spelling-variant: folder scan before and after"


def export(commit: str) -> Path:
    target = CACHE / f"base-{commit}"
    if not (target / "linter").is_dir():
        target.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


MODULE = ("-m", "linter")  # how Python starts the command line


def check_command(
    code: Path, folder: Path, output: str, launch: tuple[str, ...] = MODULE, options: tuple[str, ...] = (), **env: str
) -> tuple[list[str], dict[str, str]]:
    """The command line and environment of `check --no-cache --format json`
    of `folder` by the code in `code`, its report into `output` (`launch`:
    how Python starts it; `options`: more of check's; `env`: added to it)."""
    cmd = [str(PYTHON), *launch, "check", *options, "--no-cache", "--format", "json", "-o", output, str(folder)]
    return cmd, dict(os.environ, PYTHONPATH=str(code), **env)


def timed(
    code: Path, folder: Path, launch: tuple[str, ...] = MODULE, options: tuple[str, ...] = (), **env_extra: str
) -> tuple[float, float]:
    """Wall and CPU seconds of one such check."""
    cmd, env = check_command(code, folder, os.devnull, launch, options, **env_extra)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=CACHE, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)}: exit {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default=BASE_COMMIT)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", type=Path, action="append")
    ap.add_argument("--no-write", action="store_true", help="print the table, leave RESULTS.md alone")
    args = ap.parse_args()
    base = export(args.base)
    # Bytecode written once for both (PYTHONDONTWRITEBYTECODE would otherwise
    # have every timed run compile its code again), as run.py does.
    for code in (base, ROOT):
        subprocess.run([str(PYTHON), "-m", "compileall", "-q", str(code / "linter")], check=False)
    rows = []
    for folder in args.corpus or CORPORA:
        files = sum(1 for p in folder.rglob("*") if p.suffix in (".md", ".mdx", ".markdown", ".txt"))
        runs: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
        for _ in range(args.runs):
            for name, code in (("before", base), ("after", ROOT)):
                runs[name].append(timed(code, folder))
                print(f"{folder.name} {name}: {runs[name][-1][0]:.2f} s", file=sys.stderr)
        wall = {n: statistics.median(w for w, _ in r) for n, r in runs.items()}
        cpu = {n: statistics.median(c for _, c in r) for n, r in runs.items()}
        rows.append(
            f"| `{folder.name}` ({files} files) | {wall['before']:.2f} | {wall['after']:.2f} | "
            f"{wall['after'] / wall['before']:.1f}× | {cpu['before']:.2f} | {cpu['after']:.2f} | "
            f"{cpu['after'] / cpu['before']:.1f}× |"
        )
    publish(
        HEADING,
        f"`python3 bench/spelling_cost.py --runs {args.runs}` on {now()}: "
        f"`check --no-cache` of each folder with all default rules, before (commit `{args.base}`) and after "
        f"(this checkout, spelling-variant on), alternating; median of {args.runs} runs; "
        f"CPU = user + system of the process and its workers; load average at the end {os.getloadavg()[0]:.1f} "
        "on 2 cores.",
        ["folder", "before s", "after s", "wall ratio", "before CPU s", "after CPU s", "CPU ratio"],
        rows,
        NOTE,
        write=not args.no_write,
    )


NOTE = """Why: before, a file with no glossary spelling is never parsed nor tokenized (most of
`ja-docs` has none: the whole folder takes under a second). spelling-variant compares
every word, but first asks a screen (`linter/spelling_lexicon.py`): one Aho-Corasick
pass over the raw text for the 140,000 surfaces of the words Sudachi's lexicon spells two
ways or more; only the matches of words the text may spell two ways (a fifth) are read one
by one, as a tokenizer would, and two spellings of one word are confirmed by segmenting a
few characters around them. A file that passes is parsed around those words only, and only
its blocks that hold one are segmented (on `ja-docs`, 49 of 1,080 files pass; 43 have
findings). What is left, measured in one process on `ja-docs` (CPU; ≈ 0.9 s in all,
against 0.5 s for every other rule together): loading the table and the stored automaton
(≈ 0.05 s, serial, before the workers fork; the automaton is daachorse's double array,
built once and kept in the user cache), the scan (≈ 0.09 s), reading the matches
(≈ 0.2 s), the confirming segmentation (≈ 0.13 s, 3,500 windows, nearly all refuting
one-character spellings such as `込` for `込み` inside longer words), and parsing and
segmenting the 49 files that do spell a word two ways (≈ 0.35 s: the rule's own work).
The issue's 1.5× target on `ja-docs` is still not met, and `bench/spelling_floor.py` (its
section below) shows it lies at the floor of this design. Findings are identical with the
screen on and off (`tests/test_spelling_lexicon.py`, and the corpora compared with
`bench/run.py --compare-with`); the result cache (`.yogolint_cache/`) makes a second run
of unchanged files cheap."""


def now() -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())


def publish(
    heading: str, how: str, columns: list[str], rows: list[str], note: str, write: bool, text_columns: int = 1
) -> None:
    """One script's section of bench/RESULTS.md: how it was measured, a
    table (its first `text_columns` text, the others numbers), a note.
    Printed, and written in place of the section's last version unless
    `write` is False."""
    section = "\n".join(
        [
            heading,
            "",
            how,
            "",
            "| " + " | ".join(columns) + " |",
            "|" + "---|" * text_columns + "---:|" * (len(columns) - text_columns),
            *rows,
            "",
            note,
            "",
        ]
    )
    print(section)
    if write:
        write_section_named(heading, section)


def write_section_named(heading: str, table: str) -> None:
    """Replace (or append) one script's own section of bench/RESULTS.md."""
    results = BENCH / "RESULTS.md"
    text = results.read_text(encoding="utf-8") if results.exists() else ""
    if heading in text:
        head, _, rest = text.partition(heading)
        nxt = rest.find("\n## ")
        text = head + table.rstrip("\n") + "\n" + (rest[nxt:] if nxt != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + table
    results.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
