"""Session.chat on the real model and watchdog: chat replies, forget plans pending confirmation, refusals."""

from __future__ import annotations

import pytest

from repair.session import Session


@pytest.fixture
def session(patient, settings):
    return Session(settings, patient=patient)


def test_chat_forget_and_refusal_turns(session, patient):
    turn = session.chat("What is the capital of France?")
    assert turn.intent.kind == "chat" and turn.plan is None and turn.refused is None
    assert "Paris" in turn.reply

    turn = session.chat("Please forget who wrote 1984.")
    assert turn.intent.kind == "forget" and turn.refused is None
    assert turn.plan is not None and turn.plan.subject == "1984" and len(turn.plan.forget_probes) >= 8
    assert "1984" in turn.reply and "Confirm" in turn.reply
    assert turn.edit is None and patient.active_deltas == []  # nothing applied before confirmation

    turn = session.chat("Please forget all you know.")
    assert turn.intent.kind == "forget" and turn.plan is None
    assert turn.refused and turn.refused in turn.reply  # over-broad: refused with a reason, nothing planned

    assert len(session.history) == 6
    # the model's own context holds only the chat turn, not the forget requests
    assert [m["content"] for m in session.chat_context()][0] == "What is the capital of France?"
    assert len(session.chat_context()) == 2


def test_chat_personal_reference_uses_history(session):
    session.history += [{"role": "user", "content": "My phone number is 555-0199."},
                        {"role": "assistant", "content": "Noted."}]
    turn = session.chat("Please forget my phone number.")
    assert turn.plan is not None, turn.reply
    assert turn.plan.answers == ["555-0199"] and turn.plan.category == "personal"
