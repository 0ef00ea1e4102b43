"""How broken prh dictionaries are reported, strict and lenient: every message
with its file:line, pinned so that a change to how prh YAML is read shows here.
"""

import pytest

from linter.prh import PrhError, load_prh

CASES = [
    (
        "00-merge-of-a-scalar",
        "version: 1\nrules:\n  - <<: 5\n    expected: a\n",
        "error: {p}:3: invalid YAML: expected a mapping or list of mappings for merging, but found scalar",
        "error: {p}:3: invalid YAML: expected a mapping or list of mappings for merging, but found scalar",
    ),
    (
        "00-merge-of-a-list-of-scalars",
        "version: 1\nrules:\n  - <<: [1]\n    expected: a\n",
        "error: {p}:3: invalid YAML: expected a mapping for merging, but found scalar",
        "error: {p}:3: invalid YAML: expected a mapping for merging, but found scalar",
    ),
    (
        "01-unknown-top",
        "version: 1\nfoo: 1\nrules:\n  - expected: A\n",
        "error: {p}:2: unknown key 'foo' in dictionary; known keys: imports, meta, rules, targets, version (load with strict=False to ignore it as prh does)",
        "ok: {p}:2: unknown key 'foo' in dictionary; known keys: imports, meta, rules, targets, version | rules [('A', 4, '/[AaＡａ]/gmu')]",
    ),
    (
        "02-spec-typo",
        "rules:\n  - expected: JavaScript\n    pattern: javascript\n    spec:\n      - from: javascript\n        to: JavaScript\n",
        "error: {p}:4: unknown key 'spec' in rule (did you mean 'specs'? prh ignores it); known keys: expected, options, pattern, patterns, prh, regexpMustEmpty, specs (load with strict=False to ignore it as prh does)",
        "ok: {p}:4: unknown key 'spec' in rule (did you mean 'specs'? prh ignores it); known keys: expected, options, pattern, patterns, prh, regexpMustEmpty, specs | rules [('JavaScript', 2, '/javascript/gmu')]",
    ),
    (
        "03-nonmapping-rule",
        "rules:\n  - [a, b]\n",
        "error: {p}:2: rule must be a mapping",
        "error: {p}:2: rule must be a mapping",
    ),
    (
        "04-nonscalar-key",
        "rules:\n  - expected: A\n    ? [x]\n    : 1\n",
        "error: {p}:3: non-scalar key in rule",
        "error: {p}:3: non-scalar key in rule",
    ),
    (
        "05-dup-key",
        "rules:\n  - expected: A\n    pattern: a\n    pattern: b\n",
        "error: {p}:4: duplicated key 'pattern' in rule",
        "error: {p}:4: duplicated key 'pattern' in rule",
    ),
    (
        "06-bad-bool",
        "rules:\n  - expected: A\n    options:\n      wordBoundary: maybe\n",
        "error: {p}:4: wordBoundary must be true or false",
        "error: {p}:4: wordBoundary must be true or false",
    ),
    (
        "07-import-missing",
        "imports:\n  - nothere.yml\nrules:\n  - expected: A\n",
        "error: {p}:2: import 'nothere.yml' not found (looked for {d}/nothere.yml)",
        "error: {p}:2: import 'nothere.yml' not found (looked for {d}/nothere.yml)",
    ),
    (
        "08-merge-ok",
        "meta:\n  base: &b {pattern: a}\nrules:\n  - <<: *b\n    expected: A\n",
        "ok:  | rules [('A', 4, '/a/gmu')]",
        "ok:  | rules [('A', 4, '/a/gmu')]",
    ),
    (
        "09-merge-override",
        "meta:\n  base: &b {expected: B, pattern: a}\nrules:\n  - <<: *b\n    expected: A\n",
        "error: {p}:5: duplicated key 'expected' in rule",
        "error: {p}:5: duplicated key 'expected' in rule",
    ),
    (
        "11-alias-rule",
        "rules:\n  - &r {expected: A, pattern: a}\n  - *r\n",
        "ok:  | rules [('A', 2, '/a/gmu'), ('A', 2, '/a/gmu')]",
        "ok:  | rules [('A', 2, '/a/gmu'), ('A', 2, '/a/gmu')]",
    ),
    ("12-empty", "", "error: {p}:1: empty dictionary", "error: {p}:1: empty dictionary"),
    (
        "13-list-top",
        "- expected: A\n",
        "error: {p}:1: dictionary must be a mapping",
        "error: {p}:1: dictionary must be a mapping",
    ),
    (
        "14-rules-mapping",
        "rules:\n  expected: A\n",
        "error: {p}:2: rules must be a list",
        "error: {p}:2: rules must be a list",
    ),
    (
        "15-expected-num",
        "rules:\n  - expected: 1.10\n    pattern: yes\n",
        "ok:  | rules [('1.10', 2, '/yes/gmu')]",
        "ok:  | rules [('1.10', 2, '/yes/gmu')]",
    ),
    (
        "16-expected-null",
        "rules:\n  - expected: ~\n",
        "error: {p}:2: 'expected' is required",
        "error: {p}:2: 'expected' is required",
    ),
    (
        "17-expected-missing",
        "rules:\n  - pattern: a\n",
        "error: {p}:2: rule without 'expected'",
        "error: {p}:2: rule without 'expected'",
    ),
    (
        "18-pattern-empty-list",
        "rules:\n  - expected: A\n    patterns: []\n",
        "error: {p}:3: rule 'A': empty pattern list",
        "error: {p}:3: rule 'A': empty pattern list",
    ),
    (
        "19-pattern-item-empty",
        'rules:\n  - expected: A\n    patterns:\n      - a\n      - ""\n',
        "error: {p}:5: rule 'A': patterns can't be empty",
        "error: {p}:5: rule 'A': patterns can't be empty",
    ),
    (
        "20-pattern-item-null",
        "rules:\n  - expected: A\n    patterns:\n      - a\n      -\n",
        "error: {p}:5: patterns must not be empty",
        "error: {p}:5: patterns must not be empty",
    ),
    (
        "21-version-bad",
        "version: abc\nrules: []\n",
        "error: {p}:1: version must be a number",
        "error: {p}:1: version must be a number",
    ),
    (
        "22-version-list",
        "version: [1]\n",
        "error: {p}:1: version must be a number",
        "error: {p}:1: version must be a number",
    ),
    (
        "23-dup-in-meta",
        "meta:\n  a: 1\n  a: 2\nrules:\n  - expected: A\n",
        "ok:  | rules [('A', 5, '/[AaＡａ]/gmu')]",
        "ok:  | rules [('A', 5, '/[AaＡａ]/gmu')]",
    ),
    (
        "24-python-tag",
        "rules:\n  - !!python/object:os.system {}\n",
        "error: {p}:2: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object:os.system'",
        "error: {p}:2: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object:os.system'",
    ),
    (
        "25-two-bad-tags",
        "rules:\n  - expected: !foo A\n  - expected: !bar B\n",
        "error: {p}:3: could not determine a constructor for the tag '!bar'",
        "error: {p}:3: could not determine a constructor for the tag '!bar'",
    ),
    (
        "26-invalid-yaml",
        "rules:\n  - expected: [A\n",
        "error: {p}:3: invalid YAML: did not find expected ',' or ']'",
        "error: {p}:3: invalid YAML: did not find expected ',' or ']'",
    ),
    (
        "27-spec-missing-to",
        "rules:\n  - expected: A\n    pattern: a\n    specs:\n      - from: a\n",
        "error: {p}:5: rule 'A': a spec needs 'from' and 'to'",
        "error: {p}:5: rule 'A': a spec needs 'from' and 'to'",
    ),
    (
        "28-target-no-file",
        "targets:\n  - includes: [x]\n",
        "error: {p}:2: target without 'file'",
        "error: {p}:2: target without 'file'",
    ),
    (
        "29-import-ignore",
        "imports:\n  - path: nothere.yml\n    ignoreRules:\n      - spec: x\n",
        "error: {p}:4: unknown key 'spec' in ignoreRules entry; known keys: expected, pattern (load with strict=False to ignore it as prh does)",
        "error: {p}:2: import 'nothere.yml' not found (looked for {d}/nothere.yml)",
    ),
    (
        "30-regexp-must-empty",
        "rules:\n  - expected: A\n    pattern: /a(b)?/\n    regexpMustEmpty: one\n",
        "error: {p}:4: rule 'A': regexpMustEmpty must look like $1",
        "error: {p}:4: rule 'A': regexpMustEmpty must look like $1",
    ),
    (
        "31-unknown-key-in-rule-then-dup",
        "rules:\n  - expected: A\n    foo: 1\n    expected: B\n",
        "error: {p}:3: unknown key 'foo' in rule; known keys: expected, options, pattern, patterns, prh, regexpMustEmpty, specs (load with strict=False to ignore it as prh does)",
        "error: {p}:4: duplicated key 'expected' in rule",
    ),
    (
        "32-key-yes",
        "rules:\n  - expected: A\n    yes: 1\n",
        "error: {p}:3: unknown key 'yes' in rule; known keys: expected, options, pattern, patterns, prh, regexpMustEmpty, specs (load with strict=False to ignore it as prh does)",
        "ok: {p}:3: unknown key 'yes' in rule; known keys: expected, options, pattern, patterns, prh, regexpMustEmpty, specs | rules [('A', 2, '/[AaＡａ]/gmu')]",
    ),
    (
        "33-null-key",
        "rules:\n  - expected: A\n    ~: 1\n",
        "error: {p}:3: unknown key '~' in rule; known keys: expected, options, pattern, patterns, prh, regexpMustEmpty, specs (load with strict=False to ignore it as prh does)",
        "ok: {p}:3: unknown key '~' in rule; known keys: expected, options, pattern, patterns, prh, regexpMustEmpty, specs | rules [('A', 2, '/[AaＡａ]/gmu')]",
    ),
    (
        "34-set-tag",
        "rules:\n  - !!set {expected: null}\n",
        "error: {p}:2: 'expected' is required",
        "error: {p}:2: 'expected' is required",
    ),
    (
        "35-dup-after-bad-rule",
        "rules:\n  - expected: A\n    bogus: 1\n  - expected: B\n    expected: C\n",
        "error: {p}:3: unknown key 'bogus' in rule; known keys: expected, options, pattern, patterns, prh, regexpMustEmpty, specs (load with strict=False to ignore it as prh does)",
        "error: {p}:5: duplicated key 'expected' in rule",
    ),
    (
        "36-int-tag-expected",
        "rules:\n  - expected: !!int abc\n",
        "ok:  | rules [('abc', 2, '/[AaＡａ][BbＢｂ][CcＣｃ]/gmu')]",
        "ok:  | rules [('abc', 2, '/[AaＡａ][BbＢｂ][CcＣｃ]/gmu')]",
    ),
    (
        "37-timestamp",
        "rules:\n  - expected: 2020-01-01\n",
        "ok:  | rules [('2020-01-01', 2, '/[2２][0０][2２][0０]-[0０][1１]-[0０][1１]/gmu')]",
        "ok:  | rules [('2020-01-01', 2, '/[2２][0０][2２][0０]-[0０][1１]-[0０][1１]/gmu')]",
    ),
    (
        "39-value-key",
        "rules:\n  - expected: A\n    =: 1\n",
        "error: {p}:3: unknown key '=' in rule; known keys: expected, options, pattern, patterns, prh, regexpMustEmpty, specs (load with strict=False to ignore it as prh does)",
        "ok: {p}:3: unknown key '=' in rule; known keys: expected, options, pattern, patterns, prh, regexpMustEmpty, specs | rules [('A', 2, '/[AaＡａ]/gmu')]",
    ),
    (
        "40-multi-doc",
        "rules: []\n---\nrules: []\n",
        "error: {p}:2: invalid YAML: but found another document",
        "error: {p}:2: invalid YAML: but found another document",
    ),
    (
        "41-bom",
        "\ufeffrules:\n  - expected: A\n  - bogus\n  - [x]\n",
        "error: {p}:4: rule must be a mapping",
        "error: {p}:4: rule must be a mapping",
    ),
    (
        "42-expected-empty-value",
        "rules:\n  - expected:\n    pattern: a\n",
        "error: {p}:2: 'expected' is required",
        "error: {p}:2: 'expected' is required",
    ),
    (
        "43-control-char",
        "rules:\n  - expected: A\x07\n",
        'error: {p}:1: invalid YAML: unacceptable character #x0007: control characters are not allowed\n  in "<unicode string>", position 22',
        'error: {p}:1: invalid YAML: unacceptable character #x0007: control characters are not allowed\n  in "<unicode string>", position 22',
    ),
    (
        "44-flow-dup",
        "rules:\n  - expected: A\n  - {expected: B, expected: C}\n",
        "error: {p}:3: duplicated key 'expected' in rule",
        "error: {p}:3: duplicated key 'expected' in rule",
    ),
]


def outcome(path: str, strict: bool) -> str:
    try:
        d = load_prh(path, strict=strict)
    except PrhError as e:
        return "error: " + str(e)
    return "ok: " + " | ".join(d.warnings) + f" | rules {[(r.expected, r.line, r.js_pattern) for r in d.rules]}"


@pytest.mark.parametrize(("name", "text", "strict", "lenient"), CASES, ids=[c[0] for c in CASES])
def test_broken_dictionary_messages(tmp_path, monkeypatch, name, text, strict, lenient):
    monkeypatch.setenv("YOGOLINT_CACHE_DIR", "")  # the compiled cache must not answer
    path = tmp_path / f"{name}.yml"
    path.write_bytes(text.encode("utf-8"))
    for want, is_strict in ((strict, True), (lenient, False)):
        got = outcome(str(path), is_strict).replace(str(path), "{p}").replace(str(tmp_path), "{d}")
        assert got == want
