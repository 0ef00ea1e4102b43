"""preferred-term: deprecated spellings → canonical, every occurrence, fixable.

The tests run on a small glossary of their own (GLOSSARY); the ones named
`test_shipped_glossary_…` check the built-in glossary's data.
"""

import pytest

GLOSSARY = """
entries:
  - term: Salesforce
    kind: product
    deprecated: [セールスフォース]
  - term: HubSpot
    kind: product
    deprecated: [ハブスポット]
  - term: Service Cloud
    kind: product
    deprecated: [ServiceCloud]
  - term: Freshdesk
    kind: product
    deprecated: [フレッシュデスク]
  - term: Marketo
    kind: product
  - term: SFA
    kind: abbreviation
    expansions: [Sales Force Automation]
"""


@pytest.fixture
def check(lint_with):
    return lint_with(GLOSSARY)


def test_katakana_and_miscased_product_names_are_reported_with_the_canonical(check):
    text = "来期はセールスフォースからハブスポットへ移行し、Hubspotの設定はServiceCloud側と合わせる。\n"
    found = check(text, rule="preferred-term")
    assert [(d.term, d.suggestions) for d in found] == [
        ("セールスフォース", ["Salesforce"]),
        ("ハブスポット", ["HubSpot"]),
        ("Hubspot", ["HubSpot"]),
        ("ServiceCloud", ["Service Cloud"]),
    ]
    assert found[0].message == "セールスフォース → Salesforce (製品名は公式表記で)"
    assert all(d.fix is not None and d.fix.replacement == d.suggestions[0] and d.fix.safe for d in found)


def test_every_occurrence_is_reported(check):
    text = "フレッシュデスクの設定。\n\nフレッシュデスクの運用。\n"
    found = check(text, rule="preferred-term")
    assert [(d.line, d.term) for d in found] == [(1, "フレッシュデスク"), (3, "フレッシュデスク")]


def test_the_expansion_of_sfa_is_not_a_misspelling_of_salesforce(check):
    assert check("SFA(Sales Force Automation)を導入する。\n", rule="preferred-term") == []


def test_paths_and_identifiers_are_not_prose(check):
    text = "設定ファイル config/hubspot_token.yaml と hubspot-sync-job を確認する。\n"
    assert check(text, name="memo.txt", rule="preferred-term") == []


def test_a_tracking_parameter_is_an_identifier(check):
    """GitLab handbook: `utm_source=marketo` must never become `utm_source=Marketo`."""
    text = "キャンペーン URL のパラメーター（utm_source=marketo）をスキャンします。\n"
    assert check(text, rule="preferred-term") == []
    [d] = check("marketo のプログラムを確認します。\n", rule="preferred-term")
    assert d.suggestions == ["Marketo"]


def test_inside_an_english_name_the_fix_is_the_writers_choice(check):
    text = "[Hubspot Integration Guide](/docs/) を読んでから Hubspot にログインします。\n"
    found = check(text, rule="preferred-term")
    assert [(d.column, d.fix.safe) for d in found] == [(2, False), (44, True)]


def test_heading_attributes_are_not_text(check):
    assert check("## 概要 {#salesforce}\n\n本文です。\n", rule="preferred-term") == []
    [d] = check("## salesforce の概要\n", rule="preferred-term")
    assert d.term == "salesforce"


def test_shipped_glossary_product_spellings(lint):
    found = lint("ゼンデスクと ZenDesk のチケットを、ハブスポットに連携する。\n", rule="preferred-term")
    assert [d.suggestions[0] for d in found] == ["Zendesk", "Zendesk", "HubSpot"]
