"""The llama.cpp runtime on the real model: prompts, streaming, edits hot-swapped as LoRA adapters, bad adapters.

The edit here is a small closed-form solve written in the test (no STAMP machinery): at layer 6 the
down_proj inputs K (one per wording of the question, at the subject's last token) are mapped onto the
residual-stream difference V between invented subjects and "Australia": Delta = V (K^T K)^-1 K^T, so
Delta K = V exactly. That replaces the model's knowledge of the subject at that point; the torch patient
gets the delta, and the llama.cpp runtime must change the same way.
"""

from __future__ import annotations

import pytest
import torch

from repair.data import contains_answer
from repair.patient.adapters import AdapterError, BaseModelInfo, read_lora_gguf, write_lora_gguf
from repair.patient.runtime import LlamaRuntime, count_revealed
from repair.records import RepairPlan
from repair.session import Session
from repair.stamp.delta import LowRankDelta

QUESTION = "What is the capital of Australia?"
WORDINGS = [QUESTION, f"Quick question: {QUESTION}", "Tell me, what is the capital of Australia?"]
LAYER = 6


@pytest.fixture(scope="module")
def runtime(settings):
    rt = LlamaRuntime.load("smollm2-135m", settings)
    yield rt
    assert rt.active_deltas == [], "a test left an adapter on the shared runtime"
    rt.close()


@torch.no_grad()
def _site(patient, question: str, subject: str) -> tuple[torch.Tensor, torch.Tensor]:
    """(down_proj input [d_ff], residual state after the layer [d_model]) at the subject's last token."""
    text = patient.chat_text(question)
    pos = patient.subject_positions(text, subject)[-1]
    ids = patient.tokenizer(text, return_tensors="pt", add_special_tokens=False)["input_ids"]
    got = {}
    hooks = [
        patient.mlp(LAYER).down_proj.register_forward_hook(lambda _m, a, _o: got.__setitem__("k", a[0][0, pos])),
        patient.model.model.layers[LAYER].register_forward_hook(
            lambda _m, _a, o: got.__setitem__("h", (o[0] if isinstance(o, tuple) else o)[0, pos])),
    ]
    try:
        patient.model(input_ids=ids)
    finally:
        for h in hooks:
            h.remove()
    return got["k"].clone(), got["h"].clone()


def _forget_australia(patient) -> LowRankDelta:
    keys, moves = [], []
    for q in WORDINGS:
        k, h = _site(patient, q, "Australia")
        fake = torch.stack([_site(patient, q.replace("Australia", n), n)[1] for n in ("Quorvania", "Zelbrath")])
        keys.append(k)
        moves.append(fake.mean(0) - h)
    K, V = torch.stack(keys, 1), torch.stack(moves, 1)  # [d_ff, n], [d_model, n]
    A = torch.linalg.solve(K.T @ K, K.T)  # [n, d_ff]
    delta = LowRankDelta({LAYER: (V.contiguous(), A.contiguous())})
    assert torch.allclose(delta.dense(LAYER) @ K, V, atol=1e-3)
    return delta


def test_prompt_is_token_identical_to_torch(runtime, patient):
    history = [{"role": "user", "content": "Hi!"}, {"role": "assistant", "content": "Hello."}]
    for q, hist in ((QUESTION, ()), ("And Peru?", history)):
        text = runtime.chat_text(q, hist)
        assert text == patient.chat_text(q, hist)
        assert runtime.tokens(text) == patient.tokenizer(text, add_special_tokens=False)["input_ids"]


def test_stream_is_greedy_answer_in_pieces(runtime):
    pieces = list(runtime.stream(QUESTION, max_new_tokens=24))
    assert len(pieces) > 3
    assert "".join(pieces).strip() == runtime.answer(QUESTION, max_new_tokens=24)
    assert contains_answer(runtime.answer(QUESTION, max_new_tokens=24), ["Canberra"])


def test_edit_in_torch_reaches_llama_and_undo_restores(runtime, patient, settings, monkeypatch):
    import repair.editing
    from repair.records import EditRecord

    session = Session(settings, patient, runtime)  # throwaway journal in a temp folder
    before = session.ask(QUESTION)
    assert contains_answer(before, ["Canberra"])
    delta = _forget_australia(patient)

    def hand_made_edit(_editor, plan, runtime=None):  # the executor, minus STAMP: our closed-form delta
        return EditRecord(id=0, created="2026-01-01T00:00:00+00:00", target=plan.target, plan=plan,
                          layers=[LAYER], rank=delta.rank, delta_sha256=delta.sha256()), delta

    # the executor's runtime check: the trial edit hides the answer in llama.cpp, then the base serves again
    assert count_revealed(runtime, [], ("trial", delta), WORDINGS, ["Canberra"]) == 0
    assert runtime.active_deltas == [] and session.ask(QUESTION) == before
    monkeypatch.setattr(repair.editing, "execute", hand_made_edit)
    swaps = runtime.swaps
    rec = session.apply(RepairPlan(target="the capital of Australia", subject="Australia", forget_probes=WORDINGS))
    try:
        assert rec.status == "applied" and runtime.active_deltas == [f"edit-{rec.id}"]
        assert runtime.swaps == swaps + 1
        torch_after = patient.answer(QUESTION, max_new_tokens=24)
        llama_after = session.ask(QUESTION)
        assert not contains_answer(torch_after, ["Canberra"])
        assert not contains_answer(llama_after, ["Canberra"])  # quantised base + adapter: the edit holds
        assert llama_after.startswith(torch_after[:20])  # and it changes the same way as torch
        assert not contains_answer(session.ask("Which city is the capital of Australia?"), ["Canberra"])
        # the adapter on disk is exactly this edit
        assert torch.allclose(read_lora_gguf(runtime.adapter_path).delta.dense(LAYER), delta.dense(LAYER))
    finally:
        if rec.status == "applied" and patient.active_deltas:
            session.undo(rec.id)
        session.close()
    assert patient.active_deltas == []
    assert runtime.active_deltas == [] and runtime.adapter_path is None
    assert session.ask(QUESTION) == before


def test_bad_adapters_leave_the_served_model_alone(runtime, tmp_path):
    before = runtime.answer(QUESTION, max_new_tokens=16)
    good = tmp_path / "good.gguf"
    g = torch.Generator().manual_seed(0)
    small = LowRankDelta({3: (torch.randn(576, 2, generator=g) * 1e-3, torch.randn(2, 1536, generator=g) * 1e-3)})
    write_lora_gguf(small, good, runtime.base, delta_ids=["x"])
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(good.read_bytes()[:700])
    foreign = write_lora_gguf(small, tmp_path / "foreign.gguf",
                              BaseModelInfo(**{**runtime.base.__dict__, "fingerprint": "0" * 64}))
    other_shape = write_lora_gguf(LowRankDelta({3: (torch.ones(64, 1), torch.ones(1, 256))}), tmp_path / "o.gguf",
                                  BaseModelInfo("llama", runtime.base.fingerprint, 30, 64, 256))
    for path, match in ((tmp_path / "missing.gguf", "does not exist"), (broken, "corrupt|truncated"),
                        (foreign, "another model"), (other_shape, "down_proj")):
        with pytest.raises(AdapterError, match=match):
            runtime.load_adapter(path)
        assert runtime.active_deltas == [] and runtime.adapter_path is None
    assert runtime.answer(QUESTION, max_new_tokens=16) == before
    # a valid adapter loads; a bad one afterwards keeps it serving
    runtime.load_adapter(good)
    try:
        assert runtime.active_deltas == ["x"]
        with pytest.raises(AdapterError):
            runtime.load_adapter(broken)
        assert runtime.active_deltas == ["x"] and runtime.adapter_path == good
    finally:
        runtime.clear_adapters()
    assert runtime.answer(QUESTION, max_new_tokens=16) == before


def test_many_edits_are_one_merged_adapter(runtime):
    g = torch.Generator().manual_seed(1)
    deltas = [(f"e{i}", LowRankDelta({4 + i % 3: (torch.randn(576, 4, generator=g) * 1e-4,
                                                   torch.randn(4, 1536, generator=g) * 1e-4)})) for i in range(30)]
    runtime.set_deltas(deltas)
    try:
        adapter = read_lora_gguf(runtime.adapter_path)
        assert adapter.delta_ids == tuple(i for i, _ in deltas) and adapter.delta.layers == [4, 5, 6]
        assert adapter.delta.rank <= runtime.options.rank_cap
        for layer in (4, 5, 6):
            want = sum(d.dense(layer) for _, d in deltas if layer in d.factors)
            assert torch.allclose(adapter.delta.dense(layer), want, atol=1e-9, rtol=1e-4)
    finally:
        runtime.set_deltas([])


def test_open_picks_backend_and_falls_back_to_torch(home, capsys, monkeypatch):
    import repair
    import repair.patient.runtime as rt_module
    from repair.errors import InvalidInputError

    with pytest.raises(InvalidInputError, match="unknown backend"):
        repair.open(home=home, backend="gpu")
    s = repair.open(home=home)  # default: llama.cpp, torch patient not loaded for plain answers
    try:
        assert s.backend == "llama" and not s.patient_loaded
        assert contains_answer(s.ask("What is the capital of Japan?"), ["Tokyo"])
        assert not s.patient_loaded
    finally:
        s.runtime.close()
        s.close()
    monkeypatch.setattr(rt_module, "llama_cpp_available", lambda: "llama-cpp-python unavailable (ImportError: test)")
    capsys.readouterr()
    s = repair.open(home=home)
    try:
        err = capsys.readouterr().err.strip().splitlines()
        assert s.backend == "torch" and s.runtime is None and s.patient_loaded
        assert [line for line in err if "using the torch backend" in line] == [
            "[repair] llama-cpp-python unavailable (ImportError: test); using the torch backend (slower)"]
        assert "".join(s.stream("What is the capital of Japan?", max_new_tokens=12)).strip()
    finally:
        s.close()
