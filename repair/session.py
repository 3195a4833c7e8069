"""The RePAIR loop over one patient model and one REPAIR_HOME.

turn -> watchdog -> (surgeon -> stamp -> patient -> verify -> journal) | reply
"""

from __future__ import annotations

import os

from repair.config import DEFAULT_MODEL, Settings
from repair.data import contains_answer
from repair.patient import Patient
from repair.patient.model import Message, check_question
from repair.patient.runtime import LlamaRuntime, open_runtime
from repair.records import EditRecord, RepairPlan, Turn
from repair.stamp.delta import LowRankDelta


class Session:
    def __init__(self, settings: Settings, patient: Patient | None = None, runtime: LlamaRuntime | None = None):
        if patient is None and runtime is None:
            raise ValueError("a Session needs a torch patient or a llama.cpp runtime")
        self.settings = settings
        self._patient = patient  # torch surgery engine: loaded lazily (first edit / activations)
        self.runtime = runtime  # llama.cpp chat runtime (None: torch answers)
        self.history: list[Message] = []
        self._watchdog = None  # repair.watchdog.Watchdog, built on the first chat turn
        self._surgeon = None  # repair.surgeon.Surgeon, built on the first forget request
        self._forget_turns: set[int] = set()  # history indices of forget turns (kept out of the model's context)
        self._editor = None  # repair.editing.Editor, built on first edit (holds covariance caches)
        self._records: list[EditRecord] = []  # in-memory edit log (the journal replaces this)
        self._deltas: dict[int, LowRankDelta] = {}

    # -------------------------------------------------------------- backends (RUNTIME)
    @property
    def backend(self) -> str:
        """"llama" when the llama.cpp runtime answers, else "torch"."""
        return "llama" if self.runtime is not None else "torch"

    @property
    def patient(self) -> Patient:
        """The torch patient (surgery engine), loaded on first use."""
        if self._patient is None:
            self._patient = Patient.load(self.settings.model, self.settings)
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

            self._watchdog = Watchdog()
        return self._watchdog

    @property
    def surgeon(self):
        """The plan writer for this session's patient (keeps its canary pool and paraphraser)."""
        if self._surgeon is None:
            from repair.surgeon import Surgeon

            self._surgeon = Surgeon(self.patient, self.settings)
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
        """The history the model sees when replying: chat turns only, minus anything an applied edit hides."""
        hidden = [a for r in self.edits() if r.status == "applied" and r.plan for a in r.plan.answers]
        keep: list[Message] = []
        for i in range(0, len(self.history) - 1, 2):
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
        from repair.editing import template_plan

        try:
            from repair.surgeon import Surgeon
        except ImportError:  # surgeon not installed: template plan from the fact bank / target text
            plan = template_plan(target, probes)
        else:
            plan = Surgeon(self.patient, self.settings).plan_target(target, probes=probes)
        return self.apply(plan)

    def apply(self, plan: RepairPlan) -> EditRecord:
        """Compute the STAMP edit for `plan` on the current model, apply, verify (rollback if retain breaks)."""
        from repair.editing import execute

        record, delta = execute(self.editor, plan, runtime=self.runtime)
        record = self._commit_edit(record, delta)
        if record.status == "applied":
            self.patient.apply_delta(self._delta_key(record.id), delta)
            self._sync_runtime()
        return record

    @staticmethod
    def _delta_key(edit_id: int) -> str:
        return f"edit-{edit_id}"

    def _commit_edit(self, record: EditRecord, delta: LowRankDelta) -> EditRecord:
        """Assign the record's id and keep it (in memory; the journal persists it)."""
        record = record.model_copy(update={"id": len(self._records) + 1})
        self._records.append(record)
        self._deltas[record.id] = delta
        return record

    def edits(self) -> list[EditRecord]:
        return list(self._records)

    def undo(self, edit_id: int) -> EditRecord:
        """Remove edit `edit_id` (weights become identical to never having applied it)."""
        from repair.errors import EditError

        matches = [i for i, r in enumerate(self._records) if r.id == edit_id]
        if not matches:
            raise EditError(f"no edit with id {edit_id}")
        i = matches[0]
        if self._records[i].status != "applied":
            raise EditError(f"edit {edit_id} is {self._records[i].status}, not applied")
        self.patient.remove_delta(self._delta_key(edit_id))
        self._records[i] = self._records[i].model_copy(update={"status": "undone"})
        self._sync_runtime()
        return self._records[i]

    def _sync_runtime(self) -> None:
        """Push the patient's active deltas to the llama.cpp runtime (one merged LoRA adapter, context reset).

        Called after every apply/undo/replay. Without a loaded patient no edit is active: the runtime
        serves the base model."""
        if self.runtime is None:
            return
        self.runtime.set_deltas(self._patient.delta_items() if self._patient is not None else [])


BACKENDS = ("llama", "torch")


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
    return Session(settings, patient, runtime)
