"""Compiled prh dictionaries, kept across runs.

Loading WEB+DB_PRESS.yml (1,296 rules) means composing its YAML and
translating every JavaScript pattern: ≈ 120 ms before the first file is
read, each run. What that produces (the rules with their translated
patterns, literal sets and metadata, the targets, the warnings) is stored
here as JSON, keyed by the dictionary's path and bytes, the loading options
and this package's code; every file it imports is recorded with the hash of
its bytes and checked on read. Only the automata are rebuilt on a hit, and
PyYAML is not imported at all.

Like the parsed-YAML cache (`linter.yamlnodes`): plain values as JSON, never
pickle; a value is rebuilt only into the types listed in `_TYPES`, with the
fields those types declare, so a damaged or foreign file is a miss, never
code. The folder is `$YOGOLINT_CACHE_DIR/prh` (empty: no cache), else
`$XDG_CACHE_HOME/yogolint/prh` or `~/.cache/yogolint/prh`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from linter.source import SETTINGS_FILE_LIMIT, read_regular

from .jsregex import LazyPattern

_FORMAT = "yogolint-prh-1"  # bump when the stored shape changes


def folder() -> Path | None:
    from linter.user_cache import user_cache_folder

    return user_cache_folder("prh")


@lru_cache(maxsize=1)
def _code_version() -> str:
    """The bytes of this package: a changed translator makes every entry stale."""
    from linter.user_cache import code_digest

    return code_digest(_FORMAT, sorted(Path(__file__).parent.glob("*.py"))).hex()


def _key(path: str, strict: bool, data: bytes) -> str:
    digest = hashlib.sha256(_code_version().encode())
    # the path as given and as resolved: rule sources and messages quote it,
    # and imports are found relative to it
    digest.update(repr((path, os.path.abspath(path), strict)).encode() + b"\0" + data)
    return digest.hexdigest()


def _file_hash(path: str) -> str | None:
    try:
        return hashlib.sha256(read_regular(path, SETTINGS_FILE_LIMIT)).hexdigest()
    except OSError:
        return None


_PLAIN = (str, bool, int, float)


# --- encoding: a small tagged JSON of the dictionary's own types --------------


@lru_cache(maxsize=1)
def _types() -> dict[str, tuple[type, frozenset[str]]]:
    """The classes a cached value may become, with the fields each declares."""
    from . import dictionary

    classes = {"rule": dictionary.PrhRule, "spec": dictionary.PrhSpec, "target": dictionary._Target}
    return {tag: (cls, frozenset(f.name for f in dataclasses.fields(cls))) for tag, cls in classes.items()}


def _encode(value):
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):
        return {"$": "tuple", "items": [_encode(v) for v in value]}
    if isinstance(value, frozenset):
        return {"$": "frozenset", "items": sorted(_encode(v) for v in value)}
    if isinstance(value, dict):
        return {"$": "dict", "items": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, LazyPattern):
        return {
            "$": "lazy",
            "args": [value.js_source, value.py_source, value.icase, value.uses_regex_module, value.guarded],
            "where": value.where,
        }
    if isinstance(value, re.Pattern) or type(value).__module__.startswith("regex"):
        # compiled at load time (targets): the translated source and flags
        return {
            "$": "compiled",
            "source": value.pattern,
            "icase": bool(value.flags & re.IGNORECASE),
            "regex": not isinstance(value, re.Pattern),
        }
    for tag, (cls, _) in _types().items():
        if type(value) is cls:
            return {"$": tag, "fields": {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(cls)}}
    raise ValueError(f"cannot cache a {type(value).__name__}")


def _decode(value, types: dict[str, tuple[type, frozenset[str]]]):
    if value is None or type(value) in _PLAIN:
        return value
    if type(value) is list:
        return [_decode(v, types) for v in value]
    if not isinstance(value, dict):
        raise ValueError("not a cached value")
    tag = value["$"]
    if tag == "tuple":
        return tuple(_decode(v, types) for v in value["items"])
    if tag == "frozenset":
        return frozenset(_decode(v, types) for v in value["items"])
    if tag == "dict":
        return {_decode(k, types): _decode(v, types) for k, v in value["items"]}
    if tag == "lazy":
        js, py, icase, uses_regex, guarded = value["args"]
        if not (isinstance(js, str) and isinstance(py, str) and isinstance(value["where"], str)):
            raise ValueError("bad pattern")
        pattern = LazyPattern(js, py, bool(icase), bool(uses_regex), bool(guarded))
        pattern.where = value["where"]
        return pattern
    if tag == "compiled":
        if not isinstance(value["source"], str):
            raise ValueError("bad pattern")
        return LazyPattern("", value["source"], bool(value["icase"]), bool(value["regex"])).compiled()
    cls, fields = types[tag]
    stored = value["fields"]
    if stored.keys() != fields:  # the class changed shape: not this code's entry
        raise ValueError("fields differ")
    return cls(**{name: _decode(v, types) for name, v in stored.items()})


# --- reading and writing -------------------------------------------------------


def read(path: str, strict: bool) -> dict | None:
    """The arguments of PrhDictionary(...) for `path`, or None (a miss)."""
    where = folder()
    if where is None:
        return None
    try:
        data = read_regular(path, SETTINGS_FILE_LIMIT)  # a FIFO or a device must not hang the look-up
        entry = json.loads(read_regular(where / f"{_key(path, strict, data)}.json", 4 * SETTINGS_FILE_LIMIT))
        if entry["format"] != _FORMAT:
            return None
        for source, digest in entry["files"]:  # every import, as it was
            if _file_hash(source) != digest:
                return None
        types = _types()
        rules = _decode(entry["rules"], types)
        targets = _decode(entry["targets"], types)
        if not (
            all(type(r) is types["rule"][0] for r in rules) and all(type(t) is types["target"][0] for t in targets)
        ):
            return None
        plain = {k: entry[k] for k in ("path", "name", "version", "warnings", "sources")}
        if not (
            isinstance(plain["path"], str)
            and isinstance(plain["name"], str)
            and isinstance(plain["version"], int)
            and all(isinstance(s, str) for s in plain["warnings"] + plain["sources"])
        ):
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    return {**plain, "rules": rules, "targets": targets}


def write(path: str, strict: bool, dictionary) -> None:
    """Best effort, atomic: a read-only home or a full disk only costs speed."""
    from linter.atomic import write_atomically

    where = folder()
    if where is None:
        return
    try:
        data = read_regular(path, SETTINGS_FILE_LIMIT)  # a FIFO or a device must not hang the look-up
        files = [[source, _file_hash(source)] for source in dictionary.sources]
        if any(digest is None for _, digest in files):
            return
        entry = {
            "format": _FORMAT,
            "files": files,
            "path": dictionary.path,
            "name": dictionary.name,
            "version": dictionary.version,
            "warnings": list(dictionary.warnings),
            "sources": list(dictionary.sources),
            "rules": _encode(dictionary.rules),
            "targets": _encode(dictionary.targets),
        }
        payload = json.dumps(entry, ensure_ascii=False).encode("utf-8")
        where.mkdir(parents=True, exist_ok=True)
        write_atomically(
            where / f"{_key(path, strict, data)}.json", payload, fsync=False, follow_symlinks=False, trusted=where
        )
    except (OSError, ValueError, RecursionError):
        pass
