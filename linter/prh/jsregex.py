"""Translate JavaScript regular expressions (as prh compiles them) to Python.

prh always compiles its patterns with the flags ``gmu`` (plus ``i`` when the
dictionary asked for it), so the dialect parsed here is ECMAScript *unicode
mode* with multiline ``^``/``$``.  The parser builds a small AST which is used
to

* emit an equivalent Python pattern (``re``; the optional ``regex`` package is
  used only for look-behinds of unbounded length, which ``re`` cannot express),
* extract literal substrings that every match must contain (for the
  Aho-Corasick prefilter),
* refuse patterns that could make the backtracking engine explode (nested
  unbounded quantifiers) or that can match the empty string (prh itself loops
  forever on such a match).

Differences between the dialects that are handled explicitly:

``\\d \\w \\b`` and their negations are ASCII-only in JS, ``\\s`` is JS's own
whitespace set, ``.`` excludes all four JS line terminators, ``^``/``$`` are
multiline at all four line terminators, ``[^]`` (any character) and ``[]``
(nothing), ``\\u{...}``, ``\\cX``, ``(?<name>``, ``\\k<name>``, variable-width
look-behind.  Unicode property escapes (``\\p{..}``) are refused.
"""

from __future__ import annotations

import functools
import re
import typing  # typing.Any: here `Any` is the AST node for "."
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NoReturn, Protocol

from linter.folding import FULL_WIDTH_ALNUM


@functools.lru_cache(maxsize=1)
def _regex_module():
    """The `regex` package (a dependency), imported only for a pattern that
    needs it: a look-behind of unbounded length, or a time limit."""
    import regex

    return regex


class JSRegexError(ValueError):
    """A JS pattern that is invalid (as prh would see it) or untranslatable."""


# --------------------------------------------------------------------------- AST
@dataclass
class Char:
    cp: int


@dataclass
class Any:  # "."
    pass


@dataclass
class Shorthand:  # \d \D \w \W \s \S outside a class
    name: str


@dataclass
class CharClass:
    negated: bool
    ranges: list[tuple[int, int]] = field(default_factory=list)
    shorthands: list[str] = field(default_factory=list)


@dataclass
class Assert:  # ^ $ \b \B
    kind: str


@dataclass
class Group:
    kind: str  # cap, noncap, la, nla, lb, nlb
    body: Node
    index: int = 0  # JS capture index (cap only)
    name: str | None = None


@dataclass
class Repeat:
    body: Node
    min: int
    max: int | None  # None = unbounded
    lazy: bool = False


@dataclass
class Backref:
    index: int = 0
    name: str | None = None


@dataclass
class Seq:
    items: list[Node]


@dataclass
class Alt:
    branches: list[Node]


Node = Char | Any | Shorthand | CharClass | Assert | Group | Repeat | Backref | Seq | Alt

LINE_TERMINATORS = "\n\r\u2028\u2029"
JS_SPACE = (
    "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_SH_RANGES = {
    "d": [(0x30, 0x39)],
    "w": [(0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A), (0x5F, 0x5F)],
    "s": [(ord(c), ord(c)) for c in JS_SPACE],
}
SYNTAX_CHARS = set("^$\\.*+?()[]{}|/")


# ------------------------------------------------------------------------ parser
_DECIMAL = re.compile(r"[0-9]+")
_QUANTIFIER = re.compile(r"\{([0-9]+)(,([0-9]*))?\}")  # `{n}`, `{n,}`, `{n,m}`: ASCII digits, as in JS


_CONTROL_ESCAPES = {"f": 12, "n": 10, "r": 13, "t": 9, "v": 11}


def _is_ascii_digit(c: str) -> bool:
    return len(c) == 1 and "0" <= c <= "9"


class _Parser:
    def __init__(self, src: str, strict: bool = True):
        self.s = src
        self.i = 0
        self.strict = strict
        self.ncap = 0
        self.names: dict[str, int] = {}
        self.warnings: list[str] = []
        self.backrefs: list[Backref] = []  # named ones, resolved at the end
        # pre-count capture groups (needed to validate backreferences)
        self.total_caps = self._count_caps()

    def _count_caps(self) -> int:
        n, i, s, in_cls = 0, 0, self.s, False
        while i < len(s):
            c = s[i]
            if c == "\\":
                i += 2
                continue
            if in_cls:
                if c == "]":
                    in_cls = False
            elif c == "[":
                in_cls = True
            elif c == "(":
                if not s.startswith("(?", i) or (s.startswith("(?<", i) and not s.startswith(("(?<=", "(?<!"), i)):
                    n += 1
            i += 1
        return n

    def err(self, msg: str) -> NoReturn:
        raise JSRegexError(f"{msg} at offset {self.i} in /{self.s}/")

    def lenient(self, msg: str):
        if self.strict:
            self.err(msg + " (invalid in prh's unicode-mode regex)")
        self.warnings.append(f"{msg} in /{self.s}/ accepted as a literal")

    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.s[j] if j < len(self.s) else ""

    def parse(self) -> Node:
        node = self.alt()
        if self.i < len(self.s):
            if self.peek() == ")":
                self.err("unmatched ')'")
            self.err("unexpected character")
        for b in self.backrefs:
            if b.name is not None:
                if b.name not in self.names:
                    self.err(f"backreference to unknown group name {b.name!r}")
                b.index = self.names[b.name]
        return node

    def alt(self) -> Node:
        branches = [self.seq()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.seq())
        return branches[0] if len(branches) == 1 else Alt(branches)

    def seq(self) -> Node:
        items = []
        while self.i < len(self.s) and self.peek() not in "|)":
            atom = self.atom()
            if atom is None:
                continue
            atom = self.quantifier(atom)
            items.append(atom)
        return Seq(items)

    def quantifier(self, atom: Node) -> Node:
        c = self.peek()
        lo = hi = None
        if c == "*":
            lo, hi = 0, None
            self.i += 1
        elif c == "+":
            lo, hi = 1, None
            self.i += 1
        elif c == "?":
            lo, hi = 0, 1
            self.i += 1
        elif c == "{":
            m = _QUANTIFIER.match(self.s, self.i)
            if not m:
                return atom  # lone "{" handled by atom() on next round
            lo = int(m.group(1))
            hi = lo if m.group(2) is None else (int(m.group(3)) if m.group(3) else None)
            if hi is not None and hi < lo:
                self.err("numbers out of order in {} quantifier")
            self.i = m.end()
        else:
            return atom
        if isinstance(atom, Assert) or (isinstance(atom, Group) and atom.kind in ("la", "nla", "lb", "nlb")):
            self.err("nothing to repeat")
        lazy = False
        if self.peek() == "?":
            lazy = True
            self.i += 1
        if self.peek() and self.peek() in "*+?" or (self.peek() == "{" and _QUANTIFIER.match(self.s, self.i)):
            self.err("nothing to repeat")
        return Repeat(atom, lo, hi, lazy)

    def atom(self) -> Node | None:
        c = self.peek()
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == ".":
            self.i += 1
            return Any()
        if c == "^":
            self.i += 1
            return Assert("^")
        if c == "$":
            self.i += 1
            return Assert("$")
        if c == "\\":
            return self.escape()
        if c in "*+?":
            self.err("nothing to repeat")
        if c == "{":
            if _QUANTIFIER.match(self.s, self.i):
                self.err("nothing to repeat")
            self.lenient("lone '{'")
        elif c in "]}":
            self.lenient(f"lone {c!r}")
        cp = ord(c)
        self.i += 1
        return Char(cp)

    def group(self) -> Node:
        s = self.s
        self.i += 1
        name = None
        if s.startswith("?:", self.i):
            kind, self.i = "noncap", self.i + 2
        elif s.startswith("?=", self.i):
            kind, self.i = "la", self.i + 2
        elif s.startswith("?!", self.i):
            kind, self.i = "nla", self.i + 2
        elif s.startswith("?<=", self.i):
            kind, self.i = "lb", self.i + 3
        elif s.startswith("?<!", self.i):
            kind, self.i = "nlb", self.i + 3
        elif s.startswith("?<", self.i):
            m = re.compile(r"\?<([A-Za-z_$][\w$]*)>", re.UNICODE).match(s, self.i)
            if not m:
                self.err("invalid capture group name")
            name = m.group(1)
            if name in self.names:
                self.err(f"duplicate capture group name {name!r}")
            kind, self.i = "cap", m.end()
        elif self.peek() == "?":
            self.err("invalid group")
        else:
            kind = "cap"
        index = 0
        if kind == "cap":
            self.ncap += 1
            index = self.ncap
            if name:
                self.names[name] = index
        body = self.alt()
        if self.peek() != ")":
            self.err("unterminated group")
        self.i += 1
        return Group(kind, body, index, name)

    def _hex(self, n: int) -> int | None:
        h = self.s[self.i : self.i + n]
        if len(h) == n and re.fullmatch(r"[0-9A-Fa-f]+", h):
            self.i += n
            return int(h, 16)
        return None

    def _escape_char(self, in_class: bool) -> int | Shorthand | Assert | Backref:
        """Parse after a backslash: a code point or, outside a class, a
        shorthand, an assertion or a backreference (``\\d`` inside a class
        comes back as a Shorthand too, for the class to take apart)."""
        c = self.peek()
        if not c:
            self.err("\\ at end of pattern")
        self.i += 1
        if c in "dDwWsS":
            return Shorthand(c)
        if c in "bB":
            return self._word_boundary_escape(c, in_class)
        if c in _CONTROL_ESCAPES:
            return _CONTROL_ESCAPES[c]
        # JS's DecimalEscape is ASCII digits only: str.isdigit and re's \d
        # also take ² or ٣, which are identity escapes (invalid in u mode)
        if c == "0" and not _is_ascii_digit(self.peek()):
            return 0
        if _is_ascii_digit(c):
            if in_class:
                self.err("invalid class escape")
            if c == "0":  # `\01`: an octal escape outside unicode mode, an error in it
                self.err("invalid decimal escape")
            return self._numbered_backref()
        if c == "c":
            return self._control_letter()
        if c == "x":
            return self._hex_or_fail(2, "invalid escape \\x")
        if c == "u":
            return self._unicode_escape()
        if c in "pP":
            self.err(f"unicode property escape \\{c}{{...}} is not supported")
        if c == "k":
            return self._named_backref()
        if c in SYNTAX_CHARS or (in_class and c == "-"):
            return ord(c)
        self.i -= 1
        self.lenient(f"invalid escape '\\{c}'")
        self.i += 1
        return ord(c)

    def _word_boundary_escape(self, c: str, in_class: bool) -> int | Assert:
        if not in_class:
            return Assert(c)
        if c == "b":
            return 8  # backspace, inside a class
        self.err("invalid class escape \\B")

    def _numbered_backref(self) -> Backref:
        """``\\12`` (the first digit already read): all the digits, one group number."""
        m = _DECIMAL.match(self.s, self.i - 1)
        assert m is not None  # it starts with the digit just read
        n = int(m.group())
        if n > self.total_caps:
            self.err(f"invalid backreference \\{n}")
        self.i = m.end()
        return Backref(index=n)

    def _named_backref(self) -> Backref:
        m = re.compile(r"<([A-Za-z_$][\w$]*)>", re.UNICODE).match(self.s, self.i)
        if not m:
            self.err("invalid named reference")
        self.i = m.end()
        b = Backref(name=m.group(1))
        self.backrefs.append(b)  # its index is known once every group is parsed
        return b

    def _control_letter(self) -> int:
        """``\\cX``: the letter's code modulo 32."""
        x = self.peek()
        if x and x.isascii() and x.isalpha():
            self.i += 1
            return ord(x) % 32
        self.err("invalid unicode escape \\c")

    def _hex_or_fail(self, n: int, msg: str) -> int:
        v = self._hex(n)
        if v is None:
            self.err(msg)
        return v

    def _unicode_escape(self) -> int:
        """``\\u{...}``, ``\\uXXXX``, or a surrogate pair written as two ``\\uXXXX``."""
        if self.peek() == "{":
            m = re.compile(r"\{([0-9A-Fa-f]+)\}").match(self.s, self.i)
            if not m or int(m.group(1), 16) > 0x10FFFF:
                self.err("invalid unicode escape \\u{...}")
            self.i = m.end()
            return int(m.group(1), 16)
        v = self._hex_or_fail(4, "invalid unicode escape \\u")
        # a surrogate pair written as two escapes is one code point in u mode
        if 0xD800 <= v <= 0xDBFF and self.s.startswith("\\u", self.i):
            save = self.i
            self.i += 2
            lo = self._hex(4)
            if lo is not None and 0xDC00 <= lo <= 0xDFFF:
                return 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
            self.i = save
        return v

    def escape(self) -> Node:
        self.i += 1
        r = self._escape_char(False)
        return Char(r) if isinstance(r, int) else r

    def char_class(self) -> Node:
        self.i += 1
        negated = False
        if self.peek() == "^":
            negated = True
            self.i += 1
        cls = CharClass(negated)
        while True:
            c = self.peek()
            if not c:
                self.err("unterminated character class")
            if c == "]":
                self.i += 1
                break
            a = self._class_atom()
            if self.peek() == "-" and self.peek(1) not in ("]", ""):
                self.i += 1
                b = self._class_atom()
                if not isinstance(a, int) or not isinstance(b, int):
                    self.err("invalid character class range")
                if b < a:
                    self.err("range out of order in character class")
                cls.ranges.append((a, b))
            elif isinstance(a, int):
                cls.ranges.append((a, a))
            else:
                cls.shorthands.append(a.name)
        return cls

    def _class_atom(self) -> int | Shorthand:
        c = self.peek()
        if c == "\\":
            self.i += 1
            r = self._escape_char(True)
            if not isinstance(r, (int, Shorthand)):
                self.err("invalid class escape")
            return r
        self.i += 1
        return ord(c)


def parse(src: str, strict: bool = True) -> tuple[Node, _Parser]:
    p = _Parser(src, strict)
    return p.parse(), p


# ----------------------------------------------------------------------- emitter
def _cp(c: int) -> str:
    if c < 0x10000:
        return "\\u%04x" % c
    return "\\U%08x" % c


_W = "[0-9A-Za-z_]"
_LT = "[^" + "".join(_cp(ord(c)) for c in LINE_TERMINATORS) + "]"


def _class_body(ranges) -> str:
    out = []
    for a, b in ranges:
        out.append(_cp(a) if a == b else _cp(a) + "-" + _cp(b))
    return "".join(out)


def _emit_class(cls: CharClass) -> str:
    pos = list(cls.ranges)
    negs = []
    for sh in cls.shorthands:
        if sh.islower():
            pos += _SH_RANGES[sh]
        else:
            negs.append(_class_body(_SH_RANGES[sh.lower()]))
    body = _class_body(pos)
    if not negs:
        if not body:
            return r"[\s\S]" if cls.negated else "(?!)"
        return ("[^" if cls.negated else "[") + body + "]"
    if not cls.negated:  # P | ~X1 | ~X2
        parts = (["[" + body + "]"] if body else []) + ["[^" + n + "]" for n in negs]
        return "(?:" + "|".join(parts) + ")"
    # ~(P | ~X1 | ~X2) = ~P & X1 & X2
    out = "(?![" + body + "])" if body else ""
    for n in negs[1:]:
        out += "(?=[" + n + "])"
    return out + "[" + negs[0] + "]"


class _Emitter:
    def __init__(self, names: dict):
        self.names = names  # JS name -> index
        self.needs_regex_module = False

    def emit(self, n: Node) -> str:
        if isinstance(n, Char):
            ch = chr(n.cp)
            if 0xD800 <= n.cp <= 0xDFFF:
                return _cp(n.cp)
            return re.escape(ch) if ch.isprintable() else _cp(n.cp)
        if isinstance(n, Seq):
            return "".join(self.emit(x) for x in n.items)
        if isinstance(n, Alt):
            return "|".join(self.emit(b) for b in n.branches)
        if isinstance(n, Any):
            return _LT
        if isinstance(n, Shorthand):
            body = _class_body(_SH_RANGES[n.name.lower()])
            return ("[" if n.name.islower() else "[^") + body + "]"
        if isinstance(n, CharClass):
            return _emit_class(n)
        if isinstance(n, Assert):
            if n.kind == "^":
                return "(?<!" + _LT + ")"
            if n.kind == "$":
                return "(?!" + _LT + ")"
            b = f"(?:(?<!{_W})(?={_W})|(?<={_W})(?!{_W}))"
            nb = f"(?:(?<!{_W})(?!{_W})|(?<={_W})(?={_W}))"
            return b if n.kind == "b" else nb
        if isinstance(n, Backref):
            return "(?:\\%d)" % n.index
        if isinstance(n, Repeat):
            body = self.emit(n.body)
            if not _is_single(n.body):
                body = "(?:" + body + ")"
            if n.min == 0 and n.max is None:
                q = "*"
            elif n.min == 1 and n.max is None:
                q = "+"
            elif n.min == 0 and n.max == 1:
                q = "?"
            elif n.max is None:
                q = "{%d,}" % n.min
            elif n.min == n.max:
                q = "{%d}" % n.min
            else:
                q = "{%d,%d}" % (n.min, n.max)
            return body + q + ("?" if n.lazy else "")
        if isinstance(n, Group):
            if n.kind == "cap":
                return "(" + self.emit(n.body) + ")"
            if n.kind == "noncap":
                return "(?:" + self.emit(n.body) + ")"
            if n.kind == "la":
                return "(?=" + self.emit(n.body) + ")"
            if n.kind == "nla":
                return "(?!" + self.emit(n.body) + ")"
            return self._lookbehind(n)
        raise AssertionError(n)

    def _lookbehind(self, n: Group) -> str:
        op = "(?<=" if n.kind == "lb" else "(?<!"
        variants = _fixed_variants(n.body, 256)
        if variants is not None:
            by_width: dict = {}
            for v in variants:
                by_width.setdefault(_width(Seq(v)), []).append("".join(self.emit(x) for x in v))
            parts = [op + "|".join(alts) + ")" for _, alts in sorted(by_width.items())]
            if len(parts) == 1:
                return parts[0]
            if n.kind == "nlb":
                return "".join(parts)
            return "(?:" + "|".join(parts) + ")"
        self.needs_regex_module = True
        return op + self.emit(n.body) + ")"


def _is_single(n: Node) -> bool:
    return isinstance(n, (Char, Any, Shorthand, CharClass, Backref, Group))


def _width(n: Node) -> int | None:
    """Fixed width of a node, or None when variable."""
    lo, hi = _widths(n)
    return lo if lo == hi else None


def _widths(n: Node) -> tuple[int, int | None]:
    if isinstance(n, (Char, Any, Shorthand, CharClass)):
        return 1, 1
    if isinstance(n, Assert):
        return 0, 0
    if isinstance(n, Backref):
        return 0, None
    hi: int | None  # None: no upper bound
    if isinstance(n, Seq):
        lo, hi = 0, 0
        for x in n.items:
            a, b = _widths(x)
            lo += a
            hi = None if hi is None or b is None else hi + b
        return lo, hi
    if isinstance(n, Alt):
        ws = [_widths(b) for b in n.branches]
        lo = min(w[0] for w in ws)
        highs = [w[1] for w in ws if w[1] is not None]
        hi = max(highs) if len(highs) == len(ws) else None
        return lo, hi
    if isinstance(n, Group):
        if n.kind in ("la", "nla", "lb", "nlb"):
            return 0, 0
        return _widths(n.body)
    if isinstance(n, Repeat):
        a, b = _widths(n.body)
        hi = None if n.max is None or b is None else b * n.max
        if n.max == 0:
            hi = 0
        return a * n.min, hi
    raise AssertionError(n)


def _fixed_variants(n: Node, limit: int) -> list | None:
    """Expand a look-behind body into fixed-width alternatives (lists of
    nodes), or None when impossible (unbounded repeats, captures, too many)."""
    if isinstance(n, (Char, Any, Shorthand, CharClass, Assert)):
        return [[n]]
    if isinstance(n, Backref):
        return None
    if isinstance(n, Seq):
        acc: list = [[]]
        for x in n.items:
            vs = _fixed_variants(x, limit)
            if vs is None or len(acc) * len(vs) > limit:
                return None
            acc = [a + v for a in acc for v in vs]
        return acc
    if isinstance(n, Alt):
        out = []
        for b in n.branches:
            vs = _fixed_variants(b, limit)
            if vs is None:
                return None
            out += vs
            if len(out) > limit:
                return None
        return out
    if isinstance(n, Group):
        if n.kind == "cap":
            return None
        if n.kind == "noncap":
            return _fixed_variants(n.body, limit)
        return [[n]] if _width(n.body) is not None or n.kind in ("la", "nla") else None
    if isinstance(n, Repeat):
        if n.max is None or n.max > 8:
            return None
        vs = _fixed_variants(n.body, limit)
        if vs is None:
            return None
        out = []
        for k in range(n.min, n.max + 1):
            acc = [[]]
            for _ in range(k):
                acc = [a + v for a in acc for v in vs]
                if len(acc) > limit:
                    return None
            out += acc
            if len(out) > limit:
                return None
        return out
    return None


# ---------------------------------------------------------------------- analysis
def _walk(n: Node, in_look: bool = False):
    yield n, in_look
    if isinstance(n, Seq):
        for x in n.items:
            yield from _walk(x, in_look)
    elif isinstance(n, Alt):
        for x in n.branches:
            yield from _walk(x, in_look)
    elif isinstance(n, Group):
        yield from _walk(n.body, in_look or n.kind in ("la", "nla", "lb", "nlb"))
    elif isinstance(n, Repeat):
        yield from _walk(n.body, in_look)


def _can_match(n: Node, cp: int) -> bool:
    if isinstance(n, Char):
        return chr(n.cp).lower() == chr(cp).lower()
    if isinstance(n, Any):
        return chr(cp) not in LINE_TERMINATORS
    if isinstance(n, Shorthand):
        inside = any(a <= cp <= b for a, b in _SH_RANGES[n.name.lower()])
        return inside if n.name.islower() else not inside
    if isinstance(n, CharClass):
        if n.shorthands:
            return True
        inside = any(a <= cp <= b for a, b in n.ranges)
        return inside != n.negated
    return True


def _guarded(body: Node, inner: Repeat) -> bool:
    """``(?:.*\n)*``: the inner single-character repeat is followed, in the
    same sequence, by a required character it cannot match, so every
    iteration is delimited unambiguously."""
    while isinstance(body, Group) and body.kind in ("cap", "noncap"):
        body = body.body
    if not isinstance(body, Seq) or inner not in body.items:
        return False
    if not isinstance(inner.body, (Char, Any, Shorthand, CharClass)):
        return False
    k = next(i for i, x in enumerate(body.items) if x is inner)
    return any(isinstance(x, Char) and not _can_match(inner.body, x.cp) for x in body.items[k + 1 :])


def dangerous_nesting(n: Node) -> str | None:
    """Return a description of a nested quantifier that can backtrack
    exponentially (``(a+)+``, ``(a*)*``, ``(\\w+\\s?)*`` ...), or None."""
    for outer, _ in _walk(n):
        if isinstance(outer, Repeat) and (outer.max is None or outer.max > 16):
            for inner, _ in _walk(outer.body):
                if inner is outer or not isinstance(inner, Repeat):
                    continue
                if (inner.max is None or inner.max > 1) and inner.max != inner.min:
                    if _guarded(outer.body, inner):
                        continue
                    lo, _hi = _widths(inner.body)
                    if lo > 0 or inner.max is None:
                        return "nested quantifiers (a repeated group containing a variable repeat)"
    return None


def may_backtrack(n: Node) -> bool:
    """An unbounded repeat of a group with alternatives (``(?:a|a)+$``,
    ``(a|aa)+``): exponential when two branches can match the same text,
    which is undecidable to check cheaply. Such patterns are run with a time
    limit instead of being refused (most are harmless: ``(?:foo|bar)+``)."""
    for outer, _ in _walk(n):
        if isinstance(outer, Repeat) and (outer.max is None or outer.max > 16):
            if any(isinstance(inner, Alt) and len(inner.branches) > 1 for inner, _ in _walk(outer.body)):
                return True
    return False


# Seconds one match may take in a paragraph, for patterns that may_backtrack.
MATCH_TIME_LIMIT = 1.0


# --- required literals -----------------------------------------------------------
# Normalisation used by the prefilter: a 1:1 code point map (so offsets are
# preserved) that folds ASCII case and full-width alphanumerics, plus the few
# non-ASCII characters that case-fold onto ASCII letters.
_NORM = {code: ord(chr(ascii_code).lower()) for code, ascii_code in FULL_WIDTH_ALNUM.items()}
_NORM.update({0x41 + c: 0x61 + c for c in range(26)})
_NORM[0x212A] = ord("k")  # KELVIN SIGN
_NORM[0x017F] = ord("s")  # LONG S
_NORM[0x0130] = ord("i")
_NORM[0x0131] = ord("i")
NORM_TABLE = _NORM
# Case-sensitive rules are prefiltered on width-folded text only, so that `IO`
# is not a candidate in every paragraph that says `function`.
_WIDTH = FULL_WIDTH_ALNUM
WIDTH_TABLE = _WIDTH


def norm_char(cp: int, icase: bool) -> str | None:
    """Normalised form of a pattern character (case folded only under
    ``icase``), or None if it can match a character outside its normalisation
    class (case-insensitive non-ASCII)."""
    ch = chr(cp)
    if not icase:
        return chr(_WIDTH.get(cp, cp))
    if cp in _NORM or (0x61 <= cp <= 0x7A):
        return chr(_NORM.get(cp, cp))
    if icase and (ch.lower() != ch or ch.upper() != ch):
        return None
    return ch


_LIMIT = 64


@dataclass
class _Lit:
    exact: frozenset[str] | None  # the node matches exactly one of these (normalised)
    req: frozenset[str] | None  # every match contains one of these


def _score(s: frozenset[str] | None) -> tuple[int, int]:
    if not s:
        return (-1, 0)
    return (min(len(x) for x in s), -len(s))


def _best(*given: frozenset[str] | None) -> frozenset[str] | None:
    cands = [c for c in given if c]
    if not cands:
        return None
    return max(cands, key=_score)


def _lits(n: Node, icase: bool) -> _Lit:
    """What `n` tells the prefilter: the strings it matches exactly, or
    strings one of which every match contains (both normalised)."""
    if isinstance(n, Char):
        c = norm_char(n.cp, icase)
        return _Lit(frozenset([c]) if c is not None else None, None)
    if isinstance(n, CharClass):
        return _class_lits(n, icase)
    if isinstance(n, (Any, Shorthand, Backref)):
        return _Lit(None, None)
    if isinstance(n, Assert):
        return _Lit(frozenset([""]), None)
    if isinstance(n, Group):
        return _group_lits(n, icase)
    if isinstance(n, Repeat):
        return _repeat_lits(n, icase)
    if isinstance(n, Alt):
        return _alt_lits(n, icase)
    if isinstance(n, Seq):
        return _seq_lits(n, icase)
    raise AssertionError(n)


def _class_lits(n: CharClass, icase: bool) -> _Lit:
    """A small positive class is exactly one of its (normalised) characters."""
    if n.negated or n.shorthands:
        return _Lit(None, None)
    chars = set()
    for a, b in n.ranges:
        if b - a > 16:
            return _Lit(None, None)
        for cp in range(a, b + 1):
            c = norm_char(cp, icase)
            if c is None:
                return _Lit(None, None)
            chars.add(c)
    if len(chars) > 8:
        return _Lit(None, None)
    return _Lit(frozenset(chars), None)


def _group_lits(n: Group, icase: bool) -> _Lit:
    """A group matches what its body does; a look-ahead or look-behind
    matches "" but what it inspects must be in the text."""
    if n.kind in ("cap", "noncap"):
        return _lits(n.body, icase)
    if n.kind in ("la", "lb"):
        inner = _lits(n.body, icase)
        return _Lit(frozenset([""]), _best(inner.exact, inner.req))
    return _Lit(frozenset([""]), None)


def _repeat_lits(n: Repeat, icase: bool) -> _Lit:
    """`x{3}` of a few exact strings is exact; `x+` requires what `x` does."""
    inner = _lits(n.body, icase)
    if n.min == 0:
        return _Lit(None, None)
    if n.min == n.max and inner.exact is not None and n.min <= 4:
        ex = frozenset([""])
        for _ in range(n.min):
            ex = frozenset(a + b for a in ex for b in inner.exact)
        if len(ex) <= _LIMIT:
            return _Lit(ex, None)
    return _Lit(None, _best(inner.exact, inner.req))


def _alt_lits(n: Alt, icase: bool) -> _Lit:
    """Exact when every branch is; else required when every branch requires something."""
    subs = [_lits(b, icase) for b in n.branches]
    exacts = [s.exact for s in subs if s.exact is not None]
    if len(exacts) == len(subs):
        ex = frozenset[str]().union(*exacts)
        if len(ex) <= _LIMIT:
            return _Lit(ex, None)
    reqs = [_best(s.exact, s.req) for s in subs]
    required = [r for r in reqs if r and "" not in r]
    if len(required) == len(reqs):
        u = frozenset[str]().union(*required)
        if len(u) <= _LIMIT:
            return _Lit(None, u)
    return _Lit(None, None)


def _seq_lits(n: Seq, icase: bool) -> _Lit:
    """Runs of exact items concatenate (up to _LIMIT strings); the best run
    or required set of an item is what the sequence requires."""
    cands = []
    cur = frozenset([""])
    all_exact = True
    for x in n.items:
        sub = _lits(x, icase)
        if sub.req:
            cands.append(sub.req)
        if sub.exact is not None:
            if len(cur) * len(sub.exact) <= _LIMIT:
                cur = frozenset(a + b for a in cur for b in sub.exact)
            else:
                cands.append(cur)
                cur = sub.exact
                all_exact = False
        else:
            cands.append(cur)
            cur = frozenset([""])
            all_exact = False
    if all_exact:
        return _Lit(cur, None)
    cands.append(cur)
    return _Lit(None, _best(*[c for c in cands if c and "" not in c]))


def required_literals(n: Node, icase: bool) -> frozenset[str] | None:
    """A set of normalised strings such that every match of ``n`` (including
    what its look-arounds inspect) contains at least one of them, or None."""
    lit = _lits(n, icase)
    best = _best(lit.exact, lit.req)
    if not best or "" in best:
        return None
    return best


def word_edge_literals(n: Node, icase: bool) -> dict[str, bool] | None:
    """For a pattern whose every alternative starts with `\\b` and a literal
    (`\\bpath\\b|\\bPath\\b`, `\\bML\\b(?!系)`): {normalised literal: True
    when a `\\b` also follows it}. A hit of such a literal that does not sit
    on a word edge cannot start a match (`path` in `xpath`), so the
    prefilter can drop it. None for any other pattern."""
    while isinstance(n, Seq) and len(n.items) == 1:
        n = n.items[0]
    while isinstance(n, Group) and n.kind in ("noncap", "cap"):
        n = n.body
        while isinstance(n, Seq) and len(n.items) == 1:
            n = n.items[0]
    out: dict[str, bool] = {}
    for branch in n.branches if isinstance(n, Alt) else [n]:
        items = branch.items if isinstance(branch, Seq) else [branch]
        if not items or not (isinstance(items[0], Assert) and items[0].kind == "b"):
            return None
        prefix = frozenset([""])
        rest = 1
        while rest < len(items):
            exact = _lits(items[rest], icase).exact
            if exact is None or "" in exact or len(prefix) * len(exact) > _LIMIT:
                break
            prefix = frozenset(a + b for a in prefix for b in exact)
            rest += 1
        if prefix == frozenset([""]):
            return None
        following = items[rest] if rest < len(items) else None
        edge_after = isinstance(following, Assert) and following.kind == "b"
        for literal in prefix:
            # the same literal in two branches: check its end only if both ask
            out[literal] = out.get(literal, True) and edge_after
    return out


# Word characters of the translated `\b` (the class _W it is emitted with),
# and under re.IGNORECASE the four non-ASCII letters Python folds onto them.
_WORD_CHARS = frozenset(c for c in map(chr, range(128)) if re.fullmatch(_W, c))
_WORD_CHARS_ICASE = _WORD_CHARS | frozenset("\u0130\u0131\u017f\u212a")


def on_word_edge(text: str, pos: int, icase: bool) -> bool:
    """Whether the translated `\b` can match at `pos` of `text`."""
    word = _WORD_CHARS_ICASE if icase else _WORD_CHARS
    before = pos > 0 and text[pos - 1] in word
    after = pos < len(text) and text[pos] in word
    return before != after


def literal_string(n: Node) -> str | None:
    """The exact string if the pattern is a plain literal (no metacharacters)."""
    items = n.items if isinstance(n, Seq) else [n]
    out = []
    for x in items:
        if isinstance(x, Group) and x.kind == "noncap":
            s = literal_string(x.body)
            if s is None:
                return None
            out.append(s)
        elif isinstance(x, Char):
            out.append(chr(x.cp))
        else:
            return None
    return "".join(out)


# ---------------------------------------------------------------------- compile
class Matcher(Protocol):
    """A translated pattern as it is used: a compiled ``re`` (or ``regex``)
    pattern, or a LazyPattern standing in for one."""

    def search(self, string: str, pos: int = ..., endpos: int = ..., /) -> re.Match[str] | None: ...

    def match(self, string: str, pos: int = ..., endpos: int = ..., /) -> re.Match[str] | None: ...

    def finditer(self, string: str, pos: int = ..., endpos: int = ..., /) -> Iterator[re.Match[str]]: ...


@dataclass
class Compiled:
    node: Node
    pattern: Matcher  # `translated` itself when lazy (or time-limited), else compiled now
    py_source: str
    uses_regex_module: bool
    warnings: list[str]
    translated: LazyPattern


def compile_js(source: str, icase: bool, strict: bool = True, lazy: bool = False) -> Compiled:
    """Compile a JS (unicode-mode, multiline) regex source to Python.

    ``lazy``: the Python pattern is compiled on first use. A dictionary of a
    thousand rules of which a folder touches a few dozen loads in half the
    time; the source is still parsed, checked and translated here."""
    node, p = parse(source, strict)
    lo, _hi = _widths(node)
    if lo == 0:
        raise JSRegexError(f"/{source}/ can match the empty string (prh would loop forever on such a match)")
    danger = dangerous_nesting(node)
    if danger:
        raise JSRegexError(f"/{source}/ has {danger}, which can backtrack catastrophically; refused")
    em = _Emitter(p.names)
    py = em.emit(node)
    guarded = "|" in source and may_backtrack(node)  # no alternatives, nothing to check
    uses_regex = em.needs_regex_module or guarded  # only `regex` can stop a match that runs too long
    pat = LazyPattern(source, py, icase, uses_regex, guarded)
    # a guarded pattern stays wrapped: the wrapper is what applies the time limit
    return Compiled(node, pat if lazy or guarded else pat.compiled(), py, uses_regex, p.warnings, pat)


class LazyPattern:
    """A translated pattern, compiled by ``re`` (or ``regex``) when first used."""

    __slots__ = ("js_source", "py_source", "icase", "uses_regex_module", "guarded", "where", "_pattern")

    def __init__(self, js_source: str, py_source: str, icase: bool, uses_regex_module: bool, guarded: bool = False):
        self.js_source = js_source
        self.py_source = py_source
        self.icase = icase
        self.uses_regex_module = uses_regex_module
        self.guarded = guarded  # matched under MATCH_TIME_LIMIT
        self.where = ""  # `file:line: rule 'x'`, for the error when the limit is hit
        self._pattern: Matcher | None = None

    def compiled(self) -> Matcher:
        if self._pattern is None:
            flags = re.IGNORECASE if self.icase else 0
            try:
                if self.uses_regex_module:
                    regex = _regex_module()
                    self._pattern = regex.compile(self.py_source, flags | regex.VERSION0)
                else:
                    self._pattern = re.compile(self.py_source, flags)
            except (re.error, _regex_module().error) as e:  # pragma: no cover - translator bug
                raise JSRegexError(f"/{self.js_source}/ could not be translated to Python ({e})") from None
        return self._pattern

    @property
    def pattern(self) -> str:
        return self.py_source

    def matcher(self) -> Matcher:
        """What hot loops should call: the compiled pattern itself, or this
        wrapper when the time limit applies."""
        return self if self.guarded else self.compiled()

    def finditer(self, string: str, *args: int) -> Iterator[re.Match[str]]:
        if not self.guarded:
            return self.compiled().finditer(string, *args)
        return self._bounded(self._call("finditer", string, *args))

    def search(self, string: str, *args: int) -> re.Match[str] | None:
        if not self.guarded:
            return self.compiled().search(string, *args)
        return self._call("search", string, *args)

    def match(self, string: str, *args: int) -> re.Match[str] | None:
        if not self.guarded:
            return self.compiled().match(string, *args)
        return self._call("match", string, *args)

    def _call(self, method: str, string: str, *args: int) -> typing.Any:
        """`method` of the `regex` pattern under the time limit (a guarded
        pattern is always one); `regex` has no type stubs, hence Any."""
        try:
            return getattr(self.compiled(), method)(string, *args, timeout=MATCH_TIME_LIMIT)
        except TimeoutError:
            raise self._timeout() from None

    def _bounded(self, matches: Iterator[re.Match[str]]) -> Iterator[re.Match[str]]:
        try:
            yield from matches
        except TimeoutError:
            raise self._timeout() from None

    def _timeout(self) -> TimeoutError:
        # TimeoutError, a builtin: the runner reports it as one line without
        # importing the prh package.
        where = f"{self.where}: " if self.where else ""
        return TimeoutError(
            f"{where}/{self.js_source}/ backtracks: one paragraph took over "
            f"{MATCH_TIME_LIMIT:g} s; refused (rewrite it so that no two alternatives "
            "match the same text)"
        )
