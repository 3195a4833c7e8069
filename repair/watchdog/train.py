"""Rebuild the watchdog head from the shipped training split: `python -m repair.watchdog.train`.

Reproducible: features come from the deterministic ONNX encoder and fixed regexes; the head is an
L2-regularised, class-balanced logistic regression solved by Newton's method (convex, no random init, no data
order), so two runs give the same weights up to float rounding. The held-out split is never read here.
Threshold 0.5 (balanced classes); out-of-fold (group k-fold by template) recall/FPR are recorded in the
head's metadata as a training-time sanity check.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from repair.watchdog.dataset import DATA_PATH, data_sha256, load_examples
from repair.watchdog.head import HEAD_PATH, Head, sigmoid

C = 10.0  # inverse L2 strength: loss = sum_i s_i logloss_i + ||w||^2 / (2 C), s_i = class-balance weights
FOLDS = 5
THRESHOLD = 0.5


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


def out_of_fold(x: np.ndarray, y: np.ndarray, groups: list[str]) -> dict:
    folds = group_folds(groups)
    oof = np.zeros(len(y))
    for f in range(FOLDS):
        tr, te = folds != f, folds == f
        oof[te] = fit(x[tr], y[tr]).prob(x[te].astype(np.float32))
    return {"oof_recall": float((oof[y > 0.5] >= THRESHOLD).mean()),
            "oof_fpr": float((oof[y < 0.5] >= THRESHOLD).mean())}


def train(cache: Path, out: Path = HEAD_PATH) -> Head:
    from repair.watchdog.detector import Featurizer

    rows = load_examples("train")
    feats = Featurizer(cache)
    x = feats.batch([r.text for r in rows])  # [n, d]
    y = np.array([r.label == "forget" for r in rows], dtype=np.float64)
    stats = out_of_fold(x, y, [r.group for r in rows])
    head = fit(x, y)
    meta = {"data_sha256": data_sha256(DATA_PATH), "n_train": len(rows), "dim": int(x.shape[1]), "C": C,
            "threshold": THRESHOLD, **stats}
    head = Head(w=head.w, b=head.b, threshold=head.threshold, meta=json.dumps(meta, sort_keys=True))
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
