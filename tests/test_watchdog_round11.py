"""Round 11: the LoRA adapter (merge maths, storage, cache key of the ONNX export), the deterministic fine-tune,
the veto choice by cross-validation, and the extraction fixes (history references, scope wording, values)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from repair.errors import ModelLoadError
from repair.watchdog.adapter import ADAPTER_PATH, Adapter, module_name
from repair.watchdog.extract import _from_history, extract_target


def _adapter(seed: int = 0, rank: int = 2, scale_b: float = 0.01) -> Adapter:
    rng = np.random.default_rng(seed)
    name = module_name(5, "attention.self.query")
    b = (scale_b * rng.normal(size=(384, rank))).astype(np.float16)
    a = rng.normal(size=(rank, 384)).astype(np.float16)
    return Adapter(factors={name: (b, a)}, rank=rank, alpha=2.0 * rank)


# ---- adapter maths and storage (synthetic, exact) -----------------------------------------------------------------
def test_delta_is_scale_times_b_at_a():
    ad = _adapter()
    (name, (b, a)), = ad.factors.items()
    expected = 2.0 * (b.astype(np.float32) @ a.astype(np.float32))  # alpha / rank = 2
    np.testing.assert_array_equal(ad.delta(name), expected.astype(np.float32))


def test_save_load_roundtrip_keeps_values_and_hash(tmp_path):
    ad = _adapter()
    ad.save(tmp_path / "a.npz")
    back = Adapter.load(tmp_path / "a.npz")
    assert back.rank == ad.rank and back.alpha == ad.alpha and back.sha256() == ad.sha256()
    for n in ad.factors:
        np.testing.assert_array_equal(back.factors[n][0], ad.factors[n][0])


def test_hash_changes_with_any_factor():
    a, b = _adapter(0), _adapter(1)
    assert a.sha256() != b.sha256()
    assert _adapter(0).sha256() == a.sha256()


def test_malformed_adapter_files_raise_a_clear_error(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ModelLoadError):
        Adapter.load(bad)
    name = module_name(5, "attention.self.query")
    np.savez(tmp_path / "shape.npz", rank=np.int64(4), alpha=np.float64(8), meta=np.array("{}"),
             **{f"B:{name}": np.zeros((384, 2), np.float16), f"A:{name}": np.zeros((2, 384), np.float16)})
    with pytest.raises(ModelLoadError):  # factors of rank 2 in a rank-4 adapter
        Adapter.load(tmp_path / "shape.npz")


def test_merge_adds_the_delta_to_the_right_weight_only():
    torch = pytest.importorskip("torch")
    from repair.watchdog import finetune as ft

    model = ft.load_bert()
    ad = _adapter()
    name = next(iter(ad.factors))
    before = {k: v.detach().clone() for k, v in model.named_parameters()}
    with ft.Adapted(model, ad):
        after = dict(model.named_parameters())
        diff = (after[f"{name}.weight"] - before[f"{name}.weight"]).numpy()
        np.testing.assert_allclose(diff, ad.delta(name), atol=1e-6)
        other = module_name(4, "attention.self.query") + ".weight"
        assert torch.equal(after[other], before[other])
    for k, v in model.named_parameters():  # restored bit for bit on exit
        assert torch.equal(v, before[k]), k


# ---- the shipped adapter and the export cache key --------------------------------------------------------------------
def test_shipped_adapter_is_small_and_matches_the_head():
    from repair.watchdog.head import Head

    ad = Adapter.load(ADAPTER_PATH)
    assert ADAPTER_PATH.stat().st_size < 1_000_000  # the package stays small: no encoder copy
    assert ad.layers and max(ad.layers) == 5
    meta = json.loads(Head.load().meta)
    assert meta["adapter_sha256"] == ad.sha256()  # the head was fitted on this adapter's features


def test_export_cache_key_includes_the_adapter(settings):
    from repair.watchdog.encoder import Encoder

    shipped = Encoder(settings.cache)
    plain = Encoder(settings.cache, adapter=None)
    assert shipped.path != plain.path and shipped.path.parent == plain.path.parent
    manifest = json.loads(shipped.manifest_path.read_text())
    assert manifest["source"]["adapter_sha256"] == Adapter.load(ADAPTER_PATH).sha256()
    assert json.loads(plain.manifest_path.read_text())["source"]["adapter_sha256"] is None
    texts = ["Please forget my home address.", "How do I boil an egg?"]
    e1, e0 = shipped.encode(texts), plain.encode(texts)  # [2, 384] each
    assert e1.shape == e0.shape == (2, 384)
    assert not np.allclose(e1, e0, atol=1e-3)  # the adapted encoder really is different


def test_a_changed_adapter_never_reuses_a_stale_export(settings, tmp_path, monkeypatch):
    from repair.watchdog import encoder as enc_mod

    shipped = enc_mod.Encoder(settings.cache)
    other = Adapter.load(ADAPTER_PATH)
    name = next(iter(sorted(other.factors)))
    b, a = other.factors[name]
    changed = Adapter(factors={**other.factors, name: ((b.astype(np.float32) * 1.5).astype(np.float16), a)},
                      rank=other.rank, alpha=other.alpha)
    builds = []
    monkeypatch.setattr(enc_mod.Encoder, "_build", lambda self: builds.append(self.path))
    monkeypatch.setattr(enc_mod.Encoder, "_new_session", staticmethod(lambda path, threads: object()))
    enc = enc_mod.Encoder(settings.cache, adapter=changed)
    assert builds == [enc.path] and enc.path != shipped.path  # a new export is built, the old one is not used


# ---- fine-tuning: deterministic, and it moves the adapted layers only ---------------------------------------------
def test_fine_tune_is_deterministic_and_only_adapts_the_top_layers():
    from repair.watchdog import finetune as ft
    from repair.watchdog.features import N_LEXICAL

    texts = ["Please forget my address.", "How do I boil an egg?", "Erase my phone number.", "I forgot my keys.",
             "Unlearn my birthday.", "Delete the second paragraph."] * 2
    y = np.array([1, 0, 1, 0, 1, 0] * 2, dtype=np.float64)
    lex = np.zeros((len(texts), N_LEXICAL), np.float32)
    cfg = ft.Config(top_layers=1, rank=2, alpha=4.0, epochs=1, batch=4)
    model = ft.load_bert()
    trunk = ft.Trunk(model, texts, first_layer=5)
    w0 = np.zeros(2 * 384 + N_LEXICAL, np.float32)
    a1 = ft.fine_tune(model, trunk, texts, texts, lex, y, w0, 0.0, cfg)
    a2 = ft.fine_tune(model, trunk, texts, texts, lex, y, w0, 0.0, cfg)
    assert a1.sha256() == a2.sha256()
    assert a1.layers == [5] and len(a1.factors) == 6
    assert any(np.abs(b).max() > 0 for b, _ in a1.factors.values())  # B moved off its zero start
    x = ft.features(model, trunk, texts, texts, lex, 5)  # the model is unadapted again after fine_tune
    with ft.Adapted(model, a1):
        x1 = ft.features(model, trunk, texts, texts, lex, 5)
    assert x.shape == x1.shape == (len(texts), 2 * 384 + N_LEXICAL) and not np.allclose(x, x1)


# ---- veto choice by cross-validation (synthetic) ------------------------------------------------------------------
def test_choose_rules_keeps_a_veto_that_removes_false_positives_and_drops_one_that_costs_recall():
    from repair.watchdog.train import choose_rules

    # 20 requests + 2 bare "Forget it." rows labelled forget (the "forget it" veto would miss them); 10 chat turns
    # with no request form that the head scores *above* the requests (only the request-form veto removes them)
    texts = ["Please forget my address."] * 20 + ["Forget it."] * 2 + ["Forgetting is human."] * 10
    y = np.array([1] * 22 + [0] * 10, dtype=np.float64)
    oof = np.array([0.9] * 22 + [0.95] * 10)
    res = choose_rules(oof, y, texts, [()] * len(texts))
    assert res["rules"] == {"request_form": True, "nothing_named": False}
    assert res["oof_fpr"] == 0.0 and res["oof_recall"] == 1.0
    assert set(res["rule_grid"]) == {"request_form+nothing_named", "request_form", "nothing_named", "none"}


# ---- extraction fixes --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "target"), [
    ("Forget my locker combination: 12-40-7.", "my locker combination, 12-40-7"),  # round 18: colon -> comma
    ("pls forget my postcode, its BS8 1TH", "my postcode, BS8 1TH"),  # round 17: announcer dropped
    ("Forget my location: 40.7128 N, 74.0060 W.", "my location, 40.7128 N, 74.0060 W"),  # round 18
    ("Forget my nickname, it's embarrassing.", "my nickname"),  # no value: the comment is not the target
    ("Wipe out everything you learned about my lawsuit.", "my lawsuit"),
    ("Could you erase the knowledge of which gym I use?", "which gym I use"),
    ("Remove my allergy list from what you remember.", "my allergy list"),
    ("Forget I ever mentioned my overdraft.", "my overdraft"),
    ("Forget everything I told you about my cousin.", "my cousin"),
    ("Forget everything you've been told about my family.", "my family"),
    ("Act like I never told you my PIN and delete it.", "my PIN"),
    ("Forget this: my uncle has a gambling debt.", "my uncle has a gambling debt"),
])
def test_extraction_of_scope_wording_and_values(text, target):
    assert extract_target(text) == target


def test_history_reference_picks_the_turn_it_names():
    history = [{"role": "user", "content": "My ex lives at 9 Cedar Road."}, {"role": "assistant", "content": "Ok."},
               {"role": "user", "content": "What is a good film for tonight?"}, {"role": "assistant", "content": "Up."}]
    assert extract_target("Forget the address I mentioned earlier.", history) == "My ex lives at 9 Cedar Road"
    two = [{"role": "user", "content": "My sister is in rehab."}, {"role": "user", "content": "My PIN is 5512."}]
    assert _from_history(two, "what I said about my sister") == "My sister is in rehab"
    assert _from_history(two, "the number I gave you") == "My PIN is 5512"
    assert _from_history(two, "what I just said") == "My PIN is 5512"  # nothing named: the latest turn


@pytest.mark.parametrize("text", ["Olvida lo último que te dije.", "Vergeet wat ik net zei.",
                                  "Esquece o que eu acabei de te contar."])
def test_other_language_references_take_the_earlier_turn(text):
    history = [{"role": "user", "content": "Mi PIN es 4410."}, {"role": "assistant", "content": "Ok."}]
    assert extract_target(text, history) == "Mi PIN es 4410"
