"""Merge several `repair bench` result folders (e.g. one process per scenario) into one report.

Usage: .venv/bin/python -m evals.merge OUT_DIR RESULT_DIR [RESULT_DIR ...] [--command "..."]
Each scenario keeps its own measurements (its methods ran in one process, so its time ratios are same-run).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from evals.report import write_report


def merge(dirs: list[Path]) -> dict:
    merged: dict | None = None
    for d in dirs:
        res = _load(Path(d))
        if merged is None:
            merged = {**res, "scenarios": {}, "skipped": {}, "parts": []}
        for name, entry in res["scenarios"].items():
            if name not in merged["scenarios"]:
                merged["scenarios"][name] = {**entry, "methods": {}}
            target = merged["scenarios"][name]
            for m, e in entry["methods"].items():  # the first folder's measurement of a method wins
                if m not in target["methods"]:
                    target["methods"][m] = {**e, "process": str(d)}
            if entry.get("sequential") and not target.get("sequential"):
                target["sequential"] = entry["sequential"]
            if entry.get("stamp_warmup_seconds") is not None and target.get("stamp_warmup_seconds") is None:
                target["stamp_warmup_seconds"] = entry["stamp_warmup_seconds"]
            target["processes"] = [*target.get("processes", []), str(d)]
        merged["skipped"].update(res.get("skipped", {}))
        merged["parts"].append({"dir": str(d), "scenarios": list(res["scenarios"]), "command": res.get("command"),
                                "seconds_total": res.get("seconds_total"), "machine": res["machine"]})
    if merged is None:
        raise SystemExit("no result folders given")
    merged["seconds_total"] = max(p["seconds_total"] or 0 for p in merged["parts"])
    return merged


def _load(d: Path) -> dict:
    """results.json; when a run was stopped before finishing a scenario, its last partial.json (marked
    incomplete: only the methods that finished are in it)."""
    res = json.loads((d / "results.json").read_text()) if (d / "results.json").is_file() else None
    part = json.loads((d / "partial.json").read_text()) if (d / "partial.json").is_file() else None
    if res is None and part is None:
        raise SystemExit(f"{d}: no results.json or partial.json")
    if res is None:
        res = {k: v for k, v in part.items() if k != "partial"}
    for name, entry in (part or {}).get("partial", {}).items():
        if name not in res["scenarios"]:
            res["scenarios"][name] = {**entry, "incomplete": True}
    return res


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("dirs", type=Path, nargs="+")
    ap.add_argument("--command", default=None)
    args = ap.parse_args(argv)
    res = merge(args.dirs)
    if args.command:
        res["command"] = args.command
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(res, indent=1, default=str))
    print(write_report(res, args.out, res.get("command")))


if __name__ == "__main__":
    main()
