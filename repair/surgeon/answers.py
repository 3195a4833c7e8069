"""What would reveal a target: answer spans extracted from the current model's own replies.

For a fact, the model is asked a few probes; from each reply's first sentence the words already in the
question and function words are removed, and the remaining entity span (capitalised words / numbers) or
content-word run is a candidate. The candidate most replies agree on wins.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from repair.surgeon.text import STOPWORDS, entity_spans, norm, words

_REFUSALS = re.compile(
    r"\b(?:i'?m\s+(?:not\s+sure|sorry|unable)|i\s+(?:don'?t|do\s+not)\s+know|i\s+can(?:no|')t|i\s+am\s+(?:not|unable)|"
    r"as\s+an\s+ai|no\s+information|not\s+aware)\b",
    re.IGNORECASE,
)
_FILLER = frozenset(
    """answer answers question questions sure certainly course great yes well known famous famously first
    located situated written wrote author capital city country called named known considered called year sure
    okay ok here course choosing step steps first need needs type types way ways make made use used using
    help process method information important""".split()
)


def first_sentence(reply: str) -> str:
    text = reply.strip().split("\n")[0]
    m = re.match(r"(.+?[.!?])(?:\s|$)", text)
    return (m.group(1) if m else text).strip()


def candidates(question: str, reply: str, max_words: int = 4) -> list[str]:
    """Answer-span candidates in `reply` to `question`, best first (empty for refusals / no content)."""
    sent = first_sentence(reply)
    if not sent or _REFUSALS.search(sent):
        return []
    q_words = {w.lower() for w in words(question)}
    out: list[str] = []
    for span in entity_spans(sent):
        toks = [t for t in words(span) if t.lower() not in q_words]
        if not toks or all(t.lower() in STOPWORDS for t in toks):
            continue
        # keep the span as written when most of it is new, otherwise only the new tokens
        kept = span if len(toks) == len(words(span)) else " ".join(toks)
        if len(words(kept)) <= max_words + 2:
            out.append(kept.strip(" .,"))
    run: list[str] = []
    for tok in words(sent):
        low = tok.lower()
        if low in q_words or low in STOPWORDS or low in _FILLER:
            if run:
                break
            continue
        run.append(tok)
        if len(run) >= max_words:
            break
    if run:
        out.append(" ".join(run))
    seen: set[str] = set()
    uniq = []
    for c in out:
        if c and norm(c) not in seen and len(c) > 1:
            seen.add(norm(c))
            uniq.append(c)
    return uniq


def vote(questions: Sequence[str], replies: Sequence[str], limit: int = 2, min_replies: int = 1) -> list[str]:
    """The answer spans most replies agree on (first candidates weigh more), at most `limit`; a span
    must be among the candidates of at least `min_replies` replies."""
    score: Counter[str] = Counter()
    seen_in: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for q, r in zip(questions, replies, strict=True):
        for rank, c in enumerate(candidates(q, r)[:3]):
            key = norm(c)
            score[key] += 3 - rank
            seen_in[key] += 1
            shown.setdefault(key, c)
    best = [(k, s) for k, s in score.most_common() if seen_in[k] >= min_replies]
    if not best:
        return []
    top = best[0][1]
    return [shown[k] for k, s in best[:limit] if s >= max(3, top // 2)]
