"""The shipped labelled examples (repair/watchdog/data/examples.jsonl) as typed rows."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DATA_PATH = Path(__file__).parent / "data" / "examples.jsonl"


@dataclass(frozen=True)
class Example:
    id: str
    text: str
    label: Literal["forget", "chat"]
    target: str | None
    history: tuple[dict, ...]
    lang: str
    group: str
    kind: str
    split: Literal["train", "heldout"]


def load_examples(split: str | None = None, path: Path = DATA_PATH) -> list[Example]:
    """All examples, or only those of `split` ("train" | "heldout")."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                rows.append(Example(id=r["id"], text=r["text"], label=r["label"], target=r["target"],
                                    history=tuple(r.get("history", ())), lang=r["lang"], group=r["group"],
                                    kind=r["kind"], split=r["split"]))
    return [r for r in rows if split is None or r.split == split]


def data_sha256(path: Path = DATA_PATH) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
