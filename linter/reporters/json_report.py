"""Machine output: the shape other tools and CI depend on (see README)."""
from __future__ import annotations

import json

from linter import __version__
from linter.reporters import Report


def render(report: Report) -> str:
    data = {
        "tool": "yogolint",
        "version": __version__,
        "files_scanned": report.files_scanned,
        "diagnostics": [d.to_json() for d in report.diagnostics],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
