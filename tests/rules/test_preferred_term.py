"""preferred-term: deprecated spellings → canonical, every occurrence, fixable."""


def test_katakana_and_miscased_product_names_are_reported_with_the_canonical(lint):
    text = "来期はセールスフォースからハブスポットへ移行し、Hubspotの設定はServiceCloud側と合わせる。\n"
    found = lint(text, rule="preferred-term")
    assert [(d.term, d.suggestions) for d in found] == [
        ("セールスフォース", ["Salesforce"]),
        ("ハブスポット", ["HubSpot"]),
        ("Hubspot", ["HubSpot"]),
        ("ServiceCloud", ["Service Cloud"]),
    ]
    assert found[0].message == "セールスフォース → Salesforce (製品名は公式表記で)"
    assert all(d.fix is not None and d.fix.replacement == d.suggestions[0] for d in found)


def test_every_occurrence_is_reported(lint):
    text = "フレッシュデスクの設定。\n\nフレッシュデスクの運用。\n"
    found = lint(text, rule="preferred-term")
    assert [(d.line, d.term) for d in found] == [(1, "フレッシュデスク"), (3, "フレッシュデスク")]


def test_the_expansion_of_sfa_is_not_a_misspelling_of_salesforce(lint):
    assert lint("SFA(Sales Force Automation)を導入する。\n", rule="preferred-term") == []


def test_paths_and_identifiers_are_not_prose(lint):
    text = "設定ファイル config/hubspot_token.yaml と hubspot-sync-job を確認する。\n"
    assert lint(text, name="memo.txt", rule="preferred-term") == []
