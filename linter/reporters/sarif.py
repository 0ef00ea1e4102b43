"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run. `tool.driver.rules` lists every registered rule (not only those with
findings) so that a viewer can show any rule's documentation; each result
points at its rule by `ruleId` and `ruleIndex`. Columns are counted in code
points (`columnKind: unicodeCodePoints`), as everywhere in yogolint, and
regions follow SARIF's convention that `endColumn` is the column just after
the last character — which is what `Diagnostic.end_column` already is.

`partialFingerprints` identify a finding across runs: a hash of the rule, the
term, the path and the text of the line (stripped), plus which of the equal
findings on that line it is. Lines inserted above a finding do not change it;
editing the finding's own line does, which is the point.
"""

from __future__ import annotations

import hashlib
import json
import re
from urllib.parse import quote

from linter import __version__
from linter.diagnostics import Diagnostic
from linter.lines import LineIndex
from linter.reporters import Report
from linter.rules import RULES

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "yogolintFindingHash/v1"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(report: Report) -> str:
    return json.dumps(build(report), ensure_ascii=False, indent=2) + "\n"


def build(report: Report) -> dict:
    """The SARIF log as a dict (what `render` serializes)."""
    rule_ids = list(RULES)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    defaults = report.default_severities
    lines_of = {path: LineIndex(text) for path, text in report.texts.items()}

    seen: dict[tuple[str, str], int] = {}
    results = []
    for d in report.diagnostics:
        lines = lines_of.get(d.path)
        line_text = lines.line_text(d.line) if lines is not None else ""
        key = _fingerprint_key(d, line_text)
        ordinal = seen.get(key, 0)
        seen[key] = ordinal + 1
        results.append(_result(d, index.get(d.rule, -1), key, ordinal, lines))

    invocation: dict = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": error}} for error in report.errors
        ]

    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "yogolint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "language": "ja",
                        "rules": [
                            _rule_descriptor(RULES[rule_id], defaults.get(rule_id, "warning")) for rule_id in rule_ids
                        ],
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def artifact_uri(path: str) -> str:
    """A path as the user gave it, as a URI reference: forward slashes,
    percent-encoded where a URI needs it (spaces, non-ASCII names)."""
    # `\xNN` is a byte of a name that is not UTF-8 (linter.display), kept as
    # `%5CxNN`; any other backslash is a Windows separator
    path = re.sub(r"\\(?!x[0-9a-f]{2})", "/", path)
    if re.match(r"^[A-Za-z]:/", path):  # a Windows drive: only valid as a file URI
        return "file:///" + quote(path, safe="/:")
    return quote(path, safe="/")


def _rule_descriptor(rule, severity: str) -> dict:
    doc = rule.doc
    return {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _section(doc, "何をするか") or rule.summary},
        "help": {"text": _plain(doc) or rule.summary, "markdown": doc or rule.summary},
        "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
        "properties": {"tags": ["terminology", "japanese"], "fixable": rule.fixable},
    }


def _result(d: Diagnostic, rule_index: int, key: tuple[str, str], ordinal: int, lines: LineIndex | None) -> dict:
    uri = artifact_uri(d.path)
    result = {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(d.severity, "warning"),
        "message": {"text": d.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {**_region(d.line, d.column, d.end_line, d.end_column), "snippet": {"text": d.term}},
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(key, ordinal)},
        "properties": {"term": d.term, "suggestions": list(d.suggestions)},
    }
    if d.fix is not None:
        deleted = _edit_region(d, lines)
        if deleted is not None:
            safety = "" if d.fix.safe else " (--unsafe-fixes: 意味の選択を含む)"
            result["fixes"] = [
                {
                    "description": {"text": f"「{d.term}」を「{d.fix.replacement}」に置き換える{safety}"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": uri},
                            "replacements": [
                                {"deletedRegion": deleted, "insertedContent": {"text": d.fix.replacement}}
                            ],
                        }
                    ],
                    "properties": {"safe": d.fix.safe},
                }
            ]
    return result


def _region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _edit_region(d: Diagnostic, lines: LineIndex | None) -> dict | None:
    """The region the fix replaces: the finding's own region when the edit
    covers exactly the finding (the usual case), else computed from the text."""
    edit = d.fix
    assert edit is not None  # called only for findings with a fix
    if (edit.start, edit.end) == (d.start, d.end):
        return _region(d.line, d.column, d.end_line, d.end_column)
    if lines is None or not 0 <= edit.start <= edit.end <= len(lines.text):
        return None
    start_line, start_col = lines.position(edit.start)
    end_line, end_col = lines.position(edit.end)
    return _region(start_line, start_col, end_line, end_col)


def _fingerprint_key(d: Diagnostic, line_text: str) -> tuple[str, str]:
    return (d.path.replace("\\", "/"), "\x00".join((d.rule, d.term, line_text.strip())))


def _fingerprint(key: tuple[str, str], ordinal: int) -> str:
    data = "\x00".join((key[0], key[1], str(ordinal)))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.split("-"))


def _section(doc: str, title: str) -> str:
    """The body of `## title` in a rule's documentation."""
    match = re.search(rf"^##\s*{re.escape(title)}\s*\n(.*?)(?=^##\s|\Z)", doc, re.S | re.M)
    return match.group(1).strip() if match else ""


def _plain(doc: str) -> str:
    """The documentation as plain text: `## 例` headings become `【例】`."""
    return re.sub(r"^##\s*(.+?)\s*$", r"【\1】", doc, flags=re.M)
