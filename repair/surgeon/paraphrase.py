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
from pathlib import Path

from repair.surgeon.templates import Frame

MAX_TOKENS = 200
N_CTX = 512

SCHEMA = {
    "type": "object",
    "properties": {
        "questions": {
            "type": "array",
            "items": {"type": "string", "maxLength": 120},
            "minItems": 3,
            "maxItems": 8,
        }
    },
    "required": ["questions"],
}

SYSTEM = "You rewrite questions. Reply with JSON only."


def _prompt(frame: Frame, n: int) -> str:
    return (
        f"Write {n} different ways to ask this question. Every version must contain the exact words "
        f"\"{frame.subject}\".\nQuestion: {frame.question}\n"
        'Reply as JSON: {"questions": ["...", "..."]}'
    )


class Paraphraser:
    """Callable (frame, n) -> list[str]. One llama.cpp model, loaded on first use, guarded by a lock."""

    def __init__(self, gguf_path: Path, n_threads: int | None = None, max_tokens: int = MAX_TOKENS):
        self.gguf_path = Path(gguf_path)
        self.n_threads = n_threads or max(1, min(2, os.cpu_count() or 1))
        self.max_tokens = max_tokens
        self._llm = None
        self._lock = threading.Lock()
        self.last_raw: str | None = None  # the last raw completion (for diagnostics)

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

    def __call__(self, frame: Frame, n: int = 8) -> list[str]:
        with self._lock:
            try:
                out = self._model().create_chat_completion(
                    messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": _prompt(frame, n)}],
                    response_format={"type": "json_object", "schema": SCHEMA},
                    max_tokens=self.max_tokens, temperature=0.7, top_p=0.9, seed=0,
                )
            except (ValueError, RuntimeError):
                return []
        raw = out["choices"][0]["message"]["content"] or ""
        self.last_raw = raw
        return parse(raw)


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
