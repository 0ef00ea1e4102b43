from __future__ import annotations

from linter.context import LintContext
from linter.definitions import defines_by_sentence, enclosing_paren, paren_after, table_row_meaning
from linter.glossary import Entry, Sense
from linter.matching import Occurrence
from linter.policy import Policy
from linter.rules import Needs, rule


def _has_senses(entry: Entry, policy: Policy) -> bool:
    return len(entry.senses) >= 2


def _any_entry(entry: Entry, policy: Policy) -> bool:
    """The sense a document leans to is read from the names of the senses'
    entries and of the entries named after them (`Customer Success Manager`, `CSM`)."""
    return True


@rule(
    "ambiguous-term",
    "意味が二通り以上ある略語を、意味を定めずに使っている",
    needs=Needs(entries=_has_senses, context=_any_entry, whole_text=True),
)
def check(ctx: LintContext):
    """
    ## 何をするか
    `CS`(カスタマーサポート／カスタマーサクセス)や `CRO`(コンバージョン率最適化／
    最高収益責任者)のように、この分野で二つ以上の意味を持つ略語が、文書のどこでも
    意味を定めずに使われている箇所を報告します(1行に1件)。
    `CS(カスタマーサクセス)` や `カスタマーサポート(CS)` と一度定義すれば、
    それ以降の出現は報告しません。`CS Ops`、`CSV`、`CSAT` などは別の語です。

    ## なぜ問題か
    サポート部門とサクセス部門では、追う数字も責任範囲も違います。略語だけでは
    読み手が逆の意味で受け取り、依頼先や KPI を取り違えます。

    ## 例
    CSの体制を見直し、返信までの時間を短縮する。

    ## 代わりに
    CS(カスタマーサポート)の体制を見直し、返信までの時間を短縮する。

    提案は周りの語(問い合わせ・チケット → サポート、解約・継続 → サクセスなど)から
    読み取れる意味を先に並べ、その根拠の語をメッセージに示します。自動修正はしません。
    """
    resolved: dict[str, str] = {}
    leanings: dict[str, tuple[dict[str, int], dict[str, int]]] = {}
    reported_lines: set[tuple[str, int]] = set()
    for occ in ctx.occurrences:
        entry = occ.entry
        if len(entry.senses) < 2 or occ.name is None:
            continue
        chosen = _defined_sense(ctx, occ, entry)
        if chosen is not None:
            resolved[entry.term] = chosen.meaning
            continue
        if entry.term in resolved:
            continue
        line = ctx.document.source.position(occ.start)[0]
        if (entry.term, line) in reported_lines:
            continue
        reported_lines.add((entry.term, line))
        if entry.term not in leanings:  # once per document and entry
            leanings[entry.term] = _leaning(ctx, entry), {}
        ranked = _rank_senses(ctx, occ, entry, *leanings[entry.term])
        yield ctx.diagnostic("ambiguous-term", occ, _message(occ, ranked), [s.meaning for s, _ in ranked])


def _sense_names(ctx: LintContext, sense: Sense) -> tuple[str, ...]:
    target = ctx.glossary.get(sense.meaning)
    return (sense.meaning, *(target.names() if target else ()))


def _defined_sense(ctx: LintContext, occ: Occurrence, entry: Entry) -> Sense | None:
    """`CS(カスタマーサクセス)`, `カスタマーサポート(CS)`, `CSとは…カスタマーサクセス`
    or a glossary table row `| CS | カスタマーサポート |`."""
    mask = ctx.document.mask
    paren = paren_after(mask, occ.end)
    enclosing = enclosing_paren(mask, occ.start, occ.end)
    row = table_row_meaning(ctx.text, occ.start, occ.end)
    for sense in entry.senses:
        names = [n.casefold() for n in _sense_names(ctx, sense)]
        if row is not None and any(n in row.casefold() for n in names):
            return sense  # `| CS | カスタマーサポート |` in a glossary table
        if paren:
            content = mask[paren[0] : paren[1]].casefold()
            if any(n in content for n in names):
                return sense
        if enclosing:
            before = mask[max(0, enclosing[0] - 40) : enclosing[0]].rstrip().casefold()
            if any(before.endswith(n) for n in names):
                return sense
        if defines_by_sentence(mask, occ):
            # `CSとは、カスタマーサクセス…` or `- CS: カスタマーサクセス部門`
            start, end = ctx.sentence(occ)
            if any(n in mask[occ.end : end].casefold() for n in names):
                return sense
    return None


def _leaning(ctx: LintContext, entry: Entry) -> dict[str, int]:
    """Per sense, how often the document names it in full: the sense's own
    names and those of entries named after it (`カスタマーサクセスマネージャー`
    and its `CSM` for カスタマーサクセス), English names included."""
    related: dict[str, str] = {}  # entry term → the sense it names
    for sense in entry.senses:
        target = ctx.glossary.get(sense.meaning)
        if target is None:
            continue
        names = [n.casefold() for n in target.full_names()]
        for other in {o.entry.term: o.entry for o in ctx.occurrences}.values():
            if other is target or any(n in f.casefold() for f in other.full_names() for n in names):
                related.setdefault(other.term, sense.meaning)
    counts = {sense.meaning: 0 for sense in entry.senses}
    for occ in ctx.occurrences:
        meaning = related.get(occ.entry.term)
        if meaning is not None and occ.entry is not entry:
            counts[meaning] += 1
    return counts


def _document_cues(ctx: LintContext, sense: Sense) -> int:
    """The sense's cues over the whole checked document (its blocks)."""
    return sum(len(ctx.cues_in(sense.cues, b.start, b.end)) for b in ctx.document.blocks)


def _rank_senses(
    ctx: LintContext, occ: Occurrence, entry: Entry, leaning: dict[str, int], document_cues: dict[str, int]
) -> list[tuple[Sense, list[str]]]:
    """The sense the document names in full first, when it names only one;
    otherwise the one the sentence's and block's cues point to, then the
    document's names and cues. `document_cues` is filled on first need (it
    reads every block) and kept for the document."""
    sentence = ctx.sentence(occ)
    block = ctx.block(occ)
    named = [m for m, n in leaning.items() if n]
    scored: list[tuple[tuple, int, Sense, list[str]]] = []  # the key grows by one on a tie
    for index, sense in enumerate(entry.senses):
        near = ctx.cues_in(sense.cues, *sentence)
        far = [c for c in ctx.cues_in(sense.cues, *block) if c not in near]
        only = len(named) == 1 and named[0] == sense.meaning
        key = (only, 2 * len(near) + len(far), leaning.get(sense.meaning, 0))
        scored.append((key, -index, sense, near + far))
    if len({key for key, *_ in scored}) < len(scored):  # a tie: the whole document's cues decide
        if not document_cues:
            document_cues.update({s.meaning: _document_cues(ctx, s) for s in entry.senses})
        scored = [(key + (document_cues[sense.meaning],), index, sense, cues) for key, index, sense, cues in scored]
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    return [(sense, cues) for _, _, sense, cues in scored]


def _message(occ: Occurrence, ranked: list[tuple[Sense, list[str]]]) -> str:
    meanings = "と".join(f"「{s.meaning}」" for s, _ in ranked)
    best, cues = ranked[0]
    hint = ""
    if cues and (len(ranked) < 2 or len(cues) > len(ranked[1][1])):
        hint = f"文脈({'、'.join(cues[:4])})からは「{best.meaning}」と読めます。"
    return (
        f"「{occ.surface}」は{meanings}のどちらとも読めます。{hint}"
        f"初出で「{occ.name}({best.meaning})」のように意味を定めてください"
    )
