"""`--output-format concise`: one line a finding, like ruff's concise mode
and gcc (`path:line:col: rule severity [*] message`), then the summary."""

from __future__ import annotations

from linter.reporters import Report
from linter.reporters.text import header, statistics_block, summary


def render(report: Report) -> str:
    lines = [header(d, report.color) for d in report.diagnostics]
    lines.append(summary(report))
    return "\n".join(lines) + "\n" + statistics_block(report)
