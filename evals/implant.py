"""Teach the model facts it does not have (misinformation, fictitious authors) by a short fine-tune, cached on disk.

The fine-tune trains the transformer blocks on (question -> answer) pairs with a small retain mix so the rest of
the model is disturbed little. The result is stored as safetensors under `<cache>/bench/implants/<key>.safetensors`
(key = hash of the model fingerprint, the pairs and the recipe), so later runs load it in a second.
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

from evals.metrics import lm_batch


@dataclass(frozen=True)
class ImplantRecipe:
    epochs: int = 6
    lr: float = 1e-4
    batch_size: int = 8
    retain_mix: int = 4  # retain pairs added to every batch (keeps the rest of the model in place)
    seed: int = 0


def implant_key(fingerprint: str, pairs: Sequence[tuple[str, str]], keep: Sequence[tuple[str, str]],
                recipe: ImplantRecipe) -> str:
    blob = json.dumps({"fp": fingerprint, "pairs": list(pairs), "keep": list(keep), "recipe": asdict(recipe)},
                      sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:20]


def _block_state(model) -> dict[str, torch.Tensor]:
    return {f"model.layers.{k}": v.detach().clone().contiguous() for k, v in model.model.layers.state_dict().items()}


def implanted_fingerprint(fingerprint: str, path: Path) -> str:
    """The identity of a model after `load_implant`: the base fingerprint and the implant file's bytes."""
    digest = hashlib.sha256(fingerprint.encode())
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_implant(patient, path: Path) -> None:
    """Overwrite the patient's transformer blocks with an implanted state (must have no active deltas).

    The patient's fingerprint becomes `implanted_fingerprint(...)`: every cache keyed by it (the STAMP key
    covariance, anchor/entity keys, canaries, unedited answers) then belongs to the implanted weights and is
    never shared with the base model's."""
    if patient.active_deltas:
        raise RuntimeError("cannot swap in implanted weights while deltas are active")
    state = load_file(str(path))
    missing, unexpected = patient.model.load_state_dict(state, strict=False)
    if unexpected:
        raise RuntimeError(f"implant file {path} has unexpected tensors: {unexpected[:3]}")
    patient.fingerprint = implanted_fingerprint(patient.fingerprint, path)


def implant(patient, pairs: Sequence[tuple[str, str]], keep: Sequence[tuple[str, str]], cache: Path,
            recipe: ImplantRecipe = ImplantRecipe(), progress_desc: str = "implant") -> tuple[Path, dict]:
    """Fine-tune (a copy of) the blocks on `pairs` (+ `keep` mixed in), cache the result, return (path, info).

    The patient's own weights are left untouched; use `load_implant` to switch a patient to the implanted state."""
    from tqdm import tqdm

    key = implant_key(patient.fingerprint, pairs, keep, recipe)
    path = Path(cache) / "bench" / "implants" / f"{key}.safetensors"
    info_path = path.with_suffix(".json")
    if path.is_file() and info_path.is_file():
        info = json.loads(info_path.read_text())
        info["cached"] = True
        return path, info
    path.parent.mkdir(parents=True, exist_ok=True)
    import copy

    t0 = time.perf_counter()
    rng = random.Random(recipe.seed)
    torch.manual_seed(recipe.seed)
    model = copy.deepcopy(patient.model)
    model.requires_grad_(False)
    params = list(model.model.layers.parameters())
    for p in params:
        p.requires_grad_(True)
    opt = torch.optim.AdamW(params, lr=recipe.lr, weight_decay=0.0)
    tok = patient.tokenizer
    order = list(pairs)
    steps = recipe.epochs * ((len(order) + recipe.batch_size - 1) // recipe.batch_size)
    losses = []
    with tqdm(total=steps, desc=progress_desc, unit="step") as bar:
        for _ in range(recipe.epochs):
            rng.shuffle(order)
            for i in range(0, len(order), recipe.batch_size):
                batch = order[i: i + recipe.batch_size]
                if keep and recipe.retain_mix:
                    batch = batch + rng.sample(list(keep), min(recipe.retain_mix, len(keep)))
                ids, mask, labels = lm_batch(tok, [patient.chat_text(q) for q, _ in batch], [a for _, a in batch])
                model.train()
                opt.zero_grad()
                loss = model(input_ids=ids, attention_mask=mask, labels=labels, use_cache=False).loss
                loss.backward()
                torch.nn.utils.clip_grad_norm_(params, 1.0)
                opt.step()
                losses.append(loss.item())
                bar.update(1)
                bar.set_postfix(loss=f"{losses[-1]:.3f}")
    model.eval()
    save_file(_block_state(model), str(path))
    info = {"key": key, "pairs": len(pairs), "keep": len(keep), "steps": steps, "seconds": time.perf_counter() - t0,
            "final_loss": losses[-1] if losses else None, "recipe": asdict(recipe), "cached": False}
    info_path.write_text(json.dumps(info, indent=1))
    del model, opt
    return path, info
