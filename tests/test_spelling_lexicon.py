"""The lexicon screen of spelling-variant: which files, and which blocks, are
segmented. Its promise is the rule's findings unchanged; these tests hold it
to that on real Japanese text, with the screen on and off."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import linter.spelling_lexicon as spelling_lexicon
from linter.spelling_lexicon import SHIPPED, dictionary_file, fingerprint, load

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
RULE = "spelling-variant"
NO_TERMS = "# no terms\n"


@pytest.fixture
def screen_off(monkeypatch):
    """The rule as it was before the screen: every block segmented."""

    def off():
        monkeypatch.setattr(spelling_lexicon, "load", lambda: None)

    return off


@pytest.fixture(autouse=True)
def screen_on(monkeypatch):
    """A test's text is small: a real run screens only from 128 kB of text."""
    monkeypatch.setattr(spelling_lexicon, "SCREEN_FROM_BYTES", 0)


def findings(diagnostics):
    return [(d.line, d.column, d.term, d.message) for d in diagnostics]


def test_the_shipped_table_is_the_one_for_the_installed_dictionary():
    """Else every new machine reads 1.6 million entries first (≈ 25 s): after a
    change to linter/orthography.py, rebuild it with `python -m linter.spelling_lexicon`."""
    header = json.loads(SHIPPED.read_bytes().partition(b"\n")[0])
    assert header["dictionary"] == fingerprint(dictionary_file())
    assert load() is not None


def test_one_spelling_throughout_is_nothing_to_look_at():
    text = "ユーザーの同意を得てから、ユーザー情報を登録する。ユーザーの削除は管理者が行う。"
    assert load().evidence(text) == []


def test_two_spellings_of_one_word_are_where_to_look():
    text = "ユーザーの同意を得る。\n\nユーザの削除は管理者が行う。\n"
    spans = load().evidence(text)
    assert {text[s:e] for s, e in spans} >= {"ユーザー", "ユーザ"}


def test_a_shorter_spelling_inside_a_longer_one_is_no_second_spelling():
    # `ユーザ` stands inside every `ユーザー`, `見積` inside every `見積もり`.
    assert load().evidence("ユーザー一覧とユーザー設定。見積もりを送る。見積もりの承認。") == []


def test_a_word_that_only_seems_to_hold_another_is_segmented_to_see():
    # `本日付` is 本日 + 付, not 本 + 日付: the screen must not hide that `付`.
    text = "本日付で非表示になります。\n\n付けの欄を埋めます。\n"
    written = {text[s:e] for s, e in load().evidence(text)}
    assert "付" in written


def _fresh_table():
    """A table of its own: the shared one keeps the automaton it loaded."""
    lexicon = spelling_lexicon._read(SHIPPED, fingerprint(dictionary_file()), trusted=True)
    assert lexicon is not None
    return lexicon


def test_the_automaton_a_run_stores_is_what_the_next_run_reads(monkeypatch, tmp_path):
    monkeypatch.setenv("YOGOLINT_CACHE_DIR", str(tmp_path))
    text = "見積もりを送る。\n\n見積りを送る。ユーザの問い合わせ"
    lexicon = _fresh_table()
    built = lexicon.matches(text)
    assert len(list((tmp_path / "spellings").glob("*.daac"))) == 1
    read_back = spelling_lexicon._stored_automaton(lexicon.key, lexicon.size)
    assert read_back is not None and read_back.find_overlapping(text) == built
    assert [end for _, end, _ in built] == sorted(end for _, end, _ in built)  # the screen reads them so
    assert {text[s:e] for s, e, _ in built} >= {"見積もり", "見積り", "ユーザ", "問い合わせ"}


@pytest.mark.parametrize("damage", ["flipped", "cut", "other patterns"])
def test_a_damaged_stored_automaton_is_built_again_not_trusted(monkeypatch, tmp_path, damage):
    monkeypatch.setenv("YOGOLINT_CACHE_DIR", str(tmp_path))
    text = "問い合わせの件数を数える。問合せ先は営業部です。"
    expected = _fresh_table().matches(text)
    (stored,) = (tmp_path / "spellings").glob("*.daac")
    data = bytearray(stored.read_bytes())
    if damage == "flipped":
        data[len(data) // 2] ^= 0xFF
    elif damage == "cut":
        data = data[: len(data) // 2]
    else:  # another table's automaton under this name
        header, _, payload = bytes(data).partition(b"\n")
        data = bytearray(header.replace(b" 1", b" 2", 1) + b"\n" + payload)
    stored.write_bytes(bytes(data))
    assert _fresh_table().matches(text) == expected
    assert stored.read_bytes() != bytes(data)  # and stored anew


def _small_table(**changes) -> dict:
    table = {
        "dictionary": "a dictionary",
        "surfaces": ["問い合わせ", "問合せ", "問合せ先"],
        "offsets": [0, 1, 2, 3],
        "ids": [0, 1, 1],
        "group_of": [0, 0],
        "spelling_of": ["問い合わせ", "問合せ"],
        "normal_of": ["問い合わせ"],
        "pairs": [],
    }
    return {**table, **changes}


def test_a_table_from_the_user_cache_is_read_as_written(tmp_path):
    stored = tmp_path / "table.bin"
    stored.write_bytes(spelling_lexicon.pack(_small_table()))
    lexicon = spelling_lexicon._read(stored, "a dictionary", trusted=False)
    assert lexicon is not None and lexicon.size == 3
    assert lexicon.patterns() == ["問い合わせ", "問合せ", "問合せ先"]
    assert [lexicon.spelling_of[s] for s in lexicon.spellings(2)] == ["問合せ"]  # 問合せ先 writes 問合せ
    assert lexicon.normal_of[0] == "問い合わせ"


@pytest.mark.parametrize(
    "damage",
    ["string ends out of order", "an empty pattern", "a spelling id beyond the table", "another dictionary's"],
)
def test_a_damaged_table_in_the_user_cache_is_not_trusted(tmp_path, damage):
    stored = tmp_path / "table.bin"
    if damage == "string ends out of order":
        data = spelling_lexicon.pack(_small_table())
        header = json.loads(data.partition(b"\n")[0])
        start, length = header["sections"]["spelling_ends"]
        body = bytearray(data.partition(b"\n")[2])
        body[start : start + length] = bytes(reversed(body[start : start + length]))
        data = data.partition(b"\n")[0] + b"\n" + bytes(body)
    elif damage == "an empty pattern":
        data = spelling_lexicon.pack(_small_table(surfaces=["問い合わせ", "", "問合せ先"]))
    elif damage == "a spelling id beyond the table":
        data = spelling_lexicon.pack(_small_table(ids=[0, 1, 7]))
    else:
        data = spelling_lexicon.pack(_small_table(dictionary="another dictionary"))
    stored.write_bytes(data)
    assert spelling_lexicon._read(stored, "a dictionary", trusted=False) is None


def test_a_one_kanji_word_of_another_meaning_is_no_spelling_of_it():
    # `行` (a line) is a word of its own, not `行く` written short.
    text = "1行目を消す。\n\n2行目を直す。\n\n会社に行く。\n"
    assert load().evidence(text) == []


CASES = {
    "long vowel": "ユーザーの同意を得る。\n\nユーザーの一覧を出す。\n\nユーザの削除は管理者が行う。\n",
    "okurigana in a compound": "問い合わせの件数を数える。\n\n問い合わせは翌営業日に返す。\n\n問合せ先は営業部です。\n",
    "katakana": "APIのインターフェースを決める。\n\n画面のインタフェースは後で決める。\n",
    "width": "カスタマーの声を聞く。\n\nｶｽﾀﾏｰの声も聞く。\n",
    "inflected": "調査を行なう。\n\n分析を行う。\n\n報告を行った。\n",
    "suffix after kanji": "請求書は本日付で送付済です。\n\n送付済みの請求書は日付け順に並べます。\n",
    "one spelling": "見積もりを作成し、見積もりの承認後に送付する。\n",
    "code is not prose": "見積もりを送る。\n\n```\n見積 = estimate()\n```\n",
}


@pytest.mark.parametrize("name", CASES)
def test_findings_are_the_same_with_and_without_the_screen(lint_with, screen_off, name):
    text = CASES[name]
    screened = findings(lint_with(NO_TERMS)(text, rule=RULE))
    screen_off()
    assert findings(lint_with(NO_TERMS)(text, rule=RULE)) == screened


def test_a_small_run_segments_every_block_without_loading_the_table(lint_with, monkeypatch):
    monkeypatch.setattr(spelling_lexicon, "SCREEN_FROM_BYTES", 128_000)
    monkeypatch.setattr(spelling_lexicon, "load", lambda: pytest.fail("the table was loaded"))
    [d] = lint_with(NO_TERMS)(CASES["long vowel"], rule=RULE)
    assert (d.term, d.suggestions) == ("ユーザ", ["ユーザー"])


def test_a_pinned_spelling_reads_the_file_whole(lint_with):
    glossary = "entries:\n  - term: 見積もり\n    kind: concept\n    spellings: [見積り]\n"
    text = "見積りを作成する。\n\n見積もりを送付する。\n"
    [d] = lint_with(glossary)(text, rule=RULE)
    assert (d.term, d.suggestions) == ("見積り", ["見積もり"])


REAL = SHARED / "eval" / "real" / "docs"


@pytest.mark.skipif(not REAL.is_dir(), reason="../shared/eval/real (beside the repository) is not here")
def test_real_documents_give_the_same_findings_with_and_without_the_screen(lint_with, screen_off):
    documents = sorted(p for p in REAL.rglob("*") if p.suffix in (".md", ".txt"))
    texts = {p.name: p.read_text(encoding="utf-8", errors="replace") for p in documents}
    lint = lint_with(NO_TERMS)
    screened = {name: findings(lint(text, name=name, rule=RULE)) for name, text in texts.items()}
    assert any(screened.values())
    screen_off()
    lint = lint_with(NO_TERMS)
    assert {name: findings(lint(text, name=name, rule=RULE)) for name, text in texts.items()} == screened
