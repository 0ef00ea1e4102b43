#!/usr/bin/env python3
"""spelling-variant side by side: yogolint and two textlint rules on the same documents.

    python3 bench/spelling_compare.py [--eval DIR]

On ../shared/eval/real (its key labels spelling-variant), runs
  - yogolint `check --select spelling-variant`,
  - textlint with textlint-rule-ja-no-orthographic-variants (defaults),
  - textlint with @textlint-ja/textlint-rule-no-synonyms (defaults),
turns each report into yogolint's JSON shape (every textlint message counts as
a spelling-variant diagnostic on its line, the message naming the words), and
scores each with the eval's score.py (`--rule spelling-variant`). The textlint
packages come from the npm registry into bench/.cache/variants-node
(git-ignored). `.mdx` files are given to textlint as `.md` copies (same lines):
textlint reads no MDX without a plugin. Writes its section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
CACHE = BENCH / ".cache"
NODE = CACHE / "variants-node"
PACKAGES = [
    "textlint@14",
    "textlint-rule-ja-no-orthographic-variants",
    "@textlint-ja/textlint-rule-no-synonyms",
    "sudachi-synonyms-dictionary",
]
RULES = {
    "textlint-rule-ja-no-orthographic-variants": "ja-no-orthographic-variants",
    "@textlint-ja/textlint-rule-no-synonyms": "@textlint-ja/no-synonyms",
}
HEADING = "## spelling-variant: accuracy beside textlint rules"
NOTE = """Observed (score.py --verbose on each report, in the script's stderr):
ja-no-orthographic-variants finds 見積もり / 見積 / 見積り in sales-overview and nothing
else: it pairs neither チャネル / チャンネル (two documents) nor クローズ済 / クローズ済み.
no-synonyms finds チャネル / チャンネル in one of the two documents and misses the other
two words; its 8 false positives pair different words (月 / 月曜, 金 / 金曜,
スマートフォン / スマホ), read 支払 inside 支払い, and report the spelling guide's
own OK/NG example lines (ウィンドウ / ウインドウ), which the eval counts as talk about
the names. yogolint's 18 diagnostics are every use of a minority spelling of the 4
labelled words (14 of them 見積 in sales-overview)."""


def install() -> None:
    if (NODE / "node_modules" / ".bin" / "textlint").exists():
        return
    NODE.mkdir(parents=True, exist_ok=True)
    (NODE / "package.json").write_text('{"private": true, "description": "yogolint bench: textlint spelling rules"}\n')
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", *PACKAGES], cwd=NODE, check=True)


def version(package: str) -> str:
    return json.loads((NODE / "node_modules" / package / "package.json").read_text())["version"]


def textlint_report(docs: Path, rule: str, copies: Path) -> dict:
    config = CACHE / f"textlintrc-{rule.replace('/', '_')}.json"
    config.write_text(json.dumps({"rules": {rule: True}}))
    files = sorted(copies.iterdir())
    out = subprocess.run(
        [
            str(NODE / "node_modules" / ".bin" / "textlint"),
            "--no-color",
            "--config",
            str(config),
            "--format",
            "json",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        cwd=NODE,
    )
    if out.returncode not in (0, 1):
        raise SystemExit(f"textlint ({rule}) failed: {out.stderr.strip()[:400]}")
    diagnostics = []
    for result in json.loads(out.stdout):
        name = Path(result["filePath"]).name
        original = docs / name if (docs / name).exists() else docs / (Path(name).stem + ".mdx")
        for m in result["messages"]:
            words = re.findall(r"[「\"“]([^」\"”]+)[」\"”]", m["message"])
            diagnostics.append(
                {
                    "path": str(original),
                    "line": m["line"],
                    "rule": "spelling-variant",
                    "term": words[0] if words else "",
                    "message": m["message"],
                    "suggestions": words[1:],
                }
            )
    return {"diagnostics": diagnostics}


def score(key: Path, report: dict, name: str) -> tuple[str, str, str]:
    path = CACHE / f"sv-report-{name}.json"
    path.write_text(json.dumps(report, ensure_ascii=False))
    out = subprocess.run(
        [
            sys.executable,
            str(key.parent.parent / "score.py"),
            str(key),
            str(path),
            "--rule",
            "spelling-variant",
            "--verbose",
        ],
        capture_output=True,
        text=True,
    ).stdout
    m = re.search(r"precision ([\d.]+) \((\d+/\d+)\) recall ([\d.]+) \((\d+/\d+)\)", out)
    print(f"--- {name}\n{out}", file=sys.stderr)
    return (f"{m.group(1)} ({m.group(2)})", f"{m.group(3)} ({m.group(4)})", str(len(report["diagnostics"])))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval" / "real")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    docs, key = args.eval / "docs", args.eval / "key.yaml"
    install()
    copies = CACHE / "sv-docs"
    shutil.rmtree(copies, ignore_errors=True)
    copies.mkdir(parents=True)
    for f in sorted(docs.iterdir()):
        if f.suffix in (".md", ".mdx"):
            shutil.copyfile(f, copies / (f.stem + ".md"))
    yl = subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "yogolint"),
            "check",
            "--no-cache",
            "--select",
            "spelling-variant",
            "--format",
            "json",
            str(docs),
        ],
        capture_output=True,
        text=True,
        cwd=CACHE,
    )
    rows = [("yogolint spelling-variant", *score(key, json.loads(yl.stdout), "yogolint"))]
    for package, rule in RULES.items():
        rows.append(
            (f"{package} {version(package)}", *score(key, textlint_report(docs, rule, copies), rule.replace("/", "_")))
        )
    from spelling_cost import now, publish

    publish(
        HEADING,
        f"`python3 bench/spelling_compare.py` on {now()}: the "
        f"{sum(1 for _ in copies.iterdir())} documents of `shared/eval/real`, scored by its `score.py --rule "
        f"spelling-variant` (the key labels each word written two ways once per document; a diagnostic naming "
        f"none of a labelled word's spellings is a false positive). textlint {version('textlint')}, each rule "
        f"with its defaults; every textlint message counts as a spelling-variant finding.",
        ["tool / rule", "precision", "recall", "diagnostics"],
        [f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |" for r in rows],
        NOTE,
        write=not args.no_write,
    )


if __name__ == "__main__":
    sys.path.insert(0, str(BENCH))
    main()
