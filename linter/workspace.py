"""Which settings apply to a file: configuration discovery and one Linter per
distinct setting, built once and reused for every file that shares it."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from linter.config import Config, ConfigError, find_config, load_config
from linter.engine import Linter
from linter.glossary import Glossary, GlossaryError, load_glossary
from linter.policy import Policy, PolicyError, load_policy, merge_policy
from linter.rules import RULES


class SettingsError(Exception):
    """A glossary, policy, configuration or prh dictionary the user must fix."""


@dataclass
class Options:
    """What the command line says; it overrides every configuration file."""

    glossaries: list[Path] = field(default_factory=list)
    prh: list[Path] = field(default_factory=list)
    select: set[str] | None = None
    ignore: set[str] | None = None
    config: Path | None = None  # --config: no discovery
    exclude: list[str] = field(default_factory=list)
    report_unused_suppressions: bool = False  # turns the unused-suppression rule on
    prh_rules: Path | None = None  # --prh-rules: overrides the configuration's prh_rules


def _to_stderr(message: str) -> None:
    print(f"yogolint: warning: {message}", file=sys.stderr)


class Workspace:
    def __init__(self, options: Options, warn: Callable[[str], None] = _to_stderr):
        self.options = options
        self._warn = warn  # `file:line: problem` of a file that loaded all the same
        self._warned: set[str] = set()
        self._configs: dict[Path, Config] = {}
        self._by_folder: dict[str, Config] = {}
        self._linters: dict[tuple, Linter] = {}
        self._glossaries: dict[tuple, Glossary] = {}
        self._forced = self._load(options.config) if options.config else None
        self.text_bytes = 0  # set before linting: how much text the automata will scan

    def config_for(self, file: Path) -> Config:
        if self._forced is not None:
            return self._forced
        folder = str(file.parent)  # files of one folder share it: ask once
        if folder not in self._by_folder:
            self._by_folder[folder] = self._discover(file)
        return self._by_folder[folder]

    def _discover(self, file: Path) -> Config:
        found = find_config(file)
        if found is None:
            return Config(root=Path.cwd())
        return self._load(found)

    def _load(self, path: Path) -> Config:
        key = path.resolve()
        if key not in self._configs:
            try:
                self._configs[key] = load_config(key)
            except ConfigError as exc:
                raise SettingsError(str(exc)) from None
        return self._configs[key]

    def is_excluded(self, file: Path) -> bool:
        return self.config_for(file).is_excluded(file)

    def linter_for(self, file: Path) -> Linter:
        config = self.config_for(file)
        overrides = config.overrides_for(file)
        key = (config.path, tuple(id(o) for _, o in overrides))
        if key not in self._linters:
            self._linters[key] = self._build(config, overrides)
        return self._linters[key]

    def _build(self, config: Config, overrides) -> Linter:
        glossary_paths = tuple(config.glossary + self.options.glossaries)
        prh_paths = tuple(config.prh + self.options.prh)
        try:
            if glossary_paths not in self._glossaries:
                self._glossaries[glossary_paths] = load_glossary(list(glossary_paths))
            glossary = self._glossaries[glossary_paths]
        except GlossaryError as exc:
            raise SettingsError(str(exc)) from None
        policy, rule_ids = self.policy_for(config, overrides)
        prh_rules = self.options.prh_rules or config.prh_rules
        dictionaries = self._prh(prh_paths, prh_rules)
        linter = Linter(glossary, policy, rule_ids, prh=dictionaries, text_bytes=self.text_bytes)
        # every file a dictionary read (its `imports:` too) decides findings
        prh_files = [source for d in dictionaries for source in d.sources] or list(prh_paths)
        linter.fingerprint = _fingerprint(glossary_paths, prh_files, policy, rule_ids)
        return linter

    def policy_for(self, config: Config, overrides) -> tuple[Policy, set[str]]:
        """The policy of a file (built-in, then its configuration, then the
        overrides that match it, then the command line) and the rules that run."""
        try:
            policy = load_policy(set(RULES))
            for shown, data in (*config.policies, *overrides):
                merge_policy(policy, data, shown, set(RULES))
        except PolicyError as exc:
            raise SettingsError(str(exc)) from None
        # The command line overrides the configuration: a rule named with
        # --select runs even where it is off by default or configured off.
        for rule_id in self.forced_on():
            policy.setting(rule_id).enabled = True
        rule_ids = (self.options.select or set(RULES)) - (self.options.ignore or set())
        return policy, rule_ids

    def forced_on(self) -> set[str]:
        """Rules the command line turns on whatever the configuration says."""
        return (self.options.select or set()) | (
            {"unused-suppression"} if self.options.report_unused_suppressions else set()
        )

    def _prh(self, paths: tuple[Path, ...], prh_rules: Path | None = None):
        if not paths:
            return []
        from linter.prh import PrhError, load_prh

        try:
            # Like prh itself, unknown keys are ignored (real dictionaries have typos
            # such as `spec:`): a textlint user's dictionary must load as it is.
            rules_dir = str(prh_rules) if prh_rules is not None else None
            dictionaries = [
                load_prh(p, strict=False, prh_rules_dir=rules_dir, text_bytes=self.text_bytes) for p in paths
            ]
        except PrhError as exc:
            raise SettingsError(str(exc)) from None
        for dictionary in dictionaries:
            self.warn(dictionary.warnings)
        return dictionaries

    def warn(self, messages) -> None:
        """Each problem once per run, however many settings share the file."""
        for message in messages:
            if message not in self._warned:
                self._warned.add(message)
                self._warn(message)


def _fingerprint(glossary_paths, prh_paths, policy, rule_ids) -> str:
    """What decides a file's findings besides its bytes (for the result cache)."""
    from linter.glossary import builtin_glossary_dir, glossary_files

    digest = hashlib.sha256()
    files = glossary_files(builtin_glossary_dir()) + [f for p in glossary_paths for f in glossary_files(Path(p))]
    for path in [*files, *(Path(p) for p in prh_paths)]:
        digest.update(str(path).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            pass
    rules = sorted((k, v.enabled, v.severity) for k, v in policy.rules.items())
    digest.update(repr((rules, sorted(policy.well_known), sorted(rule_ids))).encode())
    return digest.hexdigest()
