#!/usr/bin/env python3
"""In-process stage timers of one yogolint check (CPU ms, one process).

    .venv/bin/python bench/stages.py [--prh DICT] [--glossary FILE] PATH...

Where the fixed costs go, measured in CPU time (user + system of this
process: much less sensitive than wall time to other work on the machine):
imports, settings (glossary, policy, automaton, prh dictionaries), the
Sudachi dictionary, and the per-file work, as `yogolint check -j 1
--no-cache` does it. The first line of output is a run with the caches
(parsed YAML, compiled dictionaries) as a second run finds them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

_T0 = time.process_time()


def cpu_ms() -> float:
    return (time.process_time() - _T0) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--prh", action="append", default=[], type=Path)
    ap.add_argument("--glossary", action="append", default=[], type=Path)
    ap.add_argument("--select", default=None)
    args = ap.parse_args()
    stages: list[tuple[str, float]] = []
    last = cpu_ms()

    def stage(name: str) -> None:
        nonlocal last
        now = cpu_ms()
        stages.append((name, now - last))
        last = now

    import click  # noqa: F401 - what the command line imports first

    import linter.cli  # noqa: F401

    stage("import cli (click)")
    from linter.cache import ResultCache  # noqa: F401
    from linter.files import collect
    from linter.runner import CheckRequest, lint_file
    from linter.workspace import Options, Workspace

    stage("import runner, workspace, engine, rules")
    select = set(args.select.split(",")) if args.select else None
    request = CheckRequest(
        paths=args.paths,
        options=Options(glossaries=args.glossary, prh=args.prh, select=select),
        fmt="json",
        cache=False,
        jobs=1,
    )
    walk = collect(request.paths, request.options.exclude)
    stage(f"folder walk ({len(walk.targets)} files)")
    workspace = Workspace(request.options)
    if hasattr(walk, "total_bytes"):
        workspace.text_bytes = walk.total_bytes
    else:  # an older version (PYTHONPATH=another checkout): as its runner did
        workspace.many_files = len(walk.targets) >= 16
    workspace.linter_for(walk.targets[0].path)
    stage("settings: glossary, policy, automaton, prh")
    from linter.tokenizer import preload

    preload()
    stage("Sudachi dictionary")
    findings = 0
    for target in walk.targets:
        findings += len(lint_file(workspace, target, request).diagnostics)
    stage("per-file work")
    total = sum(ms for _, ms in stages)
    mods = sorted(
        m for m in sys.modules if m.split(".")[0] in ("markdown_it", "pyromark", "multiprocessing", "yaml", "regex")
    )
    heavy = sorted({m.split(".")[0] for m in mods})
    for name, ms in stages:
        print(f"{name:<45} {ms:8.1f} ms")
    print(f"{'total (CPU)':<45} {total:8.1f} ms   {findings} findings; loaded: {', '.join(heavy) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
