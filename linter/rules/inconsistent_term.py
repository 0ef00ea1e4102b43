from __future__ import annotations

import re
from collections import Counter, defaultdict

from linter.context import LintContext
from linter.definitions import CLOSING, OPENING, paren_after
from linter.glossary import Entry
from linter.lines import line_bounds
from linter.matching import Occurrence
from linter.policy import Policy
from linter.rules import Needs, rule

_NONBLANK = re.compile(r"\S")


def _has_several_names(entry: Entry, policy: Policy) -> bool:
    return len(set(entry.names())) > 1


# Two names in one document make a finding, never one alone.
@rule(
    "inconsistent-term",
    "同じ概念に二つ以上の呼び名を混ぜている",
    fixable=True,
    needs=Needs(entries=_has_several_names, alone=False),
)
def check(ctx: LintContext):
    """
    ## 何をするか
    一つの文書の中で、同じ概念の対等な呼び名を二つ以上使っている箇所を報告します
    (`カスタマーサクセス` と `Customer Success`、`LTV` と `CLV`、
    `顧客管理システム` と `顧客関係管理システム` など)。文書内で多数派の呼び名
    (同数なら用語集で先に挙がる名)を提案し、少数派の出現をそれぞれ報告します。

    略語とその展開形(`LTV` と `顧客生涯価値`)の併用は対象外です。定義の括弧の中の
    呼び名(`RevOps(Revenue Operations)`)も数えません。

    ## なぜ問題か
    呼び名が揺れると、読み手は別の概念だと受け取り、検索でも漏れます。
    社内資料では部署ごとの呼び方がそのまま混ざりがちです。

    ## 例
    カスタマーサクセスの体制を強化する。Customer Successの指標は解約率とする。

    ## 代わりに
    カスタマーサクセスの体制を強化する。カスタマーサクセスの指標は解約率とする。

    どちらの呼び名に揃えるかは書き手の判断なので、修正は `--unsafe-fixes` のときだけ
    適用します。
    """
    mask = ctx.document.mask
    groups: dict[tuple[str, bool], list[Occurrence]] = defaultdict(list)
    for occ in ctx.occurrences:
        if occ.name is None or occ.in_name is not None:
            continue  # a deprecated spelling, or part of a proper name nobody may reword
        if _inside_definition(mask, occ) or _former_name(mask, occ) or _glossed(mask, occ):
            continue
        if _in_definition_row(ctx.text, occ):
            continue
        groups[(occ.entry.term, occ.is_short)].append(occ)
    for (_, _), occs in groups.items():
        occs = _outside_mentions(ctx, occs)
        counts = Counter(_canonical_name(o) for o in occs)
        if len(counts) < 2:
            continue
        entry = occs[0].entry
        order = entry.names()
        dominant = max(counts, key=lambda n: (counts[n], n == entry.term, -order.index(n)))
        variants = "／".join(sorted(counts, key=order.index))
        tied = sum(1 for n in counts if counts[n] == counts[dominant]) > 1
        reason = "同数なので用語集で先に挙がる" if tied else "文書内で多い"
        for occ in occs:
            if _canonical_name(occ) == dominant:
                continue
            yield ctx.diagnostic(
                "inconsistent-term",
                occ,
                f"「{occ.surface}」と「{dominant}」が混在しています({variants})。"
                f"{reason}「{dominant}」に揃えてください",
                [dominant],
                fix=dominant,
                safe=False,  # a choice between names
            )


def _canonical_name(occ: Occurrence) -> str:
    """The name an occurrence spells; names that differ only in blanks and
    letter case are one name (`CS Ops` / `CSOps`): spacing is no second name."""
    name = occ.name or occ.entry.term
    key = _blind(name)
    return next((n for n in occ.entry.names() if _blind(n) == key), name)


def _blind(name: str) -> str:
    return "".join(name.split()).casefold()


def _outside_mentions(ctx: LintContext, occs: list[Occurrence]) -> list[Occurrence]:
    """Drop the sentences that name two names of the concept together
    (`LTVとCLVの違い`, `Customer Success（カスタマーサクセス）`): they talk
    about the names, they do not drift between them."""
    by_sentence: dict[tuple[int, int], set[str]] = defaultdict(set)
    for occ in occs:
        by_sentence[ctx.sentence(occ)].add(_blind(_canonical_name(occ)))
    return [o for o in occs if len(by_sentence[ctx.sentence(o)]) < 2]


def _glossed(mask: str, occ: Occurrence) -> bool:
    """`Customer Success（カスタマーサクセス）`: a name introduced together with
    another name of the same concept is a deliberate pairing, not drift."""
    paren = paren_after(mask, occ.end)
    if paren is None:
        return False
    content = mask[paren[0] : paren[1]].casefold()
    same_class = occ.entry.short_names() if occ.is_short else occ.entry.full_names()
    return any(n.casefold() in content for n in same_class if n != occ.name)


def _in_definition_row(text: str, occ: Occurrence) -> bool:
    """`| SLA | Service Level Agreement |`: a name in a table row whose first
    cell is a short name of the same entry defines it; it is no usage."""
    line_start = text.rfind("\n", 0, occ.start) + 1
    line_end = text.find("\n", occ.end)
    line = text[line_start : len(text) if line_end == -1 else line_end].strip()
    if not line.startswith("|"):
        return False
    first = line.strip("|").split("|")[0].strip()
    return first in occ.entry.short_names() and first != occ.surface


def _former_name(mask: str, occ: Occurrence) -> bool:
    """`旧Pardot`: a name mentioned as what something used to be called."""
    return mask[max(0, occ.start - 1) : occ.start] == "旧"


def _inside_definition(mask: str, occ: Occurrence) -> bool:
    """A name in parentheses that follow other words on its line: the
    parenthesis defines or glosses them (`MA(マーケティングオートメーション)`,
    `(Customer Lifetime Value、顧客生涯価値)`), so it is no usage of its own."""
    line_start = line_bounds(mask, occ.start)[0]
    depth = 0
    for pos in range(occ.start - 1, max(line_start, occ.start - 60) - 1, -1):
        c = mask[pos]
        if c in CLOSING:
            depth += 1
        elif c in OPENING:
            if depth == 0:
                return _NONBLANK.search(mask, line_start, pos) is not None and _closes(mask, occ.end)
            depth -= 1
    return False


def _closes(mask: str, pos: int) -> bool:
    depth = 0
    for c in mask[pos : min(line_bounds(mask, pos)[1], pos + 60)]:
        if c in OPENING:
            depth += 1
        elif c in CLOSING:
            if depth == 0:
                return True
            depth -= 1
    return False
