"""Rebuild the watchdog head from the shipped training split: `python -m repair.watchdog.train`.

Reproducible: features come from the deterministic ONNX encoder and fixed regexes; the head is an
L2-regularised, class-balanced logistic regression solved by Newton's method (convex, no random init, no data
order), so two runs give the same weights up to float rounding. The held-out split is never read here.
The decision threshold is chosen on a validation split carved from the training data only: out-of-fold
probabilities (group k-fold by template, so no fold sees its own wording) give, for each candidate threshold,
a recall and an FPR; the threshold is the highest one whose out-of-fold recall stays >= RECALL_FLOOR (fewest
false positives at the recall the product needs). The fresh evaluation sets are never read here. Out-of-fold
recall/FPR at the chosen threshold are recorded in the head's metadata.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from repair.watchdog.dataset import DATA_PATH, data_sha256, load_examples
from repair.watchdog.head import HEAD_PATH, Head, sigmoid

# C: 30 beat 1/3/10/100 on out-of-fold recall + FPR (round 6)
C = 30.0  # inverse L2 strength: loss = sum_i s_i logloss_i + ||w||^2 / (2 C), s_i = class-balance weights
FOLDS = 5
THRESHOLD = 0.5  # fitting default; train() replaces it by the validation choice (choose_threshold)
RECALL_FLOOR = 0.96  # out-of-fold recall the chosen threshold must keep. Out-of-fold holds out whole wording
# templates (each seen once), so it runs ~3 points below held-out recall; 0.99 was unreachable at any threshold.
# Round 8: 0.95 -> 0.96 (the product needs >= 98% recall; with the request-form veto removing most chat turns, the
# recall floor, not the head's FPR, is the binding constraint; at 0.95 the threshold jumped from 0.38 to 0.50)
CANDIDATES = np.round(np.arange(0.05, 0.951, 0.01), 2)  # thresholds tried


def fit(x: np.ndarray, y: np.ndarray, c: float = C, iters: int = 50) -> Head:
    """x: [n, d] features, y: [n] in {0, 1} -> Head. Newton / IRLS on the bias-augmented problem."""
    n, d = x.shape
    xa = np.hstack([x.astype(np.float64), np.ones((n, 1))])  # [n, d+1]
    pos = float(y.mean())
    s = np.where(y > 0.5, 0.5 / pos, 0.5 / (1.0 - pos))  # [n], sklearn's "balanced"
    reg = np.full(d + 1, 1.0 / c)
    reg[-1] = 0.0  # bias is not penalised
    theta = np.zeros(d + 1)
    for _ in range(iters):
        p = sigmoid(xa @ theta)
        grad = xa.T @ (s * (p - y)) + reg * theta
        hess = (xa * (s * p * (1 - p))[:, None]).T @ xa + np.diag(reg) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        theta -= step
        if np.abs(step).max() < 1e-7:
            break
    return Head(w=theta[:-1].astype(np.float32), b=float(theta[-1]), threshold=THRESHOLD)


def group_folds(groups: list[str], k: int = FOLDS) -> np.ndarray:
    """[n] fold index per example; whole template groups share a fold (deterministic, sorted group order)."""
    order = {g: i % k for i, g in enumerate(sorted(set(groups)))}
    return np.array([order[g] for g in groups])


def out_of_fold(x: np.ndarray, y: np.ndarray, groups: list[str]) -> np.ndarray:
    """[n] out-of-fold probabilities: each example scored by a head fitted without its template group's fold."""
    folds = group_folds(groups)
    oof = np.zeros(len(y))
    for f in range(FOLDS):
        tr, te = folds != f, folds == f
        oof[te] = fit(x[tr], y[tr]).prob(x[te].astype(np.float32))
    return oof


def choose_threshold(oof: np.ndarray, y: np.ndarray, floor: float = RECALL_FLOOR) -> dict:
    """Highest candidate threshold whose out-of-fold recall >= floor (ties: the lower FPR); with its stats."""
    best = None
    for t in CANDIDATES:
        recall = float((oof[y > 0.5] >= t).mean())
        fpr = float((oof[y < 0.5] >= t).mean())
        if recall >= floor:
            best = {"threshold": float(t), "oof_recall": recall, "oof_fpr": fpr}
    if best is None:  # floor unreachable: keep the fitting default and say so in the metadata
        t = THRESHOLD
        best = {"threshold": t, "oof_recall": float((oof[y > 0.5] >= t).mean()),
                "oof_fpr": float((oof[y < 0.5] >= t).mean()), "floor_unreached": True}
    best["oof_recall_at_0.5"] = float((oof[y > 0.5] >= 0.5).mean())
    best["oof_fpr_at_0.5"] = float((oof[y < 0.5] >= 0.5).mean())
    return best


def train(cache: Path, out: Path = HEAD_PATH) -> Head:
    from repair.watchdog.detector import Featurizer

    rows = load_examples("train")
    feats = Featurizer(cache)
    x = feats.batch([r.text for r in rows])  # [n, d]
    y = np.array([r.label == "forget" for r in rows], dtype=np.float64)
    stats = choose_threshold(out_of_fold(x, y, [r.group for r in rows]), y)
    head = fit(x, y)
    meta = {"data_sha256": data_sha256(DATA_PATH), "n_train": len(rows), "dim": int(x.shape[1]), "C": C,
            "recall_floor": RECALL_FLOOR, **stats}
    head = Head(w=head.w, b=head.b, threshold=stats["threshold"], meta=json.dumps(meta, sort_keys=True))
    head.save(out)
    return head


def main(argv: list[str] | None = None) -> int:
    from repair.config import Settings

    ap = argparse.ArgumentParser(prog="python -m repair.watchdog.train", description=__doc__.splitlines()[0])
    ap.add_argument("--cache", default=None, help="cache dir for the ONNX encoder (default: settings.cache)")
    ap.add_argument("--out", default=str(HEAD_PATH), help=f"where to write the head (default: {HEAD_PATH})")
    args = ap.parse_args(argv)
    cache = Path(args.cache) if args.cache else Settings.create().cache
    head = train(cache, Path(args.out))
    print(f"wrote {args.out}: dim {head.dim}, threshold {head.threshold}; {head.meta}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
