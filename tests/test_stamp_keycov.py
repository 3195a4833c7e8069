"""Generic-text key covariance: equals the mean k k^T over every token, cached per model and layer."""

from __future__ import annotations

import torch

from repair import keycov
from repair.config import Settings

TEXTS = ["The weather was mild and the market was busy.", "Tell me something about the violin.",
         "A short walk after dinner helps digestion, many people say."]


def test_covariance_is_mean_outer_product_of_keys(patient):
    covs = keycov.build_covariances(patient, [2, 4], TEXTS, batch_size=2, progress=False)
    cap = patient.capture(TEXTS, [2, 4], chat=False)
    for layer in (2, 4):
        keys = torch.cat(cap.keys[layer]).double()  # [tokens, d_ff]
        expected = (keys.T @ keys / keys.shape[0]).float()
        assert covs[layer].shape == (patient.d_ff, patient.d_ff)
        torch.testing.assert_close(covs[layer], expected, atol=1e-4, rtol=1e-4)


def test_covariance_cached_per_fingerprint_and_layer(patient, tmp_path, monkeypatch):
    settings = Settings(home=tmp_path / "home", cache_dir=tmp_path / "cache")
    monkeypatch.setattr(keycov, "corpus_texts", lambda _p: TEXTS)
    first = keycov.key_covariance(patient, settings, [3], progress=False)[3]
    path = keycov.cache_path(settings, patient.fingerprint, 3, keycov.corpus_hash(TEXTS))
    assert path.is_file() and path.is_relative_to(tmp_path)
    monkeypatch.setattr(keycov, "build_covariances", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    again = keycov.key_covariance(patient, settings, [3], progress=False)[3]  # loaded, not rebuilt
    assert torch.equal(first, again)


def test_shipped_text_is_present_and_names_no_fact_bank_subject():
    from repair.data import load_facts

    assert len(keycov.shipped_prompts()) >= 150
    assert sum(bool(p["reply"]) for p in keycov.shipped_corpus()) >= 50
    subjects = {f.subject.lower() for f in load_facts()}
    assert not [e for e in keycov.shipped_entities() if e.lower() in subjects]
