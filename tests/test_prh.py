"""Tests for linter.prh: loading prh dictionaries and applying them like prh."""

import glob
import os
import re

import pytest

from linter.prh import PrhError, load_prh
from linter.prh import dictionary as prhdict

HERE = os.path.dirname(__file__)
FIX = os.path.join(HERE, "fixtures", "prh")
CORPUS = os.environ.get("YOGOLINT_CORPUS") or os.path.join(HERE, "..", "..", "shared", "corpus")
if not os.path.isdir(CORPUS):
    CORPUS = "/work/shared/corpus"
HAVE_CORPUS = os.path.isdir(os.path.join(CORPUS, "prh-rules"))
needs_corpus = pytest.mark.skipif(not HAVE_CORPUS, reason="shared/corpus is missing")
PRH_RULES = os.path.join(CORPUS, "prh-rules")
WEBDB = os.path.join(CORPUS, "prh-rules", "media", "WEB+DB_PRESS.yml")


def write(tmp_path, text, name="d.yml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def fix(d, text):
    return d.fix(text)


# --------------------------------------------------------------- corpus specs
# Dictionaries that prh (5.4.4 on node 20) does not load as they are, and why.
# They are loaded with strict=False here (prh ignores unknown keys too).
LENIENT = {
    # `spec:` (typo for `specs:`) at line 1855; prh ignores the key
    "prh-rules/media/WEB+DB_PRESS.yml": "unknown key 'spec'",
    # `spec:` typo at line 294
    "prh-extra/azu-prh.yml/ja/kanji-open.yml": "unknown key 'spec'",
    # `\!` is an invalid escape in unicode mode: prh itself throws
    # "Invalid regular expression ... Invalid escape" and loads nothing
    "prh-extra/azu-prh.yml/ja/web+db.yml": "invalid escape '\\!'",
    # not a prh file (ban-only `patterns:` list of textlint-rule-preset-smarthr): no rules
    "prh-extra/smarthr/dict/pattern-rules.yml": "unknown key 'patterns'",
}
# Not rule dictionaries / refused as a whole (error expected in any mode).
NOT_LOADABLE = {
    # Re:VIEW target patterns with `(?:\[.*?\])*`: nested quantifiers, refused
    "prh-rules/files/review.yml": "nested quantifiers",
    "prh-format/misc/review-ignore.yml": "nested quantifiers",
}


def corpus_dicts():
    if not HAVE_CORPUS:
        return []
    files = []
    for sub in ("prh-rules", "prh-extra", "prh-format"):
        files += [f for f in glob.glob(os.path.join(CORPUS, sub, "**", "*.yml"), recursive=True) if os.path.isfile(f)]
    files += [
        os.path.join(CORPUS, "ja-docs", "ja.react.dev", "textlint", "prh.yml"),
        os.path.join(CORPUS, "ja-docs", "angular-ja", "prh.yml"),
    ]
    return sorted(os.path.relpath(f, CORPUS).replace(os.sep, "/") for f in files)


@needs_corpus
@pytest.mark.parametrize("rel", corpus_dicts())
def test_corpus_dictionary_specs(rel):
    path = os.path.join(CORPUS, rel)
    if rel in NOT_LOADABLE:
        for strict in (True, False):
            with pytest.raises(PrhError, match=re.escape(NOT_LOADABLE[rel])) as ei:
                load_prh(path, strict=strict)
            assert str(ei.value).startswith(path + ":")
        return
    if rel in LENIENT:
        with pytest.raises(PrhError, match=re.escape(LENIENT[rel])):
            load_prh(path, prh_rules_dir=PRH_RULES)
        d = load_prh(path, strict=False, prh_rules_dir=PRH_RULES)
        assert any(LENIENT[rel] in w for w in d.warnings)
    else:
        d = load_prh(path, prh_rules_dir=PRH_RULES)
    failures = d.run_specs()
    assert failures == [], [tuple(f) for f in failures]


@needs_corpus
def test_corpus_spec_counts():
    """The specs really run: counts per dictionary (after merging imports)."""
    counts = {}
    for rel in (
        "prh-rules/media/WEB+DB_PRESS.yml",
        "prh-extra/smarthr/dict/prh-idiomatic-usage.yml",
        "prh-rules/media/techbooster.yml",
        "ja-docs/ja.react.dev/textlint/prh.yml",
    ):
        d = load_prh(os.path.join(CORPUS, rel), strict=False)
        counts[rel] = sum(len(r.specs) for r in d.rules)
    assert counts["prh-rules/media/WEB+DB_PRESS.yml"] == 76
    assert counts["prh-extra/smarthr/dict/prh-idiomatic-usage.yml"] == 273
    assert counts["prh-rules/media/techbooster.yml"] == 47  # 35 own + imported
    assert counts["ja-docs/ja.react.dev/textlint/prh.yml"] == 25


@needs_corpus
def test_webdb_loads_and_names():
    d = load_prh(WEBDB, strict=False)
    assert d.name == "WEB+DB_PRESS"
    assert len(d.rules) == 1296
    r = d.rules[0]
    assert r.line > 0 and r.source == WEBDB
    assert d.stats["scan"] == 0  # every regex has a literal for the prefilter


# ------------------------------------------------------------------ pitfalls
def test_replacement_containing_its_pattern(tmp_path):
    d = load_prh(write(tmp_path, "version: 1\nrules:\n  - expected: サーバー\n    pattern: サーバ\n"))
    assert fix(d, "サーバとサーバー") == "サーバーとサーバー"
    assert [h.start for h in d.find("サーバーとサーバ")] == [5]
    # the replacement may also extend to the left of the match
    d = load_prh(write(tmp_path, "version: 1\nrules:\n  - expected: ソフトウェア\n    pattern: ウェア\n"))
    assert d.find("ソフトウェア") == []
    assert fix(d, "ウェア") == "ソフトウェア"


def test_capture_groups_per_pattern(tmp_path):
    d = load_prh(
        write(
            tmp_path,
            """version: 1
rules:
  - expected: ECMAScript $1
    patterns:
      - /ECMAScript([0-9]+)/
      - /ECMA Script([0-9]+)/
    specs:
      - from: ECMA Script6
        to: ECMAScript 6
""",
        )
    )
    # prh's combined regexp numbers the second pattern's group $2: "ECMAScript " would come out
    assert fix(d, "ECMAScript6 と ECMA Script2015") == "ECMAScript 6 と ECMAScript 2015"
    assert d.run_specs() == []


def test_word_boundary_does_not_rewrite_inside_word(tmp_path):
    d = load_prh(
        write(
            tmp_path,
            """version: 1
rules:
  - expected: CS
    pattern: cs
    options:
      wordBoundary: true
  - expected: js
    options:
      wordBoundary: true
""",
        )
    )
    assert d.find("CSS と xcs") == []
    assert fix(d, "cs と CSS と altJS と 今日もJS祭り") == "CS と CSS と altJS と 今日もjs祭り"
    assert fix(d, "ＪＳ") == "ＪＳ"  # JS \b is ASCII: full-width letters are no word characters


# ------------------------------------------------------------------ semantics
def test_expected_only_ignores_case_and_width(tmp_path):
    d = load_prh(write(tmp_path, "version: 1\nrules:\n  - expected: jQuery\n  - Cookie\n"))
    assert d.rules[0].js_pattern == "/[JjＪｊ][QqＱｑ][UuＵｕ][EeＥｅ][RrＲｒ][YyＹｙ]/gmu"
    assert fix(d, "ＪＱＵＥＲＹ と jquery と COOKIE") == "jQuery と jQuery と Cookie"


def test_regexp_must_empty_and_dollar(tmp_path):
    d = load_prh(
        write(
            tmp_path,
            r"""version: 1
rules:
  - expected: ソフトウェア
    pattern: /(日経)?ソフトウエア/
    regexpMustEmpty: $1
  - expected: （$1）
    pattern: /\(([^)]+)\)/
  - expected: x$12
    pattern: /y(z)/
""",
        )
    )
    assert fix(d, "日経ソフトウエアとソフトウエア") == "日経ソフトウエアとソフトウェア"
    assert fix(d, "(そのとおり)") == "（そのとおり）"
    assert fix(d, "yz") == "x$12"  # like prh: $12 > number of groups stays literal


def test_overlaps_longer_then_earlier(tmp_path):
    d = load_prh(
        write(
            tmp_path,
            """version: 1
rules:
  - expected: X
    pattern: ab
  - expected: Y
    pattern: abc
  - expected: Z
    pattern: bcd
""",
        )
    )
    hits = d.find("abcd abd")
    assert [(h.start, h.end, h.replacement) for h in hits] == [(0, 3, "Y"), (5, 7, "X")]


def test_paragraphs_and_pragmas(tmp_path):
    d = load_prh(
        write(
            tmp_path,
            r"""version: 1
rules:
  - expected: A-B
    pattern: /A\s+B/
  - expected: 良い
    pattern: よい
""",
        )
    )
    assert fix(d, "A\nB") == "A-B"
    assert fix(d, "A\n\nB") == "A\n\nB"  # prh checks paragraph by paragraph
    assert fix(d, "<!-- prh:disable -->\nよい") == "<!-- prh:disable -->\nよい"
    assert fix(d, "<!-- prh:disable:よい -->\nよい A B\n\nよい") == "<!-- prh:disable:よい -->\nよい A-B\n\n良い"


def test_js_regex_dialect(tmp_path):
    d = load_prh(
        write(
            tmp_path,
            r"""version: 1
rules:
  - expected: N$1
    pattern: /n(\d+)/
  - expected: W
    pattern: /\bword\b/
  - expected: ANY
    pattern: /<[^]*?>/
  - expected: E
    pattern: /\u{1F600}/
  - expected: G$1
    pattern: /g(?<num>[0-9])\k<num>/
  - expected: I
    pattern: /ignorecase/i
  - expected: S
    pattern: /x\sy/
  - expected: D
    pattern: /dot.dot/
""",
        )
    )
    assert fix(d, "n12 n１２") == "N12 n１２"  # \d is ASCII in JS
    assert fix(d, "word wordy 単語wordです") == "W wordy 単語Wです"
    assert fix(d, "<a\nb>") == "ANY"
    assert fix(d, "\U0001f600") == "E"
    assert fix(d, "g11 g12") == "G1 g12"
    assert fix(d, "IgnoreCase") == "I"
    assert fix(d, "x\u3000y x\x1cy") == "S x\x1cy"  # JS \s: U+3000 yes, U+001C no
    assert fix(d, "dot\u2028dot, dotxdot") == "dot\u2028dot, D"


def test_variable_width_lookbehind(tmp_path):
    d = load_prh(
        write(
            tmp_path,
            r"""version: 1
rules:
  - expected: とき
    pattern: /(?<!この|その|あの時点の)時/
  - expected: マスター
    pattern: /(?<!SmartHR ?)マスタ(?!ー)/
""",
        )
    )
    assert fix(d, "その時と時") == "その時ととき"
    assert fix(d, "あの時点の時") == "あのとき点の時"  # 2nd 時: 5-char look-behind
    assert fix(d, "SmartHR マスタ、SmartHRマスタ、マスタ") == "SmartHR マスタ、SmartHRマスタ、マスター"


def test_combining_flags_refused(tmp_path):
    p = write(tmp_path, "version: 1\nrules:\n  - expected: a\n    patterns:\n      - /a/i\n      - b\n")
    with pytest.raises(PrhError, match=r"d\.yml:3: rule 'a': combining different flags"):
        load_prh(p)


# ------------------------------------------------------------------ errors
def test_bad_yaml_names_file_and_line():
    p = os.path.join(FIX, "bad_yaml.yml")
    with pytest.raises(PrhError) as ei:
        load_prh(p)
    assert re.match(re.escape(p) + r":[45]: invalid YAML", str(ei.value))


def test_unknown_key_names_file_and_line():
    p = os.path.join(FIX, "unknown_key.yml")
    with pytest.raises(PrhError, match=re.escape(p) + r":6: unknown key 'patern' in rule"):
        load_prh(p)
    d = load_prh(p, strict=False)
    assert len(d.rules) == 2 and "patern" in d.warnings[0]


def test_bad_regex_names_file_line_and_rule():
    p = os.path.join(FIX, "bad_regex.yml")
    with pytest.raises(PrhError, match=re.escape(p) + r":5: rule 'broken': .*unterminated group"):
        load_prh(p)


def test_duplicate_key_and_empty_pattern(tmp_path):
    with pytest.raises(PrhError, match=r":3: duplicated key 'expected'"):
        load_prh(write(tmp_path, "rules:\n  - expected: a\n    expected: b\n"))
    with pytest.raises(PrhError, match=r":3: rule 'a': pattern can't be empty"):
        load_prh(write(tmp_path, "rules:\n  - expected: a\n    pattern: ''\n"))
    with pytest.raises(PrhError, match=r"can match the empty string"):
        load_prh(write(tmp_path, "rules:\n  - expected: a\n    pattern: /x*/\n"))
    with pytest.raises(PrhError, match=r"unicode property escape"):
        load_prh(write(tmp_path, "rules:\n  - expected: a\n    pattern: /\\p{L}/\n"))


def test_escaped_non_ascii_digit_is_an_invalid_escape(tmp_path):
    # `\²` and `\٣` are digits to str.isdigit and re's \d, but not to JS:
    # an identity escape, invalid in unicode mode (like `\!`), never a
    # backreference. It used to crash the parser with AttributeError.
    for pattern, literal in (("/2\\²/", "2²"), ("/(a)\\٣/", "a٣"), ("/[\\²]/", "²")):
        p = write(tmp_path, f"rules:\n  - expected: X\n    pattern: {pattern}\n")
        with pytest.raises(PrhError, match=re.escape(p) + r":2: rule 'X': invalid escape '\\[²٣]'"):
            load_prh(p)
        d = load_prh(p, strict=False)
        assert "accepted as a literal" in d.warnings[0]
        assert fix(d, f"<{literal}>") == "<X>"


def test_zero_before_a_digit_is_no_backreference(tmp_path):
    # JS (unicode mode, as prh compiles) refuses `\01`: "Invalid decimal
    # escape". It was read as a backreference to group 1.
    p = write(tmp_path, "rules:\n  - expected: X\n    pattern: /(a)\\01/\n")
    for strict in (True, False):
        with pytest.raises(PrhError, match=re.escape(p) + r":2: rule 'X': invalid decimal escape"):
            load_prh(p, strict=strict)
    # `\0` alone is still the NUL character, and `\1` a backreference
    p = write(tmp_path, "rules:\n  - expected: X\n    pattern: /(a)\\1/\n")
    assert fix(load_prh(p), "<aa>") == "<X>"


def test_quantifier_counts_are_ascii_digits(tmp_path):
    # `{٣}` is not a quantifier in JS: a lone brace, as `{x}` is
    p = write(tmp_path, "rules:\n  - expected: X\n    pattern: /a{٣}/\n")
    with pytest.raises(PrhError, match=r":2: rule 'X': lone '\{'"):
        load_prh(p)
    assert fix(load_prh(p, strict=False), "aaa a{٣}") == "aaa X"


def test_dangerous_regex_refused():
    p = os.path.join(FIX, "dangerous.yml")
    with pytest.raises(PrhError, match=re.escape(p) + r":3: rule 'a': .*nested quantifiers"):
        load_prh(p)


def test_harmless_nesting_accepted(tmp_path):
    # Accepted at load, and it runs inside the per-paragraph time limit
    # (a pattern that backtracked would raise TimeoutError here).
    d = load_prh(write(tmp_path, "rules:\n  - expected: L\n    pattern: /(?:.*\\n)+END/\n"))
    assert d.find("a" * 5000 + "\n" * 1 + "x" * 5000) == []


# ------------------------------------------------------------------ imports
@needs_corpus
def test_imports_disable_and_ignore_rules():
    d = load_prh(os.path.join(CORPUS, "prh-format", "misc", "imports.yml"))
    # imports-c is loaded with disableImports; imports-d's three rules are all ignored
    assert [(r.expected, r.js_pattern) for r in d.rules] == [("a", "/[AaＡａ]/gmu"), ("b", "/[BbＢｂ]/gmu")]
    assert d.sources[0].endswith("imports.yml") and len(d.sources) == 5


@needs_corpus
def test_imports_merge_first_expected_wins():
    d = load_prh(os.path.join(CORPUS, "prh-rules", "media", "techbooster.yml"))
    assert len(d.rules) == 65  # 54 own + imported rules whose expected is new
    assert [r.expected for r in d.rules].count("技術書典") == 2  # duplicate within one file is kept


def test_import_cycle_and_missing(tmp_path):
    with pytest.raises(PrhError, match="import cycle"):
        load_prh(os.path.join(FIX, "cycle_a.yml"))
    p = os.path.join(FIX, "missing_import.yml")
    with pytest.raises(PrhError, match=re.escape(p) + r":3: import .*not found.*--prh-rules PATH"):
        load_prh(p)
    d = load_prh(p, ignore_missing_imports=True)
    assert [r.expected for r in d.rules] == ["jQuery"] and "ignored" in d.warnings[0]


@needs_corpus
def test_angular_import_fallback_and_markdown_targets():
    p = os.path.join(CORPUS, "ja-docs", "angular-ja", "prh.yml")
    with pytest.raises(
        PrhError, match=r"prh\.yml:3: import './node_modules/prh/prh-rules/files/markdown.yml' not found"
    ):
        load_prh(p)
    d = load_prh(p, prh_rules_dir=PRH_RULES)
    assert len(d.targets) == 1 and len(d.rules) == 64
    text = "依存性注入を使う。`依存性注入` は\n\n```\n依存性注入\n```\n\n[依存性注入](http://x)"
    assert len(d.find(text)) == 4
    hits = d.find(text, path="guide/di.md")  # markdown.yml excludes code and links
    assert [h.start for h in hits] == [0]
    assert d.find(text, path="guide/di.txt") == d.find(text)


# ------------------------------------------------------------------ prefilter equivalence
def naive_find(d, text):
    """Every rule's full regex on every paragraph: no automaton, no windows."""
    paras = d._paragraphs(text)
    raw = []
    for ri, rule in enumerate(d.rules):
        for ps, pe in paras:
            pt = text[ps:pe]
            for m in rule._compiled.finditer(pt):
                repl = d._expand(rule, m, pt)
                if repl is None:
                    continue
                s, e = m.start() + ps, m.end() + ps
                if repl == text[s:e] or prhdict._already_correct(text, s, e, repl):
                    continue
                raw.append((s, e, ri, repl))
    return [(s, e, repl, d.rules[ri].expected) for s, e, ri, repl in prhdict._resolve(raw)]


@needs_corpus
def test_find_equals_naive_on_real_markdown():
    d = load_prh(WEBDB, strict=False)
    files = sorted(glob.glob(os.path.join(CORPUS, "ja-docs", "vuejs-docs-ja", "src", "guide", "essentials", "*.md")))[
        :6
    ]
    assert files
    total = 0
    for f in files:
        with open(f, encoding="utf-8") as fh:
            text = fh.read()
        got = [(h.start, h.end, h.replacement, h.rule.expected) for h in d.find(text)]
        assert got == naive_find(d, text), f
        total += len(got)
    assert total > 50


@needs_corpus
def test_find_equals_naive_other_dictionaries():
    text = open(
        os.path.join(CORPUS, "ja-docs", "vuejs-docs-ja", "src", "guide", "introduction.md"), encoding="utf-8"
    ).read()
    rels = ["prh-rules/media/techbooster.yml", "prh-extra/smarthr/dict/prh-idiomatic-usage.yml"]
    for rel in rels:
        d = load_prh(os.path.join(CORPUS, rel))
        got = [(h.start, h.end, h.replacement, h.rule.expected) for h in d.find(text)]
        assert got == naive_find(d, text)


# ------------------------------------------------------------------ in Markdown, like textlint-rule-prh
# (tests/fixtures/prh/DIFFERENCES.md: yogolint against textlint + textlint-rule-prh on ja-docs)
MD_DICT = """\
version: 1
rules:
  - expected: $1ほか$2
    pattern: /([^排人])他([^ァ-ヶ社者人方])/
  - expected: ほか$1
    pattern: /他([にの])/
  - expected: $1Web$2
    pattern: /(?:([^/])ウェブ)|(?:ウェブ([^/\\+]))/
  - expected: Web
    pattern: ウェブ
  - expected: よい
    pattern: いい
  - expected: サーバ
    pattern: /サーバー/
"""


def prh_lint(tmp_path, markdown):
    """(line, column, matched, replacement) of `yogolint check --prh` on one Markdown file."""
    import json

    from click.testing import CliRunner

    from linter.cli import main

    dic = write(tmp_path, MD_DICT)
    doc = tmp_path / "doc.md"
    doc.write_text(markdown, encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["check", "--no-cache", "--prh", dic, "--select", "preferred-term", "--format", "json", str(doc)],
        catch_exceptions=False,
    )
    return [(d["line"], d["column"], d["term"], d["suggestions"][0]) for d in json.loads(result.stdout)["diagnostics"]]


def test_markdown_syntax_does_not_hide_the_text_node_match(tmp_path):
    # The whole-text match reaches into the marker (`*他の`, ` 他の` after `##`,
    # ` ウェブ` after `-`); textlint runs prh on the text node alone and finds
    # the match that starts inside it. yogolint drops the first and finds the other.
    got = prh_lint(tmp_path, "## 他のコンポーネント\n\n**他の Angular**\n\n- ウェブ版の説明\n")
    assert got == [(1, 4, "他の", "ほかの"), (3, 3, "他の", "ほかの"), (5, 3, "ウェブ版", "Web版")]


def test_link_text_and_emphasis_are_not_checked(tmp_path):
    # textlint-rule-prh defaults: checkLink false, checkEmphasis false (Strong is checked)
    got = prh_lint(tmp_path, "[サーバー](http://x) と *サーバー* と **サーバー**。\n\n### API {/*server-サーバー*/}\n")
    assert got == [(1, 31, "サーバー", "サーバ")]


def test_table_cells_with_the_same_text(tmp_path):
    got = prh_lint(tmp_path, "| a | b | c |\n| --- | --- | --- |\n| x | いいえ | いいえ |\n")
    assert got == [(3, 7, "いい", "よい"), (3, 13, "いい", "よい")]


def test_url_in_inline_code_ends_at_the_backtick(tmp_path):
    got = prh_lint(tmp_path, "`http://localhost:4200`で開発サーバーを起動します。\n")
    assert got == [(1, 27, "サーバー", "サーバ")]


def test_match_across_a_soft_line_break(tmp_path):
    # a text node spans the paragraph's line breaks and the next line's indent
    got = prh_lint(tmp_path, "- 説明\n  ウェブサイト上で\n")
    assert got == [(2, 2, " ウェブ", " Web")]


def test_word_edge_prefilter_keeps_every_match_of_a_word_bounded_rule(tmp_path):
    """`\\bpath\\b`-style rules are prefiltered on word edges: hits inside a
    word (xpath, Paths) are dropped before the regex runs, hits at a
    paragraph start, after Japanese text or punctuation are kept; the result
    must equal running every regex on every paragraph."""
    dic = tmp_path / "edges.yml"
    dic.write_text(
        "version: 1\nrules:\n"
        "  - expected: Path\n    pattern: /\\bpath\\b|\\bPATH\\b/\n"
        "  - expected: ML\n    pattern: /\\bml\\b(?!系)/i\n"
        "  - expected: Kelvin\n    pattern: /\\bk\\b/i\n",
        encoding="utf-8",
    )
    d = load_prh(str(dic))
    assert all(rule._word_edges for rule in d.rules)
    text = (
        "path の設定。xpath と path_x と Paths、そして「path」。\n\n"
        "path\n\nMLの話、ml系の話、HTMLの話、(Ml) と ｍｌ。\n\nK と \u212a と ok と k_ と ſk。\n"
    )
    hits = d.find(text)
    assert [(h.start, h.end, h.replacement, h.rule.expected) for h in hits] == naive_find(d, text)
    # path at a paragraph start, after 。and after 「; not in xpath, path_x, Paths;
    # ml系 is excluded by the look-ahead, ML is already right; ſk is one word under /i
    assert [(text[h.start : h.end], h.replacement) for h in hits] == [
        ("path", "Path"),
        ("path", "Path"),
        ("path", "Path"),
        ("Ml", "ML"),
        ("K", "Kelvin"),
        ("\u212a", "Kelvin"),
    ]
