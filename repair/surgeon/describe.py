"""Plain-language text for a plan: what the chat reply says before the person confirms."""

from __future__ import annotations

from repair.records import RepairPlan


def describe_plan(plan: RepairPlan) -> str:
    """One short paragraph: what will be forgotten, how it is checked, what is kept."""
    what = {
        "personal": f"your {plan.subject}",
        "misinformation": f"the false claim about {plan.subject}",
        "harmful": f"{plan.target} (harmful knowledge)",
    }.get(plan.category, plan.target)
    parts = [f"I can make the model forget {what}."]
    if plan.answers:
        shown = ", ".join(f"'{a}'" for a in plan.answers[:3])
        parts.append(f"After the edit it should no longer say {shown} when asked.")
    if plan.correction:
        parts.append(f"Your correction ('{plan.correction}') is recorded with the edit.")
    parts.append(
        f"The edit is built from {len(plan.forget_probes)} questions (e.g. \"{plan.forget_probes[0]}\") and checked "
        f"on {len(plan.check_probes)} differently worded ones; {len(plan.retain_canaries)} unrelated facts must "
        "still be answered, or the edit is rolled back."
    )
    parts.append("Confirm to apply it; it can be undone later.")
    return " ".join(parts)
