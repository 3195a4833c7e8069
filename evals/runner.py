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
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from evals.baselines import METHODS as BASELINES
from evals.baselines import TrainConfig, unlearn
from evals.evaluate import EvalConfig, eval_tokens, n_prompts, score
from evals.implant import ImplantRecipe, load_implant
from evals.items import Item
from evals.metrics import PeakMemory, mean, revealed
from evals.scenarios import SCENARIOS, ScenarioSizes, implant_check
from evals.stamp_method import StampRun, StampVariant, active_deltas, forget_groups


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
    untouched: bool = True  # also score the model before forgetting
    model: str = "smollm2-135m"
    home: str | None = None
    data: str | None = None
    out: str = "bench-results"
    seed: int = 0
    quick: bool = False
    resume: bool = False  # keep what an earlier process measured in `out` (same config), run only the rest
    facts_n_forget: int | None = None  # the facts scenario's forget count (longer sequential curve); None: sizes


# STAMP as shipped (executor's default layers, rank 8 >= the number of probes: the exact ridge solution), its
# rank-1 truncation (low-rank), and the same edit spread over three layers (1 layer vs several).
FULL_STAMP_VARIANTS = (StampVariant("stamp"), StampVariant("stamp-r1", rank=1),
                       StampVariant("stamp-3L", layers=(5, 6, 7)))


# the parts of an edit's timings that compute the edit (the rest: verification by generation, bookkeeping)
STAMP_COMPUTE_PARTS = ("covariance", "capture", "target", "solve")


def quick_config(**kw) -> BenchConfig:
    """The CI smoke path: facts scenario only, 2 forgotten facts, tiny retain set, short baseline budgets."""
    base = BenchConfig(
        scenarios=("facts",), stamp_variants=(StampVariant("stamp"),),
        sizes=ScenarioSizes(n_forget=2, n_retain=4, n_buffer=4, n_canaries=2, pool=24),
        eval=EvalConfig(max_new_tokens=24, attacks=True),
        train=TrainConfig(lr=1e-4, max_steps=2, check_every=2, retain_batch=4),
        curve_retain=4, curve_points=(1, 2), runtime=False, quick=True,
    )
    return replace(base, **kw)


def full_config(**kw) -> BenchConfig:
    """The documented full run: every scenario, every method, sized to finish in <= 45 min on a 2-core machine
    with OMP_NUM_THREADS=1 while other developers load it (about 1 s per generated answer and 10 s per baseline
    training step under that load). Item counts are small (see docs/bench/README.md, "What the full run reduces");
    methods and scenarios are not dropped."""
    base = BenchConfig(
        scenarios=("facts", "harmful-proxy", "misinformation", "personal"),
        stamp_variants=FULL_STAMP_VARIANTS,
        sizes=ScenarioSizes(n_forget=3, n_retain=10, n_buffer=4, n_canaries=2, pool=48, harmful_pool=24,
                            authors_forget=1, authors_retain=1, qa_per_author=4, misinfo_items=3,
                            implant_recipe=ImplantRecipe(epochs=10, lr=3e-4, batch_size=8, retain_mix=2),
                            misinfo_recipe=ImplantRecipe(epochs=12, lr=1e-4, batch_size=8, retain_mix=6)),
        facts_n_forget=5,
        eval=EvalConfig(max_new_tokens=16, long_tokens=32, batch_size=24),
        train=TrainConfig(lr=1e-4, max_steps=6, check_every=2, retain_batch=4),
        curve_retain=8, curve_points=(1, 2, 3, 4, 5),
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
        sizes = replace(cfg.sizes, n_forget=cfg.facts_n_forget) if cfg.facts_n_forget else cfg.sizes
        return S.facts_scenario(base, settings.cache, sizes, cfg.seed)
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


class _CurveProbe:
    """Called after each sequential STAMP edit: retain accuracy on a fixed retain subset and forget accuracy on
    everything forgotten so far, at `cfg.curve_points` (and after the last edit). Its time is not edit time."""

    def __init__(self, patient, sc, cfg: BenchConfig, bar):
        self.patient, self.sc, self.cfg, self.bar = patient, sc, cfg, bar
        self.retain = sc.retain[: cfg.curve_retain]
        self.points: list[dict] = []
        self.seconds = 0.0

    def __call__(self, k: int, run) -> None:
        if k and k not in self.cfg.curve_points and k != len(self.sc.groups):
            return
        t0 = time.perf_counter()
        forgotten = [it for g in self.sc.groups[:k] for it in g]
        qs = [it.question for it in self.retain] + [it.question for it in forgotten]
        reps = self.patient.answer_many(qs, max_new_tokens=self.cfg.eval.max_new_tokens,
                                        batch_size=self.cfg.eval.batch_size)
        self.bar.update(len(qs))
        r_rep, f_rep = reps[: len(self.retain)], reps[len(self.retain):]
        self.points.append({
            "edits": k, "applied": run.applied,
            "acc_r": mean([revealed(r, it.answers, it.gold) for r, it in zip(r_rep, self.retain, strict=True)]),
            "acc_f": mean([revealed(r, it.answers, it.gold) for r, it in zip(f_rep, forgotten, strict=True)]),
        })
        self.seconds += time.perf_counter() - t0


def anchors_excluding(items: Sequence[Item]) -> list[tuple[str, str]]:
    """(question, subject) of the fact bank's facts that share no subject and no answer with any of `items`."""
    from repair.data import contains_answer, load_facts

    subjects = [it.subject.strip().lower() for it in items if it.subject.strip()]
    answers = [a for it in items for a in it.answers]

    def unrelated(f) -> bool:
        s = f.subject.strip().lower()
        if any(s in x or x in s for x in subjects):
            return False
        return not contains_answer(" ".join([f.question, *f.answers]), answers) and not any(
            contains_answer(" ".join([it.question, *it.answers]), f.answers) for it in items)

    return [(f.question, f.subject) for f in load_facts() if unrelated(f)]


def _warm_stamp(session, cfg: BenchConfig) -> float:
    """Build STAMP's per-model key covariance for every layer the variants use (one-time, cached on disk under
    the cache dir) so edit times measure edits, not this warm-up. Returns its wall time."""
    t0 = time.perf_counter()
    editor = session.editor
    layers = {x for v in cfg.stamp_variants for x in (v.layers or editor.layers)}
    for layer in sorted(layers):
        editor.preservation(layer, editor.lam)
    return time.perf_counter() - t0


def _method_entry(scores, seconds, mem: PeakMemory, **extra) -> dict:
    return {"scores": scores.to_dict(), "edit_seconds": seconds, "peak_rss_mb": mem.peak_mb,
            "extra_rss_mb": mem.extra_mb, **extra}


def _config_dict(cfg: BenchConfig) -> dict:
    """The config as it is saved in results.json (JSON types), so saved and current configs compare equal."""
    return json.loads(json.dumps(_jsonable(asdict(cfg)), default=str))


def _n_methods(cfg: BenchConfig) -> int:
    return int(cfg.untouched) + len(cfg.stamp_variants) + len(cfg.baselines)


def run(cfg: BenchConfig) -> dict:
    """Run the benchmark; write `<out>/results.json`, `<out>/report.md` and PNG plots; return the results.

    Saved as it goes: `partial.json` after every method, `results.json` + report after every scenario. With
    `cfg.resume`, methods and scenarios already measured in `out` by an earlier process are kept, not re-run."""
    from tqdm import tqdm

    from evals.report import write_report
    from evals.resume import load_previous
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
    config = _config_dict(cfg)
    done, unfinished, skipped = load_previous(out, config) if cfg.resume else ({}, {}, {})
    out.mkdir(parents=True, exist_ok=True)
    t_start = time.perf_counter()
    process = f"pid {os.getpid()} started {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}"
    settings = Settings.create(home=cfg.home, model=cfg.model)
    base = Patient.load(cfg.model, settings)
    tofu, tofu_note = None, None
    if {"misinformation", "personal"} & set(cfg.scenarios):
        try:
            tofu = load_tofu(cfg.data)
        except InvalidInputError as exc:
            tofu_note = str(exc)
    runtime, runtime_note = _open_runtime(cfg, settings)
    results: dict = {"config": config, "machine": _machine(), "runtime": runtime_note, "scenarios": {},
                     "skipped": {}, "processes": [process]}
    if cfg.resume and (done or unfinished):
        saved = out / "partial.json" if (out / "partial.json").is_file() else out / "results.json"  # newest first
        prev = json.loads(saved.read_text()) if saved.is_file() else {}
        results["processes"] = [*prev.get("processes", []), process]
        results["seconds_before_resume"] = prev.get("seconds_total_all", prev.get("seconds_total", 0.0))
        print(f"[bench] resuming: {len(done)} scenario(s) done, {len(unfinished)} unfinished")
    to_run = [n for n in cfg.scenarios if n not in done]
    overall = tqdm(total=len(to_run) * _n_methods(cfg), desc="bench (scenario x method)", unit="method")
    for name in cfg.scenarios:
        if name in done:
            results["scenarios"][name] = done[name]
            continue
        if name in ("misinformation", "personal") and tofu is None:
            results["skipped"][name] = tofu_note
            print(f"[bench] skipping {name}: {tofu_note}")
            overall.update(_n_methods(cfg))
            continue
        overall.set_postfix_str(f"{name}: building")
        print(f"[bench] scenario {name}: building")
        sc = _build(name, base, settings, tofu, cfg)
        patient, rt = base, runtime
        entry: dict = {"info": sc.info, "n_groups": len(sc.groups), "n_forget": len(sc.forget),
                       "n_retain": len(sc.retain), "n_buffer": len(sc.buffer), "methods": {}}
        entry.update({k: v for k, v in unfinished.get(name, {}).items() if k not in entry or k == "methods"})
        have = set(entry["methods"])
        if sc.implant_path is not None:
            patient = Patient.load(cfg.model, settings)  # fresh copy: implanted weights must be its base
            load_implant(patient, sc.implant_path)
            entry["implant_check"] = implant_check(patient, sc, cfg.eval.long_tokens)
            rt = None  # the llama.cpp runtime serves the original GGUF, not the implanted weights
        if not sc.forget:
            results["skipped"][name] = "no forget items (the model knows none of the candidates)"
            overall.update(_n_methods(cfg))
            continue

        def save(method: str | None = None, name: str = name, entry: dict = entry) -> None:
            if method is not None:
                overall.update(1)
            results["seconds_total"] = time.perf_counter() - t_start  # so a resumed run can add it up
            results["seconds_total_all"] = results.get("seconds_before_resume", 0.0) + results["seconds_total"]
            _write_json(out / "partial.json", {**results, "partial": {name: entry}})

        per_eval = n_prompts(sc.forget, sc.retain, cfg.eval, runtime=rt is not None)
        todo = [m for m in ["untouched"] * cfg.untouched + [v.name for v in cfg.stamp_variants]
                + list(cfg.baselines) if m not in have]
        overall.update(_n_methods(cfg) - len(todo))
        with tqdm(total=per_eval * len(todo), desc=f"{name}: eval", unit="q", leave=False) as bar:
            if "untouched" in todo:
                overall.set_postfix_str(f"{name}: untouched")
                with PeakMemory() as mem:
                    s = score(patient, sc.forget, sc.retain, cfg.eval, rt, bar)
                entry["methods"]["untouched"] = _method_entry(s, 0.0, mem, measured_by=process)
                save("untouched")
            session = Session(settings, patient)  # no runtime: STAMP verifies in torch, like the baselines
            # STAMP keeps the keys of anchor facts (the shipped fact bank); never those scored here
            session.editor.set_anchors(anchors_excluding([*sc.forget, *sc.retain]))
            variants = [v for v in cfg.stamp_variants if v.name in todo]
            if variants:
                entry["stamp_warmup_seconds"] = _warm_stamp(session, cfg)
            for v in variants:
                overall.set_postfix_str(f"{name}: {v.name}")
                try:
                    first = v == cfg.stamp_variants[0] and len(sc.groups) > 1
                    curve = _CurveProbe(patient, sc, cfg, bar) if first else None
                    if curve is not None:
                        curve(0, StampRun())  # the same retain subset before any edit (untimed)
                    with PeakMemory() as mem:
                        srun = forget_groups(session, sc.groups, sc.buffer[: cfg.sizes.n_canaries], v, sc.category,
                                             after_each=curve)
                    if curve is not None:
                        entry["sequential"] = {"method": v.name, "points": curve.points,
                                               "note": "probed after each edit of the timed run; probe time excluded"}
                    if rt is not None:
                        rt.set_deltas(active_deltas(patient))
                    s = score(patient, sc.forget, sc.retain, cfg.eval, rt, bar)
                    entry["methods"][v.name] = _method_entry(
                        s, srun.seconds, mem, edits=len(srun.records), applied=srun.applied,
                        rolled_back=srun.rolled_back, layers=sorted({x for r in srun.records for x in r.layers}),
                        rank=v.rank, timings=[r.timings for r in srun.records],
                        reasons=[r.reason for r in srun.records if r.reason], measured_by=process,
                        compute_seconds=sum(v for r in srun.records for k, v in r.timings.items()
                                            if k in STAMP_COMPUTE_PARTS))
                except Exception as exc:  # one failing method must not lose the others' measurements
                    entry.setdefault("errors", {})[v.name] = f"{type(exc).__name__}: {exc}"
                    print(f"[bench] {name}/{v.name} failed: {exc}")
                finally:
                    if rt is not None:
                        rt.set_deltas([])
                    for rec in reversed(session.edits()):  # also edits applied before a failure
                        if rec.status == "applied":
                            session.undo(rec.id)
                save(v.name)
            for kind in [b for b in cfg.baselines if b in todo]:
                overall.set_postfix_str(f"{name}: {kind}")
                try:
                    with PeakMemory() as mem, tqdm(total=cfg.train.max_steps, desc=f"{name}: {kind} training",
                                                   unit="step", leave=False) as steps_bar:
                        # the stop check answers with the evaluation's token budget (else it can stop early)
                        train = replace(cfg.train, check_tokens=eval_tokens(sc.forget, cfg.eval))
                        view, tr = unlearn(patient, kind, sc.forget, sc.buffer, train, progress=steps_bar)
                    s = score(view, sc.forget, sc.retain, cfg.eval, None, bar)
                    entry["methods"][kind] = _method_entry(s, tr.seconds, mem, steps=tr.steps, forgot=tr.forgot,
                                                           losses=tr.losses, measured_by=process,
                                                           compute_seconds=tr.seconds - tr.check_seconds)
                    del view
                except Exception as exc:
                    entry.setdefault("errors", {})[kind] = f"{type(exc).__name__}: {exc}"
                    print(f"[bench] {name}/{kind} failed: {exc}")
                gc.collect()
                save(kind)
        assert patient.active_deltas == [], "bench left an edit applied"
        results["scenarios"][name] = entry
        _finish(results, out, t_start, write_report)
        if patient is not base:
            del patient
            gc.collect()
    overall.close()
    _finish(results, out, t_start, write_report)
    (out / "partial.json").unlink(missing_ok=True)  # everything is in results.json now
    if runtime is not None and hasattr(runtime, "close"):
        runtime.close()
    return results


def _finish(results: dict, out: Path, t_start: float, write_report) -> None:
    """Save results.json and the report as they stand (after every scenario, and at the end)."""
    results["seconds_total"] = time.perf_counter() - t_start
    results["seconds_total_all"] = results.get("seconds_before_resume", 0.0) + results["seconds_total"]
    results["machine"]["loadavg_end"] = list(os.getloadavg()) if hasattr(os, "getloadavg") else []
    _write_json(out / "results.json", results)
    write_report(results, out)


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
