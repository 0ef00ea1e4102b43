"""Project configuration: `.yogolint.yaml` or `[tool.yogolint]` in pyproject.toml.

The closest configuration upward from each linted file wins (like ruff);
`--config FILE` overrides discovery; `extend: PATH` inherits another file.
Keys (the same in both formats):

    extend: ../base.yaml            # a configuration to build on
    glossary: [team-glossary.yaml]  # extra glossary files, merged over the built-in one
    prh: [prh.yml]                  # prh dictionaries (their findings are preferred-term)
    prh_rules: vendor/prh-rules     # where `node_modules/prh/prh-rules/…` imports are found
    rules: {undefined-abbreviation: false, preferred-term: error}
    well_known: [GDPR]              # abbreviations that need no definition
    include: ["**/*.md"]            # globs (linter.globs: as in .gitignore), relative to
    exclude: ["drafts/", "!drafts/keep.md"]  # the configuration's folder; `!` takes back out
    overrides:                      # stricter or looser policy for some paths
      - {paths: ["proposals/**"], rules: {undefined-abbreviation: error}}
    rule_docs_url: https://wiki.example.co.jp/yogolint/{rule}   # editors link each finding there
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from linter.globs import matches
from linter.source import SETTINGS_FILE_LIMIT, read_regular
from linter.yamlnodes import LineDict, LineList, YamlError, load_yaml

CONFIG_NAMES = (".yogolint.yaml", ".yogolint.yml", "pyproject.toml")
_KEYS = {
    "extend",
    "glossary",
    "prh",
    "prh_rules",
    "rules",
    "well_known",
    "include",
    "exclude",
    "overrides",
    "rule_docs_url",
}
_OVERRIDE_KEYS = {"paths", "rules", "well_known"}


class ConfigError(YamlError):
    """`file:line: problem` for a wrong key or value."""


@dataclass(frozen=True)
class Override:
    paths: tuple[str, ...]
    policy: LineDict  # {rules, well_known}, validated by linter.policy


@dataclass
class Config:
    path: Path | None = None  # the file it came from (None: defaults)
    root: Path = field(default_factory=Path.cwd)  # globs are relative to this
    glossary: list[Path] = field(default_factory=list)
    prh: list[Path] = field(default_factory=list)
    policies: list[tuple[str, LineDict]] = field(default_factory=list)  # (file, {rules, well_known}), base first
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    overrides: list[tuple[str, Override]] = field(default_factory=list)
    prh_rules: Path | None = None  # a checkout of the prh rules collection (github.com/prh/rules)
    named_in: dict[Path, str] = field(default_factory=dict)  # glossary/prh path → "config:line" naming it
    rule_docs_url: str | None = None  # `{rule}` is replaced by the rule id

    def relative(self, file: Path) -> str | None:
        try:
            resolved = file.resolve()
        except (OSError, RuntimeError):  # a symlink loop: reading the file will say so
            resolved = file.absolute()
        try:
            return resolved.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None

    def is_excluded(self, file: Path) -> bool:
        if not self.exclude and not self.include:
            return False
        rel = self.relative(file)
        if rel is None:
            return False
        if matches(rel, self.exclude):
            return True
        return bool(self.include) and not matches(rel, self.include)

    def overrides_for(self, file: Path) -> list[tuple[str, LineDict]]:
        if not self.overrides:
            return []
        rel = self.relative(file)
        if rel is None:
            return []
        return [(shown, o.policy) for shown, o in self.overrides if matches(rel, o.paths)]


def find_config(start: Path) -> Path | None:
    """The closest configuration file from `start` upward."""
    folder = start if start.is_dir() else start.parent
    return _config_for_folder(str(folder))


def forget_discovered() -> None:
    """Forget which configuration each folder has (one may have been created
    or deleted since): a long-running process (the language server) asks anew."""
    _config_for_folder.cache_clear()
    _discovered.clear()


@lru_cache(maxsize=4096)
def _config_for_folder(folder: str) -> Path | None:
    return _config_in_or_above(Path(folder).resolve())


_discovered: dict[Path, Path | None] = {}  # folder → the configuration in or above it


def _config_in_or_above(folder: Path) -> Path | None:
    # Remembered per folder, and for every folder passed on the way up: a scan
    # of thousands of files in hundreds of folders looks at each folder once.
    # Discovery stops at the root of the git work tree: a configuration above
    # a repository (in /tmp, in a parent folder) is not the repository's and
    # must not change how it is checked.
    if len(_discovered) > 65_536:  # a long-running server: bounded
        _discovered.clear()
    passed: list[Path] = []
    found: Path | None = None
    for candidate in (folder, *folder.parents):
        if candidate in _discovered:
            found = _discovered[candidate]
            break
        passed.append(candidate)
        found = _config_in(candidate)
        if found is not None or (candidate / ".git").exists():
            break
    for candidate in passed:
        _discovered[candidate] = found
    return found


def _config_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        path = folder / name
        if path.is_file() and (name != "pyproject.toml" or _has_tool_section(path)):
            return path
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        text = read_regular(path, SETTINGS_FILE_LIMIT).decode("utf-8-sig")
        return re.search(r"^\[tool\.yogolint[\].]", text, re.M) is not None
    except (OSError, UnicodeDecodeError):
        return False


def load_config(path: Path, _seen: tuple[Path, ...] = ()) -> Config:
    path = path.resolve()
    if path in _seen:
        raise ConfigError(f"{path}: 'extend' loops back to itself")
    data = _read(path)
    base = Config(root=path.parent)
    if "extend" in data:
        target = data["extend"]
        if not isinstance(target, str):
            raise ConfigError(f"{path}:{_line(data, 'extend')}: 'extend' must be a path")
        extended = path.parent / target
        if not extended.is_file():
            raise ConfigError(f"{path}:{_line(data, 'extend')}: 'extend' names '{target}', which does not exist")
        base = load_config(extended, (*_seen, path))
    config = Config(
        path=path,
        root=path.parent,
        glossary=list(base.glossary),
        prh=list(base.prh),
        policies=list(base.policies),
        include=list(base.include),
        exclude=list(base.exclude),
        overrides=list(base.overrides),
        prh_rules=base.prh_rules,
        named_in=dict(base.named_in),
        rule_docs_url=base.rule_docs_url,
    )
    for key in data:
        if key not in _KEYS:
            raise ConfigError(
                f"{path}:{_line(data, key)}: unknown key {_shown_key(key)}(allowed: {', '.join(sorted(_KEYS))})"
            )
    config.glossary += _existing(data, "glossary", path, "glossary file or folder")
    config.prh += _existing(data, "prh", path, "prh dictionary")
    if "prh_rules" in data:
        if not isinstance(data["prh_rules"], str):
            raise ConfigError(f"{path}:{_line(data, 'prh_rules')}: 'prh_rules' must be a path (a folder)")
        [config.prh_rules] = _existing(data, "prh_rules", path, "prh rules folder")
    for key in ("glossary", "prh", "prh_rules"):
        for name in _strings(data, key, path) if key in data else []:
            config.named_in[path.parent / name] = f"{path}:{_line(data, key)}"
    if "include" in data:
        config.include = _strings(data, "include", path)
    config.exclude += _strings(data, "exclude", path)
    if "rule_docs_url" in data:
        if not isinstance(data["rule_docs_url"], str):
            raise ConfigError(f"{path}:{_line(data, 'rule_docs_url')}: 'rule_docs_url' must be a URL (a string)")
        config.rule_docs_url = data["rule_docs_url"]
    policy = LineDict({k: data[k] for k in ("rules", "well_known") if k in data})
    policy.line, policy.key_lines = data.line, {k: _line(data, k) for k in policy}
    if policy:
        config.policies.append((str(path), policy))
    for item in _list(data, "overrides", path):
        if not isinstance(item, LineDict) or "paths" not in item or set(item) - _OVERRIDE_KEYS:
            raise ConfigError(
                f"{path}:{getattr(item, 'line', _line(data, 'overrides'))}: each override is "
                f"{{paths: [globs], rules: {{…}}, well_known: […]}}"
            )
        paths = tuple(_strings(item, "paths", path))
        override_policy = LineDict({k: item[k] for k in ("rules", "well_known") if k in item})
        override_policy.line, override_policy.key_lines = (
            item.line,
            {k: item.key_lines.get(k, item.line) for k in override_policy},
        )
        config.overrides.append((str(path), Override(paths, override_policy)))
    return config


def _shown_key(key) -> str:
    """The key quoted when it looks like one. A file that is no configuration
    at all (`extend: /etc/shadow`) must not have its content echoed."""
    if isinstance(key, str) and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]{0,39}", key):
        return f"'{key}' "
    return ""


def _existing(data: LineDict, key: str, path: Path, what: str) -> list[Path]:
    """The files a key names, relative to the configuration; a missing one is
    reported at the configuration's line, where the user can fix it."""
    found = []
    for name in _strings(data, key, path):
        target = path.parent / name
        if not target.exists():
            raise ConfigError(f"{path}:{_line(data, key)}: {what} '{name}' not found (looked for {target})")
        found.append(target)
    return found


def _read(path: Path) -> LineDict:
    if path.name == "pyproject.toml":
        return _read_toml(path)
    try:
        data = load_yaml(path)
    except YamlError as exc:
        raise ConfigError(str(exc)) from None
    if data is None:
        empty = LineDict()
        empty.line, empty.key_lines = 1, {}
        return empty
    if not isinstance(data, LineDict):
        raise ConfigError(f"{path}:1: a configuration is a mapping (keys: {', '.join(sorted(_KEYS))})")
    return data


def _read_toml(path: Path) -> LineDict:
    import tomllib

    try:
        text = read_regular(path, SETTINGS_FILE_LIMIT).decode("utf-8-sig")  # a BOM is allowed, as in YAML
        table = tomllib.loads(text).get("tool", {}).get("yogolint", {})
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    # tomllib keeps no line numbers: find each key's line under the section.
    lines = text.splitlines()
    section = next((i for i, line in enumerate(lines) if re.match(r"\s*\[tool\.yogolint\]", line)), 0)
    return _line_dicts(table, lines, section)


def _line_dicts(value, lines: list[str], after: int):
    if isinstance(value, dict):
        out = LineDict()
        out.line, out.key_lines = after + 1, {}
        for key, item in value.items():
            key_line = next(
                (i for i in range(after, len(lines)) if re.match(rf"\s*\"?{re.escape(str(key))}\"?\s*=", lines[i])),
                after,
            )
            out[key] = _line_dicts(item, lines, key_line)
            out.key_lines[key] = key_line + 1
        return out
    if isinstance(value, list):
        items = LineList(_line_dicts(v, lines, after) for v in value)
        items.line = after + 1
        return items
    return value


def _line(data: LineDict, key: str) -> int:
    return data.key_lines.get(key, data.line)


def _list(data: LineDict, key: str, path: Path) -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ConfigError(f"{path}:{_line(data, key)}: '{key}' must be a list")
    return value


def _strings(data: LineDict, key: str, path: Path) -> list[str]:
    value = data.get(key)
    if isinstance(value, str):
        return [value]
    items = _list(data, key, path)
    if not all(isinstance(v, str) for v in items):
        raise ConfigError(f"{path}:{_line(data, key)}: '{key}' must be a list of strings")
    return list(items)
