"""The engine as a library: lint (or fix) a text that has a path but need not
be a file on disk. The language server and `yogolint check -` both come
through here, so a buffer in the editor, standard input and a file on disk
get the same settings and the same findings.

    from pathlib import Path
    from linter.api import lint_text
    from linter.workspace import Options, Workspace

    workspace = Workspace(Options())          # build once, reuse: it keeps the linters
    for d in lint_text(workspace, Path("docs/提案.md"), text):
        print(d.line, d.column, d.rule, d.message)
"""

from __future__ import annotations

from pathlib import Path

from linter.diagnostics import Diagnostic
from linter.source import Source
from linter.workspace import Workspace


def text_source(text: str, shown: str) -> Source:
    """A Source for text that is already decoded (an editor's buffer); it is
    written back, if ever, as UTF-8."""
    return Source(shown, text, "utf-8")


def lint_source(workspace: Workspace, path: Path, source: Source) -> list[Diagnostic]:
    """Findings for `source` under the settings that apply to `path` (its
    configuration, overrides, glossaries, prh dictionaries). An excluded path
    has none. Raises SettingsError for broken settings."""
    if workspace.is_excluded(path):
        return []
    return workspace.linter_for(path).lint(source)


def lint_text(workspace: Workspace, path: Path, text: str, shown: str | None = None) -> list[Diagnostic]:
    """Findings for `text` as if it were the file `path` (which need not
    exist); `shown` is the path the diagnostics carry (default: `path`)."""
    source = text_source(text, shown if shown is not None else str(path))
    return lint_source(workspace, path, source)


def fix_source(workspace: Workspace, path: Path, source: Source, unsafe: bool = False) -> tuple[Source, int, str]:
    """The fixes `yogolint check --fix` (with `unsafe`: `--unsafe-fixes`)
    would make, applied in memory: (the fixed source, how many edits, a
    unified diff). Nothing is written."""
    from linter.files import FileTarget
    from linter.runner import FileResult, _fix

    if workspace.is_excluded(path):
        return source, 0, ""
    # The same plan as --fix on a file (which fixes count, how overlaps and
    # rules that undo each other are resolved), without the write.
    return _fix(
        workspace.linter_for(path),
        source,
        FileTarget(path, source.path),
        False,
        source.raw or b"",
        FileResult(source.path),
        unsafe=unsafe,
    )
