"""What a terminal shows: display columns of text and whether to colour.

A terminal gives East Asian wide and fullwidth characters two columns,
combining marks none, and moves a tab to the next tab stop; a marker under a
term is only under the term when it is counted the same way. Ambiguous-width
characters (…, ○) count as one column, as in most terminals outside a CJK
legacy locale.
"""

from __future__ import annotations

import os
import unicodedata

TAB_STOP = 4  # as ruff shows a tab: the marker lines up whatever the terminal's tab stops
ELLIPSIS = "..."  # ASCII: "…" is ambiguous-width, two columns in some Japanese terminals


_WIDTHS: dict[str, int] = {}  # a document uses a few thousand distinct characters: ask unicodedata once each


def char_width(char: str) -> int:
    width = _WIDTHS.get(char)
    if width is None:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            width = 0
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            width = 2
        else:
            width = 1
        _WIDTHS[char] = width
    return width


def display_cells(line: str) -> list[tuple[str, int]]:
    """Each character of `line` as (what to print, columns): a tab becomes
    the spaces to the next tab stop and another control character a space,
    so the printed line and its marker line agree."""
    cells = []
    column = 0
    widths = _WIDTHS
    for char in line:
        if char == "\t":
            shown = " " * (TAB_STOP - column % TAB_STOP)
            width = len(shown)
        elif char < " " or char == "\x7f":
            shown, width = " ", 1
        else:
            shown = char
            known = widths.get(char)
            width = char_width(char) if known is None else known
        cells.append((shown, width))
        column += width
    return cells


def display_width(text: str) -> int:
    return sum(width for _, width in display_cells(text))


def excerpt(line: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """`line` as printed, cut to at most `width` columns around the span
    `line[start:end]` (code points), and the span's (first column, columns)
    in what is printed; a cut end shows "..."."""
    cells = display_cells(line)
    start = min(max(start, 0), len(cells))
    end = min(max(end, start), len(cells))
    offsets = [0]
    for _, w in cells:
        offsets.append(offsets[-1] + w)
    total = offsets[-1]
    span_from, span_to = offsets[start], offsets[end]
    lo, hi = 0, total
    if total > width:
        room = max(width - 2 * len(ELLIPSIS), 1)
        span = span_to - span_from
        if span >= room:
            lo = span_from
        else:
            lo = max(0, span_from - (room - span) // 2)
        hi = min(total, lo + room)
        lo = max(0, min(lo, hi - room))
    first = next(i for i in range(len(cells) + 1) if offsets[i] >= lo)
    last = max((i for i in range(first, len(cells) + 1) if offsets[i] <= hi), default=first)
    shown = "".join(text for text, _ in cells[first:last])
    prefix = ELLIPSIS if first > 0 else ""
    suffix = ELLIPSIS if last < len(cells) else ""
    lead = len(prefix) + max(0, offsets[max(start, first)] - offsets[first])
    columns = max(0, offsets[min(max(end, first), last)] - offsets[max(start, first)])
    return prefix + shown + suffix, lead, columns


def use_color(choice: str, is_terminal: bool, environ=os.environ) -> bool:
    """--color always|never wins; else NO_COLOR (any value) turns colour off,
    FORCE_COLOR (any value but "0") on, and otherwise only a terminal gets it
    (https://no-color.org, https://force-color.org)."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if environ.get("NO_COLOR"):
        return False
    force = environ.get("FORCE_COLOR")
    if force is not None and force != "0":
        return True
    return is_terminal and environ.get("TERM") != "dumb"


RESET = "\x1b[0m"
STYLES = {"bold": "1", "dim": "2", "red": "31", "yellow": "33", "blue": "34", "cyan": "36", "green": "32"}


def paint(text: str, *styles: str, enabled: bool = True) -> str:
    if not enabled or not styles or not text:
        return text
    codes = ";".join(STYLES[s] for s in styles)
    return f"\x1b[{codes}m{text}{RESET}"
