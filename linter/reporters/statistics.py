"""`--statistics`: counts by rule and by term, and the files with the most findings."""
from __future__ import annotations

from collections import Counter

from linter.reporters import Report


def render(report: Report, top: int = 10) -> str:
    diags = report.diagnostics
    if not diags:
        return ""
    lines = ["", "ルール別"]
    for rule, count in Counter(d.rule for d in diags).most_common():
        lines.append(f"  {count:6d}  {rule}")
    lines.append("用語別")
    for (rule, term), count in Counter((d.rule, d.term) for d in diags).most_common(top):
        lines.append(f"  {count:6d}  {term}  ({rule})")
    lines.append("指摘の多いファイル")
    for path, count in Counter(d.path for d in diags).most_common(top):
        lines.append(f"  {count:6d}  {path}")
    return "\n".join(lines) + "\n"
