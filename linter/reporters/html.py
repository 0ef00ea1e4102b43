"""One self-contained HTML page: `yogolint check --output-format html -o report.html docs/`.

Nothing is fetched (no CDN, no web fonts): the stylesheet and the script
(assets/report.css, assets/report.js, package data) are inlined, so the file
can be mailed or attached to a CI run and opened offline.

The findings travel as one JSON document in the page and the script builds
what is visible from it: the totals, clickable charts by term, rule, severity
and folder, a search box (term, message, path), filters by rule, term,
severity and folder that combine, and the files, each collapsed to its count
until opened. A report of 20,000 findings is then a few megabytes of data and
a few hundred elements, not hundreds of thousands of table cells.

Every piece of document text reaches the page as JSON data and is put into
the document with `textContent`: the documents are not trusted. The state can
be preset from the address: `report.html#rules=preferred-term&q=CRM&open=all`.
"""

from __future__ import annotations

import json
import posixpath
from html import escape
from importlib import resources

from linter import __version__
from linter.diagnostics import SEVERITIES
from linter.lines import LineIndex
from linter.reporters import Report
from linter.rules import RULES

CONTEXT = 60  # characters shown on each side of the term in a long line
ASSETS = "assets"


def render(report: Report) -> str:
    data = json.dumps(build_data(report), ensure_ascii=False, separators=(",", ":"))
    # Inside <script> only "</" could end the element; escaping every "<",
    # ">" and "&" keeps the data inert whatever the documents hold.
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return PAGE.format(css=_asset("report.css"), js=_asset("report.js"), data=data, version=escape(__version__))


def build_data(report: Report) -> dict:
    """The report as the page's script reads it (strings interned in tables:
    at 20,000 findings the paths, rules and terms repeat thousands of times)."""
    tables: dict[str, dict[str, int]] = {"files": {}, "terms": {}, "messages": {}}

    def intern(table: str, value: str) -> int:
        return tables[table].setdefault(value, len(tables[table]))

    rules_present = sorted(
        {d.rule for d in report.diagnostics}, key=lambda r: (list(RULES).index(r) if r in RULES else len(RULES), r)
    )
    rule_index = {r: i for i, r in enumerate(rules_present)}
    indexes: dict[str, LineIndex] = {}
    findings = []
    for d in report.diagnostics:
        text = report.texts.get(d.path)
        if text is not None and d.path not in indexes:
            indexes[d.path] = LineIndex(text)
        left, mark, right = _context(d, indexes.get(d.path))
        severity = SEVERITIES.index(d.severity) if d.severity in SEVERITIES else 1
        findings.append(
            [
                intern("files", d.path),
                d.line,
                d.column,
                rule_index[d.rule],
                severity,
                intern("terms", d.term),
                intern("messages", d.message),
                list(d.suggestions),
                left,
                mark,
                right,
            ]
        )
    files = list(tables["files"])
    return {
        "version": __version__,
        "files_scanned": report.files_scanned,
        "errors": list(report.errors),
        "files": files,
        "folders": [_folder(p) for p in files],
        "rules": [{"id": r, "summary": RULES[r].summary if r in RULES else ""} for r in rules_present],
        "severities": list(SEVERITIES),
        "terms": list(tables["terms"]),
        "messages": list(tables["messages"]),
        # [file, line, column, rule, severity, term, message, suggestions, left, term as written, right]
        "findings": findings,
    }


def _folder(path: str) -> str:
    folder = posixpath.dirname(path.replace("\\", "/"))
    return folder or "."


def _context(d, lines: LineIndex | None) -> tuple[str, str, str]:
    """The finding's line around the term; long lines cut around it."""
    if lines is None or not 1 <= d.line <= lines.line_count:
        return "", "", ""
    line = lines.line_text(d.line)
    start = min(max(d.column - 1, 0), len(line))
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    end = min(max(end, start), len(line))
    left, term, right = line[:start], line[start:end], line[end:]
    if len(left) > CONTEXT:
        left = "…" + left[-CONTEXT:]
    if len(right) > CONTEXT:
        right = right[:CONTEXT] + "…"
    return left, term, right


def _asset(name: str) -> str:
    return (resources.files("linter.reporters") / ASSETS / name).read_text(encoding="utf-8")


PAGE = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="yogolint {version}">
<title>yogolint 用語チェック結果</title>
<style>{css}</style>
</head>
<body>
<main>
<header><h1>yogolint 用語チェック結果</h1><p class="meta">yogolint {version}</p></header>
<noscript><p class="empty">この報告は JavaScript で表示します。ブラウザで JavaScript を有効にしてください。</p></noscript>
<div id="app"></div>
</main>
<script type="application/json" id="yogolint-data">{data}</script>
<script>{js}</script>
</body>
</html>
"""
