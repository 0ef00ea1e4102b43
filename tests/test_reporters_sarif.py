"""`--format sarif`: a valid SARIF 2.1.0 log that code-scanning tools can place.

The log is produced by the real CLI on a small folder, and checked against
the official SARIF 2.1.0 JSON schema vendored in tests/data/ (see its README).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from linter.reporters import Report, render
from linter.rules import RULES

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

PROPOSAL = (
    "# CRM移行のご提案\n"
    "\n"
    "現在のセールスフォース環境からハブスポットへの移行を提案します。\n"
    "\n"
    "MQLの定義を揃え、CSチームへの引き継ぎを明確にします。セールスフォースは段階的に止めます。\n"
)
MEMO = "議事録: Hubspotの設定をFreshworksのチケット連携と合わせて確認する。\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A folder with two documents; the tests run from inside it so that
    paths are relative, as in CI."""
    (tmp_path / "docs" / "営業").mkdir(parents=True)
    (tmp_path / "docs" / "営業" / "提案書 v2.md").write_text(PROPOSAL, encoding="utf-8")
    (tmp_path / "docs" / "memo.txt").write_text(MEMO, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def sarif(cli, *paths: str) -> dict:
    result = cli("check", "--format", "sarif", *paths)
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def by_rule_and_term(log: dict) -> dict[tuple[str, str], list[dict]]:
    found: dict[tuple[str, str], list[dict]] = {}
    for r in log["runs"][0]["results"]:
        found.setdefault((r["ruleId"], r["properties"]["term"]), []).append(r)
    return found


def test_log_validates_against_the_official_schema(cli, folder):
    log = sarif(cli, "docs")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema).validate(log)
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"
    assert len(log["runs"][0]["results"]) >= 5


def test_schema_check_catches_a_broken_log(cli, folder):
    """The validation above can fail: a region with column 0 is rejected."""
    log = sarif(cli, "docs")
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, schema)


def test_region_is_where_the_term_stands_in_code_points(cli, folder):
    log = sarif(cli, "docs")
    first, second = by_rule_and_term(log)[("preferred-term", "セールスフォース")]
    lines = PROPOSAL.split("\n")
    for result, line_no in ((first, 3), (second, 5)):
        location = result["locations"][0]["physicalLocation"]
        region = location["region"]
        column = lines[line_no - 1].index("セールスフォース") + 1
        assert region["startLine"] == region["endLine"] == line_no
        assert region["startColumn"] == column
        assert region["endColumn"] == column + len("セールスフォース")
        assert region["snippet"]["text"] == "セールスフォース"


def test_artifact_uri_is_the_relative_path_with_forward_slashes(cli, folder):
    log = sarif(cli, "docs")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert {unquote(u) for u in uris} == {"docs/営業/提案書 v2.md", "docs/memo.txt"}
    # a valid URI reference: no raw space or non-ASCII character
    assert all(u.isascii() and " " not in u for u in uris)


def test_every_rule_is_described_and_results_point_at_theirs(cli, folder):
    log = sarif(cli, "docs")
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "yogolint"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    for descriptor in rules:
        rule = RULES[descriptor["id"]]
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["help"]["markdown"] == rule.doc
        assert "## なぜ問題か" in descriptor["help"]["markdown"]
        assert "【なぜ問題か】" in descriptor["help"]["text"]
        assert descriptor["fullDescription"]["text"] in rule.doc
        assert descriptor["name"] and " " not in descriptor["name"]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["preferred-term"] == "warning"
    assert levels["undefined-abbreviation"] == "note"  # severity info in the built-in policy
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_levels_follow_severity(cli, folder):
    log = sarif(cli, "docs")
    found = by_rule_and_term(log)
    assert found[("undefined-abbreviation", "MQL")][0]["level"] == "note"
    assert found[("preferred-term", "ハブスポット")][0]["level"] == "warning"


def test_fix_applied_to_the_file_gives_the_canonical_spelling(cli, folder):
    log = sarif(cli, "docs")
    result = by_rule_and_term(log)[("preferred-term", "ハブスポット")][0]
    (fix,) = result["fixes"]
    (change,) = fix["artifactChanges"]
    (replacement,) = change["replacements"]
    assert unquote(change["artifactLocation"]["uri"]) == "docs/営業/提案書 v2.md"
    assert replacement["insertedContent"]["text"] == "HubSpot"
    region = replacement["deletedRegion"]
    lines = PROPOSAL.split("\n")
    line = lines[region["startLine"] - 1]
    fixed = line[: region["startColumn"] - 1] + "HubSpot" + line[region["endColumn"] - 1 :]
    assert fixed == "現在のセールスフォース環境からHubSpotへの移行を提案します。"
    # findings without a certain replacement carry no fix
    assert "fixes" not in by_rule_and_term(log)[("undefined-abbreviation", "MQL")][0]


def test_fingerprints_survive_moved_lines_and_tell_equal_findings_apart(cli, folder):
    before = sarif(cli, "docs")
    path = folder / "docs" / "営業" / "提案書 v2.md"
    path.write_text("<!-- 追記 -->\n\n前置きの段落を足しました。\n\n" + PROPOSAL, encoding="utf-8")
    after = sarif(cli, "docs")

    def prints(log):
        return {
            (
                unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]),
                r["ruleId"],
                r["properties"]["term"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
            ): r["partialFingerprints"]["yogolintFindingHash/v1"]
            for r in log["runs"][0]["results"]
        }

    old, new = prints(before), prints(after)
    assert len(old) == len(new) == len(before["runs"][0]["results"])
    assert len(set(old.values())) == len(old)  # unique within a run
    for (uri, rule, term, line), fingerprint in old.items():
        moved = line + 4 if uri.endswith("提案書 v2.md") else line
        assert new[(uri, rule, term, moved)] == fingerprint, (uri, rule, term, line)
    # the two セールスフォース findings are distinct results
    proposal = "docs/営業/提案書 v2.md"
    assert (
        old[(proposal, "preferred-term", "セールスフォース", 3)]
        != old[(proposal, "preferred-term", "セールスフォース", 5)]
    )


def test_editing_the_line_changes_its_fingerprint(cli, folder):
    before = by_rule_and_term(sarif(cli, "docs"))[("preferred-term", "Hubspot")][0]
    (folder / "docs" / "memo.txt").write_text(MEMO.replace("議事録", "打ち合わせメモ"), encoding="utf-8")
    after = by_rule_and_term(sarif(cli, "docs"))[("preferred-term", "Hubspot")][0]
    assert before["partialFingerprints"] != after["partialFingerprints"]


def test_unreadable_files_are_tool_notifications(folder):
    report = Report(files_scanned=1, errors=["docs/broken.md: not valid UTF-8, UTF-16 or CP932"])
    log = json.loads(render(report, "sarif"))
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"].startswith("docs/broken.md")
    assert log["runs"][0]["results"] == []


def test_windows_style_paths_become_forward_slashes():
    from linter.reporters.sarif import artifact_uri

    assert artifact_uri("docs\\営業\\a.md") == "docs/%E5%96%B6%E6%A5%AD/a.md"
    assert artifact_uri("C:\\work\\a b.md") == "file:///C:/work/a%20b.md"
