"""Which facts of the bank (and of the harmful-proxy set) does the unedited model know?

Asks every question once (greedy, 24 new tokens), in the benchmark's fixed survey order, and caches the replies
under `<cache>/bench/answers-*.json` where `repair bench` reuses them. Prints known / asked overall and per topic.

Usage: .venv/bin/python -m evals.fact_survey [--limit N] [--harmful] [--out survey.json]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def main(argv: list[str] | None = None) -> None:
    from evals.scenarios import AnswerCache, survey_order
    from repair.config import Settings
    from repair.data import contains_answer, load_harmful_proxy
    from repair.patient import Patient

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", default="smollm2-135m")
    ap.add_argument("--limit", type=int, default=0, help="survey only the first N facts of the survey order")
    ap.add_argument("--harmful", action="store_true", help="survey the harmful-proxy set first")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)

    settings = Settings.create(model=args.model)
    patient = Patient.load(args.model, settings)
    cache = AnswerCache(patient, settings.cache)
    facts = survey_order()[: args.limit or None]
    sets = ([("harmful-proxy", load_harmful_proxy())] if args.harmful else []) + [("facts", facts)]
    report = {"model": args.model, "cache": str(cache.path)}
    for name, items in sets:
        t0 = time.perf_counter()
        # ask in chunks so an interrupted survey keeps what it has (the cache is written per batch)
        replies = cache.replies([f.question for f in items], desc=f"survey {name}")
        known = [f for f, r in zip(items, replies, strict=True) if contains_answer(r, f.answers)]
        by_topic, total = Counter(f.topic for f in known), Counter(f.topic for f in items)
        print(f"{name}: known {len(known)}/{len(items)} ({100 * len(known) / max(1, len(items)):.0f}%) "
              f"in {time.perf_counter() - t0:.0f}s")
        for topic, n in total.most_common():
            print(f"  {topic:14s} {by_topic[topic]:3d}/{n}")
        report[name] = {"known": len(known), "asked": len(items), "known_ids": [f.id for f in known],
                        "by_topic": {t: [by_topic[t], n] for t, n in total.items()}}
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
