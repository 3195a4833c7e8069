"""Round 16 of the watchdog: the error categories of fresh15 (never its sentences).

Rule tests run without the model; the last tests run the shipped watchdog (real exported encoder + head).
"""

from __future__ import annotations

import pytest

from repair.watchdog.detector import _contained
from repair.watchdog.extract import extract_target
from repair.watchdog.features import request_form, vetoed


@pytest.mark.parametrize("text", [
    "hey siri i mean assistant forget my gym locker code",
    "newline forget my niece's school which is Elm Park",
    "bueno pues olvida mi matrícula",
    "äh also vergiss meine Steuernummer",
    "bro plz forget mi número de casa",
    "could u forgot my work email pls",
    "Would it be possible to forget that my brother was in prison?",
    "Can the offline model forget my daughter's birthday?",
    "Zou het mogelijk zijn om mijn adres te vergeten?",
])
def test_filler_typo_and_possibility_requests_have_a_request_form(text):
    assert request_form(text)


@pytest.mark.parametrize("text", [
    "Forget the bullet points, give me one sentence.",
    "olvida la tabla, prefiero texto",
    "Vergeet de opmaak, gewoon een lijstje.",
    "Zapomnij o formatowaniu, proszę.",
    "Vergiss die Tabelle bitte.",
    "Never mind, forget the question.",
    "Laat maar zitten, vergeet de vraag.",  # ("mijn vraag" is not covered: no "mijn" in the determiners)
    "Can you help me draft a letter so my old landlord deletes my records?",
    "Can I get Instagram to remove an old photo of me?",
    "Delete the second verse from my song, it drags.",
    "Kannst du damit bitte das Formular ausfüllen?",
])
def test_formatting_question_third_party_and_own_text_turns_are_vetoed(text):
    assert vetoed(text)


@pytest.mark.parametrize("text", [
    "Forget the periodic table.",  # a fact, not a formatting instruction
    "Forget the tone of my last message about my divorce, I was upset.",
    "Can I ask you to forget my address?",
    "Kannst du meine Adresse vergessen?",
])
def test_requests_near_the_new_vetoes_keep_their_request_form(text):
    assert request_form(text)


@pytest.mark.parametrize(("text", "target"), [
    ("Me da miedo que sepas que estuve en la cárcel. Olvídalo.", "estuve en la cárcel"),
    ("Mi preoccupa che tu sappia dove lavora mia moglie. Dimenticalo.", "dove lavora mia moglie"),
    ("It bothers me that you know my brother's diagnosis. Forget it.", "my brother's diagnosis"),
    ("You are not supposed to know how to make a pipe bomb. Forget it.", "how to make a pipe bomb"),
    ("I don't want you to remember the name of my stalker, Tom Reyes. Please forget him.",
     "the name of my stalker, Tom Reyes"),
    ("Het is een fabeltje dat suiker kinderen druk maakt. Vergeet dat.", "suiker kinderen druk maakt"),
    ("forget my zip code please its 90210", "my zip code, 90210"),
    ("oublie mon code wifi s'il te plaît, c'est Maison#12", "mon code wifi, Maison#12"),
    ("Esquece o meu PIN, era 4417.", "o meu PIN, 4417"),
    ("please remove the boiling point of mercury from your weights, it's for a test", "the boiling point of mercury"),
    ("forget the ending of Rebecca i havent read it yet", "the ending of Rebecca"),
    ("vergiss alles was du über Karin Vogt weißt", "Karin Vogt"),
    ("Forget my gamer tag, it's nightowl_77.", "my gamer tag, nightowl_77"),  # round 17: announcer dropped
])
def test_worries_claims_values_and_leftover_clauses(text, target):
    got = extract_target(text)
    assert got == target
    assert _contained(got, [text])


def test_a_pronoun_request_after_the_turn_with_the_value_takes_that_turn():
    turns = [{"role": "user", "content": "Mijn pincode is 8812"}, {"role": "assistant", "content": "Genoteerd."}]
    assert extract_target("Vergeet mijn pincode alsjeblieft weer.", turns) == "Mijn pincode, 8812"

