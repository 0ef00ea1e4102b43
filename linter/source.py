"""Reading a file: bytes → text, remembering how to write it back.

Positions reported to the user are 1-based line and column in code points of
the decoded text, which is the original file's characters whatever its
encoding, so the decoded text is never normalised here.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from linter.lines import LineIndex


class SourceError(Exception):
    """A file that cannot be read as text; the message is one line for the user."""


@dataclass
class Source:
    path: str  # as the user gave it (joined with the walked relative path)
    text: str  # decoded, BOM removed, line endings as in the file
    encoding: str  # codec name to write it back with
    bom: bytes = b""
    raw: bytes | None = field(default=None, repr=False)  # the file's bytes, BOM included
    _lines: LineIndex | None = field(default=None, repr=False)

    @property
    def lines(self) -> LineIndex:
        # Built on first use: most files of a scan have no candidate and
        # never need a position.
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    @property
    def line_count(self) -> int:
        return self.lines.line_count

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based `line`."""
        return self.lines.line_start(line)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        return self.lines.position(offset)

    def line_text(self, line: int) -> str:
        return self.lines.line_text(line)

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)

    def splice(self, edits, expected: str) -> bytes:
        """The file's bytes with `edits` (sorted, not overlapping) applied and
        every other byte kept; `expected` is the text they make. Re-encoding
        the whole text is not the same for CP932: IBM-extension characters
        (髙 written by Windows as 0xFBFC) come back as their NEC-selected
        duplicates (0xEEE0)."""
        if self.raw is None:
            return self.encode(expected)
        pieces, at, cursor = [self.raw[: len(self.bom)]], len(self.bom), 0
        for edit in edits:
            # a character re-encodes to as many bytes as it was read from, so
            # byte offsets follow from the lengths of the re-encoded text
            kept = len(self.text[cursor : edit.start].encode(self.encoding))
            dropped = len(self.text[edit.start : edit.end].encode(self.encoding))
            pieces += [self.raw[at : at + kept], edit.replacement.encode(self.encoding)]
            at += kept + dropped
            cursor = edit.end
        pieces.append(self.raw[at:])
        data = b"".join(pieces)
        try:
            if data[len(self.bom) :].decode(self.encoding) == expected:
                return data
        except UnicodeDecodeError:
            pass
        return self.encode(expected)  # the lengths did not line up: write the text as it should read


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, path: str) -> Source:
    """Decode bytes: a BOM decides; else UTF-8; else CP932 (Shift_JIS)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Source(path, data[len(bom) :].decode(encoding), encoding, bom, raw=data)
            except UnicodeDecodeError as exc:
                raise SourceError(f"{path}: not valid {encoding} after its BOM (byte {exc.start + len(bom)})") from None
    if b"\x00" in data:
        raise SourceError(f"{path}: binary file (NUL byte), not text")
    try:
        return Source(path, data.decode("utf-8"), "utf-8", raw=data)
    except UnicodeDecodeError as utf8_error:
        if _mostly_utf8(data):
            # A UTF-8 file with a bad byte: CP932 would "decode" it to mojibake
            # (0xFD-0xFF are private-use characters there) and find nothing.
            line = data.count(b"\n", 0, utf8_error.start) + 1
            raise SourceError(
                f"{path}: not valid UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}, line {line})"
            ) from None
        try:
            return Source(path, data.decode("cp932"), "cp932", raw=data)
        except UnicodeDecodeError:
            raise SourceError(
                f"{path}: not UTF-8 (invalid byte at offset {utf8_error.start}) nor Shift_JIS/CP932"
            ) from None


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed multi-byte UTF-8 characters than bad bytes: CP932 text
    almost never forms a valid UTF-8 sequence."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return sum(1 for c in text if c > "\x7f") - bad > bad


def read_source(path: Path, shown_as: str | None = None) -> Source:
    shown = shown_as if shown_as is not None else str(path)
    return decode(read_bytes(path, shown), shown)


def read_bytes(path: Path, shown: str) -> bytes:
    try:
        return read_regular(path)
    except FileNotFoundError:
        raise SourceError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{shown}: is a directory") from None
    except PermissionError:
        raise SourceError(f"{shown}: permission denied") from None
    except OSError as exc:
        raise SourceError(f"{shown}: cannot read ({exc.strerror or exc})") from None


class NotRegularFile(OSError):
    pass


# Glossaries, prh dictionaries and configurations are far smaller (the
# largest real prh dictionary is 100 kB): more is a mistake or an attack.
SETTINGS_FILE_LIMIT = 16 * 1024 * 1024


def _too_large(path: str | Path, limit: int) -> NotRegularFile:
    return NotRegularFile(0, f"larger than {limit // (1024 * 1024)} MB; not read", str(path))


def read_regular(path: str | Path, limit: int | None = None, offset: int = 0, length: int | None = None) -> bytes:
    """The bytes of a regular file (after symlinks). A FIFO, a device or a
    socket is refused before reading (`/dev/zero` would never end, a FIFO
    would wait for a writer); so is a file larger than `limit`. From `offset`,
    and at most `length` bytes when given."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(0, "not a regular file (a device, FIFO or socket)", str(path))
        if limit is not None and info.st_size > limit:
            raise _too_large(path, limit)
        if offset:
            os.lseek(fd, offset, os.SEEK_SET)
        # One read for the size stat gives (no copy to join); more if it grows.
        chunks: list[bytes] = []
        wanted = length if length is not None else max(info.st_size - offset + 1, 1 << 16)
        total = 0
        while wanted > 0:
            chunk = os.read(fd, wanted)
            if not chunk:
                break
            total += len(chunk)
            if limit is not None and total > limit:
                raise _too_large(path, limit)
            chunks.append(chunk)
            wanted = length - total if length is not None else 1 << 20
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)
