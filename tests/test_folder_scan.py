"""The one-off folder scan: parallel, cached, with progress, .gitignore-aware."""

import json
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

YOGOLINT = str(Path(sys.executable).with_name("yogolint"))

SENTENCES = [
    "今期はセールスフォースの商談データを整理する。",
    "CSの担当者が問い合わせチケットに返信する。",
    "MQLの基準を営業と合意する。",
    "Freshworksにログインして商談のステージを更新する。",
    "問題のない文章です。",
    "カスタマーサクセスの体制を見直す。Customer Successの会議は月次。",
]


def make_folder(root: Path, count: int, paragraphs: int = 5) -> Path:
    for i in range(count):
        lines = [f"# 議事録 {i}", ""] + [SENTENCES[(i + k) % len(SENTENCES)] for k in range(i % paragraphs + 1)]
        path = root / f"team{i % 7}" / f"note-{i:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return root


def run(*args, cwd):
    return subprocess.run([YOGOLINT, "check", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_findings_are_identical_with_one_process_all_cores_and_the_cache(tmp_path):
    make_folder(tmp_path / "docs", 60)
    one = run("--no-cache", "-j", "1", "--format", "json", "docs", cwd=tmp_path)
    many = run("--no-cache", "-j", "2", "--format", "json", "docs", cwd=tmp_path)
    first = run("--format", "json", "docs", cwd=tmp_path)
    cached = run("--format", "json", "docs", cwd=tmp_path)
    assert one.returncode == many.returncode == first.returncode == cached.returncode == 1
    assert one.stdout == many.stdout == first.stdout == cached.stdout
    paths = [d["path"] for d in json.loads(one.stdout)["diagnostics"]]
    assert paths == sorted(paths) and len(set(paths)) > 30
    assert (
        (tmp_path / ".yogolint_cache" / "CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    assert (tmp_path / ".yogolint_cache" / ".gitignore").read_text().strip().endswith("*")


def test_a_changed_file_or_setting_is_not_served_from_the_cache(tmp_path):
    make_folder(tmp_path / "docs", 3)
    target = tmp_path / "docs" / "team0" / "note-0000.md"
    assert "セールスフォース" in run("docs", cwd=tmp_path).stdout
    target.write_text("問題のない文章です。\n", encoding="utf-8")
    assert str(target.relative_to(tmp_path)) not in run("docs", cwd=tmp_path).stdout
    target.write_text("ハブスポットの設定。\n", encoding="utf-8")
    (tmp_path / ".yogolint.yaml").write_text("rules:\n  preferred-term: false\n", encoding="utf-8")
    assert "ハブスポット" not in run("docs", cwd=tmp_path).stdout


def test_gitignore_and_exclude_are_respected(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    make_folder(tmp_path / "docs", 8)
    (tmp_path / ".gitignore").write_text("team1/\n*-0002.md\n", encoding="utf-8")
    result = run("--format", "json", "--exclude", "team3/**", "docs", cwd=tmp_path)
    paths = {d["path"] for d in json.loads(result.stdout)["diagnostics"]}
    assert not any("team1/" in p or p.endswith("-0002.md") or "team3/" in p for p in paths)
    assert any("team0/" in p for p in paths)


def test_progress_bar_shows_in_a_terminal_and_not_in_a_pipe(tmp_path):
    make_folder(tmp_path / "docs", 40)
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    pid, fd = pty.fork()
    if pid == 0:  # child: stderr is the terminal, stdout goes to a file
        os.chdir(tmp_path)
        out = os.open(str(tmp_path / "out.txt"), os.O_WRONLY | os.O_CREAT)
        os.dup2(out, 1)
        os.execve(YOGOLINT, [YOGOLINT, "check", "--no-cache", "-j", "1", "docs"], env)
    seen = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.waitpid(pid, 0)
    screen = seen.decode("utf-8", "replace")
    assert "/40 files" in screen and "files/s" in screen and "ETA" in screen
    piped = run("--no-cache", "docs", cwd=tmp_path)
    assert "files/s" not in piped.stderr


def test_ctrl_c_reports_what_was_found_and_exits_130(tmp_path):
    make_folder(tmp_path / "docs", 1500, paragraphs=400)
    process = subprocess.Popen(
        [YOGOLINT, "check", "--no-cache", "-j", "2", "--format", "json", "docs"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.5)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    if process.returncode in (0, 1):
        pytest.skip("the scan finished before the interrupt arrived")
    assert process.returncode == 130
    assert "interrupted" in stderr and "Traceback" not in stderr
    report = json.loads(stdout)
    assert 0 < report["files_scanned"] < 1500


def test_a_file_reached_twice_is_linted_once(tmp_path):
    """`yogolint check docs docs/a.md`, or a symlink to a file already walked:
    one set of findings, under the first name the walk gave it."""
    make_folder(tmp_path / "docs", 1)
    (tmp_path / "docs" / "alias.md").symlink_to(tmp_path / "docs" / "team0" / "note-0000.md")
    result = run("--no-cache", "--format", "json", "docs", "docs/team0/note-0000.md", cwd=tmp_path)
    report = json.loads(result.stdout)
    assert report["files_scanned"] == 1
    assert {d["path"] for d in report["diagnostics"]} == {"docs/alias.md"}
