"""Code-point offsets of a text ↔ LSP positions (0-based line, character in
the code units the client negotiated: UTF-16 by default, where an emoji or any
character outside the BMP counts two; UTF-8 bytes; UTF-32 code points).

Lines end at `\\n`, `\\r\\n` or `\\r`, as the protocol says (not at the other
breaks `str.splitlines` knows, such as U+2028)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from lsprotocol import types

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _units_utf16(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _units_utf8(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


_UNITS: dict[str, Callable[[str], int]] = {
    types.PositionEncodingKind.Utf16: _units_utf16,
    types.PositionEncodingKind.Utf8: _units_utf8,
    types.PositionEncodingKind.Utf32: len,
}


class Positions:
    """One text's line map, in one position encoding."""

    def __init__(self, text: str, encoding: str | types.PositionEncodingKind | None = None):
        self.text = text
        self._units = _UNITS.get(encoding or types.PositionEncodingKind.Utf16, _units_utf16)
        self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def line_of(self, offset: int) -> int:
        """0-based line holding the code-point `offset`."""
        return bisect.bisect_right(self._starts, offset) - 1

    def line_start(self, line: int) -> int:
        return self._starts[min(max(line, 0), len(self._starts) - 1)]

    def line_end(self, line: int) -> int:
        """Offset of the line break ending 0-based `line` (or of the text's end)."""
        if line + 1 >= len(self._starts):
            return len(self.text)
        end = self._starts[line + 1]
        return end - (2 if self.text.startswith("\r\n", end - 2) else 1)

    def position(self, offset: int) -> types.Position:
        line = self.line_of(offset)
        start = self._starts[line]
        return types.Position(line=line, character=self._units(self.text[start:offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The code-point offset of a client position; a position past a
        line's end means its end, one past the last line the text's end (as
        the protocol asks), and one inside a character its start."""
        if position.line >= len(self._starts):
            return len(self.text)
        start, end = self._starts[position.line], self.line_end(position.line)
        if self._units is len:
            return min(start + position.character, end)
        used = 0
        for index in range(start, end):
            used += self._units(self.text[index])
            if used > position.character:
                return index
        return end
