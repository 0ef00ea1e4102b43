"""Findings in the tools' outputs: positions (textlint's UTF-16 columns
converted to code points) for comparing the two tools' results."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

from harness import Measure


def finding_positions(m: Measure) -> set[tuple[str, int, int]]:
    """(absolute path, line, column) of every finding in a measure's last output (both 1-based)."""
    keys = set()
    for out in m.outputs:
        data = json.loads(out.read_text(encoding="utf-8") or "[]")
        if isinstance(data, dict):  # yogolint
            for d in data.get("diagnostics", []):
                keys.add((os.path.abspath(d["path"]), d["line"], d["column"]))
        else:  # textlint
            for result in data:
                path = os.path.abspath(result["filePath"])
                for msg in result.get("messages", []):
                    keys.add((path, msg["line"], _code_point_column(path, msg["line"], msg["column"])))
    return keys


@functools.lru_cache(maxsize=64)
def _lines(path: str) -> list[str]:
    return Path(path).read_text(encoding="utf-8", errors="replace").split("\n")


def _code_point_column(path: str, line: int, column: int) -> int:
    """textlint counts columns in UTF-16 code units (JavaScript strings), so an
    emoji earlier on the line shifts it by one; yogolint counts code points."""
    try:
        text = _lines(path)[line - 1]
    except (OSError, IndexError):
        return column
    units = 0
    for index, char in enumerate(text):
        if units >= column - 1:
            return index + 1
        units += 2 if ord(char) > 0xFFFF else 1
    return column
