"""Resume a stopped `repair bench` run: reuse what an earlier process of the same configuration already measured.

The runner saves `results.json` after every finished scenario and `partial.json` after every finished method, so a
crash or a stop loses at most the method that was running. `--resume` reads both back; methods that failed
(recorded under `errors`) are measured again.
"""

from __future__ import annotations

import json
from pathlib import Path

from repair.errors import InvalidInputError

# config fields that may differ between the processes of one resumed run
_IGNORED = ("resume",)


def comparable(config: dict) -> dict:
    return {k: v for k, v in config.items() if k not in _IGNORED}


def _read(path: Path) -> dict | None:
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        raise InvalidInputError(f"cannot resume: {path} is not valid JSON ({exc})") from exc


def load_previous(out: Path, config: dict) -> tuple[dict[str, dict], dict[str, dict], dict[str, str]]:
    """(finished scenario entries, unfinished scenario entries, skipped scenarios) saved in `out` by earlier
    processes run with the same configuration (`config` as saved in results.json, JSON types).

    Raises InvalidInputError when `out` holds results of another configuration (nothing is changed)."""
    out = Path(out)
    results, partial = _read(out / "results.json"), _read(out / "partial.json")
    for name, saved in (("results.json", results), ("partial.json", partial)):
        if saved is not None and comparable(saved.get("config", {})) != comparable(config):
            diff = sorted(k for k in set(comparable(config)) | set(comparable(saved.get("config", {})))
                          if saved.get("config", {}).get(k) != config.get(k))
            raise InvalidInputError(f"cannot resume: {out / name} was made with another configuration "
                                    f"(differs in {', '.join(diff)}); use another --out or drop --resume")
    done: dict[str, dict] = {}
    unfinished: dict[str, dict] = {}
    for name, entry in (results or {}).get("scenarios", {}).items():
        if entry.get("errors"):
            unfinished[name] = _without_errors(entry)
        else:
            done[name] = entry
    for name, entry in (partial or {}).get("partial", {}).items():
        if name not in done and name not in unfinished:
            unfinished[name] = _without_errors(entry)
    skipped = {**(results or {}).get("skipped", {})}
    return done, unfinished, skipped


def _without_errors(entry: dict) -> dict:
    """The entry with its failed methods removed, so they run again."""
    return {k: v for k, v in entry.items() if k != "errors"}
