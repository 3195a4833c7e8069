"""Forgetting and retention with surgeon plans vs STAMP's template plans (issue 5 measurement).

    HF_HUB_OFFLINE=1 .venv/bin/python -m evals.surgeon_forget [--facts 4] [--variants template,surgeon,layers]

For each of N fact-bank facts the model answers, each plan variant is computed by the STAMP executor
(`Editor.compute`), applied alone to the unedited model, measured, and removed:
- leak_q:  the fact's own question still reveals the answer (0/1)
- leak_p:  the bank's 3 paraphrases that reveal it (0..3; held out for the surgeon plans, the template
           plan's check probes)
- retain:  held-out known facts (unrelated to every chosen target, in no plan) still answered
Variants: template = repair.editing.template_plan; surgeon = Surgeon plan at the executor's layer, rank 8;
exec = the Surgeon plan at the executor's layer with the rank from the forget keys' effective rank there;
layers = the Surgeon plan as it ships (default --layer-metric trial: the layer whose trial edit scored best,
see repair.surgeon.trial). --sweep L,L,... edits each surgeon plan at each given layer (with the rank its trial
used) so the trial scores (saved under "layer_scores") can be compared with the outcome per layer.
Held-out retain facts exclude every plan's canaries and the facts the trials measured damage on.
Ablations of the exec plan (diagnostics for what costs retention): exec-tpl = only the surgeon's template probes
(no LLM paraphrases); exec-n4 = its first 4 forget probes; exec-lam1 = lam DEFAULT_LAM, whatever the plan says;
exec-lamn = lam DEFAULT_LAM * n_probes / 4 (the template plan's per-probe balance; what the surgeon ships
since `planner.balanced_lam`, so exec-lam1 is the plan as it was before);
exec-full = no rank truncation (rank = number of probes, at most 8).
--offset N skips the first N eligible targets (they are neither targets nor retain facts) and --retain-offset M
the first M held-out retain candidates: `--offset 20 --retain-offset 40` measures facts disjoint from the
default run's (for choosing settings without fitting the reported measurement).
Each row also records, per edit: delta_fro (||D||_F), gen (tr(D C D^T) / tr(W C W^T), the edit's share of the
layer's output energy on generic text), key_cos (mean pairwise cosine of the forget keys) and retain_drop (mean
drop, in nats, of the held-out retain facts' gold-answer log-probability, teacher-forced on the unedited
model's replies).
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
    ap.add_argument("--layer-metric", default="trial", help="'layers' variant: pick the layer by this score "
                    "(trial, fit, separation; 'none': the executor's layer)")
    ap.add_argument("--sweep", default="", help="also edit each surgeon plan at each of these layers (rank 8), "
                    "recording the surgeon's layer scores next to the outcome, e.g. 3,4,5,6,7,8,9,10")
    ap.add_argument("--offset", type=int, default=0, help="skip the first N eligible targets (disjoint facts)")
    ap.add_argument("--retain-offset", type=int, default=0, help="skip the first M held-out retain candidates")
    ap.add_argument("--out", default="/tmp/surgeon_forget.json")
    args = ap.parse_args()

    import torch

    import repair
    from repair.data import contains_answer
    from repair.editing import DEFAULT_LAM, DEFAULT_LAYERS, Editor, template_plan
    from repair.errors import RepairError
    from repair.surgeon import Surgeon
    from repair.surgeon.canaries import related_facts

    session = repair.open()
    patient, settings = session.patient, session.settings
    surgeon = Surgeon(patient, settings, use_llm=not args.no_llm, choose_layers=True, all_layers=args.all_layers,
                      layer_metric=None if args.layer_metric in ("", "none") else args.layer_metric)
    pool = surgeon.pool
    known = pool.known(2 * args.offset + args.facts + args.retain_offset + args.retain + 40, set())
    eligible = [f for f in known if f.topic in ("geography", "science", "history", "literature", "culture")]
    skipped = eligible[: args.offset]
    candidates = eligible[args.offset :]
    if len(candidates) < args.facts:
        candidates = [f for f in known if f not in skipped]
    known = [f for f in known if f not in skipped]
    editor = Editor(patient, settings)
    variants = args.variants.split(",")
    sweep = [int(x) for x in args.sweep.split(",") if x.strip()]
    variants += [f"L{l}" for l in sweep]
    rows = []
    plans = {}
    layer_scores = {}
    damage_questions: set[str] = set()
    plan_seconds = []
    targets = []
    for fact in candidates:
        if len(targets) == args.facts:
            break
        target = fact.question.rstrip("?")
        plans[fact.id] = {}
        if "template" in variants:
            plans[fact.id]["template"] = template_plan(fact.question)
        if {"surgeon", "layers"} & set(variants) or any(v.startswith("exec") for v in variants) or sweep:
            t0 = time.perf_counter()
            try:
                p = surgeon.plan_target(target)
            except RepairError as e:  # a refused target (e.g. over-broad subject) is not measured: skip it
                print(f"skip {fact.id}: {e}")
                del plans[fact.id]
                continue
            plan_seconds.append(time.perf_counter() - t0)
            trial = surgeon.last_trial
            damage_questions |= set(surgeon.last_damage_questions)
            print(f"plan {fact.id} {plan_seconds[-1]:.1f}s subject={p.subject!r} answers={p.answers} "
                  f"layers={p.layers} rank={p.rank} scores={p.layer_scores}")
            if trial is not None:
                layer_scores[fact.id] = {str(t.layer): {"forget": round(t.forget, 4), "damage": round(t.damage, 4),
                                                        "score": round(t.score, 4), "rank": t.rank}
                                         for t in trial.scores}
            if "surgeon" in variants:
                plans[fact.id]["surgeon"] = p.model_copy(update={"layers": [], "rank": 8})
            if any(v.startswith("exec") for v in variants):  # the plan at the executor's layer, rank from keys
                rank6 = surgeon.layer_ranks(p, DEFAULT_LAYERS)[DEFAULT_LAYERS[-1]]
                ex = p.model_copy(update={"layers": [], "rank": rank6 if args.layer_metric not in ("", "none")
                                          else p.rank})
                llm = set(surgeon.last_paraphrases)
                ablations = {
                    "exec": ex,
                    "exec-tpl": ex.model_copy(update={"forget_probes": [q for q in ex.forget_probes if q not in llm]}),
                    "exec-n4": ex.model_copy(update={"forget_probes": ex.forget_probes[:4]}),
                    "exec-lam1": ex.model_copy(update={"lam": DEFAULT_LAM}),
                    "exec-lamn": ex.model_copy(update={"lam": DEFAULT_LAM * len(ex.forget_probes) / 4}),
                    "exec-full": ex.model_copy(update={"rank": min(8, len(ex.forget_probes))}),
                }
                for v in variants:
                    if v in ablations:
                        plans[fact.id][v] = ablations[v]
            if "layers" in variants:
                plans[fact.id]["layers"] = p
            if sweep:  # each layer with the rank its trial used (else the effective rank there)
                ranks = surgeon.layer_ranks(p, sweep)
                if trial is not None:
                    ranks.update({t.layer: t.rank for t in trial.scores})
                for l in sweep:
                    plans[fact.id][f"L{l}"] = p.model_copy(update={"layers": [l], "rank": ranks[l]})
        targets.append(fact)
    related = {x.id for t in targets for x in related_facts(pool.facts, t.subject, t.answers, t.question)}
    used = {q for d in plans.values() for p in d.values() for q in [c.question for c in p.retain_canaries]}
    # held-out retain: in no plan, and not among the facts the trial edits measured damage on
    retain = [f for f in known if f.id not in related and f.question not in used | damage_questions
              and f not in targets][args.retain_offset : args.retain_offset + args.retain]
    print(f"{len(targets)} targets, {len(retain)} held-out retain facts")
    # the executor keeps anchor facts' keys (the fact bank): never those of a fact scored here
    scored = [*targets, *retain]
    editor.set_anchors([(f.question, f.subject) for f in pool.facts
                        if not any(f.subject.lower() in s.subject.lower() or s.subject.lower() in f.subject.lower()
                                   or contains_answer(" ".join([f.question, *f.answers]), s.answers) for s in scored)])

    from repair import keycov
    from repair.surgeon.trial import answer_items, answer_logprobs

    base_replies = patient.answer_many([f.question for f in retain], max_new_tokens=32)
    items = answer_items(patient, [f.question for f in retain], base_replies, [f.answers for f in retain])
    base_lp = answer_logprobs(patient, items)
    cov = keycov.key_covariance(patient, settings, list(DEFAULT_LAYERS))
    for fact in targets:
        for name, plan in plans[fact.id].items():
            t0 = time.perf_counter()
            computed = editor.compute(plan)
            diag = {}
            for layer, (b, a) in computed.delta.factors.items():
                d = b.double() @ a.double()  # [d_model, d_ff]
                c = cov[layer].double()
                w = patient.base_weight(layer).double()
                k = computed.keys[layer].double()
                kn = k / k.norm(dim=1, keepdim=True)
                n = len(kn)
                diag = {"delta_fro": round(float(d.norm()), 4),
                        "gen": round(float(torch.trace(d @ c @ d.T) / torch.trace(w @ c @ w.T)), 6),
                        "key_cos": round(float(((kn @ kn.T).sum() - n) / max(1, n * (n - 1))), 4)}
            patient.apply_delta("eval", computed.delta)
            try:
                qs = [fact.question, *fact.paraphrases, *(f.question for f in retain)]
                replies = patient.answer_many(qs, max_new_tokens=32)
                edited_lp = answer_logprobs(patient, items)
            finally:
                patient.remove_delta("eval")
            diag["retain_drop"] = round(float((base_lp - edited_lp).clamp_min(0).mean()), 4)
            leak_q = int(contains_answer(replies[0], fact.answers))
            leak_p = sum(contains_answer(r, fact.answers) for r in replies[1:4])
            kept = sum(contains_answer(r, f.answers) for r, f in zip(replies[4:], retain, strict=True))
            row = {"fact": fact.id, "variant": name, "leak_q": leak_q, "leak_p": leak_p, "retain": kept,
                   "retain_total": len(retain), "layers": computed.layers, "rank": computed.rank,
                   "n_forget_probes": len(plan.forget_probes), "lam": plan.lam, **diag,
                   "seconds": round(time.perf_counter() - t0, 1),
                   "q_reply": replies[0][:80]}
            rows.append(row)
            print(json.dumps(row))
    summary = {}
    for name in variants:
        rs = [r for r in rows if r["variant"] == name]
        if rs:
            summary[name] = {"facts": len(rs), "leak_q": sum(r["leak_q"] for r in rs),
                             "leak_p": sum(r["leak_p"] for r in rs), "paraphrases": 3 * len(rs),
                             "retain": sum(r["retain"] for r in rs), "retain_total": sum(r["retain_total"] for r in rs),
                             "retain_drop": round(sum(r["retain_drop"] for r in rs) / len(rs), 4),
                             "gen": round(sum(r["gen"] for r in rs) / len(rs), 6)}
    if plan_seconds:
        summary["plan_seconds"] = {"mean": round(sum(plan_seconds) / len(plan_seconds), 1),
                                   "max": round(max(plan_seconds), 1)}
    print(json.dumps(summary, indent=1))
    with open(args.out, "w") as fh:
        json.dump({"summary": summary, "rows": rows, "layer_scores": layer_scores}, fh, indent=1)


if __name__ == "__main__":
    main()
