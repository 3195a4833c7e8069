"""Retain canaries: fact-bank questions the current model answers correctly and firmly, unrelated to a target.

A canary must be answered (gold in the greedy reply) with a margin: each token of the gold answer, teacher-forced
on the model's own reply, beats the best other token by >= FIRM_MARGIN nats. Half the facts this model answers
win by less than that (the capital of Nepal by 0.02 nats), and any weight change flips some of them, so with
such canaries the executor rolled back half of all edits for a "broken" fact that was a coin flip
(docs/stamp/README.md, product path).

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

from tqdm import tqdm

from repair.config import Settings
from repair.data import Fact, contains_answer, load_facts
from repair.records import Canary
from repair.surgeon.text import content_words, mentions
from repair.surgeon.trial import answer_item, answer_margins

CHECK_BATCH = 16
SPARE = 2  # known facts found beyond the request, so small exclusions need no new check
CANARY_TOKENS = 20  # short factual answers fit; the check looks for the gold answer in the reply
FIRM_MARGIN = 1.0  # nats by which every gold answer token must win (teacher-forced) for a fact to be a canary


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
        name = f"canaries-{patient.fingerprint[:16]}-{bank.hexdigest()[:8]}-firm{FIRM_MARGIN:g}.json"
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
        """Per fact: the reply contains the gold answer and every answer token wins by >= FIRM_MARGIN."""
        items = [answer_item(self.patient, f.question, r, f.answers) if contains_answer(r, f.answers) else None
                 for f, r in zip(facts, replies, strict=True)]
        scored = [it for it in items if it is not None]
        margins = iter(answer_margins(self.patient, scored).tolist()) if scored else iter(())
        return [it is not None and next(margins) >= FIRM_MARGIN for it in items]


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
