"""Command line: wires the pipeline; no linting logic lives here."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from linter import __version__
from linter.reporters import FORMATS

EXAMPLES = """
\b
例:
  yogolint check docs/                  フォルダを再帰的に検査
  yogolint check --format json a.md     CI 向けの JSON 出力
  yogolint check --glossary team.yaml . チームの用語集を追加
  yogolint rule ambiguous-term          ルールの説明
  yogolint explain CS                   用語集の項目を表示
"""


class UserError(Exception):
    """Something the user can fix: printed as one line, exit 2."""


def _fail(message: str) -> None:
    click.echo(f"yogolint: {message}" if not message.startswith("yogolint") else message, err=True)
    sys.exit(2)


@click.group(help="日本語ビジネス文書の用語チェッカー (terminology linter)." + EXAMPLES)
@click.version_option(__version__, prog_name="yogolint", message="%(prog)s %(version)s")
def main() -> None:
    pass


@main.command(epilog=EXAMPLES)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True,
              help="Output format.")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path),
              help="Extra glossary file or folder, merged over the built-in one (repeatable).")
@click.option("--select", multiple=True, help="Only these rule ids (repeatable, or comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule ids (repeatable, or comma-separated).")
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
def check(paths, fmt, glossaries, select, ignore, debug):
    """Lint Markdown (.md) and text (.txt) files; folders are walked recursively.

    Exit status: 0 no findings, 1 findings, 2 usage, glossary, configuration
    or unreadable-file error.
    """
    from linter.runner import run_check

    try:
        code = run_check(list(paths) or ["."], fmt, list(glossaries), _ids(select), _ids(ignore))
    except UserError as exc:
        _fail(str(exc))
    except Exception as exc:  # noqa: BLE001 - one line for the user, traceback on request
        if debug:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
    sys.exit(code)


def _ids(values) -> set[str] | None:
    ids = {v.strip() for value in values for v in value.split(",") if v.strip()}
    return ids or None


@main.command("rule")
@click.argument("rule_id", required=False)
def rule_command(rule_id):
    """Print a rule's documentation (or list the rules)."""
    from linter.rules import RULES

    if rule_id is None:
        for r in RULES.values():
            click.echo(f"{r.id:24} {'fix ' if r.fixable else '    '}{r.summary}")
        return
    found = RULES.get(rule_id)
    if found is None:
        _fail(f"unknown rule '{rule_id}' (known: {', '.join(RULES)})")
    click.echo(f"# {found.id}\n\n{found.summary}\n\n{found.doc}")


@main.command()
@click.argument("term")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path))
def explain(term, glossaries):
    """Print the glossary entry for TERM (any of its spellings)."""
    from linter.explain import explain_term
    from linter.glossary import GlossaryError, load_glossary

    try:
        glossary = load_glossary(glossaries)
    except GlossaryError as exc:
        _fail(str(exc))
    entry = glossary.find(term)
    if entry is None:
        _fail(f"'{term}' is not in the glossary")
    click.echo(explain_term(glossary, entry))
