"""The words Sudachi's lexicon spells more than one way: a screen for the
spelling-variant rule.

The rule compares every word of a document, and Sudachi segments about a
megabyte a second: reading every file that way made a folder scan ten times
slower. Yet a document can only hold a variant where it writes two spellings
of one word, and the lexicon knows every spelling it will ever return: its
entries, grouped by normalized form and orthographic class as the rule groups
words (`linter.orthography`), give about 22,000 words with two or more
spellings and 96,000 surfaces that write them (with the katakana words that
hold one: 140,000 patterns). One Aho-Corasick pass over the raw text finds
them; a word counts as spelt two ways only when segmenting a few characters
around its matches confirms two spellings; only blocks holding such a word
are segmented.

The screen reads matches as a tokenizer would: a match inside a longer one
(`ユーザ` inside `ユーザー`) is no word of its own, except where the longer
one is a compound whose parts are themselves such words (`問合せ先` stands
for `問合せ`, which the rule counts) or a word from the left may reach into
it (`本日付`). Findings were checked identical with and without the screen
over the corpora and the labelled sets (`tests/test_spelling_lexicon.py`
compares them on real text).

Reading the lexicon takes about 25 s (1.6 million entries), so the table is
shipped for the dictionary this package is tested with
(`linter/data/sudachi_spellings.bin`, keyed by a fingerprint of the
dictionary file and of the code that derives it); any other dictionary is read
once and the table kept in the user cache. Without either, the screen is off:
every block is segmented, as before, slower but the same findings. The
automaton (daachorse's character-wise double array: it builds in half the
time of ahocorasick-rs's, scans Japanese faster, and can be stored) is built
once and kept in the user cache beside the table.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import sys
import zlib
from array import array
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate, compress
from operator import gt, itemgetter, sub
from pathlib import Path
from typing import TYPE_CHECKING, overload

from linter.orthography import spelling as chosen_spelling
from linter.orthography import units
from linter.source import read_regular
from linter.tokenizer import morphemes, token_of

if TYPE_CHECKING:
    from daachorse import CharwiseDoubleArrayAhoCorasick
    from sudachipy import MorphemeList

_FORMAT = "yogolint-spellings-6"  # bump when the stored shape or the derivation below changes
# How the rule judges a spelling: a change to these makes a stored table stale.
_CODE = ("orthography.py", "folding.py")
SHIPPED = Path(__file__).parent / "data" / "sudachi_spellings.bin"
_TABLE_LIMIT = 64 * 1024 * 1024  # the shipped table is ≈ 5 MB

# Below this many bytes in a run, segmenting every block (≈ 1 MB/s) costs
# less than loading the table (≈ 0.1 s): a pre-commit hook on a few files.
SCREEN_FROM_BYTES = 128_000
_START, _END, _PATTERN = itemgetter(0), itemgetter(1), itemgetter(2)  # of a match
_CONTEXT = 12  # characters either side of a doubtful match that are segmented with it


class Lexicon:
    """Surfaces (patterns) → the spellings they write → the word (group) of each.

    Per-pattern data is unpacked on first use: a run meets a few thousand of
    the 140,000 surfaces, and unpacking them all took longer than the scan."""

    def __init__(
        self,
        surfaces: bytes,
        size: int,
        key: str,
        offsets: array,
        ids: array,
        group_of: array,
        spelling_of: Sequence[str],
        normal_of: Sequence[str],
        pairs: array,
    ):
        # The patterns, UTF-8, one a line: split into strings only to build the
        # automaton (140,000 strings, 12 MB), which a run usually reads back stored.
        self._surfaces = surfaces
        self.size = size  # how many
        self.key = key  # a digest of them: names the stored automaton
        self._offsets = offsets  # pattern p writes spellings ids[offsets[p]:offsets[p + 1]]…
        self._ids = ids
        self.group_of = group_of  # …each of one word (group)…
        self.spelling_of = spelling_of  # …and spelt so
        self.normal_of = normal_of  # per word: its normalized form
        self.pairs = pairs  # sorted codes of two-character words holding a one-character surface (`有効`)
        self._spellings: dict[int, tuple[int, ...]] = {}
        self._words: dict[int, frozenset[int]] = {}
        self._automaton: CharwiseDoubleArrayAhoCorasick | None = None

    def spellings(self, pattern: int) -> tuple[int, ...]:
        found = self._spellings.get(pattern)
        if found is None:
            found = self._spellings[pattern] = tuple(self._ids[self._offsets[pattern] : self._offsets[pattern + 1]])
        return found

    def words_of(self, pattern: int) -> frozenset[int]:
        found = self._words.get(pattern)
        if found is None:
            found = self._words[pattern] = frozenset(self.group_of[s] for s in self.spellings(pattern))
        return found

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """Every (start, end, pattern) in `text`, overlapping ones included,
        ordered by end (as the automaton finds them)."""
        return self.automaton().find_overlapping(text)

    def automaton(self) -> CharwiseDoubleArrayAhoCorasick:
        """Loaded from the user cache, or built (≈ 0.1 s) and stored there;
        once per process, before worker processes fork."""
        if self._automaton is None:
            self._automaton = _stored_automaton(self.key, self.size)
            if self._automaton is None:
                from daachorse import CharwiseDoubleArrayAhoCorasick

                self._automaton = CharwiseDoubleArrayAhoCorasick(self.patterns())
                _store_automaton(self.key, self.size, self._automaton)
        return self._automaton

    def patterns(self) -> list[str]:
        return self._surfaces.decode("utf-8").split("\n") if self._surfaces else []

    def evidence(self, text: str) -> list[tuple[int, int]]:
        """Spans of `text` that write a word the text spells two ways, sorted;
        empty when it spells every such word one way."""
        found = self.matches(text)
        candidates = self._candidates(text, found)
        read: dict[str, MorphemeList] = {}
        live = {
            group
            for group, spellings in candidates.items()
            if len(spellings) > 1 and self._two_confirmed(text, found, spellings, read)
        }
        if not live:
            return []
        spans = [(start, end) for start, end, pattern in found if not self.words_of(pattern).isdisjoint(live)]
        return sorted(spans, key=lambda span: (span[0], -span[1]))

    def _candidates(self, text: str, found: list[tuple[int, int, int]]) -> dict[int, dict[int, list[int]]]:
        """word → spelling → the matches (indexes in `found`) that may write
        it as a word of its own.

        A match inside a longer one is taken for part of it when the longer
        one is a spelling of the same word (`ユーザ` in `ユーザー`), begins with
        it (`読み` in `読み込んで`, `渡` in `渡して`: segmentation goes left to
        right), or is set apart by a change of script (`を実行する`); a
        one-character match beside a two-character word that holds it (`有` in
        `有効`) is inside that word. Only a match at the end or in the middle
        of another word, reachable by a word from the left, stays a candidate
        (`本日付`: `本日` `付`).

        Only the matches of words the text may spell two ways are read one by
        one (a fifth of them): which words those are is known from the set of
        surfaces matched."""
        spelt: dict[int, set[int]] = {}
        matched = set(map(_PATTERN, found))
        for pattern in matched:
            for spelling in self.spellings(pattern):
                spelt.setdefault(self.group_of[spelling], set()).add(spelling)
        doubtful = {group for group, spellings in spelt.items() if len(spellings) > 1}
        if not doubtful:
            return {}
        relevant = {pattern for pattern in matched if not self.words_of(pattern).isdisjoint(doubtful)}
        ends = list(map(_END, found))
        longest = max(map(sub, ends, map(_START, found)))
        candidates: dict[int, dict[int, list[int]]] = {}
        in_pair = self._in_pairs
        for index in compress(range(len(found)), map(relevant.__contains__, map(_PATTERN, found))):
            start, end, pattern = found[index]
            container = _container(found, ends, start, end, longest)
            if container is None and end == start + 1:
                if start > 0 and in_pair(text[start - 1 : end]):
                    container = (start - 1, end, -1)
                elif end < len(text) and in_pair(text[start : end + 1]):
                    container = (start, end + 1, -1)
            if container is not None:
                if container[2] >= 0 and self.words_of(pattern) <= self.words_of(container[2]):
                    continue
                if start == container[0] or _set_apart(text, container[0], container[1]):
                    continue
            for spelling in self.spellings(pattern):
                group = self.group_of[spelling]
                if group in doubtful:
                    candidates.setdefault(group, {}).setdefault(spelling, []).append(index)
        return candidates

    def _in_pairs(self, pair: str) -> bool:
        code = pair_code(pair)
        i = bisect.bisect_left(self.pairs, code)
        return i < len(self.pairs) and self.pairs[i] == code

    def _two_confirmed(
        self,
        text: str,
        found: list[tuple[int, int, int]],
        spellings: dict[int, list[int]],
        read: dict[str, MorphemeList],
    ) -> bool:
        """Whether segmentation confirms two of a word's candidate spellings
        (`本日付` is `本日` `付`; `最小限` holds no word `限`). A few characters
        either side decide a word's segmentation: the text around one match
        is segmented, and a spelling is confirmed at its first confirmed match.
        The spellings with the fewest candidates are tried first: refuting all
        but one settles the question (most often a one-character spelling such
        as `込` inside longer words), and the commonest is then never segmented."""
        confirmed = 0
        left = len(spellings)
        for spelling, indexes in sorted(spellings.items(), key=lambda item: len(item[1])):
            left -= 1
            word = (self.spelling_of[spelling], self.normal_of[self.group_of[spelling]])
            if any(self._segmented(text, found[i], word, read) for i in indexes):
                confirmed += 1
                if confirmed == 2:
                    return True
            if confirmed + left < 2:
                return False
        return False

    def _segmented(
        self,
        text: str,
        match: tuple[int, int, int],
        word: tuple[str, str],
        read: dict[str, MorphemeList],
    ) -> bool:
        """Whether Sudachi reads `word` (its spelling and normalized form:
        `行` the line is no spelling of `行く`) at `match` (or, for a compound,
        inside it)."""
        start, end, _ = match
        lo, hi = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
        window = text[lo:hi]
        read_here = read.get(window)
        if read_here is None:
            read_here = read[window] = morphemes(window)
        start, end = start - lo, end - lo
        for m in read_here:  # only the words over the match are worth spelling out
            if m.begin() >= end:
                break
            if m.end() > start:
                for u in units(token_of(m)):
                    if (
                        u.start >= start
                        and u.end <= end
                        and (chosen_spelling(u.surface, u.lemma), u.normalized) == word
                    ):
                        return True
        return False


def _container(
    found: list[tuple[int, int, int]], ends: list[int], start: int, end: int, longest: int
) -> tuple[int, int, int] | None:
    """The match a reader meets first that holds [start, end): of those that
    begin no later and end no sooner, the one reaching furthest (of equals,
    the one beginning first). `found` is ordered by end; no match is longer
    than `longest`."""
    best = None
    j = bisect.bisect_left(ends, end)
    limit = start + longest
    while j < len(found) and ends[j] <= limit:
        other = found[j]
        j += 1
        if other[0] <= start and (other[0], other[1]) != (start, end):
            if best is None or other[1] > best[1] or (other[1] == best[1] and other[0] < best[0]):
                best = other
    return best


def _script(c: str) -> str:
    if "\u3041" <= c <= "\u309f":
        return "hiragana"
    if "\u30a1" <= c <= "\u30fa" or c == "ー":
        return "katakana"
    if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or c in "々〆ヶ":
        return "kanji"
    return "other"


def _set_apart(text: str, start: int, end: int) -> bool:
    """A word with a change of script on both sides (`を実行する`): no other
    segmentation can reach into it, so what it holds is no word of its own."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return _script(before) != _script(text[start]) and _script(after) != _script(text[end - 1])


# Loading ----------------------------------------------------------------


def dictionary_file() -> Path | None:
    try:
        import sudachidict_core
    except ImportError:
        return None
    path = Path(sudachidict_core.__file__).parent / "resources" / "system.dic"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def _code_version() -> str:
    from linter.user_cache import code_digest

    here = Path(__file__).parent
    return code_digest(_FORMAT, [here / name for name in _CODE]).hex()[:16]


def fingerprint(dictionary: Path) -> str:
    """Of the dictionary file (its size and header, which names its build) and
    of the code that derives the table."""
    with dictionary.open("rb") as f:
        head = f.read(1 << 16)
    digest = hashlib.sha256(head + str(dictionary.stat().st_size).encode()).hexdigest()[:16]
    return f"{digest}-{_code_version()}"


@lru_cache(maxsize=1)
def load() -> Lexicon | None:
    """The table for the installed dictionary: shipped, cached, or read now
    (once per dictionary); None when it cannot be had (the screen is off)."""
    dictionary = dictionary_file()
    if dictionary is None:
        return None
    key = fingerprint(dictionary)
    for path, trusted in ((SHIPPED, True), (_cached(key), False)):
        if path is not None:
            table = _read(path, key, trusted)
            if table is not None:
                return table
    stored = derive()
    if stored is None:
        return None
    stored["dictionary"] = key
    packed = pack(stored)
    cached = _cached(key)
    if cached is not None:
        _write(cached, packed)
    return decode(packed, key, trusted=True)


def _cached(key: str) -> Path | None:
    from linter.user_cache import user_cache_folder

    folder = user_cache_folder("spellings")
    return folder / f"{key}.bin" if folder is not None else None


def _read(path: Path, key: str, trusted: bool = False) -> Lexicon | None:
    try:
        return decode(read_regular(path, _TABLE_LIMIT), key, trusted)
    except (OSError, ValueError, KeyError, TypeError, IndexError, EOFError, RecursionError, UnicodeDecodeError):
        return None


_TEXTS = ("surfaces", "spelling_of", "normal_of")
# The two lists of strings are stored joined, with where each one ends.
_NUMBERS = {"offsets": "i", "ids": "i", "group_of": "i", "pairs": "q", "spelling_ends": "I", "normal_ends": "I"}


def decode(data: bytes, key: str, trusted: bool = False) -> Lexicon | None:
    """A stored table, checked as it is read (anything unexpected is a miss,
    ValueError): a header line of JSON, then its sections, bytes as they are
    used (UTF-8 text, little-endian integers), nothing to parse number by number.
    The shipped table is the package's own: what its header says of it is
    taken as said, and only a table from the user cache is checked through."""
    newline = data.index(b"\n")
    header = json.loads(data[:newline])
    if header["format"] != _FORMAT or header["dictionary"] != key:
        return None
    sections = header["sections"]
    if type(sections) is not dict or set(sections) != {*_TEXTS, *_NUMBERS}:
        raise ValueError("sections")
    body = memoryview(data)[newline + 1 :]  # sliced without copying
    parts: dict[str, memoryview] = {}
    for name, (start, length) in sections.items():
        if type(start) is not int or type(length) is not int or not 0 <= start <= start + length <= len(body):
            raise ValueError(name)
        parts[name] = body[start : start + length]
    surfaces = bytes(parts["surfaces"])
    offsets, ids, group_of, pairs, spelling_ends, normal_ends = (_numbers(parts[n], c) for n, c in _NUMBERS.items())
    spelling_of = _Strings(str(parts["spelling_of"], "utf-8"), spelling_ends)
    normal_of = _Strings(str(parts["normal_of"], "utf-8"), normal_ends)
    if trusted:
        size, digest = header["patterns"], header["key"]
    else:
        if surfaces.startswith(b"\n") or surfaces.endswith(b"\n") or b"\n\n" in surfaces:
            raise ValueError("surfaces")  # an empty pattern
        surfaces.decode("utf-8")  # UnicodeDecodeError now, not when the automaton is built
        size, digest = _patterns_in(surfaces), _key_of(surfaces)
        for strings in (spelling_of, normal_of):
            strings.check()
    lexicon = Lexicon(surfaces, size, digest, offsets, ids, group_of, spelling_of, normal_of, pairs)
    if len(offsets) != size + 1 or offsets[0] != 0 or offsets[-1] != len(ids):
        raise ValueError("offsets")  # out of order they would only give a surface no spellings
    if len(spelling_of) != len(group_of):
        raise ValueError("spellings")
    # Checked in C; the shipped table is the package's own.
    if not trusted and ids and (min(ids) < 0 or max(ids) >= len(group_of)):
        raise ValueError("spelling ids")
    if not trusted and group_of and (min(group_of) < 0 or max(group_of) >= len(normal_of)):
        raise ValueError("groups")
    return lexicon


def _patterns_in(surfaces: bytes) -> int:
    return surfaces.count(b"\n") + 1 if surfaces else 0


def _key_of(surfaces: bytes) -> str:
    """A digest of the patterns: names the stored automaton."""
    return hashlib.sha256(surfaces).hexdigest()[:32]


class _Strings(Sequence[str]):
    """A list of strings kept as one, with where each ends: 70,000 Python
    strings cost 6 MB, and a worker's reading them copies the pages they are on."""

    def __init__(self, text: str, ends: array):
        self._text = text
        self._ends = ends

    def check(self) -> None:
        """Ends in order, the last at the end of the text (else ValueError)."""
        ends = self._ends
        if (ends and ends[-1] != len(self._text)) or any(map(gt, ends, ends[1:])):
            raise ValueError("string ends")

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        end = self._ends[i]  # IndexError beyond the end, as a list
        return self._text[self._ends[i - 1] if i else 0 : end]


def pack(stored: dict) -> bytes:
    """The stored form of `_table()`'s output."""
    body = bytearray()
    sections = {}
    stored = dict(stored)
    surfaces = "\n".join(stored["surfaces"]).encode("utf-8")
    for name, ends in (("spelling_of", "spelling_ends"), ("normal_of", "normal_ends")):
        stored[ends] = list(accumulate(map(len, stored[name])))
    for name in (*_TEXTS, *_NUMBERS):
        value = stored[name]
        if name == "surfaces":
            chunk = surfaces
        elif name in _TEXTS:
            chunk = "".join(value).encode("utf-8")
        else:
            numbers = array(_NUMBERS[name], value)
            if sys.byteorder == "big":
                numbers.byteswap()
            chunk = numbers.tobytes()
        sections[name] = [len(body), len(chunk)]
        body += chunk
    header = {
        "format": _FORMAT,
        "dictionary": stored["dictionary"],
        "patterns": _patterns_in(surfaces),
        "key": _key_of(surfaces),
        "sections": sections,
    }
    return json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n" + bytes(body)


def _numbers(data: bytes | memoryview, code: str) -> array:
    numbers = array(code)
    numbers.frombytes(data)
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers


def pair_code(pair: str) -> int:
    """A two-character word as one number: the pairs are a sorted array, not a set to build."""
    return (ord(pair[0]) << 21) | ord(pair[1])


def _write(path: Path, data: bytes) -> None:
    """Into the user cache; best effort, atomic: a read-only home only costs the next run the work again."""
    from linter.atomic import write_atomically

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data, fsync=False, follow_symlinks=False, trusted=path.parent)
    except (OSError, ValueError):
        pass


# The automaton, stored ------------------------------------------------------

_AUTOMATON_FORMAT = b"yogolint-spelling-automaton-2"
_AUTOMATON_LIMIT = 256 * 1024 * 1024  # the automaton of the shipped table is ≈ 7 MB
_HEADER_BYTES = 128  # a line of this length, then the serialized automaton


def _automaton_file(key: str) -> Path | None:
    """Named by the patterns and by the daachorse build that serialized it."""
    import daachorse.daachorse as library

    from linter.user_cache import user_cache_folder

    folder = user_cache_folder("spellings")
    if folder is None:
        return None
    info = Path(library.__file__).stat()
    build = hashlib.sha256(f"{info.st_size}:{info.st_mtime_ns}".encode()).hexdigest()[:12]
    return folder / f"{key}-{build}.daac"


def _stored_automaton(key: str, patterns: int) -> CharwiseDoubleArrayAhoCorasick | None:
    """The automaton kept by an earlier run, checked: a header naming these
    patterns and the payload's checksum; daachorse checks the structure."""
    from daachorse import CharwiseDoubleArrayAhoCorasick

    path = _automaton_file(key)
    if path is None:
        return None
    try:
        # Read apart: daachorse takes only bytes, and slicing 7 MB off a header copies them.
        header = read_regular(path, _AUTOMATON_LIMIT, length=_HEADER_BYTES)
        payload = read_regular(path, _AUTOMATON_LIMIT, offset=_HEADER_BYTES)
        if header != _automaton_header(key, patterns, payload):
            return None
        return CharwiseDoubleArrayAhoCorasick.deserialize(payload)
    except (OSError, ValueError):
        return None


def _store_automaton(key: str, patterns: int, automaton: CharwiseDoubleArrayAhoCorasick) -> None:
    """Building takes ≈ 0.1 s, reading it back ≈ 0.01 s."""
    path = _automaton_file(key)
    if path is not None:
        payload = automaton.serialize()
        _write(path, _automaton_header(key, patterns, payload) + payload)


def _automaton_header(key: str, patterns: int, payload: bytes) -> bytes:
    # A checksum finds damage (a cut or torn file) at 3 GB/s; a digest in the
    # same file would stop no one who can write it anyway.
    checksum = f"{zlib.crc32(payload):08x}:{len(payload)}"
    line = b" ".join((_AUTOMATON_FORMAT, key.encode(), str(patterns).encode(), checksum.encode()))
    return line.ljust(_HEADER_BYTES - 1) + b"\n"


# Deriving -----------------------------------------------------------------


def derive() -> dict | None:
    """Every word of the lexicon with two or more spellings, as the rule
    judges spellings; None when this SudachiPy cannot list its entries."""
    from sudachipy import Dictionary

    dictionary = Dictionary(dict="core")
    if not hasattr(dictionary, "entries"):
        return None
    print("yogolint: reading the Sudachi dictionary's spellings (once per dictionary) …", file=sys.stderr)
    entries = [(m.surface(), m.dictionary_form(), m.normalized_form()) for m in dictionary.entries()]
    return _table(_words(entries), {surface for surface, _, _ in entries})


def _words(entries: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], dict[str, set[str]]]:
    """(normalized form, class) → spelling → the surfaces that write it, for
    words the rule compares and that have two spellings or more."""
    from linter.orthography import another_form, orthographic_class, worth_comparing

    classes: dict[str, str] = {}
    words: dict[tuple[str, str], dict[str, set[str]]] = {}
    for surface, lemma, normalized in entries:
        if len(normalized) < 2 or not worth_comparing(surface, normalized):
            continue
        chosen = chosen_spelling(surface, lemma)
        kind = classes.get(chosen)
        if kind is None:
            kind = classes[chosen] = orthographic_class(chosen)
        if kind.startswith("as-is:") or another_form(lemma, normalized):
            continue
        words.setdefault((normalized, kind), {}).setdefault(chosen, set()).add(surface)
    return {key: spellings for key, spellings in words.items() if len(spellings) > 1}


def _table(words: dict[tuple[str, str], dict[str, set[str]]], surfaces: set[str]) -> dict:
    """The stored form: spelling ids by word, and the spellings each surface
    writes as a word of its own and through the parts of a compound."""
    group_of: list[int] = []
    spelling_of: list[str] = []
    ids_of: dict[str, list[int]] = {}  # spelling → its ids (one per word it spells)
    patterns: dict[str, set[int]] = {}
    normal_of: list[str] = []
    for group, ((normalized, _), spellings) in enumerate(sorted(words.items())):
        normal_of.append(normalized)
        for chosen, written in sorted(spellings.items()):
            sid = len(group_of)
            group_of.append(group)
            spelling_of.append(chosen)
            ids_of.setdefault(chosen, []).append(sid)
            for surface in written:
                patterns.setdefault(surface, set()).add(sid)
    _read_alone(patterns, group_of, spelling_of)
    blockers, pairs = _blockers(patterns, surfaces)
    for blocker in blockers:
        patterns[blocker] = set()
    _add_parts(patterns, ids_of)
    ordered = sorted(patterns)
    offsets, ids = [0], []
    for surface in ordered:
        ids += sorted(patterns[surface])
        offsets.append(len(ids))
    return {
        "surfaces": ordered,
        "offsets": offsets,
        "ids": ids,
        "group_of": group_of,
        "spelling_of": spelling_of,
        "normal_of": normal_of,
        "pairs": sorted(pair_code(p) for p in pairs),
    }


def _read_alone(patterns: dict[str, set[int]], group_of: list[int], spelling_of: list[str]) -> None:
    """A surface that writes two spellings of one word (`新しい`: the modern
    adjective, and the classical `新し` in its attributive form) writes the one
    Sudachi reads it as, alone: a document's `新しい` is one spelling."""
    from linter.tokenizer import tokenize

    for surface, ids in patterns.items():
        groups = [group_of[i] for i in ids]
        if len(set(groups)) == len(groups):
            continue
        found = tokenize(surface)
        if len(found) != 1:
            continue
        read = chosen_spelling(found[0].surface, found[0].lemma)
        for group in {g for g in groups if groups.count(g) > 1}:
            mine = [i for i in ids if group_of[i] == group]
            if any(spelling_of[i] == read for i in mine):
                ids.difference_update(i for i in mine if spelling_of[i] != read)


def _blockers(patterns: dict[str, set[int]], surfaces: set[str]) -> tuple[list[str], list[str]]:
    """Dictionary words that hold a shorter surface no word of its own there:
    katakana words (`プリ` in `アプリ`, matched too) and two-character words
    holding a one-character surface (`有` in `有効`, looked up beside it).
    They hide what they hold, as segmentation would."""
    import ahocorasick_rs

    from linter.orthography import is_katakana

    katakana = [p for p in patterns if all(is_katakana(c) for c in p)]
    automaton = ahocorasick_rs.AhoCorasick(katakana)
    single = {p for p in patterns if len(p) == 1}
    found, pairs = [], []
    for surface in surfaces:
        if surface in patterns or len(surface) < 2:
            continue
        if len(surface) == 2 and (surface[0] in single or surface[1] in single):
            pairs.append(surface)
        elif all(is_katakana(c) for c in surface) and automaton.find_matches_as_indexes(surface, overlapping=True):
            found.append(surface)
    return sorted(found), sorted(pairs)


def _add_parts(patterns: dict[str, set[int]], ids_of: dict[str, list[int]]) -> None:
    """The rule counts the words of a compound (`問合せ先` → `問合せ`, `先`) as
    it splits them: a compound's surface stands for its parts too."""
    from linter.tokenizer import parts

    for surface, ids in patterns.items():
        if len(surface) < 3 or surface.isascii():
            continue
        found = parts(surface)
        if len(found) > 1:
            for part in found:
                ids.update(ids_of.get(chosen_spelling(part.surface, part.lemma), ()))


if __name__ == "__main__":  # python -m linter.spelling_lexicon: rebuild the shipped table
    found = dictionary_file()
    table = derive() if found is not None else None
    if found is None or table is None:
        sys.exit("no Sudachi dictionary whose entries can be listed")
    table["dictionary"] = fingerprint(found)
    SHIPPED.parent.mkdir(exist_ok=True)
    packed = pack(table)
    SHIPPED.write_bytes(packed)
    lexicon = decode(packed, table["dictionary"], trusted=True)
    assert lexicon is not None
    print(f"{SHIPPED}: {lexicon.size} surfaces, {len(lexicon.spelling_of)} spellings, {len(lexicon.pairs)} pairs")
