"""`repair plan "forget who wrote 1984"`: print the surgeon's RepairPlan as JSON (no edit is made)."""

from __future__ import annotations

import argparse
import sys

from repair.errors import PolicyRefusal


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("request", nargs="+", help='the request or target, e.g. "forget who wrote 1984"')
    p.add_argument("--probe", action="append", default=[], help="a question that reveals the target (repeatable)")
    p.add_argument("--no-llm", action="store_true", help="template probes only (no local-LLM paraphrases)")
    p.add_argument("--trial-layers", action="store_true",
                   help="choose the layer by trial edits at the ready layers near the executor's (slower)")


def cmd_plan(args: argparse.Namespace) -> int:
    import repair
    from repair.patient.model import check_question
    from repair.surgeon import Surgeon
    from repair.surgeon.policy import check_target
    from repair.surgeon.text import parse_claim, strip_request

    request = check_question(" ".join(args.request))
    probes = [check_question(p) for p in args.probe] or None
    try:
        if parse_claim(request) is None:
            check_target(strip_request(request))  # refuse before loading a model
        session = repair.open(home=args.home, model=args.model)
        surgeon = Surgeon(session.patient, session.settings, use_llm=not args.no_llm, editor=session.editor,
                          layer_metric="trial" if args.trial_layers else None)
        plan = surgeon.plan_target(strip_request(request), probes=probes, request=request)
    except PolicyRefusal as exc:
        print(f"refused: {exc.reason}", file=sys.stderr)
        return 2
    print(plan.model_dump_json(indent=2))
    return 0
