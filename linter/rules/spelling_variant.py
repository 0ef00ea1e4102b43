from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from linter.context import LintContext
from linter.folding import width_normalize
from linter.glossary import Entry, Glossary
from linter.matching import Occurrence
from linter.names import english_name_span, in_identifier
from linter.orthography import (
    another_form,
    class_of,
    is_hiragana,
    orthographic_class,
    spelling,
    units,
    worth_comparing,
)
from linter.policy import Policy
from linter.rules import Needs, Seen, rule
from linter.tokenizer import Token

if TYPE_CHECKING:
    from linter.spelling_lexicon import Lexicon

RULE_ID = "spelling-variant"


def _every_entry(entry: Entry, policy: Policy) -> bool:
    """Every glossary word: a spelling inside one is the glossary's to decide."""
    return True


@rule(
    RULE_ID,
    "同じ語を二通り以上の表記で書いている(表記ゆれ)",
    fixable=True,
    needs=Needs(entries=_every_entry, alone=False, words=True, screen=lambda glossary, size: _Screen(glossary, size)),
)
def check(ctx: LintContext):
    """
    ## 何をするか
    一つの文書の中で、同じ語を表記だけ変えて書いている箇所を報告します。
    用語集に載っていない語も、形態素解析(Sudachi)の正規化形で同じ語と分かれば対象です。

    - 長音符: `ユーザ` / `ユーザー`、`パラメータ` / `パラメーター`
    - 送り仮名: `問い合わせ` / `問合せ`、`見積もり` / `見積り`、`申し込み` / `申込み`
    - 外来語のカタカナ表記: `インターフェース` / `インタフェース` / `インターフェイス`
    - 全角・半角: `ｶｽﾀﾏｰ` / `カスタマー`、`ＣＲＭ` / `CRM`

    複合語の中の語も数えます(`問合せ先` の `問合せ`)。文書内で最も多い表記
    (同数なら先に使った表記)を残す表記として提案し、それ以外の表記の出現をそれぞれ
    報告します。用語集の `spellings` で表記を定めた語は、その表記を提案します。

    同義語(`ログイン` / `サインイン`)、文字を共有する別の語(`ユーザー` /
    `ユーザビリティ`)、数字、1文字の語、用語集が非推奨とする表記(preferred-term が
    報告)、識別子や英語の固有名の中の語、両方の表記を並べて説明している文は対象外です。

    ## なぜ問題か
    表記が揺れると、読み手は別の語かと迷い、文書内検索や置換で漏れが出ます。
    複数人で書いた資料や、訳語を寄せ集めた資料で起きやすい揺れです。

    ## 例
    ユーザーの同意を得てから、ユーザー情報を登録する。ユーザの削除は管理者が行う。

    見積もりを作成し、見積もりの承認後に見積りを送付する。

    ## 代わりに
    ユーザーの同意を得てから、ユーザー情報を登録する。ユーザーの削除は管理者が行う。

    見積もりを作成し、見積もりの承認後に見積もりを送付する。

    どの表記に揃えるかは書き手の判断なので、修正は `--unsafe-fixes` のときだけ
    適用します。用語集の `distinct_spellings` で、別の語として扱う表記を指定できます。
    """
    uses = list(_uses(ctx, _glossary_spellings(ctx.glossary)[0]))
    for group in _groups(uses, ctx.glossary).values():
        yield from _findings(ctx, group)


@dataclass(frozen=True)
class Use:
    """One word of the text, as the rule compares it."""

    start: int
    end: int
    surface: str  # as in the document
    spelling: str  # the surface, or its dictionary form when inflected (`行なっ` → `行なう`)
    normalized: str  # Sudachi's normalized form: what unites a word's spellings
    entry: Entry | None = None  # the glossary entry it is an admitted name of


def _uses(ctx: LintContext, pins: dict[str, str]) -> Iterator[Use]:
    """The words worth a closer look: those whose normalized form the
    document writes in two or more spellings of one class (a cheap first
    pass over every word), then without names, identifiers and glossary words."""
    text, mask = ctx.text, ctx.document.mask
    # Without width-folded letters in the text, a word's spelling is its
    # dictionary form; with them, the surface decides (`ｶｽﾀﾏｰ` has `カスタマー`).
    # Nor can a block of ASCII alone then hold a variant: Latin words differ
    # here only in width.
    width = _WIDTH.search(mask) is not None
    seen = ctx.screened
    if seen is not None and seen.spans is not None:
        tokens = ctx.words.all(wanted=seen.holds)
    elif width:
        tokens = ctx.words.all()
    else:
        tokens = ctx.words.all(wanted=lambda start, end: not mask[start:end].isascii())
    words = [u for token in tokens for u in units(token)]
    spellings: dict[str, set[str]] = defaultdict(set)
    for u in words:
        spellings[u.normalized].add(u.lemma)
    wanted = {n for n, forms in spellings.items() if len(n) >= 2 and _may_vary(forms)}
    if width:
        wanted.update(u.normalized for u in words if u.surface != u.lemma and _WIDTH.search(u.surface))
    if pins:
        wanted.update(u.normalized for u in words if width_normalize(u.lemma) in pins)
    if not wanted:
        return
    occurrences = sorted(ctx.occurrences, key=lambda o: o.start)
    starts = [o.start for o in occurrences]
    for unit in words:
        if (
            unit.normalized not in wanted
            or not worth_comparing(unit.surface, unit.normalized)
            or another_form(unit.lemma, unit.normalized)
        ):
            continue
        if mask[unit.start : unit.end] != text[unit.start : unit.end]:
            continue
        occ = _occurrence_over(occurrences, starts, unit)
        if occ is not None and (occ.deprecated is not None or (occ.start, occ.end) != (unit.start, unit.end)):
            continue  # the glossary's own word (`見積書`), or preferred-term's
        if in_identifier(text, unit.start, unit.end) or _in_english_name(text, unit):
            continue
        yield Use(
            unit.start,
            unit.end,
            unit.surface,
            spelling(unit.surface, unit.lemma),
            unit.normalized,
            occ.entry if occ is not None else None,
        )


class _Screen:
    """Which files, and which blocks of them, can hold a variant: those that
    write two spellings of a word Sudachi's lexicon spells more than one way
    (`linter.spelling_lexicon`). Text the lexicon's surfaces cannot be matched
    on as written (width-folded letters, compatibility kanji) and a spelling
    the glossary pins are read whole, as without the screen."""

    def __init__(self, glossary: Glossary, text_bytes: int):
        from linter.spelling_lexicon import SCREEN_FROM_BYTES

        self.active = text_bytes >= SCREEN_FROM_BYTES
        if self.active:  # a folder: load the screen now, before workers fork
            self._lexicon()
        # Stems: an inflected pinned spelling is written with other endings.
        self.pinned = sorted({form.rstrip(_HIRAGANA) or form for form in _glossary_spellings(glossary)[0]})

    def _lexicon(self) -> Lexicon | None:
        from linter.spelling_lexicon import load

        lexicon = load()  # once per process
        if lexicon is not None:
            lexicon.automaton()
        return lexicon

    def __call__(self, text: str) -> Seen | None:
        if text.isascii():
            return None  # Latin words vary here only in width
        if _READ_WHOLE.search(text) or any(p in text for p in self.pinned):
            return Seen(None)
        lexicon = self._lexicon() if self.active else None
        if lexicon is None:
            return Seen(None)
        spans = lexicon.evidence(text)
        return Seen(spans) if spans else None


_HIRAGANA = "".join(chr(c) for c in range(0x3041, 0x30A0))
# Letters that differ from their ordinary form only in width or composition…
_WIDTH_LETTERS = "０-９Ａ-Ｚａ-ｚ\uff61-\uff9f\u3099\u309a"
_WIDTH = re.compile(f"[{_WIDTH_LETTERS}]")
# …and what Sudachi also folds before it looks a word up: compatibility
# ideographs and radicals (`⽤` for `用`, from PDFs).
_READ_WHOLE = re.compile(f"[{_WIDTH_LETTERS}\uf900-\ufaff\u2e80-\u2fdf]")


def _may_vary(forms: set[str]) -> bool:
    """Two dictionary forms of one class: worth a closer look."""
    if len(forms) < 2:
        return False
    classes = [class_of(f) for f in forms]
    return len(set(classes)) < len(classes)


def _occurrence_over(occurrences: list[Occurrence], starts: list[int], unit: Token) -> Occurrence | None:
    i = bisect.bisect_right(starts, unit.start) - 1
    for occ in occurrences[max(0, i - 1) : i + 2]:
        if occ.start < unit.end and unit.start < occ.end:
            return occ
    return None


def _in_english_name(text: str, unit: Token) -> bool:
    return unit.surface.isascii() and english_name_span(text, unit.start, unit.end) is not None


# Grouping ---------------------------------------------------------------


@dataclass
class Group:
    uses: list[Use]
    pinned: str | None = None  # the glossary's spelling, kept whatever the majority


def _groups(uses: list[Use], glossary: Glossary) -> dict[tuple[str, str], Group]:
    """Uses by word: one normalized form and orthographic class. The
    glossary's `spellings` join a term's spellings (and pin the term), its
    `distinct_spellings` keep another word apart."""
    pins, apart = _glossary_spellings(glossary)
    groups: dict[tuple[str, str], Group] = {}
    for use in uses:
        plain = width_normalize(use.spelling)
        if plain in apart:
            key = ("distinct", plain)
        elif plain in pins:
            key = ("pinned", pins[plain])
        else:
            key = (use.normalized, orthographic_class(use.spelling))
        groups.setdefault(key, Group([])).uses.append(use)
    # A pinned term's spellings, and every spelling Sudachi joins with them.
    for term in set(pins.values()):
        pinned = groups.get(("pinned", term))
        if pinned is None:
            continue
        pinned.pinned = term
        for key in {(u.normalized, orthographic_class(u.spelling)) for u in pinned.uses}:
            joined = groups.pop(key, None)
            if joined is not None:
                pinned.uses += joined.uses
        pinned.uses.sort(key=lambda u: u.start)
    return groups


def _glossary_spellings(glossary: Glossary) -> tuple[dict[str, str], set[str]]:
    pins: dict[str, str] = {}
    apart: set[str] = set()
    for entry in glossary.entries:
        if entry.spellings:
            for form in (entry.term, *entry.spellings):
                pins[width_normalize(form)] = entry.term
        apart.update(width_normalize(f) for f in entry.distinct_spellings)
    return pins, apart


# Findings ---------------------------------------------------------------


def _findings(ctx: LintContext, group: Group):
    uses = _drop_mentions(ctx, _drop_glossary_names(group.uses))
    if group.pinned is not None:
        yield from _word_findings(ctx, uses, group.pinned)
        return
    for word in _words(uses):
        yield from _word_findings(ctx, word, None)


def _words(uses: list[Use]) -> list[list[Use]]:
    """Uses of one normalized form and class, split where two spellings are
    no variants of each other (`感じる` / `感ずる`, `声かけ` / `声がけ`)."""
    spellings = list(dict.fromkeys(u.spelling for u in uses))
    leader = {s: s for s in spellings}

    def find(s: str) -> str:
        while leader[s] != s:
            s = leader[s]
        return s

    for i, a in enumerate(spellings):
        for b in spellings[i + 1 :]:
            if find(a) != find(b) and variants_of_each_other(a, b):
                leader[find(b)] = find(a)
    words: dict[str, list[Use]] = defaultdict(list)
    for u in uses:
        words[find(u.spelling)].append(u)
    return list(words.values())


def variants_of_each_other(a: str, b: str) -> bool:
    """Spellings of one class that differ only as the class allows: for words
    with kanji, every run of kana in one is a run of the other with kana left
    out (`問合せ` / `問い合わせ`, `見積` / `見積もり`)."""
    if orthographic_class(a) != orthographic_class(b):
        return False
    if not orthographic_class(a).startswith("kanji:"):
        return True
    runs_a, runs_b = _kana_runs(width_normalize(a)), _kana_runs(width_normalize(b))
    return len(runs_a) == len(runs_b) and all(
        _subsequence(x, y) or _subsequence(y, x) for x, y in zip(runs_a, runs_b, strict=False)
    )


def _kana_runs(plain: str) -> list[str]:
    """The kana after each kanji (and before the first): `問い合わせ` → ['', 'い', 'わせ']."""
    runs = [""]
    for c in plain:
        if is_hiragana(c):
            runs[-1] += c
        else:
            runs.append("")
    return runs


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(c in rest for c in short)


def _word_findings(ctx: LintContext, uses: list[Use], pinned: str | None):
    counts = Counter(u.spelling for u in uses)
    if len(counts) < 2:
        return
    order: dict[str, int] = {}
    for u in uses:
        order.setdefault(u.spelling, u.start)
    if pinned is not None:
        kept, reason = pinned, "用語集が定める"
    else:
        kept = max(counts, key=lambda s: (counts[s], -order[s]))
        tied = sum(1 for s in counts if counts[s] == counts[kept]) > 1
        reason = "同数なので先に使った" if tied else "文書内で多い"
    variants = "／".join(sorted(counts, key=lambda s: (s != kept, order[s])))
    for use in uses:
        if use.spelling == kept:
            continue
        replacement = _kept_surface(use, kept)
        unseen = "(見た目は同じでも文字コードが違います)" if _looks_alike(use.spelling, kept) else ""
        yield ctx.finding(
            RULE_ID,
            use.start,
            use.end,
            f"「{use.surface}」と「{kept}」の表記が混在しています({variants}){unseen}。"
            f"{reason}「{kept}」に揃えてください",
            [replacement or kept],
            fix=replacement,
            safe=False,  # a choice of spelling
        )


def _looks_alike(a: str, b: str) -> bool:
    """`ビ` written as `ヒ` and a combining voicing mark: the same letter to the eye."""
    return a != b and unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b)


def _drop_glossary_names(uses: list[Use]) -> list[Use]:
    """Two admitted names of one glossary entry: inconsistent-term decides."""
    names: dict[int, set[str]] = defaultdict(set)
    for u in uses:
        if u.entry is not None:
            names[id(u.entry)].add(u.spelling)
    return [u for u in uses if u.entry is None or len(names[id(u.entry)]) < 2]


_QUOTES = {"「": "」", "『": "』", "“": "”", '"': '"', "'": "'", "‘": "’"}


def _drop_mentions(ctx: LintContext, uses: list[Use]) -> list[Use]:
    """A sentence that writes two spellings of the word side by side talks
    about the spellings (`「シミュレーション」と表記し、「シュミレーション」は控える`),
    and so does a spelling quoted alone: neither is a use."""
    spellings_in: dict[tuple[int, int], set[str]] = defaultdict(set)
    sentence_of = {}
    sentences = _Sentences(ctx)
    for u in uses:
        sentence = sentence_of[u.start] = sentences.at(u.start)
        spellings_in[sentence].add(u.spelling)
    text = ctx.text
    kept = []
    for u in uses:
        if len(spellings_in[sentence_of[u.start]]) > 1:
            continue
        before, after = text[u.start - 1 : u.start], text[u.end : u.end + 1]
        if before in _QUOTES and _QUOTES[before] == after:
            continue
        kept.append(u)
    return kept


_SENTENCE_END = re.compile(r"[。！？!?]+")


class _Sentences:
    """Sentences end at 。！？, not at a line break inside a paragraph: an
    example pair on two lines (`OK： ウィンドウ` / `NG： ウインドウ`) is one
    passage about the spellings."""

    def __init__(self, ctx: LintContext):
        self.document = ctx.document
        self._ends: dict[tuple[int, int], list[int]] = {}

    def at(self, offset: int) -> tuple[int, int]:
        block = self.document.block_at(offset)
        lo, hi = (block.start, block.end) if block else self.document.sentence_at(offset)
        ends = self._ends.get((lo, hi))
        if ends is None:
            ends = self._ends[(lo, hi)] = [m.end() for m in _SENTENCE_END.finditer(self.document.mask, lo, hi)]
        i = bisect.bisect_right(ends, offset)
        return (ends[i - 1] if i else lo), (ends[i] if i < len(ends) else hi)


def _kept_surface(use: Use, kept: str) -> str | None:
    """The kept spelling in the form the use stands in: `行なっ` with `行う`
    kept is `行っ`. None when the ending does not carry over."""
    if use.surface == use.spelling:
        return kept
    common = 0
    while common < min(len(use.surface), len(use.spelling)) and use.surface[common] == use.spelling[common]:
        common += 1
    ending = use.spelling[common:]
    if not kept.endswith(ending):
        return None
    return kept[: len(kept) - len(ending)] + use.surface[common:]
