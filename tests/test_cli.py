"""The command line as a user meets it: output shape, exit status, errors."""

import json

import pytest

PROPOSAL = "# 提案\n\nセールスフォースの商談データを移行する。\n"


@pytest.fixture
def docs(tmp_path):
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "plan.md").write_text(PROPOSAL, encoding="utf-8")
    (tmp_path / "docs" / "sub" / "memo.txt").write_text("問題のない文章です。\n", encoding="utf-8")
    (tmp_path / "docs" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "docs" / ".hidden").mkdir()
    (tmp_path / "docs" / ".hidden" / "x.md").write_text(PROPOSAL, encoding="utf-8")
    (tmp_path / "docs" / "node_modules").mkdir()
    (tmp_path / "docs" / "node_modules" / "y.md").write_text(PROPOSAL, encoding="utf-8")
    return tmp_path / "docs"


def test_text_output_shows_the_line_a_marker_and_one_summary(cli, docs):
    result = cli("check", str(docs))
    assert result.stdout.splitlines() == [
        f"{docs}/plan.md:3:1: preferred-term warning [*] セールスフォース → Salesforce (製品名は公式表記で)",
        "  |",
        "3 | セールスフォースの商談データを移行する。",
        "  | ^^^^^^^^^^^^^^^^",
        "  |",
        "  = 候補: Salesforce",
        "",
        "指摘 1 件: 1 ファイル (検査 2 ファイル)。[*] 1 件は --fix で修正できます。",
    ]
    assert result.exit_code == 1


def test_concise_output_is_one_line_a_finding(cli, docs):
    for option in ("--output-format", "--format"):  # --format: the older name
        result = cli("check", option, "concise", str(docs))
        assert result.stdout.splitlines() == [
            f"{docs}/plan.md:3:1: preferred-term warning [*] セールスフォース → Salesforce (製品名は公式表記で)",
            "指摘 1 件: 1 ファイル (検査 2 ファイル)。[*] 1 件は --fix で修正できます。",
        ]


def test_json_output_shape(cli, docs):
    result = cli("check", "--format", "json", str(docs))
    data = json.loads(result.stdout)
    assert set(data) == {"tool", "version", "files_scanned", "diagnostics"}
    assert data["tool"] == "yogolint" and data["files_scanned"] == 2  # hidden and node_modules skipped
    [d] = data["diagnostics"]
    assert d == {
        "path": f"{docs}/plan.md",
        "line": 3,
        "column": 1,
        "end_line": 3,
        "end_column": 9,
        "rule": "preferred-term",
        "severity": "warning",
        "term": "セールスフォース",
        "message": "セールスフォース → Salesforce (製品名は公式表記で)",
        "suggestions": ["Salesforce"],
        "fix": {"replacement": "Salesforce", "safe": True},
    }


def test_clean_files_exit_zero(cli, docs):
    result = cli("check", str(docs / "sub"))
    assert result.exit_code == 0
    assert "問題は見つかりませんでした" in result.stdout


def test_missing_path_is_exit_2_with_one_line(cli, docs):
    result = cli("check", str(docs / "nope.md"), str(docs / "plan.md"))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"yogolint: {docs}/nope.md: no such file or directory"
    assert "セールスフォース" in result.stdout  # the other file was still linted


def test_select_and_ignore(cli, docs):
    assert cli("check", "--select", "ambiguous-term", str(docs)).exit_code == 0
    assert cli("check", "--ignore", "preferred-term", str(docs)).exit_code == 0
    bad = cli("check", "--select", "no-such-rule", str(docs))
    assert bad.exit_code == 2 and "unknown rule 'no-such-rule'" in bad.stderr


def test_user_glossary_adds_terms(cli, docs, tmp_path):
    extra = tmp_path / "team.yaml"
    extra.write_text("entries:\n  - term: Zendesk\n    kind: product\n    deprecated: [ゼンデスク]\n", encoding="utf-8")
    (docs / "plan.md").write_text("ゼンデスクから移行する。\n", encoding="utf-8")
    result = cli("check", "--glossary", str(extra), str(docs / "plan.md"))
    assert "ゼンデスク → Zendesk" in result.stdout


def test_broken_glossary_names_the_yaml_line(cli, docs, tmp_path):
    extra = tmp_path / "team.yaml"
    extra.write_text("entries:\n  - term: Zendesk\n    kind: product\n    colour: red\n", encoding="utf-8")
    result = cli("check", "--glossary", str(extra), str(docs))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"yogolint: {extra}:4: unknown key 'colour'")
    assert "Traceback" not in result.stderr


def test_version_help_rule_and_explain(cli):
    assert cli("--version").stdout.startswith("yogolint ")
    assert "例:" in cli("--help").stdout
    assert "## 何をするか" in cli("rule", "ambiguous-term").stdout
    explained = cli("explain", "ＣＳ").stdout
    assert "カスタマーサポート" in explained and "カスタマーサクセス" in explained
    assert cli("explain", "存在しない用語").exit_code == 2
