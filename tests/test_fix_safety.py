"""`--fix` on real writing: only safe fixes, never inside identifiers, URLs,
code or English names (issue 12). Runs the real CLI over a copy of the
biz-ja corpus (GitLab handbook, Adobe Marketo, SmartHR pages in Japanese)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from linter.documents import load_document
from linter.names import english_name_span, in_identifier
from linter.source import decode

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "biz-ja"


def _yogolint(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, text=True, check=False)


def _offset(text: str, line: int, column: int) -> int:
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return starts[line - 1] + column - 1


@pytest.fixture(scope="module")
def fixed_copy(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip("the biz-ja corpus is not beside the repository")
    copy = tmp_path_factory.mktemp("fix") / "biz-ja"
    shutil.copytree(CORPUS, copy)
    for path in [copy, *copy.rglob("*")]:  # shared/ may come without write bits; --fix skips read-only files
        path.chmod(path.stat().st_mode | 0o200)
    before = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    report = _yogolint("check", "--no-cache", "--exit-zero", "--format", "json", str(copy))
    assert report.returncode == 0, report.stderr
    diagnostics = json.loads(report.stdout)["diagnostics"]
    result = _yogolint("check", "--no-cache", "--exit-zero", "--fix", str(copy))
    assert result.returncode == 0, result.stderr
    return copy, before, diagnostics


def test_fix_changes_exactly_the_safe_fixes_it_reported(fixed_copy):
    copy, before, diagnostics = fixed_copy
    safe: dict[Path, list[dict]] = {}
    for d in diagnostics:
        if d.get("fix") and d["fix"]["safe"]:
            safe.setdefault(Path(d["path"]), []).append(d)
    assert safe, "the corpus holds deprecated spellings (SalesForce, Hubspot): some fix is expected"
    changed = {p for p, data in before.items() if p.read_bytes() != data}
    assert changed == set(safe)
    for path, fixes in safe.items():
        original = before[path].decode("utf-8")
        expected, pos = [], 0
        for d in sorted(fixes, key=lambda d: (d["line"], d["column"])):
            start = _offset(original, d["line"], d["column"])
            end = _offset(original, d["end_line"], d["end_column"])
            expected += [original[pos:start], d["fix"]["replacement"]]
            pos = end
        expected.append(original[pos:])
        assert path.read_bytes().decode("utf-8") == "".join(expected), path


def test_no_safe_fix_lies_in_an_identifier_url_code_or_english_name(fixed_copy):
    copy, before, diagnostics = fixed_copy
    for d in diagnostics:
        if not (d.get("fix") and d["fix"]["safe"]):
            continue
        path = Path(d["path"])
        source = decode(before[path], str(path))
        document = load_document(source)
        start = _offset(source.text, d["line"], d["column"])
        end = _offset(source.text, d["end_line"], d["end_column"])
        where = f"{path}:{d['line']} {d['term']}"
        assert document.mask[start:end] == source.text[start:end], f"code, URL or markup: {where}"
        assert not in_identifier(source.text, start, end), f"identifier: {where}"
        assert english_name_span(document.mask, start, end) is None, f"English name: {where}"


def test_tracking_parameters_survive_the_fix(fixed_copy):
    copy, before, _ = fixed_copy
    holding = [p for p, data in before.items() if b"utm_source=marketo" in data]
    assert holding, "the corpus holds utm_source=marketo (in prose, links and code)"
    for path in holding:
        assert path.read_bytes().count(b"utm_source=marketo") == before[path].count(b"utm_source=marketo")
