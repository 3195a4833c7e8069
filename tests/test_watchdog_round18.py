"""Round 18 of the watchdog: the error categories of fresh17 (never its sentences).

Rule tests run without the model; the last tests run the shipped watchdog (real exported encoder + head).
"""

from __future__ import annotations

import pytest
from watchdog_turns import turns as _turns

from repair.watchdog.detector import _contained
from repair.watchdog.extract import extract_target
from repair.watchdog.features import request_form, vetoed


@pytest.mark.parametrize("text", [
    "shouldn't have mentioned my overdraft, pls wipe it from memory",
    "Take my sister's address out of memory.",
    "Sácalo de la memoria: lo de mi divorcio.",
    "Toglilo dalla memoria, il numero di mia madre.",
    "Streich meinen Arbeitgeber aus dem Gedächtnis.",
    "porfa olvida mi apellido",
    "xfa borra que estoy en paro",
    "stp oublie mon numéro de téléphone",
    "Meine Kontonummer bitte gleich wieder vergessen.",
    "Bitte meinen Nachnamen einfach vergessen.",
    "Mijn geboortedatum graag vergeten.",
    "lo de mi prima olvídalo",
    "quella cosa di mio padre, dimenticala",
    "Can you make yourself not know my blood type?",
    "I regret telling you my son's grades. Could you drop it?",
    "It would be great if my address were gone from your memory.",
    "Pretend I never told you my PIN.",
    "Fais comme si je ne t'avais jamais dit mon salaire.",
    "Doe alsof ik je mijn adres nooit heb gegeven.",
])
def test_round18_request_forms(text):
    assert request_form(text)
    assert not vetoed(text)


@pytest.mark.parametrize("text", [
    "Cancella l'ultima frase e riscrivi il resto: Buongiorno a tutti.",
    "Elimina l'ultimo paragrafo, per favore.",
    "Delete the penultimate sentence and tighten the rest.",
    "Milch bitte nicht vergessen!",  # a note to oneself, negated
    "Pretend you're a tour guide in Rome.",
    "Let's pretend I never asked.",
    "I regret telling my sister. Should I apologise?",  # a confession about someone else, no request to the model
    "Forget it, I'll ask someone else.",  # a brush-off with nothing named: chat
])
def test_round18_chat_turns_are_vetoed(text):
    assert vetoed(text)


def test_forget_it_then_the_thing_meant_is_a_request():
    text = "Forget it. My gym locker code 3-18-27 I mean."
    assert not vetoed(text)
    assert extract_target(text) == "My gym locker code 3-18-27"


@pytest.mark.parametrize(("text", "target"), [
    # a colon or brackets before a value become a comma (the fresh16 / fresh17 writers' convention)
    ("forget my router password: Heron#551", "my router password, Heron#551"),
    ("Vergeet mijn IBAN: NL91 ABNA 0417 1643 00.", "mijn IBAN, NL91 ABNA 0417 1643 00"),
    ("please unlearn my dentist's name (dr. omar haddad)", "my dentist's name, dr. omar haddad"),
    ("Please forget who painted Guernica (1937).", "who painted Guernica (1937"),  # a year in brackets stays
    ("forget my details: my name is Ola Berg and my phone is 0701 234 567.",
     "my name is Ola Berg and my phone is 0701 234 567"),
    # the noun of a falsehood is dropped; "claim / myth" stay (the spent sets keep them as often as they drop them)
    ("Forget the hoax that the Loch Ness monster was filmed in 2019.", "the Loch Ness monster was filmed in 2019"),
    ("Oublie la rumeur selon laquelle le maire a démissionné.", "le maire a démissionné"),
    ("Olvida el bulo de que el café deshidrata.", "el café deshidrata"),
    ("Forget the myth that bats are blind.", "the myth that bats are blind"),
    # what was given before a pronoun, with its value
    ("I'm a locksmith and I gave you a customer's alarm code by accident, 5512. Forget that code.",
     "a customer's alarm code, 5512"),
    ("Trabajo en una farmacia y te pasé la receta de un cliente, Juan Gil. Olvídalo.",
     "la receta de un cliente, Juan Gil"),
    ("Je suis coiffeuse et je t'ai donné le numéro d'une cliente, 06 12 34 56 78. Oublie-le.",
     "le numéro d'une cliente, 06 12 34 56 78"),
    ("Ich bin Hausmeister und habe dir vorhin den Code der Garage genannt, 4471. Vergiss ihn bitte.",
     "den Code der Garage, 4471"),
    # a claim with a name between commas, "what my X is, V", a value after "anymore." / a memory phrase
    ("I told you my landlord, Pete Hollis, is evicting us. Please forget it.",
     "my landlord, Pete Hollis, is evicting us"),
    ("could you unlearn what my IQ is, 131, it's embarrassing", "my IQ, 131"),
    ("I don't want you to know where I study anymore. It's Kingsway College. Forget it.",
     "where I study, Kingsway College"),
    ("I'd like my NHS number gone from your memory. 485 777 3456.", "my NHS number, 485 777 3456"),
    ("Olvida mi dirección, vivo en Calle Luna 4, Toledo.", "mi dirección, Calle Luna 4, Toledo"),
    # the objects of the round-18 request forms
    ("i regret telling u about my debts, pls drop it from memory", "my debts"),
    ("Take my bank PIN out of memory, please.", "my bank PIN"),
    ("Meine Kontonummer bitte gleich wieder vergessen.", "Meine Kontonummer"),
    ("could u make urself not know my middle name anymore", "my middle name"),
    ("Pretend I never told you my cat's name and forget it.", "my cat's name"),
    ("Haz como si no te hubiera dicho mi sueldo.", "mi sueldo"),
])
def test_round18_extraction_from_the_text(text, target):
    got = extract_target(text)
    assert got == target
    assert _contained(got, [text])


@pytest.mark.parametrize(("earlier", "text", "target"), [
    ("Mi tío Paco tiene deudas con el banco.", "oye, lo de mi tío olvídalo", "Mi tío Paco tiene deudas con el banco"),
    ("Ma voisine est en prison depuis mars.", "ce que je t'ai dit sur ma voisine, oublie-le",
     "Ma voisine est en prison depuis mars"),
    ("Mitt kortnummer är 4571 9921 0033 8812.", "Glöm kortnumret jag skrev nyss.",
     "Mitt kortnummer, 4571 9921 0033 8812"),
    ("Mój numer konta to 12 1020 1026 0000 0402 0111 1111.", "Zapomnij ten numer, który podałem.",
     "Mój numer konta, 12 1020 1026 0000 0402 0111 1111"),
    ("Ich heiße Jonas Weber und wohne in Kassel.", "Vergiss, wie ich heiße und wo ich wohne.",
     "Ich heiße Jonas Weber und wohne in Kassel"),
])
def test_round18_references_to_an_earlier_turn(earlier, text, target):
    assert extract_target(text, _turns(earlier)) == target

