"""`repair watchdog "text"`: print the watchdog's Intent for one turn as JSON (no model is loaded)."""

from __future__ import annotations

import argparse
import json
import sys


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("text", nargs="+", help='the user turn, e.g. "please forget my address"; "-" reads stdin')
    p.add_argument("--prior", action="append", default=[], metavar="TEXT",
                   help="an earlier user turn, oldest first (repeatable); resolves 'forget what I just told you'")


def cmd_watchdog(args: argparse.Namespace) -> int:
    from repair.config import Settings
    from repair.watchdog import Watchdog

    text = " ".join(args.text)
    if text == "-":
        text = sys.stdin.buffer.read().decode("utf-8", errors="replace")
    history = [{"role": "user", "content": t} for t in args.prior]
    intent = Watchdog(Settings.create(home=args.home, model=args.model)).detect(text, history=history)
    print(json.dumps(intent.model_dump(mode="json"), ensure_ascii=False))
    return 0
