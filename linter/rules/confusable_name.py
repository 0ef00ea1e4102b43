from __future__ import annotations

import bisect

from linter.context import LintContext
from linter.glossary import Entry
from linter.policy import Policy
from linter.rules import Needs, rule


def _company_or_product(entry: Entry, policy: Policy) -> bool:
    """Companies with products, and the products (the company named beside
    its product is no finding)."""
    return bool(entry.products) or entry.kind == "product"


@rule("confusable-name", "社名を製品名の代わりに使っている", fixable=True, needs=Needs(entries=_company_or_product))
def check(ctx: LintContext):
    """
    ## 何をするか
    会社名(例: `Freshworks`)が、その会社の製品(`Freshsales`、`Freshdesk`)の意味で
    使われている箇所を報告し、文脈に合う製品名を提案します。用語集の会社 → 製品の
    関係と、各製品の手がかり語(商談・連絡先 → Freshsales、チケット・問い合わせ →
    Freshdesk など)で判断します。

    `Freshworks社`、`Freshworksが提供するFreshsales` のように同じ文に製品名があるとき、
    上場・本社・買収・決算・創業など会社の話題のときは報告しません。

    ## なぜ問題か
    同じ会社の製品でも、CRM とヘルプデスクでは担当も契約も別です。社名で書くと、
    読み手はどの画面・どの契約の話か分かりません。

    ## 例
    Freshworksにログインして商談のステージを更新する。

    ## 代わりに
    Freshsalesにログインして商談のステージを更新する。

    手がかりが一つの製品だけを指すときに限り、`--unsafe-fixes` で置き換えます
    (製品の選択は書き手の判断なので、`--fix` だけでは置き換えません)。
    """
    text = ctx.document.mask
    verdicts: dict[tuple[str, int, int], tuple | None] = {}  # one per company and sentence
    for occ in ctx.occurrences:
        company = occ.entry
        if not company.products or occ.name is None:
            continue
        if text[occ.end : occ.end + 1] == "社":
            continue
        start, end = ctx.sentence(occ)
        key = (company.term, start, end)
        if key not in verdicts:
            verdicts[key] = _judge(ctx, company, start, end)
        verdict = verdicts[key]
        if verdict is None:
            continue
        scored, certain = verdict
        _, _, best, hits = scored[0]
        message = f"「{occ.surface}」は社名です。文脈({'、'.join(hits[:4])})から製品「{best.term}」のことと読めます"
        yield ctx.diagnostic(
            "confusable-name",
            occ,
            message,
            [p.term for _, _, p, _ in scored],
            fix=best.term if certain else None,
            safe=False,  # a choice between products
        )


def _judge(ctx: LintContext, company, start: int, end: int):
    """(products ranked by their cues in the sentence, whether the first is
    certain), or None when the sentence is about the company itself."""
    if ctx.cues_in(company.cues, start, end):
        return None  # news about the company itself
    names = set(company.products)
    if any(o.entry.term in names for o in _in_range(ctx.occurrences, start, end)):
        return None  # "Freshworks社のFreshsales": the company beside its product
    products = [p for p in (ctx.glossary.get(name) for name in company.products) if p is not None]
    scored = []
    for index, product in enumerate(products):
        hits = ctx.cues_in(product.cues, start, end)
        scored.append((len(hits), -index, product, hits))
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    if not scored or scored[0][0] == 0:
        return None
    certain = len(scored) == 1 or scored[1][0] < scored[0][0]
    return scored, certain


def _in_range(occurrences, start: int, end: int):
    """The occurrences (in text order) that start inside [start, end)."""
    index = bisect.bisect_left(occurrences, start, key=lambda o: o.start)
    while index < len(occurrences) and occurrences[index].start < end:
        yield occurrences[index]
        index += 1
