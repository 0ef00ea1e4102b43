from __future__ import annotations

from linter.context import LintContext
from linter.diagnostics import Diagnostic, Edit
from linter.glossary import Entry
from linter.names import english_name_span, in_identifier
from linter.policy import Policy
from linter.rules import Needs, rule

_DEFAULT_REASON = {"product": "製品名は公式表記で", "company": "社名は公式表記で"}


def _misspellable(entry: Entry, policy: Policy) -> bool:
    """Entries with deprecated spellings; any other letter case of a proper
    name is a misspelling too."""
    return bool(entry.deprecated) or entry.kind in ("product", "company")


@rule(
    "preferred-term",
    "用語集が非推奨とする表記を正式な表記に直す",
    fixable=True,
    needs=Needs(entries=_misspellable, prh=True),
)
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
    `--prh` で textlint-rule-prh の辞書を指定すると、その規則の検出もこのルールから報告します。
    """
    for occ in ctx.occurrences:
        if occ.deprecated is None:
            continue
        canonical = occ.entry.term
        reason = occ.deprecated.message or occ.entry.message or _DEFAULT_REASON.get(occ.entry.kind, "推奨表記に統一")
        yield ctx.diagnostic(
            "preferred-term",
            occ,
            f"{occ.surface} → {canonical} ({reason})",
            [canonical],
            fix=canonical,
            safe=occ.in_name is None,  # inside a proper name (a page or field title) the writer decides
        )
    yield from _prh_findings(ctx)


def _prh_findings(ctx: LintContext):
    """prh candidates found on the whole text (the dictionaries are run
    once per file, not again on the mask), kept where they lie wholly in
    prose, then overlaps resolved. Like textlint-rule-prh (defaults), link
    text and emphasis are not checked (prose byte 2), and a match may
    cross a line break inside a paragraph but not Markdown syntax."""
    if not ctx.prh_hits:
        return
    document = ctx.document
    severity = ctx.policy.setting("preferred-term").severity
    text, prose = document.text, document.prose
    if prose is not None:

        def in_prose(s: int, e: int) -> bool:
            return prose.count(1, s, e) == e - s
    else:
        mask = document.mask

        def in_prose(s: int, e: int) -> bool:
            return mask[s:e] == text[s:e]

    def keep(s: int, e: int) -> bool:  # and never inside an identifier (`utm_source=marketo`)
        return in_prose(s, e) and not in_identifier(text, s, e)

    hits = [(d, h) for d, raw in ctx.prh_hits for h in d.select(text, raw, keep=keep)]
    for dictionary, hit in hits:
        reason = getattr(hit.rule, "message", None) or f"prh: {dictionary.name}"
        yield Diagnostic(
            path=document.source.path,
            rule="preferred-term",
            severity=severity,
            term=text[hit.start : hit.end],
            message=f"{hit.matched} → {hit.replacement} ({reason})",
            start=hit.start,
            end=hit.end,
            suggestions=[hit.replacement],
            # a $N of a group that took no part in the match: reported as prh
            # reports it, never written (基づ$1 on もとづく would drop く);
            # inside an English name the fix is the writer's call (unsafe)
            fix=Edit(
                hit.start,
                hit.end,
                hit.replacement,
                english_name_span(text, hit.start, hit.end) is None,
                origin=f"{hit.rule.source}:{hit.rule.line}",
            )
            if hit.certain
            else None,
        )
