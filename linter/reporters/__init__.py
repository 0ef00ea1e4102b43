"""Reporters: one module per output format, each `render(report) -> str`.

Adding a format is adding a module here and one line in FORMATS.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from linter.diagnostics import Diagnostic


@dataclass
class Report:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_scanned: int = 0
    errors: list[str] = field(default_factory=list)
    # Source text of each linted file that has findings (path → text), for
    # formats that show a finding in its line of context.
    texts: dict[str, str] = field(default_factory=dict)


# format name → module in this package
FORMATS = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "html": "html",
}


def render(report: Report, fmt: str) -> str:
    module = importlib.import_module(f"linter.reporters.{FORMATS[fmt]}")
    return module.render(report)
