"""GitHub Actions workflow commands: one annotation a finding.

    ::warning file=docs/a.md,line=3,col=5,endLine=3,endColumn=13,title=yogolint (preferred-term)::セールスフォース → Salesforce

In a workflow step, each line becomes an annotation on the file and line in
the pull request. Severity maps error → error, warning → warning,
info → notice. Files that could not be read become `::error` annotations
without a location, so a CI log shows them where the findings are.
"""

from __future__ import annotations

import os

from linter.reporters import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """The message part of a workflow command (after `::`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (`file=…`, `title=…`): also `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def render(report: Report) -> str:
    lines = []
    for d in report.diagnostics:
        lines.append(
            command(
                COMMANDS.get(d.severity, "warning"),
                d.message,
                file=d.path.replace(os.sep, "/"),  # a POSIX name may hold a `\\` of its own
                line=d.line,
                col=d.column,
                endLine=d.end_line,
                endColumn=d.end_column,
                title=f"yogolint ({d.rule})",
            )
        )
    for error in report.errors:
        lines.append(command("error", error, title="yogolint"))
    return "".join(line + "\n" for line in lines)
