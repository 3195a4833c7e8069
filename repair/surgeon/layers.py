"""Layer and rank choice from the patient's own activations (repair.stamp.separation).

For each candidate layer, the down_proj keys at the subject's last token of the forget probes (F, [n, d_ff])
are compared with the keys at the subject's last token of unrelated known facts (R, [m, d_ff]). The layer
where F stands furthest from R relative to their spread is where an edit on F's keys disturbs the least
else. The rank is the number of singular directions holding `energy` of F at that layer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import torch

from repair.stamp import separation


@dataclass(frozen=True)
class LayerChoice:
    layers: list[int]
    rank: int
    scores: dict[int, float]  # layer -> separation(F, R)


def candidate_layers(n_layers: int) -> list[int]:
    """Early-middle layers, where MLPs recall facts about a subject (layers 3..10 of 30)."""
    lo, hi = max(1, n_layers // 10), max(2, n_layers // 3)
    return list(range(lo, hi + 1))


def ready_layers(patient, settings, layers: Sequence[int]) -> list[int]:
    """The subset of `layers` whose generic-text key covariance the executor already has cached.

    A layer without one costs minutes of covariance building on its first edit, so the surgeon scores only
    ready layers (none ready: it leaves the choice to the executor)."""
    from repair import keycov

    th = keycov.corpus_hash(keycov.corpus_texts(patient))
    return [l for l in layers if keycov.cache_path(settings, patient.fingerprint, l, th).is_file()]


def _subject_keys(patient, prompts: Sequence[str], subjects: Sequence[str], layers: Sequence[int]):
    cap = patient.capture(list(prompts), layers)
    rows: dict[int, list[torch.Tensor]] = {l: [] for l in layers}
    for i, (text, subject) in enumerate(zip(cap.texts, subjects, strict=True)):
        pos = patient.subject_positions(text, subject)
        if not pos:
            continue
        for layer in layers:
            rows[layer].append(cap.keys[layer][i][pos[-1]])
    return {l: torch.stack(r) for l, r in rows.items() if r}


def effective_rank(keys: torch.Tensor, energy: float = 0.9) -> int:
    """Smallest r whose top-r singular values hold `energy` of the squared norm of keys [n, d]."""
    s = torch.linalg.svdvals(keys.double())
    cum = torch.cumsum(s**2, 0) / (s**2).sum().clamp_min(1e-12)
    return int((cum < energy).sum().item()) + 1


def choose_layers(
    patient, probes: Sequence[str], subject: str, retain: Sequence[tuple[str, str]],
    candidates: Sequence[int] | None = None, max_rank: int = 8, energy: float = 0.99,
) -> LayerChoice | None:
    """The best-separated layer for `probes` vs `retain` ((question, subject) pairs); None if not measurable."""
    layers = list(candidates) if candidates else candidate_layers(patient.n_layers)
    f = _subject_keys(patient, probes, [subject] * len(probes), layers)
    r = _subject_keys(patient, [q for q, _ in retain], [s for _, s in retain], layers)
    if not f or not r or len(next(iter(r.values()))) < 2:
        return None
    scores = {l: separation(f[l], r[l]) for l in layers if l in f and l in r}
    best = max(scores, key=scores.get)
    rank = max(1, min(max_rank, effective_rank(f[best], energy)))
    return LayerChoice(layers=[best], rank=rank, scores=scores)
