"""Closed-form edits of one linear map W [d_model, d_ff] (a down_proj): tensors in, delta out.

Convention: keys are ROWS. K [n, d_ff] are the forget keys, V [n, d_model] their target outputs,
R = V - K W^T [n, d_model] the residuals the edit must add. The preservation metric is

    P = lam * C + eps * I        (C [d_ff, d_ff] a key covariance, e.g. mean k k^T over generic text)

and the edit minimises  sum_i ||(W + D) k_i - v_i||^2 + tr(D P D^T), whose solution is the ridge solve

    D = R^T K (K^T K + P)^-1                                     (full, O(d_ff^3))
      = R^T (I_n + K P^-1 K^T)^-1  K P^-1                        (Woodbury, O(n d_ff^2) with P factored once)
      = B @ A,  B = R^T (I_n + G)^-1 [d_model, n],  A = K P^-1 [n, d_ff],  G = K P^-1 K^T [n, n].

With a null-space projector N (N k = 0 for every preserved key k), P^-1 is replaced by N P^-1 N, so
D k = 0 exactly for preserved keys (AlphaEdit-style), while forget keys still move toward their targets.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch


def _check_keys(w: torch.Tensor, keys: torch.Tensor, targets: torch.Tensor) -> None:
    if w.ndim != 2 or keys.ndim != 2 or targets.ndim != 2:
        raise ValueError("W, keys and targets must be 2-D: W [d_model, d_ff], keys [n, d_ff], targets [n, d_model]")
    if keys.shape[1] != w.shape[1] or targets.shape[1] != w.shape[0] or keys.shape[0] != targets.shape[0]:
        raise ValueError(f"shape mismatch: W {tuple(w.shape)}, keys {tuple(keys.shape)}, "
                         f"targets {tuple(targets.shape)}")
    if keys.shape[0] == 0:
        raise ValueError("no forget keys")


def residuals(w: torch.Tensor, keys: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """R = targets - keys W^T, shape [n, d_model] (fp64)."""
    _check_keys(w, keys, targets)
    return targets.double() - keys.double() @ w.double().T


def ridge_solve(
    w: torch.Tensor, keys: torch.Tensor, targets: torch.Tensor,
    cov: torch.Tensor | None = None, lam: float = 0.0, eps: float = 1e-6,
) -> torch.Tensor:
    """Full solve D = R^T K (K^T K + lam C + eps I)^-1, shape [d_model, d_ff], dtype of W.

    cov=None means no preservation term (pseudoinverse solve as eps -> 0).
    """
    r = residuals(w, keys, targets)
    k = keys.double()
    d_ff = k.shape[1]
    m = k.T @ k + eps * torch.eye(d_ff, dtype=torch.float64)
    if cov is not None:
        m = m + lam * cov.double()
    # D m = R^T K  <=>  m^T D^T = K^T R  (m symmetric)
    d = torch.linalg.solve(m, k.T @ r).T
    return d.to(w.dtype)


@dataclass(frozen=True)
class Preservation:
    """The factored preservation metric P = lam*C + eps*I of one layer (cached per layer and lam).

    chol: [d_ff, d_ff] lower Cholesky factor of P (fp64). Solving P X = Y costs O(d_ff^2 * cols).
    """

    chol: torch.Tensor
    lam: float
    eps: float

    @classmethod
    def build(
        cls, cov: torch.Tensor | None, d_ff: int | None = None, lam: float = 1.0, eps: float = 1e-6,
        keys: torch.Tensor | None = None, weights: float | torch.Tensor = 1.0,
    ) -> Preservation:
        """P = lam*C + eps*I + sum_u w_u k_u k_u^T; `keys` [m, d_ff] are fixed preserved keys folded in once
        (a later solve can take one out again with the negative weight -w_u, see `lowrank_solve`)."""
        if cov is None:
            if d_ff is None:
                raise ValueError("give cov or d_ff")
            p = eps * torch.eye(d_ff, dtype=torch.float64)
        else:
            if cov.ndim != 2 or cov.shape[0] != cov.shape[1]:
                raise ValueError(f"covariance must be square, got {tuple(cov.shape)}")
            p = lam * cov.double() + eps * torch.eye(cov.shape[0], dtype=torch.float64)
        if keys is not None and keys.shape[0]:
            if keys.ndim != 2 or keys.shape[1] != p.shape[0]:
                raise ValueError(f"folded keys must be [m, {p.shape[0]}], got {tuple(keys.shape)}")
            w = torch.as_tensor(weights, dtype=torch.float64).expand(keys.shape[0])
            if bool((w <= 0).any()):
                raise ValueError("folded keys need positive weights")
            k = keys.double()
            p = p + k.T @ (w[:, None] * k)
        chol, info = torch.linalg.cholesky_ex(p)
        if int(info) != 0:
            raise ValueError("preservation metric is not positive definite; raise eps")
        return cls(chol=chol, lam=lam, eps=eps)

    @property
    def d_ff(self) -> int:
        return self.chol.shape[0]

    def solve(self, y: torch.Tensor) -> torch.Tensor:
        """P^-1 Y for Y [d_ff, m] (fp64)."""
        return torch.cholesky_solve(y.double(), self.chol)


def lowrank_solve(
    w: torch.Tensor, keys: torch.Tensor, targets: torch.Tensor, pres: Preservation,
    rank: int | None = None, projector: torch.Tensor | None = None,
    preserved: torch.Tensor | None = None, preserve_weight: float | torch.Tensor = 1.0,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Woodbury form of the ridge solve with a cached factor of P; returns B [d_model, r], A [r, d_ff].

    B @ A equals `ridge_solve(w, keys, targets, C, lam, eps)` when `rank` >= number of keys (and no
    projector / preserved keys). With rank < n the product is truncated to its best rank-`rank`
    approximation (SVD). `projector` N [d_ff, d_ff] (symmetric, N k = 0 for preserved keys) restricts
    the edit to their null space: D N = D, so D k = 0 for those keys.
    `preserved` [m, d_ff]: extra keys whose outputs should not move, key u weighted mu_u (`preserve_weight`,
    one float for all or a tensor [m]); adds sum_u mu_u ||D k_u||^2 to the objective. A negative mu_u removes
    a key folded into P with weight -mu_u (exact Woodbury downdate; P minus it must stay positive definite).
    The rank stays <= the number of forget keys.
    """
    r = residuals(w, keys, targets)  # [n, d_model]
    if pres.d_ff != keys.shape[1]:
        raise ValueError(f"preservation metric is for d_ff={pres.d_ff}, keys have {keys.shape[1]}")
    n = keys.shape[0]
    k_all = keys.double()
    inv_weights = torch.ones(n, dtype=torch.float64)
    if preserved is not None and preserved.shape[0]:
        mu = torch.as_tensor(preserve_weight, dtype=torch.float64).expand(preserved.shape[0])
        if preserved.ndim != 2 or preserved.shape[1] != keys.shape[1] or bool((mu == 0).any()):
            raise ValueError("preserved keys must be [m, d_ff] with non-zero weights")
        k_all = torch.cat([k_all, preserved.double()])
        inv_weights = torch.cat([inv_weights, 1.0 / mu])
    k = k_all @ projector.double() if projector is not None else k_all  # K N
    a = pres.solve(k.T).T  # K N P^-1  [n_all, d_ff]
    if projector is not None:
        a = a @ projector.double()  # K N P^-1 N
    g = a @ k_all.T  # [n_all, n_all]  K (N P^-1 N) K^T
    # D = R_all^T (S^-1 + G)^-1 A_all with zero residual rows for preserved keys
    m = torch.linalg.solve(torch.diag(inv_weights) + g, a)  # (S^-1 + G)^-1 A_all  [n_all, d_ff]
    b, a = r.T, m[:n]  # [d_model, n], [n, d_ff]
    if rank is not None and rank < n:
        b, a = truncate(b, a, rank)
    return b.to(w.dtype), a.to(w.dtype)


def truncate(b: torch.Tensor, a: torch.Tensor, rank: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Best rank-`rank` factors of B @ A (B [m, n], A [n, p]) without forming the m x p product."""
    if rank < 1:
        raise ValueError("rank must be >= 1")
    qb, rb = torch.linalg.qr(b)  # [m, n], [n, n]
    qa, ra = torch.linalg.qr(a.T)  # [p, n], [n, n]
    u, s, vh = torch.linalg.svd(rb @ ra.T)
    u, s, vh = u[:, :rank], s[:rank], vh[:rank]
    return qb @ (u * s), vh @ qa.T


def null_space_projector(preserved: torch.Tensor, rel_tol: float = 1e-2, is_cov: bool = False) -> torch.Tensor:
    """N [d_ff, d_ff] = I - U U^T, U the directions of `preserved` with energy above rel_tol * max.

    `preserved` is either keys [m, d_ff] (rows) or, with is_cov=True, a covariance [d_ff, d_ff].
    """
    m = preserved.double()
    cov = m if is_cov else m.T @ m
    evals, evecs = torch.linalg.eigh(cov)
    keep = evals > rel_tol * evals.max().clamp_min(1e-300)
    u = evecs[:, keep]
    return torch.eye(cov.shape[0], dtype=torch.float64) - u @ u.T


class CovarianceAccumulator:
    """Running sum of k k^T over key rows (fp64), for C = E[k k^T] over generic text."""

    def __init__(self, dim: int):
        self.sum = torch.zeros(dim, dim, dtype=torch.float64)
        self.count = 0

    def add(self, keys: torch.Tensor) -> None:
        """keys [n, dim]."""
        if keys.ndim != 2 or keys.shape[1] != self.sum.shape[0]:
            raise ValueError(f"keys must be [n, {self.sum.shape[0]}], got {tuple(keys.shape)}")
        k = keys.double()
        self.sum += k.T @ k
        self.count += k.shape[0]

    def mean(self) -> torch.Tensor:
        if self.count == 0:
            raise ValueError("no keys accumulated")
        return (self.sum / self.count).float()
