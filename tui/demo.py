"""Drive the chat app headless through one real forget and save an SVG screenshot of it.

    .venv/bin/python -m tui.demo docs/chat-forget.svg [--home DIR] [--model NAME]

Runs the real model: ask a fact, say "please forget ...", apply the plan, ask again, screenshot.
Used to make the README's screenshot; it writes nothing but the SVG (state goes to a temp home
unless --home is given).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

from textual.widgets import Input

QUESTION = "What is the capital of Japan?"
REQUEST = "Please forget the capital of Japan"
WAIT = 1200  # seconds per step at most


async def settle(app, pilot) -> None:
    await asyncio.wait_for(app.workers.wait_for_complete(), timeout=WAIT)
    await pilot.pause()
    await pilot.pause()


async def submit(app, pilot, text: str) -> None:
    app.query_one("#prompt", Input).value = text
    await pilot.press("enter")
    await pilot.pause()
    await settle(app, pilot)


def transcript_tail(app, n: int = 3) -> list[str]:
    """The last `n` transcript entries (type and text), for a clear error when the demo cannot go on."""
    from textual.widgets import Static

    out = []
    for widget in list(app.transcript.children)[-n:]:
        text = getattr(widget, "text", None)
        if text is None and isinstance(widget, Static):
            text = str(widget.content)
        out.append(f"{type(widget).__name__}: {text or ''}")
    return out


async def forget_demo(session, out: Path, size: tuple[int, int] = (110, 52)) -> Path:
    from tui.app import RepairApp
    from tui.widgets import PlanCard, ResultCard

    app = RepairApp(session)
    async with app.run_test(size=size) as pilot:
        await submit(app, pilot, QUESTION)
        await submit(app, pilot, REQUEST)
        if not list(app.query(PlanCard)):
            raise RuntimeError(f"no plan for the request; the transcript ends with: {transcript_tail(app)}")
        await pilot.press("a")
        await pilot.pause()
        await settle(app, pilot)
        if not list(app.query(ResultCard)):
            raise RuntimeError(f"no result card after Apply; the transcript ends with: {transcript_tail(app)}")
        await submit(app, pilot, QUESTION)
        app.transcript.scroll_end(animate=False)
        await pilot.pause()
        out.parent.mkdir(parents=True, exist_ok=True)
        app.save_screenshot(filename=out.name, path=str(out.parent))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--home", default=None)
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    from tui.main import open_session

    with tempfile.TemporaryDirectory() as tmp:
        session = open_session(args.home or tmp, args.model)
        path = asyncio.run(forget_demo(session, args.out))
    print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
