"""`yogolint glossary mine`: glossary entries proposed from a team's own documents
(a real excerpt of the Japanese GitLab handbook, tests/fixtures/mine/)."""

from pathlib import Path

import yaml
from click.testing import CliRunner

from linter.cli import main
from linter.glossary import load_glossary

FIXTURES = Path(__file__).parent / "fixtures" / "mine"
EXCERPT = FIXTURES / "gitlab-handbook-excerpt"


def mine(tmp_path, *args: str) -> list[dict]:
    out = tmp_path / "proposals.yaml"
    result = CliRunner().invoke(main, ["glossary", "mine", *args, "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return yaml.safe_load(out.read_text(encoding="utf-8"))["proposals"]


def test_handbook_abbreviations_are_proposed_with_their_expansions(tmp_path):
    proposals = mine(tmp_path, "--no-builtin", "--glossary", str(FIXTURES / "salesforce-only.yaml"), str(EXCERPT))
    by_form = {p["form"]: p for p in proposals}
    assert by_form["CSM"]["entry"] == {
        "term": "CSM",
        "kind": "abbreviation",
        "expansions": ["Customer Success Manager"],
    }
    assert by_form["AE"]["entry"]["expansions"] == ["Account Executive", "アカウントエグゼクティブ"]
    assert by_form["ARR"]["entry"]["expansions"] == ["年間経常収益"]
    # Salesforce (SFDC): a deprecated spelling of the entry the team already has
    assert by_form["SFDC"]["proposal"] == "deprecated-spelling"
    assert by_form["SFDC"]["entry"] == {"term": "Salesforce", "deprecated": ["SFDC"]}
    # evidence: counts and up to three file:line examples that really hold the letters
    csm = by_form["CSM"]["evidence"]
    assert csm["documents"] == 4 and csm["uses"] == 11 and len(csm["examples"]) == 3
    for example in csm["examples"]:
        file, line = example.rsplit(":", 1)
        assert "CSM" in Path(file).read_text(encoding="utf-8").splitlines()[int(line) - 1]
    # ranked by documents affected
    documents = [p["evidence"]["documents"] for p in proposals]
    assert documents == sorted(documents, reverse=True)


def test_proposed_entries_paste_into_a_glossary(tmp_path):
    proposals = mine(tmp_path, "--no-builtin", "--glossary", str(FIXTURES / "salesforce-only.yaml"), str(EXCERPT))
    new = [p["entry"] for p in proposals if p["proposal"] == "abbreviation"]
    pasted = tmp_path / "pasted.yaml"
    pasted.write_text(yaml.safe_dump({"entries": new}, allow_unicode=True), encoding="utf-8")
    glossary = load_glossary([pasted], builtin=False)
    assert glossary.get("CSM").expansions == ("Customer Success Manager",)


def test_what_the_glossary_knows_is_not_proposed(tmp_path):
    # the built-in glossary knows CSM (and its expansion) and has Salesforce
    forms = {p["form"] for p in mine(tmp_path, str(EXCERPT))}
    assert "CSM" not in forms and "Salesforce" not in forms
    assert "ARR" in forms


def test_variants_script_pairs_and_company_names_are_proposed(tmp_path):
    proposals = mine(
        tmp_path,
        "--no-builtin",
        "--glossary",
        str(FIXTURES / "salesforce-only.yaml"),
        str(FIXTURES / "gitlab-handbook-variants"),
    )
    by_kind = {p["proposal"]: p for p in proposals}
    # the majority spelling is proposed as canonical
    assert by_kind["spelling-variants"]["entry"] == {
        "term": "カテゴリー",
        "kind": "concept",
        "deprecated": ["カテゴリ"],
    }
    assert by_kind["spelling-variants"]["evidence"]["uses"] == 3
    assert by_kind["spelling-variants"]["evidence"]["examples"][0].endswith("contact-role-tagging.md:1")
    assert by_kind["latin-katakana"]["entry"] == {
        "term": "オペレーショナル・エクセレンス",
        "kind": "concept",
        "variants": ["Operational Excellence"],
    }
    # GitLab Inc. and 「GitLab で管理する」: a company name used like a product
    assert by_kind["company-as-product"]["form"] == "GitLab"
    assert by_kind["company-as-product"]["evidence"]["documents"] == 2


def test_mining_a_folder_without_documents_is_a_clear_error(tmp_path):
    (tmp_path / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["glossary", "mine", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"yogolint: {tmp_path}: no Markdown or text files to read\n"
