"""The glossary page: what every export shows, in one order.

Terms are grouped by topic (an entry's `topic`, else its file's `title`), in
the order topics first appear; a `sections` block stands under its own topic.
Each name of an entry has a status and a type, in TBX's vocabulary, which the
CSV and TBX formats share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linter.explain import _KIND as KIND_LABELS  # noqa: F401 -- re-exported: one wording for kinds, as `explain` shows them
from linter.glossary import PAGE_KEYS, Entry, Glossary, Section

# The seed page's labels; products and companies say 概要/注意 as the seed does.
LABELS = {
    "definition": "定義",
    "house_usage": "当社での扱い",
    "ops_note": "Ops視点の一言",
    "pitfall": "よくある失敗",
    "next_step": "次の一手",
    "recommended_for": "推奨の目安",
    "note": "補足",
}
PROPER_LABELS = {**LABELS, "definition": "概要", "pitfall": "注意"}
NO_TOPIC = "その他"

# The page's own text, before the terms (Markdown and HTML).
INTRO = (
    "チームで使う言葉の定義、現場での失敗例、次に何を決めればよいかをまとめた用語集です。"
    "yogolint の用語集(YAML)から生成しています。直すときは YAML を直して生成し直してください。"
)
HOW_TO_USE = (
    "わからない言葉が出たら、このページで意味と注意点を確認",
    "社内で言葉の定義がズレていると感じたら、まずここに合わせる",
    "導入前なら「次の一手」を優先して、先に決めるべきことを整理する",
    "「非推奨」の表記は使わず、見出しの表記で書く(yogolint check が指摘します)",
)

PREFERRED, ADMITTED, DEPRECATED = "preferred", "admitted", "deprecated"
STATUSES = (PREFERRED, ADMITTED, DEPRECATED)
FULL_FORM, ACRONYM, VARIANT = "fullForm", "acronym", "variant"
TYPES = (FULL_FORM, ACRONYM, VARIANT)

_LATIN = re.compile(r"[\x20-\x7e\u00a0-\u024f\u2010-\u2015\uff01-\uff5e]+")


def is_latin(name: str) -> bool:
    """A name in Latin script (TBX's `en` language section)."""
    return bool(_LATIN.fullmatch(name))


@dataclass(frozen=True)
class Name:
    text: str
    status: str
    type: str
    message: str | None = None


def latin_first(forms) -> list:
    """Latin-script names before the others, as the seed writes CV(Conversion/コンバージョン).
    TBX keeps names by language, so this is also the order an imported entry has."""
    return sorted(forms, key=lambda f: not is_latin(f if isinstance(f, str) else f.form))


def names(entry: Entry) -> list[Name]:
    """Every spelling of an entry, the canonical term first."""
    out = [Name(entry.term, PREFERRED, ACRONYM if entry.is_abbreviation else FULL_FORM)]
    out += [Name(v, ADMITTED, VARIANT) for v in latin_first(entry.variants)]
    out += [Name(v, ADMITTED, FULL_FORM) for v in latin_first(entry.expansions)]
    out += [Name(v, ADMITTED, ACRONYM) for v in latin_first(entry.abbreviations)]
    out += [Name(d.form, DEPRECATED, VARIANT, d.message) for d in latin_first(entry.deprecated)]
    return out


def labels(kind: str) -> dict[str, str]:
    return PROPER_LABELS if kind in ("product", "company") else LABELS


def fields(item: Entry | Section, kind: str) -> list[tuple[str, str, str]]:
    """(key, label, text) of the page fields the item has, in the page's order."""
    named = labels(kind)
    return [(key, named[key], getattr(item, key)) for key in PAGE_KEYS if getattr(item, key)]


@dataclass(frozen=True)
class Item:
    """One heading on the page: an entry, or one of its sections."""

    anchor: str
    entry: Entry
    section: Section | None = None

    @property
    def heading(self) -> str:
        if self.section is not None:
            return self.section.name
        return self.entry.term

    @property
    def subtitle(self) -> str:
        """The full forms beside the heading, as the seed writes MA(マーケティングオートメーション)."""
        return "" if self.section is not None else "/".join(latin_first(self.entry.expansions))

    def fields(self) -> list[tuple[str, str, str]]:
        return fields(self.section or self.entry, self.entry.kind)


def anchors(glossary: Glossary) -> dict[str, str]:
    """term → the id of its heading (stable: the entry's place in the glossary)."""
    return {e.term: f"t{i + 1}" for i, e in enumerate(glossary.entries)}


def topics(glossary: Glossary) -> list[tuple[str, list[Item]]]:
    ids = anchors(glossary)
    grouped: dict[str, list[Item]] = {}
    for entry in glossary.entries:
        grouped.setdefault(entry.topic or NO_TOPIC, []).append(Item(ids[entry.term], entry))
        for n, section in enumerate(entry.sections, 1):
            topic = section.topic or entry.topic or NO_TOPIC
            grouped.setdefault(topic, []).append(Item(f"{ids[entry.term]}-{n}", entry, section))
    return list(grouped.items())


def related(entry: Entry) -> list[tuple[str, str]]:
    """(label, term) links from an entry to other entries."""
    out = []
    if entry.company and entry.company != entry.term:
        out.append(("提供元", entry.company))
    out += [("製品", p) for p in entry.products]
    out += [("意味", s.meaning) for s in entry.senses]
    return out
