"""Where to write a directive (linter.suppression) that silences one finding,
for the editor's "silence this finding" action.

`yogolint-disable-next-line RULE` goes on a line of its own just above the
finding's line. In Markdown that is only harmless above the first line of a
block: a comment line inside a paragraph would split it in two, and one
between table rows would end the table. So a finding on a paragraph's later
line, or in a table, is silenced with `disable RULE` … `enable RULE` around
that block instead. The inserted line keeps the block's indentation and, above
a list item that is not its list's first, the item's marker width, so that
it stays inside the list rather than ending it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.lsp_positions import Positions

_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*")
_LIST_MARKER = re.compile(r"(?:[-+*]|\d{1,9}[.)])[ \t]+")
_LEAVES = ("paragraph_open", "heading_open", "table_open", "html_block", "fence", "code_block")


@dataclass(frozen=True)
class Insertion:
    offset: int  # code-point offset in the text
    text: str


@dataclass(frozen=True)
class Silencing:
    scope: str  # "line", "paragraph" or "table"
    insertions: tuple[Insertion, ...]


def silence(text: str, markdown: bool, offset: int, rule: str) -> Silencing:
    """The insertions that silence `rule` for the finding at `offset`."""
    positions = Positions(text, "utf-32")
    line = positions.line_of(offset)
    if not markdown:
        directive = f"# yogolint-disable-next-line {rule}"
        return Silencing("line", (_line_above(text, positions, line, directive, _prefix(text, positions, line)),))
    tokens = _block_tokens(text)
    leaf = _leaf_at(tokens, line)
    if leaf is None or (leaf.type != "table_open" and leaf.map[0] == line):
        directive = f"<!-- yogolint-disable-next-line {rule} -->"
        return Silencing(
            "line", (_line_above(text, positions, line, directive, _lead_above(tokens, text, positions, line)),)
        )
    first, after = leaf.map
    opening = _line_above(
        text, positions, first, f"<!-- yogolint-disable {rule} -->", _lead_above(tokens, text, positions, first)
    )
    # below the block, still inside its list item (if any)
    width, _ = _list_marker(tokens, text, positions, first)
    closing = _line_below(
        text, positions, after - 1, f"<!-- yogolint-enable {rule} -->", _prefix(text, positions, first) + " " * width
    )
    return Silencing("table" if leaf.type == "table_open" else "paragraph", (opening, closing))


def _block_tokens(text: str):
    from linter.documents import _for_parser, _markdown_parser

    return _markdown_parser().parse(_for_parser(text))


def _leaf_at(tokens, line: int):
    """The innermost leaf block (paragraph, heading, table …) holding `line`."""
    found = None
    for token in tokens:
        if token.type in _LEAVES and token.map and token.map[0] <= line < token.map[1]:
            found = token
    return found


def _prefix(text: str, positions: Positions, line: int) -> str:
    """The line's indentation and block-quote markers."""
    prefix = _PREFIX.match(text, positions.line_start(line), positions.line_end(line))
    assert prefix is not None  # _PREFIX matches the empty string
    return prefix.group()


def _list_marker(tokens, text: str, positions: Positions, line: int) -> tuple[int, bool]:
    """(width of the list marker that starts an item on `line`, 0 if none;
    whether that item is its list's first)."""
    for index, token in enumerate(tokens):
        if token.type == "list_item_open" and token.map and token.map[0] == line:
            start, end = positions.line_start(line), positions.line_end(line)
            prefix = _PREFIX.match(text, start, end)
            assert prefix is not None  # _PREFIX matches the empty string
            at = prefix.end()
            marker = _LIST_MARKER.match(text, at, end)
            first = index > 0 and tokens[index - 1].type in ("bullet_list_open", "ordered_list_open")
            return (marker.end() - at if marker else 0), first
    return 0, False


def _lead_above(tokens, text: str, positions: Positions, line: int) -> str:
    """What goes before a directive above `line`: above an item that is not its
    list's first, the marker's width too (the directive then belongs to the
    item above, and the list goes on)."""
    width, first = _list_marker(tokens, text, positions, line)
    return _prefix(text, positions, line) + ("" if first else " " * width)


def _line_break(text: str, positions: Positions, line: int) -> str:
    end = positions.line_end(line)
    return "\r\n" if text.startswith("\r\n", end) else ("\r" if text.startswith("\r", end) else "\n")


def _line_above(text: str, positions: Positions, line: int, directive: str, lead: str) -> Insertion:
    return Insertion(positions.line_start(line), f"{lead}{directive}{_line_break(text, positions, line)}")


def _line_below(text: str, positions: Positions, line: int, directive: str, lead: str) -> Insertion:
    end = positions.line_end(line)
    eol = _line_break(text, positions, line)
    if end == len(text):  # the last line, with no line break of its own
        return Insertion(end, f"{eol}{lead}{directive}")
    return Insertion(end + len(eol), f"{lead}{directive}{eol}")
