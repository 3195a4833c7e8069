"""The edit journal: a hash-chained SQLite ledger of every edit, with delta factors stored by content hash.

Layout under REPAIR_HOME:

    journal/journal.sqlite3               SQLite in WAL mode (stdlib sqlite3, synchronous=FULL)
    journal/deltas/<sha256>.safetensors   LowRankDelta factors, named by `LowRankDelta.sha256()`

Tables:

    meta   key/value: schema, base model fingerprint + name, chain head (seq and hash of the last entry)
    edits  one row per edit: id, seq, time, request, intent score, plan (JSON), layers, rank, timings,
           before/after scores, delta sha256, outcome (applied | rolled_back), status (applied | undone |
           rolled_back), prev_hash, hash
    undos  one row per undo: seq, edit_id, time, prev_hash, hash

Edits and undos form ONE chain ordered by `seq` (1, 2, 3, ...). Each entry's hash is
sha256(prev_hash + canonical JSON of the entry's immutable content); the first entry's prev_hash is
derived from the base-model fingerprint, so a journal cannot be moved onto another model unnoticed.
`status` is the only mutable column: it is a convenience for readers and is checked against the
chained undo entries (status says undone <=> an undo entry for that edit exists).

Writes are single SQLite transactions (BEGIN IMMEDIATE): the delta file is written and fsynced first
(atomic rename), then the row and the new head are committed together. A crash at any point leaves
either the whole edit or nothing (an orphan delta file at worst, which nothing references).
Several processes may open the same journal; a writer whose view of the head is stale gets a
JournalError instead of forking the chain.

Tamper evidence is against accidental or naive modification: anyone who can rewrite the whole file
can recompute every hash (there is no secret and no external anchor).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from repair.errors import EditError, InvalidInputError, JournalError
from repair.records import EditRecord, RepairPlan, Scores
from repair.stamp.delta import LowRankDelta

SCHEMA = 1
GENESIS_TAG = "repair-journal/1"
DB_NAME = "journal.sqlite3"
BUSY_TIMEOUT_S = 15.0

# Columns of `edits` covered by the hash (everything but the mutable `status` and the chain columns).
EDIT_CONTENT = (
    "id", "seq", "created", "target", "request", "intent_score", "plan", "layers", "rank", "timings",
    "before", "after", "outcome", "reason", "delta_sha256", "extra",
)
UNDO_CONTENT = ("seq", "edit_id", "created")
# EditRecord fields stored in their own columns; any other (future) field goes into `extra`.
_RECORD_COLUMNS = {
    "id", "created", "target", "request", "intent_score", "plan", "layers", "rank", "timings", "before",
    "after", "status", "reason", "delta_sha256", "prev_hash", "hash",
}

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edits (
    id INTEGER PRIMARY KEY,            -- edit id shown to the person (1, 2, 3, ...)
    seq INTEGER NOT NULL UNIQUE,       -- position in the chain shared with undos
    created TEXT NOT NULL,             -- ISO-8601 UTC
    target TEXT NOT NULL,
    request TEXT,
    intent_score REAL,
    plan TEXT,                         -- RepairPlan JSON or NULL
    layers TEXT NOT NULL,              -- JSON list of layer indices
    rank INTEGER NOT NULL,
    timings TEXT NOT NULL,             -- JSON {stage: seconds}
    before TEXT NOT NULL,              -- Scores JSON
    after TEXT NOT NULL,               -- Scores JSON
    outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'rolled_back')),
    reason TEXT,
    delta_sha256 TEXT NOT NULL,
    extra TEXT NOT NULL,               -- JSON of EditRecord fields without a column
    status TEXT NOT NULL CHECK (status IN ('applied', 'undone', 'rolled_back')),
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS undos (
    seq INTEGER PRIMARY KEY,
    edit_id INTEGER NOT NULL,
    created TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
"""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def canonical(content: dict[str, Any]) -> str:
    """The exact string hashed for an entry: sorted keys, no whitespace, UTF-8 kept."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def chain_hash(prev_hash: str, kind: str, content: dict[str, Any]) -> str:
    return hashlib.sha256(f"{prev_hash}\n{kind}\n{canonical(content)}".encode()).hexdigest()


def genesis_hash(fingerprint: str) -> str:
    """prev_hash of the first entry: ties the chain to one base model."""
    return hashlib.sha256(f"{GENESIS_TAG}\n{fingerprint}".encode()).hexdigest()


def _json(value: Any) -> str:
    return canonical(value)


@dataclass(frozen=True)
class Verification:
    """Result of checking the whole journal.

    ok:          True when every entry, the head and every delta file check out.
    entries:     number of chain entries (edits + undos) found.
    first_bad:   seq of the first bad entry (None when ok, or when only the head is wrong past the end).
    edit_id:     the edit id the first bad entry belongs to, when known.
    message:     one line naming the first problem (or summarising a good journal).
    verified:    number of leading entries (seq 1..verified) that are trustworthy and may be replayed.
    """

    ok: bool
    entries: int
    message: str
    verified: int
    first_bad: int | None = None
    edit_id: int | None = None

    def __bool__(self) -> bool:
        return self.ok


@dataclass
class _Entry:
    seq: int
    kind: str  # "edit" | "undo"
    row: dict[str, Any]
    content: dict[str, Any] = field(default_factory=dict)


class Journal:
    """One REPAIR_HOME's edit ledger for one base model (identified by its fingerprint)."""

    def __init__(self, folder: str | os.PathLike, fingerprint: str, model: str = ""):
        self.folder = Path(folder)
        self.deltas_dir = self.folder / "deltas"
        self.fingerprint = fingerprint
        self.model = model
        self._lock = threading.RLock()  # one connection, shared by the session's threads (TUI worker)
        try:
            self.deltas_dir.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.folder / DB_NAME, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                       check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise JournalError(f"cannot open the edit journal in {self.folder}: {exc}") from exc
        self._db.row_factory = sqlite3.Row
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._init_schema()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise JournalError(f"the edit journal {self.folder / DB_NAME} is unreadable: {exc}") from exc
        except JournalError:
            self._db.close()
            raise
        self.head_seq, self.head_hash = self._read_head()
        self.verification = self.verify()  # checked once on open; writes are refused when it failed

    # ------------------------------------------------------------------ setup
    def _init_schema(self) -> None:
        with self._write() as db:
            for stmt in _DDL.split(";"):
                if stmt.strip():
                    db.execute(stmt)
            meta = {r["key"]: r["value"] for r in db.execute("SELECT key, value FROM meta")}
            if not meta:
                for key, value in {
                    "schema": str(SCHEMA), "base_fingerprint": self.fingerprint, "model": self.model,
                    "created": now_iso(), "head_seq": "0", "head_hash": genesis_hash(self.fingerprint),
                }.items():
                    db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))
                return
            if meta.get("schema") != str(SCHEMA):
                raise JournalError(f"the edit journal in {self.folder} has schema {meta.get('schema')!r}; "
                                   f"this version of RePAIR reads schema {SCHEMA}")
            theirs = meta.get("base_fingerprint", "")
            if theirs != self.fingerprint:
                n = db.execute("SELECT (SELECT COUNT(*) FROM edits) + (SELECT COUNT(*) FROM undos)").fetchone()[0]
                if n:
                    raise JournalError(
                        f"the edit journal in {self.folder} belongs to another base model "
                        f"({meta.get('model') or 'unknown'}, sha256 {theirs[:12]}...), not {self.model or 'this one'} "
                        f"(sha256 {self.fingerprint[:12]}...); use a different --home or REPAIR_HOME"
                    )
                # An empty journal holds nothing to lose: rebind it to this model.
                for key, value in {"base_fingerprint": self.fingerprint, "model": self.model,
                                   "head_hash": genesis_hash(self.fingerprint), "head_seq": "0"}.items():
                    db.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken with BEGIN IMMEDIATE so concurrent writers serialise."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise JournalError(f"the edit journal in {self.folder} is locked by another process ({exc}); "
                                   "try again when it has finished") from exc
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("COMMIT")

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    def _read_head(self) -> tuple[int, str]:
        with self._lock:
            meta = {r["key"]: r["value"] for r in self._db.execute("SELECT key, value FROM meta")}
        return int(meta.get("head_seq", "0")), meta.get("head_hash", "")

    # ------------------------------------------------------------------ reading
    def _entries(self) -> list[_Entry]:
        with self._lock:
            entries = [_Entry(r["seq"], "edit", dict(r)) for r in self._db.execute("SELECT * FROM edits")]
            entries += [_Entry(r["seq"], "undo", dict(r)) for r in self._db.execute("SELECT * FROM undos")]
        entries.sort(key=lambda e: (e.seq, e.kind))
        for e in entries:
            cols = EDIT_CONTENT if e.kind == "edit" else UNDO_CONTENT
            e.content = {c: e.row[c] for c in cols}
        return entries

    @staticmethod
    def _to_record(row: dict[str, Any], status: str | None = None) -> EditRecord:
        extra = json.loads(row["extra"]) if row["extra"] else {}
        return EditRecord(
            id=row["id"], created=row["created"], target=row["target"], request=row["request"],
            intent_score=row["intent_score"],
            plan=RepairPlan.model_validate_json(row["plan"]) if row["plan"] else None,
            layers=json.loads(row["layers"]), rank=row["rank"], timings=json.loads(row["timings"]),
            before=Scores.model_validate_json(row["before"]), after=Scores.model_validate_json(row["after"]),
            status=status or row["status"], reason=row["reason"], delta_sha256=row["delta_sha256"],
            prev_hash=row["prev_hash"], hash=row["hash"], **extra,
        )

    def records(self) -> list[EditRecord]:
        """Every edit ever recorded, oldest first, with its current status (as stored)."""
        with self._lock:
            rows = self._db.execute("SELECT * FROM edits ORDER BY id").fetchall()
        return [self._to_record(dict(r)) for r in rows]

    def get(self, edit_id: int) -> EditRecord:
        with self._lock:
            row = self._db.execute("SELECT * FROM edits WHERE id = ?", (edit_id,)).fetchone()
            n = self._db.execute("SELECT COUNT(*) FROM edits").fetchone()[0]
        if row is None:
            known = f"ids are 1..{n}" if n else "the journal has no edits yet"
            raise InvalidInputError(f"no edit with id {edit_id} ({known}; `repair log` lists them)")
        return self._to_record(dict(row))

    def delta_path(self, sha256: str) -> Path:
        return self.deltas_dir / f"{sha256}.safetensors"

    def load_delta(self, sha256: str) -> LowRankDelta:
        """Load a stored delta and check its content hash (JournalError when missing or modified)."""
        from safetensors import SafetensorError
        from safetensors.torch import load_file

        path = self.delta_path(sha256)
        try:
            delta = LowRankDelta.from_tensors(load_file(str(path)))
        except FileNotFoundError as exc:
            raise JournalError(f"delta file {path.name} is missing") from exc
        except (OSError, ValueError, SafetensorError) as exc:
            raise JournalError(f"delta file {path.name} is unreadable ({exc})") from exc
        if delta.sha256() != sha256:
            raise JournalError(f"delta file {path.name} was modified (its content hash is {delta.sha256()[:12]}...)")
        return delta

    # ------------------------------------------------------------------ verification
    def verify(self) -> Verification:
        """Check the chain, the head and every delta file; name the first bad entry."""
        try:
            with self._lock:
                entries = self._entries()
                head_seq, head_hash = self._read_head()
                meta_fp = self._db.execute("SELECT value FROM meta WHERE key = 'base_fingerprint'").fetchone()
        except sqlite3.DatabaseError as exc:
            return Verification(False, 0, f"the journal database is unreadable: {exc}", 0, 1)
        n = len(entries)
        if meta_fp is None or meta_fp[0] != self.fingerprint:
            return Verification(False, n, "the journal's base-model fingerprint was changed", 0, 1)

        def bad(e: _Entry, why: str) -> Verification:
            eid = e.row["id"] if e.kind == "edit" else e.row["edit_id"]
            what = f"entry #{e.seq} (edit {eid})" if e.kind == "edit" else f"entry #{e.seq} (undo of edit {eid})"
            return Verification(False, n, f"{what}: {why}", e.seq - 1, e.seq, eid)

        by_hash = {e.row["hash"]: e.seq for e in entries}
        running = genesis_hash(self.fingerprint)
        applied: dict[int, int] = {}  # edit id -> seq, while applied
        undone: dict[int, int] = {}  # edit id -> seq of its undo entry
        last_id = 0
        for expected_seq, e in enumerate(entries, start=1):
            if e.seq != expected_seq:
                if e.seq > expected_seq:
                    return Verification(False, n, f"entry #{expected_seq} is missing (deleted): the chain jumps "
                                                  f"from #{expected_seq - 1} to #{e.seq}", expected_seq - 1,
                                        expected_seq)
                return bad(e, "appears twice in the chain (duplicated or reordered row)")
            if e.row["prev_hash"] != running:
                links_to = by_hash.get(e.row["prev_hash"])
                if links_to is not None and links_to != expected_seq - 1:
                    should = f"#{expected_seq - 1}" if expected_seq > 1 else "the start of the journal"
                    return bad(e, f"out of order: it follows entry #{links_to}, not {should} (rows reordered)")
                return bad(e, f"its link to entry #{expected_seq - 1} is broken (a row before it was deleted "
                              "or changed)")
            if chain_hash(running, e.kind, e.content) != e.row["hash"]:
                return bad(e, "row content does not match its hash (the row was edited)")
            if e.kind == "edit":
                eid = e.row["id"]
                if eid <= last_id:
                    return bad(e, f"edit id {eid} does not follow edit {last_id} (ids reordered or reused)")
                last_id = eid
                try:
                    self.load_delta(e.row["delta_sha256"])
                except JournalError as exc:
                    return bad(e, str(exc))
                if e.row["outcome"] == "applied":
                    applied[eid] = e.seq
            else:
                eid = e.row["edit_id"]
                if eid not in applied:
                    return bad(e, f"undoes edit {eid}, which is not an applied edit before it")
                del applied[eid]
                undone[eid] = e.seq
            running = e.row["hash"]

        # The mutable status column must agree with the chain.
        for e in entries:
            if e.kind != "edit":
                continue
            eid, status = e.row["id"], e.row["status"]
            want = "rolled_back" if e.row["outcome"] == "rolled_back" else ("undone" if eid in undone else "applied")
            if status != want:
                return bad(e, f"status says {status!r} but the chain says {want!r} (the row was edited)")

        if head_seq != n or head_hash != running:
            if head_seq > n:
                return Verification(False, n, f"entry #{n + 1} is missing (deleted): the journal head records "
                                              f"{head_seq} entries but only {n} remain", n, n + 1)
            last = min(head_seq, n)
            return Verification(False, n, f"the journal head (#{head_seq}) does not match the last entry (#{n}): "
                                           "rows were added or the head was changed", last, last + 1)
        n_edits = sum(e.kind == "edit" for e in entries)
        return Verification(True, n, f"journal intact: {n_edits} edits, {n - n_edits} undos, "
                                     f"{len(applied)} active; every hash and delta file checks out", n)

    def active(self, verification: Verification | None = None) -> list[tuple[EditRecord, LowRankDelta]]:
        """The applied edits among the first `verification.verified` entries, in order, with their deltas.

        Only verified entries count: the state they describe is the last trustworthy state of the model.
        """
        v = verification or self.verify()
        applied: dict[int, dict[str, Any]] = {}
        for e in self._entries():
            if e.seq > v.verified:
                break
            if e.kind == "edit" and e.row["outcome"] == "applied":
                applied[e.row["id"]] = e.row
            elif e.kind == "undo":
                applied.pop(e.row["edit_id"], None)
        return [(self._to_record(row, status="applied"), self.load_delta(row["delta_sha256"]))
                for row in applied.values()]

    # ------------------------------------------------------------------ writing
    def check_writable(self) -> None:
        """JournalError unless the journal verified when it was opened (never extend a broken chain)."""
        if not self.verification.ok:
            raise JournalError(f"the edit journal failed verification ({self.verification.message}); refusing "
                               "to record edits or undos. `repair log --verify` shows the problem")

    def _advanced(self, seq: int, hash_: str) -> None:
        self.head_seq, self.head_hash = seq, hash_
        v = self.verification
        self.verification = Verification(True, seq, v.message, seq)

    def _check_head(self, db: sqlite3.Connection) -> tuple[int, str]:
        meta = {r["key"]: r["value"] for r in db.execute("SELECT key, value FROM meta")}
        head = int(meta["head_seq"]), meta["head_hash"]
        if head != (self.head_seq, self.head_hash):
            raise JournalError("the edit journal was changed by another RePAIR process since this session "
                               "opened it; nothing was recorded. Reopen the session to continue")
        return head

    @staticmethod
    def _set_head(db: sqlite3.Connection, seq: int, hash_: str) -> None:
        db.execute("UPDATE meta SET value = ? WHERE key = 'head_seq'", (str(seq),))
        db.execute("UPDATE meta SET value = ? WHERE key = 'head_hash'", (hash_,))

    def _store_delta(self, delta: LowRankDelta) -> str:
        """Write the factors to deltas/<sha256>.safetensors durably (temp file, fsync, rename, fsync dir)."""
        from safetensors.torch import save_file

        sha = delta.sha256()
        path = self.delta_path(sha)
        if path.exists():
            return sha  # content-addressed: an existing file is checked by verify(), never overwritten
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            save_file(delta.to_tensors(), str(tmp), metadata={"format": "repair-lowrank-delta", "sha256": sha})
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
            os.replace(tmp, path)
            dir_fd = os.open(self.deltas_dir, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise JournalError(f"cannot store the edit's factors in {self.deltas_dir}: {exc}") from exc
        return sha

    def append(self, record: EditRecord, delta: LowRankDelta) -> EditRecord:
        """Record one edit (status applied or rolled_back); returns it with id, seq-chained hashes set."""
        if record.status not in ("applied", "rolled_back"):
            raise EditError(f"a new edit must be 'applied' or 'rolled_back', not {record.status!r}")
        self.check_writable()
        sha = self._store_delta(delta)
        dumped = record.model_dump(mode="json")
        extra = {k: v for k, v in dumped.items() if k not in _RECORD_COLUMNS}
        with self._write() as db:
            seq, prev = self._check_head(db)
            seq += 1
            edit_id = db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM edits").fetchone()[0]
            content = {
                "id": edit_id, "seq": seq, "created": record.created or now_iso(), "target": record.target,
                "request": record.request, "intent_score": record.intent_score,
                "plan": record.plan.model_dump_json() if record.plan is not None else None,
                "layers": _json(sorted(delta.layers) if delta.factors else list(record.layers)),
                "rank": int(delta.rank if delta.factors else record.rank), "timings": _json(record.timings),
                "before": record.before.model_dump_json(), "after": record.after.model_dump_json(),
                "outcome": record.status, "reason": record.reason, "delta_sha256": sha, "extra": _json(extra),
            }
            h = chain_hash(prev, "edit", content)
            cols = [*content, "status", "prev_hash", "hash"]
            db.execute(f"INSERT INTO edits ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                       [*content.values(), record.status, prev, h])
            self._set_head(db, seq, h)
        self._advanced(seq, h)
        return self.get(edit_id)

    def mark_undone(self, edit_id: int) -> EditRecord:
        """Append an undo entry for `edit_id` and set its status to undone (history is never deleted)."""
        self.check_writable()
        record = self.get(edit_id)
        if record.status != "applied":
            raise EditError(f"edit {edit_id} is already {record.status.replace('_', ' ')}; nothing to undo")
        with self._write() as db:
            seq, prev = self._check_head(db)
            seq += 1
            content = {"seq": seq, "edit_id": edit_id, "created": now_iso()}
            h = chain_hash(prev, "undo", content)
            db.execute("INSERT INTO undos (seq, edit_id, created, prev_hash, hash) VALUES (?, ?, ?, ?, ?)",
                       (seq, edit_id, content["created"], prev, h))
            db.execute("UPDATE edits SET status = 'undone' WHERE id = ?", (edit_id,))
            self._set_head(db, seq, h)
        self._advanced(seq, h)
        return self.get(edit_id)
