"""`yogolint explain TERM`: a glossary entry the way the team glossary reads."""

from __future__ import annotations

import re

from linter.glossary import Entry, Glossary, Section

# The seed page's labels for the fields after the definition (概要/注意 for products).
_LABELS = (
    ("ops_note", "Ops視点の一言"),
    ("pitfall", "よくある失敗"),
    ("next_step", "次の一手"),
    ("recommended_for", "推奨の目安"),
)
_KIND = {"product": "製品名", "company": "社名", "concept": "用語", "abbreviation": "略語", "role": "役割・チーム名"}


def explain_term(glossary: Glossary, entry: Entry) -> str:
    lines = [f"{entry.term}({_KIND.get(entry.kind, entry.kind)})"]
    if entry.reading:
        lines.append(f"読み: {entry.reading}")
    if entry.expansions:
        lines.append(f"正式名: {'／'.join(entry.expansions)}")
    if entry.topic:
        lines.append(f"分類: {entry.topic}")
    if entry.definition:
        lines.append(f"{'概要' if entry.kind in ('product', 'company') else '定義'}: {entry.definition}")
    if entry.house_usage:
        lines.append(f"当社での扱い: {entry.house_usage}")
    for sense in entry.senses:
        target = glossary.get(sense.meaning)
        meaning = f"{sense.meaning}: {target.definition}" if target and target.definition else sense.meaning
        lines.append(f"意味: {meaning}(手がかり: {'、'.join(sense.cues)})" if sense.cues else f"意味: {meaning}")
    if entry.senses:
        lines.append(f"使い方: 初出で「{entry.term}({entry.senses[0].meaning})」のように意味を定めます。")
    others = [n for n in entry.names() if n != entry.term]
    if others:
        lines.append(f"別表記(認める): {'、'.join(others)}")
    if entry.deprecated:
        lines.append(f"非推奨の表記: {'、'.join(d.form for d in entry.deprecated)} → {entry.term}")
    if entry.company:
        lines.append(f"提供元: {entry.company}")
    if entry.products:
        lines.append(f"製品: {'、'.join(entry.products)}(製品の意味で社名を書かない)")
    for other in entry.other_meanings:
        lines.append(f"別の意味: {other.meaning}(手がかり: {'、'.join(other.cues)})")
    lines += _page_fields(entry)
    if entry.note:
        lines.append(f"注: {entry.note}")
    for section in entry.sections:
        lines.append(f"\n■ {section.name}")
        if section.topic:
            lines.append(f"分類: {section.topic}")
        if section.definition:
            lines.append(f"定義: {section.definition}")
        lines += _page_fields(section)
        if section.note:
            lines.append(f"注: {section.note}")
    lines.append(f"出典: {entry.file}:{entry.line}")
    return "\n".join(lines)


def _page_fields(item: Entry | Section) -> list[str]:
    proper = getattr(item, "kind", None) in ("product", "company")
    lines = []
    for key, label in _LABELS:
        text = getattr(item, key)
        if text:
            lines.append(f"{'注意' if proper and key == 'pitfall' else label}: {text}")
    return lines


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def explain_markdown(glossary: Glossary, entry: Entry) -> str:
    """The same entry, line for line, as Markdown (an editor's hover): the
    heading in bold, each `label: value` line an item with its label in bold."""
    heading, *lines = explain_term(glossary, entry).split("\n")
    out = [f"**{_escape(heading)}**", ""]
    for line in lines:
        if not line:  # before a section of the entry
            out.append("")
            continue
        if line.startswith("■ "):
            out.append(f"**{_escape(line[2:])}**\n")
            continue
        label, sep, value = line.partition(": ")
        out.append(f"- **{_escape(label)}**: {_escape(value)}" if sep else f"- {_escape(line)}")
    return "\n".join(out)


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
