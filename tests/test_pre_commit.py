"""The pre-commit hook, run by pre-commit itself on a real git repository."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")
YOGOLINT = Path(sys.executable).with_name("yogolint")

pytestmark = pytest.mark.skipif(
    not PRE_COMMIT.exists(), reason="pre-commit is a test dependency: pip install '.[test]'"
)


def test_hook_fails_on_a_bad_document_and_passes_after_fix(tmp_path):
    repo = tmp_path / "proposals"
    repo.mkdir()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    doc = repo / "提案書.md"
    doc.write_text("# 提案\n\nセールスフォースとハブスポットの連携を提案します。\n", encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)

    def hook():
        return subprocess.run(
            [str(PRE_COMMIT), "try-repo", str(PROJECT), "yogolint", "--files", doc.name],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    failed = hook()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "セールスフォース → Salesforce" in failed.stdout

    subprocess.run([str(YOGOLINT), "check", "--fix", doc.name], cwd=repo, env=env, capture_output=True)
    assert doc.read_text(encoding="utf-8") == "# 提案\n\nSalesforceとHubSpotの連携を提案します。\n"
    passed = hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr

    # Which files the hook is given: the suffixes `yogolint check` reads in a
    # folder, whatever their case; not every plain-text file of the repository.
    bad = "セールスフォースの資料です。\n"
    for name in ("LICENSE", "NOTES", "setup.cfg", "guide.mdx", "memo.TXT", "old.markdown"):
        (repo / name).write_text(bad, encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    everything = subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(PROJECT), "yogolint", "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert everything.returncode == 1, everything.stdout + everything.stderr
    reported = {line.split(":")[0] for line in everything.stdout.splitlines() if ":1:1: preferred-term" in line}
    assert reported == {"guide.mdx", "memo.TXT", "old.markdown"}
