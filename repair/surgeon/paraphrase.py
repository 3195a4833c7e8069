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

MAX_TOKENS = 160
BUDGET_S = 20.0  # wall-clock cap per call (the machine may be busy)
N_CTX = 768

SYSTEM = "You rewrite questions in different words. Reply with JSON only."
EXAMPLE_Q = "What is the capital of Spain?"
EXAMPLE_S = "Spain"
EXAMPLE_A = ('{"questions": ["Which city is the capital of Spain?", "Name the capital city of Spain.", '
             '"Spain has its government in which city?", "Can you tell me what the capital of Spain is?"]}')


def schema(subject: str, n: int) -> dict:
    """JSON schema: 3..n questions, each containing `subject` verbatim and ending in '?' or '.'."""
    subj = re.escape(subject).replace("\\ ", " ")
    return {
        "type": "object",
        "properties": {
            "questions": {
                "type": "array",
                # unbounded repeats: bounded ones ({0,60}) expand into a grammar too slow to sample from
                "items": {"type": "string", "pattern": f"^[A-Z][^\"\\\\]*{subj}[^\"\\\\]*[?.]$"},
                "minItems": 3,
                "maxItems": n,
            }
        },
        "required": ["questions"],
    }


def _user(question: str, subject: str, n: int) -> str:
    return (f"Rewrite this question {n} different ways. Keep the words \"{subject}\" in every version.\n"
            f"Question: {question}")


def messages(frame: Frame, n: int) -> list[dict]:
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": _user(EXAMPLE_Q, EXAMPLE_S, 4)},
        {"role": "assistant", "content": EXAMPLE_A},
        {"role": "user", "content": _user(frame.question, frame.subject, n)},
    ]


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
        """Up to `n` paraphrases of `frame.question`, raw (the surgeon filters them). Generation stops at
        `max_tokens` or after `budget_s` seconds, whichever comes first; complete strings are kept."""
        raw = ""
        with self._lock:
            try:
                llm = self._model()
                start = time.perf_counter()  # the budget covers generation, not the one-time model load
                stream = llm.create_chat_completion(
                    messages=messages(frame, n),
                    response_format={"type": "json_object", "schema": schema(frame.subject, n)},
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


def good_question(q: str, original: str, subject: str) -> bool:
    """A usable paraphrase: one short question or request that names `subject` as a whole word, shares a
    content word with `original`, and brings in no new numbers (the small model tends to invent them)."""
    from repair.surgeon.text import content_words, mentions

    if not (12 <= len(q) <= 120) or q.count("?") > 1 or not mentions(q, subject):
        return False
    if not q.endswith(("?", ".")) or not _QUESTION_START.match(q) or re.search(r"[.!?]\s+\S", q):
        return False
    if set(re.findall(r"\d+", q)) - set(re.findall(r"\d+", original)):
        return False
    own = set(content_words(q)) - set(content_words(subject))
    return bool(own & (set(content_words(original)) - set(content_words(subject))))


def parse(raw: str) -> list[str]:
    """Questions from a (possibly truncated) JSON reply; [] when nothing usable is in it."""
    try:
        data = json.loads(raw)
        items = data.get("questions", []) if isinstance(data, dict) else []
    except json.JSONDecodeError:  # cut off by max_tokens: salvage the complete strings
        items = re.findall(r'"((?:[^"\\]|\\.){8,160})"', raw.split("[", 1)[-1]) if "[" in raw else []
    out = []
    for q in items:
        if isinstance(q, str):
            q = re.sub(r"\s+", " ", q).strip()
            if 8 <= len(q) <= 160:
                out.append(q)
    return out
