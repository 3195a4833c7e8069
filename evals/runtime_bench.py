"""Runtime benchmark: llama.cpp vs torch tokens/s, and the per-token cost of active edits (LoRA adapters).

    .venv/bin/python -m evals.runtime_bench [--tokens 64] [--rounds 3] [--edits 1,10,50] [--out FILE.json]

1. Speed, both backends in one run, side by side: for each round and prompt, torch (fp32 patient,
   `generate`, greedy, batch 1) and llama.cpp (`LlamaRuntime`, greedy) each produce exactly --tokens
   new tokens (EOS ignored) after the chat-formatted prompt; end-to-end time (prompt + decode) per
   generation. Interleaving the two backends spreads the noise of a shared machine over both.
   torch runs with its default thread count and (unless --no-torch-1thread) also with 1 thread, the
   llama.cpp runtime's default, so the comparison is also made at equal thread counts.
2. Edit overhead: the runtime with 0, 1, 10, 50 active edits (one merged adapter, as the session
   serves them), timed round-robin in every round; overhead = median time per token / median with 0
   edits - 1. The edits are STAMP-shaped (rank --edit-rank on --edit-layers, cycling) with small random
   factors: the cost of an adapter depends on its shape only, and small values keep the text (and so
   the amount of work) the same. Also reported: the unmerged alternative (one adapter per edit).

3. (--real-edits N) N real STAMP edits of fact-bank facts through `Session.apply` with the runtime
   attached: probes revealing the answer after the edit in torch vs in llama.cpp (the executor's
   runtime check), and whether undo restores llama.cpp's original answer.

Timings on a shared 2-core machine are noisy: medians over rounds are reported with min and max.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import torch
from tqdm import tqdm

PROMPTS = [
    "Tell me a short story about a lighthouse keeper.",
    "Explain how photosynthesis works.",
    "What should I pack for a week of hiking?",
]


def _stats(xs: list[float]) -> dict[str, float]:
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs), "n": len(xs)}


def torch_generate(patient, prompt: str, n: int) -> float:
    enc = patient.tokenizer([patient.chat_text(prompt)], return_tensors="pt", add_special_tokens=False)
    t0 = time.perf_counter()
    with torch.no_grad():
        out = patient.model.generate(**enc, max_new_tokens=n, min_new_tokens=n, do_sample=False, num_beams=1,
                                     pad_token_id=patient.tokenizer.pad_token_id)
    dt = time.perf_counter() - t0
    assert out.shape[1] - enc["input_ids"].shape[1] == n
    return dt


def llama_generate(runtime, prompt: str, n: int) -> float:
    tokens = runtime.tokens(runtime.chat_text(prompt))
    t0 = time.perf_counter()
    got = sum(1 for _ in runtime.generate_tokens(tokens, n, stop_at_eos=False))
    dt = time.perf_counter() - t0
    assert got == n
    return dt


def synthetic_edits(count: int, rank: int, layers: list[int], d_model: int, d_ff: int):
    from repair.stamp.delta import LowRankDelta

    g = torch.Generator().manual_seed(0)
    return [(f"edit-{i + 1}", LowRankDelta({layers[i % len(layers)]: (
        torch.randn(d_model, rank, generator=g) * 1e-4, torch.randn(rank, d_ff, generator=g) * 1e-4)}))
        for i in range(count)]


class Unmerged:
    """The alternative the runtime avoids: one llama.cpp adapter per edit, all set at once."""

    def __init__(self, runtime, edits, workdir: Path):
        from repair.patient.adapters import write_lora_gguf

        self.rt = runtime
        lib = runtime._llama_cpp
        self.handles = []
        for i, (eid, d) in enumerate(edits):
            path = write_lora_gguf(d, workdir / f"single-{i}.gguf", runtime.base, delta_ids=[eid])
            self.handles.append(runtime._init_adapter(path))
        self.arr = (lib.llama_adapter_lora_p_ctypes * len(self.handles))(*self.handles)
        self.scales = (ctypes.c_float * len(self.handles))(*([1.0] * len(self.handles)))

    def __enter__(self):
        lib = self.rt._llama_cpp
        assert lib.llama_set_adapters_lora(self.rt.llm.ctx, self.arr, len(self.handles), self.scales) == 0
        self.rt.llm.reset()
        return self

    def __exit__(self, *exc):
        lib = self.rt._llama_cpp
        lib.llama_set_adapters_lora(self.rt.llm.ctx, None, 0, None)
        self.rt.llm.reset()
        for h in self.handles:
            lib.llama_adapter_lora_free(h)


def real_edit_check(settings, patient, runtime, n: int, max_tokens: int = 32) -> list[dict]:
    """Real STAMP edits (fact bank, via Session.apply with the llama.cpp runtime) one at a time: does the
    edit hold in llama.cpp (quantised base + adapter) as in torch, and does undo restore llama's answer?"""
    from repair.data import contains_answer, load_facts
    from repair.editing import template_wrappers
    from repair.records import Canary, RepairPlan
    from repair.session import Session

    session = Session(settings, patient, runtime)  # throwaway journal
    known = []
    for fact in load_facts():
        if len(known) >= n + 3:
            break
        if contains_answer(runtime.answer(fact.question, max_new_tokens=max_tokens), list(fact.answers)):
            known.append(fact)
    targets, canary_facts = known[:n], known[n:]
    canaries = [Canary(question=f.question, answer=f.answer) for f in canary_facts]
    rows = []
    for fact in tqdm(targets, desc="real edits", file=sys.stderr):
        before = runtime.answer(fact.question, max_new_tokens=max_tokens)
        plan = RepairPlan(target=fact.question, subject=fact.subject, forget_probes=template_wrappers(fact.question),
                          check_probes=list(fact.paraphrases), answers=list(fact.answers), retain_canaries=canaries)
        rec = session.apply(plan)
        after = runtime.answer(fact.question, max_new_tokens=max_tokens)
        torch_after = patient.answer(fact.question, max_new_tokens=max_tokens)
        if rec.status == "applied":
            session.undo(rec.id)
        rows.append({
            "fact": fact.id, "question": fact.question, "status": rec.status, "reason": rec.reason,
            "probes": rec.after.forget_total, "revealed_before": rec.before.forget_revealed,
            "revealed_after_torch": rec.after.forget_revealed, "revealed_after_llama": rec.after.runtime_revealed,
            "llama_answer_after": after if rec.status == "applied" else None,
            "torch_answer_after": torch_after if rec.status == "applied" else None,
            "undo_restores_llama_answer": runtime.answer(fact.question, max_new_tokens=max_tokens) == before,
            "timings": rec.timings,
        })
    session.close()
    return rows


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default="smollm2-135m")
    ap.add_argument("--tokens", type=int, default=64, help="new tokens per generation")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--edits", default="1,10,50")
    ap.add_argument("--edit-rank", type=int, default=8)
    ap.add_argument("--edit-layers", default="6", help="comma-separated layers the synthetic edits cycle over")
    ap.add_argument("--threads", type=int, default=1, help="llama.cpp threads (runtime default: 1)")
    ap.add_argument("--torch-1thread", action=argparse.BooleanOptionalAction, default=True,
                    help="also time torch limited to 1 thread (the llama.cpp runtime's default)")
    ap.add_argument("--no-unmerged", action="store_true", help="skip the one-adapter-per-edit comparison")
    ap.add_argument("--edits-only", action="store_true", help="skip the torch vs llama.cpp speed part")
    ap.add_argument("--real-edits", type=int, default=0,
                    help="also make N real STAMP edits (fact bank) and check they hold in llama.cpp (slow)")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from repair.config import Settings
    from repair.patient import Patient
    from repair.patient.runtime import LlamaRuntime, RuntimeOptions

    settings = Settings.create(model=args.model)
    t0 = time.perf_counter()
    runtime = LlamaRuntime.load(args.model, settings, RuntimeOptions(n_threads=args.threads))
    llama_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    patient = Patient.load(args.model, settings)
    torch_load = time.perf_counter() - t0
    counts = [0, *[int(x) for x in args.edits.split(",") if x.strip()]]
    layers = [int(x) for x in args.edit_layers.split(",")]
    edits = synthetic_edits(max(counts), args.edit_rank, layers, runtime.base.d_model, runtime.base.d_ff)
    n = args.tokens
    print(f"[bench] load: llama.cpp {llama_load:.1f} s, torch {torch_load:.1f} s; torch threads "
          f"{torch.get_num_threads()}, llama.cpp threads {args.threads}; load avg {os.getloadavg()}", file=sys.stderr)

    # warm-up (first calls allocate buffers)
    llama_generate(runtime, PROMPTS[0], 8)
    if not args.edits_only:
        torch_generate(patient, PROMPTS[0], 8)

    speed: dict[str, list[float]] = {"torch": [], "llama": []}
    if args.torch_1thread:
        speed["torch_1thread"] = []
    torch_threads = torch.get_num_threads()
    per_tok: dict[int, list[float]] = {c: [] for c in counts}
    unmerged: dict[int, list[float]] = {c: [] for c in counts if c > 0}
    swap_s: dict[int, list[float]] = {c: [] for c in counts}
    paired_base: dict[int, list[float]] = {c: [] for c in counts if c > 0}
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        bar = tqdm(total=args.rounds, desc="rounds", file=sys.stderr)
        for _ in range(args.rounds):
            for prompt in PROMPTS if not args.edits_only else ():  # both backends side by side
                speed["torch"].append(n / torch_generate(patient, prompt, n))
                if args.torch_1thread:
                    torch.set_num_threads(1)
                    try:
                        speed["torch_1thread"].append(n / torch_generate(patient, prompt, n))
                    finally:
                        torch.set_num_threads(torch_threads)
                speed["llama"].append(n / llama_generate(runtime, prompt, n))
            for c in counts:  # edit overhead, round robin; each count paired with a fresh 0-edit baseline
                if c:
                    runtime.set_deltas([])
                    for prompt in PROMPTS:
                        paired_base[c].append(llama_generate(runtime, prompt, n) / n)
                t0 = time.perf_counter()
                runtime.set_deltas(edits[:c])
                swap_s[c].append(time.perf_counter() - t0)
                for prompt in PROMPTS:
                    per_tok[c].append(llama_generate(runtime, prompt, n) / n)
                if c and not args.no_unmerged:
                    runtime.set_deltas([])
                    with Unmerged(runtime, edits[:c], Path(tmp)):
                        for prompt in PROMPTS:
                            unmerged[c].append(llama_generate(runtime, prompt, n) / n)
            runtime.set_deltas([])
            bar.update()
        bar.close()

    base = statistics.median(per_tok[0])
    from repair.patient.adapters import merge_deltas

    merged_rank: dict[int, int] = {}

    for c in counts:
        m = merge_deltas([d for _, d in edits[:c]], rank_cap=runtime.options.rank_cap)
        merged_rank[c] = m.rank
    result = {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "loadavg_end": os.getloadavg(),
                    "torch_threads": torch.get_num_threads(), "llama_threads": args.threads},
        "settings": {"model": args.model, "new_tokens": n, "rounds": args.rounds, "prompts": len(PROMPTS),
                     "edit_rank": args.edit_rank, "edit_layers": layers, "rank_cap": runtime.options.rank_cap},
        "tokens_per_s": {k: _stats(v) for k, v in speed.items() if v},
        "speedup_llama_over_torch": (statistics.median(speed["llama"]) / statistics.median(speed["torch"])
                                     if speed["torch"] else None),
        **({"speedup_llama_over_torch_1thread": statistics.median(speed["llama"])
            / statistics.median(speed["torch_1thread"])} if args.torch_1thread and speed["torch"] else {}),
        "edits": {
            str(c): {
                "ms_per_token": _stats([x * 1000 for x in per_tok[c]]),
                "overhead_vs_0_edits": statistics.median(per_tok[c]) / base - 1.0,
                **({"overhead_vs_paired_0_edits": statistics.median(
                    [x / y for x, y in zip(per_tok[c], paired_base[c], strict=True)]) - 1.0} if c else {}),
                "merged_adapter_rank": merged_rank[c],
                "swap_seconds": _stats(swap_s[c]),
                **({"unmerged_overhead_vs_0_edits": statistics.median(unmerged[c]) / base - 1.0}
                   if c and unmerged.get(c) else {}),
            }
            for c in counts
        },
    }
    if args.real_edits:
        if args.out:  # the timing part is saved before the (slow) real edits start
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(json.dumps(result, indent=2))
        result["real_edits"] = real_edit_check(settings, patient, runtime, args.real_edits)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text)
    sp = result["tokens_per_s"]
    if speed["torch"]:
        print(f"\ntokens/s (median): torch {sp['torch']['median']:.1f}, llama.cpp {sp['llama']['median']:.1f} "
              f"-> {result['speedup_llama_over_torch']:.1f}x", file=sys.stderr)
    if args.torch_1thread and speed["torch"]:
        print(f"torch limited to 1 thread: {sp['torch_1thread']['median']:.1f} tokens/s -> llama.cpp "
              f"{result['speedup_llama_over_torch_1thread']:.1f}x", file=sys.stderr)
    for c in counts[1:]:
        e = result["edits"][str(c)]
        extra = (f", unmerged {e['unmerged_overhead_vs_0_edits'] * 100:+.1f}%"
                 if "unmerged_overhead_vs_0_edits" in e else "")
        print(f"{c:3d} edits: per-token overhead {e['overhead_vs_0_edits'] * 100:+.1f}% (paired with a 0-edit run "
              f"just before: {e['overhead_vs_paired_0_edits'] * 100:+.1f}%; merged rank "
              f"{e['merged_adapter_rank']}, swap {e['swap_seconds']['median']:.2f} s){extra}", file=sys.stderr)
    for row in result.get("real_edits", []):
        print(f"real edit {row['fact']}: {row['status']}; probes revealing the answer after: torch "
              f"{row['revealed_after_torch']}/{row['probes']}, llama.cpp {row['revealed_after_llama']}/{row['probes']} "
              f"(before {row['revealed_before']}); undo restores llama answer: {row['undo_restores_llama_answer']}",
              file=sys.stderr)
    runtime.close()
    return result


if __name__ == "__main__":
    main()
