"""`yogolint glossary export`: the glossary published as a page, a sheet and a termbase."""
from __future__ import annotations

import csv
import io

from seed_page import four_field_blocks


def export(cli, *args: str) -> bytes:
    from click.testing import CliRunner

    from linter.cli import main

    result = CliRunner().invoke(main, ["glossary", "export", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def test_markdown_page_has_every_field_text_of_the_seeds_70_terms(cli):
    page = export(cli, "--format", "markdown").decode("utf-8")
    texts = [text for block in four_field_blocks()
             for key, text in block.fields.items() if key in ("definition", "ops_note", "pitfall", "next_step")]
    assert len(texts) == 280
    missing = [t for t in texts if t not in page]
    assert missing == []


def test_markdown_page_is_shaped_like_the_seed(cli):
    page = export(cli, "--format", "markdown", "--title", "MOps・営業・サポート運用用語集").decode("utf-8")
    assert page.startswith("# MOps・営業・サポート運用用語集\n")
    assert "## 使い方" in page and "## 目次" in page
    toc = page[page.index("## 目次"):page.index("\n## ", page.index("## 目次") + 1)]
    for topic in ("MOps寄り(マーケ運用)", "横断Ops(RevOps/SalesOps/CSOps)", "一般IT・データ", "製品名(混同しやすい固有名詞)"):
        assert f"- **{topic}**: " in toc
        assert f"\n## {topic}\n" in page
    # the product-names section, with the seed's labels
    products = page[page.index("\n## 製品名(混同しやすい固有名詞)"):]
    assert "- 概要: FreshworksのCRM製品。顧客・商談の管理に使う。" in products
    assert "- 推奨の目安: 複雑な統制よりも、現場の定着速度を優先したいフェーズ向け。" in products
    # links between terms resolve to anchors on the page
    import re

    for target in re.findall(r"\]\(#(t[\d-]+)\)", page):
        assert f'<a id="{target}"></a>' in page


def test_topic_not_file_decides_the_section(tmp_path, cli):
    team = tmp_path / "team.yaml"
    team.write_text("title: 社内用語\nentries:\n  - term: 稟議\n    kind: concept\n    definition: 社内の決裁を文書で得る手続き。\n"
                    "  - term: 与信\n    kind: concept\n    topic: 横断Ops(RevOps/SalesOps/CSOps)\n    definition: 取引先に掛け売りできる上限。\n",
                    encoding="utf-8")
    page = export(cli, "--glossary", str(team)).decode("utf-8")
    cross = page[page.index("\n## 横断Ops"):]
    cross = cross[:cross.index("\n## ", 1)]
    assert "### 与信" in cross and "### 稟議" not in cross
    alone = export(cli, "--no-builtin", "--glossary", str(team)).decode("utf-8")
    assert "### 稟議" in alone and "### Salesforce" not in alone
