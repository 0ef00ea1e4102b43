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
