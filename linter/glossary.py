"""Glossary: YAML term data → validated entries.

The schema is documented in glossary/README.md; this module is its only
reader. Every error names the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from linter.folding import spelling_key
from linter.yamlnodes import LineDict, LineList, YamlError, load_yaml

KINDS = ("product", "company", "concept", "abbreviation", "role")
_LIST_KEYS = ("variants", "expansions", "abbreviations", "not_in", "products", "cues")
# The glossary page's fields (glossary/README.md): 定義, Ops視点の一言, よくある失敗, 次の一手, …
PAGE_KEYS = ("definition", "house_usage", "ops_note", "pitfall", "next_step", "recommended_for", "note")
_TEXT_KEYS = ("reading", *PAGE_KEYS, "message", "company", "topic")
# spelling-variant: other spellings of the term (the term is kept over them),
# and spellings Sudachi joins with the term that are other words here.
_SPELLING_KEYS = ("spellings", "distinct_spellings")
_KEYS = {
    "term",
    "kind",
    "deprecated",
    "senses",
    "other_meanings",
    "sections",
    *_LIST_KEYS,
    *_TEXT_KEYS,
    *_SPELLING_KEYS,
}
_SENSE_KEYS = {"meaning", "cues"}
_SECTION_KEYS = {"name", "topic", *PAGE_KEYS}
_FILE_KEYS = {"title", "entries"}


class GlossaryError(YamlError):
    """A broken glossary: `file:line: problem`."""


@dataclass(frozen=True)
class Deprecated:
    form: str
    message: str | None = None


@dataclass(frozen=True)
class Sense:
    meaning: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    """One of an entry's names that the glossary page describes under its own
    heading (the seed gives マーケティングオペレーション a block apart from MOps)."""

    name: str
    topic: str | None = None
    definition: str | None = None
    house_usage: str | None = None
    ops_note: str | None = None
    pitfall: str | None = None
    next_step: str | None = None
    recommended_for: str | None = None
    note: str | None = None


@dataclass
class Entry:
    term: str
    kind: str
    file: str
    line: int
    reading: str | None = None
    definition: str | None = None
    house_usage: str | None = None
    ops_note: str | None = None
    pitfall: str | None = None
    next_step: str | None = None
    recommended_for: str | None = None
    note: str | None = None
    message: str | None = None
    company: str | None = None
    topic: str | None = None  # the page section; defaults to the file's `title`
    deprecated: tuple[Deprecated, ...] = ()
    variants: tuple[str, ...] = ()
    expansions: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    not_in: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    senses: tuple[Sense, ...] = ()
    other_meanings: tuple[Sense, ...] = ()
    sections: tuple[Section, ...] = ()
    spellings: tuple[str, ...] = ()
    distinct_spellings: tuple[str, ...] = ()

    @property
    def is_abbreviation(self) -> bool:
        return self.kind == "abbreviation"

    def short_names(self) -> tuple[str, ...]:
        if self.is_abbreviation:
            return (self.term, *self.variants, *self.abbreviations)
        return self.abbreviations

    def full_names(self) -> tuple[str, ...]:
        if self.is_abbreviation:
            return self.expansions
        return (self.term, *self.variants, *self.expansions)

    def names(self) -> tuple[str, ...]:
        """Every admitted spelling: the forms that are never findings by themselves."""
        return (*self.short_names(), *self.full_names())

    def is_short(self, name: str) -> bool:
        return name in self.short_names()


@dataclass
class Glossary:
    entries: list[Entry] = field(default_factory=list)
    by_term: dict[str, Entry] = field(default_factory=dict)
    # (folded spellings, the entry each names): the automaton's patterns, kept
    # with the glossary by linter.glossary_cache
    spelling_table: tuple[list[str], list[Entry | None]] | None = field(default=None, repr=False, compare=False)

    def get(self, term: str) -> Entry | None:
        return self.by_term.get(term)

    def find(self, word: str) -> Entry | None:
        """The entry one of whose names or deprecated spellings is `word` (width- and case-blind)."""
        key = spelling_key(word)
        for entry in self.entries:
            forms = (*entry.names(), *(d.form for d in entry.deprecated))
            if any(spelling_key(f) == key for f in forms):
                return entry
        return None

    def closest(self, word: str, limit: int = 3) -> list[str]:
        """The terms whose spellings are nearest to `word` (for "did you
        mean"), compared width- and case-blind, best first."""
        import difflib

        term_of: dict[str, str] = {}
        for entry in self.entries:
            for form in (entry.term, *entry.names(), *(d.form for d in entry.deprecated)):
                term_of.setdefault(spelling_key(form), entry.term)
        near = difflib.get_close_matches(spelling_key(word), list(term_of), n=limit * 3, cutoff=0.5)
        return list(dict.fromkeys(term_of[k] for k in near))[:limit]


def builtin_glossary_dir() -> Path:
    packaged = resources.files("linter.data") / "glossary"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[1] / "glossary"


def glossary_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
    return [path]


def load_glossary(
    extra: list[Path] | tuple[Path, ...] = (), builtin: bool = True, check_forms: bool = True
) -> Glossary:
    """The built-in glossary with the user's files merged over it.

    A user's entry whose term is a built-in term replaces the built-in entry
    (that is how a team changes a definition); a term repeated within one
    layer, or a spelling claimed by two entries, is an error (unless
    `check_forms` is false: `yogolint glossary check` reports every such
    spelling itself instead of stopping at the first).
    """
    from linter import glossary_cache

    layers = ([builtin_glossary_dir()] if builtin else []) + [Path(p) for p in extra]
    if not check_forms:  # a glossary with clashing spellings is never cached
        return _load_layers(layers, check_forms=False)
    return glossary_cache.load(layers, _load_layers)


def _load_layers(layers: list[Path], check_forms: bool = True) -> Glossary:
    glossary = Glossary()
    for layer in layers:
        if not layer.exists():
            raise GlossaryError(f"{layer}: glossary file not found")
        seen_here: dict[str, Entry] = {}
        for file in glossary_files(layer):
            for entry in _read_file(file):
                if entry.term in seen_here:
                    first = seen_here[entry.term]
                    raise GlossaryError(
                        f"{entry.file}:{entry.line}: term '{entry.term}' is already defined at {first.file}:{first.line}"
                    )
                seen_here[entry.term] = entry
                glossary.by_term[entry.term] = entry
    glossary.entries = list(glossary.by_term.values())
    if check_forms:
        _check_forms(glossary)
    _check_spellings(glossary)
    _check_references(glossary)
    return glossary


def _read_file(path: Path) -> list[Entry]:
    shown = str(path)
    try:
        data = load_yaml(path, shown)
    except YamlError as exc:
        raise GlossaryError(str(exc)) from None
    if data is None:
        return []
    if not isinstance(data, LineDict) or set(data) - _FILE_KEYS:
        line = data.line if isinstance(data, (LineDict, LineList)) else 1
        raise GlossaryError(
            f"{shown}:{line}: a glossary file is a mapping with one key, 'entries' (and an optional 'title')"
        )
    title = data.get("title")
    if title is not None and not isinstance(title, str):
        raise GlossaryError(f"{shown}:{data.key_lines['title']}: 'title' must be a string")
    items = data.get("entries")
    if items is None or items == []:  # `{}`, `entries:` and `entries: []` add nothing
        return []
    if not isinstance(items, LineList):
        raise GlossaryError(f"{shown}:{data.key_lines['entries']}: 'entries' must be a list")
    entries = [_entry(item, shown) for item in items]
    for entry in entries:
        entry.topic = entry.topic or title
    return entries


def _entry(item, shown: str) -> Entry:
    if not isinstance(item, LineDict):
        raise GlossaryError(f"{shown}:{getattr(item, 'line', '?')}: an entry must be a mapping")
    where = f"{shown}:{item.line}"
    unknown = set(item) - _KEYS
    if unknown:
        key = sorted(unknown, key=str)[0]
        raise GlossaryError(f"{shown}:{item.key_lines[key]}: unknown key '{key}' (allowed: {', '.join(sorted(_KEYS))})")
    for required in ("term", "kind"):
        if not isinstance(item.get(required), str) or not item[required].strip():
            raise GlossaryError(f"{where}: entry needs '{required}' (a non-empty string)")
    if item["kind"] not in KINDS:
        raise GlossaryError(f"{shown}:{item.key_lines['kind']}: kind '{item['kind']}' is not one of {', '.join(KINDS)}")
    values: dict = {}
    for key in _TEXT_KEYS:
        if key in item and item[key] is not None:
            if not isinstance(item[key], str):
                raise GlossaryError(f"{shown}:{item.key_lines[key]}: '{key}' must be a string")
            values[key] = item[key]
    for key in _LIST_KEYS:
        values[key] = _strings(item, key, shown)
    values["deprecated"] = tuple(_deprecated(item, shown))
    values["senses"] = _senses(item, "senses", shown)
    values["other_meanings"] = _senses(item, "other_meanings", shown)
    values["sections"] = _sections(item, shown)
    if len(values["senses"]) == 1:
        raise GlossaryError(f"{shown}:{item.key_lines['senses']}: 'senses' needs two or more meanings")
    values.update(_spellings(item, shown))
    return Entry(term=item["term"], kind=item["kind"], file=shown, line=item.line, **values)


def _strings(item: LineDict, key: str, shown: str) -> tuple[str, ...]:
    value = item.get(key)
    if value is None:
        return ()
    line = item.key_lines[key]
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, LineList) or not all(isinstance(v, str) and v.strip() for v in value):
        raise GlossaryError(f"{shown}:{line}: '{key}' must be a list of non-empty strings")
    return tuple(value)


def _spellings(item: LineDict, shown: str) -> dict[str, tuple[str, ...]]:
    """`spellings` and `distinct_spellings`: neither the term itself, nor a
    spelling the entry already names or deprecates, nor one in both lists."""
    values = {key: _strings(item, key, shown) for key in _SPELLING_KEYS}
    named = {
        spelling_key(f): "a name of the entry"
        for f in (
            item["term"],
            *(v for key in ("variants", "expansions", "abbreviations") for v in _strings(item, key, shown)),
        )
    }
    named.update({spelling_key(d.form): "deprecated" for d in _deprecated(item, shown)})
    for key in _SPELLING_KEYS:
        for form in values[key]:
            clash = named.get(spelling_key(form))
            if clash is not None:
                raise GlossaryError(f"{shown}:{item.key_lines[key]}: '{key}' lists '{form}', which is {clash}")
            named[spelling_key(form)] = f"in '{key}' already"
    return values


def _deprecated(item: LineDict, shown: str):
    value = item.get("deprecated")
    if value is None:
        return
    if not isinstance(value, LineList):
        raise GlossaryError(f"{shown}:{item.key_lines['deprecated']}: 'deprecated' must be a list")
    for v in value:
        if isinstance(v, str) and v.strip():
            yield Deprecated(v)
        elif isinstance(v, LineDict) and isinstance(v.get("form"), str) and set(v) <= {"form", "message"}:
            if not v["form"].strip():  # a blank form would make every space a finding
                raise GlossaryError(f"{shown}:{v.key_lines.get('form', v.line)}: a deprecated form must not be blank")
            message = v.get("message")
            if message is not None and not isinstance(message, str):
                raise GlossaryError(f"{shown}:{v.line}: 'message' must be a string")
            yield Deprecated(v["form"], message)
        else:
            line = getattr(v, "line", item.key_lines["deprecated"])
            raise GlossaryError(f"{shown}:{line}: a deprecated spelling is a string or {{form, message}}")


def _senses(item: LineDict, key: str, shown: str) -> tuple[Sense, ...]:
    value = item.get(key)
    if value is None:
        return ()
    if not isinstance(value, LineList):
        raise GlossaryError(f"{shown}:{item.key_lines[key]}: '{key}' must be a list")
    senses = []
    for v in value:
        if not isinstance(v, LineDict) or not isinstance(v.get("meaning"), str) or set(v) - _SENSE_KEYS:
            line = getattr(v, "line", item.key_lines[key])
            raise GlossaryError(f"{shown}:{line}: each of '{key}' is a mapping {{meaning, cues}}")
        senses.append(Sense(v["meaning"], _strings(v, "cues", shown)))
    return tuple(senses)


def _sections(item: LineDict, shown: str) -> tuple[Section, ...]:
    value = item.get("sections")
    if value is None:
        return ()
    if not isinstance(value, LineList):
        raise GlossaryError(f"{shown}:{item.key_lines['sections']}: 'sections' must be a list")
    sections = []
    for v in value:
        if not isinstance(v, LineDict) or not isinstance(v.get("name"), str) or set(v) - _SECTION_KEYS:
            line = getattr(v, "line", item.key_lines["sections"])
            raise GlossaryError(
                f"{shown}:{line}: each of 'sections' is a mapping with 'name' and any of {', '.join(sorted(_SECTION_KEYS - {'name'}))}"
            )
        for key, text in v.items():
            if not isinstance(text, str):
                raise GlossaryError(f"{shown}:{v.key_lines[key]}: '{key}' must be a string")
        sections.append(Section(**v))
    return tuple(sections)


def _check_forms(glossary: Glossary) -> None:
    """No spelling may belong to two entries: a match must name one entry."""
    owner: dict[str, Entry] = {}
    for entry in glossary.entries:
        forms = {spelling_key(f) for f in (*entry.names(), *(d.form for d in entry.deprecated))}
        for form in forms:
            other = owner.get(form)
            if other is not None and other is not entry:
                raise GlossaryError(
                    f"{entry.file}:{entry.line}: spelling '{form}' of '{entry.term}' already belongs to "
                    f"'{other.term}' ({other.file}:{other.line})"
                )
            owner[form] = entry


def _check_spellings(glossary: Glossary) -> None:
    """A spelling in `spellings` keeps one term: it is no other entry's name or spelling."""
    owner: dict[str, Entry] = {}
    for entry in glossary.entries:
        for form in (*entry.names(), *(d.form for d in entry.deprecated)):
            owner.setdefault(spelling_key(form), entry)
    for entry in glossary.entries:
        for form in entry.spellings:
            owner.setdefault(spelling_key(form), entry)
    for entry in glossary.entries:
        for form in entry.spellings:
            other = owner[spelling_key(form)]
            if other is not entry:
                raise GlossaryError(
                    f"{entry.file}:{entry.line}: spelling '{form}' of '{entry.term}' already belongs to "
                    f"'{other.term}' ({other.file}:{other.line})"
                )


def _check_references(glossary: Glossary) -> None:
    for entry in glossary.entries:
        names = {spelling_key(n) for n in entry.names()}
        for section in entry.sections:
            if spelling_key(section.name) not in names:
                raise GlossaryError(
                    f"{entry.file}:{entry.line}: section '{section.name}' is not a name of '{entry.term}'"
                )
        refs = [("company", entry.company)] if entry.company else []
        refs += [("products", p) for p in entry.products]
        refs += [("senses", s.meaning) for s in entry.senses]
        for key, ref in refs:
            if glossary.get(ref) is None:
                raise GlossaryError(f"{entry.file}:{entry.line}: {key} names '{ref}', which is no entry's term")
