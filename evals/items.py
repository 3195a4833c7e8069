"""Benchmark items: one question to forget or retain, with its gold answer and held-out wordings."""

from __future__ import annotations

from dataclasses import dataclass, field

from repair.data import Fact


@dataclass(frozen=True)
class Item:
    """One forget/retain unit.

    `answers`: strings whose appearance in a reply counts as revealing it (empty: use ROUGE-L only, e.g. TOFU
    sentences). `gold`: reference for ROUGE-L recall. `edit_probes`: wordings the edit may use (question first);
    `heldout`: wordings never given to any method (leakage check). `group`: items forgotten together
    (e.g. one fictitious author).
    """

    id: str
    question: str
    gold: str
    answers: tuple[str, ...]
    subject: str
    edit_probes: tuple[str, ...]
    heldout: tuple[str, ...] = ()
    group: str = ""
    true_answer: str = ""  # misinformation: the correct answer the implant replaced
    # gold per held-out wording when the held-out wordings are OTHER questions of the group (TOFU authors);
    # empty: they are paraphrases of this item's question and share its `gold` / `answers`
    heldout_gold: tuple[str, ...] = ()
    tags: tuple[str, ...] = field(default_factory=tuple)

    def heldout_pairs(self) -> list[tuple[str, tuple[str, ...], str]]:
        """(held-out wording, answer strings, gold) for every held-out wording, each scored with its own gold."""
        if self.heldout_gold:
            return [(h, (), g) for h, g in zip(self.heldout, self.heldout_gold, strict=True)]
        return [(h, self.answers, self.gold) for h in self.heldout]

    @classmethod
    def from_fact(cls, fact: Fact, n_heldout: int = 1) -> Item:
        """Question + all but the last `n_heldout` paraphrases are edit probes; the rest are held out."""
        paras = list(fact.paraphrases)
        keep = paras[: len(paras) - n_heldout] if n_heldout else paras
        return cls(
            id=fact.id, question=fact.question, gold=fact.answer, answers=fact.answers, subject=fact.subject,
            edit_probes=(fact.question, *keep), heldout=tuple(paras[len(keep):]), group=fact.id,
            tags=(fact.topic,),
        )
