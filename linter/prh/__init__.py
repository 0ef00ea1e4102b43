"""prh dictionaries for yogolint.

Reads the YAML dictionaries of the npm tool ``prh`` (used by
textlint-rule-prh) and applies them like prh 5.4.4, with a literal
Aho-Corasick prefilter so that ~1300 rules stay fast.

    from linter.prh import load_prh, PrhError
    d = load_prh("WEB+DB_PRESS.yml")      # PrhError("file:line: problem")
    d.name, d.rules, d.warnings, d.stats
    hits = d.find(text)                   # [PrhHit(start, end, matched, replacement, rule)]
    d.fix(text)                           # text with all hits replaced
    failures = d.run_specs()              # [(rule, from, expected, got)]

See README.md in this directory for the semantics and the deliberate
differences from prh.
"""

from .dictionary import PrhDictionary, PrhError, PrhHit, PrhRule, PrhSpec, SpecFailure, apply_hits, load_prh

__all__ = ["load_prh", "PrhError", "PrhDictionary", "PrhHit", "PrhRule", "PrhSpec", "SpecFailure", "apply_hits"]
