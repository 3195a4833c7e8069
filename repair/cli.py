"""`repair ...` verbs. Errors are one line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from repair.config import DEFAULT_MODEL
from repair.errors import RepairError


def _session(args: argparse.Namespace):
    import repair

    backend = getattr(args, "backend", None)
    return repair.open(home=args.home, model=args.model, **({"backend": backend} if backend else {}))


def cmd_ask(args: argparse.Namespace) -> int:
    question = " ".join(args.question)
    from repair.patient.model import check_question

    check_question(question)  # fail fast, before loading a model
    print(_session(args).ask(question))
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    """The Textual chat app (`tui/`); `--plain` keeps a plain line-mode chat."""
    from tui.main import run_chat

    return run_chat(home=args.home, model=args.model, backend=args.backend, plain=args.plain)


def _chat_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--plain", action="store_true", help="plain line-mode chat instead of the Textual app")


def cmd_forget(args: argparse.Namespace) -> int:
    """Forget a target: plan, apply the STAMP edit, verify, print the record."""
    from repair.editing import format_record
    from repair.errors import InvalidInputError
    from repair.patient.model import check_question

    if not " ".join(args.target).strip():
        raise InvalidInputError("empty target: say what to forget, e.g. repair forget \"the capital of Australia\"")
    target = check_question(" ".join(args.target))  # fail fast, before loading a model
    probes = [check_question(p) for p in args.probe] or None
    record = _session(args).forget(target, probes=probes)
    print(format_record(record))
    return 0 if record.status == "applied" else 1


def _forget_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("target", nargs="+", help='what to forget, e.g. "the capital of Australia"')
    p.add_argument("--probe", action="append", default=[], help="a question that reveals the target (repeatable)")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default=os.environ.get("REPAIR_MODEL", DEFAULT_MODEL),
                   help="registry name (smollm2-135m, gemma3-270m) or a path to a GGUF / HF folder")
    p.add_argument("--home", default=None, help="state folder (default: $REPAIR_HOME or ~/.local/share/repair)")
    p.add_argument("--backend", default=os.environ.get("REPAIR_BACKEND") or None, choices=("llama", "torch"),
                   help="chat backend: llama (llama.cpp + LoRA edits, default) or torch (fp32)")


def _bench_args(p: argparse.ArgumentParser) -> None:
    from evals.cli import configure

    configure(p)


def _cmd_bench(args: argparse.Namespace) -> int:
    from evals.cli import cmd_bench

    return cmd_bench(args)


def _plan_args(p: argparse.ArgumentParser) -> None:
    from repair.surgeon.cli import configure

    configure(p)


def _cmd_plan(args: argparse.Namespace) -> int:
    from repair.surgeon.cli import cmd_plan

    return cmd_plan(args)


def _watchdog_args(p: argparse.ArgumentParser) -> None:
    from repair.watchdog.cli import configure

    configure(p)


def _cmd_watchdog(args: argparse.Namespace) -> int:
    from repair.watchdog.cli import cmd_watchdog

    return cmd_watchdog(args)


def _journal(args: argparse.Namespace):
    """The edit journal under --home for --model, without loading the model (fast)."""
    from repair.session import open_journal

    return open_journal(home=args.home, model=args.model)


def _log_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--verify", action="store_true", help="check the hash chain and every delta file")
    p.add_argument("--json", action="store_true", help="print the edit records as JSON")


def cmd_log(args: argparse.Namespace) -> int:
    """Table of edits (newest last); --verify checks the journal and names the first bad entry."""
    import json

    from repair.errors import JournalError

    journal = _journal(args)
    records = journal.records()
    if not args.verify and not journal.verification.ok:
        print(f"warning: the journal failed verification: {journal.verification.message}", file=sys.stderr)
    if args.json:
        print(json.dumps([r.model_dump(mode="json") for r in records], indent=2))
    elif not records:
        print(f"no edits yet (journal: {journal.folder})")
    else:
        print(f"{'id':>3}  {'created':<24} {'status':<11} {'layers':<9} {'rank':>4}  {'forget':>6}  "
              f"{'retain':>6}  target")
        for r in records:
            forget = f"{r.after.forget_revealed}/{r.after.forget_total}" if r.after.forget_total else "-"
            retain = f"{r.after.retain_correct}/{r.after.retain_total}" if r.after.retain_total else "-"
            layers = ",".join(map(str, r.layers)) or "-"
            print(f"{r.id:>3}  {r.created[:24]:<24} {r.status:<11} {layers:<9} {r.rank:>4}  {forget:>6}  "
                  f"{retain:>6}  {r.target}")
    if args.verify:
        v = journal.verify()
        if not v.ok:
            raise JournalError(f"journal verification FAILED: {v.message}")
        print(v.message)
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    """Undo one edit: journaled (history kept); the model is recomputed without it when next opened."""
    from repair.session import check_edit_id

    edit_id = check_edit_id(args.id)
    record = _journal(args).mark_undone(edit_id)
    print(f"edit {record.id} ({record.target}) undone; the model no longer includes it")
    return 0


def _export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", required=True, choices=("safetensors", "lora", "gguf"),
                   help="safetensors: merged HF folder; lora: PEFT adapter folder; gguf: a llama.cpp model file")
    p.add_argument("path", help="output folder (safetensors, lora) or .gguf file; must not exist yet")


def cmd_export(args: argparse.Namespace) -> int:
    """Export the edited model (all active edits) in the chosen format."""
    from repair.export import check_target

    check_target(args.path, args.format)  # fail fast, before loading a model
    session = _session(args)
    out = session.export(args.path, format=args.format)
    n = len([r for r in session.edits() if r.status == "applied"])
    print(f"exported {session.settings.model} with {n} active edit(s) as {args.format}: {out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="repair", description="Interactive machine unlearning for a local LLM.")
    sub = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    verbs: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable]] = {
        "chat": ("chat with the model in the terminal (Textual app; --plain for line mode)", _chat_args, cmd_chat),
        "forget": ("make the model forget something (STAMP edit, verified; prints the edit record)",
                   _forget_args, cmd_forget),
        "bench": ("run the forget/retain benchmark (STAMP vs GA/GradDiff/NPO); writes JSON, Markdown, PNG",
                  _bench_args, _cmd_bench),
        "plan": ("print the repair plan for a forget request as JSON (no edit)", _plan_args, _cmd_plan),
        "watchdog": ("print the watchdog's verdict on one chat turn as JSON (kind, target, score)",
                     _watchdog_args, _cmd_watchdog),
        "log": ("list the edit journal (--verify: check it is untampered)", _log_args, cmd_log),
        "undo": ("undo one edit by id (kept in the journal as undone)",
                 lambda p: p.add_argument("id", help="edit id, as shown by `repair log`"), cmd_undo),
        "export": ("export the edited model: merged safetensors, LoRA adapter, or GGUF", _export_args, cmd_export),
        "ask": ("answer one question (no watchdog, no edit)",
                lambda p: p.add_argument("question", nargs="+"), cmd_ask),
    }
    for name, (help_text, configure, func) in verbs.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        _common(p)
        configure(p)
        p.set_defaults(func=func)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except RepairError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
