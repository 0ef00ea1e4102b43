"""Time `yogolint glossary mine` on the whole Japanese GitLab handbook and check
that it proposes CSM, ARR, AE and SFDC with their expansions (issue 16).

    .venv/bin/python bench/mine_handbook.py [--runs 3]

Two runs of the real CLI: with a team glossary that knows only Salesforce
(so CSM, a built-in term, is unknown and must be proposed), and with the
built-in glossary (what a team would see). Prints the best wall time of
each and the proposals found for the four abbreviations."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "biz-ja" / "gitlab-handbook-ja"
TEAM = ROOT / "tests" / "fixtures" / "mine" / "salesforce-only.yaml"
YOGOLINT = Path(sys.executable).with_name("yogolint")
WANTED = ("CSM", "ARR", "AE", "SFDC")


def run(args: list[str], runs: int) -> tuple[float, list[dict]]:
    best = float("inf")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "proposals.yaml"
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([str(YOGOLINT), "glossary", "mine", *args, str(CORPUS), "-o", str(out)], check=True)
            best = min(best, time.perf_counter() - start)
        return best, yaml.safe_load(out.read_text(encoding="utf-8"))["proposals"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    files = sum(1 for p in CORPUS.rglob("*") if p.suffix in (".md", ".txt"))
    for label, args in (
        ("team glossary (Salesforce only)", ["--no-builtin", "--glossary", str(TEAM)]),
        ("built-in glossary", []),
    ):
        seconds, proposals = run(args, runs)
        print(f"{label}: {len(proposals)} proposals from {files} files in {seconds:.2f} s (best of {runs})")
        by_form = {p["form"]: p for p in proposals}
        for form in WANTED:
            p = by_form.get(form)
            if p is None:
                print(f"  {form}: not proposed")
                continue
            rank = proposals.index(p) + 1
            found = p["entry"].get("expansions") or p["entry"].get("deprecated")
            print(
                f"  {form}: #{rank} {p['proposal']} {p['entry']['term']} {found} "
                f"({p['evidence']['documents']} documents, {p['evidence']['uses']} uses)"
            )


if __name__ == "__main__":
    main()
