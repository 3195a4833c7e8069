"""The surgeon: turns a forget target (or a watchdog Intent) into a validated RepairPlan.

plan_target(target):
  1. read the target: request wording, misinformation claim, personal value, subject span, category
  2. policy guard (empty / over-broad / safety-aimed / oversized -> PolicyRefusal, nothing planned)
  3. probes: category templates (+ local-LLM paraphrases when a paraphraser is available), every probe
     mentions the subject and none contains an answer; forget and held-out check probes are disjoint
  4. answers: what would reveal the target (the model's own answer spans, fact-bank answers, the false
     claim, the personal value)
  5. retain canaries (known, unrelated facts) and the canary guard
  6. layer and rank from the patient's activations: trial edits at the candidate layers (surgeon.trial)
The surgeon never executes anything: its output is a pydantic RepairPlan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from repair.config import Settings
from repair.errors import InvalidInputError, PolicyRefusal
from repair.records import Intent, RepairPlan
from repair.surgeon import answers as answer_spans
from repair.surgeon import policy, templates
from repair.surgeon.canaries import CanaryPool, related_facts
from repair.surgeon.hazards import hazard_for, leak_terms
from repair.surgeon.templates import Frame
from repair.surgeon.text import (
    WH_WORDS,
    Claim,
    category_of,
    entity_spans,
    mentions,
    norm,
    parse_claim,
    personal_attribute,
    personal_value,
    question_forms,
    strip_request,
    subject_of,
    words,
)

MIN_FORGET = 8
MIN_CHECK = 3
MAX_FORGET = 12
MAX_CHECK = 5
MAX_RELATED_CANARIES = 8  # a target related to more bank facts than this is too broad
N_CANARIES = 10
N_DAMAGE = 20  # further known, unrelated facts the trial edits measure damage on (never the plan's canaries)
MAX_RANK = 8
TRIAL_WINDOW = 2  # trial edits at the executor's layer and up to this many layers either side (all_layers: every one)
RANK_ENERGY = 0.99  # the rank keeps this share of the forget keys' squared norm
REFUSAL = "I'm not sure."
REFUSALS = {"harmful": "I can't help with that.", "personal": "I don't have that information."}


@dataclass
class Reading:
    """What the surgeon understood from a target."""

    target: str
    request: str
    category: str
    subject: str
    frame: Frame | None = None
    attribute: str | None = None  # personal data
    claim: Claim | None = None  # misinformation
    answers: list[str] = field(default_factory=list)
    correction: str | None = None


def _dedupe(probes: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for p in probes:
        p = re.sub(r"\s+", " ", p).strip()
        key = norm(p)
        if p and key and key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _respell(text: str, subject: str) -> str:
    """Write `subject` in `text` as the subject is spelled ('the capital of france' -> '... France')."""
    return re.sub(r"(?<!\w)" + re.escape(subject) + r"(?!\w)", lambda _m: subject, text, flags=re.IGNORECASE)


def balanced_lam(n_probes: int) -> float:
    """The plan's lam for `n_probes` forget probes: the executor's DEFAULT_LAM per its reference plan's probe count.

    The solve minimises sum_i ||D k_i - r_i||^2 + tr(D (lam C + ...) D^T): the data term grows with the number of
    forget keys while lam*C does not. DEFAULT_LAM was measured (evals/stamp_facts.py) on plans of
    `template_wrappers` (4 probes); the surgeon's 12 probes' subject keys are near-duplicates (mean cosine ~0.98),
    so at the same lam they weigh the subject's direction about 3x and the edit is larger (measured on 8 facts:
    ||D|| +16%, its output energy on generic text +46%, retain facts' gold log-prob drop +33%). Scaling lam by
    n / 4 keeps the per-key balance the executor was tuned for (never below DEFAULT_LAM) and brings all three
    back to the template plan's level. Measured in docs/surgeon/README.md."""
    from repair.editing import DEFAULT_LAM, template_wrappers

    reference = len(template_wrappers("What is it?"))
    return DEFAULT_LAM * max(1.0, n_probes / reference)


def usable_probe(probe: str, subject: str, answers: Sequence[str]) -> bool:
    """A probe must name the subject verbatim and must not contain anything it should make the model hide."""
    if not (8 <= len(probe) <= policy.MAX_PROBE_CHARS) or not mentions(probe, subject):
        return False
    return not any(a and mentions(probe, a) for a in answers if norm(a) != norm(subject))


def paraphrase_verdicts(raw: Sequence[str], question: str, subject: str, answers: Sequence[str],
                       known: Sequence[str] = ()) -> list[tuple[str, str | None]]:
    """Each LLM paraphrase of `question` with why it is dropped (None: kept): not a usable question
    (see paraphrase.rejection), names an answer, repeats an earlier one or one of the `known` probes."""
    from repair.surgeon.paraphrase import rejection

    out: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    templated = {norm(k) for k in known}
    for p in raw:
        p = re.sub(r"\s+", " ", p).strip()
        why = rejection(p, question, subject)
        if why is None and not usable_probe(p, subject, answers):
            why = "answer inside"
        if why is None and norm(p) in seen:
            why = "duplicate"
        if why is None and norm(p) in templated:
            why = "same as a template"
        seen.add(norm(p))
        out.append((p, why))
    return out


class Surgeon:
    """Writes RepairPlans for one patient. `paraphraser`: optional callable (Frame, n) -> list[str]."""

    def __init__(self, patient, settings: Settings, paraphraser=None, facts=None, use_llm: bool = True,
                 choose_layers: bool = True, all_layers: bool = False, layer_metric: str | None = None,
                 editor=None):
        self.patient = patient
        # None: the executor's layer (measured no worse than any activation-chosen one, see _strength);
        # "trial": the candidate layer whose trial edit scores best (surgeon.trial);
        # "fit" / "separation": the candidate layer with the best such static score (surgeon.layers)
        if layer_metric not in (None, "trial", "fit", "separation"):
            raise InvalidInputError(f"unknown layer metric '{layer_metric}' (trial, fit, separation or None)")
        self.layer_metric = layer_metric
        self._editor = editor  # repair.editing.Editor computing the trial edits (default: one of its own)
        self.last_trial = None  # the surgeon.trial.TrialReport behind the last plan's layer (diagnostics)
        self.last_damage_questions: list[str] = []  # the unrelated facts the last trial scored damage on
        self.choose_layers = choose_layers  # False: leave layers empty (the executor chooses)
        self.all_layers = all_layers  # True: score every candidate layer, not only those with a cached covariance
        self.last_paraphrases: list[str] = []  # the LLM probes kept for the last plan (diagnostics)
        # everything the LLM wrote for the last plan, each with why it was dropped or "kept" (diagnostics)
        self.last_paraphrase_raw: list[tuple[str, str]] = []
        self.settings = settings
        self._facts = facts
        self._pool: CanaryPool | None = None
        self._paraphraser = paraphraser
        self._use_llm = use_llm and paraphraser is None

    # ------------------------------------------------------------------ resources
    @property
    def pool(self) -> CanaryPool:
        if self._pool is None:
            self._pool = CanaryPool(self.patient, self.settings, self._facts)
        return self._pool

    @property
    def facts(self):
        return self.pool.facts

    @property
    def editor(self):
        """The STAMP executor used for trial edits (the session passes its own, so caches are shared)."""
        if self._editor is None:
            from repair.editing import Editor

            self._editor = Editor(self.patient, self.settings)
        return self._editor

    def paraphraser(self):
        if self._paraphraser is None and self._use_llm:
            from repair.surgeon.paraphrase import Paraphraser

            gguf = getattr(getattr(self.patient, "source", None), "gguf_path", None)
            self._paraphraser = Paraphraser.for_gguf(gguf) if gguf is not None else None
            self._use_llm = False
        return self._paraphraser

    # ------------------------------------------------------------------ public
    def plan(self, intent: Intent, history: Sequence[dict] = (), request: str | None = None) -> RepairPlan:
        """A plan for a watchdog `intent` (kind 'forget'); `history` resolves 'that' / 'what you just said'."""
        if intent.kind != "forget":
            raise InvalidInputError("the intent is not a forget request")
        target = (intent.target or "").strip()
        if request is None:
            users = [m["content"] for m in history if m.get("role") == "user"]
            request = users[-1] if users and target and target.lower() in users[-1].lower() else target
        return self.plan_target(target or (request or ""), request=request, history=history)

    def plan_target(
        self, target: str, probes: Sequence[str] | None = None, request: str | None = None,
        history: Sequence[dict] = (),
    ) -> RepairPlan:
        """A validated plan to forget `target`; raises PolicyRefusal (with a reason) for refused requests."""
        if not isinstance(target, str):
            raise InvalidInputError(f"target must be text, got {type(target).__name__}")
        reading = self.read(target, request or target, history)
        if probes:
            policy.check_probes(probes)
        self._related(reading)  # too broad for the retain canaries: refuse before asking the model anything
        forget, check = self._probes(reading, list(probes or []))
        if reading.category not in ("personal", "misinformation"):
            if not reading.answers:
                reading.answers = self._model_answers(reading, forget)
            # a span already in the target's own words is not what the model would reveal
            reading.answers = [a for a in reading.answers if not mentions(reading.target, a)]
        forget = [p for p in forget if usable_probe(p, reading.subject, reading.answers)]
        check = [p for p in check if usable_probe(p, reading.subject, reading.answers)]
        if len(forget) < MIN_FORGET or len(check) < MIN_CHECK:
            raise InvalidInputError(
                f"could not write enough probes for '{reading.target}' ({len(forget)} forget, {len(check)} check)"
            )
        canaries, retain_facts, skip = self._canaries(reading, forget + check)
        plan = RepairPlan(
            target=reading.target, subject=reading.subject, category=reading.category,
            forget_probes=forget[:MAX_FORGET], check_probes=check[:MAX_CHECK], answers=reading.answers,
            refusal=REFUSALS.get(reading.category, REFUSAL), retain_canaries=canaries, request=request,
            correction=reading.correction,
        )
        plan = plan.model_copy(update={"lam": balanced_lam(len(plan.forget_probes))})
        return self._strength(plan, retain_facts, skip)

    # ------------------------------------------------------------------ reading
    def read(self, target: str, request: str, history: Sequence[dict] = ()) -> Reading:
        t = strip_request(target)
        claim = parse_claim(request) or parse_claim(target)
        if claim is None and t.lower().startswith(("that's wrong", "that is wrong", "no,")):
            claim = self._claim_from_history(request, history)
        policy.check_target(t)  # the whole target first: safety / breadth reasons name what was asked
        if claim:
            policy.check_target(claim.topic)
        category = "misinformation" if claim else category_of(request, t)
        if category == "misinformation" and claim is not None:
            subject = subject_of(claim.topic, self._known_subjects())
            frame = self._frame(_respell(claim.topic, subject), subject)
            answers = [claim.false] if claim.false else []
            return Reading(target=t, request=request, category=category, subject=subject, frame=frame, claim=claim,
                           answers=answers, correction=claim.correct)
        if category == "personal":
            return self._read_personal(t, request, history)
        hazard = hazard_for(t) if category == "harmful" else None
        if hazard is not None and mentions(t, hazard.subject):
            subject = hazard.subject  # "Molotov cocktail", not the capitalised "Molotov"
        else:
            subject = subject_of(t, self._known_subjects())
        t = _respell(t, subject)
        policy.check_target(subject)
        reading = Reading(target=t, request=request, category=category, subject=subject, frame=self._frame(t, subject))
        # a harmful procedure leaks through its ingredients / tools (lexicon), not a fact-bank answer
        reading.answers = leak_terms(t) if hazard is not None else self._bank_answers(t, subject)
        return reading

    def _known_subjects(self) -> tuple[str, ...]:
        try:
            return tuple(f.subject for f in self.facts)
        except Exception:  # noqa: BLE001 - the bank is optional for reading; planning still works without it
            return ()

    def _frame(self, target: str, subject: str) -> Frame:
        t = target.strip(" .?!")
        question = question_forms(t)
        first = t.split()[0].lower() if t.split() else ""
        clause = t if first in WH_WORDS or not t[:1].isupper() else t
        entity_only = norm(t) == norm(subject) and bool(entity_spans(t) or t[:1].isupper())
        return Frame(question=question, clause=clause[:1].lower() + clause[1:] if first in WH_WORDS else clause,
                     subject=subject, entity_only=entity_only)

    def _read_personal(self, t: str, request: str, history: Sequence[dict]) -> Reading:
        value = personal_value(request) or personal_value(t)
        attr = value.attribute if value else personal_attribute(t)
        if not attr:
            raise PolicyRefusal(f"'{t}' does not say which personal detail to forget")
        if value is None:  # "forget my address": look for it in what the person said earlier
            for m in reversed(list(history)):
                if m.get("role") == "user":
                    v = personal_value(m["content"])
                    if v and (v.attribute == attr or attr in v.attribute or v.attribute in attr):
                        value = v
                        break
        if value is None:
            raise PolicyRefusal(
                f"I don't know which {attr} to forget: say it in the request, e.g. 'forget my {attr} is ...'"
            )
        return Reading(target=t, request=request, category="personal", subject=attr, attribute=attr,
                       answers=[value.value])

    def _claim_from_history(self, request: str, history: Sequence[dict]) -> Claim | None:
        """'that's wrong, it's Canberra' after the model said 'Sydney': the false claim is the model's answer."""
        msgs = list(history)
        for i in range(len(msgs) - 1, 0, -1):
            if msgs[i].get("role") == "assistant" and msgs[i - 1].get("role") == "user":
                question = msgs[i - 1]["content"].strip(" ?")
                false = answer_spans.vote([question], [msgs[i]["content"]], limit=1)
                m = re.search(r"(?:it'?s|it\s+is|is|was)\s+(?:actually\s+)?([^,.;!?]+)", request, re.IGNORECASE)
                correct = m.group(1).strip() if m else None
                if false:
                    topic = re.sub(r"^(?:what|who|where|when|which)\s+(?:is|was|are|were)\s+", "", question,
                                   flags=re.IGNORECASE)
                    return Claim(statement=f"{topic} is {correct}" if correct else question, topic=topic,
                                 correct=correct, false=false[0])
        return None

    def _bank_answers(self, target: str, subject: str) -> list[str]:
        """Gold answers of the fact-bank fact that this target names (same subject, question overlaps)."""
        try:
            from repair.data import load_harmful_proxy

            facts = [*self.facts, *load_harmful_proxy()]
        except Exception:  # noqa: BLE001 - the bank is optional: without it answers come from the model
            return []
        tw = set(words(norm(target))) - {"the", "of", "a", "an", "is", "what", "who", "which"}
        best, best_score = None, 0.0
        for f in facts:
            if not mentions(target, f.subject) and norm(f.subject) != norm(subject):
                continue
            qw = set(words(norm(" ".join(f.probes))))
            score = len(tw & qw) / max(1, len(tw))
            if score > best_score:
                best, best_score = f, score
        return list(best.answers) if best is not None and best_score >= 0.6 else []

    # ------------------------------------------------------------------ probes
    def _probes(self, r: Reading, given: list[str]) -> tuple[list[str], list[str]]:
        if r.category == "personal":
            forget, check = templates.personal_forget(r.attribute), templates.personal_check(r.attribute)
        elif r.category == "harmful":
            forget, check = templates.harmful_forget(r.frame), templates.harmful_check(r.frame)
        else:
            forget, check = templates.fact_forget(r.frame), templates.fact_check(r.frame)
        for p in given:
            if not mentions(p, r.subject):
                raise InvalidInputError(f"probe '{p[:60]}' does not mention the subject '{r.subject}'")
        extra_f, extra_c = self._paraphrases(r, known=[*given, *forget, *check])
        forget = _dedupe([*given, *extra_f, *forget])
        check = [p for p in _dedupe([*extra_c, *check]) if norm(p) not in {norm(x) for x in forget}]
        return forget, check

    def _paraphrases(self, r: Reading, known: Sequence[str] = ()) -> tuple[list[str], list[str]]:
        """LLM paraphrases split between forget (most) and check (a couple); empty without a paraphraser."""
        self.last_paraphrases, self.last_paraphrase_raw = [], []
        para = self.paraphraser()
        if para is None or r.frame is None and r.attribute is None:
            return [], []
        frame = r.frame or Frame(question=f"What is my {r.attribute}?", clause=f"my {r.attribute}",
                                 subject=r.attribute)
        got = []
        for p, why in paraphrase_verdicts(para(frame, 6), frame.question, r.subject, r.answers, known):
            self.last_paraphrase_raw.append((p, why or "kept"))
            if why is None:
                got.append(p)
        self.last_paraphrases = list(got)
        return got[:-2] if len(got) > 2 else got, got[-2:] if len(got) > 2 else []

    def _model_answers(self, r: Reading, forget: Sequence[str]) -> list[str]:
        """Ask the current model a few probes and keep the answer span most replies agree on."""
        qs = list(forget[:3])
        replies = self.patient.answer_many(qs, max_new_tokens=32)
        # a procedure (harmful "how to") has no single answer span: keep only spans several replies share
        agree = 2 if r.category == "harmful" else 1
        return answer_spans.vote(qs, replies, limit=2, min_replies=agree)

    # ------------------------------------------------------------------ canaries
    def _related(self, r: Reading):
        """Bank facts this plan would touch; more than MAX_RELATED_CANARIES means the target is too broad."""
        related = related_facts(self.facts, r.subject, r.answers, r.target)
        if len(related) > MAX_RELATED_CANARIES:
            sample = "; ".join(f.question for f in related[:2])
            raise PolicyRefusal(
                f"'{r.target}' is too broad: it touches {len(related)} retain canaries (e.g. {sample})"
            )
        return related

    def _canaries(self, r: Reading, probes: Sequence[str]):
        from repair.records import Canary

        facts = self.facts
        skip = {f.id for f in self._related(r)}
        for p in probes:  # a probe that asks a canary's question would edit that canary
            for f in facts:
                if f.id not in skip and any(norm(p) == norm(q) for q in f.probes):
                    raise PolicyRefusal(f"probe '{p[:60]}' asks retain canary '{f.question}'")
        known = self.pool.known(N_CANARIES, skip)
        return [Canary(question=f.question, answer=f.answer) for f in known], known, skip

    # ------------------------------------------------------------------ layers and strength
    def _strength(self, plan: RepairPlan, retain_facts, skip: set[str] = frozenset()) -> RepairPlan:
        """Layer and rank from the patient's activations (see surgeon.trial and surgeon.layers).

        The rank is the effective rank of the forget keys at the edited layer. The layer, by `layer_metric`:
        - None (default): the executor's; the plan records every ready candidate layer's solver fit.
        - "trial": each ready candidate layer within TRIAL_WINDOW of the executor's (every candidate with
          `all_layers`, covariances built in one pass) gets a trial edit, built from half the forget probes and
          scored on the other half and on unrelated known facts (surgeon.trial); the best forget-minus-damage
          score wins and every score is kept in `layer_scores`. Too few ready layers or revealing probes:
          the executor's layer.
        - "fit" / "separation": the candidate with the best static score (surgeon.layers).
        Measured on SmolLM2-135M (evals/surgeon_forget.py, docs/surgeon/README.md): neither the static scores
        nor the trial edits pick layers that forget and retain better than the executor's layer 6 (20 facts:
        trial-chosen layers 4 question / 11 paraphrase leaks, 775/800 retained; layer 6: 6 / 10, 778/800), and
        trials add ~30 s to a plan, so the default leaves the layer to the executor. alpha stays at the executor's
        default (the measured reach g/(1+g) is 0.95-0.998 on every candidate layer); lam is the executor's per
        forget probe (`balanced_lam`, set in plan_target)."""
        self.last_trial, self.last_damage_questions = None, []
        if not self.choose_layers or len(retain_facts) < 2:
            return plan
        from repair.editing import DEFAULT_LAYERS
        from repair.surgeon.layers import candidate_layers, effective_rank, ready_layers

        candidates = candidate_layers(self.patient.n_layers)
        if not self.all_layers:
            candidates = ready_layers(self.patient, self.settings, candidates)
        if self.layer_metric == "trial":
            if not self.all_layers:  # each trial costs seconds: the layers nearest the executor's
                candidates = [l for l in candidates if abs(l - DEFAULT_LAYERS[-1]) <= TRIAL_WINDOW]
            else:  # missing key covariances: built together in one pass over the generic text (minutes, once)
                from repair import keycov

                keycov.key_covariance(self.patient, self.settings, candidates)
            # personal data the model never saw: no reply reveals it, so a trial has nothing to measure
            if len(candidates) >= 2 and plan.category != "personal":
                # further known facts, unrelated to the target (same exclusions) and never a canary
                damage_facts = self.pool.known(N_DAMAGE, set(skip) | {f.id for f in retain_facts})
                chosen = self._trial(plan, candidates, damage_facts) if len(damage_facts) >= 2 else None
                if chosen is not None:
                    return chosen
            return self._rank_at(plan, list(DEFAULT_LAYERS))
        if self.layer_metric is not None and not candidates:
            return plan
        edited = list(DEFAULT_LAYERS)
        layers = sorted(set(candidates) | set(edited))
        from repair.surgeon.layers import layer_report

        report, keys = layer_report(self.patient, self.settings, plan.forget_probes[:6], plan.subject,
                                    [(f.question, f.subject) for f in retain_facts], layers, fit_layers=candidates)
        scores = {l: m["fit"] for l, m in report.items() if "fit" in m}
        if self.layer_metric is not None:
            ranked = {l: m[self.layer_metric] for l, m in report.items() if self.layer_metric in m}
            if not ranked:
                return plan
            edited = [max(ranked, key=ranked.get)]
        if edited[-1] not in keys:
            return plan
        rank = max(1, min(MAX_RANK, effective_rank(keys[edited[-1]], RANK_ENERGY)))
        return plan.model_copy(update={"layers": edited if self.layer_metric else [], "rank": rank,
                                       "layer_scores": {str(k): round(v, 4) for k, v in scores.items()}})

    def layer_ranks(self, plan: RepairPlan, layers: Sequence[int]) -> dict[int, int]:
        """Per layer, the effective rank of the forget keys there (capped at MAX_RANK)."""
        from repair.surgeon.layers import effective_rank

        keys = self.editor.sites(plan.forget_probes, plan.subject, layers).keys
        return {l: max(1, min(MAX_RANK, effective_rank(keys[l], RANK_ENERGY))) for l in layers}

    def _rank_at(self, plan: RepairPlan, layers: list[int]) -> RepairPlan:
        """The executor's layer(s) (plan.layers left empty), rank from the forget keys there."""
        try:
            rank = self.layer_ranks(plan, layers)[layers[-1]]
        except InvalidInputError:
            return plan
        return plan.model_copy(update={"rank": rank})

    def _trial(self, plan: RepairPlan, layers: Sequence[int], damage_facts) -> RepairPlan | None:
        from repair.surgeon.trial import trial_layers

        try:
            ranks = self.layer_ranks(plan, layers)
        except InvalidInputError:  # a probe the executor cannot read keys from: it would refuse the plan anyway
            return None
        damage = [(f.question, list(f.answers)) for f in damage_facts]
        report = trial_layers(self.patient, self.editor, plan, layers, damage, ranks=ranks, progress=True)
        self.last_trial, self.last_damage_questions = report, [q for q, _ in damage]
        best = report.best()
        if best is None:
            return None
        return plan.model_copy(update={"layers": [best.layer], "rank": best.rank,
                                       "layer_scores": {str(s.layer): round(s.score, 4) for s in report.scores}})
