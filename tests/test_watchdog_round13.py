"""Round 13: a politeness word between the verb and its object, new verbs of un-remembering, announced values after a
comma or colon, scope wording, references to an earlier turn, editing of documents is no request form, the leak guard
reads only spent evaluation sets, and the retrained watchdog on a few new sentences (real exported model)."""

from __future__ import annotations

import random

import pytest

from repair.watchdog.data import build, round13
from repair.watchdog.dataset import load_examples
from repair.watchdog.extract import extract_target, nothing_named
from repair.watchdog.features import request_form, vetoed

# ---- rules (no model) -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "target"), [
    ("Forget, please, my uncle's address.", "my uncle's address"),
    ("Erase, if you would, my locker code.", "my locker code"),
    ("Take my ex's surname out of your head.", "my ex's surname"),
    ("Don't hang onto my cousin's diagnosis.", "my cousin's diagnosis"),
    ("Stop retaining anything about my overdraft.", "my overdraft"),
    ("It would be great if you stopped remembering where my parents live.", "where my parents live"),
    ("Deja de recordar mi fecha de nacimiento.", "mi fecha de nacimiento"),
    ("Smetti di ricordare il mio indirizzo.", "il mio indirizzo"),
    ("porfa olvida mi apellido", "mi apellido"),
    ("Drop the false claim that camels store water in their humps.",
     "the false claim that camels store water in their humps"),
])
def test_new_request_forms_are_requests_with_their_target(text, target):
    assert request_form(text) and not vetoed(text)
    assert extract_target(text) == target


@pytest.mark.parametrize(("text", "target"), [
    ("Please forget my eye colour, it's hazel.", "my eye colour, hazel"),  # round 17: announcer dropped
    ("Forget my cats' names: Miso and Tofu.", "my cats' names, Miso and Tofu"),  # round 18: colon -> comma
    ("Forget my dentist's name, it's Dr. Olsen.", "my dentist's name, Dr. Olsen"),
    ("Forget my weight, it's embarrassing.", "my weight"),  # a judgement, not a value
    ("My locker code is 8812, but please forget it.", "My locker code, 8812"),
    ("Unlearn every detail about my surgery.", "my surgery"),
    ("Delete my salary from whatever you've stored.", "my salary"),
    ("Oublie tout ce qui concerne mon procès.", "mon procès"),
    ("That thing about goldfish memory is wrong, so unlearn it.", "That thing about goldfish memory"),
])
def test_values_scope_and_antecedents(text, target):
    assert extract_target(text) == target


def test_forget_about_it_followed_by_a_remark_is_a_bare_brush_off():
    assert nothing_named("Forget about it, the bus was late anyway.")
    assert vetoed("Forget about it, the bus was late anyway.")


@pytest.mark.parametrize("text", [
    "Delete the hobbies line from my CV.",
    "Erase the paragraph about costs from the report and keep the rest.",
    "Can you remove the jokes from your draft of the speech?",
])
def test_removing_a_part_of_a_document_is_no_request_form(text):
    assert not request_form(text)


def test_a_memory_source_still_makes_a_request():
    assert request_form("Delete my address from your memory.")


STATEMENT = {"role": "user", "content": "My sister Ana lives at 4 Birch Close, Derby."}
QUESTION = {"role": "user", "content": "Is Derby a nice place to live?"}
REPLY = {"role": "assistant", "content": "Noted."}


@pytest.mark.parametrize("text", [
    "Forget where I said my sister lives.", "please forget her address", "forget wat i said b4",
    "Vergiss das von vorhin.", "Hmm, on second thought, don't remember that.",
    "Forget my sister's address.",
])
def test_references_resolve_to_the_earlier_statement(text):
    history = [STATEMENT, REPLY, QUESTION, REPLY]
    assert not vetoed(text, history)
    assert extract_target(text, history) == "My sister Ana lives at 4 Birch Close, Derby"


def test_round13_rows_are_deterministic_training_rows():
    a, b = round13.rows(random.Random(5)), round13.rows(random.Random(5))
    assert a == b and len(a) > 300
    shipped = [r for r in load_examples("train") if r.group.startswith(("f13", "h13"))]
    assert len(shipped) > 300 and all(r.split == "train" for r in shipped)
    assert not [r for r in load_examples("heldout") if r.group.startswith(("f13", "h13"))]


def test_the_leak_guard_reads_only_spent_evaluation_sets():
    names = {p.stem for p in build._evaluation_paths()}
    assert names == {"fresh", *(f"fresh{i}" for i in range(2, 13))}


# ---- the shipped watchdog (real exported encoder + head) -------------------------------------------------------
@pytest.mark.parametrize(("text", "target"), [
    ("Forget, please, my uncle's address.", "my uncle's address"),
    ("Take my ex's surname out of your head.", "my ex's surname"),
    ("Ik wil dat je mijn geboorteplaats vergeet.", "mijn geboorteplaats"),
])
def test_round13_requests_are_detected(watchdog, text, target):
    intent = watchdog.detect(text)
    assert intent.kind == "forget", intent
    assert intent.target == target


@pytest.mark.parametrize("text", [
    "Delete the hobbies line from my CV.",
    "Forget about it, the bus was late anyway.",
    "Forget the theory - just tell me what a black hole looks like.",
])
def test_round13_hard_negatives_are_chat(watchdog, text):
    assert watchdog.detect(text).kind == "chat"
