"""LoRA adapter GGUF files for llama.cpp, written from STAMP's low-rank deltas.

A `LowRankDelta` holds, per edited layer l, factors B_l [d_model, r] and A_l [r, d_ff] with
delta W_l = B_l @ A_l added to `down_proj` (llama.cpp tensor `blk.{l}.ffn_down.weight`, ggml shape
ne = [d_ff, d_model]). llama.cpp applies an adapter as

    y = W x + scale * lora_b @ (lora_a @ x),    scale = adapter_scale * alpha / rank   (alpha != 0)

with rank = lora_b.ne[0]. We store lora_a = A (numpy [r, d_ff], ggml ne [d_ff, r]) and lora_b = B
(numpy [d_model, r], ggml ne [r, d_model]) in float32, give every tensor of one file the same rank r
(zero-padding smaller ones: zero columns/rows add nothing) and write alpha = r, so scale is exactly
1.0 and the applied update is exactly B @ A.

Each file also records which base model it belongs to (`repair.base.sha256`, the GGUF's sha256) and
its dimensions, so an adapter made for another model is refused with a clear message before
llama.cpp sees it.

`merge_deltas` folds many deltas into one (concatenating factors, re-factoring by SVD when the rank
grows), so the runtime applies one adapter however many edits are active.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from repair.errors import ModelLoadError
from repair.stamp.delta import LowRankDelta

KEY_BASE_SHA = "repair.base.sha256"
KEY_N_LAYERS = "repair.base.n_layers"
KEY_D_MODEL = "repair.base.d_model"
KEY_D_FF = "repair.base.d_ff"
KEY_DELTA_IDS = "repair.delta_ids"
KEY_DELTA_SHA = "repair.delta.sha256"
TENSOR = "blk.{layer}.ffn_down.weight"

DEFAULT_RANK_CAP = 64  # per layer: above this a merged delta is re-factored by SVD
SVD_RTOL = 1e-6  # singular values below this fraction of the largest are fp32 round-off, dropped


class AdapterError(ModelLoadError):
    """An adapter file is missing, unreadable, not a LoRA adapter, or made for another model."""


@dataclass(frozen=True)
class BaseModelInfo:
    """What an adapter must match: the base GGUF's architecture, hash and edit-site shapes."""

    architecture: str  # general.architecture, e.g. "llama"
    fingerprint: str  # sha256 of the base GGUF file
    n_layers: int
    d_model: int
    d_ff: int


@dataclass(frozen=True)
class AdapterFile:
    path: Path
    base: BaseModelInfo
    delta: LowRankDelta
    delta_ids: tuple[str, ...]
    alpha: float


def base_info_from_gguf(path: Path, fingerprint: str) -> BaseModelInfo:
    """Read architecture and shapes of a model GGUF (metadata only; tensors are memory-mapped)."""
    from gguf import GGUFReader

    try:
        reader = GGUFReader(path)
    except (OSError, ValueError) as exc:
        raise ModelLoadError(f"cannot read model GGUF {path}: {exc}") from exc
    arch = _field(reader, "general.architecture")
    if not isinstance(arch, str):
        raise ModelLoadError(f"{path}: no general.architecture in the GGUF header")
    try:
        n_layers = int(_field(reader, f"{arch}.block_count"))
        d_model = int(_field(reader, f"{arch}.embedding_length"))
        d_ff = int(_field(reader, f"{arch}.feed_forward_length"))
    except (TypeError, ValueError) as exc:
        raise ModelLoadError(f"{path}: GGUF header lacks layer count or sizes") from exc
    return BaseModelInfo(architecture=arch, fingerprint=fingerprint, n_layers=n_layers, d_model=d_model, d_ff=d_ff)


def _field(reader, key: str):
    f = reader.fields.get(key)
    if f is None:
        return None
    try:
        return f.contents()
    except (ValueError, IndexError, TypeError):
        return None


# --------------------------------------------------------------------------- merging
def _compress(b: torch.Tensor, a: torch.Tensor, rtol: float = SVD_RTOL) -> tuple[torch.Tensor, torch.Tensor]:
    """Re-factor B [m, R] @ A [R, n] into B' [m, k] @ A' [k, n] with k = numerical rank (<= min(m, n, R)).

    Exact up to round-off: dropped singular values are < rtol * max(largest, 1e-9 |B| |A|):
    B = Qb Rb, A^T = Qa Ra  =>  B A = Qb (Rb Ra^T) Qa^T = Qb U S V^T Qa^T.
    """
    b64, a64 = b.double(), a.double()
    qb, rb = torch.linalg.qr(b64)  # [m, R'], [R', R]
    qa, ra = torch.linalg.qr(a64.T)  # [n, R'], [R', R]
    u, s, vh = torch.linalg.svd(rb @ ra.T, full_matrices=False)
    # reference scale: the size of the summands (so a sum that cancels to round-off has rank 0)
    ref = max(float(s[0]) if s.numel() else 0.0, float(torch.linalg.norm(b64)) * float(torch.linalg.norm(a64)) * 1e-9)
    k = int((s > rtol * ref).sum()) if ref > 0 else 0
    if k == 0:
        return b.new_zeros((b.shape[0], 0)), a.new_zeros((0, a.shape[1]))
    new_b = (qb @ (u[:, :k] * s[:k])).float()
    new_a = (vh[:k] @ qa.T).float()
    return new_b.contiguous(), new_a.contiguous()


@contextmanager
def _one_torch_thread():
    """Run small factorisations on one thread: on a shared 2-core machine torch's thread pool makes a
    0.4 s QR/SVD take 5-20 s (measured). The previous thread count is restored afterwards."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def merge_deltas(deltas: Sequence[LowRankDelta], rank_cap: int = DEFAULT_RANK_CAP) -> LowRankDelta:
    """One delta equal to the sum of `deltas`: per layer, concatenated factors
    B = [B_1 .. B_n] [d_model, sum r_i], A = [A_1; ..; A_n] [sum r_i, d_ff]; when sum r_i > rank_cap,
    re-factored by SVD to its numerical rank (never more than min(d_model, d_ff))."""
    per_layer: dict[int, tuple[list[torch.Tensor], list[torch.Tensor]]] = {}
    for delta in deltas:
        for layer, (b, a) in delta.factors.items():
            bs, as_ = per_layer.setdefault(layer, ([], []))
            bs.append(b.detach().float().cpu())
            as_.append(a.detach().float().cpu())
    merged: dict[int, tuple[torch.Tensor, torch.Tensor]] = {}
    for layer, (bs, as_) in sorted(per_layer.items()):
        b, a = torch.cat(bs, dim=1), torch.cat(as_, dim=0)
        if b.shape[1] > rank_cap:
            with _one_torch_thread():
                b, a = _compress(b, a)
        if b.shape[1] > 0:
            merged[layer] = (b.contiguous(), a.contiguous())
    return LowRankDelta(merged)


# --------------------------------------------------------------------------- writing
def _check_delta(delta: LowRankDelta, base: BaseModelInfo) -> None:
    for layer, (b, a) in delta.factors.items():
        if not 0 <= layer < base.n_layers:
            raise AdapterError(f"delta edits layer {layer}, the model has layers 0..{base.n_layers - 1}")
        if b.shape[0] != base.d_model or a.shape[1] != base.d_ff:
            raise AdapterError(f"delta for layer {layer} is {b.shape[0]} x {a.shape[1]}, "
                               f"the model's down_proj is {base.d_model} x {base.d_ff}")
        if not (torch.isfinite(b).all() and torch.isfinite(a).all()):
            raise AdapterError(f"delta for layer {layer} has non-finite values")


def write_lora_gguf(
    delta: LowRankDelta, path: str | Path, base: BaseModelInfo, delta_ids: Sequence[str] = ()
) -> Path:
    """Write `delta` as a llama.cpp LoRA adapter GGUF at `path` (atomically: temp file + rename)."""
    from gguf import GGUFWriter

    _check_delta(delta, base)
    if not delta.factors:
        raise AdapterError("an adapter needs at least one edited layer")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rank = delta.rank
    tmp = path.with_name(f".{path.name}.tmp")
    writer = GGUFWriter(str(tmp), base.architecture)
    try:
        writer.add_type("adapter")  # general.type
        writer.add_string("adapter.type", "lora")
        writer.add_float32("adapter.lora.alpha", float(rank))  # alpha / rank == 1.0 exactly
        writer.add_string(KEY_BASE_SHA, base.fingerprint)
        writer.add_uint32(KEY_N_LAYERS, base.n_layers)
        writer.add_uint32(KEY_D_MODEL, base.d_model)
        writer.add_uint32(KEY_D_FF, base.d_ff)
        writer.add_string(KEY_DELTA_SHA, delta.sha256())
        if delta_ids:
            writer.add_array(KEY_DELTA_IDS, [str(i) for i in delta_ids])
        for layer in delta.layers:
            b, a = delta.factors[layer]
            b_np = np.zeros((base.d_model, rank), dtype=np.float32)  # lora_b: ggml ne [r, d_model]
            a_np = np.zeros((rank, base.d_ff), dtype=np.float32)  # lora_a: ggml ne [d_ff, r]
            r = b.shape[1]
            b_np[:, :r] = b.detach().float().cpu().numpy()
            a_np[:r, :] = a.detach().float().cpu().numpy()
            name = TENSOR.format(layer=layer)
            writer.add_tensor(f"{name}.lora_a", a_np)
            writer.add_tensor(f"{name}.lora_b", b_np)
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
    finally:
        writer.close()
    tmp.replace(path)
    return path


# --------------------------------------------------------------------------- reading
def read_lora_gguf(path: str | Path) -> AdapterFile:
    """Read an adapter written by `write_lora_gguf` back (factors trimmed of zero padding).

    Raises AdapterError for a missing, truncated or foreign file."""
    from gguf import GGUFReader

    path = Path(path)
    if not path.is_file():
        raise AdapterError(f"adapter file {path} does not exist")
    try:
        with open(path, "rb") as f:
            magic = f.read(4)
        if magic != b"GGUF":
            raise AdapterError(f"{path} is not a GGUF file (bad magic bytes)")
        reader = GGUFReader(path)
    except AdapterError:
        raise
    except Exception as exc:  # the reader raises ValueError/IndexError/struct.error on truncated files
        raise AdapterError(f"adapter {path} is corrupt or truncated: {exc}") from exc
    if _field(reader, "general.type") != "adapter" or _field(reader, "adapter.type") != "lora":
        raise AdapterError(f"{path} is not a LoRA adapter (general.type/adapter.type)")
    sha = _field(reader, KEY_BASE_SHA)
    arch = _field(reader, "general.architecture")
    try:
        base = BaseModelInfo(
            architecture=str(arch), fingerprint=str(sha), n_layers=int(_field(reader, KEY_N_LAYERS)),
            d_model=int(_field(reader, KEY_D_MODEL)), d_ff=int(_field(reader, KEY_D_FF)),
        )
    except (TypeError, ValueError) as exc:
        raise AdapterError(f"{path} is not a RePAIR adapter (no base-model record)") from exc
    alpha = float(_field(reader, "adapter.lora.alpha") or 0.0)
    tensors: dict[str, np.ndarray] = {}
    try:
        for t in reader.tensors:
            tensors[t.name] = np.array(t.data, dtype=np.float32).reshape([int(n) for n in reversed(t.shape)])
    except Exception as exc:
        raise AdapterError(f"adapter {path} has unreadable tensors: {exc}") from exc
    factors: dict[int, tuple[torch.Tensor, torch.Tensor]] = {}
    for name in tensors:
        if not name.endswith(".lora_a"):
            continue
        stem = name[: -len(".lora_a")]
        try:
            layer = int(stem.split(".")[1])
            a = tensors[name]
            b = tensors[f"{stem}.lora_b"]
        except (IndexError, ValueError, KeyError) as exc:
            raise AdapterError(f"adapter {path}: tensor {name} has no matching lora_b") from exc
        rank = b.shape[1]
        scale = alpha / rank if alpha else 1.0
        keep = np.flatnonzero(np.abs(b).sum(0) + np.abs(a).sum(1))  # drop zero padding
        factors[layer] = (torch.from_numpy(b[:, keep] * np.float32(scale)).contiguous(),
                          torch.from_numpy(a[keep, :].copy()).contiguous())
    ids = _field(reader, KEY_DELTA_IDS)
    delta_ids = tuple(str(i) for i in ids) if isinstance(ids, list) else ()
    return AdapterFile(path=path, base=base, delta=LowRankDelta(factors), delta_ids=delta_ids, alpha=alpha)


def check_adapter_for(adapter: AdapterFile, base: BaseModelInfo) -> None:
    """Raise AdapterError unless `adapter` was made for the model described by `base`."""
    if adapter.base.fingerprint != base.fingerprint:
        raise AdapterError(
            f"adapter {adapter.path.name} was made for another model "
            f"(base sha256 {adapter.base.fingerprint[:12]}..., this model is {base.fingerprint[:12]}...)"
        )
    if adapter.base.architecture != base.architecture:
        raise AdapterError(f"adapter {adapter.path.name} is for architecture {adapter.base.architecture}, "
                           f"this model is {base.architecture}")
    _check_delta(adapter.delta, base)


def file_sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()
