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

    return repair.open(home=args.home, model=args.model)


def cmd_ask(args: argparse.Namespace) -> int:
    question = " ".join(args.question)
    from repair.patient.model import check_question

    check_question(question)  # fail fast, before loading a model
    print(_session(args).ask(question))
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    """The Textual chat app (`tui/`); `--plain` keeps a plain line-mode chat."""
    from tui.main import run_chat

    return run_chat(home=args.home, model=args.model, backend=getattr(args, "backend", None), plain=args.plain)


def _chat_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--plain", action="store_true", help="plain line-mode chat instead of the Textual app")
    if not any("--backend" in a.option_strings for a in p._actions):
        p.add_argument("--backend", default=None, help="generation backend (default: the session's choice)")


def cmd_forget(args: argparse.Namespace) -> int:
    """Forget a target: plan, apply the STAMP edit, verify, print the record."""
    from repair.editing import format_record
    from repair.patient.model import check_question

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
