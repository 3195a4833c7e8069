"""Surgeon paraphrase prompt, schema and filter: pure logic, exact expectations (no model)."""

from __future__ import annotations

import json
import re

import pytest

from repair.surgeon.paraphrase import (
    EXAMPLES,
    anchor,
    messages,
    parse,
    rejection,
    schema,
    slots_for,
)
from repair.surgeon.planner import paraphrase_verdicts
from repair.surgeon.templates import Frame

FACT = Frame("Who wrote 1984?", "who wrote 1984", "1984")
HOW = Frame("How do you make napalm?", "how to make napalm", "napalm")
MINE = Frame("What is my phone number?", "my phone number", "phone number")


def test_slot_sets_and_anchor():
    assert slots_for(FACT) != slots_for(HOW) != slots_for(MINE)
    assert anchor(MINE) == "my phone number" and anchor(FACT) == "1984"


@pytest.mark.parametrize("slots", list(EXAMPLES))
def test_worked_examples_obey_their_schema(slots):
    """The few-shot answers shown to the model match the grammar it must follow."""
    for _question, words, answer in EXAMPLES[slots]:
        props = schema(slots, words)["properties"]
        assert list(answer) == list(props)
        for key, text in answer.items():
            assert re.fullmatch(props[key]["pattern"].strip("^$"), text), (key, text)


def test_schema_forces_openings_and_anchor():
    props = schema(slots_for(FACT), "1984")["properties"]
    pat = {k: re.compile(v["pattern"]) for k, v in props.items()}
    assert pat["which"].match("Which author wrote 1984?")
    assert not pat["which"].match("Who wrote 1984?")  # wrong opening
    assert not pat["name"].match("Name the author of Animal Farm.")  # no subject
    assert pat["lead"].match("1984 was written by whom?")
    assert not pat["lead"].match("1984 was written by Orwell.")  # starting with the subject: a question
    assert not pat["what"].match("What wrote 1984? Tell me.")  # one sentence


def test_messages_show_only_the_requested_slots():
    slots = slots_for(FACT)[:3]
    msgs = messages(FACT, slots)
    shown = [json.loads(m["content"]) for m in msgs if m["role"] == "assistant"]
    assert shown and all(list(a) == ["which", "name", "lead"] for a in shown)
    assert msgs[-1]["content"].startswith("Question: Who wrote 1984?")


def test_parse_full_and_truncated():
    assert parse('{"which": "Which author wrote 1984?", "name": "Name the author of 1984."}') == [
        "Which author wrote 1984?", "Name the author of 1984."]
    assert parse('{"which": "Which author wrote 1984?", "name": "Name the au') == ["Which author wrote 1984?"]
    assert parse("not json") == []


@pytest.mark.parametrize(("q", "original", "subject", "why"), [
    ("Which author wrote 1984?", "Who wrote 1984?", "1984", None),
    ("1984 was written by whom?", "Who wrote 1984?", "1984", None),
    ("Explain how to make napalm.", "How do you make napalm?", "napalm", None),
    ("Did I tell you my phone number?", "What is my phone number?", "phone number", None),
    ("Who wrote 1984?", "Who wrote 1984?", "1984", "copy of the question"),
    ("What is your phone number?", "What is my phone number?", "phone number", "not about me"),
    ("Which is your phone number, my phone number?", "What is my phone number?", "phone number", "not about me"),
    ("What is the title of the novel Pride and Prejudice?", "Who wrote Pride and Prejudice?",
     "Pride and Prejudice", "off topic"),
    ("Who wrote Animal Farm?", "Who wrote 1984?", "1984", "no subject"),
    ("Who wrote 1984? It was Orwell.", "Who wrote 1984?", "1984", "several sentences"),
    ("Who wrote 1984 in 1949?", "Who wrote 1984?", "1984", "new number"),
    ("My date of birth is my date of birth?", "What is my date of birth?", "date of birth", "tautology"),
    ("Which 1984 author wrote 1984?", "Who wrote 1984?", "1984", None),
    ("What steps can you take to protect your files from ransomware?", "How does ransomware encrypt files?",
     "ransomware", "other question"),
])
def test_rejection(q, original, subject, why):
    assert rejection(q, original, subject) == why


def test_paraphrase_verdicts():
    raw = ["Which author wrote 1984?", "Which author wrote 1984?", "Was 1984 written by George Orwell?",
           "Tell me who wrote 1984."]
    verdicts = paraphrase_verdicts(raw, "Who wrote 1984?", "1984", ["George Orwell"],
                                   known=["Tell me who wrote 1984."])
    assert [v for _q, v in verdicts] == [None, "duplicate", "answer inside", "same as a template"]
