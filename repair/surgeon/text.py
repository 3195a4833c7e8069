"""Reading a forget target: request wording, subject span, category, misinformation and personal values.

Pure string functions (no model). The subject is the entity span whose last token carries the fact
(ROME-style): for "who wrote Brave New World" it is "Brave New World", for "the capital of France" it
is "France". Every probe the surgeon writes contains the subject verbatim, so the executor can read
keys at its last token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WH_WORDS = ("who", "what", "where", "when", "which", "why", "how", "whom", "whose")
STOPWORDS = frozenset(
    """a an the of to in on at for from by with about as and or but is are was were be been being do does did
    has have had it its this that these those there their them they he she his her him you your yours i me my
    mine we our us not no yes so if then than too very can could would should will shall may might must just
    also any some all into onto over under up down out off again once who what where when which why how whom
    whose tell know say said please called named name""".split()
)
REQUEST_WORDS = re.compile(
    r"^\s*(?:(?:hey|hi|ok|okay|so|now|and|well)[,!]?\s+)*(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?"
    r"(?:forget|unlearn|erase|remove|delete|drop|wipe|scrub|purge|stop\s+(?:knowing|remembering|saying))"
    r"(?:\s+(?:everything|anything|all)(?=\s+(?:you\s+know\s+)?about\s))?"
    r"(?:\s+(?:you\s+know\s+)?about|\s+that|\s+the\s+fact\s+that)?\s+",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_CONNECTORS = {"of", "the", "and", "de", "da", "von", "van", "la", "le", "del", "du"}
_ENTITY_TOKEN = re.compile(r"[A-Z0-9][\w'.\-]*")
_PREPOSITIONS = {"at", "in", "on", "with", "for", "from", "using", "without", "into", "by", "to", "during", "of"}
_AUX = {"is", "was", "are", "were", "did", "does", "do", "has", "have", "had", "can", "could", "would", "will"}

PERSONAL_ATTRS = (
    "phone number", "mobile number", "cell number", "telephone number", "number", "address", "home address",
    "email address", "email", "e-mail", "birthday", "date of birth", "password", "pin", "social security number",
    "ssn", "bank account", "account number", "credit card number", "credit card", "salary", "name", "full name",
    "middle name", "last name", "surname", "age", "diagnosis", "medical condition", "health condition",
    "license plate", "passport number", "location", "workplace", "employer", "school",
)
_PERSONAL = re.compile(
    r"\b(?:my|our|i\s+am|i'm|i\s+live|i\s+was\s+born|i\s+work|my\s+(?:wife|husband|son|daughter|mother|father|"
    r"sister|brother|friend|partner)'s)\b",
    re.IGNORECASE,
)
_PERSONAL_VALUE = re.compile(
    r"\b(?:(?:my|our)\s+(?P<attr>[a-z][a-z' \-]{1,40}?)\s+(?:is|was|are|=|:)\s+(?P<val>[^,;]+?)"
    r"|i\s+(?:live|lived)\s+(?:at|in)\s+(?P<live>[^,;]+?)"
    r"|i\s+was\s+born\s+(?:on|in)\s+(?P<born>[^,;]+?)"
    r"|(?:i\s+am|i'm)\s+(?P<age>\d{1,3})\s+years?\s+old"
    r"|(?:i\s+am|i'm)\s+called\s+(?P<called>[^,;]+?))\s*(?:[,;!?]|\.(?:\s|$)|$)",
    re.IGNORECASE,
)
_HARMFUL = re.compile(
    r"\b(?:bomb|explosive|napalm|nerve\s+agent|sarin|ricin|anthrax|bioweapon|chemical\s+weapon|weapon|poison|toxin|"
    r"meth(?:amphetamine)?|cocaine|heroin|fentanyl|drug\s+synthesis|synthesi[sz]e|malware|ransomware|virus\s+code|"
    r"keylogger|exploit|hack(?:ing)?|phishing|lock\s*pick\w*|pick(?:ing)?\s+(?:a\s+)?locks?|counterfeit|launder|molotov|thermite|gunpowder|"
    r"detonat\w*|enrich(?:ed|ing)?\s+uranium|pathogen|kill|murder|steal|shoplift|stalk)\b",
    re.IGNORECASE,
)
_MISINFO = re.compile(
    r"\b(?:that'?s\s+(?:wrong|not\s+(?:true|right|correct))|(?:is|was|it'?s)\s+(?:wrong|false|incorrect|a\s+myth)|"
    r"not\s+true|incorrect|actually|in\s+fact|you\s+(?:said|told\s+me)|misinformation|false\s+claim|"
    r"mistake|wrongly|is\s+not|isn'?t|wasn'?t)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Claim:
    """A misinformation correction: `false` must stop being said; `correct` is what the person gave."""

    statement: str  # the corrected statement, e.g. "the capital of Australia is Canberra"
    topic: str  # the question-like part without the value, e.g. "the capital of Australia"
    correct: str | None  # "Canberra"
    false: str | None  # "Sydney"


@dataclass(frozen=True)
class PersonalValue:
    attribute: str  # "phone number"
    value: str  # "555-0199"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_BARE_REQUEST = re.compile(
    r"^\s*(?:please\s+)?(?:forget|unlearn|erase|remove|delete|wipe|purge)(?:\s+(?:it|this|that|something))?"
    r"(?:\s+please)?\s*[.!?]*\s*$", re.IGNORECASE)


def strip_request(text: str) -> str:
    """'please forget who wrote 1984.' -> 'who wrote 1984' (no change when there is no request wording);
    a bare 'forget' / 'forget it' names nothing: ''."""
    if _BARE_REQUEST.match(text or ""):
        return ""
    t = squash(text)
    for _ in range(2):
        t2 = REQUEST_WORDS.sub("", t, count=1)
        if t2 == t:
            break
        t = t2
    return t.strip(" \t.!?;:,\"'")


def norm(text: str) -> str:
    """Lower-case, punctuation-free, single-spaced: for comparisons and deduplication."""
    return squash(re.sub(r"[^\w\s]", " ", text.lower()))


def words(text: str) -> list[str]:
    return re.findall(r"[\w'\-]+", text)


def content_words(text: str) -> list[str]:
    return [w for w in (x.lower().strip("'") for x in words(text)) if w and w not in STOPWORDS]


def mentions(text: str, span: str) -> bool:
    """`span` appears in `text` as whole words, case-insensitively."""
    s = span.strip()
    if not s:
        return False
    return re.search(r"(?<!\w)" + re.escape(s.lower()) + r"(?!\w)", text.lower()) is not None


def entity_spans(text: str) -> list[str]:
    """Spans of capitalised words / numbers (inner lower-case connectors allowed), in order.

    'who wrote The Lord of the Rings in 1954' -> ['The Lord of the Rings', '1954']. A capitalised first word
    of the text is kept only when the next word is capitalised too (sentence starts are not entities).
    """
    quoted = re.findall(r"[\"“']([^\"”']{2,80})[\"”']", text)
    toks = words(text)
    spans: list[str] = []
    i = 0
    while i < len(toks):
        if _ENTITY_TOKEN.fullmatch(toks[i]) and toks[i].lower() not in {"i", "i'm"}:
            j = i + 1
            while j < len(toks):
                if _ENTITY_TOKEN.fullmatch(toks[j]):
                    j += 1
                else:  # up to two lower-case connectors inside a name: "Lord of the Rings"
                    k = j
                    while k < len(toks) and k - j < 2 and toks[k].lower() in _CONNECTORS:
                        k += 1
                    if k > j and k < len(toks) and _ENTITY_TOKEN.fullmatch(toks[k]):
                        j = k + 1
                    else:
                        break
            span_toks = toks[i:j]
            if i == 0 and len(span_toks) == 1 and span_toks[0].lower() in STOPWORDS | set(WH_WORDS):
                i = j
                continue
            while span_toks and span_toks[0].lower() in STOPWORDS | set(WH_WORDS) and len(span_toks) > 1:
                span_toks = span_toks[1:]
            spans.append(_span_in(text, span_toks))
            i = j
        else:
            i += 1
    return [q.strip() for q in quoted] + [s for s in spans if s]


def _span_in(text: str, toks: list[str]) -> str:
    """The substring of `text` covering `toks` (keeps original spacing/punctuation inside)."""
    if not toks:
        return ""
    pattern = r"\W+".join(re.escape(t) for t in toks)
    m = re.search(pattern, text)
    return m.group(0) if m else " ".join(toks)


def _tail_np(words_after: list[str]) -> str:
    """Noun phrase from a word list: cut at the first preposition, drop leading articles/stopwords."""
    out: list[str] = []
    for w in words_after:
        if w.lower() in _PREPOSITIONS and out:
            break
        out.append(w)
    while out and out[0].lower() in STOPWORDS:
        out = out[1:]
    return " ".join(out)


def subject_of(target: str, known_subjects: tuple[str, ...] = ()) -> str:
    """The entity span of `target` whose last token should carry the fact (see module doc)."""
    t = target.strip(" .?!")
    quoted = re.findall(r"[\"“]([^\"”]{2,80})[\"”]", t)
    if quoted:
        return quoted[0].strip()
    hits = [s for s in known_subjects if s and mentions(t, s)]
    if hits:  # a fact-bank subject, in the bank's spelling (callers fix the target's casing to match)
        return max(hits, key=len)
    m = re.search(r"\b(?:of|about)\s+(.+)$", t, re.IGNORECASE)
    ents = entity_spans(t)
    if m:
        tail = m.group(1)
        tail_ents = [e for e in ents if mentions(tail, e)]
        if tail_ents:
            return tail_ents[0]
        np = _tail_np(words(tail))
        if np:
            return _span_in(t, words(np))
    if ents:
        return max(ents, key=lambda e: (len(words(e)), t.find(e)))
    m = re.match(r"(?P<s>.+?)'s\s+\w+", t)
    if m:
        return _ARTICLE.sub("", m.group("s")).strip()
    toks = words(t)
    if toks and toks[0].lower() in WH_WORDS:
        rest = toks[1:]
        if rest and rest[0].lower() == "to":  # "how to make napalm": skip "to <verb>"
            rest = rest[2:]
        elif rest and rest[0].lower() in _AUX:
            rest = rest[1:]
        elif rest and toks[0].lower() in ("how", "why", "when", "where"):
            # "how ransomware encrypts files": the clause's own subject comes first
            lead = [w for w in rest if w.lower() not in ("the", "a", "an")]
            if lead:
                return _span_in(t, lead[:1])
        elif rest:
            rest = rest[1:]  # the verb: "who wrote X"
        np = _tail_np(rest)
        if np:
            return _span_in(t, words(np))
    np = _ARTICLE.sub("", t).strip()
    return np or t


def category_of(request: str, target: str) -> str:
    text = f"{request} {target}"
    if _PERSONAL.search(target) or _PERSONAL_VALUE.search(request or ""):
        return "personal"
    if parse_claim(request) is not None or (_MISINFO.search(request or "") and " is " in f" {target} "):
        return "misinformation"
    if _HARMFUL.search(text):
        return "harmful"
    return "other"


def personal_value(text: str) -> PersonalValue | None:
    """'forget my phone number is 555-0199' -> PersonalValue('phone number', '555-0199')."""
    m = _PERSONAL_VALUE.search(text)
    if not m:
        return None
    if m.group("attr") is not None:
        attr, val = squash(m.group("attr")), m.group("val")
    elif m.group("live") is not None:
        attr, val = "address", m.group("live")
    elif m.group("born") is not None:
        attr, val = "birthday", m.group("born")
    elif m.group("age") is not None:
        attr, val = "age", m.group("age")
    else:
        attr, val = "name", m.group("called")
    val = val.strip(" \"'.")
    if not val or len(val) > 120:
        return None
    return PersonalValue(attribute=attr.lower(), value=val)


def personal_attribute(target: str) -> str | None:
    """'my phone number' -> 'phone number' (longest known attribute mentioned after 'my')."""
    low = target.lower()
    best = None
    for attr in PERSONAL_ATTRS:
        if re.search(r"\b" + re.escape(attr) + r"\b", low) and (best is None or len(attr) > len(best)):
            best = attr
    if best:
        return best
    m = re.search(r"\bmy\s+([a-z][a-z' \-]{1,40}?)(?:\s+(?:is|was)\b|$)", low)
    return squash(m.group(1)) if m else None


_CLAIM_PATTERNS = (
    # "the capital of Australia is Canberra, not Sydney"
    re.compile(r"(?P<topic>[^,;]+?)\s+(?:is|was|are|were)\s+(?:actually\s+)?(?P<correct>[^,;]+?)\s*,?\s*"
               r"(?:and\s+)?not\s+(?P<false>[^,;.!?]+)", re.IGNORECASE),
    # "the capital of Australia is not Sydney, it is Canberra"
    re.compile(r"(?P<topic>[^,;]+?)\s+(?:is\s+not|isn'?t|was\s+not|wasn'?t)\s+(?P<false>[^,;]+?)\s*[,;]\s*"
               r"(?:it'?s|it\s+is|it\s+was|but)\s+(?P<correct>[^,;.!?]+)", re.IGNORECASE),
    # "Sydney is not the capital of Australia" / "the Great Wall is not visible from space" (no correction)
    re.compile(r"^(?P<left>[^,;]+?)\s+(?:is\s+not|isn'?t|was\s+not|wasn'?t|are\s+not|aren'?t)\s+"
               r"(?P<right>[^,;.!?]+)", re.IGNORECASE),
)
_RELATION = re.compile(r"^(?:the|a|an)\s+\w+(?:\s+\w+)?\s+(?:of|in|for|to|by)\s+", re.IGNORECASE)
_CLAIM_LEAD = re.compile(
    r"^(?:no[,.!]?\s+|nope[,.!]?\s+)?(?:that'?s|this\s+is|you'?re|you\s+are|it'?s)\s+"
    r"(?:wrong|not\s+(?:true|right|correct)|incorrect|false|mistaken)[,.;:!]?\s*(?:actually[,]?\s*)?",
    re.IGNORECASE,
)


def parse_claim(request: str) -> Claim | None:
    """Find a correction in `request` ("that's wrong, the capital of Australia is Canberra, not Sydney")."""
    if not request:
        return None
    text = _CLAIM_LEAD.sub("", squash(request)).strip(" .!")
    text = strip_request(text)
    for i, pat in enumerate(_CLAIM_PATTERNS):
        m = pat.search(text)
        if not m:
            continue
        if i == 2:  # "<a> is not <b>": the side shaped like "the capital of X" is the question
            left, right = _clean_topic(m.group("left")), m.group("right").strip(" .\"'")
            topic, false = (right, left) if _RELATION.match(right) and not _RELATION.match(left) else (left, right)
            if not topic or not false or len(words(false)) > 8:
                continue
            return Claim(statement=f"{left} is not {right}", topic=topic, correct=None, false=_bare(false))
        topic = _clean_topic(m.group("topic"))
        false, correct = _bare(m.group("false")), _bare(m.group("correct"))
        if not topic or not false or len(words(false)) > 8:
            continue
        return Claim(statement=f"{topic} is {correct}", topic=topic, correct=correct, false=false)
    return None


def _bare(value: str | None) -> str | None:
    """'the Atlantic' -> 'Atlantic' (answers are matched as whole words, articles only get in the way)."""
    if not value:
        return None
    v = _ARTICLE.sub("", value.strip(" .\"'")).strip()
    return v or None


def _clean_topic(topic: str) -> str:
    t = strip_request(topic.strip())
    t = re.sub(r"^(?:actually|no|but|and|so|well)[,]?\s+", "", t, flags=re.IGNORECASE)
    return t.strip(" ,.")


def question_forms(target: str) -> str:
    """A direct question for `target`: 'who wrote 1984' -> 'Who wrote 1984?',
    'the capital of France' -> 'What is the capital of France?', 'where the Eiffel Tower is' ->
    'Where is the Eiffel Tower?'."""
    t = target.strip(" .?!")
    toks = t.split()
    if toks and toks[0].lower() in WH_WORDS:
        m = re.match(r"^(\w+)\s+(.+?)\s+(is|was|are|were)$", t, re.IGNORECASE)
        if m and m.group(2).split()[0].lower() not in _AUX:
            t = f"{m.group(1)} {m.group(3)} {m.group(2)}"
        if re.match(r"^how\s+to\b", t, re.IGNORECASE):
            t = "How do you " + t.split(None, 2)[2] if len(t.split()) > 2 else t
        return t[0].upper() + t[1:] + "?"
    if toks and toks[0].lower() in _AUX:
        return t[0].upper() + t[1:] + "?"
    return f"What is {t}?" if t[:1].islower() or t.lower().startswith(("the ", "a ", "an ")) else f"Who is {t}?"
