"""Export the edited model: a merged HF folder, a PEFT-style LoRA adapter, or a GGUF llama.cpp loads.

    safetensors  folder: config.json, model.safetensors (base + all active deltas), tokenizer files
    lora         folder: adapter_config.json + adapter_model.safetensors, one LoRA on each edited
                 down_proj: lora_B [d_model, R] @ lora_A [R, d_ff] = sum of the active deltas of that
                 layer (factors concatenated, zero-padded to the common rank R; lora_alpha = R so scale 1)
    gguf         file: the base GGUF with every edited `blk.{l}.ffn_down.weight` rewritten as F32
                 (= the patient's fp32 weight: de-quantised base + deltas); all other tensors and
                 metadata copied unchanged, plus `repair.*` keys naming the edits

Every export also records which edits it contains (`repair-export.json`, or `repair.*` GGUF keys).
Output is written into a temporary sibling and renamed into place: a failed export leaves nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import torch

from repair.errors import InvalidInputError, RepairError
from repair.records import EditRecord
from repair.stamp.delta import LowRankDelta

FORMATS = ("safetensors", "lora", "gguf")
MANIFEST = "repair-export.json"

Active = Sequence[tuple[EditRecord, LowRankDelta]]


def check_target(path: str | os.PathLike, fmt: str) -> Path:
    """Validate format and destination before any work: one clear error, nothing written."""
    if fmt not in FORMATS:
        raise InvalidInputError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if not str(path).strip():
        raise InvalidInputError("no export path given")
    dest = Path(path).expanduser().absolute()
    if dest.exists() and not (dest.is_dir() and fmt != "gguf" and not any(dest.iterdir())):
        raise InvalidInputError(f"export path {dest} already exists; choose a new path (nothing was written)")
    parent = dest.parent
    if not parent.is_dir():
        raise InvalidInputError(f"cannot export to {dest}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InvalidInputError(f"cannot export to {dest}: folder {parent} is not writable")
    return dest


def _manifest(fmt: str, fingerprint: str, model: str, active: Active) -> dict:
    return {
        "format": fmt,
        "base_model": model,
        "base_sha256": fingerprint,
        "edits": [{"id": r.id, "target": r.target, "hash": r.hash, "delta_sha256": r.delta_sha256,
                   "layers": r.layers} for r, _ in active],
    }


def lora_factors(active: Active) -> dict[int, tuple[torch.Tensor, torch.Tensor]]:
    """Per layer: (B [d_model, R], A [R, d_ff]) with B @ A = sum of that layer's deltas, common rank R."""
    per_layer: dict[int, list[tuple[torch.Tensor, torch.Tensor]]] = {}
    for _, delta in active:
        for layer in delta.layers:
            b, a = delta.factors[layer]
            per_layer.setdefault(layer, []).append((b.float(), a.float()))
    if not per_layer:
        return {}
    stacked = {l: (torch.cat([b for b, _ in fs], dim=1), torch.cat([a for _, a in fs], dim=0))
               for l, fs in per_layer.items()}
    rank = max(b.shape[1] for b, _ in stacked.values())
    out = {}
    for l, (b, a) in sorted(stacked.items()):
        pad = rank - b.shape[1]
        if pad:
            b = torch.cat([b, b.new_zeros(b.shape[0], pad)], dim=1)
            a = torch.cat([a, a.new_zeros(pad, a.shape[1])], dim=0)
        out[l] = (b.contiguous(), a.contiguous())
    return out


def _write_safetensors(patient, folder: Path) -> None:
    patient.model.save_pretrained(folder, safe_serialization=True)
    patient.tokenizer.save_pretrained(folder)


def _write_lora(patient, active: Active, folder: Path, base_path: str) -> None:
    from safetensors.torch import save_file

    factors = lora_factors(active)
    if not factors:
        raise InvalidInputError("no active edits: a LoRA adapter would be empty (use --format safetensors "
                                "or gguf to export the unedited model)")
    rank = next(iter(factors.values()))[0].shape[1]
    tensors = {}
    for l, (b, a) in factors.items():
        prefix = f"base_model.model.model.layers.{l}.mlp.down_proj"
        tensors[f"{prefix}.lora_A.weight"] = a  # [R, d_ff]
        tensors[f"{prefix}.lora_B.weight"] = b  # [d_model, R]
    save_file(tensors, str(folder / "adapter_model.safetensors"), metadata={"format": "pt"})
    config = {
        "peft_type": "LORA", "task_type": "CAUSAL_LM", "base_model_name_or_path": base_path,
        "r": rank, "lora_alpha": rank, "lora_dropout": 0.0, "bias": "none", "fan_in_fan_out": False,
        "target_modules": [f"model.layers.{l}.mlp.down_proj" for l in factors],
        "inference_mode": True, "use_rslora": False, "init_lora_weights": True,
    }
    (folder / "adapter_config.json").write_text(json.dumps(config, indent=2))


def _write_gguf(patient, active: Active, file: Path, manifest: dict) -> None:
    import gguf

    base = patient.source.gguf_path
    if base is None:
        raise InvalidInputError(f"gguf export needs a GGUF base model; {patient.name} was loaded from a "
                                "Hugging Face folder (use --format safetensors or lora)")
    layers = sorted({l for _, d in active for l in d.layers})
    down = gguf.TENSOR_NAMES[gguf.MODEL_TENSOR.FFN_DOWN]
    edited = {f"{down.format(bid=l)}.weight": l for l in layers}
    reader = gguf.GGUFReader(str(base))
    arch = reader.fields[gguf.Keys.General.ARCHITECTURE].contents()
    writer = gguf.GGUFWriter(str(file), arch)
    for name, fld in reader.fields.items():
        if name.startswith("GGUF.") or name == gguf.Keys.General.ARCHITECTURE:
            continue  # header pseudo-fields; the writer adds the architecture itself
        vtype = fld.types[0]
        sub = fld.types[-1] if vtype == gguf.GGUFValueType.ARRAY else None
        writer.add_key_value(name, fld.contents(), vtype, sub)
    writer.add_string("repair.base_sha256", manifest["base_sha256"])
    writer.add_string("repair.edits", json.dumps(manifest["edits"]))
    found = set()
    for t in reader.tensors:
        if t.name in edited:
            weight = patient.mlp(edited[t.name]).down_proj.weight.detach().float().contiguous().numpy()
            writer.add_tensor(t.name, weight)  # [d_model, d_ff] -> GGUF ne [d_ff, d_model], F32
            found.add(t.name)
        else:
            writer.add_tensor(t.name, t.data, raw_shape=t.data.shape, raw_dtype=t.tensor_type)
    missing = set(edited) - found
    if missing:
        writer.close()
        raise RepairError(f"the base GGUF has no tensor {sorted(missing)[0]}; cannot write the edit into it")
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def export(patient, active: Active, path: str | os.PathLike, fmt: str, fingerprint: str, hf_base: str = "") -> Path:
    """Write the patient's current (edited) model to `path` in `fmt`; returns the path written.

    `hf_base`: the HF folder of the unedited model, recorded as the LoRA adapter's base model.
    """
    dest = check_target(path, fmt)
    manifest = _manifest(fmt, fingerprint, patient.name, active)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.partial")
    try:
        if fmt == "gguf":
            _write_gguf(patient, active, tmp, manifest)
        else:
            tmp.mkdir()
            if fmt == "safetensors":
                _write_safetensors(patient, tmp)
            else:
                _write_lora(patient, active, tmp, hf_base or patient.name)
            (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2))
        if dest.is_dir():
            dest.rmdir()  # an empty folder given as destination
        os.replace(tmp, dest)
    except OSError as exc:
        raise InvalidInputError(f"cannot export to {dest}: {exc.strerror or exc}") from exc
    finally:
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return dest
