"""`--output-format html -o report.html`: one self-contained page a person reads.

The report is made by the real CLI on a small folder. The page is read as
written (the findings are JSON data in it, nothing is fetched) and — when
/usr/bin/chromium exists — as a real headless Chromium shows it after the
page's script built it: dumped (`--dump-dom`) with a state preset in the
address, and driven over the DevTools protocol (tests/chromium_page.py) to
type a search, combine filters and click a chart. A screenshot is saved in
pytest's tmp_path to look at.
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
            self._row = {
                "rule": a.get("data-rule"),
                "hidden": "hidden" in a,
                "text": "",
                "marks": [],
                "context": "",
                "section": self.sections[-1]["index"],
            }
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


def page_data(text: str) -> dict:
    match = re.search(r'<script type="application/json" id="yogolint-data">(.*?)</script>', text, re.S)
    assert match, "the page carries its findings as JSON"
    return json.loads(match.group(1))


def test_page_carries_every_finding_with_its_context(report_file, expected):
    text = report_file.read_text(encoding="utf-8")
    assert '<html lang="ja">' in text
    data = page_data(text)
    assert data["files_scanned"] == 3
    assert len(data["findings"]) == len(expected) >= 8
    for f, d in zip(data["findings"], expected, strict=True):
        path, line, column, rule, severity, term, message, suggestions, left, mark, right = f
        assert data["files"][path] == d["path"]
        assert (line, column) == (d["line"], d["column"])
        assert data["rules"][rule]["id"] == d["rule"]
        assert data["severities"][severity] == d["severity"]
        assert data["terms"][term] == d["term"] == mark  # the term, cut out of its line
        assert data["messages"][message] == d["message"]
        assert suggestions == d["suggestions"]


def test_long_lines_are_cut_around_the_term(report_file):
    data = page_data(report_file.read_text(encoding="utf-8"))
    (f,) = [f for f in data["findings"] if f[9] == "Hubspot"]
    left, right = f[8], f[10]
    assert left.startswith("…") and right.endswith("…")
    assert len(left + "Hubspot" + right) < len(PROPOSAL.split("\n")[9])


def test_document_text_is_inert_data(report_file):
    text = report_file.read_text(encoding="utf-8")
    assert "<script>document.title" not in text
    assert "<img src=x" not in text
    assert text.count("</script>") == 2  # the data's and the code's: none from the document
    (f,) = [f for f in page_data(text)["findings"] if "<img" in f[8]]
    assert f[8].endswith('title="pwned"</script><img src=x onerror=alert(1)>') and f[9] == "セールスフォース"


def test_page_is_self_contained():
    d = Diagnostic(
        "a.md", "preferred-term", "warning", "ハブスポット", "ハブスポット → HubSpot", 0, 6, 1, 1, 1, 7, ["HubSpot"]
    )
    text = render(Report([d], 1, [], {"a.md": "ハブスポット\n"}), "html")
    assert not re.search(r"https?://|<link|@import|url\(|src=", text)


def test_no_findings_says_so(tmp_path):
    text = render(Report(files_scanned=4), "html")
    assert page_data(text)["findings"] == []
    assert "問題は見つかりませんでした" in text  # the script says it


# --- in a real browser -----------------------------------------------------

needs_chromium = pytest.mark.skipif(
    not os.path.exists(CHROMIUM),
    reason=f"{CHROMIUM} not found: install Debian's chromium to check the page in a real browser",
)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


@needs_chromium
def test_in_chromium_files_open_to_every_finding(tmp_path, report_file, expected):
    closed = Page(chromium(tmp_path, "--dump-dom", report_file.as_uri()).stdout)
    assert closed.body.get("data-ready") == "1"  # the script ran to its end
    assert closed.rows == []  # files start collapsed to their count
    assert len(closed.sections) == 2
    dom = chromium(tmp_path, "--dump-dom", report_file.as_uri() + "#open=all").stdout
    page = Page(dom)
    assert len(page.rows) == len(expected)
    assert page.ids["shown-count"] == str(len(expected))
    for row, d in zip(page.rows, expected, strict=True):
        assert row["rule"] == d["rule"]
        assert d["message"] in row["text"]
        assert f"{d['line']}:{d['column']}" in row["text"]
        assert row["marks"] == [d["term"]]
    assert page.ids["total-files-scanned"].strip().startswith("3")
    assert page.ids["total-findings"].strip().startswith(str(len(expected)))
    assert page.ids["total-files-with-findings"].strip().startswith("2")
    assert page.resources == []
    (row,) = [r for r in page.rows if "<img" in r["context"]]  # the injected markup stayed text
    assert row["context"].endswith('title="pwned"</script><img src=x onerror=alert(1)>セールスフォース & "引用"')
    assert "<title>yogolint 用語チェック結果</title>" in dom


@needs_chromium
def test_in_chromium_the_address_presets_the_rule_filter(tmp_path, report_file, expected):
    wanted = sum(d["rule"] == "preferred-term" for d in expected)
    dom = chromium(tmp_path, "--dump-dom", report_file.as_uri() + "#rules=preferred-term&open=all").stdout
    page = Page(dom)
    assert [row["rule"] for row in page.rows] == ["preferred-term"] * wanted
    assert 0 < wanted < len(expected)
    assert page.ids["shown-count"] == str(wanted)
    assert re.search(r'提案書\.md</span><span class="file-count"><span class="visible-n">3</span>', dom)
    off = re.findall(r'<label class="choice rule-choice off"[^>]*>\s*<input[^>]*value="([^"]+)"', dom)
    assert sorted(off) == sorted({d["rule"] for d in expected} - {"preferred-term"})


SHOWN = """(function () {
  return {
    count: +document.getElementById("shown-count").textContent,
    files: Array.prototype.map.call(document.querySelectorAll("section.file"), function (s) {
      return [s.querySelector(".path").textContent, +s.querySelector(".visible-n").textContent];
    }),
    terms: Array.prototype.map.call(document.querySelectorAll("#chart-term .bar-button"), function (b) {
      return b.textContent;
    }),
    address: location.hash
  };
})()"""


def settle(page, action: str) -> dict:
    """Do `action` in the page, wait past the search box's debounce, read what is shown."""
    page.evaluate(action)
    page.evaluate("new Promise(function (r) { setTimeout(r, 300); })")
    return page.evaluate(SHOWN)


@needs_chromium
def test_in_chromium_search_filters_and_a_chart_click_change_what_is_shown(report_file, expected):
    from chromium_page import ChromiumPage

    with ChromiumPage(report_file.as_uri()) as page:
        page.wait_until_painted()
        start = page.evaluate(SHOWN)
        assert start["count"] == len(expected)

        # search: a word of a message, then a path
        searched = settle(
            page,
            """(function () { var s = document.getElementById("search");
            s.value = "hubspot"; s.dispatchEvent(new Event("input")); })()""",
        )
        hubspot = [d for d in expected if "hubspot" in (d["term"] + d["message"] + d["path"]).lower()]
        assert searched["count"] == len(hubspot) > 0
        assert "q=hubspot" in searched["address"]
        by_path = settle(
            page,
            """(function () { var s = document.getElementById("search");
            s.value = "inject"; s.dispatchEvent(new Event("input")); })()""",
        )
        assert by_path["files"] == [["docs/inject.txt", sum(d["path"] == "docs/inject.txt" for d in expected)]]

        # combined filters: a rule box and a severity box, with an empty search
        settle(
            page,
            """(function () { var s = document.getElementById("search");
            s.value = ""; s.dispatchEvent(new Event("input")); })()""",
        )
        combined = settle(
            page,
            """(function () {
            document.querySelectorAll('input[name="rule"]').forEach(function (b) {
              if (b.value !== "preferred-term" && b.value !== "undefined-abbreviation") { b.click(); } });
            document.querySelector('input[name="severity"][value="info"]').click(); })()""",
        )
        both = [
            d for d in expected if d["rule"] in ("preferred-term", "undefined-abbreviation") and d["severity"] != "info"
        ]
        assert combined["count"] == len(both) > 0
        assert combined["count"] < sum(d["rule"] in ("preferred-term", "undefined-abbreviation") for d in expected)

        # a click on a term's bar filters to that term, within the other filters
        clicked = settle(page, """document.querySelector('#chart-term .bar-button[title="ハブスポット"]').click()""")
        assert clicked["count"] == sum(d["term"] == "ハブスポット" for d in both) > 0
        assert clicked["terms"] == ["ハブスポット"]
        assert "term=" in clicked["address"]
        # a second click on it lifts the term filter again
        again = settle(page, """document.querySelector('#chart-term .bar-button[title="ハブスポット"]').click()""")
        assert again["count"] == len(both)

        # opening a file shows its rows; the folder chart filters by folder
        opened = page.evaluate("""(function () { document.querySelector("section.file .file-name").click();
            return document.querySelectorAll("tr.finding").length; })()""")
        assert opened == settle(page, "0")["files"][0][1]
        folder = settle(
            page,
            """document.getElementById("select-all").click(),
            document.querySelector('#chart-folder .bar-button[title="docs/営業"]').click()""",
        )
        assert folder["files"] == [["docs/営業/提案書.md", sum(d["path"] == "docs/営業/提案書.md" for d in expected)]]


@needs_chromium
def test_in_chromium_no_findings_and_unreadable_files_are_said(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text(
        render(Report(files_scanned=3, errors=["x.md: binary file (NUL byte), not text"]), "html"), encoding="utf-8"
    )
    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    shown = Page(dom)
    assert shown.body.get("data-ready") == "1"
    assert shown.ids["total-files-scanned"].startswith("3") and shown.ids["total-errors"].startswith("1")
    assert "<li>x.md: binary file (NUL byte), not text</li>" in dom
    assert '<p class="empty">問題は見つかりませんでした。</p>' in dom


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
