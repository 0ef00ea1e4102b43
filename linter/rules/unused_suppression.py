from __future__ import annotations

from linter.context import LintContext
from linter.rules import SUPPRESSIONS, Needs, rule


@rule("unused-suppression", "何も抑制していない抑制コメント", needs=Needs(stage=SUPPRESSIONS))
def check(ctx: LintContext):
    """
    ## 何をするか
    `yogolint-disable-next-line`、`yogolint-disable`、`yogolint-disable-file` の
    コメントのうち、実際には何の指摘も抑制していないものを報告します。
    既定では無効です。`--report-unused-suppressions`、`--select unused-suppression`、
    または設定の `rules: {unused-suppression: warning}` で有効にします。

    ## なぜ問題か
    文章を直したあとに残った抑制コメントは、次に同じ誤りが入ったときに
    それを黙って見逃させます。

    ## 例
    <!-- yogolint-disable-next-line ambiguous-term -->
    カスタマーサクセスの定例は毎週月曜です。

    ## 代わりに
    カスタマーサクセスの定例は毎週月曜です。
    """
    for directive in ctx.suppressions.unused():
        yield ctx.finding(
            "unused-suppression",
            directive.start,
            directive.end,
            f"使われていない抑制コメントです(yogolint-{directive.kind})。削除してください",
        )
