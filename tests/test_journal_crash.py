"""Crash safety: SIGKILL a real edit (Session.apply on the default model) in a subprocess at several points.

Edit 1 (a random low-rank delta, journaled like any edit) is made first; copies of that home are then
edited for real (forget the capital of Egypt, `Session.apply` in a subprocess) by processes that SIGKILL
themselves at chosen points of the edit, plus one killed from outside at an arbitrary moment. After each,
the next open must verify, must still have edit 1 with bit-identical weights, and must hold edit 2 either
completely (recorded, its delta present, applied on replay: Egypt forgotten) or not at all.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
import torch

from repair.data import contains_answer
from repair.journal import Journal
from repair.records import EditRecord
from repair.session import Session
from repair.stamp.delta import LowRankDelta

WORKER = r"""
import inspect, os, signal, sys
import repair
from repair.editing import template_wrappers
from repair.journal import Journal
from repair.records import RepairPlan

home, point = sys.argv[1], sys.argv[2]

def die(*_a, **_k):
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)

def after(owner, name):
    original = getattr(owner, name)
    def wrapped(*a, **k):
        out = original(*a, **k)
        die()
        return out
    static = isinstance(inspect.getattr_static(owner, name), staticmethod)
    setattr(owner, name, staticmethod(wrapped) if static else wrapped)

def plan(country, capital):
    # no retain canaries: the executor's rollback is tested by STAMP; here the edit must be applied
    return RepairPlan(target=f"the capital of {country}", subject=country, answers=[capital],
                      forget_probes=template_wrappers(f"What is the capital of {country}?"))

s = repair.open(home, backend="torch")
if point == "delta-file":       # the factors are on disk, no row yet
    after(Journal, "_store_delta")
elif point == "in-transaction":   # the row is inserted but the transaction is not committed
    after(Journal, "_set_head")
elif point == "committed":        # the row is committed; the process dies before the delta is made active
    after(Journal, "append")
print("editing", flush=True)
s.apply(plan("Egypt", "Cairo"))
print("done", flush=True)
"""

# point -> whether edit 2 must be in the journal afterwards. "external" (killed from outside while the
# edit is being computed) may land anywhere, so either outcome is accepted, but it must be consistent.
POINTS = {"delta-file": False, "in-transaction": False, "committed": True}


def _weights_hash(patient) -> str:
    h = hashlib.sha256()
    for l in range(patient.n_layers):
        h.update(patient.mlp(l).down_proj.weight.detach().numpy().tobytes())
    return h.hexdigest()


def _run(home, point, env):
    return subprocess.Popen([sys.executable, "-c", WORKER, str(home), point], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def _seed_delta() -> LowRankDelta:
    g = torch.Generator().manual_seed(0)
    return LowRankDelta({6: (torch.randn(576, 4, generator=g) * 0.02, torch.randn(4, 1536, generator=g) * 0.02)})


@pytest.fixture
def clean(patient):
    yield patient
    patient.set_deltas([])


def test_sigkill_during_an_edit_loses_nothing(clean, settings, tmp_path, cache_dir):
    patient = clean
    env = dict(os.environ, REPAIR_CACHE_DIR=str(cache_dir), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    seed_home = tmp_path / "seed"
    seed = Session(settings, patient, journal=Journal(seed_home / "journal", patient.fingerprint))
    delta = _seed_delta()
    rec = seed._commit_edit(EditRecord(id=0, created="", target="seed edit", layers=[6], rank=4), delta)
    patient.apply_delta(seed._delta_key(rec.id), delta)
    seed_hash = _weights_hash(patient)
    seed.close()
    patient.set_deltas([])

    homes = {p: tmp_path / p for p in [*POINTS, "external"]}
    for home in homes.values():
        shutil.copytree(seed_home, home)
    procs = {p: _run(homes[p], p, env) for p in POINTS}
    ext = _run(homes["external"], "external", env)
    # the external kill: once the process says it is editing, wait a moment and kill it from outside
    assert ext.stdout.readline().strip() == "editing"
    time.sleep(2.0)
    ext.send_signal(signal.SIGKILL)
    ext.wait(timeout=60)
    for p, proc in procs.items():
        out, err = proc.communicate(timeout=1200)
        assert proc.returncode == -signal.SIGKILL, f"{p}: exit {proc.returncode}, {err[-1500:]}"
        assert "done" not in out

    for point, home in homes.items():
        session = Session(settings, patient, journal=Journal(home / "journal", patient.fingerprint))
        v = session.verify_journal()
        assert v.ok, f"{point}: {v.message}"
        recs = session.edits()
        assert recs[0].id == 1 and recs[0].status == "applied" and recs[0].target == "seed edit"
        has_second = len(recs) == 2
        if point in POINTS:
            assert has_second == POINTS[point], f"{point}: {[r.target for r in recs]}"
        if has_second:  # fully recorded: its delta verified and replayed after edit 1
            assert recs[1].status == "applied" and patient.active_deltas == ["edit-1", "edit-2"]
            assert _weights_hash(patient) != seed_hash
            assert not contains_answer(patient.answer("What is the capital of Egypt?", max_new_tokens=24),
                                       ["Cairo"])
        else:  # absent: the model is exactly what the seed process left
            assert len(recs) == 1 and patient.active_deltas == ["edit-1"]
            assert _weights_hash(patient) == seed_hash, point
        session.close()
        patient.set_deltas([])
