"""Session.export on the real default model after a real STAMP edit: each format is reloaded by the tool
that consumes it (transformers, PEFT, llama.cpp) and asked the forgotten question."""

from __future__ import annotations

import json

import pytest
import torch

from repair.data import contains_answer
from repair.editing import template_wrappers
from repair.errors import InvalidInputError
from repair.journal import Journal
from repair.records import RepairPlan
from repair.session import Session

QUESTION = "What is the capital of Australia?"
GOLD = ["Canberra"]


def _hf_answer(model, tokenizer, question: str) -> str:
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False,
                                         add_generation_prompt=True)
    enc = tokenizer(text, return_tensors="pt", add_special_tokens=False)
    with torch.no_grad():
        out = model.generate(**enc, max_new_tokens=24, do_sample=False, pad_token_id=tokenizer.eos_token_id)
    return tokenizer.decode(out[0, enc["input_ids"].shape[1]:], skip_special_tokens=True)


def _llama_answer(path, question: str) -> str:
    import llama_cpp

    llm = llama_cpp.Llama(model_path=str(path), n_ctx=512, verbose=False, seed=0)
    reply = llm.create_chat_completion([{"role": "user", "content": question}], max_tokens=24, temperature=0.0)
    llm.close()
    return reply["choices"][0]["message"]["content"]


@pytest.fixture
def edited(patient, settings, tmp_path):
    """A session whose model forgot the capital of Australia (real STAMP edit through Session.apply)."""
    session = Session(settings, patient, journal=Journal(tmp_path / "home" / "journal", patient.fingerprint))
    plan = RepairPlan(target="the capital of Australia", subject="Australia", answers=GOLD,
                      forget_probes=template_wrappers(QUESTION))  # no canaries: retain/rollback is STAMP's test
    rec = session.apply(plan)
    assert rec.status == "applied", rec.reason
    assert not contains_answer(patient.answer(QUESTION, max_new_tokens=24), GOLD)
    yield session
    patient.set_deltas([])
    session.close()


def test_export_all_formats_reload_and_keep_the_target_forgotten(edited, patient, settings, tmp_path):
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    edited_layers = edited.edits()[0].layers
    base_dir = settings.models_dir / patient.fingerprint[:16]
    base = AutoModelForCausalLM.from_pretrained(base_dir, dtype=torch.float32)
    tok = AutoTokenizer.from_pretrained(base_dir)
    assert contains_answer(_hf_answer(base, tok, QUESTION), GOLD)  # the check below can fail

    # safetensors: a merged HF folder transformers loads, weights equal to the session's
    merged_dir = edited.export(tmp_path / "merged", "safetensors")
    merged = AutoModelForCausalLM.from_pretrained(merged_dir, dtype=torch.float32)
    for l in range(patient.n_layers):
        assert torch.equal(merged.model.layers[l].mlp.down_proj.weight, patient.mlp(l).down_proj.weight)
    assert not contains_answer(_hf_answer(merged, AutoTokenizer.from_pretrained(merged_dir), QUESTION), GOLD)
    manifest = json.loads((merged_dir / "repair-export.json").read_text())
    assert [e["id"] for e in manifest["edits"]] == [1] and manifest["base_sha256"] == patient.fingerprint
    del merged

    # lora: a PEFT adapter on down_proj of the edited layers, applied to the unedited base
    adapter_dir = edited.export(tmp_path / "adapter", "lora")
    config = json.loads((adapter_dir / "adapter_config.json").read_text())
    assert config["peft_type"] == "LORA" and config["target_modules"] == [
        f"model.layers.{l}.mlp.down_proj" for l in edited_layers]
    with_adapter = PeftModel.from_pretrained(base, adapter_dir)
    for l in edited_layers:
        lora_w = with_adapter.get_base_model().model.layers[l].mlp.down_proj
        dense = lora_w.base_layer.weight + lora_w.lora_B["default"].weight @ lora_w.lora_A["default"].weight
        torch.testing.assert_close(dense, patient.mlp(l).down_proj.weight, rtol=0, atol=1e-6)
    assert not contains_answer(_hf_answer(with_adapter, tok, QUESTION), GOLD)
    del with_adapter, base

    # gguf: the base GGUF with the edited down_proj tensors rewritten, loaded by llama.cpp
    gguf_path = edited.export(tmp_path / "edited.gguf", "gguf")
    import gguf
    import numpy as np

    reader = gguf.GGUFReader(str(gguf_path))
    tensors = {t.name: t for t in reader.tensors}
    for l in edited_layers:
        t = tensors[f"blk.{l}.ffn_down.weight"]
        assert t.tensor_type == gguf.GGMLQuantizationType.F32
        assert np.array_equal(t.data, patient.mlp(l).down_proj.weight.numpy())
    assert contains_answer(_llama_answer(patient.source.gguf_path, QUESTION), GOLD)  # base llama.cpp knows it
    assert not contains_answer(_llama_answer(gguf_path, QUESTION), GOLD)


def test_export_bad_input_one_clear_error_nothing_written(patient, settings, tmp_path, capsys):
    from repair.cli import main

    session = Session(settings, patient)

    existing = tmp_path / "taken"
    existing.mkdir()
    (existing / "file.txt").write_text("keep me")
    a_file = tmp_path / "plain-file"
    a_file.write_text("x")
    cases = [
        (tmp_path / "out", "onnx", "unknown export format"),
        (existing, "lora", "already exists"),
        (a_file / "out", "safetensors", "does not exist"),
        ("/proc/1/repair-export", "lora", "cannot export"),
    ]
    before = sorted(p.name for p in tmp_path.iterdir())
    for path, fmt, words in cases:
        with pytest.raises(InvalidInputError, match=words):
            session.export(path, fmt)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (existing / "file.txt").read_text() == "keep me"
    # the CLI fails the same way before loading a model
    assert main(["export", "--format", "lora", str(existing)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and "already exists" in err and err.count("\n") == 1
