"""Slash commands typed in the chat input: `/forget X`, `/undo ID`, `/log`, `/export PATH [FORMAT]`, `/help`.

Parsing is pure (no app, no model) so it is tested on its own. Bad input raises `InvalidInputError`
with a one-line message the app shows in the transcript.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from repair.errors import InvalidInputError

EXPORT_FORMATS = ("safetensors", "gguf", "lora")

HELP = {
    "forget": "/forget X          plan an edit that makes the model forget X (you confirm before it is applied)",
    "undo": "/undo ID            undo edit ID (asks for confirmation)",
    "log": "/log                list the edit journal (and open the edits panel)",
    "verify": "/verify             verify the audit log's hash chain",
    "export": "/export PATH [FMT]  write the edited model; FMT is safetensors, gguf or lora (default: from PATH)",
    "help": "/help               this list",
    "quit": "/quit               leave (same as Ctrl+Q)",
}


@dataclass(frozen=True)
class Command:
    name: str  # one of HELP's keys
    target: str | None = None  # /forget
    edit_id: int | None = None  # /undo
    path: str | None = None  # /export
    format: str | None = None  # /export


def is_command(text: str) -> bool:
    return text.lstrip().startswith("/")


def export_format(path: str, explicit: str | None = None) -> str:
    """The export format: `explicit` if given, else from the file suffix (.gguf -> gguf, else safetensors)."""
    if explicit is not None:
        fmt = explicit.lower()
        if fmt not in EXPORT_FORMATS:
            raise InvalidInputError(f"unknown export format {explicit!r}: use one of {', '.join(EXPORT_FORMATS)}")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix == ".gguf":
        return "gguf"
    return "safetensors"


def parse(text: str) -> Command:
    """Parse one slash command line. Raises InvalidInputError with usage on bad input."""
    stripped = text.strip()
    if not stripped.startswith("/"):
        raise InvalidInputError("not a command (commands start with /)")
    head, _, rest = stripped[1:].partition(" ")
    name, rest = head.lower(), rest.strip()
    if name in ("forget", "f"):
        target = rest.strip().strip("\"'").strip()
        if not target:
            raise InvalidInputError("usage: /forget X  (say what to forget, e.g. /forget the capital of France)")
        return Command("forget", target=target)
    if name in ("undo", "u"):
        token = rest.lstrip("#")
        if not token.isdigit():
            raise InvalidInputError("usage: /undo ID  (the edit's number, see /log)")
        return Command("undo", edit_id=int(token))
    if name in ("log", "edits", "l"):
        if rest:
            raise InvalidInputError("usage: /log  (no arguments)")
        return Command("log")
    if name in ("verify", "audit"):
        return Command("verify")
    if name == "export":
        parts = rest.split()
        if not parts or len(parts) > 2:
            raise InvalidInputError("usage: /export PATH [safetensors|gguf|lora]")
        fmt = export_format(parts[0], parts[1] if len(parts) == 2 else None)
        return Command("export", path=parts[0], format=fmt)
    if name in ("help", "h", "?"):
        return Command("help")
    if name in ("quit", "exit", "q"):
        return Command("quit")
    raise InvalidInputError(f"unknown command /{name}: try /help")


def help_text() -> str:
    return "\n".join(HELP.values())
