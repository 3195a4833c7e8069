"""The watchdog's low-rank (LoRA) adaptation of the MiniLM encoder: small weights shipped in the package.

    W' = W + (alpha / rank) * B @ A        W: [out, in] of one nn.Linear, B: [out, rank], A: [rank, in]

Only the top `layers` of the 6-layer encoder are adapted (query, key, value, attention output, intermediate and
output dense of each), so the lower layers stay the published all-MiniLM-L6-v2. The adapter is trained by
`repair.watchdog.finetune` (torch, cold path) and merged into the encoder's weights once, before the ONNX export
(`repair.watchdog.encoder`); the hot path never sees it. Stored as float16 in `adapter.npz` (a few hundred KB);
the merge uses exactly the stored values, so training, export and the cache key (`sha256`) agree.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from repair.errors import ModelLoadError

ADAPTER_PATH = Path(__file__).with_name("adapter.npz")
TARGETS = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
           "intermediate.dense", "output.dense")  # module paths inside one BertLayer


def module_name(layer: int, target: str) -> str:
    """State-dict prefix of one adapted linear: 'encoder.layer.5.attention.self.query'."""
    return f"encoder.layer.{layer}.{target}"


@dataclass(frozen=True)
class Adapter:
    """LoRA factors by module name: {name: (B [out, rank], A [rank, in])}, float16; scale = alpha / rank."""

    factors: dict[str, tuple[np.ndarray, np.ndarray]]
    rank: int
    alpha: float
    meta: str = "{}"  # JSON written by train.py (seed, epochs, data hash, ...)
    _hash: list = field(default_factory=list, repr=False, compare=False)  # memo for sha256()

    @property
    def scale(self) -> float:
        return self.alpha / self.rank

    @property
    def layers(self) -> list[int]:
        return sorted({int(n.split(".")[2]) for n in self.factors})

    def delta(self, name: str) -> np.ndarray:
        """[out, in] float32 weight update of one module: scale * B @ A."""
        b, a = self.factors[name]
        return (self.scale * (b.astype(np.float32) @ a.astype(np.float32))).astype(np.float32)

    def sha256(self) -> str:
        """Content hash (factors, rank, alpha; not meta): part of the ONNX export's cache key."""
        if not self._hash:
            h = hashlib.sha256(json.dumps({"rank": self.rank, "alpha": self.alpha}).encode())
            for name in sorted(self.factors):
                b, a = self.factors[name]
                h.update(name.encode())
                h.update(np.ascontiguousarray(b, dtype=np.float16).tobytes())
                h.update(np.ascontiguousarray(a, dtype=np.float16).tobytes())
            self._hash.append(h.hexdigest())
        return self._hash[0]

    def save(self, path: Path = ADAPTER_PATH) -> None:
        arrays = {}
        for name, (b, a) in self.factors.items():
            arrays[f"B:{name}"] = b.astype(np.float16)
            arrays[f"A:{name}"] = a.astype(np.float16)
        tmp = path.with_name(path.stem + ".tmp.npz")
        np.savez_compressed(tmp, rank=np.int64(self.rank), alpha=np.float64(self.alpha), meta=np.array(self.meta),
                            **arrays)
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path = ADAPTER_PATH) -> Adapter:
        try:
            with np.load(path, allow_pickle=False) as z:
                rank, alpha, meta = int(z["rank"]), float(z["alpha"]), str(z["meta"])
                names = sorted(k[2:] for k in z.files if k.startswith("B:"))
                factors = {n: (z[f"B:{n}"].astype(np.float16), z[f"A:{n}"].astype(np.float16)) for n in names}
        except (OSError, KeyError, ValueError) as exc:
            raise ModelLoadError(
                f"watchdog adapter unreadable ({path}): {exc}; rebuild: python -m repair.watchdog.train") from exc
        for n, (b, a) in factors.items():
            if (b.ndim != 2 or a.ndim != 2 or b.shape[1] != rank or a.shape[0] != rank
                    or not (np.isfinite(b).all() and np.isfinite(a).all())):
                raise ModelLoadError(f"watchdog adapter is malformed at {n} ({path}); rebuild: "
                                     "python -m repair.watchdog.train")
        if not factors or rank < 1:
            raise ModelLoadError(f"watchdog adapter is empty ({path}); rebuild: python -m repair.watchdog.train")
        return cls(factors=factors, rank=rank, alpha=alpha, meta=meta)

    def merge_into(self, model) -> None:
        """Add every delta to the matching `<name>.weight` of a torch BertModel in place (torch imported here)."""
        import torch

        params = dict(model.named_parameters())
        with torch.no_grad():
            for name in sorted(self.factors):
                w = params.get(f"{name}.weight")
                if w is None or tuple(w.shape) != self.delta(name).shape:
                    raise ModelLoadError(f"watchdog adapter does not fit the encoder at {name}")
                w.add_(torch.from_numpy(self.delta(name)).to(w.dtype))
