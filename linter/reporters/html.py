"""One self-contained HTML page: `yogolint check --format html -o report.html docs/`.

Inline CSS and a little vanilla JavaScript; nothing is fetched (no CDN, no web
fonts), so the file can be mailed or attached to a CI run and opened offline.
The page shows the totals, bar charts of findings by term and by rule, a
filter by rule, and every finding under its file with its line of context and
the term highlighted. Every piece of document text is escaped: the documents
are not trusted.

The filter can be preset from the address: `report.html#rules=preferred-term,ambiguous-term`.
"""
from __future__ import annotations

from collections import Counter
from html import escape

from linter import __version__
from linter.diagnostics import Diagnostic
from linter.reporters import Report
from linter.rules import RULES

SEVERITY_LABELS = {"error": "エラー", "warning": "警告", "info": "情報"}
TOP_TERMS = 20
CONTEXT = 60  # characters shown on each side of the term in a long line


def render(report: Report) -> str:
    diagnostics = report.diagnostics
    by_file: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_file.setdefault(d.path, []).append(d)
    rule_counts = Counter(d.rule for d in diagnostics)
    rules_present = [r for r in RULES if r in rule_counts] + sorted(set(rule_counts) - set(RULES))

    body = [
        "<header>",
        "<h1>yogolint 用語チェック結果</h1>",
        f'<p class="meta">yogolint {escape(__version__)}</p>',
        "</header>",
        _totals(report, len(by_file)),
    ]
    if report.errors:
        body.append(_errors(report.errors))
    if diagnostics:
        body.append('<div class="charts">')
        body.append(_chart("用語別の件数", "用語", Counter(d.term for d in diagnostics), TOP_TERMS, "term"))
        body.append(_chart("ルール別の件数", "ルール",
                           Counter({r: rule_counts[r] for r in rules_present}), None, "rule"))
        body.append("</div>")
        body.append(_filter(rules_present, rule_counts, len(diagnostics)))
        body.append(_file_index(by_file))
        for index, (path, found) in enumerate(by_file.items()):
            body.append(_file_section(index, path, found, report.texts.get(path)))
    else:
        body.append('<p class="empty">問題は見つかりませんでした。</p>')

    return PAGE.format(css=CSS, js=JS, body="\n".join(body))


def _totals(report: Report, files_with_findings: int) -> str:
    cells = [
        ("チェックしたファイル", report.files_scanned, "files-scanned"),
        ("指摘の件数", len(report.diagnostics), "findings"),
        ("指摘のあるファイル", files_with_findings, "files-with-findings"),
    ]
    if report.errors:
        cells.append(("読めなかったファイル", len(report.errors), "errors"))
    items = "".join(
        f'<div class="total" id="total-{key}"><span class="num">{value}</span>'
        f'<span class="label">{escape(label)}</span></div>'
        for label, value, key in cells
    )
    return f'<section class="totals" aria-label="集計">{items}</section>'


def _errors(errors: list[str]) -> str:
    items = "".join(f"<li>{escape(e)}</li>" for e in errors)
    return f'<section class="errors"><h2>読めなかったファイル</h2><ul>{items}</ul></section>'


def _chart(title: str, label: str, counts: Counter, limit: int | None, kind: str) -> str:
    ranked = counts.most_common()
    shown = ranked[:limit] if limit else ranked
    top = shown[0][1] if shown else 1
    rows = []
    for name, count in shown:
        width = max(2.0, 100.0 * count / top)
        title_attr = ""
        if kind == "rule" and name in RULES:
            title_attr = f' title="{escape(RULES[name].summary)}"'
        rows.append(
            f'<tr><th scope="row"{title_attr}>{escape(name)}</th>'
            f'<td class="bar-cell"><div class="bar bar-{kind}" style="width:{width:.1f}%"></div></td>'
            f'<td class="count">{count}</td></tr>'
        )
    more = ""
    if limit and len(ranked) > limit:
        more = f'<p class="more">ほか {len(ranked) - limit} 語</p>'
    return (
        f'<section class="chart"><h2>{escape(title)}</h2>'
        f'<table class="bars"><thead><tr><th>{escape(label)}</th><th></th><th>件数</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table>{more}</section>'
    )


def _filter(rules_present: list[str], counts: Counter, total: int) -> str:
    boxes = []
    for rule_id in rules_present:
        summary = RULES[rule_id].summary if rule_id in RULES else ""
        boxes.append(
            f'<label class="rule-choice" title="{escape(summary)}">'
            f'<input type="checkbox" name="rule" value="{escape(rule_id)}" checked> '
            f'<code>{escape(rule_id)}</code> <span class="n">{counts[rule_id]}</span></label>'
        )
    return (
        '<section class="filter" aria-label="ルールで絞り込む"><h2>ルールで絞り込む</h2>'
        f'<div class="choices">{"".join(boxes)}</div>'
        '<div class="filter-actions">'
        '<button type="button" id="select-all">すべて表示</button>'
        '<button type="button" id="select-none">すべて隠す</button>'
        f'<span class="shown">表示中 <strong id="shown-count">{total}</strong> / {total} 件</span>'
        "</div></section>"
    )


def _file_index(by_file: dict[str, list[Diagnostic]]) -> str:
    items = "".join(
        f'<li data-file-index="{i}"><a href="#file-{i}">{escape(path)}</a> '
        f'<span class="n">{len(found)}</span></li>'
        for i, (path, found) in enumerate(by_file.items())
    )
    return f'<nav class="file-index"><h2>ファイル</h2><ul>{items}</ul></nav>'


def _file_section(index: int, path: str, found: list[Diagnostic], text: str | None) -> str:
    lines = text.split("\n") if text is not None else None
    rows = "".join(_finding_row(d, lines) for d in found)
    return (
        f'<section class="file" id="file-{index}" data-file-index="{index}">'
        f'<h2 class="file-name"><span class="path">{escape(path)}</span> '
        f'<span class="file-count"><span class="visible-n">{len(found)}</span> 件</span></h2>'
        '<table class="findings"><thead><tr>'
        "<th>位置</th><th>ルール</th><th>指摘と候補</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def _finding_row(d: Diagnostic, lines: list[str] | None) -> str:
    suggestions = ""
    if d.suggestions:
        chips = "".join(f"<li>{escape(s)}</li>" for s in d.suggestions)
        suggestions = f'<div class="suggestions"><span class="k">候補</span><ul>{chips}</ul></div>'
    context = _context(d, lines)
    severity = d.severity if d.severity in SEVERITY_LABELS else "warning"
    return (
        f'<tr class="finding sev-{severity}" data-rule="{escape(d.rule)}">'
        f'<td class="pos">{d.line}:{d.column}</td>'
        f'<td class="rule"><code>{escape(d.rule)}</code>'
        f'<span class="sev">{SEVERITY_LABELS[severity]}</span></td>'
        f'<td class="detail"><p class="message">{escape(d.message)}</p>{suggestions}{context}</td>'
        "</tr>"
    )


def _context(d: Diagnostic, lines: list[str] | None) -> str:
    """The finding's line, the term in <mark>; long lines cut around the term."""
    if lines is None or not 1 <= d.line <= len(lines):
        return ""
    line = lines[d.line - 1].rstrip("\r")
    start = min(max(d.column - 1, 0), len(line))
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    end = min(max(end, start), len(line))
    left, term, right = line[:start], line[start:end], line[end:]
    if len(left) > CONTEXT:
        left = "…" + left[-CONTEXT:]
    if len(right) > CONTEXT:
        right = right[:CONTEXT] + "…"
    return (
        f'<div class="context"><span class="ln">{d.line}</span>'
        f'<code>{escape(left)}<mark>{escape(term)}</mark>{escape(right)}</code></div>'
    )


PAGE = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="yogolint">
<title>yogolint 用語チェック結果</title>
<style>{css}</style>
</head>
<body>
<main>
{body}
</main>
<script>{js}</script>
</body>
</html>
"""

CSS = """
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --card: #fff;
  --accent: #0969da; --warn: #9a6700; --warn-bg: #fff8c5; --err: #cf222e; --err-bg: #ffebe9;
  --info: #0969da; --info-bg: #ddf4ff; --mark: #ffd33d;
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font-family: system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN",
    "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic UI", "Yu Gothic", Meiryo, sans-serif;
  font-size: 15px; line-height: 1.6;
}
main { max-width: 1120px; margin: 0 auto; padding: 24px 24px 48px; }
header h1 { font-size: 24px; margin: 0; }
header .meta { color: var(--muted); margin: 2px 0 16px; font-size: 13px; }
h2 { font-size: 16px; margin: 0 0 10px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK JP", monospace;
  font-size: 13px; }
section, nav { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: 16px 18px; margin: 0 0 16px; }
.totals { display: flex; gap: 12px; background: none; border: 0; padding: 0; }
.total { flex: 1; background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: 12px 16px; }
.total .num { display: block; font-size: 28px; font-weight: 700; line-height: 1.2; }
.total .label { color: var(--muted); font-size: 13px; }
#total-errors .num { color: var(--err); }
.errors { border-color: var(--err); background: var(--err-bg); }
.errors ul { margin: 0; padding-left: 20px; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.charts .chart { margin: 0 0 16px; }
table.bars { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.bars thead th { color: var(--muted); font-weight: 400; font-size: 12px; text-align: left;
  padding: 0 6px 4px 0; }
table.bars thead th:first-child { width: 42%; }
table.bars thead th:last-child { width: 3.5em; text-align: right; }
table.bars tbody th { font-weight: 400; text-align: left; padding: 3px 8px 3px 0; overflow: hidden;
  text-overflow: ellipsis; white-space: nowrap; }
.bar-cell { padding: 3px 0; }
.bar { height: 14px; border-radius: 3px; background: var(--accent); }
.bar-rule { background: #8250df; }
td.count { text-align: right; font-variant-numeric: tabular-nums; padding-left: 8px; }
.more { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
.filter .choices { display: flex; flex-wrap: wrap; gap: 8px 18px; }
.rule-choice { cursor: pointer; white-space: nowrap; }
.rule-choice.off { opacity: .45; }
.n { display: inline-block; min-width: 1.6em; padding: 0 6px; border-radius: 10px; background: var(--bg);
  border: 1px solid var(--line); font-size: 12px; text-align: center; }
.filter-actions { margin-top: 10px; display: flex; gap: 8px; align-items: center; }
button { font: inherit; font-size: 13px; padding: 3px 12px; border: 1px solid var(--line);
  border-radius: 6px; background: var(--bg); cursor: pointer; }
button:hover { background: #eaeef2; }
.shown { margin-left: auto; color: var(--muted); }
.file-index ul { margin: 0; padding-left: 20px; columns: 2; }
.file-index a { color: var(--accent); text-decoration: none; word-break: break-all; }
.file-name { display: flex; align-items: baseline; gap: 12px; font-size: 15px; }
.file-name .path { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
.file-count { color: var(--muted); font-weight: 400; font-size: 13px; white-space: nowrap; }
table.findings { width: 100%; border-collapse: collapse; }
table.findings thead th { text-align: left; color: var(--muted); font-weight: 400; font-size: 12px;
  border-bottom: 1px solid var(--line); padding: 4px 8px; }
table.findings td { vertical-align: top; border-bottom: 1px solid var(--line); padding: 10px 8px; }
table.findings tr:last-child td { border-bottom: 0; }
td.pos { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; white-space: nowrap;
  color: var(--muted); width: 5.5em; }
td.rule { width: 13em; }
td.rule code { display: block; }
.sev { display: inline-block; margin-top: 2px; font-size: 11px; padding: 0 6px; border-radius: 10px; }
.sev-warning .sev { color: var(--warn); background: var(--warn-bg); }
.sev-error .sev { color: var(--err); background: var(--err-bg); }
.sev-info .sev { color: var(--info); background: var(--info-bg); }
.message { margin: 0; }
.suggestions { margin-top: 4px; font-size: 13px; display: flex; gap: 8px; align-items: baseline; }
.suggestions .k { color: var(--muted); white-space: nowrap; }
.suggestions ul { display: inline-flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.suggestions li { border: 1px solid #54aeff; background: var(--info-bg); border-radius: 4px; padding: 0 6px; }
.context { margin-top: 6px; background: var(--bg); border: 1px solid var(--line); border-radius: 6px;
  padding: 4px 8px; display: flex; gap: 10px; }
.context .ln { color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px;
  padding-top: 1px; user-select: none; }
.context code { white-space: pre-wrap; word-break: break-all; font-family: inherit; font-size: 14px; }
mark { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 1px; }
.empty { font-size: 18px; }
[hidden] { display: none !important; }
@media (max-width: 760px) { .charts { grid-template-columns: 1fr; } .totals { flex-wrap: wrap; } }
@media print { .filter, .file-index { display: none; } }
"""

JS = """
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name="rule"]'));
  if (!boxes.length) { document.body.setAttribute("data-ready", "1"); return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding"));
  var files = Array.prototype.slice.call(document.querySelectorAll("section.file"));
  var shown = document.getElementById("shown-count");

  function apply() {
    var on = {};
    boxes.forEach(function (b) {
      if (b.checked) { on[b.value] = true; }
      b.parentNode.classList.toggle("off", !b.checked);
    });
    var total = 0;
    rows.forEach(function (r) {
      var visible = !!on[r.getAttribute("data-rule")];
      r.hidden = !visible;
      if (visible) { total += 1; }
    });
    files.forEach(function (f) {
      var n = f.querySelectorAll("tr.finding:not([hidden])").length;
      f.hidden = n === 0;
      f.querySelector(".visible-n").textContent = String(n);
      var entry = document.querySelector('.file-index li[data-file-index="' + f.getAttribute("data-file-index") + '"]');
      if (entry) { entry.hidden = n === 0; entry.querySelector(".n").textContent = String(n); }
    });
    shown.textContent = String(total);
  }

  function writeHash() {
    var on = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    var hash = on.length === boxes.length ? "" : "#rules=" + on.join(",");
    try { history.replaceState(null, "", location.pathname + location.search + hash); } catch (e) { /* file: */ }
  }

  function readHash() {
    var m = /^#rules=(.*)$/.exec(location.hash);
    if (!m) { return; }
    var wanted = decodeURIComponent(m[1]).split(",");
    boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) !== -1; });
  }

  boxes.forEach(function (b) { b.addEventListener("change", function () { apply(); writeHash(); }); });
  document.getElementById("select-all").addEventListener("click", function () {
    boxes.forEach(function (b) { b.checked = true; }); apply(); writeHash();
  });
  document.getElementById("select-none").addEventListener("click", function () {
    boxes.forEach(function (b) { b.checked = false; }); apply(); writeHash();
  });
  window.addEventListener("hashchange", function () { readHash(); apply(); });
  readHash();
  apply();
  document.body.setAttribute("data-ready", "1");
})();
"""
