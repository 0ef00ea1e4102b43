#!/usr/bin/env python3
"""Benchmark: yogolint against textlint + textlint-rule-prh, same inputs, same machine.

    python bench/run.py            # full benchmark, writes bench/RESULTS.md (about 10 minutes)
    python bench/run.py --quick    # 1 run each on 1/8 of the corpus, writes bench/.cache/RESULTS-quick.md

Needs: the project venv (.venv, or --yogolint PATH), Node.js + npm (textlint
and textlint-rule-prh are installed from the npm registry into
bench/.cache/node on first use), and the corpus under /work/shared/corpus
(or --corpus / --prh-dict). Standard library only; nothing here is part of
the test suite. See bench/README.md.

Cases
  (a) corpus, prh dictionary WEB+DB_PRESS.yml loaded in both tools
      (yogolint: `check --prh PATH --select preferred-term`; reported as
      "not available yet" while `yogolint check --help` has no --prh)
  (b) corpus, yogolint's built-in glossary (all rules) vs textlint with the
      glossary exported as prh (bench/export_prh.py)
  (c) one small file, whole-process wall time (the pre-commit case)
  (d) case (b) at 1/4, 1/2 and the full corpus (every 4th / 2nd file of the
      path-sorted list) to show how the cost grows

The tools run one after another, never in parallel. Each timed command is a
separate process; wall time includes interpreter / Node start-up, as a user
sees it. Peak memory is the child's maximum resident set size, from
`/usr/bin/time -v` if present, else from os.wait4() rusage.
"""
from __future__ import annotations

import argparse
import functools
import datetime as _dt
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CACHE = BENCH / ".cache"
NODE_DIR = CACHE / "node"
TEXTLINT_SPEC = "textlint@14"
PRH_RULE_SPEC = "textlint-rule-prh@6"

DEFAULT_CORPUS = Path("/work/shared/corpus/ja-docs")
DEFAULT_PRH = Path("/work/shared/corpus/prh-rules/media/WEB+DB_PRESS.yml")
SMALL_FILE = ROOT / "examples" / "proposal-crm-migration.md"

TARGET_SPEEDUP = 25.0
TARGET_SMALL_S = 0.25
TARGET_PEAK_MB = 300.0


# --------------------------------------------------------------------------- helpers

def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def rel(p: Path | str) -> str:
    """A path as short as possible for the report (relative to the repo if inside it)."""
    p = Path(os.path.abspath(p))
    try:
        return str(p.relative_to(ROOT))
    except ValueError:
        return str(p)


def capture(cmd: list[str], cwd: Path | None = None) -> str:
    try:
        out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as exc:
        return f"unavailable ({exc.strerror})"
    return (out.stdout or out.stderr).strip()


@dataclass
class Run:
    wall: float      # seconds
    peak_kb: int     # max RSS of the child, KiB
    rc: int
    cpu: float = 0.0    # user + system seconds of the child (all its threads and processes)
    tree_kb: int = 0    # peak summed PSS of the process tree (sampled), KiB
    procs: int = 1      # most processes seen at once in the tree
    load: float = 0.0   # 1-minute load average when the run ended (other work on the machine)


@dataclass
class Measure:
    label: str
    tool: str
    cmd_display: str
    runs: list[Run] = field(default_factory=list)
    findings: int | None = None
    files_with_findings: int | None = None
    files_reported: int | None = None
    batches: int = 1
    outputs: list[Path] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu_median(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_kb for r in self.runs) / 1024

    @property
    def tree_mb(self) -> float:
        return max(r.tree_kb for r in self.runs) / 1024

    @property
    def procs(self) -> int:
        return max(r.procs for r in self.runs)

    def spread(self) -> str:
        walls = sorted(r.wall for r in self.runs)
        return f"{walls[0]:.2f}–{walls[-1]:.2f}" if len(walls) > 1 else "–"


HAVE_GNU_TIME = Path("/usr/bin/time").exists()
HAVE_PROC = Path("/proc/self/smaps_rollup").exists()


class TreeMemory(threading.Thread):
    """Samples the summed PSS of a process and all its descendants (every 0.1 s).

    ru_maxrss only gives the largest single process; yogolint forks worker
    processes that share pages with their parent, so their RSS would be
    counted twice. PSS splits shared pages between the processes sharing them,
    and its sum is the memory the tool really occupies."""

    def __init__(self, pid: int, interval: float = 0.1):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_kb = 0
        self.max_procs = 0
        self._halt = threading.Event()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo.extend(children.get(p, []))
        return out

    def sample(self) -> None:
        total, n = 0, 0
        for p in self._tree():
            try:
                text = Path(f"/proc/{p}/smaps_rollup").read_text()
            except OSError:
                continue
            m = re.search(r"^Pss:\s+(\d+) kB", text, re.M)
            if m:
                total += int(m.group(1))
                n += 1
        self.peak_kb = max(self.peak_kb, total)
        self.max_procs = max(self.max_procs, n)

    def run(self) -> None:
        while not self._halt.is_set():
            self.sample()
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


RUN_CWD = CACHE / "cwd"  # an empty folder: nothing (cache, config) is picked up from the repository


def timed(cmd: list[str], cwd: Path, stdout_path: Path) -> Run:
    """Run cmd once; wall time around the whole process, and its peak RSS."""
    with stdout_path.open("wb") as out, tempfile.NamedTemporaryFile("w+", suffix=".time") as tf:
        full = (["/usr/bin/time", "-v", "-o", tf.name] + cmd) if HAVE_GNU_TIME else cmd
        err_path = stdout_path.with_suffix(".stderr")
        with err_path.open("wb") as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen(full, cwd=cwd, stdout=out, stderr=err)
            sampler = TreeMemory(proc.pid) if HAVE_PROC else None
            if sampler:
                sampler.start()
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - t0
            if sampler:
                sampler.stop()
        proc.returncode = os.waitstatus_to_exitcode(status)
        rc = proc.returncode
        peak_kb = int(usage.ru_maxrss)  # Linux: KiB
        cpu = usage.ru_utime + usage.ru_stime  # includes /usr/bin/time itself: negligible
        if HAVE_GNU_TIME:
            text = Path(tf.name).read_text()
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
            if m:
                peak_kb = int(m.group(1))
            m = re.search(r"Exit status: (\d+)", text)
            if m:
                rc = int(m.group(1))
    if rc not in (0, 1):  # both tools exit 1 when they have findings
        tail = err_path.read_text(errors="replace")[-2000:]
        raise SystemExit(f"command failed with exit status {rc}:\n  {shlex.join(cmd[:6])} …\n{tail}")
    tree_kb = sampler.peak_kb if sampler else 0
    # /usr/bin/time itself is one process of the tree (≈ 0.1 MB PSS): not counted as the tool's
    procs = max(1, (sampler.max_procs - 1) if sampler and HAVE_GNU_TIME else (sampler.max_procs if sampler else 1))
    return Run(wall, peak_kb, rc, cpu=cpu, load=os.getloadavg()[0], tree_kb=tree_kb, procs=procs)


def show(cmd: list[str]) -> str:
    """A command line for the report: paths inside the repository made relative."""
    return shlex.join([rel(a) if a.startswith(str(ROOT)) else a for a in cmd])


def arg_batches(prefix: list[str], files: list[str], limit: int) -> list[list[str]]:
    """Split a file list so that no command line exceeds `limit` bytes."""
    base = sum(len(a) + 1 for a in prefix)
    batches, cur, size = [], [], base
    for f in files:
        n = len(f.encode()) + 1
        if cur and size + n > limit:
            batches.append(cur)
            cur, size = [], base
        cur.append(f)
        size += n
    if cur or not batches:
        batches.append(cur)
    return batches


def arg_limit() -> int:
    try:
        arg_max = os.sysconf("SC_ARG_MAX")
    except (ValueError, OSError):
        arg_max = 131072
    env = sum(len(k) + len(v) + 2 for k, v in os.environ.items())
    return max(32768, min(arg_max, 2 * 1024 * 1024) - env - 4096)


# --------------------------------------------------------------------------- tools

class Yogolint:
    def __init__(self, exe: Path):
        self.exe = exe
        self.python = self._python()
        self.version = capture([str(exe), "--version"])
        help_text = capture([str(exe), "check", "--help"])
        self.has_prh = "--prh" in help_text
        self.has_jobs = "--jobs" in help_text
        self.has_cache = "--no-cache" in help_text

    def _python(self) -> Path:
        cand = self.exe.parent / "python"
        if cand.exists():
            return cand
        first = self.exe.read_bytes()[:200].split(b"\n", 1)[0]
        if first.startswith(b"#!"):
            return Path(first[2:].decode().strip().split()[0])
        return Path(sys.executable)

    def cmd(self, files: list[str], extra: list[str], jobs: int | None = None, cache: bool = False) -> list[str]:
        """`cache=False` adds --no-cache (when yogolint has a result cache): every run does the work."""
        opts = list(extra)
        if self.has_cache and not cache:
            opts.append("--no-cache")
        if jobs and self.has_jobs:
            opts += ["-j", str(jobs)]
        return [str(self.exe), "check", *opts, "--format", "json", *files]

    @staticmethod
    def count(path: Path) -> tuple[int, int, int]:
        data = json.loads(path.read_text(encoding="utf-8"))
        diags = data.get("diagnostics", [])
        return len(diags), len({d["path"] for d in diags}), data.get("files_scanned", 0)


class Textlint:
    def __init__(self):
        self.node = shutil.which("node")
        self.npm = shutil.which("npm")
        if not self.node or not self.npm:
            raise SystemExit("node and npm are needed for textlint (https://nodejs.org); not found on PATH")
        self.bin = NODE_DIR / "node_modules" / ".bin" / "textlint"
        self.ensure_installed()
        self.version = self._pkg_version("textlint")
        self.prh_version = self._pkg_version("textlint-rule-prh")
        self.prh_lib_version = self._pkg_version("prh")
        self.node_version = capture([self.node, "--version"])

    def _pkg_version(self, name: str) -> str:
        pj = NODE_DIR / "node_modules" / name / "package.json"
        try:
            return json.loads(pj.read_text())["version"]
        except (OSError, KeyError, ValueError):
            return "?"

    def ensure_installed(self) -> None:
        if self.bin.exists() and (NODE_DIR / "node_modules" / "textlint-rule-prh").exists():
            return
        NODE_DIR.mkdir(parents=True, exist_ok=True)
        pkg = NODE_DIR / "package.json"
        if not pkg.exists():
            pkg.write_text('{"private": true, "description": "yogolint benchmark: textlint baseline"}\n')
        log(f"installing {TEXTLINT_SPEC} {PRH_RULE_SPEC} into {rel(NODE_DIR)} (npm registry) …")
        subprocess.run([self.npm, "install", "--no-audit", "--no-fund", "--loglevel=error",
                        TEXTLINT_SPEC, PRH_RULE_SPEC], cwd=NODE_DIR, check=True)

    def config(self, name: str, dictionary: Path) -> Path:
        cfg = CACHE / f"textlintrc-{name}.json"
        cfg.write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(dictionary.resolve())]}}}) + "\n")
        return cfg

    def cmd(self, files: list[str], cfg: Path) -> list[str]:
        # node_modules/.bin/textlint is what `npx textlint` resolves to; calling it
        # directly keeps npx's own start-up (~0.3 s) out of the measurement.
        return [str(self.bin), "--no-color", "--config", str(cfg), "--format", "json", *files]

    @staticmethod
    def count(paths: list[Path]) -> tuple[int, int, int]:
        n = nfiles = reported = 0
        for path in paths:
            data = json.loads(path.read_text(encoding="utf-8") or "[]")
            for result in data:
                reported += 1
                k = len(result.get("messages", []))
                n += k
                nfiles += k > 0
        return n, nfiles, reported


# --------------------------------------------------------------------------- measuring

def measure(label: str, tool: str, build, files: list[str], runs: int, counter, cwd: Path = RUN_CWD,
            prime: bool = False) -> Measure:
    """Time `build(files)` `runs` times (split into batches only if argv would overflow)."""
    limit = arg_limit()
    prefix = build([])
    batches = arg_batches(prefix, files, limit)
    display = show(prefix)
    m = Measure(label, tool, display, batches=len(batches))
    outdir = CACHE / "out"
    outdir.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", f"{label}-{tool}".lower()).strip("-")
    cwd.mkdir(parents=True, exist_ok=True)
    # One untimed run first, for both tools, like hyperfine --warmup: the file
    # list is read from disk once, and caches a user's second run has (a result
    # cache when asked for, yogolint's parsed-YAML cache) are filled.
    if prime or runs > 1:
        for b, batch in enumerate(batches):
            timed(build(batch), cwd=cwd, stdout_path=outdir / f"{slug}-prime-{b}.json")
    for i in range(runs):
        total_wall, total_cpu, peak, rc, load, tree, procs = 0.0, 0.0, 0, 0, 0.0, 0, 1
        outs = []
        for b, batch in enumerate(batches):
            out = outdir / f"{slug}-{b}.json"
            r = timed(build(batch), cwd=cwd, stdout_path=out)
            total_wall += r.wall
            total_cpu += r.cpu
            load = max(load, r.load)
            tree = max(tree, r.tree_kb)
            procs = max(procs, r.procs)
            peak = max(peak, r.peak_kb)
            rc = max(rc, r.rc)
            outs.append(out)
        m.runs.append(Run(total_wall, peak, rc, cpu=total_cpu, load=load, tree_kb=tree, procs=procs))
        log(f"  {label:<28} {tool:<9} run {i + 1}/{runs}: {total_wall:7.2f} s wall {total_cpu:7.2f} s cpu "
            f"{peak / 1024:6.0f} MB  (load {load:.1f})")
    m.findings, m.files_with_findings, m.files_reported = counter(outs)
    m.outputs = outs
    return m


def finding_positions(m: Measure) -> set[tuple[str, int, int]]:
    """(absolute path, line, column) of every finding in a measure's last output (both 1-based)."""
    keys = set()
    for out in m.outputs:
        data = json.loads(out.read_text(encoding="utf-8") or "[]")
        if isinstance(data, dict):  # yogolint
            for d in data.get("diagnostics", []):
                keys.add((os.path.abspath(d["path"]), d["line"], d["column"]))
        else:  # textlint
            for result in data:
                path = os.path.abspath(result["filePath"])
                for msg in result.get("messages", []):
                    keys.add((path, msg["line"], _code_point_column(path, msg["line"], msg["column"])))
    return keys


@functools.lru_cache(maxsize=64)
def _lines(path: str) -> list[str]:
    return Path(path).read_text(encoding="utf-8", errors="replace").split("\n")


def _code_point_column(path: str, line: int, column: int) -> int:
    """textlint counts columns in UTF-16 code units (JavaScript strings), so an
    emoji earlier on the line shifts it by one; yogolint counts code points."""
    try:
        text = _lines(path)[line - 1]
    except (OSError, IndexError):
        return column
    units = 0
    for index, char in enumerate(text):
        if units >= column - 1:
            return index + 1
        units += 2 if ord(char) > 0xFFFF else 1
    return column


def corpus_files(corpus: Path) -> list[Path]:
    """Every Markdown file, sorted by path (both tools get exactly this list)."""
    files = [p for p in corpus.rglob("*.md")
             if not any(part.startswith(".") or part == "node_modules" for part in p.relative_to(corpus).parts)]
    return sorted(files, key=lambda p: str(p.relative_to(corpus)))


def write_list(name: str, files: list[Path]) -> Path:
    path = CACHE / "lists" / f"{name}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{f}\n" for f in files))
    return path


def size_mb(files: list[Path]) -> float:
    return sum(f.stat().st_size for f in files) / 1e6


def fit_line(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Least squares y = a + b·x; returns (a, b, r²)."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    b = sxy / sxx if sxx else 0.0
    a = my - b * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - (a + b * x)) ** 2 for x, y in zip(xs, ys))
    r2 = 1 - ss_res / ss_tot if ss_tot else 1.0
    return a, b, r2


# --------------------------------------------------------------------------- profile

def profile_yogolint(yl: Yogolint, files_list: Path, pyspy: Path, rate: int, name: str,
                     extra: list[str]) -> str | None:
    """py-spy on one yogolint run; returns the Markdown summary (raw stacks and a flame graph are kept)."""
    raw = CACHE / f"profile-{name}.txt"
    svg = BENCH / ("profile.svg" if name == "b" else f"profile-{name}.svg")
    files = files_list.read_text().split("\n")[:-1]
    # one process (-j 1), no result cache: the profile shows the work itself
    target = [str(yl.python), "-m", "linter", *yl.cmd(files, extra, jobs=1)[1:]]
    for fmt, out_file in (("raw", raw), ("flamegraph", svg)):
        log(f"profiling yogolint (case {name}) with py-spy → {rel(out_file)} …")
        with (CACHE / "out" / f"profile-{name}-stdout.json").open("wb") as out:
            proc = subprocess.run([str(pyspy), "record", "--format", fmt, "--rate", str(rate), "-o", str(out_file),
                                   "--", *target], cwd=RUN_CWD, stdout=out, stderr=subprocess.PIPE)
        if not out_file.exists():
            log(f"  py-spy failed: {proc.stderr.decode(errors='replace')[-500:]}")
            return None
    return summarize_profile(raw)


def _frame_name(frame: str) -> str:
    # py-spy raw frames look like "function (path/to/file.py:123)"
    m = re.match(r"(.*?) \((.*?)(?::\d+)?\)$", frame)
    if not m:
        return frame
    func, path = m.groups()
    path = path.replace("\\", "/")
    for marker in ("/site-packages/", "/lib/python"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    else:
        try:
            path = str(Path(path).resolve().relative_to(ROOT))
        except ValueError:
            pass
    return f"{func} ({path})"


def summarize_profile(raw: Path, top: int = 15) -> str:
    self_t: dict[str, int] = {}
    total_t: dict[str, int] = {}
    grand = 0
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        grand += n
        frames = [_frame_name(f) for f in stack.split(";")]
        frames = [f for f in frames if not f.startswith("process ") and not f.startswith("thread ")]
        if not frames:
            continue
        self_t[frames[-1]] = self_t.get(frames[-1], 0) + n
        for f in set(frames):
            total_t[f] = total_t.get(f, 0) + n
    if not grand:
        return "(no samples)\n"

    def table(d: dict[str, int], title: str, skip_trivial: bool) -> str:
        rows = [f"| {title} | share of samples |", "|---|---:|"]
        shown = 0
        for name, n in sorted(d.items(), key=lambda kv: -kv[1]):
            if skip_trivial and n / grand > 0.97:
                continue  # <module>, main, click plumbing: 100 % by definition
            rows.append(f"| `{name}` | {100 * n / grand:.1f} % |")
            shown += 1
            if shown >= top:
                break
        return "\n".join(rows) + "\n"

    return (f"{grand} samples.\n\n**Self time** (the function itself, not its callees):\n\n"
            + table(self_t, "function (file)", False)
            + "\n**Inclusive time** (the function and everything it calls; entries near 100 % omitted):\n\n"
            + table(total_t, "function (file)", True))


# --------------------------------------------------------------------------- report

def fmt_ratio(slow: Measure | None, fast: Measure | None) -> str:
    if not slow or not fast or not fast.median:
        return "–"
    return f"{slow.median / fast.median:.1f}×"


def met(ok: bool | None) -> str:
    return "n/a" if ok is None else ("**met**" if ok else "**not met**")


def code_fingerprint() -> str:
    """A hash of yogolint's code and data (linter/, glossary/, rules/): the benchmark checks it did not
    change while it ran (with an editable install, an edit mid-run would mix two versions)."""
    import hashlib

    h = hashlib.sha256()
    for folder in ("linter", "glossary", "rules"):
        for f in sorted((ROOT / folder).rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
                h.update(str(f.relative_to(ROOT)).encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:12]


def machine_info() -> list[str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    return [f"- cores: {os.cpu_count()} ({cpu})", f"- memory: {mem}",
            f"- OS: {platform.platform()}"]


def row(m: Measure | None, size: str = "") -> str:
    if m is None:
        return ""
    findings = "–" if m.findings is None else f"{m.findings:,}"
    # sampled every 0.1 s: meaningless for runs much shorter than a second
    tree = f"{m.tree_mb:.0f} ({m.procs})" if m.tree_mb and m.median >= 1.0 else "–"
    return (f"| {m.label} | {m.tool} | {size} | {len(m.runs)} | {m.median:.2f} | {m.spread()} | "
            f"{m.cpu_median:.2f} | {m.peak_mb:.0f} | {tree} | {findings} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="yogolint vs textlint + prh benchmark")
    ap.add_argument("--quick", action="store_true", help="1 run each, 1/8 of the corpus (a try-out)")
    ap.add_argument("--runs", type=int, default=None, help="runs per measurement (default 3; quick 1)")
    ap.add_argument("--small-runs", type=int, default=None, help="runs for case (c) (default 10; quick 1)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--prh-dict", type=Path, default=DEFAULT_PRH, help="dictionary for case (a)")
    ap.add_argument("--small-file", type=Path, default=SMALL_FILE, help="file for case (c)")
    ap.add_argument("--yogolint", type=Path, default=None, help="yogolint executable (default: .venv/bin/yogolint)")
    ap.add_argument("--cases", default="abcd", help="which cases to run, e.g. 'bc' (default abcd)")
    ap.add_argument("--profile", action=argparse.BooleanOptionalAction, default=None,
                    help="profile yogolint on case (b) with py-spy (default: on if py-spy is installed, off with --quick)")
    ap.add_argument("--profile-rate", type=int, default=250, help="py-spy samples per second")
    ap.add_argument("-o", "--output", type=Path, default=None,
                    help="report file (default bench/RESULTS.md; quick: bench/.cache/RESULTS-quick.md)")
    args = ap.parse_args(argv)

    runs = args.runs or (1 if args.quick else 3)
    small_runs = args.small_runs or (1 if args.quick else 10)
    output = args.output or (CACHE / "RESULTS-quick.md" if args.quick else BENCH / "RESULTS.md")
    cases = set(args.cases.lower())

    exe = args.yogolint or next((p for p in (ROOT / ".venv" / "bin" / "yogolint",) if p.exists()), None) \
        or (Path(shutil.which("yogolint")) if shutil.which("yogolint") else None)
    if exe is None:
        raise SystemExit("yogolint not found: create the venv (README Set-up) or pass --yogolint PATH")
    for p, what in ((args.corpus, "--corpus"), (args.prh_dict, "--prh-dict"), (args.small_file, "--small-file")):
        if not p.exists():
            raise SystemExit(f"{what} {p}: not found")

    CACHE.mkdir(parents=True, exist_ok=True)
    yl = Yogolint(exe)
    # An installed package has its bytecode written on first import; with
    # PYTHONDONTWRITEBYTECODE set (as on some CI machines) an editable install
    # would compile linter/ again in every timed run.
    subprocess.run([str(yl.python), "-m", "compileall", "-q", str(ROOT / "linter")], check=False)
    tl = Textlint()
    pyspy = yl.exe.parent / "py-spy"
    if not pyspy.exists() and shutil.which("py-spy"):
        pyspy = Path(shutil.which("py-spy"))
    do_profile = args.profile if args.profile is not None else (pyspy.exists() and not args.quick)

    all_files = corpus_files(args.corpus)
    if args.quick:
        all_files = all_files[::8]
    full = [str(f) for f in all_files]
    lists = {"full": write_list("full", all_files)}
    log(f"corpus: {len(full)} files, {size_mb(all_files):.1f} MB; runs {runs}; tools run one at a time")

    glossary_prh = CACHE / "glossary-prh.yml"
    exp = subprocess.run([str(yl.python), str(BENCH / "export_prh.py"), "-o", str(glossary_prh)],
                         cwd=ROOT, capture_output=True, text=True)
    if exp.returncode:
        raise SystemExit(f"bench/export_prh.py failed:\n{exp.stderr}")
    export_note = exp.stderr.strip()
    cfg_a = tl.config("a", args.prh_dict)
    cfg_b = tl.config("b", glossary_prh)

    results: dict[str, Measure | None] = {}
    started = time.time()
    head_before, code_before = capture(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT), code_fingerprint()

    # (a) the real prh dictionary in both tools
    if "a" in cases:
        log("case (a): prh dictionary " + rel(args.prh_dict))
        results["a-tl"] = measure("(a) prh dict", "textlint", lambda fs: tl.cmd(fs, cfg_a), full, runs, Textlint.count)
        if yl.has_prh:
            extra = ["--prh", str(args.prh_dict), "--select", "preferred-term"]
            results["a-yl"] = measure("(a) prh dict", "yogolint", lambda fs: yl.cmd(fs, extra), full, runs,
                                      lambda outs: Yogolint.count(outs[0]))
            if yl.has_jobs:
                results["a-yl1"] = measure("(a) prh dict", "yogolint -j 1", lambda fs: yl.cmd(fs, extra, jobs=1), full,
                                           runs, lambda outs: Yogolint.count(outs[0]))
        else:
            log("  yogolint: `check --prh` not available yet — skipped")
            results["a-yl"] = None

    # (b) yogolint's glossary in both tools — also the full-size point of (d)
    if "b" in cases or "d" in cases:
        log("case (b): yogolint glossary (exported to prh for textlint)")
        results["b-yl"] = measure("(b) glossary", "yogolint", lambda fs: yl.cmd(fs, []), full, runs,
                                  lambda outs: Yogolint.count(outs[0]))
        if yl.has_jobs:
            results["b-yl1"] = measure("(b) glossary", "yogolint -j 1", lambda fs: yl.cmd(fs, [], jobs=1), full, runs,
                                       lambda outs: Yogolint.count(outs[0]))
        if yl.has_cache:
            warm = CACHE / "warm"
            shutil.rmtree(warm, ignore_errors=True)
            results["b-ylw"] = measure("(b) glossary", "yogolint, warm cache", lambda fs: yl.cmd(fs, [], cache=True),
                                       full, runs, lambda outs: Yogolint.count(outs[0]), cwd=warm, prime=True)
        results["b-tl"] = measure("(b) glossary", "textlint", lambda fs: tl.cmd(fs, cfg_b), full, runs, Textlint.count)

    # (c) one small file
    if "c" in cases:
        log(f"case (c): one small file {rel(args.small_file)}")
        small = [str(args.small_file.resolve())]
        results["c-yl"] = measure("(c) one file", "yogolint", lambda fs: yl.cmd(fs, []), small, small_runs,
                                  lambda outs: Yogolint.count(outs[0]))
        results["c-tl"] = measure("(c) one file", "textlint", lambda fs: tl.cmd(fs, cfg_b), small, small_runs,
                                  Textlint.count)
        # start-up alone: the floor under every yogolint run
        results["c-ver"] = measure("(c) `--version` only", "yogolint", lambda fs: [str(yl.exe), "--version"], [],
                                   small_runs, lambda outs: (None, None, None))

    # (d) scaling, case (b) set-up
    scale: list[tuple[str, list[Path], Measure, Measure]] = []
    if "d" in cases:
        log("case (d): scaling (case b set-up)")
        for name, sub in (("1/4", all_files[::4]), ("1/2", all_files[::2])):
            lists[name] = write_list(name.replace("/", "-of-"), sub)
            s = [str(f) for f in sub]
            y = measure(f"(d) {name} corpus", "yogolint", lambda fs: yl.cmd(fs, []), s, runs,
                        lambda outs: Yogolint.count(outs[0]))
            t = measure(f"(d) {name} corpus", "textlint", lambda fs: tl.cmd(fs, cfg_b), s, runs, Textlint.count)
            scale.append((name, sub, y, t))
        scale.append(("full", all_files, results["b-yl"], results["b-tl"]))

    profiles: dict[str, str] = {}
    if do_profile:
        if "b" in cases or "d" in cases:
            md = profile_yogolint(yl, lists["full"], pyspy, args.profile_rate, "b", [])
            if md:
                profiles["b"] = md
        if "a" in cases and yl.has_prh:
            md = profile_yogolint(yl, lists["full"], pyspy, args.profile_rate, "a",
                                  ["--prh", str(args.prh_dict), "--select", "preferred-term"])
            if md:
                profiles["a"] = md
    elapsed = time.time() - started
    head_after, code_after = capture(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT), code_fingerprint()
    if code_after != code_before:
        log("WARNING: yogolint's code changed while the benchmark ran; re-run it for consistent numbers")

    # ------------------------------------------------------------------ write the report
    L: list[str] = []
    add = L.append
    add("# Benchmark results: yogolint vs textlint + textlint-rule-prh\n")
    add(f"Generated by `python bench/run.py{' --quick' if args.quick else ''}` on "
        f"{_dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}; the measurements took {elapsed / 60:.1f} min. "
        "Re-run it to refresh this file; `bench/README.md` explains the method.\n")
    if args.quick:
        add("> **Quick run**: 1 run per measurement on 1/8 of the corpus. Not for quoting.\n")
    if code_after != code_before:
        add(f"> **Warning: yogolint's code changed during the run** (git {head_before} → {head_after}, code "
            f"fingerprint {code_before} → {code_after}); the rows mix two versions. Re-run for consistent numbers.\n")
    add("## Machine and versions\n")
    L.extend(machine_info())
    add(f"- Python (yogolint's): {capture([str(yl.python), '--version'])} — `{rel(yl.python)}`")
    add(f"- yogolint: {yl.version} (`check --prh`: {'yes' if yl.has_prh else 'not available yet'}); "
        f"git {head_after}, code fingerprint {code_after} (linter/, glossary/, rules/; unchanged during the run"
        f"{'' if code_after == code_before else ': NO'})"
        f"{' + uncommitted changes' if capture(['git', 'status', '--porcelain', '--', 'linter', 'glossary', 'rules'], cwd=ROOT) else ''}")
    add(f"- Node.js: {tl.node_version}; textlint {tl.version}; textlint-rule-prh {tl.prh_version} (prh {tl.prh_lib_version})")
    add(f"- peak memory: largest single process from "
        f"{'`/usr/bin/time -v` (Maximum resident set size)' if HAVE_GNU_TIME else 'os.wait4() ru_maxrss'}; "
        f"whole process tree from summed PSS in /proc/PID/smaps_rollup, sampled every 0.1 s"
        f"{'' if HAVE_PROC else ' (not available on this system)'}")
    add(f"- yogolint options detected: `--prh` {'yes' if yl.has_prh else 'no'}, `-j/--jobs` "
        f"{'yes (default: one worker per core)' if yl.has_jobs else 'no'}, result cache "
        f"{'yes — timed runs pass `--no-cache` except the warm-cache row' if yl.has_cache else 'no'}")
    add("")
    add("## Inputs\n")
    add(f"- corpus: `{args.corpus}` — {len(full)} Markdown files, {size_mb(all_files):.1f} MB, "
        f"sorted by path{' (every 8th file: --quick)' if args.quick else ''}; both tools get the same explicit file list "
        "(no globs), one process per run")
    add(f"- (a) dictionary: `{args.prh_dict}`")
    add(f"- (b) yogolint: built-in glossary, all rules; textlint: the glossary exported by `bench/export_prh.py` "
        f"({export_note.split(': ', 1)[-1]}; only `preferred-term` has a prh equivalent)")
    add(f"- (c) file: `{rel(args.small_file)}` ({args.small_file.stat().st_size:,} bytes)")
    add("- (d) the (b) set-up on every 4th and every 2nd file of the sorted list, and on all of it")
    add("")
    add("## Commands\n")
    add("`FILES` is the file list (`bench/.cache/lists/*.txt`, one path a line, passed as arguments). "
        "Both tools exit 1 when they report findings; that is not an error.\n")
    add("```sh")
    if "a" in cases:
        add(f"# (a)\n{results['a-tl'].cmd_display} $FILES")
        add(f"{show(yl.cmd([], ['--prh', str(args.prh_dict), '--select', 'preferred-term']))} $FILES"
            + ("" if yl.has_prh else "   # not available yet"))
    for key in ("a-yl1",):
        if key in results:
            add(f"{results[key].cmd_display} $FILES")
    if "b-yl" in results:
        add(f"# (b), (d)\n{results['b-yl'].cmd_display} $FILES")
        for key in ("b-yl1", "b-ylw"):
            if key in results:
                add(f"{results[key].cmd_display} $FILES"
                    + ("   # run from bench/.cache/warm after one untimed run" if key == "b-ylw" else ""))
        add(f"{results['b-tl'].cmd_display} $FILES")
    if "c" in cases:
        add(f"# (c)\n{results['c-yl'].cmd_display} {rel(args.small_file)}\n{results['c-tl'].cmd_display} {rel(args.small_file)}")
    add(f"# config files\n# {rel(cfg_a)}: {cfg_a.read_text().strip()}\n# {rel(cfg_b)}: {cfg_b.read_text().strip()}")
    add("```\n")
    add("All commands run from the empty folder `bench/.cache/cwd` (so no configuration file or result cache "
        "from the repository is picked up; file paths are absolute).\n")
    batched = [m for m in results.values() if m and m.batches > 1]
    if batched:
        add("Some file lists were longer than the argument limit and were split into batches; their times are the "
            "sum of the batches: " + ", ".join(f"{m.label} {m.tool} ({m.batches})" for m in batched) + ".\n")

    add("## Results\n")
    add("Wall time in seconds (median of the runs; range min–max); CPU s: user + system time of all the "
        "tool's threads and processes (median); peak MB: resident memory of the largest single process; "
        "tree MB (processes): peak summed PSS of the whole process tree, which counts yogolint's worker "
        "processes and shares pages they share with their parent fairly; findings. Ratios are of wall-time "
        "medians (tree MB is left out for runs under 1 s: the 0.1 s sampling misses most of them); the CPU-time ratio is the cross-check when the machine was busy, and the per-core comparison "
        "(`-j 1` rows) when yogolint uses both cores.\n")
    loads = [r.load for m in results.values() if m for r in m.runs]
    if loads:
        add(f"Machine load while measuring (1-minute load average after each run, {os.cpu_count()} cores): "
            f"median {statistics.median(loads):.1f}, max {max(loads):.1f}. The tool being measured accounts for about 1 of it (textlint a little more: Node's helper threads); "
            "more than that means other processes competed for the cores and wall times are inflated.\n")
    add("| case | tool | input | runs | median s | range s | CPU s | peak MB | tree MB (processes) | findings |")
    add("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    mb_full = f"{len(full)} files, {size_mb(all_files):.1f} MB"
    if "a" in cases:
        add(row(results["a-tl"], mb_full))
        add(row(results["a-yl"], mb_full) if results["a-yl"] else
            f"| (a) prh dict | yogolint | {mb_full} | – | not available yet | – | – | – | – | – |")
        if "a-yl1" in results:
            add(row(results["a-yl1"], mb_full))
    if "b-yl" in results:
        for key in ("b-yl", "b-yl1", "b-ylw", "b-tl"):
            if key in results:
                add(row(results[key], mb_full))
    if "c" in cases:
        small_desc = f"1 file, {args.small_file.stat().st_size / 1000:.1f} kB"
        add(row(results["c-yl"], small_desc))
        add(row(results["c-tl"], small_desc))
        add(row(results["c-ver"], "none"))
    add("")

    if "a" in cases:
        a_tl = results["a-tl"]
        add(f"Findings on (a): textlint + prh reports **{a_tl.findings:,}** in {a_tl.files_with_findings} of "
            f"{a_tl.files_reported} files; yogolint: "
            + (f"**{results['a-yl'].findings:,}** in {results['a-yl'].files_with_findings} files."
               if results["a-yl"] else "not available yet (`--prh` missing)."))
        if results["a-yl"]:
            try:
                tk, yk = finding_positions(a_tl), finding_positions(results["a-yl"])
                add(f"By position (file, line, column; textlint's UTF-16 columns converted to code points): "
                    f"{len(tk & yk):,} reported by both, {len(tk - yk):,} only by textlint, {len(yk - tk):,} only by "
                    "yogolint (`bench/.cache/out/` holds both outputs; each difference is explained in "
                    "`tests/fixtures/prh/DIFFERENCES.md`).")
            except (OSError, ValueError, KeyError) as exc:
                add(f"(Position comparison failed: {exc})")
        add("")
    if "b-yl" in results:
        by, bt = results["b-yl"], results["b-tl"]
        add(f"Findings on (b): yogolint **{by.findings}** (all five rules) in {by.files_with_findings} files; "
            f"textlint **{bt.findings}** (exported deprecated spellings only) in {bt.files_with_findings} files. "
            "The corpus is software documentation, not CRM writing, so yogolint's CRM glossary has few hits; "
            "the two tools do not do the same work here (yogolint also runs Sudachi word checks and four "
            "context rules), so (b) compares *the tool a team would run*, not equal algorithms.\n")

    if scale:
        add("### (d) Scaling\n")
        add("| input | files | MB | yogolint median s | textlint median s | ratio | yogolint CPU s | textlint CPU s "
            "| yogolint tree MB | textlint peak MB |")
        add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for name, sub, y, t in scale:
            add(f"| {name} | {len(sub)} | {size_mb(sub):.1f} | {y.median:.2f} | {t.median:.2f} | "
                f"{t.median / y.median:.1f}× | {y.cpu_median:.2f} | {t.cpu_median:.2f} | "
                f"{max(y.tree_mb, y.peak_mb):.0f} | {t.peak_mb:.0f} |")
        xs = [size_mb(sub) for _, sub, _, _ in scale]
        for tool, idx in (("yogolint", 2), ("textlint", 3)):
            ys = [s[idx].median for s in scale]
            a, b, r2 = fit_line(xs, ys)
            per_mb = [y / x for x, y in zip(xs, ys)]
            add(f"\n- {tool}: time ≈ {a:.2f} s + {b:.2f} s/MB (least squares over the three sizes, r² = {r2:.3f}); "
                f"average time per MB (time ÷ size) " + ", ".join(f"{v:.2f}" for v in per_mb) + " s/MB at 1/4, 1/2, full.")
        add("\nA straight line with r² close to 1 means the cost grows linearly with the input; the intercept is "
            "start-up (interpreter, imports, dictionary / automaton build).\n")

    add("## Targets\n")
    add("| target | measured | status |")
    add("|---|---|---|")
    if "a" in cases:
        if results["a-yl"]:
            sp = results["a-tl"].median / results["a-yl"].median
            cp = results["a-tl"].cpu_median / results["a-yl"].cpu_median
            one = (f"; per core (`-j 1`): {results['a-tl'].median / results['a-yl1'].median:.1f}×"
                   if "a-yl1" in results else "")
            add(f"| (a) yogolint ≥ {TARGET_SPEEDUP:.0f}× faster than textlint + prh | {sp:.1f}× wall ({cp:.1f}× CPU{one}) | "
                f"{met(sp >= TARGET_SPEEDUP)} |")
        else:
            add(f"| (a) yogolint ≥ {TARGET_SPEEDUP:.0f}× faster than textlint + prh | yogolint `--prh` not available yet | n/a |")
    if "b-yl" in results:
        sp = results["b-tl"].median / results["b-yl"].median
        cp = results["b-tl"].cpu_median / results["b-yl"].cpu_median
        one = (f"; per core (`-j 1`): {results['b-tl'].median / results['b-yl1'].median:.1f}×"
               if "b-yl1" in results else "")
        warm = (f"; warm cache: {results['b-tl'].median / results['b-ylw'].median:.0f}×" if "b-ylw" in results else "")
        add(f"| (b) yogolint ≥ {TARGET_SPEEDUP:.0f}× faster than textlint + prh | {sp:.1f}× wall ({cp:.1f}× CPU{one}{warm}) | "
            f"{met(sp >= TARGET_SPEEDUP)} |")
    if "c" in cases:
        c = results["c-yl"].median
        add(f"| (c) one file < {TARGET_SMALL_S} s (median) | {c:.3f} s | {met(c < TARGET_SMALL_S)} |")
    peaks = [m for k, m in results.items() if m and k in ("a-yl", "a-yl1", "b-yl", "b-yl1")]
    if peaks:
        pk = max(max(m.peak_mb, m.tree_mb) for m in peaks)
        worst = max(peaks, key=lambda m: max(m.peak_mb, m.tree_mb))
        add(f"| yogolint peak memory < {TARGET_PEAK_MB:.0f} MB on the full corpus | {pk:.0f} MB "
            f"(worst of largest process and process tree; {worst.label}, {worst.tool}) | "
            f"{met(pk < TARGET_PEAK_MB) if not args.quick else 'n/a (quick run)'} |")
    add("")

    add("## Profile\n")
    if profiles:
        add(f"yogolint under `py-spy record --format raw --rate {args.profile_rate}` (sampling; one run each; "
            "py-spy slows the run a little). Time spent inside native extensions (SudachiPy's Rust tokenizer, "
            "the Aho-Corasick automaton) is counted as self time of the Python function that called them. "
            "Raw stacks: `bench/.cache/profile-*.txt`; flame graphs: `bench/profile.svg` (case b) and "
            "`bench/profile-a.svg` (case a), open them in a browser.\n")
        add("<!-- PROFILE-NOTES -->\n")
        titles = {"b": "### Case (b): built-in glossary, all rules, full corpus\n",
                  "a": "### Case (a): `--prh WEB+DB_PRESS.yml --select preferred-term`, full corpus\n"}
        for name in ("b", "a"):
            if name in profiles:
                add(titles[name])
                add(profiles[name])
    else:
        add("Not run (py-spy not installed in the venv, `--no-profile`, or `--quick`). "
            "`.venv/bin/pip install py-spy`, then re-run.\n")

    output.parent.mkdir(parents=True, exist_ok=True)
    notes_file = BENCH / "profile-notes.md"
    text = "\n".join(L) + "\n"
    if profiles and notes_file.exists():
        text = text.replace("<!-- PROFILE-NOTES -->", "### Reading of the profile: what to optimise\n\n" + notes_file.read_text().strip())
    else:
        text = text.replace("<!-- PROFILE-NOTES -->\n", "")
    output.write_text(text, encoding="utf-8")
    log(f"wrote {rel(output)}")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
