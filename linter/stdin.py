"""`yogolint check -`: lint standard input, as editors without a language
client and format-on-save hooks use it (ruff's `check -` is the model).

`--stdin-filename PATH` says which file the text is: configuration discovery,
Markdown or text, and the path in the report come from it (the file need not
exist). With `--fix`, the fixed text goes to standard output, byte for byte
what `--fix` would have written (encoding, BOM and line endings kept), and
the findings left go to standard error.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from linter.api import fix_source, lint_source
from linter.runner import CheckRequest, FileResult, UserError, finish, workspace_for
from linter.source import SourceError, decode
from linter.workspace import SettingsError, Workspace

STDIN = "-"


def run_check_stdin(request: CheckRequest, stdin_filename: Path | None, data: bytes | None = None) -> int:
    if data is None:
        data = sys.stdin.buffer.read()
    shown = str(stdin_filename) if stdin_filename is not None else STDIN
    path = stdin_filename if stdin_filename is not None else Path(STDIN)
    try:
        workspace = workspace_for(request)
        result, fixed_bytes = _lint(workspace, request, path, shown, data)
    except SettingsError as exc:
        raise UserError(str(exc)) from None
    except TimeoutError as exc:  # a prh rule that backtracks
        raise UserError(str(exc)) from None
    if not request.fix or request.diff:
        return finish(request, [], [result])
    # The fixed text is the output; the report must not mix into it.
    out = sys.stdout.buffer
    out.write(fixed_bytes if fixed_bytes is not None else data)
    out.flush()
    with contextlib.redirect_stdout(sys.stderr):
        return finish(request, [], [result])


def _lint(
    workspace: Workspace, request: CheckRequest, path: Path, shown: str, data: bytes
) -> tuple[FileResult, bytes | None]:
    """The report's one FileResult, and the fixed bytes when something was fixed."""
    result = FileResult(shown)
    if workspace.is_excluded(path):
        result.skipped = True
        return result, None
    try:
        source = decode(data, shown)
    except SourceError as exc:
        result.error = str(exc)
        return result, None
    fixed_bytes = None
    if request.fix or request.diff:
        source, result.fixed, result.diff = fix_source(workspace, path, source, request.unsafe_fixes)
        if result.fixed:
            fixed_bytes = source.raw if source.raw is not None else source.encode(source.text)
    result.diagnostics = lint_source(workspace, path, source)
    if result.diagnostics and request.keeps_text:
        result.text = source.text
    return result, fixed_bytes
