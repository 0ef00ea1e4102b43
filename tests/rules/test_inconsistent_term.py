"""inconsistent-term: two equal names for one concept in one document."""


def test_minority_variant_is_reported_with_the_dominant_one(lint):
    text = (
        "カスタマーサクセスの体制を強化する。\n\n"
        "カスタマーサクセスの担当は2名。\n\n"
        "Customer Successの指標は解約率とする。\n"
    )
    [d] = lint(text, rule="inconsistent-term")
    assert (d.line, d.term, d.suggestions) == (5, "Customer Success", ["カスタマーサクセス"])


def test_a_tie_says_so_and_keeps_the_glossarys_first_name(lint):
    text = "顧客関係管理システムの比較表を作る。\n\n顧客管理システムを刷新する。\n"
    [d] = lint(text, rule="inconsistent-term")
    assert d.term == "顧客関係管理システム" and d.suggestions == ["顧客管理システム"]
    assert "同数" in d.message and "文書内で多い" not in d.message


def test_two_abbreviations_of_one_concept(lint):
    text = "LTV(顧客生涯価値)を試算する。LTVは年1回見直す。CLVは業種別に出す。\n"
    [d] = lint(text, rule="inconsistent-term")
    assert d.term == "CLV" and d.suggestions == ["LTV"]


def test_an_abbreviation_with_its_own_expansion_is_consistent(lint):
    text = "LTVを試算する。顧客生涯価値は粗利ベースで計算する。MA(マーケティングオートメーション)とマーケティングオートメーションの違い。\n"
    assert lint(text, rule="inconsistent-term") == []


def test_names_inside_a_definitions_parentheses_do_not_count(lint):
    text = "RevOps(Revenue Operations)チームは、レベニューオペレーションの定例を開く。\n"
    assert lint(text, rule="inconsistent-term") == []


def test_synonym_groups_from_the_glossary(lint):
    text = "顧客管理システムを選ぶ。\n\n顧客管理システムの費用。\n\n顧客関係管理システムの比較。\n"
    [d] = lint(text, rule="inconsistent-term")
    assert d.term == "顧客関係管理システム"


def test_a_name_glossed_by_another_of_its_class_is_a_pairing_not_drift(lint):
    text = "Customer Success（カスタマーサクセス）チームを新設する。カスタマーサクセスの目標は解約率。\n"
    assert lint(text, rule="inconsistent-term") == []
    glossed_by_abbreviation = "インサイドセールス（IS）が架電する。インサイドセールスの目標。Inside Salesの成果。\n"
    [d] = lint(glossed_by_abbreviation, rule="inconsistent-term")
    assert d.term == "Inside Sales"
