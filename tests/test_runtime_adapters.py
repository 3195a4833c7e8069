"""LoRA adapter GGUF files and delta merging: pure math and file round trips on synthetic factors."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from gguf import GGUFReader

from repair.patient.adapters import (
    AdapterError,
    BaseModelInfo,
    check_adapter_for,
    merge_deltas,
    read_lora_gguf,
    write_lora_gguf,
)
from repair.stamp.delta import LowRankDelta

BASE = BaseModelInfo(architecture="llama", fingerprint="ab" * 32, n_layers=8, d_model=12, d_ff=20)


def _delta(seed: int, ranks: dict[int, int]) -> LowRankDelta:
    g = torch.Generator().manual_seed(seed)
    return LowRankDelta({l: (torch.randn(BASE.d_model, r, generator=g), torch.randn(r, BASE.d_ff, generator=g))
                         for l, r in ranks.items()})


def test_round_trip_is_exact_and_in_llama_cpp_layout(tmp_path):
    delta = _delta(0, {2: 3, 5: 1})  # different ranks: the file pads to rank 3, alpha = 3
    path = write_lora_gguf(delta, tmp_path / "a.gguf", BASE, delta_ids=["edit-1", "edit-2"])
    reader = GGUFReader(path)
    fields = {k: f.contents() for k, f in reader.fields.items() if not k.startswith("GGUF.")}
    assert fields["general.type"] == "adapter" and fields["adapter.type"] == "lora"
    assert fields["general.architecture"] == "llama"
    assert fields["adapter.lora.alpha"] == 3.0  # alpha / rank = 1: applied update is exactly B @ A
    shapes = {t.name: [int(n) for n in t.shape] for t in reader.tensors}  # ggml ne order
    assert shapes == {
        "blk.2.ffn_down.weight.lora_a": [BASE.d_ff, 3], "blk.2.ffn_down.weight.lora_b": [3, BASE.d_model],
        "blk.5.ffn_down.weight.lora_a": [BASE.d_ff, 3], "blk.5.ffn_down.weight.lora_b": [3, BASE.d_model],
    }
    back = read_lora_gguf(path)
    assert back.delta_ids == ("edit-1", "edit-2") and back.base == BASE
    for layer in (2, 5):
        assert torch.equal(back.delta.factors[layer][0], delta.factors[layer][0])  # padding trimmed, bits equal
        assert torch.equal(back.delta.factors[layer][1], delta.factors[layer][1])
    assert back.delta.sha256() == delta.sha256()


def test_merge_concatenates_exactly_and_svd_keeps_the_sum():
    deltas = [_delta(i, {1: 2, 3: 2}) for i in range(3)] + [_delta(9, {4: 1})]
    merged = merge_deltas(deltas, rank_cap=64)
    assert merged.layers == [1, 3, 4] and merged.factors[1][0].shape == (BASE.d_model, 6)
    for layer in merged.layers:
        want = sum(d.dense(layer) for d in deltas if layer in d.factors)
        assert torch.allclose(merged.dense(layer), want, atol=1e-5)
    # past the cap the sum is re-factored to its numerical rank (here 12 = d_model < 3 * 2 * 5 = 30)
    many = [_delta(i, {1: 5}) for i in range(6)]
    squeezed = merge_deltas(many, rank_cap=8)
    assert squeezed.factors[1][0].shape[1] == BASE.d_model
    want = sum(d.dense(1) for d in many)
    assert torch.allclose(squeezed.dense(1), want, rtol=1e-4, atol=1e-4 * float(want.abs().max()))
    # cancelling deltas merge to nothing
    d = _delta(3, {2: 2})
    neg = LowRankDelta({2: (-d.factors[2][0], d.factors[2][1])})
    assert merge_deltas([d, neg], rank_cap=1).factors == {}


def test_bad_files_raise_adapter_error(tmp_path):
    with pytest.raises(AdapterError, match="does not exist"):
        read_lora_gguf(tmp_path / "missing.gguf")
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"not a gguf at all")
    with pytest.raises(AdapterError, match="not a GGUF"):
        read_lora_gguf(junk)
    good = write_lora_gguf(_delta(1, {0: 2}), tmp_path / "good.gguf", BASE)
    truncated = tmp_path / "truncated.gguf"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(AdapterError):
        read_lora_gguf(truncated)
    other = BaseModelInfo(**{**BASE.__dict__, "fingerprint": "cd" * 32})
    with pytest.raises(AdapterError, match="another model"):
        check_adapter_for(read_lora_gguf(good), other)
    with pytest.raises(AdapterError, match="down_proj"):
        write_lora_gguf(LowRankDelta({0: (torch.ones(7, 1), torch.ones(1, 20))}), tmp_path / "x.gguf", BASE)
    with pytest.raises(AdapterError, match="layer 9"):
        write_lora_gguf(_delta(2, {9: 1}), tmp_path / "y.gguf", BASE)
    nan = _delta(2, {1: 1})
    nan.factors[1][0][0, 0] = float("nan")
    with pytest.raises(AdapterError, match="non-finite"):
        write_lora_gguf(nan, tmp_path / "z.gguf", BASE)
    assert not (tmp_path / "z.gguf").exists()
    assert np.isfinite(read_lora_gguf(good).alpha)
