"""The evaluation sets' plain-text sources rebuild the shipped fresh*.jsonl exactly; malformed sources fail loudly."""

from __future__ import annotations

import json

import pytest

from repair.watchdog.data import fresh_build
from repair.watchdog.dataset import load_examples


def _sources():
    return sorted(fresh_build.HERE.glob("fresh*.txt"))


def test_every_shipped_fresh_set_has_a_source():
    jsonl = {p.stem for p in fresh_build.HERE.glob("fresh*.jsonl")}
    assert jsonl and jsonl == {p.stem for p in _sources()}


@pytest.mark.parametrize("source", _sources(), ids=lambda p: p.stem)
def test_source_rebuilds_the_shipped_jsonl_exactly(source):
    shipped = source.with_suffix(".jsonl").read_text(encoding="utf-8")
    rebuilt = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in fresh_build.parse(source))
    assert rebuilt == shipped
    rows = load_examples(None, path=source.with_suffix(".jsonl"))  # and it loads as typed examples
    assert {r.split for r in rows} == {source.stem}
    assert all((r.target is None) == (r.label == "chat") for r in rows)


def test_parse_reads_histories_escapes_and_ids(tmp_path):
    src = tmp_path / "freshx.txt"
    src.write_text("# comment\n@set freshx fx\n\n@history HA\nuser: My PIN is 4821.\nassistant: Ok.\n\n"
                   "forget en | Forget what I told you. | My PIN is 4821. | HA\n"
                   "chat en | Remove the blank line: a\\n\\nb | with a bar\n"
                   "forget de | Vergiss meine Adresse. | meine Adresse\n", encoding="utf-8")
    rows = fresh_build.parse(src)
    assert [r["id"] for r in rows] == ["fx-f000", "fx-c000", "fx-f001"]
    assert rows[0]["history"] == [{"role": "user", "content": "My PIN is 4821."},
                                  {"role": "assistant", "content": "Ok."}]
    assert rows[1]["text"] == "Remove the blank line: a\n\nb | with a bar" and rows[1]["target"] is None
    assert rows[2]["lang"] == "de" and rows[2]["kind"] == rows[2]["split"] == "freshx"
    out = fresh_build.build(src)
    assert [r.id for r in load_examples(None, path=out)] == ["fx-f000", "fx-c000", "fx-f001"]


@pytest.mark.parametrize("body", [
    "forget en | no set line | x\n",  # rows before @set
    "@set s x\nforget en | text only\n",  # forget row without a target
    "@set s x\nforget en | t | target | HZ\n",  # unknown history
    "@set s x\n@history HA\nsomeone: hi\n",  # bad role in a history
    "@set s x\nquestion en | what?\n",  # unknown label
    "@set s x\nchat | no language\n",
    "@set s\nchat en | no id prefix\n",
])
def test_malformed_source_is_one_clear_error(tmp_path, body):
    src = tmp_path / "bad.txt"
    src.write_text(body, encoding="utf-8")
    with pytest.raises(fresh_build.SourceError, match=r"bad\.txt:\d+"):
        fresh_build.parse(src)
