"""Typed records at the boundaries of the RePAIR loop (pydantic, JSON round-trip).

Intent     watchdog -> session         what the person asked for on one turn
RepairPlan surgeon  -> session/STAMP   what will be edited and how it is checked
EditRecord journal  <- session         what was done, measured before/after, hash-chained
Turn       session  -> UI              one chat turn's outcome
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Category = Literal["personal", "harmful", "misinformation", "other"]


class Intent(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: Literal["forget", "chat"]
    target: str | None = None  # the thing to forget, as the person said it, request wording trimmed
    score: float = Field(ge=0.0, le=1.0)  # classifier probability of a forget request


class Canary(BaseModel):
    """A retain check: a question the unedited model answers with `answer` (word-boundary match)."""

    question: str
    answer: str


class RepairPlan(BaseModel):
    target: str  # what to forget, as requested
    subject: str  # entity span whose last token carries the fact (keys are read there)
    category: Category = "other"
    forget_probes: list[str]  # questions that would reveal the target; used to build the edit
    check_probes: list[str] = []  # held-out wordings, never used to build the edit
    answers: list[str] = []  # strings whose appearance in a reply means the target leaked
    refusal: str = "I'm not sure."
    layers: list[int] = []
    rank: int = 8
    lam: float = 1000.0  # weight of the preservation (key covariance) term (measured: evals/stamp_facts.py)
    alpha: float = 1.0  # strength of the move toward the refusal target
    retain_canaries: list[Canary] = []  # unrelated questions that must still be answered
    request: str | None = None  # the person's words, when the plan came from chat
    correction: str | None = None  # for misinformation: the right answer the person gave
    layer_scores: dict[str, float] = {}  # surgeon's per-layer separation scores behind `layers` (diagnostic)


class Scores(BaseModel):
    forget_revealed: int = 0  # probes whose reply still contains an answer string
    forget_total: int = 0
    retain_correct: int = 0  # canaries answered correctly
    retain_total: int = 0
    runtime_revealed: int | None = None  # forget+check probes the llama.cpp runtime still reveals (None: not run)


class EditRecord(BaseModel):
    id: int
    created: str  # ISO-8601 UTC
    target: str
    request: str | None = None
    intent_score: float | None = None
    plan: RepairPlan | None = None
    layers: list[int] = []
    rank: int = 0
    timings: dict[str, float] = {}  # seconds: target, capture, solve, verify
    before: Scores = Scores()
    after: Scores = Scores()
    status: Literal["applied", "undone", "rolled_back"] = "applied"
    reason: str | None = None  # why it was rolled back, when it was
    delta_sha256: str = ""
    prev_hash: str = ""
    hash: str = ""


class Turn(BaseModel):
    reply: str
    intent: Intent
    plan: RepairPlan | None = None
    edit: EditRecord | None = None
    refused: str | None = None  # the policy guard's reason, when a forget request was refused
