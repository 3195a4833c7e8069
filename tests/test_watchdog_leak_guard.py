"""Each round's training rows share no text and no request frame with the evaluation sets spent before it, and its
leak guard reads exactly those sets (never a later, unseen one).

Since round 20 the spent sets are themselves training data (`dataset.TRAIN_SPENT_SETS`), so this guard no longer keeps
anything apart from training; it stays as a check that the generated rows of rounds 14-18 are built exactly as they
were (examples.jsonl byte-identical). What protects the held-out split and the unseen set is tested in
tests/test_watchdog_round20.py."""

import pytest

from repair.watchdog.data import build
from repair.watchdog.dataset import load_examples


@pytest.mark.parametrize(("round_no", "spent"), [
    (14, build.SPENT_SETS_14), (15, build.SPENT_SETS_15), (16, build.SPENT_SETS_16), (17, build.SPENT_SETS_17),
    (18, build.SPENT_SETS_18),
])
def test_round_leak_guard_reads_the_previous_fresh_set_but_no_later_one(round_no, spent):
    assert {p.stem for p in build._evaluation_paths(spent)} == {"fresh", *(f"fresh{i}" for i in range(2, round_no))}
    texts, frames = build.evaluation_texts(spent), build.evaluation_frames(spent)
    prefixes = (f"f{round_no}", f"h{round_no}")
    for r in load_examples("train"):
        if r.group.startswith(prefixes):
            assert build._norm(r.text) not in texts
            if r.target and r.target in r.text:
                assert build._norm(r.text.replace(r.target, "{t}")) not in frames
