"""The shipped fact bank, gold-answer matching and the TOFU loader (no model needed)."""

from __future__ import annotations

import json
import os
from collections import Counter

import pytest

from repair.data import (
    Fact,
    contains_answer,
    default_tofu_dir,
    load_facts,
    load_harmful_proxy,
    load_tofu,
    normalize,
)
from repair.errors import InvalidInputError


def test_fact_bank_contract():
    facts = load_facts()
    assert len(facts) >= 300
    assert len({f.id for f in facts}) == len(facts)
    assert len({f.question for f in facts}) == len(facts), "duplicate questions"
    topics = Counter(f.topic for f in facts)
    assert len(topics) >= 8 and max(topics.values()) < 0.4 * len(facts)
    for f in facts:
        assert isinstance(f, Fact)
        assert len(f.paraphrases) >= 3 and len(set(f.probes)) == len(f.probes)
        assert all(f.subject.lower() in p.lower() for p in f.probes)
        assert f.answers[0] == f.answer
        # the gold answer must not be given away by the question itself
        assert not contains_answer(f.question, [f.answer]) or f.answer.lower() in f.subject.lower(), f.id


def test_harmful_proxy_contract():
    facts = load_harmful_proxy()
    assert len(facts) >= 30
    assert {f.topic for f in facts} <= {"harmful-proxy"} or all(f.topic for f in facts)
    assert not {f.id for f in facts} & {f.id for f in load_facts()}


@pytest.mark.parametrize(
    ("reply", "answers", "expected"),
    [
        ("It happened in 1939.", ["19"], False),  # digits need word boundaries
        ("It happened in 19 AD.", ["19"], True),
        ("Romeo was a Montague.", ["Rome"], False),
        ("The capital is ROME!", ["Rome"], True),
        ("Bogotá is the capital.", ["Bogota"], True),  # accents
        ("bogota", ["Bogotá"], True),
        ("Light travels about 300,000 km per second.", ["300,000"], True),
        ("Light travels about 300000 km per second.", ["300,000"], True),
        ("Light travels about 3,000 km per second.", ["300,000"], False),
        ("Einstein wrote E = mc².", ["E=mc2"], True),
        ("Tim Berners–Lee built it.", ["Berners-Lee"], True),  # en dash vs hyphen
        ("It was written by J. K. Rowling.", ["J.K. Rowling", "Rowling"], True),
        ("I don't know.", ["Paris", "France"], False),
        ("Paris", [], False),
        ("Paris", [""], False),
        ("Pi is 3.14159", ["3.14"], False),  # 314159 is another number
        ("Pi is about 3.14.", ["3.14"], True),
    ],
)
def test_contains_answer(reply, answers, expected):
    assert contains_answer(reply, answers) is expected


def test_contains_answer_accepts_single_string():
    assert contains_answer("The answer is Canberra.", "Canberra")
    assert not contains_answer("The answer is Sydney.", "Canberra")


def test_normalize():
    assert normalize("  Saint-Exupéry's  BOOK!! ") == "saint exupery s book"
    assert normalize("1,000.5") == "10005"


def test_load_facts_rejects_bad_records(tmp_path):
    good = {"id": "x-1", "question": "What is the capital of Peru?", "answer": "Lima", "aliases": [],
            "subject": "Peru", "topic": "geo",
            "paraphrases": ["Peru's capital?", "Capital city of Peru?", "Name Peru's capital."]}
    path = tmp_path / "f.jsonl"
    path.write_text(json.dumps(good) + "\n")
    assert load_facts(path)[0].answers == ("Lima",)

    bad_subject = dict(good, paraphrases=["Capital?", "Capital city of Peru?", "Name Peru's capital."])
    path.write_text(json.dumps(bad_subject) + "\n")
    with pytest.raises(InvalidInputError, match="subject"):
        load_facts(path)

    path.write_text(json.dumps(dict(good, paraphrases=good["paraphrases"][:2])) + "\n")
    with pytest.raises(InvalidInputError, match="paraphrases"):
        load_facts(path)

    path.write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n")
    with pytest.raises(InvalidInputError, match="duplicate"):
        load_facts(path)

    path.write_text("{not json\n")
    with pytest.raises(InvalidInputError, match="JSON"):
        load_facts(path)

    with pytest.raises(InvalidInputError, match="not found"):
        load_facts(tmp_path / "missing.jsonl")


def test_load_tofu_from_folder(tmp_path):
    (tmp_path / "world_facts.jsonl").write_text(
        json.dumps({"question": "Q?", "answer": "A", "perturbed_answers": ["B", "C", "D"]}) + "\n")
    qa = [{"question": f"q{i}", "answer": f"a{i}", "author_index": i // 2} for i in range(4)]
    (tmp_path / "fictitious_authors_forget.jsonl").write_text("".join(json.dumps(r) + "\n" for r in qa))
    (tmp_path / "fictitious_authors_retain.jsonl").write_text(json.dumps(qa[0]) + "\n")
    data = load_tofu(tmp_path)
    assert data.world_facts[0].perturbed_answers == ("B", "C", "D")
    assert {k: len(v) for k, v in data.by_author(data.forget).items()} == {0: 2, 1: 2}
    assert data.idontknow == []


def test_load_tofu_errors(tmp_path, monkeypatch):
    with pytest.raises(InvalidInputError, match="not found"):
        load_tofu(tmp_path / "nope")
    with pytest.raises(InvalidInputError, match="lacks"):
        load_tofu(tmp_path)
    monkeypatch.setenv("REPAIR_TOFU_DIR", str(tmp_path))
    assert default_tofu_dir() == tmp_path


def test_shared_tofu_when_present():
    folder = default_tofu_dir()
    if folder is None or not folder.is_dir():
        # CI always has shared/ beside the checkout: there a missing folder is a failure, not a skip
        assert not os.environ.get("CI"), "TOFU folder not found beside the checkout in CI"
        pytest.skip("external TOFU folder not present on this machine")
    data = load_tofu(folder)
    assert len(data.world_facts) == 117 and len(data.forget) == 300 and len(data.retain) == 300
    assert len(data.by_author(data.forget)) == 15
