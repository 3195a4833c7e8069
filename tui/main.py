"""Entry point of `repair chat`: open the session (errors are one line, before any screen is drawn), run the app."""

from __future__ import annotations

import inspect
import sys

from repair.errors import InvalidInputError


def open_session(home=None, model: str | None = None, backend: str | None = None):
    """`repair.open(home, model[, backend])`; raises RepairError (e.g. ModelNotFoundError) on bad input."""
    import repair
    from repair.config import DEFAULT_MODEL

    kwargs = {"home": home, "model": model or DEFAULT_MODEL}
    if backend is not None:
        if "backend" not in inspect.signature(repair.open).parameters:
            raise InvalidInputError("--backend is not supported by this build (only the default backend)")
        kwargs["backend"] = backend
    return repair.open(**kwargs)


def run_chat(home=None, model: str | None = None, backend: str | None = None, plain: bool = False) -> int:
    """Open the session, then run the Textual app (or the line-mode chat with `plain`)."""
    print(f"Loading {model or 'the default model'} …", file=sys.stderr, flush=True)
    session = open_session(home, model, backend)
    try:
        if plain:
            from tui.plain import run_plain

            return run_plain(session)
        from tui.app import RepairApp

        return int(RepairApp(session).run() or 0)
    finally:
        close = getattr(session, "close", None)
        if callable(close):
            close()
