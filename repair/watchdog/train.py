"""Rebuild the watchdog adapter and head from training split + spent sets: `python -m repair.watchdog.train`.

Round 11: the top 3 layers of the MiniLM encoder are fine-tuned (LoRA, `repair.watchdog.finetune`) jointly with
the logistic head; the adapter ships as `adapter.npz` (float16, a few hundred KB), is merged into the encoder before
its one-time ONNX export, and the final head is an L2-regularised, class-balanced logistic regression solved by
Newton's method on the exported (int8) encoder's features, so the shipped head sees exactly the run-time features.
About 20 minutes on one CPU thread.

Reproducible: one torch thread, deterministic kernels, fixed seeds and batch order, no dropout; the Newton fit is
convex with no random init.

Training input (round 20, `dataset.training_rows`): the training split of examples.jsonl plus the hand-written sets
named in `dataset.TRAIN_SPENT_SETS` (fresh, fresh2 .. fresh19: each already measured once and then used as
development data, so spent). The held-out split is never trained on (it is read only to drop spent rows equal to a
held-out text or naming a held-out target), and no hand-written set outside that tuple is ever opened here.

Model selection by cross-validation on that input only: out-of-fold probabilities (group k-fold by template for
the generated rows and by *set* for the spent rows, so no fold sees its own wording, nor its own writer) of the
*whole* procedure (each fold fine-tunes its own adapter) are
combined with the detector's vetoes (`features.vetoed`). For each candidate C and each combination of the two
vetoes (request form, bare "forget it"), the threshold is the highest one whose out-of-fold recall stays >=
RECALL_FLOOR; the (C, vetoes) pair with the lowest out-of-fold false-positive rate at its threshold wins (ties:
fewer vetoes, smaller C). The choice and every candidate's stats are recorded in the head's metadata, and the
detector applies exactly the vetoes recorded there.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from repair.watchdog.adapter import ADAPTER_PATH
from repair.watchdog.dataset import DATA_PATH, data_sha256, spent_sha256, training_rows
from repair.watchdog.head import HEAD_PATH, Head, sigmoid

C = 10.0  # fitting default (inverse L2 strength: loss = sum_i s_i logloss_i + ||w||^2 / (2 C), s_i = class weights)
C_GRID = (3.0, 10.0, 30.0)  # candidates; train() picks one by out-of-fold validation (choose_c)
FOLDS = 5
THRESHOLD = 0.5  # fitting default; train() replaces it by the validation choice (choose_threshold)
RECALL_FLOOR = 0.97  # out-of-fold recall of the decision rule the chosen threshold must keep. Out-of-fold holds out
# whole wording templates (each seen once), so it runs below recall on hand-written sets. Round 10 (frozen encoder):
# 0.95, chosen on the development sets (heldout + fresh..fresh9, never read here). Round 11 (fine-tuned encoder): at
# 0.95 the threshold was 0.60 and the development sets (heldout + fresh..fresh10) read recall 829/845, FPR 1/1565,
# with 7 of the 16 misses scoring 0.40-0.60; at a threshold near 0.5 (out-of-fold recall 0.961) they read 834/845
# and 4/1565. 0.96 keeps more recall margin for new phrasings at a small FPR cost (both numbers optimistic: these
# sets were used for this choice). Round 12: at 0.96 the threshold was 0.60 and the development sets (heldout +
# fresh..fresh11) read recall 1053/1080, FPR 6/2000; a threshold near 0.46 (out-of-fold recall ~0.97) read 1064/1080
# and the same 6/2000, so 0.97 (again a choice made on used sets; recall is the goal furthest from being met).
CANDIDATES = np.round(np.arange(0.05, 0.951, 0.01), 2)  # thresholds tried
EPOCHS = 2  # LoRA fine-tuning epochs, per fold and final (finetune.EPOCHS = 4 until round 19). Round 20 trains on
# ~12,000 rows instead of ~4,400; at 4 epochs the run would take about 2 hours on one thread, so 2 epochs: over 2.75x
# the rows that is still more optimiser steps than round 18's 4 epochs (final adapter ~754 steps vs 548).


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


def out_of_fold(x: np.ndarray, y: np.ndarray, groups: list[str], c: float = C) -> np.ndarray:
    """[n] out-of-fold probabilities: each example scored by a head fitted without its template group's fold."""
    folds = group_folds(groups)
    oof = np.zeros(len(y))
    for f in range(FOLDS):
        tr, te = folds != f, folds == f
        oof[te] = fit(x[tr], y[tr], c=c).prob(x[te].astype(np.float32))
    return oof


def choose_threshold(oof: np.ndarray, y: np.ndarray, floor: float = RECALL_FLOOR,
                     veto: np.ndarray | None = None) -> dict:
    """Highest candidate threshold whose out-of-fold recall >= floor (ties: the lower FPR); with its stats.

    oof: [n] out-of-fold probabilities; y: [n] labels; veto: [n] bool, rows the detector turns into chat whatever
    the score (default: none). A row counts as "forget" when oof >= t and it is not vetoed."""
    allowed = np.ones(len(y), dtype=bool) if veto is None else ~np.asarray(veto, dtype=bool)

    def rates(t: float) -> tuple[float, float]:
        said = (oof >= t) & allowed
        return float(said[y > 0.5].mean()), float(said[y < 0.5].mean())

    best = None
    for t in CANDIDATES:
        recall, fpr = rates(t)
        if recall >= floor:
            best = {"threshold": float(t), "oof_recall": recall, "oof_fpr": fpr}
    if best is None:  # floor unreachable: keep the fitting default and say so in the metadata
        recall, fpr = rates(THRESHOLD)
        best = {"threshold": THRESHOLD, "oof_recall": recall, "oof_fpr": fpr, "floor_unreached": True}
    best["oof_recall_at_0.5"], best["oof_fpr_at_0.5"] = rates(0.5)
    return best


def choose_c(x: np.ndarray, y: np.ndarray, groups: list[str], veto: np.ndarray,
             grid: tuple[float, ...] = C_GRID) -> dict:
    """The C of `grid` whose out-of-fold decision rule has the lowest FPR at the recall floor (ties: smaller C),
    with its threshold stats and every candidate's (threshold, recall, FPR) under "c_grid"."""
    results = {c: choose_threshold(out_of_fold(x, y, groups, c), y, veto=veto) for c in grid}

    def key(c: float) -> tuple:
        r = results[c]
        return (bool(r.get("floor_unreached")), round(r["oof_fpr"], 6), c)

    best = min(grid, key=key)
    grid_stats = {str(c): [r["threshold"], round(r["oof_recall"], 4), round(r["oof_fpr"], 4)]
                  for c, r in results.items()}
    return {"C": best, **results[best], "c_grid": grid_stats}


RULES = ({"request_form": True, "nothing_named": True}, {"request_form": True, "nothing_named": False},
         {"request_form": False, "nothing_named": True}, {"request_form": False, "nothing_named": False})


def choose_rules(oof: np.ndarray, y: np.ndarray, texts: list[str], histories: list) -> dict:
    """Which vetoes earn their place: for each combination of the two vetoes (both, request form only, "forget
    it" only, none), the out-of-fold threshold choice and its FPR; the lowest FPR at the recall floor wins. A veto
    is dropped only when dropping it lowers the out-of-fold FPR (ties: more rules, the status quo).
    Returns {"rules": {...}, **threshold stats, "rule_grid": {name: [threshold, recall, fpr]}}."""
    from repair.watchdog.features import vetoed

    results = []
    for rules in RULES:
        veto = np.array([vetoed(t, h, **rules) for t, h in zip(texts, histories, strict=True)])
        results.append((rules, choose_threshold(oof, y, veto=veto)))

    def key(item) -> tuple:
        rules, r = item
        return (bool(r.get("floor_unreached")), round(r["oof_fpr"], 6), -sum(rules.values()))

    rules, best = min(results, key=key)
    grid = {"+".join(k for k, v in r.items() if v) or "none": [s["threshold"], round(s["oof_recall"], 4),
                                                                round(s["oof_fpr"], 4)] for r, s in results}
    return {"rules": rules, **best, "rule_grid": grid}


def select(oof: dict[float, np.ndarray], y: np.ndarray, texts: list[str], histories: list) -> dict:
    """C, vetoes and threshold from the out-of-fold probabilities per C ({C: [n]}): per C the vetoes and threshold
    of `choose_rules`; the C with the lowest out-of-fold FPR at the recall floor (ties: the smaller C)."""
    per_c = {c: choose_rules(oof[c], y, texts, histories) for c in oof}
    best_c = min(oof, key=lambda c: (bool(per_c[c].get("floor_unreached")), round(per_c[c]["oof_fpr"], 6), c))
    return {"C": best_c, **per_c[best_c],
            "c_grid": {str(c): [r["threshold"], round(r["oof_recall"], 4), round(r["oof_fpr"], 4)]
                       for c, r in per_c.items()}}


def train(cache: Path, out: Path = HEAD_PATH, adapter_out: Path = ADAPTER_PATH, cfg=None,
          folds: int = FOLDS, rows=None, oof_out: Path | None = None) -> Head:
    """Round 11: fine-tune the encoder's top layers (LoRA) jointly with the head, validated out-of-fold.

    1. frozen-encoder features (torch, fp32) -> Newton head per fold: the warm start of the joint training;
    2. per fold: LoRA + head trained on the other folds, then every row re-embedded by that fold's adapted
       encoder, a Newton head per C fitted on the other folds and the fold scored (out-of-fold probabilities of
       the whole procedure, encoder included);
    3. C, the vetoes and the threshold chosen on those out-of-fold probabilities (recall floor, lowest FPR);
    4. the final adapter trained on all training rows, saved to `adapter_out`; the encoder exported to ONNX with
       it merged (int8, as at run time) and the final head fitted by Newton on the exported encoder's features,
       so the shipped head sees exactly the run-time features.
    """
    from repair.watchdog import finetune as ft

    cfg = cfg or ft.Config(epochs=EPOCHS)
    data_meta = {}
    if rows is None:
        given = training_rows()
        rows, data_meta = given.rows, {**given.summary(), "spent_sha256": spent_sha256(given.spent_sets)}
    with ft.deterministic():
        return _train(cache, out, adapter_out, cfg, folds, rows, oof_out, data_meta)


def _train(cache: Path, out: Path, adapter_out: Path, cfg, folds: int, rows, oof_out: Path | None,
           data_meta: dict | None = None) -> Head:
    from repair.watchdog import finetune as ft
    from repair.watchdog.detector import Featurizer
    from repair.watchdog.extract import clean
    from repair.watchdog.features import frame, lexical

    texts = [clean(r.text) for r in rows]
    frames = [frame(t) for t in texts]
    lex = np.stack([lexical(t) for t in texts])  # [n, N_LEXICAL]
    y = np.array([r.label == "forget" for r in rows], dtype=np.float64)
    groups = [r.group for r in rows]
    model = ft.load_bert()
    first = ft.N_LAYERS - cfg.top_layers
    trunk = ft.Trunk(model, texts + frames, first)
    x0 = ft.features(model, trunk, texts, frames, lex, first)  # [n, d] frozen encoder, the warm start

    fold_of = group_folds(groups, folds)
    oof = {c: np.zeros(len(y)) for c in C_GRID}
    for f in range(folds):
        tr, te = np.flatnonzero(fold_of != f), np.flatnonzero(fold_of == f)
        warm = fit(x0[tr], y[tr], c=cfg.c)
        adapter = ft.fine_tune(model, trunk, [texts[i] for i in tr], [frames[i] for i in tr], lex[tr], y[tr],
                               warm.w, warm.b, cfg, progress=f"fold {f + 1}/{folds}")
        with ft.Adapted(model, adapter):
            xf = ft.features(model, trunk, texts, frames, lex, first)
        for c in C_GRID:
            oof[c][te] = fit(xf[tr], y[tr], c=c).prob(xf[te].astype(np.float32))
    if oof_out is not None:  # for analysis: the out-of-fold probabilities per C, with labels and row ids
        np.savez(oof_out, y=y, ids=np.array([r.id for r in rows]), **{f"C{c:g}": oof[c] for c in C_GRID})
    stats = select(oof, y, texts, [r.history for r in rows])

    warm = fit(x0, y, c=cfg.c)
    adapter = ft.fine_tune(model, trunk, texts, frames, lex, y, warm.w, warm.b, cfg, progress="final adapter")
    meta_a = {"data_sha256": data_sha256(DATA_PATH), "n_train": len(rows), "config": json.loads(cfg.to_json()),
              **(data_meta or {})}
    adapter = type(adapter)(factors=adapter.factors, rank=adapter.rank, alpha=adapter.alpha,
                            meta=json.dumps(meta_a, sort_keys=True))
    adapter.save(adapter_out)
    x = Featurizer(cache, adapter=adapter).batch(texts)  # [n, d] int8 ONNX features of the adapted encoder
    head = fit(x, y, c=stats["C"])
    meta = {"data_sha256": data_sha256(DATA_PATH), "n_train": len(rows), "dim": int(x.shape[1]),
            "recall_floor": RECALL_FLOOR, "adapter_sha256": adapter.sha256(), "finetune": json.loads(cfg.to_json()),
            "rule": "head >= threshold and not features.vetoed(**rules)", **(data_meta or {}), **stats}
    head = Head(w=head.w, b=head.b, threshold=stats["threshold"], meta=json.dumps(meta, sort_keys=True))
    head.save(out)
    return head


def main(argv: list[str] | None = None) -> int:
    from repair.config import Settings

    ap = argparse.ArgumentParser(prog="python -m repair.watchdog.train", description=__doc__.splitlines()[0])
    ap.add_argument("--cache", default=None, help="cache dir for the ONNX encoder (default: settings.cache)")
    ap.add_argument("--out", default=str(HEAD_PATH), help=f"where to write the head (default: {HEAD_PATH})")
    ap.add_argument("--adapter-out", default=str(ADAPTER_PATH),
                    help=f"where to write the encoder adapter (default: {ADAPTER_PATH})")
    ap.add_argument("--oof-out", default=None, help="also save the out-of-fold probabilities here (.npz)")
    args = ap.parse_args(argv)
    cache = Path(args.cache) if args.cache else Settings.create().cache
    head = train(cache, Path(args.out), Path(args.adapter_out), oof_out=Path(args.oof_out) if args.oof_out else None)
    print(f"wrote {args.adapter_out} and {args.out}: dim {head.dim}, threshold {head.threshold}; {head.meta}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
