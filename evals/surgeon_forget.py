"""Forgetting and retention with surgeon plans vs STAMP's template plans (issue 5 measurement).

    HF_HUB_OFFLINE=1 .venv/bin/python -m evals.surgeon_forget [--facts 4] [--variants template,surgeon,layers]

For each of N fact-bank facts the model answers, each plan variant is computed by the STAMP executor
(`Editor.compute`), applied alone to the unedited model, measured, and removed:
- leak_q:  the fact's own question still reveals the answer (0/1)
- leak_p:  the bank's 3 paraphrases that reveal it (0..3; held out for the surgeon plans, the template
           plan's check probes)
- retain:  held-out known facts (unrelated to every chosen target, in no plan) still answered
Variants: template = repair.editing.template_plan (NB: it takes the first bank fact whose subject the question
names, so "On which continent is Kenya?" gets the plan of "What is the capital of Kenya?"); template-own = the same
template probes (template_wrappers), subject, answers and check probes of the measured fact itself, edited only
where that plan differs from template_plan's (elsewhere the template row is its row);
surgeon = Surgeon plan at the executor's layer, rank 8;
exec = the Surgeon plan at the executor's layer with the rank from the forget keys' effective rank there;
layers = the Surgeon plan as it ships (default --layer-metric trial: the layer whose trial edit scored best,
see repair.surgeon.trial). --sweep L,L,... edits each surgeon plan at each given layer (with the rank its trial
used) so the trial scores (saved under "layer_scores") can be compared with the outcome per layer.
Held-out retain facts exclude every plan's canaries and the facts the trials measured damage on.
Ablations of the exec plan (diagnostics for what costs retention): exec-tpl = only the surgeon's template probes
(no LLM paraphrases); exec-n4 = its first 4 forget probes; exec-lam1 = lam DEFAULT_LAM, whatever the plan says;
exec-lamn = lam DEFAULT_LAM * n_probes / 4 (the template plan's per-probe balance; what the surgeon ships
since `planner.balanced_lam`, so exec-lam1 is the plan as it was before);
exec-full = no rank truncation (rank = number of probes, at most 8); exec-nocan = without its retain canaries
(the executor takes a plan's canaries out of the preserved anchor keys; template plans have none).
NAME-x (e.g. exec-x, template-own-x): that variant's plan through `repair.editing.execute`, the path
`Session.forget` takes (lam escalation lam/3, lam/10 while forget probes still reveal; a stronger attempt that
breaks a retain canary is discarded; an edit that breaks one is rolled back and then measured as no edit); rows add
"status" and "lam_used".
--edit-limit K edits only the first K targets (all of them still shape anchors and retain set: reproduction checks).
--compare FILE,FILE [--baseline template-own] loads no model: exec vs the baseline over those runs' facts by the
pre-registered rule (`compare`).
--offset N skips the first N eligible targets (they are neither targets nor retain facts) and --retain-offset M
the first M held-out retain candidates: `--offset 20 --retain-offset 40` measures facts disjoint from the
default run's (for choosing settings without fitting the reported measurement).
--targets ID,ID,... (or @file, one id a line) replaces the eligible list by these candidate targets, in order (the
first --facts that plan are measured; --offset ignored); --retain-ids (same forms) fixes the held-out retain facts
(e.g. a previous run's "retain_ids"): a target related to one of them, or whose plan takes one as a canary, is
skipped. The JSON records "target_ids", "retain_ids" and, per row, "lost" (retain fact ids answered by the
unedited model and not after the edit) and "gained" (the reverse), so runs can be repeated and flips traced.
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


def _ids(spec: str) -> list[str]:
    """Fact ids from 'a,b,c' or '@file' (one id a line)."""
    if spec.startswith("@"):
        with open(spec[1:]) as fh:
            return [line.strip() for line in fh if line.strip()]
    return [x.strip() for x in spec.split(",") if x.strip()]


def load_rows(path: str) -> list[dict]:
    """Result rows from a --out JSON file, or from a run's log (its printed JSON rows; e.g. a run cut short)."""
    with open(path) as fh:
        text = fh.read()
    if path.endswith(".json"):
        return json.loads(text)["rows"]
    return [json.loads(line) for line in text.splitlines() if line.startswith('{"fact"')]


def compare(paths: list[str], a: str = "template", b: str = "exec", max_loss: float = 1.0, seed: int = 0,
            fallback: str | None = None) -> dict:
    """Paired comparison of variant `b` against `a` over the facts of several runs (each fact once).

    The decision rule (pre-registered in docs/surgeon/README.md): retention not worse when the two-sided 95%
    paired-t confidence interval of the mean per-fact difference in retained answers (b - a) has its lower bound
    >= -max_loss AND the mean retain_drop of b is <= a's; forgetting not worse when b's total question +
    paraphrase leaks are <= a's. A percentile bootstrap interval (10000 resamples) and a sign test are reported
    beside it, not used for the verdict. `fallback`: the variant whose row stands for `a` on facts without an
    `a` row (template-own: the template row, whose plan is then the same)."""
    import random

    from scipy import stats

    by_fact: dict[str, dict[str, dict]] = {}
    for path in paths:
        for r in load_rows(path):
            if r["variant"] in (a, b, fallback):
                if r["variant"] in by_fact.get(r["fact"], {}):
                    raise SystemExit(f"fact {r['fact']} ({r['variant']}) appears twice")
                by_fact.setdefault(r["fact"], {})[r["variant"]] = r
    pairs = [(v.get(a, v.get(fallback)), v[b]) for v in by_fact.values() if (a in v or fallback in v) and b in v]
    n = len(pairs)
    if n < 2:
        raise SystemExit("fewer than 2 paired facts")
    d = [y["retain"] - x["retain"] for x, y in pairs]
    mean = sum(d) / n
    sd = (sum((x - mean) ** 2 for x in d) / (n - 1)) ** 0.5
    half = float(stats.t.ppf(0.975, n - 1)) * sd / n**0.5
    rng = random.Random(seed)
    boots = sorted(sum(rng.choice(d) for _ in range(n)) / n for _ in range(10000))
    worse, better = sum(x < 0 for x in d), sum(x > 0 for x in d)
    sign_p = float(stats.binomtest(worse, worse + better).pvalue) if worse + better else 1.0
    leaks = {v: sum(r["leak_q"] + r["leak_p"] for r in rows) for v, rows in ((a, [x for x, _ in pairs]),
                                                                            (b, [y for _, y in pairs]))}
    drop = {a: sum(x["retain_drop"] for x, _ in pairs) / n, b: sum(y["retain_drop"] for _, y in pairs) / n}
    dd = [y["retain_drop"] - x["retain_drop"] for x, y in pairs]
    dd_mean = sum(dd) / n
    dd_half = float(stats.t.ppf(0.975, n - 1)) * (sum((x - dd_mean) ** 2 for x in dd) / (n - 1)) ** 0.5 / n**0.5
    retain_ok = mean - half >= -max_loss and drop[b] <= drop[a]
    forget_ok = leaks[b] <= leaks[a]
    return {
        "facts": n,
        "leak_q": {v: sum(r["leak_q"] for r in rows) for v, rows in ((a, [x for x, _ in pairs]),
                                                                      (b, [y for _, y in pairs]))},
        "leak_p": {v: sum(r["leak_p"] for r in rows) for v, rows in ((a, [x for x, _ in pairs]),
                                                                      (b, [y for _, y in pairs]))},
        "leaks": leaks,
        "retain": {a: sum(x["retain"] for x, _ in pairs), b: sum(y["retain"] for _, y in pairs),
                   "total": sum(x["retain_total"] for x, _ in pairs)},
        "retain_diff": {"mean": round(mean, 4), "sd": round(sd, 4), "t95": [round(mean - half, 4),
                                                                              round(mean + half, 4)],
                        "bootstrap95": [round(boots[249], 4), round(boots[9749], 4)],
                        "worse": worse, "better": better, "equal": n - worse - better, "sign_p": round(sign_p, 4)},
        "retain_drop": {k: round(v, 5) for k, v in drop.items()},
        "retain_drop_diff": {"mean": round(dd_mean, 5), "t95": [round(dd_mean - dd_half, 5),
                                                                round(dd_mean + dd_half, 5)]},
        "verdict": {"retention_not_worse": retain_ok, "forgetting_not_worse": forget_ok},
    }


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
    ap.add_argument("--targets", default="", help="candidate target fact ids (comma list or @file), in order")
    ap.add_argument("--retain-ids", default="", help="held-out retain fact ids (comma list or @file)")
    ap.add_argument("--edit-limit", type=int, default=0, help="edit only the first K targets (every target still "
                    "shapes the anchors and retain set: for checking that a run reproduces an earlier one's rows)")
    ap.add_argument("--out", default="/tmp/surgeon_forget.json")
    ap.add_argument("--compare", default="", help="no model: compare template and exec over these result files "
                    "(comma list of --out JSONs or run logs) by the pre-registered rule, and exit")
    ap.add_argument("--baseline", default="template", help="--compare: the variant exec is compared against "
                    "(template-own: falls back to the template row where the plans are the same)")
    args = ap.parse_args()
    if args.compare:
        baseline = args.baseline
        print(json.dumps(compare(args.compare.split(","), a=baseline,
                                 fallback="template" if baseline == "template-own" else None), indent=1))
        return

    import torch

    import repair
    from repair.data import contains_answer
    from repair.editing import DEFAULT_LAM, DEFAULT_LAYERS, Editor, execute, template_plan, template_wrappers
    from repair.errors import RepairError
    from repair.records import RepairPlan
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
    fixed_retain = None
    if args.retain_ids:
        fixed_retain = [pool.by_id[i] for i in _ids(args.retain_ids)]
    if args.targets:
        candidates = [pool.by_id[i] for i in _ids(args.targets)]
        if fixed_retain is not None:  # a target about a fixed retain fact would make that fact no longer held out
            keep = {f.id for f in fixed_retain}
            for f in list(candidates):
                hit = keep & {x.id for x in related_facts(pool.facts, f.subject, f.answers, f.question)}
                if hit:
                    print(f"skip {f.id}: related to retain fact(s) {sorted(hit)}")
                    candidates.remove(f)
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
        # the same template probes, built on the measured fact itself
        own = RepairPlan(target=fact.question, subject=fact.subject, forget_probes=template_wrappers(fact.question),
                         check_probes=list(fact.paraphrases), answers=list(fact.answers))
        if "template-own" in variants and own.model_dump() != template_plan(fact.question).model_dump():
            plans[fact.id]["template-own"] = own  # else the template row is its row
        if {"surgeon", "layers"} & set(variants) or any(v.startswith("exec") for v in variants) or sweep:
            t0 = time.perf_counter()
            try:
                p = surgeon.plan_target(target)
            except RepairError as e:  # a refused target (e.g. over-broad subject) is not measured: skip it
                print(f"skip {fact.id}: {e}")
                del plans[fact.id]
                continue
            canary_qs = {c.question for c in p.retain_canaries}
            if fixed_retain is not None and canary_qs & {f.question for f in fixed_retain}:
                print(f"skip {fact.id}: its plan's canaries include a fixed retain fact")
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
                    "exec-nocan": ex.model_copy(update={"retain_canaries": []}),
                }
                for v in variants:
                    if v.removesuffix("-x") in ablations:
                        plans[fact.id][v] = ablations[v.removesuffix("-x")]
            if "layers" in variants:
                plans[fact.id]["layers"] = p
        for v in variants:  # NAME-x: the plan of variant NAME through execute (template-own: else template's)
            if v.endswith("-x") and fact.id in plans and v not in plans[fact.id]:
                base = own if v == "template-own-x" else plans[fact.id].get(v[:-2])
                if base is not None:
                    plans[fact.id][v] = base
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
    if fixed_retain is not None:
        bad = [f.id for f in fixed_retain if f.id in related or f.question in used | damage_questions or f in targets]
        if bad:
            raise SystemExit(f"fixed retain facts not held out in this run: {bad}")
        retain = fixed_retain
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
    base_kept = [contains_answer(r, f.answers) for r, f in zip(base_replies, retain, strict=True)]
    print(f"unedited model answers {sum(base_kept)}/{len(retain)} held-out retain facts")
    cov = keycov.key_covariance(patient, settings, list(DEFAULT_LAYERS))
    for fact in targets[: args.edit_limit or None]:
        for name, plan in plans[fact.id].items():
            t0 = time.perf_counter()
            diag, status = {}, {}
            if name.endswith("-x"):  # the user path: execute (escalation, canary rollback); rolled back = no edit
                record, delta = execute(editor, plan)
                status = {"status": record.status, "lam_used": record.plan.lam if record.plan else plan.lam}
                applied, layers_used, rank_used = (delta if record.status == "applied" else None), record.layers, \
                    record.rank
                keys = None
            else:
                computed = editor.compute(plan)
                applied, layers_used, rank_used, keys = computed.delta, computed.layers, computed.rank, computed.keys
            for layer, (b, a) in (applied.factors.items() if applied is not None else ()):
                d = b.double() @ a.double()  # [d_model, d_ff]
                c = cov[layer].double()
                w = patient.base_weight(layer).double()
                diag = {"delta_fro": round(float(d.norm()), 4),
                        "gen": round(float(torch.trace(d @ c @ d.T) / torch.trace(w @ c @ w.T)), 6)}
                if keys is not None:
                    kn = keys[layer].double() / keys[layer].double().norm(dim=1, keepdim=True)
                    n = len(kn)
                    diag["key_cos"] = round(float(((kn @ kn.T).sum() - n) / max(1, n * (n - 1))), 4)
            if applied is not None:
                patient.apply_delta("eval", applied)
            try:
                qs = [fact.question, *fact.paraphrases, *(f.question for f in retain)]
                replies = patient.answer_many(qs, max_new_tokens=32)
                edited_lp = answer_logprobs(patient, items)
            finally:
                if applied is not None:
                    patient.remove_delta("eval")
            diag["retain_drop"] = round(float((base_lp - edited_lp).clamp_min(0).mean()), 4)
            leak_q = int(contains_answer(replies[0], fact.answers))
            leak_p = sum(contains_answer(r, fact.answers) for r in replies[1:4])
            after = [contains_answer(r, f.answers) for r, f in zip(replies[4:], retain, strict=True)]
            kept = sum(after)
            lost = [f.id for f, b, a in zip(retain, base_kept, after, strict=True) if b and not a]
            gained = [f.id for f, b, a in zip(retain, base_kept, after, strict=True) if a and not b]
            row = {"fact": fact.id, "variant": name, "leak_q": leak_q, "leak_p": leak_p, "retain": kept,
                   "retain_total": len(retain), "layers": layers_used, "rank": rank_used,
                   "n_forget_probes": len(plan.forget_probes), "lam": plan.lam, **status, **diag,
                   "lost": lost, "gained": gained, "seconds": round(time.perf_counter() - t0, 1),
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
        json.dump({"summary": summary, "target_ids": [f.id for f in targets], "retain_ids": [f.id for f in retain],
                   "rows": rows, "layer_scores": layer_scores}, fh, indent=1)


if __name__ == "__main__":
    main()
