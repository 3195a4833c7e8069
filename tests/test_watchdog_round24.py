"""Round 24 of the watchdog: extraction only, the error categories of fresh23 (never its sentences).

Marks not read before ("=", "was", " – ", ", se llama", ", è", ", ze heet", "ist der <date>"), a descriptor led by an
article ("the name of my X"), a value after the memory phrase, and references by a demonstrative, a Danish definite
noun, "before the X question" or "that claim I made". "Forget what I just told you" still keeps the turn as told
(the held-out gold does). No model needed: rules only.
"""

from __future__ import annotations

import pytest
from watchdog_turns import turns as _turns

from repair.watchdog.extract import extract_target


@pytest.mark.parametrize(("text", "target"), [
    ("pls forget my library card number = LC-40917-B", "my library card number, LC-40917-B"),
    ("forget my wifi password = tulip*Gate9", "my wifi password, tulip*Gate9"),
    ("you know my old pin was 8830, forget it", "my old pin, 8830"),
    ("vergiss meine Kundennummer = 77-3310", "meine Kundennummer, 77-3310"),
])
def test_round24_equals_and_was(text, target):
    assert extract_target(text) == target


@pytest.mark.parametrize(("text", "target"), [
    ("Vergiss bitte den Namen meines Sohnes – Jonas", "den Namen meines Sohnes, Jonas"),
    ("oublie le nom de mon chat - Biscotte", "le nom de mon chat, Biscotte"),
    ("olvida el nombre de mi jefa, se llama Lucía", "el nombre de mi jefa, Lucía"),
    ("dimentica il nome di mia sorella, è Giulia", "il nome di mia sorella, Giulia"),
    ("vergeet de naam van mijn zus, ze heet Sanne", "de naam van mijn zus, Sanne"),
    ("esquece o nome do meu cão - Tobias", "o nome do meu cão, Tobias"),
])
def test_round24_article_descriptor_with_mark(text, target):
    assert extract_target(text) == target


def test_round24_date_article_dropped():
    assert extract_target("vergiss meinen hochzeitstag ist der 14.6.2011") == "meinen hochzeitstag, 14.6.2011"


@pytest.mark.parametrize(("text", "target"), [
    ("please remove my shoe size from your knowledge, it's 44", "my shoe size, 44"),
    ("Delete my postcode from the model: LS6 2QT", "my postcode, LS6 2QT"),
])
def test_round24_value_after_memory_phrase(text, target):
    assert extract_target(text) == target


def test_round24_politeness_is_not_a_value():
    assert extract_target("Remove my sister's name from your memory, please.") == "my sister's name"


@pytest.mark.parametrize(("earlier", "text", "target"), [
    ("mi número de pasaporte es XDA123456", "olvida ese número que te di", "mi número de pasaporte, XDA123456"),
    ("min kode er 4410", "glem koden jeg lige gav dig", "min kode, 4410"),
    ("mój numer konta to 12 3456 7890", "zapomnij ten numer, który ci podałem", "mój numer konta, 12 3456 7890"),
])
def test_round24_demonstrative_and_danish_references(earlier, text, target):
    assert extract_target(text, _turns(earlier)) == target


def test_round24_reference_before_another_question():
    history = _turns("my locker number is 318", "and how tall is the Eiffel Tower?")
    assert extract_target("forget the number I gave you before the Eiffel question", history) == "my locker number, 318"


def test_round24_claim_i_made():
    history = _turns("the moon landing was staged, right?")
    assert extract_target("please unlearn that claim I made", history) == "the moon landing was staged"


# unchanged: "forget what I just told you" keeps the turn as told (held-out gold), a value with no mark stays as written
@pytest.mark.parametrize(("text", "history", "target"), [
    ("forget what I just told you", _turns("my bike lock code is 2290"), "my bike lock code is 2290"),
    ("dimentica quello che ti ho detto", _turns("il mio PIN è 5561"), "il mio PIN è 5561"),
    ("forget my passport number 551203998", [], "my passport number 551203998"),
    ("vergeet mijn rekeningnummer NL91 ABNA 0417 1643 00", [], "mijn rekeningnummer NL91 ABNA 0417 1643 00"),
])
def test_round24_left_as_told(text, history, target):
    assert extract_target(text, history) == target


# chat-like sentences: round 24 leaves what round 23 returned (the classifier decides that they are chat)
@pytest.mark.parametrize(("text", "round23"), [
    ("what is 2 = 3 - 1?", "what is 2 = 3 - 1"),
    ("my brother was there yesterday, it was fun", "my brother was there yesterday, fun"),
    ("el nombre de mi perro se llama como el tuyo?", "el nombre de mi perro se llama como el tuyo"),
])
def test_round24_chat_sentences_unchanged(text, round23):
    assert extract_target(text) == round23
