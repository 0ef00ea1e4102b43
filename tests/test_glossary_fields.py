"""Every field of the MOps seed is in the glossary, in the seed's words."""

import pytest
from seed_page import four_field_blocks, seed_000

from linter.glossary import GlossaryError, load_glossary


def _all_texts(glossary) -> dict[str, set[str]]:
    """field → every text of that field in entries and their sections."""
    texts: dict[str, set[str]] = {}
    for entry in glossary.entries:
        for item in (entry, *entry.sections):
            for key in ("definition", "house_usage", "ops_note", "pitfall", "next_step", "recommended_for", "note"):
                if getattr(item, key):
                    texts.setdefault(key, set()).add(getattr(item, key))
    return texts


def test_the_seed_has_70_terms_with_four_fields():
    assert len(four_field_blocks()) == 70


def test_every_seed_field_is_carried_verbatim():
    texts = _all_texts(load_glossary())
    missing = [
        (b.heading, key, text)
        for b in seed_000()
        for key, text in b.fields.items()
        if text not in texts.get(key, set())
    ]
    assert missing == []


def test_each_seed_term_is_on_the_page_in_its_topic():
    glossary = load_glossary()
    topics = {(item.definition, item.topic) for e in glossary.entries for item in (e, *e.sections)}
    assert all((b.fields["definition"], b.topic) in topics for b in seed_000())


def test_explain_shows_every_page_field(cli):
    out = cli("explain", "RevOps").stdout
    for label in ("定義:", "当社での扱い:", "Ops視点の一言:", "よくある失敗:", "次の一手:", "分類: 横断Ops"):
        assert label in out, label
    assert "■ Revenue Operations" in out  # the seed's second block on the same entry
    assert "推奨の目安: 部署/拠点/承認/連携が増える見込みが高い会社向け。" in cli("explain", "Salesforce").stdout


@pytest.mark.parametrize(
    "text, line, words",
    [
        (
            "entries:\n  - term: A\n    kind: concept\n    sections:\n      - name: B\n",
            2,
            "section 'B' is not a name of 'A'",
        ),
        (
            "entries:\n  - term: A\n    kind: concept\n    sections:\n      - {name: A, colour: red}\n",
            5,
            "each of 'sections'",
        ),
        ("entries:\n  - term: A\n    kind: concept\n    ops_note: [x]\n", 4, "'ops_note' must be a string"),
        ("title: [x]\nentries: []\n", 1, "'title' must be a string"),
    ],
)
def test_page_field_errors_name_file_and_line(tmp_path, text, line, words):
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        load_glossary([path], builtin=False)
    assert str(info.value).startswith(f"{path}:{line}: ") and words in str(info.value), str(info.value)


def test_topic_defaults_to_the_file_title(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(
        "title: 社内用語\nentries:\n  - term: 稟議\n    kind: concept\n"
        "  - term: 決裁\n    kind: concept\n    topic: 承認\n",
        encoding="utf-8",
    )
    glossary = load_glossary([path], builtin=False)
    assert [e.topic for e in glossary.entries] == ["社内用語", "承認"]
