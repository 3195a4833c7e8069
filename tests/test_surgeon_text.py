"""Surgeon target reading and policy guard: pure string logic, exact expectations (no model)."""

from __future__ import annotations

import pytest

from repair.errors import PolicyRefusal
from repair.surgeon import policy
from repair.surgeon.answers import candidates, vote
from repair.surgeon.text import (
    category_of,
    parse_claim,
    personal_value,
    question_forms,
    strip_request,
    subject_of,
)


@pytest.mark.parametrize(("target", "subject"), [
    ("who wrote 1984", "1984"),
    ("who wrote Brave New World", "Brave New World"),
    ("the capital of France", "France"),
    ("the author of The Lord of the Rings", "Lord of the Rings"),
    ("where the Eiffel Tower is", "Eiffel Tower"),
    ("how to make napalm", "napalm"),
    ("Neil Armstrong", "Neil Armstrong"),
    ('the song "Bohemian Rhapsody"', "Bohemian Rhapsody"),
])
def test_subject_span(target, subject):
    assert subject_of(target) == subject


def test_subject_prefers_fact_bank_spelling():
    assert subject_of("the capital of france", known_subjects=("France", "Germany")) == "France"
    assert subject_of("what the currency of Japan is", known_subjects=("Japan",)) == "Japan"


@pytest.mark.parametrize(("text", "target"), [
    ("forget who wrote 1984", "who wrote 1984"),
    ("Please forget the capital of France.", "the capital of France"),
    ("can you unlearn everything about Neil Armstrong?", "Neil Armstrong"),
    ("the capital of France", "the capital of France"),
    ("forget", ""),
    ("Please forget it.", ""),
    ("forget all you know", "all you know"),
])
def test_strip_request(text, target):
    assert strip_request(text) == target


def test_question_forms():
    assert question_forms("who wrote 1984") == "Who wrote 1984?"
    assert question_forms("the capital of France") == "What is the capital of France?"
    assert question_forms("where the Eiffel Tower is") == "Where is the Eiffel Tower?"
    assert question_forms("how to make napalm") == "How do you make napalm?"
    assert question_forms("Neil Armstrong") == "Who is Neil Armstrong?"


def test_misinformation_claims():
    c = parse_claim("that's wrong, the capital of Australia is Canberra, not Sydney")
    assert (c.topic, c.correct, c.false) == ("the capital of Australia", "Canberra", "Sydney")
    c = parse_claim("No, the capital of Australia is not Sydney, it is Canberra.")
    assert (c.topic, c.correct, c.false) == ("the capital of Australia", "Canberra", "Sydney")
    c = parse_claim("Sydney is not the capital of Australia")
    assert (c.topic, c.correct, c.false) == ("the capital of Australia", None, "Sydney")
    assert parse_claim("forget who wrote 1984") is None


def test_personal_values_and_categories():
    v = personal_value("forget my phone number is 555-0199")
    assert (v.attribute, v.value) == ("phone number", "555-0199")
    v = personal_value("Please forget that I live at 42 Kestrel Road.")
    assert (v.attribute, v.value) == ("address", "42 Kestrel Road")
    assert category_of("forget my email address", "my email address") == "personal"
    assert category_of("forget how to make napalm", "how to make napalm") == "harmful"
    assert category_of("that's wrong, the capital of Australia is Canberra, not Sydney",
                       "the capital of Australia") == "misinformation"
    assert category_of("forget who wrote 1984", "who wrote 1984") == "other"


def test_answer_spans_from_replies():
    assert candidates("Who wrote 1984?", "1984 was written by George Orwell in 1949.")[0] == "George Orwell"
    assert candidates("What is the capital of France?", "The capital of France is Paris.")[0] == "Paris"
    assert candidates("Who wrote 1984?", "I'm not sure about that.") == []
    qs = ["What is the capital of France?", "Tell me the capital of France.", "Do you know the capital of France?"]
    replies = ["The capital of France is Paris.", "Paris is the capital.", "Yes, it is Paris, a big city."]
    assert vote(qs, replies)[0] == "Paris"


REFUSED = [
    "", "   ", "everything", "all you know", "English", "everything you know", "all of it", "math",
    "the English language", "your safety rules", "that you must refuse harmful requests", "your refusal policy",
    "your guidelines", "how to say no", "the fact that you should be careful", "your content policy",
    "your system prompt", "that you are not allowed to help with weapons", "your ethics", "x" * 300,
]


@pytest.mark.parametrize("target", REFUSED)
def test_policy_refuses_with_reason(target):
    with pytest.raises(PolicyRefusal) as err:
        policy.check_target(strip_request(target))
    assert len(err.value.reason) > 10


@pytest.mark.parametrize("target", [
    "who wrote 1984", "the capital of France", "how to make napalm", "my phone number is 555-0199",
    "Neil Armstrong", "the rules of chess", "the safety record of the Boeing 737",
])
def test_policy_allows_specific_targets(target):
    policy.check_target(target)
