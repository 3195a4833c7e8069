"""Surgeon layer scoring: the solver fit on synthetic keys with exact expectations (no model)."""

from __future__ import annotations

import pytest
import torch

from repair.surgeon.layers import effective_rank, solver_fit


def _identity(y: torch.Tensor) -> torch.Tensor:
    return y


def test_solver_fit_orthogonal_retain_has_no_collateral():
    forget = torch.tensor([[2.0, 0.0, 0.0]])  # g = 4 -> reach 4/5
    retain = torch.tensor([[0.0, 1.0, 0.0], [0.0, 0.0, 3.0]])
    fit = solver_fit(_identity, forget, retain)
    assert fit.reach == pytest.approx(0.8)
    assert fit.collateral == pytest.approx(0.0)
    assert fit.score == pytest.approx(0.8)


def test_solver_fit_shared_direction_leaks():
    forget = torch.tensor([[2.0, 0.0], [0.0, 1.0]])  # g = 4, 1
    retain = torch.tensor([[1.0, 0.0], [1.0, 1.0]])
    fit = solver_fit(_identity, forget, retain)
    assert fit.reach == pytest.approx((0.8 + 0.5) / 2)
    # retain [1,0]: max(2/5, 0/2) = 0.4; retain [1,1]: max(2/5, 1/2) = 0.5
    assert fit.collateral == pytest.approx(0.45)


def test_solver_fit_uses_the_metric():
    forget = torch.tensor([[2.0, 0.0]])
    retain = torch.tensor([[1.0, 0.0]])
    # P = 4 I: g = 1, reach 1/2; cross = 2*1/4 / 2 = 0.25
    fit = solver_fit(lambda y: y / 4.0, forget, retain)
    assert fit.reach == pytest.approx(0.5) and fit.collateral == pytest.approx(0.25)


def test_effective_rank():
    keys = torch.diag(torch.tensor([10.0, 1.0, 0.1]))
    assert effective_rank(keys, energy=0.9) == 1
    assert effective_rank(keys, energy=0.999) == 2
    assert effective_rank(keys, energy=1.0) == 3
