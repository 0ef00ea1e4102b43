"""undefined-abbreviation: first use without meaning, once per abbreviation.

The tests run on a small glossary of their own (GLOSSARY); the ones named
`test_shipped_glossary_…` check the built-in glossary's data.
"""

import pytest

GLOSSARY = """
entries:
  - term: MQL
    kind: abbreviation
    expansions: [Marketing Qualified Lead, マーケティング適格リード]
  - term: SQL
    kind: abbreviation
    expansions: [Sales Qualified Lead, セールスクオリファイドリード]
    not_in: [PostgreSQL]
    other_meanings:
      - {meaning: データベース言語のSQL, cues: [クエリ, 抽出, テーブル, コマンド, Management Studio]}
  - term: SAL
    kind: abbreviation
    expansions: [Sales Accepted Lead]
  - term: PQL
    kind: abbreviation
    expansions: [Product Qualified Lead]
  - term: MQA
    kind: abbreviation
    expansions: [Marketing Qualified Account, マーケティング適格アカウント]
  - term: MAU
    kind: abbreviation
    expansions: [Monthly Active Users]
  - term: CAC
    kind: abbreviation
    expansions: [Customer Acquisition Cost, 顧客獲得コスト]
  - term: LTV
    kind: abbreviation
    expansions: [Customer Lifetime Value, 顧客生涯価値]
  - term: NPS
    kind: abbreviation
    expansions: [Net Promoter Score]
  - term: GTM
    kind: abbreviation
    expansions: [Go-To-Market, Go To Market]
  - term: ERP
    kind: abbreviation
    expansions: [Enterprise Resource Planning]
    other_meanings:
      - {meaning: 推定小売価格, cues: [推定小売価格]}
  - term: SLA
    kind: abbreviation
    expansions: [Service Level Agreement]
  - term: OKR
    kind: abbreviation
    expansions: [Objectives and Key Results]
  - term: Sales Operations
    kind: role
    abbreviations: [Sales Ops]
  - term: Customer Success Operations
    kind: role
    abbreviations: [CS Ops]
"""


@pytest.fixture
def check(lint_with):
    return lint_with(GLOSSARY)


def test_first_undefined_use_is_reported_once_with_the_expansion(check):
    text = "今月のMQLは412件。\n\n先月のMQLは380件。\n"
    [d] = check(text, rule="undefined-abbreviation")
    assert (d.line, d.term) == (1, "MQL")
    assert any("Marketing Qualified Lead" in s for s in d.suggestions)


def test_a_count_in_parentheses_is_not_a_definition(check):
    [d] = check("SQL（120件、前月比+5%）を営業へ渡した。\n", rule="undefined-abbreviation")
    assert d.term == "SQL"


def test_each_way_of_defining(check):
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
        "| 略語 | 意味 |\n|---|---|\n| SLA | Service Level Agreement |\n\nSLA を守る。\n",
        "| 略語 | 区分 | 正式名 |\n|---|---|---|\n| SLA | 12 | Service Level Agreement |\n\nSLA を守る。\n",
    ]
    for text in defined:
        assert check(text, rule="undefined-abbreviation") == [], text


def test_a_row_of_figures_is_no_definition(check):
    [d] = check("| 指標 | 件数 |\n|---|---|\n| SLA | 12 |\n", rule="undefined-abbreviation")
    assert d.term == "SLA"


def test_a_sentence_about_the_number_is_not_a_definition(check):
    """`Xは…を指す` defines only when X opens the sentence and the sentence
    ends by saying what X means."""
    for text in ("今期のPQLは、製品を試用したユーザーを指す。\n", "NPSは前月より上がった。\n"):
        [d] = check(text, rule="undefined-abbreviation")
        assert d.term in text, text


def test_sql_as_a_query_language_is_not_the_lead(check):
    text = "SQLで商談テーブルから抽出した。\n\nPostgreSQLのSQLクエリも確認した。\n\nSQL コマンドを実行する。\n"
    assert check(text, rule="undefined-abbreviation") == []


def test_query_language_use_does_not_hide_the_lead_use(check):
    text = "SQLで抽出した。\n\n今月のSQLは20件だった。\n"
    [d] = check(text, rule="undefined-abbreviation")
    assert d.line == 3


def test_team_names_with_ops_are_not_abbreviations(check):
    assert check("Sales OpsとCS Opsが週次で集まる。\n", rule="undefined-abbreviation") == []


def test_slash_joined_abbreviations_are_words_not_paths(check):
    text = "MQL/SQLの条件を決める。設定は docs/mql-sql/README.md を参照。\n"
    found = [d.term for d in check(text, rule="undefined-abbreviation")]
    assert found == ["MQL", "SQL"]


def test_hereinafter_and_glossary_tables_define(check):
    text = (
        "マーケティング適格アカウント（以下「MQA」）を週次で数える。\n\n"
        "| 略語 | 意味 |\n| --- | --- |\n| SAL | 営業が受け入れたリード |\n\n"
        "MQAとSALの推移を見る。\n"
    )
    assert check(text, rule="undefined-abbreviation") == []


def test_a_query_tools_name_is_a_cue_of_the_query_language(check):
    assert check("作業後、SQL Services Management Studio を閉じる。\n", rule="undefined-abbreviation") == []
    [d] = check("今月のSQL は20件。\n", rule="undefined-abbreviation")
    assert d.term == "SQL"


def test_an_abbreviation_inside_an_english_name_is_still_one(check):
    """GitLab handbook (Field Enablement): `**GTM Enablement**` before any definition."""
    [d] = check(
        "1. **GTM Enablement**\n   1. ルート非依存のイネーブルメントプログラムを提供します。\n",
        rule="undefined-abbreviation",
    )
    assert (d.line, d.term) == (1, "GTM")


def test_defined_in_another_sense_no_rule_speaks_of_it(check):
    """GitLab handbook (Digital Experience): `Google Tag Manager (GTM)`, then `GTM` alone."""
    later = "GTM 内のピクセルを確認する。\n"
    [d] = check(later, rule="undefined-abbreviation")
    assert d.term == "GTM"
    own = "Google Analytics (GA4) と Google Tag Manager (GTM) について説明します。\n\n" + later
    assert check(own, rule="undefined-abbreviation") == []
    before = later + "\n" + "推定小売価格 (ERP) を入力します。\n\nERP は税込みで表示します。\n"
    assert [d.term for d in check(before, rule="undefined-abbreviation")] == ["GTM"]
    table = "| 略語 | 正式名 |\n|---|---|\n| GTM | Google Tag Manager |\n\n" + later
    assert check(table, rule="undefined-abbreviation") == []


def test_the_glossarys_expansion_in_other_word_forms_is_the_same_sense(check):
    """`Objective and Key Result (OKR)` is the glossary's Objectives and Key
    Results, not a word of the document's own: the use before it is a finding."""
    text = "OKR の進捗を共有します。\n\nObjective and Key Result (OKR) は四半期ごとに設定します。\n"
    [d] = check(text, rule="undefined-abbreviation")
    assert (d.line, d.term) == (1, "OKR")


def test_a_parenthesis_listing_abbreviations_defines_none(check):
    """GitLab handbook: `アカウントチーム（SAL、AE、SA、TAM）`."""
    [d] = check("アカウントチーム（SAL、AE、SA、TAM）が顧客の計画を立てます。\n", rule="undefined-abbreviation")
    assert d.term == "SAL"
    assert check("SAL（AE、SA）\n", rule="undefined-abbreviation")[0].term == "SAL"


def test_identifiers_count_for_nothing(check):
    """Adobe Marketo Measure: touchpoint positions `MQL-01`, `MQL-05`."""
    text = "「MQL-01」や「MQL-05 （Last）」のタッチポイントを確認します。\n"
    assert check(text, rule="undefined-abbreviation") == []
    [d] = check(text + "\nMQL のタッチポイントを作成します。\n", rule="undefined-abbreviation")
    assert d.line == 3


def test_shipped_glossary_well_known_abbreviations_are_never_reported(lint):
    assert lint("CRMとKPIとROIとSaaSとAPIの話。\n", rule="undefined-abbreviation") == []


def test_shipped_glossary_sql_cues_from_real_documents(lint):
    """GitLab handbook: `カスタム SQL によって処理`, Adobe: `SQL データ ソース`."""
    for text in ("SA ダッシュボードのカスタム SQL によって処理されます。\n", "SQL データ ソースを追加します。\n"):
        assert lint(text, rule="undefined-abbreviation") == [], text
