"""The rule registry: a rule declares what it reads, and the engine gives it
exactly that; every finding comes from a registered, documented rule."""

from __future__ import annotations

import json

import pytest

from linter.rules import RULES, Needs, rule

# An entry only the test rule below can speak of: one name, no deprecated
# spelling, not an abbreviation — no built-in rule reads it.
NURTURING = """
entries:
  - term: ナーチャリング
    kind: concept
    definition: 見込み客との関係を継続的に育て、購買意欲を高める活動。
    pitfall: 配信数だけを追い、商談化率を見ないこと。
"""


@pytest.fixture
def pitfall_rule(monkeypatch):
    """A sixth rule, defined here only: it reads the `pitfall` field, which no
    shipped rule uses."""

    def has_pitfall(entry, policy):
        return entry.pitfall is not None

    def check(ctx):
        """## 何をするか\nよくある失敗のある用語に、その失敗を添えます。"""
        for occ in ctx.occurrences:
            yield ctx.diagnostic("pitfall-reminder", occ, f"よくある失敗: {occ.entry.pitfall}")

    monkeypatch.setitem(RULES, "pitfall-reminder", None)  # restored (removed) after the test
    rule("pitfall-reminder", "よくある失敗を思い出させる", needs=Needs(entries=has_pitfall))(check)
    return RULES["pitfall-reminder"]


def test_a_rule_defined_outside_the_engine_gets_the_entries_it_declares(pitfall_rule, lint_with):
    lint = lint_with(NURTURING)
    [finding] = lint("今期はナーチャリングのメールを週二回配信する。\n")
    assert finding.rule == "pitfall-reminder"
    assert finding.term == "ナーチャリング"
    assert "商談化率" in finding.message
    assert (finding.line, finding.column) == (1, 4)  # after 今期は


def test_the_shipped_rules_say_nothing_about_that_entry(lint_with):
    lint = lint_with(NURTURING)
    assert lint("今期はナーチャリングのメールを週二回配信する。\n") == []


def test_unused_suppression_is_a_documented_rule(cli):
    shown = cli("rule", "unused-suppression")
    assert shown.exit_code == 0
    assert "## 何をするか" in shown.output and "抑制コメント" in shown.output
    listed = cli("rule").output
    assert "unused-suppression" in listed and "unknown-directive" in listed


def _findings(cli, *args):
    result = cli("check", "--no-cache", "--format", "json", *args)
    return json.loads(result.output)["diagnostics"]


UNUSED = "<!-- yogolint-disable-next-line ambiguous-term -->\nカスタマーサクセスの定例は毎週月曜です。\n"


def test_unused_suppression_is_selected_configured_and_ignored_like_any_rule(cli, tmp_path):
    doc = tmp_path / "定例.md"
    doc.write_text(UNUSED, encoding="utf-8")
    assert [d["rule"] for d in _findings(cli, str(doc))] == []  # off by default
    assert [d["rule"] for d in _findings(cli, "--report-unused-suppressions", str(doc))] == ["unused-suppression"]
    assert [d["rule"] for d in _findings(cli, "--select", "unused-suppression", str(doc))] == ["unused-suppression"]
    assert _findings(cli, "--report-unused-suppressions", "--ignore", "unused-suppression", str(doc)) == []
    team = tmp_path / "team"  # a folder of its own: discovery is cached per folder in one process
    team.mkdir()
    (team / "定例.md").write_text(UNUSED, encoding="utf-8")
    (team / ".yogolint.yaml").write_text("rules:\n  unused-suppression: error\n", encoding="utf-8")
    [configured] = _findings(cli, str(team / "定例.md"))
    assert (configured["rule"], configured["severity"]) == ("unused-suppression", "error")


def test_a_misspelt_rule_in_a_directive_is_reported_with_the_closest_rule(lint):
    text = "<!-- yogolint-disable-next-line ambigous-term -->\nCSの定例は毎週月曜です。\n"
    found = lint(text)
    assert sorted(d.rule for d in found) == ["ambiguous-term", "unknown-directive"]  # nothing silenced
    [unknown] = [d for d in found if d.rule == "unknown-directive"]
    assert unknown.term == "ambigous-term"
    assert unknown.suggestions == ["ambiguous-term"]
    assert (unknown.line, unknown.column) == (1, 33)


def test_a_rule_and_a_term_together_mean_that_rule_for_that_term(lint):
    text = (
        "<!-- yogolint-disable preferred-term セールスフォース -->\n"
        "セールスフォースとハブスポットを比較する。\n"
        "<!-- yogolint-enable -->\n"
    )
    assert [d.term for d in lint(text, rule="preferred-term")] == ["ハブスポット"]


def test_terms_alone_and_rules_alone_still_silence_what_they_name(lint):
    by_term = "<!-- yogolint-disable-next-line セールスフォース -->\nセールスフォースとハブスポットを比較する。\n"
    by_rule = "<!-- yogolint-disable-next-line preferred-term -->\nセールスフォースとハブスポットを比較する。\n"
    assert [d.term for d in lint(by_term, rule="preferred-term")] == ["ハブスポット"]
    assert lint(by_rule, rule="preferred-term") == []


def test_sarif_gives_every_result_a_rule_descriptor(cli, tmp_path):
    doc = tmp_path / "定例.md"
    doc.write_text(
        UNUSED + "<!-- yogolint-disable-next-line ambigous-term -->\nセールスフォースの画面\n", encoding="utf-8"
    )
    result = cli("check", "--no-cache", "--format", "sarif", "--report-unused-suppressions", str(doc))
    run = json.loads(result.output)["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert {r["ruleId"] for r in run["results"]} == {"unused-suppression", "unknown-directive", "preferred-term"}
    for r in run["results"]:
        assert r["ruleIndex"] >= 0 and ids[r["ruleIndex"]] == r["ruleId"]


def test_a_prh_dictionary_with_an_unknown_key_warns_with_file_and_line(tmp_path):
    import subprocess
    import sys

    prh = tmp_path / "prh.yml"
    prh.write_text(
        "version: 1\nrules:\n  - expected: サーバー\n    pattern: サーバ\n    spec:\n      - from: サーバ\n        to: サーバー\n",
        encoding="utf-8",
    )
    doc = tmp_path / "a.md"
    doc.write_text("サーバを再起動する。\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--no-cache", "--prh", str(prh), str(doc)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert f"{prh}:5:" in warnings[0] and "spec" in warnings[0]
