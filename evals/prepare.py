"""Build (and cache) the implanted models a bench configuration needs, without running the benchmark.

Usage: .venv/bin/python -m evals.prepare [--quick] [--data FOLDER]   (the bench reuses the cached implants)
"""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def main(argv: list[str] | None = None) -> None:
    from evals.implant import implant
    from evals.runner import full_config, quick_config
    from evals.scenarios import implant_keep, misinformation_pairs, personal_pairs
    from repair.config import Settings
    from repair.data import load_tofu
    from repair.patient import Patient

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--data", default=None)
    ap.add_argument("--only", choices=["misinformation", "personal"], default=None)
    args = ap.parse_args(argv)
    cfg = quick_config() if args.quick else full_config()
    settings = Settings.create(model=cfg.model)
    patient = Patient.load(cfg.model, settings)
    tofu = load_tofu(args.data)
    jobs = {"misinformation": (misinformation_pairs(tofu, cfg.sizes, cfg.seed)[1],
                               cfg.sizes.misinfo_recipe or cfg.sizes.implant_recipe),
            "personal": (personal_pairs(tofu, cfg.sizes), cfg.sizes.implant_recipe)}
    for name, (pairs, recipe) in jobs.items():
        if args.only and name != args.only:
            continue
        path, info = implant(patient, pairs, implant_keep(), settings.cache, recipe, progress_desc=f"implant {name}")
        print(f"{name}: {path} {info}")


if __name__ == "__main__":
    main()
