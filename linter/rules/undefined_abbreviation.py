from __future__ import annotations

from linter.context import LintContext
from linter.definitions import defined_at
from linter.folding import width_normalize
from linter.glossary import Entry
from linter.policy import Policy
from linter.rules import Needs, rule


def _needs_definition(entry: Entry, policy: Policy) -> bool:
    """Abbreviations a reader may not know: not a role's name, not well
    known, not ambiguous (ambiguous-term speaks of those)."""
    shorts = set(entry.short_names())
    return entry.kind != "role" and not entry.senses and bool(shorts) and not shorts <= policy.well_known


@rule("undefined-abbreviation", "略語を定義せずに使っている", needs=Needs(entries=_needs_definition))
def check(ctx: LintContext):
    """
    ## 何をするか
    用語集にある略語が、文書で初めて出る箇所で意味を添えられていないとき、
    その初出を1件だけ報告します。次のどれかがあれば定義済みです。
    `MQL(Marketing Qualified Lead)`、`マーケティング適格リード(MQL)`、
    `MQLとは、…`、箇条書きの `- MQL: …`、文頭の `PQLは、…を指す。`
    (`…のことです`、`…の略です` も。`本書では` などの前置きは可)、
    `…見込み客をMQLと呼ぶ。`、式 `LTV = 平均単価 × 継続期間`。
    CRM や KPI など、よく知られた略語(rules/ の `well_known`)は対象外です。
    同じ文字でも別の意味のとき(`SQLで抽出する` のクエリ言語)は対象外です。

    ## なぜ問題か
    MQL・SQL・SAL の境目は会社ごとに違います。定義のない略語は、部署をまたぐと
    読み手ごとに違う意味で読まれ、数字の比較ができなくなります。

    ## 例
    今月のMQLは412件でした。

    ## 代わりに
    今月のMQL(Marketing Qualified Lead)は412件でした。

    メッセージに用語集の展開形を示すので、そのまま貼り付けられます。
    """
    well_known = ctx.policy.well_known
    seen: set[str] = set()
    mask = ctx.document.mask
    for occ in ctx.occurrences:
        entry = occ.entry
        if not occ.is_short or entry.senses or entry.kind == "role" or occ.name is None or not _is_acronym(occ.name):
            continue
        if occ.name in well_known or entry.term in well_known:
            continue
        if occ.name in seen:
            continue
        seen.add(occ.name)
        if defined_at(ctx.text, mask, occ, entry.full_names()):
            continue
        expansions = entry.full_names()
        suggestions = [f"{occ.name}({e})" for e in _japanese_first(expansions)]
        meaning = f"({'／'.join(expansions[:2])})" if expansions else ""
        yield ctx.diagnostic(
            "undefined-abbreviation",
            occ,
            f"「{occ.surface}」{meaning}が定義されないまま使われています。初出で意味を添えてください",
            suggestions,
        )


def _is_acronym(name: str) -> bool:
    """Abbreviations in this rule's sense are written in Latin letters
    (`MQL`, `iPaaS`); a clipped Japanese word (`ナーチャリング`) reads as itself."""
    return any("A" <= c <= "Z" for c in width_normalize(name))


def _japanese_first(names: tuple[str, ...]) -> list[str]:
    return sorted(names, key=lambda n: n.isascii())
