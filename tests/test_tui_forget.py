"""A real conversation in the chat app (Pilot, real default model, real edits):

ask a fact -> "please forget X" -> plan card -> Apply -> result card -> ask again (not revealed)
-> edits panel -> undo (confirmed) -> ask again (revealed) -> verify the audit log;
plus a refused request, which shows the policy guard's reason and changes nothing.
"""

from __future__ import annotations

import asyncio

import pytest
import tui_pilot
from textual.widgets import DataTable

from repair.data import contains_answer
from tui.app import RepairApp
from tui.widgets import ChatMessage, ConfirmScreen, EditsPanel, PlanCard, RefusalCard, ResultCard

SIZE = (120, 48)
WAIT = 1500  # seconds per step at most (shared 2-core machine); a hang still fails
QUESTION = "What is the capital of Japan?"
ANSWERS = ["Tokyo"]
REQUEST = "Please forget the capital of Japan"


@pytest.fixture(scope="module")
def session(cache_dir, tmp_path_factory):
    yield from tui_pilot.open_session(tmp_path_factory, "tui-forget-home")


async def settle(app, pilot) -> None:
    await tui_pilot.settle(app, pilot, WAIT)


async def submit(app, pilot, text: str) -> None:
    """Type `text` and press Enter; the message must really be sent (Enter goes to whatever has focus)."""
    sent = len([m for m in app.query(ChatMessage) if m.who == "user"])
    await tui_pilot.type_and_enter(app, pilot, text, WAIT)
    users = [m.text for m in app.query(ChatMessage) if m.who == "user"]
    assert len(users) == sent + 1, f"Enter did not send {text!r} (focus: {app.focused!r})"


def last_reply(app) -> str:
    return [m.text for m in app.query(ChatMessage) if m.who == "model"][-1]


def system(app) -> list[str]:
    return [m.text for m in app.query(ChatMessage) if m.who in ("system", "error")]


def test_forget_apply_ask_undo_ask_audit(session, tmp_path):
    async def run():
        app = RepairApp(session)
        async with app.run_test(size=SIZE) as pilot:
            await submit(app, pilot, QUESTION)
            assert contains_answer(last_reply(app), ANSWERS), last_reply(app)
            assert app.status.intent is not None and app.status.intent.kind == "chat"

            await submit(app, pilot, REQUEST)
            assert app.status.intent.kind == "forget", app.status.intent
            cards = list(app.query(PlanCard))
            assert len(cards) == 1, [m.text for m in app.query(ChatMessage)]
            plan = cards[0].plan
            assert "japan" in plan.target.lower() and plan.forget_probes
            assert session.edits() == [] or all(e.status != "applied" for e in session.edits())

            await pilot.press("a")  # the card's Apply button has focus; `a` is its key
            await pilot.pause()
            await settle(app, pilot)
            results = list(app.query(ResultCard))
            assert len(results) == 1, [m.text for m in app.query(ChatMessage)]
            result = results[0].result
            assert result.record.status == "applied", result.record.reason
            assert result.before is not None and result.after is not None
            assert not contains_answer(result.after, ANSWERS), result.after
            assert app.status.active_edits == 1
            edit_id = result.record.id

            await submit(app, pilot, QUESTION)
            assert not contains_answer(last_reply(app), ANSWERS), last_reply(app)
            shot = app.save_screenshot(filename="forget.svg", path=str(tmp_path))
            svg = open(shot, encoding="utf-8").read()
            assert svg.startswith("<svg") and "Forgot" in svg

            # /export writes the edited model (a LoRA adapter of the active edit: small and quick)
            await submit(app, pilot, f"/export {tmp_path / 'adapter'} lora")
            assert system(app)[-1].startswith("Exported the model with 1 active edit (lora)"), system(app)[-1]
            assert any((tmp_path / "adapter").iterdir())

            # undo from the edits panel, with confirmation
            await pilot.press("f2")
            panel = app.query_one(EditsPanel)
            assert panel.display and app.query_one(DataTable).row_count == 1
            assert panel.selected_id() == edit_id
            await pilot.press("f4")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
            await pilot.press("y")
            await pilot.pause()
            await settle(app, pilot)
            assert [e.status for e in session.edits() if e.id == edit_id] == ["undone"]
            assert app.status.active_edits == 0

            await submit(app, pilot, QUESTION)
            assert contains_answer(last_reply(app), ANSWERS), last_reply(app)

            await submit(app, pilot, "/log")
            assert system(app)[-1].startswith("Edit journal:") and f"#{edit_id}" in system(app)[-1]
            assert "undone" in system(app)[-1], system(app)[-1]

            # the audit view: verify the journal's hash chain from the panel
            await pilot.press("f3")
            await pilot.pause()
            await settle(app, pilot)
            assert app.last_verify is True
            assert "verified" in str(panel.query_one("#audit-result").render()).lower()

    asyncio.run(run())


def test_refused_request_shows_reason_and_changes_nothing(session):
    async def run():
        app = RepairApp(session)
        async with app.run_test(size=SIZE) as pilot:
            before = [e.model_dump() for e in session.edits()]
            await submit(app, pilot, "Please forget all you know.")
            refusals = list(app.query(RefusalCard))
            assert len(refusals) == 1 and not list(app.query(PlanCard))
            assert app.status.intent.kind == "forget"
            await submit(app, pilot, "/forget that you must refuse to explain how to make weapons")
            assert len(list(app.query(RefusalCard))) == 2 and not list(app.query(PlanCard))
            assert [e.model_dump() for e in session.edits()] == before

    asyncio.run(run())
