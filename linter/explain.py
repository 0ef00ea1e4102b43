"""`yogolint explain TERM`: a glossary entry the way the team glossary reads."""
from __future__ import annotations

import re

from linter.glossary import Entry, Glossary

_KIND = {"product": "製品名", "company": "社名", "concept": "用語", "abbreviation": "略語", "role": "役割・チーム名"}


def explain_term(glossary: Glossary, entry: Entry) -> str:
    lines = [f"{entry.term}({_KIND.get(entry.kind, entry.kind)})"]
    if entry.reading:
        lines.append(f"読み: {entry.reading}")
    if entry.expansions:
        lines.append(f"正式名: {'／'.join(entry.expansions)}")
    if entry.definition:
        lines.append(f"定義: {entry.definition}")
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
    for meaning in entry.other_meanings:
        lines.append(f"別の意味: {meaning.meaning}(手がかり: {'、'.join(meaning.cues)})")
    if entry.pitfall:
        lines.append(f"よくある失敗: {entry.pitfall}")
    if entry.note:
        lines.append(f"注: {entry.note}")
    lines.append(f"出典: {entry.file}:{entry.line}")
    return "\n".join(lines)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def explain_markdown(glossary: Glossary, entry: Entry) -> str:
    """The same entry, line for line, as Markdown (an editor's hover): the
    heading in bold, each `label: value` line an item with its label in bold."""
    heading, *lines = explain_term(glossary, entry).split("\n")
    out = [f"**{_escape(heading)}**", ""]
    for line in lines:
        label, sep, value = line.partition(": ")
        out.append(f"- **{_escape(label)}**: {_escape(value)}" if sep else f"- {_escape(line)}")
    return "\n".join(out)


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
