"""Evaluation data that ships with RePAIR, and gold-answer matching.

- `load_facts()`: the team-written real-world fact bank (`facts.jsonl`, see README.md here).
- `load_harmful_proxy()`: mild, public hazardous-topic facts in the same format (`harmful_proxy.jsonl`).
- `contains_answer(reply, answers)`: does a reply reveal any gold answer (normalised, whole words only)?
- `load_tofu(folder)`: the external TOFU files (read in place from /work/shared/data/tofu or `--data`).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from repair.errors import InvalidInputError

DATA_DIR = Path(__file__).resolve().parent
FACTS_PATH = DATA_DIR / "facts.jsonl"
HARMFUL_PROXY_PATH = DATA_DIR / "harmful_proxy.jsonl"
DEFAULT_TOFU_DIR = Path("/work/shared/data/tofu")
TOFU_ENV = "REPAIR_TOFU_DIR"


@dataclass(frozen=True)
class Fact:
    """One question with a short gold answer. `subject` occurs verbatim in `question` and every paraphrase."""

    id: str
    question: str
    answer: str
    aliases: tuple[str, ...]
    subject: str
    topic: str
    paraphrases: tuple[str, ...]

    @property
    def answers(self) -> tuple[str, ...]:
        """Every string whose appearance in a reply counts as the fact being revealed (answer first)."""
        return tuple(dict.fromkeys([self.answer, *self.aliases]))

    @property
    def probes(self) -> tuple[str, ...]:
        """The question followed by its paraphrases."""
        return (self.question, *self.paraphrases)

    @classmethod
    def from_dict(cls, row: dict, where: str = "") -> Fact:
        try:
            fact = cls(
                id=str(row["id"]), question=str(row["question"]), answer=str(row["answer"]),
                aliases=tuple(str(a) for a in row.get("aliases", [])), subject=str(row["subject"]),
                topic=str(row.get("topic", "other")), paraphrases=tuple(str(p) for p in row["paraphrases"]),
            )
        except (KeyError, TypeError) as exc:
            raise InvalidInputError(f"bad fact record {where}: missing or malformed field {exc}") from exc
        fact.check()
        return fact

    def check(self) -> None:
        """Raise InvalidInputError unless the record satisfies the fact-bank contract."""
        if not (self.id and self.question.strip() and self.answer.strip() and self.subject.strip()):
            raise InvalidInputError(f"fact {self.id!r}: id, question, answer and subject must be non-empty")
        if len(self.paraphrases) < 3:
            raise InvalidInputError(f"fact {self.id!r}: needs >= 3 paraphrases, has {len(self.paraphrases)}")
        subj = self.subject.lower()
        for text in self.probes:
            if subj not in text.lower():
                raise InvalidInputError(f"fact {self.id!r}: subject {self.subject!r} not in probe {text!r}")


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InvalidInputError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
    return rows


def load_facts(path: str | os.PathLike | None = None) -> list[Fact]:
    """The fact bank (default: the one shipped in this package). Ids are unique; every record is checked."""
    src = Path(path) if path is not None else FACTS_PATH
    if not src.is_file():
        raise InvalidInputError(f"fact file not found: {src}")
    facts = [Fact.from_dict(row, where=f"{src.name}:{i + 1}") for i, row in enumerate(_read_jsonl(src))]
    ids = [f.id for f in facts]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise InvalidInputError(f"duplicate fact ids in {src}: {dup[:5]}")
    return facts


def load_harmful_proxy(path: str | os.PathLike | None = None) -> list[Fact]:
    """Mild, public hazardous-topic facts (same format as the fact bank)."""
    return load_facts(path if path is not None else HARMFUL_PROXY_PATH)


# ---------------------------------------------------------------- answer matching

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
_SUPERSCRIPTS = str.maketrans("\u00b2\u00b3\u00b9\u2070\u2074\u2075\u2076\u2077\u2078\u2079\u2082",
                              "23104567892")


def normalize(text: str) -> str:
    """Lower-case, strip accents, turn punctuation into spaces, collapse whitespace.

    Digit groups such as "300,000" and decimals such as "3.14" keep their digits joined ("300000", "3 14" is avoided
    by dropping separators between digits), so numbers compare as whole tokens.
    """
    text = unicodedata.normalize("NFKD", str(text).translate(_SUPERSCRIPTS).translate(_DASHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"(?<=\d)[,.](?=\d)", "", text)  # 300,000 -> 300000 ; 3.14 -> 314
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


def contains_answer(reply: str, answers: str | Iterable[str]) -> bool:
    """True when any non-empty answer appears in `reply` as whole words after normalisation.

    Case, accents and punctuation are ignored; word boundaries are required on both sides, so "19" does not match
    "193" and "Rome" does not match "Romeo".
    """
    if isinstance(answers, str):
        answers = [answers]
    hay = f" {normalize(reply)} "
    for ans in answers:
        needle = normalize(ans)
        if needle and f" {needle} " in hay:
            return True
    return False


# ---------------------------------------------------------------- TOFU (external, read in place)


@dataclass(frozen=True)
class WorldFact:
    question: str
    answer: str
    perturbed_answers: tuple[str, ...]


@dataclass(frozen=True)
class AuthorQA:
    question: str
    answer: str
    author_index: int


@dataclass(frozen=True)
class TofuData:
    """The TOFU files. `forget` and `retain` authors are separate sets of 15 x 20 QA each."""

    folder: Path
    world_facts: list[WorldFact]
    forget: list[AuthorQA]
    retain: list[AuthorQA]
    idontknow: list[str] = field(default_factory=list)

    @staticmethod
    def by_author(rows: Sequence[AuthorQA]) -> dict[int, list[AuthorQA]]:
        out: dict[int, list[AuthorQA]] = {}
        for r in rows:
            out.setdefault(r.author_index, []).append(r)
        return out


def default_tofu_dir() -> Path | None:
    """`$REPAIR_TOFU_DIR` if set, else `shared/data/tofu` beside this checkout, else /work/shared/data/tofu,
    when it exists; else None."""
    env = os.environ.get(TOFU_ENV)
    if env:
        return Path(env).expanduser()
    beside_checkout = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "tofu"
    for candidate in (beside_checkout, DEFAULT_TOFU_DIR):
        if candidate.is_dir():
            return candidate
    return None


def load_tofu(folder: str | os.PathLike | None = None) -> TofuData:
    """Read the TOFU folder (default: `default_tofu_dir()`). Raises InvalidInputError if it is missing or malformed."""
    src = Path(folder).expanduser() if folder is not None else default_tofu_dir()
    if src is None or not src.is_dir():
        raise InvalidInputError(f"TOFU data folder not found: {src or DEFAULT_TOFU_DIR} (pass --data FOLDER)")
    need = ["world_facts.jsonl", "fictitious_authors_forget.jsonl", "fictitious_authors_retain.jsonl"]
    missing = [n for n in need if not (src / n).is_file()]
    if missing:
        raise InvalidInputError(f"TOFU data folder {src} lacks {', '.join(missing)}")
    try:
        world = [WorldFact(str(r["question"]), str(r["answer"]), tuple(map(str, r["perturbed_answers"])))
                 for r in _read_jsonl(src / need[0])]
        forget = [AuthorQA(str(r["question"]), str(r["answer"]), int(r["author_index"]))
                  for r in _read_jsonl(src / need[1])]
        retain = [AuthorQA(str(r["question"]), str(r["answer"]), int(r["author_index"]))
                  for r in _read_jsonl(src / need[2])]
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidInputError(f"malformed TOFU record in {src}: {exc}") from exc
    idk_path = src / "idontknow.txt"
    idk = [ln.strip() for ln in idk_path.read_text(encoding="utf-8").splitlines() if ln.strip()] \
        if idk_path.is_file() else []
    return TofuData(folder=src, world_facts=world, forget=forget, retain=retain, idontknow=idk)


__all__ = [
    "Fact", "load_facts", "load_harmful_proxy", "contains_answer", "normalize",
    "WorldFact", "AuthorQA", "TofuData", "load_tofu", "default_tofu_dir",
]
