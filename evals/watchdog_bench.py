"""Watchdog benchmark: recall, false-positive rate, target extraction and per-turn latency on held-out data.

    .venv/bin/python -m evals.watchdog_bench                       # shipped held-out split
    .venv/bin/python -m evals.watchdog_bench --data other.jsonl --split all --json out.json

Targets (issue 4): recall on forget requests >= 98%, FPR on chat turns <= 1%, exact-or-contained target
extraction >= 90%, latency p50 <= 5 ms and p99 <= 20 ms per turn. Latency is wall time of `Watchdog.detect`
(tokenise, ONNX encoder on text + frame, head, extraction), one turn at a time, after a warm-up; on a shared
machine it is noisy, so the load average and the process CPU time per turn are printed with it.

Extraction counts as correct when the watchdog says "forget" AND the predicted target, normalised (case,
whitespace, outer punctuation), equals the gold target, or contains it and is at most 1.5x + 10 characters long,
or is contained in it and at least 60% of its length. A missed request counts as an extraction failure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from repair.watchdog.dataset import DATA_PATH, load_examples
from repair.watchdog.extract import clean


def norm(s: str) -> str:
    return " ".join(clean(s).casefold().strip(" .!?,;:\"'").split())


def target_ok(pred: str | None, gold: str) -> bool:
    if pred is None:
        return False
    p, g = norm(pred), norm(gold)
    if p == g:
        return True
    if g in p and len(p) <= 1.5 * len(g) + 10:
        return True
    return p in g and len(p) >= 0.6 * len(g)


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson score interval of a proportion k / n ((0, 1) for n = 0)."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def run(data: Path, split: str, cache: Path, latency_rounds: int, head: Path | None = None,
        adapter: str | None = None) -> dict:
    """`head` / `adapter`: another head file and encoder adapter ("none": the published encoder) than the
    shipped ones, e.g. to compare an earlier round's head on the same data."""
    from repair.watchdog import Watchdog
    from repair.watchdog.adapter import ADAPTER_PATH
    from repair.watchdog.head import HEAD_PATH

    load_before = os.getloadavg()[0]
    rows = load_examples(None if split == "all" else split, path=data)
    if not rows:
        raise SystemExit(f"no examples for split {split!r} in {data}")
    t0 = time.perf_counter()
    adapter_path = ADAPTER_PATH if adapter is None else (None if adapter == "none" else Path(adapter))
    wd = Watchdog(cache_dir=cache, head_path=head or HEAD_PATH, adapter_path=adapter_path)
    load_s = time.perf_counter() - t0
    errors, tp, fn, fp, tn, ext_ok, by_lang = [], 0, 0, 0, 0, 0, Counter()
    for r in rows:
        intent = wd.detect(r.text, r.history)
        said_forget = intent.kind == "forget"
        if r.label == "forget":
            tp += said_forget
            fn += not said_forget
            good = said_forget and target_ok(intent.target, r.target)
            ext_ok += good
            if not said_forget or not good:
                errors.append({"id": r.id, "text": r.text, "label": r.label, "score": round(intent.score, 3),
                               "pred_target": intent.target, "gold_target": r.target})
        else:
            fp += said_forget
            tn += not said_forget
            if said_forget:
                errors.append({"id": r.id, "text": r.text, "label": r.label, "score": round(intent.score, 3)})
        by_lang[(r.lang, r.label, said_forget == (r.label == "forget"))] += 1
    # latency: every example once per round, one turn at a time
    texts = [(r.text, r.history) for r in rows]
    for text, hist in texts[:20]:
        wd.detect(text, hist)
    times, cpu = [], []
    for _ in range(latency_rounds):
        for text, hist in texts:
            t, c = time.perf_counter(), time.process_time()
            wd.detect(text, hist)
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
    n_pos, n_neg = tp + fn, fp + tn
    langs = {}
    for (lang, label, correct), k in sorted(by_lang.items()):
        d = langs.setdefault(lang, {})
        d[f"{label}_{'ok' if correct else 'wrong'}"] = k
    return {
        "data": str(data), "split": split, "n": len(rows), "n_forget": n_pos, "n_chat": n_neg,
        "recall": tp / n_pos if n_pos else None, "fpr": fp / n_neg if n_neg else None,
        "extraction": ext_ok / n_pos if n_pos else None,
        "counts": {"tp": tp, "fn": fn, "fp": fp, "tn": tn, "extraction_ok": ext_ok},
        "wilson95": {"recall": wilson(tp, n_pos), "fpr": wilson(fp, n_neg), "extraction": wilson(ext_ok, n_pos)},
        "latency_ms": {"n": len(times), "p50": float(np.percentile(times, 50)), "p90": float(np.percentile(times, 90)),
                       "p99": float(np.percentile(times, 99)), "max": float(max(times)),
                       "mean": statistics.fmean(times)},
        "cpu_ms": {"p50": float(np.percentile(cpu, 50)), "p99": float(np.percentile(cpu, 99))},
        "load_average_1m_before": load_before, "load_average_1m": os.getloadavg()[0], "cpus": os.cpu_count(),
        "watchdog_load_s": load_s,
        "by_language": langs, "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    from repair.config import Settings

    ap = argparse.ArgumentParser(description="watchdog recall / FPR / extraction / latency")
    ap.add_argument("--data", default=str(DATA_PATH), help="examples JSONL (default: the shipped set)")
    ap.add_argument("--split", default="heldout", help="train | heldout | all (default: heldout)")
    ap.add_argument("--cache", default=None, help="cache dir for the ONNX export (default: settings.cache)")
    ap.add_argument("--latency-rounds", type=int, default=3, help="passes over the split for latency")
    ap.add_argument("--json", default=None, help="also write the full result here")
    ap.add_argument("--head", default=None, help="head .npz to use instead of the shipped one")
    ap.add_argument("--adapter", default=None,
                    help="encoder adapter .npz instead of the shipped one, or 'none' for the published encoder")
    args = ap.parse_args(argv)
    if args.latency_rounds < 1:
        ap.error("--latency-rounds must be >= 1")
    cache = Path(args.cache) if args.cache else Settings.create().cache
    res = run(Path(args.data), args.split, cache, args.latency_rounds,
              Path(args.head) if args.head else None, args.adapter)
    lat = res["latency_ms"]
    print(f"data {res['data']} split={res['split']}: {res['n_forget']} forget, {res['n_chat']} chat")
    c, w = res["counts"], res["wilson95"]

    def ci(name: str) -> str:
        return f"95% Wilson {w[name][0]:.1%}-{w[name][1]:.1%}"

    print(f"recall      {res['recall']:.2%}  ({c['tp']}/{res['n_forget']}, {ci('recall')})   (target >= 98%)")
    print(f"FPR         {res['fpr']:.2%}  ({c['fp']}/{res['n_chat']}, {ci('fpr')})   (target <= 1%)")
    print(f"extraction  {res['extraction']:.2%}  ({c['extraction_ok']}/{res['n_forget']}, {ci('extraction')})   "
          "(exact-or-contained, target >= 90%)")
    print(f"latency     p50 {lat['p50']:.2f} ms  p90 {lat['p90']:.2f} ms  p99 {lat['p99']:.2f} ms  "
          f"max {lat['max']:.1f} ms "
          f"over {lat['n']} turns (targets 5 / 20 ms; 1-min load avg {res['load_average_1m_before']:.2f} before, "
          f"{res['load_average_1m']:.2f} after, on {res['cpus']} cpus)")
    print(f"cpu time    p50 {res['cpu_ms']['p50']:.2f} ms  p99 {res['cpu_ms']['p99']:.2f} ms per turn "
          "(process CPU time: what the turn costs without the other tenants' load)")
    print("by language:", json.dumps(res["by_language"]))
    for e in res["errors"]:
        print("  miss" if e["label"] == "forget" else "  false+", json.dumps(e, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
