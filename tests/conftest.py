"""Shared fixtures. Every test writes only into temp dirs.

The fp32 model cache (REPAIR_CACHE_DIR) is one temp dir per test run, so the GGUF is converted
once per run; each test that needs app state gets its own REPAIR_HOME.
"""

from __future__ import annotations

import os

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("repair-cache")
    old = os.environ.get("REPAIR_CACHE_DIR")
    os.environ["REPAIR_CACHE_DIR"] = str(path)
    yield path
    if old is None:
        os.environ.pop("REPAIR_CACHE_DIR", None)
    else:
        os.environ["REPAIR_CACHE_DIR"] = old


@pytest.fixture
def home(tmp_path, cache_dir, monkeypatch):
    """A fresh REPAIR_HOME for one test (the model cache is shared)."""
    h = tmp_path / "home"
    monkeypatch.setenv("REPAIR_HOME", str(h))
    return h


@pytest.fixture(scope="session")
def settings(cache_dir, tmp_path_factory):
    from repair.config import Settings

    return Settings.create(home=tmp_path_factory.mktemp("repair-home"))


@pytest.fixture(scope="session")
def patient(settings):
    """The real default model (SmolLM2-135M-Instruct, fp32). Tests must leave it unedited."""
    from repair.patient import Patient

    p = Patient.load("smollm2-135m", settings)
    yield p
    assert p.active_deltas == [], "a test left a delta applied on the shared patient"


@pytest.fixture(scope="session")
def watchdog(settings):
    """The shipped watchdog (real exported encoder + head), loaded once for every watchdog test file."""
    from repair.watchdog import Watchdog

    return Watchdog(settings)
