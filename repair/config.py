"""Settings and paths. Nothing here is global mutable state: a `Settings` is built per session.

- `REPAIR_HOME` (env) or `home=`: the app's own state (journal, edit factors). Default: per-user data dir.
- `REPAIR_CACHE_DIR` (env): derived, rebuildable data (fp32 model weights, key covariances, ONNX export).
  Default: `<home>/cache`. Tests point it at one temp dir so the model is converted once per run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MODEL = "smollm2-135m"


def default_home() -> Path:
    env = os.environ.get("REPAIR_HOME")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "repair"


@dataclass(frozen=True)
class Settings:
    home: Path
    model: str = DEFAULT_MODEL
    cache_dir: Path | None = None

    @classmethod
    def create(cls, home: str | os.PathLike | None = None, model: str = DEFAULT_MODEL) -> Settings:
        home_path = Path(home).expanduser() if home is not None else default_home()
        cache_env = os.environ.get("REPAIR_CACHE_DIR")
        cache = Path(cache_env).expanduser() if cache_env else home_path / "cache"
        return cls(home=home_path.resolve(), model=model, cache_dir=cache.resolve())

    @property
    def cache(self) -> Path:
        return self.cache_dir if self.cache_dir is not None else self.home / "cache"

    @property
    def models_dir(self) -> Path:
        return self.cache / "models"
