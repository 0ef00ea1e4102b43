"""undefined-abbreviation: first use without meaning, once per abbreviation."""


def test_first_undefined_use_is_reported_once_with_the_expansion(lint):
    text = "今月のMQLは412件。\n\n先月のMQLは380件。\n"
    [d] = lint(text, rule="undefined-abbreviation")
    assert (d.line, d.term) == (1, "MQL")
    assert any("Marketing Qualified Lead" in s for s in d.suggestions)


def test_a_count_in_parentheses_is_not_a_definition(lint):
    [d] = lint("SQL（120件、前月比+5%）を営業へ渡した。\n", rule="undefined-abbreviation")
    assert d.term == "SQL"


def test_each_way_of_defining(lint):
    defined = [
        "MQL(Marketing Qualified Lead)の基準を見直す。\n",
        "MQL（マーケが営業に渡してよいと判断した見込み客）の基準を見直す。\n",
        "マーケティング適格リード（MQL）の基準を見直す。\n",
        "MQLとは、営業に渡す基準を満たした見込み客のことです。\n",
        "- MQL: 営業に渡す基準を満たした見込み客\n",
        "基準を満たしたMQL\n(Marketing Qualified Lead)を毎週集計する。\n",
        "PQLは、製品を試用して価値を感じたユーザーを指す。\n",
        "- MAUは月間のアクティブユーザー数のことです。\n",
        "導入前の準備に進んだ顧客の質を測る。CACは顧客獲得コストの略です。\n",
        "マーケが営業に渡してよいと判断した見込み客をMQLと呼ぶ。\n",
        "LTV = 平均単価 × 継続期間で計算する。\n",
        "本書では、PQLは製品を試用して価値を感じたユーザーを指す。\n",
    ]
    for text in defined:
        assert lint(text, rule="undefined-abbreviation") == [], text


def test_a_sentence_about_the_number_is_not_a_definition(lint):
    """`Xは…を指す` defines only when X opens the sentence and the sentence
    ends by saying what X means."""
    for text in ("今期のPQLは、製品を試用したユーザーを指す。\n", "NPSは前月より上がった。\n"):
        [d] = lint(text, rule="undefined-abbreviation")
        assert d.term in text, text


def test_well_known_abbreviations_are_never_reported(lint):
    assert lint("CRMとKPIとROIとSaaSとAPIの話。\n", rule="undefined-abbreviation") == []


def test_sql_as_a_query_language_is_not_the_lead(lint):
    text = "SQLで商談テーブルから抽出した。\n\nPostgreSQLのSQLクエリも確認した。\n"
    assert lint(text, rule="undefined-abbreviation") == []


def test_query_language_use_does_not_hide_the_lead_use(lint):
    text = "SQLで抽出した。\n\n今月のSQLは20件だった。\n"
    [d] = lint(text, rule="undefined-abbreviation")
    assert d.line == 3


def test_team_names_with_ops_are_not_abbreviations(lint):
    assert lint("Sales OpsとCS Opsが週次で集まる。\n", rule="undefined-abbreviation") == []


def test_slash_joined_abbreviations_are_words_not_paths(lint):
    text = "MQL/SQLの条件を決める。設定は docs/mql-sql/README.md を参照。\n"
    found = [d.term for d in lint(text, rule="undefined-abbreviation")]
    assert found == ["MQL", "SQL"]


def test_hereinafter_and_glossary_tables_define(lint):
    text = (
        "マーケティング適格アカウント（以下「MQA」）を週次で数える。\n\n"
        "| 略語 | 意味 |\n| --- | --- |\n| SAL | 営業が受け入れたリード |\n\n"
        "MQAとSALの推移を見る。\n"
    )
    assert lint(text, rule="undefined-abbreviation") == []


def test_letters_opening_an_english_product_name_are_not_the_abbreviation(lint):
    assert lint("作業後、SQL Services Management Studio を閉じる。\n", rule="undefined-abbreviation") == []
    [d] = lint("今月のSQL は20件。\n", rule="undefined-abbreviation")
    assert d.term == "SQL"
