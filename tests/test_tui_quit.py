"""Quitting the chat app while a reply is still streaming is clean on the torch backend.

It used to abort the whole process (exit 134, "terminate called without an active exception"): the
torch generation thread kept running after the app quit and was still inside torch when the
interpreter shut down. The app runs in a subprocess so the interpreter's exit is part of the test.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent(
    """
    import asyncio, sys, threading, time

    from textual.widgets import Input

    import repair
    from tui.app import RepairApp
    from tui.widgets import ChatMessage

    def reply(app):
        return "".join(m.text for m in app.query(ChatMessage) if m.who == "model")

    async def main():
        session = repair.open(home=sys.argv[1], backend="torch")
        app = RepairApp(session)
        async with app.run_test(size=(100, 30)) as pilot:
            app.query_one("#prompt", Input).value = "Tell me a long story about a dragon and a knight."
            await pilot.press("enter")
            deadline = time.monotonic() + 600
            while not reply(app).strip():
                assert time.monotonic() < deadline, "no reply piece within 600 s"
                await asyncio.sleep(0.05)
            assert app.busy == "answering", app.busy  # still streaming when the person quits
            print("REPLY-AT-QUIT", repr(reply(app)))
            await pilot.press("ctrl+q")
        session.close()

    asyncio.run(main())  # returns once the app's worker threads are done
    alive = [t.name for t in threading.enumerate() if t is not threading.main_thread() and t.is_alive()]
    print("ALIVE", alive)
    """
)


def test_quit_mid_reply_on_torch_backend_exits_cleanly(cache_dir, tmp_path):
    env = {**os.environ, "REPAIR_CACHE_DIR": str(cache_dir), "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1"}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "home")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, (proc.returncode, proc.stdout[-2000:], proc.stderr[-4000:])
    lines = {line.split(" ", 1)[0]: line for line in proc.stdout.splitlines() if " " in line}
    assert "REPLY-AT-QUIT" in lines and "ALIVE" in lines, proc.stdout
    # the generation thread (Patient.stream's `run`) was stopped and joined, not left running
    assert "(run)" not in lines["ALIVE"], lines["ALIVE"]
