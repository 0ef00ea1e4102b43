"""`yogolint glossary check`: the glossary linted as a document of its own.

Findings (one line each, `file:line: code: message`):
- duplicate-spelling: one spelling (letter case and width aside) claimed by
  two entries, e.g. a deprecated spelling that is another entry's name; the
  linter could not tell which entry a match is;
- near-duplicate: two entries' spellings that differ only in spaces, ・ or
  hyphens (`Sales Force` / `SalesForce`): one would correct the other;
- shadowed-form: a deprecated spelling of one entry standing as a whole word
  inside another entry's name; leftmost-longest matching hides it there, so
  the entry should list that name in `not_in` if that is meant;
- missing-definition: an entry without a definition (the page, `explain` and
  every export show it empty).
"""

from __future__ import annotations

import re
import unicodedata

from linter.folding import spelling_key
from linter.glossary import Entry, Glossary

_LOOSE = re.compile(r"[\s・･\-‐‑–—_/.]")
_WORD_CHAR = re.compile(r"[A-Za-z0-9]|[ァ-ヺー]")


def loose_key(form: str) -> str:
    return _LOOSE.sub("", unicodedata.normalize("NFKC", form)).casefold()


def check_glossary(glossary: Glossary) -> list[str]:
    """The findings as lines, in file and line order."""
    findings: list[tuple[str, int, str]] = []  # (file, line, "code: message")
    findings += _duplicates(glossary)
    findings += _shadowed(glossary)
    findings += [
        (e.file, e.line, f"missing-definition: '{e.term}' has no definition")
        for e in glossary.entries
        if not e.definition
    ]
    return [f"{file}:{line}: {text}" for file, line, text in sorted(findings, key=lambda f: (f[0], f[1]))]


def _forms(entry: Entry) -> list[tuple[str, str]]:
    return [(n, "name") for n in entry.names()] + [(d.form, "deprecated spelling") for d in entry.deprecated]


def _duplicates(glossary: Glossary) -> list[tuple[str, int, str]]:
    findings = []
    exact: dict[str, tuple[Entry, str, str]] = {}
    loose: dict[str, tuple[Entry, str, str]] = {}
    for entry in glossary.entries:
        for form, role in _forms(entry):
            for table, code in ((exact, "duplicate-spelling"), (loose, "near-duplicate")):
                key = spelling_key(form) if table is exact else loose_key(form)
                other = table.setdefault(key, (entry, form, role))
                if other[0] is not entry:
                    if code == "near-duplicate" and spelling_key(form) == spelling_key(other[1]):
                        continue  # reported as a duplicate already
                    findings.append(
                        (
                            entry.file,
                            entry.line,
                            f"{code}: {role} '{form}' of '{entry.term}' is "
                            f"{'' if code == 'duplicate-spelling' else 'nearly '}the {other[2]} '{other[1]}' of "
                            f"'{other[0].term}' ({other[0].file}:{other[0].line})",
                        )
                    )
                    break
    return findings


def _shadowed(glossary: Glossary) -> list[tuple[str, int, str]]:
    findings = []
    for entry in glossary.entries:
        listed = {spelling_key(n) for n in entry.not_in}
        for deprecated in entry.deprecated:
            for other in glossary.entries:
                if other is entry:
                    continue
                for form, role in _forms(other):
                    if (
                        form != deprecated.form
                        and spelling_key(form) not in listed
                        and _whole_word_in(deprecated.form, form)
                    ):
                        findings.append(
                            (
                                entry.file,
                                entry.line,
                                f"shadowed-form: deprecated spelling '{deprecated.form}' of "
                                f"'{entry.term}' is a word of the {role} '{form}' of '{other.term}' "
                                f"({other.file}:{other.line}); list it in not_in if that is meant",
                            )
                        )
    return findings


def _whole_word_in(inner: str, outer: str) -> bool:
    """`inner` in `outer` not glued to letters of its own script (Sales Force in
    Sales Force Automation, not SAL in Sales)."""
    start = outer.find(inner)
    while start >= 0:
        end = start + len(inner)
        before, after = outer[start - 1 : start], outer[end : end + 1]
        if not _glued(before, inner[0]) and not _glued(after, inner[-1]):
            return True
        start = outer.find(inner, start + 1)
    return False


def _glued(neighbour: str, edge: str) -> bool:
    if not neighbour:
        return False
    both = [_WORD_CHAR.match(c) for c in (neighbour, edge)]
    if not all(both):
        return False
    latin = [bool(re.match(r"[A-Za-z0-9]", c)) for c in (neighbour, edge)]
    return latin[0] == latin[1]
