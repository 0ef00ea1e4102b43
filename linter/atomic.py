"""Writing files so that a crash, a full disk or a hostile repository cannot
cost the user data. The one writer for fixes, reports (-o) and both caches.

- A regular file is replaced atomically: a temporary file in the same folder
  (created exclusively, so it never follows a planted symlink), written,
  optionally fsynced, given the old file's mode and owner, then renamed over
  it. The temporary file is removed when anything fails, Ctrl-C and SIGTERM
  included.
- A symlink is written through: its target is replaced, the link stays.
- A file with more than one hard link is rewritten in place (truncate and
  write: not atomic) so that every name keeps seeing the same inode.
- A device or FIFO (`-o /dev/null`, a pipe) is written through, never replaced.
- `follow_symlinks=False` (the caches) refuses a symlink anywhere under the
  trusted folder instead of following it.
"""

from __future__ import annotations

import os
import signal
import stat
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".yogolint-tmp"


class UnsafePath(OSError):
    """A path yogolint refuses to write through (a symlink in a cache)."""


def write_atomically(
    path: Path, data: bytes, *, fsync: bool = True, follow_symlinks: bool = True, trusted: Path | None = None
) -> None:
    """Write `data` to `path` as described above. With follow_symlinks=False,
    every component from `trusted` (a folder the caller checked) down to the
    file must be a real folder/file of this user, never a symlink."""
    path = Path(path)
    if not follow_symlinks:
        _refuse_links(path, trusted)
    else:
        path = Path(os.path.realpath(path)) if os.path.islink(path) else path
    try:
        info = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISLNK(info.st_mode):
            raise UnsafePath(40, "is a symbolic link; not written", str(path))
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        _write_through(path, data)  # a device, a FIFO: write to it, never replace it
        return
    if info is not None and info.st_nlink > 1 and follow_symlinks:
        _write_in_place(path, data)
        return
    _replace(path, data, info, fsync)


def _refuse_links(path: Path, trusted: Path | None) -> None:
    chain = [path]
    if trusted is not None:
        folder = trusted
        chain.append(folder)
        for name in path.parent.relative_to(trusted).parts:
            folder = folder / name
            chain.append(folder)
    for part in chain:
        try:
            info = os.lstat(part)
        except FileNotFoundError:
            continue
        if stat.S_ISLNK(info.st_mode):
            raise UnsafePath(40, "is a symbolic link; not written", str(part))
        if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
            raise UnsafePath(1, "is not owned by the current user; not written", str(part))


def _write_through(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)


def _write_in_place(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "wb") as handle:
        handle.truncate(0)
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _replace(path: Path, data: bytes, info: os.stat_result | None, fsync: bool) -> None:
    with _cleanup_on_signals():
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                if fsync:
                    os.fsync(handle.fileno())
            if info is None:  # a new file: the mode any other program would give it, not mkstemp's 0600
                os.chmod(tmp, 0o666 & ~_umask())
            else:
                os.chmod(tmp, stat.S_IMODE(info.st_mode))
                if hasattr(os, "chown") and (info.st_uid, info.st_gid) != _owner(tmp):
                    try:
                        os.chown(tmp, info.st_uid, info.st_gid)
                    except PermissionError:
                        pass  # not ours to give away: the file keeps the writer's owner, as editors do
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise


def _umask() -> int:
    mask = os.umask(0o22)  # reading the umask means setting it: put it back at once
    os.umask(mask)
    return mask


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


class _cleanup_on_signals:
    """SIGTERM (the pool tearing workers down, `kill`) becomes an exception
    while a temporary file exists, so `finally` removes it. Only in the main
    thread, where signal handlers can be set."""

    def __enter__(self):
        self.previous = None
        try:
            if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
                self.previous = signal.signal(signal.SIGTERM, _raise_terminated)
        except ValueError:  # not the main thread
            pass
        return self

    def __exit__(self, *exc):
        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)
        return False


class Terminated(BaseException):
    """SIGTERM arrived while a temporary file was open."""


def _raise_terminated(signum, frame):
    raise Terminated()
