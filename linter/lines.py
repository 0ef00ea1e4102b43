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

    def bounds(self, offset: int) -> tuple[int, int]:
        """(start, end) of the line holding `offset`, end at its "\\n" (or the end of the text)."""
        index = bisect.bisect_right(self.starts, offset) - 1
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return self.starts[index], end

    def line_text(self, line: int) -> str:
        """The text of 1-based `line` without its line ending ("" past the end)."""
        if not 1 <= line <= len(self.starts):
            return ""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


# Indexes of the few texts in use at once (a document's text and its mask),
# for code that holds a text rather than its Source.
_RECENT: dict[int, LineIndex] = {}


def index_of(text: str) -> LineIndex:
    found = _RECENT.get(id(text))
    if found is not None and found.text is text:
        return found
    if len(_RECENT) >= 8:
        _RECENT.clear()
    found = _RECENT[id(text)] = LineIndex(text)
    return found


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the line holding `offset` in `text`. By bisection over
    the line starts, built once per text: scanning back and forth for "\\n"
    from every word made one long line quadratic (a 7.6 MB line took minutes)."""
    return index_of(text).bounds(offset)


def line_number(text: str, offset: int) -> int:
    """1-based line of `offset` in `text`."""
    return index_of(text).position(offset)[0]
