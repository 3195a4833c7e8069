"""The pre-registered paired comparison in evals/surgeon_forget.py (pure arithmetic on synthetic rows)."""

import json

import pytest

from evals.surgeon_forget import compare, load_rows


def _row(fact, variant, retain, leak_q=0, leak_p=0, drop=0.03):
    return {"fact": fact, "variant": variant, "retain": retain, "retain_total": 40, "leak_q": leak_q,
            "leak_p": leak_p, "retain_drop": drop}


def _write(path, rows):
    path.write_text(json.dumps({"summary": {}, "rows": rows}))
    return str(path)


def test_compare_pairs_facts_across_files_and_applies_the_rule(tmp_path):
    a = _write(tmp_path / "a.json", [_row("f1", "template", 40, 1), _row("f1", "exec", 39, 0, 1, 0.02),
                                      _row("f2", "template", 38), _row("f2", "exec", 38, drop=0.02)])
    b = _write(tmp_path / "b.json", [_row("f3", "template", 39, 0, 2), _row("f3", "exec", 40, drop=0.02),
                                      _row("f4", "exec", 10)])  # f4 has no template row: not paired
    out = compare([a, b])
    assert out["facts"] == 3
    assert out["retain_diff"]["mean"] == 0.0  # differences -1, 0, +1
    # sd 1, t(0.975, 2) = 4.302653, half-width 4.302653 / sqrt(3) = 2.4841
    assert out["retain_diff"]["t95"] == pytest.approx([-2.4841, 2.4841], abs=1e-4)
    assert (out["retain_diff"]["worse"], out["retain_diff"]["better"], out["retain_diff"]["equal"]) == (1, 1, 1)
    assert out["leaks"] == {"template": 3, "exec": 1}
    assert out["retain_drop"] == {"template": 0.03, "exec": 0.02}
    # the lower bound -2.48 is below -1: retention is not shown to be not worse, whatever the drops say
    assert out["verdict"] == {"retention_not_worse": False, "forgetting_not_worse": True}


def test_compare_passes_a_tight_interval_and_fails_on_larger_drop(tmp_path):
    rows = []
    for i in range(30):
        rows += [_row(f"f{i}", "template", 39), _row(f"f{i}", "exec", 39 - (i % 2 == 0 and i < 10), drop=0.031)]
    out = compare([_write(tmp_path / "a.json", rows)])
    assert out["retain_diff"]["mean"] == pytest.approx(-5 / 30, abs=1e-4)
    assert out["retain_diff"]["t95"][0] > -1
    assert out["verdict"]["retention_not_worse"] is False  # mean drop 0.031 > 0.03
    assert out["verdict"]["forgetting_not_worse"] is True


def test_compare_rejects_a_fact_measured_twice(tmp_path):
    a = _write(tmp_path / "a.json", [_row("f1", "template", 40), _row("f1", "exec", 40)])
    with pytest.raises(SystemExit):
        compare([a, a])


def test_load_rows_reads_a_run_log(tmp_path):
    log = tmp_path / "run.log"
    log.write_text("plan f1 3.0s\n" + json.dumps(_row("f1", "exec", 40)) + "\nsome progress\n")
    assert load_rows(str(log)) == [_row("f1", "exec", 40)]


def test_compare_baseline_falls_back_to_the_template_row(tmp_path):
    a = _write(tmp_path / "a.json", [_row("f1", "template", 40, 1, 3), _row("f1", "template-own", 39),
                                      _row("f1", "exec", 39), _row("f2", "template", 38, 1), _row("f2", "exec", 39)])
    out = compare([a], a="template-own", fallback="template")
    assert out["facts"] == 2
    assert out["retain"] == {"template-own": 77, "exec": 78, "total": 80}  # f1's own row, f2's template row
    assert out["leaks"] == {"template-own": 1, "exec": 0}
