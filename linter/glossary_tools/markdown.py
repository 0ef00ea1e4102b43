"""The glossary page in Markdown, shaped like the MOps seed: title, how to use
it, a table of contents by topic, each term with its fields."""

from __future__ import annotations

import re

from linter.glossary import Glossary
from linter.glossary_tools import page
from linter.glossary_tools.page import HOW_TO_USE, INTRO

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def escape(text: str) -> str:
    """Markdown-inert text: the field texts are prose, never markup."""
    return _SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def render(glossary: Glossary, title: str) -> bytes:
    ids = page.anchors(glossary)
    groups = page.topics(glossary)
    out = [f"# {escape(title)}", "", INTRO, "", "## 使い方", ""]
    out += [f"- {line}" for line in HOW_TO_USE]
    out += ["", "## 目次", ""]
    for topic, items in groups:
        out.append(f"- **{escape(topic)}**: " + " / ".join(f"[{escape(i.heading)}](#{i.anchor})" for i in items))
    for topic, items in groups:
        out += ["", f"## {escape(topic)}"]
        for item in items:
            out += ["", f'<a id="{item.anchor}"></a>', "", f"### {_heading(item)}", ""]
            out += _body(item, ids)
    out.append("")
    return "\n".join(out).encode("utf-8")


def _heading(item: page.Item) -> str:
    return escape(item.heading) + (f"({escape(item.subtitle)})" if item.subtitle else "")


def _body(item: page.Item, ids: dict[str, str]) -> list[str]:
    entry = item.entry
    lines = [f"- {label}: {escape(text)}" for _, label, text in item.fields()]
    if item.section is not None:
        lines.append(f"- 見出し語: [{escape(entry.term)}](#{ids[entry.term]}) の別名")
        return lines
    lines.insert(0, f"- 種別: {page.KIND_LABELS.get(entry.kind, entry.kind)}")
    if entry.reading:
        lines.insert(1, f"- 読み: {escape(entry.reading)}")
    others = [n.text for n in page.names(entry) if n.status == page.ADMITTED]
    if others:
        lines.append(f"- 別表記(認める): {'、'.join(escape(n) for n in others)}")
    deprecated = [n.text for n in page.names(entry) if n.status == page.DEPRECATED]
    if deprecated:
        lines.append(f"- 非推奨の表記: {'、'.join(escape(n) for n in deprecated)}")
    for label, term in page.related(entry):
        lines.append(f"- {label}: [{escape(term)}](#{ids[term]})" if term in ids else f"- {label}: {escape(term)}")
    return lines
