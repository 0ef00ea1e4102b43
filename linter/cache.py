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
import stat
import time
from functools import lru_cache
from pathlib import Path

from linter import __version__
from linter.atomic import UnsafePath, write_atomically
from linter.diagnostics import SEVERITIES, Diagnostic, Edit
from linter.source import read_regular

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
    """Size and mtime of the engine's own files (and of the spelling table it
    ships): an edited checkout (between releases, the version does not
    change) must not be served old results."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*package.rglob("*.py"), *(package / "data").glob("*.gz")]):
        stat = path.stat()
        digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


class ResultCache:
    """Entries are found by a key that mixes in a secret of this user (see
    _secret): a repository that ships a `.yogolint_cache/` cannot plant
    entries that would be served (a `[]` would hide every finding). What is
    read is still validated, and dropped (then recomputed) unless every field
    has the type and range it must have. Nothing is ever written through a
    symlink: a cache folder that is a symlink or belongs to another user is
    not used at all."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.hits = 0
        self.misses = 0
        self.usable = _safe_folder(folder)
        self._secret = _secret() if self.usable else b""

    def key(self, data: bytes, settings: str, shown: str) -> str:
        digest = hashlib.sha256()
        for part in (self._secret, _environment().encode(), settings.encode(), shown.encode(), data):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Diagnostic] | None:
        if not self.usable:
            return None
        try:
            raw = json.loads(read_regular(self._path(key), _ENTRY_LIMIT).decode("utf-8"))
            found = _entry(raw, key)
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            found = None
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        return found

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        if not self.usable:
            return
        try:
            self._prepare()
            target = self._path(key)
            _make_folder(target.parent)
            data = json.dumps({"key": key, "diagnostics": [_record(d) for d in diagnostics]}, ensure_ascii=False)
            write_atomically(target, data.encode("utf-8"), fsync=False, follow_symlinks=False, trusted=self.folder)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def _prepare(self) -> None:
        if (self.folder / "CACHEDIR.TAG").exists():
            return
        _make_folder(self.folder)
        for name, text in ((".gitignore", "# Created by yogolint.\n*\n"), ("CACHEDIR.TAG", _TAG)):
            write_atomically(
                self.folder / name, text.encode("utf-8"), fsync=False, follow_symlinks=False, trusted=self.folder
            )

    def prune(self, limit: int | None = None) -> None:
        """Keep the cache under `limit` bytes (default CACHE_LIMIT): the
        oldest entries go first. Checked at most once a day (a marker
        file's age says when), so a run does not walk the cache."""
        if not self.usable or not self.folder.is_dir():
            return
        marker = self.folder / ".pruned"
        try:
            if limit is None and time.time() - os.lstat(marker).st_mtime < _PRUNE_EVERY:
                return
        except FileNotFoundError:
            pass
        except OSError:
            return
        limit = CACHE_LIMIT if limit is None else limit
        entries = []
        for sub in self.folder.iterdir():
            if len(sub.name) != 2 or sub.is_symlink() or not sub.is_dir():
                continue
            for entry in sub.iterdir():
                try:
                    info = os.lstat(entry)
                except OSError:
                    continue
                if stat.S_ISREG(info.st_mode):
                    entries.append((info.st_mtime, info.st_size, entry))
        total = sum(size for _, size, _ in entries)
        for _, size, entry in sorted(entries):
            if total <= limit:
                break
            try:
                entry.unlink()  # unlink removes a name; it never follows one
            except OSError:
                continue
            total -= size
        try:
            write_atomically(marker, b"", fsync=False, follow_symlinks=False, trusted=self.folder)
        except OSError:
            pass


CACHE_LIMIT = 256 * 1024 * 1024
_PRUNE_EVERY = 24 * 3600
_ENTRY_LIMIT = 64 * 1024 * 1024


def _safe_folder(folder: Path) -> bool:
    """A cache folder must be a real folder of this user (or not exist yet,
    under a parent that is not a symlink)."""
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        return False
    return not hasattr(os, "geteuid") or info.st_uid == os.geteuid()


def _make_folder(folder: Path) -> None:
    try:
        os.mkdir(folder, 0o755)
    except FileExistsError:
        info = os.lstat(folder)
        if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
            raise UnsafePath(40, "is not a folder (a symlink?); not used", str(folder)) from None
        if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            raise UnsafePath(1, "is not owned by the current user; not used", str(folder)) from None


@lru_cache(maxsize=1)
def _secret() -> bytes:
    """32 random bytes kept in the user's cache folder (0600), made once."""
    from linter.user_cache import user_cache_dir

    base = user_cache_dir()
    if base is None:
        return os.urandom(32)  # no user cache: entries are good for this run only
    path = base / "result-cache.key"
    stored = _stored_key(path)
    if stored is not None:
        return stored
    data = os.urandom(32)
    try:
        base.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except FileExistsError:  # another run made it first: use theirs
        return _stored_key(path) or data
    except OSError:
        pass
    return data


def _stored_key(path: Path) -> bytes | None:
    """The 32-byte key in `path`, or None when it is missing or not a key."""
    try:
        data = read_regular(path, 1024)
    except OSError:
        return None
    return data if len(data) == 32 else None


def _record(d: Diagnostic) -> dict:
    record = d.to_json()
    record.update(start=d.start, end=d.end)
    if d.fix is not None:
        record["fix"] = [d.fix.start, d.fix.end, d.fix.replacement, d.fix.safe]
    return record


_STRINGS = ("path", "rule", "term", "message")
_COUNTS = ("start", "end", "line", "column", "end_line", "end_column")


def _entry(raw, key: str) -> list[Diagnostic] | None:
    """The diagnostics of a cache entry, or None when anything is off."""
    if not isinstance(raw, dict) or raw.get("key") != key or not isinstance(raw.get("diagnostics"), list):
        return None
    out = []
    for r in raw["diagnostics"]:
        d = _diagnostic(r)
        if d is None:
            return None
        out.append(d)
    return out


def _diagnostic(r) -> Diagnostic | None:
    if not isinstance(r, dict):
        return None
    if not all(isinstance(r.get(k), str) for k in _STRINGS) or r.get("severity") not in SEVERITIES:
        return None
    if not all(type(r.get(k)) is int and r[k] >= 0 for k in _COUNTS):
        return None
    if r["start"] > r["end"] or r["line"] < 1 or r["column"] < 1:
        return None
    suggestions = r.get("suggestions")
    if not isinstance(suggestions, list) or not all(isinstance(x, str) for x in suggestions):
        return None
    fix = r.get("fix")
    if fix is not None:
        if (
            not isinstance(fix, list)
            or len(fix) != 4
            or type(fix[0]) is not int
            or type(fix[1]) is not int
            or not isinstance(fix[2], str)
            or type(fix[3]) is not bool
            or not r["start"] <= fix[0] <= fix[1] <= r["end"]
        ):
            return None
        fix = Edit(fix[0], fix[1], fix[2], fix[3])
    return Diagnostic(
        path=r["path"],
        rule=r["rule"],
        severity=r["severity"],
        term=r["term"],
        message=r["message"],
        start=r["start"],
        end=r["end"],
        line=r["line"],
        column=r["column"],
        end_line=r["end_line"],
        end_column=r["end_column"],
        suggestions=list(suggestions),
        fix=fix,
    )
