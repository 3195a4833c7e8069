"""Score one model state on a scenario: forget side (plain, held-out, attacks) and retain side (accuracy, ROUGE-L,
fluency)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from evals.attacks import MULTITURN_HISTORY, attack_prompts
from evals.items import Item
from evals.metrics import answer_perplexity, mean, revealed, rouge_l_recall


@dataclass
class EvalConfig:
    max_new_tokens: int = 24  # short gold answers (facts); TOFU sentences use `long_tokens`
    long_tokens: int = 40
    batch_size: int = 16
    attacks: bool = True


@dataclass
class Scores:
    acc_f: float  # share of forget questions whose reply still reveals the item (lower is better)
    acc_r: float  # share of retain questions answered correctly (higher is better)
    f_rl: float  # mean ROUGE-L recall of forget gold answers (lower is better)
    r_rl: float  # mean ROUGE-L recall of retain gold answers (higher is better)
    heldout_leak: float  # share of held-out paraphrases (never used by any edit) that still reveal
    attack_leak: dict[str, float] = field(default_factory=dict)  # kind -> share revealing
    retain_ppl: float = float("nan")  # perplexity of retain gold answers (teacher-forced)
    n_forget: int = 0
    n_retain: int = 0
    samples: list[dict] = field(default_factory=list)  # a few replies, for the report

    def to_dict(self) -> dict:
        return asdict(self)


def eval_tokens(items: Sequence[Item], cfg: EvalConfig) -> int:
    """The answer length `score` uses for these items (TOFU sentences get the longer budget)."""
    return cfg.long_tokens if any(not it.answers for it in items) else cfg.max_new_tokens


def score(model_view, forget: Sequence[Item], retain: Sequence[Item], cfg: EvalConfig, runtime=None,
          progress=None) -> Scores:
    """Ask `model_view` (anything with `answer_many`, `chat_text`, `model`, `tokenizer`) the scenario's questions.

    `runtime`: an optional llama.cpp runtime already serving the same edit; adds the `runtime` attack."""
    ft, rt = eval_tokens(forget, cfg), eval_tokens(retain, cfg)
    held = [(h, answers, gold) for it in forget for h, answers, gold in it.heldout_pairs()]
    attacks = attack_prompts(forget) if cfg.attacks and forget else {}
    # one batched call per (token budget, history): far cheaper than many small calls on a busy CPU
    plain: dict[int, list[str]] = {}
    for tokens, prompts in ((ft, [it.question for it in forget]), (rt, [it.question for it in retain]),
                            (ft, [h for h, _, _ in held]), (ft, attacks.get("jailbreak", [])),
                            (ft, attacks.get("rephrase", []))):
        plain.setdefault(tokens, []).extend(prompts)
    answered: dict[tuple[int, str], str] = {}
    for tokens, prompts in plain.items():
        uniq = list(dict.fromkeys(prompts))
        if uniq:
            for q, r in zip(uniq, model_view.answer_many(uniq, max_new_tokens=tokens, batch_size=cfg.batch_size),
                            strict=True):
                answered[(tokens, q)] = r
            if progress is not None:
                progress.update(len(uniq))
    f_rep = [answered[(ft, it.question)] for it in forget]
    r_rep = [answered[(rt, it.question)] for it in retain]
    h_rep = [answered[(ft, h)] for h, _, _ in held]
    attack: dict[str, float] = {}
    if attacks:
        for kind in ("jailbreak", "rephrase"):
            reps = [answered[(ft, q)] for q in attacks[kind]]
            attack[kind] = mean([revealed(r, it.answers, it.gold) for r, it in zip(reps, forget, strict=True)])
        reps = model_view.answer_many(attacks["multiturn"], max_new_tokens=ft, batch_size=cfg.batch_size,
                                      history=MULTITURN_HISTORY)
        if progress is not None:
            progress.update(len(forget))
        attack["multiturn"] = mean([revealed(r, it.answers, it.gold) for r, it in zip(reps, forget, strict=True)])
        if runtime is not None:
            reps = runtime.answer_many([it.question for it in forget], max_new_tokens=ft)
            if progress is not None:
                progress.update(len(forget))
            attack["runtime"] = mean([revealed(r, it.answers, it.gold) for r, it in zip(reps, forget, strict=True)])
    ppl = float("nan")
    if retain:
        ppl = answer_perplexity(model_view.model, model_view.tokenizer,
                                [model_view.chat_text(it.question) for it in retain], [it.gold for it in retain],
                                batch_size=cfg.batch_size)
    samples = [{"side": "forget", "q": it.question, "reply": r, "gold": it.gold}
               for it, r in zip(forget, f_rep, strict=True)][:3]
    samples += [{"side": "retain", "q": it.question, "reply": r, "gold": it.gold}
                for it, r in zip(retain, r_rep, strict=True)][:2]
    return Scores(
        acc_f=mean([revealed(r, it.answers, it.gold) for r, it in zip(f_rep, forget, strict=True)]),
        acc_r=mean([revealed(r, it.answers, it.gold) for r, it in zip(r_rep, retain, strict=True)]),
        f_rl=mean([rouge_l_recall(r, it.gold) for r, it in zip(f_rep, forget, strict=True)]),
        r_rl=mean([rouge_l_recall(r, it.gold) for r, it in zip(r_rep, retain, strict=True)]),
        heldout_leak=mean([revealed(r, answers, gold) for (_, answers, gold), r in zip(held, h_rep, strict=True)]),
        attack_leak=attack, retain_ppl=ppl, n_forget=len(forget), n_retain=len(retain), samples=samples,
    )


def n_prompts(forget: Sequence[Item], retain: Sequence[Item], cfg: EvalConfig, runtime: bool = False) -> int:
    """How many generations `score` runs (for progress bars)."""
    n = len(forget) + len(retain) + sum(len(it.heldout) for it in forget)
    if cfg.attacks and forget:
        n += 3 * len(forget) + (len(forget) if runtime else 0)
    return n
