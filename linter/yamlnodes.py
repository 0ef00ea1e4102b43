"""Safe YAML with line numbers.

Documents are composed with PyYAML's SafeLoader (no tags that build Python
objects) and turned into plain values whose dicts and lists remember the line
they start on, so validation errors can name `file:line`.

The plain values of a file are kept as JSON in a user cache folder, keyed by
the file's bytes (see `parsed_cache`): the built-in glossary and policy then
load without importing PyYAML, which alone took longer than linting a file.
Callers validate what they get either way, so errors are the same.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from linter.atomic import write_atomically
from linter.source import SETTINGS_FILE_LIMIT, read_regular
from linter.user_cache import user_cache_folder

_FORMAT = "yogolint-yaml-1"  # bump when the cached shape changes


class YamlError(Exception):
    """One line for the user: `file:line: problem`."""


class LineDict(dict):
    line: int = 0
    key_lines: dict


class LineList(list):
    line: int = 0


def load_yaml(path: Path, shown: str | None = None):
    """Parse one YAML file into LineDict/LineList/scalars. Raises YamlError."""
    shown = shown or str(path)
    try:
        data = read_regular(path, SETTINGS_FILE_LIMIT)
        text = data.decode("utf-8-sig")
    except OSError as exc:
        raise YamlError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise YamlError(f"{shown}: not UTF-8") from None
    cache = parsed_cache()
    key = hashlib.sha256(_FORMAT.encode() + data).hexdigest()
    if cache is not None:
        found = _read_cached(cache / f"{key}.json")
        if found is not None:
            return found[0]
    value = parse_yaml(text, shown)
    if cache is not None:
        _write_cached(cache, f"{key}.json", value)
    return value


def parse_yaml(text: str, shown: str):
    import yaml

    # libyaml's safe loader when PyYAML was built with it (10× faster start-up),
    # the pure-Python one otherwise: both compose nodes with line marks.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlError(f"{shown}:{line}: invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlError(f"{shown}: invalid YAML: {exc}") from None
    if node is None:
        return None
    return _convert(node, shown, {})


_PLAIN_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


def _convert(node, shown: str, done: dict):
    import yaml

    # Aliases share nodes: each is converted once, so "billion laughs" YAML
    # (nine aliases of nine aliases of ...) costs its size, not 9**depth.
    if id(node) in done:
        return done[id(node)]
    line = node.start_mark.line + 1
    if isinstance(node, yaml.CollectionNode) and node.tag not in _PLAIN_COLLECTION_TAGS:
        # The tags that would build Python objects are refused, never built.
        raise YamlError(f"{shown}:{line}: could not determine a constructor for the tag '{node.tag}'")
    if isinstance(node, yaml.MappingNode):
        out = done[id(node)] = LineDict()
        out.line, out.key_lines = line, {}
        for key_node, value_node in node.value:
            key = _convert(key_node, shown, done)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise YamlError(f"{shown}:{key_node.start_mark.line + 1}: a key must be a plain value")
            if key in out:
                raise YamlError(f"{shown}:{key_node.start_mark.line + 1}: duplicate key '{key}'")
            out[key] = _convert(value_node, shown, done)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        items = done[id(node)] = LineList()
        items.line = line
        items.extend(_convert(v, shown, done) for v in node.value)
        return items
    try:
        # SafeLoader's constructor builds only plain types; any other tag fails.
        return yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        raise YamlError(f"{shown}:{line}: {exc.problem}") from None
    except ValueError as exc:
        raise YamlError(f"{shown}:{line}: bad value: {exc}") from None


# --- the parsed-file cache ----------------------------------------------------


def parsed_cache() -> Path | None:
    """The user cache's `yaml/` folder. Only plain values are stored, as JSON,
    so a cache file can at worst be wrong data for the validators, never code;
    and what does not have the shape written here is parsed again."""
    return user_cache_folder("yaml")


def _encode(value, seen: set):
    if isinstance(value, LineDict):
        if id(value) in seen:
            raise ValueError("shared node")  # aliases: caching would expand them
        seen.add(id(value))
        return {"line": value.line, "items": [[k, value.key_lines[k], _encode(v, seen)] for k, v in value.items()]}
    if isinstance(value, LineList):
        if id(value) in seen:
            raise ValueError("shared node")
        seen.add(id(value))
        return {"line": value.line, "list": [_encode(v, seen) for v in value]}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ValueError(f"not a JSON value: {type(value).__name__}")  # a date, binary, a set


def _decode(value):
    """The inverse of _encode; TypeError/ValueError on anything it did not write."""
    if isinstance(value, dict):
        if type(value.get("line")) is not int:
            raise ValueError("no line")
        if "list" in value:
            if not isinstance(value["list"], list):
                raise ValueError("not a list")
            out = LineList(_decode(v) for v in value["list"])
            out.line = value["line"]
            return out
        out = LineDict()
        out.line, out.key_lines = value["line"], {}
        for key, line, item in value["items"]:
            if not isinstance(key, (str, int, float, bool)) or type(line) is not int:
                raise ValueError("bad key")
            out[key] = _decode(item)
            out.key_lines[key] = line
        return out
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError("not a value _encode writes")


def _read_cached(path: Path):
    """(value,) from the cache, or None when absent or unreadable."""
    try:
        return (_decode(json.loads(read_regular(path, SETTINGS_FILE_LIMIT * 4))),)
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def _write_cached(folder: Path, name: str, value) -> None:
    """Best effort, atomic: a read-only home or a full disk only costs speed."""
    try:
        payload = json.dumps(_encode(value, set()), ensure_ascii=False).encode("utf-8")
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(folder / name, payload, fsync=False, follow_symlinks=False, trusted=folder)
    except (OSError, ValueError, RecursionError):
        pass
