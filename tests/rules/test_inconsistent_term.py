"""inconsistent-term: two equal names for one concept in one document.

The tests run on a small glossary of their own (GLOSSARY); the ones named
`test_shipped_glossary_…` check the built-in glossary's data.
"""

import pytest

GLOSSARY = """
entries:
  - term: カスタマーサクセス
    kind: concept
    variants: [Customer Success]
  - term: 顧客管理システム
    kind: concept
    variants: [顧客関係管理システム]
  - term: LTV
    kind: abbreviation
    variants: [CLV]
    expansions: [Customer Lifetime Value, 顧客生涯価値]
  - term: MA
    kind: abbreviation
    expansions: [マーケティングオートメーション]
  - term: RevOps
    kind: abbreviation
    expansions: [Revenue Operations, レベニューオペレーション]
  - term: IS
    kind: abbreviation
    expansions: [インサイドセールス, Inside Sales]
  - term: Customer Success Operations
    kind: role
    abbreviations: [CS Ops, CSOps]
  - term: SLA
    kind: abbreviation
    expansions: [Service Level Agreement, サービスレベルアグリーメント]
  - term: セールスイネーブルメント
    kind: concept
    variants: [Sales Enablement]
"""


@pytest.fixture
def check(lint_with):
    return lint_with(GLOSSARY)


def test_minority_variant_is_reported_with_the_dominant_one(check):
    text = (
        "カスタマーサクセスの体制を強化する。\n\n"
        "カスタマーサクセスの担当は2名。\n\n"
        "Customer Successの指標は解約率とする。\n"
    )
    [d] = check(text, rule="inconsistent-term")
    assert (d.line, d.term, d.suggestions) == (5, "Customer Success", ["カスタマーサクセス"])
    assert d.fix is not None and not d.fix.safe  # a choice between names


def test_a_tie_says_so_and_keeps_the_glossarys_first_name(check):
    text = "顧客関係管理システムの比較表を作る。\n\n顧客管理システムを刷新する。\n"
    [d] = check(text, rule="inconsistent-term")
    assert d.term == "顧客関係管理システム" and d.suggestions == ["顧客管理システム"]
    assert "同数" in d.message and "文書内で多い" not in d.message


def test_two_abbreviations_of_one_concept(check):
    text = "LTV(顧客生涯価値)を試算する。LTVは年1回見直す。CLVは業種別に出す。\n"
    [d] = check(text, rule="inconsistent-term")
    assert d.term == "CLV" and d.suggestions == ["LTV"]


def test_an_abbreviation_with_its_own_expansion_is_consistent(check):
    text = "LTVを試算する。顧客生涯価値は粗利ベースで計算する。MA(マーケティングオートメーション)とマーケティングオートメーションの違い。\n"
    assert check(text, rule="inconsistent-term") == []


def test_names_inside_a_definitions_parentheses_do_not_count(check):
    text = "RevOps(Revenue Operations)チームは、レベニューオペレーションの定例を開く。\n"
    assert check(text, rule="inconsistent-term") == []


def test_a_name_glossed_by_another_of_its_class_is_a_pairing_not_drift(check):
    text = "Customer Success（カスタマーサクセス）チームを新設する。カスタマーサクセスの目標は解約率。\n"
    assert check(text, rule="inconsistent-term") == []
    glossed_by_abbreviation = "インサイドセールス（IS）が架電する。インサイドセールスの目標。Inside Salesの成果。\n"
    [d] = check(glossed_by_abbreviation, rule="inconsistent-term")
    assert d.term == "Inside Sales"


def test_english_names_are_neither_reported_nor_counted(check):
    """Job titles and field names from the GitLab handbook: the writer cannot
    reword them into カスタマーサクセス."""
    names = (
        "[VP of Customer Success](/job-families/sales/) の直属の部下がレビューします。\n\n"
        "Customer Success Analytics Analyst が Renewal Forecast Health フィールドを更新します。\n\n"
        "カスタマーサクセスの体制を強化する。\n"
    )
    assert check(names, rule="inconsistent-term") == []
    [d] = check(names + "\nCustomer Success の指標は解約率とする。\n", rule="inconsistent-term")
    assert (d.line, d.term) == (7, "Customer Success")


def test_a_sentence_naming_both_names_talks_about_the_names(check):
    for text in (
        "- LTVとCLVの違い\n\nLTVを試算する。\n",
        "カスタマーサクセスとCustomer Successの役割分担を整理する。\n\nカスタマーサクセスの目標。\n",
    ):
        assert check(text, rule="inconsistent-term") == [], text


def test_names_differing_only_in_blanks_are_one_name(check):
    """GitLab handbook (CS Ops page): `CS Ops チーム` and the label `CSOps`."""
    text = "CS Ops チームは、顧客プログラムと更新をサポートします。\n\nCSOps が他のチームの完了を監視します。\n"
    assert check(text, rule="inconsistent-term") == []


def test_identifiers_count_for_nothing(check):
    text = "LTVを試算する。\n\n集計は CLV-2024 シートと ltv_clv_report を参照する。\n"
    assert check(text, rule="inconsistent-term") == []


def test_a_definition_table_row_is_no_usage(check):
    text = (
        "| 略語 | 意味 |\n|---|---|\n| SLA | Service Level Agreement |\n\n"
        "サービスレベルアグリーメントを四半期ごとに見直す。\n"
    )
    assert check(text, rule="inconsistent-term") == []


def test_a_name_inside_a_katakana_compound_is_a_use(check):
    """GitLab handbook (Field Enablement): the programme `Sales Enablement`
    and `バーチャルセールスイネーブルメントシリーズ`."""
    text = "1. Sales Enablement\n\n週次のバーチャルセールスイネーブルメントシリーズのラベル。\n"
    [d] = check(text, rule="inconsistent-term")
    assert d.term in ("Sales Enablement", "セールスイネーブルメント")


def test_shipped_glossary_synonym_groups(lint):
    text = "顧客管理システムを選ぶ。\n\n顧客管理システムの費用。\n\n顧客関係管理システムの比較。\n"
    [d] = lint(text, rule="inconsistent-term")
    assert d.term == "顧客関係管理システム"
