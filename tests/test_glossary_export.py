"""`yogolint glossary export`: the glossary published as a page, a sheet and a termbase."""

from __future__ import annotations

from seed_page import four_field_blocks


def export(*args: str) -> bytes:
    from click.testing import CliRunner

    from linter.cli import main

    result = CliRunner().invoke(main, ["glossary", "export", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def test_markdown_page_has_every_field_text_of_the_seeds_70_terms(cli):
    page = export("--format", "markdown").decode("utf-8")
    texts = [
        text
        for block in four_field_blocks()
        for key, text in block.fields.items()
        if key in ("definition", "ops_note", "pitfall", "next_step")
    ]
    assert len(texts) == 280
    missing = [t for t in texts if t not in page]
    assert missing == []


def test_markdown_page_is_shaped_like_the_seed(cli):
    page = export("--format", "markdown", "--title", "MOps・営業・サポート運用用語集").decode("utf-8")
    assert page.startswith("# MOps・営業・サポート運用用語集\n")
    assert "## 使い方" in page and "## 目次" in page
    toc = page[page.index("## 目次") : page.index("\n## ", page.index("## 目次") + 1)]
    for topic in (
        "MOps寄り(マーケ運用)",
        "横断Ops(RevOps/SalesOps/CSOps)",
        "一般IT・データ",
        "製品名(混同しやすい固有名詞)",
    ):
        assert f"- **{topic}**: " in toc
        assert f"\n## {topic}\n" in page
    # the product-names section, with the seed's labels
    products = page[page.index("\n## 製品名(混同しやすい固有名詞)") :]
    assert "- 概要: FreshworksのCRM製品。顧客・商談の管理に使う。" in products
    assert "- 推奨の目安: 複雑な統制よりも、現場の定着速度を優先したいフェーズ向け。" in products
    # links between terms resolve to anchors on the page
    import re

    for target in re.findall(r"\]\(#(t[\d-]+)\)", page):
        assert f'<a id="{target}"></a>' in page


def test_topic_not_file_decides_the_section(tmp_path, cli):
    team = tmp_path / "team.yaml"
    team.write_text(
        "title: 社内用語\nentries:\n  - term: 稟議\n    kind: concept\n    definition: 社内の決裁を文書で得る手続き。\n"
        "  - term: 与信\n    kind: concept\n    topic: 横断Ops(RevOps/SalesOps/CSOps)\n    definition: 取引先に掛け売りできる上限。\n",
        encoding="utf-8",
    )
    page = export("--glossary", str(team)).decode("utf-8")
    cross = page[page.index("\n## 横断Ops") :]
    cross = cross[: cross.index("\n## ", 1)]
    assert "### 与信" in cross and "### 稟議" not in cross
    alone = export("--no-builtin", "--glossary", str(team)).decode("utf-8")
    assert "### 稟議" in alone and "### Salesforce" not in alone


def test_the_configured_glossary_is_exported_too(tmp_path, monkeypatch):
    (tmp_path / ".yogolint.yaml").write_text("glossary: [team.yaml]\n", encoding="utf-8")
    (tmp_path / "team.yaml").write_text(
        "entries:\n  - term: 稟議\n    kind: concept\n    definition: 決裁を文書で得る社内手続き。\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    page = export("--format", "markdown").decode("utf-8")
    assert "### 稟議" in page and "### Salesforce" in page
    alone = export("--no-builtin", "--format", "markdown").decode("utf-8")
    assert alone.count("\n### ") == 1


# --- html ------------------------------------------------------------------

import os  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402

import pytest  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
needs_chromium = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} not found: install Debian's chromium to check the page"
)


@pytest.fixture(scope="module")
def html_page(tmp_path_factory) -> tuple[str, object]:
    from click.testing import CliRunner

    from linter.cli import main

    path = tmp_path_factory.mktemp("html") / "glossary.html"
    result = CliRunner().invoke(main, ["glossary", "export", "--format", "html", "-o", str(path)])
    assert result.exit_code == 0, result.stderr
    return path.read_text(encoding="utf-8"), path


def test_html_page_is_self_contained_and_its_links_resolve(html_page):
    text, _ = html_page
    assert not re.search(r'(src|href)="(https?:)?//', text)  # nothing fetched
    ids = set(re.findall(r'id="([^"]+)"', text))
    targets = re.findall(r'href="#([^"]+)"', text)
    assert len(targets) > 500
    assert set(targets) <= ids
    # a field's text links other entries' names, as words: レビュー is not ビュー
    mops = re.search(r'<article class="term" id="(t\d+)"><h3>MOps<.*?</article>', text).group(0)
    assert '<a class="ref" href="#' in mops and "定例レビュー" in mops


def chromium(tmp_path, *args: str) -> str:
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@needs_chromium
def test_in_chromium_the_search_box_filters_terms(tmp_path, html_page):
    _, path = html_page
    dom = chromium(tmp_path, "--dump-dom", path.as_uri() + "#q=" + "ナーチャリング")
    assert 'data-ready="1"' in dom
    articles = re.findall(r'<article class="term" id="[^"]+"( hidden="")?>(.*?)</article>', dom)
    shown = [body for hidden, body in articles if not hidden]
    assert 0 < len(shown) < len(articles) / 10
    assert all("ナーチャリング" in re.sub(r"<[^>]+>", "", body) for body in shown)
    assert re.search(rf'<span id="shown-count">{len(shown)}</span>', dom)
    # the unfiltered page shows every term
    full = chromium(tmp_path, "--dump-dom", path.as_uri())
    assert 'hidden=""' not in full and 'data-ready="1"' in full
