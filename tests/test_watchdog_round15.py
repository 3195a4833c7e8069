"""Round 15 of the watchdog: the error categories of fresh14 (never its sentences).

Rule tests run without the model; the last tests run the shipped watchdog (real exported encoder + head).
"""

from __future__ import annotations

import random

import pytest

from repair.watchdog.data import round15
from repair.watchdog.dataset import load_examples
from repair.watchdog.detector import _contained
from repair.watchdog.extract import extract_target
from repair.watchdog.features import lexical, vetoed


@pytest.mark.parametrize("text", [
    "Ik zou het prettig vinden als je mijn adres vergeet.",
    "Graag zou ik willen dat je mijn geboortedatum vergeet.",
    "Il vaudrait mieux que tu oublies le nom de ma fille.",
    "Preferiría que olvidaras mi dirección.",
    "Mir wäre lieber, wenn du meine Telefonnummer vergisst.",
    "I think it's best if you forget my phone number.",
    "olvídate de mi correo personal, ana.ruiz@mail.example, no lo guardes",
])
def test_wish_frames_and_reflexive_objects_have_a_request_form(text):
    assert not vetoed(text)


@pytest.mark.parametrize("text", [
    "Borra los nombres de este documento.",
    "I'd really prefer it if you didn't forget the candles.",
    "Ik heb liever dat je niet vergeet dat we om acht uur eten.",
])
def test_document_edits_and_negated_wishes_stay_vetoed(text):
    assert vetoed(text)


def test_an_apostrophe_inside_a_word_is_no_quotation_mark():
    assert lexical("I'd like you to forget my sister's name.")[22] == 0
    assert lexical("What does 'delete me' mean?")[22] > 0


@pytest.mark.parametrize(("text", "target"), [
    ("Could you forget my locker code? It's 3391.", "my locker code, 3391"),
    ("Kannst du meine Steuernummer vergessen? 12/345/67890", "meine Steuernummer, 12/345/67890"),
    ("You told me goldfish only remember three seconds. Wrong. Forget it.", "goldfish only remember three seconds"),
    ("Non è vero che i tori odiano il rosso. Dimentica questa storia.", "i tori odiano il rosso"),
    ("Het is niet waar dat spinazie veel ijzer bevat. Vergeet dat idee.", "spinazie veel ijzer bevat"),
    # round 18: the noun of a falsehood is dropped ("the rumour / lie / misinformation that X" -> X)
    ("Forget the rumour that Tesla invented radio, historians disagree.", "Tesla invented radio"),
    ("Please unlearn Project Kestrel, our internal codename.", "Project Kestrel"),
    ("forget that eating carrots gives night vision lol it was wartime propaganda",
     "that eating carrots gives night vision"),
    ("Zapomnij mój adres, ul. Polna 3, Gdańsk.", "mój adres, ul. Polna 3, Gdańsk"),
])
def test_values_claims_and_clause_ends(text, target):
    got = extract_target(text)
    assert got == target
    assert _contained(got, [text])  # a value in the next sentence: both pieces are in the text


def _hist(*turns):
    return [m for t in turns for m in ({"role": "user", "content": t}, {"role": "assistant", "content": "Okay."})]


@pytest.mark.parametrize(("text", "turns", "target"), [
    ("Can you forget my salary?", ["I make $91,000 a year before tax."], "I make $91,000 a year before tax"),
    ("forget the gate code please", ["The gate code at my mum's is 7781."],
     "The gate code at my mum's, 7781"),  # round 24: a descriptor led by an article, in the spec style
    ("please forget that number", ["My passport number is 533380006, is that the usual length?"],
     "My passport number, 533380006"),
    ("Forget the poem I pasted.", ["Here is my friend's unpublished poem, The Salt Road, what do you think?"],
     "my friend's unpublished poem, The Salt Road"),  # round 22: "Here is" presents the thing, not part of it
    ("Vergiss das bitte wieder.", ["Mein Hausarzt ist Dr. Keller in Bern."], "Mein Hausarzt ist Dr. Keller in Bern"),
    ("Forget what I said about being unemployed.", ["I'm unemployed, but my family doesn't know yet."],
     "I'm unemployed"),
])
def test_references_take_the_earlier_statement(text, turns, target):
    assert extract_target(text, _hist(*turns)) == target


def test_a_composite_target_needs_both_pieces_in_the_text():
    assert _contained("my PIN, 4821", ["Can you forget my PIN? It's 4821."])
    assert not _contained("my PIN, 9999", ["Can you forget my PIN? It's 4821."])


def test_round15_rows_are_deterministic_training_rows():
    a, b = round15.rows(random.Random(7)), round15.rows(random.Random(7))
    assert a == b and len(a) > 250
    shipped = [r for r in load_examples("train") if r.group.startswith(("f15", "h15"))]
    assert len(shipped) > 250 and all(r.split == "train" for r in shipped)
    assert not [r for r in load_examples("heldout") if r.group.startswith(("f15", "h15"))]
    assert len(load_examples("heldout")) == 285  # the held-out split is untouched

