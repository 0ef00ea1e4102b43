"""spelling-variant: one word written two ways in one document (表記ゆれ)."""

from __future__ import annotations

import pytest

from linter.glossary import GlossaryError, load_glossary

RULE = "spelling-variant"
NO_TERMS = "# no terms: the rule needs none\n"


@pytest.fixture
def plain(lint_with):
    """A linter with an empty glossary: the rule works without a dictionary of its own."""
    return lint_with(NO_TERMS)


def found(diagnostics):
    return [(d.line, d.term, d.suggestions) for d in diagnostics]


def test_long_vowel_mark_the_majority_spelling_is_kept(plain):
    text = "ユーザーの同意を得る。\n\nユーザーの一覧を出す。\n\nユーザの削除は管理者が行う。\n"
    assert found(plain(text, rule=RULE)) == [(5, "ユーザ", ["ユーザー"])]


def test_okurigana_also_inside_a_compound(plain):
    text = "問い合わせの件数を数える。\n\n問い合わせは翌営業日に返す。\n\n問合せ先は営業部です。\n"
    [d] = plain(text, rule=RULE)
    assert (d.line, d.term, d.suggestions) == (5, "問合せ", ["問い合わせ"])
    assert d.fix is not None and not d.fix.safe  # a choice of spelling: only --unsafe-fixes


def test_katakana_spelling_of_one_loanword_a_tie_keeps_the_first(plain):
    text = "APIのインターフェースを決める。\n\n画面のインタフェースは後で決める。\n"
    [d] = plain(text, rule=RULE)
    assert (d.term, d.suggestions) == ("インタフェース", ["インターフェース"])
    assert "同数" in d.message


def test_width_half_width_katakana_beside_the_ordinary_form(plain):
    text = "カスタマーの声を集める。\n\nカスタマーの課題を整理する。\n\nｶｽﾀﾏｰ向けの資料を作る。\n"
    assert found(plain(text, rule=RULE)) == [(5, "ｶｽﾀﾏｰ", ["カスタマー"])]


def test_inflected_okurigana_keeps_the_ending(plain):
    text = "週次で棚卸しを行う。\n\n月次でも点検を行う。\n\n年次の監査は外部が行なった。\n"
    [d] = plain(text, rule=RULE)
    assert (d.term, d.suggestions) == ("行なっ", ["行っ"])


@pytest.mark.parametrize(
    "text",
    [
        "ログインしてから設定を開く。サインインの画面で認証する。\n",  # synonyms
        "ユーザーの声を聞く。ユーザビリティを改善する。\n",  # different words sharing letters
        "データを集める。データベースに保存する。\n",
        "1つ目の案と一つ目の案を比べる。\n",  # numbers
        "この機能を使うことができる。その機能は出来るだけ早く出す。\n",  # kana / kanji: not a listed class
        "Webで申し込む。webでも申し込める。\n",  # letter case
        "この課題に取り組む。誰でも取り組める。\n",  # the potential form of a verb
        "変化を感じる。違いを感ずる。\n",  # じる / ずる: another form
    ],
)
def test_not_a_spelling_variant(plain, text):
    assert plain(text, rule=RULE) == []


def test_a_sentence_naming_both_spellings_talks_about_them(plain):
    text = "## 「シミュレーション」と表記し、「シュミレーション」は使わない\n\n配置シミュレーション機能\n\nOK： ウィンドウ\nNG： ウインドウ\n"
    assert plain(text, rule=RULE) == []


def test_code_is_not_checked_text(plain):
    text = "ユーザーを登録する。ユーザーを削除する。`user_ユーザ`と `ユーザ` はコードです。\n"
    assert plain(text, rule=RULE) == []


def test_full_width_letters_beside_the_ordinary_form(plain):
    text = "ＣＲＭを導入する。\n\nＣＲＭの運用を決める。\n\nCRMに登録する。\n"
    assert found(plain(text, rule=RULE)) == [(5, "CRM", ["ＣＲＭ"])]


@pytest.mark.parametrize("name", ["CRM-Team が担当する。", "Sales CRM Board に載せる。"])
def test_identifiers_and_english_names_count_for_nothing(plain, name):
    text = f"ＣＲＭを導入する。\n\nＣＲＭの運用を決める。\n\n{name}\n"
    assert plain(text, rule=RULE) == []


def test_a_spelling_the_glossary_deprecates_is_preferred_terms(lint_with):
    lint = lint_with("entries:\n  - term: サーバー\n    kind: concept\n    deprecated: [サーバ]\n")
    diagnostics = lint("サーバーを再起動する。\n\nサーバを止める。\n")
    assert [d.rule for d in diagnostics] == ["preferred-term"]


def test_the_glossary_pins_a_spelling_over_the_majority(lint_with):
    lint = lint_with("entries:\n  - term: ユーザー\n    kind: concept\n    spellings: [ユーザ]\n")
    text = "ユーザの同意を得る。\n\nユーザの一覧を出す。\n\nユーザーを削除する。\n"
    got = lint(text, rule=RULE)
    assert found(got) == [(1, "ユーザ", ["ユーザー"]), (3, "ユーザ", ["ユーザー"])]
    assert "用語集" in got[0].message


def test_the_glossary_joins_a_spelling_sudachi_does_not(lint_with):
    lint = lint_with("entries:\n  - term: カスタマー\n    kind: concept\n    spellings: [カスタマ]\n")
    assert found(lint("カスタマーの声を聞く。\n\nカスタマの要望をまとめる。\n", rule=RULE)) == [
        (3, "カスタマ", ["カスタマー"])
    ]


def test_the_glossary_keeps_two_spellings_apart(lint_with):
    text = "販売チャネルを広げる。\n\nSlackのチャンネルで連絡する。\n"
    assert lint_with(NO_TERMS)(text, rule=RULE) != []
    lint = lint_with("entries:\n  - term: チャネル\n    kind: concept\n    distinct_spellings: [チャンネル]\n")
    assert lint(text, rule=RULE) == []


def test_a_glossary_spelling_that_is_also_a_name_is_an_error(tmp_path):
    (tmp_path / "terms.yaml").write_text(
        "entries:\n  - term: ユーザー\n    kind: concept\n    variants: [ユーザ]\n    spellings: [ユーザ]\n",
        encoding="utf-8",
    )
    with pytest.raises(GlossaryError, match=r"terms\.yaml:5: 'spellings' lists 'ユーザ'"):
        load_glossary([tmp_path], builtin=False)


def test_shipped_glossary_its_own_term_is_not_a_spelling_of_a_shorter_word(lint):
    text = "見積もりを作る。\n\n見積もりを送る。\n\n見積書を添付する。\n\n見積りを承認する。\n"
    assert found(lint(text, rule=RULE)) == [(7, "見積り", ["見積もり"])]


def test_through_the_cli_the_fix_is_suggested_not_applied(cli, tmp_path):
    doc = tmp_path / "memo.md"
    doc.write_text("ユーザーの同意を得る。\n\nユーザーの一覧。\n\nユーザの削除。\n", encoding="utf-8")
    result = cli("check", "--no-cache", "--select", RULE, str(doc))
    assert result.exit_code == 1 and "spelling-variant" in result.output and "ユーザ" in result.output
    cli("check", "--no-cache", "--select", RULE, "--fix", str(doc))
    assert "ユーザの削除" in doc.read_text(encoding="utf-8")
    cli("check", "--no-cache", "--select", RULE, "--fix", "--unsafe-fixes", str(doc))
    assert "ユーザの削除" not in doc.read_text(encoding="utf-8")


def test_a_spelling_in_both_lists_or_claimed_by_two_entries_is_an_error(tmp_path):
    (tmp_path / "terms.yaml").write_text(
        "entries:\n  - term: チャネル\n    kind: concept\n    spellings: [チャンネル]\n"
        "    distinct_spellings: [チャンネル]\n",
        encoding="utf-8",
    )
    with pytest.raises(GlossaryError, match=r"terms\.yaml:5: 'distinct_spellings' lists 'チャンネル'"):
        load_glossary([tmp_path], builtin=False)
    (tmp_path / "terms.yaml").write_text(
        "entries:\n  - term: ユーザー\n    kind: concept\n    spellings: [ユーザ]\n"
        "  - term: ユーザ\n    kind: concept\n",
        encoding="utf-8",
    )
    with pytest.raises(
        GlossaryError, match=r"terms\.yaml:2: spelling 'ユーザ' of 'ユーザー' already belongs to 'ユーザ'"
    ):
        load_glossary([tmp_path], builtin=False)
