"""Reading files: encodings, BOMs and line endings keep exact positions."""

import codecs

import pytest

from linter.source import SourceError, decode

TEXT = "# 提案\r\nハブスポットの設定。\r\nＣＳ窓口とｾｰﾙｽﾌｫｰｽ\r\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp932"), "cp932"),
    ],
)
def test_every_encoding_decodes_to_the_same_text(data, encoding):
    source = decode(data, "a.md")
    assert source.text == TEXT
    assert source.encoding == encoding
    assert source.encode(source.text) == data  # written back byte for byte


def test_positions_count_code_points_and_crlf_is_one_break():
    source = decode(TEXT.encode("utf-8"), "a.md")
    offset = source.text.index("ｾｰﾙｽﾌｫｰｽ")
    assert source.position(offset) == (3, 6)
    assert source.line_text(3) == "ＣＳ窓口とｾｰﾙｽﾌｫｰｽ"


def test_binary_and_undecodable_files_are_named_errors():
    with pytest.raises(SourceError, match=r"^a\.md: binary file"):
        decode(b"\x89PNG\r\n\x00\x00", "a.md")
    with pytest.raises(SourceError, match=r"^b\.md: not UTF-8"):
        decode("テキスト".encode()[:-1] + b"\xff\xfe\xfd", "b.md")
