"""Pilot helpers shared by the chat-app tests: a real session per test module, waiting for workers, typing."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

from textual.widgets import Input


def open_session(tmp_path_factory, name: str) -> Iterator:
    """A real session on the default model in a fresh REPAIR_HOME (yield it from a module fixture)."""
    import repair

    s = repair.open(home=tmp_path_factory.mktemp(name))
    yield s
    close = getattr(s, "close", None)
    if callable(close):
        close()


async def settle(app, pilot, wait: float) -> None:
    """Wait until every worker is done and the UI has processed what they posted (a hang still fails)."""
    await asyncio.wait_for(app.workers.wait_for_complete(), timeout=wait)
    await pilot.pause()
    await pilot.pause()


async def type_and_enter(app, pilot, text: str, wait: float) -> None:
    """Type `text` into the prompt and press Enter, as a person does (Enter goes to whatever has focus)."""
    app.query_one("#prompt", Input).value = text
    await pilot.press("enter")
    await pilot.pause()
    await settle(app, pilot, wait)
