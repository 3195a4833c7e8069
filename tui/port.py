"""The app's only door to the model: the public `repair.Session` API, called from worker threads.

Every method here blocks (model work) and is meant to run in a Textual thread worker; callbacks
(`on_piece`, `on_stage`) are called from that thread, the app marshals them onto the UI thread.
"""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from repair.errors import RepairError
from repair.records import EditRecord, Intent, RepairPlan

PieceCallback = Callable[[str], None]  # may raise `Cancelled` to stop generation early
StageCallback = Callable[[str, "float | None"], None]  # (stage name, fraction done 0..1 or None: unknown)


class Cancelled(Exception):  # noqa: N818 - a signal, not an error
    """Raised from a piece callback when the person quit while the model was still generating."""


@dataclass
class TurnView:
    """What one chat turn produced, as the app shows it."""

    reply: str
    intent: Intent | None = None  # None: no watchdog verdict available
    plan: RepairPlan | None = None
    edit: EditRecord | None = None
    refused: str | None = None
    streamed: bool = False  # the reply already reached the transcript piece by piece


@dataclass
class ApplyResult:
    record: EditRecord
    seconds: float  # wall time of the apply call as the person waited for it
    probe: str | None = None
    before: str | None = None  # the model's answer to `probe` before the edit
    after: str | None = None  # ... and after it
    stages: list[str] = field(default_factory=list)


def _accepts(func: Callable, name: str) -> bool:
    try:
        return name in inspect.signature(func).parameters
    except (TypeError, ValueError):
        return False


class SessionPort:
    def __init__(self, session):
        self.session = session

    # ------------------------------------------------------------------ facts for the status bar
    @property
    def model_name(self) -> str:
        model = str(self.session.settings.model)  # registry name or a path (never loads the torch patient)
        return Path(model).name if ("/" in model or "\\" in model) else model

    @property
    def backend(self) -> str:
        value = getattr(self.session, "backend", None)
        if value is None:
            return "torch"
        return str(getattr(value, "name", value))

    def edits(self) -> list[EditRecord]:
        if not hasattr(self.session, "edits"):
            return []
        return list(self.session.edits())

    def active_edit_count(self) -> int:
        return sum(1 for e in self.edits() if e.status == "applied")

    # ------------------------------------------------------------------ chat
    def chat(self, text: str, on_piece: PieceCallback) -> TurnView:
        """One chat turn through the watchdog; a plain reply is streamed through `on_piece`."""
        chat = getattr(self.session, "chat", None)
        if chat is None:
            reply = self._stream_plain(text, on_piece)
            return TurnView(reply=reply, streamed=True)
        if _accepts(chat, "on_token"):
            turn = chat(text, on_token=on_piece)
            streamed = True
        else:
            turn = chat(text)
            streamed = False
        return TurnView(reply=turn.reply, intent=turn.intent, plan=turn.plan, edit=turn.edit,
                        refused=turn.refused, streamed=streamed and turn.plan is None and turn.refused is None)

    def _stream_plain(self, text: str, on_piece: PieceCallback) -> str:
        """Answer without the watchdog (before Session.chat exists): stream, keep the history."""
        stream = getattr(self.session, "stream", None)
        history = list(self.session.history)
        if stream is not None:
            pieces = stream(text, history)
        else:
            pieces = self.session.patient.stream(text, history=history)
        reply = ""
        for piece in pieces:
            reply += piece
            on_piece(piece)
        reply = reply.strip()
        self.session.history += [{"role": "user", "content": text}, {"role": "assistant", "content": reply}]
        return reply

    def plan(self, target: str) -> TurnView:
        """A repair plan for `target` (the `/forget X` command and "Edit target")."""
        chat = getattr(self.session, "chat", None)
        if chat is None:
            raise RepairError("forgetting is not available in this build yet (no Session.chat)")
        turn = chat(f"Please forget {target}")
        view = TurnView(reply=turn.reply, intent=turn.intent, plan=turn.plan, edit=turn.edit, refused=turn.refused)
        if view.plan is None and view.refused is None:
            view.refused = f"the watchdog did not read this as a forget request (score {turn.intent.score:.2f})"
        return view

    def ask(self, question: str) -> str:
        return self.session.ask(question)

    # ------------------------------------------------------------------ edits
    def apply(self, plan: RepairPlan, on_stage: StageCallback) -> ApplyResult:
        """Apply a plan; ask one probe before and after so the person sees the difference."""
        if not hasattr(self.session, "apply"):
            raise RepairError("applying edits is not available in this build yet (no Session.apply)")
        probes = plan.check_probes or plan.forget_probes
        probe = probes[0] if probes else None
        stages: list[str] = []

        def stage(name: str, fraction: float | None) -> None:
            stages.append(name)
            on_stage(name, fraction)

        before = None
        if probe:
            stage("asking a probe before the edit", 0.05)
            before = self.ask(probe)
        start = time.perf_counter()
        if _accepts(self.session.apply, "progress"):
            stage("capture, solve, apply, verify", 0.15)
            record = self.session.apply(plan, progress=lambda name, frac: stage(name, 0.15 + 0.75 * frac))
        else:  # one call with no progress of its own: the bar pulses (stages named in the card's detail line)
            stage("capture, solve, apply, verify", None)
            record = self.session.apply(plan)
        seconds = time.perf_counter() - start
        after = None
        if probe and record.status == "applied":
            stage("asking the probe after the edit", 0.95)
            after = self.ask(probe)
        stage("done", 1.0)
        return ApplyResult(record=record, seconds=seconds, probe=probe, before=before, after=after, stages=stages)

    def undo(self, edit_id: int):
        if not hasattr(self.session, "undo"):
            raise RepairError("undo is not available in this build yet (no Session.undo)")
        return self.session.undo(edit_id)

    def verify(self) -> tuple[bool, str | None]:
        """(intact?, the journal's one-line summary or the first problem it found, when it gives one)."""
        if not hasattr(self.session, "verify_journal"):
            raise RepairError("the audit log is not available in this build yet (no Session.verify_journal)")
        result = self.session.verify_journal()
        return bool(result), getattr(result, "message", None)

    @property
    def journal_problem(self) -> str | None:
        """Why the journal failed verification when the session opened (edits are then refused)."""
        return getattr(self.session, "journal_problem", None)

    def export(self, path: str, fmt: str) -> str:
        if not hasattr(self.session, "export"):
            raise RepairError("export is not available in this build yet (no Session.export)")
        out = self.session.export(Path(path).expanduser(), format=fmt)
        return str(out if out is not None else path)
