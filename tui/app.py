"""`repair chat`: a Textual app where people chat with the local model and say "forget X".

All model work (answers, plans, edits, undo, audit, export) runs in thread workers, one at a time,
so the UI stays responsive; replies stream into the transcript.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Footer, Input
from textual.worker import Worker, WorkerState, get_current_worker

from repair.errors import RepairError
from tui import commands
from tui.port import ApplyResult, Cancelled, SessionPort, TurnView
from tui.widgets import (
    ChatMessage,
    ConfirmScreen,
    EditsPanel,
    PlanCard,
    ProgressCard,
    RefusalCard,
    ResultCard,
    StatusBar,
    TargetScreen,
)


def describe(exc: BaseException) -> str:
    """One line for the transcript: a RepairError's own message, else the exception type and message."""
    return str(exc) if isinstance(exc, RepairError) else f"{type(exc).__name__}: {exc}"


class ChatInput(Input):
    BINDINGS = [Binding("enter", "submit", "Send", show=True)]


class RepairApp(App[int]):
    """Chat with the patient model; forget things on request; review, undo and audit edits."""

    CSS_PATH = "app.tcss"
    TITLE = "RePAIR"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding("f2", "toggle_edits", "Edits panel"),
        Binding("f3", "verify", "Verify log"),
        Binding("f4", "undo_selected", "Undo"),
        Binding("f1", "help", "Help"),
    ]

    def __init__(self, session, **kwargs):
        super().__init__(**kwargs)
        self.port = SessionPort(session)
        self.busy: str | None = None  # what the model is doing, None when idle
        self.quitting = False
        self.last_result: ApplyResult | None = None
        self.last_verify: bool | None = None
        self._progress: ProgressCard | None = None
        self._progress_start = 0.0

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield StatusBar(id="status")
        with Horizontal(id="main"):
            yield VerticalScroll(id="transcript")
            yield EditsPanel(id="edits")
        yield ChatInput(placeholder="Ask something, or say \"please forget …\"  (/help for commands)", id="prompt")
        yield Footer()

    def on_mount(self) -> None:
        self.status.set(model=self.port.model_name, backend=self.port.backend)
        self.query_one("#edits").display = False
        self.say("system", f"Chatting with {self.port.model_name}. Ask anything; say \"please forget X\" to "
                           "remove something from the model. F2: edits panel, /help: commands, Ctrl+Q: quit.")
        problem = self.port.journal_problem
        if problem:
            self.say("error", f"The edit journal failed verification when it was opened: {problem}. "
                              "Edits are disabled until it is repaired (repair log --verify).")
        self.refresh_edits()
        self.set_interval(0.5, self._tick)
        # progress bars and warnings printed by model work (tqdm writes to stderr) must not tear the
        # screen: capture them; during an apply the latest line is shown in the progress card
        self.begin_capture_print(self, stdout=True, stderr=True)
        self.query_one(ChatInput).focus()

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def transcript(self) -> VerticalScroll:
        return self.query_one("#transcript", VerticalScroll)

    @property
    def edits_panel(self) -> EditsPanel:
        return self.query_one(EditsPanel)

    def add(self, widget: Widget) -> Widget:
        self.transcript.mount(widget)
        self.transcript.scroll_end(animate=False)
        return widget

    def say(self, who: str, text: str) -> ChatMessage:
        return self.add(ChatMessage(who, text))  # type: ignore[return-value]

    def on_print(self, event: events.Print) -> None:
        lines = [line.strip() for line in event.text.replace("\r", "\n").splitlines() if line.strip()]
        if lines and self._progress is not None:
            self._progress.set_detail(lines[-1])

    def _tick(self) -> None:
        if self._progress is not None:
            self._progress.tick(time.perf_counter() - self._progress_start)

    # ------------------------------------------------------------------ busy state
    def _start(self, what: str) -> bool:
        if self.busy is not None:
            self.notify(f"Please wait: the model is busy ({self.busy}).", severity="warning")
            return False
        self.busy = what
        self.status.set(activity=f"{what} …")
        return True

    def _done(self) -> None:
        self.busy = None
        self.status.set(activity="ready")
        self.refresh_edits()
        if self.quitting:
            self.exit(0)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            if event.state == WorkerState.ERROR:
                self.say("error", f"{type(event.worker.error).__name__}: {event.worker.error}")
            if self.busy is not None and event.worker.group == "model":
                self._done()

    def refresh_edits(self) -> None:
        try:
            edits = self.port.edits()
        except Exception as exc:  # noqa: BLE001 - shown in the transcript; the app keeps running
            self.say("error", describe(exc))
            return
        self.status.set(active_edits=sum(1 for e in edits if e.status == "applied"))
        self.edits_panel.show(edits)

    def _call(self, fn: Callable, *args) -> None:
        """Run `fn(*args)` on the UI thread from a worker thread."""
        self.call_from_thread(fn, *args)

    # ------------------------------------------------------------------ input
    @on(Input.Submitted, "#prompt")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        if commands.is_command(text):
            echo = self.say("user", text)  # the transcript shows what was typed, then what it did
            try:
                cmd = commands.parse(text)
            except RepairError as exc:
                self.say("error", str(exc))
                event.input.value = ""
                return
            if self.run_command(cmd):
                event.input.value = ""
            else:  # the model is busy: nothing ran, the command stays in the input box
                echo.remove()
            return
        if not self._start("answering"):
            return
        event.input.value = ""
        self.say("user", text)
        reply = self.say("model", "")
        self.chat_worker(text, reply)

    def run_command(self, cmd: commands.Command) -> bool:
        """Run a slash command; False when it could not start (model busy)."""
        if cmd.name == "help":
            self.say("system", commands.help_text())
        elif cmd.name == "quit":
            self.call_later(self.action_quit)  # a coroutine: scheduled, not just created
        elif cmd.name == "log":
            self.show_log()
        elif cmd.name == "verify":
            return self.action_verify()
        elif cmd.name == "undo":
            self.confirm_undo(cmd.edit_id)
        elif cmd.name == "forget":
            if not self._start("planning"):
                return False
            self.plan_worker(cmd.target)
        elif cmd.name == "export":
            if not self._start("exporting"):
                return False
            self.export_worker(cmd.path, cmd.format)
        return True

    # ------------------------------------------------------------------ chat turn
    @work(thread=True, group="model", exit_on_error=False)
    def chat_worker(self, text: str, reply: ChatMessage) -> None:
        worker = get_current_worker()

        def piece(p: str) -> None:
            if worker.is_cancelled:
                raise Cancelled  # stops the generation loop so quitting does not wait for it
            self._call(reply.append, p)

        try:
            turn = self.port.chat(text, piece)
        except Cancelled:
            return
        except Exception as exc:  # shown in the transcript; the app keeps running
            self._call(reply.remove)
            self._call(self.say, "error", describe(exc))
            return
        self._call(self.show_turn, turn, reply)

    def show_turn(self, turn: TurnView, reply: ChatMessage) -> None:
        self.status.set(intent=turn.intent)
        if turn.refused:
            reply.remove()  # the card says it, with the guard's reason
            self.add(RefusalCard(turn.refused))
        elif turn.plan is not None:
            reply.become("system", turn.reply)  # RePAIR describing the plan, not the model talking
            self.add(PlanCard(turn.plan))
        else:
            reply.finish(turn.reply)
        if turn.edit is not None:
            self.say("system", f"edit #{turn.edit.id} applied: {turn.edit.target}")
        self.transcript.scroll_end(animate=False)

    # ------------------------------------------------------------------ forget: plan -> confirm -> apply
    @work(thread=True, group="model", exit_on_error=False)
    def plan_worker(self, target: str) -> None:
        try:
            turn = self.port.plan(target)
        except Exception as exc:  # noqa: BLE001 - shown in the transcript; the app keeps running
            self._call(self.add, RefusalCard(describe(exc)))
            return
        self._call(self.show_plan_turn, turn)

    def show_plan_turn(self, turn: TurnView) -> None:
        self.status.set(intent=turn.intent)
        if turn.refused:
            self.add(RefusalCard(turn.refused))
        elif turn.plan is not None:
            if turn.reply:
                self.say("system", turn.reply)
            self.add(PlanCard(turn.plan))

    @on(PlanCard.Chosen)
    def _plan_chosen(self, event: PlanCard.Chosen) -> None:
        plan = event.card.plan
        if event.choice == "cancel":
            self.say("system", f"Cancelled: nothing was changed ({plan.target}).")
            self.query_one(ChatInput).focus()
        elif event.choice == "edit":
            card = event.card

            def replan(target: str | None) -> None:
                if not target or target.strip() == plan.target:
                    card.reopen()  # dialog cancelled or nothing changed: the same plan is on offer again
                    return
                if self._start("planning"):
                    self.say("user", f"/forget {target}")
                    self.plan_worker(target)
                else:
                    card.reopen()
                    return
                self.query_one(ChatInput).focus()

            self.push_screen(TargetScreen(plan.target), replan)
        elif event.choice == "apply":
            if not self._start("applying edit"):
                event.card.reopen()
                return
            self._progress = ProgressCard(plan.target)
            self._progress_start = time.perf_counter()
            self.add(self._progress)
            self.query_one(ChatInput).focus()
            self.apply_worker(plan)

    @work(thread=True, group="model", exit_on_error=False)
    def apply_worker(self, plan) -> None:
        def stage(name: str, fraction: float | None) -> None:
            if self._progress is not None:
                self._call(self._progress.set_stage, name, fraction)

        try:
            result = self.port.apply(plan, stage)
        except Exception as exc:  # noqa: BLE001 - shown in the transcript; the app keeps running
            self._call(self.apply_failed, describe(exc))
            return
        self._call(self.show_result, result)

    def _end_progress(self) -> None:
        if self._progress is not None:
            self._progress.remove()  # the result (or failure) card takes its place
        self._progress = None

    def apply_failed(self, message: str) -> None:
        self._end_progress()
        self.add(RefusalCard(f"The edit was not applied: {message}"))

    def show_result(self, result: ApplyResult) -> None:
        self._end_progress()
        self.last_result = result
        self.add(ResultCard(result))

    # ------------------------------------------------------------------ edits panel, undo, audit
    def action_toggle_edits(self) -> None:
        panel = self.edits_panel
        panel.display = not panel.display
        if panel.display:
            self.refresh_edits()
            panel.query_one("DataTable").focus()
        else:
            self.query_one(ChatInput).focus()

    def show_log(self) -> None:
        edits = self.port.edits()
        if not edits:
            self.say("system", "The journal is empty: no edits yet.")
        else:
            lines = [f"#{e.id:<3} {e.status.replace('_', ' '):<11} {e.target}\n"
                     f"{'':17}layers {','.join(map(str, e.layers))}, rank {e.rank}, "
                     f"{e.created[:16].replace('T', ' ')} UTC" for e in edits]
            self.say("system", "Edit journal:\n" + "\n".join(lines))
        self.edits_panel.display = True
        self.refresh_edits()

    def action_undo_selected(self) -> None:
        if not self.edits_panel.display:
            self.action_toggle_edits()
            return
        edit_id = self.edits_panel.selected_id()
        if edit_id is None:
            self.notify("No edit to undo.", severity="warning")
            return
        self.confirm_undo(edit_id)

    @on(EditsPanel.UndoRequested)
    def _undo_requested(self, event: EditsPanel.UndoRequested) -> None:
        self.confirm_undo(event.edit_id)

    @on(EditsPanel.VerifyRequested)
    def _verify_requested(self, _event: EditsPanel.VerifyRequested) -> None:
        self.action_verify()

    def confirm_undo(self, edit_id: int) -> None:
        match = [e for e in self.port.edits() if e.id == edit_id]
        if not match:
            self.say("error", f"no edit #{edit_id} in the journal (see /log)")
            return
        if match[0].status != "applied":
            self.say("error", f"edit #{edit_id} is already {match[0].status.replace('_', ' ')}")
            return

        def answered(yes: bool | None) -> None:
            # back to the prompt: the next Enter sends the next question (it went to the edits table before)
            self.query_one(ChatInput).focus()
            if yes and self._start("undoing"):
                self.undo_worker(edit_id)
            elif not yes:
                self.say("system", f"Undo of edit #{edit_id} cancelled.")

        self.push_screen(ConfirmScreen(f"Undo edit #{edit_id} ({match[0].target})?\n"
                                       "The model's weights go back to what they were without it."), answered)

    @work(thread=True, group="model", exit_on_error=False)
    def undo_worker(self, edit_id: int) -> None:
        try:
            self.port.undo(edit_id)
        except Exception as exc:  # noqa: BLE001 - shown in the transcript; the app keeps running
            self._call(self.say, "error", describe(exc))
            return
        self._call(self.say, "system", f"Edit #{edit_id} undone: the model is back to how it was without it.")

    def action_verify(self) -> bool:
        if not self._start("verifying the audit log"):
            return False
        self.edits_panel.display = True
        self.verify_worker()
        return True

    @work(thread=True, group="model", exit_on_error=False)
    def verify_worker(self) -> None:
        try:
            ok, detail = self.port.verify()
            n = len(self.port.edits())
            if ok:
                message = f"Audit log verified: {detail or f'{n} edits, hash chain intact'}."
            else:
                message = f"Audit log verification FAILED: {detail or 'the journal was altered'}."
        except Exception as exc:  # noqa: BLE001 - shown in the transcript; the app keeps running
            ok, message = False, f"Audit log verification FAILED: {describe(exc)}"
        self._call(self.show_verify, ok, message)

    def show_verify(self, ok: bool, message: str) -> None:
        self.last_verify = ok
        self.edits_panel.set_audit(Text(message, style="bold green" if ok else "bold red"))
        self.say("system" if ok else "error", message)

    # ------------------------------------------------------------------ export, help, quit
    @work(thread=True, group="model", exit_on_error=False)
    def export_worker(self, path: str, fmt: str) -> None:
        try:
            out = self.port.export(path, fmt)
        except Exception as exc:  # noqa: BLE001 - shown in the transcript; the app keeps running
            self._call(self.say, "error", describe(exc))
            return
        n = self.port.active_edit_count()
        edits = f"{n} active edit{'s' if n != 1 else ''}"
        self._call(self.say, "system", f"Exported the model with {edits} ({fmt}) to {out}")

    def action_help(self) -> None:
        self.say("system", commands.help_text())

    async def action_quit(self) -> None:
        if self.busy in ("applying edit", "undoing") and not self.quitting:
            self.quitting = True
            self.notify("Finishing the edit in progress so the journal stays complete; quitting after it. "
                        "Press Ctrl+Q again to close the screen now (the edit still completes first).", timeout=10)
            return
        for worker in self.workers:
            worker.cancel()
        note = None
        if self.busy in ("applying edit", "undoing"):  # its thread cannot be stopped; the process waits for it
            what = "edit" if self.busy == "applying edit" else "undo"
            note = f"repair: finishing the {what} in progress before exiting (the journal stays complete) …"
        self.exit(0, message=note)
