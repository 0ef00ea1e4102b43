"""LSP positions of a text (issue 14): line breaks as the protocol counts
them, characters in the negotiated code units."""

from __future__ import annotations

from lsprotocol import types

from linter.lsp_positions import Positions

TEXT = "🚀 提案\r\n次に𠮷野家。\rCSの件\n終わり"


def test_utf16_counts_characters_outside_the_bmp_twice():
    positions = Positions(TEXT)
    assert positions.position(TEXT.index("提")) == types.Position(line=0, character=3)
    assert positions.position(TEXT.index("野")) == types.Position(line=1, character=4)


def test_crlf_and_a_lone_cr_end_lines():
    positions = Positions(TEXT, types.PositionEncodingKind.Utf32)
    assert positions.position(TEXT.index("CS")) == types.Position(line=2, character=0)
    assert positions.position(TEXT.index("終")) == types.Position(line=3, character=0)
    assert positions.line_end(0) == TEXT.index("\r\n")


def test_utf8_counts_bytes():
    positions = Positions(TEXT, types.PositionEncodingKind.Utf8)
    assert positions.position(TEXT.index("提")) == types.Position(line=0, character=5)


def test_offsets_round_trip_in_every_encoding():
    for encoding in (
        types.PositionEncodingKind.Utf16,
        types.PositionEncodingKind.Utf8,
        types.PositionEncodingKind.Utf32,
    ):
        positions = Positions(TEXT, encoding)
        for offset in range(len(TEXT) + 1):
            if TEXT[offset - 1 : offset + 1] == "\r\n":
                continue  # between CR and LF is no position
            assert positions.offset(positions.position(offset)) == offset, (encoding, offset)


def test_positions_past_a_line_or_the_text_are_clamped():
    positions = Positions(TEXT)
    assert positions.offset(types.Position(line=0, character=99)) == TEXT.index("\r\n")
    assert positions.offset(types.Position(line=9, character=0)) == len(TEXT)
    # inside a surrogate pair: the character's start
    assert positions.offset(types.Position(line=0, character=1)) == 0
