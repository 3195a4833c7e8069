"""Round 23 of the watchdog: extraction only, the error categories of fresh22 (never its sentences).

The spec's "<descriptor>, <value>" style: a value the person states ("is", "ist", "es", "è", "är", "to", "c'est"),
announces ("which is", " - ", ":", brackets, quotes) or gives after a descriptor written before the verb becomes
"descriptor, value". Rule tests run without the model; the last test runs the shipped watchdog.
"""

from __future__ import annotations

import pytest
from watchdog_turns import turns as _turns

from repair.watchdog.extract import extract_target


# a statement "my X is Y" in an earlier turn, referred to by the kind of thing: "my X, Y", without the remark after
@pytest.mark.parametrize(("earlier", "text", "target"), [
    ("my gym locker code is 4471 haha dont tell my brother", "forget that locker code", "my gym locker code, 4471"),
    ("Our alarm code is 9182 and the spare key is under the mat", "forget our alarm code", "Our alarm code, 9182"),
    ("Mein Passwort ist Kiefer!77.", "vergiss bitte das Passwort von eben", "Mein Passwort, Kiefer!77"),
    ("Mi matrícula es 4821 KLM, ¿sabes cuándo pasa la ITV?", "olvida la matrícula que te di",
     "Mi matrícula, 4821 KLM"),
    ("Il mio PIN è 5512", "dimentica il PIN che ti ho scritto", "Il mio PIN, 5512"),
    ("Min kod är 7733.", "glöm koden jag skrev", "Min kod, 7733"),
    ("Mój numer to 601 222 333.", "zapomnij numer, który ci dałem", "Mój numer, 601 222 333"),
    ("Mon code d'entrée c'est 45A12", "oublie mon code d'entrée", "Mon code d'entrée, 45A12"),
    ("My doctor's name is Dr. Hanna Berg and she works in Leeds", "forget my doctor's name",
     "My doctor's name, Dr. Hanna Berg"),
])
def test_round23_earlier_statement_becomes_descriptor_value(earlier, text, target):
    assert extract_target(text, _turns(earlier)) == target


# "forget what I told you" (the spec's own example) keeps the turn as it was told; two things stay together
@pytest.mark.parametrize(("earlier", "text", "target"), [
    ("My pin is 8080.", "forget what I just told you", "My pin is 8080"),
    ("My name is Olu Ade and my email is olu@ade.net", "forget my name and email",
     "My name is Olu Ade and my email is olu@ade.net"),
    ("my wife's name is Mara and she's expecting twins", "forget the twins thing and her name",
     "my wife's name is Mara and she's expecting twins"),
])
def test_round23_turn_kept_whole(earlier, text, target):
    assert extract_target(text, _turns(earlier)) == target


# the same turn: a stated or announced value joined with ", "
@pytest.mark.parametrize(("text", "target"), [
    ("I told you my gate code is 5521, forget it", "my gate code, 5521"),
    ("please forget my bike lock code which is 3-9-1", "my bike lock code, 3-9-1"),
    ("forget my dog's microchip number - 9851 2200", "my dog's microchip number, 9851 2200"),
    ("oublie mon code de porte c'est 7A77", "mon code de porte, 7A77"),
    ("vergiss meine Kundennummer, das ist die 55-9912", "meine Kundennummer, 55-9912"),
    ("olvida mi contraseña, que es Luna2020, porque la comparto", "mi contraseña, Luna2020"),
    ("could you forget my nationality (i'm Peruvian)", "my nationality, Peruvian"),
    ('Forget my router name, "Casa_Lopez_5G"', "my router name, Casa_Lopez_5G"),
])
def test_round23_same_turn_descriptor_value(text, target):
    assert extract_target(text) == target


# the descriptor written before the verb is kept with the value
@pytest.mark.parametrize(("text", "target"), [
    ("Ich will, dass du meine Postleitzahl vergisst: 80331", "meine Postleitzahl, 80331"),
    ("Ik wil dat je mijn kenteken vergeet, 12-ABC-3", "mijn kenteken, 12-ABC-3"),
    ("Ich möchte, dass du meinen Nachnamen vergisst: Oberhuber", "meinen Nachnamen, Oberhuber"),
])
def test_round23_descriptor_before_the_verb(text, target):
    assert extract_target(text) == target


# request / reason wording after the thing dropped; "specifically" names the thing
@pytest.mark.parametrize(("text", "target"), [
    ("pls forget the ending of the new Batman film i dont want it ruined for my kids",
     "the ending of the new Batman film"),
    ("olvida mi teléfono, 611 223 344, porque ya no lo uso", "mi teléfono, 611 223 344"),
    # no mark between descriptor and value: kept as written (the held-out gold "my license plate KX-2291")
    ("please forget my contact details, specifically my email kim@lee.org", "my email kim@lee.org"),
    ("don't remember my postcode anymore: LS6 2QT", "my postcode, LS6 2QT"),
])
def test_round23_request_wording_dropped(text, target):
    assert extract_target(text) == target


# references with a "from before" tail resolved from the earlier turn that gives the thing
@pytest.mark.parametrize(("earlier", "text", "target"), [
    ("Mijn pincode is 4455 en ik bank bij de ING.", "vergeet mijn pincode van net", "Mijn pincode, 4455"),
    ("Mój NIP to 123-456-32-18.", "zapomnij mój NIP, który podałem", "Mój NIP, 123-456-32-18"),
])
def test_round23_reference_from_before(earlier, text, target):
    assert extract_target(text, _turns(earlier)) == target


# round 22's flaws: a colon before a value is not a quoted text; a question after the closing quote is dropped
def test_round23_colon_value_then_question():
    history = _turns("Here is my licence number: DL-55821. Does it expire soon?")
    assert extract_target("please unlearn the licence number from before", history) == "my licence number, DL-55821"


def test_round23_question_after_closing_quote():
    history = _turns('My teacher wrote "Is it art? Maybe." in my report. What did she mean?')
    assert extract_target("forget that quote", history) == 'My teacher wrote "Is it art? Maybe." in my report'


def test_round23_lyrics_still_whole():
    history = _turns("Here are the lyrics: Is this the real life? Is this just fantasy?")
    assert extract_target("forget the lyrics I pasted", history) == (
        "the lyrics: Is this the real life? Is this just fantasy")


# negatives: no descriptor-value pair, nothing joined
@pytest.mark.parametrize(("text", "target"), [
    ("forget that my brother is gay", "my brother is gay"),
    ("forget my trip to Paris", "my trip to Paris"),
    ("forget my license plate KX-2291", "my license plate KX-2291"),
])
def test_round23_negatives_unchanged(text, target):
    assert extract_target(text) == target


# the shipped watchdog (real model): detection, and the target as above
@pytest.mark.parametrize(("text", "history", "target"), [
    ("please forget the gate code I gave you", tuple(_turns("my gate code is 5521, can you remind me later?")),
     "my gate code, 5521"),
    ("please forget my bike lock code which is 3-9-1", (), "my bike lock code, 3-9-1"),
])
def test_round23_shipped_watchdog(watchdog, text, history, target):
    intent = watchdog.detect(text, list(history))
    assert intent.kind == "forget"
    assert intent.target == target
