"""The user's cache folder, where what is kept across runs lives: parsed
YAML (`yaml/`), validated glossaries (`glossary/`), compiled prh
dictionaries (`prh/`), the spelling table of another Sudachi dictionary
(`spellings/`) and the result cache's key (`result-cache.key`)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def user_cache_dir() -> Path | None:
    """$YOGOLINT_CACHE_DIR (empty: no cache), else $XDG_CACHE_HOME/yogolint or
    ~/.cache/yogolint."""
    configured = os.environ.get("YOGOLINT_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "yogolint"


def user_cache_folder(name: str) -> Path | None:
    """One cache's folder in the user cache; None when caching is off."""
    base = user_cache_dir()
    return base / name if base is not None else None


def code_digest(format_name: str, files: list[Path]) -> bytes:
    """Of a stored shape's name and the code that makes what is stored: a
    change to either makes every entry stale."""
    digest = hashlib.sha256(format_name.encode())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()
