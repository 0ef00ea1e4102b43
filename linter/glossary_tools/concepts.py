"""Termbase concepts → glossary entries (plain data for glossary YAML).

TBX and CSV readers both describe each concept as a `Concept`: its names with
status and type, its page fields, its links. This module maps them onto the
glossary schema the way `page.names` maps the other way, so that exporting
what was imported gives the same file."""

from __future__ import annotations

from dataclasses import dataclass, field

from linter.folding import spelling_key
from linter.glossary import KINDS, PAGE_KEYS
from linter.glossary_tools import ToolError, page

# TBX/CSV name types → the glossary list that holds an admitted name
_ADMITTED_LISTS = {
    page.VARIANT: "variants",
    "phrase": "variants",
    page.FULL_FORM: "expansions",
    page.ACRONYM: "abbreviations",
    "abbreviation": "abbreviations",
    "shortForm": "abbreviations",
}
NAME_TYPES = tuple(_ADMITTED_LISTS)
_KIND_BY_LABEL = {label: kind for kind, label in page.KIND_LABELS.items()}


@dataclass
class TermRecord:
    text: str
    status: str
    type: str | None
    where: str  # "file:line: <termSec>" or "file: row 7", for errors
    message: str | None = None
    reading: str | None = None
    section: dict = field(default_factory=dict)  # page fields (and topic) of a `sections` block


@dataclass
class Concept:
    where: str
    kind: str | None = None
    topic: str | None = None
    message: str | None = None
    fields: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # data the glossary has no field for
    terms: list[TermRecord] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (target term, where)


def to_entries(concepts: list[Concept]) -> list[dict]:
    entries = [_entry(c) for c in concepts]
    _check_spellings(concepts)
    terms = {e["term"] for e in entries}
    for concept in concepts:
        for target, where in concept.links:
            if target not in terms:
                raise ToolError(f"{where}: links to '{target}', which is no concept's term")
    return entries


def _entry(concept: Concept) -> dict:
    if not concept.terms:
        raise ToolError(f"{concept.where}: a concept without any term")
    preferred = [t for t in concept.terms if t.status == page.PREFERRED]
    main = preferred[0] if preferred else concept.terms[0]  # a concept's first term is its main one
    kind = concept.kind or ("abbreviation" if main.type in (page.ACRONYM, "abbreviation") else "concept")
    kind = _KIND_BY_LABEL.get(kind, kind)  # 種別: 製品名, as the page writes it
    if kind not in KINDS:
        raise ToolError(f"{concept.where}: kind '{kind}' is not one of {', '.join(KINDS)}")
    entry: dict = {"term": main.text, "kind": kind}
    if concept.topic:
        entry["topic"] = concept.topic
    if main.reading:
        entry["reading"] = main.reading
    fields = dict(concept.fields)
    if concept.notes:
        fields["note"] = "\n".join(filter(None, [fields.get("note"), *concept.notes]))
    entry.update({key: fields[key] for key in PAGE_KEYS if fields.get(key)})
    if concept.message:
        entry["message"] = concept.message
    lists: dict[str, list] = {"deprecated": [], "variants": [], "expansions": [], "abbreviations": []}
    sections = []
    for record in concept.terms:
        if record is main:
            continue
        if record.status == page.DEPRECATED:
            lists["deprecated"].append(
                {"form": record.text, "message": record.message} if record.message else record.text
            )
        else:
            key = _ADMITTED_LISTS.get(record.type or page.VARIANT)
            if key is None:
                raise ToolError(f"{record.where}: term type '{record.type}' is not one of {', '.join(NAME_TYPES)}")
            lists[key].append(record.text)
        if record.section:
            sections.append({"name": record.text, **record.section})
    links = [target for target, _ in concept.links]
    if kind == "product" and links:
        entry["company"] = links[0]
        links = links[1:]
    for key in ("deprecated", "variants", "expansions", "abbreviations"):
        if lists[key]:
            entry[key] = lists[key]
    if kind == "company" and links:
        entry["products"] = links
    elif len(links) >= 2:
        entry["senses"] = [{"meaning": target} for target in links]
    if sections:
        entry["sections"] = sections
    return entry


def _check_spellings(concepts: list[Concept]) -> None:
    owner: dict[str, TermRecord] = {}
    for concept in concepts:
        mine = set()
        for record in concept.terms:
            key = spelling_key(record.text)
            other = owner.get(key)
            if other is not None and key not in mine:
                raise ToolError(
                    f"{record.where}: term '{record.text}' is already a term of another concept ({other.where})"
                )
            owner[key] = record
            mine.add(key)
