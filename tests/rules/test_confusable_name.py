"""confusable-name: a company name where its product is meant.

The tests run on a small glossary of their own (GLOSSARY); the ones named
`test_shipped_glossary_…` check the built-in glossary's data.
"""

import pytest

GLOSSARY = """
entries:
  - term: Freshworks
    kind: company
    products: [Freshsales, Freshdesk]
    cues: [上場, 本社, 買収, 決算, 創業]
  - term: Freshsales
    kind: product
    company: Freshworks
    cues: [CRM, 商談, 連絡先, パイプライン]
  - term: Freshdesk
    kind: product
    company: Freshworks
    cues: [チケット, 問い合わせ, サポート]
"""


@pytest.fixture
def check(lint_with):
    return lint_with(GLOSSARY)


def test_crm_context_suggests_freshsales(check):
    [d] = check("毎朝Freshworksにログインして商談のステージを更新する。\n", rule="confusable-name")
    assert d.term == "Freshworks"
    assert d.suggestions[0] == "Freshsales"
    assert d.fix is not None and d.fix.replacement == "Freshsales" and not d.fix.safe


def test_ticket_context_suggests_freshdesk(check):
    [d] = check("問い合わせはすべてFreshworksのチケットで管理する。\n", rule="confusable-name")
    assert d.suggestions[0] == "Freshdesk"


def test_the_company_itself_is_silent(check):
    text = (
        "Freshworks社の担当者と打ち合わせた。\n\n"
        "FreshworksはFreshsalesとFreshdeskを提供している。\n\n"
        "Freshworksは2021年にNASDAQへ上場した。\n"
    )
    assert check(text, rule="confusable-name") == []


def test_no_cue_no_guess(check):
    assert check("Freshworksについて調べた。\n", rule="confusable-name") == []


def test_shipped_glossary_freshworks_products(lint):
    [d] = lint("FreshworksでCRMを運用する。\n", rule="confusable-name")
    assert d.suggestions[0] == "Freshsales"
