"""`--format html -o report.html`: one self-contained page a person reads.

The report is made by the real CLI on a small folder. The page is read twice:
as written (what the server-side rendering put there), and — when
/usr/bin/chromium exists — as a real headless Chromium shows it after the
page's JavaScript ran (`--dump-dom`), with and without a rule filter preset in
the address. A screenshot is saved in pytest's tmp_path to look at.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from linter.diagnostics import Diagnostic
from linter.reporters import Report, render

CHROMIUM = "/usr/bin/chromium"

PROPOSAL = (
    "# CRM移行のご提案\n"
    "\n"
    "現在のセールスフォース環境からハブスポットへの移行を提案します。Freshworksのチケット管理も見直します。\n"
    "\n"
    "MQLの定義を揃え、CSチームへの引き継ぎを明確にします。\n"
    "\n"
    "- LTVを四半期ごとに算出する\n"
    "- CLVの推移を経営会議で共有する\n"
    "\n"
    "これは非常に長い段落で、前後の文脈を切り詰めて表示できるかを確かめるための文章です。"
    "ここから先も文章が続きますが、画面上では省略されるはずです。Hubspotのワークフローで通知します。"
    "さらに説明が続き、この行は画面の幅よりずっと長くなります。読み手は前後の数十文字だけを見れば足ります。"
    "ここまで来ればもう十分な長さです。終わり。\n"
)
# Untrusted text around a finding: it must reach the page as text, never as markup.
INJECTION = '<script>document.title="pwned"</script><img src=x onerror=alert(1)>セールスフォース & "引用"\n'


@pytest.fixture
def report_file(cli, tmp_path, monkeypatch) -> Path:
    docs = tmp_path / "docs"
    (docs / "営業").mkdir(parents=True)
    (docs / "営業" / "提案書.md").write_text(PROPOSAL, encoding="utf-8")
    (docs / "inject.txt").write_text(INJECTION, encoding="utf-8")
    (docs / "clean.md").write_text("問題のない文章です。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "report.html"
    result = cli("check", "--format", "html", "-o", str(out), "docs")
    assert result.exit_code == 1, result.output
    return out


@pytest.fixture
def expected(cli, report_file) -> list[dict]:
    """The same run as JSON: what the page must show."""
    return json.loads(cli("check", "--format", "json", "docs").stdout)["diagnostics"]


class Page(HTMLParser):
    """The parts of the page a reader looks at, from the HTML text."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.rows: list[dict] = []
        self.sections: list[dict] = []
        self.body: dict = {}
        self.ids: dict[str, str] = {}
        self.resources: list[str] = []
        self._row: dict | None = None
        self._in_mark = False
        self._in_context = 0
        self._capture_id: str | None = None
        self._tags: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "body":
            self.body = a
        if tag in ("img", "script", "link", "iframe") and ("src" in a or "href" in a):
            self.resources.append(f"{tag} {a}")
        if tag == "section" and "file" in classes:
            self.sections.append({"hidden": "hidden" in a, "index": a.get("data-file-index")})
        if tag == "tr" and "finding" in classes:
            self._row = {"rule": a.get("data-rule"), "hidden": "hidden" in a, "text": "", "marks": [],
                         "context": "", "section": self.sections[-1]["index"]}
        if self._row is not None and tag == "mark":
            self._in_mark = True
            self._row["marks"].append("")
        if self._row is not None and tag == "div" and "context" in classes:
            self._in_context = 1
        elif self._in_context and tag == "div":
            self._in_context += 1
        if "id" in a:
            self._capture_id = a["id"]
            self.ids[a["id"]] = ""
        self._tags.append(tag)

    def handle_endtag(self, tag):
        if tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        if tag == "mark":
            self._in_mark = False
        if tag == "div" and self._in_context:
            self._in_context -= 1
        self._capture_id = None

    def handle_data(self, data):
        if self._row is not None:
            self._row["text"] += data
            if self._in_mark:
                self._row["marks"][-1] += data
            if self._in_context:
                self._row["context"] += data
        if self._capture_id:
            self.ids[self._capture_id] += data


def test_page_shows_every_finding_with_its_context(report_file, expected):
    text = report_file.read_text(encoding="utf-8")
    page = Page(text)
    assert '<html lang="ja">' in text
    assert len(page.rows) == len(expected) >= 8
    for row, d in zip(page.rows, expected):
        assert row["rule"] == d["rule"]
        assert d["message"] in row["text"]
        assert f"{d['line']}:{d['column']}" in row["text"]
        for suggestion in d["suggestions"]:
            assert suggestion in row["text"]
        assert row["marks"] == [d["term"]]  # the term highlighted in its line
    assert page.ids["total-files-scanned"].strip().startswith("3")
    assert page.ids["total-findings"].strip().startswith(str(len(expected)))
    assert page.ids["total-files-with-findings"].strip().startswith("2")
    for label in ("件数", "ルール", "用語", "ファイル"):
        assert label in text


def test_long_lines_are_cut_around_the_term(report_file, expected):
    page = Page(report_file.read_text(encoding="utf-8"))
    (row,) = [r for r in page.rows if r["marks"] == ["Hubspot"]]
    assert row["context"].count("…") == 2
    assert len(row["context"]) < len(PROPOSAL.split("\n")[9])


def test_document_text_is_escaped(report_file):
    text = report_file.read_text(encoding="utf-8")
    page = Page(text)
    assert "<script>document.title" not in text
    assert "<img src=x" not in text
    assert "document.title=&quot;pwned&quot;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;<mark>" in text
    (row,) = [r for r in page.rows if "<img" in r["context"]]
    assert row["marks"] == ["セールスフォース"]
    assert row["context"].endswith('title="pwned"</script><img src=x onerror=alert(1)>セールスフォース & "引用"')
    assert page.resources == []  # no element loads anything


def test_page_is_self_contained():
    d = Diagnostic("a.md", "preferred-term", "warning", "ハブスポット", "ハブスポット → HubSpot", 0, 6,
                   1, 1, 1, 7, ["HubSpot"])
    text = render(Report([d], 1, [], {"a.md": "ハブスポット\n"}), "html")
    assert not re.search(r"https?://|<link|@import|url\(|src=", text)


def test_no_findings_says_so():
    text = render(Report(files_scanned=4), "html")
    assert "問題は見つかりませんでした" in text
    assert 'class="finding' not in text


# --- in a real browser -----------------------------------------------------

needs_chromium = pytest.mark.skipif(
    not os.path.exists(CHROMIUM),
    reason=f"{CHROMIUM} not found: install Debian's chromium to check the page in a real browser",
)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


@needs_chromium
def test_in_chromium_every_finding_is_shown_after_the_script_ran(tmp_path, report_file, expected):
    dom = chromium(tmp_path, "--dump-dom", report_file.as_uri()).stdout
    page = Page(dom)
    assert page.body.get("data-ready") == "1"  # the script ran to its end
    assert len(page.rows) == len(expected)
    assert not any(row["hidden"] for row in page.rows)
    assert page.ids["shown-count"] == str(len(expected))
    for row, d in zip(page.rows, expected):
        assert d["message"] in row["text"]
    assert page.resources == []
    # the injected markup stayed text: no script changed the title
    assert "<title>yogolint 用語チェック結果</title>" in dom


@needs_chromium
def test_in_chromium_the_rule_filter_hides_the_other_rules(tmp_path, report_file, expected):
    wanted = sum(d["rule"] == "preferred-term" for d in expected)
    dom = chromium(tmp_path, "--dump-dom", report_file.as_uri() + "#rules=preferred-term").stdout
    page = Page(dom)
    assert page.body.get("data-ready") == "1"
    shown = [row for row in page.rows if not row["hidden"]]
    assert [row["rule"] for row in shown] == ["preferred-term"] * wanted
    assert 0 < wanted < len(expected)
    assert page.ids["shown-count"] == str(wanted)
    # per-file counts follow the filter, in the heading and in the file index
    for section in re.findall(r'<section class="file"[^>]*>.*?</section>', dom, re.S):
        visible = len(re.findall(r'<tr class="finding[^"]*" data-rule="preferred-term"(?! hidden)', section))
        if visible:
            assert f'<span class="visible-n">{visible}</span>' in section
    assert re.search(r'提案書\.md</a> <span class="n">3</span>', dom)
    # the filter shows which rules are off
    off = re.findall(r'<label class="rule-choice off"[^>]*>\s*<input[^>]*value="([^"]+)"', dom)
    assert sorted(off) == sorted({d["rule"] for d in expected} - {"preferred-term"})


@needs_chromium
def test_in_chromium_screenshot(tmp_path, report_file):
    shot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,1600", report_file.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 1600)
    keep = os.environ.get("YOGOLINT_SCREENSHOT")
    if keep:  # YOGOLINT_SCREENSHOT=/some/file.png pytest … keeps a copy to look at
        shutil.copy(shot, keep)
