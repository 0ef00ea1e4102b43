#!/usr/bin/env python3
"""How cheap spelling-variant can get in its present design: the folder scan
with the screen's work replaced, part by part, by what it found.

    python3 bench/spelling_floor.py [--runs N] [--corpus DIR ...] [--no-write]

Each row is `check --no-cache` of the folder (all default rules), alternating
run by run, median of N:

- before: the commit spelling-variant was built on (as `spelling_cost.py`);
- rule off: this checkout, `--ignore spelling-variant`;
- as is: this checkout;
- C only: the screen's Python reading of the matches replaced by its answer;
  what any implementation of this screen must do still runs: the
  automaton's scan of every file and Sudachi's confirming windows;
- free screen: the screen replaced by its answer: what is left is the rule's
  own reading of the files that pass (parsing them, segmenting the blocks
  that hold a variant).

The answers (per file text: the windows segmented, the spans returned) are
recorded first, in one process, from this checkout's screen, and replayed
by the text's digest; a replay whose findings differ from "as is" stops the
script (exit status 1). Writes its table into bench/RESULTS.md under its own
heading. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from spelling_cost import BASE_COMMIT, CACHE, CORPORA, MODULE, PYTHON, ROOT, check_command, export, now, publish, timed

HEADING = "## spelling-variant: how low the cost can go"

# Run in the timed process: the answers replace Lexicon.evidence before the
# command line starts (workers fork from it and inherit the replacement).
_REPLAY = """
import hashlib, json, os
from linter import spelling_lexicon
from linter.tokenizer import morphemes
answers = json.load(open(os.environ["FLOOR_ANSWERS"], encoding="utf-8"))
c_only = os.environ["FLOOR_MODE"] == "c-only"
def evidence(self, text):
    windows, spans = answers[hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()]
    if c_only:
        self.matches(text)
        for window in windows:
            morphemes(window)
    return [tuple(span) for span in spans]
spelling_lexicon.Lexicon.evidence = evidence
from linter.cli import run
run()
"""

# Run once, untimed: this checkout's screen over the folder, as a check runs it.
_RECORD = """
import hashlib, json, sys
from linter import spelling_lexicon as sl
from linter.files import collect
from linter.runner import CheckRequest, lint_file
from linter.workspace import Options, Workspace
answers, windows = {}, []
morphemes = sl.morphemes  # what the screen segments (each window once a file)
def _morphemes(window):
    windows.append(window)
    return morphemes(window)
evidence = sl.Lexicon.evidence
def _evidence(self, text):
    windows.clear()
    spans = evidence(self, text)
    answers[hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()] = [list(windows), spans]
    return spans
sl.morphemes, sl.Lexicon.evidence = _morphemes, _evidence
request = CheckRequest(paths=[sys.argv[2]], options=Options(), fmt="json", cache=False, jobs=1)
walk = collect(request.paths, request.options.exclude)
workspace = Workspace(request.options)
workspace.text_bytes = walk.total_bytes
for target in walk.targets:
    lint_file(workspace, target, request)
json.dump(answers, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
"""


def record(folder: Path) -> Path:
    answers = CACHE / f"floor-answers-{folder.name}.json"
    subprocess.run(
        [str(PYTHON), "-c", _RECORD, str(answers), str(folder)], check=True, env=dict(os.environ, PYTHONPATH=str(ROOT))
    )
    return answers


def findings(code: Path, folder: Path, launch: tuple[str, ...], **env: str) -> list:
    out = CACHE / "floor-findings.json"
    cmd, environment = check_command(code, folder, str(out), launch, **env)
    subprocess.run(cmd, env=environment, cwd=CACHE, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text(encoding="utf-8"))["diagnostics"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", type=Path, action="append")
    ap.add_argument("--no-write", action="store_true", help="print the table, leave RESULTS.md alone")
    args = ap.parse_args()
    base = export(BASE_COMMIT)
    for code in (base, ROOT):
        subprocess.run([str(PYTHON), "-m", "compileall", "-q", str(code / "linter")], check=False)
    rows = []
    for folder in args.corpus or CORPORA:
        folder = folder.resolve()
        answers = str(record(folder))
        variants = {
            "before": (base, MODULE, (), {}),
            "rule off": (ROOT, MODULE, ("--ignore", "spelling-variant"), {}),
            "as is": (ROOT, MODULE, (), {}),
            "C only": (ROOT, ("-c", _REPLAY), (), {"FLOOR_ANSWERS": answers, "FLOOR_MODE": "c-only"}),
            "free screen": (ROOT, ("-c", _REPLAY), (), {"FLOOR_ANSWERS": answers, "FLOOR_MODE": "free"}),
        }
        expected = findings(ROOT, folder, MODULE)
        for name in ("C only", "free screen"):
            code, launch, _, env = variants[name]
            if findings(code, folder, launch, **env) != expected:
                sys.exit(f"{folder.name}: {name}: the replayed screen changed the findings")
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
        for _ in range(args.runs):
            for name, (code, launch, options, env) in variants.items():
                runs[name].append(timed(code, folder, launch, options, **env))
                print(f"{folder.name} {name}: {runs[name][-1][0]:.2f} s", file=sys.stderr)
        before = statistics.median(w for w, _ in runs["before"])
        for name, measured in runs.items():
            wall = statistics.median(w for w, _ in measured)
            cpu = statistics.median(c for _, c in measured)
            rows.append(f"| `{folder.name}` | {name} | {wall:.2f} | {cpu:.2f} | {wall / before:.2f}× |")
    publish(
        HEADING,
        f"`python3 bench/spelling_floor.py --runs {args.runs}` on {now()}: `check --no-cache`, all default rules, "
        f"alternating, median of {args.runs} runs, 2 cores (load average at the end {os.getloadavg()[0]:.1f}). "
        f"Ratio: wall time against before (`{BASE_COMMIT}`).",
        ["folder", "variant", "wall s", "CPU s", "ratio"],
        rows,
        NOTE,
        write=not args.no_write,
        text_columns=2,
    )


NOTE = """"C only" keeps what no rewrite of the screen's Python would remove: the
automaton's scan of every file (365,000 matches on `ja-docs`) and Sudachi's 3,500
confirming windows. "free screen" removes the screen altogether: what is left is
the rule's own reading of the 49 files that spell a word two ways (parsing them,
segmenting the blocks that hold the word). Findings are checked identical to "as
is" before timing. On `ja-docs` the 1.5× target of issue 13 lies at the floor of
this design: with a screen whose Python cost nothing the scan still takes 1.4–1.8×
(four runs of this script on 2026-12-02; the machine's load moved the before time
between 0.48 and 0.63 s). Meeting it takes a cheaper confirmation than Sudachi's,
fewer surfaces to scan for, or both."""


if __name__ == "__main__":
    main()
