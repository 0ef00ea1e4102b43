"""The glossary loader validates and names file and line."""

import pytest

from linter.glossary import GlossaryError, load_glossary


def load(tmp_path, text):
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    return load_glossary([path], builtin=False), path


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("entries:\n  - term: A\n    kind: product\n    colour: red\n", 4, "unknown key 'colour'"),
        ("entries:\n  - term: A\n    kind: gadget\n", 3, "kind 'gadget'"),
        ("entries:\n  - term: A\n    kind: product\n    variants: 3\n", 4, "'variants' must be"),
        ("entries:\n  - term: A\n    kind: product\n  - term: A\n    kind: concept\n", 4, "already defined at"),
        (
            "entries:\n  - term: A\n    kind: product\n    deprecated: [エー]\n  - term: B\n    kind: product\n    deprecated: [エー]\n",
            5,
            "already belongs to 'A'",
        ),
        ("entries:\n  - term: A\n    kind: product\n    company: Nobody\n", 2, "names 'Nobody'"),
        ("entries:\n  - term: A\n    kind: [\n", 4, "invalid YAML"),
        ("entries:\n  - !!python/object/apply:os.system [echo]\n", 2, "could not determine a constructor"),
    ],
)
def test_errors_name_the_file_and_line(tmp_path, text, line, words):
    with pytest.raises(GlossaryError) as info:
        load(tmp_path, text)
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'g.yaml'}:{line}: "), message
    assert words in message


def test_builtin_glossary_loads_and_user_entries_override(tmp_path):
    builtin = load_glossary()
    assert builtin.get("Salesforce") is not None
    path = tmp_path / "team.yaml"
    path.write_text(
        "entries:\n  - term: Salesforce\n    kind: product\n    definition: 当社の標準CRM\n", encoding="utf-8"
    )
    merged = load_glossary([path])
    assert merged.get("Salesforce").definition == "当社の標準CRM"


def test_a_glossary_read_again_from_the_parsed_cache_is_the_same_and_fails_the_same(tmp_path, monkeypatch):
    """The second load is served from the JSON cache (no YAML parsing); the
    entries and a validation error, with its line, must not change."""
    monkeypatch.setenv("YOGOLINT_CACHE_DIR", str(tmp_path / "cache"))
    good = tmp_path / "good.yaml"
    good.write_text(
        "entries:\n  - term: セールスフォース\n    kind: product\n    variants: [Salesforce]\n"
        "    deprecated: [{form: SFDC, message: 社内略称}]\n",
        encoding="utf-8",
    )
    first = load_glossary([good], builtin=False)
    assert len(list((tmp_path / "cache" / "yaml").glob("*.json"))) == 1
    again = load_glossary([good], builtin=False)
    assert again.entries == first.entries
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - term: A\n    kind: product\n    colour: red\n", encoding="utf-8")
    for _ in range(2):  # parsed, then cached: the same one line
        with pytest.raises(GlossaryError, match=rf"^{tmp_path / 'bad.yaml'}:4: unknown key 'colour'"):
            load_glossary([bad], builtin=False)


def test_a_damaged_cache_file_is_ignored_and_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("YOGOLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "g.yaml"
    path.write_text(
        "entries:\n  - term: HubSpot\n    kind: product\n    deprecated: [ハブスポット]\n", encoding="utf-8"
    )
    expected = load_glossary([path], builtin=False).entries
    for cached in (tmp_path / "cache" / "yaml").glob("*.json"):
        cached.write_text('{"line": 1, "items": [["entries", 1', encoding="utf-8")
    assert load_glossary([path], builtin=False).entries == expected
    monkeypatch.setenv("YOGOLINT_CACHE_DIR", "")
    path.write_text(path.read_text(encoding="utf-8").replace("HubSpot", "Marketo"), encoding="utf-8")
    assert [e.term for e in load_glossary([path], builtin=False).entries] == ["Marketo"]
    assert len(list((tmp_path / "cache" / "yaml").glob("*.json"))) == 1
