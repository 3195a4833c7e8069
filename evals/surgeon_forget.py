"""Forgetting and retention with surgeon plans vs STAMP's template plans (issue 5 measurement).

    HF_HUB_OFFLINE=1 .venv/bin/python -m evals.surgeon_forget [--facts 4] [--variants template,surgeon,layers]

For each of N fact-bank facts the model answers, each plan variant is computed by the STAMP executor
(`Editor.compute`), applied alone to the unedited model, measured, and removed:
- leak_q:  the fact's own question still reveals the answer (0/1)
- leak_p:  the bank's 3 paraphrases that reveal it (0..3; held out for the surgeon plans, the template
           plan's check probes)
- retain:  held-out known facts (unrelated to every chosen target, in no plan) still answered
Variants: template = repair.editing.template_plan; surgeon = Surgeon plan with layers left to the executor;
layers = the Surgeon plan as it ships (rank from the forget keys' effective rank; layer: the executor's, or with
--layer-metric the candidate layer with the best such score). --sweep edits each surgeon plan at each given layer.
"""

from __future__ import annotations

import argparse
import json
import os
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", type=int, default=4)
    ap.add_argument("--retain", type=int, default=16)
    ap.add_argument("--variants", default="template,surgeon,layers")
    ap.add_argument("--no-llm", action="store_true")
    ap.add_argument("--all-layers", action="store_true", help="score layers 3..10, not only cached ones")
    ap.add_argument("--layer-metric", default="", help="'layers' variant: pick the layer by this score (fit, "
                    "separation); default: the executor's layer, with the rank from the keys' effective rank")
    ap.add_argument("--sweep", default="", help="also edit each surgeon plan at each of these layers (rank 8), "
                    "recording the surgeon's layer scores next to the outcome, e.g. 3,4,5,6,7,8,9,10")
    ap.add_argument("--erank", default="", help="with --sweep: also edit at these layers with the rank from the "
                    "forget keys' effective rank there (variant L<l>e), e.g. 6")
    ap.add_argument("--out", default="/tmp/surgeon_forget.json")
    args = ap.parse_args()

    import repair
    from repair.data import contains_answer
    from repair.editing import Editor, template_plan
    from repair.surgeon import Surgeon
    from repair.surgeon.canaries import related_facts

    session = repair.open()
    patient, settings = session.patient, session.settings
    surgeon = Surgeon(patient, settings, use_llm=not args.no_llm, choose_layers=True, all_layers=args.all_layers,
                      layer_metric=args.layer_metric or None)
    pool = surgeon.pool
    known = pool.known(args.facts + args.retain + 12, set())
    targets = [f for f in known if f.topic in ("geography", "science", "history", "literature", "culture")]
    targets = targets[: args.facts] if len(targets) >= args.facts else known[: args.facts]
    related = {x.id for t in targets for x in related_facts(pool.facts, t.subject, t.answers, t.question)}
    editor = Editor(patient, settings)
    variants = args.variants.split(",")
    sweep = [int(x) for x in args.sweep.split(",") if x.strip()]
    erank = [int(x) for x in args.erank.split(",") if x.strip()]
    variants += [f"L{l}" for l in sweep] + [f"L{l}e" for l in erank if l in sweep]
    by_question = {f.question: f for f in pool.facts}
    rows = []
    plans = {}
    layer_scores = {}
    for fact in targets:
        target = fact.question.rstrip("?")
        plans[fact.id] = {}
        if "template" in variants:
            plans[fact.id]["template"] = template_plan(fact.question)
        if "surgeon" in variants or "layers" in variants or sweep:
            t0 = time.perf_counter()
            p = surgeon.plan_target(target)
            print(f"plan {fact.id} {time.perf_counter() - t0:.1f}s subject={p.subject!r} answers={p.answers} "
                  f"layers={p.layers} rank={p.rank} scores={p.layer_scores}")
            if "surgeon" in variants:
                plans[fact.id]["surgeon"] = p.model_copy(update={"layers": [], "rank": 8})
            if "layers" in variants:
                plans[fact.id]["layers"] = p
            if sweep:
                from repair.surgeon.layers import effective_rank, layer_report

                retain_pairs = [(c.question, by_question[c.question].subject) for c in p.retain_canaries
                                if c.question in by_question]
                report, keys = layer_report(patient, settings, p.forget_probes[:6], p.subject, retain_pairs, sweep)
                layer_scores[fact.id] = {str(l): {k: round(v, 4) for k, v in m.items()} for l, m in report.items()}
                for l in sweep:
                    plans[fact.id][f"L{l}"] = p.model_copy(update={"layers": [l], "rank": 8})
                for l in erank:
                    if l in keys:
                        r = max(1, min(8, effective_rank(keys[l], 0.99)))
                        layer_scores[fact.id][str(l)]["erank"] = r
                        plans[fact.id][f"L{l}e"] = p.model_copy(update={"layers": [l], "rank": r})
    used = {q for d in plans.values() for p in d.values() for q in [c.question for c in p.retain_canaries]}
    retain = [f for f in known if f.id not in related and f.question not in used
              and f not in targets][: args.retain]
    print(f"{len(targets)} targets, {len(retain)} held-out retain facts")
    # the executor keeps anchor facts' keys (the fact bank): never those of a fact scored here
    scored = [*targets, *retain]
    editor.set_anchors([(f.question, f.subject) for f in pool.facts
                        if not any(f.subject.lower() in s.subject.lower() or s.subject.lower() in f.subject.lower()
                                   or contains_answer(" ".join([f.question, *f.answers]), s.answers) for s in scored)])

    for fact in targets:
        for name, plan in plans[fact.id].items():
            t0 = time.perf_counter()
            computed = editor.compute(plan)
            patient.apply_delta("eval", computed.delta)
            try:
                qs = [fact.question, *fact.paraphrases, *(f.question for f in retain)]
                replies = patient.answer_many(qs, max_new_tokens=32)
            finally:
                patient.remove_delta("eval")
            leak_q = int(contains_answer(replies[0], fact.answers))
            leak_p = sum(contains_answer(r, fact.answers) for r in replies[1:4])
            kept = sum(contains_answer(r, f.answers) for r, f in zip(replies[4:], retain, strict=True))
            row = {"fact": fact.id, "variant": name, "leak_q": leak_q, "leak_p": leak_p, "retain": kept,
                   "retain_total": len(retain), "layers": computed.layers, "rank": computed.rank,
                   "n_forget_probes": len(plan.forget_probes), "seconds": round(time.perf_counter() - t0, 1),
                   "q_reply": replies[0][:80]}
            rows.append(row)
            print(json.dumps(row))
    summary = {}
    for name in variants:
        rs = [r for r in rows if r["variant"] == name]
        if rs:
            summary[name] = {"facts": len(rs), "leak_q": sum(r["leak_q"] for r in rs),
                             "leak_p": sum(r["leak_p"] for r in rs), "paraphrases": 3 * len(rs),
                             "retain": sum(r["retain"] for r in rs), "retain_total": sum(r["retain_total"] for r in rs)}
    print(json.dumps(summary, indent=1))
    with open(args.out, "w") as fh:
        json.dump({"summary": summary, "rows": rows, "layer_scores": layer_scores}, fh, indent=1)


if __name__ == "__main__":
    main()
