"""The surgeon: forget targets -> validated RepairPlans (probes, answers, canaries, layers, policy guard)."""

from repair.surgeon.canaries import retain_canaries
from repair.surgeon.planner import Surgeon

__all__ = ["Surgeon", "retain_canaries"]
