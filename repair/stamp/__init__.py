"""STAMP: closed-form, low-rank edits of MLP down-projections. Pure tensor math: no model, no I/O."""

from repair.stamp.delta import LowRankDelta

__all__ = ["LowRankDelta"]
