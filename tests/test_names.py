"""Names and identifiers in real text (linter.names): the contract the rules
share. Examples quoted from the GitLab handbook and Adobe Marketo pages."""

import pytest

from linter.names import english_name_span, in_identifier


def _span(text: str, word: str, finder):
    start = text.index(word)
    return finder(text, start, start + len(word))


@pytest.mark.parametrize(
    "text, word",
    [
        ("| CS-Team | CS-Team::RM |", "CS"),
        ("CSOps::Triage ラベル", "CSOps"),
        ("パラメーター（utm_source=marketo）をスキャン", "marketo"),
        ("#cs-support チャンネル", "support"),
        ("「MQL-01」のタッチポイント", "MQL"),
        ("cs_owner フィールド", "cs"),
        ("MarketingOpsAdvice.com を参照", "MarketingOps"),
        ("includes/dynamics365-sales.md を開く", "sales"),
    ],
)
def test_identifiers(text, word):
    assert _span(text, word, in_identifier)


@pytest.mark.parametrize(
    "text, word",
    [
        ("MQL/SQLの条件", "SQL"),
        ("Sales & CS Onboarding", "CS"),
        ("**CSOps - CSM** - CSM チームから", "CSM"),
        ("SalesOPS: Waiting on SFDC License", "SalesOPS"),
        ("CS. 次へ", "CS"),
        ("LTV=平均単価×継続期間", "LTV"),
    ],
)
def test_prose_is_not_an_identifier(text, word):
    assert not _span(text, word, in_identifier)


@pytest.mark.parametrize(
    "text, word, name",
    [
        ("[VP of Customer Success Management](/x) の直属", "Customer Success", "VP of Customer Success Management"),
        ("Renewal Forecast Health フィールド", "Forecast", "Renewal Forecast Health"),
        ("Inactive Landing Page を削除", "Landing Page", "Inactive Landing Page"),
        ("[Commercial Sales - Customer Success](/x)", "Customer Success", "Commercial Sales - Customer Success"),
        ("Sales & CS Onboarding Board", "CS", "Sales & CS Onboarding Board"),
        ("Q1 FY24 Field Enablement Results", "Enablement", "Q1 FY24 Field Enablement Results"),
        ("[Vice President, Customer Success](/x) に報告", "Customer Success", "Vice President, Customer Success"),
        ("Customer Success, Sales の各チーム", "Customer Success", "Customer Success, Sales"),
    ],
)
def test_english_names(text, word, name):
    start, end = _span(text, word, english_name_span)
    assert text[start:end] == name


@pytest.mark.parametrize(
    "text, word",
    [
        ("Customer Success の指標は解約率", "Customer Success"),
        ("Enablement、Comms、Content のリズム", "Enablement"),
        ("1. Sales Enablement\n    - [Enterprise", "Sales Enablement"),
        ("Field Comms と Enablement のモーション", "Enablement"),
        ("Customer Success（カスタマーサクセス）", "Customer Success"),
        ("Customer Success, と", "Customer Success"),
        ("これは, Customer Success の", "Customer Success"),
    ],
)
def test_a_name_standing_alone_is_no_english_name(text, word):
    assert _span(text, word, english_name_span) is None
