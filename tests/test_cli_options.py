"""Options of `yogolint check`, `rule` and `explain` a user meets first, through
the real command line (issue 15): -q, --show-settings, --show-files, rule
--all / json, --statistics in JSON, the --fail-on note, -o's file mode, the
prh rules collection, and explain with the folder's configuration."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
YOGOLINT = ROOT / ".venv" / "bin" / "yogolint"
SHARED = ROOT.parent / "shared"
PLAN = "# 提案\n\nセールスフォースの商談データを移行する。\n"
ZENDESK = "entries:\n  - term: Zendesk\n    kind: product\n    deprecated: [ゼンデスク]\n"


def run(*args, cwd: Path, umask: int | None = None) -> subprocess.CompletedProcess:
    command = [str(YOGOLINT)] if YOGOLINT.exists() else [sys.executable, "-m", "linter"]
    return subprocess.run(
        [*command, *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
    )


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    (tmp_path / "memo.txt").write_text("ゼンデスクの問い合わせを整理する。\n", encoding="utf-8")
    (tmp_path / "drafts" / "old.md").write_text(PLAN, encoding="utf-8")
    (tmp_path / "archive.md").write_text(PLAN, encoding="utf-8")
    (tmp_path / "LICENSE").write_text("セールスフォース\n", encoding="utf-8")
    (tmp_path / "team.yaml").write_text(ZENDESK, encoding="utf-8")
    (tmp_path / ".yogolint.yaml").write_text(
        "glossary: [team.yaml]\n"
        "rules:\n"
        "  preferred-term: error\n"
        "exclude: [archive.md]\n"
        "overrides:\n"
        "  - paths: [drafts/**]\n"
        "    rules: {preferred-term: info}\n",
        encoding="utf-8",
    )
    return tmp_path


def test_quiet_prints_nothing_and_keeps_the_exit_status(project):
    found = run("check", "--no-cache", "-q", "plan.md", cwd=project)
    assert (found.returncode, found.stdout, found.stderr) == (1, "", "")
    clean = run("check", "--no-cache", "--quiet", "drafts", "--fail-on", "error", cwd=project)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "")  # not even the --fail-on note
    # a dictionary's warning is a note too; a report file is still written whole
    (project / "prh.yml").write_text(
        "version: 1\nrules:\n  - expected: Salesforce\n    pattern: セールスホース\n"
        "    spec: {from: セールスホース, to: Salesforce}\n",
        encoding="utf-8",
    )
    warned = run("check", "--no-cache", "--prh", "prh.yml", "plan.md", cwd=project)
    assert "unknown key 'spec'" in warned.stderr
    quiet = run(
        "check",
        "--no-cache",
        "-q",
        "--prh",
        "prh.yml",
        "-o",
        "r.html",
        "--output-format",
        "html",
        "plan.md",
        cwd=project,
    )
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (1, "", "")
    assert '"の商談データを移行する。"' in (project / "r.html").read_text(encoding="utf-8")  # the line around the term
    missing = run("check", "--no-cache", "-q", "nope.md", cwd=project)
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr == "yogolint: nope.md: no such file or directory\n"  # why it is 2 is still said


def test_show_settings_names_where_each_setting_comes_from(project):
    config = project / ".yogolint.yaml"
    result = run("check", "--show-settings", "drafts/old.md", "--select", "preferred-term,ambiguous-term", cwd=project)
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert out[0] == "設定: drafts/old.md"
    assert f"  設定ファイル: {config}" in out
    assert f"    {project / 'team.yaml'}  ({config}:1)" in out
    rules = {
        line.split()[0]: line.split(None, 2)[1:] for line in out if line.startswith("    ") and "-" in line.split()[0]
    }
    # the override's severity, not the file-wide one; turned on by --select
    assert rules["preferred-term"] == ["info", f"{config}:7 (コマンドラインで有効)"]
    assert rules["ambiguous-term"][0] == "warning" and rules["ambiguous-term"][1].startswith("組み込み ")
    assert rules["confusable-name"] == ["off", "コマンドライン (--select/--ignore で外す)"]
    plan = run("check", "--show-settings", "plan.md", cwd=project).stdout
    assert f"preferred-term          error    {config}:3" in plan
    assert "検査対象: はい" in plan
    assert "検査対象: いいえ" in run("check", "--show-settings", "archive.md", cwd=project).stdout
    assert run("check", "--no-cache", "drafts/old.md", cwd=project).stdout.startswith(
        "drafts/old.md:3:1: preferred-term info [*]"
    )  # what it shows is what a run does


def test_show_files_lists_what_would_be_checked(project):
    result = run("check", "--show-files", cwd=project)
    assert result.returncode == 0
    assert sorted(result.stdout.splitlines()) == ["drafts/old.md", "memo.txt", "plan.md"]


def test_rule_all_and_json(tmp_path):
    from linter.rules import RULES

    docs = run("rule", "--all", cwd=tmp_path).stdout
    for rule_id in RULES:
        assert f"# {rule_id}\n" in docs
    assert docs.count("## 何をするか") == len(RULES)
    items = json.loads(run("rule", "--output-format", "json", cwd=tmp_path).stdout)
    assert [i["id"] for i in items] == list(RULES)
    by_id = {i["id"]: i for i in items}
    assert by_id["preferred-term"]["default_severity"] == "warning" and by_id["preferred-term"]["fixable"]
    assert by_id["unused-suppression"]["enabled_by_default"] is False
    one = json.loads(run("rule", "ambiguous-term", "--output-format", "json", cwd=tmp_path).stdout)
    assert one["id"] == "ambiguous-term" and "## 何をするか" in one["doc"]
    listing = run("rule", cwd=tmp_path).stdout.splitlines()
    assert listing[0].split()[:2] == ["preferred-term", "warning"]  # severity in the list too


def test_statistics_in_json(project):
    result = run("check", "--no-cache", "--statistics", "--output-format", "json", "plan.md", "memo.txt", cwd=project)
    data = json.loads(result.stdout)
    stats = data["statistics"]
    assert stats["by_rule"] == [{"rule": "preferred-term", "count": 2, "severities": {"error": 2}}]
    assert {(t["term"], t["count"]) for t in stats["by_term"]} == {("セールスフォース", 1), ("ゼンデスク", 1)}
    assert stats["fixable"] == 2
    assert "statistics" not in json.loads(
        run("check", "--no-cache", "--output-format", "json", "plan.md", cwd=project).stdout
    )
    sarif = run("check", "--no-cache", "--statistics", "--output-format", "sarif", "plan.md", cwd=project)
    assert "--statistics does not apply to --output-format sarif" in sarif.stderr


def test_fail_on_explains_findings_below_it(project):
    result = run("check", "--no-cache", "--fail-on", "error", "drafts/old.md", cwd=project)
    assert result.returncode == 0
    assert "preferred-term info" in result.stdout
    assert result.stderr == "yogolint: 1 件は --fail-on error 未満です (終了コードに数えません)\n"
    failing = run("check", "--no-cache", "--fail-on", "error", "plan.md", cwd=project)
    assert failing.returncode == 1 and failing.stderr == ""


def test_report_file_gets_the_umasks_mode(project):
    run("check", "--no-cache", "-o", "report.json", "--output-format", "json", "plan.md", cwd=project, umask=0o027)
    assert stat.S_IMODE((project / "report.json").stat().st_mode) == 0o640
    run("check", "--no-cache", "-o", "open.html", "--output-format", "html", "plan.md", cwd=project, umask=0o022)
    assert stat.S_IMODE((project / "open.html").stat().st_mode) == 0o644
    (project / "report.json").chmod(0o600)  # an existing report keeps the mode its owner gave it
    run("check", "--no-cache", "-o", "report.json", "plan.md", cwd=project, umask=0o022)
    assert stat.S_IMODE((project / "report.json").stat().st_mode) == 0o600


ANGULAR_PRH = SHARED / "corpus" / "ja-docs" / "angular-ja" / "prh.yml"
PRH_RULES = SHARED / "corpus" / "prh-rules"
needs_prh_rules = pytest.mark.skipif(
    not (ANGULAR_PRH.exists() and (PRH_RULES / "files").is_dir()),
    reason="../shared/corpus (angular-ja prh.yml, prh-rules) not present",
)


@needs_prh_rules
def test_prh_imports_from_the_rules_collection(tmp_path):
    # angular-ja's dictionary imports ./node_modules/prh/prh-rules/files/markdown.yml
    shutil.copy(ANGULAR_PRH, tmp_path / "prh.yml")
    (tmp_path / "doc.md").write_text("# 手順\n\n依存性注入を使う。\n", encoding="utf-8")
    missing = run("check", "--no-cache", "--prh", "prh.yml", "doc.md", cwd=tmp_path)
    assert missing.returncode == 2
    [line] = missing.stderr.splitlines()
    assert line.startswith("yogolint: prh.yml:3: import './node_modules/prh/prh-rules/files/markdown.yml' not found")
    assert "prh_rules: PATH" in line and "--prh-rules PATH" in line and "prh_rules_dir" not in line
    by_option = run("check", "--no-cache", "--prh", "prh.yml", "--prh-rules", PRH_RULES, "doc.md", cwd=tmp_path)
    assert by_option.returncode == 1, by_option.stderr
    assert "依存性注入 → 依存性の注入" in by_option.stdout
    (tmp_path / ".yogolint.yaml").write_text(f"prh: [prh.yml]\nprh_rules: {PRH_RULES}\n", encoding="utf-8")
    by_config = run("check", "--no-cache", "doc.md", cwd=tmp_path)
    assert by_config.returncode == 1 and "依存性の注入" in by_config.stdout
    assert run("prh", "test", "prh.yml", cwd=tmp_path).returncode == 2
    assert run("prh", "test", "prh.yml", "--prh-rules", PRH_RULES, cwd=tmp_path).returncode == 0
    settings = run("check", "--show-settings", "doc.md", cwd=tmp_path).stdout
    assert f"prh_rules: {PRH_RULES}  ({tmp_path / '.yogolint.yaml'}:2)" in settings


def test_prh_rules_that_does_not_exist_is_named(tmp_path):
    (tmp_path / ".yogolint.yaml").write_text("prh_rules: vendor/prh-rules\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(PLAN, encoding="utf-8")
    result = run("check", "--no-cache", "a.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"yogolint: {tmp_path / '.yogolint.yaml'}:1: prh rules folder 'vendor/prh-rules' not found"
    )


def test_explain_reads_the_folders_configuration_and_suggests_near_terms(project):
    explained = run("explain", "ゼンデスク", cwd=project)
    assert explained.returncode == 0, explained.stderr
    assert explained.stdout.startswith("Zendesk")
    elsewhere = run("explain", "ゼンデスク", cwd=project / "drafts")  # the configuration above applies
    assert elsewhere.returncode == 0 and elsewhere.stdout.startswith("Zendesk")
    near = run("explain", "Salesforse", cwd=project)
    assert near.returncode == 2
    assert near.stderr.strip().startswith("yogolint: 'Salesforse' is not in the glossary (近い用語: Salesforce")
    none = run("explain", "まったく無関係な語句", cwd=project)
    assert none.stderr.strip() == "yogolint: 'まったく無関係な語句' is not in the glossary"


def test_quiet_on_standard_input(tmp_path):
    (tmp_path / "prh.yml").write_text(
        "version: 1\nrules:\n  - expected: Salesforce\n    pattern: セールスホース\n"
        "    spec: {from: セールスホース, to: Salesforce}\n",
        encoding="utf-8",
    )
    command = [str(YOGOLINT)] if YOGOLINT.exists() else [sys.executable, "-m", "linter"]
    done = subprocess.run(
        [*command, "check", "--no-cache", "-q", "--prh", "prh.yml", "--stdin-filename", "a.md", "-"],
        input=PLAN.encode(),
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout, done.stderr) == (1, b"", b"")
