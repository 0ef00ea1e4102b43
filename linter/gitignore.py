"""Respect .gitignore (and .git/info/exclude) when walking a git work tree
(`linter.globs` reads the syntax)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from linter import globs
from linter.source import SETTINGS_FILE_LIMIT, read_regular


def repository_root(folder: Path) -> Path | None:
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


class GitIgnore:
    """Is a path ignored by any .gitignore between the repository root and it?"""

    def __init__(self, root: Path):
        self.root = root

    def ignored(self, path: Path, is_dir: bool = False) -> bool:
        try:
            # Cheap absolute path first; resolve symlinks only when that fails.
            rel = Path(os.path.abspath(path)).relative_to(self.root)
        except ValueError:
            try:
                rel = path.resolve().relative_to(self.root)
            except (ValueError, OSError, RuntimeError):
                return False
        folder = self.root
        verdict = False
        parts = rel.parts
        for depth in range(len(parts)):
            sub = "/".join(parts[depth:]) + ("/" if is_dir else "")
            # .git/info/exclude reads like the root's .gitignore, which overrides it
            files = (
                (self.root / ".git" / "info" / "exclude", folder / ".gitignore")
                if depth == 0
                else (folder / ".gitignore",)
            )
            for ignore_file in files:
                spec = _spec(ignore_file)
                if spec is not None:
                    result = spec.check_file(sub)
                    if result.include is not None:
                        verdict = result.include
            folder = folder / parts[depth]
        return verdict


@lru_cache(maxsize=4096)
def _spec(path: Path):
    if not path.is_file():
        return None
    try:
        lines = read_regular(path, SETTINGS_FILE_LIMIT).decode("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return globs.spec(lines)
