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
        ("entries:\n  - term: A\n    kind: product\n    deprecated: [エー]\n  - term: B\n    kind: product\n    deprecated: [エー]\n", 5, "already belongs to 'A'"),
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
    path.write_text("entries:\n  - term: Salesforce\n    kind: product\n    definition: 当社の標準CRM\n", encoding="utf-8")
    merged = load_glossary([path])
    assert merged.get("Salesforce").definition == "当社の標準CRM"
