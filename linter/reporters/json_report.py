"""Machine output: the shape other tools and CI depend on (see README)."""

from __future__ import annotations

import json

from linter import __version__
from linter.reporters import Report


def render(report: Report) -> str:
    # One diagnostic a line: as easy to read and diff as an indented document,
    # and json's C encoder does the work (indent= falls back to pure Python,
    # a tenth of a second per ten thousand findings).
    head = json.dumps(
        {"tool": "yogolint", "version": __version__, "files_scanned": report.files_scanned},
        ensure_ascii=False,
        indent=2,
    )
    items = ",\n".join("    " + json.dumps(d.to_json(), ensure_ascii=False) for d in report.diagnostics)
    body = f"[\n{items}\n  ]" if items else "[]"
    tail = ""
    if report.statistics:
        from linter.reporters.statistics import counts

        tail = ',\n  "statistics": ' + json.dumps(counts(report), ensure_ascii=False)
    return head[:-2] + f',\n  "diagnostics": {body}{tail}\n}}\n'
