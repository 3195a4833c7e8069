"""`repair chat --plain`: line-mode chat over the same session API as the Textual app.

Replies stream to stdout; a forget request prints the plan and asks `apply? [y/N]`; slash commands
work as in the app (`/forget X`, `/undo ID`, `/log`, `/verify`, `/export PATH`). Empty line or Ctrl+D quits.
"""

from __future__ import annotations

import sys
from typing import TextIO

from repair.errors import RepairError
from tui import commands
from tui.port import SessionPort, TurnView


def _confirm(prompt: str, stdin: TextIO, err: TextIO) -> bool:
    print(prompt, end="", file=err, flush=True)
    line = stdin.readline()
    return line.strip().lower() in ("y", "yes")


def _offer_plan(port: SessionPort, view: TurnView, stdin: TextIO, out: TextIO, err: TextIO) -> None:
    if view.refused:
        print(f"refused: {view.refused}", file=out)
        return
    if view.plan is None:
        return
    print(view.reply, file=out)
    if not _confirm("apply this edit? [y/N] ", stdin, err):
        print("cancelled: nothing was changed", file=out)
        return
    result = port.apply(view.plan, lambda name, _f: print(f"  … {name}", file=err, flush=True))
    rec = result.record
    if rec.status == "applied":
        print(f"edit #{rec.id} applied in {result.seconds:.1f} s; {result.probe!r}: before {result.before!r}, "
              f"after {result.after!r}; retain {rec.after.retain_correct}/{rec.after.retain_total}", file=out)
    else:
        print(f"edit #{rec.id} {rec.status.replace('_', ' ')}: {rec.reason}", file=out)


def _command(port: SessionPort, cmd: commands.Command, stdin: TextIO, out: TextIO, err: TextIO) -> bool:
    """Run one slash command; False means quit."""
    if cmd.name == "quit":
        return False
    if cmd.name == "help":
        print(commands.help_text(), file=out)
    elif cmd.name == "log":
        edits = port.edits()
        for e in edits:
            print(f"#{e.id:<3} {e.status:<11} {e.target}", file=out)
        if not edits:
            print("no edits yet", file=out)
    elif cmd.name == "verify":
        ok, detail = port.verify()
        print(f"audit log {'verified' if ok else 'verification FAILED'}: {detail or ''}".rstrip(": "), file=out)
    elif cmd.name == "undo":
        if _confirm(f"undo edit #{cmd.edit_id}? [y/N] ", stdin, err):
            port.undo(cmd.edit_id)
            print(f"edit #{cmd.edit_id} undone", file=out)
    elif cmd.name == "export":
        print(f"exported to {port.export(cmd.path, cmd.format)}", file=out)
    elif cmd.name == "forget":
        _offer_plan(port, port.plan(cmd.target), stdin, out, err)
    return True


def run_plain(session, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    port = SessionPort(session)
    print(f"RePAIR chat on {port.model_name} ({port.backend}). /help for commands; empty line or Ctrl+D quits.",
          file=err)
    while True:
        print("you> ", end="", file=err, flush=True)
        line = stdin.readline()
        if not line or not line.strip():
            print(file=err)
            return 0
        text = line.strip()
        try:
            if commands.is_command(text):
                if not _command(port, commands.parse(text), stdin, out, err):
                    return 0
                continue
            print("model> ", end="", file=out, flush=True)
            view = port.chat(text, lambda p: print(p, end="", file=out, flush=True))
            if view.plan is None and view.refused is None:
                print("" if view.streamed else view.reply, file=out)
            else:
                print(file=out)
                _offer_plan(port, view, stdin, out, err)
        except RepairError as exc:
            print(f"\nerror: {exc}", file=err)
