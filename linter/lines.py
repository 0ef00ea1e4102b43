"""One index of where each line starts: every offset → (line, column) and
every quoted line of the project goes through it (the engine's positions, the
text, HTML and SARIF reports), so they cannot disagree."""
from __future__ import annotations

import bisect


class LineIndex:
    """Lines of a text split at "\\n" (a "\\r" before it belongs to no line's
    text); offsets and columns are in code points, 1-based for people."""

    __slots__ = ("text", "starts")

    def __init__(self, text: str):
        self.text = text
        starts = [0]
        i = text.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        self.starts = starts

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based `line`."""
        return self.starts[line - 1]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        """The text of 1-based `line` without its line ending ("" past the end)."""
        if not 1 <= line <= len(self.starts):
            return ""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")
