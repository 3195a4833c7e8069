"""Metrics: answer containment, ROUGE-L recall, perplexity of gold answers, peak memory during a call."""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

import torch
from rouge_score import rouge_scorer

from repair.data import contains_answer

_SCORER = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=False)


def rouge_l_recall(reply: str, gold: str) -> float:
    """ROUGE-L recall of `gold` in `reply` (share of the gold's words found in order in the reply)."""
    if not gold.strip():
        return 0.0
    return float(_SCORER.score(gold, reply)["rougeL"].recall)


def revealed(reply: str, answers: Sequence[str], gold: str, rouge_threshold: float = 0.5) -> bool:
    """Does a reply reveal the item? Gold-string containment when answer strings exist, else ROUGE-L >= threshold
    (TOFU items have full-sentence gold answers)."""
    if answers:
        return contains_answer(reply, answers)
    return rouge_l_recall(reply, gold) >= rouge_threshold


def mean(xs: Sequence[float]) -> float:
    return float(sum(xs) / len(xs)) if xs else float("nan")


@torch.no_grad()
def answer_perplexity(model, tokenizer, prompts: Sequence[str], answers: Sequence[str], batch_size: int = 16) -> float:
    """exp(mean NLL) of the gold answer tokens given the chat-formatted prompt (teacher forcing), all items pooled.

    `prompts` are complete chat texts ending with the generation prompt; `answers` the gold continuations."""
    total_nll, total_tok = 0.0, 0
    for i in range(0, len(prompts), batch_size):
        ids, labels = _batch(tokenizer, prompts[i: i + batch_size], answers[i: i + batch_size])
        logits = model(input_ids=ids).logits  # [b, t, vocab]; right padding never attends backwards into items
        loss = torch.nn.functional.cross_entropy(
            logits[:, :-1].reshape(-1, logits.shape[-1]), labels[:, 1:].reshape(-1), ignore_index=-100,
            reduction="sum",
        )
        total_nll += float(loss)
        total_tok += int((labels[:, 1:] != -100).sum())
    return math.exp(total_nll / max(1, total_tok))


def _batch(tokenizer, prompts: Sequence[str], answers: Sequence[str]) -> tuple[torch.Tensor, torch.Tensor]:
    """Right-padded input ids [b, t] and labels [b, t] (-100 outside the answer tokens)."""
    seqs, labs = [], []
    for p, a in zip(prompts, answers, strict=True):
        p_ids = tokenizer(p, add_special_tokens=False)["input_ids"]
        a_ids = tokenizer(a.strip(), add_special_tokens=False)["input_ids"]
        seqs.append(p_ids + a_ids)
        labs.append([-100] * len(p_ids) + a_ids)
    width = max(len(s) for s in seqs)
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    ids = torch.tensor([s + [pad] * (width - len(s)) for s in seqs])
    labels = torch.tensor([lb + [-100] * (width - len(lb)) for lb in labs])
    return ids, labels


def lm_batch(tokenizer, prompts: Sequence[str], answers: Sequence[str]) -> tuple[torch.Tensor, torch.Tensor,
                                                                                   torch.Tensor]:
    """Training batch: input ids [b, t], attention mask [b, t], labels [b, t] (loss on answer tokens only)."""
    seqs, labs = [], []
    for p, a in zip(prompts, answers, strict=True):
        p_ids = tokenizer(p, add_special_tokens=False)["input_ids"]
        a_ids = tokenizer(a.strip() + (tokenizer.eos_token or ""), add_special_tokens=False)["input_ids"]
        seqs.append(p_ids + a_ids)
        labs.append([-100] * len(p_ids) + a_ids)
    width = max(len(s) for s in seqs)
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    ids = torch.tensor([s + [pad] * (width - len(s)) for s in seqs])
    mask = torch.tensor([[1] * len(s) + [0] * (width - len(s)) for s in seqs])
    labels = torch.tensor([lb + [-100] * (width - len(lb)) for lb in labs])
    return ids, mask, labels


# ---------------------------------------------------------------- memory


def _rss_bytes() -> int:
    try:
        with open(f"/proc/{os.getpid()}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


@dataclass
class PeakMemory:
    """Context manager sampling this process's RSS every `interval` s: `.extra_mb` = peak minus RSS at entry."""

    interval: float = 0.02
    start_bytes: int = 0
    peak_bytes: int = 0
    seconds: float = 0.0

    def __enter__(self) -> PeakMemory:
        self.start_bytes = self.peak_bytes = _rss_bytes()
        self._stop = threading.Event()
        self._t0 = time.perf_counter()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak_bytes = max(self.peak_bytes, _rss_bytes())

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_bytes = max(self.peak_bytes, _rss_bytes())
        self.seconds = time.perf_counter() - self._t0

    @property
    def extra_mb(self) -> float:
        return (self.peak_bytes - self.start_bytes) / 2**20

    @property
    def peak_mb(self) -> float:
        return self.peak_bytes / 2**20
