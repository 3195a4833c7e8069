"""Retain canaries: fact-bank questions the current model answers correctly and firmly, unrelated to a target.

A canary must be answered (gold in the greedy reply) with a margin: each token of the gold answer, teacher-forced
on the model's own reply, beats the best other token by >= FIRM_MARGIN nats. Half the facts this model answers
win by less than that (the capital of Nepal by 0.02 nats), and any weight change flips some of them, so with
such canaries the executor rolled back half of all edits for a "broken" fact that was a coin flip
(docs/stamp/README.md, product path). The reply BEFORE the answer must not hang on a coin flip either
(`survives_near_ties`): "What is the capital of Uruguay?" wins on "Montevideo" by 1.2 nats, but its reply's
first token "The" beats "El" by 0.09 nats, and with "El" the model loops in Spanish and never names the city.
That one canary undid most of the rolled-back edits of three samples, edits that kept all 40 held-out facts.

The model is checked lazily, a batch at a time, in a fixed order spread over topics, until enough known
facts are found; results are cached per model fingerprint under `settings.cache/surgeon/`, so later plans
cost nothing. `related_facts` is also what the policy guard uses to see whether a plan would touch them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path

import torch
from tqdm import tqdm

from repair.config import Settings
from repair.data import Fact, contains_answer, load_facts
from repair.records import Canary
from repair.surgeon.text import content_words, mentions
from repair.surgeon.trial import AnswerItem, answer_item, answer_margins

CHECK_BATCH = 16
SPARE = 2  # known facts found beyond the request, so small exclusions need no new check
CANARY_TOKENS = 20  # short factual answers fit; the check looks for the gold answer in the reply
FIRM_MARGIN = 1.0  # nats by which every gold answer token must win (teacher-forced) for a fact to be a canary
BRANCHES = 3  # near-tie reply tokens before the answer that are flipped to see whether the answer survives
CHECK_TOKENS = 32  # reply budget of a branch: the executor's check after an edit (`editing.score`) uses the same


def _stem(word: str) -> str:
    return re.sub(r"(?:ies|es|s)$", "", word) if len(word) > 4 else word


def related_facts(facts: Sequence[Fact], subject: str, answers: Sequence[str], target: str) -> list[Fact]:
    """Facts about the same subject, sharing an answer, or containing every content word of the target."""
    tw = {_stem(w) for w in content_words(target)}
    out = []
    for f in facts:
        qw = {_stem(w) for w in content_words(" ".join(f.probes))}
        if (
            (subject and any(mentions(p, subject) for p in f.probes))
            or (f.subject and mentions(target, f.subject))
            or any(a and (contains_answer(a, f.answers) or contains_answer(f.answer, [a])) for a in answers)
            or (tw and tw <= qw)
        ):
            out.append(f)
    return out


def _order(facts: Sequence[Fact]) -> list[Fact]:
    """A fixed, topic-mixed order (hash of the id), so the lazily checked pool is diverse."""
    return sorted(facts, key=lambda f: hashlib.sha256(f.id.encode()).hexdigest())


class CanaryPool:
    """Which bank facts the model with `fingerprint` answers correctly (checked lazily, cached on disk)."""

    def __init__(self, patient, settings: Settings, facts: Sequence[Fact] | None = None):
        self.patient = patient
        self.facts = list(facts) if facts is not None else load_facts()
        self.by_id = {f.id: f for f in self.facts}
        bank = hashlib.sha256("\n".join(f"{f.id}\t{f.question}\t{f.answer}" for f in self.facts).encode())
        name = (f"canaries-{patient.fingerprint[:16]}-{bank.hexdigest()[:8]}-firm{FIRM_MARGIN:g}"
                f"-ties{BRANCHES}x{CHECK_TOKENS}.json")
        self.path = Path(settings.cache) / "surgeon" / name
        self.checked: dict[str, bool] = {}
        if self.path.is_file():
            try:
                self.checked = {str(k): bool(v) for k, v in json.loads(self.path.read_text())["checked"].items()}
            except (ValueError, KeyError, TypeError, AttributeError):
                self.checked = {}

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"fingerprint": self.patient.fingerprint, "checked": self.checked}))
        tmp.replace(self.path)

    def known(self, n: int, exclude: set[str]) -> list[Fact]:
        """At least `n` known facts not in `exclude` (fewer only when the bank runs out)."""
        order = [f for f in _order(self.facts)]
        def pick() -> list[Fact]:
            return [f for f in order if self.checked.get(f.id) and f.id not in exclude]
        todo = [f for f in order if f.id not in self.checked and f.id not in exclude]
        if len(pick()) < n + SPARE and todo:
            with tqdm(total=n + SPARE, desc="finding retain canaries", unit="fact", leave=False) as bar:
                bar.update(len(pick()))
                while len(pick()) < n + SPARE and todo:
                    batch, todo = todo[:CHECK_BATCH], todo[CHECK_BATCH:]
                    replies = self.patient.answer_many([f.question for f in batch], max_new_tokens=CANARY_TOKENS)
                    before = len(pick())
                    for f, firm in zip(batch, self._firm(batch, replies), strict=True):
                        self.checked[f.id] = firm
                    bar.update(len(pick()) - before)
                    self._save()
        return pick()[:n]

    def _firm(self, facts: Sequence[Fact], replies: Sequence[str]) -> list[bool]:
        """Per fact: the reply contains the gold answer, every answer token wins by >= FIRM_MARGIN, and the
        answer survives the reply's near ties before it (`survives_near_ties`)."""
        items = [answer_item(self.patient, f.question, r, f.answers) if contains_answer(r, f.answers) else None
                 for f, r in zip(facts, replies, strict=True)]
        answered = [i for i, it in enumerate(items) if it is not None]
        margins = answer_margins(self.patient, [items[i] for i in answered]).tolist() if answered else []
        firm = [i for i, m in zip(answered, margins, strict=True) if m >= FIRM_MARGIN]
        survives = survives_near_ties(self.patient, [items[i] for i in firm], [facts[i].answers for i in firm])
        kept = {i for i, s in zip(firm, survives, strict=True) if s}
        return [i in kept for i in range(len(items))]


@torch.no_grad()
def survives_near_ties(patient, items: Sequence[AnswerItem], answers: Sequence[Sequence[str]],
                       branches: int = BRANCHES, margin: float = FIRM_MARGIN, max_new_tokens: int = CHECK_TOKENS,
                       ) -> list[bool]:
    """Per item: does its answer survive the coin flips in the reply before it?

    Teacher-forced on the model's reply, every reply token before the answer that beats the runner-up by less than
    `margin` nats is a near tie. For the `branches` closest ties, the runner-up is forced in its place and the
    reply continued greedily up to `max_new_tokens` reply tokens in all; the item survives when every such branch
    still contains one of its answers (an item without near ties survives). One forward pass per item, then one
    batched generation over all branches.
    """
    tok = patient.tokenizer
    starts: list[tuple[int, list[int], int]] = []  # (item, token ids up to and including the forced token, reply start)
    for i, it in enumerate(items):
        reply_at = len(patient.chat_text(it.prompt))
        enc = tok(it.text, add_special_tokens=False, return_offsets_mapping=True)
        ids, offsets = enc["input_ids"], enc["offset_mapping"]
        before = [t for t, (s, f) in enumerate(offsets) if t > 0 and s >= reply_at and f <= it.start]
        if not before:
            continue
        with patient._lock:
            hidden = patient.model.model(input_ids=torch.tensor([ids]), use_cache=False).last_hidden_state[0]
            logp = torch.log_softmax(patient.model.lm_head(hidden[[t - 1 for t in before]]).double(), dim=-1)
        chosen = logp[torch.arange(len(before)), torch.tensor([ids[t] for t in before])]
        logp[torch.arange(len(before)), torch.tensor([ids[t] for t in before])] = -torch.inf
        best_other, runner_up = logp.max(dim=-1)
        gap = chosen - best_other  # [len(before)]
        first = min(t for t, (s, _f) in enumerate(offsets) if s >= reply_at)
        for j in [int(j) for j in torch.argsort(gap)[:branches] if float(gap[j]) < margin]:
            t = before[j]
            starts.append((i, [*ids[:t], int(runner_up[j])], first))
    ok = [True] * len(items)
    if not starts:
        return ok
    width = max(len(s[1]) for s in starts)
    pad = tok.pad_token_id
    ids = torch.tensor([[pad] * (width - len(s)) + s for _i, s, _f in starts])  # left padding
    mask = torch.tensor([[0] * (width - len(s)) + [1] * len(s) for _i, s, _f in starts])
    budget = max(1, max_new_tokens - min(len(s) - f for _i, s, f in starts))
    with patient._lock:
        gen = patient.model.generate(input_ids=ids, attention_mask=mask, max_new_tokens=budget, do_sample=False,
                                     num_beams=1, pad_token_id=pad)
    for (i, s, f), row in zip(starts, gen, strict=True):
        reply_ids = s[f:] + row[width:].tolist()
        reply = tok.decode(reply_ids[:max_new_tokens], skip_special_tokens=True)
        ok[i] = ok[i] and contains_answer(reply, answers[i])
    return ok


def retain_canaries(
    patient, settings: Settings, exclude: Sequence[str] = (), n: int = 10, facts: Sequence[Fact] | None = None,
) -> list[Canary]:
    """`n` questions the current model answers correctly and firmly (FIRM_MARGIN) that are unrelated to `exclude`.

    `exclude`: strings naming the target (subject, answers, target words): facts related to any of them
    (same subject, sharing an answer) are never chosen.
    """
    pool = CanaryPool(patient, settings, facts)
    skip: set[str] = set()
    for s in exclude:
        if s and s.strip():
            skip |= {f.id for f in related_facts(pool.facts, s, [s], s)}
    return [Canary(question=f.question, answer=f.answer) for f in pool.known(n, skip)]
