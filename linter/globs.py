"""Globs in the .gitignore syntax, read by pathspec: for `.gitignore` files,
the configuration's `include:`/`exclude:`/`overrides:` and `--exclude`.

`*` stays within a folder, `**` as a whole segment (`**/`, `/**/`, `/**`)
spans folders, a glob without an inner `/` matches at any depth, one with
an inner or leading `/` is anchored, a trailing `/` matches folders only,
a folder matched covers everything beneath it, `[ab]` is a class, and
`!glob` re-includes what an earlier glob of the same list matched.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache


def spec(lines: Iterable[str]):
    """Like git, skip a line it cannot use (`\\`, `!`, `[z-a]`) instead of
    failing the whole list."""
    from pathspec import GitIgnoreSpec  # imported on first use: startup stays fast

    lines = list(lines)
    try:
        return GitIgnoreSpec.from_lines(lines)
    except Exception:  # noqa: BLE001 - pathspec raises several kinds, re.error among them
        pass
    usable = []
    for line in lines:
        try:
            GitIgnoreSpec.from_lines([line])
        except Exception:  # noqa: BLE001
            continue
        usable.append(line)
    return GitIgnoreSpec.from_lines(usable)


@lru_cache(maxsize=1024)
def compiled(patterns: tuple[str, ...]):
    """Compiled once per list: a scan asks the same list about every file."""
    return spec(patterns)


def matches(path: str, patterns: Sequence[str]) -> bool:
    """`path` (relative, `/`-separated) is matched by the list: the last glob
    that matches it decides, so a `!glob` may take a file back out."""
    return bool(patterns) and compiled(tuple(patterns)).match_file(path)
