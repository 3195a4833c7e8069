"""The Textual chat app driven by Pilot on the real default model (no mocks).

Workers (model work) are awaited with `app.workers.wait_for_complete()`, never with fixed sleeps, so the
tests only take as long as the machine needs.
"""

from __future__ import annotations

import asyncio

import pytest
import tui_pilot
from textual.widgets import DataTable, Input

from repair.data import contains_answer
from tui.app import RepairApp
from tui.widgets import ChatMessage, EditsPanel, RefusalCard

SIZE = (120, 48)
WAIT = 900  # seconds; the machine is shared and slow, a hang still fails


@pytest.fixture(scope="module")
def session(cache_dir, tmp_path_factory):
    yield from tui_pilot.open_session(tmp_path_factory, "tui-home")


async def settle(app, pilot) -> None:
    await tui_pilot.settle(app, pilot, WAIT)


async def submit(app, pilot, text: str) -> None:
    await tui_pilot.type_and_enter(app, pilot, text, WAIT)


def messages(app, who: str) -> list[str]:
    return [m.text for m in app.query(ChatMessage) if m.who == who]


def test_chat_reply_status_bar_and_commands(session):
    async def run():
        app = RepairApp(session)
        async with app.run_test(size=SIZE) as pilot:
            status = app.status
            assert status.backend == session.backend
            assert status.model == session.settings.model and status.activity == "ready"
            await submit(app, pilot, "What is the capital of Japan?")
            replies = messages(app, "model")
            assert len(replies) == 1 and contains_answer(replies[0], ["Tokyo"]), replies
            assert messages(app, "user") == ["What is the capital of Japan?"]
            assert status.activity == "ready" and status.active_edits == 0
            assert app.query_one("#prompt", Input).value == ""

            # slash commands are parsed in the app; errors are shown, not raised
            await submit(app, pilot, "/help")
            assert "/forget X" in messages(app, "system")[-1]
            await submit(app, pilot, "/undo")
            assert messages(app, "error")[-1].startswith("usage: /undo")
            await submit(app, pilot, "/frobnicate")
            assert "unknown command /frobnicate" in messages(app, "error")[-1]
            await submit(app, pilot, "/undo 99")
            assert "no edit #99" in messages(app, "error")[-1]
            # each typed command is echoed in the transcript before what it did
            assert messages(app, "user")[1:] == ["/help", "/undo", "/frobnicate", "/undo 99"]

            # the edits panel toggles with F2 and starts empty
            panel = app.query_one(EditsPanel)
            assert not panel.display
            await pilot.press("f2")
            assert panel.display and app.query_one(DataTable).row_count == 0
            await pilot.press("f2")
            assert not panel.display
            assert not list(app.query(RefusalCard))

            # /quit leaves the app like Ctrl+Q
            assert app.return_value is None
            await submit(app, pilot, "/quit")
            assert app.return_value == 0

    asyncio.run(run())
