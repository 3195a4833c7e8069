"""`repair bench`: run the scenarios, every method on the same data and machine, write JSON + Markdown + PNG.

Methods: the untouched model, STAMP variants through `Session.apply` (one edit per forget group, applied in
sequence, undone afterwards), and the training baselines GA / GradDiff / NPO on a copy of the model (all forget
items at once, same retain buffer). Metrics: see evals/evaluate.py. Timing is wall clock on a shared machine.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from evals.baselines import METHODS as BASELINES
from evals.baselines import TrainConfig, unlearn
from evals.evaluate import EvalConfig, n_prompts, score
from evals.implant import ImplantRecipe, load_implant
from evals.metrics import PeakMemory, mean, revealed
from evals.scenarios import SCENARIOS, ScenarioSizes, implant_check
from evals.stamp_method import StampVariant, active_deltas, forget_groups, undo_all


@dataclass
class BenchConfig:
    scenarios: tuple[str, ...] = SCENARIOS
    baselines: tuple[str, ...] = BASELINES
    stamp_variants: tuple[StampVariant, ...] = (StampVariant("stamp"), StampVariant("stamp-3L", layers=(5, 6, 7)))
    sizes: ScenarioSizes = ScenarioSizes()
    eval: EvalConfig = field(default_factory=EvalConfig)
    train: TrainConfig = field(default_factory=TrainConfig)
    curve_retain: int = 8  # retain items re-asked after each edit for the sequential curve
    curve_points: tuple[int, ...] = (1, 2, 4, 8)
    runtime: bool = True  # extraction through the llama.cpp runtime (when available)
    model: str = "smollm2-135m"
    home: str | None = None
    data: str | None = None
    out: str = "bench-results"
    seed: int = 0
    quick: bool = False


def quick_config(**kw) -> BenchConfig:
    """The CI smoke path: facts scenario only, 2 forgotten facts, tiny retain set, short baseline budgets."""
    base = BenchConfig(
        scenarios=("facts",), stamp_variants=(StampVariant("stamp"),),
        sizes=ScenarioSizes(n_forget=2, n_retain=4, n_buffer=4, n_canaries=2, pool=24),
        eval=EvalConfig(max_new_tokens=16, attacks=True), train=TrainConfig(lr=5e-5, max_steps=4, check_every=2),
        curve_retain=4, curve_points=(1, 2), runtime=False, quick=True,
    )
    return replace(base, **kw)


def full_config(**kw) -> BenchConfig:
    """The documented full run, sized to finish in well under an hour on a contended 2-core machine."""
    base = BenchConfig(
        sizes=ScenarioSizes(n_forget=6, n_retain=16, n_buffer=8, n_canaries=4, pool=96, authors_forget=2,
                            authors_retain=1, qa_per_author=8, misinfo_items=6,
                            implant_recipe=ImplantRecipe(epochs=5, lr=1e-4, batch_size=8, retain_mix=4)),
        eval=EvalConfig(max_new_tokens=16, long_tokens=32), train=TrainConfig(lr=5e-5, max_steps=12, check_every=3),
        curve_retain=8, curve_points=(1, 2, 4, 6),
    )
    return replace(base, **kw)


def _machine() -> dict:
    import torch

    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return {"python": platform.python_version(), "torch": torch.__version__, "cpus": os.cpu_count(),
            "torch_threads": torch.get_num_threads(), "loadavg_start": list(load), "platform": platform.platform()}


def _build(name, base, settings, tofu, cfg):
    from evals import scenarios as S

    if name == "facts":
        return S.facts_scenario(base, settings.cache, cfg.sizes, cfg.seed)
    if name == "harmful-proxy":
        return S.harmful_scenario(base, settings.cache, cfg.sizes, cfg.seed)
    if name == "misinformation":
        return S.misinformation_scenario(base, settings.cache, tofu, cfg.sizes, cfg.seed)
    if name == "personal":
        return S.personal_scenario(base, settings.cache, tofu, cfg.sizes, cfg.seed)
    raise ValueError(f"unknown scenario {name!r}; choose from {SCENARIOS}")


def _open_runtime(cfg: BenchConfig, settings):
    if not cfg.runtime:
        return None, "disabled"
    try:
        from repair.patient.runtime import LlamaRuntime, llama_cpp_available

        reason = llama_cpp_available()
        if reason:
            return None, reason
        return LlamaRuntime.load(cfg.model, settings), "ok"
    except Exception as exc:  # the runtime is optional: record why it is missing, bench the rest
        return None, f"{type(exc).__name__}: {exc}"


def _sequential_curve(session, patient, sc, variant, cfg: BenchConfig, bar) -> list[dict]:
    """Retain accuracy (on `curve_retain` items) and forget accuracy after 1..N sequential STAMP edits."""
    retain = sc.retain[: cfg.curve_retain]
    points, records = [], []
    run_all = None
    for k, group in enumerate(sc.groups, start=1):
        run = forget_groups(session, [group], sc.buffer[: cfg.sizes.n_canaries], variant, sc.category)
        records += run.records
        run_all = run if run_all is None else run_all
        if k in cfg.curve_points or k == len(sc.groups):
            forgotten = [it for g in sc.groups[:k] for it in g]
            qs = [it.question for it in retain] + [it.question for it in forgotten]
            reps = patient.answer_many(qs, max_new_tokens=cfg.eval.max_new_tokens, batch_size=cfg.eval.batch_size)
            bar.update(len(qs))
            r_rep, f_rep = reps[: len(retain)], reps[len(retain):]
            points.append({
                "edits": k, "applied": sum(r.status == "applied" for r in records),
                "acc_r": mean([revealed(r, it.answers, it.gold) for r, it in zip(r_rep, retain, strict=True)]),
                "acc_f": mean([revealed(r, it.answers, it.gold) for r, it in zip(f_rep, forgotten, strict=True)]),
            })
    from evals.stamp_method import StampRun

    undo_all(session, StampRun(records=records))
    return points


def _method_entry(scores, seconds, mem: PeakMemory, **extra) -> dict:
    return {"scores": scores.to_dict(), "edit_seconds": seconds, "peak_rss_mb": mem.peak_mb,
            "extra_rss_mb": mem.extra_mb, **extra}


def run(cfg: BenchConfig) -> dict:
    """Run the benchmark; write `<out>/results.json`, `<out>/report.md` and PNG plots; return the results."""
    from tqdm import tqdm

    from evals.report import write_report
    from repair.config import Settings
    from repair.data import load_tofu
    from repair.errors import InvalidInputError
    from repair.patient import Patient
    from repair.session import Session

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    unknown = [s for s in cfg.scenarios if s not in SCENARIOS]
    if unknown:
        raise InvalidInputError(f"unknown scenario(s) {unknown}; choose from {', '.join(SCENARIOS)}")
    bad = [b for b in cfg.baselines if b not in BASELINES]
    if bad:
        raise InvalidInputError(f"unknown baseline(s) {bad}; choose from {', '.join(BASELINES)}")
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    t_start = time.perf_counter()
    settings = Settings.create(home=cfg.home, model=cfg.model)
    base = Patient.load(cfg.model, settings)
    tofu, tofu_note = None, None
    if {"misinformation", "personal"} & set(cfg.scenarios):
        try:
            tofu = load_tofu(cfg.data)
        except InvalidInputError as exc:
            tofu_note = str(exc)
    runtime, runtime_note = _open_runtime(cfg, settings)
    results: dict = {"config": _jsonable(asdict(cfg)), "machine": _machine(), "runtime": runtime_note,
                     "scenarios": {}, "skipped": {}}
    for name in cfg.scenarios:
        if name in ("misinformation", "personal") and tofu is None:
            results["skipped"][name] = tofu_note
            print(f"[bench] skipping {name}: {tofu_note}")
            continue
        print(f"[bench] scenario {name}: building")
        sc = _build(name, base, settings, tofu, cfg)
        patient, rt = base, runtime
        entry: dict = {"info": sc.info, "n_groups": len(sc.groups), "n_forget": len(sc.forget),
                       "n_retain": len(sc.retain), "n_buffer": len(sc.buffer), "methods": {}}
        if sc.implant_path is not None:
            patient = Patient.load(cfg.model, settings)  # fresh copy: implanted weights must be its base
            load_implant(patient, sc.implant_path)
            entry["implant_check"] = implant_check(patient, sc, cfg.eval.long_tokens)
            rt = None  # the llama.cpp runtime serves the original GGUF, not the implanted weights
        if not sc.forget:
            results["skipped"][name] = "no forget items (the model knows none of the candidates)"
            continue
        per_eval = n_prompts(sc.forget, sc.retain, cfg.eval, runtime=rt is not None)
        n_methods = 1 + len(cfg.stamp_variants) + len(cfg.baselines)
        with tqdm(total=per_eval * n_methods, desc=f"{name}: eval", unit="q") as bar:
            mem = PeakMemory()
            with mem:
                pass
            entry["methods"]["untouched"] = _method_entry(score(patient, sc.forget, sc.retain, cfg.eval, rt, bar),
                                                          0.0, mem)
            session = Session(settings, patient)
            for v in cfg.stamp_variants:
                with PeakMemory() as mem:
                    srun = forget_groups(session, sc.groups, sc.buffer[: cfg.sizes.n_canaries], v, sc.category)
                if rt is not None:
                    rt.set_deltas(active_deltas(session, srun))
                s = score(patient, sc.forget, sc.retain, cfg.eval, rt, bar)
                if rt is not None:
                    rt.set_deltas([])
                entry["methods"][v.name] = _method_entry(
                    s, srun.seconds, mem, edits=len(srun.records), applied=srun.applied,
                    rolled_back=srun.rolled_back, layers=sorted({x for r in srun.records for x in r.layers}),
                    timings=[r.timings for r in srun.records], reasons=[r.reason for r in srun.records if r.reason])
                undo_all(session, srun)
            for kind in cfg.baselines:
                with PeakMemory() as mem:
                    view, tr = unlearn(patient, kind, sc.forget, sc.buffer, cfg.train)
                s = score(view, sc.forget, sc.retain, cfg.eval, None, bar)
                entry["methods"][kind] = _method_entry(s, tr.seconds, mem, steps=tr.steps, forgot=tr.forgot,
                                                       losses=tr.losses)
                del view
                gc.collect()
        if name == "facts" and cfg.stamp_variants and len(sc.groups) > 1:
            v = cfg.stamp_variants[0]
            total = sum(min(cfg.curve_retain, len(sc.retain)) + sum(len(g) for g in sc.groups[:k])
                        for k in range(1, len(sc.groups) + 1) if k in cfg.curve_points or k == len(sc.groups))
            with tqdm(total=total, desc=f"{name}: sequential curve ({v.name})", unit="q") as bar:
                entry["sequential"] = {"method": v.name,
                                       "points": _sequential_curve(Session(settings, patient), patient, sc, v, cfg,
                                                                   bar)}
        assert patient.active_deltas == [], "bench left an edit applied"
        results["scenarios"][name] = entry
        _write_json(out / "results.json", results)
        if patient is not base:
            del patient
            gc.collect()
    results["seconds_total"] = time.perf_counter() - t_start
    results["machine"]["loadavg_end"] = list(os.getloadavg()) if hasattr(os, "getloadavg") else []
    _write_json(out / "results.json", results)
    write_report(results, out)
    if runtime is not None and hasattr(runtime, "close"):
        runtime.close()
    return results


def _jsonable(x):
    if isinstance(x, dict):
        return {k: _jsonable(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_jsonable(v) for v in x]
    return x


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1, default=str))
    tmp.replace(path)
