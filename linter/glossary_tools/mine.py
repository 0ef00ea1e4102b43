"""`yogolint glossary mine`: glossary entries proposed from a team's documents.

Read only the prose of each document (the masks the linter checks: code,
URLs and link targets are blank), and propose, ranked by how many documents
each would affect:

- abbreviations the glossary does not know, with the expansions the documents
  pair them with: `Customer Success Manager (CSM)`, `年間経常収益（ARR）`;
  an abbreviation paired with an existing entry's name (`Salesforce（SFDC）`)
  is proposed as a deprecated spelling of that entry;
- spelling variants of one word across the corpus (`ユーザー`/`ユーザ`,
  `GitLab`/`Gitlab`), the majority spelling proposed as canonical;
- Latin/katakana pairs of one term written side by side
  (`カスタマーサクセス（Customer Success）`);
- company names used like products (`X社` and `Xで管理する` both occur).

The output is YAML: each proposal has its evidence (uses, documents, up to 3
`file:line` examples) and, under `entry`, glossary YAML ready to paste.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from linter.glossary import Glossary
from linter.glossary_tools import ToolError

EXAMPLES = 3
_ABBR = re.compile(r"(?<![A-Za-z0-9_\-])([A-Z][A-Za-z0-9&]{1,6})(?![A-Za-z0-9_\-])")
_OPEN, _CLOSE = "(（", ")）"
_PAREN_AFTER = re.compile(r"\s?[(（]([^()（）\n]{1,60})[)）]")
_JA_RUN = re.compile(r"[\u4e00-\u9fff\u3005ァ-ヺー・]+$")
_JA_WORD = re.compile(r"[\u4e00-\u9fff\u3005ァ-ヺー・]{3,}")
_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z0-9'&\-]*(?: [A-Za-z][A-Za-z0-9'&\-]*)*$")
_KATAKANA = re.compile(r"(?<![ァ-ヺー・])[ァ-ヺ][ァ-ヺー・]{2,}(?![ァ-ヺー・])")
_LATIN_TOKEN = re.compile(
    r"(?<![A-Za-z0-9_\-./@])[A-Za-z][a-z]*[A-Z][A-Za-z]*(?![A-Za-z0-9_\-./@])|"
    r"(?<![A-Za-z0-9_\-./@])[A-Z][a-z]{2,}(?![A-Za-z0-9_\-./@])"
)
_COMPANY_USE = r"(?:\s?社(?![内員外長会是名])|,?\s(?:Inc\.?|Corp\.?|株式会社))"
_PRODUCT_USE = r"(?:で(?:管理|作成|確認|設定|記録|追跡|入力)|を(?:使|利用|導入)|に(?:ログイン|登録|入力|記録)|の(?:画面|ダッシュボード|設定|アカウント|レコード))"


@dataclass
class Evidence:
    count: int = 0
    documents: set = field(default_factory=set)
    examples: list[str] = field(default_factory=list)

    def add(self, where: str, document: str) -> None:
        self.count += 1
        self.documents.add(document)
        if len(self.examples) < EXAMPLES and where not in self.examples:
            self.examples.append(where)

    def as_dict(self) -> dict:
        return {"documents": len(self.documents), "uses": self.count, "examples": list(self.examples)}


@dataclass
class _Text:
    shown: str
    mask: str
    line_starts: list[int]

    def where(self, offset: int) -> str:
        return f"{self.shown}:{bisect.bisect_right(self.line_starts, offset)}"


def mine(glossary: Glossary, paths: list[Path], limit: int = 100) -> bytes:
    texts = list(_read(paths))
    if not texts:
        raise ToolError(f"{', '.join(map(str, paths))}: no Markdown or text files to read")
    known = _Known(glossary)
    proposals = (
        _abbreviations(texts, known)
        + _variant_clusters(texts, known)
        + _latin_katakana(texts, known)
        + _companies_as_products(texts, known)
    )
    proposals.sort(key=lambda p: (-p["evidence"]["documents"], -p["evidence"]["uses"], p["proposal"]))
    header = (
        f"# yogolint glossary mine: {len(proposals[:limit])} proposals from {len(texts)} documents,\n"
        "# most documents affected first. Review each; paste `entry` into a glossary file.\n"
    )
    body = yaml.safe_dump({"proposals": proposals[:limit]}, allow_unicode=True, sort_keys=False, width=10**6)
    return (header + body).encode("utf-8")


def _read(paths: list[Path]):
    from linter.documents import load_document
    from linter.files import LINTED_SUFFIXES, collect
    from linter.source import SourceError, read_source

    walk = collect([str(p) for p in paths])
    for target in walk.targets:
        if target.path.suffix.lower() not in LINTED_SUFFIXES:
            continue
        try:
            document = load_document(read_source(target.path, target.shown))
        except SourceError:
            continue  # unreadable or not text: nothing to learn from it
        mask = document.mask
        starts = [0] + [m.end() for m in re.finditer("\n", mask)]
        yield _Text(target.shown, mask, starts)


class _Known:
    """What the glossary already says, by spelling."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self.names: dict[str, str] = {}
        for entry in glossary.entries:
            for form in (*entry.names(), *(d.form for d in entry.deprecated), *entry.not_in):
                self.names.setdefault(form.casefold(), entry.term)
        self.loose = {_loose(k) for k in self.names}

    def entry_of(self, form: str) -> str | None:
        return self.names.get(form.casefold())

    def knows(self, form: str) -> bool:
        return form.casefold() in self.names or _loose(form) in self.loose


def _loose(form: str) -> str:
    return re.sub(r"[\s・ー\-]", "", unicodedata.normalize("NFKC", form)).casefold()


# --- abbreviations -----------------------------------------------------------


def _abbreviations(texts: list[_Text], known: _Known) -> list[dict]:
    uses: dict[str, Evidence] = defaultdict(Evidence)
    latin: dict[str, Counter] = defaultdict(Counter)
    japanese: dict[str, Counter] = defaultdict(Counter)
    entries: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        mask = text.mask
        for m in _ABBR.finditer(mask):
            abbr = m.group(1)
            upper = sum(c.isupper() for c in abbr)
            if upper < 2 or upper < sum(c.islower() for c in abbr) or known.knows(abbr):  # SaaS, not GitHub
                continue
            uses[abbr].add(text.where(m.start()), text.shown)
            # Full Name (ABBR) / 年間経常収益（ARR）
            if m.start() > 0 and mask[m.start() - 1] in _OPEN and m.end() < len(mask) and mask[m.end()] in _CLOSE:
                _pair(abbr, mask[max(0, m.start() - 80) : m.start() - 1].rstrip(), latin, japanese, entries, known)
            # ABBR (Full Name) / SFDC (Salesforce)
            after = _PAREN_AFTER.match(mask, m.end())
            if after:
                _pair(abbr, after.group(1).strip(), latin, japanese, entries, known, inside=True)
    proposals = []
    for abbr, evidence in uses.items():
        owner = entries[abbr].most_common(1)
        if owner and owner[0][1] >= max(1, sum(latin[abbr].values())):
            proposals.append(
                {
                    "proposal": "deprecated-spelling",
                    "form": abbr,
                    "reason": f"written as another name of '{owner[0][0]}' (paired {owner[0][1]}×)",
                    "evidence": evidence.as_dict(),
                    "entry": {"term": owner[0][0], "deprecated": [abbr]},
                }
            )
            continue
        expansions = [
            c.most_common(1)[0][0] for c in (latin[abbr], japanese[abbr]) if c and c.most_common(1)[0][1] >= 1
        ]
        if not expansions or evidence.count < 2:
            continue  # a capitalised word nobody spells out is not worth a proposal
        paired = sum(latin[abbr].values()) + round(sum(japanese[abbr].values()))
        proposals.append(
            {
                "proposal": "abbreviation",
                "form": abbr,
                "reason": f"not in the glossary; spelled out {paired}×",
                "evidence": evidence.as_dict(),
                "entry": {"term": abbr, "kind": "abbreviation", "expansions": expansions},
            }
        )
    return proposals


def _pair(abbr: str, text: str, latin, japanese, entries, known: _Known, inside: bool = False) -> None:
    if not text:
        return
    words = _LATIN_WORDS.search(text)
    if words:
        expansion = _initials_match(abbr, words.group(0).split(" "), from_start=inside)
        if expansion:
            latin[abbr][expansion] += 1
            return
    owner = _entry_at_edge(text, known, from_start=inside)
    if owner:
        entries[abbr][owner] += 1
        return
    run = _JA_WORD.fullmatch(text) if inside else _JA_RUN.search(text)
    if run and len(run.group(0)) >= 3:
        # 年間経常収益（ARR） defines; CSM（必須） after the letters is as often a remark
        japanese[abbr][run.group(0).strip("・")] += 1 if not inside else 0.5


def _initials_match(abbr: str, words: list[str], from_start: bool) -> str | None:
    """The run of words next to the parenthesis whose initials spell `abbr`
    (Account Executive → AE; Customer Success Manager → CSM)."""
    letters = abbr.upper().replace("&", "")
    for size in range(1, min(len(words), len(letters) + 2) + 1):
        chosen = words[:size] if from_start else words[-size:]
        initials = "".join(w[0] for w in chosen if w and w.lower() not in ("of", "and", "the", "for", "a", "as"))
        if initials.upper() == letters:
            return " ".join(chosen)
    return None


def _entry_at_edge(text: str, known: _Known, from_start: bool) -> str | None:
    """The glossary entry whose name the text ends (or, inside a parenthesis, is)."""
    if from_start:
        return known.entry_of(text)
    for start in range(max(0, len(text) - 40), len(text)):
        if start == 0 or not text[start - 1].isalnum():
            owner = known.entry_of(text[start:])
            if owner:
                return owner
    return None


# --- spelling variants -------------------------------------------------------


def _variant_clusters(texts: list[_Text], known: _Known) -> list[dict]:
    spellings: dict[str, dict[str, Evidence]] = defaultdict(lambda: defaultdict(Evidence))
    for text in texts:
        for pattern in (_KATAKANA, _LATIN_TOKEN):
            for m in pattern.finditer(text.mask):
                word = m.group(0).strip("・")
                if len(word) < 3:
                    continue
                spellings[_loose(word)][word].add(text.where(m.start()), text.shown)
    proposals = []
    for forms in spellings.values():
        forms = {w: e for w, e in forms.items() if _real_variant(w, forms)}
        if len(forms) < 2 or any(known.knows(w) for w in forms):
            continue
        ranked = sorted(forms.items(), key=lambda kv: (-kv[1].count, kv[0]))
        majority, others = ranked[0], ranked[1:]
        if majority[1].count < 2:
            continue
        combined = Evidence()
        for _, e in ranked:
            combined.count += e.count
            combined.documents |= e.documents
        combined.examples = [x for _, e in others for x in e.examples][:EXAMPLES]
        counts = ", ".join(f"{w} {e.count}×" for w, e in ranked)
        proposals.append(
            {
                "proposal": "spelling-variants",
                "form": majority[0],
                "reason": f"one word spelled {len(ranked)} ways: {counts}",
                "evidence": combined.as_dict(),
                "entry": {"term": majority[0], "kind": "concept", "deprecated": [w for w, _ in others]},
            }
        )
    return proposals


def _real_variant(word: str, forms: dict) -> bool:
    """A Latin spelling that differs from the others only in its first letter's
    case (Opportunity / opportunity) is ordinary English, not a variant."""
    if not word.isascii():
        return True
    if word.isupper():  # GITLAB in a heading is emphasis, not a spelling
        return False
    return not any(o != word and o[1:] == word[1:] and o[0].lower() == word[0].lower() for o in forms)


# --- Latin / katakana pairs ----------------------------------------------------


def _latin_katakana(texts: list[_Text], known: _Known) -> list[dict]:
    pairs: dict[tuple[str, str], Evidence] = defaultdict(Evidence)
    pattern = re.compile(
        r"(?<![ァ-ヺー・])([ァ-ヺ][ァ-ヺー・]{3,})\s?[(（]([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3})[)）]|"
        r"(?<![A-Za-z])([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3})\s?[(（]([ァ-ヺ][ァ-ヺー・]{3,})[)）]"
    )
    for text in texts:
        for m in pattern.finditer(text.mask):
            kana, latin = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            if len(latin) < 4 or (known.knows(kana) and known.knows(latin)) or not _sounds_alike(kana, latin):
                continue
            pairs[(kana, latin)].add(text.where(m.start()), text.shown)
    proposals = []
    for (kana, latin), evidence in pairs.items():
        owner = known.entry_of(kana) or known.entry_of(latin)
        entry = (
            {"term": owner, "variants": [latin if known.entry_of(kana) else kana]}
            if owner
            else {"term": kana, "kind": "concept", "variants": [latin]}
        )
        # what it would matter: the documents that mix the two spellings
        uses = {t.shown: (kana in t.mask, latin in t.mask) for t in texts}
        either = {doc for doc, (k, lat) in uses.items() if k or lat}
        mixed = {doc for doc, (k, lat) in uses.items() if k and lat}
        both = len(mixed)
        evidence.documents |= mixed
        proposals.append(
            {
                "proposal": "latin-katakana",
                "form": f"{kana} / {latin}",
                "reason": f"one term in two scripts, paired {evidence.count}×; {len(either)} documents use "
                f"one of them, {both} both",
                "evidence": evidence.as_dict(),
                "entry": entry,
            }
        )
    return proposals


# Which Latin letters a word transliterated to katakana can start with, by its first kana's row.
_ROWS = (
    "アa イie ウuwo エea オoa カckq キckq クckq ケckq コckq ガg ギg グg ゲg ゴg サsc シsc スs セsc ソs "
    "ザzx ジjgz ズz ゼz ゾz タt チct ツt テt トt ダd ヂj ヅz デd ドd ナn ニn ヌn ネn ノn ハh ヒh フfh ヘh ホh "
    "バbv ビbv ブbv ベbv ボbv パp ピp プp ペp ポp マm ミm ムm メm モm ヤy ユyu ヨy ラrl リrl ルrl レrl ロrl "
    "ワw ヴv"
)
_INITIALS = {item[0]: set(item[1:]) for item in _ROWS.split()}


def _sounds_alike(kana: str, latin: str) -> bool:
    """A plausible transliteration: the same first sound, a length in proportion,
    and a word rather than an acronym (SAST) or a persona's first name."""
    if latin.isupper() or latin[0].lower() not in _INITIALS.get(kana[0], set()):
        return False
    letters = sum(c.isalpha() for c in latin)
    return 0.45 <= len(kana.replace("・", "")) / letters <= 1.5


# --- company names used like products -------------------------------------------


def _companies_as_products(texts: list[_Text], known: _Known) -> list[dict]:
    name = r"([A-Z][A-Za-z0-9]+(?:[ .][A-Z][A-Za-z0-9]+)?)"
    company = re.compile(name + _COMPANY_USE)
    product = re.compile(name + r"\s?" + _PRODUCT_USE)
    as_company: dict[str, Evidence] = defaultdict(Evidence)
    as_product: dict[str, Evidence] = defaultdict(Evidence)
    for text in texts:
        for m in company.finditer(text.mask):
            as_company[m.group(1)].add(text.where(m.start()), text.shown)
        for m in product.finditer(text.mask):
            as_product[m.group(1)].add(text.where(m.start()), text.shown)
    proposals = []
    for word in sorted(set(as_company) & set(as_product)):
        if known.knows(word):
            continue
        c, p = as_company[word], as_product[word]
        evidence = Evidence(c.count + p.count, c.documents | p.documents, (c.examples[:1] + p.examples)[:EXAMPLES])
        proposals.append(
            {
                "proposal": "company-as-product",
                "form": word,
                "reason": f"named as a company {c.count}× and used like a product {p.count}×: "
                "say which product is meant",
                "evidence": evidence.as_dict(),
                "entry": {"term": word, "kind": "company", "products": []},
            }
        )
    return proposals
