"""`Watchdog.detect(text, history) -> Intent`: runs on every user turn (ONNX encoder + numpy head + span rules)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from repair.config import Settings
from repair.errors import InvalidInputError
from repair.records import Intent
from repair.watchdog.adapter import ADAPTER_PATH
from repair.watchdog.encoder import MAX_CHARS, Encoder, clip_chars
from repair.watchdog.extract import _user_turns, clean, extract_target
from repair.watchdog.features import frame, lexical, plain_request, vetoed
from repair.watchdog.head import HEAD_PATH, Head


class Featurizer:
    """text -> [2 * 384 + N_LEXICAL] features: embed(text), embed(frame(text)), lexical(text)."""

    def __init__(self, cache: str | os.PathLike, threads: int = 1, adapter=ADAPTER_PATH):
        self.encoder = Encoder(cache, threads=threads, adapter=adapter)

    def batch(self, texts: list[str]) -> np.ndarray:
        """[n, d] float32 features for already-cleaned texts (same values as `one`, batched)."""
        texts = [clip_chars(t) for t in texts]
        emb = self.encoder.encode(texts)  # [n, 384]
        emb_framed = self.encoder.encode([frame(t) for t in texts])  # [n, 384]
        lex = np.stack([lexical(t) for t in texts])  # [n, N_LEXICAL]
        return np.hstack([emb, emb_framed, lex]).astype(np.float32)

    def one(self, text: str) -> np.ndarray:
        """[1, d] features; text and its frame go through the encoder as one batch of two."""
        text = clip_chars(text)
        framed = frame(text)
        emb = self.encoder.encode([text])[0]  # [384]
        # nothing to mask (most chat turns): the framed embedding is the same, skip the second encoder pass
        emb_framed = emb if framed == clean(text) else self.encoder.encode([framed])[0]
        return np.concatenate([emb, emb_framed, lexical(text)])[None, :].astype(np.float32)


def _resolve_cache(settings: Settings | None, cache_dir: str | os.PathLike | None) -> Path:
    if cache_dir is not None:
        return Path(cache_dir)
    return (settings or Settings.create()).cache


class Watchdog:
    """Detects requests to unlearn something and extracts what to forget.

    `Watchdog(settings)` or `Watchdog(cache_dir=...)`: the ONNX encoder is exported on first use under
    `<cache>/watchdog/` (needs torch once), then every turn runs on onnxruntime + numpy only.
    """

    def __init__(self, settings: Settings | None = None, cache_dir: str | os.PathLike | None = None,
                 head_path: str | os.PathLike = HEAD_PATH, threads: int = 1,
                 adapter_path: str | os.PathLike | None = ADAPTER_PATH):
        """`adapter_path`: the encoder's LoRA adapter the head was trained with (None: the published encoder)."""
        self.cache = _resolve_cache(settings, cache_dir)
        self.head = Head.load(Path(head_path))
        self.rules = self.head.rules()
        self.features = Featurizer(self.cache, threads=threads, adapter=adapter_path)
        expected = 2 * 384 + lexical("").shape[0]
        if self.head.dim != expected:
            from repair.errors import ModelLoadError

            raise ModelLoadError(f"watchdog head expects {self.head.dim} features, the featurizer makes {expected}; "
                                 "rebuild it: python -m repair.watchdog.train")

    def score(self, text: str) -> float:
        """Probability that `text` asks the model to forget something (0 for empty text).

        Long messages (> WINDOW characters) are also scored on their opening and closing sentences, and the
        highest probability wins: a request at the end of a long message is not diluted by the rest. When the
        whole text already reaches the threshold, the windows are skipped (they could only raise a score that
        already says "forget"; each costs one or two encoder passes, and long requests were the slowest turns).
        """
        text = _as_text(text)
        if not text:
            return 0.0
        p = float(self.head.prob(self.features.one(text)).max())
        windows = _edge_windows(text) if p < self.head.threshold else []
        if windows:
            x = np.concatenate([self.features.one(t) for t in windows])  # [len(windows), d]
            p = max(p, float(self.head.prob(x).max()))
        return float(np.clip(p, 0.0, 1.0))

    def detect(self, text: str, history: Iterable = ()) -> Intent:
        """Intent(kind="forget"|"chat", target, score) for one user turn.

        `history`: earlier turns as {"role", "content"} dicts (or plain strings = user turns), oldest first;
        used to resolve "forget what I just told you". Empty / whitespace / control-only text is chat.
        """
        text = _as_text(text)
        if not text:
            return Intent(kind="chat", target=None, score=0.0)
        p = self.score(text)
        history = list(history or ())
        if p >= self.head.threshold and vetoed(text, history, **self.rules):
            # no request form at all, or only "forget it" with no earlier turn it could mean: chat whatever the
            # head says; the score is capped below the threshold so
            # `score >= threshold` keeps meaning "forget"
            p = min(p, float(np.nextafter(self.head.threshold, 0.0)))
        if PLAIN_FLOOR <= p < self.head.threshold and plain_request(text, history):
            p = self.head.threshold  # round 17: a request in its plainest form (features.plain_request)
        if p < self.head.threshold:
            return Intent(kind="chat", target=None, score=p)
        target = extract_target(clip_chars(text), history)
        if target is not None and not _contained(target, [text, *_user_turns(history)]):
            target = None  # never hand on a span that is not in what the person wrote
        return Intent(kind="forget", target=target, score=p)


# round 17: a plain request (features.plain_request) scored under the threshold still counts as one, unless the head
# is all but sure it is chat; on the spent sets and the training split no chat turn has the plain form at all
PLAIN_FLOOR = 0.01
WINDOW = 160  # characters; see Watchdog.score
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _edge_windows(text: str) -> list[str]:
    """The first and the last whole sentences of a long text, up to WINDOW characters each, plus the single first
    and last sentences on their own ([] if short)."""
    if len(text) <= WINDOW:
        return []
    head, tail = text[: 4 * WINDOW], text[-4 * WINDOW :]
    sentences_h = _SENTENCE_END.split(head)
    sentences_t = _SENTENCE_END.split(tail)
    first, last = sentences_h[0], sentences_t[-1]
    bare = [w[:WINDOW] for w in (first, last[-WINDOW:]) if w.strip()]  # the single sentences, undiluted
    for s in sentences_h[1:]:
        if len(first) + 1 + len(s) > WINDOW:
            break
        first = f"{first} {s}"
    for s in reversed(sentences_t[:-1]):
        if len(last) + 1 + len(s) > WINDOW:
            break
        last = f"{s} {last}"
    windows = [w[:WINDOW] for w in (first, last[-WINDOW:]) if w.strip()]
    return windows + [w for w in bare if w not in windows]


def _as_text(text) -> str:
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("utf-8", errors="replace")
    if not isinstance(text, str):
        raise InvalidInputError(f"watchdog input must be text, got {type(text).__name__}")
    return clean(clip_chars(text, 2 * MAX_CHARS))  # very long input: keep both ends, drop the middle early


def _contained(span: str, sources: list[str]) -> bool:
    """True when `span` is in one of `sources`, or (round 15) is "<descriptor>, <value>" with both pieces in one source
    (a value announced after the descriptor: "my PIN? It's 4821" -> "my PIN, 4821")."""
    s = span.casefold()
    if any(s in src.casefold() for src in sources):
        return True
    head, sep, tail = s.partition(", ")
    return bool(sep and head and tail) and any(head in src.casefold() and tail in src.casefold() for src in sources)
