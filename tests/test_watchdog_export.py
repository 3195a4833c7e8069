"""ONNX export robustness, no torch on the hot path, shipped data checks, head reproducibility."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import repair
from repair.errors import ModelLoadError
from repair.watchdog import encoder as enc_mod
from repair.watchdog.dataset import load_examples, training_rows
from repair.watchdog.detector import _contained
from repair.watchdog.extract import clean


@pytest.fixture(scope="module")
def shipped_encoder(settings) -> enc_mod.Encoder:
    """The real export with the shipped adapter (built once per test run under the shared cache)."""
    return enc_mod.Encoder(settings.cache)


@pytest.fixture(scope="module")
def exported(shipped_encoder) -> Path:
    return shipped_encoder.dir


def _names(encoder: enc_mod.Encoder) -> tuple[str, str]:
    return encoder.path.name, encoder.manifest_path.name


def test_export_has_a_manifest_matching_the_file(shipped_encoder, exported):
    onnx_name, manifest_name = _names(shipped_encoder)
    manifest = json.loads((exported / manifest_name).read_text())
    assert manifest["sha256"] == enc_mod._sha256(exported / onnx_name)
    assert manifest["fp32_max_abs_diff_vs_torch"] < 1e-4
    assert manifest["int8_min_cosine_vs_torch"] >= enc_mod.MIN_COSINE
    assert not [p.name for p in exported.iterdir() if p.name.startswith(".minilm-")]  # no temp leftovers


def _copy_export(src: Path, cache: Path, names: tuple[str, str]) -> Path:
    (cache / "watchdog").mkdir(parents=True)
    for name in names:
        shutil.copy(src / name, cache / "watchdog" / name)
    return cache / "watchdog"


def test_corrupt_export_is_detected_and_redone(shipped_encoder, exported, tmp_path, monkeypatch):
    names = _names(shipped_encoder)
    folder = _copy_export(exported, tmp_path, names)
    good = enc_mod.Encoder(tmp_path).encode(["Please forget my address."])  # [1, 384]
    with open(folder / names[0], "r+b") as f:  # truncate: a crash in the middle of a copy
        f.truncate(os.path.getsize(folder / names[0]) // 2)
    builds = []

    def fake_build(self):  # the real export is covered by the fixture; here: that it is *called* and used
        builds.append(1)
        _copy_export_into(exported, self.dir, names)

    monkeypatch.setattr(enc_mod.Encoder, "_build", fake_build)
    again = enc_mod.Encoder(tmp_path).encode(["Please forget my address."])
    assert builds == [1]
    np.testing.assert_allclose(again, good, atol=1e-6)
    enc_mod.Encoder(tmp_path)  # now valid: no further rebuild
    assert builds == [1]


def _copy_export_into(src: Path, dest: Path, names: tuple[str, str]) -> None:
    for name in names:
        shutil.copy(src / name, dest / name)


def test_failed_export_leaves_nothing_behind(tmp_path, monkeypatch):
    def broken_export(folder, dest, adapter=None):
        Path(dest).write_bytes(b"half an onnx file")
        raise RuntimeError("exporter crashed")

    monkeypatch.setattr(enc_mod, "_export", broken_export)
    with pytest.raises(RuntimeError, match="exporter crashed"):
        enc_mod.Encoder(tmp_path)
    assert sorted(p.name for p in (tmp_path / "watchdog").iterdir()) == []


def test_hot_path_runs_without_torch(exported, settings):
    """A fresh interpreter where importing torch/transformers fails still detects (given the export exists)."""
    code = f"""
import importlib.abc, sys, types
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in ('torch', 'transformers', 'sentence_transformers'):
            raise ImportError('blocked ' + name)
sys.meta_path.insert(0, Block())
pkg = types.ModuleType('repair'); pkg.__path__ = [{str(Path(repair.__file__).parent)!r}]; sys.modules['repair'] = pkg
from repair.watchdog import Watchdog
i = Watchdog(cache_dir={str(settings.cache)!r}).detect('Please forget my home address, 42 Kestrel Road.')
print(i.model_dump_json())
assert not any(m.split('.')[0] == 'torch' for m in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    intent = json.loads(out.stdout.strip().splitlines()[-1])
    assert intent["kind"] == "forget" and intent["target"] == "my home address, 42 Kestrel Road"


def test_head_file_checks(tmp_path):
    from repair.watchdog.head import Head

    bad = tmp_path / "head.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ModelLoadError):
        Head.load(bad)


def test_shipped_data_set_is_large_diverse_and_split_cleanly():
    rows = load_examples()
    train, held = [r for r in rows if r.split == "train"], [r for r in rows if r.split == "heldout"]
    assert len(rows) >= 800 and len(held) >= 150
    assert {r.label for r in held} == {"forget", "chat"}
    assert len({r.lang for r in rows}) >= 6
    assert sum(r.kind == "hard-negative" for r in rows) >= 150
    assert not {r.group for r in train} & {r.group for r in held}  # no held-out wording template was trained on
    train_targets = {r.target for r in train if r.target}
    held_en_targets = {r.target for r in held if r.target and r.kind == "request" and r.lang == "en"}
    assert held_en_targets and not held_en_targets & train_targets  # nor any held-out target
    for r in rows:
        if r.label == "forget":
            sources = [r.text] + [h["content"] for h in r.history]
            # round 15: or "<descriptor>, <value>" with both pieces in one source ("my PIN? It's 4821")
            assert any(clean(r.target).casefold() in clean(s).casefold() for s in sources) or _contained(
                clean(r.target), [clean(s) for s in sources]), r
        else:
            assert r.target is None


def test_fit_is_deterministic_and_separates_synthetic_data():
    from repair.watchdog.train import fit

    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 10)).astype(np.float32)
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(np.float64)
    a, b = fit(x, y), fit(x, y)
    np.testing.assert_array_equal(a.w, b.w)
    assert ((a.prob(x) >= 0.5) == (y > 0.5)).mean() >= 0.97
    assert a.w[0] > abs(a.w[2:]).max()  # the informative feature carries the weight


@pytest.mark.slow
def test_shipped_head_is_the_fit_on_the_shipped_adapters_features(exported, settings):
    """The last step of `python -m repair.watchdog.train` reproduces the shipped head: features of the training input
    (round 20: the training split plus the spent sets, `dataset.training_rows`) from the exported encoder with the
    shipped adapter merged, Newton fit at the recorded C (~1 min). The fine-tune's
    determinism is tested in test_watchdog_round11.py; the whole script (about an hour since round 20) only with
    REPAIR_WATCHDOG_FULL_TRAIN=1."""
    from repair.watchdog.detector import Featurizer
    from repair.watchdog.extract import clean as _clean
    from repair.watchdog.head import HEAD_PATH, Head
    from repair.watchdog.train import fit

    shipped = Head.load(HEAD_PATH)
    meta = json.loads(shipped.meta)
    rows = training_rows().rows
    x = Featurizer(settings.cache).batch([_clean(r.text) for r in rows])
    y = np.array([r.label == "forget" for r in rows], dtype=np.float64)
    new = fit(x, y, c=meta["C"])
    np.testing.assert_allclose(new.w, shipped.w, atol=2e-3)
    assert new.b == pytest.approx(shipped.b, abs=2e-3)


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("REPAIR_WATCHDOG_FULL_TRAIN") != "1",
                    reason="about an hour of CPU fine-tuning (round 20); set REPAIR_WATCHDOG_FULL_TRAIN=1")
def test_training_script_rebuilds_the_shipped_adapter_and_head(settings, tmp_path):
    from repair.watchdog.adapter import ADAPTER_PATH, Adapter
    from repair.watchdog.head import HEAD_PATH, Head
    from repair.watchdog.train import main

    out, adapter_out = tmp_path / "head.npz", tmp_path / "adapter.npz"
    assert main(["--cache", str(settings.cache), "--out", str(out), "--adapter-out", str(adapter_out)]) == 0
    assert Adapter.load(adapter_out).sha256() == Adapter.load(ADAPTER_PATH).sha256()
    new, shipped = Head.load(out), Head.load(HEAD_PATH)
    assert new.threshold == shipped.threshold
    np.testing.assert_allclose(new.w, shipped.w, atol=2e-3)
