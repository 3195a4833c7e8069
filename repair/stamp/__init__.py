"""STAMP: closed-form, low-rank edits of MLP down-projections. Pure tensor math: no model, no I/O."""

from repair.stamp.delta import LowRankDelta
from repair.stamp.solve import (
    CovarianceAccumulator,
    Preservation,
    lowrank_solve,
    null_space_projector,
    residuals,
    ridge_solve,
    truncate,
)
from repair.stamp.targets import (
    ignorance_targets,
    key_specificity,
    refusal_direction,
    separation,
    shift_targets,
)

__all__ = [
    "CovarianceAccumulator", "LowRankDelta", "Preservation", "ignorance_targets", "key_specificity",
    "lowrank_solve", "null_space_projector", "refusal_direction", "residuals", "ridge_solve", "separation",
    "shift_targets", "truncate",
]
