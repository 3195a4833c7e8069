"""The trained classifier head: L2-regularised logistic regression, numpy only (weights ship as head.npz).

    features x = [embed(text) (384), embed(frame(text)) (384), lexical(text) (N_LEXICAL)]
    p(forget | x) = sigmoid(x . w + b)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from repair.errors import ModelLoadError

HEAD_PATH = Path(__file__).with_name("head.npz")


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))


@dataclass(frozen=True)
class Head:
    w: np.ndarray  # [d] float32
    b: float
    threshold: float  # p >= threshold -> "forget"
    meta: str = "{}"  # JSON: training data hash, regularisation, out-of-fold stats (written by train.py)

    def rules(self) -> dict[str, bool]:
        """Which vetoes of `features.vetoed` the detector applies with this head (chosen by train.py's
        cross-validation and recorded in the metadata; heads without the entry use both)."""
        import json

        chosen = json.loads(self.meta).get("rules", {})
        return {"request_form": bool(chosen.get("request_form", True)),
                "nothing_named": bool(chosen.get("nothing_named", True))}

    @property
    def dim(self) -> int:
        return int(self.w.shape[0])

    def prob(self, x: np.ndarray) -> np.ndarray:
        """x: [n, d] float32 -> [n] probabilities of a forget request."""
        return sigmoid(x @ self.w + self.b)

    def save(self, path: Path = HEAD_PATH) -> None:
        tmp = path.with_name(path.stem + ".tmp.npz")
        np.savez(tmp, w=self.w.astype(np.float32), b=np.float64(self.b), threshold=np.float64(self.threshold),
                 meta=np.array(self.meta))
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path = HEAD_PATH) -> Head:
        try:
            with np.load(path, allow_pickle=False) as z:
                head = cls(w=z["w"], b=float(z["b"]), threshold=float(z["threshold"]), meta=str(z["meta"]))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelLoadError(
                f"watchdog head unreadable ({path}): {exc}; rebuild: python -m repair.watchdog.train") from exc
        if head.w.ndim != 1 or not np.isfinite(head.w).all() or not 0.0 < head.threshold < 1.0:
            raise ModelLoadError(f"watchdog head is malformed ({path}); rebuild: python -m repair.watchdog.train")
        return head
