"""Candidates become words only on Sudachi token boundaries; folding finds variants."""


def terms(lint, text, rule=None, name="doc.md"):
    return [(d.rule, d.term) for d in lint(text, name=name, rule=rule)]


def test_letters_inside_longer_words_are_not_the_term(lint):
    text = "CSVで出力し、PostgreSQLに入れ、MAUを数え、CSSを直し、CROSS JOINとMICROを使う。\n"
    found = {term for _, term in terms(lint, text)}
    assert found.isdisjoint({"CS", "SQL", "MA", "CRO"})
    assert "MAU" in found  # its own abbreviation, undefined here


def test_width_and_case_variants_are_found_at_their_original_positions(lint):
    text = "ﾌﾚｯｼｭﾃﾞｽｸとhubspotとＳａｌｅｓＦｏｒｃｅの比較\n"
    found = lint(text, rule="preferred-term")
    assert [(d.term, d.column, d.end_column, d.suggestions[0]) for d in found] == [
        ("ﾌﾚｯｼｭﾃﾞｽｸ", 1, 10, "Freshdesk"),
        ("hubspot", 11, 18, "HubSpot"),
        ("ＳａｌｅｓＦｏｒｃｅ", 19, 29, "Salesforce"),
    ]


def test_canonical_spellings_and_longer_terms_are_silent(lint):
    text = "HubSpotのService HubとSalesforceのService Cloud。SFA(Sales Force Automation)の話。\n"
    assert terms(lint, text, rule="preferred-term") == []


def test_a_compound_that_is_another_word_blocks_the_short_term(lint):
    text = "見込み客のリードタイムを短くする。\n"
    assert [d for d in lint(text) if d.term == "リード"] == []


def test_capitalised_english_is_not_an_abbreviation(lint):
    text = "THE LICENSED MATERIAL IS PROVIDED AS-IS.\n\nインサイドセールスの体制。ISの人数は5名。\n"
    found = [(d.line, d.term) for d in lint(text, name="memo.txt", rule="undefined-abbreviation")]
    assert found == [(3, "IS")]


def test_context_words_in_inline_code_decide_another_meaning(lint):
    text = "このディレクティブは、SQLキーワード`SELECT`にちなんで名付けられた。\n"
    assert lint(text, rule="undefined-abbreviation") == []


def test_an_edited_document_gets_the_same_findings_with_kept_segmentations(monkeypatch):
    """The language server keeps the blocks it segmented: a re-lint after an
    edit finds what a fresh process finds, in the edited block and the rest."""
    from pathlib import Path

    from linter import tokenizer
    from linter.api import lint_text
    from linter.workspace import Options, Workspace

    monkeypatch.setattr(tokenizer, "_kept", None)  # restored afterwards, as for every other process
    path = Path(__file__).resolve().parents[1] / "examples" / "proposal-crm-migration.md"
    text = path.read_text(encoding="utf-8")
    edited = text.replace("\n\n", "\n\n営業部門はセールスフォースとCSの体制を見直します。ユーザの同意を得ます。\n\n", 1)

    def found(workspace, source):
        return [(d.line, d.column, d.rule, d.term, d.suggestions) for d in lint_text(workspace, path, source)]

    fresh = found(Workspace(Options()), edited)
    tokenizer.keep_segmentations(limit=64)
    workspace = Workspace(Options())
    found(workspace, text)
    assert found(workspace, edited) == fresh
    assert ("preferred-term", "セールスフォース") in {(rule, term) for _, _, rule, term, _ in fresh}


def test_kept_segmentations_stay_within_their_limit(monkeypatch):
    from linter import tokenizer

    monkeypatch.setattr(tokenizer, "_kept", None)
    tokenizer.keep_segmentations(limit=3)
    sentences = [f"{n}件目の見積もりを送付します。" for n in range(5)]
    for sentence in sentences:
        tokenizer.tokenize(sentence)
    assert list(tokenizer._kept) == sentences[2:]
    assert tokenizer.tokenize(sentences[0], 10)[0].start == 10  # read again, shifted like any other
