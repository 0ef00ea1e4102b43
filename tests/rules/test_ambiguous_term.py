"""ambiguous-term: CS and CRO used bare, until the document says which sense."""


def test_bare_cs_is_reported_with_the_sense_its_context_points_to_first(lint):
    text = "CSの担当者が問い合わせチケットに返信する。\n"
    [d] = lint(text, rule="ambiguous-term")
    assert d.term == "CS"
    assert d.suggestions == ["カスタマーサポート", "カスタマーサクセス"]
    assert "問い合わせ" in d.message


def test_success_cues_put_customer_success_first(lint):
    text = "CSチームは解約率を下げるため、活用支援とアップセルの提案を行う。\n"
    [d] = lint(text, rule="ambiguous-term")
    assert d.suggestions[0] == "カスタマーサクセス"


def test_cro_senses_follow_their_cues(lint):
    optimization = lint("LPのCVRを上げるため、CROの施策としてA/Bテストを回す。\n", rule="ambiguous-term")
    officer = lint("来期からCROが営業とマーケの責任者として経営会議に出る。\n", rule="ambiguous-term")
    assert optimization[0].suggestions[0] != officer[0].suggestions[0]


def test_a_definition_resolves_later_uses_but_not_earlier_ones(lint):
    text = (
        "CSの体制を見直す。\n\n"
        "本書でのCS(カスタマーサクセス)は、契約後の定着支援を担う部門を指す。\n\n"
        "CSは四半期ごとに解約率を報告する。\n"
    )
    found = lint(text, rule="ambiguous-term")
    assert [d.line for d in found] == [1]


def test_expansion_then_abbreviation_in_full_width_parentheses_defines_it(lint):
    text = "カスタマーサポート（CS）の窓口は平日9時から。ＣＳへの連絡はフォームで。\n"
    assert lint(text, rule="ambiguous-term") == []


def test_one_finding_per_line_and_other_words_are_not_cs(lint):
    text = "CSとCSの連携、CS Opsの役割、CSVの出力、CSATの集計。\n"
    found = lint(text, rule="ambiguous-term")
    assert [(d.line, d.column) for d in found] == [(1, 1)]


def test_ambiguous_terms_are_not_also_undefined_abbreviations(lint):
    found = lint("CROの採用を検討する。\n")
    assert [d.rule for d in found] == ["ambiguous-term"]


def test_hereinafter_and_definition_items_choose_a_sense(lint):
    text = (
        "カスタマーサクセス（以下、CS）の役割を定める。CSは解約率を追う。\n\n"
        "- CRO: コンバージョン率最適化の担当\n- CROは月次でCVRを報告する。\n"
    )
    assert lint(text, rule="ambiguous-term") == []


def test_an_equation_or_a_definition_sentence_resolves_the_sense(lint):
    for text in ("CS＝カスタマーサクセスとして扱う。\n\nCSは継続率を見る。\n",
                 "本書ではCSはカスタマーサクセスを指す。\n\nCSは継続率を見る。\n"):
        assert lint(text, rule="ambiguous-term") == [], text


def test_a_glossary_table_row_defines_the_sense(lint):
    text = "| 略語 | 意味 |\n|---|---|\n| CS | カスタマーサポート |\n\nCSが問い合わせに返信する。\n"
    assert lint(text, rule="ambiguous-term") == []
