"""The glossary as a publication: export (Markdown, HTML, CSV, TBX), import
(TBX, CSV), validation and term mining. The linter never imports this package."""

from __future__ import annotations

from pathlib import Path

from linter.glossary import Glossary, load_glossary


class ToolError(Exception):
    """One line for the user: names the file and the element, row or key."""


def load_for_export(config: Path | None, glossaries: list[Path], builtin: bool, check_forms: bool = True) -> Glossary:
    """The glossary `yogolint check` would use here: built-in (unless
    `builtin` is false), the configuration's files, then --glossary files."""
    from linter.config import find_config, load_config

    found = config or find_config(Path.cwd())
    configured = load_config(found.resolve()).glossary if found else []
    return load_glossary([*configured, *glossaries], builtin=builtin, check_forms=check_forms)


def export(glossary: Glossary, fmt: str, title: str) -> bytes:
    if fmt == "markdown":
        from linter.glossary_tools.markdown import render
    elif fmt == "html":
        from linter.glossary_tools.html import render
    elif fmt == "csv":
        from linter.glossary_tools.csv_format import render
    elif fmt == "tbx":
        from linter.glossary_tools.tbx import render
    else:  # click's Choice keeps this unreachable
        raise ToolError(f"unknown format '{fmt}'")
    return render(glossary, title)


EXPORT_FORMATS = ("markdown", "html", "csv", "tbx")


def import_file(path: Path) -> bytes:
    """A TBX or CSV termbase as glossary YAML (bytes, UTF-8)."""
    from linter.glossary_tools.yaml_out import dump_entries

    suffix = path.suffix.lower()
    if suffix == ".tbx":
        from linter.glossary_tools.tbx import read
    elif suffix == ".csv":
        from linter.glossary_tools.csv_format import read
    else:
        raise ToolError(f"{path}: cannot import '{suffix or path.name}' files (use .tbx or .csv)")
    from linter.source import SETTINGS_FILE_LIMIT, read_regular

    try:
        data = read_regular(path, SETTINGS_FILE_LIMIT)  # a FIFO or /dev/zero would hang
    except OSError as exc:
        raise ToolError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return dump_entries(read(data, str(path)))
