"""The shipped labelled examples (repair/watchdog/data/examples.jsonl) as typed rows, and the training input of
`python -m repair.watchdog.train` (`training_rows`: the training split plus the spent hand-written sets)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DATA_PATH = Path(__file__).parent / "data" / "examples.jsonl"

# Round 20: the hand-written evaluation sets that are SPENT (each was measured once, on the watchdog frozen before it
# was written, and then used as development data) are also training data. Nineteen rounds of template rows and rules
# reached recall 93-96% / extraction 72-86% on each new writer's set with per-round gains near noise; these ~7,600 rows
# by ~15 independent writers are far more diverse than template rows. Named one by one: a set not in this tuple (the
# next writer's unseen set, the measurement of the round that trains on this list) is never opened by training. Each
# set is one cross-validation group (its writer), so out-of-fold numbers estimate generalisation to a new writer. The
# held-out split of examples.jsonl stays out of training: spent rows equal to a held-out text (normalised as
# `normalise`) or naming an English held-out request's target are dropped (`training_rows`).
TRAIN_SPENT_SETS = ("fresh", *(f"fresh{i}" for i in range(2, 20)))


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
    split: str  # "train" | "heldout" in examples.jsonl; a hand-written set's rows carry its name ("fresh7")


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


def normalise(text: str) -> str:
    """casefold, collapsed whitespace, outer punctuation stripped (the same key as the build's leak guard)."""
    return " ".join(text.casefold().strip(" .!?,;:\"'").split())


def spent_path(name: str, folder: Path = DATA_PATH.parent) -> Path:
    if name not in TRAIN_SPENT_SETS:
        raise ValueError(f"{name!r} is not a spent set named in TRAIN_SPENT_SETS; training never reads it")
    return folder / f"{name}.jsonl"


def load_spent(names: tuple[str, ...] = TRAIN_SPENT_SETS, folder: Path = DATA_PATH.parent) -> list[Example]:
    """The rows of the named spent sets, each set one group (its name: one writer), split = the set's name."""
    rows = []
    for name in names:
        for r in load_examples(None, path=spent_path(name, folder)):
            rows.append(Example(id=r.id, text=r.text, label=r.label, target=r.target, history=r.history, lang=r.lang,
                                group=name, kind=r.kind, split=r.split))
    return rows


@dataclass(frozen=True)
class TrainingInput:
    rows: list[Example]  # the training split, then the kept spent rows in TRAIN_SPENT_SETS order
    n_train_split: int
    n_spent: int  # spent rows read
    dropped_heldout_text: int  # spent rows whose normalised text equals a held-out row's
    dropped_heldout_target: int  # spent forget rows (of the rest) naming an English held-out request's target
    spent_sets: tuple[str, ...]

    def summary(self) -> dict:
        return {"n_train_split": self.n_train_split, "n_spent": self.n_spent, "spent_sets": list(self.spent_sets),
                "dropped_heldout_text": self.dropped_heldout_text,
                "dropped_heldout_target": self.dropped_heldout_target, "n_rows": len(self.rows)}


def training_rows(spent: tuple[str, ...] = TRAIN_SPENT_SETS, path: Path = DATA_PATH) -> TrainingInput:
    """What `python -m repair.watchdog.train` fits on: the training split of `path` plus the rows of the named spent
    sets (next to `path`), minus every spent row equal to a held-out text and every spent forget row whose target
    contains an English held-out request's target (the held-out split holds out its targets too). The held-out rows
    themselves are read only to build that filter."""
    everything = load_examples(None, path=path)
    train = [r for r in everything if r.split == "train"]
    held = [r for r in everything if r.split == "heldout"]
    held_texts = {normalise(r.text) for r in held}
    held_targets = {r.target.casefold() for r in held if r.target and r.kind == "request" and r.lang == "en"}
    rows = load_spent(spent, path.parent)
    by_text = [r for r in rows if normalise(r.text) not in held_texts]
    kept = [r for r in by_text
            if not (r.target and any(t in r.target.casefold() for t in held_targets))]
    return TrainingInput(rows=train + kept, n_train_split=len(train), n_spent=len(rows),
                         dropped_heldout_text=len(rows) - len(by_text), dropped_heldout_target=len(by_text) - len(kept),
                         spent_sets=tuple(spent))


def spent_sha256(names: tuple[str, ...] = TRAIN_SPENT_SETS, folder: Path = DATA_PATH.parent) -> str:
    """One sha256 over the named spent sets' files, in order."""
    h = hashlib.sha256()
    for name in names:
        h.update(name.encode() + b"\0" + spent_path(name, folder).read_bytes())
    return h.hexdigest()
