"""`--statistics`: counts by rule (with its severity), by term, and the files
with the most findings; as text after the findings, or as the `statistics`
object of the JSON report."""

from __future__ import annotations

from collections import Counter

from linter.reporters import Report

TOP = 10


def counts(report: Report, top: int = TOP) -> dict:
    diags = report.diagnostics
    severities: dict[str, Counter] = {}
    for d in diags:
        severities.setdefault(d.rule, Counter())[d.severity] += 1
    return {
        "by_rule": [
            {"rule": rule, "count": n, "severities": dict(severities[rule])}
            for rule, n in Counter(d.rule for d in diags).most_common()
        ],
        "by_severity": dict(Counter(d.severity for d in diags).most_common()),
        "by_term": [
            {"rule": rule, "term": term, "count": n}
            for (rule, term), n in Counter((d.rule, d.term) for d in diags).most_common(top)
        ],
        "by_file": [{"path": path, "count": n} for path, n in Counter(d.path for d in diags).most_common(top)],
        "fixable": sum(1 for d in diags if d.fix is not None and d.fix.safe),
        "unsafe_fixable": sum(1 for d in diags if d.fix is not None and not d.fix.safe),
    }


def render(report: Report, top: int = TOP) -> str:
    if not report.diagnostics:
        return ""
    stats = counts(report, top)
    lines = ["", "ルール別"]
    for item in stats["by_rule"]:
        severities = "、".join(f"{s} {n}" for s, n in item["severities"].items())
        lines.append(f"  {item['count']:6d}  {item['rule']}  ({severities})")
    lines.append("用語別")
    for item in stats["by_term"]:
        lines.append(f"  {item['count']:6d}  {item['term']}  ({item['rule']})")
    lines.append("指摘の多いファイル")
    for item in stats["by_file"]:
        lines.append(f"  {item['count']:6d}  {item['path']}")
    return "\n".join(lines) + "\n"
