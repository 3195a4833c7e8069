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


def test_balanced_lam_scales_with_the_probe_count():
    from repair.editing import DEFAULT_LAM
    from repair.surgeon.planner import balanced_lam

    assert balanced_lam(4) == pytest.approx(DEFAULT_LAM)
    assert balanced_lam(12) == pytest.approx(3 * DEFAULT_LAM)
    assert balanced_lam(2) == pytest.approx(DEFAULT_LAM)  # never weaker preservation than the executor's


def test_balanced_lam_makes_duplicate_keys_edit_like_the_reference_plan():
    """n copies of one key at balanced_lam(n) give exactly the edit of 4 copies at DEFAULT_LAM (eps 0)."""
    from repair.stamp import ridge_solve
    from repair.surgeon.planner import balanced_lam

    g = torch.Generator().manual_seed(0)
    w = torch.randn(3, 5, generator=g, dtype=torch.float64)
    basis = torch.randn(5, 5, generator=g, dtype=torch.float64)
    cov = basis @ basis.T / 5 + 0.1 * torch.eye(5, dtype=torch.float64)
    key = torch.randn(1, 5, generator=g, dtype=torch.float64)
    target = torch.randn(1, 3, generator=g, dtype=torch.float64)
    d4 = ridge_solve(w, key.repeat(4, 1), target.repeat(4, 1), cov, lam=balanced_lam(4), eps=0.0)
    d12 = ridge_solve(w, key.repeat(12, 1), target.repeat(12, 1), cov, lam=balanced_lam(12), eps=0.0)
    d12_same_lam = ridge_solve(w, key.repeat(12, 1), target.repeat(12, 1), cov, lam=balanced_lam(4), eps=0.0)
    assert torch.allclose(d12, d4, rtol=1e-9, atol=1e-12)
    assert d12_same_lam.norm() > 1.5 * d4.norm()  # unbalanced: 3x the data term, a larger edit
