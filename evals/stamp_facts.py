"""Issue-3 measurement: STAMP forgetting of real facts on the real default model.

Protocol
- Survey: the unedited model answers fact-bank questions (greedy); facts whose gold answer appears
  (word-boundary match, `repair.data.contains_answer`) are "known".
- Forget set: N known facts. Each edit is built from the QUESTION only (plus template rewordings of it,
  `repair.editing.template_wrappers`); the fact bank's paraphrases are held out and only used to test.
- Retain set: >= 40 other known facts whose subject and answers are disjoint from every forget fact;
  never touched by any edit.
- Single edits: each fact forgotten alone from the unedited model, then removed.
- Sequential: the first K forget facts applied one after another (each computed on the edited model).

Usage:  python -m evals.stamp_facts [--n-forget 20] [--n-retain 40] [--sequential 20] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

REFUSAL = re.compile(r"\b(not sure|don'?t know|do not know|cannot|can'?t|unable|no information|not aware|"
                     r"i'?m sorry|not familiar|no idea|unknown|not certain)\b", re.IGNORECASE)


@dataclass
class Item:
    id: str
    question: str
    answers: tuple[str, ...]
    subject: str
    paraphrases: tuple[str, ...]


def load_items(path: str | None) -> tuple[list[Item], str]:
    from repair.data import load_facts

    try:
        facts = load_facts(path) if path else load_facts()
        return [Item(f.id, f.question, f.answers, f.subject, f.paraphrases) for f in facts], "fact bank"
    except Exception as exc:  # fact bank missing: world facts (no paraphrases, no subject field)
        print(f"fact bank unavailable ({exc}); world_facts has no subjects/paraphrases", file=sys.stderr)
        raise SystemExit(2) from exc


def is_refusal(reply: str) -> bool:
    return bool(REFUSAL.search(reply))


def survey(patient, items: list[Item], need: int, max_new: int, seed: int, cache: Path | None = None) -> list[Item]:
    """Known facts (question answered) from a shuffled walk through the bank, stopping at `need`.

    Cached (ids of known facts) in `cache` keyed by model fingerprint, bank content, need, tokens, seed.
    """
    import hashlib

    from repair.data import contains_answer

    key = hashlib.sha256(json.dumps([patient.fingerprint, [i.__dict__ for i in items], need, max_new, seed],
                                    default=list).encode()).hexdigest()[:16]
    path = cache / f"stamp_survey-{key}.json" if cache else None
    by_id = {i.id: i for i in items}
    if path and path.is_file():
        return [by_id[i] for i in json.loads(path.read_text())]
    rng = random.Random(seed)
    order = items[:]
    rng.shuffle(order)
    known: list[Item] = []
    for i in range(0, len(order), 32):
        chunk = order[i : i + 32]
        replies = patient.answer_many([c.question for c in chunk], max_new_tokens=max_new, batch_size=32)
        known += [c for c, r in zip(chunk, replies, strict=True) if contains_answer(r, c.answers)]
        print(f"survey: {len(known)} known of {i + len(chunk)} asked", file=sys.stderr)
        if len(known) >= need:
            break
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps([k.id for k in known]))
    return known


def disjoint(a: Item, b: Item) -> bool:
    from repair.data import contains_answer

    sa, sb = a.subject.lower(), b.subject.lower()
    if sa in sb or sb in sa:
        return False
    text_b = " ".join([b.question, *b.answers])
    text_a = " ".join([a.question, *a.answers])
    return not contains_answer(text_b, a.answers) and not contains_answer(text_a, b.answers)


def plan_for(item: Item, args):
    from repair.editing import template_wrappers
    from repair.records import RepairPlan

    return RepairPlan(target=item.question, subject=item.subject, forget_probes=template_wrappers(item.question),
                      answers=list(item.answers), layers=args.layers, lam=args.lam, rank=args.rank,
                      alpha=args.alpha)


def make_edit(editor, item: Item, args, canary_facts) -> tuple:
    """One edit of `item` on the patient as it is now -> (delta or None if rolled back, timings, keys, info).

    Default: `Editor.compute` alone. With --executor: `repair.editing.execute`, the path `Session.forget` takes
    (lam escalation while forget probes still reveal the answer, rollback when a retain canary breaks); the
    canaries come from `canary_facts`, which excludes every evaluated fact."""
    plan = plan_for(item, args)
    if not args.executor:
        c = editor.compute(plan)
        return c.delta, c.timings, c.keys, {"status": "applied", "lam": plan.lam}
    from repair.editing import execute
    from repair.surgeon.canaries import retain_canaries

    canaries = retain_canaries(editor.patient, editor.settings, exclude=[item.subject, *item.answers],
                               facts=canary_facts)
    record, delta = execute(editor, plan.model_copy(update={"retain_canaries": canaries}))
    info = {"status": record.status, "lam": record.plan.lam, "reason": record.reason}
    if record.status != "applied":
        return None, record.timings, {}, info
    keys = editor.sites(record.plan.forget_probes, record.plan.subject, record.layers).keys
    return delta, record.timings, keys, info


def judge(item: Item, replies: list[str]) -> dict:
    """replies: [question, *paraphrases]."""
    from repair.data import contains_answer

    leaked = [contains_answer(r, item.answers) for r in replies]
    return {"gone_question": not leaked[0], "gone_all": not any(leaked),
            "gone_paraphrases": sum(not x for x in leaked[1:]), "n_paraphrases": len(leaked) - 1,
            "refusals": sum(is_refusal(r) and not x for r, x in zip(replies, leaked, strict=True)),
            "wrong": sum((not is_refusal(r)) and not x for r, x in zip(replies, leaked, strict=True)),
            "replies": replies}


def gold_margins(patient, items: list[Item], replies: list[str]) -> list[float]:
    """For each item, the smallest log-probability margin (nats) of its gold answer's tokens in the model's own
    greedy reply: log p(gold token) minus the best other token's, teacher-forced. A margin near 0 means the
    greedy answer is a coin flip that any weight change can turn; nan when the reply lacks the gold.
    (The same measure picks the executor's retain canaries: `repair.surgeon.canaries.FIRM_MARGIN`.)"""
    import math

    from repair.surgeon.trial import answer_item, answer_margins

    got = [answer_item(patient, it.question, r, it.answers) for it, r in zip(items, replies, strict=True)]
    scored = iter(answer_margins(patient, [g for g in got if g is not None]).tolist())
    return [next(scored) if g is not None else math.nan for g in got]


def retain_score(items: list[Item], replies: list[str]) -> dict:
    from repair.data import contains_answer

    ok = [contains_answer(r, it.answers) for it, r in zip(items, replies, strict=True)]
    return {"correct": sum(ok), "total": len(ok), "refusals": sum(is_refusal(r) for r in replies)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", default=None, help="fact bank JSONL (default: repair/data/facts.jsonl)")
    ap.add_argument("--model", default="smollm2-135m")
    ap.add_argument("--n-forget", type=int, default=20)
    ap.add_argument("--n-retain", type=int, default=40)
    ap.add_argument("--sequential", type=int, default=20, help="edits in the sequential run (0: skip)")
    ap.add_argument("--singles", type=int, default=None, help="single edits to measure (default: all forget facts)")
    ap.add_argument("--layers", type=lambda s: [int(x) for x in s.split(",")], default=[6])
    ap.add_argument("--lam", type=float, default=1000.0)
    ap.add_argument("--rank", type=int, default=8)
    ap.add_argument("--alpha", type=float, default=1.0)
    ap.add_argument("--opt-steps", type=int, default=0, help="Adam steps refining the target (0: gradient-free)")
    ap.add_argument("--preserve-weight", type=float, default=10.0,
                    help="weight of contrast/invented-subject keys kept unchanged (0: off)")
    ap.add_argument("--entity-weight", type=float, default=None,
                    help="weight of each shipped entity's key kept unchanged (default: the Editor's)")
    ap.add_argument("--anchor-weight", type=float, default=None,
                    help="weight of anchor facts' keys: bank facts that are neither forget nor held-out retain facts "
                         "nor share a subject or answer with them (default: the Editor's)")
    ap.add_argument("--context-weight", type=float, default=None,
                    help="weight of the probes' other tokens' keys kept unchanged (default: the Editor's)")
    ap.add_argument("--firm-margin", type=float, default=1.0,
                    help="retain facts whose gold answer wins greedy decoding by at least this many nats are also "
                         "reported apart (supplementary; the goal counts every retain fact)")
    ap.add_argument("--eps", type=float, default=None, help="ridge term relative to mean key energy")
    ap.add_argument("--anchor-paraphrases", action="store_true", help="anchor the bank's paraphrases too")
    ap.add_argument("--history-weight", type=float, default=None,
                    help="weight of earlier edits' forget keys in sequential edits (default: the Editor's)")
    ap.add_argument("--executor", action="store_true",
                    help="edit through repair.editing.execute (Session.forget's path: escalation, canary rollback)")
    ap.add_argument("--max-new-tokens", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--known", default=None, help="JSON list (or {id: reply}) of fact ids an earlier survey found "
                    "known; skips the survey (each forget fact is still re-checked on the unedited model)")
    ap.add_argument("--out", default="stamp_facts.json")
    args = ap.parse_args(argv)

    import torch

    from repair.config import Settings
    from repair.data import contains_answer
    from repair.editing import Editor
    from repair.patient import Patient

    settings = Settings.create(model=args.model)
    patient = Patient.load(args.model, settings)
    items, source = load_items(args.facts)
    if args.known:  # ids from an earlier survey of the same model (re-checked below)
        by_id = {i.id: i for i in items}
        known = [by_id[i] for i in json.loads(Path(args.known).read_text()) if i in by_id]
    else:
        known = survey(patient, items, args.n_forget + args.n_retain + 30, args.max_new_tokens, args.seed,
                       cache=settings.cache / "evals")
    mx = args.max_new_tokens
    candidates: list[Item] = []
    for it in known:
        if len(candidates) < args.n_forget + 4 and all(disjoint(it, f) for f in candidates) and it.paraphrases:
            candidates.append(it)
    flat = patient.answer_many([q for f in candidates for q in (f.question, *f.paraphrases)], max_new_tokens=mx,
                               batch_size=48)
    forget, base_para, k = [], [], 0
    for f in candidates:  # keep only facts whose question the unedited model answers in this very run
        judged = judge(f, flat[k : k + 1 + len(f.paraphrases)])
        k += 1 + len(f.paraphrases)
        if not judged["gone_question"] and len(forget) < args.n_forget:
            forget.append(f)
            base_para.append(judged)
    retain = [it for it in known if it not in candidates and all(disjoint(it, f) for f in candidates)]
    retain = retain[: args.n_retain]
    print(f"{len(forget)} forget facts, {len(retain)} held-out retain facts", file=sys.stderr)

    tuning = {k: v for k, v in (("entity_weight", args.entity_weight), ("history_weight", args.history_weight),
                                ("anchor_weight", args.anchor_weight), ("eps", args.eps),
                                                 ("context_weight", args.context_weight)) if v is not None}
    # anchors (facts whose keys edits keep) never include an evaluated fact or anything sharing its subject/answer
    evaluated = [*forget, *retain]
    anchors = [(q, it.subject) for it in items if all(disjoint(it, e) for e in evaluated)
               for q in (it.question, *(it.paraphrases if args.anchor_paraphrases else ()))]
    from repair.data import load_facts

    free = {it.id for it in items if all(disjoint(it, e) for e in evaluated)}
    canary_facts = [f for f in load_facts(args.facts) if f.id in free]  # retain canaries of --executor edits
    editor = Editor(patient, settings, layers=args.layers, lam=args.lam, opt_steps=args.opt_steps,
                    preserve_weight=args.preserve_weight, anchors=anchors, **tuning)
    args.entity_weight, args.history_weight = editor.entity_weight, editor.history_weight
    args.anchor_weight = editor.anchor_weight
    print(f"{len(anchors)} anchor facts (disjoint from every evaluated fact)", file=sys.stderr)
    t0 = time.perf_counter()
    for layer in args.layers:
        editor.preservation(layer, args.lam)
    cov_seconds = time.perf_counter() - t0

    base_replies = patient.answer_many([r.question for r in retain], max_new_tokens=mx, batch_size=48)
    base_retain = retain_score(retain, base_replies)
    margins = dict(zip([r.id for r in retain], gold_margins(patient, retain, base_replies), strict=True))
    firm = {i for i, m in margins.items() if m >= args.firm_margin}  # retain facts not decided by a coin flip

    singles = []
    for i, f in enumerate(forget[: args.singles]):
        delta, timings, _keys, info = make_edit(editor, f, args, canary_facts)
        if delta is not None:
            patient.apply_delta("eval", delta)
        try:
            qs = [f.question, *f.paraphrases]
            replies = patient.answer_many(qs + [r.question for r in retain], max_new_tokens=mx, batch_size=48)
        finally:
            if delta is not None:
                patient.remove_delta("eval")
        row = {"id": f.id, "question": f.question, "answers": list(f.answers), "timings": timings, **info,
               **judge(f, replies[: len(qs)]), "retain": retain_score(retain, replies[len(qs) :]),
               "retain_broken": [r.id for r, reply in zip(retain, replies[len(qs) :], strict=True)
                                 if not contains_answer(reply, r.answers)],
               "paraphrases_known_before": base_para[i]["n_paraphrases"] - base_para[i]["gone_paraphrases"]}
        singles.append(row)
        print(f"[{i + 1}/{len(forget)}] {f.id}: question {'gone' if row['gone_question'] else 'LEAKS'}, "
              f"paraphrases gone {row['gone_paraphrases']}/{row['n_paraphrases']}, retain "
              f"{row['retain']['correct']}/{row['retain']['total']}, edit "
              f"{sum(timings[k] for k in ('target', 'capture', 'solve')):.2f} s, {info['status']} lam "
              f"{info['lam']:g} | {replies[0][:60]!r}",
              file=sys.stderr)

    seq = None
    if args.sequential:
        chosen = forget[: args.sequential]
        seq_times = []
        try:
            for j, f in enumerate(chosen):
                delta, timings, keys, info = make_edit(editor, f, args, canary_facts)
                seq_times.append({**timings, **info})
                if delta is not None:
                    patient.apply_delta(f"seq-{j}", delta)
                    editor.remember(f"seq-{j}", keys)
            qs = [q for f in chosen for q in (f.question, *f.paraphrases)]
            replies = patient.answer_many(qs + [r.question for r in retain], max_new_tokens=mx, batch_size=48)
        finally:
            patient.set_deltas([])
            for j in range(len(chosen)):
                editor.forget_history(f"seq-{j}")
        judged, k = [], 0
        for f in chosen:
            n = 1 + len(f.paraphrases)
            judged.append(judge(f, replies[k : k + n]))
            k += n
        retain_replies = replies[k:]
        seq = {"n": len(chosen), "gone_question": sum(j["gone_question"] for j in judged),
               "gone_all": sum(j["gone_all"] for j in judged), "retain": retain_score(retain, replies[k:]),
               "timings": seq_times, "facts": [{"id": f.id, **j} for f, j in zip(chosen, judged, strict=True)],
               "retain_replies": {r.id: reply for r, reply in zip(retain, retain_replies, strict=True)}}

    n = len(singles)
    edit_t = [sum(s["timings"][k] for k in ("target", "capture", "solve")) for s in singles]
    solve_t = [s["timings"]["solve"] for s in singles]
    n_para = sum(s["n_paraphrases"] + 1 for s in singles)
    summary = {
        "source": source, "model": args.model, "layers": args.layers, "lam": args.lam, "rank": args.rank,
        "alpha": args.alpha, "opt_steps": args.opt_steps, "preserve_weight": args.preserve_weight,
        "entity_weight": args.entity_weight, "history_weight": args.history_weight,
        "anchor_weight": args.anchor_weight,
        "n_forget": n, "n_retain": len(retain),
        "gone_question": sum(s["gone_question"] for s in singles),
        "gone_all": sum(s["gone_all"] for s in singles),
        "probes_gone_refusal": sum(s["refusals"] for s in singles),
        "probes_gone_wrong": sum(s["wrong"] for s in singles), "probes_total": n_para,
        "retain_base": base_retain["correct"], "retain_mean_after": statistics.mean(
            s["retain"]["correct"] for s in singles) if singles else None,
        "retain_min_after": min((s["retain"]["correct"] for s in singles), default=None),
        "edit_seconds_median": statistics.median(edit_t) if edit_t else None,
        "solve_seconds_median": statistics.median(solve_t) if solve_t else None,
        "covariance_seconds": cov_seconds, "torch_threads": torch.get_num_threads(),
        "firm_margin": args.firm_margin, "retain_firm": len(firm),
        "retain_firm_mean_after": statistics.mean(len(firm - set(s["retain_broken"])) for s in singles)
        if singles else None,
        "context_weight": args.context_weight, "executor": args.executor,
        "rolled_back": sum(s["status"] != "applied" for s in singles),
        "escalated": sum(s["lam"] < args.lam for s in singles),
    }
    if seq:
        summary |= {"seq_rolled_back": sum(t["status"] != "applied" for t in seq["timings"]),
                    "seq_escalated": sum(t["lam"] < args.lam for t in seq["timings"]),
                    "seq_n": seq["n"], "seq_gone_question": seq["gone_question"], "seq_gone_all": seq["gone_all"],
                    "seq_retain": seq["retain"]["correct"], "seq_retain_refusals": seq["retain"]["refusals"],
                    "seq_retain_firm": sum(1 for r in retain if r.id in firm
                                           and contains_answer(seq["retain_replies"][r.id], r.answers))}
    print_table(summary, len(retain))
    Path(args.out).write_text(json.dumps({"summary": summary, "single": singles, "sequential": seq,
                                          "retain_ids": [r.id for r in retain], "retain_margins": margins},
                                         indent=1))
    print(f"wrote {args.out}")
    return 0


def print_table(s: dict, n_retain: int) -> None:
    n = s["n_forget"] or 1
    pct = lambda a, b: f"{100 * a / max(b, 1):.0f}%"  # noqa: E731
    rows = [] if not s["n_forget"] else [
        ("gold absent, original question", f"{s['gone_question']}/{n}", pct(s["gone_question"], n), ">= 95%"),
        ("gold absent, question + all held-out paraphrases", f"{s['gone_all']}/{n}", pct(s["gone_all"], n),
         ">= 80%"),
        ("probes without gold: refusals / wrong answers",
         f"{s['probes_gone_refusal']} / {s['probes_gone_wrong']} of {s['probes_total']}", "", ""),
        ("held-out retain, unedited", f"{s['retain_base']}/{n_retain}", pct(s["retain_base"], n_retain), ""),
        ("held-out retain after one edit (mean)", f"{s['retain_mean_after']:.2f}/{n_retain}",
         pct(s["retain_mean_after"], n_retain), "drop <= 5 pts"),
        (f"  of which firm (margin >= {s['firm_margin']:g} nats), unedited", f"{s['retain_firm']}", "", ""),
        ("  firm retain after one edit (mean)", f"{s['retain_firm_mean_after']:.2f}/{s['retain_firm']}",
         pct(s["retain_firm_mean_after"], s["retain_firm"]), "supplementary"),
        ("edit time target+capture+solve (median)", f"{s['edit_seconds_median']:.2f} s", "", "<= 3 s"),
        ("solve alone (median)", f"{s['solve_seconds_median']:.3f} s", "", "<= 0.5 s"),
        ("key covariance (build or load)", f"{s['covariance_seconds']:.1f} s", "", ""),
    ]
    if "seq_n" in s:
        if not rows:
            rows += [("held-out retain, unedited", f"{s['retain_base']}/{n_retain}", pct(s["retain_base"], n_retain),
                      "")]
        rows += [
            (f"sequential {s['seq_n']}: question forgotten", f"{s['seq_gone_question']}/{s['seq_n']}", "", "all"),
            (f"sequential {s['seq_n']}: question + paraphrases", f"{s['seq_gone_all']}/{s['seq_n']}", "", ""),
            (f"sequential {s['seq_n']}: held-out retain", f"{s['seq_retain']}/{n_retain}",
             pct(s["seq_retain"], n_retain), "drop <= 10 pts"),
            (f"sequential {s['seq_n']}: firm retain (margin >= {s['firm_margin']:g})",
             f"{s['seq_retain_firm']}/{s['retain_firm']}", pct(s["seq_retain_firm"], s["retain_firm"]),
             "supplementary"),
            (f"sequential {s['seq_n']}: refusals on retain questions", f"{s['seq_retain_refusals']}", "", "~0"),
        ]
    w = max(len(r[0]) for r in rows)
    print(f"\nSTAMP facts  layers={s['layers']} lam={s['lam']} rank={s['rank']} opt_steps={s['opt_steps']} "
          f"entity_weight={s['entity_weight']} history_weight={s['history_weight']} "
          f"anchor_weight={s.get('anchor_weight')}")
    for name, val, p, goal in rows:
        print(f"  {name:<{w}}  {val:>18}  {p:>5}  {goal}")


if __name__ == "__main__":
    raise SystemExit(main())
