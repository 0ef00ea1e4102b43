"""Policy: which rules run, how strictly (rules/*.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from linter.diagnostics import SEVERITIES
from linter.yamlnodes import LineDict, LineList, YamlError, load_yaml

_TOP_KEYS = {"rules", "well_known"}
_RULE_KEYS = {"enabled", "severity"}


class PolicyError(YamlError):
    """A broken policy file: `file:line: problem`."""


@dataclass
class RuleSetting:
    enabled: bool = True
    severity: str = "warning"


@dataclass
class Policy:
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    well_known: set[str] = field(default_factory=set)

    def setting(self, rule_id: str) -> RuleSetting:
        return self.rules.setdefault(rule_id, RuleSetting())


def builtin_rules_dir() -> Path:
    packaged = resources.files("linter.data") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[1] / "rules"


def load_policy(known_rules: set[str], files: list[Path] | None = None) -> Policy:
    policy = Policy()
    if files is None:
        folder = builtin_rules_dir()
        files = sorted(folder.glob("*.yaml"))
    for path in files:
        merge_policy_file(policy, path, known_rules)
    return policy


def merge_policy_file(policy: Policy, path: Path, known_rules: set[str]) -> None:
    shown = str(path)
    try:
        data = load_yaml(path, shown)
    except YamlError as exc:
        raise PolicyError(str(exc)) from None
    if data is None:
        return
    if not isinstance(data, LineDict):
        raise PolicyError(f"{shown}:1: a policy file is a mapping with keys {', '.join(sorted(_TOP_KEYS))}")
    merge_policy(policy, data, shown, known_rules)


def merge_policy(policy: Policy, data: LineDict, shown: str, known_rules: set[str]) -> None:
    for key in data:
        if key not in _TOP_KEYS:
            raise PolicyError(
                f"{shown}:{data.key_lines[key]}: unknown key '{key}' (allowed: {', '.join(sorted(_TOP_KEYS))})"
            )
    rules = data.get("rules") or LineDict()
    if not isinstance(rules, LineDict):
        raise PolicyError(f"{shown}:{data.key_lines['rules']}: 'rules' must be a mapping of rule id to settings")
    for rule_id, value in rules.items():
        line = rules.key_lines[rule_id]
        if rule_id not in known_rules:
            raise PolicyError(f"{shown}:{line}: unknown rule '{rule_id}' (known: {', '.join(sorted(known_rules))})")
        setting = policy.setting(rule_id)
        if isinstance(value, bool):
            setting.enabled = value
            continue
        if isinstance(value, str):
            value = LineDict(severity=value)
            value.key_lines, value.line = {"severity": line}, line
        if not isinstance(value, LineDict) or set(value) - _RULE_KEYS:
            raise PolicyError(
                f"{shown}:{line}: rule '{rule_id}' takes true/false, a severity, or {{enabled, severity}}"
            )
        if "enabled" in value:
            if not isinstance(value["enabled"], bool):
                raise PolicyError(f"{shown}:{value.key_lines['enabled']}: 'enabled' must be true or false")
            setting.enabled = value["enabled"]
        if "severity" in value:
            if value["severity"] not in SEVERITIES:
                raise PolicyError(
                    f"{shown}:{value.key_lines['severity']}: severity '{value['severity']}' is not one of {', '.join(SEVERITIES)}"
                )
            setting.severity = value["severity"]
            if "enabled" not in value:
                setting.enabled = True  # naming a severity turns an opt-in rule on
    if "well_known" in data:
        known = data["well_known"]
        if not isinstance(known, LineList) or not all(isinstance(k, str) for k in known):
            raise PolicyError(f"{shown}:{data.key_lines['well_known']}: 'well_known' must be a list of strings")
        policy.well_known.update(known)
