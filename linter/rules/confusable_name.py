from __future__ import annotations

from linter.context import LintContext, cue_hits
from linter.rules import rule


@rule("confusable-name", "社名を製品名の代わりに使っている", fixable=True)
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

    手がかりが一つの製品だけを指すときに限り `--fix` で置き換えます。
    """
    text = ctx.document.mask
    for occ in ctx.occurrences:
        company = occ.entry
        if not company.products or occ.name is None:
            continue
        if text[occ.end:occ.end + 1] == "社":
            continue
        start, end = ctx.sentence(occ)
        sentence_text = ctx.text[start:end]
        words = ctx.words.lemmas(start, end)
        if cue_hits(company.cues, words, sentence_text):
            continue  # news about the company itself
        products = [p for p in (ctx.glossary.get(name) for name in company.products) if p is not None]
        if any(o.entry in products and start <= o.start < end for o in ctx.occurrences):
            continue  # "Freshworks社のFreshsales": the company beside its product
        scored = []
        for index, product in enumerate(products):
            hits = cue_hits(product.cues, words, sentence_text)
            scored.append((len(hits), -index, product, hits))
        scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
        if not scored or scored[0][0] == 0:
            continue
        best_score, _, best, hits = scored[0]
        certain = len(scored) == 1 or scored[1][0] < best_score
        message = (
            f"「{occ.surface}」は社名です。文脈({'、'.join(hits[:4])})から製品「{best.term}」のことと読めます"
        )
        yield ctx.diagnostic(
            "confusable-name", occ, message, [p.term for _, _, p, _ in scored],
            fix=best.term if certain else None,
        )
