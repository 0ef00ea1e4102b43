"""Markdown → Document with pyromark (pulldown-cmark).

The same Document as `documents.markdown_document` (markdown-it-py) builds:
the same `prose` bytes, blocks and heading handling, from pulldown-cmark's
events, which carry source ranges (UTF-8 byte offsets), so text is marked
where the parser says it is rather than found again in the source.

Where markdown-it's result is a convention rather than the text (a line's
trailing tab before a soft break is prose, a single-tilde pair is not
strikethrough), the convention is reproduced here.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from string import punctuation
from typing import Any

from linter.documents import in_focus
from linter.source import Source

_ASCII_PUNCT = frozenset(punctuation)
_INLINE_STARTS = frozenset(("Emphasis", "Strong", "Strikethrough", "Link", "Image"))
# Containers nested this deep (lists, items, quotes) make markdown-it drop
# content (its maxNesting is 20); such documents are left to that builder.
_DEEP = 17


@lru_cache(maxsize=1)
def _options():
    import pyromark

    return pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH


class _Chars:
    """Byte offset → character offset, decoding from the last offset asked
    (blocks are asked for in document order)."""

    __slots__ = ("data", "b", "c")

    def __init__(self, data: bytes):
        self.data, self.b, self.c = data, 0, 0

    def __call__(self, b: int) -> int:
        if b >= self.b:
            self.c += len(self.data[self.b : b].decode("utf-8"))
        else:
            self.c -= len(self.data[b : self.b].decode("utf-8"))
        self.b = b
        return self.c


# continuation bytes → 0xFF, every other byte → 0
_CONTINUATION = bytes(0xFF if 0x80 <= i < 0xC0 else 0 for i in range(256))


def _per_character(prose: bytearray, data: bytes) -> bytearray:
    """Byte-indexed prose values → one per character (those of each lead byte)."""
    n = len(data)
    merged = int.from_bytes(prose, "big") | int.from_bytes(data.translate(_CONTINUATION), "big")
    return bytearray(merged.to_bytes(n, "big").translate(None, b"\xff"))


def _space_after(data: bytes, lo: int, hi: int) -> int:
    """`lo` moved past the whitespace (str.isspace) that starts data[lo:hi]."""
    while lo < hi:
        x = data[lo]
        n = 1 if x < 0x80 else 2 if x < 0xE0 else 3 if x < 0xF0 else 4
        if not data[lo : lo + n].decode("utf-8").isspace():
            break
        lo += n
    return lo


def _space_before(data: bytes, lo: int, hi: int) -> int:
    """`hi` moved back over the whitespace that ends data[lo:hi]."""
    while hi > lo:
        k = hi - 1
        while k > lo and data[k] & 0xC0 == 0x80:
            k -= 1
        if not data[k:hi].decode("utf-8").isspace():
            break
        hi = k
    return hi


_LEAVES = frozenset(("Text", "Code", "InlineHtml", "SoftBreak", "HardBreak"))


def build(
    source: Source, parse_text: str, focus: list[int] | None, prose: bytearray, rows: dict, headings: list[int]
) -> bool:
    """Fill `prose`, `rows` and `headings` as markdown_document does; False
    when the document nests too deep for the two builders to agree."""
    import pyromark

    events = pyromark.events_with_range(parse_text, options=_options())
    # Everything below is in UTF-8 bytes, as the events are; only block
    # bounds and headings are turned into characters, and the prose at the end.
    data = parse_text.encode("utf-8")
    ascii = len(data) == len(parse_text)
    chars = _Chars(data) if not ascii else None
    marked = bytearray(len(data)) if not ascii else prose
    starts = source.lines.starts
    n_lines = len(starts)
    text_len = len(data)

    depth = 0  # lists, items, quotes
    quote = 0
    skip = 0  # images, autolinks, code blocks, HTML blocks
    aside = 0  # emphasis, link text
    block: _Block | None = None  # the inline block being read
    implicit = False  # block is a tight list item's paragraph (no event of its own)
    row_range = (0, 0)
    prev_end = 0
    autolinks: list[bool] = []  # per open link: is it an autolink

    def close_block(block: _Block) -> None:
        cs, ce = (chars(block.start), chars(block.end)) if chars else (block.start, block.end)
        line0 = bisect.bisect_right(starts, cs) - 1
        line1 = bisect.bisect_right(starts, max(cs, ce - 1))  # 0-based line after the last char
        if not in_focus(focus, line0, line1):
            return
        # markdown-it strips the content (str.strip: NBSP and U+3000 too)
        lo, hi = (block.first, block.last) if block.first != -1 else (block.start, block.start)
        lo = _space_after(data, lo, hi)
        hi = _space_before(data, lo, hi)
        if block.tail and block.tail[0] == hi - 1:  # the content's last character: no escape
            block.marks.append((hi - 1, hi, block.tail[1]))
        for ms, me, v in block.marks:
            ms, me = max(ms, lo), min(me, hi)
            if ms < me:
                marked[ms:me] = v * (me - ms)
        start = starts[line0]
        end = starts[line1] if line1 < n_lines else len(source.text)
        span = rows.setdefault((line0, line1), [start, end])
        span[0], span[1] = min(span[0], start), max(span[1], end)

    for event, r in events:
        s, e = r["start"], r["end"]
        value: Any
        if isinstance(event, dict):
            ((kind, value),) = event.items()
        else:
            kind, value = event, None
        if kind == "Start" or kind == "End":
            tag = value if isinstance(value, str) else next(iter(value))
            if tag in ("List", "Item", "BlockQuote"):
                if implicit and block is not None:
                    close_block(block)
                    block, implicit = None, False
                depth += 1 if kind == "Start" else -1
                if depth >= _DEEP:
                    return False
                if tag == "BlockQuote":
                    quote += 1 if kind == "Start" else -1
                continue
            if quote:
                continue
        if kind == "Start":
            if tag in ("Paragraph", "Heading", "TableCell", "CodeBlock", "HtmlBlock", "Table"):
                if implicit and block is not None:
                    close_block(block)
                    block, implicit = None, False
            if tag in ("Paragraph", "Heading"):
                if tag == "Heading":
                    headings.append(bisect.bisect_right(starts, chars(s) if chars else s))
                block = _Block(s, e)
                prev_end, aside = s, 0
                if tag == "Heading" and data[s : s + 4].lstrip(b" ")[:1] != b"#":
                    block.setext = True  # markdown-it's line map leaves out the underline
            elif tag in ("TableHead", "TableRow"):
                row_range = (s, e)
            elif tag == "TableCell":
                block = _Block(*row_range)
                prev_end, aside = s, 0
            elif tag in ("CodeBlock", "HtmlBlock"):
                skip += 1
            elif tag in _INLINE_STARTS:
                if skip:
                    if tag == "Image" or tag == "Link":
                        skip += 1
                    if tag == "Link":
                        autolinks.append(True)
                    continue
                if block is None:
                    block = _Block(s, e)  # a tight list item's paragraph
                    implicit = True
                    prev_end, aside = s, 0
                block.see(s, e, implicit)
                if tag == "Image":
                    skip += 1
                elif tag == "Link":
                    auto = value["Link"]["link_type"] in ("Autolink", "Email")
                    autolinks.append(auto)
                    if auto:
                        skip += 1
                    else:
                        aside += 1
                elif tag == "Emphasis":
                    aside += 1
                elif tag == "Strikethrough" and data[s : s + 2] != b"~~":
                    # markdown-it: a single tilde is text
                    v = b"\x02" if aside else b"\x01"
                    block.marks.append((s, s + 1, v))
                    block.marks.append((e - 1, e, v))
            continue
        if kind == "End":
            if tag in ("Paragraph", "Heading", "TableCell"):
                if block is not None:
                    if block.setext and block.first != -1:
                        block.end = block.last
                    close_block(block)
                    block = None
            elif tag in ("CodeBlock", "HtmlBlock", "Image"):
                skip -= 1
            elif tag == "Link":
                if autolinks.pop():
                    skip -= 1
                elif not skip:
                    aside = max(0, aside - 1)
            elif tag == "Emphasis":
                if not skip:
                    aside = max(0, aside - 1)
            if block is not None and not skip and tag in _INLINE_STARTS:
                block.see(s, e, implicit)
            prev_end = max(prev_end, e)
            continue
        if quote or skip or kind not in _LEAVES:
            continue
        if block is None:
            block = _Block(s, e)  # a tight list item's paragraph
            implicit = True
            # (a backslash just before is an escape: it is in no event)
            prev_end, aside = (s - 1 if s and data[s - 1] == 0x5C else s), 0
        block.see(s, e, implicit)
        marks = block.marks
        v = b"\x02" if aside else b"\x01"
        if kind == "Text":
            assert isinstance(value, str)
            # an entity (text_special in markdown-it) is not prose
            if (data[s] != 0x26 or data[s:e] == value.encode("utf-8")) and "\0" not in value:
                if s > prev_end and data[s - 1] == 0x5C and value[:1] in _ASCII_PUNCT:
                    s += 1  # an escape: markdown-it's text_special, not prose
                bs = data.find(b"\\", s, e)
                while bs != -1:  # markdown-it: a backslash and the next character are text_special
                    if bs > s:
                        marks.append((s, bs, v))
                    nxt = data[bs + 1] if bs + 1 < e else 0
                    if nxt in (0, 0x20, 0x09):  # text if nothing follows it in the block (see close_block)
                        block.tail = (bs, v)
                    s = min(bs + 1 + (1 if nxt < 0x80 else 2 if nxt < 0xE0 else 3 if nxt < 0xF0 else 4), e)
                    bs = data.find(b"\\", s, e)
                if s < e:
                    marks.append((s, e, v))
        elif kind == "SoftBreak" or kind == "HardBreak":
            nl = data.find(b"\n", s, e)
            if nl == -1:
                nl = e - 1
            stop = nl - 1 if nl > 0 and data[nl - 1] == 0x0D else nl
            ws = stop
            while ws > prev_end and data[ws - 1] in (0x20, 0x09):
                ws -= 1
            if ws < stop:  # trailing whitespace pulldown-cmark leaves out; markdown-it keeps tabs
                if kind == "SoftBreak":
                    gap_end = stop - 1 if data[stop - 1] == 0x20 else stop
                else:
                    gap_end = stop
                    while gap_end > ws and data[gap_end - 1] == 0x20:
                        gap_end -= 1
                if gap_end > ws:
                    marks.append((ws, gap_end, v))
            if kind == "SoftBreak":  # the break and the next line's indent, as in a Str node
                cur = nl + 1
                while cur < text_len and data[cur] in (0x20, 0x09):
                    cur += 1
                marks.append((nl, cur, v))
        prev_end = max(prev_end, e)
    if block is not None:
        close_block(block)
    if not ascii:
        prose[:] = _per_character(marked, data)
    return True


class _Block:
    """An inline block: its source range, its first and last inline positions
    and the prose marks found in it."""

    __slots__ = ("start", "end", "first", "last", "marks", "setext", "tail")

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end
        self.setext = False
        self.tail: tuple[int, bytes] | None = None  # a backslash that may end the content
        self.first, self.last = -1, start
        self.marks: list[tuple[int, int, bytes]] = []

    def see(self, s: int, e: int, implicit: bool) -> None:
        if self.first == -1:
            self.first = s
        self.last = max(self.last, e)
        if implicit:
            self.end = max(self.end, e)
