"""The STAMP executor: plan -> keys -> targets -> closed-form solve -> apply -> verify -> (rollback).

Keys are the down_proj inputs at the LAST token of the plan's subject in each forget probe (chat
format). Targets are "ignorance" states (see `ignorance_shift`): the residual stream the model has at
that position for invented subjects it cannot know; the edited layer writes the difference. Weights
change only through `repair.stamp.lowrank_solve` with the cached generic-text key covariance.

What the edit must leave alone (measured with evals/stamp_facts.py, sequential edits of facts):
- P = lam*C + eps*I + folded fixed keys: C the generic-text covariance, plus the keys of shipped entities
  (repair/keycov_entities.txt in ENTITY_FRAMES) and of anchor facts (the shipped fact bank's questions).
  Anchors keep same-relation facts ("capital of Uganda" when forgetting "capital of Japan"); without them
  ten capital/currency/language edits broke most of those relations.
- Per edit: the probes with invented and contrast names in place of the subject, and the forget keys of
  every earlier active edit (so a new edit does not undo an old one). Keys naming the subject are never kept.
- Per edit, as near-hard constraints (weight 1000): the keys at every OTHER token of the forget probes. The
  tokens before the subject ("What is the capital of") are the same for every question of that frame, and
  without this an edit moved their outputs by up to 64% (relative), i.e. it touched every such question.
  Measured: 20 sequential edits kept 31/40 held-out facts instead of 27/40, and with these tokens pinned lam
  rose from 300 to 1000 without losing forgetting: 33/40 (docs/stamp/README.md).
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import torch

from repair import keycov
from repair.errors import InvalidInputError
from repair.patient.model import check_question
from repair.records import Canary, EditRecord, RepairPlan, Scores
from repair.stamp import LowRankDelta, Preservation, lowrank_solve, shift_targets

# Invented names (no real referent): their states at the subject position are the model's "ignorance".
UNKNOWN_SUBJECTS = ("Quorvania", "Zelbrath Ostrum", "Velmiro Tassk", "the Drennic Isles")
# Real, well-known names (none a fact-bank subject) put in the probes' context: their keys are preserved, so
# the edit uses what is specific to the subject rather than what the context ("the capital of ...") shares.
CONTRAST_SUBJECTS = ("Toronto", "Isaac Newton", "the violin", "Samsung")
# Frames in which the shipped entity list (repair/keycov_entities.txt) is run to get "other entity" keys at
# the entity's last token: the keys an edit of one subject is most likely to disturb.
ENTITY_FRAMES = ("What is {}?", "Tell me about {}.", "What is {} famous for?", "Where is {}?")
DEFAULT_LAYERS = (6,)
DEFAULT_LAM = 1000.0
EPS = 1e-3
ESCALATION = (3.0, 10.0)  # lam divisors tried when an edit leaves forget probes revealing the target
RELIEF = (3.0, 10.0)  # lam multipliers tried when an edit breaks a retain canary (a weaker edit may still forget)
RETAIN_TOLERANCE = 0  # canaries (known before the edit) allowed to break before the edit is rolled back


@dataclass
class Sites:
    """Activations at the subject's last token of each probe, for one or more layers.

    keys[l]:    [n, d_ff]     down_proj inputs
    outputs[l]: [n, d_model]  down_proj outputs (W k)
    states[l]:  [n, d_model]  residual stream after decoder layer l
    context[l]: [m, d_ff]     down_proj inputs at every other token of the prompts (only when asked for)
    """

    prompts: list[str]
    keys: dict[int, torch.Tensor]
    outputs: dict[int, torch.Tensor]
    states: dict[int, torch.Tensor]
    context: dict[int, torch.Tensor] = field(default_factory=dict)


@dataclass
class ComputedEdit:
    delta: LowRankDelta
    timings: dict[str, float]
    layers: list[int]
    rank: int
    info: dict[str, float] = field(default_factory=dict)
    keys: dict[int, torch.Tensor] = field(default_factory=dict)  # layer -> forget keys [n, d_ff]


def default_anchors() -> list[tuple[str, str]]:
    """(question, subject) of every shipped fact-bank fact: known facts whose keys edits keep in place."""
    from repair.data import load_facts

    return [(f.question, f.subject) for f in load_facts()]


def _overlaps(name: str, subject: str) -> bool:
    a, b = name.strip().lower(), subject.strip().lower()
    return bool(a) and bool(b) and (a in b or b in a)


def contrast_names(subject: str) -> list[str]:
    """CONTRAST_SUBJECTS minus any that overlap the subject (never preserve what is being forgotten)."""
    return [n for n in CONTRAST_SUBJECTS if not _overlaps(n, subject)]


def _replace_subject(text: str, subject: str, new: str) -> str:
    return re.sub(re.escape(subject.strip()), new, text, flags=re.IGNORECASE)


class Editor:
    """Computes and executes STAMP edits on one patient. Holds per-layer caches (covariance factors)."""

    def __init__(self, patient, settings, layers: Sequence[int] = DEFAULT_LAYERS, lam: float = DEFAULT_LAM,
                 opt_steps: int = 0, preserve_weight: float = 10.0, entity_weight: float = 10.0,
                 history_weight: float = 10.0, anchor_weight: float = 10.0,
                 anchors: Sequence[tuple[str, str]] | None = None, eps: float = EPS,
                 context_weight: float = 1000.0):
        self.patient = patient
        self.context_weight = context_weight  # weight of the probes' other tokens' keys kept unchanged (0: off)
        self.eps = eps  # ridge term, relative to the mean key energy per dimension
        self.anchor_weight = anchor_weight  # weight of each anchor question's key (0: off)
        self.anchors = list(anchors) if anchors is not None else None  # (question, subject); None: the fact bank
        self._anchor_keys: dict[int, tuple[list[str], torch.Tensor]] = {}
        self.entity_weight = entity_weight  # weight of each shipped entity's key (0: off)
        self.history_weight = history_weight  # weight of each earlier edit's forget keys (0: off)
        self._entity_keys: dict[int, tuple[list[str], torch.Tensor]] = {}
        self._history: dict[str, dict[int, torch.Tensor]] = {}  # edit name -> layer -> forget keys [n, d_ff]
        self.preserve_weight = preserve_weight  # weight of contrast/invented-subject keys kept unchanged
        self.opt_steps = opt_steps  # Adam steps refining the ignorance target (0: gradient-free)
        self.settings = settings
        self.layers = tuple(layers)
        self.lam = lam
        self._pres: dict[tuple[int, float], Preservation] = {}

    # ------------------------------------------------------------------ caches
    def preservation(self, layer: int, lam: float) -> Preservation:
        """P = lam*C + eps*I + the fixed preserved keys (shipped entities, anchor facts), factored once per
        layer and lam. A subject overlapping some of those keys takes them out again per edit
        (`preserved_keys` returns them with negative weights)."""
        key = (layer, float(lam))
        if key not in self._pres:
            cov = keycov.key_covariance(self.patient, self.settings, [layer])[layer]
            scale = float(cov.trace()) / cov.shape[0]  # eps relative to the mean key energy per dim
            _names, _texts, fixed, weights = self._fixed_keys(layer)
            self._pres[key] = Preservation.build(cov, lam=lam, eps=self.eps * scale, keys=fixed, weights=weights)
        return self._pres[key]

    def _fixed_keys(self, layer: int) -> tuple[list[str], list[str], torch.Tensor, torch.Tensor]:
        """(names [m], prompts [m], keys [m, d_ff], weights [m]) of the entity and anchor keys folded into P."""
        names: list[str] = []
        texts: list[str] = []
        rows = [torch.zeros(0, self.patient.d_ff)]
        weights = [torch.zeros(0)]
        if self.entity_weight:
            n, k = self.entity_keys(layer)
            names += n
            texts += [f.format(e) for e in keycov.shipped_entities() for f in ENTITY_FRAMES]
            rows.append(k)
            weights.append(torch.full((len(n),), float(self.entity_weight)))
        if self.anchor_weight:
            n, k = self.anchor_keys(layer)
            names += n
            texts += [q for q, _s in self.anchor_list()]
            rows.append(k)
            weights.append(torch.full((len(n),), float(self.anchor_weight)))
        return names, texts, torch.cat(rows), torch.cat(weights)

    def _cached_keys(self, layer: int, prompts: Sequence[str], subjects: Sequence[str], tag: str) -> torch.Tensor:
        """keys [len(prompts), d_ff] at each subject's last token, cached on disk per model, text and layer.

        Keys at layer l do not depend on edits of layer l's down_proj, so they are computed once."""
        text_hash = keycov.corpus_hash([self.patient.chat_text(q) + "\0" + s for q, s in zip(prompts, subjects,
                                                                                              strict=True)])
        path = keycov.cache_path(self.settings, self.patient.fingerprint, layer, f"{tag}-{text_hash}")
        keys = None
        if path.is_file():
            try:
                keys = torch.load(path, weights_only=True)
            except Exception:  # corrupt cache: rebuild
                keys = None
        if keys is None or tuple(keys.shape) != (len(prompts), self.patient.d_ff):
            keys = torch.cat([self.sites(prompts[i : i + 64], subjects[i : i + 64], [layer]).keys[layer]
                              for i in range(0, len(prompts), 64)])
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            torch.save(keys, tmp)
            tmp.replace(path)
        return keys

    def entity_keys(self, layer: int) -> tuple[list[str], torch.Tensor]:
        """(names [m], keys [m, d_ff]): keys at the last token of each shipped entity in ENTITY_FRAMES."""
        if layer not in self._entity_keys:
            names = [e for e in keycov.shipped_entities() for _f in ENTITY_FRAMES]
            prompts = [f.format(e) for e in keycov.shipped_entities() for f in ENTITY_FRAMES]
            self._entity_keys[layer] = (names, self._cached_keys(layer, prompts, names, "entities"))
        return self._entity_keys[layer]

    def anchor_list(self) -> list[tuple[str, str]]:
        """The anchor facts in use: those given, else the shipped fact bank (read once per Editor)."""
        if self.anchors is None:
            self.anchors = default_anchors()
        return self.anchors

    def set_anchors(self, anchors: Sequence[tuple[str, str]] | None) -> None:
        """Replace the anchor facts ((question, subject); None: the shipped fact bank). An evaluation passes the
        bank minus every fact it scores, so the edit never protects the very questions it is measured on."""
        self.anchors = list(anchors) if anchors is not None else None
        self._anchor_keys.clear()
        self._pres.clear()

    def anchor_keys(self, layer: int) -> tuple[list[str], torch.Tensor]:
        """(subjects [m], keys [m, d_ff]) of the anchor questions (known facts whose answers edits must keep)."""
        if layer not in self._anchor_keys:
            anchors = self.anchor_list()
            if not anchors:
                self._anchor_keys[layer] = ([], torch.zeros(0, self.patient.d_ff))
            else:
                prompts, subjects = [a[0] for a in anchors], [a[1] for a in anchors]
                self._anchor_keys[layer] = (subjects, self._cached_keys(layer, prompts, subjects, "anchors"))
        return self._anchor_keys[layer]

    def remember(self, name: str, keys: dict[int, torch.Tensor]) -> None:
        """Record an applied edit's forget keys so later edits leave them where they are."""
        self._history[name] = keys

    def forget_history(self, name: str) -> None:
        self._history.pop(name, None)

    def sync_history(self, plans: dict[str, RepairPlan]) -> None:
        """Make the remembered edits exactly `plans` (name -> plan of an active edit): drop the others and
        capture the forget keys of any not yet known (e.g. edits replayed from the journal)."""
        for name in [n for n in self._history if n not in plans]:
            del self._history[name]
        if not self.history_weight:
            return
        for name, plan in plans.items():
            if name not in self._history and plan.forget_probes:
                layers = list(plan.layers) or list(self.layers)
                self._history[name] = self.sites(plan.forget_probes, plan.subject, layers).keys

    def preserved_keys(
        self, layer: int, subject: str, unknown: Sites, contrast: Sites, exclude: Sequence[str] = (),
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """(keys [m, d_ff], weights [m]) for the solve: invented and contrast subjects in the probes and earlier
        edits' forget keys (kept unchanged), and, with negative weights, the folded entity/anchor keys that
        overlap the subject (so nothing being forgotten is preserved) or whose prompt is in `exclude` (the
        plan's retain canaries: the check after the edit must not ask questions the edit was told to keep)."""
        rows, weights = [], []
        if self.preserve_weight:
            ctx = torch.cat([unknown.keys[layer], contrast.keys[layer]])
            rows.append(ctx)
            weights.append(torch.full((len(ctx),), float(self.preserve_weight)))
        names, texts, fixed, fixed_w = self._fixed_keys(layer)  # folded into P: take some out again
        skip = {q.strip().lower() for q in exclude}
        out = torch.tensor([_overlaps(n, subject) or t.strip().lower() in skip for n, t in zip(names, texts,
                                                                                                strict=True)],
                           dtype=torch.bool)
        if bool(out.any()):
            rows.append(fixed[out])
            weights.append(-fixed_w[out])
        if self.history_weight:
            for past in self._history.values():
                if layer in past:
                    rows.append(past[layer])
                    weights.append(torch.full((len(past[layer]),), float(self.history_weight)))
        if not rows:
            return torch.zeros(0, self.patient.d_ff), torch.zeros(0)
        return torch.cat(rows), torch.cat(weights)

    # ------------------------------------------------------------------ activations
    @torch.no_grad()
    def sites(
        self, prompts: Sequence[str], subject: str | Sequence[str], layers: Sequence[int], chat: bool = True,
        context: bool = False,
    ) -> Sites:
        """Activations at the last token of the subject in each prompt (one subject for all, or one per
        prompt; a prompt lacking its subject is an error). One batched forward pass, stopped after the
        deepest layer."""
        p = self.patient
        layers = sorted(set(layers))
        texts = [p.chat_text(q) if chat else q for q in prompts]
        subjects = [subject] * len(prompts) if isinstance(subject, str) else list(subject)
        positions, every_occurrence = [], []
        for q, text, subj in zip(prompts, texts, subjects, strict=True):
            pos = p.subject_positions(text, subj)
            if not pos:
                raise InvalidInputError(f"subject '{subj}' does not occur in probe '{q}'")
            positions.append(pos[-1])
            every_occurrence.append(pos)
        rows = torch.arange(len(texts))
        pos_t = torch.tensor(positions)
        keys: dict[int, torch.Tensor] = {}
        outs: dict[int, torch.Tensor] = {}
        states: dict[int, torch.Tensor] = {}
        every: dict[int, torch.Tensor] = {}
        deepest = layers[-1]

        def mlp_hook(layer: int):
            def fn(_m, args, output):
                keys[layer] = args[0][rows, pos_t].detach().clone()
                outs[layer] = output[rows, pos_t].detach().clone()
                if context:
                    every[layer] = args[0].detach().clone()  # [b, seq, d_ff]
            return fn

        def layer_hook(layer: int):
            def fn(_m, _args, output):
                hidden = output[0] if isinstance(output, tuple) else output
                states[layer] = hidden[rows, pos_t].detach().clone()
                if layer == deepest:
                    raise keycov.StopForward
            return fn

        hooks = [(m, fn) for l in layers
                 for m, fn in ((p.mlp(l).down_proj, mlp_hook(l)), (p.model.model.layers[l], layer_hook(l)))]
        with p._lock, keycov.hooked(p, hooks):
            enc = p.tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False)
            keycov.forward_until_stop(p, enc)
        ctx: dict[int, torch.Tensor] = {}
        if context:  # every real token but the subject's last one (of every occurrence)
            mask = enc["attention_mask"].bool().clone()
            for i, pos in enumerate(every_occurrence):
                mask[i, pos] = False
            ctx = {l: every[l][mask] for l in layers}
        return Sites(list(prompts), keys, outs, states, ctx)

    def context_sites(self, prompts: Sequence[str], subject: str, layers: Sequence[int]) -> tuple[Sites, Sites]:
        """The probes with the subject replaced by invented names (ignorance) and by contrast names."""
        def swap(names: Sequence[str]) -> Sites:
            texts = [_replace_subject(q, subject, name) for q in prompts for name in names]
            return self.sites(texts, [name for _q in prompts for name in names], layers)

        return swap(UNKNOWN_SUBJECTS), swap(contrast_names(subject))

    @staticmethod
    def ignorance_shift(n: int, layer: int, sites: Sites, unknown: Sites) -> torch.Tensor:
        """[n, d_model]: mean state of invented subjects in the same probe minus the real subject's state."""
        states = unknown.states[layer].view(n, len(UNKNOWN_SUBJECTS), -1).mean(dim=1)
        return states - sites.states[layer]

    def optimised_shift(
        self, prompts: Sequence[str], subject: str, layer: int, init: torch.Tensor, refusal: str,
        steps: int, lr: float = 0.5, max_norm_ratio: float = 1.5,
    ) -> torch.Tensor:
        """Refine a residual shift [n, d_model] at the subject position by a few Adam steps on the SHIFT
        (never on weights) so that the model's reply to each probe becomes `refusal`.

        The norm of each row is kept <= max_norm_ratio * its initial norm (or the state norm when init=0).
        """
        p = self.patient
        texts = [p.chat_text(q) for q in prompts]
        positions = [p.subject_positions(t, subject)[-1] for t in texts]
        tok = p.tokenizer
        refusal_ids = tok(refusal, add_special_tokens=False)["input_ids"]
        if tok.eos_token_id is not None:
            refusal_ids = [*refusal_ids, tok.eos_token_id]
        seqs = [tok(t, add_special_tokens=False)["input_ids"] + refusal_ids for t in texts]
        width = max(map(len, seqs))
        pad = tok.pad_token_id
        ids = torch.tensor([s + [pad] * (width - len(s)) for s in seqs])
        mask = torch.tensor([[1] * len(s) + [0] * (width - len(s)) for s in seqs])
        labels = torch.full_like(ids, -100)
        for i, s_ in enumerate(seqs):
            labels[i, len(s_) - len(refusal_ids) : len(s_)] = torch.tensor(refusal_ids)
        rows, pos_t = torch.arange(len(texts)), torch.tensor(positions)
        shift = init.detach().clone().float().requires_grad_(True)
        limit = max_norm_ratio * init.norm(dim=1, keepdim=True).clamp_min(1.0)
        opt = torch.optim.Adam([shift], lr=lr)

        def hook(_m, _args, output):
            hidden = output[0] if isinstance(output, tuple) else output
            add = torch.zeros_like(hidden)
            add[rows, pos_t] = shift
            hidden = hidden + add
            return (hidden, *output[1:]) if isinstance(output, tuple) else hidden

        with p._lock:
            handle = p.model.model.layers[layer].register_forward_hook(hook)
            try:
                for _ in range(steps):
                    opt.zero_grad()
                    out = p.model(input_ids=ids, attention_mask=mask, labels=labels, use_cache=False)
                    out.loss.backward()
                    opt.step()
                    with torch.no_grad():
                        norms = shift.norm(dim=1, keepdim=True)
                        shift.mul_(torch.clamp(limit / norms.clamp_min(1e-9), max=1.0))
            finally:
                handle.remove()
        return shift.detach()

    # ------------------------------------------------------------------ compute
    def compute(self, plan: RepairPlan, extra_probes: Sequence[str] = ()) -> ComputedEdit:
        """The delta for `plan` on the patient as it is now (sequential edits see earlier ones)."""
        prompts = list(dict.fromkeys([*plan.forget_probes, *extra_probes]))
        if not prompts:
            raise InvalidInputError("the plan has no forget probes")
        layers = list(plan.layers) or list(self.layers)
        lam = plan.lam if plan.lam > 0 else self.lam
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        for layer in layers:
            self.preservation(layer, lam)  # built once per model/layer (cached on disk), then in memory
        timings["covariance"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        sites = self.sites(prompts, plan.subject, layers, context=bool(self.context_weight))
        timings["capture"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        unknown, contrast = self.context_sites(prompts, plan.subject, layers)
        shift = self.ignorance_shift(len(prompts), layers[-1], sites, unknown)
        if self.opt_steps:
            shift = self.optimised_shift(prompts, plan.subject, layers[-1], shift, plan.refusal, self.opt_steps)
        timings["target"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        factors = {}
        # spread the move over the layers: each writes an equal share of the total shift
        share = shift / len(layers)
        for layer in layers:
            pres = self.preservation(layer, lam)
            w = self.patient.mlp(layer).down_proj.weight.detach()
            targets = shift_targets(sites.outputs[layer], share, alpha=plan.alpha)
            rank = min(plan.rank, len(prompts)) if plan.rank else None
            preserved, mu = self.preserved_keys(layer, plan.subject, unknown, contrast,
                                                exclude=[c.question for c in plan.retain_canaries])
            if self.context_weight:
                ctx = sites.context[layer]
                preserved = torch.cat([preserved, ctx])
                mu = torch.cat([mu, torch.full((len(ctx),), float(self.context_weight))])
            b, a = lowrank_solve(w, sites.keys[layer], targets, pres, rank=rank,
                                 preserved=preserved if len(preserved) else None, preserve_weight=mu)
            factors[layer] = (b.float(), a.float())
        timings["solve"] = time.perf_counter() - t0
        delta = LowRankDelta(factors)
        return ComputedEdit(delta=delta, timings=timings, layers=sorted(factors), rank=delta.rank,
                            info={"shift_norm": float(shift.norm(dim=1).mean())},
                            keys={layer: sites.keys[layer] for layer in factors})


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def score(patient, plan: RepairPlan, canaries: Sequence[Canary], max_new_tokens: int = 32,
          ) -> tuple[Scores, list[bool], int]:
    """Answer every probe (forget + check) and canary once, batched; count leaks and kept canaries.

    Returns (scores, kept [one bool per canary], how many of the FORGET probes alone reveal an answer)."""
    from repair.data import contains_answer

    probes = list(dict.fromkeys([*plan.forget_probes, *plan.check_probes]))
    replies = patient.answer_many([*probes, *(c.question for c in canaries)], max_new_tokens=max_new_tokens)
    forget_replies, retain_replies = replies[: len(probes)], replies[len(probes) :]
    leaks = [contains_answer(r, plan.answers) if plan.answers else False for r in forget_replies]
    forget_set = set(plan.forget_probes)
    forget_left = sum(leak for q, leak in zip(probes, leaks, strict=True) if q in forget_set)
    kept = [contains_answer(r, [c.answer]) for r, c in zip(retain_replies, canaries, strict=True)]
    return Scores(forget_revealed=sum(leaks), forget_total=len(probes), retain_correct=sum(kept),
                  retain_total=len(canaries)), kept, forget_left


def _try(editor: Editor, plan: RepairPlan, canaries: Sequence[Canary], kept_before: Sequence[bool]):
    """Compute `plan`'s edit, apply it for one scoring pass, remove it.

    -> (computed edit, scores after, canary questions it broke, forget probes still revealing the answer)."""
    patient = editor.patient
    computed = editor.compute(plan)
    trial = f"trial-{computed.delta.sha256()[:12]}"
    patient.apply_delta(trial, computed.delta)
    t0 = time.perf_counter()
    try:
        after, kept_after, forget_left = score(patient, plan, canaries)
    finally:
        patient.remove_delta(trial)
    computed.timings["verify"] = time.perf_counter() - t0
    lost = [c.question for c, b, a in zip(canaries, kept_before, kept_after, strict=True) if b and not a]
    return computed, after, lost, forget_left


def execute(editor: Editor, plan: RepairPlan, runtime=None) -> tuple[EditRecord, LowRankDelta]:
    """Compute `plan`'s edit on the current model, try it, verify, and leave the patient as it was.

    Returns the record (status "applied", or "rolled_back" with the reason when retain canaries that
    were answered before the edit are no longer answered) and the delta. The caller commits the record
    and, when applied, makes the delta active under the record's id.

    Escalation: when the edit leaves some FORGET probes still revealing the answer (never judged on the
    held-out check probes), it is recomputed with lam divided by each of ESCALATION in turn (a stronger edit),
    stopping at the first that forgets every forget probe. A stronger attempt that breaks a retain canary is
    discarded and the last attempt that kept them is used. The record's plan carries the lam actually used.

    Relief: when the first edit breaks a retain canary, it is recomputed with lam multiplied by each of RELIEF
    in turn (a weaker edit), and the first attempt that breaks no canary and forgets every forget probe is used;
    if none does, the edit is rolled back with the first attempt's reason.
    """
    patient = editor.patient
    check_plan(plan)
    canaries = list(plan.retain_canaries)
    before, kept_before, _ = score(patient, plan, canaries)
    lam0 = plan.lam if plan.lam > 0 else editor.lam
    computed, after, lost, forget_left = _try(editor, plan, canaries, kept_before)
    spent = dict(computed.timings)
    for factor in RELIEF if lost else ():
        weaker = plan.model_copy(update={"lam": lam0 * factor})
        c2, a2, l2, f2 = _try(editor, weaker, canaries, kept_before)
        for k, v in c2.timings.items():
            spent[k] = spent.get(k, 0.0) + v
        if not l2 and not f2:
            plan, computed, after, lost, forget_left = weaker, c2, a2, l2, f2
            break
    for factor in ESCALATION if not lost and forget_left else ():
        stronger = plan.model_copy(update={"lam": lam0 / factor})
        c2, a2, l2, f2 = _try(editor, stronger, canaries, kept_before)
        for k, v in c2.timings.items():
            spent[k] = spent.get(k, 0.0) + v
        if l2:  # retain broke: keep the weaker edit that did not
            break
        plan, computed, after, lost, forget_left = stronger, c2, a2, l2, f2
        if not forget_left:
            break
    computed.timings = spent
    if runtime is not None:  # the llama.cpp runtime people chat with (quantised base + LoRA adapter)
        from repair.patient.runtime import count_revealed

        t0 = time.perf_counter()
        probes = list(dict.fromkeys([*plan.forget_probes, *plan.check_probes]))
        trial = f"trial-{computed.delta.sha256()[:12]}"
        leaked = count_revealed(runtime, patient.delta_items(), (trial, computed.delta), probes, plan.answers)
        after = after.model_copy(update={"runtime_revealed": leaked})
        computed.timings["verify_runtime"] = time.perf_counter() - t0
    status, reason = "applied", None
    if len(lost) > RETAIN_TOLERANCE:
        status = "rolled_back"
        reason = f"retain broke: {len(lost)} canary question(s) no longer answered: {'; '.join(lost[:3])}"
    elif after.forget_revealed and plan.answers:
        reason = f"{after.forget_revealed}/{after.forget_total} probes still reveal the target"
    if status == "applied" and after.runtime_revealed:
        note = f"{after.runtime_revealed}/{after.forget_total} probes still reveal the target in the llama.cpp runtime"
        reason = f"{reason}; {note}" if reason else note
    record = EditRecord(
        id=0, created=_now(), target=plan.target, request=plan.request, plan=plan, layers=computed.layers,
        rank=computed.rank, timings={k: round(v, 4) for k, v in computed.timings.items()}, before=before,
        after=after, status=status, reason=reason, delta_sha256=computed.delta.sha256(),
    )
    return record, computed.delta


def check_plan(plan: RepairPlan) -> None:
    """Reject unusable plans before anything changes (InvalidInputError with a one-line reason)."""
    if not isinstance(plan, RepairPlan):
        raise InvalidInputError(f"expected a RepairPlan, got {type(plan).__name__}")
    if not plan.subject.strip():
        raise InvalidInputError("the plan has no subject")
    if not plan.forget_probes:
        raise InvalidInputError("the plan has no forget probes")
    missing = [q for q in plan.forget_probes if plan.subject.strip().lower() not in q.lower()]
    if missing:
        raise InvalidInputError(f"subject '{plan.subject}' does not occur in forget probe '{missing[0]}'")
    if plan.rank < 1:
        raise InvalidInputError("rank must be >= 1")


def template_wrappers(question: str) -> list[str]:
    """The question plus template rewordings around it (same subject; never held-out paraphrases)."""
    q = question.strip()
    low = q[0].lower() + q[1:]
    return [q, f"Quick question: {q}", f"Tell me, {low}", f"I was wondering: {low}"]


def template_plan(target: str, probes: Sequence[str] | None = None) -> RepairPlan:
    """A plan without the surgeon: the fact bank entry naming `target`, else the target as subject."""
    from repair.data import load_facts

    t = check_question(target)
    low = t.lower()
    words = set(re.findall(r"\w+", low))

    def rank(f) -> tuple[int, int]:  # the bank question itself, then one containing/inside it, then word overlap
        q = f.question.lower()
        return (q == low) + (q in low or low in q), len(words & set(re.findall(r"\w+", q)))

    facts = [f for f in load_facts() if f.subject.lower() in low or low in f.question.lower()]
    if facts and not probes:
        f = max(facts, key=rank)  # first best: ties keep the bank's order
        return RepairPlan(target=t, subject=f.subject, forget_probes=template_wrappers(f.question),
                          check_probes=list(f.paraphrases), answers=list(f.answers))
    forget = list(probes or [f"What is {t}?", f"Tell me about {t}.", f"What do you know about {t}?"])
    return RepairPlan(target=t, subject=t, forget_probes=forget)


def format_record(rec: EditRecord) -> str:
    """A readable multi-line summary of one edit record (CLI)."""
    t = rec.timings
    lines = [
        f"edit {rec.id}: {rec.status}  target: {rec.target}",
        f"  subject: {rec.plan.subject if rec.plan else '-'}   layers: {rec.layers}   rank: {rec.rank}",
        f"  forget probes revealing the target: {rec.before.forget_revealed}/{rec.before.forget_total} before, "
        f"{rec.after.forget_revealed}/{rec.after.forget_total} after",
        f"  retain canaries answered: {rec.before.retain_correct}/{rec.before.retain_total} before, "
        f"{rec.after.retain_correct}/{rec.after.retain_total} after",
        "  time: " + ", ".join(f"{k} {t[k]:.2f} s" for k in ("target", "capture", "solve", "verify") if k in t),
    ]
    if rec.reason:
        lines.append(f"  note: {rec.reason}")
    if rec.delta_sha256:
        lines.append(f"  delta sha256: {rec.delta_sha256[:16]}...")
    return "\n".join(lines)
