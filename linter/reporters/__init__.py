"""Reporters: one module per output format, each `render(report) -> str`."""
from __future__ import annotations

from dataclasses import dataclass, field

from linter.diagnostics import Diagnostic


@dataclass
class Report:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_scanned: int = 0
    errors: list[str] = field(default_factory=list)


FORMATS = ("text", "json")


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        from linter.reporters import json_report

        return json_report.render(report)
    from linter.reporters import text

    return text.render(report)
