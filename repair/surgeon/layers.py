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


@dataclass(frozen=True)
class LayerFit:
    """How well a closed-form edit at one layer can separate forget keys F from retain keys R.

    With P = lam C + eps I (the executor's preservation metric), an edit driven by forget key f reaches
    g_f / (1 + g_f) of its target on f (g_f = f^T P^-1 f) and leaks |f^T P^-1 r| / (1 + g_f) of it onto
    a retain key r (first order, one key at a time)."""

    reach: float  # mean over F of g_f / (1 + g_f)
    collateral: float  # mean over R of max over F of |f^T P^-1 r| / (1 + g_f)

    @property
    def score(self) -> float:
        return self.reach - self.collateral


def solver_fit(solve_p, forget: torch.Tensor, retain: torch.Tensor) -> LayerFit:
    """LayerFit for forget keys [n, d] and retain keys [m, d]; `solve_p(Y [d, k])` returns P^-1 Y."""
    pf = solve_p(forget.double().T).T  # [n, d]  rows P^-1 f
    g = (pf * forget.double()).sum(dim=1)  # [n]
    cross = (pf @ retain.double().T).abs() / (1 + g)[:, None]  # [n, m]
    return LayerFit(reach=float((g / (1 + g)).mean()), collateral=float(cross.max(dim=0).values.mean()))


def preservation(patient, settings, layer: int, lam: float | None = None):
    """lam C + eps I for `layer` with the executor's covariance, default lam and eps rule (repair.editing);
    the executor's extra fixed preserved keys (entities, anchor facts) are not included."""
    from repair import keycov
    from repair.editing import DEFAULT_LAM, EPS
    from repair.stamp import Preservation

    cov = keycov.key_covariance(patient, settings, [layer], progress=False)[layer]
    return Preservation.build(cov, lam=lam or DEFAULT_LAM, eps=EPS * float(cov.trace()) / cov.shape[0])


def effective_rank(keys: torch.Tensor, energy: float = 0.9) -> int:
    """Smallest r whose top-r singular values hold `energy` of the squared norm of keys [n, d]."""
    s = torch.linalg.svdvals(keys.double())
    cum = torch.cumsum(s**2, 0) / (s**2).sum().clamp_min(1e-12)
    return int((cum < energy).sum().item()) + 1


def layer_report(
    patient, settings, probes: Sequence[str], subject: str, retain: Sequence[tuple[str, str]],
    layers: Sequence[int], lam: float | None = None, fit_layers: Sequence[int] | None = None,
) -> tuple[dict[int, dict[str, float]], dict[int, torch.Tensor]]:
    """Per layer: separation(F, R), and the solver fit (reach, collateral, fit = reach - collateral) of F vs R
    under the layer's preservation metric (only for `fit_layers`, default all: it needs the layer's key
    covariance); also F's keys per layer. Empty when keys cannot be read."""
    f = _subject_keys(patient, probes, [subject] * len(probes), layers)
    r = _subject_keys(patient, [q for q, _ in retain], [s for _, s in retain], layers)
    report: dict[int, dict[str, float]] = {}
    for layer in layers:
        if layer not in f or layer not in r or len(r[layer]) < 2:
            continue
        report[layer] = {"separation": separation(f[layer], r[layer])}
        if fit_layers is None or layer in fit_layers:
            fit = solver_fit(preservation(patient, settings, layer, lam).solve, f[layer], r[layer])
            report[layer].update(reach=fit.reach, collateral=fit.collateral, fit=fit.score)
    return report, f


def choose_layers(
    patient, settings, probes: Sequence[str], subject: str, retain: Sequence[tuple[str, str]],
    candidates: Sequence[int] | None = None, max_rank: int = 8, energy: float = 0.99, metric: str = "fit",
) -> LayerChoice | None:
    """The candidate layer with the best `metric` (see layer_report) for `probes` vs `retain`
    ((question, subject) pairs); None if not measurable."""
    layers = list(candidates) if candidates else candidate_layers(patient.n_layers)
    report, f = layer_report(patient, settings, probes, subject, retain, layers)
    if not report:
        return None
    scores = {l: m[metric] for l, m in report.items()}
    best = max(scores, key=scores.get)
    rank = max(1, min(max_rank, effective_rank(f[best], energy)))
    return LayerChoice(layers=[best], rank=rank, scores=scores)
