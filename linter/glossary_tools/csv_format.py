"""The glossary as a sheet: UTF-8 with BOM (Excel opens it as UTF-8), one row
per name with its status. The canonical term's row carries the entry's fields;
a name's row carries the fields of its `sections` block, if it has one."""

from __future__ import annotations

import csv
import io

from linter.folding import spelling_key
from linter.glossary import PAGE_KEYS, Glossary
from linter.glossary_tools import ToolError, page
from linter.glossary_tools.concepts import Concept, TermRecord, to_entries

COLUMNS = (
    "term",
    "name",
    "status",
    "type",
    "kind",
    "topic",
    "reading",
    "message",
    *PAGE_KEYS,
    "company",
    "products",
    "senses",
)
_LISTS = ("products", "senses")  # several terms in one cell, one per line


def render(glossary: Glossary, title: str = "") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for entry in glossary.entries:
        sections = {spelling_key(s.name): s for s in entry.sections}
        for name in page.names(entry):
            row = dict.fromkeys(COLUMNS, "")
            row.update(term=entry.term, name=name.text, status=name.status, type=name.type, message=name.message or "")
            if name.status == page.PREFERRED:
                row.update(
                    kind=entry.kind,
                    topic=entry.topic or "",
                    reading=entry.reading or "",
                    message=entry.message or "",
                    company=entry.company or "",
                    products="\n".join(entry.products),
                    senses="\n".join(s.meaning for s in entry.senses),
                )
                row.update({key: getattr(entry, key) or "" for key in PAGE_KEYS})
            elif (section := sections.get(spelling_key(name.text))) is not None and name.status == page.ADMITTED:
                row.update(topic=section.topic or "")
                row.update({key: getattr(section, key) or "" for key in PAGE_KEYS})
            writer.writerow([row[c] for c in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def read(data: bytes, shown: str) -> list[dict]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ToolError(f"{shown}: not UTF-8 (in Excel, save as 'CSV UTF-8')") from None
    rows = csv.DictReader(io.StringIO(text, newline=""))
    header = rows.fieldnames or []
    missing = [c for c in ("term", "name", "status") if c not in header]
    if missing:
        raise ToolError(f"{shown}: row 1: the header needs the column '{missing[0]}' (columns: {', '.join(COLUMNS)})")
    unknown = [c for c in header if c not in COLUMNS]
    concepts: dict[str, Concept] = {}
    try:
        for number, row in enumerate(rows, start=2):
            _row(row, f"{shown}: row {number}", unknown, concepts)
    except csv.Error as exc:
        raise ToolError(f"{shown}: row {rows.line_num}: {exc}") from None
    return to_entries(list(concepts.values()))


def _row(row: dict, where: str, unknown: list[str], concepts: dict[str, Concept]) -> None:
    if None in row:
        raise ToolError(f"{where}: more cells than columns")
    get = {k: (v or "").strip() for k, v in row.items()}
    term, name, status = get["term"], get["name"] or get["term"], get["status"] or page.ADMITTED
    if not term:
        raise ToolError(f"{where}: the 'term' cell is empty")
    if status not in page.STATUSES:
        raise ToolError(f"{where}: status '{status}' is not one of {', '.join(page.STATUSES)}")
    concept = concepts.setdefault(term, Concept(where))
    fields = {key: get[key] for key in PAGE_KEYS if get.get(key)}
    notes = [f"{column}: {get[column]}" for column in unknown if get.get(column)]
    if status == page.PREFERRED:
        if name != term:
            raise ToolError(f"{where}: the preferred name '{name}' is not the row's term '{term}'")
        concept.kind = get.get("kind") or None
        concept.topic = get.get("topic") or None
        concept.message = get.get("message") or None
        concept.fields = fields
        concept.notes += notes
        if get.get("company"):
            concept.links.append((get["company"], where))
        for column in _LISTS:
            concept.links += [(t.strip(), where) for t in get.get(column, "").splitlines() if t.strip()]
        concept.terms.insert(
            0, TermRecord(name, status, get.get("type") or None, where, reading=get.get("reading") or None)
        )
        return
    section = dict(fields)
    if get.get("topic") and section:
        section = {"topic": get["topic"], **section}
    concept.notes += [f"{name} — {note}" for note in notes]
    concept.terms.append(
        TermRecord(name, status, get.get("type") or None, where, message=get.get("message") or None, section=section)
    )
