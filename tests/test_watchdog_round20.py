"""Round 20 of the watchdog: the spent hand-written sets (fresh, fresh2 .. fresh19) are training data too.

`dataset.training_rows` is what `python -m repair.watchdog.train` fits on: the training split of examples.jsonl plus the
sets named in `dataset.TRAIN_SPENT_SETS`, minus every spent row equal to a held-out text or naming an English held-out
request's target. The held-out split is never trained on and no set outside that tuple is ever opened."""

import json
from collections import Counter
from pathlib import Path

import pytest

from repair.watchdog import dataset
from repair.watchdog.data import build
from repair.watchdog.dataset import (
    DATA_PATH,
    TRAIN_SPENT_SETS,
    load_examples,
    normalise,
    spent_path,
    training_rows,
)
from repair.watchdog.train import group_folds


def test_the_spent_sets_are_named_one_by_one():
    assert TRAIN_SPENT_SETS == ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9",
                                "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17",
                                "fresh18", "fresh19")
    with pytest.raises(ValueError):
        spent_path("fresh20")
    with pytest.raises(ValueError):
        spent_path("examples")


def test_normalise_is_the_leak_guards_key():
    for r in load_examples()[:500]:
        assert normalise(r.text) == build._norm(r.text)
    assert normalise("  Please FORGET   my cat!! ") == "please forget my cat"


def test_training_input_reads_only_examples_and_the_named_spent_sets(monkeypatch):
    opened = []
    real_open = open

    def spy(path, *args, **kwargs):
        opened.append(Path(path).resolve())
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(dataset, "open", spy, raising=False)
    given = training_rows()
    folder = DATA_PATH.parent.resolve()
    assert set(opened) == {DATA_PATH.resolve(), *(folder / f"{n}.jsonl" for n in TRAIN_SPENT_SETS)}
    assert given.spent_sets == TRAIN_SPENT_SETS


def test_training_input_is_the_training_split_plus_every_named_spent_set_without_held_out_rows():
    given = training_rows()
    rows = given.rows
    train = load_examples("train")
    held = load_examples("heldout")
    assert rows[: len(train)] == train and given.n_train_split == len(train)
    spent_rows = rows[len(train):]
    assert {r.group for r in spent_rows} == set(TRAIN_SPENT_SETS)  # every named set, one group per set (writer)
    assert all(r.split == r.group for r in spent_rows)
    assert not [r for r in rows if r.split == "heldout"]
    held_texts = {normalise(r.text) for r in held}
    assert not [r.text for r in rows if normalise(r.text) in held_texts]
    held_targets = {r.target.casefold() for r in held if r.target and r.kind == "request" and r.lang == "en"}
    assert held_targets and not [r for r in spent_rows if r.target and any(t in r.target.casefold()
                                                                           for t in held_targets)]
    # nothing else is dropped: the counts add up to the spent files' rows
    n_files = sum(len(load_examples(None, path=spent_path(n))) for n in TRAIN_SPENT_SETS)
    assert given.n_spent == n_files
    assert len(spent_rows) == n_files - given.dropped_heldout_text - given.dropped_heldout_target
    assert given.dropped_heldout_text > 0  # the spent sets do repeat some held-out chat ("Why is the sky blue?")


def test_each_spent_set_lands_in_one_cross_validation_fold():
    rows = training_rows().rows
    folds = group_folds([r.group for r in rows])
    fold_of = {}
    for r, f in zip(rows, folds, strict=True):
        if r.group in TRAIN_SPENT_SETS:
            fold_of.setdefault(r.group, set()).add(int(f))
    assert all(len(v) == 1 for v in fold_of.values())
    assert len(Counter(next(iter(v)) for v in fold_of.values())) == 5  # the writers are spread over all folds


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _row(i, text, label, target, split, group="g"):
    return {"id": f"x{i}", "text": text, "label": label, "target": target, "history": [], "lang": "en",
            "group": group, "kind": "request" if label == "forget" else "chat", "split": split}


def test_training_rows_filter_on_synthetic_sets(tmp_path):
    _write(tmp_path / "examples.jsonl", [
        _row(0, "Forget my cat's name, Tom.", "forget", "my cat's name, Tom", "train", "fe001"),
        _row(1, "Please forget my medical history.", "forget", "my medical history", "heldout", "fe003"),
        _row(2, "Why is the sky blue?", "chat", None, "heldout", "cc003"),
    ])
    _write(tmp_path / "fresh.jsonl", [
        _row(3, "  please FORGET my medical history!! ", "forget", "my medical history", "fresh"),  # held-out text
        _row(4, "Drop my medical history of asthma.", "forget", "My medical history of asthma", "fresh"),  # target
        _row(5, "why is the sky blue", "chat", None, "fresh"),  # held-out text
        _row(6, "Forget my PIN, 4821.", "forget", "my PIN, 4821", "fresh"),
    ])
    _write(tmp_path / "fresh2.jsonl", [_row(7, "What is a good pasta recipe?", "chat", None, "fresh2")])
    (tmp_path / "fresh3.jsonl").write_text("not json: a set that is not named must never be opened\n")
    given = training_rows(("fresh", "fresh2"), path=tmp_path / "examples.jsonl")
    assert [r.id for r in given.rows] == ["x0", "x6", "x7"]
    assert [r.group for r in given.rows] == ["fe001", "fresh", "fresh2"]
    assert (given.n_spent, given.dropped_heldout_text, given.dropped_heldout_target) == (5, 2, 1)


def test_shipped_model_was_trained_on_this_input():
    from repair.watchdog.adapter import ADAPTER_PATH, Adapter
    from repair.watchdog.head import Head

    given = training_rows()
    meta = json.loads(Head.load().meta)
    assert meta["spent_sets"] == list(TRAIN_SPENT_SETS)
    assert meta["n_train"] == len(given.rows) and meta["n_train_split"] == given.n_train_split
    assert meta["dropped_heldout_text"] == given.dropped_heldout_text
    assert meta["spent_sha256"] == dataset.spent_sha256()
    assert meta["data_sha256"] == dataset.data_sha256()
    assert json.loads(Adapter.load(ADAPTER_PATH).meta)["n_train"] == len(given.rows)
