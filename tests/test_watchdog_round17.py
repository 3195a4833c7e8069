"""Round 17 of the watchdog: the error categories of fresh16 (never its sentences).

Rule tests run without the model; the last tests run the shipped watchdog (real exported encoder + head).
"""

from __future__ import annotations

import pytest
from watchdog_turns import turns as _turns

from repair.watchdog.dataset import load_examples
from repair.watchdog.detector import _contained
from repair.watchdog.extract import extract_target
from repair.watchdog.features import plain_request, request_form, vetoed


@pytest.mark.parametrize("text", [
    "Is this right? DELETE FROM invoices WHERE paid = 1;",
    "What does DROP TABLE staff do to the foreign keys?",
    "why does git rm keep the file on disk?",
    "Can grown-ups unlearn a regional accent?",
    "Can you forget bad habits as an adult? I crack my knuckles.",
    "¿Se puede olvidar un mal hábito después de los 40?",
    "Can you remove a tattoo with laser in one session?",
    "Esquecer faz bem à alma.",
])
def test_code_habits_marks_and_infinitive_subjects_are_vetoed(text):
    assert vetoed(text)


@pytest.mark.parametrize("text", [
    "I'd like to revoke what you know about my pension.",
    "Please withdraw whatever you know about my address.",
    "Throw away everything you know regarding my debts.",
    "I typed my IBAN earlier, if it's still in your memory please erase it.",
    "Y olvida mi altura, 1,80.",
    "Och glöm min adress.",
    "I zapomnij mój adres.",
    "Non voglio che tu ricordi il mio indirizzo.",
    "Não quero que lembres o meu salário.",
    "Ik wil niet dat je mijn adres onthoudt.",
    "Ich möchte nicht, dass du dir meine Adresse merkst.",
    "Could you not store my partner's surname?",
    "Can you forget my habit of biting my nails?",  # the person's own habit: a request form stays
])
def test_new_request_forms(text):
    assert request_form(text)


@pytest.mark.parametrize("text", [
    "I forget things all the time.",  # "i" opens a request only before a Polish verb
    "Revoke my API key please",  # revoke only with the model's knowledge named
])
def test_no_request_form_without_a_request(text):
    assert not request_form(text)


@pytest.mark.parametrize("text", [
    "Vergeet hoe je een kluis kraakt.",
    "Zapomnij, jak zrobić podsłuch.",
    "Olvida la letra de \"Macarena\".",
    "Glem alt hvad du ved om mig, Ida Holm.",
    "forget my weight, 91 kg",
    "Jag vill att du glömmer var jag jobbar.",
])
def test_plain_requests(text):
    assert plain_request(text)


@pytest.mark.parametrize("text", [
    "Forget Paris, Lyon is better.",
    "Olvida lo que dije sobre el título, mejor corto.",
    "Forget the caveats and give me the gist.",
    "Vergeet het derde idee en herschrijf de rest.",
    "Dimentichi tutto quando chiudo la chat?",
    "Forget my worries, tell me a joke.",
    "Remove my address from the header of the letter.",
    "Olvídalo, ya lo encontré.",
])
def test_chat_turns_are_not_plain_requests(text):
    assert not plain_request(text)


@pytest.mark.parametrize(("text", "target"), [
    ("Please forget my library card number, it's 2290-118.", "my library card number, 2290-118"),
    ("Forget my nickname, it's Boo.", "my nickname, Boo"),
    ("Vergiss bitte alles, was du über mich weißt, Anna Berg.", "Anna Berg"),
    ("Esquece tudo o que sabes sobre mim, Rui Sousa.", "Rui Sousa"),
    ("Please unlearn the ending of Atonement, my mum is still reading it.", "the ending of Atonement"),
    ("Forget my aunt's name, my cousins sometimes use this laptop.", "my aunt's name"),
    ("Forget Harlow Pharma, the company we're suing.", "Harlow Pharma, the company we're suing"),  # appositive kept
    ("Delete my maiden name, which is Kowalczyk, thanks.", "my maiden name, Kowalczyk"),
    ("Could you forget my locker code? It's 4471 and I change it monthly.", "my locker code, 4471"),
    ("Can you forget my vet's name? It's Dr Amari.", "my vet's name, Dr Amari"),
    ("Can you forget my bank PIN? I said it was 8080.", "my bank PIN, 8080"),
    ("I'd like you to unlearn who won Wimbledon in 2019. Just testing the unlearning feature.",
     "who won Wimbledon in 2019"),
    ("Olvida mi dirección: calle Sol 9, 1ºA, Cádiz.", "mi dirección, calle Sol 9, 1ºA, Cádiz"),  # round 18: colon
])
def test_round17_extraction_from_the_text(text, target):
    got = extract_target(text)
    assert got == target
    assert _contained(got, [text])


@pytest.mark.parametrize(("earlier", "text", "target"), [
    ("Mitt passnummer är 77120934.", "Glöm mitt passnummer.", "Mitt passnummer, 77120934"),
    ("Min adresse er Nørregade 4, Aarhus.", "Glem min adresse igen.", "Min adresse, Nørregade 4, Aarhus"),
    ("My number plate is BD51 SMR.", "forget my reg please", "My number plate is BD51 SMR"),
    ("I hide the spare key inside the old boot by the shed.", "forget where I hide the spare key",
     "I hide the spare key inside the old boot by the shed"),
    ("I'm a paramedic at North Hill station and my staff number is PX-20931.", "scrub my staff number",
     "my staff number, PX-20931"),
    ("Mijn BSN is 998877665, moet ik dat opgeven bij de gemeente?", "Vergeet mijn BSN weer.", "Mijn BSN, 998877665"),
    ("Ik heb je verteld dat mijn vader gokschulden heeft, toch?", "Vergeet wat ik over mijn vader zei.",
     "mijn vader gokschulden heeft"),
    ("I'm organising a leaving do for Mia on Friday at the Red Lion.", "forget the leaving do details",
     "I'm organising a leaving do for Mia on Friday at the Red Lion"),
])
def test_round17_references_to_an_earlier_turn(earlier, text, target):
    assert extract_target(text, _turns(earlier)) == target


def test_a_statement_kept_whole_when_the_named_thing_opens_it():
    turns = _turns("I owe my cousin Bram 3,000 euros and haven't told my wife.")
    assert extract_target("Forget what I just said about my cousin.", turns) == (
        "I owe my cousin Bram 3,000 euros and haven't told my wife")


def test_plain_request_never_fires_on_a_training_chat_row():
    assert not [r.text for r in load_examples("train") if r.label == "chat" and plain_request(r.text, r.history)]

