"""Markdown report and PNG plots from a results dict (see evals/runner.py)."""

from __future__ import annotations

import math
from pathlib import Path


def _f(x, digits: int = 2) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return f"{x:.{digits}f}"


def _stamp_name(methods: dict) -> str | None:
    return next((m for m in methods if m.startswith("stamp")), None)


def scenario_table(name: str, entry: dict) -> list[str]:
    methods = entry["methods"]
    stamp = _stamp_name(methods)
    stamp_s = methods[stamp]["edit_seconds"] if stamp else None
    kinds = sorted({k for m in methods.values() for k in m["scores"]["attack_leak"]})
    head = ["method", "Acc_f ↓", "Acc_r ↑", "F-RL ↓", "R-RL ↑", "held-out leak ↓", *[f"{k} ↓" for k in kinds],
            "retain PPL", "edit s", f"time vs {stamp or 'STAMP'}", "peak RSS MB", "notes"]
    lines = [f"### {name}", "",
             f"{entry['n_forget']} forget items in {entry['n_groups']} edit group(s), "
             f"{entry['n_retain']} retain items, "
             f"retain buffer {entry['n_buffer']}.", ""]
    if entry.get("incomplete"):
        lines += ["**This scenario's run was stopped (deadline) before every method finished: methods missing "
                  "from the table were not measured.**", ""]
    if entry.get("stamp_warmup_seconds") is not None:
        lines += [f"STAMP one-time warm-up (per-model key covariance, cached on disk; not in edit time): "
                  f"{entry['stamp_warmup_seconds']:.1f} s.", ""]
    if "implant_check" in entry:
        ic = entry["implant_check"]
        lines += [f"Implant check (implanted model, before any forgetting): {ic['n']} implanted items, "
                  f"stated {ic['stated']:.2f}, ROUGE-L recall {ic['rouge_l']:.2f}.", ""]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for m, e in methods.items():
        s = e["scores"]
        ratio = "–"
        if stamp and m != stamp and e["edit_seconds"] > 0 and stamp_s:
            ratio = f"{e['edit_seconds'] / stamp_s:.1f}× STAMP's"
        notes = []
        if len(entry.get("processes", [])) > 1 and e.get("process"):
            notes.append(f"process `{e['process'].rstrip('/').split('/')[-1]}`")
        if "steps" in e:
            notes.append(f"{e['steps']} steps, {'forgot' if e['forgot'] else 'did NOT forget'} within budget")
        if "applied" in e:
            notes.append(f"{e['applied']}/{e['edits']} edits applied, layers {e['layers']}")
            if e.get("rolled_back"):
                notes.append(f"{e['rolled_back']} rolled back")
        row = [m, _f(s["acc_f"]), _f(s["acc_r"]), _f(s["f_rl"]), _f(s["r_rl"]), _f(s["heldout_leak"]),
               *[_f(s["attack_leak"].get(k)) for k in kinds], _f(s["retain_ppl"], 1),
               _f(e["edit_seconds"], 1) if m != "untouched" else "–", ratio,
               _f(e["peak_rss_mb"], 0), "; ".join(notes)]
        lines.append("| " + " | ".join(row) + " |")
    if len(entry.get("processes", [])) > 1:
        lines += ["", "Methods of this scenario ran in concurrent processes (same data, same machine, same time "
                  "window; each process rebuilt the identical scenario from the same cache and seed): "
                  + ", ".join(f"`{p.rstrip('/').split('/')[-1]}`" for p in entry["processes"]) + "."]
    by = list(dict.fromkeys(e["measured_by"] for e in methods.values() if e.get("measured_by")))
    if len(by) > 1:
        lines += ["", f"This scenario was resumed: its methods were measured by {len(by)} processes "
                  f"({'; '.join(by)}); times of methods from different processes are not same-run measurements."]
    for m, err in entry.get("errors", {}).items():
        lines += ["", f"**{m} failed in this run:** {err}"]
    seq = entry.get("sequential")
    if seq:
        lines += ["", f"Sequential {seq['method']} edits (retain accuracy on a fixed retain subset after k edits):", "",
                  "| edits | applied | Acc_r | Acc_f (all forgotten so far) |", "|---|---|---|---|"]
        lines += [f"| {p['edits']} | {p['applied']} | {_f(p['acc_r'])} | {_f(p['acc_f'])} |" for p in seq["points"]]
    return lines + [""]


def _ratio(value, ref) -> str:
    return f"{value / ref:.1f}×" if value is not None and ref else "–"


def summary_table(results: dict) -> list[str]:
    """One row per (scenario, method): the headline numbers, with edit time as a multiple of STAMP's (`stamp`,
    the first STAMP variant), both end to end and compute only."""
    lines = ["### Summary", "",
             "| scenario | method | Acc_f ↓ | Acc_r ↑ | held-out leak ↓ | edit s | time vs STAMP | compute s "
             "| compute vs STAMP |", "|---|---|---|---|---|---|---|---|---|"]
    for name, entry in results["scenarios"].items():
        methods = entry["methods"]
        stamp = _stamp_name(methods)
        ref = methods[stamp] if stamp else {}
        for m, e in methods.items():
            s = e["scores"]
            forgot = "" if "forgot" not in e else (" (forgot)" if e["forgot"] else " (did NOT forget)")
            edit = m != "untouched"
            lines.append(
                f"| {name} | {m}{forgot} | {_f(s['acc_f'])} | {_f(s['acc_r'])} | {_f(s['heldout_leak'])} | "
                f"{_f(e['edit_seconds'], 1) if edit else '–'} | "
                f"{_ratio(e['edit_seconds'], ref.get('edit_seconds')) if edit else '–'} | "
                f"{_f(e.get('compute_seconds'), 1) if edit else '–'} | "
                f"{_ratio(e.get('compute_seconds'), ref.get('compute_seconds')) if edit else '–'} |")
    return lines + ["", "edit s: end to end (STAMP: `Session.apply`, incl. its before/after verification by "
                    "generation; baselines: training incl. the greedy forget checks that decide when to stop). "
                    "compute s: STAMP's covariance + capture + target + solve; baselines' training steps without "
                    "the checks.", ""]


def markdown(results: dict, command: str | None = None) -> str:
    cfg, mach = results["config"], results["machine"]
    lines = ["# RePAIR benchmark report", ""]
    if command:
        lines += ["Command:", "", "```", command, "```", ""]
    for part in results.get("parts", []):
        lines += [f"- scenarios {', '.join(part['scenarios']) or '(none)'}: `{part.get('command')}` "
                  f"({_f(part.get('seconds_total'), 0)} s, load average at start "
                  f"{part['machine']['loadavg_start'][0]:.1f})"]
    if results.get("parts"):
        lines += ["", "Each scenario ran in its own process (all its methods in that one process, so its time "
                  "ratios are same-run measurements); the processes ran concurrently.", ""]
    n_proc = len(results.get("processes", []))
    resumed = f" over {n_proc} processes (resumed)" if n_proc > 1 else ""
    lines += [
        f"Model `{cfg['model']}`, seed {cfg['seed']}, {'quick' if cfg['quick'] else 'full'} configuration; "
        f"total wall time {_f(results.get('seconds_total_all', results.get('seconds_total')), 0)} s{resumed}. "
        f"Machine: {mach['cpus']} CPUs, torch "
        f"{mach['torch']} ({mach['torch_threads']} threads), load average at start {mach['loadavg_start'][0]:.1f}"
        f"{', at end ' + format(mach['loadavg_end'][0], '.1f') if mach.get('loadavg_end') else ''} "
        "(shared machine: all times are noisy wall-clock seconds; ratios are measured in the same run).",
        f"llama.cpp runtime attack: {results.get('runtime')}.", "",
        "Metrics: Acc_f / Acc_r = share of forget / retain questions whose greedy reply contains the normalised gold "
        "answer (TOFU authors: ROUGE-L recall >= 0.5); F-RL / R-RL = mean ROUGE-L recall of the gold answer; "
        "held-out leak = held-out paraphrases never given to any method; attack columns = share of forget items "
        "revealed under a jailbreak prefix, as a multi-turn follow-up, reworded, and through the quantised llama.cpp "
        "runtime with the edit as a LoRA adapter; retain PPL = perplexity of retain gold answers (teacher-forced); "
        "edit s = wall time to produce and apply all edits of the scenario (STAMP: sum of `Session.apply`, incl. its "
        "verify step; baselines: training incl. the forget checks that decide when to stop); time vs STAMP = "
        "baseline seconds / STAMP seconds in this run; peak RSS = process peak during the edit.", "",
    ]
    if results["scenarios"]:
        lines += summary_table(results)
    for name, entry in results["scenarios"].items():
        lines += scenario_table(name, entry)
    for name, why in results.get("skipped", {}).items():
        lines += [f"Scenario `{name}` skipped: {why}", ""]
    lines += ["Plots: `edit_time.png`, `forget_retain.png`, `sequential.png` (when run).", ""]
    return "\n".join(lines)


def plots(results: dict, out: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    made = []
    scen = results["scenarios"]
    if not scen:
        return made
    names = list(scen)
    methods = list(dict.fromkeys(m for e in scen.values() for m in e["methods"]))
    # forget vs retain accuracy per scenario
    fig, axes = plt.subplots(1, len(names), figsize=(4.5 * len(names), 3.8), squeeze=False)
    for ax, name in zip(axes[0], names, strict=True):
        ms = list(scen[name]["methods"])
        x = range(len(ms))
        af = [scen[name]["methods"][m]["scores"]["acc_f"] for m in ms]
        ar = [scen[name]["methods"][m]["scores"]["acc_r"] for m in ms]
        ax.bar([i - 0.2 for i in x], af, width=0.4, label="Acc_f (lower better)", color="#d9534f")
        ax.bar([i + 0.2 for i in x], ar, width=0.4, label="Acc_r (higher better)", color="#5cb85c")
        ax.set_xticks(list(x), ms, rotation=35, ha="right")
        ax.set_ylim(0, 1.05)
        ax.set_title(name)
    axes[0][0].legend(fontsize=8)
    fig.tight_layout()
    p = out / "forget_retain.png"
    fig.savefig(p, dpi=110)
    plt.close(fig)
    made.append(p)
    # edit time (log scale)
    fig, ax = plt.subplots(figsize=(1.6 * max(4, len(methods)) + 2, 3.8))
    width = 0.8 / len(names)
    edit_methods = [m for m in methods if m != "untouched"]
    for j, name in enumerate(names):
        vals = [scen[name]["methods"].get(m, {}).get("edit_seconds", float("nan")) for m in edit_methods]
        ax.bar([i + j * width for i in range(len(edit_methods))], vals, width=width, label=name)
    ax.set_xticks([i + width * (len(names) - 1) / 2 for i in range(len(edit_methods))], edit_methods)
    ax.set_yscale("log")
    ax.set_ylabel("edit wall time, s (log)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    p = out / "edit_time.png"
    fig.savefig(p, dpi=110)
    plt.close(fig)
    made.append(p)
    seqs = {n: e["sequential"] for n, e in scen.items() if e.get("sequential")}
    if seqs:
        fig, ax = plt.subplots(figsize=(5, 3.6))
        for n, seq in seqs.items():
            # every point is measured on the curve's own fixed retain subset (a 0-edit point only when probed)
            pts = seq["points"]
            ks = [p["edits"] for p in pts]
            ax.plot(ks, [p["acc_r"] for p in pts], marker="o", label=f"{n}: Acc_r")
            ax.plot([p["edits"] for p in pts if p["edits"]], [p["acc_f"] for p in pts if p["edits"]], marker="x",
                    ls="--", label=f"{n}: Acc_f")
        ax.set_xlabel(f"sequential {next(iter(seqs.values()))['method']} edits")
        ax.set_ylim(0, 1.05)
        ax.legend(fontsize=8)
        fig.tight_layout()
        p = out / "sequential.png"
        fig.savefig(p, dpi=110)
        plt.close(fig)
        made.append(p)
    return made


def write_report(results: dict, out: Path, command: str | None = None) -> Path:
    out = Path(out)
    cmd = command or results.get("command")
    path = out / "report.md"
    path.write_text(markdown(results, cmd))
    plots(results, out)
    return path
