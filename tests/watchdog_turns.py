"""A conversation for watchdog history tests: each user turn followed by a neutral assistant reply."""


def turns(*said: str) -> list[dict]:
    """[{"role": "user", "content": s}, {"role": "assistant", "content": "Okay."}, ...] for each s in `said`."""
    out = []
    for s in said:
        out += [{"role": "user", "content": s}, {"role": "assistant", "content": "Okay."}]
    return out
