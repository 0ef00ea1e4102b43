"""The one data type every rule produces and every reporter reads."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] (code-point offsets) with `replacement`.

    A safe edit cannot change the meaning (a deprecated spelling replaced by
    the canonical one): `--fix` applies it. An unsafe one chooses between
    names or products: only `--unsafe-fixes` applies it, as in ruff."""

    start: int
    end: int
    replacement: str
    safe: bool = True
    # where the replacement comes from (`file:line` of a prh rule), to name
    # rules whose fixes undo each other; not part of the edit's identity
    origin: str = field(default="", compare=False)


@dataclass
class Diagnostic:
    path: str
    rule: str
    severity: str
    term: str  # the text exactly as it stands in the document
    message: str
    start: int  # code-point offsets into the decoded file
    end: int
    line: int = 0  # 1-based, filled in from the source
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    suggestions: list[str] = field(default_factory=list)
    fix: Edit | None = None  # only when one replacement is certain

    def sort_key(self):
        return (self.path, self.start, self.rule, self.end)

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity,
            "term": self.term,
            "message": self.message,
            "suggestions": list(self.suggestions),
            # Every rule's fix replaces exactly the finding's span.
            "fix": None if self.fix is None else {"replacement": self.fix.replacement, "safe": self.fix.safe},
        }
