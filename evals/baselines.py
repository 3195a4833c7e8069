"""Training-based unlearning baselines, in torch, on a COPY of the patient's model.

- `ga`: gradient ascent on the forget set's gold answers (maximise their NLL).
- `graddiff`: gradient ascent on the forget set + gradient descent on the retain buffer.
- `npo`: Negative Preference Optimisation (Zhang et al. 2024): loss = -(2/beta) log sigmoid(-beta * (log p(y|x) -
  log p_ref(y|x))) on forget sequences, plus the retain-buffer NLL (the "NPO+RT" form).

All three train the transformer blocks (embeddings and final norm frozen) with AdamW on the same forget probes and
retain buffer that STAMP gets, and stop as soon as no forget question reveals its answer any more (checked every
`check_every` steps with greedy answers) or `max_steps` is reached: "the budget that makes them forget". The checks
are included in the measured edit time (STAMP's time includes its own verify step too).
"""

from __future__ import annotations

import copy
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import torch

from evals.items import Item
from evals.metrics import lm_batch, revealed

METHODS = ("ga", "graddiff", "npo")


@dataclass
class TrainConfig:
    lr: float = 3e-5
    max_steps: int = 30
    check_every: int = 3
    retain_batch: int = 8
    npo_beta: float = 0.1
    retain_weight: float = 1.0
    seed: int = 0
    check_tokens: int = 16


@dataclass
class TrainResult:
    steps: int
    forgot: bool  # all forget questions stopped revealing within the budget
    seconds: float
    losses: list[float] = field(default_factory=list)
    check_seconds: float = 0.0  # of `seconds`, spent in the greedy forget checks that decide when to stop


class ModelView:
    """A patient-like object over another model (same tokenizer and chat format): answer_many / chat_text."""

    def __init__(self, patient, model):
        self._patient = patient
        self.model = model
        self.tokenizer = patient.tokenizer

    def chat_text(self, question, history=()):
        return self._patient.chat_text(question, history)

    @torch.no_grad()
    def answer_many(self, questions, max_new_tokens=48, batch_size=16, history=()):
        # Reuse the patient's batched greedy decoding with our model swapped in (no weights are copied).
        shim = copy.copy(self._patient)
        shim.model = self.model
        return type(self._patient).answer_many(shim, questions, max_new_tokens=max_new_tokens,
                                               batch_size=batch_size, history=history)


def _seq_logprob(model, ids, mask, labels) -> torch.Tensor:
    """Sum of log p(answer tokens) per sequence [b]."""
    logits = model(input_ids=ids, attention_mask=mask, use_cache=False).logits[:, :-1]  # [b, t-1, vocab]
    tgt = labels[:, 1:]
    logp = torch.log_softmax(logits.float(), dim=-1)
    tok = logp.gather(-1, tgt.clamp(min=0).unsqueeze(-1)).squeeze(-1)  # [b, t-1]
    return (tok * (tgt != -100)).sum(dim=1)


def _nll(model, ids, mask, labels) -> torch.Tensor:
    return model(input_ids=ids, attention_mask=mask, labels=labels, use_cache=False).loss


def unlearn(patient, kind: str, forget: Sequence[Item], retain: Sequence[Item], cfg: TrainConfig,
            progress=None) -> tuple[ModelView, TrainResult]:
    """Train a copy of `patient.model` to forget `forget` (all items at once). Returns a view and the run's stats."""
    if kind not in METHODS:
        raise ValueError(f"unknown baseline {kind!r}; choose from {METHODS}")
    t0 = time.perf_counter()
    rng = random.Random(cfg.seed)
    torch.manual_seed(cfg.seed)
    model = copy.deepcopy(patient.model)
    model.requires_grad_(False)
    params = [p for p in model.model.layers.parameters()]
    for p in params:
        p.requires_grad_(True)
    opt = torch.optim.AdamW(params, lr=cfg.lr, weight_decay=0.0)
    view = ModelView(patient, model)
    tok = patient.tokenizer
    f_prompts = [patient.chat_text(q) for it in forget for q in it.edit_probes]
    f_answers = [it.gold for it in forget for _ in it.edit_probes]
    f_batch = lm_batch(tok, f_prompts, f_answers)
    ref_logp = None
    if kind == "npo":
        with torch.no_grad():
            ref_logp = _seq_logprob(patient.model, *f_batch)
    result = TrainResult(steps=0, forgot=False, seconds=0.0)

    def forgotten() -> bool:
        t_check = time.perf_counter()
        model.eval()
        reps = view.answer_many([it.question for it in forget], max_new_tokens=cfg.check_tokens)
        result.check_seconds += time.perf_counter() - t_check
        return not any(revealed(r, it.answers, it.gold) for r, it in zip(reps, forget, strict=True))

    for step in range(1, cfg.max_steps + 1):
        model.train()
        opt.zero_grad()
        if kind == "npo":
            ratio = _seq_logprob(model, *f_batch) - ref_logp
            loss = -(2.0 / cfg.npo_beta) * torch.nn.functional.logsigmoid(-cfg.npo_beta * ratio).mean()
        else:
            loss = -_nll(model, *f_batch)
        if kind in ("graddiff", "npo") and retain:
            sample = rng.sample(list(retain), min(cfg.retain_batch, len(retain)))
            r_batch = lm_batch(tok, [patient.chat_text(it.question) for it in sample], [it.gold for it in sample])
            loss = loss + cfg.retain_weight * _nll(model, *r_batch)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        result.losses.append(loss.item())
        result.steps = step
        if progress is not None:
            progress.update(1)
        if step % cfg.check_every == 0 or step == cfg.max_steps:
            if forgotten():
                result.forgot = True
                break
    model.eval()
    model.requires_grad_(False)
    opt.zero_grad(set_to_none=True)
    del opt
    result.seconds = time.perf_counter() - t0
    return view, result
