"""Shared helpers: a linter built once per session, and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.engine import Linter
from linter.glossary import load_glossary
from linter.policy import load_policy
from linter.rules import RULES
from linter.source import decode

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(autouse=True, scope="session")
def _parsed_yaml_cache(tmp_path_factory):
    """The suite (and the yogolint processes it starts) keep their parsed-YAML
    cache in a temporary folder, not in the user's ~/.cache."""
    import os

    os.environ["YOGOLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("yogolint-cache"))


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter(load_glossary(), load_policy(set(RULES)))


@pytest.fixture
def lint(linter):
    """lint(text, name="doc.md", rule=None) → diagnostics of the built-in linter."""

    def run(text: str, name: str = "doc.md", rule: str | None = None):
        found = linter.lint(decode(text.encode("utf-8"), name))
        return [d for d in found if rule is None or d.rule == rule]

    return run


@pytest.fixture
def lint_with(tmp_path):
    """lint_with(glossary_yaml)(text, name="doc.md", rule=None) → diagnostics of
    a linter whose glossary is only `glossary_yaml` (no built-in entries), so
    a rule's test does not depend on the shipped glossary's contents."""
    counter = iter(range(1_000_000))

    def build(glossary_yaml: str, policy_yaml: str | None = None):
        folder = tmp_path / f"glossary-{next(counter)}"
        folder.mkdir()
        (folder / "terms.yaml").write_text(glossary_yaml, encoding="utf-8")
        policy = load_policy(set(RULES))
        if policy_yaml is not None:
            from linter.policy import merge_policy_file

            (folder / "policy.yaml").write_text(policy_yaml, encoding="utf-8")
            merge_policy_file(policy, folder / "policy.yaml", set(RULES))
        built = Linter(load_glossary([folder], builtin=False), policy)

        def run(text: str, name: str = "doc.md", rule: str | None = None):
            found = built.lint(decode(text.encode("utf-8"), name))
            return [d for d in found if rule is None or d.rule == rule]

        return run

    return build


@pytest.fixture
def cli():
    """cli(*args) → click Result (exit_code, stdout, stderr)."""

    def run(*args: str):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return run


# Hypothesis (tests/test_properties.py): a deadline that fits Sudachi on a
# 2-core machine; CI (the CI variable set) runs more examples.
import os  # noqa: E402

from hypothesis import settings  # noqa: E402

settings.register_profile("default", max_examples=60, deadline=2000)
settings.register_profile("ci", max_examples=150, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")
