"""yogolint: a terminology linter for Japanese business documents.

The pipeline, one module per stage:
    source      bytes on disk → Source (decoded text, encoding, line map)
    documents   Source → checked text (Markdown-aware mask) and blocks
    glossary    YAML term data → Glossary
    automaton   Glossary → one Aho-Corasick automaton over folded text
    matching    automaton hits + Sudachi tokens → Occurrences (real words)
    rules/      Occurrences in a document → Diagnostics
    reporters/  Diagnostics → text, JSON, …
    cli         wires them together
    api         the engine as a library: lint a text that has a path (the server, `check -`)
    server      the language server (`yogolint server`)
"""

__version__ = "0.1.0"
