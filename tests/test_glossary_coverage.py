"""The glossary covers the seed glossaries it was written from.

- Every item of the table of contents of the MOps/RevOps seed (000) is a name
  (term, variant, expansion or abbreviation) of some entry.
- Every `XXX (Full Name) とは` heading of the lead-type seed (003) is an
  abbreviation whose full name is an expansion of the same entry.

Plus the few structural facts the rules depend on (the abbreviations that
need a definition, the ambiguous short forms, SQL's other meaning, team
names that are roles, Freshworks and its products).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"
GLOSSARY_DIR = ROOT / "glossary"

# A table-of-contents item may be a glossary name followed by a generic word
# that is not part of the term ("GTM戦略" is the entry GTM).
GENERIC_SUFFIXES = ("戦略",)
QUALIFIER = re.compile(r"[(（][^)）]*[)）]")


# --- loading -----------------------------------------------------------------


@dataclass
class _Entry:
    """Stand-in for linter.glossary.Entry when only plain YAML is available."""

    term: str
    kind: str
    raw: dict

    def _list(self, key):
        return tuple(self.raw.get(key) or ())

    @property
    def variants(self):
        return self._list("variants")

    @property
    def expansions(self):
        return self._list("expansions")

    @property
    def abbreviations(self):
        return self._list("abbreviations")

    @property
    def products(self):
        return self._list("products")

    @property
    def cues(self):
        return self._list("cues")

    @property
    def senses(self):
        return tuple(_Sense(s["meaning"], tuple(s.get("cues") or ())) for s in self.raw.get("senses") or ())

    @property
    def other_meanings(self):
        return tuple(_Sense(s["meaning"], tuple(s.get("cues") or ())) for s in self.raw.get("other_meanings") or ())

    @property
    def deprecated(self):
        return tuple(d if isinstance(d, str) else d["form"] for d in self.raw.get("deprecated") or ())

    def names(self):
        return (self.term, *self.variants, *self.expansions, *self.abbreviations)


@dataclass
class _Sense:
    meaning: str
    cues: tuple


def _yaml_entries():
    entries = []
    for path in sorted(GLOSSARY_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for raw in data.get("entries") or []:
            entries.append(_Entry(raw["term"], raw["kind"], raw))
    return entries


@pytest.fixture(scope="module")
def entries():
    """The engine's loader when it is there (it also validates), else plain YAML."""
    try:
        from linter.glossary import load_glossary
    except ImportError:
        return _yaml_entries()
    return list(load_glossary().entries)


@pytest.fixture(scope="module")
def names(entries):
    """Every admitted name → the entry it belongs to."""
    table = {}
    for entry in entries:
        for name in entry.names():
            table[name] = entry
    return table


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"seed folder {SEEDS} not found")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    assert found, f"no seed {prefix}_*.txt in {SEEDS}"
    return found[0].read_text(encoding="utf-8")


# --- seed 000: table of contents ---------------------------------------------


def toc_items(text: str) -> list[str]:
    """Items of the table of contents after `用語集 目次`.

    Items end with ` /` except the last of each section; a line that is not an
    item is a section heading. The table ends where a section heading repeats
    (the body starts with the first section again).
    """
    lines = [line.strip() for line in text.splitlines()]
    start = lines.index("用語集 目次") + 1
    items, sections = [], set()
    previous_was_item = False
    for line in lines[start:]:
        if not line:
            continue
        if line.endswith("/"):
            items.append(line.rstrip("/").strip())
            previous_was_item = True
        elif previous_was_item:
            items.append(line)
            previous_was_item = False
        else:
            if line in sections:
                break
            sections.add(line)
    return items


def heading_name(item: str) -> str:
    """`CRO(最適化)` → `CRO`, `CV(Conversion)` → `CV`."""
    return QUALIFIER.sub("", item).strip()


def covered(item: str, names) -> bool:
    name = heading_name(item)
    if name in names:
        return True
    return any(name.endswith(s) and name[: -len(s)] in names for s in GENERIC_SUFFIXES)


def test_toc_parser_reads_every_section():
    items = toc_items(_seed("000"))
    assert len(items) > 60
    for expected in ("MOps", "コンポーザビリティ", "CRO(最適化)", "CRO(役職)", "顧客台帳", "Service Cloud"):
        assert expected in items
    assert not any("寄り" in item or item.startswith("横断Ops") for item in items)


def test_every_seed_000_heading_is_a_glossary_name(names):
    missing = [item for item in toc_items(_seed("000")) if not covered(item, names)]
    assert not missing, f"seed 000 headings with no glossary entry: {missing}"


# --- seed 003: `XXX (Full Name) とは` ----------------------------------------

LEAD_HEADING = re.compile(r"^(\S+) \(([^)]+)\) とは", re.MULTILINE)


def test_seed_003_parser_finds_headings():
    found = [m.group(1) for m in LEAD_HEADING.finditer(_seed("003"))]
    assert {"PQL", "SAL", "MQA", "SQL", "MQL", "MAU", "LTV", "OKR", "KPI", "KGI"} <= set(found)


@pytest.mark.parametrize("index", range(10))
def test_seed_003_abbreviation_and_expansion(index, names):
    headings = LEAD_HEADING.findall(_seed("003"))
    if index >= len(headings):
        pytest.skip("fewer headings")
    short, full = headings[index]
    assert short in names, f"{short} is no glossary name"
    entry = names[short]
    assert entry.kind == "abbreviation"
    assert full in entry.expansions, f"{full} is not an expansion of {entry.term}"


# --- what the rules need -------------------------------------------------------

# The abbreviations undefined-abbreviation reports (shared/eval/README.md).
NEED_DEFINITION = """MQL SQL SAL PQL MQA SLA CAC CPMQL LTV CLV ABM ABR PLG CDP MA SFA GTM OKR
KGI MAU LP CV CVR UTM CMO NPS CSAT BI ERP IS iPaaS RevOps MOps""".split()
WELL_KNOWN = "CRM KPI ROI SaaS API CSV SNS SEO URL PDF IT AI ID".split()


@pytest.mark.parametrize("short", NEED_DEFINITION + WELL_KNOWN)
def test_abbreviation_has_expansions(short, names):
    entry = names.get(short)
    assert entry is not None, f"{short} is no glossary name"
    assert entry.kind == "abbreviation"
    assert short == entry.term or short in entry.variants
    assert entry.expansions, f"{entry.term} has no expansions"


def _short_names(entry):
    if entry.kind == "abbreviation":
        return (entry.term, *entry.variants, *entry.abbreviations)
    return tuple(entry.abbreviations)


def test_no_other_short_form_would_be_reported(entries):
    """undefined-abbreviation reports every short name written in Latin
    letters, except in role entries and ambiguous (senses) entries: any
    name beyond the eval's list would be a finding the labels do not expect."""
    known = set(NEED_DEFINITION) | set(WELL_KNOWN)
    extra = [
        name
        for e in entries
        if e.kind != "role" and not e.senses
        for name in _short_names(e)
        if re.search(r"[A-ZＡ-Ｚ]", name) and name not in known
    ]
    assert not extra, f"short forms {extra} would need a definition: add them to NEED_DEFINITION or WELL_KNOWN"


@pytest.mark.parametrize(
    "short,meanings",
    [
        ("CS", {"カスタマーサポート", "カスタマーサクセス"}),
        ("CRO", {"コンバージョン率最適化", "最高収益責任者"}),
    ],
)
def test_ambiguous_short_forms(short, meanings, names, entries):
    entry = names[short]
    assert entry.kind == "abbreviation" and not entry.expansions
    assert {s.meaning for s in entry.senses} == meanings
    terms = {e.term for e in entries}
    for sense in entry.senses:
        assert sense.meaning in terms
        assert len(sense.cues) >= 5


def test_sql_other_meaning(names):
    others = names["SQL"].other_meanings
    assert others and {"クエリ", "SELECT", "テーブル"} <= set(others[0].cues)


@pytest.mark.parametrize("team", ["Sales Ops", "CS Ops", "Marketing Ops", "MTG", "CSM"])
def test_team_names_are_roles(team, names):
    assert names[team].kind == "role"


def test_freshworks_products(names):
    company = names["Freshworks"]
    assert company.kind == "company"
    assert {"Freshsales", "Freshdesk"} <= set(company.products)
    assert {"上場", "買収", "決算"} <= set(company.cues)
    assert {"商談", "CRM"} <= set(names["Freshsales"].cues)
    assert {"チケット", "問い合わせ"} <= set(names["Freshdesk"].cues)


@pytest.mark.parametrize(
    "canonical,wrong",
    [
        ("Salesforce", "セールスフォース"),
        ("HubSpot", "ハブスポット"),
        ("HubSpot", "Hubspot"),
        ("Freshdesk", "フレッシュデスク"),
        ("Service Hub", "Service hub"),
        ("Service Cloud", "ServiceCloud"),
    ],
)
def test_deprecated_product_spellings(canonical, wrong, names):
    deprecated = {d if isinstance(d, str) else d.form for d in names[canonical].deprecated}
    assert wrong in deprecated


def test_sales_force_automation_is_sfa(names):
    assert names["Sales Force Automation"].term == "SFA"


def test_surface_forms_unique():
    """No spelling (any letter case) belongs to two entries, in plain YAML."""
    owner = {}
    for entry in _yaml_entries():
        forms = {f.casefold() for f in (*entry.names(), *entry.deprecated)}
        for form in forms:
            assert form not in owner, f"'{form}' of {entry.term} already belongs to {owner[form]}"
            owner[form] = entry.term
