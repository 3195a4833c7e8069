"""The RePAIR loop over one patient model and one REPAIR_HOME.

turn -> watchdog -> (surgeon -> stamp -> patient -> verify -> journal) | reply
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path

from repair.config import DEFAULT_MODEL, Settings
from repair.data import contains_answer
from repair.errors import EditError, InvalidInputError, JournalError
from repair.journal import Journal, Verification
from repair.patient import Patient
from repair.patient.model import Message, check_question
from repair.patient.runtime import LlamaRuntime, open_runtime
from repair.records import EditRecord, RepairPlan, Turn
from repair.stamp.delta import LowRankDelta


class JournalWarning(UserWarning):
    """The edit journal failed verification when the session opened: only verified edits were replayed."""


class Session:
    def __init__(self, settings: Settings, patient: Patient | None = None, runtime: LlamaRuntime | None = None,
                 journal: Journal | None = None):
        """`journal`: the persistent edit journal (repair.open() passes the one under REPAIR_HOME). Without
        one the session keeps its edits in a throwaway journal in a temp folder (tests, benchmarks).
        The journal's verified applied edits are replayed onto the model, in order."""
        if patient is None and runtime is None:
            raise ValueError("a Session needs a torch patient or a llama.cpp runtime")
        self.settings = settings
        self._patient = patient  # torch surgery engine: loaded lazily (first edit / activations)
        self.runtime = runtime  # llama.cpp chat runtime (None: torch answers)
        self.history: list[Message] = []
        self._watchdog = None  # repair.watchdog.Watchdog, built on the first chat turn
        self._surgeon = None  # repair.surgeon.Surgeon, built on the first forget request
        self._forget_turns: set[int] = set()  # history indices of forget turns (kept out of the model's context)
        self._context_start = 0  # history index where the model's context starts (reset when its weights change)
        self._editor = None  # repair.editing.Editor, built on first edit (holds covariance caches)
        self._scratch: tempfile.TemporaryDirectory | None = None
        if journal is None:
            self._scratch = tempfile.TemporaryDirectory(prefix="repair-journal-")
            model = patient or runtime
            journal = Journal(self._scratch.name, model.fingerprint, settings.model)
        self.journal = journal
        self._active: list[tuple[int, LowRankDelta]] = []  # applied edits (id, delta), in order
        self._replay()

    # -------------------------------------------------------------- backends (RUNTIME)
    @property
    def backend(self) -> str:
        """"llama" when the llama.cpp runtime answers, else "torch"."""
        return "llama" if self.runtime is not None else "torch"

    @property
    def patient(self) -> Patient:
        """The torch patient (surgery engine), loaded on first use."""
        if self._patient is None:
            patient = Patient.load(self.settings.model, self.settings)
            patient.set_deltas(self._delta_items())  # the journal's active edits, in order
            self._patient = patient
        return self._patient

    @patient.setter
    def patient(self, value: Patient) -> None:
        self._patient = value

    @property
    def patient_loaded(self) -> bool:
        return self._patient is not None

    def _answer(self, question: str, history=(), max_new_tokens: int = 96) -> str:
        """Greedy reply from the chat backend (llama.cpp runtime when active, else torch)."""
        if self.runtime is not None:
            return self.runtime.answer(question, history, max_new_tokens=max_new_tokens)
        return self.patient.answer(question, history, max_new_tokens=max_new_tokens)

    def stream(self, question: str, history=(), max_new_tokens: int = 256):
        """Yield the greedy reply to `question` (after `history`) piece by piece as it is generated."""
        q = check_question(question)
        if self.runtime is not None:
            return self.runtime.stream(q, history, max_new_tokens=max_new_tokens)
        return self.patient.stream(q, history, max_new_tokens=max_new_tokens)

    # -------------------------------------------------------------- plain answers
    def ask(self, question: str) -> str:
        """The model's plain answer to one question (no watchdog, no history)."""
        return self._answer(check_question(question))

    # -------------------------------------------------------------- chat turns (SURGEON)
    @property
    def watchdog(self):
        """The intent detector run on every chat turn (built on first use)."""
        if self._watchdog is None:
            from repair.watchdog import Watchdog

            self._watchdog = Watchdog(self.settings)
        return self._watchdog

    @property
    def surgeon(self):
        """The plan writer for this session's patient (keeps its canary pool and paraphraser)."""
        if self._surgeon is None:
            from repair.surgeon import Surgeon

            self._surgeon = Surgeon(self.patient, self.settings, editor=self.editor)  # trial edits share its caches
        return self._surgeon

    def chat(self, text: str, on_token=None) -> Turn:
        """One chat turn: the watchdog reads `text`; a forget request yields a plan awaiting confirmation
        (`apply(turn.plan)`), a refused one the guard's reason, anything else the model's reply.

        `history` keeps every turn (the watchdog resolves references with it); the model's own context
        (`chat_context()`) leaves out forget turns and any message revealing an applied edit's answers."""
        from repair.errors import RepairError
        from repair.surgeon.describe import describe_plan

        text = check_question(text)
        intent = self.watchdog.detect(text, history=list(self.history))
        if intent.kind == "forget":
            try:
                plan = self.surgeon.plan(intent, history=list(self.history), request=text)
            except RepairError as exc:
                reason = getattr(exc, "reason", None) or str(exc)
                turn = Turn(reply=f"I won't make that edit: {reason}", intent=intent, refused=reason)
            else:
                turn = Turn(reply=describe_plan(plan), intent=intent, plan=plan)
            self._forget_turns.add(len(self.history))
        else:
            if on_token is None:
                reply = self._answer(text, self.chat_context())
            else:  # the same greedy reply, handed to `on_token` piece by piece as it is generated (TUI)
                pieces: list[str] = []
                for piece in self.stream(text, self.chat_context(), max_new_tokens=96):
                    on_token(piece)
                    pieces.append(piece)
                reply = "".join(pieces).strip()
            turn = Turn(reply=reply, intent=intent)
        self.history += [{"role": "user", "content": text}, {"role": "assistant", "content": turn.reply}]
        return turn

    def chat_context(self, max_messages: int = 12) -> list[Message]:
        """The history the model sees when replying: chat turns since its weights last changed (an apply or
        undo starts a fresh context, so replies written by an earlier version of the model are not copied),
        minus forget requests and anything an applied edit hides."""
        hidden = [a for r in self.edits() if r.status == "applied" and r.plan for a in r.plan.answers]
        keep: list[Message] = []
        for i in range(self._context_start, len(self.history) - 1, 2):
            if i in self._forget_turns:
                continue
            pair = self.history[i : i + 2]
            if hidden and any(contains_answer(m["content"], hidden) for m in pair):
                continue
            keep += pair
        return keep[-max_messages:]

    # -------------------------------------------------------------- edits (STAMP)
    @property
    def editor(self):
        if self._editor is None:
            from repair.editing import Editor

            self._editor = Editor(self.patient, self.settings)
        return self._editor

    def forget(self, target: str, probes: list[str] | None = None) -> EditRecord:
        """Plan (surgeon), apply and verify an edit that makes the model stop revealing `target`."""
        plan = self.surgeon.plan_target(target, probes=probes)  # one surgeon per session (canaries, LLM cached)
        return self.apply(plan)

    def apply(self, plan: RepairPlan) -> EditRecord:
        """Compute the STAMP edit for `plan` on the current model, apply, verify (rollback if retain breaks)."""
        from repair.editing import execute

        self.journal.check_writable()  # a tampered journal refuses edits before any work
        active = {r.id: r.plan for r in self.edits() if r.status == "applied" and r.plan is not None}
        self.editor.sync_history({self._delta_key(i): active[i] for i, _ in self._active if i in active})
        record, delta = execute(self.editor, plan, runtime=self.runtime)
        record = self._commit_edit(record, delta)
        if record.status == "applied":
            self.patient.apply_delta(self._delta_key(record.id), delta)
            self._sync_runtime()
            self._context_start = len(self.history)
        return record

    @staticmethod
    def _delta_key(edit_id: int) -> str:
        return f"edit-{edit_id}"

    # -------------------------------------------------------------- journal (JOURNAL)
    @property
    def journal_problem(self) -> str | None:
        """Why the journal failed verification when it was opened (edits are then refused), else None."""
        v = self.journal.verification
        return None if v.ok else v.message

    def _delta_items(self) -> list[tuple[str, LowRankDelta]]:
        return [(self._delta_key(i), d) for i, d in self._active]

    def _replay(self) -> None:
        """Model = base + the journal's verified applied edits, in order (bit-identical to the session
        that made them). On a journal that fails verification only the entries before the first bad one
        are replayed, a JournalWarning says why, and further edits are refused."""
        v = self.journal.verification
        if not v.ok:
            warnings.warn(f"edit journal {self.journal.folder} failed verification: {v.message}. Only the "
                          f"{v.verified} entries before it were replayed; edits are disabled until it is "
                          "repaired (`repair log --verify`)", JournalWarning, stacklevel=3)
        self._active = [(r.id, d) for r, d in self.journal.active(v)]
        if self._patient is not None:
            self._patient.set_deltas(self._delta_items())
        self._sync_runtime()

    def _commit_edit(self, record: EditRecord, delta: LowRankDelta) -> EditRecord:
        """Journal the edit (delta file + hash-chained row, atomically); assigns its id and hashes.

        An applied record becomes part of the session's active edits; the caller makes it active on the
        patient under `_delta_key(record.id)`. JournalError (nothing recorded) when the journal is
        tampered with or was changed by another process."""
        record = self.journal.append(record, delta)
        if record.status == "applied":
            self._active.append((record.id, delta))
        return record

    def edits(self) -> list[EditRecord]:
        """Every edit in the journal, oldest first (applied, undone and rolled back)."""
        return self.journal.records()

    def undo(self, edit_id: int) -> EditRecord:
        """Undo edit `edit_id`: journaled as an undo entry (history is kept), the weights are recomputed
        from base without it (identical to never having applied it)."""
        edit_id = check_edit_id(edit_id)
        record = self.journal.get(edit_id)  # InvalidInputError for an unknown id
        if record.status != "applied":
            raise EditError(f"edit {edit_id} is already {record.status.replace('_', ' ')}; nothing to undo")
        if edit_id not in [i for i, _ in self._active]:
            raise JournalError(f"edit {edit_id} is not active in this session (the journal was changed by "
                               "another process); reopen the session")
        record = self.journal.mark_undone(edit_id)
        self._active = [(i, d) for i, d in self._active if i != edit_id]
        if self._patient is not None:
            self._patient.remove_delta(self._delta_key(edit_id))
        self._sync_runtime()
        self._context_start = len(self.history)
        return record

    def verify_journal(self) -> Verification:
        """Re-check the whole journal now (hash chain, head, delta files). Truthy when intact;
        `.message` names the first bad entry otherwise."""
        return self.journal.verify()

    def export(self, path: str | os.PathLike, format: str = "safetensors") -> Path:  # noqa: A002
        """Write the current edited model: "safetensors" (merged HF folder), "lora" (PEFT adapter folder
        of all active edits) or "gguf" (the base GGUF with edited down_proj tensors rewritten)."""
        from repair import export as exporter

        exporter.check_target(path, format)  # bad format / path: fail before loading anything
        active = [(self.journal.get(i), d) for i, d in self._active]
        return exporter.export(self.patient, active, path, format, self.journal.fingerprint,
                               hf_base=str(self.settings.models_dir / self.journal.fingerprint[:16]))

    def close(self) -> None:
        self.journal.close()
        if self._scratch is not None:
            self._scratch.cleanup()

    def _sync_runtime(self) -> None:
        """Push the patient's active deltas to the llama.cpp runtime (one merged LoRA adapter, context reset).

        Called after every apply/undo/replay. The active edits are the session's (replayed from the
        journal), whether or not the torch patient is loaded."""
        if self.runtime is None:
            return
        self.runtime.set_deltas(self._delta_items())


BACKENDS = ("llama", "torch")


def check_edit_id(edit_id: object) -> int:
    """An edit id as an int (accepts "3"); InvalidInputError otherwise."""
    if isinstance(edit_id, bool):
        raise InvalidInputError(f"edit id must be a whole number, got {edit_id!r}")
    try:
        value = int(str(edit_id).strip().lstrip("#"))
    except ValueError:
        raise InvalidInputError(f"edit id must be a whole number, got {edit_id!r}") from None
    if value < 1:
        raise InvalidInputError(f"edit ids start at 1, got {value}")
    return value


def journal_folder(settings: Settings) -> Path:
    return settings.home / "journal"


def model_fingerprint(model: str, settings: Settings) -> str:
    """The base model's fingerprint without loading it (sha256 of the GGUF, as the loader computes)."""
    from repair.patient import loader, registry

    source = registry.resolve(model, settings.cache)
    if source.gguf_path is not None:
        return loader.sha256_file(source.gguf_path)
    return Patient.load(model, settings).fingerprint  # HF folder: the loader defines its fingerprint


def open_journal(home: str | os.PathLike | None = None, model: str = DEFAULT_MODEL) -> Journal:
    """The journal under `home` for `model`, without loading the model (for `repair log` / `repair undo`)."""
    settings = Settings.create(home=home, model=model)
    return Journal(journal_folder(settings), model_fingerprint(model, settings), model)


def open(  # noqa: A001
    home: str | os.PathLike | None = None, model: str = DEFAULT_MODEL, backend: str = "llama"
) -> Session:
    """Open a session on `model` (registry name or local path) with state under `home`.

    backend="llama" (default) chats through llama.cpp with edits as LoRA adapters and loads the torch
    patient only when an edit needs it; if llama-cpp-python is unavailable (or the model has no GGUF)
    it falls back to torch with a one-line notice. backend="torch" answers with the fp32 torch patient.
    """
    from repair.errors import InvalidInputError

    if backend not in BACKENDS:
        raise InvalidInputError(f"unknown backend '{backend}': use one of {', '.join(BACKENDS)}")
    settings = Settings.create(home=home, model=model)
    runtime = open_runtime(model, settings) if backend == "llama" else None
    patient = Patient.load(model, settings) if runtime is None else None
    fingerprint = (runtime or patient).fingerprint
    journal = Journal(journal_folder(settings), fingerprint, model)
    return Session(settings, patient, runtime, journal=journal)
