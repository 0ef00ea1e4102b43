"""Benchmark harness: processes, wall and CPU time, peak memory, file lists.

Nothing here knows a tool or a case: `timed` runs one command and measures
it, `measure` repeats it (with one untimed warm-up run) and keeps the outputs.
"""

from __future__ import annotations

import hashlib
import os
import platform
import re
import shlex
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
    wall: float  # seconds
    peak_kb: int  # max RSS of the child, KiB
    rc: int
    cpu: float = 0.0  # user + system seconds of the child (all its threads and processes)
    tree_kb: int = 0  # peak summed PSS of the process tree (sampled), KiB
    procs: int = 1  # most processes seen at once in the tree
    load: float = 0.0  # 1-minute load average when the run ended (other work on the machine)


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


def measure(
    label: str, tool: str, build, files: list[str], runs: int, counter, cwd: Path = RUN_CWD, prime: bool = False
) -> Measure:
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
        log(
            f"  {label:<28} {tool:<9} run {i + 1}/{runs}: {total_wall:7.2f} s wall {total_cpu:7.2f} s cpu "
            f"{peak / 1024:6.0f} MB  (load {load:.1f})"
        )
    m.findings, m.files_with_findings, m.files_reported = counter(outs)
    m.outputs = outs
    return m


def corpus_files(corpus: Path) -> list[Path]:
    """Every Markdown file, sorted by path (both tools get exactly this list)."""
    files = [
        p
        for p in corpus.rglob("*.md")
        if not any(part.startswith(".") or part == "node_modules" for part in p.relative_to(corpus).parts)
    ]
    return sorted(files, key=lambda p: str(p.relative_to(corpus)))


def write_list(name: str, files: list[Path]) -> Path:
    path = CACHE / "lists" / f"{name}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{f}\n" for f in files))
    return path


def size_mb(files: list[Path]) -> float:
    return sum(f.stat().st_size for f in files) / 1e6


def code_fingerprint() -> str:
    """A hash of yogolint's code and data (linter/, glossary/, rules/): the benchmark checks it did not
    change while it ran (with an editable install, an edit mid-run would mix two versions)."""
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
    return [f"- cores: {os.cpu_count()} ({cpu})", f"- memory: {mem}", f"- OS: {platform.platform()}"]
