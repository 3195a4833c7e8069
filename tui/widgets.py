"""Widgets of the chat app: status bar, transcript messages, plan/progress/result cards, edits panel, dialogs."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, ProgressBar, Static

from repair.records import EditRecord, Intent, RepairPlan
from tui.port import ApplyResult


# ---------------------------------------------------------------------------------------------- status bar
class StatusBar(Static):
    """model · backend · active edits · watchdog verdict of the last turn · what the app is doing."""

    def __init__(self, **kwargs):
        super().__init__("", **kwargs)
        self.model = "?"
        self.backend = "?"
        self.active_edits = 0
        self.intent: Intent | None = None
        self.activity = "ready"

    def set(self, **values) -> None:
        for key, value in values.items():
            setattr(self, key, value)
        self.update(self.render_text())

    def verdict(self) -> str:
        if self.intent is None:
            return "—"
        return f"{self.intent.kind} {self.intent.score:.2f}"

    def render_text(self) -> Text:
        text = Text()
        for label, value in (("model", self.model), ("backend", self.backend),
                             ("edits", str(self.active_edits)), ("watchdog", self.verdict())):
            text.append(f" {label} ", style="dim")
            style = "bold red" if label == "watchdog" and self.intent and self.intent.kind == "forget" else "bold"
            text.append(value, style=style)
            text.append("  │")
        text.append(f" {self.activity}", style="italic")
        return text


# ---------------------------------------------------------------------------------------------- transcript
class ChatMessage(Static):
    """One transcript entry. Model text is shown literally (no markup)."""

    def __init__(self, who: str, text: str = "", **kwargs):
        super().__init__("", markup=False, **kwargs)
        self.who = who
        self.text = text
        self.add_class(f"msg-{who}")
        self.refresh_text()

    def refresh_text(self) -> None:
        prefix = {"user": "you", "model": "model", "system": "repair", "error": "error"}.get(self.who, self.who)
        body = Text()
        body.append(f"{prefix}: ", style="bold")
        body.append(self.text)
        self.update(body)

    def append(self, piece: str) -> None:
        self.text += piece
        self.refresh_text()

    def finish(self, text: str) -> None:
        self.text = text
        self.refresh_text()

    def become(self, who: str, text: str) -> None:
        self.remove_class(f"msg-{self.who}")
        self.who = who
        self.add_class(f"msg-{who}")
        self.finish(text)


def _grid() -> Table:
    """Two columns, label and value: a long value wraps under itself, not under the label."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", style="dim", no_wrap=True)
    grid.add_column(ratio=1)
    return grid


def _plan_lines(plan: RepairPlan) -> Table:
    grid = _grid()
    rows = [
        ("target", plan.target),
        ("subject", plan.subject),
        ("category", plan.category),
        ("leaks if", ", ".join(repr(a) for a in plan.answers) or "—"),
        ("layers", ", ".join(map(str, plan.layers)) or "chosen by STAMP"),
        ("rank", str(plan.rank)),
        ("refusal", plan.refusal),
    ]
    for key, value in rows:
        grid.add_row(key, Text(value))
    probes = plan.forget_probes[:3]
    if probes:
        text = Text("\n".join(probes))
        more = len(plan.forget_probes) - len(probes)
        if more > 0:
            text.append(f"\n(+{more} more, {len(plan.check_probes)} held-out checks)", style="dim")
        grid.add_row("probes", text)
    return grid


class PlanCard(Vertical):
    """A proposed edit with Apply / Edit target / Cancel. Keys: a, e, escape (when the card has focus)."""

    BINDINGS = [
        Binding("a", "choose('apply')", "Apply"),
        Binding("e", "choose('edit')", "Edit target"),
        Binding("escape,c", "choose('cancel')", "Cancel"),
    ]

    class Chosen(Message):
        def __init__(self, card: PlanCard, choice: str):
            super().__init__()
            self.card = card
            self.choice = choice

    def __init__(self, plan: RepairPlan, **kwargs):
        super().__init__(**kwargs)
        self.plan = plan
        self.decided = False

    def compose(self) -> ComposeResult:
        yield Label("Repair plan — apply this edit?", classes="card-title")
        yield Static(_plan_lines(self.plan), classes="card-body")
        with Horizontal(classes="card-buttons"):
            yield Button("Apply", id="apply", variant="success")
            yield Button("Edit target", id="edit", variant="primary")
            yield Button("Cancel", id="cancel", variant="default")

    def on_mount(self) -> None:
        self.query_one("#apply", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(event.button.id or "cancel")

    def reopen(self) -> None:
        """Offer the choice again (e.g. after the target dialog was cancelled)."""
        self.decided = False
        for cls in ("chose-apply", "chose-edit", "chose-cancel"):
            self.remove_class(cls)
        for button in self.query(Button):
            button.disabled = False
        self.query_one("#apply", Button).focus()

    def action_choose(self, choice: str) -> None:
        if self.decided:
            return
        self.decided = True
        for button in self.query(Button):
            button.disabled = True
        self.add_class(f"chose-{choice}")
        self.post_message(self.Chosen(self, choice))


class RefusalCard(Static):
    def __init__(self, reason: str, **kwargs):
        text = Text()
        text.append("Refused — no edit made\n", style="bold")
        text.append(reason)
        super().__init__(text, **kwargs)


class ProgressCard(Vertical):
    """Progress of one apply: stage name, bar, elapsed seconds."""

    def __init__(self, target: str, **kwargs):
        super().__init__(**kwargs)
        self.target = target
        self.stage = "starting"
        self.elapsed = 0.0

    def compose(self) -> ComposeResult:
        yield Label(f"Applying edit: forget {self.target}", classes="card-title")
        yield ProgressBar(total=100, show_eta=False, id="bar")
        yield Static("starting", id="stage")
        yield Static("", id="detail", classes="dim", markup=False)

    def _child(self, selector: str):
        """A child widget, or None while the card is still being composed (updates may arrive before)."""
        found = list(self.query(selector))
        return found[0] if found else None

    def set_stage(self, stage: str, fraction: float | None) -> None:
        """`fraction` of the whole apply done (0..1), or None while a step of unknown length runs (the bar pulses)."""
        self.stage = stage
        bar = self._child("#bar")
        if bar is not None:
            if fraction is None:
                bar.update(total=None)
            else:
                bar.update(total=100, progress=round(100 * max(0.0, min(1.0, fraction))))
        self.tick(self.elapsed)

    def set_detail(self, line: str) -> None:
        """The latest progress line printed by the work (e.g. a tqdm bar), shown as is."""
        detail = self._child("#detail")
        if detail is not None:
            detail.update(line[:200])

    def tick(self, elapsed: float) -> None:
        self.elapsed = elapsed
        label = self._child("#stage")
        if label is not None:
            label.update(f"{self.stage} … {elapsed:.0f} s")


def result_text(result: ApplyResult) -> Group:
    rec = result.record
    head = Text()
    if rec.status == "rolled_back":
        head.append(f"Edit #{rec.id} rolled back", style="bold")
        head.append(f" — {rec.reason or 'verification failed'}")
    else:
        head.append(f"Forgot: {rec.target}", style="bold")
        head.append(f"   edit #{rec.id}")
    grid = _grid()
    steps = "  ".join(f"{k} {v:.1f}s" for k, v in rec.timings.items())
    grid.add_row("time", Text(f"{result.seconds:.1f} s" + (f"  ({steps})" if steps else "")))
    if result.probe:
        grid.add_row("probe", Text(result.probe))
        grid.add_row("before", Text((result.before or "").strip()))
        if result.after is not None:
            grid.add_row("after", Text(result.after.strip()))
    grid.add_row("forget", Text(f"revealed {rec.before.forget_revealed}/{rec.before.forget_total} probes before, "
                                f"{rec.after.forget_revealed}/{rec.after.forget_total} after"))
    ok = rec.after.retain_correct == rec.before.retain_correct
    grid.add_row("retain", Text(f"{rec.after.retain_correct}/{rec.after.retain_total} canaries still answered "
                                f"(before: {rec.before.retain_correct}/{rec.before.retain_total})",
                                style="green" if ok else "yellow"))
    layers = ", ".join(map(str, rec.layers))
    grid.add_row("edit", Text(f"#{rec.id}  layers {layers}  rank {rec.rank}  sha256 {rec.delta_sha256[:12]}"))
    return Group(head, grid)


class ResultCard(Static):
    def __init__(self, result: ApplyResult, **kwargs):
        super().__init__(result_text(result), **kwargs)
        self.result = result
        if result.record.status != "applied":
            self.add_class("rolled-back")


# ---------------------------------------------------------------------------------------------- edits panel
class EditsPanel(Vertical):
    """The journal's entries; undo the selected one (u), verify the audit log (v)."""

    BINDINGS = [
        Binding("u", "undo", "Undo selected"),
        Binding("v", "verify", "Verify log"),
    ]

    class UndoRequested(Message):
        def __init__(self, edit_id: int):
            super().__init__()
            self.edit_id = edit_id

    class VerifyRequested(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Label("Edits (journal)", classes="card-title")
        table: DataTable = DataTable(id="edits-table", cursor_type="row", zebra_stripes=True)
        yield table
        with Horizontal(classes="panel-buttons"):
            yield Button("Undo", id="undo-selected", variant="warning")
            yield Button("Verify log", id="verify-log", variant="primary")
        yield Static("", id="audit-result")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("id", "status", "target", "layers", "created UTC")

    def show(self, edits: list[EditRecord]) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for e in edits:
            target = e.target if len(e.target) <= 24 else e.target[:23] + "…"
            table.add_row(str(e.id), e.status.replace("_", " "), target, ",".join(map(str, e.layers)),
                          e.created[5:16].replace("T", " "), key=str(e.id))  # MM-DD HH:MM (rank: /log)
        self.edits = edits

    def selected_id(self) -> int | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        row = table.get_row_at(table.cursor_row)
        return int(row[0])

    def set_audit(self, text: Text | str) -> None:
        self.query_one("#audit-result", Static).update(text)

    @on(Button.Pressed, "#undo-selected")
    def _undo_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_undo()

    @on(Button.Pressed, "#verify-log")
    def _verify_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_verify()

    def action_undo(self) -> None:
        edit_id = self.selected_id()
        if edit_id is None:
            self.notify("No edit to undo.", severity="warning")
            return
        self.post_message(self.UndoRequested(edit_id))

    def action_verify(self) -> None:
        self.post_message(self.VerifyRequested())


# ---------------------------------------------------------------------------------------------- dialogs
class ConfirmScreen(ModalScreen[bool]):
    """Yes/no dialog (y / n / escape)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-text", markup=False)
            with Horizontal(classes="card-buttons"):
                yield Button("Yes (y)", id="yes", variant="error")
                yield Button("No (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class TargetScreen(ModalScreen[str | None]):
    """Edit the plan's target (enter keeps it, escape cancels)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, target: str):
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("What should the model forget?")
            yield Input(value=self.target, id="target-input")
            yield Static("Enter: plan again with this target   Escape: cancel", classes="dim")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
