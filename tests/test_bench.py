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


def test_resume_keeps_finished_work_and_reruns_failed_methods(tmp_path):
    from evals.resume import load_previous
    from repair.errors import InvalidInputError

    res = _fake_results()
    res["config"]["resume"] = False
    res["scenarios"]["harmful-proxy"] = {**res["scenarios"]["facts"], "errors": {"npo": "RuntimeError: boom"}}
    (tmp_path / "results.json").write_text(json.dumps(res))
    unfinished = {"n_forget": 2, "methods": {"untouched": res["scenarios"]["facts"]["methods"]["untouched"]}}
    (tmp_path / "partial.json").write_text(json.dumps({**res, "partial": {"personal": unfinished}}))
    done, todo, skipped = load_previous(tmp_path, {**res["config"], "resume": True})  # resume flag may differ
    assert set(done) == {"facts"}
    assert set(todo) == {"harmful-proxy", "personal"}
    assert "errors" not in todo["harmful-proxy"]  # the failed method runs again
    assert set(todo["personal"]["methods"]) == {"untouched"}
    assert skipped == {"personal": "TOFU data folder not found"}
    with pytest.raises(InvalidInputError, match="another configuration.*seed"):
        load_previous(tmp_path, {**res["config"], "seed": 1})
    assert load_previous(tmp_path / "empty", res["config"]) == ({}, {}, {})


def test_cli_n_forget_overrides_the_facts_count_too():
    import argparse

    from evals.cli import config_from_args, configure
    from evals.runner import full_config

    p = argparse.ArgumentParser()
    configure(p)
    p.add_argument("--model", default="smollm2-135m")
    p.add_argument("--home", default=None)
    assert config_from_args(p.parse_args([])).facts_n_forget == full_config().facts_n_forget == 5
    cfg = config_from_args(p.parse_args(["--n-forget", "2", "--resume"]))
    assert cfg.facts_n_forget is None and cfg.sizes.n_forget == 2 and cfg.resume
    names = [v.name for v in full_config().stamp_variants]
    assert names == ["stamp", "stamp-r1", "stamp-3L"] and set(full_config().scenarios) == {
        "facts", "harmful-proxy", "misinformation", "personal"}


def test_split_facts_with_no_forget_keeps_everything_for_retain():
    """Implant scenarios split known facts with n_forget=0: all of them must stay available for buffer/retain
    (a bug took every distinct-subject fact as 'forget' when n was 0, leaving misinformation with no retain set)."""
    import random

    from evals.scenarios import ScenarioSizes, _pick_distinct_subjects, split_facts

    facts = load_facts()[:40]
    assert _pick_distinct_subjects(facts, 0, random.Random(0)) == []
    three = _pick_distinct_subjects(facts, 3, random.Random(0))
    assert len(three) == 3 and len({f.subject.lower() for f in three}) == 3
    forget, buffer, retain = split_facts(facts, ScenarioSizes(n_forget=0, n_buffer=4, n_retain=6), random.Random(0))
    assert forget == [] and len(buffer) == 4 and len(retain) == 6 and not set(buffer) & set(retain)


def test_heldout_questions_are_scored_against_their_own_gold():
    """TOFU held-out items are other questions about the author: each is scored with its own gold answer, and the
    rephrase attack then rewords the item's own question (a bug compared them with the first question's gold)."""
    from evals.attacks import attack_prompts
    from evals.evaluate import EvalConfig, score
    from evals.scenarios import hold_out_quarter

    def tofu(i: int) -> Item:
        return Item(id=f"a{i}", question=f"What is fact {i} about Ann Lee?", gold=f"Ann Lee fact number {i} is "
                    f"zebra{i} lantern{i}.", answers=(), subject="Ann Lee", edit_probes=(f"What is fact {i} about "
                    f"Ann Lee?",), group="author-a")

    [group] = hold_out_quarter([[tofu(i) for i in range(4)]])
    assert [it.id for it in group] == ["a0", "a1", "a2"]
    assert group[0].heldout == (tofu(3).question,) and group[0].heldout_gold == (tofu(3).gold,)
    assert tofu(3).question not in {q for it in group for q in it.edit_probes}
    assert attack_prompts(group)["rephrase"][0].endswith(tofu(0).question)

    class Parrot:  # answers every question with its gold sentence: everything leaks
        golds = {tofu(i).question: tofu(i).gold for i in range(4)}

        def answer_many(self, qs, max_new_tokens=16, batch_size=16, history=()):
            return [next((g for q_, g in self.golds.items() if q_ in q), "no idea") for q in qs]

    s = score(Parrot(), group, [], EvalConfig(attacks=True))
    assert s.acc_f == 1.0 and s.heldout_leak == 1.0
    assert s.attack_leak["rephrase"] == 1.0
    # a paraphrase-style held-out wording (facts) still shares the item's gold
    bank = load_facts()[0]
    fact = Item.from_fact(bank)
    assert fact.heldout_pairs() == [(bank.paraphrases[-1], fact.answers, fact.gold)]


def test_stamp_anchors_never_include_a_scored_fact():
    from evals.runner import anchors_excluding

    facts = load_facts()
    scored = [f for f in facts if f.subject in ("Japan", "France")]
    assert scored
    items = [Item(id=f.id, question=f.question, gold=f.answer, answers=f.answers, subject=f.subject,
                  edit_probes=(f.question,)) for f in scored]
    anchors = anchors_excluding(items)
    questions = {q for q, _s in anchors}
    assert len(anchors) > len(facts) // 2  # the rest of the bank stays
    assert not questions & {f.question for f in scored}
    assert not any(s.lower() in ("japan", "france") for _q, s in anchors)
    assert not any(q.endswith("Tokyo?") or "Paris" in q for q in questions)


def test_an_implanted_model_gets_its_own_fingerprint(tmp_path):
    """Caches keyed by the fingerprint (STAMP key covariance, anchor keys, canaries) must not mix the implanted
    weights with the base model's: before this, the bench's misinformation / personal covariance was whichever
    model filled the cache first."""
    import types

    import torch
    from safetensors.torch import save_file

    from evals.implant import implanted_fingerprint, load_implant

    def fake_patient():
        model = torch.nn.Linear(3, 2, bias=False)
        torch.nn.init.zeros_(model.weight)
        return types.SimpleNamespace(active_deltas=[], model=model, fingerprint="a" * 64)

    one, two = tmp_path / "one.safetensors", tmp_path / "two.safetensors"
    save_file({"weight": torch.ones(2, 3)}, str(one))
    save_file({"weight": torch.full((2, 3), 2.0)}, str(two))
    p1, p1b, p2 = fake_patient(), fake_patient(), fake_patient()
    load_implant(p1, one)
    load_implant(p1b, one)
    load_implant(p2, two)
    assert torch.equal(p1.model.weight, torch.ones(2, 3))
    assert p1.fingerprint == p1b.fingerprint == implanted_fingerprint("a" * 64, one)
    assert len({"a" * 64, p1.fingerprint, p2.fingerprint}) == 3
    assert len({"a" * 16, p1.fingerprint[:16], p2.fingerprint[:16]}) == 3  # cache file names use the first 16

    busy = fake_patient()
    busy.active_deltas = ["d1"]
    with pytest.raises(RuntimeError, match="deltas are active"):
        load_implant(busy, one)
    assert busy.fingerprint == "a" * 64
