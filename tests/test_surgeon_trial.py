"""Trial-edit layer choice: pure scoring on synthetic tensors, answer log-probs and trials on the real model."""

from __future__ import annotations

import pytest
import torch

from repair.surgeon.trial import (
    AnswerItem,
    TrialReport,
    TrialScore,
    answer_items,
    answer_logprobs,
    answer_span,
    relative_drop,
    trade_off,
)

# a few generic texts: the key covariance for the trials builds in seconds instead of minutes
COV_TEXTS = [
    "The weather today is mild with a light breeze from the west.",
    "Please write a short poem about autumn leaves and rain.",
    "How do I boil an egg so that the yolk stays soft?",
    "Paris, Tokyo and Nairobi are large cities on three continents.",
    "A recipe for bread needs flour, water, salt and yeast.",
    "The committee will meet again next Tuesday afternoon.",
]


# ---------------------------------------------------------------- pure scoring
def test_answer_span_whole_words_case_and_spacing():
    assert answer_span("The capital is Canberra.", ["canberra"]) == (15, 23)
    assert answer_span("It was  Jane   Austen who wrote it", ["Jane Austen"]) == (8, 21)
    assert answer_span("Romeo and Juliet", ["Rome"]) is None  # word boundary
    assert answer_span("In 1932 and 19 ...", ["19"]) == (12, 14)
    # the earliest of several answers
    assert answer_span("Austen, that is Jane Austen", ["Jane Austen", "Austen"]) == (0, 6)
    assert answer_span("nothing here", ["", "Paris"]) is None


def test_relative_drop_exact():
    base = torch.log(torch.tensor([0.8, 0.5, 0.2], dtype=torch.float64))
    edited = torch.log(torch.tensor([0.2, 0.5, 0.4], dtype=torch.float64))
    drop = relative_drop(base, edited)
    # 1 - 0.2/0.8 = 0.75; unchanged -> 0; more likely -> clipped to 0
    assert drop.tolist() == pytest.approx([0.75, 0.0, 0.0])
    assert float(relative_drop(torch.tensor([0.0]), torch.tensor([-1e9]))) == pytest.approx(1.0)


def test_trade_off_exact():
    lg = lambda *p: torch.log(torch.tensor(p, dtype=torch.float64))  # noqa: E731
    forget, damage, score = trade_off(lg(0.9, 0.6), lg(0.09, 0.3), lg(0.5, 0.5, 0.5, 0.5), lg(0.25, 0.5, 0.5, 0.5),
                                      damage_weight=2.0)
    assert forget == pytest.approx((0.9 + 0.5) / 2)
    assert damage == pytest.approx(0.5 / 4)
    assert score == pytest.approx(0.7 - 2 * 0.125)
    # no damage items: no damage
    f, d, s = trade_off(lg(0.5), lg(0.25), torch.zeros(0), torch.zeros(0))
    assert (f, d, s) == (pytest.approx(0.5), 0.0, pytest.approx(0.5))


def test_report_best_prefers_score_then_earlier_layer():
    report = TrialReport(scores=[TrialScore(5, 1, 0.9, 0.1, 0.7), TrialScore(6, 1, 0.8, 0.0, 0.8),
                                 TrialScore(7, 1, 0.8, 0.0, 0.8)])
    assert report.best().layer == 6
    assert TrialReport().best() is None


# ---------------------------------------------------------------- real model
def test_answer_logprobs_match_full_forward(patient):
    reply = "The capital of France is Paris."
    items = answer_items(patient, ["What is the capital of France?", "Who are you?"], [reply, "I am SmolLM."],
                         [["Paris"], ["Paris"]])
    assert len(items) == 1  # the second reply does not contain its answer
    item = items[0]
    assert item.text.endswith("The capital of France is Paris") and item.text[item.start : item.end] == "Paris"
    got = float(answer_logprobs(patient, items)[0])
    # the same quantity from a plain full forward pass over the whole text
    enc = patient.tokenizer(item.text, add_special_tokens=False, return_offsets_mapping=True)
    ids = torch.tensor([enc["input_ids"]])
    with torch.no_grad():
        logp = torch.log_softmax(patient.model(input_ids=ids).logits[0].double(), dim=-1)
    want = sum(float(logp[t - 1, enc["input_ids"][t]]) for t, (s, e) in enumerate(enc["offset_mapping"])
               if s < item.end and e > item.start)
    assert got == pytest.approx(want, abs=1e-3)
    assert got < 0
    # batched with a longer item (right padding) the value is unchanged
    long = AnswerItem(prompt="x", text=item.text + " It is a big city. " * 5, start=item.start, end=item.end)
    both = answer_logprobs(patient, [long, item])
    assert float(both[1]) == pytest.approx(got, abs=1e-3) and float(both[0]) == pytest.approx(got, abs=1e-3)


TEST_EPS = 0.1  # a covariance from a few texts is far from full rank: a larger ridge keeps P well conditioned


@pytest.fixture
def small_cov(monkeypatch):
    """Key covariances from COV_TEXTS (cheap to build) instead of the shipped corpus."""
    from repair import editing, keycov

    monkeypatch.setattr(keycov, "corpus_texts", lambda _p: list(COV_TEXTS))
    monkeypatch.setattr(editing, "EPS", TEST_EPS)  # read by surgeon.layers.preservation


def _light_editor(patient, settings):
    from repair.editing import Editor

    return Editor(patient, settings, entity_weight=0.0, anchor_weight=0.0, eps=TEST_EPS)


def test_trial_layers_scores_each_layer_and_leaves_the_model(patient, settings, small_cov):
    from repair.surgeon import Surgeon
    from repair.surgeon.trial import trial_layers

    surgeon = Surgeon(patient, settings, use_llm=False, choose_layers=False)
    plan = surgeon.plan_target("What is the capital of France")
    assert plan.answers and plan.layers == []
    weight_before = patient.mlp(4).down_proj.weight.clone()
    damage = [("What is the capital of Japan?", ["Tokyo"]), ("What is the capital of Italy?", ["Rome"]),
              ("Who wrote Romeo and Juliet?", ["Shakespeare", "William Shakespeare"])]
    report = trial_layers(patient, _light_editor(patient, settings), plan, [4, 6], damage, ranks={4: 1, 6: 2})
    assert patient.active_deltas == [] and torch.equal(patient.mlp(4).down_proj.weight, weight_before)
    assert report.n_forget >= 2 and report.n_damage >= 2
    assert [(s.layer, s.rank) for s in report.scores] == [(4, 1), (6, 2)]
    for s in report.scores:
        assert 0.0 <= s.forget <= 1.0 and 0.0 <= s.damage <= 1.0
        assert s.score == pytest.approx(s.forget - 2.0 * s.damage)
    # an edit built from half the probes lowers the answer on the other half
    assert max(s.forget for s in report.scores) > 0.3
    assert report.best() in report.scores


def test_surgeon_plan_takes_the_best_trial_layer(patient, settings, small_cov):
    from repair import keycov
    from repair.surgeon import Surgeon

    keycov.key_covariance(patient, settings, [4, 6], progress=False)  # two ready candidate layers
    surgeon = Surgeon(patient, settings, use_llm=False, editor=_light_editor(patient, settings), layer_metric="trial")
    plan = surgeon.plan_target("What is the capital of France")
    report = surgeon.last_trial
    assert report is not None and {s.layer for s in report.scores} == {4, 6}
    best = report.best()
    assert plan.layers == [best.layer] and plan.rank == best.rank
    assert plan.layer_scores == {str(s.layer): round(s.score, 4) for s in report.scores}
    assert not set(surgeon.last_damage_questions) & {c.question for c in plan.retain_canaries}
    assert patient.active_deltas == []


def test_surgeon_without_ready_layers_leaves_the_layer_to_the_executor(patient, settings, monkeypatch):
    from repair import keycov
    from repair.surgeon import Surgeon

    monkeypatch.setattr(keycov, "corpus_texts", lambda _p: ["a corpus no covariance was built for"])
    surgeon = Surgeon(patient, settings, use_llm=False, layer_metric="trial")
    plan = surgeon.plan_target("What is the capital of France")
    assert plan.layers == [] and surgeon.last_trial is None and 1 <= plan.rank <= 8


def test_unknown_layer_metric_is_rejected(patient, settings):
    from repair.errors import InvalidInputError
    from repair.surgeon import Surgeon

    with pytest.raises(InvalidInputError, match="layer metric"):
        Surgeon(patient, settings, layer_metric="best")


def test_default_surgeon_leaves_the_layer_to_the_executor(patient, settings, small_cov):
    from repair import keycov
    from repair.surgeon import Surgeon

    keycov.key_covariance(patient, settings, [4, 6], progress=False)  # ready layers do not trigger trials
    surgeon = Surgeon(patient, settings, use_llm=False)
    plan = surgeon.plan_target("What is the capital of France")
    assert plan.layers == [] and surgeon.last_trial is None and 1 <= plan.rank <= 8
