"""Documents → checked text.

A Document keeps the original text and a *mask* of the same length in which
every character that is not checked (code, URLs, link targets, HTML comments,
front matter, block quotes, Markdown syntax) is replaced by a space. Matching
runs on the mask, so every offset found there is an offset in the original
file: source maps are carried from the start, not rebuilt afterwards.

Blocks (paragraphs, headings, list items, table rows) are the units of context
for the rules and of tokenization.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from linter.source import Source

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
TEXT_SUFFIXES = (".txt",)
# (a backtick ends a URL: `http://localhost:4200`で… is code, then prose)
_URL = re.compile(
    r"(?:https?|ftp)://[^\s<>()（）「」『』、。`]+|www\.[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s<>()（）「」、。`]*"
)
_BLANK_LINES = re.compile(r"\n[ \t\r]*\n")
_SENTENCE_END = re.compile(r"[。！？!?]+|\n")
_LIST_OPEN = ("bullet_list_open", "ordered_list_open", "list_item_open")


@dataclass(frozen=True)
class Block:
    start: int
    end: int


class Document:
    def __init__(self, source: Source, mask: str | None, blocks: list[Block], prose: bytes | None = None):
        self.source = source
        self._mask = mask
        self.blocks = blocks
        # Markdown only, one byte per character: 0 unchecked, 1 prose, 2 prose in
        # link text or emphasis (textlint-rule-prh skips those by default). Line
        # breaks inside a paragraph count as prose, as in textlint's Str nodes.
        self.prose = prose
        self._sentence_ends: dict[tuple[int, int], list[int]] = {}  # per block, built on first use

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def mask(self) -> str:
        """Same length as the text; unchecked characters are spaces. Built on
        first use: prh needs only `prose`, and most files need nothing else."""
        if self._mask is None:
            assert self.prose is not None  # a Document without a mask is Markdown, which has prose
            self._mask = _apply_mask(self.source.text, self.prose)
        return self._mask

    def block_at(self, offset: int) -> Block | None:
        lo, hi = 0, len(self.blocks)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.blocks[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.blocks) and self.blocks[lo].start <= offset:
            return self.blocks[lo]
        return None

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """Bounds of the sentence (within its block) holding `offset`."""
        block = self.block_at(offset)
        lo, hi = (block.start, block.end) if block else (0, len(self.mask))
        ends = self._sentence_ends.get((lo, hi))
        if ends is None:  # once per block: a long block asks for many sentences
            ends = self._sentence_ends[(lo, hi)] = [m.end() for m in _SENTENCE_END.finditer(self.mask, lo, hi)]
        i = bisect.bisect_right(ends, offset)
        return (ends[i - 1] if i else lo), (ends[i] if i < len(ends) else hi)


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def load_document(source: Source, focus_lines: set[int] | None = None) -> Document:
    """`focus_lines`: 1-based lines that hold glossary candidates; Markdown
    blocks elsewhere are left unchecked (their inline syntax is not parsed)."""
    if is_markdown(source.path):
        return markdown_document(source, focus_lines)
    return text_document(source)


def text_document(source: Source) -> Document:
    """Plain text: everything is checked; blocks are blank-line separated."""
    text = source.text
    blocks, start = [], 0
    for m in _BLANK_LINES.finditer(text):
        if text[start : m.start()].strip():
            blocks.append(Block(start, m.start()))
        start = m.end()
    if text[start:].strip():
        blocks.append(Block(start, len(text)))
    return Document(source, text, blocks)


@lru_cache(maxsize=1)
def _markdown_parser():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
    # Keep escapes and entities as their own tokens, so text tokens are
    # verbatim slices of the source and can be located there.
    md.core.ruler.disable("text_join")
    # Inline parsing is run by hand, only for the blocks that need it.
    md.core.ruler.disable("inline")
    # Line ends and NULs are normalised by _for_parser, only when present (the
    # rule rewrites every line end of every file: 3 % of a prh run).
    md.core.ruler.disable("normalize")
    return md


def preload_markdown() -> None:
    """Import the parser now (before worker processes fork)."""
    import pyromark  # noqa: F401


def _for_parser(text: str) -> str:
    """What markdown-it's `normalize` rule makes of the text."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    return text


def _front_matter_end(text: str) -> int:
    """Offset just after a YAML front matter block (0 when there is none)."""
    if not text.startswith("---"):
        return 0
    first = text.find("\n")
    if first == -1 or text[:first].strip() != "---":
        return 0
    pos = first + 1
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl == -1 else nl
        if text[pos:line_end].strip() in ("---", "..."):
            return len(text) if nl == -1 else nl + 1
        if nl == -1:
            break
        pos = nl + 1
    return 0


def markdown_document(source: Source, focus_lines: set[int] | None = None, builder: str = "pyromark") -> Document:
    """Markdown → Document. The pyromark (pulldown-cmark) builder gives every
    piece of text its source range; the markdown-it builder, which finds
    markdown-it's text again in the source, is kept for what it alone
    handles (containers nested beyond its limit) and to compare the two."""
    text = source.text
    fm_end = _front_matter_end(text)
    # Blank out front matter but keep its line breaks so line maps still hold.
    parse_text = re.sub(r"[^\n]", " ", text[:fm_end]) + text[fm_end:] if fm_end else text
    if "\r" in parse_text:
        # markdown-it breaks lines at a lone CR too; Source only at LF. Keep
        # their line numbers equal, or every line map (and finding) is lost.
        parse_text = re.sub(r"\r(?!\n)", " ", parse_text)
    focus = sorted(focus_lines) if focus_lines is not None else None
    if builder == "pyromark":
        from linter.markdown_pyromark import build

        prose, rows, headings = _parts(text)
        if build(source, parse_text, focus, prose, rows, headings):
            return _finish(source, prose, rows, headings)
        # nested too deep: markdown-it's own fallback decides
    prose, rows, headings = _parts(text)
    _build_with_markdown_it(source, parse_text, focus, prose, rows, headings)
    return _finish(source, prose, rows, headings)


def _parts(text: str) -> tuple[bytearray, dict[tuple[int | str, int], list[int]], list[int]]:
    """What a builder fills: per character 0, 1 or 2 (prose; 2 in link text
    or emphasis); each block's source span by its line map (("deep", start)
    for text markdown-it drops); the 1-based lines of ATX and setext headings."""
    return bytearray(len(text)), {}, []


def _build_with_markdown_it(
    source: Source, parse_text: str, focus: list[int] | None, prose: bytearray, rows: dict, headings: list[int]
) -> None:
    text = source.text
    md = _markdown_parser()
    env: dict = {}  # reference definitions found by the block parser
    tokens = md.parse(_for_parser(parse_text), env)
    quote_depth = 0
    table_depth = 0
    cell_end: dict[tuple[int, int], int] = {}
    deepest = md.options["maxNesting"] - 1
    for token in tokens:
        if token.type in ("th_open", "td_open"):
            table_depth += 1
        elif token.type in ("th_close", "td_close"):
            table_depth -= 1
        if token.type == "heading_open" and token.map:
            headings.append(token.map[0] + 1)
        if token.type == "blockquote_open":
            quote_depth += 1
        elif token.type == "blockquote_close":
            quote_depth -= 1
        elif token.type in _LIST_OPEN and token.level == deepest and token.map and not quote_depth:
            # markdown-it drops the content of a container nested this deep
            # (and, for a list, the rest of the document): check it as plain
            # text rather than lose it.
            start = source.line_start(token.map[0] + 1)
            end = source.line_start(token.map[1] + 1) if token.map[1] < source.line_count else len(text)
            prose[start:end] = b"\x01" * (end - start)
            for block in text_document(Source(source.path, text[start:end], source.encoding)).blocks:
                rows[("deep", start + block.start)] = [start + block.start, start + block.end]
        elif token.type == "inline" and not quote_depth and token.map:
            line0, line1 = token.map
            if not in_focus(focus, line0, line1):
                continue
            token.children = []
            md.inline.parse(token.content, md, env, token.children)
            start = source.line_start(line0 + 1)
            end = source.line_start(line1 + 1) if line1 < source.line_count else len(text)
            # Table cells of one row share its line map: each cell is looked
            # for after the previous one (else a repeated cell text, `| はい |
            # いいえ | いいえ |`, is found twice at its first place).
            after = cell_end.get((line0, line1), start) if table_depth else start
            cell_end[(line0, line1)] = _mark_inline(token.children or [], parse_text, after, end, prose)
            span = rows.setdefault((line0, line1), [start, end])
            span[0], span[1] = min(span[0], start), max(span[1], end)


def in_focus(focus: list[int] | None, line0: int, line1: int) -> bool:
    """Whether a block on 0-based lines [line0, line1) holds a focus line
    (1-based, sorted; None: every block is in focus)."""
    if focus is None:
        return True
    i = bisect.bisect_right(focus, line0)  # the first focus line after line0
    return i < len(focus) and focus[i] <= line1


def _finish(source: Source, prose: bytearray, rows: dict, headings: list[int]) -> Document:
    text = source.text
    for m in _URL.finditer(text):
        prose[m.start() : m.end()] = bytes(m.end() - m.start())
    for line in headings:
        _unmark_heading_attributes(source, line, prose)

    blocks = [Block(s, e) for s, e in sorted(rows.values())]
    return Document(source, None, blocks, bytes(prose))


# `## コンバージョン {#conversion}`, `# Title {: .class}`: attributes, not text
_HEADING_ATTRIBUTES = re.compile(r"[ \t]*\{[#.:][^{}\n]*\}[ \t#\r]*$")


def _unmark_heading_attributes(source: Source, line: int, prose: bytearray) -> None:
    start = source.line_start(line)
    end = source.line_start(line + 1) if line < source.line_count else len(source.text)
    m = _HEADING_ATTRIBUTES.search(source.text, start, end if source.text[end - 1 : end] != "\n" else end - 1)
    if m:
        prose[m.start() : m.end()] = bytes(m.end() - m.start())


_PROSE_RUN = re.compile(rb"[\x01\x02]+")


def _apply_mask(text: str, prose: bytes) -> str:
    """`text` with every character outside the prose runs blanked (line breaks kept)."""
    pieces, pos = [], 0
    for m in _PROSE_RUN.finditer(prose):
        if m.start() > pos:
            pieces.append(_blank(text[pos : m.start()]))
        pieces.append(text[m.start() : m.end()])
        pos = m.end()
    if pos < len(text):
        pieces.append(_blank(text[pos:]))
    return "".join(pieces)


def _blank(segment: str) -> str:
    return "\n".join(" " * len(part) for part in segment.split("\n"))


def _mark_inline(children, text: str, cursor: int, end: int, prose: bytearray) -> int:
    """Mark the source ranges of an inline token's text children as prose.

    markdown-it gives inline tokens no character offsets, only their content;
    each piece is found in the source in order, starting where the last one
    ended, and syntax between them (markers, code, link targets) is skipped.
    """
    in_autolink = False
    aside = 0  # depth of link text / emphasis
    for child in children:
        kind = child.type
        if kind == "em_open" or (kind == "link_open" and child.markup != "autolink"):
            aside += 1
        elif kind == "em_close" or (kind == "link_close" and not in_autolink):
            aside = max(0, aside - 1)
        if in_autolink:
            if kind == "link_close":
                in_autolink = False
                gt = text.find(">", cursor, end)
                cursor = gt + 1 if gt != -1 else cursor
            continue
        if kind == "text":
            needle = child.content
            if not needle:
                continue
            pos = text.find(needle, cursor, end)
            if pos == -1:
                continue
            prose[pos : pos + len(needle)] = (b"\x02" if aside else b"\x01") * len(needle)
            cursor = pos + len(needle)
        elif kind in ("text_special", "html_inline"):
            needle = child.markup if kind == "text_special" else child.content
            pos = text.find(needle, cursor, end) if needle else -1
            if pos != -1:
                cursor = pos + len(needle)
        elif kind in ("softbreak", "hardbreak"):
            nl = text.find("\n", cursor, end)
            if nl != -1:
                cursor = nl + 1
                if kind == "softbreak":
                    # the break and the next line's indent, as in a Str node
                    while cursor < end and text[cursor] in " \t":
                        cursor += 1
                    prose[nl:cursor] = (b"\x02" if aside else b"\x01") * (cursor - nl)
        elif kind == "code_inline":
            opening = text.find(child.markup, cursor, end)
            if opening != -1:
                closing = text.find(child.markup, opening + len(child.markup), end)
                cursor = closing + len(child.markup) if closing != -1 else opening + len(child.markup)
        elif kind == "link_open" and child.markup == "autolink":
            in_autolink = True
        elif kind == "link_close":
            cursor = _skip_link_target(text, cursor, end)
        elif kind == "image":
            opening = text.find("![", cursor, end)
            if opening != -1:
                close = text.find("]", opening + 2 + len(child.content), end)
                cursor = _skip_link_target(text, close if close != -1 else opening + 2, end)
    return cursor


def _skip_link_target(text: str, cursor: int, end: int) -> int:
    """From a link's closing `]`, skip `(destination "title")` or `[label]`."""
    bracket = text.find("]", cursor, end)
    if bracket == -1:
        return cursor
    pos = bracket + 1
    if pos < end and text[pos] == "(":
        depth, pos = 0, pos
        while pos < end:
            c = text[pos]
            if c == "\\":
                pos += 2
                continue
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    return pos + 1
            pos += 1
        return end
    if pos < end and text[pos] == "[":
        close = text.find("]", pos, end)
        return close + 1 if close != -1 else pos
    return pos
