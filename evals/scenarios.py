"""The four benchmark scenarios, built from the shipped fact bank / harmful-proxy set and the external TOFU files.

facts          real facts the model answers correctly; forget some (one edit each), retain = other known facts
misinformation TOFU world facts with a wrong answer implanted (fine-tune, cached); forget the wrong answers
personal       TOFU fictitious authors implanted (fine-tune, cached); forget one author (one edit per author),
               retain = other implanted authors + known world facts
harmful-proxy  mild public hazardous-topic facts the model knows; forget some, retain = known facts
"""

from __future__ import annotations

import hashlib
import json
import os
import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from evals.implant import ImplantRecipe, implant
from evals.items import Item
from evals.metrics import revealed, rouge_l_recall
from repair.data import Fact, TofuData, contains_answer, load_facts, load_harmful_proxy

SCENARIOS = ("facts", "misinformation", "personal", "harmful-proxy")


@dataclass
class Scenario:
    name: str
    category: str  # RepairPlan.category
    groups: list[list[Item]]  # one STAMP edit per group; baselines get all groups at once
    retain: list[Item]  # evaluated retain items (never given to any method)
    buffer: list[Item]  # retain buffer given to every method (GradDiff/NPO retain loss, STAMP canaries)
    implant_path: Path | None = None
    info: dict = field(default_factory=dict)

    @property
    def forget(self) -> list[Item]:
        return [it for g in self.groups for it in g]


@dataclass(frozen=True)
class ScenarioSizes:
    n_forget: int = 8  # facts / harmful-proxy / misinformation items to forget
    n_retain: int = 24  # evaluated retain items
    n_buffer: int = 8  # retain buffer items
    n_canaries: int = 4  # of the buffer, given to STAMP as retain canaries
    pool: int = 160  # fact-bank questions surveyed to find known facts
    harmful_pool: int = 52  # harmful-proxy questions surveyed
    authors_forget: int = 2  # TOFU forget authors implanted (each forgotten in one edit)
    authors_retain: int = 2  # TOFU retain authors implanted (retain side)
    qa_per_author: int = 10
    misinfo_items: int = 8
    implant_recipe: ImplantRecipe = ImplantRecipe()
    misinfo_recipe: ImplantRecipe | None = None  # misinformation implant (None: implant_recipe)


class AnswerCache:
    """Greedy replies of the UNEDITED model, cached on disk per model fingerprint (question -> reply)."""

    def __init__(self, patient, cache_dir: Path, max_new_tokens: int = 24):
        self.patient = patient
        self.tokens = max_new_tokens
        self.path = Path(cache_dir) / "bench" / f"answers-{patient.fingerprint[:16]}-{max_new_tokens}.json"
        self.data: dict[str, str] = json.loads(self.path.read_text()) if self.path.is_file() else {}

    def replies(self, questions: Sequence[str], desc: str = "survey") -> list[str]:
        from tqdm import tqdm

        todo = [q for q in dict.fromkeys(questions) if q not in self.data]
        bs = 16
        for i in tqdm(range(0, len(todo), bs), desc=desc, unit="batch", disable=not todo):
            chunk = todo[i: i + bs]
            for q, r in zip(chunk, self.patient.answer_many(chunk, max_new_tokens=self.tokens, batch_size=bs),
                            strict=True):
                self.data[q] = r
            self._save()
        return [self.data[q] for q in questions]

    def _save(self) -> None:
        """Merge with what another process may have written meanwhile, then replace the file atomically."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.is_file():
            try:
                self.data = {**json.loads(self.path.read_text()), **self.data}
            except json.JSONDecodeError:
                pass
        tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(self.data, indent=0))
        tmp.replace(self.path)


def _known(cache: AnswerCache, facts: Sequence[Fact], desc: str) -> list[Fact]:
    reps = cache.replies([f.question for f in facts], desc=desc)
    return [f for f, r in zip(facts, reps, strict=True) if contains_answer(r, f.answers)]


def _pick_distinct_subjects(facts: Sequence[Fact], n: int, rng: random.Random) -> list[Fact]:
    """n facts with pairwise different subjects (so forgetting one cannot trivially remove another)."""
    out, seen = [], set()
    for f in rng.sample(list(facts), len(facts)):
        if len(out) >= n:
            break
        if f.subject.lower() not in seen:
            out.append(f)
            seen.add(f.subject.lower())
    return out


def survey_order(seed: int = 0) -> list[Fact]:
    """The fact bank in a fixed shuffled order; any prefix is a random sample (surveys and benches share it)."""
    bank = load_facts()
    random.Random(seed).shuffle(bank)
    return bank


def known_world_facts(patient, cache_dir: Path, sizes: ScenarioSizes, seed: int) -> list[Fact]:
    """Known facts among the first `sizes.pool` facts of `survey_order()` (replies cached on disk)."""
    pool = survey_order()[: sizes.pool]
    return _known(AnswerCache(patient, cache_dir), pool, desc="survey fact bank")


def split_facts(known: Sequence[Fact], sizes: ScenarioSizes, rng: random.Random,
                forget_from: Sequence[Fact] | None = None) -> tuple[list[Fact], list[Fact], list[Fact]]:
    """(forget, buffer, retain): forget from `forget_from` (default `known`); buffer/retain never share a subject
    with a forget fact."""
    forget = _pick_distinct_subjects(forget_from if forget_from is not None else known, sizes.n_forget, rng)
    subjects = {f.subject.lower() for f in forget}
    rest = [f for f in known if f.subject.lower() not in subjects and f not in forget]
    rng.shuffle(rest)
    buffer, retain = rest[: sizes.n_buffer], rest[sizes.n_buffer: sizes.n_buffer + sizes.n_retain]
    return forget, buffer, retain


def facts_scenario(patient, cache_dir: Path, sizes: ScenarioSizes, seed: int) -> Scenario:
    rng = random.Random(seed)
    known = known_world_facts(patient, cache_dir, sizes, seed)
    forget, buffer, retain = split_facts(known, sizes, rng)
    return Scenario(
        name="facts", category="other", groups=[[Item.from_fact(f)] for f in forget],
        retain=[Item.from_fact(f, 0) for f in retain], buffer=[Item.from_fact(f, 0) for f in buffer],
        info={"known": len(known), "surveyed": min(sizes.pool, len(load_facts()))},
    )


def harmful_scenario(patient, cache_dir: Path, sizes: ScenarioSizes, seed: int) -> Scenario:
    rng = random.Random(seed)
    hp = load_harmful_proxy()[: sizes.harmful_pool]
    hp_known = _known(AnswerCache(patient, cache_dir), hp, desc="survey harmful-proxy")
    known = known_world_facts(patient, cache_dir, sizes, seed)
    forget, buffer, retain = split_facts(known, sizes, rng, forget_from=hp_known)
    return Scenario(
        name="harmful-proxy", category="harmful", groups=[[Item.from_fact(f)] for f in forget],
        retain=[Item.from_fact(f, 0) for f in retain], buffer=[Item.from_fact(f, 0) for f in buffer],
        info={"known_harmful": len(hp_known), "harmful_total": len(hp)},
    )


def _subject_of(question: str) -> str:
    """A subject span for a TOFU world-fact question: its longest capitalised run of words (not the first word),
    else the last two words before the question mark."""
    words = question.rstrip("?").split()
    best, cur = [], []
    for i, w in enumerate(words):
        if i > 0 and w[:1].isupper():
            cur.append(w)
        else:
            if len(cur) > len(best):
                best = cur
            cur = []
    if len(cur) > len(best):
        best = cur
    span = " ".join(best) if best else " ".join(words[-2:])
    return span.strip(",.;:'\"")


def implant_keep(n: int = 8) -> list[tuple[str, str]]:
    """Correct (question, answer) pairs mixed into every implant batch so the rest of the model stays in place.
    Fixed (first facts of the survey order), so implants do not depend on which facts the model knows."""
    return [(f.question, f.answer) for f in survey_order()[-n:]]


def misinformation_pairs(tofu: TofuData, sizes: ScenarioSizes, seed: int):
    rng = random.Random(seed)
    cands = [w for w in tofu.world_facts if _subject_of(w.question)]
    chosen = rng.sample(cands, min(sizes.misinfo_items, len(cands)))
    return chosen, [(w.question, w.perturbed_answers[0]) for w in chosen]


def misinformation_scenario(patient, cache_dir: Path, tofu: TofuData, sizes: ScenarioSizes, seed: int) -> Scenario:
    """Implant perturbed_answers[0] for `misinfo_items` TOFU world facts; forget those wrong answers."""
    chosen, pairs = misinformation_pairs(tofu, sizes, seed)
    path, info = implant(patient, pairs, implant_keep(), cache_dir, sizes.misinfo_recipe or sizes.implant_recipe,
                         progress_desc="implant misinformation")
    rng = random.Random(seed)
    known = known_world_facts(patient, cache_dir, sizes, seed)
    implanted_q = {q for q, _ in pairs} | {q for q, _ in implant_keep()}
    known = [f for f in known if f.question not in implanted_q]
    _, buffer, retain = split_facts(known, replace(sizes, n_forget=0), rng)
    items = []
    for i, w in enumerate(chosen):
        subj = _subject_of(w.question)
        items.append(Item(id=f"mis-{i:02d}", question=w.question, gold=w.perturbed_answers[0],
                          answers=(w.perturbed_answers[0],), subject=subj, edit_probes=(w.question,),
                          heldout=(f"Do you know {w.question[0].lower() + w.question[1:]}",),
                          group=f"mis-{i:02d}", true_answer=w.answer))
    return Scenario(name="misinformation", category="misinformation", groups=[[it] for it in items],
                    retain=[Item.from_fact(f, 0) for f in retain], buffer=[Item.from_fact(f, 0) for f in buffer],
                    implant_path=path, info={"implant": info})


def _author_name(rows) -> str:
    """The fictitious author's name: the most common capitalised 2-4 word span across the author's questions."""
    from collections import Counter

    counts: Counter[str] = Counter()
    for r in rows:
        words = [w.strip("?,.'s").rstrip("'") for w in r.question.replace("'s ", " ").split()]
        for n in (3, 2, 4):
            for i in range(len(words) - n + 1):
                span = words[i: i + n]
                if all(w[:1].isupper() for w in span) and i > 0:
                    counts[" ".join(span)] += 1
    return counts.most_common(1)[0][0] if counts else ""


def _author_items(rows, prefix: str, n: int, group: str) -> tuple[str, list[Item]]:
    name = _author_name(rows)
    with_name = [r for r in rows if name and name.lower() in r.question.lower()][:n]
    items = [Item(id=f"{prefix}-{i:02d}", question=r.question, gold=r.answer, answers=(), subject=name,
                  edit_probes=(r.question,), heldout=(), group=group) for i, r in enumerate(with_name)]
    return name, items


def personal_items(tofu: TofuData, sizes: ScenarioSizes) -> tuple[list[list[Item]], list[Item], dict]:
    f_auth = TofuData.by_author(tofu.forget)
    r_auth = TofuData.by_author(tofu.retain)
    groups, retain_items, names = [], [], {}
    for a in sorted(f_auth)[: sizes.authors_forget]:
        name, items = _author_items(f_auth[a], f"auth-f{a}", sizes.qa_per_author, group=f"author-f{a}")
        if name and items:
            groups.append(items)
            names[f"forget-{a}"] = name
    for a in sorted(r_auth)[: sizes.authors_retain]:
        name, items = _author_items(r_auth[a], f"auth-r{a}", sizes.qa_per_author, group=f"author-r{a}")
        retain_items += items
        names[f"retain-{a}"] = name
    return groups, retain_items, names


def personal_pairs(tofu: TofuData, sizes: ScenarioSizes) -> list[tuple[str, str]]:
    groups, retain_items, _ = personal_items(tofu, sizes)
    return [(it.question, it.gold) for g in groups for it in g] + [(it.question, it.gold) for it in retain_items]


def hold_out_quarter(groups: Sequence[Sequence[Item]]) -> list[list[Item]]:
    """Keep the last quarter (>= 1) of each group's questions out of the edit: they become the held-out wordings
    of the group's first item, each with its OWN gold answer (they are other questions about the same author)."""
    out = []
    for g in groups:
        k = max(1, len(g) // 4)
        edit, held = list(g[:-k]), g[-k:]
        first = replace(edit[0], heldout=tuple(h.question for h in held), heldout_gold=tuple(h.gold for h in held))
        out.append([first, *edit[1:]])
    return out


def personal_scenario(patient, cache_dir: Path, tofu: TofuData, sizes: ScenarioSizes, seed: int) -> Scenario:
    """Implant `authors_forget` + `authors_retain` fictitious authors; forget each forget-author in one edit.

    Held-out leakage: for each author, a quarter of the implanted questions are kept out of the edit's probes."""
    groups, retain_items, names = personal_items(tofu, sizes)
    path, info = implant(patient, personal_pairs(tofu, sizes), implant_keep(), cache_dir, sizes.implant_recipe,
                         progress_desc="implant authors")
    rng = random.Random(seed)
    known = [f for f in known_world_facts(patient, cache_dir, sizes, seed)
             if f.question not in {q for q, _ in implant_keep()}]
    _, buffer, retain_facts = split_facts(known, replace(sizes, n_forget=0, n_retain=max(1, sizes.n_retain // 2)),
                                          rng)
    final_groups = hold_out_quarter(groups)
    return Scenario(
        name="personal", category="personal", groups=final_groups,
        retain=[*retain_items, *[Item.from_fact(f, 0) for f in retain_facts]],
        buffer=[Item.from_fact(f, 0) for f in buffer], implant_path=path,
        info={"implant": info, "authors": names},
    )


def implant_check(patient, scenario: Scenario, max_new_tokens: int = 40) -> dict:
    """After loading the implant: how well the implanted model states the implanted items (recall)."""
    items = scenario.forget + [it for it in scenario.retain if it.group.startswith("author-")]
    reps = patient.answer_many([it.question for it in items], max_new_tokens=max_new_tokens)
    return {
        "n": len(items),
        "stated": sum(revealed(r, it.answers, it.gold) for r, it in zip(reps, items, strict=True)) / max(1, len(items)),
        "rouge_l": sum(rouge_l_recall(r, it.gold) for r, it in zip(reps, items, strict=True)) / max(1, len(items)),
    }


def scenario_digest(sc: Scenario) -> str:
    blob = json.dumps([[it.id for it in g] for g in sc.groups] + [[it.id for it in sc.retain]])
    return hashlib.sha256(blob.encode()).hexdigest()[:12]
