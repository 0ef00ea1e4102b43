"""TBX-Basic (ISO 30042:2019, DCA style) export and import.

One `conceptEntry` per entry; a `langSec` per language (`ja`, and `en` for
the Latin-script names); a `termSec` per name with its administrativeStatus
and termType; the definition in the `ja` section (at concept level when every
name is Latin); the topic as subjectField; the page fields the TBX-Basic
dialect has no data category for as `note`s labelled as on the page
("Ops視点の一言: …"); company, products and senses as crossReference links.
The rules of LTAC-Global/TBX-Basic_dialect's DCA Schematron that apply to
these elements are what tests/test_glossary_tbx.py checks.

Import reads what export writes and the style of the dialect's examples:
data categories the glossary has no field for are kept as notes; what cannot
be mapped is an error naming the element and its line.
"""

from __future__ import annotations

import re
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

from linter.folding import spelling_key
from linter.glossary import PAGE_KEYS, Glossary
from linter.glossary_tools import ToolError, page
from linter.glossary_tools.concepts import Concept, TermRecord, to_entries

NAMESPACE = "urn:iso:std:iso:30042:ed-2"
STATUS = {
    page.PREFERRED: "preferredTerm-admn-sts",
    page.ADMITTED: "admittedTerm-admn-sts",
    page.DEPRECATED: "deprecatedTerm-admn-sts",
}
_FROM_STATUS = {v: k for k, v in STATUS.items()} | {"supersededTerm-admn-sts": page.DEPRECATED}
KIND_LABEL, READING_LABEL, MESSAGE_LABEL, TOPIC_LABEL = "種別", "読み", "理由", "分類"
_FIELD_BY_LABEL = {label: key for key, label in page.LABELS.items()} | {
    label: key for key, label in page.PROPER_LABELS.items()
}


# --- export ------------------------------------------------------------------


def render(glossary: Glossary, title: str = "") -> bytes:
    ids = {term: "c" + anchor[1:] for term, anchor in page.anchors(glossary).items()}
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tbx type="TBX-Basic" style="dca" xml:lang="ja" xmlns="{NAMESPACE}">',
        "  <tbxHeader>",
        "    <fileDesc>",
        "      <sourceDesc>",
        "        <p>yogolint glossary export</p>",
        "      </sourceDesc>",
        "    </fileDesc>",
        "  </tbxHeader>",
        "  <text>",
        "    <body>",
    ]
    for entry in glossary.entries:
        out += _concept(entry, ids)
    out += ["    </body>", "  </text>", "</tbx>", ""]
    return "\n".join(out).encode("utf-8")


def _el(indent: int, name: str, text: str, **attrs: str) -> str:
    attributes = "".join(f" {k.replace('_', ':')}={quoteattr(v)}" for k, v in attrs.items())
    return f"{' ' * indent}<{name}{attributes}>{escape(text)}</{name}>"


def _note(indent: int, label: str, text: str) -> str:
    return _el(indent, "note", f"{label}: {text}")


def _concept(entry, ids: dict[str, str]) -> list[str]:
    out = [f'      <conceptEntry id="{ids[entry.term]}">']
    if entry.topic:
        out.append(_el(8, "descrip", entry.topic, type="subjectField"))
    names = page.names(entry)
    by_lang = {"en": [n for n in names if page.is_latin(n.text)], "ja": [n for n in names if not page.is_latin(n.text)]}
    if entry.definition and not by_lang["ja"]:
        out.append(_el(8, "descrip", entry.definition, type="definition"))
    out.append(_note(8, KIND_LABEL, entry.kind))
    labels = page.labels(entry.kind)
    out += [_note(8, labels[key], getattr(entry, key)) for key in PAGE_KEYS[1:] if getattr(entry, key)]
    if entry.message:
        out.append(_note(8, MESSAGE_LABEL, entry.message))
    links = ([entry.company] if entry.company else []) + list(entry.products) + [s.meaning for s in entry.senses]
    out += [_el(8, "ref", term, type="crossReference", target=ids[term]) for term in links if term in ids]
    sections = {spelling_key(s.name): s for s in entry.sections}
    for lang, group in by_lang.items():
        if not group:
            continue
        out.append(f'        <langSec xml:lang="{lang}">')
        if lang == "ja" and entry.definition:
            out.append(_el(10, "descrip", entry.definition, type="definition"))
        for name in group:
            out += _term(name, entry, sections.get(spelling_key(name.text)) if name.status == page.ADMITTED else None)
        out.append("        </langSec>")
    out.append("      </conceptEntry>")
    return out


def _term(name: page.Name, entry, section) -> list[str]:
    out = [
        "          <termSec>",
        _el(12, "term", name.text),
        _el(12, "termNote", STATUS[name.status], type="administrativeStatus"),
        _el(12, "termNote", name.type, type="termType"),
    ]
    if name.status == page.PREFERRED and entry.reading:
        out.append(_note(12, READING_LABEL, entry.reading))
    if name.message:
        out.append(_note(12, MESSAGE_LABEL, name.message))
    if section is not None:
        if section.topic:
            out.append(_note(12, TOPIC_LABEL, section.topic))
        out += [_note(12, label, text) for _, label, text in page.fields(section, entry.kind)]
    out.append("          </termSec>")
    return out


# --- import ------------------------------------------------------------------


class _Node:
    __slots__ = ("tag", "attrs", "line", "children", "text")

    def __init__(self, tag: str, attrs: dict, line: int):
        self.children: list = []
        self.tag, self.attrs, self.line, self.text = tag, attrs, line, ""

    def find(self, tag: str) -> list[_Node]:
        return [c for c in self.children if c.tag == tag]

    def full_text(self) -> str:
        return " ".join((self.text + "".join(c.full_text() for c in self.children)).split())


def _parse(data: bytes, shown: str) -> _Node:
    """A namespace-blind element tree with line numbers. No DTD, no entities:
    a termbase from elsewhere is data, and entity expansion is how XML bombs."""
    parser = expat.ParserCreate(namespace_separator="}")
    stack: list[_Node] = []
    root: list[_Node] = []

    def refuse(*_):
        raise ToolError(f"{shown}:{parser.CurrentLineNumber}: DOCTYPE and entity declarations are not accepted")

    def start(tag, attrs):
        node = _Node(
            tag.rsplit("}", 1)[-1], {k.rsplit("}", 1)[-1]: v for k, v in attrs.items()}, parser.CurrentLineNumber
        )
        (stack[-1].children if stack else root).append(node)
        stack.append(node)

    def end(_tag):
        stack.pop()

    def chars(text):
        if stack:
            node = stack[-1]
            if node.children:  # mixed content (TBX inline markup): keep the text in order
                node.children[-1].attrs.setdefault("#tail", "")
                node.children[-1].attrs["#tail"] += text
            else:
                node.text += text

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise ToolError(f"{shown}:{exc.lineno}: not well-formed XML ({expat.ErrorString(exc.code)})") from None
    if not root or root[0].tag != "tbx":
        raise ToolError(f"{shown}:1: the root element is not <tbx> (a TBX file needs <tbx> with <text><body>)")
    return root[0]


_WRAP = re.compile(r"(.?)[ \t\r]*\n\s*(.?)")
_WORD = re.compile(r"[\w.,;:!?)\]-]", re.ASCII)


def _text(node: _Node) -> str:
    """An element's text with hand-wrapped lines joined: by a space between
    Latin words, by nothing between Japanese characters."""
    text = "".join([node.text] + [c.full_text() + c.attrs.get("#tail", "") for c in node.children]).strip()

    def join(m: re.Match) -> str:
        latin = _WORD.match(m.group(1) or "") and _WORD.match(m.group(2) or "")
        return m.group(1) + (" " if latin else "") + m.group(2)

    return _WRAP.sub(join, text)


def read(data: bytes, shown: str) -> list[dict]:
    root = _parse(data, shown)
    bodies = [b for t in root.find("text") for b in t.find("body")]
    if not bodies:
        raise ToolError(f"{shown}:{root.line}: <tbx> has no <text><body>")
    concepts = []
    ids: dict[str, str] = {}
    pending: list[tuple[Concept, list[tuple[str, str, str]]]] = []
    for body in bodies:
        for node in body.children:
            if node.tag != "conceptEntry":
                raise ToolError(f"{shown}:{node.line}: <{node.tag}> in <body>: only <conceptEntry> is expected")
            concept, refs = _concept_from(node, shown)
            concepts.append(concept)
            pending.append((concept, refs))
            if node.attrs.get("id") and concept.terms:
                ids[node.attrs["id"]] = _main(concept).text
    for concept, refs in pending:
        for target, text, where in refs:
            if target in ids:
                concept.links.append((ids[target], where))
            else:
                concept.notes.append(f"crossReference: {text}" + (f" ({target})" if target else ""))
    return to_entries(concepts)


def _main(concept: Concept) -> TermRecord:
    return next((t for t in concept.terms if t.status == page.PREFERRED), concept.terms[0])


def _where(shown: str, node: _Node, extra: str = "") -> str:
    return f"{shown}:{node.line}: <{node.tag}{extra}>"


def _concept_from(node: _Node, shown: str) -> tuple[Concept, list]:
    concept = Concept(_where(shown, node, f' id="{node.attrs.get("id", "")}"'))
    refs: list[tuple[str, str, str]] = []
    for child in node.children:
        if child.tag == "langSec":
            _lang_sec(child, concept, shown)
        elif child.tag == "ref" and child.attrs.get("type") == "crossReference":
            refs.append((child.attrs.get("target", ""), _text(child), _where(shown, child)))
        else:
            _concept_datum(child, concept, shown)
    return concept, refs


def _concept_datum(node: _Node, concept: Concept, shown: str) -> None:
    """A conceptEntry- or langSec-level element: definition, subjectField, a labelled note, or a note to keep."""
    kind = node.attrs.get("type", "")
    if node.tag == "descripGrp":
        for child in node.children:
            _concept_datum(child, concept, shown)
        return
    text = _text(node)
    if node.tag == "descrip" and kind == "definition" and "definition" not in concept.fields:
        concept.fields["definition"] = text
    elif node.tag == "descrip" and kind == "subjectField" and concept.topic is None:
        concept.topic = text
    elif node.tag == "note":
        label, _, value = text.partition(": ")
        if label == KIND_LABEL and value:
            concept.kind = value
        elif label == MESSAGE_LABEL and value:
            concept.message = value
        elif label in _FIELD_BY_LABEL and value and _FIELD_BY_LABEL[label] not in concept.fields:
            concept.fields[_FIELD_BY_LABEL[label]] = value
        elif text:
            concept.notes.append(text)
    elif node.tag.endswith("Grp"):  # transacGrp, adminGrp: their data, one note
        inner = _group_text(node)
        if inner:
            concept.notes.append(inner)
    elif text:
        target = f" ({node.attrs['target']})" if node.attrs.get("target") else ""
        concept.notes.append(f"{kind or node.tag}: {text}{target}")


def _group_text(node: _Node) -> str:
    return "; ".join(f"{c.attrs.get('type') or c.tag}: {_text(c)}" for c in node.children if _text(c))


def _lang_sec(node: _Node, concept: Concept, shown: str) -> None:
    for child in node.children:
        if child.tag == "termSec":
            concept.terms.append(_term_sec(child, concept, shown))
        else:
            _concept_datum(child, concept, shown)


def _term_sec(node: _Node, concept: Concept, shown: str) -> TermRecord:
    terms = node.find("term")
    if len(terms) != 1 or not _text(terms[0]):
        raise ToolError(f"{_where(shown, node)}: needs exactly one non-empty <term>")
    text = _text(terms[0])
    where = f"{_where(shown, node)} of '{text}'"
    status, term_type, reading, message, section, notes = page.ADMITTED, None, None, None, {}, []
    for child in node.children:
        kind, value = child.attrs.get("type", ""), _text(child)
        if child.tag == "term":
            continue
        if child.tag == "termNote" and kind == "administrativeStatus":
            if value not in _FROM_STATUS:
                raise ToolError(
                    f"{shown}:{child.line}: <termNote type=\"administrativeStatus\"> of '{text}': "
                    f"'{value}' is not one of {', '.join(_FROM_STATUS)}"
                )
            status = _FROM_STATUS[value]
        elif child.tag == "termNote" and kind == "termType":
            term_type = value
        elif child.tag == "note":
            label, _, rest = value.partition(": ")
            if label == READING_LABEL and rest:
                reading = rest
            elif label == MESSAGE_LABEL and rest:
                message = rest
            elif label == TOPIC_LABEL and rest:
                section["topic"] = rest
            elif label in _FIELD_BY_LABEL and rest:
                section[_FIELD_BY_LABEL[label]] = rest
            elif value:
                notes.append(value)
        elif child.tag.endswith("Grp"):  # descripGrp, adminGrp, transacGrp: their data, one note
            inner = _group_text(child)
            if inner:
                notes.append(inner)
        elif value:
            notes.append(f"{kind or child.tag}: {value}")
    if section and not any(k != "topic" for k in section):
        notes.append(f"{TOPIC_LABEL}: {section.pop('topic')}")
    concept.notes += [f"{text} — {n}" for n in notes]
    ordered = {k: section[k] for k in ("topic", *PAGE_KEYS) if k in section}
    return TermRecord(text, status, term_type, where, message=message, reading=reading, section=ordered)
