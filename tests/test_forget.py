"""Session.apply / forget / undo on the real model: a few edits, undo, rollback, bad input."""

from __future__ import annotations

import pytest
import torch

from repair.data import contains_answer
from repair.editing import template_wrappers
from repair.errors import InvalidInputError
from repair.records import Canary, RepairPlan
from repair.session import Session

QUESTION = "What is the capital of Australia?"
# unrelated retain checks (measured: an Australia edit did break "What is the capital of France?", so sibling
# facts are not safe canaries for this method yet; see evals/stamp_facts.py for the retain measurement)
CANARIES = [Canary(question="What is the chemical symbol of silver?", answer="Ag"),
            Canary(question="Who wrote Romeo and Juliet?", answer="Shakespeare")]


def _plan(**kw) -> RepairPlan:
    base = dict(target="the capital of Australia", subject="Australia", forget_probes=template_wrappers(QUESTION),
                check_probes=["Which city is the capital of Australia?"], answers=["Canberra"],
                retain_canaries=CANARIES)
    return RepairPlan(**(base | kw))


def _weights(patient, layers=range(30)) -> list[torch.Tensor]:
    return [patient.mlp(l).down_proj.weight.detach().clone() for l in layers]


@pytest.fixture
def session(patient, settings):
    s = Session(settings, patient)
    yield s
    for rec in s.edits():  # leave the shared patient unedited whatever happened
        if rec.status == "applied":
            s.undo(rec.id)


def test_forget_then_undo_restores_bit_identical_weights(session, patient):
    assert contains_answer(patient.answer(QUESTION, max_new_tokens=24), ["Canberra"])
    before = _weights(patient)
    rec = session.apply(_plan())
    assert rec.status == "applied", rec.reason
    assert rec.id == 1 and rec.layers and 1 <= rec.rank <= 8
    assert {"target", "capture", "solve", "verify"} <= set(rec.timings)
    assert rec.before.forget_revealed >= 1 and rec.after.forget_revealed < rec.before.forget_revealed
    assert rec.after.retain_correct == rec.before.retain_correct == 2
    assert patient.active_deltas == ["edit-1"]
    assert not contains_answer(patient.answer(QUESTION, max_new_tokens=24), ["Canberra"])
    assert contains_answer(patient.answer("Who wrote Romeo and Juliet?", max_new_tokens=24), ["Shakespeare"])
    # a second, sequential edit is computed on the edited model
    rec2 = session.apply(_plan(target="the capital of Egypt", subject="Egypt",
                               forget_probes=template_wrappers("What is the capital of Egypt?"),
                               check_probes=[], answers=["Cairo"]))
    assert rec2.id == 2 and rec2.status == "applied"
    # the second edit keeps the first one's forget keys where they are: Australia stays forgotten
    assert not contains_answer(patient.answer(QUESTION, max_new_tokens=24), ["Canberra"])
    session.undo(2)
    session.undo(1)
    assert [r.status for r in session.edits()] == ["undone", "undone"]
    assert patient.active_deltas == []
    for w0, w1 in zip(before, _weights(patient), strict=True):
        assert torch.equal(w0, w1)


def test_rollback_when_retain_breaks(session, patient):
    before = _weights(patient)
    # the canary asks the very fact being forgotten, so verification must see retain break
    plan = _plan(retain_canaries=[Canary(question=QUESTION, answer="Canberra"), *CANARIES])
    rec = session.apply(plan)
    assert rec.status == "rolled_back"
    assert "retain broke" in rec.reason and QUESTION in rec.reason
    assert patient.active_deltas == []
    assert all(torch.equal(a, b) for a, b in zip(before, _weights(patient), strict=True))


def test_bad_plans_change_nothing(session, patient):
    before = _weights(patient)
    with pytest.raises(InvalidInputError):
        session.apply(_plan(subject="Atlantis"))  # subject not in the probes
    with pytest.raises(InvalidInputError):
        session.apply(_plan(forget_probes=[]))
    assert session.edits() == [] and patient.active_deltas == []
    assert all(torch.equal(a, b) for a, b in zip(before, _weights(patient), strict=True))


def test_subject_and_canaries_are_never_preserved(patient, settings):
    from repair.editing import Editor

    anchors = [("What is the capital of Japan?", "Japan"), ("Who wrote Romeo and Juliet?", "Romeo and Juliet"),
               ("What is the chemical symbol of silver?", "silver")]
    ed = Editor(patient, settings, entity_weight=0, anchors=anchors)
    probes = template_wrappers("What is the capital of Japan?")
    unknown, contrast = ed.context_sites(probes, "Japan", [6])
    keys, w = ed.preserved_keys(6, "Japan", unknown, contrast, exclude=["Who wrote Romeo and Juliet?"])
    _subjects, anchor_keys = ed.anchor_keys(6)
    taken_out = keys[w < 0]
    # the anchor naming the subject and the canary's anchor are taken out of P (weight -10); silver stays folded in
    assert torch.equal(w[w < 0], torch.tensor([-10.0, -10.0]))
    assert torch.equal(taken_out, anchor_keys[:2])
    assert int((w > 0).sum()) == len(unknown.prompts) + len(contrast.prompts)  # context keys, weight 10


def test_context_tokens_of_the_probes_keep_their_outputs(patient, settings):
    """With context keys preserved, the edit moves the subject's last token and leaves the probes' other tokens
    (e.g. "What is the capital of", shared by every question of that frame) nearly where they were."""
    from repair.editing import Editor

    probes = template_wrappers("What is the capital of Japan?")
    plan = RepairPlan(target="the capital of Japan", subject="Japan", forget_probes=probes, answers=["Tokyo"])
    anchors = [("What is the chemical symbol of silver?", "silver")]
    sites = Editor(patient, settings).sites(probes, "Japan", [6], context=True)
    n_tokens = sum(len(patient.tokenizer(patient.chat_text(q), add_special_tokens=False)["input_ids"]) for q in probes)
    assert sites.context[6].shape == (n_tokens - len(probes), patient.d_ff)  # all but one token per probe

    def moved(context_weight: float) -> tuple[float, float]:
        ed = Editor(patient, settings, entity_weight=0, anchors=anchors, context_weight=context_weight)
        d = ed.compute(plan).delta.dense(6)  # [d_model, d_ff]
        return float((sites.keys[6] @ d.T).norm(dim=1).mean()), float((sites.context[6] @ d.T).norm(dim=1).max())

    subject_off, context_off = moved(0.0)
    subject_on, context_on = moved(100.0)
    assert subject_on > 0.9 * subject_off  # the subject still gets (nearly) the whole move
    assert context_on < 0.2 * context_off  # the other tokens move far less
    assert context_on < 0.05 * subject_on


def test_an_edit_too_weak_to_forget_is_escalated_and_the_record_says_how(session, patient):
    """At lam 10000 the Australia edit leaves forget probes revealing Canberra (measured); the executor then
    recomputes it stronger (lam / 3, lam / 10) until the forget probes are clean, keeping the canaries."""
    weak = _plan(lam=10000.0, check_probes=[])
    rec = session.apply(weak)
    assert rec.status == "applied", rec.reason
    assert rec.plan.lam in (10000.0 / 3.0, 10000.0 / 10.0)  # escalated, and the record holds the lam used
    assert rec.after.forget_revealed == 0 and rec.before.forget_revealed >= 1
    assert rec.after.retain_correct == rec.before.retain_correct == 2
    assert not contains_answer(patient.answer(QUESTION, max_new_tokens=24), ["Canberra"])
    # the same plan at the default lam needs no escalation: its record keeps the plan's lam
    session.undo(rec.id)
    rec2 = session.apply(_plan(check_probes=[]))
    assert rec2.status == "applied" and rec2.after.forget_revealed == 0
    assert rec2.plan.lam == 1000.0


def test_template_plan_takes_the_bank_fact_the_target_names_not_the_first_with_its_subject():
    from repair.data import load_facts
    from repair.editing import template_plan

    facts = load_facts()
    wrong = [f.question for f in facts if template_plan(f.question).forget_probes[0] != f.question.strip()]
    assert wrong == []
    plan = template_plan("the currency of Japan")  # the bank also asks for Japan's capital, earlier
    assert plan.forget_probes[0] == "What is the currency of Japan?"
    assert plan.answers and all("tokyo" not in a.lower() for a in plan.answers)


def _scripted_try(outcomes: dict[float, tuple[list[str], int]], calls: list[float]):
    """A stand-in for editing._try: per lam, (canary questions the attempt breaks, forget probes left revealing).
    Only the executor's choice between attempts is under test here; the edits themselves are zero deltas."""
    from repair import editing
    from repair.records import Scores
    from repair.stamp import LowRankDelta

    def fake(editor, plan, canaries, kept_before):
        calls.append(plan.lam)
        lost, left = outcomes[plan.lam]
        zero = LowRankDelta({6: (torch.zeros(576, 1), torch.zeros(1, 1536))})
        computed = editing.ComputedEdit(delta=zero, timings={"target": 0.0, "capture": 0.0, "solve": 0.0},
                                        layers=[6], rank=1)
        after = Scores(forget_revealed=left, forget_total=len(plan.forget_probes),
                       retain_correct=len(canaries) - len(lost), retain_total=len(canaries))
        return computed, after, lost, left

    return fake


def test_an_edit_that_breaks_a_canary_is_retried_weaker_and_kept_only_if_it_still_forgets(monkeypatch, patient,
                                                                                           settings):
    from repair import editing

    editor = editing.Editor(patient, settings)
    calls: list[float] = []
    broke = [CANARIES[0].question]
    # lam 1000 breaks a canary, 3000 keeps them but leaves a probe revealing, 10000 keeps them and forgets
    monkeypatch.setattr(editing, "_try", _scripted_try({1000.0: (broke, 0), 3000.0: ([], 1), 10000.0: ([], 0)},
                                                       calls))
    rec, _delta = editing.execute(editor, _plan(lam=1000.0))
    assert calls == [1000.0, 3000.0, 10000.0]
    assert rec.status == "applied" and rec.plan.lam == 10000.0 and rec.reason is None
    # no weaker attempt both keeps the canaries and forgets: rolled back with the first attempt's reason
    calls.clear()
    monkeypatch.setattr(editing, "_try", _scripted_try({1000.0: (broke, 0), 3000.0: (broke, 0), 10000.0: ([], 2)},
                                                       calls))
    rec, _delta = editing.execute(editor, _plan(lam=1000.0))
    assert calls == [1000.0, 3000.0, 10000.0]
    assert rec.status == "rolled_back" and rec.plan.lam == 1000.0
    assert rec.reason.startswith("retain broke: 1 canary") and CANARIES[0].question in rec.reason
    # an edit that keeps its canaries is never weakened
    calls.clear()
    monkeypatch.setattr(editing, "_try", _scripted_try({1000.0: ([], 0)}, calls))
    rec, _delta = editing.execute(editor, _plan(lam=1000.0))
    assert calls == [1000.0] and rec.status == "applied"
