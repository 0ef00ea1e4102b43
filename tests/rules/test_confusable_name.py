"""confusable-name: a company name where its product is meant."""


def test_crm_context_suggests_freshsales(lint):
    [d] = lint("毎朝Freshworksにログインして商談のステージを更新する。\n", rule="confusable-name")
    assert d.term == "Freshworks"
    assert d.suggestions[0] == "Freshsales"
    assert d.fix is not None and d.fix.replacement == "Freshsales"


def test_ticket_context_suggests_freshdesk(lint):
    [d] = lint("問い合わせはすべてFreshworksのチケットで管理する。\n", rule="confusable-name")
    assert d.suggestions[0] == "Freshdesk"


def test_the_company_itself_is_silent(lint):
    text = (
        "Freshworks社の担当者と打ち合わせた。\n\n"
        "FreshworksはFreshsalesとFreshdeskを提供している。\n\n"
        "Freshworksは2021年にNASDAQへ上場した。\n"
    )
    assert lint(text, rule="confusable-name") == []


def test_no_cue_no_guess(lint):
    assert lint("Freshworksについて調べた。\n", rule="confusable-name") == []
