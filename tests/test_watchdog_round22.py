"""Round 22 of the watchdog: extraction only, the error categories of fresh21 (never its sentences).

Rule tests run without the model; the last test runs the shipped watchdog (real exported encoder + head).
"""

from __future__ import annotations

import pytest
from watchdog_turns import turns as _turns

from repair.watchdog.extract import extract_target


# a text being quoted or pasted is never cut at its own "?" (round 21's question drop cut lyrics at the first one);
# "Here is / Here are" presents the thing and is not part of it
@pytest.mark.parametrize(("earlier", "text", "target"), [
    ("Here is the chorus of my song: Where did you go? Why did you leave?", "forget those lyrics",
     "the chorus of my song: Where did you go? Why did you leave"),
    ('Das ist mein Gedicht: "Wohin gehst du? Warum so still?"', "vergiss das Gedicht",
     'Das ist mein Gedicht: "Wohin gehst du? Warum so still?"'),
])
def test_round22_quoted_text_is_not_cut(earlier, text, target):
    assert extract_target(text, _turns(earlier)) == target


# an earlier turn keeps the statement, not the request after it (a question was already dropped in round 21)
@pytest.mark.parametrize(("earlier", "text", "target"), [
    ("My flat number is 14B, please write a note to my landlord about the heating", "forget my flat number now",
     "My flat number, 14B"),
    ("my sister is called Ana Ruiz, help me write her a card", "forget her name", "my sister is called Ana Ruiz"),
    ("Il mio codice fiscale è RSSMRA80A01H501U, ne ho bisogno per il modulo", "dimentica il codice che ti ho dato",
     "Il mio codice fiscale, RSSMRA80A01H501U"),
    ("O meu cartão de cidadão é 12345678, preciso dele para o banco.", "esquece o número que te dei",
     "O meu cartão de cidadão, 12345678"),
    ("here is my bank PIN 5521 can you check if it is strong", "forget that PIN", "my bank PIN 5521"),
    ("I love Paris. Can you recommend a museum?", "forget what I just told you", "I love Paris"),
])
def test_round22_earlier_turn_without_its_request(earlier, text, target):
    assert extract_target(text, _turns(earlier)) == target


# references resolved from history: two nouns with "at the start", the title the assistant summarised, a
# demonstrative + noun with "again"
@pytest.mark.parametrize(("earlier", "text", "target"), [
    ("My badge number is B-7731 and my supervisor is Tom Hale.",
     "please forget the badge number and supervisor name I gave you at the start",
     "My badge number is B-7731 and my supervisor is Tom Hale"),
    ("what is the plot of The Old Man and the Sea?", "forget the book you just summarised", "The Old Man and the Sea"),
    ("summarise The Great Gatsby please", "unlearn the novel you described", "The Great Gatsby"),
    ("Mijn rekeningnummer is NL91ABNA0417164300.", "Vergeet dat nummer weer.",
     "Mijn rekeningnummer, NL91ABNA0417164300"),
])
def test_round22_reference_resolved(earlier, text, target):
    assert extract_target(text, _turns(earlier)) == target


def test_round22_reference_picks_the_turn_with_the_noun():
    history = _turns("My dog is called Biscuit.", "My badge number is B-7731 and my supervisor is Tom Hale.",
                     "Can you draft a short email?")
    assert (extract_target("forget the badge number and supervisor name I gave you at the start", history)
            == "My badge number is B-7731 and my supervisor is Tom Hale")


def test_round22_no_summary_asked_leaves_the_reference():
    # nothing in history asked for a summary: the wording stays (no guess)
    assert extract_target("forget the book you just summarised", _turns("I like rainy days.")) == (
        "the book you just summarised")


# the shipped watchdog (real model): detection, and the target as above
@pytest.mark.parametrize(("text", "history", "target"), [
    ("please forget my flat number now",
     tuple(_turns("My flat number is 14B, please write a note to my landlord about the heating")),
     "My flat number, 14B"),
    ("Unlearn the book you just summarised.", tuple(_turns("what is the plot of The Old Man and the Sea?")),
     "The Old Man and the Sea"),
])
def test_round22_shipped_watchdog(watchdog, text, history, target):
    intent = watchdog.detect(text, list(history))
    assert intent.kind == "forget"
    assert intent.target == target
