"""Round 10: request frames in seven languages, the shared veto, confession/reference extraction, the generated
training rows, and model selection on the out-of-fold decision rule (synthetic data for the selection maths)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from repair.watchdog import train as T
from repair.watchdog.data import build, round10
from repair.watchdog.dataset import DATA_PATH, load_examples
from repair.watchdog.extract import _CUE, extract_target
from repair.watchdog.features import request_form, vetoed

# ---- rules (no model) -------------------------------------------------------------------------------------------
REQUEST_FRAMES = [
    "Würdest du bitte meine Steuernummer vergessen?",  # verb-final German behind a modal frame
    "Ik zou graag willen dat je mijn huisnummer vergeet.",
    "Onthoud mijn rekeningnummer niet.",
    "Ti chiedo di dimenticare il mio indirizzo email.",
    "Me gustaría que olvidaras mi apellido.",
    "Merci d'oublier mon numéro de badge.",
    "Désapprends ma date d'anniversaire.",
    "Não guarde o meu número de contribuinte.",
    "I typed my locker code by accident - please forget it.",
    "pleeease forget my zip code",
    "Expunge my tenancy dispute from your memory.",
    "Clear my loyalty card number from your memory.",
    "I don't want you knowing my shoe size.",
]


@pytest.mark.parametrize("text", REQUEST_FRAMES)
def test_request_frames_in_seven_languages_pass_the_veto(text):
    assert request_form(text)
    assert not vetoed(text)


NOT_REQUESTS = [
    ("Vergiss es, ich habe die Antwort schon.", ()),  # a bare "forget it" in German with no earlier turn
    ("Oublie ça, je demanderai à mon frère.", ()),
    ("Laat maar, vergeet het.", ()),
    ("I want to forget this awful week.", ()),  # the speaker's own wish, not addressed to the model
    ("Unlearning bad habits takes time.", ()),
]


@pytest.mark.parametrize(("text", "history"), NOT_REQUESTS)
def test_turns_without_a_request_form_are_vetoed(text, history):
    assert vetoed(text, history)


def test_a_bare_forget_it_with_an_earlier_turn_is_not_vetoed():
    history = [{"role": "user", "content": "Mein Kontostand ist 120 Euro."}, {"role": "assistant", "content": "Ok."}]
    assert not vetoed("Vergiss es bitte.", history)


def test_forget_me_not_is_a_flower_not_a_cue():
    assert _CUE.search("Forget-me-nots are lovely in May.") is None
    assert _CUE.search("Forget my zip code.") is not None


@pytest.mark.parametrize(("text", "target"), [
    ("I shared my locker code, 4471, by accident - please forget it.", "my locker code, 4471"),
    ("J'ai partagé mon numéro de badge par erreur, oublie-le.", "mon numéro de badge"),
    ("Ik heb mijn huisnummer per ongeluk gedeeld, vergeet het.", "mijn huisnummer"),
])
def test_confession_then_pronoun_takes_the_confessed_span(text, target):
    assert extract_target(text) == target


# round 23: a reference naming the kind of thing ("el número") takes it in the spec's "<descriptor>, <value>" style;
# "what I wrote" takes the turn as it was written
@pytest.mark.parametrize(("text", "target"), [
    ("Bitte vergiss das, was ich dir vorhin geschrieben habe.", "Mi número es 612 555 019"),
    ("Olvida el número que te di antes.", "Mi número, 612 555 019"),
    ("Cancella quello che ti ho scritto prima.", "Mi número es 612 555 019"),
    ("Forget my last couple of messages.", "Mi número es 612 555 019"),
])
def test_references_to_an_earlier_turn_in_other_languages_take_the_turn(text, target):
    history = [{"role": "user", "content": "Mi número es 612 555 019."}, {"role": "assistant", "content": "Vale."}]
    assert extract_target(text, history) == target


# ---- generated training rows -------------------------------------------------------------------------------------
def test_round10_rows_are_training_only_and_copy_no_evaluation_sentence():
    rows = [json.loads(line) for line in DATA_PATH.read_text(encoding="utf-8").splitlines()]
    generated = [r for r in rows if r["group"].startswith(("f10", "h10"))]
    assert len(generated) > 1000
    assert {r["split"] for r in generated} == {"train"}
    banned = build.evaluation_texts()
    assert not [r["text"] for r in generated if build._norm(r["text"]) in banned]
    for r in generated:
        if r["label"] == "forget" and not r["history"]:
            assert r["target"].casefold() in r["text"].casefold(), r
    assert len(load_examples("heldout")) == 285  # the held-out split is untouched


def test_round10_generation_is_deterministic():
    import random

    a = round10.rows(random.Random(build.SEED + 10))
    b = round10.rows(random.Random(build.SEED + 10))
    assert a == b


# ---- model selection maths (synthetic) ----------------------------------------------------------------------------
def test_choose_threshold_counts_vetoed_rows_as_chat():
    oof = np.array([0.9, 0.8, 0.6, 0.3, 0.7, 0.2])
    y = np.array([1, 1, 1, 1, 0, 0], dtype=float)
    veto = np.array([False, False, False, False, True, False])
    plain = T.choose_threshold(oof, y, floor=0.75)
    ruled = T.choose_threshold(oof, y, floor=0.75, veto=veto)
    assert plain["threshold"] == ruled["threshold"] == 0.6  # highest t keeping 3/4 positives
    assert plain["oof_fpr"] == 0.5  # 0.7 >= 0.6 counts without the veto
    assert ruled["oof_fpr"] == 0.0  # ... and is chat with it
    assert ruled["oof_recall"] == 0.75


def test_choose_threshold_reports_an_unreachable_floor():
    oof = np.array([0.1, 0.2, 0.9])
    y = np.array([1, 1, 0], dtype=float)
    veto = np.array([True, True, False])
    stats = T.choose_threshold(oof, y, floor=0.5, veto=veto)
    assert stats["floor_unreached"] and stats["oof_recall"] == 0.0


def test_choose_c_prefers_the_lower_out_of_fold_fpr(monkeypatch):
    y = np.array([1, 1, 1, 1, 0, 0, 0, 0], dtype=float)
    veto = np.array([False] * 7 + [True])
    oof_by_c = {  # [8] out-of-fold probabilities per C
        1.0: np.array([0.9, 0.9, 0.8, 0.7, 0.75, 0.2, 0.1, 0.95]),  # t=0.70: FP at 0.75 (the 0.95 is vetoed)
        3.0: np.array([0.9, 0.9, 0.8, 0.7, 0.30, 0.2, 0.1, 0.95]),  # t=0.70: no FP
        9.0: np.array([0.9, 0.9, 0.8, 0.7, 0.30, 0.2, 0.1, 0.95]),  # same rates: the smaller C wins the tie
    }
    monkeypatch.setattr(T, "out_of_fold", lambda x, y, groups, c: oof_by_c[c])
    stats = T.choose_c(np.zeros((8, 2)), y, ["g"] * 8, veto, grid=(1.0, 3.0, 9.0))
    assert stats["C"] == 3.0
    assert stats["threshold"] == 0.7 and stats["oof_recall"] == 1.0 and stats["oof_fpr"] == 0.0
    assert stats["c_grid"]["1.0"] == [0.7, 1.0, 0.25]

