"""Where the "silence this finding" action writes its directive (issue 14):
the finding is gone afterwards, and the Markdown renders as before (a comment
line inside a paragraph would split it; one between table rows would end
the table; one between list items would end the list)."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from linter.silencing import silence

_RENDER = MarkdownIt("commonmark", {"html": True}).enable("table")


def silenced(text: str, markdown: bool, offset: int, rule: str) -> str:
    found = silence(text, markdown, offset, rule)
    for insertion in sorted(found.insertions, key=lambda i: -i.offset):
        text = text[: insertion.offset] + insertion.text + text[insertion.offset :]
    return text


def rendered(text: str) -> str:
    return re.sub(r"\s*<!--.*?-->\s*", "", _RENDER.render(text)).replace("\n", "")


CASES = {
    "first line of a paragraph": ("# 提案\n\nCSの体制が分かれています。\n", "line"),
    "later line of a paragraph": ("# 提案\n\n貴社では現在、\nCSの体制が分かれています。\n\n次の段落。\n", "paragraph"),
    "a list item that is not the first": ("- 営業の資料\n- CSの体制が分かれている\n- 終わり\n", "line"),
    "the first item of an ordered list": ("1. CSの体制\n2. 営業\n", "line"),
    "a second paragraph in a list item": ("- 最初\n\n  2段落目で\n  CSを使う。\n- 次\n", "paragraph"),
    "a table row": ("| 部門 | 担当 |\n|---|---|\n| CS | 山田 |\n| 営業 | 佐藤 |\n\n後の文。\n", "table"),
    "the last line, without a line break": ("前の文。\nそしてCSの体制", "paragraph"),
    "CRLF line endings": ("# 提案\r\n\r\n貴社では、\r\nCSの体制が分かれています。\r\n", "paragraph"),
}


@pytest.mark.parametrize("name", CASES)
def test_markdown_directive_silences_and_renders_the_same(lint, name):
    text, scope = CASES[name]
    [finding] = lint(text, "doc.md", rule="ambiguous-term")
    assert silence(text, True, finding.start, finding.rule).scope == scope
    after = silenced(text, True, finding.start, finding.rule)
    assert lint(after, "doc.md", rule="ambiguous-term") == []
    assert rendered(after) == rendered(text)
    if "\r\n" in text:  # the inserted lines end as the file's lines do
        assert after.count("\n") == after.count("\r\n")


def test_directive_in_a_list_keeps_the_list_one_list(lint):
    text = "1. 営業\n2. CSの体制\n3. 経理\n"
    [finding] = lint(text, "doc.md", rule="ambiguous-term")
    after = silenced(text, True, finding.start, finding.rule)
    assert after == "1. 営業\n   <!-- yogolint-disable-next-line ambiguous-term -->\n2. CSの体制\n3. 経理\n"
    assert _RENDER.render(after).count("<ol>") == 1


def test_text_file_directive_is_a_hash_line_with_the_line_indentation(lint):
    text = "提案\n  CSの体制が分かれています。\n"
    [finding] = lint(text, "memo.txt", rule="ambiguous-term")
    after = silenced(text, False, finding.start, finding.rule)
    assert after == "提案\n  # yogolint-disable-next-line ambiguous-term\n  CSの体制が分かれています。\n"
    assert lint(after, "memo.txt") == []
