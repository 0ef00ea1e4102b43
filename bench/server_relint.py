#!/usr/bin/env python3
"""Benchmark: re-linting a changed 20 KB document in a warm `yogolint server`.

    .venv/bin/python bench/server_relint.py            # writes its section of bench/RESULTS.md
    .venv/bin/python bench/server_relint.py --runs 100 --document docs/big.md -o /tmp/relint.md

The target (issue 14): ≤ 30 ms of work per re-lint. Two figures:

- work: what the server does for one change (CPU and wall time), in this process, with the
  settings already built: lint the new text (linter.api.lint_source, the
  server's entry point) and turn every finding into an LSP diagnostic in
  UTF-16 positions (linter.server.to_lsp). The first lint (Sudachi, the
  automaton) is done before timing: the server is warm.
- round trip: the real server as a subprocess over stdio; the client sends a
  change and a save (a save lints at once, without the 300 ms pause kept for
  typing) and waits for the diagnostics. This adds JSON-RPC encoding and the
  pipe, which an editor also pays.

Each run changes the text (one sentence inserted at a moving place), so no
run re-lints text it has seen. The document is examples/proposal-crm-migration.md
repeated to 20 KB (71 findings: many more than a real draft) unless
--document is given. Needs the project venv (pygls comes with yogolint).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as _dt
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HEADING = "## Language server: re-lint of a 20 KB document (bench/server_relint.py)"
TARGET_MS = 30.0
SENTENCE = "追記{n}: 営業部門はセールスフォースとCSの体制を見直します。\n"


def document(path: Path | None, size: int) -> tuple[str, str]:
    if path is not None:
        return path.read_text(encoding="utf-8"), str(path)
    seed = (ROOT / "examples" / "proposal-crm-migration.md").read_text(encoding="utf-8")
    text = seed
    while len(text.encode("utf-8")) < size:
        text += "\n" + seed
    return text, f"examples/proposal-crm-migration.md × {text.count('# CRM移行のご提案')}"


def edited(text: str, n: int) -> str:
    """The text with one sentence inserted at the start of a line that moves with n."""
    lines = text.split("\n")
    at = (n * 7919) % len(lines)
    return "\n".join(lines[:at] + [SENTENCE.format(n=n).rstrip("\n")] + lines[at:])


def time_work(text: str, name: str, runs: int) -> tuple[list[float], list[float], int]:
    from linter.api import lint_source, text_source
    from linter.lsp_positions import Positions
    from linter.server import to_lsp
    from linter.tokenizer import keep_segmentations
    from linter.workspace import Options, Workspace

    keep_segmentations()  # as the server's process does
    workspace = Workspace(Options())
    path = ROOT / "bench" / ".cache" / name
    lint_source(workspace, path, text_source(text, str(path)))  # warm: settings, Sudachi, automaton
    wall, cpu, findings = [], [], 0
    for n in range(runs):
        changed = edited(text, n)
        start, start_cpu = time.perf_counter(), time.thread_time()
        found = lint_source(workspace, path, text_source(changed, str(path)))
        positions = Positions(changed)
        [to_lsp(d, positions) for d in found]
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.thread_time() - start_cpu) * 1000)
        findings = len(found)
    return wall, cpu, findings


async def time_round_trip(text: str, name: str, runs: int) -> list[float]:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("server-relint-bench", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait(time.perf_counter())

    command = [str(ROOT / ".venv" / "bin" / "yogolint")]
    if not Path(command[0]).exists():
        command = [sys.executable, "-m", "linter"]
    await client.start_io(*command, "server")
    uri = (ROOT / "bench" / ".cache" / name).as_uri()
    try:
        await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
        client.initialized(types.InitializedParams())
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )
        await asyncio.wait_for(published.get(), 120)  # the first lint: warm from here on
        times = []
        for n in range(runs):
            changed = edited(text, n)
            start = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=n + 2),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text=changed)],
                )
            )
            client.text_document_did_save(
                types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
            )
            done = await asyncio.wait_for(published.get(), 60)
            times.append((done - start) * 1000)
        await client.shutdown_async(None)
        client.exit(None)
    finally:
        await client.stop()
    return times


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    return f"median {statistics.median(ordered):.1f} ms, p90 {p90:.1f} ms, max {ordered[-1]:.1f} ms"


def write_section(results: Path, section: str) -> None:
    """Replace this script's section of RESULTS.md (or add it at the end);
    the rest of the file is bench/run.py's."""
    old = results.read_text(encoding="utf-8") if results.exists() else ""
    if HEADING in old:
        before, _, rest = old.partition(HEADING)
        following = rest.find("\n## ")
        new = before + section + ("\n" + rest[following + 1 :] if following != -1 else "")
    else:
        new = old.rstrip("\n") + "\n\n" + section if old else section
    results.write_text(new, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--document", type=Path, help="a Markdown file (default: the example, repeated to --size)")
    parser.add_argument("--size", type=int, default=20_000, help="bytes of the default document")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()
    (ROOT / "bench" / ".cache").mkdir(parents=True, exist_ok=True)
    text, described = document(args.document, args.size)
    name = "relint.md"
    work, work_cpu, findings = time_work(text, name, args.runs)
    trip = asyncio.run(time_round_trip(text, name, args.runs))
    verdict = "within" if statistics.median(work_cpu) <= TARGET_MS else "over"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    section = "\n".join(
        [
            HEADING,
            "",
            f"Generated by `python bench/server_relint.py` on {_dt.datetime.now(_dt.UTC):%Y-%m-%d %H:%M} UTC "
            f"({os.cpu_count()} cores, load average {load:.1f} at the end, Python {platform.python_version()}); "
            f"{args.runs} runs each, every run a different edit. CPU time is this thread's "
            "(what other processes on a shared machine do not inflate as much as wall time).",
            "",
            f"- document: {described}, {len(text.encode('utf-8')):,} bytes, {len(text):,} characters, "
            f"{findings} findings",
            f"- **work per re-lint** (lint + LSP diagnostics in UTF-16, warm): CPU {summary(work_cpu)} "
            f"— target ≤ {TARGET_MS:g} ms (median): {verdict}; wall {summary(work)}",
            f"- round trip through `yogolint server` over stdio (change + save → publishDiagnostics): {summary(trip)}",
            "",
        ]
    )
    write_section(args.output, section)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
