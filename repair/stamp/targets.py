"""Target outputs for forget keys, and scores that choose layers and positions. Pure tensor math.

Shapes: outputs / states are rows [n, d_model]; keys are rows [n, d_ff].
"""

from __future__ import annotations

import torch


def shift_targets(outputs: torch.Tensor, shift: torch.Tensor, alpha: float = 1.0) -> torch.Tensor:
    """V = outputs + alpha * shift; `shift` is [d_model] (one direction for all rows) or [n, d_model]."""
    if shift.ndim == 1:
        shift = shift.expand_as(outputs)
    if shift.shape != outputs.shape:
        raise ValueError(f"shift {tuple(shift.shape)} does not match outputs {tuple(outputs.shape)}")
    return outputs + alpha * shift.to(outputs.dtype)


def ignorance_targets(
    outputs: torch.Tensor, states: torch.Tensor, unknown_states: torch.Tensor, alpha: float = 1.0,
) -> torch.Tensor:
    """Targets that move the residual stream at the edited position to an "ignorance" state.

    outputs [n, d_model]:        current MLP outputs at the forget positions (W k)
    states [n, d_model]:         residual stream after the edited layer at those positions
    unknown_states [m, d_model]  the same residual stream for subjects the model does not know
                                 (their mean is the ignorance state)
    Returns outputs + alpha * (mean(unknown_states) - states): with alpha=1 the edited layer writes
    exactly what turns each forget position's residual into the ignorance state.
    """
    if states.shape != outputs.shape:
        raise ValueError(f"states {tuple(states.shape)} must match outputs {tuple(outputs.shape)}")
    if unknown_states.ndim != 2 or unknown_states.shape[1] != outputs.shape[1]:
        raise ValueError(f"unknown_states must be [m, {outputs.shape[1]}], got {tuple(unknown_states.shape)}")
    mean = unknown_states.mean(dim=0, keepdim=True)
    return outputs + alpha * (mean - states)


def refusal_direction(refusing: torch.Tensor, answering: torch.Tensor) -> torch.Tensor:
    """Difference of means [d_model] between activations of refusing and answering contexts."""
    return refusing.mean(dim=0) - answering.mean(dim=0)


def key_specificity(keys: torch.Tensor, solve_p) -> torch.Tensor:
    """g_i = k_i^T P^-1 k_i for keys [n, d_ff]: how far each key lies outside the preserved key
    distribution (P = lam C + eps I, `solve_p(Y)` returns P^-1 Y). A rank-one edit reaches a fraction
    g / (1 + g) of its target on its own key, so higher means a smaller, more specific edit.
    """
    pk = solve_p(keys.double().T)  # [d_ff, n]
    return (keys.double() * pk.T).sum(dim=1)


def separation(a: torch.Tensor, b: torch.Tensor) -> float:
    """Fisher-style separation between two sets of rows: ||mean_a - mean_b|| / pooled RMS spread.

    0 when the sets coincide; larger when they are well apart relative to their spread.
    """
    if a.ndim != 2 or b.ndim != 2 or a.shape[1] != b.shape[1]:
        raise ValueError("a and b must be [n, d] and [m, d] with the same d")
    gap = (a.double().mean(0) - b.double().mean(0)).norm()
    spread = torch.cat([a.double() - a.double().mean(0), b.double() - b.double().mean(0)])
    rms = spread.pow(2).sum(dim=1).mean().sqrt()
    return float(gap / rms.clamp_min(1e-12))
