"""py-spy profiles of one yogolint run, summarised as Markdown tables."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from harness import BENCH, CACHE, ROOT, RUN_CWD, log, rel
from tools import Yogolint


def profile_yogolint(yl: Yogolint, files_list: Path, pyspy: Path, rate: int, name: str, extra: list[str]) -> str | None:
    """py-spy on one yogolint run; returns the Markdown summary (raw stacks and a flame graph are kept)."""
    raw = CACHE / f"profile-{name}.txt"
    svg = BENCH / ("profile.svg" if name == "b" else f"profile-{name}.svg")
    files = files_list.read_text().split("\n")[:-1]
    # one process (-j 1), no result cache: the profile shows the work itself
    target = [str(yl.python), "-m", "linter", *yl.cmd(files, extra, jobs=1)[1:]]
    for fmt, out_file in (("raw", raw), ("flamegraph", svg)):
        log(f"profiling yogolint (case {name}) with py-spy → {rel(out_file)} …")
        with (CACHE / "out" / f"profile-{name}-stdout.json").open("wb") as out:
            proc = subprocess.run(
                [str(pyspy), "record", "--format", fmt, "--rate", str(rate), "-o", str(out_file), "--", *target],
                cwd=RUN_CWD,
                stdout=out,
                stderr=subprocess.PIPE,
            )
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

    return (
        f"{grand} samples.\n\n**Self time** (the function itself, not its callees):\n\n"
        + table(self_t, "function (file)", False)
        + "\n**Inclusive time** (the function and everything it calls; entries near 100 % omitted):\n\n"
        + table(total_t, "function (file)", True)
    )
