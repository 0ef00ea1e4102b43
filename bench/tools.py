"""The two tools under test: how yogolint and textlint + prh are installed,
invoked and their JSON output counted."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from harness import CACHE, capture, log, rel

NODE_DIR = CACHE / "node"
TEXTLINT_SPEC = "textlint@14"
PRH_RULE_SPEC = "textlint-rule-prh@6"


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
        subprocess.run(
            [self.npm, "install", "--no-audit", "--no-fund", "--loglevel=error", TEXTLINT_SPEC, PRH_RULE_SPEC],
            cwd=NODE_DIR,
            check=True,
        )

    @staticmethod
    def config(name: str, dictionary: Path) -> Path:
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
