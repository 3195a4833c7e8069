"""The training rows each recent watchdog round adds: deterministic, all shipped in the train split, none held out."""

from __future__ import annotations

import random

import pytest

from repair.watchdog.data import build, round16, round17, round18
from repair.watchdog.dataset import load_examples
from repair.watchdog.features import vetoed


@pytest.mark.parametrize(("module", "round_no", "min_rows", "forget_rows_unvetoed"), [
    (round16, 16, 200, False), (round17, 17, 300, True), (round18, 18, 150, True),
])
def test_round_rows_are_deterministic_training_rows(module, round_no, min_rows, forget_rows_unvetoed):
    a = module.rows(random.Random(build.SEED + round_no))
    assert a == module.rows(random.Random(build.SEED + round_no))
    assert len(a) > min_rows
    assert {r[1] for r in a} == {"forget", "chat"}
    prefixes = (f"f{round_no}", f"h{round_no}")
    rows = [r for r in load_examples("train") if r.group.startswith(prefixes)]
    assert len(rows) == len(a)  # no row dropped by the leak guard or as a duplicate
    assert not [r for r in load_examples("heldout") if r.group.startswith(prefixes)]
    if forget_rows_unvetoed:
        assert not [r for r in rows if r.label == "forget" and vetoed(r.text, r.history)]
