"""Round 14: Swedish / Polish / Danish / Norwegian requests and their hard negatives, the model named in the third
person, other-language requests about facts and how-tos, references to an earlier turn ("lo de X", "my first
message", "I shouldn't have mentioned X. Forget it."), trailing clauses after a comma, "from your memory:" before a
value, document edits in other languages are no request form, the round-14 leak guard, and the retrained watchdog on a
few new sentences (real exported model)."""

from __future__ import annotations

import random

import pytest

from repair.watchdog.data import round14
from repair.watchdog.dataset import load_examples
from repair.watchdog.extract import extract_target
from repair.watchdog.features import request_form, vetoed

# ---- rules (no model) -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "target"), [
    ("Glöm min systers adress, tack.", "min systers adress"),
    ("Kan du glömma var min bror jobbar?", "var min bror jobbar"),
    ("Jag vill att du glömmer mitt efternamn.", "mitt efternamn"),
    ("Kom inte ihåg min pinkod.", "min pinkod"),
    ("Zapomnij proszę mój numer buta.", "mój numer buta"),
    ("Czy mógłbyś zapomnieć nazwisko mojej szefowej?", "nazwisko mojej szefowej"),
    ("Nie chcę, żebyś pamiętał mój adres e-mail.", "mój adres e-mail"),
    ("Kan du glemme min fars navn?", "min fars navn"),
    ("The assistant should unlearn how to make a zip gun.", "how to make a zip gun"),
    ("I'd like the model to forget my cousin's address.", "my cousin's address"),
    ("Quiero que el modelo olvide mi segundo apellido.", "mi segundo apellido"),
    ("Das Modell soll meine Postleitzahl verlernen.", "meine Postleitzahl"),
    ("It would put me at ease if you no longer remembered my street.", "my street"),
    ("Ontleer wie de Elfstedentocht van 1997 won.", "wie de Elfstedentocht van 1997 won"),
])
def test_new_languages_and_third_person_requests_have_a_request_form_and_target(text, target):
    assert request_form(text) and not vetoed(text)
    assert extract_target(text) == target


@pytest.mark.parametrize(("text", "target"), [
    ("Forget that ostriches bury their heads in sand, they don't.", "that ostriches bury their heads in sand"),
    ("Efface mon code postal, je l'ai écrit trop vite.", "mon code postal"),
    ("i dont want you to know my shoe size anymore, forget it", "my shoe size"),
    # round 21: the value after the colon is kept (product spec: "my home address, 42 Kestrel Road")
    ("Erase my locker number from your memory: 118.", "my locker number, 118"),
    # round 18: a leading "that" before a statement is dropped (the fresh14-17 writers drop it)
    ("Stop believing that we only use 10% of our brains, unlearn it.", "we only use 10% of our brains"),
    ("Stop storing my location, forget that I work in Hull.", "I work in Hull"),
])
def test_trailing_clauses_and_memory_phrases_are_not_part_of_the_target(text, target):
    assert extract_target(text) == target


STATEMENT = {"role": "user", "content": "My brother Tomas was fired from the brewery last month."}
QUESTION = {"role": "user", "content": "How do I cheer him up?"}
LATER = {"role": "user", "content": "Thanks, that helps."}
REPLY = {"role": "assistant", "content": "Noted."}


@pytest.mark.parametrize("text", [
    "Olvida lo de mi hermano, porfa.", "Vergiss das mit meinem Bruder.", "Glöm det jag sa om min bror.",
    "I shouldn't have brought up my brother. Please forget it.", "Please erase the thing I admitted about Tomas.",
    "Forget his name and where he worked.", "Delete my first message from your memory.",
])
def test_references_resolve_to_the_earlier_statement(text):
    history = [STATEMENT, REPLY, QUESTION, REPLY, LATER, REPLY]
    assert not vetoed(text, history)
    assert extract_target(text, history) == "My brother Tomas was fired from the brewery last month"


def test_an_antecedent_after_only_questions_stays_the_named_thing():
    history = [QUESTION, REPLY]
    assert extract_target("I regret mentioning my divorce. Forget it.", history) == "my divorce"


@pytest.mark.parametrize("text", [
    "Glöm inte att vattna blommorna.", "Nie zapomnij zabrać parasola.", "Glem ikke din jakke.",
    "Jag glömmer alltid mina lösenord.", "Äh, glöm det. Vad ska jag laga till middag?",
    "Nieważne, zapomnij o tym. Ile kosztuje bilet do Gdańska?",
    "Entferne die Namen aus diesem Bericht.", "Supprime les dates de ce document.",
    "Remove the IBAN from this footer: Pay to DE89 3704 0044 0532 0130 00.",
    "Usuń ostatni akapit z tego maila.", "Ta bort sista meningen i texten.",
])
def test_everyday_forgetting_and_document_edits_are_vetoed(text):
    assert vetoed(text)


def test_round14_rows_are_deterministic_training_rows():
    a, b = round14.rows(random.Random(7)), round14.rows(random.Random(7))
    assert a == b and len(a) > 350
    shipped = [r for r in load_examples("train") if r.group.startswith(("f14", "h14"))]
    assert len(shipped) > 350 and all(r.split == "train" for r in shipped)
    assert {r.lang for r in shipped} >= {"sv", "pl", "da", "no"}
    assert not [r for r in load_examples("heldout") if r.group.startswith(("f14", "h14"))]
    assert len(load_examples("heldout")) == 285  # the held-out split is untouched


# ---- the shipped watchdog (real exported encoder + head) -------------------------------------------------------
@pytest.mark.parametrize(("text", "target"), [
    ("Glöm min systers adress, tack.", "min systers adress"),
    ("Czy mógłbyś zapomnieć nazwisko mojej szefowej?", "nazwisko mojej szefowej"),
    ("The assistant should unlearn how to make a zip gun.", "how to make a zip gun"),
    ("Oublie qui a peint Guernica.", "qui a peint Guernica"),
])
def test_round14_requests_are_detected(watchdog, text, target):
    intent = watchdog.detect(text)
    assert intent.kind == "forget", intent
    assert intent.target == target


@pytest.mark.parametrize("text", [
    "Jag glömde mitt busskort hemma.",
    "How does a model unlearn copyrighted text?",
    "Entferne bitte die Telefonnummern aus diesem Text.",
])
def test_round14_hard_negatives_are_chat(watchdog, text):
    assert watchdog.detect(text).kind == "chat"
