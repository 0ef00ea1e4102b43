"""Caches across runs (compiled prh dictionaries, validated glossaries): a
second run reports exactly what the first did, an edit to any file they were
built from is seen, and a damaged cache file only costs speed."""

import json
import os
import subprocess
import sys
from pathlib import Path

YOGOLINT = str(Path(sys.executable).with_name("yogolint"))

DOC = "サーバサイドの設定はJavascriptで書く。ユーザーの顧客管理基盤を更新する。\n"


def run(tmp_path: Path, *args: str, cache: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "YOGOLINT_CACHE_DIR": str(cache)}
    return subprocess.run(
        [YOGOLINT, "check", "--no-cache", "--format", "json", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def messages(result: subprocess.CompletedProcess) -> list[str]:
    return [d["message"] for d in json.loads(result.stdout)["diagnostics"]]


def write_prh(tmp_path: Path) -> Path:
    (tmp_path / "base.yml").write_text(
        "version: 1\nrules:\n  - expected: サーバー\n    pattern: サーバ\n", encoding="utf-8"
    )
    main = tmp_path / "team.yml"
    main.write_text(
        "version: 1\nimports:\n  - base.yml\nrules:\n  - expected: JavaScript\n    pattern: Javascript\n",
        encoding="utf-8",
    )
    return main


def test_a_cached_prh_dictionary_reports_the_same_and_sees_an_edited_import(tmp_path):
    cache = tmp_path / "cache"
    (tmp_path / "doc.md").write_text(DOC, encoding="utf-8")
    write_prh(tmp_path)
    first = run(tmp_path, "--prh", "team.yml", "doc.md", cache=cache)
    assert list((cache / "prh").glob("*.json"))
    second = run(tmp_path, "--prh", "team.yml", "doc.md", cache=cache)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout and first.stderr == second.stderr
    assert any("サーバー" in m for m in messages(first)) and any("JavaScript" in m for m in messages(first))
    # the imported file changes, the importing one does not
    (tmp_path / "base.yml").write_text(
        "version: 1\nrules:\n  - expected: 顧客管理システム\n    pattern: 顧客管理基盤\n", encoding="utf-8"
    )
    third = messages(run(tmp_path, "--prh", "team.yml", "doc.md", cache=cache))
    assert not any("サーバー" in m for m in third) and any("顧客管理システム" in m for m in third)


def test_a_damaged_cache_file_is_ignored(tmp_path):
    cache = tmp_path / "cache"
    (tmp_path / "doc.md").write_text(DOC, encoding="utf-8")
    glossary = tmp_path / "terms.yaml"
    glossary.write_text(
        "entries:\n  - term: 顧客管理システム\n    kind: concept\n    deprecated: [顧客管理基盤]\n", encoding="utf-8"
    )
    write_prh(tmp_path)
    args = ("--prh", "team.yml", "--glossary", "terms.yaml", "doc.md")
    first = run(tmp_path, *args, cache=cache)
    written = list((cache / "prh").glob("*.json")) + list((cache / "glossary").glob("*.json"))
    assert len(written) == 2
    for number, path in enumerate(written):
        # not JSON, or JSON of another shape (a rule that is not a rule)
        path.write_text(
            "{" if number else json.dumps({"format": "yogolint-prh-1", "files": [], "rules": [1]}), encoding="utf-8"
        )
    second = run(tmp_path, *args, cache=cache)
    assert second.stdout == first.stdout and "Traceback" not in second.stderr
    assert any("顧客管理システム" in m for m in messages(second))


def test_a_cached_glossary_sees_an_edit_and_an_error_is_reported_every_run(tmp_path):
    cache = tmp_path / "cache"
    (tmp_path / "doc.md").write_text(DOC, encoding="utf-8")
    glossary = tmp_path / "terms.yaml"
    glossary.write_text(
        "entries:\n  - term: 顧客管理システム\n    kind: concept\n    deprecated: [顧客管理基盤]\n", encoding="utf-8"
    )
    first = run(tmp_path, "--glossary", "terms.yaml", "doc.md", cache=cache)
    second = run(tmp_path, "--glossary", "terms.yaml", "doc.md", cache=cache)
    assert first.stdout == second.stdout and any("顧客管理システム" in m for m in messages(second))
    glossary.write_text("entries:\n  - term: 顧客管理システム\n    kind: concept\n", encoding="utf-8")
    assert not any(
        "顧客管理システム" in m for m in messages(run(tmp_path, "--glossary", "terms.yaml", "doc.md", cache=cache))
    )
    glossary.write_text("entries:\n  - term: 顧客管理システム\n    kind: konzept\n", encoding="utf-8")
    for _ in range(2):
        broken = run(tmp_path, "--glossary", "terms.yaml", "doc.md", cache=cache)
        assert broken.returncode == 2 and "terms.yaml:3: kind 'konzept'" in broken.stderr
