"""The policy guard: requests the surgeon refuses to plan, each with a one-line reason.

Refused: empty or over-broad targets ("everything", "all you know", a whole language or field), targets
aimed at the model's safety behaviour or refusal policy, oversized targets, and plans whose probes would
touch the retain canaries (the unrelated facts every edit must keep).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from repair.errors import PolicyRefusal
from repair.surgeon.text import content_words, norm, words

MAX_TARGET_CHARS = 200
MAX_TARGET_WORDS = 30
MAX_PROBE_CHARS = 300

_BROAD_WORDS = re.compile(
    r"\b(?:everything|anything|all\s+(?:you\s+know|your\s+knowledge|facts?|knowledge|information|data|of\s+it|that|"
    r"things|the\s+things|you\s+learned|you\s+have\s+learned|your\s+(?:training|memory|memories|data))|"
    r"whatever\s+you\s+know|every\s*thing|all|the\s+whole\s+\w+|entire\s+\w+|the\s+internet|your\s+training|"
    r"your\s+memory|your\s+knowledge|what\s+you\s+know|who\s+you\s+are|yourself|your\s+name|your\s+identity|"
    r"how\s+to\s+(?:talk|speak|write|read|think|answer|chat|count))\b",
    re.IGNORECASE,
)
_LANGUAGES = {
    "english", "french", "german", "spanish", "italian", "portuguese", "chinese", "mandarin", "japanese", "korean",
    "russian", "arabic", "hindi", "dutch", "greek", "latin", "language", "languages", "grammar", "vocabulary",
    "words", "the alphabet", "alphabet", "spelling", "reading", "writing",
}
_FIELDS = {
    "math", "maths", "mathematics", "arithmetic", "science", "history", "geography", "physics", "chemistry",
    "biology", "medicine", "literature", "music", "art", "sports", "politics", "religion", "philosophy",
    "economics", "law", "computers", "programming", "coding", "python", "numbers", "facts", "knowledge",
    "the world", "world", "people", "countries", "cities", "animals", "books", "movies", "food", "nature",
    "earth", "the earth", "humans", "humanity", "life", "logic", "common sense", "culture", "technology",
}
_SAFETY = re.compile(
    r"\b(?:refus\w*|guard\s*rails?|jailbreak\w*|censor\w*|alignment|harmless\w*|system\s+prompt|"
    r"content\s+polic(?:y|ies)|safeguards?|conscience|"
    r"safety\s+(?:rules?|guidelines?|behaviou?r|training|filters?|features?|measures?|polic(?:y|ies)|protocols?|"
    r"instructions?|settings?|layers?|checks?|net|mechanisms?|tuning|alignment)|"
    r"(?:your|its|the\s+model'?s|the\s+ai'?s|ai|assistant'?s?)\s+(?:own\s+)?(?:rules?|guidelines?|restrictions?|"
    r"safety|ethics|morals?|morality|"
    r"polic(?:y|ies)|instructions?|limits?|limitations?|boundar(?:y|ies)|values|principles|filters?|warnings?|"
    r"disclaimers?|training\s+to\s+\w+)|"
    r"(?:you|it)\s+(?:must|should|shall|have\s+to|need\s+to|are\s+supposed\s+to|can'?t|cannot|shouldn'?t|"
    r"mustn'?t|won'?t|aren'?t\s+allowed|are\s+not\s+allowed|declin\w*|say\s+no)|not\s+allowed\s+to|"
    r"(?:be|being|stay)\s+(?:safe|careful|cautious|polite|helpful\s+and\s+harmless))\b",
    re.IGNORECASE,
)


def check_target(target: str) -> None:
    """Raise PolicyRefusal when `target` (request wording already removed) must not be planned."""
    t = (target or "").strip()
    if not t:
        raise PolicyRefusal("nothing to forget: the request names no target")
    if len(t) > MAX_TARGET_CHARS or len(words(t)) > MAX_TARGET_WORDS:
        raise PolicyRefusal(
            f"target too long ({len(t)} characters, {len(words(t))} words; limit {MAX_TARGET_CHARS} characters, "
            f"{MAX_TARGET_WORDS} words): name one fact or item to forget"
        )
    if _SAFETY.search(t):
        raise PolicyRefusal(
            f"'{t}' targets the model's safety behaviour or refusal policy; that cannot be removed"
        )
    n = norm(t)
    bare = re.sub(r"^(?:the|a|an|about|of|your|my|how to|how)\s+", "", n)
    if _BROAD_WORDS.search(t) and len(content_words(t)) <= 3:
        raise PolicyRefusal(f"'{t}' is too broad: name one fact, person or item to forget")
    generic = {"language", "knowledge", "subject", "field", "topic", "facts", "information", "whole", "entire"}
    cw_all = set(content_words(t))
    if bare in _LANGUAGES or bare in _FIELDS or (cw_all and cw_all <= _LANGUAGES | _FIELDS | generic):
        raise PolicyRefusal(f"'{t}' is a whole language or field of knowledge, too broad to forget safely")
    cw = content_words(t)
    if not cw:
        raise PolicyRefusal(f"'{t}' names nothing specific to forget")
    if len(cw) == 1 and len(cw[0]) <= 2 and not cw[0].isdigit():
        raise PolicyRefusal(f"'{t}' is too short to name a specific fact")


def check_probes(probes: Sequence[str]) -> None:
    """Raise PolicyRefusal for oversized or safety-aimed probes given by the caller."""
    for p in probes:
        if not isinstance(p, str) or not p.strip():
            raise PolicyRefusal("a probe is empty")
        if len(p) > MAX_PROBE_CHARS:
            raise PolicyRefusal(f"probe too long ({len(p)} characters, limit {MAX_PROBE_CHARS})")
        if _SAFETY.search(p):
            raise PolicyRefusal(f"probe '{p[:60]}' is aimed at the model's safety behaviour")
