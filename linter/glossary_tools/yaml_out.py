"""Glossary YAML written by `glossary import`: plain data through PyYAML's
safe dumper, keys in the order glossary/README.md documents them."""

from __future__ import annotations

import yaml

HEADER = "# Written by `yogolint glossary import`: review, then add to the glossary.\n"


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str):
    # several lines (notes kept from a termbase) as a literal block, readable and diffable
    style = "|" if "\n" in value and not value.endswith((" ", "\n")) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump_entries(entries: list[dict]) -> bytes:
    text = yaml.dump(
        {"entries": entries}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6, default_flow_style=False
    )
    return (HEADER + text).encode("utf-8")
