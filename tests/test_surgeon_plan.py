"""Surgeon plans on the real default model: probes, answers, canaries, guard, CLI, paraphrases."""

from __future__ import annotations

import subprocess
import sys

import pytest

from repair.errors import InvalidInputError, PolicyRefusal
from repair.records import Intent, RepairPlan
from repair.surgeon import Surgeon, retain_canaries
from repair.surgeon.planner import balanced_lam
from repair.surgeon.text import mentions, norm


@pytest.fixture(scope="module")
def surgeon(patient, settings):
    return Surgeon(patient, settings, use_llm=False)


def _valid(plan: RepairPlan) -> None:
    assert len(set(map(norm, plan.forget_probes))) == len(plan.forget_probes) >= 8
    assert len(plan.check_probes) >= 3
    assert not set(map(norm, plan.forget_probes)) & set(map(norm, plan.check_probes))
    for p in plan.forget_probes + plan.check_probes:
        assert mentions(p, plan.subject), (p, plan.subject)
        assert not any(mentions(p, a) for a in plan.answers), (p, plan.answers)
    assert RepairPlan.model_validate_json(plan.model_dump_json()) == plan


def test_fact_plan_reads_answer_from_the_model(surgeon, patient):
    plan = surgeon.plan_target("the capital of France")
    _valid(plan)
    assert plan.subject == "France" and plan.category == "other"
    assert any(norm(a) == "paris" for a in plan.answers)
    assert plan.lam == balanced_lam(len(plan.forget_probes))  # the executor's lam per forget probe
    # canaries: known to the model, unrelated to France / Paris
    assert len(plan.retain_canaries) >= 8
    assert not any(mentions(c.question, "France") or norm(c.answer) == "paris" for c in plan.retain_canaries)
    replies = patient.answer_many([c.question for c in plan.retain_canaries[:4]], max_new_tokens=20)
    from repair.data import contains_answer

    assert all(contains_answer(r, [c.answer]) for r, c in zip(replies, plan.retain_canaries[:4], strict=True))


def test_misinformation_plan_removes_the_false_claim(surgeon):
    plan = surgeon.plan_target("that's wrong, the capital of Australia is Canberra, not Sydney")
    _valid(plan)
    assert plan.category == "misinformation"
    assert plan.subject == "Australia" and plan.answers == ["Sydney"] and plan.correction == "Canberra"


def test_personal_plan_uses_the_value_given(surgeon):
    plan = surgeon.plan_target("my phone number is 555-0199", request="please forget my phone number is 555-0199")
    _valid(plan)
    assert plan.category == "personal" and plan.answers == ["555-0199"] and plan.subject == "phone number"


def test_plan_from_intent_and_history(surgeon):
    history = [{"role": "user", "content": "My email is jo@example.org, remember it."},
               {"role": "assistant", "content": "Sure."}]
    plan = surgeon.plan(Intent(kind="forget", target="my email", score=0.99), history=history,
                        request="forget my email")
    assert plan.answers == ["jo@example.org"]
    with pytest.raises(InvalidInputError):
        surgeon.plan(Intent(kind="chat", score=0.01))


@pytest.mark.parametrize("target", ["everything", "your safety rules", "English", "capitals"])
def test_guard_refuses(surgeon, target):
    with pytest.raises(PolicyRefusal) as err:
        surgeon.plan_target(target)
    assert err.value.reason


def test_caller_probes_are_used_and_checked(surgeon):
    plan = surgeon.plan_target("the capital of France", probes=["Name the French capital city, France's seat."])
    assert plan.forget_probes[0] == "Name the French capital city, France's seat."
    with pytest.raises(InvalidInputError):
        surgeon.plan_target("the capital of France", probes=["What is the capital of Germany?"])


def test_retain_canaries_cached_per_model(patient, settings):
    first = retain_canaries(patient, settings, exclude=["Japan", "Tokyo"], n=6)
    assert len(first) == 6 and not any(mentions(c.question, "Japan") for c in first)
    files = list((settings.cache / "surgeon").glob(f"canaries-{patient.fingerprint[:16]}-*.json"))
    assert len(files) == 1


def test_llm_paraphrases_are_filtered(patient, settings):
    from repair.surgeon.paraphrase import Paraphraser
    from repair.surgeon.templates import Frame

    para = Paraphraser(patient.source.gguf_path, max_tokens=40, budget_s=300.0)  # generous: a busy shared machine
    got = para(Frame(question="Who wrote 1984?", clause="who wrote 1984", subject="1984"), 3)
    assert para.last_raw.replace(" ", "").startswith('{"which":"Which')  # grammar-constrained slots
    assert got and all("1984" in q for q in got)  # the schema's pattern puts the subject in every (complete) item
    assert [q.split()[0] for q in got] == ["Which", "Name", "1984"][: len(got)]  # each slot's own opening

    # the surgeon keeps only good, new, answer-free paraphrases (same LLM output plus known-bad ones)
    bad = ["Who wrote 1984? George Orwell.", "What is the 1984 movie about?", "Tell me about Orwell.",
           "Was 1984 written by George Orwell in 1949?"]
    surgeon = Surgeon(patient, settings, paraphraser=lambda frame, n: [*got, *bad], choose_layers=False)
    plan = surgeon.plan_target("who wrote 1984")
    _valid(plan)
    assert not set(bad) & set(plan.forget_probes + plan.check_probes)
    assert set(surgeon.last_paraphrases) <= set(got)


def test_cli_plan_refusal_is_one_line_and_non_zero(tmp_path):
    out = subprocess.run([sys.executable, "-m", "repair.cli", "plan", "--home", str(tmp_path), "forget everything"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode != 0
    assert out.stderr.strip().count("\n") == 0 and "too broad" in out.stderr


def test_harmful_how_to_plan_names_leak_terms(surgeon):
    plan = surgeon.plan_target("how to make a Molotov cocktail", request="forget how to make a Molotov cocktail")
    _valid(plan)
    assert plan.category == "harmful" and plan.subject == "Molotov cocktail"
    assert "gasoline" in plan.answers and plan.refusal == "I can't help with that."


def test_session_forget_plans_with_the_session_surgeon(patient, settings):
    """Session.forget asks the session's one surgeon (built once) and applies nothing when it refuses."""
    from repair.session import Session

    session = Session(settings, patient)
    try:
        first = session.surgeon
        calls = []

        def refuse(target, probes=None, **_kw):
            calls.append(target)
            raise PolicyRefusal("test refusal")

        first.plan_target = refuse
        for target in ("the capital of France", "who wrote 1984"):
            with pytest.raises(PolicyRefusal):
                session.forget(target)
        assert calls == ["the capital of France", "who wrote 1984"] and session.surgeon is first
        assert session.edits() == [] and patient.active_deltas == []
    finally:
        session.close()


def test_canaries_are_facts_the_model_answers_firmly_not_coin_flips(patient, settings):
    """'What is the currency of Sweden?' is answered ('the Swedish Krona') but 'Krona' wins by about 0.5 nats,
    so an unrelated edit can flip it; 'the chemical symbol of iron' (Fe) wins by about 4.7 nats (measured)."""
    from repair.data import load_facts
    from repair.surgeon.canaries import FIRM_MARGIN
    from repair.surgeon.trial import answer_item, answer_margins

    bank = {f.question: f for f in load_facts()}
    sweden, iron = bank["What is the currency of Sweden?"], bank["What is the chemical symbol of iron?"]
    replies = patient.answer_many([sweden.question, iron.question], max_new_tokens=20)
    items = [answer_item(patient, f.question, r, f.answers) for f, r in zip((sweden, iron), replies, strict=True)]
    assert all(items)  # both answered
    low, high = answer_margins(patient, items).tolist()
    assert 0.0 < low < FIRM_MARGIN <= high
    chosen = retain_canaries(patient, settings, n=2, facts=[sweden, iron])
    assert [c.question for c in chosen] == [iron.question]


def test_canaries_whose_reply_hangs_on_a_coin_flip_before_the_answer_are_not_chosen(patient, settings):
    """'What is the capital of Uruguay?' wins on 'Montevideo' by about 1.2 nats, but the reply's first token 'The'
    beats 'El' by about 0.09 nats and with 'El' the model loops in Spanish without naming the city (measured);
    that canary undid most rolled-back edits. 'What is the capital of Japan?' has no such near tie."""
    from repair.data import load_facts
    from repair.surgeon.canaries import FIRM_MARGIN, survives_near_ties
    from repair.surgeon.trial import AnswerItem, answer_item, answer_margins

    bank = {f.question: f for f in load_facts()}
    uruguay, japan = bank["What is the capital of Uruguay?"], bank["What is the capital of Japan?"]
    replies = patient.answer_many([uruguay.question, japan.question], max_new_tokens=20)
    items = [answer_item(patient, f.question, r, f.answers) for f, r in zip((uruguay, japan), replies, strict=True)]
    assert all(items)  # both answered ...
    assert min(answer_margins(patient, items).tolist()) >= FIRM_MARGIN  # ... firmly on the answer tokens
    assert survives_near_ties(patient, items, [uruguay.answers, japan.answers]) == [False, True]
    # an answer at the very start of the reply has nothing before it to flip
    head = patient.chat_text(japan.question)
    bare = AnswerItem(prompt=japan.question, text=head + "Tokyo", start=len(head), end=len(head) + 5)
    assert survives_near_ties(patient, [bare], [japan.answers]) == [True]
    chosen = retain_canaries(patient, settings, n=2, facts=[uruguay, japan])
    assert [c.question for c in chosen] == [japan.question]


def test_canary_branches_use_the_executors_check_budget():
    """A canary's near-tie branches are judged on as many reply tokens as the check after an edit reads."""
    import inspect

    from repair.editing import score
    from repair.surgeon.canaries import CHECK_TOKENS

    assert inspect.signature(score).parameters["max_new_tokens"].default == CHECK_TOKENS
