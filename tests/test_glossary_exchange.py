"""TBX-Basic and CSV: the glossary out to termbase tools and back.

The TBX checks are the assertions of LTAC-Global/TBX-Basic_dialect's DCA
Schematron (docs/TBX-Basic_dialect_1.2/DCA/TBX-Basic_DCA.sch) that apply to
the elements yogolint writes, plus the mapping issue 16 asks for."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import main
from linter.glossary import load_glossary

NS = "urn:iso:std:iso:30042:ed-2"
T = f"{{{NS}}}"
FIXTURES = Path(__file__).parent / "fixtures" / "glossary"
ADMINISTRATIVE_STATUS = {
    "admittedTerm-admn-sts",
    "deprecatedTerm-admn-sts",
    "supersededTerm-admn-sts",
    "preferredTerm-admn-sts",
}
TERM_TYPES = {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"}


def run(*args: str):
    return CliRunner().invoke(main, ["glossary", *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tbx") / "glossary.tbx"
    assert run("export", "--format", "tbx", "-o", str(path)).exit_code == 0
    return path


def _parents(root):
    return {child: parent for parent in root.iter() for child in parent}


def test_tbx_follows_the_dca_schematron(exported):
    root = ET.parse(exported).getroot()
    parent = _parents(root)
    # dialectEnforcement: the dialect's name and style; every element in the TBX namespace
    assert root.tag == T + "tbx" and root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    assert all(el.tag.startswith(T) for el in root.iter())
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    for el in root.iter():
        tag = el.tag[len(T) :]
        # coreEnforcement: a declared data category; termNote only in termSec; targets resolve
        if "type" in el.attrib:
            assert el.get("type") != ""
        if tag == "termNote":
            assert parent[el].tag == T + "termSec"
        if "target" in el.attrib:
            assert re.match(r"https?://.+", el.get("target")) or el.get("target") in ids
        kind = el.get("type")
        if tag == "termNote" and kind == "administrativeStatus":
            assert el.text in ADMINISTRATIVE_STATUS
        if tag == "termNote" and kind == "termType":
            assert el.text in TERM_TYPES
        if tag == "descrip" and kind == "subjectField":
            assert parent[el].tag == T + "conceptEntry"
        if tag == "descrip" and kind == "definition":
            assert parent[el].tag in (T + "conceptEntry", T + "langSec")
        if tag == "ref" and kind == "crossReference":
            assert parent[el].tag in (T + "conceptEntry", T + "termSec")
    # the core structure (TBXcoreStructV03): conceptEntry = @id, aux info, langSec+;
    # langSec = @xml:lang, (aux info | termSec)+; termSec = term, termNote*, aux info
    for concept in root.iter(T + "conceptEntry"):
        assert concept.get("id")
        tags = [child.tag for child in concept]
        first_lang = tags.index(T + "langSec")
        assert all(tag == T + "langSec" for tag in tags[first_lang:])
        for lang in concept.findall(T + "langSec"):
            assert lang.get("{http://www.w3.org/XML/1998/namespace}lang") in ("ja", "en")
            assert lang.findall(T + "termSec")
            for term_sec in lang.findall(T + "termSec"):
                tags = [child.tag for child in term_sec]
                assert tags[0] == T + "term" and tags.count(T + "term") == 1
                notes_end = next((i for i, tag in enumerate(tags[1:], 1) if tag != T + "termNote"), len(tags))
                assert T + "termNote" not in tags[notes_end:]


def _concept(root, term: str):
    for concept in root.iter(T + "conceptEntry"):
        terms = {t.findtext(T + "term"): t for t in concept.iter(T + "termSec")}
        if term in terms:
            return concept, terms
    raise AssertionError(term)


def _status(term_sec) -> tuple[str, str]:
    notes = {n.get("type"): n.text for n in term_sec.findall(T + "termNote")}
    return notes["administrativeStatus"], notes["termType"]


def test_tbx_maps_entries_names_and_topics(exported):
    root = ET.parse(exported).getroot()
    assert len(root.findall(f".//{T}conceptEntry")) == len(load_glossary().entries)
    concept, terms = _concept(root, "HubSpot")
    assert _status(terms["HubSpot"]) == ("preferredTerm-admn-sts", "fullForm")
    assert _status(terms["ハブスポット"]) == ("deprecatedTerm-admn-sts", "variant")
    assert concept.findtext(T + "descrip[@type='subjectField']") == "製品名(混同しやすい固有名詞)"
    langs = {
        lang.get("{http://www.w3.org/XML/1998/namespace}lang"): [
            t.findtext(T + "term") for t in lang.iter(T + "termSec")
        ]
        for lang in concept.findall(T + "langSec")
    }
    assert "HubSpot" in langs["en"] and "ハブスポット" in langs["ja"]
    concept, terms = _concept(root, "MA")
    assert _status(terms["MA"]) == ("preferredTerm-admn-sts", "acronym")
    assert _status(terms["マーケティングオートメーション"]) == ("admittedTerm-admn-sts", "fullForm")
    ja = concept.find(T + "langSec[@{http://www.w3.org/XML/1998/namespace}lang='ja']")
    assert (
        ja.findtext(T + "descrip[@type='definition']")
        == "見込み客にメール等を自動で届け、反応に応じて次の案内を変え、商談化を促す仕組み。"
    )
    notes = [n.text for n in concept.findall(T + "note")]
    assert "Ops視点の一言: MAは「導線・同意・引き渡し条件・体制」が揃わないと動きません。" in notes
    assert "次の一手: 導線(CV)→同意→MQL/SQL→SLA→制作体制の順に固める。" in notes


def test_tbx_round_trip_is_byte_identical(tmp_path, exported):
    imported = tmp_path / "imported.yaml"
    assert run("import", str(exported), "-o", str(imported)).exit_code == 0
    again = tmp_path / "again.tbx"
    assert (
        run("export", "--no-builtin", "--glossary", str(imported), "--format", "tbx", "-o", str(again)).exit_code == 0
    )
    assert again.read_bytes() == exported.read_bytes()
    # and the published page is the same page
    pages = [run("export", *extra).stdout_bytes for extra in ((), ("--no-builtin", "--glossary", str(imported)))]
    assert pages[0] == pages[1]


def test_csv_is_excel_utf8_one_row_per_name_and_round_trips(tmp_path):
    path = tmp_path / "glossary.csv"
    assert run("export", "--format", "csv", "-o", str(path)).exit_code == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    glossary = load_glossary()
    assert len(rows) == sum(1 + len(e.names()) - 1 + len(e.deprecated) for e in glossary.entries)
    hubspot = {r["name"]: r["status"] for r in rows if r["term"] == "HubSpot"}
    assert hubspot["HubSpot"] == "preferred" and hubspot["ハブスポット"] == "deprecated"
    imported = tmp_path / "imported.yaml"
    assert run("import", str(path), "-o", str(imported)).exit_code == 0
    again = tmp_path / "again.csv"
    assert (
        run("export", "--no-builtin", "--glossary", str(imported), "--format", "csv", "-o", str(again)).exit_code == 0
    )
    assert again.read_bytes() == data


def test_a_sheet_written_by_hand_imports(tmp_path):
    sheet = tmp_path / "terms.csv"
    sheet.write_text(
        "term,name,status,kind,definition,担当\n"
        "稟議,稟議,preferred,用語,決裁を文書で得る社内手続き。,総務部\n"
        "稟議,りん議,deprecated,,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "team.yaml"
    assert run("import", str(sheet), "-o", str(out)).exit_code == 0
    entry = load_glossary([out], builtin=False).get("稟議")
    assert (entry.kind, entry.definition, [d.form for d in entry.deprecated]) == (
        "concept",
        "決裁を文書で得る社内手続き。",
        ["りん議"],
    )
    assert entry.note == "担当: 総務部"  # a column the glossary has no field for


def test_a_handwritten_tbx_in_the_examples_style_imports(tmp_path):
    out = tmp_path / "team.yaml"
    result = run("import", str(FIXTURES / "handwritten.tbx"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    glossary = load_glossary([out], builtin=False)
    deal = glossary.get("案件")
    assert deal.topic == "営業管理"
    assert deal.definition == "受注に至る前の、提案中の取引の単位。商談とも呼ぶ。"  # wrapped line joined
    assert [d.form for d in deal.deprecated] == ["引合い"]  # supersededTerm → deprecated
    assert deal.expansions == ("deal",)
    # data categories without a glossary field are kept as notes
    for kept in (
        "context: 今週は新規の案件が3件増えた。",
        "source: 営業部ハンドブック 2024",
        "旧営業システムでの呼び方。",
    ):
        assert kept in deal.note
    sfa = glossary.get("SFA")
    assert sfa.kind == "abbreviation"  # a preferred acronym
    assert sfa.expansions == ("Sales Force Automation", "営業支援システム")
    assert "xGraphic: pipeline.png (https://example.com/img/pipeline.png)" in sfa.note


TBX_HEAD = '<?xml version="1.0"?>\n<tbx type="TBX-Basic" style="dca" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>\n'


@pytest.mark.parametrize(
    "name, text, words",
    [
        (
            "bad.tbx",
            TBX_HEAD + '<conceptEntry id="c1"><langSec xml:lang="ja"><termSec><term>案件</term>\n'
            '<termNote type="administrativeStatus">recommended</termNote></termSec></langSec></conceptEntry></body></text></tbx>',
            ":4: <termNote type=\"administrativeStatus\"> of '案件': 'recommended' is not one of",
        ),
        (
            "empty.tbx",
            TBX_HEAD + '<conceptEntry id="c1"><langSec xml:lang="ja">\n<termSec><term/></termSec></langSec>'
            "</conceptEntry></body></text></tbx>",
            ":4: <termSec>: needs exactly one non-empty <term>",
        ),
        (
            "bomb.tbx",
            '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY a "aaaa">]>\n<tbx/>',
            ":2: DOCTYPE and entity declarations",
        ),
        ("broken.tbx", TBX_HEAD + "<conceptEntry>\n</body>", ":4: not well-formed XML (mismatched tag)"),
        (
            "twice.tbx",
            TBX_HEAD + '<conceptEntry id="c1"><langSec xml:lang="ja"><termSec><term>案件</term></termSec>'
            '</langSec></conceptEntry>\n<conceptEntry id="c2"><langSec xml:lang="ja"><termSec><term>案件</term></termSec>'
            "</langSec></conceptEntry></body></text></tbx>",
            ":4: <termSec> of '案件': term '案件' is already a term of another concept",
        ),
        (
            "status.csv",
            "\ufeffterm,name,status\n案件,案件,preferred\n案件,引合い,obsolete\n",
            ": row 3: status 'obsolete' is not one of preferred, admitted, deprecated",
        ),
        ("header.csv", "用語,表記\n案件,案件\n", ": row 1: the header needs the column 'term'"),
        ("notes.txt", "案件", ": cannot import '.txt' files"),
        ("kind.csv", "term,name,status,kind\n案件,案件,preferred,gadget\n", "kind 'gadget' is not one of"),
    ],
)
def test_import_errors_name_the_file_and_the_element_or_row(tmp_path, name, text, words):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"yogolint: {path}") and words in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
