"""The pyromark (pulldown-cmark) builder makes the Document the markdown-it
builder made: the same prose bytes and blocks, with or without focus lines."""

from pathlib import Path

import pytest

from linter.documents import markdown_document
from linter.source import decode

FIXTURES = sorted(
    p for p in (Path(__file__).parent / "fixtures").rglob("*") if p.suffix in (".md", ".mdx", ".markdown")
)

# Constructs where markdown-it's result is a convention the pyromark builder
# reproduces (escapes, entities, str.strip of U+3000 and NBSP, trailing tabs,
# single tildes, tight lists, thematic breaks, CRLF) or where both skip text.
CONSTRUCTS = (
    "---\ntitle: 表題\n---\n\n"
    "# 見出し {#heading}\n\n"
    "　全角スペースで字下げした段落です。\u00a0\n"
    "次の行\t\n  字下げした行 \n\n"
    "設定の\n見出し\n===\n\n"
    "テキスト <!--\n続くコメント\n--> 後\n\n"
    "- 項目 \\* と &amp; と C:\\Users と \\日本\n"
    '- [リンク](https://example.com/a "題") と *強調* と **太字** と ~一つ~ と ~~二つ~~\n'
    "  - 入れ子の `コード` と <span>インライン</span> と ![画像](a.png) と <https://example.com>\n\n"
    "1. \\[ 括弧 ] で始まる項目\n\n"
    "   ゆるいリストの段落\n\n"
    "***\n\n"
    "| 列 | 値 |\n|---|---|\n| はい | いいえ |\n| いいえ | **はい** |\n\n"
    "> 引用の段落\n\n"
    "<div>\nHTML ブロック\n</div>\n\n"
    "    インデントしたコード\n\n"
    "行末の改行  \n強制改行のあと\\\n二つ目\r\n"
    "CRLF の行\r\n"
)
DEEP = "".join("  " * i + "- 深さ%d\n" % i for i in range(12)) + "\n後の段落\n"


def _compare(name: str, text: str) -> None:
    source = decode(text.encode("utf-8"), name)
    n = source.line_count
    for focus in (None, set(), set(range(1, n + 1, 3)), {n // 2 or 1}):
        old = markdown_document(source, focus, builder="markdown-it")
        new = markdown_document(source, focus, builder="pyromark")
        assert new.prose == old.prose, (name, focus)
        assert new.blocks == old.blocks, (name, focus)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_builders_agree_on_fixtures(path: Path):
    _compare(path.name, path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", [CONSTRUCTS, DEEP], ids=["constructs", "deep"])
def test_builders_agree_on_constructs(text: str):
    _compare("a.md", text)


def test_escaped_pipe_in_a_table_cell_is_found():
    """markdown-it's cell text `^1 || ^2` (the backslashes taken out) is not
    the source's: the markdown-it builder could not find it and left the cell
    unchecked. pulldown-cmark's ranges put it where it is."""
    text = "| 版 | 対応 |\n|---|---|\n| 22 | ^1 \\|\\| ^2 |\n"
    source = decode(text.encode("utf-8"), "a.md")
    at = text.index("^1")
    assert markdown_document(source, builder="markdown-it").prose[at] == 0
    assert markdown_document(source).prose[at] == 1
