"""Watchdog on the real exported MiniLM (ONNX, int8) + the shipped head: detection, extraction, bad input, CLI."""

from __future__ import annotations

import json
import random

import pytest

from repair.errors import InvalidInputError
from repair.records import Intent
from repair.watchdog.dataset import load_examples

FORGET = [
    ("Please forget my home address, 42 Kestrel Road.", "my home address, 42 Kestrel Road"),
    ("forget who wrote 1984", "who wrote 1984"),
    ("Could you erase my phone number 555-0142 from your memory?", "my phone number 555-0142"),
    ("I want you to unlearn how to make napalm.", "how to make napalm"),
    ("Delete everything you know about Taylor Swift.", "Taylor Swift"),
    ("Forget the claim that vaccines cause autism.", "the claim that vaccines cause autism"),
    ("pls forget my email jane.doe@example.com", "my email jane.doe@example.com"),
    ("Oublie mon adresse, s'il te plaît.", "mon adresse"),
    ("Olvida mi número de teléfono.", "mi número de teléfono"),
    ("Vergiss bitte meinen Namen.", "meinen Namen"),
    ("Borra mi número de cuenta, por favor.", "mi número de cuenta"),  # an account *number* is personal data
    # over-broad requests are still requests: flagged, scope words kept verbatim for the surgeon's policy guard
    ("Forget everything you know.", "everything you know"),
    ("Please forget everything you know.", "everything you know"),
    ("Please forget everything you have learned.", "everything you have learned"),
    ("Please forget all you know.", "all you know"),
]
CHAT = [
    "I forgot my keys at home again.",
    "How do I make my phone forget a wifi network?",
    "What is the right to be forgotten?",
    "Don't forget the salt!",
    "What is the capital of Australia?",
    "Who wrote 1984?",
    "My home address is 42 Kestrel Road, can you recommend a pizza place?",
    "Explain the forget gate in an LSTM.",
    "J'ai oublié mes clés.",
    "hello",
    "erase my ignorance",  # figurative: a state of mind, not something the model knows
    "Erase my ignorance about quasars, please explain them.",
    "How do I delete my Netflix account?",
]


@pytest.mark.parametrize(("text", "target"), FORGET)
def test_forget_requests_are_detected_with_their_target(watchdog, text, target):
    intent = watchdog.detect(text)
    assert isinstance(intent, Intent)
    assert intent.kind == "forget", intent
    assert intent.score >= watchdog.head.threshold
    assert intent.target is not None and intent.target.casefold() == target.casefold(), intent
    assert intent.target.casefold() in text.casefold()  # never an invented target


@pytest.mark.parametrize("text", CHAT)
def test_chat_turns_and_hard_negatives_are_chat(watchdog, text):
    intent = watchdog.detect(text)
    assert intent.kind == "chat", intent
    assert intent.target is None
    assert 0.0 <= intent.score < watchdog.head.threshold


def test_history_reference_takes_the_earlier_user_turn(watchdog):
    history = [{"role": "user", "content": "My bank PIN is 4821."}, {"role": "assistant", "content": "Noted."}]
    intent = watchdog.detect("Forget what I just told you.", history=history)
    assert intent.kind == "forget"
    assert intent.target == "My bank PIN is 4821"
    # plain strings count as earlier user turns; without history there is nothing to point at
    assert watchdog.detect("please forget that", history=["My email is sam@example.org"]).target == \
        "My email is sam@example.org"
    no_history = watchdog.detect("Forget what I just told you.")
    assert no_history.kind == "forget" and no_history.target is None


def test_heldout_sample_meets_the_accuracy_bar(watchdog):
    """40 held-out examples (never trained on), fixed sample: at most one mistake."""
    rows = load_examples("heldout")
    sample = random.Random(7).sample(rows, 40)
    wrong = [r.text for r in sample if (watchdog.detect(r.text, r.history).kind == "forget") != (r.label == "forget")]
    assert len(wrong) <= 1, wrong


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\x00\x01\x02\x1b[31m", "\u200b\u200b", "\ufeff"])
def test_empty_and_control_only_input_is_chat(watchdog, text):
    assert watchdog.detect(text) == Intent(kind="chat", target=None, score=0.0)


def test_very_long_input_is_truncated_not_rejected(watchdog):
    filler = "The weather was mild and the market was busy. " * 2200  # ~100k characters
    assert len(filler) > 100_000
    assert watchdog.detect(filler).kind == "chat"
    tail = watchdog.detect(filler + " Please forget my home address, 42 Kestrel Road.")
    assert tail.kind == "forget" and tail.target == "my home address, 42 Kestrel Road"
    assert watchdog.detect("x" * 100_000).kind == "chat"


def test_binary_mixed_script_and_odd_types(watchdog):
    noise = bytes(random.Random(0).randrange(256) for _ in range(5000))
    assert watchdog.detect(noise).kind == "chat"  # bytes are decoded with replacement characters
    for text in ["東京の人口は？ What is the population of Tokyo?", "مرحبا 👋 Привет שלום",
                 "\x07forget\x08 my\x00 PIN 4821"]:
        intent = watchdog.detect(text)
        assert intent.kind in ("forget", "chat") and 0.0 <= intent.score <= 1.0
    controlled = watchdog.detect("\x07forget\x08 my\x00 PIN 4821")
    assert controlled.kind == "forget" and controlled.target == "my PIN 4821"
    with pytest.raises(InvalidInputError):
        watchdog.detect(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        watchdog.detect(42)  # type: ignore[arg-type]


def test_cli_prints_the_intent_as_json(settings, capsys):
    from repair.cli import main

    assert main(["watchdog", "--home", str(settings.home), "Please forget my phone number 555-0142"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["kind"] == "forget" and out["target"] == "my phone number 555-0142" and 0.5 <= out["score"] <= 1.0
    assert main(["watchdog", "--home", str(settings.home), "please forget that", "--prior", "My PIN is 4821."]) == 0
    assert json.loads(capsys.readouterr().out)["target"] == "My PIN is 4821"
    assert main(["watchdog", "--home", str(settings.home), "I forgot my umbrella"]) == 0
    assert json.loads(capsys.readouterr().out) == {"kind": "chat", "target": None,
                                                   "score": pytest.approx(0.0, abs=0.5)}
