"""Reporters: one module per output format, each `render(report) -> str`.

Adding a format is adding a module here and one line in FORMATS. A format
declares what it reads besides the findings (`Format.reads`); the runner
provides exactly that:

- `text`: each file's text, for formats that quote a finding's line
  (shipping every text back from the worker processes costs time);
- `statistics`: the format shows `--statistics` itself (otherwise the option
  does not apply to it);
- `policy`: each rule's default severity (`Report.default_severities`);
- `terminal`: whether to colour (`Report.color`) and how wide the lines may be.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from linter.diagnostics import Diagnostic

TEXT, STATISTICS, POLICY, TERMINAL = "text", "statistics", "policy", "terminal"


@dataclass
class Report:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_scanned: int = 0
    errors: list[str] = field(default_factory=list)
    # Source text of each linted file that has findings (path → text), for
    # formats that show a finding in its line of context.
    texts: dict[str, str] = field(default_factory=dict)
    statistics: bool = False  # --statistics, for formats that read it
    default_severities: dict[str, str] = field(default_factory=dict)  # rule id → built-in severity
    color: bool = False  # ANSI colours (a terminal that wants them)
    width: int = 100  # display columns a quoted line may take


@dataclass(frozen=True)
class Format:
    module: str  # in this package
    reads: frozenset[str] = frozenset()
    help: str = ""


FORMATS = {
    "text": Format("text", frozenset({TEXT, STATISTICS, TERMINAL}), "each finding with its line and a marker"),
    "concise": Format("concise", frozenset({STATISTICS, TERMINAL}), "one line a finding"),
    "json": Format("json_report", frozenset({STATISTICS})),
    "sarif": Format("sarif", frozenset({TEXT, POLICY})),
    "github": Format("github"),
    "html": Format("html", frozenset({TEXT})),
}


def render(report: Report, fmt: str) -> str:
    module = importlib.import_module(f"linter.reporters.{FORMATS[fmt].module}")
    return module.render(report)
