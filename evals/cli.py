"""Arguments and body of `repair bench` (registered in repair/cli.py)."""

from __future__ import annotations

import argparse
import shlex
import sys
from dataclasses import replace


def configure(p: argparse.ArgumentParser) -> None:
    from evals.baselines import METHODS
    from evals.scenarios import SCENARIOS

    p.add_argument("--quick", action="store_true", help="CI smoke run: facts scenario only, tiny sizes (< 5 min)")
    p.add_argument("--data", default=None,
                   help="TOFU data folder (default: $REPAIR_TOFU_DIR or /work/shared/data/tofu when it exists)")
    p.add_argument("--out", default="bench-results", help="results folder (JSON, report.md, PNG plots)")
    p.add_argument("--scenarios", default=None, help=f"comma list from {','.join(SCENARIOS)} (default: all)")
    p.add_argument("--baselines", default=None, help=f"comma list from {','.join(METHODS)} (default: all; 'none')")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--n-forget", type=int, default=None, help="forget items per scenario (override)")
    p.add_argument("--n-retain", type=int, default=None, help="evaluated retain items per scenario (override)")
    p.add_argument("--max-steps", type=int, default=None, help="baseline training step budget (override)")
    p.add_argument("--no-runtime", action="store_true", help="skip the llama.cpp runtime attack")
    p.add_argument("--no-stamp", action="store_true", help="skip STAMP (e.g. to run baselines in another process)")
    p.add_argument("--no-untouched", action="store_true", help="skip scoring the unedited model")
    p.add_argument("--resume", action="store_true",
                   help="keep the scenarios/methods an earlier run with the same options already saved in --out")


def _csv(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = tuple(v.strip() for v in value.split(",") if v.strip())
    return () if items == ("none",) else items


def config_from_args(args: argparse.Namespace):
    from evals.runner import full_config, quick_config
    from repair.errors import InvalidInputError

    cfg = quick_config() if args.quick else full_config()
    kw: dict = {"out": args.out, "data": args.data, "seed": args.seed, "model": args.model, "home": args.home}
    if (sc := _csv(args.scenarios)) is not None:
        if not sc:
            raise InvalidInputError("--scenarios needs at least one scenario")
        kw["scenarios"] = sc
    if (bl := _csv(args.baselines)) is not None:
        kw["baselines"] = bl
    if args.no_runtime:
        kw["runtime"] = False
    if args.no_stamp:
        kw["stamp_variants"] = ()
    if args.no_untouched:
        kw["untouched"] = False
    if getattr(args, "resume", False):
        kw["resume"] = True
    if args.n_forget is not None:
        kw["facts_n_forget"] = None  # --n-forget applies to every scenario, facts included
    sizes = cfg.sizes
    for name, attr in (("n_forget", "n_forget"), ("n_retain", "n_retain")):
        val = getattr(args, name)
        if val is not None:
            if val < 1:
                raise InvalidInputError(f"--{name.replace('_', '-')} must be >= 1")
            sizes = replace(sizes, **{attr: val})
    kw["sizes"] = sizes
    if args.max_steps is not None:
        if args.max_steps < 1:
            raise InvalidInputError("--max-steps must be >= 1")
        kw["train"] = replace(cfg.train, max_steps=args.max_steps)
    return replace(cfg, **kw)


def cmd_bench(args: argparse.Namespace) -> int:
    from evals.report import write_report
    from evals.runner import _write_json, run

    cfg = config_from_args(args)  # validates before any model is loaded
    command = "repair bench " + " ".join(shlex.quote(a) for a in sys.argv[2:]) if sys.argv[1:2] == ["bench"] \
        else "repair bench"
    results = run(cfg)
    results["command"] = command
    _write_json(__import__("pathlib").Path(cfg.out) / "results.json", results)
    path = write_report(results, cfg.out, command)
    print(path.read_text())
    print(f"results: {cfg.out}/results.json, report: {path}")
    return 0
