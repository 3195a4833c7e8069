"""Which facts of the bank does the model know? Ask every question (and optionally the paraphrases) once.

Usage: .venv/bin/python -m evals.fact_survey [--paraphrases] [--out results.json] [--limit N]
Prints known / total per topic; `--out` writes per-fact replies and flags (JSON).
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
    from tqdm import tqdm

    from repair.config import Settings
    from repair.data import contains_answer, load_facts
    from repair.patient import Patient

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", default="smollm2-135m")
    ap.add_argument("--paraphrases", action="store_true", help="also ask every paraphrase")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--max-new-tokens", type=int, default=32)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)

    facts = load_facts()
    if args.limit:
        facts = facts[: args.limit]
    patient = Patient.load(args.model, Settings.create(model=args.model))
    t0 = time.perf_counter()
    rows = []
    bs = args.batch_size
    for i in tqdm(range(0, len(facts), bs), desc="facts", unit="batch"):
        chunk = facts[i : i + bs]
        prompts = [f.question for f in chunk]
        if args.paraphrases:
            prompts += [p for f in chunk for p in f.paraphrases]
        replies = patient.answer_many(prompts, max_new_tokens=args.max_new_tokens, batch_size=bs)
        q_replies, p_replies = replies[: len(chunk)], replies[len(chunk) :]
        for j, f in enumerate(chunk):
            row = {"id": f.id, "topic": f.topic, "reply": q_replies[j],
                   "known": contains_answer(q_replies[j], f.answers)}
            if args.paraphrases:
                n = len(f.paraphrases)
                start = sum(len(g.paraphrases) for g in chunk[:j])
                pr = p_replies[start : start + n]
                row["paraphrase_known"] = [contains_answer(r, f.answers) for r in pr]
            rows.append(row)
    secs = time.perf_counter() - t0
    known = [r for r in rows if r["known"]]
    by_topic, tot_topic = Counter(r["topic"] for r in known), Counter(r["topic"] for r in rows)
    print(f"known {len(known)}/{len(rows)} ({100 * len(known) / max(1, len(rows)):.0f}%) in {secs:.0f}s")
    for topic, n in tot_topic.most_common():
        print(f"  {topic:12s} {by_topic[topic]:3d}/{n}")
    if args.paraphrases:
        robust = [r for r in known if sum(r["paraphrase_known"]) >= 2]
        print(f"known on question and >= 2 of 3 paraphrases: {len(robust)}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"model": args.model, "seconds": secs, "rows": rows}, indent=1))


if __name__ == "__main__":
    main()
