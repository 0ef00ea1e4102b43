"""Paths on the command line → the files to lint, in a stable order."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from linter.display import printable_path
from linter.documents import MARKDOWN_SUFFIXES, TEXT_SUFFIXES
from linter.gitignore import GitIgnore, repository_root
from linter.globs import compiled

SKIPPED_DIRS = {"node_modules", ".git", ".venv", "venv", "__pycache__", ".yogolint_cache"}
LINTED_SUFFIXES = MARKDOWN_SUFFIXES + TEXT_SUFFIXES


@dataclass(frozen=True)
class FileTarget:
    path: Path
    shown: str  # as the user gave it, joined with the walked relative path


@dataclass
class Walk:
    targets: list[FileTarget]
    errors: list[str]
    total_bytes: int = 0  # of the targets: decides workers and automaton kind


def collect(paths: list[str], exclude: Sequence[str] = ()) -> Walk:
    targets: list[FileTarget] = []
    errors: list[str] = []
    seen: dict = {}  # (device, inode) → size
    for given in paths:
        path = Path(given)
        try:
            info = os.stat(path)  # one call answers: there? a folder? which file?
        except (FileNotFoundError, NotADirectoryError):
            errors.append(f"{printable_path(given)}: no such file or directory")
            continue
        except OSError as exc:
            errors.append(f"{printable_path(given)}: cannot read ({exc.strerror or exc})")
            continue
        if stat.S_ISDIR(info.st_mode):
            for target in _walk(path, given):
                if not _excluded(target, exclude):
                    _add(target, targets, seen)
        else:
            # A file named explicitly is linted whatever its suffix (pre-commit
            # passes exactly the files it wants checked).
            _add(FileTarget(path, printable_path(given)), targets, seen, info)
    return Walk(targets, errors, sum(seen.values()))


def _excluded(target: FileTarget, exclude: Sequence[str]) -> bool:
    if not exclude:
        return False
    spec = compiled(tuple(exclude))
    # The path is as given (`../docs/a.md`), not relative to a root: a glob
    # may match it from any folder down. The last glob matching any of those
    # decides, so `--exclude '!…'` takes back what an earlier one excluded.
    parts = target.shown.replace(os.sep, "/").split("/")
    results = [spec.check_file("/".join(parts[i:])) for i in range(len(parts))]
    decided = [r for r in results if r.include is not None]
    return max(decided, key=lambda r: r.index).include if decided else False


def _add(target: FileTarget, targets: list[FileTarget], seen: dict, info: os.stat_result | None = None) -> None:
    # The same file reached twice (overlapping arguments, a symlink) is linted
    # once. One stat names it; resolving the path would lstat every folder.
    try:
        info = info or os.stat(target.path)
        key: tuple[int, int] | Path = (info.st_dev, info.st_ino)
        size = info.st_size
    except OSError:
        key, size = target.path.absolute(), 0
    if key not in seen:
        seen[key] = size
        targets.append(target)


def _walk(root: Path, shown_root: str):
    found = []
    repo = repository_root(root)
    ignore = GitIgnore(repo) if repo is not None else None
    # A stack, not recursion: 500 nested folders are a valid tree. Directory
    # symlinks are not followed, so a symlink loop cannot trap the walk.
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue  # as os.walk: a folder that cannot be listed is skipped
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if entry.is_symlink() or name.startswith(".") or name in SKIPPED_DIRS:
                    continue
                if ignore and ignore.ignored(Path(entry.path), is_dir=True):
                    continue
                pending.append(Path(entry.path))
            elif name.lower().endswith(LINTED_SUFFIXES) and not name.startswith("."):
                full = Path(entry.path)
                if ignore and ignore.ignored(full):
                    continue
                rel = str(full.relative_to(root))
                shown = os.path.join(shown_root, rel) if shown_root != "." else rel
                found.append(FileTarget(full, printable_path(shown)))
    found.sort(key=lambda t: t.shown)
    return found
