"""Safe YAML with line numbers.

Documents are composed with PyYAML's SafeLoader (no tags that build Python
objects) and turned into plain values whose dicts and lists remember the line
they start on, so validation errors can name `file:line`.
"""
from __future__ import annotations

from pathlib import Path

import yaml


# libyaml's safe loader when PyYAML was built with it (10× faster start-up),
# the pure-Python one otherwise: both compose nodes with line marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise YamlError(f"{shown}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise YamlError(f"{shown}: not UTF-8") from None
    return parse_yaml(text, shown)


def parse_yaml(text: str, shown: str):
    try:
        node = yaml.compose(text, Loader=_LOADER)
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
        out = done[id(node)] = LineList()
        out.line = line
        out.extend(_convert(v, shown, done) for v in node.value)
        return out
    try:
        # SafeLoader's constructor builds only plain types; any other tag fails.
        return yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        raise YamlError(f"{shown}:{line}: {exc.problem}") from None
    except ValueError as exc:
        raise YamlError(f"{shown}:{line}: bad value: {exc}") from None
