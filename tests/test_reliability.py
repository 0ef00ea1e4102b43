"""Reliability II (issue 18), through the real command line.

--fix never writes what it did not report and never fights itself; files,
links, owners and modes survive; caches and outputs cannot be turned against
the person who runs yogolint; no input hangs it. Filesystem faults are made
on copies in a temporary folder: FIFOs, symlinks, and device nodes created
there with mknod (a copy of /dev/null, /dev/zero or /dev/full), never the
machine's own /dev.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from test_bad_input import GOOD, YOGOLINT, assert_clean_stderr, assert_one_error, good_was_linted, run

import linter.runner

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
WEB_DB = CORPUS / "prh-rules" / "media" / "WEB+DB_PRESS.yml"
REACT = CORPUS / "ja-docs" / "ja.react.dev" / "textlint" / "prh.yml"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

needs_corpus = pytest.mark.skipif(not WEB_DB.exists(), reason="../shared/corpus is not beside the checkout")


def run_cached(*args, cwd: Path, env=None) -> subprocess.CompletedProcess:
    """Like run(), with the result cache on."""
    return subprocess.run(
        [str(YOGOLINT), "check", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )


def run_script(script: str, *args, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """The real CLI in a fresh interpreter after `script` simulated a fault
    (a worker killed, SIGTERM during a write, a full disk)."""
    code = script + "\nimport sys\nfrom linter.cli import run\nsys.argv = ['yogolint', *sys.argv[1:]]\nrun()\n"
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def device_copy(folder: Path, name: str, minor: int) -> Path:
    """A character device like /dev/null (1, 3), /dev/zero (1, 5) or /dev/full
    (1, 7), made in the test's own folder."""
    path = folder / name
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except (PermissionError, AttributeError, OSError):
        pytest.skip("cannot create a device node here (needs root, not in a container that forbids it)")
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.name.endswith((".yogolint-tmp", ".tmp")))


# --- 1. prh --fix writes only what it reported ---------------------------------------


@needs_corpus
def test_prh_fix_never_deletes_text_it_did_not_report(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("深い洞察力に基づく先\n", encoding="utf-8")
    report = run("--prh", WEB_DB, doc.name, cwd=tmp_path)
    assert "a.md:1:7: preferred-term warning [*] 基づ → もとづ" in report.stdout
    fixed = run("--prh", WEB_DB, "--fix", doc.name, cwd=tmp_path)
    assert_clean_stderr(fixed)
    assert doc.read_text(encoding="utf-8") == "深い洞察力にもとづく先\n"  # the reported 基づ, nothing else
    # もとづく is now reported (基づ$1 with $1 of another alternative: prh's
    # own reading), but that replacement loses く: reported, never written
    assert "a.md:1:7: preferred-term warning もとづく → 基づ" in fixed.stdout
    again = run("--prh", WEB_DB, "--fix", doc.name, cwd=tmp_path)
    assert doc.read_text(encoding="utf-8") == "深い洞察力にもとづく先\n"
    assert "件を修正しました" not in again.stderr


@needs_corpus
def test_rules_that_undo_each_other_are_reported_once_and_applied_in_neither_direction(tmp_path):
    text = "コンテキストを渡す。\n\nコンテクストの返り値を見る。\n"
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    args = ("--prh", REACT, "--prh", WEB_DB, "--fix", "a.md", "b.md")
    result = run(*args, cwd=tmp_path)
    assert_clean_stderr(result)
    warnings = [line for line in result.stderr.splitlines() if "undo each other" in line]
    assert warnings == [  # once for the two files, naming both rules at file:line
        f"yogolint: warning: prh rules undo each other: コンテキスト → コンテクスト ({REACT}:141) and "
        f"コンテクスト → コンテキスト ({WEB_DB}:1946); --fix applies neither",
        f"yogolint: warning: prh rules undo each other: 返り値 → 戻り値 ({WEB_DB}:1521) and "
        f"戻り値 → 返り値 ({REACT}:163); --fix applies neither",
    ]
    for name in ("a.md", "b.md"):
        assert (tmp_path / name).read_text(encoding="utf-8") == text  # not flipped
    assert run(*args, cwd=tmp_path).stderr == result.stderr  # nothing flipped on the next run either


# --- 2. edits made while yogolint runs ---------------------------------------------


def test_a_file_edited_during_the_check_is_not_overwritten(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    doc = tmp_path / "a.md"
    doc.write_text(GOOD, encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    users_edit = GOOD + "\n追記しました。\n"
    real = linter.runner.plan_fixes

    def plan_then_user_saves(*args, **kwargs):
        plan = real(*args, **kwargs)
        if doc.read_text(encoding="utf-8") == GOOD:  # the editor saves while yogolint works
            doc.write_text(users_edit, encoding="utf-8")
        return plan

    monkeypatch.setattr(linter.runner, "plan_fixes", plan_then_user_saves)
    result = cli("check", "--no-cache", "--fix", "a.md")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["yogolint: a.md: changed while being checked; not fixed"]
    assert doc.read_text(encoding="utf-8") == users_edit


# --- 3. links, owners, modes, read-only files -----------------------------------------


def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "doc.md"
    target.write_text(GOOD, encoding="utf-8")
    (tmp_path / "link.md").symlink_to("real/doc.md")
    result = run("--fix", "link.md", cwd=tmp_path)
    assert_clean_stderr(result)
    assert (tmp_path / "link.md").is_symlink() and os.readlink(tmp_path / "link.md") == "real/doc.md"
    assert "Salesforce" in target.read_text(encoding="utf-8")
    assert not leftovers(tmp_path)


def test_fix_of_a_hardlinked_file_keeps_one_inode(tmp_path):
    first = tmp_path / "a.md"
    first.write_text(GOOD, encoding="utf-8")
    os.link(first, tmp_path / "b.md")
    inode = first.stat().st_ino
    run("--fix", "a.md", cwd=tmp_path)
    assert first.stat().st_ino == (tmp_path / "b.md").stat().st_ino == inode
    assert first.stat().st_nlink == 2
    assert "Salesforce" in (tmp_path / "b.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not IS_ROOT, reason="giving a file to another owner needs root")
def test_fix_keeps_owner_group_and_mode(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text(GOOD, encoding="utf-8")
    os.chown(doc, 1234, 5678)
    doc.chmod(0o640)
    run("--fix", "a.md", cwd=tmp_path)
    info = doc.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 5678, 0o640)
    assert "Salesforce" in doc.read_text(encoding="utf-8")


def test_read_only_file_is_not_rewritten(work):
    locked = work / "locked.md"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0o444)
    result = run("--fix", "locked.md", "good.md", cwd=work)
    assert result.returncode == 2
    assert [x for x in result.stderr.splitlines() if "修正" not in x] == ["yogolint: locked.md: read-only; not fixed"]
    assert locked.read_text(encoding="utf-8") == GOOD and stat.S_IMODE(locked.stat().st_mode) == 0o444
    assert "Salesforce" in (work / "good.md").read_text(encoding="utf-8")


# --- 4. a fix the encoding cannot hold --------------------------------------------------


def test_fix_the_encoding_cannot_hold_is_skipped_and_the_run_goes_on(work):
    (work / "prh.yml").write_text(
        "version: 1\nrules:\n  - expected: Pokémon\n    pattern: ポケモン\n", encoding="utf-8"
    )
    sjis = work / "sjis.md"
    sjis.write_bytes("ポケモンとセールスフォース\r\n".encode("cp932"))
    result = run("--prh", "prh.yml", "--fix", "sjis.md", "good.md", cwd=work)
    assert_clean_stderr(result)
    assert result.returncode == 1  # the finding that could not be fixed remains
    assert "yogolint: sjis.md:1:1: the fix ポケモン → Pokémon cannot be written in cp932; not applied" in result.stderr
    assert sjis.read_bytes() == "ポケモンとSalesforce\r\n".encode("cp932")
    assert "Salesforce" in (work / "good.md").read_text(encoding="utf-8")


# --- 5. the result cache never follows a symlink ---------------------------------------


def test_cache_does_not_write_through_planted_symlinks(tmp_path):
    victim = tmp_path / "bashrc"  # stands for ~/.bashrc
    victim.write_text("export PATH=/usr/bin\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".yogolint_cache").mkdir(parents=True)
    (repo / ".yogolint_cache" / ".gitignore").symlink_to(victim)
    (repo / "a.md").write_text(GOOD, encoding="utf-8")
    result = run_cached("a.md", cwd=repo)
    assert_clean_stderr(result)
    assert result.returncode == 1 and "a.md:3:1: preferred-term" in result.stdout
    assert victim.read_text(encoding="utf-8") == "export PATH=/usr/bin\n"


def test_a_cache_folder_that_is_a_symlink_is_not_used(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".yogolint_cache").symlink_to(elsewhere, target_is_directory=True)
    (repo / "a.md").write_text(GOOD, encoding="utf-8")
    for _ in range(2):
        result = run_cached("a.md", cwd=repo)
        assert result.returncode == 1 and "a.md:3:1: preferred-term" in result.stdout
    assert list(elsewhere.iterdir()) == []


# --- 6. -o never replaces what it should write through ---------------------------------


def test_report_through_a_symlink_keeps_the_link(work):
    (work / "reports").mkdir()
    (work / "report.json").symlink_to("reports/latest.json")
    result = run("--format", "json", "-o", "report.json", "good.md", cwd=work)
    assert result.returncode == 1
    assert (work / "report.json").is_symlink()
    assert json.loads((work / "reports" / "latest.json").read_text(encoding="utf-8"))["diagnostics"]


def test_report_to_a_fifo_is_written_through_it(work):
    fifo = work / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("-o", "pipe", "good.md", cwd=work)
    reader.join(timeout=60)
    assert result.returncode == 1
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert GOOD_LINE in received[0].decode("utf-8")


GOOD_LINE = "good.md:3:1: preferred-term warning [*] セールスフォース → Salesforce"


def test_report_to_a_device_keeps_the_device(work):
    null = device_copy(work, "null", 3)
    result = run("-o", "null", "good.md", cwd=work)
    assert result.returncode == 1 and result.stderr == ""
    assert stat.S_ISCHR(os.lstat(null).st_mode)


# --- 7. only regular files are read; settings files are bounded -------------------------


def test_fifo_and_device_documents_are_refused_without_hanging(work):
    os.mkfifo(work / "fifo.md")
    zero = device_copy(work, "zero", 5)
    (work / "evil.md").symlink_to(zero)
    result = run(".", cwd=work, timeout=60)
    assert_clean_stderr(result)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "yogolint: evil.md: cannot read (not a regular file (a device, FIFO or socket))",
        "yogolint: fifo.md: cannot read (not a regular file (a device, FIFO or socket))",
    ]
    assert good_was_linted(result)


@pytest.mark.parametrize("option", ["--glossary", "--prh", "--config"])
def test_a_settings_file_that_is_a_device_or_fifo_is_refused(work, option):
    os.mkfifo(work / "fifo.yaml")
    result = run(option, "fifo.yaml", "good.md", cwd=work, timeout=60)
    assert_clean_stderr(result)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "fifo.yaml" in line and "not a regular file" in line, line
    zero = device_copy(work, "zero", 5)
    result = run(option, zero.name, "good.md", cwd=work, timeout=60)
    assert result.returncode == 2 and "not a regular file" in result.stderr, result.stderr


def test_a_huge_glossary_is_refused_unread(work):
    huge = work / "huge.yaml"
    with open(huge, "wb") as out:
        out.truncate(17 * 1024 * 1024)  # sparse: 17 MB that take no disk
    result = run("--glossary", "huge.yaml", "good.md", cwd=work)
    assert_one_error(result, "huge.yaml", "larger than 16 MB; not read")


# --- 8. an error about a file that is no configuration never echoes it ------------------


@pytest.mark.parametrize(
    "content",
    [
        "root:$6$Zm9vYmFy$SeCrEtHaSh:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n",
        '{"root:$6$Zm9vYmFy$SeCrEtHaSh": 1}\n',
    ],
)
def test_extend_of_a_file_that_is_no_configuration_does_not_echo_it(work, content):
    (work / "shadow").write_text(content, encoding="utf-8")  # a copy standing for /etc/shadow
    (work / ".yogolint.yaml").write_text(f"extend: {work / 'shadow'}\n", encoding="utf-8")
    result = run("good.md", cwd=work)
    assert result.returncode == 2
    assert "SeCrEt" not in result.stderr and "root:" not in result.stderr
    assert result.stderr.startswith(f"yogolint: {work / 'shadow'}:1: ")


# --- 9. discovery stops at the git work tree ----------------------------------------------


def test_a_configuration_above_the_repository_does_not_apply(tmp_path):
    (tmp_path / ".yogolint.yaml").write_text("rules:\n  preferred-term: false\n", encoding="utf-8")
    repo = tmp_path / "clone"
    (repo / ".git").mkdir(parents=True)
    (repo / "docs").mkdir()
    (repo / "docs" / "a.md").write_text(GOOD, encoding="utf-8")
    result = run("docs", cwd=repo)
    assert result.returncode == 1 and "a.md:3:1: preferred-term" in result.stdout
    # the repository's own configuration, at its root, still applies
    (repo / ".yogolint.yaml").write_text("rules:\n  preferred-term: error\n", encoding="utf-8")
    assert "error" in run("--format", "json", "docs", cwd=repo).stdout
    # and outside any repository the closest one upward applies, as before
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text(GOOD, encoding="utf-8")
    assert run("notes", cwd=tmp_path).returncode == 0


# --- 10. cache entries are validated ------------------------------------------------------


@pytest.mark.parametrize(
    "entry",
    [
        '[{"severity": "bogus"}]',
        "[]",
        '{"key": 1, "diagnostics": []}',
        "not json",
        "[" * 100_000,
        "SEVERITY",
        "LINE",
    ],
    ids=[
        "bogus-severity",
        "empty-list",
        "wrong-key",
        "not-json",
        "deep-nesting",
        "severity-in-shape",
        "line-as-string",
    ],
)
def test_corrupt_or_hand_made_cache_entries_are_recomputed(tmp_path, entry):
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    first = run_cached("--format", "json", "a.md", cwd=tmp_path)
    [cached] = [p for p in (tmp_path / ".yogolint_cache").rglob("*.json")]
    if entry in ("SEVERITY", "LINE"):  # a real entry with one field changed
        data = json.loads(cached.read_text(encoding="utf-8"))
        data["diagnostics"][0]["severity" if entry == "SEVERITY" else "line"] = "bogus" if entry == "SEVERITY" else "7"
        entry = json.dumps(data)
    cached.write_text(entry, encoding="utf-8")
    again = run_cached("--format", "json", "a.md", cwd=tmp_path)
    assert_clean_stderr(again)
    assert again.returncode == 1 and again.stdout == first.stdout


def test_deeply_nested_yaml_cache_entries_are_parsed_again(tmp_path):
    env = {**os.environ, "YOGOLINT_CACHE_DIR": str(tmp_path / "user-cache")}
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "team.yaml").write_text(
        "entries:\n  - term: Foo\n    kind: product\n    deprecated: [フー]\n", encoding="utf-8"
    )
    (tmp_path / "a.md").write_text(GOOD + "\nフーを導入する。\n", encoding="utf-8")
    first = run_cached("--no-cache", "--glossary", "team.yaml", "a.md", cwd=tmp_path, env=env)
    entries = list((tmp_path / "user-cache" / "yaml").glob("*.json"))
    assert entries
    for path in entries:
        path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    again = run_cached("--no-cache", "--glossary", "team.yaml", "a.md", cwd=tmp_path, env=env)
    assert_clean_stderr(again)
    assert again.stdout == first.stdout and "フー → Foo" in again.stdout


# --- 11. a worker that is killed ------------------------------------------------------------

KILL_WORKER = """
import os, signal
import linter.runner as runner
PARENT = os.getpid()
real = runner.lint_file
def lint_file(workspace, target, request, cache=None):
    if target.path.name == "killer.md" and os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)  # what the OOM killer does
    return real(workspace, target, request, cache)
runner.lint_file = lint_file
"""


def test_a_killed_worker_is_named_and_the_run_ends(work):
    for i in range(24):
        (work / f"doc{i:02}.md").write_text(GOOD, encoding="utf-8")
    (work / "killer.md").write_text(GOOD, encoding="utf-8")
    result = run_script(KILL_WORKER, "check", "--no-cache", "-j", "2", ".", cwd=work, timeout=120)
    assert_clean_stderr(result)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "yogolint: killer.md: the process checking this file was killed (out of memory?); not checked"
    ]
    assert all(f"doc{i:02}.md:3:1: preferred-term" in result.stdout for i in range(24))
    assert good_was_linted(result)


# --- 12. no quadratic path ---------------------------------------------------------------


def test_thousands_of_disable_next_line_directives(work):
    block = "<!-- yogolint-disable-next-line -->\nセールスフォースの商談。\n\n"
    (work / "many.md").write_text(block * 8000 + "ハブスポットの商談。\n", encoding="utf-8")
    result = run("--format", "json", "many.md", cwd=work, timeout=120)
    found = json.loads(result.stdout)["diagnostics"]
    assert [(d["line"], d["term"]) for d in found] == [(8000 * 3 + 1, "ハブスポット")]


def test_a_four_megabyte_line_full_of_terms(work):
    (work / "line.md").write_text("セールスフォースの商談を移行する。" * 75_000, encoding="utf-8")
    result = run("--format", "json", "line.md", cwd=work, timeout=300)
    found = json.loads(result.stdout)["diagnostics"]
    assert len(found) == 75_000 and found[-1]["column"] == 74_999 * 17 + 1


# --- 13. deep trees and .gitignore lines git tolerates -----------------------------------


def test_five_hundred_nested_folders(work):
    deep = work
    for i in range(500):
        deep = deep / f"d{i}"
    deep.mkdir(parents=True)
    (deep / "deep.md").write_text(GOOD, encoding="utf-8")
    result = run(".", cwd=work, timeout=120)
    assert_clean_stderr(result)
    assert result.returncode == 1 and "/d499/deep.md:3:1: preferred-term" in result.stdout
    assert good_was_linted(result)


def test_gitignore_lines_git_ignores_do_not_break_the_walk(work):
    (work / ".git" / "info").mkdir(parents=True)
    (work / ".gitignore").write_text("\\\n!\n[z-a]\ndrafts/\n", encoding="utf-8")
    (work / ".git" / "info" / "exclude").write_text("private.md\n", encoding="utf-8")
    (work / "drafts").mkdir()
    for path in (work / "drafts" / "a.md", work / "private.md"):
        path.write_text(GOOD, encoding="utf-8")
    result = run(".", cwd=work)
    assert_clean_stderr(result)
    assert result.returncode == 1 and result.stderr == ""
    assert "(検査 1 ファイル)" in result.stdout and good_was_linted(result)


# --- 14. file names that are not UTF-8 or hold control characters ---------------------------


def test_non_utf8_file_name_in_every_format(work):
    name = os.fsdecode(b"caf\xe9.md")
    (work / name).write_text(GOOD, encoding="utf-8")
    shown = "caf\\xe9.md"
    for fmt in ("text", "json", "sarif", "github", "html"):
        result = subprocess.run(
            [str(YOGOLINT), "check", "--no-cache", "--format", fmt, name], cwd=work, capture_output=True, timeout=120
        )
        assert result.returncode == 1, (fmt, result.stderr)
        out = result.stdout.decode("utf-8")  # valid UTF-8
        if fmt == "json":
            assert json.loads(out)["diagnostics"][0]["path"] == shown
        elif fmt == "sarif":
            [location] = json.loads(out)["runs"][0]["results"][0]["locations"]
            assert location["physicalLocation"]["artifactLocation"]["uri"] == "caf%5Cxe9.md"
        elif fmt == "html":  # the findings are the page's JSON data
            assert json.dumps(shown) in out
        else:
            assert shown in out, fmt
        written = run("--format", fmt, "-o", f"report.{fmt}", name, cwd=work)
        assert written.returncode == 1 and written.stderr == "", (fmt, written.stderr)
        assert (work / f"report.{fmt}").read_bytes().decode("utf-8") == out


def test_control_characters_in_a_file_name_are_escaped(work):
    name = "a\x1b[31mb\rc\nd.md"
    (work / name).write_text(GOOD, encoding="utf-8")
    result = run(name, cwd=work)
    assert "a\\x1b[31mb\\x0dc\\x0ad.md:3:1: preferred-term" in result.stdout
    assert "\x1b" not in result.stdout and "\r" not in result.stdout


def test_github_format_keeps_a_backslash_in_a_name(work):
    (work / "back\\slash.md").write_text(GOOD, encoding="utf-8")
    result = run("--format", "github", "back\\slash.md", cwd=work)
    assert "file=back\\slash.md," in result.stdout


# --- 15. the cache key covers prh imports -------------------------------------------------


def test_cache_sees_a_change_in_an_imported_prh_dictionary(tmp_path):
    (tmp_path / "main.yml").write_text("version: 1\nimports:\n  - sub.yml\nrules: []\n", encoding="utf-8")
    sub = tmp_path / "sub.yml"
    sub.write_text("version: 1\nrules:\n  - expected: 顧客管理システム\n    pattern: CRMツール\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("CRMツールを選ぶ。\n", encoding="utf-8")
    first = run_cached("--prh", "main.yml", "a.md", cwd=tmp_path)
    assert "CRMツール → 顧客管理システム" in first.stdout
    sub.write_text("version: 1\nrules:\n  - expected: CRM システム\n    pattern: CRMツール\n", encoding="utf-8")
    second = run_cached("--prh", "main.yml", "a.md", cwd=tmp_path)
    assert "CRMツール → CRM システム" in second.stdout


# --- 16. glossary gaps ----------------------------------------------------------------------


@pytest.mark.parametrize("deprecated", ['[{form: ""}]', '[{form: " "}]', '[{form: "\u3000"}]'])
def test_blank_deprecated_form_is_an_error_at_its_line(work, deprecated):
    (work / "g.yaml").write_text(
        f"entries:\n  - term: Foo\n    kind: product\n    deprecated: {deprecated}\n", encoding="utf-8"
    )
    result = run("--glossary", "g.yaml", "good.md", cwd=work)
    assert_one_error(result, "g.yaml:4", "a deprecated form must not be blank")


@pytest.mark.parametrize("content", ["{}\n", "entries: []\n", "entries:\n"])
def test_an_empty_glossary_adds_nothing(work, content):
    (work / "g.yaml").write_text(content, encoding="utf-8")
    result = run("--glossary", "g.yaml", "good.md", cwd=work)
    assert result.returncode == 1 and result.stderr == "" and good_was_linted(result)


# --- 17. smaller ------------------------------------------------------------------------------

TERM_DURING_WRITE = """
import os, signal
import linter.atomic as atomic
real = os.fsync
def fsync(fd):
    os.kill(os.getpid(), signal.SIGTERM)  # `kill` while the temporary file is being written
    return real(fd)
atomic.os.fsync = fsync
"""


def test_sigterm_during_a_fix_leaves_no_temporary_file(work):
    result = run_script(TERM_DURING_WRITE, "check", "--no-cache", "--fix", "good.md", cwd=work)
    assert result.returncode == 143 and "yogolint: terminated" in result.stderr
    assert (work / "good.md").read_text(encoding="utf-8") == GOOD
    assert not leftovers(work)


def test_ctrl_c_during_a_fix_leaves_no_temporary_file(cli, work, monkeypatch):
    monkeypatch.chdir(work)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    result = cli("check", "--no-cache", "--fix", "good.md")
    assert result.exit_code == 130
    assert (work / "good.md").read_text(encoding="utf-8") == GOOD
    assert not leftovers(work)


FULL_DISK = """
import errno, os
import linter.atomic as atomic
real = os.fdopen
class Full:
    def __init__(self, handle): self.handle = handle
    def __enter__(self): return self
    def __exit__(self, *exc): self.handle.close()
    def write(self, data): raise OSError(errno.ENOSPC, "No space left on device")
atomic.os.fdopen = lambda fd, *a, **k: Full(real(fd, *a, **k))
"""


def test_a_full_disk_leaves_no_empty_files_in_the_cache(work):
    result = run_script(FULL_DISK, "check", "good.md", cwd=work)
    assert result.returncode == 1 and good_was_linted(result)
    assert not leftovers(work)


def test_the_cache_is_bounded(work):
    run_cached("good.md", cwd=work)
    cache = work / ".yogolint_cache"
    real_entries = list(cache.rglob("*.json"))
    old = cache / "00" / ("0" * 64 + ".json")
    old.parent.mkdir(exist_ok=True)
    with open(old, "wb") as out:
        out.truncate(300 * 1024 * 1024)  # sparse: over the bound without using the disk
    os.utime(old, (1_000_000_000, 1_000_000_000))
    (cache / ".pruned").unlink(missing_ok=True)
    result = run_cached("good.md", cwd=work)
    assert good_was_linted(result)
    assert not old.exists() and all(p.exists() for p in real_entries)


def test_a_cp932_fix_that_writes_the_same_bytes_is_no_fix(work):
    (work / "prh.yml").write_text("version: 1\nrules:\n  - expected: 〜\n    pattern: ～\n", encoding="utf-8")
    (work / "sjis.md").write_bytes("9時～17時にセールスフォースを更新\r\n".encode("cp932"))
    result = run("--prh", "prh.yml", "--fix", "sjis.md", cwd=work)
    assert result.stderr == "yogolint: 1 件を修正しました\n"  # Salesforce; not ～ → 〜
    data = "9時～17時にSalesforceを更新\r\n".encode("cp932")
    assert (work / "sjis.md").read_bytes() == data
    again = run("--prh", "prh.yml", "--fix", "sjis.md", cwd=work)
    assert again.stderr == "" and (work / "sjis.md").read_bytes() == data


def test_pyproject_with_a_bom_is_read(work):
    (work / "pyproject.toml").write_bytes(b"\xef\xbb\xbf[tool.yogolint]\nrules = {preferred-term = false}\n")
    result = run("good.md", cwd=work)
    assert result.returncode == 0 and result.stderr == ""


def test_writing_the_report_to_a_full_device(work):
    full = device_copy(work, "full", 7)
    result = run("-o", "full", "good.md", cwd=work)
    assert_one_error(result, "full", "cannot write the report (No space left on device)")
    with open(full, "wb") as out:
        redirected = subprocess.run(
            [str(YOGOLINT), "check", "--no-cache", "good.md"],
            cwd=work,
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert redirected.returncode == 2
    assert redirected.stderr.splitlines() == [
        "yogolint: cannot write the report to standard output (No space left on device)"
    ]


@pytest.fixture
def work(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    return tmp_path


@pytest.mark.skipif(not IS_ROOT, reason="a folder of another user needs root to make")
def test_a_cache_folder_of_another_user_is_not_used(tmp_path):
    (tmp_path / ".yogolint_cache").mkdir()
    os.chown(tmp_path / ".yogolint_cache", 1234, 1234)
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    result = run_cached("a.md", cwd=tmp_path)
    assert result.returncode == 1 and "a.md:3:1: preferred-term" in result.stdout
    assert list((tmp_path / ".yogolint_cache").iterdir()) == []


def test_a_new_report_file_gets_the_usual_mode(work):
    old = os.umask(0o022)
    try:
        run("-o", "report.txt", "good.md", cwd=work)
    finally:
        os.umask(old)
    assert stat.S_IMODE((work / "report.txt").stat().st_mode) == 0o644
