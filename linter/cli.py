"""Command line: wires the pipeline; no linting logic lives here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from linter import __version__
from linter.diagnostics import SEVERITIES
from linter.reporters import FORMATS

EXAMPLES = """
\b
例:
  yogolint check docs/                  フォルダを再帰的に検査
  yogolint check --output-format json a.md  CI 向けの JSON 出力
  yogolint check --show-settings a.md   a.md に効く設定とその出どころ
  yogolint check --fix docs/            確実な修正を書き戻す
  yogolint check --glossary team.yaml . チームの用語集を追加
  yogolint check --prh prh.yml docs/    textlint の prh 辞書をそのまま使う
  yogolint rule ambiguous-term          ルールの説明
  yogolint explain CS                   用語集の項目を表示
"""


def _fail(message: str) -> None:
    click.echo(f"yogolint: {message}", err=True)
    sys.exit(2)


def _config_option(help: str):
    return click.option("--config", type=click.Path(path_type=Path, exists=True, dir_okay=False), help=help)


def _glossary_option(help: str | None = "Extra glossary file or folder, merged over the built-in one (repeatable)."):
    return click.option("--glossary", "glossaries", multiple=True, type=click.Path(path_type=Path), help=help)


_prh_option = click.option(
    "--prh",
    "prh",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A prh dictionary (textlint-rule-prh YAML) to apply (repeatable).",
)


@click.group(help="日本語ビジネス文書の用語チェッカー (terminology linter)." + EXAMPLES)
@click.version_option(__version__, prog_name="yogolint", message="%(prog)s %(version)s")
def main() -> None:
    pass


def run() -> None:
    """The console script. Exits without tearing the process down object by
    object: freeing the Sudachi dictionary, the automata and every finding
    took longer than some whole runs (30 ms of a 0.5 s folder scan)."""
    try:
        main()
    except SystemExit as exc:
        if exc.code is not None and not isinstance(exc.code, int):
            raise
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BrokenPipeError:  # `yogolint check | head`: the reader left
            pass
        os._exit(exc.code or 0)


@main.command(epilog=EXAMPLES)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--output-format",
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="Output format (text: each finding in its line; concise: one line each).",
)
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour the text output (auto: on a terminal, unless NO_COLOR; FORCE_COLOR forces it).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing (errors aside): the exit status only.")
@click.option(
    "--show-settings",
    type=click.Path(path_type=Path),
    metavar="PATH",
    help="Print the settings that apply to PATH and where each comes from; lint nothing.",
)
@click.option("--show-files", is_flag=True, help="Print the files that would be checked; lint nothing.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write the report to this file.")
@_config_option("Use this configuration file instead of discovering one.")
@_glossary_option()
@_prh_option
@click.option(
    "--prh-rules",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    help="A checkout of the prh rules collection: resolves imports of node_modules/prh/prh-rules/….",
)
@click.option("--select", multiple=True, help="Only these rule ids (repeatable, or comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule ids (repeatable, or comma-separated).")
@click.option("--exclude", multiple=True, help="Skip files matching this glob (repeatable).")
@click.option(
    "--stdin-filename",
    type=click.Path(path_type=Path),
    help="Read the text from standard input (also: PATH '-') as this file: settings, type, shown path.",
)
@click.option("--fix", is_flag=True, help="Apply the fixes that are certain, in place.")
@click.option(
    "--unsafe-fixes", is_flag=True, help="With --fix/--diff, also apply fixes that choose between names or products."
)
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--statistics", is_flag=True, help="Counts by rule and by term after the findings.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default="info",
    show_default=True,
    help="Lowest severity that makes the exit status 1.",
)
@click.option(
    "--report-unused-suppressions", is_flag=True, help="Report yogolint-disable comments that silence nothing."
)
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: one per core).")
@click.option("--no-cache", is_flag=True, help="Do not read or write .yogolint_cache/.")
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
def check(
    paths,
    fmt,
    color,
    quiet,
    show_settings,
    show_files,
    output,
    config,
    glossaries,
    prh,
    prh_rules,
    select,
    ignore,
    exclude,
    fix,
    unsafe_fixes,
    diff,
    statistics,
    exit_zero,
    fail_on,
    report_unused_suppressions,
    jobs,
    no_cache,
    debug,
    stdin_filename,
):
    """Lint Markdown (.md) and text (.txt) files; folders are walked recursively.

    Exit status: 0 no findings, 1 findings, 2 usage, glossary, configuration
    or unreadable-file error.

    `-` reads standard input; with --fix the fixed text is printed.
    """
    from linter.atomic import Terminated
    from linter.rules import RULES
    from linter.runner import CheckRequest, UserError, run_check
    from linter.workspace import Options

    selected, ignored = _ids(select), _ids(ignore)
    for ids in (selected or set(), ignored or set()):
        unknown = ids - set(RULES)
        if unknown:
            _fail(f"unknown rule '{sorted(unknown)[0]}' (known: {', '.join(RULES)})")
    request = CheckRequest(
        paths=list(paths) or ["."],
        options=Options(
            glossaries=list(glossaries),
            prh=list(prh),
            select=selected,
            ignore=ignored,
            config=config,
            exclude=list(exclude),
            report_unused_suppressions=report_unused_suppressions,
            prh_rules=prh_rules,
        ),
        fmt=fmt,
        output=output,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        diff=diff,
        statistics=statistics,
        exit_zero=exit_zero,
        fail_on=fail_on,
        jobs=jobs,
        cache=not no_cache,
        color=color,
        quiet=quiet,
    )
    reads_stdin = stdin_filename is not None or "-" in paths
    if reads_stdin and any(p != "-" for p in paths):
        _fail("'-' (standard input) or --stdin-filename cannot be combined with other paths")
    try:
        if show_settings is not None or show_files:
            _show(request, show_settings)
            return
        if reads_stdin:
            from linter.stdin import run_check_stdin

            code = run_check_stdin(request, stdin_filename)
        else:
            code = run_check(request)
    except UserError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        click.echo("yogolint: interrupted", err=True)
        sys.exit(130)
    except Terminated:  # SIGTERM during a write: the temporary file is gone, the file as it was
        click.echo("yogolint: terminated", err=True)
        sys.exit(143)
    except Exception as exc:  # noqa: BLE001 - one line for the user, traceback on request
        if debug:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
    sys.exit(code)


def _show(request, settings_path: Path | None) -> None:
    """--show-settings / --show-files: what a run would use, without linting."""
    from linter.files import collect
    from linter.runner import UserError
    from linter.workspace import SettingsError, Workspace

    try:
        workspace = Workspace(request.options)
        if settings_path is not None:
            from linter.settings_view import show_settings

            click.echo(show_settings(workspace, settings_path), nl=False)
            return
        walk = collect(request.paths, request.options.exclude)
        for error in walk.errors:
            click.echo(f"yogolint: {error}", err=True)
        for target in walk.targets:
            if not workspace.is_excluded(target.path):
                click.echo(target.shown)
    except SettingsError as exc:
        raise UserError(str(exc)) from None
    if walk.errors:
        sys.exit(2)


def _ids(values) -> set[str] | None:
    ids = {v.strip() for value in values for v in value.split(",") if v.strip()}
    return ids or None


@main.command("rule")
@click.argument("rule_id", required=False)
@click.option("--all", "all_rules", is_flag=True, help="Print every rule's documentation.")
@click.option(
    "--output-format", "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def rule_command(rule_id, all_rules, fmt):
    """Print a rule's documentation (or list the rules)."""
    import json

    from linter.policy import load_policy
    from linter.rules import RULES

    if rule_id is not None and rule_id not in RULES:
        _fail(f"unknown rule '{rule_id}' (known: {', '.join(RULES)})")
    policy = load_policy(set(RULES))
    chosen = [RULES[rule_id]] if rule_id else list(RULES.values())
    if fmt == "json":
        items = [
            {
                "id": r.id,
                "summary": r.summary,
                "fixable": r.fixable,
                "default_severity": policy.setting(r.id).severity,
                "enabled_by_default": policy.setting(r.id).enabled,
                "doc": r.doc,
            }
            for r in chosen
        ]
        click.echo(json.dumps(items[0] if rule_id else items, ensure_ascii=False, indent=2))
        return
    if rule_id is None and not all_rules:
        for r in chosen:
            setting = policy.setting(r.id)
            severity = setting.severity if setting.enabled else "off"
            click.echo(f"{r.id:24} {severity:8} {'fix ' if r.fixable else '    '}{r.summary}")
        return
    click.echo(
        "\n\n".join(
            f"# {r.id}\n\n{r.summary}\n\n既定: {policy.setting(r.id).severity if policy.setting(r.id).enabled else 'off'}"
            f"{'、修正あり' if r.fixable else ''}\n\n{r.doc}"
            for r in chosen
        )
    )


@main.command()
@click.argument("term")
@_glossary_option(help=None)
@_config_option("Use this configuration file instead of the current folder's.")
def explain(term, glossaries, config):
    """Print the glossary entry for TERM (any of its spellings).

    The glossary is the one `check` uses in the current folder: the built-in
    one, the configuration's `glossary:` files, then --glossary.
    """
    from linter.config import ConfigError, find_config, load_config
    from linter.explain import explain_term
    from linter.glossary import GlossaryError, load_glossary

    try:
        found = config or find_config(Path.cwd())
        configured = load_config(found).glossary if found is not None else []
        glossary = load_glossary([*configured, *glossaries])
    except (GlossaryError, ConfigError) as exc:
        _fail(str(exc))
    entry = glossary.find(term)
    if entry is None:
        near = glossary.closest(term)
        hint = f" (近い用語: {'、'.join(near)})" if near else ""
        _fail(f"'{term}' is not in the glossary{hint}")
    click.echo(explain_term(glossary, entry))


@main.command()
@_config_option("Use this configuration file for every document instead of discovering one.")
@_glossary_option()
@_prh_option
def server(config, glossaries, prh):
    """Language server (LSP over stdio) for editors: findings as you type,
    quick fixes, the glossary entry on hover."""
    from linter.server import serve
    from linter.workspace import Options

    sys.exit(serve(Options(glossaries=list(glossaries), prh=list(prh), config=config)))


@main.group()
def prh():
    """prh dictionaries (the YAML of textlint-rule-prh)."""


@prh.command("test")
@click.argument("dictionaries", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--prh-rules",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    help="A checkout of the prh rules collection: resolves imports of node_modules/prh/prh-rules/….",
)
def prh_test(dictionaries, prh_rules):
    """Run the `specs` of prh dictionaries; exit 1 on any failure."""
    from linter.prh import PrhError, load_prh

    failed = 0
    for path in dictionaries:
        try:
            dictionary = load_prh(path, strict=False, prh_rules_dir=str(prh_rules) if prh_rules else None)
        except PrhError as exc:
            _fail(str(exc))
        failures = dictionary.run_specs()
        total = sum(len(r.specs) for r in dictionary.rules)
        for f in failures:
            click.echo(f"{path}:{f.rule.line}: spec failed: from {f.from_!r} expected {f.expected!r} got {f.got!r}")
        click.echo(f"{path}: {total - len(failures)} passed, {len(failures)} failed")
        failed += len(failures)
    sys.exit(1 if failed else 0)


# --- yogolint glossary: publish, exchange, validate and mine the glossary ----


@main.group("glossary")
def glossary_group():
    """The glossary itself: export, import, check, mine."""


def _glossary_for_tools(config, glossaries, builtin, check_forms=True):
    from linter.config import ConfigError
    from linter.glossary import GlossaryError
    from linter.glossary_tools import load_for_export

    try:
        return load_for_export(config, list(glossaries), builtin, check_forms)
    except (GlossaryError, ConfigError) as exc:
        _fail(str(exc))


def _write_output(data: bytes, output: Path | None) -> None:
    from linter.fixes import write_atomically

    if output is None:
        sys.stdout.buffer.write(data)
        return
    try:
        write_atomically(output, data)
    except OSError as exc:
        _fail(f"{output}: cannot write ({exc.strerror or exc})")


_GLOSSARY_SOURCES = [
    _glossary_option("Extra glossary file or folder (repeatable)."),
    click.option("--no-builtin", is_flag=True, help="Only the given and configured files, not the built-in glossary."),
    _config_option("Use this configuration file instead of discovering one."),
]


def _glossary_sources(command):
    for option in reversed(_GLOSSARY_SOURCES):
        command = option(command)
    return command


@glossary_group.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "csv", "tbx"]),
    default="markdown",
    show_default=True,
    help="Output format.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file (default: stdout).")
@click.option("--title", default="用語集", show_default=True, help="The page's title (markdown, html).")
@_glossary_sources
def glossary_export(fmt, output, title, glossaries, no_builtin, config):
    """Publish the glossary: a page (markdown, html), a sheet (csv) or a termbase (tbx)."""
    from linter.glossary_tools import export

    glossary = _glossary_for_tools(config, glossaries, not no_builtin)
    _write_output(export(glossary, fmt, title), output)


@glossary_group.command("import")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="The glossary YAML to write (default: stdout).")
def glossary_import(source, output):
    """Turn a TBX (.tbx) or CSV (.csv) termbase into glossary YAML."""
    from linter.glossary_tools import ToolError, import_file

    try:
        data = import_file(source)
    except ToolError as exc:
        _fail(str(exc))
    _write_output(data, output)


@glossary_group.command("check")
@_glossary_sources
def glossary_check(glossaries, no_builtin, config):
    """Validate the glossary as a linter of its own; exit 1 on findings."""
    from linter.glossary_tools.check import check_glossary

    findings = check_glossary(_glossary_for_tools(config, glossaries, not no_builtin, check_forms=False))
    for finding in findings:
        click.echo(finding)
    click.echo(f"{len(findings)} finding(s)" if findings else "glossary: no findings", err=bool(findings))
    sys.exit(1 if findings else 0)


@glossary_group.command("mine")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write the proposals YAML here (default: stdout)."
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=100, show_default=True, help="At most this many proposals."
)
@_glossary_sources
def glossary_mine(paths, output, limit, glossaries, no_builtin, config):
    """Propose glossary entries from a folder of the team's documents."""
    from linter.glossary_tools import ToolError
    from linter.glossary_tools.mine import mine

    glossary = _glossary_for_tools(config, glossaries, not no_builtin)
    try:
        data = mine(glossary, list(paths), limit)
    except ToolError as exc:
        _fail(str(exc))
    _write_output(data, output)
