"""The edit journal: hash chain, tamper detection, undo entries, model binding, concurrent writers, replay.

Chain/tamper tests use random low-rank deltas and a made-up fingerprint (no model needed); replay,
undo and the tampered-open tests run the real default model (the shared `patient`, left unedited).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from repair.errors import EditError, InvalidInputError, JournalError
from repair.journal import DB_NAME, Journal
from repair.records import EditRecord, Scores
from repair.session import JournalWarning, Session
from repair.stamp.delta import LowRankDelta

FP = "ab" * 32


def _delta(seed: int, layers=(6,), rank: int = 4, scale: float = 0.02) -> LowRankDelta:
    g = torch.Generator().manual_seed(seed)
    return LowRankDelta({l: (torch.randn(576, rank, generator=g) * scale, torch.randn(rank, 1536, generator=g) * scale)
                         for l in layers})


def _record(target: str, status: str = "applied") -> EditRecord:
    return EditRecord(id=0, created="", target=target, request=f"please forget {target}", intent_score=0.93,
                      layers=[6], rank=4, timings={"solve": 0.25}, before=Scores(forget_revealed=3, forget_total=4),
                      after=Scores(forget_total=4), status=status)


def _db(folder: Path) -> sqlite3.Connection:
    return sqlite3.connect(folder / DB_NAME, isolation_level=None)


@pytest.fixture
def journal(tmp_path) -> Journal:
    """Three edits (seq 1-3), edit 2 undone (seq 4), a fourth edit (seq 5)."""
    j = Journal(tmp_path / "journal", FP, "test-model")
    for i in range(3):
        j.append(_record(f"target {i + 1}"), _delta(i))
    j.mark_undone(2)
    j.append(_record("target 4"), _delta(3, layers=(6, 9)))
    return j


# ---------------------------------------------------------------------------------------------- chain
def test_records_statuses_active_order_and_persistence(journal, tmp_path):
    recs = journal.records()
    assert [r.id for r in recs] == [1, 2, 3, 4]
    assert [r.status for r in recs] == ["applied", "undone", "applied", "applied"]
    assert recs[0].prev_hash and recs[1].prev_hash == recs[0].hash and recs[2].prev_hash == recs[1].hash
    assert recs[0].request == "please forget target 1" and recs[0].intent_score == 0.93
    assert recs[3].layers == [6, 9] and recs[3].rank == 4 and recs[0].before.forget_revealed == 3
    v = journal.verify()
    assert v.ok and bool(v) and v.entries == 5 and v.verified == 5, v.message
    journal.close()
    reopened = Journal(tmp_path / "journal", FP, "test-model")
    active = reopened.active()
    assert [r.id for r, _ in active] == [1, 3, 4]
    assert [d.sha256() for _, d in active] == [_delta(0).sha256(), _delta(2).sha256(), _delta(3, (6, 9)).sha256()]
    assert all(torch.equal(a, b) for a, b in zip(active[0][1].factors[6], _delta(0).factors[6], strict=True))
    # a WAL database with the delta files named by their content hash
    assert _db(tmp_path / "journal").execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {p.name for p in (tmp_path / "journal" / "deltas").iterdir()} == {
        f"{_delta(s).sha256()}.safetensors" for s in range(3)} | {f"{_delta(3, (6, 9)).sha256()}.safetensors"}


def test_rolled_back_edit_is_recorded_but_never_active(tmp_path):
    j = Journal(tmp_path / "j", FP)
    rec = j.append(_record("x", status="rolled_back").model_copy(update={"reason": "retain broke"}), _delta(0))
    assert rec.status == "rolled_back" and rec.reason == "retain broke"
    assert j.active() == [] and j.verify().ok
    with pytest.raises(EditError, match="rolled back"):
        j.mark_undone(rec.id)


# ---------------------------------------------------------------------------------------------- tampering
def _edit_row(folder):
    _db(folder).execute("UPDATE edits SET target = 'something else' WHERE id = 3")


def _flip_status(folder):
    _db(folder).execute("UPDATE edits SET status = 'applied' WHERE id = 2")


def _delete_middle(folder):
    _db(folder).execute("DELETE FROM edits WHERE id = 3")


def _delete_last(folder):
    _db(folder).execute("DELETE FROM edits WHERE id = 4")


def _delete_undo(folder):
    db = _db(folder)
    db.execute("DELETE FROM undos WHERE edit_id = 2")
    db.execute("UPDATE edits SET status = 'applied' WHERE id = 2")


def _reorder(folder):
    db = _db(folder)  # swap the chain positions of edits 1 and 3
    db.execute("UPDATE edits SET seq = -1 WHERE id = 1")
    db.execute("UPDATE edits SET seq = 1 WHERE id = 3")
    db.execute("UPDATE edits SET seq = 3 WHERE seq = -1")


def _modify_delta(folder):
    from safetensors.torch import load_file, save_file

    path = folder / "deltas" / f"{_delta(2).sha256()}.safetensors"  # edit 3's factors
    tensors = load_file(str(path))
    tensors["layer.6.B"][0, 0] += 1e-3
    save_file(tensors, str(path))


def _remove_delta(folder):
    (folder / "deltas" / f"{_delta(2).sha256()}.safetensors").unlink()


def _change_model(folder):
    _db(folder).execute("UPDATE meta SET value = ? WHERE key = 'base_fingerprint'", ("cd" * 32,))


TAMPERS = {
    # name: (tamper, first bad entry (seq), words the message must contain, entries replayable)
    "edited row": (_edit_row, 3, "edited", 2),
    "status flipped": (_flip_status, 2, "status", 1),
    "deleted middle row": (_delete_middle, 3, "missing", 2),
    "deleted last row": (_delete_last, 5, "missing", 4),
    "deleted undo": (_delete_undo, 4, "missing", 3),
    "reordered rows": (_reorder, 1, "out of order", 0),
    "modified delta file": (_modify_delta, 3, "modified", 2),
    "missing delta file": (_remove_delta, 3, "missing", 2),
}


@pytest.mark.parametrize("name", list(TAMPERS))
def test_verify_names_first_bad_entry(journal, tmp_path, name):
    tamper, first_bad, words, verified = TAMPERS[name]
    assert journal.verify().ok
    tamper(tmp_path / "journal")
    v = journal.verify()
    assert not v.ok and not bool(v)
    assert v.first_bad == first_bad, v.message
    assert f"#{first_bad}" in v.message and words in v.message, v.message
    assert v.verified == verified
    # reopening: writes refused with the reason, and only verified entries count as active
    again = Journal(tmp_path / "journal", FP, "test-model")
    assert not again.verification.ok
    assert all(r.id <= 4 for r, _ in again.active()) and len(again.active()) <= 3
    with pytest.raises(JournalError, match="failed verification"):
        again.append(_record("more"), _delta(9))
    with pytest.raises(JournalError, match="failed verification"):
        again.mark_undone(1)


def test_journal_of_another_model_is_refused_unchanged(journal, tmp_path):
    folder = tmp_path / "journal"
    def dump():
        db = _db(folder)
        return db.execute("SELECT * FROM edits").fetchall(), db.execute("SELECT * FROM meta").fetchall()

    before = dump()
    with pytest.raises(JournalError, match="belongs to another base model"):
        Journal(folder, "cd" * 32, "other-model")
    assert dump() == before and journal.verify().ok
    # a fingerprint changed inside the file is caught by the chain
    _change_model(folder)
    with pytest.raises(JournalError, match="another base model"):
        Journal(folder, FP)


def test_bad_input_changes_nothing(journal):
    head = (journal.head_seq, journal.head_hash)
    with pytest.raises(InvalidInputError, match="no edit with id 99"):
        journal.get(99)
    with pytest.raises(InvalidInputError):
        journal.mark_undone(99)
    with pytest.raises(EditError, match="already undone"):
        journal.mark_undone(2)
    assert (journal.head_seq, journal.head_hash) == head and journal.verify().ok


def test_stale_writer_gets_clear_error(tmp_path):
    a = Journal(tmp_path / "j", FP)
    b = Journal(tmp_path / "j", FP)
    a.append(_record("first"), _delta(0))
    with pytest.raises(JournalError, match="another RePAIR process"):
        b.append(_record("second"), _delta(1))
    assert [r.target for r in a.records()] == ["first"] and a.verify().ok


WRITER = """
import sys, torch
from repair.errors import JournalError
from repair.journal import Journal
from repair.records import EditRecord
from repair.stamp.delta import LowRankDelta
folder, tag = sys.argv[1], sys.argv[2]
done = conflicts = 0
while done < 8:
    j = Journal(folder, "ab" * 32)
    try:
        g = torch.Generator().manual_seed(hash((tag, done)) % 2**31)
        d = LowRankDelta({6: (torch.randn(576, 2, generator=g), torch.randn(2, 1536, generator=g))})
        j.append(EditRecord(id=0, created="", target=f"{tag}-{done}"), d)
        done += 1
    except JournalError:
        conflicts += 1
    j.close()
print(done, conflicts)
"""


def test_two_processes_writing_do_not_corrupt(tmp_path):
    folder = tmp_path / "shared"
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(folder), tag], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for tag in ("a", "b")]
    outs = [p.communicate(timeout=240) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outs]
    j = Journal(folder, FP)
    v = j.verify()
    assert v.ok, v.message
    targets = [r.target for r in j.records()]
    assert sorted(targets) == sorted(f"{t}-{i}" for t in "ab" for i in range(8))
    assert [r.id for r in j.records()] == list(range(1, 17))


# ---------------------------------------------------------------------------------------------- real model
def _weights(patient) -> list[torch.Tensor]:
    return [patient.mlp(l).down_proj.weight.detach().clone() for l in range(patient.n_layers)]


def _same(a, b) -> bool:
    return all(torch.equal(x, y) for x, y in zip(a, b, strict=True))


def _commit(session: Session, target: str, delta: LowRankDelta) -> EditRecord:
    """What Session.apply does after the executor: journal the edit, then make it active."""
    rec = session._commit_edit(_record(target), delta)
    session.patient.apply_delta(session._delta_key(rec.id), delta)
    return rec


@pytest.fixture
def clean(patient):
    yield patient
    patient.set_deltas([])  # leave the shared patient unedited whatever happened


def _session(settings, patient, folder) -> Session:
    return Session(settings, patient, journal=Journal(folder, patient.fingerprint, "smollm2-135m"))


def test_replay_is_bit_identical_and_undo_of_a_middle_edit(clean, settings, tmp_path):
    patient = clean
    folder = tmp_path / "journal"
    base = _weights(patient)
    d1, d2, d3 = _delta(1, (6,)), _delta(2, (6, 12)), _delta(3, (12,))
    s1 = _session(settings, patient, folder)
    for i, d in enumerate((d1, d2, d3)):
        _commit(s1, f"target {i + 1}", d)
    edited = _weights(patient)
    assert not _same(base, edited)
    reply = patient.answer("What is the capital of France?", max_new_tokens=12)

    patient.set_deltas([])  # "restart": base weights, then a new session replays the journal
    assert _same(base, _weights(patient))
    s2 = _session(settings, patient, folder)
    assert patient.active_deltas == ["edit-1", "edit-2", "edit-3"]
    assert _same(edited, _weights(patient))  # bit-identical to the session that made the edits
    assert patient.answer("What is the capital of France?", max_new_tokens=12) == reply

    rec = s2.undo(2)
    assert rec.status == "undone" and [r.status for r in s2.edits()] == ["applied", "undone", "applied"]
    after_undo = _weights(patient)
    patient.set_deltas([("x1", d1), ("x3", d3)])  # never having applied edit 2
    assert _same(after_undo, _weights(patient))
    with pytest.raises(EditError, match="already undone"):
        s2.undo(2)
    with pytest.raises(InvalidInputError, match="no edit with id 7"):
        s2.undo(7)
    with pytest.raises(InvalidInputError):
        s2.undo("two")

    patient.set_deltas([])
    s3 = _session(settings, patient, folder)
    assert patient.active_deltas == ["edit-1", "edit-3"] and _same(after_undo, _weights(patient))
    assert s3.verify_journal() and len(s3.edits()) == 3
    assert s3.verify_journal().entries == 4  # 3 edits + 1 undo: history is never deleted


def test_tampered_journal_replays_only_verified_edits_and_refuses_writes(clean, settings, tmp_path):
    patient = clean
    folder = tmp_path / "journal"
    s1 = _session(settings, patient, folder)
    for i in range(3):
        _commit(s1, f"target {i + 1}", _delta(10 + i))
    patient.set_deltas([])
    _edit_row(folder)  # edit 3's row changed behind RePAIR's back
    with pytest.warns(JournalWarning, match=r"entry #3 \(edit 3\).*edited"):
        s2 = _session(settings, patient, folder)
    assert patient.active_deltas == ["edit-1", "edit-2"]  # the unverified edit 3 is not applied
    assert s2.journal_problem and "#3" in s2.journal_problem
    v = s2.verify_journal()
    assert not v and v.first_bad == 3
    from repair.records import RepairPlan

    with pytest.raises(JournalError, match="failed verification"):
        s2.apply(RepairPlan(target="x", subject="x", forget_probes=["What is x?"]))
    with pytest.raises(JournalError, match="failed verification"):
        s2.undo(1)
    assert patient.active_deltas == ["edit-1", "edit-2"]


def test_cli_log_verify_undo_without_loading_the_model(clean, settings, tmp_path, capsys, monkeypatch):
    from repair.cli import main

    monkeypatch.setenv("REPAIR_CACHE_DIR", str(settings.cache))
    home = tmp_path / "home"
    patient = clean
    s1 = _session(settings, patient, home / "journal")
    for i in range(2):
        _commit(s1, f"the capital of country {i + 1}", _delta(20 + i))
    assert main(["log", "--home", str(home)]) == 0
    out = capsys.readouterr().out
    assert "the capital of country 1" in out and "applied" in out
    assert main(["log", "--verify", "--home", str(home)]) == 0
    assert "intact" in capsys.readouterr().out
    assert main(["undo", "1", "--home", str(home)]) == 0
    assert "undone" in capsys.readouterr().out
    assert main(["undo", "1", "--home", str(home)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and "already undone" in err and err.count("\n") == 1
    assert main(["undo", "42", "--home", str(home)]) == 1
    assert "no edit with id 42" in capsys.readouterr().err
    assert main(["log", "--json", "--home", str(home)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in rows] == ["undone", "applied"]
    _db(home / "journal").execute("UPDATE edits SET target = 'x' WHERE id = 2")
    assert main(["log", "--verify", "--home", str(home)]) == 1
    captured = capsys.readouterr()
    assert "entry #2 (edit 2)" in captured.out + captured.err
    # a journal from another base model: one clear error, nothing changed
    other = tmp_path / "other"
    Journal(other / "journal", "cd" * 32, "other-model").append(_record("x"), _delta(0))
    assert main(["log", "--home", str(other)]) == 1
    assert "another base model" in capsys.readouterr().err
    assert Journal(other / "journal", "cd" * 32).verify().ok


def test_unreadable_journal_file_is_one_clear_error(tmp_path):
    folder = tmp_path / "j"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(b"this is not a database" * 100)
    with pytest.raises(JournalError, match="unreadable"):
        Journal(folder, FP)
    assert (folder / DB_NAME).read_bytes() == b"this is not a database" * 100
