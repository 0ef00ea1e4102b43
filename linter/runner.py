"""`yogolint check`: load the glossary and policy, lint every file, report."""
from __future__ import annotations

import sys
from pathlib import Path

from linter.cli import UserError
from linter.engine import Linter
from linter.files import collect
from linter.glossary import GlossaryError, load_glossary
from linter.policy import PolicyError, load_policy
from linter.reporters import Report, render
from linter.rules import RULES
from linter.source import SourceError, read_source


def run_check(paths: list[str], fmt: str, glossaries: list[Path],
              select: set[str] | None, ignore: set[str] | None) -> int:
    for ids in (select or set(), ignore or set()):
        unknown = ids - set(RULES)
        if unknown:
            raise UserError(f"unknown rule '{sorted(unknown)[0]}' (known: {', '.join(RULES)})")
    try:
        glossary = load_glossary(glossaries)
        policy = load_policy(set(RULES))
    except (GlossaryError, PolicyError) as exc:
        raise UserError(str(exc)) from None
    rule_ids = (select or set(RULES)) - (ignore or set())
    linter = Linter(glossary, policy, rule_ids)

    walk = collect(paths)
    report = Report(errors=list(walk.errors))
    for target in walk.targets:
        try:
            source = read_source(target.path, target.shown)
        except SourceError as exc:
            report.errors.append(str(exc))
            continue
        report.files_scanned += 1
        found = linter.lint(source)
        if found:
            report.diagnostics.extend(found)
            report.texts[source.path] = source.text

    for error in report.errors:
        print(f"yogolint: {error}", file=sys.stderr)
    sys.stdout.write(render(report, fmt))
    if report.errors:
        return 2
    return 1 if report.diagnostics else 0
