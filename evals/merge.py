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
        res = json.loads((Path(d) / "results.json").read_text())
        if merged is None:
            merged = {**res, "scenarios": {}, "skipped": {}, "parts": []}
        merged["scenarios"].update(res["scenarios"])
        merged["skipped"].update(res.get("skipped", {}))
        merged["parts"].append({"dir": str(d), "scenarios": list(res["scenarios"]), "command": res.get("command"),
                                "seconds_total": res.get("seconds_total"), "machine": res["machine"]})
    if merged is None:
        raise SystemExit("no result folders given")
    merged["seconds_total"] = max(p["seconds_total"] or 0 for p in merged["parts"])
    return merged


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
