"""Human output, like ruff's full mode: each finding's header line
(`path:line:col: rule severity [*] message`), its source line with the line
number and a marker under the exact span, and the suggestions; then one
summary line. `[*]` marks a finding that `--fix` would change.

Columns of the marker are display columns (linter.terminal): a wide
character takes two, a tab moves to the next tab stop.
"""

from __future__ import annotations

from linter.diagnostics import Diagnostic
from linter.lines import LineIndex
from linter.reporters import Report
from linter.terminal import excerpt, paint

SEVERITY_STYLE = {"error": ("red", "bold"), "warning": ("yellow", "bold"), "info": ("cyan", "bold")}
SAFE_MARK = "[*]"


def render(report: Report) -> str:
    out: list[str] = []
    indexes: dict[str, LineIndex] = {}
    for d in report.diagnostics:
        out.append(header(d, report.color))
        text = report.texts.get(d.path)
        if text is not None:
            index = indexes.get(d.path)
            if index is None:
                index = indexes[d.path] = LineIndex(text)
            out.extend(_snippet(d, index, report))
        out.extend(_help(d, report.color, len(str(d.line)) if text is not None else 1))
        out.append("")
    out.append(summary(report))
    return "\n".join(out) + "\n" + statistics_block(report)


def header(d: Diagnostic, color: bool) -> str:
    """`path:line:col: rule severity [*] message`: the one line every output
    for people starts with (also the whole of `--output-format concise`)."""
    where = paint(f"{d.path}:{d.line}:{d.column}:", "bold", enabled=color)
    style = SEVERITY_STYLE.get(d.severity, ("bold",))
    rule = paint(d.rule, *style, enabled=color)
    severity = paint(d.severity, *style, enabled=color)
    mark = f" {paint(SAFE_MARK, 'cyan', enabled=color)}" if safely_fixable(d) else ""
    return f"{where} {rule} {severity}{mark} {d.message}"


def safely_fixable(d: Diagnostic) -> bool:
    return d.fix is not None and d.fix.safe


def _snippet(d: Diagnostic, index: LineIndex, report: Report) -> list[str]:
    if not 1 <= d.line <= index.line_count:
        return []
    line = index.line_text(d.line)
    start = d.column - 1
    end = d.end_column - 1 if d.end_line == d.line else len(line)
    number = str(d.line)
    gutter = " " * len(number)
    shown, lead, columns = excerpt(line, start, end, max(report.width - len(number) - 3, 20))
    bar = paint("|", "blue", "bold", enabled=report.color)
    marker = paint("^" * max(columns, 1), *SEVERITY_STYLE.get(d.severity, ("bold",)), enabled=report.color)
    return [
        f"{gutter} {bar}",
        f"{paint(number, 'blue', 'bold', enabled=report.color)} {bar} {shown}".rstrip(),
        f"{gutter} {bar} {' ' * lead}{marker}",
        f"{gutter} {bar}",
    ]


def _help(d: Diagnostic, color: bool, gutter: int) -> list[str]:
    if not d.suggestions:
        return []
    eq = paint("=", "blue", "bold", enabled=color)
    line = f"{' ' * (gutter + 1)}{eq} 候補: {'、'.join(d.suggestions)}"
    if d.fix is not None and not d.fix.safe:
        line += f"(--unsafe-fixes で「{d.fix.replacement}」に置き換え)"
    return [line]


def summary(report: Report) -> str:
    """One line, the same words in every case: the count, the files with
    findings, the files checked, and what --fix (and --unsafe-fixes) would do."""
    found = report.diagnostics
    checked = report.files_scanned
    if not found:
        return f"問題は見つかりませんでした (検査 {checked} ファイル)。"
    files = len({d.path for d in found})
    safe = sum(1 for d in found if safely_fixable(d))
    unsafe = sum(1 for d in found if d.fix is not None and not d.fix.safe)
    line = f"指摘 {len(found)} 件: {files} ファイル (検査 {checked} ファイル)。"
    if safe:
        line += f"{SAFE_MARK} {safe} 件は --fix で修正できます"
        line += f" (--unsafe-fixes でさらに {unsafe} 件)。" if unsafe else "。"
    elif unsafe:
        line += f"{unsafe} 件は --fix --unsafe-fixes で修正できます。"
    return paint(line, "bold", enabled=report.color)


def statistics_block(report: Report) -> str:
    if not report.statistics:
        return ""
    from linter.reporters.statistics import render as statistics

    return statistics(report)
