from __future__ import annotations

from linter.context import LintContext
from linter.rules import SUPPRESSIONS, Needs, closest_rule_ids, rule


@rule("unknown-directive", "抑制コメントが存在しないルール名を挙げている", needs=Needs(stage=SUPPRESSIONS))
def check(ctx: LintContext):
    """
    ## 何をするか
    抑制コメント(`yogolint-disable` など)に書かれた名前のうち、ルール名の形
    (`ambiguous-term` のような英小文字とハイフン)をしているのにどのルールでもない
    ものを報告し、綴りの近いルール名を提案します。

    ## なぜ問題か
    ルール名を書き誤った抑制コメントは何も抑制しません。書いた人は抑制した
    つもりでいるので、指摘が消えない理由に気づけません。

    ## 例
    <!-- yogolint-disable-next-line ambigous-term -->
    CSの定例は毎週月曜です。

    ## 代わりに
    <!-- yogolint-disable-next-line ambiguous-term -->
    CSの定例は毎週月曜です。
    """
    for directive in ctx.suppressions.directives:
        for name in directive.unknown_rules:
            closest = closest_rule_ids(name.text)
            hint = f"「{closest[0]}」のことですか?" if closest else "yogolint rule で一覧を確認してください。"
            yield ctx.finding(
                "unknown-directive",
                name.start,
                name.end,
                f"「{name.text}」というルールはありません。{hint}",
                closest,
            )
