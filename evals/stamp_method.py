"""STAMP through the public session API: `Session.apply(plan)` per forget group, `Session.undo(id)` to reset."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from evals.items import Item
from repair.records import Canary, RepairPlan


@dataclass(frozen=True)
class StampVariant:
    name: str
    layers: tuple[int, ...] = ()  # () = the executor's default choice
    rank: int = 8


@dataclass
class StampRun:
    records: list = field(default_factory=list)
    seconds: float = 0.0
    applied: int = 0
    rolled_back: int = 0


def plan_for(group: Sequence[Item], retain_canaries: Sequence[Item], variant: StampVariant,
             category: str = "other") -> RepairPlan:
    """One plan forgetting every item of `group` (they share a subject, e.g. one fictitious author, or it is a
    single fact). Held-out wordings are NOT given to the plan."""
    first = group[0]
    answers = list(dict.fromkeys(a for it in group for a in it.answers))
    return RepairPlan(
        target=first.group or first.question, subject=first.subject, category=category,
        forget_probes=list(dict.fromkeys(q for it in group for q in it.edit_probes)), check_probes=[],
        answers=answers, layers=list(variant.layers), rank=variant.rank,
        retain_canaries=[Canary(question=it.question, answer=it.gold) for it in retain_canaries if it.answers],
    )


def forget_groups(session, groups: Sequence[Sequence[Item]], retain_canaries: Sequence[Item],
                  variant: StampVariant, category: str = "other", progress=None, after_each=None) -> StampRun:
    """Apply one edit per group, in order (sequential edits see the earlier ones). Time = wall time of apply().

    `after_each(k, run)` is called after the k-th edit, outside the timed region (sequential-curve probes)."""
    run = StampRun()
    for group in groups:
        plan = plan_for(group, retain_canaries, variant, category)
        t0 = time.perf_counter()
        rec = session.apply(plan)
        run.seconds += time.perf_counter() - t0
        run.records.append(rec)
        if rec.status == "applied":
            run.applied += 1
        else:
            run.rolled_back += 1
        if progress is not None:
            progress.update(1)
        if after_each is not None:
            after_each(len(run.records), run)
    return run


def undo_all(session, run: StampRun) -> None:
    for rec in reversed(run.records):
        if rec.status == "applied":
            session.undo(rec.id)


def active_deltas(patient) -> list:
    """(id, LowRankDelta) of the patient's applied edits, for the llama.cpp runtime attack."""
    return patient.delta_items()
