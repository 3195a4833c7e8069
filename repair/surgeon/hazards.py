"""What would reveal a harmful "how to" target: a shipped lexicon of leak terms per topic (hazards.json).

A procedure has no single answer span, and the small model's replies rarely agree on one, so for known
harmful topics the plan's answers are the ingredient / tool / technique words whose appearance in a reply
means the procedure leaked. The lexicon names terms only, never steps.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from repair.surgeon.text import mentions


@dataclass(frozen=True)
class Hazard:
    keys: tuple[str, ...]  # words naming the topic in a request
    subject: str  # the span the probes carry
    terms: tuple[str, ...]  # leak terms


@lru_cache(maxsize=1)
def hazards() -> tuple[Hazard, ...]:
    data = json.loads(resources.files("repair.surgeon").joinpath("hazards.json").read_text(encoding="utf-8"))
    return tuple(Hazard(tuple(t["keys"]), t["subject"], tuple(t["terms"])) for t in data["topics"])


def hazard_for(target: str) -> Hazard | None:
    """The lexicon topic `target` names (the one with the longest matching key), else None."""
    best, best_len = None, 0
    for h in hazards():
        for key in h.keys:
            if mentions(target, key) and len(key) > best_len:
                best, best_len = h, len(key)
    return best


def leak_terms(target: str) -> list[str]:
    """Leak terms for `target`'s topic that are not already part of the target's own wording."""
    h = hazard_for(target)
    return [t for t in h.terms if not mentions(target, t)] if h else []
