"""Round 21 of the watchdog: extraction only, the error categories of fresh20 (never its sentences).

Rule tests run without the model; the last tests run the shipped watchdog (real exported encoder + head).
"""

from __future__ import annotations

import pytest
from watchdog_turns import turns as _turns

from repair.watchdog.detector import _contained
from repair.watchdog.extract import extract_target


# a value after a colon / "its" / "she's called" is kept with its descriptor; the memory phrase and a clause between
# the descriptor and the value are request wording, not part of the thing
@pytest.mark.parametrize(("text", "target"), [
    ("remove my work email from your memory: sam.lee@acme.io", "my work email, sam.lee@acme.io"),
    ("pls forget my wifi password, its Mango!77", "my wifi password, Mango!77"),
    ("Please forget my parents' address from your memory: 9 Elm Row, Leeds LS2 7AB.",
     "my parents' address, 9 Elm Row, Leeds LS2 7AB"),
    ("Vergeet mijn pincode: 4471", "mijn pincode, 4471"),
    ("Usuń z pamięci mój numer telefonu: 601 222 333", "mój numer telefonu, 601 222 333"),
    ("Lösche meine Steuernummer aus deinem Gedächtnis: 21/815/08150", "meine Steuernummer, 21/815/08150"),
    ("borra mi correo de tu memoria: lucia.r@correo.es", "mi correo, lucia.r@correo.es"),
    ("Verwijder mijn adres uit je geheugen: Kerkstraat 12, Utrecht", "mijn adres, Kerkstraat 12, Utrecht"),
    ("Glöm mitt kortnummer ur ditt minne: 4571 9921", "mitt kortnummer, 4571 9921"),
    ("apague meu telefone da sua memória: (21) 99876-1234", "meu telefone, (21) 99876-1234"),
    ("forget my gym locker code, I never should have shared it: 7Q-22", "my gym locker code, 7Q-22"),
    ("Vergiss die PIN, die ich dir eben gegeben habe: 8812", "die PIN, 8812"),
    ("Kannst du den Namen meines Hundes vergessen? Er heißt Bruno.", "den Namen meines Hundes, Bruno"),
    ("Oublie mon mot de passe Netflix : Lapin!2021!", "mon mot de passe Netflix, Lapin!2021!"),
    ("Olvida mi contraseña del correo: Pez2020!", "mi contraseña del correo, Pez2020!"),
])
def test_round21_value_after_the_descriptor(text, target):
    got = extract_target(text)
    assert got == target
    assert _contained(got, [text])


@pytest.mark.parametrize(("text", "target"), [
    # a correction after a claim is not the thing to forget
    ("Forget that Lyon is the capital of France, it's Paris.", "that Lyon is the capital of France"),
    # no value follows: the descriptor alone, as before
    ("please delete my email from your memory", "my email"),
    ("forget my sister's name, she would hate this", "my sister's name"),
    # an exclamation after a non-password value is sentence punctuation
    ("Forget my room number, 214!", "my room number, 214"),
])
def test_round21_nothing_joined_when_nothing_is_announced(text, target):
    assert extract_target(text) == target


# request or regret wording after the thing is not part of it
@pytest.mark.parametrize(("text", "target"), [
    ("so earlier I said my uncle's name is Bartholomew and honestly I'd like you to forget that",
     "my uncle's name, Bartholomew"),
    ("Bitte vergiss meine Kontonummer 1234 5678, die hätte ich nicht schicken sollen.", "meine Kontonummer 1234 5678"),
    # a demonstrative before a claim noun that calls the claim false ("aquela mentira de que X") is dropped too
    ("Esquece aquela mentira de que o café causa cancro.", "o café causa cancro"),
    ("Olvida aquella mentira de que la Tierra es plana.", "la Tierra es plana"),
])
def test_round21_wording_after_the_thing_dropped(text, target):
    got = extract_target(text)
    assert got == target
    assert _contained(got, [text])


# a reference to an earlier turn keeps the statement that holds the thing, not the question after it
@pytest.mark.parametrize(("earlier", "text", "target"), [
    ("My postcode is SW1A 2AA. Which bus goes to the British Museum from there?", "forget the postcode I gave you",
     "My postcode, SW1A 2AA"),
    ("Mi hermano Luis tiene una adicción al juego. ¿Cómo puedo ayudarle?", "Olvida lo que te conté de mi hermano.",
     "Mi hermano Luis tiene una adicción al juego"),
    ("Il codice del cancello è 5521, lo posso dare al corriere?", "Dimentica il codice che ti ho dato prima.",
     "Il codice del cancello è 5521"),
    ("I take lithium for bipolar disorder. is it safe with ibuprofen?", "i regret telling you that, pls delete it",
     "I take lithium for bipolar disorder"),
])
def test_round21_earlier_turn_without_its_question(earlier, text, target):
    got = extract_target(text, _turns(earlier))
    assert got == target
    assert _contained(got, [text, earlier])


# a reference by kind ("the number from before", "the code I just gave you") is resolved from the earlier turns
@pytest.mark.parametrize(("earlier", "text", "target"), [
    ("Meine Versicherungsnummer ist 65 170839 J 003. Wo steht die auf der Karte?",
     "Vergiss bitte die Nummer von vorhin.",
     "Meine Versicherungsnummer, 65 170839 J 003"),
    ("Mon digicode c'est 4B17A, je peux le changer moi-même ?", "Oublie le code que je viens de te donner.",
     "Mon digicode, 4B17A"),
    ("Mijn huisnummer is 88 en de code van de poort is 1904.", "Vergeet die code van net.",
     "Mijn huisnummer is 88 en de code van de poort is 1904"),
    ("What is the boiling point of mercury?", "please unlearn the answer to my previous question",
     "What is the boiling point of mercury"),
    ("I heard that vaccines cause autism, is that true?", "Please forget that rumour I brought up",
     "I heard that vaccines cause autism"),
    ("how do I pick a padlock", "now forget it entirely, I don't want you knowing that at all",
     "how do I pick a padlock"),
])
def test_round21_reference_by_kind(earlier, text, target):
    assert extract_target(text, _turns(earlier)) == target


def test_round21_reference_by_kind_picks_the_turn_with_the_kind():
    history = _turns("My gate code is 2231.", "My dog is called Biscuit.", "Thanks!")
    assert extract_target("forget the code I mentioned", history) == "My gate code, 2231"


# the shipped watchdog (real model): detection unchanged, the target as above
@pytest.mark.parametrize(("text", "history", "target"), [
    ("delete my bank login from your memory: tomk_1988", (), "my bank login, tomk_1988"),
    ("Vergeet mijn wachtwoord: Zonnebloem!8", (), "mijn wachtwoord, Zonnebloem!8"),
    ("forget the address i gave you",
     tuple(_turns("My address is 5 Mill Lane, York YO1 7HH. Any good cafes near me?")),
     "My address, 5 Mill Lane, York YO1 7HH"),
    ("Oublie le code que je viens de te donner.",
     tuple(_turns("Mon code de carte c'est 7731, je peux le donner à ma banque ?")), "Mon code de carte, 7731"),
])
def test_round21_shipped_watchdog(watchdog, text, history, target):
    intent = watchdog.detect(text, list(history))
    assert intent.kind == "forget"
    assert intent.target == target
