"""Low-rank weight deltas: the unit of change STAMP produces and the patient applies.

For each edited layer l the delta to down_proj.weight (shape d_model x d_ff) is B_l @ A_l with
B_l: [d_model, r] and A_l: [r, d_ff] -- the LoRA layout (lora_b @ lora_a).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import torch


@dataclass(frozen=True)
class LowRankDelta:
    factors: dict[int, tuple[torch.Tensor, torch.Tensor]] = field(default_factory=dict)  # layer -> (B, A)

    def __post_init__(self) -> None:
        for layer, (b, a) in self.factors.items():
            if b.ndim != 2 or a.ndim != 2 or b.shape[1] != a.shape[0]:
                raise ValueError(f"layer {layer}: factors must be B [d_model, r] and A [r, d_ff], "
                                 f"got {tuple(b.shape)} and {tuple(a.shape)}")

    @property
    def layers(self) -> list[int]:
        return sorted(self.factors)

    @property
    def rank(self) -> int:
        return max((b.shape[1] for b, _ in self.factors.values()), default=0)

    def dense(self, layer: int) -> torch.Tensor:
        """The full [d_model, d_ff] update of one layer (fp32)."""
        b, a = self.factors[layer]
        return b.float() @ a.float()

    def to_tensors(self) -> dict[str, torch.Tensor]:
        """Flat, named tensors for safetensors: `layer.{l}.B`, `layer.{l}.A`."""
        out: dict[str, torch.Tensor] = {}
        for layer in self.layers:
            b, a = self.factors[layer]
            out[f"layer.{layer}.B"] = b.detach().float().contiguous().cpu()
            out[f"layer.{layer}.A"] = a.detach().float().contiguous().cpu()
        return out

    @classmethod
    def from_tensors(cls, tensors: dict[str, torch.Tensor]) -> LowRankDelta:
        layers = sorted({int(k.split(".")[1]) for k in tensors})
        try:
            return cls({l: (tensors[f"layer.{l}.B"], tensors[f"layer.{l}.A"]) for l in layers})
        except KeyError as exc:
            raise ValueError(f"delta tensors incomplete: missing {exc}") from exc

    def sha256(self) -> str:
        """Content hash over layer ids, shapes and the exact fp32 bytes of every factor."""
        h = hashlib.sha256()
        for name, t in sorted(self.to_tensors().items()):
            h.update(name.encode())
            h.update(str(tuple(t.shape)).encode())
            h.update(t.numpy().tobytes())
        return h.hexdigest()
