"""Markdown: what is checked and what is not, with offsets kept exact."""

from linter.documents import load_document
from linter.source import decode


def checked(markdown: str, name: str = "a.md") -> str:
    doc = load_document(decode(markdown.encode("utf-8"), name))
    assert len(doc.mask) == len(doc.text)
    return doc.mask


def test_prose_blocks_are_checked_in_place():
    text = "# 見出しのCS\n\n本文のCSです。\n\n- 箇条書きのCS\n\n| 列 | 値 |\n| --- | --- |\n| 表のCS | 1 |\n\n[リンクのCS](https://example.com/cs)と**強調のCS**\n"
    mask = checked(text)
    for word in ("見出しのCS", "本文のCSです。", "箇条書きのCS", "表のCS", "リンクのCS", "強調のCS"):
        at = text.index(word)
        assert mask[at : at + len(word)] == word


def test_code_urls_comments_front_matter_and_quotes_are_not_checked():
    text = (
        "---\ntitle: ハブスポット\n---\n\n"
        "本文 `ハブスポット` と <!-- ハブスポット --> と https://hubspot.example.com/ハブスポット\n\n"
        "```\nハブスポット\n```\n\n"
        "    ハブスポット(インデント)\n\n"
        "> 引用のハブスポット\n\n"
        "[リンク](https://example.com/ハブスポット)\n"
    )
    mask = checked(text)
    assert "ハブスポット" not in mask
    assert "本文" in mask and "リンク" in mask


def test_front_matter_keeps_line_numbers():
    text = "---\na: 1\n---\n\n本文のCS\n"
    mask = checked(text)
    assert mask.index("CS") == text.index("CS")
    assert mask.count("\n") == text.count("\n")


def test_text_files_check_everything():
    text = "> 引用のハブスポット\n`コード`\n"
    assert checked(text, "memo.txt") == text
