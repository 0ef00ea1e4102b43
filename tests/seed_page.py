"""The MOps seed (../shared/seeds/000_*.txt) read as a glossary page: its term
blocks, each with the field texts the glossary must carry in the seed's words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SECTIONS = ("MOps寄り(マーケ運用)", "横断Ops(RevOps/SalesOps/CSOps)", "一般IT・データ", "製品名(混同しやすい固有名詞)")
LABELS = {
    "定義": "definition",
    "Ops視点の一言": "ops_note",
    "よくある失敗": "pitfall",
    "次の一手": "next_step",
    "概要": "definition",
    "注意": "pitfall",
    "推奨の目安": "recommended_for",
    "※": "house_usage",
    "補足": "note",
}
_FIELD = re.compile(r"^(定義|Ops視点の一言|よくある失敗|次の一手|概要|注意|推奨の目安|補足|免責):(.*)|^(※)(.*)")
_LINK = re.compile(r"[((][^()()]*へ[))]$")  # 「(運用支援サービスへ)」: the page's link, not the text


@dataclass
class Block:
    heading: str
    topic: str
    fields: dict[str, str] = field(default_factory=dict)


def seed_000() -> list[Block]:
    lines = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8").splitlines()
    body = lines[lines.index("Service Cloud") + 1 :]  # after the table of contents
    blocks: list[Block] = []
    topic = ""
    for line in body:
        if line in SECTIONS:
            topic = line
            continue
        m = _FIELD.match(line)
        if not m:
            blocks.append(Block(line, topic))
            continue
        label, text = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if label == "免責":  # the page's disclaimer, no term's field
            continue
        if label == "次の一手":
            text = _LINK.sub("", text)
        blocks[-1].fields.setdefault(LABELS[label], text)  # the seed repeats its ※ lines
    return blocks


def four_field_blocks() -> list[Block]:
    """The 70 terms with 定義, Ops視点の一言, よくある失敗 and 次の一手."""
    return [b for b in seed_000() if {"definition", "ops_note", "pitfall", "next_step"} <= set(b.fields)]
