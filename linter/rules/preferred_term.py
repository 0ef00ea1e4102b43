from __future__ import annotations

from linter.context import LintContext
from linter.rules import rule

_DEFAULT_REASON = {"product": "製品名は公式表記で", "company": "社名は公式表記で"}


@rule("preferred-term", "用語集が非推奨とする表記を正式な表記に直す", fixable=True)
def check(ctx: LintContext):
    """
    ## 何をするか
    用語集が非推奨としている表記(製品名のカタカナ表記、大文字小文字の誤り、
    余分な空白など)を見つけ、正式な表記を提案します。出現するたびに報告します。

    ## なぜ問題か
    製品名や社名の表記が揺れると、検索で見つからず、読み手には別物に見えます。
    顧客向けの提案書では公式表記でないこと自体が信頼を損ねます。

    ## 例
    セールスフォースとハブスポットの連携手順をまとめる。

    ## 代わりに
    SalesforceとHubSpotの連携手順をまとめる。

    `--fix` で正式な表記に置き換えられます。
    `Sales Force Automation`(SFA の展開形)のように、正式な別の語の一部は対象外です。
    """
    for occ in ctx.occurrences:
        if occ.deprecated is None:
            continue
        canonical = occ.entry.term
        reason = occ.deprecated.message or occ.entry.message or _DEFAULT_REASON.get(occ.entry.kind, "推奨表記に統一")
        yield ctx.diagnostic(
            "preferred-term", occ, f"{occ.surface} → {canonical} ({reason})", [canonical], fix=canonical
        )
