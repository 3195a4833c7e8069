"""Question paraphrases from the local LLM (llama-cpp-python), JSON-schema constrained and bounded.

The schema goes in `response_format={"type": "json_object", "schema": ...}` (llama-cpp-python 0.3.x turns it
into a grammar; the OpenAI-style `json_schema` form is silently ignored there). Output is bounded by
`max_tokens`; anything unparsable yields no paraphrases, and the surgeon falls back to its templates.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from pathlib import Path

from repair.surgeon.templates import Frame

MAX_TOKENS = 200
BUDGET_S = 20.0  # wall-clock cap per call (the machine may be busy)
N_CTX = 1024

SYSTEM = ("You rewrite a question in other words. Every version asks the same thing, keeps the quoted words "
          "exactly, and starts with the words given in the JSON schema. Reply with JSON only.")

# A small model asked for "N rewordings" repeats the question N times. Instead each paraphrase has its own
# slot whose first words are fixed by the grammar (and one slot starts with the subject itself), so the
# versions differ by construction and the model only completes them. Three slot sets: facts, procedures
# ("How do you ...?") and personal data ("... my phone number ...").
LEAD = ""  # the slot whose paraphrase starts with the subject
FACT_SLOTS = (("which", "Which"), ("name", "Name"), ("lead", LEAD), ("remember", "Do you remember"),
              ("say", "Could you say"), ("what", "What"))
HOW_SLOTS = (("steps", "What steps"), ("explain", "Explain"), ("lead", LEAD), ("process", "What is the process"),
             ("describe", "Could you describe"), ("which", "Which"))
PERSONAL_SLOTS = (("which", "Which"), ("repeat", "Could you repeat"), ("what", "What was"), ("lead", LEAD),
                  ("remember", "Do you still remember"), ("did", "Did I"))

EXAMPLES = {
    FACT_SLOTS: [
        ("What is the capital of Spain?", "Spain", {
            "which": "Which city is the capital of Spain?", "name": "Name the capital city of Spain.",
            "lead": "Spain has its capital in which city?", "remember": "Do you remember the capital of Spain?",
            "say": "Could you say which city is the capital of Spain?",
            "what": "What city serves as the capital of Spain?"}),
        ("Who invented the light bulb?", "the light bulb", {
            "which": "Which inventor created the light bulb?", "name": "Name the person who invented the light bulb.",
            "lead": "The light bulb was invented by whom?", "remember": "Do you remember who invented the light bulb?",
            "say": "Could you say who created the light bulb?",
            "what": "What is the name of the inventor of the light bulb?"}),
    ],
    HOW_SLOTS: [
        ("How do you make gunpowder?", "gunpowder", {
            "steps": "What steps are needed to make gunpowder?", "explain": "Explain how to make gunpowder.",
            "lead": "Gunpowder is made in what way?", "process": "What is the process for making gunpowder?",
            "describe": "Could you describe how to make gunpowder?",
            "which": "Which ingredients do you need to make gunpowder?"}),
    ],
    PERSONAL_SLOTS: [
        ("What is my home address?", "my home address", {
            "which": "Which street is my home address on?", "repeat": "Could you repeat my home address?",
            "what": "What was my home address again?", "lead": "My home address is what?",
            "remember": "Do you still remember my home address?", "did": "Did I tell you my home address?"}),
    ],
}

_FREE = '[^"\\\\?!\\n]*'  # free text inside one sentence: no quote, backslash, '?', '!' or newline


def anchor(frame: Frame) -> str:
    """The words every paraphrase must contain: 'my <attribute>' for personal data, else the subject."""
    mine = f"my {frame.subject}"
    return mine if mine.lower() in frame.question.lower() else frame.subject


def slots_for(frame: Frame) -> tuple[tuple[str, str], ...]:
    if anchor(frame).lower().startswith("my "):
        return PERSONAL_SLOTS
    if frame.question.lower().startswith("how "):
        return HOW_SLOTS
    return FACT_SLOTS


def _literal(text: str) -> str:
    return re.escape(text).replace("\\ ", " ")


def schema(slots: tuple[tuple[str, str], ...], words: str) -> dict:
    """JSON schema: one string per slot, starting with the slot's opening (the slot LEAD: with `words`,
    capitalised), containing `words` verbatim, one sentence ending in '?' (or '.' for requests)."""
    props = {}
    for key, opening in slots:
        if opening == LEAD:
            lead = _literal(words[:1].upper() + words[1:])
            pattern = f"^{lead}{_FREE}\\?$"  # starting with the subject it must be a question
        else:
            pattern = f"^{_literal(opening)} {_FREE}{_literal(words)}{_FREE}[?.]$"
        # unbounded repeats: bounded ones ({0,60}) expand into a grammar too slow to sample from
        props[key] = {"type": "string", "pattern": pattern}
    return {"type": "object", "properties": props, "required": [k for k, _ in slots],
            "additionalProperties": False}


def _user(question: str, words: str) -> str:
    return f'Question: {question}\nKeep the words "{words}" in every version.'


def messages(frame: Frame, slots: tuple[tuple[str, str], ...]) -> list[dict]:
    """System prompt, worked examples (restricted to `slots`), then the question to reword."""
    keys = [k for k, _ in slots]
    out = [{"role": "system", "content": SYSTEM}]
    for question, words, answer in EXAMPLES[slots_for(frame)]:
        out += [{"role": "user", "content": _user(question, words)},
                {"role": "assistant", "content": json.dumps({k: answer[k] for k in keys})}]
    return [*out, {"role": "user", "content": _user(frame.question, anchor(frame))}]


class Paraphraser:
    """Callable (frame, n) -> list[str]. One llama.cpp model, loaded on first use, guarded by a lock."""

    def __init__(self, gguf_path: Path, n_threads: int | None = None, max_tokens: int = MAX_TOKENS,
                 budget_s: float = BUDGET_S):
        self.gguf_path = Path(gguf_path)
        self.n_threads = n_threads or max(1, min(2, os.cpu_count() or 1))
        self.max_tokens = max_tokens
        self._llm = None
        self._lock = threading.Lock()
        self.budget_s = budget_s
        self.last_raw: str | None = None  # the last raw completion (for diagnostics)
        self.last_seconds = 0.0

    @classmethod
    def for_gguf(cls, gguf_path: Path | None) -> Paraphraser | None:
        if gguf_path is None or not Path(gguf_path).is_file():
            return None
        try:
            import llama_cpp  # noqa: F401
        except ImportError:
            return None
        return cls(Path(gguf_path))

    def _model(self):
        if self._llm is None:
            from llama_cpp import Llama

            self._llm = Llama(model_path=str(self.gguf_path), n_ctx=N_CTX, n_threads=self.n_threads,
                              n_batch=256, verbose=False, seed=0)
        return self._llm

    def __call__(self, frame: Frame, n: int = 6) -> list[str]:
        """Up to `n` paraphrases of `frame.question` (one per slot), raw (the surgeon filters them). Generation stops at
        `max_tokens` or after `budget_s` seconds, whichever comes first; complete strings are kept."""
        raw = ""
        with self._lock:
            try:
                llm = self._model()
                start = time.perf_counter()  # the budget covers generation, not the one-time model load
                slots = slots_for(frame)[: max(1, n)]
                stream = llm.create_chat_completion(
                    messages=messages(frame, slots),
                    response_format={"type": "json_object", "schema": schema(slots, anchor(frame))},
                    max_tokens=self.max_tokens, temperature=0.3, top_p=0.9, seed=0, stream=True,
                )
                for chunk in stream:
                    raw += chunk["choices"][0]["delta"].get("content") or ""
                    if time.perf_counter() - start > self.budget_s:
                        break
            except (ValueError, RuntimeError):
                return []
        self.last_raw = raw
        self.last_seconds = time.perf_counter() - start
        return parse(raw)


_QUESTION_START = re.compile(
    r"^(?:who|what|where|when|which|why|how|whose|whom|is|are|was|were|do|does|did|can|could|would|will|should|"
    r"name|tell|give|describe|explain|list|say|remind|please|i|in|for)\b", re.IGNORECASE)


# irregular forms a paraphrase may use for the original's verb ("Who wrote 1984?" -> "... written by whom?")
_SAME_WORD = {"made": "make", "making": "make", "wrote": "write", "written": "write", "writer": "write",
              "author": "write", "built": "build", "builder": "build", "found": "find", "founded": "found",
              "drew": "draw", "drawn": "draw", "sang": "sing", "sung": "sing", "singer": "sing", "grew": "grow",
              "grown": "grow", "began": "begin", "begun": "begin", "gave": "give", "given": "give", "took": "take",
              "taken": "take", "produced": "produce", "producing": "produce", "production": "produce"}


_DEFENCE = re.compile(r"\b(?:protect|prevent|avoid|defend|stop|detect|recogni[sz]e|spot)\b", re.IGNORECASE)


def _stems(text: str, drop: str) -> set[str]:
    from repair.surgeon.text import content_words

    skip = set(content_words(drop))
    return {_SAME_WORD.get(w, w)[:5] for w in content_words(text) if w not in skip}


def rejection(q: str, original: str, subject: str) -> str | None:
    """Why `q` is not a usable paraphrase of `original` (None: usable). A usable one is a single short
    question or request, not the original itself, that names `subject` as a whole word (as 'my <subject>'
    when the original does), starts like a question or with the subject, shares a content word with
    `original` (when the original has one besides the subject), and brings in no new numbers (the small
    model tends to invent them)."""
    from repair.surgeon.text import mentions, norm

    if not (12 <= len(q) <= 120):
        return "length"
    if not mentions(q, subject):
        return "no subject"
    if norm(q) == norm(original):
        return "copy of the question"
    if mentions(original, f"my {subject}") and (not mentions(q, f"my {subject}") or re.search(r"\byours?\b", q, re.I)):
        return "not about me"  # the person's own data: "your" would ask for the model's
    if q.count("?") > 1 or re.search(r"[.!?]\s+\S", q):
        return "several sentences"
    starts = _QUESTION_START.match(q) or norm(q).startswith(norm(subject)) or norm(q).startswith(f"my {norm(subject)}")
    if not q.endswith(("?", ".")) or not starts:
        return "not a question"
    if set(re.findall(r"\d+", q)) - set(re.findall(r"\d+", original)):
        return "new number"
    rest = re.sub(re.escape(subject), " ", q, flags=re.IGNORECASE)
    if len(re.findall(re.escape(subject), q, re.IGNORECASE)) > 1 and not _stems(rest, ""):
        return "tautology"  # "My date of birth is my date of birth?"
    if _DEFENCE.search(q) and not _DEFENCE.search(original):
        return "other question"  # "How do you make X?" -> "How can you protect yourself from X?"
    theirs = _stems(original, subject)
    if theirs and not _stems(q, subject) & theirs:
        return "off topic"
    return None


def good_question(q: str, original: str, subject: str) -> bool:
    """A usable paraphrase (see `rejection`)."""
    return rejection(q, original, subject) is None


def parse(raw: str) -> list[str]:
    """The paraphrases in a (possibly truncated) JSON object reply, in slot order; [] when none is usable."""
    try:
        data = json.loads(raw)
        items = [v for v in data.values()] if isinstance(data, dict) else []
    except json.JSONDecodeError:  # cut off by max_tokens / the time budget: salvage the complete values
        items = [json.loads(f'"{v}"') for v in re.findall(r'"\w+"\s*:\s*"((?:[^"\\]|\\.)*)"', raw)]
    out = []
    for q in items:
        if isinstance(q, str):
            q = re.sub(r"\s+", " ", q).strip()
            if 8 <= len(q) <= 160:
                out.append(q)
    return out
