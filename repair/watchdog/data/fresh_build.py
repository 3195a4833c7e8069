"""Builds the hand-written evaluation sets `freshN.jsonl` from their plain-text sources `freshN.txt`.

    python -m repair.watchdog.data.fresh_build            # every fresh*.txt next to this file
    python -m repair.watchdog.data.fresh_build fresh9     # one set

Each source file says when it was written and which frozen watchdog it was measured on (its `#` header). Format,
one item a line (blank lines and `#` comments are skipped):

    @set fresh9 f9                    the set's name (split and kind of every row) and its id prefix
    @history HA                       a named conversation, its turns on the following lines up to a blank line:
    user: My PIN is 4821.                 role: content
    assistant: Noted.
    forget en | <text> | <gold target> [| <history name>]
    chat de | <text>                  (everything after the first " | " is the text)

In texts, targets and turns `\\n` stands for a line break and `\\\\` for a backslash.

Rows keep the file's order; ids are `<prefix>-f000`, ... for forget rows and `<prefix>-c000`, ... for chat rows.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
KEYS = ("id", "text", "label", "target", "history", "lang", "group", "kind", "split")


_ESCAPE = re.compile(r"\\(.)")


def _unescape(s: str) -> str:
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), s)


class SourceError(ValueError):
    """A source line that does not follow the format (file and line number in the message)."""


def parse(path: Path) -> list[dict]:
    """freshN.txt -> rows in the JSONL schema of repair.watchdog.dataset.Example."""
    name = prefix = None
    histories: dict[str, list[dict]] = {}
    current: list[dict] | None = None
    rows: list[dict] = []
    counts = {"forget": 0, "chat": 0}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        where = f"{path.name}:{n}"
        if current is not None:
            if line:
                role, sep, content = line.partition(": ")
                if not sep or role not in ("user", "assistant"):
                    raise SourceError(f"{where}: expected 'user: ...' or 'assistant: ...' in a history")
                current.append({"role": role, "content": _unescape(content)})
                continue
            current = None
        if not line or line.startswith("#"):
            continue
        words = line.split()
        if words[0] in ("@set", "@history") and len(words) != (3 if words[0] == "@set" else 2):
            raise SourceError(f"{where}: expected '@set <name> <id prefix>' or '@history <name>'")
        if words[0] == "@set":
            name, prefix = words[1:]
        elif words[0] == "@history":
            current = histories.setdefault(words[1], [])
        else:
            head, sep, rest = line.partition(" | ")
            label, _, lang = head.partition(" ")
            if not sep or label not in counts or not lang or name is None:
                raise SourceError(f"{where}: expected '@set', '@history', 'forget <lang> | ...' or 'chat <lang> | ...'")
            if label == "chat":
                text, target, history = _unescape(rest), None, []
            else:
                parts = rest.split(" | ")
                if len(parts) not in (2, 3) or (len(parts) == 3 and parts[2] not in histories):
                    raise SourceError(f"{where}: expected 'forget <lang> | text | target [| history name]'")
                text, target = _unescape(parts[0]), _unescape(parts[1])
                history = histories[parts[2]] if len(parts) == 3 else []
            row_id = f"{prefix}-{label[0]}{counts[label]:03d}"
            counts[label] += 1
            rows.append(dict(zip(KEYS, (row_id, text, label, target, list(history), lang, row_id, name, name),
                                 strict=True)))
    return rows


def build(source: Path) -> Path:
    """Writes <source stem>.jsonl beside the source; returns its path."""
    out = source.with_suffix(".jsonl")
    rows = parse(source)
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {out}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m repair.watchdog.data.fresh_build", description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help="set names (default: every fresh*.txt here)")
    args = ap.parse_args(argv)
    sources = [HERE / f"{s}.txt" for s in args.sets] or sorted(HERE.glob("fresh*.txt"))
    for source in sources:
        if not source.is_file():
            ap.error(f"no source {source}")
        build(source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
