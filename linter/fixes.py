"""Fixes are data (edits); this is the one place that applies them and writes
files back. A file keeps its encoding, BOM and line endings, and is replaced
atomically (temporary file in the same folder, then rename)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from linter.diagnostics import Diagnostic, Edit


def chosen_edits(text: str, edits: list[Edit]) -> list[Edit]:
    """The edits that change something, in order, without overlaps (the first
    one wins)."""
    chosen: list[Edit] = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor or text[edit.start:edit.end] == edit.replacement:
            continue
        chosen.append(edit)
        cursor = edit.end
    return chosen


def edited_text(text: str, chosen: list[Edit]) -> str:
    """`text` with `chosen` (from chosen_edits: sorted, not overlapping) applied."""
    out: list[str] = []
    cursor = 0
    for edit in chosen:
        out.append(text[cursor:edit.start])
        out.append(edit.replacement)
        cursor = edit.end
    out.append(text[cursor:])
    return "".join(out)


def fixable(diagnostics: list[Diagnostic], unsafe: bool = False) -> list[Edit]:
    """The edits a run applies: the safe ones, and the unsafe ones on request."""
    return [d.fix for d in diagnostics if d.fix is not None and (d.fix.safe or unsafe)]


def write_atomically(path: Path, data: bytes) -> None:
    folder = path.parent
    # a new file gets the mode any program would create it with (0666 less
    # the umask), not mkstemp's private 0600
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".yogolint-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it: put it back at once
    os.umask(mask)
    return mask
