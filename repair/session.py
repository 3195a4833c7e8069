"""The RePAIR loop over one patient model and one REPAIR_HOME.

turn -> watchdog -> (surgeon -> stamp -> patient -> verify -> journal) | reply
"""

from __future__ import annotations

import os

from repair.config import DEFAULT_MODEL, Settings
from repair.patient import Patient
from repair.patient.model import Message, check_question
from repair.records import EditRecord, RepairPlan
from repair.stamp.delta import LowRankDelta


class Session:
    def __init__(self, settings: Settings, patient: Patient):
        self.settings = settings
        self.patient = patient
        self.history: list[Message] = []
        self._editor = None  # repair.editing.Editor, built on first edit (holds covariance caches)
        self._records: list[EditRecord] = []  # in-memory edit log (the journal replaces this)
        self._deltas: dict[int, LowRankDelta] = {}

    # -------------------------------------------------------------- plain answers
    def ask(self, question: str) -> str:
        """The model's plain answer to one question (no watchdog, no history)."""
        return self.patient.answer(check_question(question))

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

        record, delta = execute(self.editor, plan)
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
        """Push the active deltas to the fast runtime (RUNTIME implements it; no-op until then)."""


def open(home: str | os.PathLike | None = None, model: str = DEFAULT_MODEL) -> Session:  # noqa: A001
    """Open a session on `model` (registry name or local path) with state under `home`."""
    settings = Settings.create(home=home, model=model)
    patient = Patient.load(model, settings)
    return Session(settings, patient)
