"""The RePAIR loop over one patient model and one REPAIR_HOME.

turn -> watchdog -> (surgeon -> stamp -> patient -> verify -> journal) | reply
"""

from __future__ import annotations

import os

from repair.config import DEFAULT_MODEL, Settings
from repair.patient import Patient
from repair.patient.model import Message, check_question


class Session:
    def __init__(self, settings: Settings, patient: Patient):
        self.settings = settings
        self.patient = patient
        self.history: list[Message] = []

    # -------------------------------------------------------------- plain answers
    def ask(self, question: str) -> str:
        """The model's plain answer to one question (no watchdog, no history)."""
        return self.patient.answer(check_question(question))


def open(home: str | os.PathLike | None = None, model: str = DEFAULT_MODEL) -> Session:  # noqa: A001
    """Open a session on `model` (registry name or local path) with state under `home`."""
    settings = Settings.create(home=home, model=model)
    patient = Patient.load(model, settings)
    return Session(settings, patient)
