"""The benchmark cases: what each one runs, on which files, in which tool.

Each case function fills `bench.results` (a Measure per row, keyed like
"a-tl", "a-yl", "a-yl1") and, for (d), `bench.scale`. Cases:

  (a) ja-docs, prh dictionary WEB+DB_PRESS.yml in both tools
      (yogolint: `--prh PATH --select preferred-term`)
  (b) ja-docs, yogolint's built-in glossary (all rules) vs textlint with the
      glossary exported as prh (bench/export_prh.py)
  (c) one small file, built-in glossary (the pre-commit case)
  (d) case (b) at 1/4, 1/2 and the full corpus
  (e) the Vue folder, WEB+DB_PRESS.yml with every default rule on in yogolint
  (f) the Vue folder with a generated 100,000-term glossary (yogolint only)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from harness import BENCH, CACHE, ROOT, Measure, corpus_files, log, measure, rel, write_list
from tools import Textlint, Yogolint

SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").exists() else Path("/work/shared")
DEFAULT_CORPUS = SHARED / "corpus" / "ja-docs"
DEFAULT_VUE = DEFAULT_CORPUS / "vuejs-docs-ja"
DEFAULT_PRH = SHARED / "corpus" / "prh-rules" / "media" / "WEB+DB_PRESS.yml"
SMALL_FILE = ROOT / "examples" / "proposal-crm-migration.md"
BIG_GLOSSARY_TERMS = 100_000

ALL_CASES = "abcdef"


@dataclass
class Bench:
    """Everything the cases share, and what they measured (for the report)."""

    args: argparse.Namespace
    yl: Yogolint
    tl: Textlint | None  # None: --yogolint-only
    runs: int
    small_runs: int
    all_files: list[Path]
    vue_files: list[Path]
    cfg_a: Path | None = None
    cfg_b: Path | None = None
    export_note: str = ""
    big_glossary: Path | None = None
    big_glossary_note: str = ""
    lists: dict[str, Path] = field(default_factory=dict)
    results: dict[str, Measure | None] = field(default_factory=dict)
    scale: list[tuple[str, list[Path], Measure, Measure | None]] = field(default_factory=list)

    @property
    def full(self) -> list[str]:
        return [str(f) for f in self.all_files]

    @property
    def vue(self) -> list[str]:
        return [str(f) for f in self.vue_files]

    def yogolint(
        self,
        key: str,
        label: str,
        tool: str,
        files: list[str],
        extra: list[str],
        runs: int | None = None,
        jobs: int | None = None,
    ) -> None:
        self.results[key] = measure(
            label,
            tool,
            lambda fs: self.yl.cmd(fs, extra, jobs=jobs),
            files,
            runs or self.runs,
            lambda outs: Yogolint.count(outs[0]),
        )

    def textlint(self, key: str, label: str, files: list[str], cfg: Path, runs: int | None = None) -> None:
        if self.tl is None:
            return
        tl = self.tl
        self.results[key] = measure(
            label, "textlint", lambda fs: tl.cmd(fs, cfg), files, runs or self.runs, Textlint.count
        )


def prepare(bench: Bench, cases: set[str]) -> None:
    """File lists, textlint configurations, the exported and the generated glossary."""
    args, yl = bench.args, bench.yl
    bench.lists["full"] = write_list("full", bench.all_files)
    bench.lists["vue"] = write_list("vue", bench.vue_files)
    glossary_prh = CACHE / "glossary-prh.yml"
    exp = subprocess.run(
        [str(yl.python), str(BENCH / "export_prh.py"), "-o", str(glossary_prh)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if exp.returncode:
        raise SystemExit(f"bench/export_prh.py failed:\n{exp.stderr}")
    bench.export_note = exp.stderr.strip()
    bench.cfg_a = Textlint.config("a", args.prh_dict)
    bench.cfg_b = Textlint.config("b", glossary_prh)
    if "f" in cases:
        bench.big_glossary = CACHE / f"glossary-{BIG_GLOSSARY_TERMS}.yaml"
        gen = subprocess.run(
            [
                str(yl.python),
                str(BENCH / "make_glossary.py"),
                "-n",
                str(BIG_GLOSSARY_TERMS),
                "-o",
                str(bench.big_glossary),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if gen.returncode:
            raise SystemExit(f"bench/make_glossary.py failed:\n{gen.stderr}")
        bench.big_glossary_note = gen.stderr.strip()


def case_a(bench: Bench) -> None:
    """(a) the real prh dictionary in both tools, on ja-docs."""
    log("case (a): prh dictionary " + rel(bench.args.prh_dict))
    bench.textlint("a-tl", "(a) prh dict", bench.full, bench.cfg_a)
    if not bench.yl.has_prh:
        log("  yogolint: `check --prh` not available yet — skipped")
        bench.results["a-yl"] = None
        return
    extra = ["--prh", str(bench.args.prh_dict), "--select", "preferred-term"]
    bench.yogolint("a-yl", "(a) prh dict", "yogolint", bench.full, extra)
    if bench.yl.has_jobs:
        bench.yogolint("a-yl1", "(a) prh dict", "yogolint -j 1", bench.full, extra, jobs=1)


def case_b(bench: Bench) -> None:
    """(b) yogolint's glossary in both tools — also the full-size point of (d)."""
    log("case (b): yogolint glossary (exported to prh for textlint)")
    bench.yogolint("b-yl", "(b) glossary", "yogolint", bench.full, [])
    if bench.yl.has_jobs:
        bench.yogolint("b-yl1", "(b) glossary", "yogolint -j 1", bench.full, [], jobs=1)
    if bench.yl.has_cache:
        warm = CACHE / "warm"
        shutil.rmtree(warm, ignore_errors=True)
        bench.results["b-ylw"] = measure(
            "(b) glossary",
            "yogolint, warm cache",
            lambda fs: bench.yl.cmd(fs, [], cache=True),
            bench.full,
            bench.runs,
            lambda outs: Yogolint.count(outs[0]),
            cwd=warm,
            prime=True,
        )
    bench.textlint("b-tl", "(b) glossary", bench.full, bench.cfg_b)


def case_c(bench: Bench) -> None:
    """(c) one small file, and yogolint's start-up alone (the floor under every run)."""
    small_file = bench.args.small_file
    log(f"case (c): one small file {rel(small_file)}")
    small = [str(small_file.resolve())]
    bench.yogolint("c-yl", "(c) one file", "yogolint", small, [], runs=bench.small_runs)
    bench.textlint("c-tl", "(c) one file", small, bench.cfg_b, runs=bench.small_runs)
    bench.results["c-ver"] = measure(
        "(c) `--version` only",
        "yogolint",
        lambda fs: [str(bench.yl.exe), "--version"],
        [],
        bench.small_runs,
        lambda outs: (None, None, None),
    )


def case_d(bench: Bench) -> None:
    """(d) scaling: the (b) set-up on every 4th and every 2nd file, and all of them."""
    log("case (d): scaling (case b set-up)")
    for name, sub in (("1/4", bench.all_files[::4]), ("1/2", bench.all_files[::2])):
        bench.lists[name] = write_list(name.replace("/", "-of-"), sub)
        s = [str(f) for f in sub]
        bench.yogolint(f"d-{name}-yl", f"(d) {name} corpus", "yogolint", s, [])
        bench.textlint(f"d-{name}-tl", f"(d) {name} corpus", s, bench.cfg_b)
        bench.scale.append((name, sub, bench.results[f"d-{name}-yl"], bench.results.get(f"d-{name}-tl")))
    if "b-yl" not in bench.results:
        case_b(bench)
    bench.scale.append(("full", bench.all_files, bench.results["b-yl"], bench.results.get("b-tl")))


def case_e(bench: Bench) -> None:
    """(e) the Vue folder, WEB+DB_PRESS in both tools, every default rule on in yogolint."""
    log("case (e): prh dictionary with every default rule, Vue folder")
    bench.textlint("e-tl", "(e) prh + all rules, Vue", bench.vue, bench.cfg_a)
    extra = ["--prh", str(bench.args.prh_dict)]
    bench.yogolint("e-yl", "(e) prh + all rules, Vue", "yogolint", bench.vue, extra)
    if bench.yl.has_jobs:
        bench.yogolint("e-yl1", "(e) prh + all rules, Vue", "yogolint -j 1", bench.vue, extra, jobs=1)


def case_f(bench: Bench) -> None:
    """(f) the Vue folder with a generated 100,000-term glossary (an imported termbase)."""
    log(f"case (f): {BIG_GLOSSARY_TERMS:,}-term glossary, Vue folder")
    extra = ["--glossary", str(bench.big_glossary)]
    bench.yogolint("f-yl", f"(f) {BIG_GLOSSARY_TERMS // 1000}k terms, Vue", "yogolint", bench.vue, extra)
    if bench.yl.has_jobs:
        bench.yogolint(
            "f-yl1", f"(f) {BIG_GLOSSARY_TERMS // 1000}k terms, Vue", "yogolint -j 1", bench.vue, extra, jobs=1
        )


CASES = {"a": case_a, "b": case_b, "c": case_c, "d": case_d, "e": case_e, "f": case_f}


def vue_subset(all_files: list[Path], corpus: Path, vue: Path) -> list[Path]:
    """The Vue folder's files, in the same order and with the same --quick thinning as the corpus list."""
    if vue.is_relative_to(corpus):
        return [f for f in all_files if f.is_relative_to(vue)]
    return corpus_files(vue)
