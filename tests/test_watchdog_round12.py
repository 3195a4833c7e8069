"""Round 12: the "forget it" veto only when nothing precedes it, antecedents before a pronoun, quotations and
how-clauses are no request, other-language verb forms, the frame-level leak guard of the generated rows, and the
retrained watchdog on a few new sentences (real exported model)."""

from __future__ import annotations

import random

import pytest

from repair.watchdog.data import build, round12
from repair.watchdog.dataset import load_examples
from repair.watchdog.extract import extract_target, nothing_named
from repair.watchdog.features import lexical, request_form, vetoed

# ---- rules (no model) -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "target"), [
    ("I wish I had never brought up my overdraft. Please forget it.", "my overdraft"),
    ("Oh no, that was my work password - forget it.", "my work password"),
    ("You don't have to remember my son's nickname, forget it.", "my son's nickname"),
    ("The code for my bike lock - I said too much. Forget it.", "The code for my bike lock"),
])
def test_a_pronoun_after_a_named_antecedent_is_a_request_with_that_target(text, target):
    assert not nothing_named(text)
    assert not vetoed(text)
    assert extract_target(text) == target


@pytest.mark.parametrize("text", [
    "Oh, forget it.", "Never mind, forget it. What's the capital of Chile?", "Ach, vergiss es.",
    "Laisse tomber, oublie ça.", "nah forget that",
])
def test_a_bare_forget_it_after_filler_only_is_still_vetoed(text):
    assert nothing_named(text)
    assert vetoed(text)


@pytest.mark.parametrize("text", [
    'What does "unlearn the old ways" mean in that song?',
    "Can you explain how a language model is made to forget a name?",
    "Could you tell me why phones forget paired headphones?",
])
def test_quotations_and_how_clauses_are_not_a_request_form(text):
    assert not request_form(text)


@pytest.mark.parametrize(("text", "target"), [
    ("Podes esquecer o nome da minha rua?", "o nome da minha rua"),
    ("¿Te importaría olvidarte de mi apodo?", "mi apodo"),
    ("Scordati del mio soprannome.", "mio soprannome"),
    ("Zou je mijn bijnaam willen vergeten?", "mijn bijnaam"),
    ("Könnten Sie meinen Spitznamen vergessen?", "meinen Spitznamen"),
    ("frget my nickname pls", "my nickname"),
    ("Could you unremember my nickname?", "my nickname"),
    ("Discard everything you know about my nickname.", "my nickname"),
])
def test_other_language_forms_and_typos_are_requests(text, target):
    assert request_form(text) and not vetoed(text)
    assert extract_target(text) == target


@pytest.mark.parametrize(("text", "target"), [
    ("Forget all the details about my bike accident.", "my bike accident"),
    ("forget what u know about the moon landing", "the moon landing"),
    ("Oublie tout ce que je t'ai dit sur mon oncle.", "mon oncle"),
    ("Vergiss alles, was ich dir über meinen Onkel erzählt habe.", "meinen Onkel"),
])
def test_scope_wording_is_trimmed(text, target):
    assert extract_target(text) == target


def test_constraint_then_new_instruction_fires_the_editing_cues():
    lex = lexical("Forget the word limit, write as much as you need.")
    assert lex[9] > 0 and lex[10] > 0
    assert lexical("Forget my address, please.")[[9, 10]].sum() == 0


def test_round12_rows_are_deterministic_training_rows():
    a, b = round12.rows(random.Random(7)), round12.rows(random.Random(7))
    assert a == b and len(a) > 300
    shipped = [r for r in load_examples("train") if r.group.startswith(("f12", "h12"))]
    assert shipped and all(r.split == "train" for r in shipped)
    assert not [r for r in load_examples("heldout") if r.group.startswith(("f12", "h12"))]


def test_generated_rows_never_share_an_evaluation_request_frame():
    # how round 12's rows were built (round 20 trains on the spent sets themselves; see test_watchdog_leak_guard.py)
    frames, texts = build.evaluation_frames(), build.evaluation_texts()
    assert frames  # the evaluation sets are shipped next to the builder
    for r in load_examples("train"):
        if r.group.startswith(("f12", "h12")):
            assert build._norm(r.text) not in texts
            if r.target and r.target in r.text:
                assert build._norm(r.text.replace(r.target, "{t}")) not in frames


# ---- the shipped watchdog (real exported encoder + head) -------------------------------------------------------
@pytest.mark.parametrize(("text", "target"), [
    ("I regret bringing up my overdraft. Please forget it.", "my overdraft"),
    ("Podes esquecer o nome da minha rua?", "o nome da minha rua"),
    ("Könnten Sie meinen Spitznamen vergessen?", "meinen Spitznamen"),
])
def test_round12_requests_are_detected(watchdog, text, target):
    intent = watchdog.detect(text)
    assert intent.kind == "forget", intent
    assert intent.target == target


@pytest.mark.parametrize("text", [
    "Forget the word limit, write as much as you need.",
    "Can you explain how a language model is made to forget a name?",
    "Oh, forget it. What's the capital of Chile?",
])
def test_round12_hard_negatives_are_chat(watchdog, text):
    assert watchdog.detect(text).kind == "chat"
