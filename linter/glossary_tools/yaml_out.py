"""Glossary YAML written by `glossary import`: plain data through PyYAML's
safe dumper, keys in the order glossary/README.md documents them."""
from __future__ import annotations

import yaml

HEADER = "# Written by `yogolint glossary import`: review, then add to the glossary.\n"


def dump_entries(entries: list[dict]) -> bytes:
    text = yaml.safe_dump({"entries": entries}, allow_unicode=True, sort_keys=False, width=10**6,
                          default_flow_style=False)
    return (HEADER + text).encode("utf-8")
