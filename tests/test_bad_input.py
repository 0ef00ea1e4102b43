"""Bad input and faults, through the real command line (issue 8).

Each case asserts what a user sees: exit status 0/1 for documents that could
be read, 2 with ONE line on stderr naming the file and the problem for those
that could not; the other files of the same run are still linted (a good file
with one finding sits beside the bad one); never a Python traceback.

Decisions recorded here:
- UTF-16 *without* a BOM is refused as "binary file (NUL byte)": guessing a
  BOM-less UTF-16 byte order is unreliable, and its NUL bytes are what a user
  can see in a hex dump.
- An empty file, or one holding only a BOM, is a checked file with no findings.
- A Markdown list nested deeper than the parser follows (20 levels) is checked
  as plain text rather than skipped.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import linter.runner
from linter.source import decode

ROOT = Path(__file__).resolve().parents[1]
YOGOLINT = ROOT / ".venv" / "bin" / "yogolint"
GOOD = "# 提案\n\nセールスフォースの商談データを移行する。\n"
GOOD_FINDING = ":3:1: preferred-term warning [*] セールスフォース → Salesforce"


def run(*args, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    command = [str(YOGOLINT)] if YOGOLINT.exists() else [sys.executable, "-m", "linter"]
    return subprocess.run(
        [*command, "check", "--no-cache", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def assert_clean_stderr(result) -> None:
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr


def assert_one_error(result, shown: str, problem: str) -> None:
    """Exit 2, exactly one stderr line: `yogolint: <file>...: <problem>`."""
    assert_clean_stderr(result)
    assert result.returncode == 2, (result.stdout, result.stderr)
    [line] = result.stderr.splitlines()
    assert line.startswith(f"yogolint: {shown}"), line
    assert problem in line, line


@pytest.fixture
def work(tmp_path):
    """A folder with good.md (one finding) to put bad files beside."""
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    return tmp_path


def good_was_linted(result) -> bool:
    return f"good.md{GOOD_FINDING}" in result.stdout


# --- documents ----------------------------------------------------------------


def test_binary_file_with_md_name(work):
    (work / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run("image.md", "good.md", cwd=work)
    assert_one_error(result, "image.md", "binary file (NUL byte), not text")
    assert good_was_linted(result)


@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8], ids=["empty", "only-bom"])
def test_empty_file_and_file_of_only_a_bom_are_clean(work, data):
    (work / "empty.md").write_bytes(data)
    alone = run("empty.md", cwd=work)
    assert alone.returncode == 0 and alone.stderr == ""
    assert "(検査 1 ファイル)" in alone.stdout
    both = run("empty.md", "good.md", cwd=work)
    assert both.returncode == 1 and both.stderr == "" and good_was_linted(both)


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_bom_is_read_with_exact_positions(work, bom, codec):
    (work / "u16.md").write_bytes(bom + "# 見出し\r\n\r\n移行先は セールスフォース です。\r\n".encode(codec))
    result = run("u16.md", "good.md", cwd=work)
    assert_clean_stderr(result)
    assert result.returncode == 1 and result.stderr == ""
    assert "u16.md:3:6: preferred-term warning [*] セールスフォース → Salesforce" in result.stdout
    assert good_was_linted(result)


def test_utf16_without_bom_is_refused_as_binary(work):
    (work / "u16.md").write_bytes("移行先は セールスフォース です。\n".encode("utf-16-le"))
    result = run("u16.md", "good.md", cwd=work)
    assert_one_error(result, "u16.md", "binary file (NUL byte), not text")
    assert good_was_linted(result)


# ①, ㈱ are NEC special characters (row 13), 髙 an IBM extension; 0xFBFC is
# how Windows writes 髙, 0xEEE0 the NEC-selected duplicate Python writes.
CP932_LINE = "①㈱髙橋のセールスフォース\r\n".encode("cp932").replace("髙".encode("cp932"), b"\xfb\xfc")


def test_cp932_with_nec_and_ibm_extension_characters(work):
    (work / "sjis.md").write_bytes(b"# \x92\xb2\x8d\xb8\r\n\r\n" + CP932_LINE)
    result = run("sjis.md", "good.md", cwd=work)
    assert_clean_stderr(result)
    assert result.returncode == 1 and result.stderr == ""
    assert "sjis.md:3:6: preferred-term warning [*] セールスフォース → Salesforce" in result.stdout
    assert good_was_linted(result)


def test_fix_of_a_cp932_file_keeps_the_bytes_it_does_not_fix(work):
    path = work / "sjis.md"
    path.write_bytes(CP932_LINE)
    result = run("--fix", "sjis.md", cwd=work)
    assert_clean_stderr(result)
    assert path.read_bytes() == CP932_LINE.replace("セールスフォース".encode("cp932"), b"Salesforce")


def test_invalid_utf8_in_the_middle_of_a_file(work):
    (work / "broken.md").write_bytes("セールスフォース\n".encode() + b"caf\xe9 \xff\n" + "以上。\n".encode())
    result = run("broken.md", "good.md", cwd=work)
    assert_one_error(result, "broken.md", "not valid UTF-8 (byte 0xe9 at offset 28, line 2)")
    assert good_was_linted(result)


def test_mixed_crlf_and_lf_positions(work):
    text = "# 題\r\nセールスフォース\nxx Hubspot\r\n\r\nyy セールスフォース\n"
    (work / "mixed.md").write_bytes(text.encode())
    result = run("--format", "json", "mixed.md", cwd=work)
    import json

    found = [
        (d["line"], d["column"], d["end_line"], d["end_column"], d["term"])
        for d in json.loads(result.stdout)["diagnostics"]
    ]
    assert found == [(2, 1, 2, 9, "セールスフォース"), (3, 4, 3, 11, "Hubspot"), (5, 4, 5, 12, "セールスフォース")]


def test_lone_cr_line_ends_lose_nothing(work):
    # Classic Mac line ends: Source breaks lines at LF only, so the file is one
    # line; markdown-it used to see several and every finding was dropped.
    (work / "mac.md").write_bytes("a\rセールスフォース\r\rHubspot\n".encode())
    result = run("mac.md", cwd=work)
    assert_clean_stderr(result)
    assert "mac.md:1:3: preferred-term warning [*] セールスフォース" in result.stdout
    assert "mac.md:1:13: preferred-term warning [*] Hubspot" in result.stdout


def test_50_mb_markdown_file_completes_and_finds_its_terms(tmp_path):
    para = "来週の会議では、移行の手順と担当者を確認します。資料は前日までに共有してください。\n\n"
    planted = "移行先は セールスフォース です。\n\n"
    count = 50_000_000 // len(para.encode())
    chunk = para * 100_000
    lines_per_chunk = chunk.count("\n")
    with open(tmp_path / "big.md", "w", encoding="utf-8") as out:
        for _ in range(count // 100_000):
            out.write(chunk)
            out.write(planted)
        out.write("最後に Hubspot を設定します。")  # the very last line, no newline
    assert (tmp_path / "big.md").stat().st_size >= 50_000_000
    result = run("big.md", cwd=tmp_path, timeout=300)
    assert_clean_stderr(result)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    expected_rows = [(i + 1) * (lines_per_chunk + 2) - 1 for i in range(count // 100_000)]
    assert [int(x.split(":")[1]) for x in lines if x.startswith("big.md:") and "セールスフォース" in x] == expected_rows
    assert any(x.startswith(f"big.md:{expected_rows[-1] + 2}:5: preferred-term warning [*] Hubspot") for x in lines)


def test_one_megabyte_line_reports_terms_at_its_end(tmp_path):
    # No line break at all: the tokenizer must cut under Sudachi's 49,149-byte limit.
    head = "これは長い一行の文章で、用語は含まれていません" * 15_000
    text = head + "Hubspot と セールスフォース"
    (tmp_path / "long.md").write_text(text, encoding="utf-8")
    assert len(text.encode()) > 1_000_000 and "\n" not in text
    result = run("long.md", cwd=tmp_path)
    assert_clean_stderr(result)
    assert f"long.md:1:{len(head) + 1}: preferred-term warning [*] Hubspot" in result.stdout
    assert f"long.md:1:{len(head) + 11}: preferred-term warning [*] セールスフォース" in result.stdout


@pytest.mark.parametrize("kind", ["list", "one-line-list", "ordered", "blockquote"])
def test_two_thousand_levels_of_nesting(tmp_path, kind):
    if kind == "list":
        deep = "".join("  " * i + "- 項目\n" for i in range(2000))
    elif kind == "one-line-list":
        deep = "- " * 2000 + "Hubspot\n"
    elif kind == "ordered":
        deep = "".join("   " * i + "1. 項目\n" for i in range(2000))
    else:
        deep = ">" * 2000 + " Hubspot は引用なので検査しない\n"
    (tmp_path / "deep.md").write_text(deep + "\nセールスフォースに移行する。\n", encoding="utf-8")
    result = run("--format", "json", "deep.md", cwd=tmp_path)
    assert_clean_stderr(result)
    import json

    terms = [(d["line"], d["column"], d["term"]) for d in json.loads(result.stdout)["diagnostics"]]
    last_line = deep.count("\n") + 2
    assert (last_line, 1, "セールスフォース") in terms  # nothing after the nesting is lost
    if kind == "one-line-list":
        assert (1, 4001, "Hubspot") in terms
    if kind == "blockquote":
        assert all(t != "Hubspot" for _, _, t in terms)


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root reads files whatever their mode; see the simulated test below",
)
def test_unreadable_file_chmod_000(work):
    secret = work / "secret.md"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    try:
        result = run(".", cwd=work)
    finally:
        secret.chmod(0o644)
    assert_one_error(result, "secret.md", "permission denied")
    assert good_was_linted(result)


def test_unreadable_file_simulated(cli, work, monkeypatch):
    monkeypatch.chdir(work)
    real = os.open

    def open_(path, flags, *args, **kwargs):
        if Path(path).name == "secret.md":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)

    (work / "secret.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(os, "open", open_)
    result = cli("check", "--no-cache", ".")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["yogolint: secret.md: permission denied"]
    assert f"good.md{GOOD_FINDING}" in result.stdout


def test_file_that_disappears_between_walk_and_read(cli, work, monkeypatch):
    monkeypatch.chdir(work)
    (work / "gone.md").write_text(GOOD, encoding="utf-8")
    real = linter.runner.collect

    def collect_then_delete(*args, **kwargs):
        walk = real(*args, **kwargs)
        (work / "gone.md").unlink()
        return walk

    monkeypatch.setattr(linter.runner, "collect", collect_then_delete)
    result = cli("check", "--no-cache", ".")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["yogolint: gone.md: no such file"]
    assert f"good.md{GOOD_FINDING}" in result.stdout


def test_symlink_loops(work):
    (work / "sub").mkdir()
    (work / "sub" / "loop").symlink_to("..", target_is_directory=True)  # a folder loop: not followed
    (work / "a.md").symlink_to("b.md")
    (work / "b.md").symlink_to("a.md")  # a file loop
    result = run(".", cwd=work, timeout=60)
    assert_clean_stderr(result)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [  # one line for each file that could not be read
        "yogolint: a.md: cannot read (Too many levels of symbolic links)",
        "yogolint: b.md: cannot read (Too many levels of symbolic links)",
    ]
    assert good_was_linted(result)


def test_path_that_does_not_exist(work):
    result = run("nope.md", "good.md", cwd=work)
    assert_one_error(result, "nope.md", "no such file or directory")
    assert good_was_linted(result)


def test_folder_without_markdown(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "main.py").write_text("print('セールスフォース')\n", encoding="utf-8")
    (tmp_path / "README.rst").write_text("セールスフォース\n", encoding="utf-8")
    result = run(".", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    assert "(検査 0 ファイル)" in result.stdout


# --- glossary and configuration ---------------------------------------------------
# A broken setting stops the run (exit 2, one line naming file:line): no report
# is better than a report made with the wrong glossary.

ROGUE = '!!python/object/apply:os.system ["touch {marker}"]'


@pytest.mark.parametrize(
    "content, problem",
    [
        ("entries:\n  - term: [unclosed\n", "glossary.yaml:3: invalid YAML"),
        ("entries:\n  - term: 123\n    kind: product\n", "glossary.yaml:2: entry needs 'term' (a non-empty string)"),
        ("entries: {term: Foo}\n", "glossary.yaml:1: 'entries' must be a list"),
        ("- term: Foo\n", "glossary.yaml:1: a glossary file is a mapping with one key, 'entries'"),
        (
            "entries:\n  - term: Foo\n    kind: product\n    deprecated: フー\n",
            "glossary.yaml:4: 'deprecated' must be a list",
        ),
        ("entries:\n  - term: Foo\n    kind: product\n    colour: red\n", "glossary.yaml:4: unknown key 'colour'"),
        (
            "entries:\n  - term: Foo\n    kind: product\n  - term: Foo\n    kind: company\n",
            "glossary.yaml:4: term 'Foo' is already defined at",
        ),
        (
            "entries:\n  - term: Foo\n    kind: product\n    deprecated: [Salesforce]\n",
            "glossary.yaml:2: spelling 'salesforce' of 'Foo' already belongs to 'Salesforce'",
        ),
        ("\xff", "glossary.yaml: not UTF-8"),
    ],
    ids=[
        "invalid-yaml",
        "wrong-type",
        "entries-not-list",
        "not-mapping",
        "deprecated-not-list",
        "unknown-key",
        "duplicate-term",
        "duplicate-spelling",
        "not-utf8",
    ],
)
def test_broken_glossary(work, content, problem):
    data = content.encode("latin-1") if content == "\xff" else content.encode("utf-8")
    (work / "glossary.yaml").write_bytes(data)
    result = run("--glossary", "glossary.yaml", "good.md", cwd=work)
    assert_one_error(result, "glossary.yaml", problem)
    assert result.stdout == ""


def test_empty_glossary_file_adds_nothing(work):
    (work / "glossary.yaml").write_text("", encoding="utf-8")
    result = run("--glossary", "glossary.yaml", "good.md", cwd=work)
    assert result.returncode == 1 and result.stderr == "" and good_was_linted(result)


def test_missing_glossary_file(work):
    result = run("--glossary", "nope.yaml", "good.md", cwd=work)
    assert_one_error(result, "nope.yaml", "glossary file not found")


def test_missing_prh_dictionary(work):
    result = run("--prh", "nope.yml", "good.md", cwd=work)
    assert_one_error(result, "nope.yml: ", "prh dictionary not found")


@pytest.mark.parametrize(
    "config, key, problem",
    [
        (
            ".yogolint.yaml",
            "rules:\n  preferred-term: error\nprh: [media/nope.yml]\n",
            "3: prh dictionary 'media/nope.yml' not found",
        ),
        (
            "pyproject.toml",
            '[tool.yogolint]\nglossary = ["team.yaml"]\n',
            "2: glossary file or folder 'team.yaml' not found",
        ),
    ],
)
def test_a_missing_file_named_in_the_configuration_is_reported_at_its_line(work, config, key, problem):
    (work / config).write_text(key, encoding="utf-8")
    result = run("good.md", cwd=work)
    assert_one_error(result, str(work / config), f"{config}:{problem}")


@pytest.mark.parametrize("where", ["entry", "value"])
def test_glossary_python_tag_is_refused_and_nothing_runs(work, where):
    tag = ROGUE.format(marker=work / "PWNED")
    content = f"entries:\n  - {tag}\n" if where == "entry" else f"entries:\n  - term: {tag}\n    kind: product\n"
    (work / "glossary.yaml").write_text(content, encoding="utf-8")
    result = run("--glossary", "glossary.yaml", "good.md", cwd=work)
    assert_one_error(result, "glossary.yaml:2", "could not determine a constructor for the tag")
    assert not (work / "PWNED").exists()


def test_config_python_tag_is_refused_and_nothing_runs(work):
    (work / ".yogolint.yaml").write_text(f"glossary: {ROGUE.format(marker=work / 'PWNED')}\n", encoding="utf-8")
    result = run("good.md", cwd=work)
    assert_one_error(result, str(work / ".yogolint.yaml") + ":1", "could not determine a constructor for the tag")
    assert not (work / "PWNED").exists()


@pytest.mark.parametrize("where", ["pattern", "document", "rule"])
def test_prh_python_tag_is_refused_and_nothing_runs(work, where):
    tag = ROGUE.format(marker=work / "PWNED")
    content = {
        "pattern": f"version: 1\nrules:\n  - expected: Salesforce\n    pattern: {tag}\n",
        "document": f"{tag}\n",
        "rule": f"version: 1\nrules:\n  - {tag}\n",
    }[where]
    (work / "prh.yml").write_text(content, encoding="utf-8")
    result = run("--prh", "prh.yml", "good.md", cwd=work)
    assert_one_error(result, "prh.yml:", "could not determine a constructor for the tag")
    assert not (work / "PWNED").exists()


@pytest.mark.parametrize(
    "content, problem",
    [
        ("rules: [unclosed\n", ":2: invalid YAML"),
        ("rulez: {}\n", ":1: unknown key 'rulez'"),
        ("rules: 5\n", ":1: 'rules' must be a mapping"),
        ("rules: {preferred-term: maybe}\n", ":1: severity 'maybe' is not one of"),
        ("exclude: 5\n", ":1: 'exclude' must be a list"),
        ("- a\n", ":1: a configuration is a mapping"),
    ],
    ids=["invalid-yaml", "unknown-key", "rules-not-mapping", "bad-severity", "exclude-not-list", "not-mapping"],
)
def test_broken_configuration(work, content, problem):
    (work / ".yogolint.yaml").write_text(content, encoding="utf-8")
    result = run("good.md", cwd=work)
    assert_one_error(result, str(work / ".yogolint.yaml"), problem)


def test_empty_configuration_is_the_defaults(work):
    (work / ".yogolint.yaml").write_text("", encoding="utf-8")
    result = run("good.md", cwd=work)
    assert result.returncode == 1 and result.stderr == "" and good_was_linted(result)


BOMB = (
    "\n".join(
        ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    )
    + "\n"
)


@pytest.mark.parametrize(
    "option, name, problem",
    [
        ("--glossary", "glossary.yaml", "a glossary file is a mapping with one key, 'entries'"),
        ("--config", "conf.yaml", "unknown key 'a0'"),
        ("--prh", "prh.yml", None),  # prh ignores unknown keys (strict=False): an empty dictionary
    ],
)
def test_billion_laughs_yaml_does_not_hang(work, option, name, problem):
    (work / name).write_text(BOMB, encoding="utf-8")
    result = run(option, name, "good.md", cwd=work, timeout=30)
    if problem is None:
        assert result.returncode == 1 and good_was_linted(result)
    else:
        assert_one_error(result, str(work / name) if option == "--config" else name, problem)


def test_prh_catastrophic_pattern_is_refused_not_run(work):
    (work / "prh.yml").write_text("version: 1\nrules:\n  - expected: a\n    pattern: /(a+)+$/\n", encoding="utf-8")
    (work / "aaa.md").write_text("a" * 5000 + "!\n", encoding="utf-8")
    result = run("--prh", "prh.yml", "aaa.md", "good.md", cwd=work, timeout=30)
    assert_one_error(result, "prh.yml:3", "/(a+)+$/ has nested quantifiers")


def test_prh_overlapping_alternation_is_stopped_and_named(work):
    """/(?:a|a)+$/ backtracks exponentially on 'aaa…!'; such patterns run
    under a time limit, and the rule is named when it is hit."""
    (work / "prh.yml").write_text("version: 1\nrules:\n  - expected: a\n    pattern: /(?:a|a)+$/\n", encoding="utf-8")
    (work / "aaa.md").write_text("a" * 60 + "!\n", encoding="utf-8")
    result = run("--prh", "prh.yml", "aaa.md", cwd=work, timeout=10)
    assert_one_error(result, "prh.yml:3: rule 'a'", "backtracks")


def test_a_harmless_repeated_alternation_still_matches(work):
    (work / "prh.yml").write_text(
        "version: 1\nrules:\n  - expected: フロントエンド\n    pattern: /フロント(?:エンド|エンド)+/\n",
        encoding="utf-8",
    )
    (work / "fe.md").write_text("フロントエンドエンドの設計。\n", encoding="utf-8")
    result = run("--prh", "prh.yml", "fe.md", cwd=work)
    assert (
        result.returncode == 1
        and "fe.md:1:1: preferred-term warning [*] フロントエンドエンド → フロントエンド" in result.stdout
    )


def test_broken_prh_dictionary(work):
    (work / "prh.yml").write_text("version: 1\nrules:\n  - pattern: x\n", encoding="utf-8")
    result = run("--prh", "prh.yml", "good.md", cwd=work)
    assert_one_error(result, "prh.yml:3", "rule without 'expected'")


# --- writing fixes --------------------------------------------------------------


def test_fix_that_cannot_be_written_names_the_file_and_fixes_the_others(cli, work, monkeypatch):
    monkeypatch.chdir(work)
    (work / "locked.md").write_text(GOOD, encoding="utf-8")
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if str(dst).endswith("locked.md"):
            raise PermissionError(13, "Permission denied", str(dst))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    result = cli("check", "--no-cache", "--fix", ".")
    assert result.exit_code == 2
    [line] = [x for x in result.stderr.splitlines() if "件を修正しました" not in x]
    assert line == "yogolint: locked.md: cannot write the fixes (Permission denied)"
    assert (work / "locked.md").read_text(encoding="utf-8") == GOOD  # untouched, not truncated
    assert "Salesforce" in (work / "good.md").read_text(encoding="utf-8")
    assert not [p for p in work.iterdir() if p.name.endswith(".yogolint-tmp")]


def test_no_traceback_without_debug_but_with_it(cli, work, monkeypatch):
    monkeypatch.chdir(work)

    def boom(*args, **kwargs):
        raise RuntimeError("simulated fault")

    monkeypatch.setattr(linter.runner, "collect", boom)
    result = cli("check", "--no-cache", ".")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "yogolint: internal error: RuntimeError: simulated fault (run with --debug for details)"
    ]
    with pytest.raises(RuntimeError, match="simulated fault"):
        cli("check", "--no-cache", "--debug", ".")


def test_decode_never_loses_a_utf8_file_to_cp932():
    # The unit behind test_invalid_utf8_in_the_middle_of_a_file: CP932 text stays CP932.
    assert decode("①㈱髙橋の商談\n".encode("cp932"), "a.md").encoding == "cp932"


def test_a_long_line_of_repeated_words_stays_linear(work):
    """Definition checks look a bounded distance around each word: 40,000
    `CSは、` on one 200 kB line once took minutes."""
    (work / "long.md").write_text("CSは、" * 40_000 + "\n", encoding="utf-8")
    result = run("long.md", cwd=work, timeout=60)
    assert_clean_stderr(result)
    assert result.returncode == 1 and "long.md:1:1: ambiguous-term" in result.stdout


@pytest.mark.parametrize(
    "name, text, findings",
    [
        ("lines.md", "CSの対応。\n" * 20_000, 20_000),  # one paragraph of soft breaks
        ("table.md", "| 担当 | 頻度 |\n|---|---|\n" + "| CS | 週次で確認 |\n" * 10_000, 10_000),
        ("sentence.md", "Freshworksで商談を更新、" * 5_000 + "\n", 5_000),
    ],
)
def test_a_long_block_stays_linear(work, name, text, findings):
    """Context (sentences, lemmas, cue words) is looked up per block once and
    by bisection, not rescanned for every word: each of these took minutes."""
    (work / name).write_text(text, encoding="utf-8")
    result = run("--format", "json", name, cwd=work, timeout=60)
    assert_clean_stderr(result)
    assert len(json.loads(result.stdout)["diagnostics"]) == findings
