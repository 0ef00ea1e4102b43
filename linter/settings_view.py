"""`yogolint check --show-settings PATH`: the settings that apply to one file
and the file (and line) each comes from, the way the linter builds them
(linter.workspace): built-in → configuration (and what it extends) →
matching overrides → command line."""

from __future__ import annotations

from pathlib import Path

from linter.glossary import builtin_glossary_dir
from linter.policy import builtin_rules_dir
from linter.rules import RULES
from linter.workspace import Workspace
from linter.yamlnodes import LineDict, YamlError, load_yaml

BUILTIN = "組み込み"
COMMAND_LINE = "コマンドライン"


def show_settings(workspace: Workspace, file: Path) -> str:
    options = workspace.options
    config = workspace.config_for(file)
    overrides = config.overrides_for(file)
    policy, rule_ids = workspace.policy_for(config, overrides)
    lines = [f"設定: {file}"]
    if options.config is not None:
        lines.append(f"  設定ファイル: {config.path} (--config)")
    else:
        lines.append(f"  設定ファイル: {config.path or 'なし (組み込みの設定のみ)'}")
    lines.append(f"  検査対象: {'いいえ (除外: ' + str(config.path) + ')' if config.is_excluded(file) else 'はい'}")

    lines.append("  用語集:")
    lines.append(f"    {builtin_glossary_dir()}  ({BUILTIN})")
    lines += [f"    {p}  ({config.named_in.get(p, config.path)})" for p in config.glossary]
    lines += [f"    {p}  (--glossary)" for p in options.glossaries]
    prh = [f"    {p}  ({config.named_in.get(p, config.path)})" for p in config.prh]
    prh += [f"    {p}  (--prh)" for p in options.prh]
    lines.append("  prh 辞書:" + ("" if prh else " なし"))
    lines += prh
    if options.prh_rules is not None:
        lines.append(f"  prh_rules: {options.prh_rules}  (--prh-rules)")
    elif config.prh_rules is not None:
        lines.append(f"  prh_rules: {config.prh_rules}  ({config.named_in.get(config.prh_rules, config.path)})")

    origins, well_known = _policy_origins([*config.policies, *overrides])
    forced = workspace.forced_on()
    lines.append("  ルール (重大度、出どころ):")
    width = max(len(r) for r in RULES)
    for rule_id in RULES:
        setting = policy.setting(rule_id)
        on = setting.enabled and rule_id in rule_ids
        origin = origins.get(rule_id, BUILTIN)
        if rule_id not in rule_ids:
            origin = f"{COMMAND_LINE} (--select/--ignore で外す)"
        elif rule_id in forced:
            origin += f" ({COMMAND_LINE}で有効)"
        lines.append(f"    {rule_id:{width}}  {setting.severity if on else 'off':8} {origin}")
    lines.append("  well_known:" + ("" if well_known else " なし"))
    lines += [f"    {', '.join(sorted(words))}  ({origin})" for origin, words in well_known]
    if config.include or config.exclude:
        lines.append(f"  include: {', '.join(config.include) or '(すべて)'}  ({config.path})")
        lines.append(f"  exclude: {', '.join(config.exclude) or 'なし'}  ({config.path})")
    return "\n".join(lines) + "\n"


def _policy_origins(layers) -> tuple[dict[str, str], list[tuple[str, list[str]]]]:
    """rule id → `file:line` of the last setting of it; and the well_known
    words with where each list is."""
    origins: dict[str, str] = {}
    well_known: list[tuple[str, list[str]]] = []
    for path in sorted(builtin_rules_dir().glob("*.yaml")):
        try:
            data = load_yaml(path, str(path))
        except YamlError:
            continue
        if isinstance(data, LineDict):
            _record(data, f"{BUILTIN} {path}", origins, well_known)
    for shown, data in layers:
        _record(data, shown, origins, well_known)
    return origins, well_known


def _record(data: LineDict, shown: str, origins: dict, well_known: list) -> None:
    rules = data.get("rules")
    if isinstance(rules, LineDict):
        for rule_id in rules:
            origins[rule_id] = f"{shown}:{rules.key_lines.get(rule_id, data.line)}"
    words = data.get("well_known")
    if isinstance(words, list) and words:
        well_known.append((f"{shown}:{data.key_lines.get('well_known', data.line)}", list(words)))
