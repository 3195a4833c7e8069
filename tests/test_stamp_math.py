"""STAMP pure math on synthetic matrices with exact expectations."""

from __future__ import annotations

import pytest
import torch

from repair.stamp import (
    CovarianceAccumulator,
    LowRankDelta,
    Preservation,
    ignorance_targets,
    key_specificity,
    lowrank_solve,
    null_space_projector,
    ridge_solve,
    separation,
    shift_targets,
    truncate,
)

D_MODEL, D_FF = 12, 20


def _setup(n: int = 3, seed: int = 0):
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(D_MODEL, D_FF, generator=g, dtype=torch.float64)
    keys = torch.randn(n, D_FF, generator=g, dtype=torch.float64)
    targets = torch.randn(n, D_MODEL, generator=g, dtype=torch.float64)
    return w, keys, targets, g


def test_forget_keys_reach_targets_as_lambda_goes_to_zero():
    w, keys, targets, g = _setup()
    cov = torch.cov(torch.randn(200, D_FF, generator=g, dtype=torch.float64).T)
    errors = []
    for lam in (1.0, 1e-2, 1e-4, 1e-7):
        d = ridge_solve(w, keys, targets, cov=cov, lam=lam, eps=1e-12)
        errors.append(float(((w + d) @ keys.T - targets.T).abs().max()))
    assert errors == sorted(errors, reverse=True)
    assert errors[-1] < 1e-5
    assert errors[0] > 1e-3  # a real preservation term does cost accuracy on the forget keys


def test_pseudoinverse_without_cov_is_minimum_norm_exact():
    w, keys, targets, _ = _setup()
    expected = (targets - keys @ w.T).T @ torch.linalg.pinv(keys.T)
    d = ridge_solve(w, keys, targets, cov=None, eps=1e-10)
    torch.testing.assert_close((w + d) @ keys.T, targets.T, atol=1e-6, rtol=0)
    torch.testing.assert_close(d, expected, atol=1e-3, rtol=0)  # full solve: ill-conditioned at tiny eps
    b, a = lowrank_solve(w, keys, targets, Preservation.build(None, d_ff=D_FF, eps=1e-10))
    torch.testing.assert_close(b @ a, expected, atol=1e-7, rtol=0)  # Woodbury form stays accurate


def test_preserved_keys_keep_outputs_with_strong_preservation():
    w, keys, targets, g = _setup(n=2)
    # preserved keys span a 10-dim subspace; forget keys have components outside it
    kp = torch.randn(10, D_FF, generator=g, dtype=torch.float64)
    cov = kp.T @ kp / 10
    d = ridge_solve(w, keys, targets, cov=cov, lam=1e6, eps=1e-6)
    assert float((d @ kp.T).abs().max()) < 1e-3
    assert float(((w + d) @ keys.T - targets.T).abs().max()) < 1e-3


def test_nullspace_projection_leaves_preserved_keys_exactly():
    w, keys, targets, g = _setup(n=2)
    kp = torch.randn(6, D_FF, generator=g, dtype=torch.float64)
    n = null_space_projector(kp, rel_tol=1e-9)
    torch.testing.assert_close(n @ kp.T, torch.zeros(D_FF, 6, dtype=torch.float64), atol=1e-10, rtol=0)
    pres = Preservation.build(None, d_ff=D_FF, eps=1e-10)
    b, a = lowrank_solve(w, keys, targets, pres, projector=n)
    d = b @ a
    assert float((d @ kp.T).abs().max()) < 1e-8  # preserved keys: outputs unchanged, exactly
    torch.testing.assert_close((w + d) @ keys.T, targets.T, atol=1e-5, rtol=0)  # forget keys still reach


def test_lowrank_equals_full_when_rank_covers_keys():
    w, keys, targets, g = _setup(n=4)
    x = torch.randn(300, D_FF, generator=g, dtype=torch.float64)
    cov = x.T @ x / 300
    for lam in (0.0, 0.5, 30.0):
        full = ridge_solve(w, keys, targets, cov=cov, lam=lam, eps=1e-3)
        pres = Preservation.build(cov, lam=lam, eps=1e-3)
        b, a = lowrank_solve(w, keys, targets, pres, rank=4)
        assert b.shape == (D_MODEL, 4) and a.shape == (4, D_FF)
        torch.testing.assert_close(b @ a, full, atol=1e-8, rtol=1e-8)


def test_rank_bound_and_best_truncation():
    w, keys, targets, _ = _setup(n=6)
    pres = Preservation.build(None, d_ff=D_FF, eps=1e-4)
    b6, a6 = lowrank_solve(w, keys, targets, pres)
    b2, a2 = lowrank_solve(w, keys, targets, pres, rank=2)
    assert b2.shape == (D_MODEL, 2) and a2.shape == (2, D_FF)
    assert int(torch.linalg.matrix_rank(b2 @ a2)) == 2
    u, s, vh = torch.linalg.svd(b6 @ a6)
    best = (u[:, :2] * s[:2]) @ vh[:2]
    torch.testing.assert_close(b2 @ a2, best, atol=1e-8, rtol=1e-8)
    with pytest.raises(ValueError):
        truncate(b6, a6, 0)


def test_dtypes_and_shapes_follow_w():
    w, keys, targets, _ = _setup()
    w32 = w.float()
    pres = Preservation.build(None, d_ff=D_FF, eps=1e-3)
    b, a = lowrank_solve(w32, keys.float(), targets.float(), pres)
    assert b.dtype == a.dtype == torch.float32
    assert ridge_solve(w32, keys.float(), targets.float(), eps=1e-3).dtype == torch.float32
    delta = LowRankDelta({3: (b, a)})
    assert delta.rank == 3 and delta.dense(3).shape == (D_MODEL, D_FF)
    with pytest.raises(ValueError):
        ridge_solve(w, keys[:, :5], targets)
    with pytest.raises(ValueError):
        lowrank_solve(w, keys[:0], targets[:0], pres)


def test_covariance_accumulator_matches_batch():
    g = torch.Generator().manual_seed(3)
    x = torch.randn(50, 7, generator=g)
    acc = CovarianceAccumulator(7)
    acc.add(x[:20])
    acc.add(x[20:])
    torch.testing.assert_close(acc.mean(), (x.double().T @ x.double() / 50).float())
    assert acc.count == 50
    with pytest.raises(ValueError):
        acc.add(torch.zeros(3, 6))


def test_targets_and_scores():
    out = torch.zeros(2, 3)
    states = torch.tensor([[1.0, 0, 0], [0, 1.0, 0]])
    unknown = torch.tensor([[0, 0, 2.0], [0, 0, 4.0]])
    v = ignorance_targets(out, states, unknown)
    # out + (mean(unknown) - states): after the edit each residual equals the ignorance mean
    torch.testing.assert_close(states + (v - out), torch.tensor([[0, 0, 3.0], [0, 0, 3.0]]))
    torch.testing.assert_close(shift_targets(out, torch.tensor([1.0, 2, 3]), alpha=2.0),
                               torch.tensor([[2.0, 4, 6], [2.0, 4, 6]]))
    assert separation(states, states) == 0.0
    assert separation(states, states + 10) > separation(states, states + 1)
    pres = Preservation.build(torch.eye(3), lam=1.0, eps=1.0)  # P = 2 I
    g = key_specificity(torch.tensor([[2.0, 0, 0]]), pres.solve)
    torch.testing.assert_close(g, torch.tensor([2.0], dtype=torch.float64))


def test_preserved_keys_match_weighted_full_solve():
    w, keys, targets, g = _setup(n=2)
    kp = torch.randn(5, D_FF, generator=g, dtype=torch.float64)
    x = torch.randn(100, D_FF, generator=g, dtype=torch.float64)
    cov, lam, eps, mu = x.T @ x / 100, 0.3, 1e-3, 7.0
    m = keys.T @ keys + mu * kp.T @ kp + lam * cov + eps * torch.eye(D_FF, dtype=torch.float64)
    full = torch.linalg.solve(m, keys.T @ (targets - keys @ w.T)).T
    b, a = lowrank_solve(w, keys, targets, Preservation.build(cov, lam=lam, eps=eps), preserved=kp,
                         preserve_weight=mu)
    assert b.shape == (D_MODEL, 2) and a.shape == (2, D_FF)  # rank bounded by the forget keys
    torch.testing.assert_close(b @ a, full, atol=1e-8, rtol=1e-8)
    # heavier weight -> preserved outputs move less
    b2, a2 = lowrank_solve(w, keys, targets, Preservation.build(cov, lam=lam, eps=eps), preserved=kp,
                           preserve_weight=1e4)
    assert float((b2 @ a2 @ kp.T).norm()) < float((b @ a @ kp.T).norm())


def test_per_key_preservation_weights_match_weighted_full_solve():
    w, keys, targets, g = _setup(n=3)
    kp = torch.randn(4, D_FF, generator=g, dtype=torch.float64)
    mu = torch.tensor([1.0, 5.0, 50.0, 0.5], dtype=torch.float64)
    x = torch.randn(100, D_FF, generator=g, dtype=torch.float64)
    cov, lam, eps = x.T @ x / 100, 0.3, 1e-3
    m = keys.T @ keys + kp.T @ torch.diag(mu) @ kp + lam * cov + eps * torch.eye(D_FF, dtype=torch.float64)
    full = torch.linalg.solve(m, keys.T @ (targets - keys @ w.T)).T
    b, a = lowrank_solve(w, keys, targets, Preservation.build(cov, lam=lam, eps=eps), preserved=kp,
                         preserve_weight=mu)
    torch.testing.assert_close(b @ a, full, atol=1e-8, rtol=1e-8)
    with pytest.raises(ValueError):
        lowrank_solve(w, keys, targets, Preservation.build(cov, lam=lam, eps=eps), preserved=kp,
                      preserve_weight=torch.tensor([1.0, 0.0, 1.0, 1.0]))  # zero weight: error


def test_folded_keys_and_negative_weight_downdate_match_full_solve():
    w, keys, targets, g = _setup(n=2)
    kp = torch.randn(6, D_FF, generator=g, dtype=torch.float64)
    mu = torch.tensor([3.0, 1.0, 4.0, 1.0, 5.0, 9.0], dtype=torch.float64)
    x = torch.randn(100, D_FF, generator=g, dtype=torch.float64)
    cov, lam, eps = x.T @ x / 100, 0.3, 1e-3
    folded = Preservation.build(cov, lam=lam, eps=eps, keys=kp, weights=mu)
    # folding keys into P equals passing them as preserved keys
    m_all = keys.T @ keys + kp.T @ torch.diag(mu) @ kp + lam * cov + eps * torch.eye(D_FF, dtype=torch.float64)
    full_all = torch.linalg.solve(m_all, keys.T @ (targets - keys @ w.T)).T
    b, a = lowrank_solve(w, keys, targets, folded)
    torch.testing.assert_close(b @ a, full_all, atol=1e-8, rtol=1e-8)
    # taking keys 0 and 4 out again with negative weights equals never having folded them in
    keep = torch.tensor([False, True, True, True, False, True])
    m_kept = keys.T @ keys + kp[keep].T @ torch.diag(mu[keep]) @ kp[keep] + lam * cov \
        + eps * torch.eye(D_FF, dtype=torch.float64)
    full_kept = torch.linalg.solve(m_kept, keys.T @ (targets - keys @ w.T)).T
    b, a = lowrank_solve(w, keys, targets, folded, preserved=kp[~keep], preserve_weight=-mu[~keep])
    torch.testing.assert_close(b @ a, full_kept, atol=1e-8, rtol=1e-8)
    with pytest.raises(ValueError):
        Preservation.build(cov, lam=lam, eps=eps, keys=kp, weights=0.0)
