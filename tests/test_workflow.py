"""Configuration, suppression comments, --fix/--diff and exit-status options."""

import codecs
import json

import pytest

BAD = "# 移行計画\n\nセールスフォースの商談をハブスポットへ移す。\n"


def write(path, text, encoding="utf-8", bom=b"", newline="\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bom + text.replace("\n", newline).encode(encoding))
    return path


def diagnostics(cli, *args):
    result = cli("check", "--format", "json", *args)
    return [(d["rule"], d["term"]) for d in json.loads(result.stdout)["diagnostics"]], result


# --- configuration -------------------------------------------------------


def test_closest_configuration_wins_and_extend_inherits(cli, tmp_path):
    write(tmp_path / ".yogolint.yaml", "rules:\n  preferred-term: false\n")
    write(
        tmp_path / "proposals" / ".yogolint.yaml",
        "extend: ../.yogolint.yaml\nrules:\n  undefined-abbreviation: error\n",
    )
    write(tmp_path / "blog" / "a.md", BAD)
    write(tmp_path / "proposals" / "b.md", BAD + "\nMQLは120件。\n")
    found, _ = diagnostics(cli, str(tmp_path))
    assert found == [("undefined-abbreviation", "MQL")]  # preferred-term off in both, via extend


def test_pyproject_section_and_per_path_overrides(cli, tmp_path):
    write(
        tmp_path / "pyproject.toml",
        (
            "[project]\nname = 'x'\n\n[tool.yogolint]\nwell_known = ['MQL']\n"
            "[[tool.yogolint.overrides]]\npaths = ['drafts/**']\nrules = {preferred-term = false}\n"
        ),
    )
    write(tmp_path / "drafts" / "a.md", BAD + "MQLは120件。\n")
    write(tmp_path / "final" / "b.md", BAD + "MQLは120件。\n")
    result = cli("check", "--format", "json", str(tmp_path))
    by_file = {}
    for d in json.loads(result.stdout)["diagnostics"]:
        by_file.setdefault(d["path"].split("/")[-2], []).append(d["term"])
    assert by_file == {"final": ["セールスフォース", "ハブスポット"]}


def test_config_option_and_exclude_globs(cli, tmp_path):
    config = write(tmp_path / "strict.yaml", "exclude: ['archive/**']\nrules:\n  preferred-term: error\n")
    write(tmp_path / "archive" / "old.md", BAD)
    write(tmp_path / "docs" / "new.md", BAD)
    result = cli("check", "--format", "json", "--config", str(config), str(tmp_path))
    data = json.loads(result.stdout)
    assert {d["path"].split("/")[-2] for d in data["diagnostics"]} == {"docs"}
    assert {d["severity"] for d in data["diagnostics"]} == {"error"}
    excluded = cli("check", "--exclude", "new.md", "--config", str(config), str(tmp_path))
    assert excluded.exit_code == 0


def _config(tmp_path, text):
    from linter.config import load_config

    return load_config(write(tmp_path / ".yogolint.yaml", text))


@pytest.mark.parametrize(
    "glob, excluded, kept",
    [
        ("drafts/[ab].md", ["drafts/a.md", "drafts/b.md"], ["drafts/c.md", "x/drafts/a.md"]),  # a class; anchored
        ("**/notes/*.md", ["notes/a.md", "x/y/notes/a.md"], ["notes/sub/a.md", "notes.md"]),  # `**/` spans, `*` not
        ("scratch.md", ["scratch.md", "a/b/scratch.md"], ["a/scratch.md.bak.md"]),  # a bare name at any depth
        ("drafts/", ["drafts/a.md", "drafts/x/y/z.md", "a/drafts/b.md"], ["drafts.md", "final/a.md"]),  # a folder
        ("/top.md", ["top.md"], ["a/top.md"]),  # a leading `/` anchors
        ("archive/**", ["archive/a.md", "archive/x/b.md"], ["a/archive/c.md"]),
    ],
)
def test_exclude_globs_read_as_in_gitignore(tmp_path, glob, excluded, kept):
    config = _config(tmp_path, f"exclude: ['{glob}']\n")
    assert [f for f in excluded if not config.is_excluded(tmp_path / f)] == []
    assert [f for f in kept if config.is_excluded(tmp_path / f)] == []


def test_negation_takes_back_what_an_earlier_glob_matched(tmp_path):
    # within one list the last matching glob decides, as in .gitignore;
    # a configuration that extends another may take back the base's exclusions
    write(tmp_path / "base.yaml", "exclude: ['drafts/**']\n")
    config = _config(tmp_path, "extend: base.yaml\nexclude: ['!drafts/keep.md']\n")
    assert config.is_excluded(tmp_path / "drafts" / "a.md")
    assert not config.is_excluded(tmp_path / "drafts" / "keep.md")
    config = _config(tmp_path, "include: ['**/*.md', '!drafts/**']\n")
    assert config.is_excluded(tmp_path / "drafts" / "a.md") and not config.is_excluded(tmp_path / "b.md")


def test_overrides_apply_by_glob(tmp_path):
    config = _config(
        tmp_path,
        (
            "overrides:\n"
            "  - {paths: ['proposals/[0-9]*.md'], rules: {preferred-term: error}}\n"
            "  - {paths: ['**/legacy/'], rules: {preferred-term: false}}\n"
        ),
    )

    def rules(rel):
        return [dict(policy["rules"]) for _, policy in config.overrides_for(tmp_path / rel)]

    assert rules("proposals/2024-crm.md") == [{"preferred-term": "error"}]
    assert rules("proposals/draft.md") == []
    assert rules("a/legacy/b/c.md") == [{"preferred-term": False}]


def test_exclude_option_matches_from_any_folder_down_and_may_negate():
    from linter.files import FileTarget, _excluded

    def excluded(shown, *globs):
        return _excluded(FileTarget(None, shown), globs)

    assert excluded("../docs/team3/a.md", "team3/**") and not excluded("../docs/team4/a.md", "team3/**")
    assert excluded("docs/a.md", "docs/[ab].md") and not excluded("docs/c.md", "docs/[ab].md")
    assert not excluded("docs/drafts/keep.md", "drafts/", "!drafts/keep.md")
    assert excluded("docs/drafts/other.md", "drafts/", "!drafts/keep.md")
    assert not excluded("docs/a.md")


def test_each_glob_list_is_compiled_once(tmp_path):
    from linter.globs import compiled

    config = _config(tmp_path, "exclude: ['drafts/**', '*.tmp.md']\n")
    compiled.cache_clear()
    for i in range(50):
        config.is_excluded(tmp_path / f"f{i}.md")
    assert compiled.cache_info().misses == 1


def test_a_wrong_key_or_value_names_file_key_and_allowed(cli, tmp_path):
    write(tmp_path / ".yogolint.yaml", "rules:\n  preferred-term: loud\n")
    write(tmp_path / "a.md", BAD)
    result = cli("check", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"yogolint: {tmp_path / '.yogolint.yaml'}:2: severity 'loud' is not one of info, warning, error"
    )
    write(tmp_path / ".yogolint.yaml", "colour: red\n")
    result = cli("check", str(tmp_path))
    assert "1: unknown key 'colour' (allowed:" in result.stderr


# --- suppression ---------------------------------------------------------


def test_suppression_comments_in_markdown(cli, tmp_path):
    write(
        tmp_path / "a.md",
        (
            "<!-- yogolint-disable-next-line preferred-term -->\n"
            "セールスフォースの話。\n"
            "<!-- yogolint-disable ハブスポット -->\n"
            "ハブスポットの話。フレッシュデスクの話。\n"
            "<!-- yogolint-enable -->\n"
            "ハブスポットの話。\n"
        ),
    )
    found, _ = diagnostics(cli, str(tmp_path / "a.md"))
    assert found == [("preferred-term", "フレッシュデスク"), ("preferred-term", "ハブスポット")]


def test_disable_file_and_text_files(cli, tmp_path):
    write(tmp_path / "a.md", "<!-- yogolint-disable-file -->\n" + BAD)
    write(
        tmp_path / "b.txt",
        "セールスフォースの話。 # yogolint-disable-next-line\nハブスポットの話。\nフレッシュデスク\n",
    )
    found, _ = diagnostics(cli, str(tmp_path))
    assert found == [("preferred-term", "セールスフォース"), ("preferred-term", "フレッシュデスク")]


def test_unused_suppressions_are_reported_on_request(cli, tmp_path):
    write(tmp_path / "a.md", "<!-- yogolint-disable-next-line -->\n問題のない文。\n")
    assert cli("check", str(tmp_path)).exit_code == 0
    found, result = diagnostics(cli, "--report-unused-suppressions", str(tmp_path))
    assert found == [("unused-suppression", "yogolint-disable-next-line")]
    assert result.exit_code == 1


# --- fix and diff --------------------------------------------------------


@pytest.mark.parametrize(
    "encoding, bom, newline",
    [
        ("utf-8", b"", "\n"),
        ("utf-8", codecs.BOM_UTF8, "\r\n"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
        ("cp932", b"", "\r\n"),
    ],
)
def test_fix_keeps_encoding_bom_and_line_endings(cli, tmp_path, encoding, bom, newline):
    path = write(tmp_path / "a.md", BAD + "CSの返信を早める。\n", encoding, bom, newline)
    result = cli("check", "--fix", str(path))
    expected = "# 移行計画\n\nSalesforceの商談をHubSpotへ移す。\nCSの返信を早める。\n"
    assert path.read_bytes() == bom + expected.replace("\n", newline).encode(encoding)
    assert result.exit_code == 1  # the ambiguous CS is never fixed automatically
    assert "ambiguous-term" in result.stdout and "preferred-term" not in result.stdout
    before = path.read_bytes()
    cli("check", "--fix", str(path))
    assert path.read_bytes() == before  # a second --fix changes nothing


CHOICES = (
    "Freshworksにログインして商談を更新する。\n\n"
    "カスタマーサクセスの体制。カスタマーサクセスの指標。Customer Successの会議。\n"
)


def test_fix_never_chooses_between_names_or_products(cli, tmp_path):
    path = write(tmp_path / "a.md", CHOICES)
    result = cli("check", "--fix", str(path))
    assert result.exit_code == 1  # both findings remain, as suggestions
    assert path.read_text(encoding="utf-8") == CHOICES


def test_unsafe_fixes_apply_context_decided_confusable_and_inconsistent_names(cli, tmp_path):
    path = write(tmp_path / "a.md", CHOICES)
    cli("check", "--fix", "--unsafe-fixes", str(path))
    assert path.read_text(encoding="utf-8") == (
        "Freshsalesにログインして商談を更新する。\n\n"
        "カスタマーサクセスの体制。カスタマーサクセスの指標。カスタマーサクセスの会議。\n"
    )


def test_diff_prints_and_writes_nothing(cli, tmp_path):
    path = write(tmp_path / "a.md", BAD)
    result = cli("check", "--diff", str(path))
    assert result.exit_code == 1
    assert "-セールスフォースの商談をハブスポットへ移す。" in result.stdout
    assert "+Salesforceの商談をHubSpotへ移す。" in result.stdout
    assert path.read_text(encoding="utf-8") == BAD
    clean = write(tmp_path / "b.md", "問題のない文。\n")
    assert cli("check", "--diff", str(clean)).exit_code == 0


def test_fix_leaves_no_temporary_files(cli, tmp_path):
    write(tmp_path / "a.md", BAD)
    cli("check", "--fix", str(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


# --- exit status and output options ----------------------------------------


def test_exit_zero_and_fail_on(cli, tmp_path):
    path = write(tmp_path / "a.md", "MQLは120件。\n")  # one info-level finding
    assert cli("check", str(path)).exit_code == 1
    assert cli("check", "--fail-on", "warning", str(path)).exit_code == 0
    assert cli("check", "--exit-zero", str(path)).exit_code == 0


def test_output_file_and_statistics(cli, tmp_path):
    path = write(tmp_path / "a.md", BAD + "ハブスポットの設定。\n")
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    result = cli("check", "--format", "json", "-o", str(report), str(path))
    assert result.stdout == ""
    assert len(json.loads(report.read_text(encoding="utf-8"))["diagnostics"]) == 3
    stats = cli("check", "--statistics", str(path)).stdout
    assert "ルール別" in stats and "     2  ハブスポット  (preferred-term)" in stats


def test_prh_dictionary_findings_are_fixable_preferred_terms(cli, tmp_path):
    prh = write(
        tmp_path / "prh.yml", "version: 1\nrules:\n  - expected: ウェブ\n    pattern: Web\n    prh: 表記を統一\n"
    )
    path = write(tmp_path / "a.md", "Webサイトを改修する。`Web`はコード。\n")
    found, _ = diagnostics(cli, "--prh", str(prh), str(path))
    assert found == [("preferred-term", "Web")]
    cli("check", "--prh", str(prh), "--fix", str(path))
    assert path.read_text(encoding="utf-8") == "ウェブサイトを改修する。`Web`はコード。\n"


def test_prh_test_command(cli, tmp_path):
    good = write(
        tmp_path / "good.yml",
        "version: 1\nrules:\n  - expected: ウェブ\n    pattern: Web\n    specs:\n      - from: Webサイト\n        to: ウェブサイト\n",
    )
    bad = write(
        tmp_path / "bad.yml",
        "version: 1\nrules:\n  - expected: ウェブ\n    pattern: Web\n    specs:\n      - from: Webサイト\n        to: ウエブサイト\n",
    )
    assert cli("prh", "test", str(good)).exit_code == 0
    result = cli("prh", "test", str(bad))
    assert result.exit_code == 1
    assert "expected 'ウエブサイト' got 'ウェブサイト'" in result.stdout
