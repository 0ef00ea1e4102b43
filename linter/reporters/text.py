"""Human output, one line a finding, like ruff and gcc: path:line:col: rule message."""
from __future__ import annotations

from linter.reporters import Report


def render(report: Report) -> str:
    lines = [f"{d.path}:{d.line}:{d.column}: {d.rule} {d.message}" for d in report.diagnostics]
    files = len({d.path for d in report.diagnostics})
    if report.diagnostics:
        lines.append(f"{len(report.diagnostics)} 件 / {files} files ({report.files_scanned} files checked)")
    else:
        lines.append(f"問題は見つかりませんでした ({report.files_scanned} files checked)")
    return "\n".join(lines) + "\n"
