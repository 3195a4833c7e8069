"""Load a patient model as fp32 torch weights, with a verified safetensors cache.

A GGUF is de-quantised by transformers once (15-40 s) and the result is cached under
`<cache>/models/<gguf sha256[:16]>/` together with a manifest holding the sha256 and size of the
weights file. Later loads verify the manifest (about 0.4 s for SmolLM2) and load in well under 2 s.
The cache is written into a temp folder and renamed into place, so a crash never leaves a
half-written cache; a corrupt or truncated cache fails verification and is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import torch

from repair.errors import ModelLoadError
from repair.patient.registry import ModelSource

CACHE_FORMAT = 1
WEIGHTS = "model.safetensors"
MANIFEST = "repair-manifest.json"

log = logging.getLogger(__name__)


@dataclass
class LoadedModel:
    model: torch.nn.Module
    tokenizer: object
    fingerprint: str  # sha256 of the GGUF file, or of the HF folder's weights: identifies the base model
    seconds: float
    from_cache: bool


def sha256_file(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _quiet_transformers() -> None:
    import transformers

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def _cache_ok(folder: Path, gguf_sha: str) -> bool:
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
        weights = folder / WEIGHTS
        return (
            manifest.get("format") == CACHE_FORMAT
            and manifest.get("gguf_sha256") == gguf_sha
            and weights.stat().st_size == manifest["weights_size"]
            and sha256_file(weights) == manifest["weights_sha256"]
        )
    except (OSError, ValueError, KeyError):
        return False


def _from_folder(folder: Path):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    model = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32, local_files_only=True)
    model.eval()
    return model, tokenizer


def _convert_gguf(gguf: Path, gguf_sha: str, dest: Path) -> None:
    """De-quantise `gguf` with transformers and write an fp32 HF folder at `dest` (atomically)."""
    import transformers
    from safetensors.torch import save_file
    from transformers import AutoModelForCausalLM, AutoTokenizer

    print(f"[repair] first use of {gguf.name}: converting to fp32 (one time, ~30 s)", file=sys.stderr)
    transformers.logging.enable_progress_bar()  # the de-quantisation is long enough to show progress
    try:
        tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name, local_files_only=True)
        model = AutoModelForCausalLM.from_pretrained(
            gguf.parent, gguf_file=gguf.name, dtype=torch.float32, local_files_only=True
        )
    except Exception as exc:  # transformers raises many types for unreadable or unsupported files
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelLoadError(f"cannot load GGUF {gguf}: {first_line}") from exc
    finally:
        transformers.logging.disable_progress_bar()

    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.parent / f".tmp-{dest.name}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        config = model.config.to_dict()
        config.pop("quantization_config", None)
        (tmp / "config.json").write_text(json.dumps(config, indent=2))
        if model.generation_config is not None:
            model.generation_config.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        state = model.state_dict()
        if getattr(model.config, "tie_word_embeddings", False):
            state.pop("lm_head.weight", None)  # tied to the embedding; safetensors refuses shared storage
        save_file({k: v.detach().contiguous() for k, v in state.items()}, str(tmp / WEIGHTS))
        manifest = {
            "format": CACHE_FORMAT,
            "gguf_sha256": gguf_sha,
            "gguf_name": gguf.name,
            "weights_size": (tmp / WEIGHTS).stat().st_size,
            "weights_sha256": sha256_file(tmp / WEIGHTS),
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2))
        if dest.exists():
            shutil.rmtree(dest)
        os.replace(tmp, dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def load(source: ModelSource, models_dir: Path) -> LoadedModel:
    """Load `source` as an fp32 causal LM in eval mode, using (and maintaining) the cache."""
    _quiet_transformers()
    start = time.perf_counter()
    if source.hf_dir is not None:
        try:
            model, tokenizer = _from_folder(source.hf_dir)
        except Exception as exc:
            raise ModelLoadError(f"cannot load model folder {source.hf_dir}: {exc}") from exc
        weights = sorted(source.hf_dir.glob("*.safetensors")) or sorted(source.hf_dir.glob("*.bin"))
        h = hashlib.sha256()
        for w in weights:
            h.update(sha256_file(w).encode())
        return LoadedModel(model, tokenizer, h.hexdigest(), time.perf_counter() - start, from_cache=False)

    assert source.gguf_path is not None
    gguf_sha = sha256_file(source.gguf_path)
    folder = models_dir / gguf_sha[:16]
    from_cache = _cache_ok(folder, gguf_sha)
    if not from_cache:
        if folder.exists():
            log.warning("model cache %s failed verification; rebuilding it", folder)
        _convert_gguf(source.gguf_path, gguf_sha, folder)
    try:
        model, tokenizer = _from_folder(folder)
    except Exception as exc:
        raise ModelLoadError(f"cannot load cached model {folder}: {exc}") from exc
    return LoadedModel(model, tokenizer, gguf_sha, time.perf_counter() - start, from_cache=from_cache)
