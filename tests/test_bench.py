"""Benchmark runner: metrics and report on synthetic inputs, CLI validation, and the quick bench path end to end."""

from __future__ import annotations

import json
import os

import pytest

from evals.items import Item
from evals.metrics import PeakMemory, revealed, rouge_l_recall
from evals.report import markdown, plots
from evals.scenarios import _author_name, _subject_of
from repair.data import load_facts


def test_rouge_l_recall_and_revealed():
    gold = "The author's full name is Hsiao Yun-Hwa."
    assert rouge_l_recall(gold, gold) == pytest.approx(1.0)
    assert rouge_l_recall("I don't know.", gold) == pytest.approx(0.0)
    assert 0.3 < rouge_l_recall("Her name is Hsiao Yun-Hwa.", gold) < 1.0
    assert revealed("It is Canberra.", ("Canberra",), "Canberra")
    assert not revealed("It is Sydney.", ("Canberra",), "Canberra")
    # no answer strings (TOFU sentences): ROUGE-L recall >= 0.5 counts as revealed
    assert revealed(gold, (), gold) and not revealed("No idea.", (), gold)


def test_item_from_fact_holds_out_last_paraphrase():
    fact = load_facts()[0]
    it = Item.from_fact(fact)
    assert it.edit_probes[0] == fact.question
    assert it.heldout == (fact.paraphrases[-1],)
    assert fact.paraphrases[-1] not in it.edit_probes
    assert Item.from_fact(fact, 0).heldout == ()


def test_peak_memory_sees_an_allocation():
    with PeakMemory(interval=0.005) as pm:
        block = bytearray(64 * 2**20)
        block[::4096] = b"x" * len(block[::4096])
        import time

        time.sleep(0.05)
    del block
    assert pm.extra_mb >= 40 and pm.seconds > 0


def test_subject_and_author_name_extraction():
    assert _subject_of("Where would you find the Eiffel Tower?") == "Eiffel Tower"
    assert _subject_of("What is the capital of Australia?") == "Australia"

    class Row:
        def __init__(self, q):
            self.question = q

    rows = [Row("What does Hsiao Yun-Hwa identify as?"), Row("What is the profession of Hsiao Yun-Hwa's father?"),
            Row("Has Hsiao Yun-Hwa won any awards?")]
    assert _author_name(rows) == "Hsiao Yun-Hwa"


def _fake_results() -> dict:
    def entry(acc_f, acc_r, secs, **extra):
        return {"scores": {"acc_f": acc_f, "acc_r": acc_r, "f_rl": acc_f, "r_rl": acc_r, "heldout_leak": acc_f,
                           "attack_leak": {"jailbreak": acc_f}, "retain_ppl": 3.0, "n_forget": 2, "n_retain": 4,
                           "samples": []},
                "edit_seconds": secs, "peak_rss_mb": 900.0, "extra_rss_mb": 10.0, **extra}

    return {
        "config": {"model": "m", "seed": 0, "quick": True}, "runtime": "disabled", "seconds_total": 10.0,
        "machine": {"cpus": 2, "torch": "x", "torch_threads": 2, "loadavg_start": [1.0, 1.0, 1.0]},
        "scenarios": {"facts": {
            "n_forget": 2, "n_groups": 2, "n_retain": 4, "n_buffer": 2,
            "methods": {"untouched": entry(1.0, 1.0, 0.0),
                        "stamp": entry(0.0, 1.0, 2.0, edits=2, applied=2, rolled_back=0, layers=[6]),
                        "ga": entry(0.0, 0.5, 50.0, steps=4, forgot=True)},
            "sequential": {"method": "stamp", "points": [{"edits": 1, "applied": 1, "acc_r": 1.0, "acc_f": 0.0}]},
        }},
        "skipped": {"personal": "TOFU data folder not found"},
    }


def test_report_has_time_ratio_and_plots(tmp_path):
    res = _fake_results()
    md = markdown(res, "repair bench --quick")
    assert "25.0× STAMP's" in md  # 50 s / 2 s, measured in the same run
    assert "| ga | 0.00 | 0.50 |" in md
    assert "did NOT forget" not in md and "forgot within budget" in md
    assert "skipped: TOFU data folder not found" in md
    made = plots(res, tmp_path)
    assert {p.name for p in made} == {"forget_retain.png", "edit_time.png", "sequential.png"}
    assert all(p.stat().st_size > 1000 for p in made)


def test_cli_rejects_bad_options(tmp_path, capsys):
    from repair.cli import main

    assert main(["bench", "--scenarios", "bogus", "--out", str(tmp_path / "o")]) == 1
    assert "unknown scenario" in capsys.readouterr().err
    assert main(["bench", "--baselines", "sgd", "--out", str(tmp_path / "o")]) == 1
    assert "unknown baseline" in capsys.readouterr().err
    assert main(["bench", "--n-forget", "0", "--out", str(tmp_path / "o")]) == 1
    assert not (tmp_path / "o" / "results.json").exists()


@pytest.mark.slow
def test_quick_bench_end_to_end(tmp_path, home, cache_dir):
    """The quick path on the real model, shrunk further (1 forgotten fact, GA only with a 2-step budget)."""
    from evals.baselines import TrainConfig
    from evals.runner import quick_config, run
    from evals.scenarios import ScenarioSizes

    out = tmp_path / "bench"
    cfg = quick_config(out=str(out), home=str(home), baselines=("ga",),
                       sizes=ScenarioSizes(n_forget=1, n_retain=2, n_buffer=2, n_canaries=1, pool=8),
                       train=TrainConfig(lr=5e-5, max_steps=2, check_every=2))
    res = run(cfg)
    facts = res["scenarios"]["facts"]
    assert set(facts["methods"]) == {"untouched", "stamp", "ga"}
    assert facts["methods"]["untouched"]["scores"]["acc_f"] == 1.0  # forget items are known facts
    assert facts["methods"]["stamp"]["edit_seconds"] > 0 and facts["methods"]["ga"]["steps"] >= 1
    assert set(facts["methods"]["stamp"]["scores"]["attack_leak"]) >= {"jailbreak", "multiturn", "rephrase"}
    saved = json.loads((out / "results.json").read_text())
    assert saved["scenarios"]["facts"]["n_forget"] == 1
    assert "× STAMP's" in (out / "report.md").read_text()
    assert (out / "edit_time.png").is_file()
    assert os.environ.get("REPAIR_CACHE_DIR") == str(cache_dir)


def test_merge_combines_methods_from_concurrent_processes(tmp_path):
    from evals.merge import merge
    from evals.report import markdown

    main_res = _fake_results()
    other = _fake_results()
    other["scenarios"]["facts"]["methods"] = {"npo": other["scenarios"]["facts"]["methods"]["ga"]}
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    # process a was stopped before writing results.json: only its partial.json exists
    (a / "partial.json").write_text(json.dumps({**main_res, "scenarios": {}, "partial": main_res["scenarios"]}))
    (b / "results.json").write_text(json.dumps(other))
    res = merge([a, b])
    facts = res["scenarios"]["facts"]
    assert set(facts["methods"]) == {"untouched", "stamp", "ga", "npo"}
    assert facts["incomplete"] is True and facts["processes"] == [str(a), str(b)]
    md = markdown(res)
    assert "| npo |" in md and "concurrent processes" in md and "stopped (deadline)" in md
