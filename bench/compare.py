"""`run.py --compare-with REV-or-PATH`: are yogolint's findings byte-identical
to another version's?

Every speed change must leave the findings as they were. This runs the
working tree's yogolint and a reference version (a git revision, exported
with `git archive` into bench/.cache/ref/REV, or the path of another
checkout) with the same Python and venv, the reference's `linter` package
first on PYTHONPATH, on the same inputs, and compares stdout (the JSON
report), stderr and the exit status byte for byte:

- the corpora ja-docs, crm-ja, biz-ja and the labelled sets eval/public/docs
  and eval/real/docs, each as one folder argument (the folder walk counts);
- each with the built-in glossary (every default rule), and with the prh
  dictionary WEB+DB_PRESS.yml on top;
- the Vue folder with the generated 100,000-term glossary (case f);
- every file of the labelled sets alone (the one-file path: no workers,
  the small automaton).

Exit 0 when all are identical, 1 on any difference (the first lines of each
differing output are shown; both outputs are kept in bench/.cache/compare/).
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import subprocess
import tarfile
from pathlib import Path

from cases import BIG_GLOSSARY_TERMS, SHARED
from harness import CACHE, ROOT, log, rel
from tools import Yogolint

CORPORA = ("corpus/ja-docs", "corpus/crm-ja", "corpus/biz-ja", "eval/public/docs", "eval/real/docs")
LABELLED = ("eval/public/docs", "eval/real/docs")
OUT = CACHE / "compare"


def reference_root(spec: str) -> Path:
    """A checkout holding the reference's `linter/` (and glossary/, rules/)."""
    path = Path(spec)
    if (path / "linter" / "__init__.py").exists():
        return path.resolve()
    rev = subprocess.run(
        ["git", "rev-parse", "--verify", f"{spec}^{{commit}}"], cwd=ROOT, capture_output=True, text=True
    )
    if rev.returncode:
        raise SystemExit(f"--compare-with {spec}: neither a checkout with linter/ nor a git revision")
    sha = rev.stdout.strip()
    root = CACHE / "ref" / sha[:12]
    if not (root / "linter" / "__init__.py").exists():
        archive = subprocess.run(
            ["git", "archive", sha, "linter", "glossary", "rules"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(root, filter="data")
    return root


def _env(pythonpath: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    # each version keeps its own caches (parsed YAML, compiled dictionaries)
    env["YOGOLINT_CACHE_DIR"] = str(OUT / ("cache-ref" if pythonpath else "cache-new"))
    return env


def _run(python: Path, pythonpath: Path | None, args: list[str], cwd: Path) -> tuple[int, bytes, bytes]:
    proc = subprocess.run(
        [str(python), "-m", "linter", "check", "--no-cache", "--format", "json", *args],
        cwd=cwd,
        env=_env(pythonpath),
        capture_output=True,
    )
    return proc.returncode, proc.stdout, proc.stderr


def _runs(args: argparse.Namespace, big_glossary: Path | None) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    prh = ["--prh", str(args.prh_dict)]
    for sub in CORPORA:
        folder = str(SHARED / sub)
        out.append((f"{sub}, built-in glossary", [folder]))
        out.append((f"{sub}, + {args.prh_dict.name}", [*prh, folder]))
    if big_glossary is not None:
        out.append(
            (f"{rel(args.vue)}, {BIG_GLOSSARY_TERMS:,}-term glossary", ["--glossary", str(big_glossary), str(args.vue)])
        )
    for sub in LABELLED:
        for f in sorted((SHARED / sub).rglob("*")):
            if f.is_file() and f.suffix in (".md", ".mdx", ".txt", ".markdown"):
                out.append((f"{sub}/{f.relative_to(SHARED / sub)} alone", [str(f)]))
    return out


def run(args: argparse.Namespace, yl: Yogolint) -> int:
    ref = reference_root(args.compare_with)
    OUT.mkdir(parents=True, exist_ok=True)
    cwd = OUT / "cwd"  # empty: no configuration or result cache is picked up
    cwd.mkdir(exist_ok=True)
    big = CACHE / f"glossary-{BIG_GLOSSARY_TERMS}.yaml"
    gen = subprocess.run(
        [
            str(yl.python),
            str(Path(__file__).parent / "make_glossary.py"),
            "-n",
            str(BIG_GLOSSARY_TERMS),
            "-o",
            str(big),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    big_glossary = big if gen.returncode == 0 else None
    log(f"comparing the working tree ({rel(ROOT)}) with {rel(ref)} — same Python: {rel(yl.python)}")
    differing = 0
    runs = _runs(args, big_glossary)
    for number, (label, check_args) in enumerate(runs, 1):
        new = _run(yl.python, None, check_args, cwd)
        old = _run(yl.python, ref, check_args, cwd)
        same = new == old
        findings = new[1].count(b'"rule":')
        log(
            f"  [{number}/{len(runs)}] {label}: {'identical' if same else 'DIFFERENT'} "
            f"(exit {new[0]}, {findings:,} findings, {len(new[1]):,} bytes)"
        )
        if same:
            continue
        differing += 1
        stem = f"{number:03d}"
        for name, (code, stdout, stderr) in (("new", new), ("ref", old)):
            (OUT / f"{stem}-{name}.json").write_bytes(stdout)
            (OUT / f"{stem}-{name}.stderr").write_bytes(stderr + f"\nexit {code}\n".encode())
        for part, a, b in (("stdout", old[1], new[1]), ("stderr", old[2], new[2])):
            if a != b:
                diff = difflib.unified_diff(
                    a.decode(errors="replace").splitlines(),
                    b.decode(errors="replace").splitlines(),
                    "reference",
                    "working tree",
                    lineterm="",
                    n=0,
                )
                for line in list(diff)[:12]:
                    log(f"      {part}: {line[:200]}")
        if old[0] != new[0]:
            log(f"      exit status: reference {old[0]}, working tree {new[0]}")
    if differing:
        log(f"{differing} of {len(runs)} runs differ (outputs in {rel(OUT)}/)")
        return 1
    log(f"all {len(runs)} runs byte-identical")
    return 0
