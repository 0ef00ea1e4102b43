"""Markdown → Document with pyromark (pulldown-cmark), EXPERIMENTAL.

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
from string import punctuation
from typing import Any

from linter.source import Source

_ASCII_PUNCT = frozenset(punctuation)
_INLINE_STARTS = frozenset(("Emphasis", "Strong", "Strikethrough", "Link", "Image"))
# Containers nested this deep (lists, items, quotes) make markdown-it drop
# content (its maxNesting is 20); such documents are left to that builder.
_DEEP = 17


def _options():
    import pyromark

    return pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH


_OPTIONS = None


def _char_offsets(text: str, events: list) -> dict[int, int] | None:
    """Byte offset → character offset for every range bound, or None for ASCII."""
    if text.isascii():
        return None
    bounds = set()
    for _, r in events:
        bounds.add(r["start"])
        bounds.add(r["end"])
    data = text.encode("utf-8")
    out: dict[int, int] = {}
    prev_b = prev_c = 0
    for b in sorted(bounds):
        prev_c += len(data[prev_b:b].decode("utf-8"))
        out[b] = prev_c
        prev_b = b
    return out


_LEAVES = frozenset(("Text", "Code", "InlineHtml", "SoftBreak", "HardBreak"))


def build(
    source: Source, parse_text: str, focus: list[int] | None, prose: bytearray, rows: dict, headings: list[int]
) -> bool:
    """Fill `prose`, `rows` and `headings` as markdown_document does; False
    when the document nests too deep for the two builders to agree."""
    global _OPTIONS
    import pyromark

    if _OPTIONS is None:
        _OPTIONS = _options()
    events = list(pyromark.events_with_range(parse_text, options=_OPTIONS))
    conv = _char_offsets(parse_text, events)
    starts = source.lines.starts
    n_lines = len(starts)
    text = parse_text
    text_len = len(text)

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
        line0 = bisect.bisect_right(starts, block.start) - 1
        line1 = bisect.bisect_right(starts, max(block.start, block.end - 1))  # 0-based line after the last char
        if focus is not None:
            i = bisect.bisect_right(focus, line0)
            if i == len(focus) or focus[i] > line1:
                return
        # markdown-it strips the content (str.strip: NBSP and U+3000 too)
        lo, hi = (block.first, block.last) if block.first != -1 else (block.start, block.start)
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        for ms, me, v in block.marks:
            ms, me = max(ms, lo), min(me, hi)
            if ms < me:
                prose[ms:me] = v * (me - ms)
        start = starts[line0]
        end = starts[line1] if line1 < n_lines else len(source.text)
        span = rows.setdefault((line0, line1), [start, end])
        span[0], span[1] = min(span[0], start), max(span[1], end)

    for event, r in events:
        if conv is None:
            s, e = r["start"], r["end"]
        else:
            s, e = conv[r["start"]], conv[r["end"]]
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
                    headings.append(bisect.bisect_right(starts, s))
                block = _Block(s, e)
                prev_end, aside = s, 0
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
                elif tag == "Strikethrough" and text[s : s + 2] != "~~":
                    # markdown-it: a single tilde is text
                    v = b"\x02" if aside else b"\x01"
                    block.marks.append((s, s + 1, v))
                    block.marks.append((e - 1, e, v))
            continue
        if kind == "End":
            if tag in ("Paragraph", "Heading", "TableCell"):
                if block is not None:
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
            prev_end, aside = (s - 1 if s and text[s - 1] == "\\" else s), 0
        block.see(s, e, implicit)
        marks = block.marks
        v = b"\x02" if aside else b"\x01"
        if kind == "Text":
            assert isinstance(value, str)
            if e - s == len(value) and "\0" not in value:  # else an entity (text_special)
                if s > prev_end and text[s - 1] == "\\" and value[:1] in _ASCII_PUNCT:
                    s += 1  # an escape: markdown-it's text_special, not prose
                bs = text.find("\\", s, e)
                while bs != -1:  # markdown-it: a backslash and the next character are text_special
                    if bs > s:
                        marks.append((s, bs, v))
                    s = min(bs + 2, e)
                    bs = text.find("\\", s, e)
                if s < e:
                    marks.append((s, e, v))
        elif kind == "SoftBreak" or kind == "HardBreak":
            nl = text.find("\n", s, e)
            if nl == -1:
                nl = e - 1
            stop = nl - 1 if nl > 0 and text[nl - 1] == "\r" else nl
            ws = stop
            while ws > prev_end and text[ws - 1] in " \t":
                ws -= 1
            if ws < stop:  # trailing whitespace pulldown-cmark leaves out; markdown-it keeps tabs
                if kind == "SoftBreak":
                    gap_end = stop - 1 if text[stop - 1] == " " else stop
                else:
                    gap_end = stop
                    while gap_end > ws and text[gap_end - 1] == " ":
                        gap_end -= 1
                if gap_end > ws:
                    marks.append((ws, gap_end, v))
            if kind == "SoftBreak":  # the break and the next line's indent, as in a Str node
                cur = nl + 1
                while cur < text_len and text[cur] in " \t":
                    cur += 1
                marks.append((nl, cur, v))
        prev_end = max(prev_end, e)
    if block is not None:
        close_block(block)
    return True


class _Block:
    """An inline block: its source range, its first and last inline positions
    and the prose marks found in it."""

    __slots__ = ("start", "end", "first", "last", "marks")

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end
        self.first, self.last = -1, start
        self.marks: list[tuple[int, int, bytes]] = []

    def see(self, s: int, e: int, implicit: bool) -> None:
        if self.first == -1:
            self.first = s
        self.last = max(self.last, e)
        if implicit:
            self.end = max(self.end, e)
