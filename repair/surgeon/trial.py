"""Trial edits: choose the edited layer by what an edit there actually does to the patient.

For each candidate layer the executor computes the plan's edit (`Editor.compute`), the edit is applied
for one batched forward pass and removed again. The pass scores, teacher-forced on the patient's own
greedy replies from before the edit:
- forget: how much the probability of the answer span drops on the forget probes whose reply revealed it
- damage: how much the probability of the gold answer span drops on known, unrelated facts
The layer with the best `forget - damage_weight * damage` is chosen. No generation happens per layer,
so a trial costs one edit computation and one forward pass.

A probability "p" here is the product of the answer span's token probabilities given everything before
it in the reply (prompt, then the model's reply up to the answer).
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import torch

DAMAGE_WEIGHT = 2.0  # a broken unrelated fact counts twice a probe left revealing the target
MIN_FORGET_ITEMS = 2  # fewer revealing probes than this: nothing to measure forgetting on


@dataclass(frozen=True)
class AnswerItem:
    """One teacher-forced answer: `text` is the chat prompt plus the reply up to the end of the answer;
    the answer occupies characters [start, end) of `text`."""

    prompt: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class TrialScore:
    layer: int
    rank: int
    forget: float  # mean relative drop of the answer probability on revealing forget probes, in [0, 1]
    damage: float  # mean relative drop of the gold answer probability on unrelated known facts, in [0, 1]
    score: float  # forget - damage_weight * damage
    seconds: float = 0.0


@dataclass
class TrialReport:
    scores: list[TrialScore] = field(default_factory=list)
    n_forget: int = 0  # forget probes whose reply revealed the answer (scored)
    n_damage: int = 0  # unrelated facts scored
    seconds: float = 0.0  # the whole trial, baselines included

    def best(self) -> TrialScore | None:
        return max(self.scores, key=lambda s: (s.score, -s.layer)) if self.scores else None


def answer_span(reply: str, answers: Sequence[str]) -> tuple[int, int] | None:
    """Character span [start, end) of the earliest answer occurring in `reply` as whole words (case-insensitive,
    flexible whitespace); None when no answer occurs verbatim."""
    best = None
    for a in answers:
        words = a.strip().split()
        if not words:
            continue
        pat = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)"
        m = re.search(pat, reply, flags=re.IGNORECASE)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    return best


def answer_item(patient, prompt: str, reply: str, answers: Sequence[str]) -> AnswerItem | None:
    """The AnswerItem of `reply` to `prompt` up to its earliest answer; None when no answer occurs."""
    span = answer_span(reply, answers)
    if span is None:
        return None
    head = patient.chat_text(prompt)
    return AnswerItem(prompt=prompt, text=head + reply[: span[1]], start=len(head) + span[0], end=len(head) + span[1])


def answer_items(patient, prompts: Sequence[str], replies: Sequence[str],
                 answers: Sequence[Sequence[str]]) -> list[AnswerItem]:
    """AnswerItems for the replies that contain one of their answers (others are skipped)."""
    items = [answer_item(patient, p, r, a) for p, r, a in zip(prompts, replies, answers, strict=True)]
    return [it for it in items if it is not None]


@torch.no_grad()
def _answer_token_logprobs(patient, items: Sequence[AnswerItem], batch_size: int = 32):
    """Per batch: (log-softmax [n_tok, vocab] at the answer tokens' predicting positions, the answer token ids
    [n_tok], the item each row belongs to [n_tok], batch size). One forward pass per batch; the vocabulary
    projection only at the answer's positions."""
    tok = patient.tokenizer
    for i in range(0, len(items), batch_size):
        chunk = items[i : i + batch_size]
        encs = [tok(it.text, add_special_tokens=False, return_offsets_mapping=True) for it in chunk]
        width = max(len(e["input_ids"]) for e in encs)
        pad = tok.pad_token_id
        ids = torch.tensor([e["input_ids"] + [pad] * (width - len(e["input_ids"])) for e in encs])
        mask = torch.tensor([[1] * len(e["input_ids"]) + [0] * (width - len(e["input_ids"])) for e in encs])
        cols, targets, owner = [], [], []
        for b, (it, e) in enumerate(zip(chunk, encs, strict=True)):
            positions = [t for t, (s, f) in enumerate(e["offset_mapping"]) if s < it.end and f > it.start and t > 0]
            for t in positions:
                cols.append(t - 1)  # the logits at t-1 predict token t
                targets.append(e["input_ids"][t])
                owner.append(b)
        with patient._lock:
            hidden = patient.model.model(input_ids=ids, attention_mask=mask, use_cache=False).last_hidden_state
            logits = patient.model.lm_head(hidden[torch.tensor(owner), torch.tensor(cols)])  # [n_tok, vocab]
        yield torch.log_softmax(logits.double(), dim=-1), torch.tensor(targets), torch.tensor(owner), len(chunk)


def answer_logprobs(patient, items: Sequence[AnswerItem], batch_size: int = 32) -> torch.Tensor:
    """[len(items)] log-probability of each item's answer span given the text before it."""
    out: list[torch.Tensor] = []
    for logp, targets, owner, n in _answer_token_logprobs(patient, items, batch_size):
        lp = logp[torch.arange(len(targets)), targets]
        out.append(torch.zeros(n, dtype=torch.float64).index_add_(0, owner, lp))
    return torch.cat(out) if out else torch.zeros(0, dtype=torch.float64)


def answer_margins(patient, items: Sequence[AnswerItem], batch_size: int = 32) -> torch.Tensor:
    """[len(items)] the smallest margin (nats) over each answer's tokens: log p(answer token) minus the best other
    token's, teacher-forced. Near 0 the greedy answer is a coin flip that any weight change can turn."""
    out: list[torch.Tensor] = []
    for logp, targets, owner, n in _answer_token_logprobs(patient, items, batch_size):
        rows = torch.arange(len(targets))
        gold = logp[rows, targets]
        other = logp.clone()
        other[rows, targets] = -torch.inf
        margin = gold - other.max(dim=-1).values
        out.append(torch.full((n,), torch.inf, dtype=torch.float64).scatter_reduce(0, owner, margin, "amin"))
    return torch.cat(out) if out else torch.zeros(0, dtype=torch.float64)


def relative_drop(base: torch.Tensor, edited: torch.Tensor) -> torch.Tensor:
    """Per item max(0, 1 - p_edited / p_base) from log-probabilities [n] (0: unchanged or more likely,
    1: the answer became impossible)."""
    return (1.0 - torch.exp(edited - base)).clamp(min=0.0, max=1.0)


def trade_off(forget_base: torch.Tensor, forget_edit: torch.Tensor, damage_base: torch.Tensor,
              damage_edit: torch.Tensor, damage_weight: float = DAMAGE_WEIGHT) -> tuple[float, float, float]:
    """(forget, damage, score): mean relative drops on the forget and on the damage items, and
    forget - damage_weight * damage (an empty damage set counts as no damage)."""
    forget = float(relative_drop(forget_base, forget_edit).mean()) if len(forget_base) else 0.0
    damage = float(relative_drop(damage_base, damage_edit).mean()) if len(damage_base) else 0.0
    return forget, damage, forget - damage_weight * damage


def trial_layers(
    patient, editor, plan, layers: Sequence[int], damage_facts: Sequence[tuple[str, Sequence[str]]],
    ranks: dict[int, int] | None = None, damage_weight: float = DAMAGE_WEIGHT, max_new_tokens: int = 32,
    progress: bool = False,
) -> TrialReport:
    """Edit `plan` at each layer in turn (alone, on the model as it is now), score it, and remove it.

    Forgetting is measured out of sample: each trial edit is built from the even-numbered forget probes and
    scored on the odd-numbered ones (an edit reaches its own probes at every layer; what differs between
    layers is how far it carries to wordings it was not built from).

    `damage_facts`: (question, gold answers) of known facts unrelated to the target; they are also taken out
    of the executor's anchor keys for the trials, so damage is measured on facts the edit was not told to keep
    (as for any unseen fact). `ranks`: the rank to try per layer (default: the plan's).
    Returns an empty report when fewer than MIN_FORGET_ITEMS held-out forget probes reveal an answer."""
    from tqdm import tqdm

    from repair.records import Canary

    t_all = time.perf_counter()
    build, probes = list(plan.forget_probes[::2]), list(plan.forget_probes[1::2])
    questions = [q for q, _ in damage_facts]
    replies = patient.answer_many([*probes, *questions], max_new_tokens=max_new_tokens)
    f_items = answer_items(patient, probes, replies[: len(probes)], [plan.answers] * len(probes))
    d_items = answer_items(patient, questions, replies[len(probes) :], [a for _, a in damage_facts])
    report = TrialReport(n_forget=len(f_items), n_damage=len(d_items))
    if len(f_items) < MIN_FORGET_ITEMS:
        report.seconds = time.perf_counter() - t_all
        return report
    items = [*f_items, *d_items]
    base = answer_logprobs(patient, items)
    n_f = len(f_items)
    canaries = [*plan.retain_canaries, *(Canary(question=q, answer=a[0]) for q, a in damage_facts if a)]
    for layer in tqdm(list(layers), desc="trial edits", unit="layer", disable=not progress, leave=False):
        t0 = time.perf_counter()
        rank = (ranks or {}).get(layer, plan.rank)
        # half the probes: half the data term, so half the lam keeps the plan's per-probe balance
        lam = plan.lam * len(build) / len(plan.forget_probes)
        trial_plan = plan.model_copy(update={"forget_probes": build, "layers": [layer], "rank": rank,
                                             "retain_canaries": canaries, "lam": lam})
        delta = editor.compute(trial_plan).delta
        name = f"surgeon-trial-{layer}"
        patient.apply_delta(name, delta)
        try:
            edited = answer_logprobs(patient, items)
        finally:
            patient.remove_delta(name)
        forget, damage, score = trade_off(base[:n_f], edited[:n_f], base[n_f:], edited[n_f:], damage_weight)
        report.scores.append(TrialScore(layer=layer, rank=rank, forget=forget, damage=damage, score=score,
                                        seconds=time.perf_counter() - t0))
    report.seconds = time.perf_counter() - t_all
    return report
