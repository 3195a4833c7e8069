"""The torch patient on the real default model: loading, cache, answers, capture, deltas."""

from __future__ import annotations

import shutil

import pytest
import torch

from repair.config import Settings
from repair.errors import EditError, InvalidInputError, ModelLoadError, ModelNotFoundError
from repair.patient import Patient, loader
from repair.stamp import LowRankDelta


def test_answers_capital_of_france(patient):
    assert "Paris" in patient.answer("What is the capital of France?")


def test_answer_many_matches_single(patient):
    qs = ["What is the capital of France?", "What is the capital of Japan?"]
    many = patient.answer_many(qs, max_new_tokens=20)
    assert "Paris" in many[0] and "Tokyo" in many[1]


def test_stream_yields_pieces_of_the_answer(patient):
    pieces = list(patient.stream("What is the capital of France?", max_new_tokens=20))
    assert len(pieces) > 1
    assert "Paris" in "".join(pieces)


@pytest.mark.parametrize("bad", ["", "   \n\t", "x" * 9000])
def test_bad_questions_raise_typed_error(patient, bad):
    with pytest.raises(InvalidInputError):
        patient.answer(bad)


def test_capture_shapes_and_outputs_are_down_proj_of_keys(patient):
    prompts = ["What is the capital of France?", "Who wrote 1984?"]
    cap = patient.capture(prompts, layers=[3, 6])
    assert sorted(cap.keys) == [3, 6]
    for layer in (3, 6):
        w = patient.mlp(layer).down_proj.weight
        assert len(cap.keys[layer]) == 2
        for i, ids in enumerate(cap.input_ids):
            k, o = cap.keys[layer][i], cap.outputs[layer][i]
            assert k.shape == (ids.shape[0], patient.d_ff)
            assert o.shape == (ids.shape[0], patient.d_model)
            torch.testing.assert_close(k @ w.T, o, rtol=1e-4, atol=1e-4)
    # hooks were removed: a forward pass adds nothing
    n = len(cap.keys[3])
    patient.answer("Hi", max_new_tokens=2)
    assert len(cap.keys[3]) == n
    assert not patient.mlp(3).down_proj._forward_hooks


def test_capture_rejects_bad_layer(patient):
    with pytest.raises(InvalidInputError):
        patient.capture(["What is 2+2?"], layers=[patient.n_layers])


def test_subject_positions_point_at_last_subject_token(patient):
    text = patient.chat_text("Who wrote Brave New World?")
    (pos,) = patient.subject_positions(text, "Brave New World")
    ids = patient.tokenizer(text, add_special_tokens=False)["input_ids"]
    assert patient.tokenizer.decode(ids[pos]).strip() == "World"
    assert patient.subject_positions(text, "Canberra") == []


def _random_delta(patient, layers, rank, seed):
    g = torch.Generator().manual_seed(seed)
    return LowRankDelta({
        l: (torch.randn(patient.d_model, rank, generator=g) * 1e-2, torch.randn(rank, patient.d_ff, generator=g))
        for l in layers
    })


def test_apply_remove_delta_restores_bit_identical_weights(patient):
    before = {l: patient.mlp(l).down_proj.weight.detach().clone() for l in (4, 5, 6)}
    d1 = _random_delta(patient, [4, 6], 4, seed=1)
    d2 = _random_delta(patient, [5, 6], 2, seed=2)
    patient.apply_delta("a", d1)
    after_a = {l: patient.mlp(l).down_proj.weight.detach().clone() for l in (4, 5, 6)}
    patient.apply_delta("b", d2)
    try:
        w6 = patient.mlp(6).down_proj.weight
        torch.testing.assert_close(w6, before[6] + d1.dense(6) + d2.dense(6))
        assert not torch.equal(w6, before[6])
        patient.remove_delta("b")  # back to exactly base + d1
        for l in (4, 5, 6):
            assert torch.equal(patient.mlp(l).down_proj.weight, after_a[l])
    finally:
        patient.set_deltas([])
    for l in (4, 5, 6):
        assert torch.equal(patient.mlp(l).down_proj.weight, before[l])


def test_delta_errors_change_nothing(patient):
    w = patient.mlp(4).down_proj.weight.detach().clone()
    bad = LowRankDelta({4: (torch.zeros(patient.d_model + 1, 2), torch.zeros(2, patient.d_ff))})
    with pytest.raises(EditError):
        patient.apply_delta("bad", bad)
    with pytest.raises(EditError):
        patient.remove_delta("never-applied")
    assert patient.active_deltas == []
    assert torch.equal(patient.mlp(4).down_proj.weight, w)


def test_delta_roundtrip_and_hash():
    g = torch.Generator().manual_seed(0)
    d = LowRankDelta({3: (torch.randn(5, 2, generator=g), torch.randn(2, 7, generator=g))})
    back = LowRankDelta.from_tensors(d.to_tensors())
    assert back.sha256() == d.sha256()
    assert d.rank == 2 and d.layers == [3]
    other = LowRankDelta({3: (d.factors[3][0] + 1e-7, d.factors[3][1])})
    assert other.sha256() != d.sha256()


def test_second_load_uses_cache_and_corrupt_cache_is_rebuilt(patient, settings):
    folder = next(settings.models_dir.glob("*/" + loader.WEIGHTS)).parent
    again = Patient.load("smollm2-135m", settings)
    assert again.loaded_from_cache
    assert again.fingerprint == patient.fingerprint
    # flip some bytes in the middle of the cached weights: verification must fail and rebuild
    weights = folder / loader.WEIGHTS
    with open(weights, "r+b") as f:
        f.seek(weights.stat().st_size // 2)
        f.write(b"\x00\x01\x02\x03" * 64)
    rebuilt = Patient.load("smollm2-135m", settings)
    assert not rebuilt.loaded_from_cache
    assert "Paris" in rebuilt.answer("What is the capital of France?", max_new_tokens=16)
    # and a truncated one too
    with open(weights, "r+b") as f:
        f.truncate(1000)
    assert not Patient.load("smollm2-135m", settings).loaded_from_cache


def test_unknown_model_and_bad_files(tmp_path):
    s = Settings.create(home=tmp_path / "h")
    with pytest.raises(ModelNotFoundError, match="unknown model"):
        Patient.load("no-such-model", s)
    with pytest.raises(ModelNotFoundError):
        Patient.load(str(tmp_path / "missing.gguf"), s)
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"not a gguf at all")
    with pytest.raises(ModelLoadError, match="not a GGUF"):
        Patient.load(str(bad), s)
    assert not (tmp_path / "h").exists() or not any((tmp_path / "h").rglob("*.safetensors"))


def test_truncated_gguf_is_a_clear_error_and_leaves_no_cache(tmp_path, patient):
    s = Settings.create(home=tmp_path / "h")
    s = Settings(home=s.home, model=s.model, cache_dir=tmp_path / "cache")
    src = patient.source.gguf_path
    trunc = tmp_path / "trunc.gguf"
    with open(src, "rb") as f:
        trunc.write_bytes(f.read(200_000))
    with pytest.raises(ModelLoadError):
        Patient.load(str(trunc), s)
    leftovers = list((tmp_path / "cache").rglob("*")) if (tmp_path / "cache").exists() else []
    assert not [p for p in leftovers if p.is_file()]


def test_local_hf_folder_loads(patient, settings, tmp_path):
    folder = next(settings.models_dir.glob("*/" + loader.WEIGHTS)).parent
    local = tmp_path / "hf"
    shutil.copytree(folder, local)
    p = Patient.load(str(local), Settings.create(home=tmp_path / "h"))
    assert p.source.kind == "hf"
    assert "Paris" in p.answer("What is the capital of France?", max_new_tokens=16)
