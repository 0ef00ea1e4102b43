"""Validated glossaries, kept across runs.

A 100,000-term glossary (an imported termbase) took seconds to read,
validate and turn into automaton patterns on every run. What comes out, the
entries and the automaton's spelling table (every folded spelling and the
entry it names), is stored as JSON keyed by the bytes of every glossary file
of every layer and by the code that reads them; a hit rebuilds only the
automaton. A glossary with an error is never stored, so its error is
reported on every run, from the files themselves.

Like the parsed-YAML cache (`linter.yamlnodes`, same folder rules): plain
values, never pickle; each value is checked against the type of the field it
fills as it is read, and anything unexpected is a miss.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from linter.glossary import Deprecated, Entry, Glossary, Section, Sense, glossary_files
from linter.source import SETTINGS_FILE_LIMIT, read_regular
from linter.user_cache import code_digest, user_cache_folder

_FORMAT = "yogolint-glossary-1"  # bump when the stored shape changes
_CODE = ("glossary.py", "folding.py", "automaton.py", "yamlnodes.py", "glossary_cache.py")


@lru_cache(maxsize=1)
def _code_version() -> bytes:
    here = Path(__file__).parent
    return code_digest(_FORMAT, [here / name for name in _CODE])


def _key(layers: list[Path]) -> str | None:
    """Of every file of every layer, in order; None when a layer is missing or
    unreadable (the loader then says so)."""
    digest = hashlib.sha256(_code_version())
    try:
        for layer in layers:
            if not layer.exists():
                return None
            digest.update(b"\1layer")
            for file in glossary_files(layer):
                # regular files only, bounded: a FIFO must not hang the key
                digest.update(str(file).encode() + b"\0" + read_regular(file, SETTINGS_FILE_LIMIT))
    except OSError:
        return None
    return digest.hexdigest()


# --- entries as JSON rows ---------------------------------------------------------
# [term, kind, file number, line, [[field number, value], ...]]: only the
# fields an entry sets (most set two or three of twenty), files in a table.

_FIELDS = dataclasses.fields(Entry)
_NAMES = [f.name for f in _FIELDS]
_HEAD = ("term", "kind", "file", "line")
assert tuple(_NAMES[:4]) == _HEAD  # the row layout follows Entry's first fields


def _kind(field: dataclasses.Field) -> str:
    if field.name == "deprecated":
        return "deprecated"
    if field.name in ("senses", "other_meanings"):
        return "senses"
    if field.name == "sections":
        return "sections"
    if field.default == ():
        return "strings"
    if field.default is None:
        return "str"
    return "other"  # a field this cache does not know: never stored


_KINDS = [_kind(f) for f in _FIELDS]


def _strings(value) -> tuple[str, ...]:
    if type(value) is not list or not all(type(v) is str for v in value):
        raise ValueError("not a list of strings")
    return tuple(value)


def _row(entry: Entry, files: dict[str, int]) -> list:
    rest = []
    for number in range(len(_HEAD), len(_FIELDS)):
        value = getattr(entry, _NAMES[number])
        if value is None or value == ():
            continue
        kind = _KINDS[number]
        if kind == "deprecated":
            value = [[d.form, d.message] for d in value]
        elif kind == "senses":
            value = [[s.meaning, list(s.cues)] for s in value]
        elif kind == "sections":
            value = [{k: v for k, v in dataclasses.asdict(section).items() if v is not None} for section in value]
        elif kind == "strings":
            value = list(value)
        elif kind != "str" or type(value) is not str:
            raise ValueError(f"cannot store {_NAMES[number]}")
        rest.append([number, value])
    return [entry.term, entry.kind, files.setdefault(entry.file, len(files)), entry.line, rest]


def _entry(row, files: list[str]) -> Entry:
    term, kind, file, line, rest = row
    if type(term) is not str or type(kind) is not str or type(line) is not int:
        raise ValueError("not an entry row")
    values = {}
    for number, value in rest:
        field_kind = _KINDS[number] if type(number) is int and len(_HEAD) <= number < len(_KINDS) else None
        if field_kind == "str":
            if type(value) is not str:
                raise ValueError("not a string")
        elif field_kind == "strings":
            value = _strings(value)
        elif field_kind == "deprecated":
            value = tuple(Deprecated(*_deprecated(d)) for d in value)
        elif field_kind == "senses":
            value = tuple(Sense(*_sense(s)) for s in value)
        elif field_kind == "sections":
            value = tuple(_section(s) for s in value)
        else:
            raise ValueError("unknown field")
        values[_NAMES[number]] = value
    return Entry(term, kind, files[file], line, **values)


def _deprecated(item) -> tuple[str, str | None]:
    form, message = item
    if type(form) is not str or (message is not None and type(message) is not str):
        raise ValueError("bad deprecated spelling")
    return form, message


_SECTION_FIELDS = {f.name for f in dataclasses.fields(Section)}


def _section(item) -> Section:
    if (
        type(item) is not dict
        or type(item.get("name")) is not str
        or set(item) - _SECTION_FIELDS
        or not all(type(v) is str for v in item.values())
    ):
        raise ValueError("bad section")
    return Section(**item)


def _sense(item) -> tuple[str, tuple[str, ...]]:
    meaning, cues = item
    if type(meaning) is not str:
        raise ValueError("bad sense")
    return meaning, _strings(cues)


# --- loading -----------------------------------------------------------------


def load(layers: list[Path], build: Callable[[list[Path]], Glossary]) -> Glossary:
    """`build(layers)` (read and validate the files), unless a run before did it."""
    folder = user_cache_folder("glossary")
    key = _key(layers) if folder is not None else None
    if key is None or folder is None:
        return build(layers)
    found = _read(folder / f"{key}.json")
    if found is not None:
        return found
    glossary = build(layers)
    _write(folder, f"{key}.json", glossary)
    return glossary


def _read(path: Path) -> Glossary | None:
    try:
        data = json.loads(read_regular(path, 4 * SETTINGS_FILE_LIMIT))
        if data["format"] != _FORMAT:
            return None
        files = data["files"]
        if type(files) is not list or not all(type(f) is str for f in files):
            return None
        entries = [_entry(row, files) for row in data["entries"]]
        patterns, owners = data["patterns"], data["owners"]
        if (
            type(patterns) is not list
            or type(owners) is not list
            or len(patterns) != len(owners)
            or not all(type(p) is str and p for p in patterns)
            or not all(type(o) is int and -1 <= o < len(entries) for o in owners)
        ):
            return None
    except (OSError, ValueError, KeyError, TypeError, IndexError, RecursionError):
        return None
    glossary = Glossary(entries, {e.term: e for e in entries})
    glossary.spelling_table = (patterns, [entries[o] if o >= 0 else None for o in owners])
    return glossary


def _write(folder: Path, name: str, glossary: Glossary) -> None:
    """Best effort, atomic: a read-only home or a full disk only costs speed."""
    from linter.atomic import write_atomically
    from linter.automaton import spelling_table

    patterns, owners = spelling_table(glossary)
    index = {id(e): i for i, e in enumerate(glossary.entries)}
    try:
        files: dict[str, int] = {}
        rows = [_row(e, files) for e in glossary.entries]
        payload = json.dumps(
            {
                "format": _FORMAT,
                "files": list(files),
                "entries": rows,
                "patterns": patterns,
                "owners": [-1 if o is None else index[id(o)] for o in owners],
            },
            ensure_ascii=False,
        ).encode("utf-8")
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(folder / name, payload, fsync=False, follow_symlinks=False, trusted=folder)
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        pass
    glossary.spelling_table = (patterns, owners)
