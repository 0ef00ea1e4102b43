"""Results of unchanged files, kept in `.yogolint_cache/`.

Key: the file's bytes, the settings that produced the findings (glossary,
policy, prh dictionaries, rule selection), yogolint's and SudachiDict's
versions and the path as shown (diagnostics carry it). Entries are written
atomically, so two runs at once never see half a file.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from linter import __version__
from linter.diagnostics import Diagnostic, Edit

CACHE_DIR = ".yogolint_cache"
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by yogolint.\n"


@lru_cache(maxsize=1)
def _environment() -> str:
    from importlib import metadata

    try:
        dictionary = metadata.version("sudachidict-core")
    except metadata.PackageNotFoundError:
        dictionary = "?"
    return f"yogolint {__version__} / sudachidict-core {dictionary} / code {_code_signature()}"


def _code_signature() -> str:
    """Size and mtime of the engine's own files: an edited checkout (between
    releases, the version does not change) must not be served old results."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


class ResultCache:
    def __init__(self, folder: Path):
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def key(self, data: bytes, settings: str, shown: str) -> str:
        digest = hashlib.sha256()
        for part in (_environment().encode(), settings.encode(), shown.encode(), data):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Diagnostic] | None:
        try:
            raw = json.loads(self._path(key).read_text(encoding="utf-8"))
            found = [_diagnostic(d) for d in raw]
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        try:
            self._prepare()
            target = self._path(key)
            target.parent.mkdir(exist_ok=True)
            data = json.dumps([_record(d) for d in diagnostics], ensure_ascii=False)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def _prepare(self) -> None:
        if (self.folder / "CACHEDIR.TAG").exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".gitignore").write_text("# Created by yogolint.\n*\n", encoding="utf-8")
        (self.folder / "CACHEDIR.TAG").write_text(_TAG, encoding="utf-8")


def _record(d: Diagnostic) -> dict:
    record = d.to_json()
    record.update(start=d.start, end=d.end)
    if d.fix is not None:
        record["fix"] = [d.fix.start, d.fix.end, d.fix.replacement, d.fix.safe]
    return record


def _diagnostic(r: dict) -> Diagnostic:
    fix = r.get("fix")
    return Diagnostic(
        path=r["path"], rule=r["rule"], severity=r["severity"], term=r["term"], message=r["message"],
        start=r["start"], end=r["end"], line=r["line"], column=r["column"], end_line=r["end_line"],
        end_column=r["end_column"], suggestions=list(r["suggestions"]),
        fix=Edit(fix[0], fix[1], fix[2], fix[3]) if fix else None,
    )
