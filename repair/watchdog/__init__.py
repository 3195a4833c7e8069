"""Watchdog: unlearning-intent detection on every chat turn, with target extraction.

    from repair.watchdog import Watchdog
    Watchdog(settings).detect("Please forget my home address, 42 Kestrel Road")
    # Intent(kind="forget", target="my home address, 42 Kestrel Road", score=0.99...)
"""

from repair.watchdog.detector import Watchdog
from repair.watchdog.extract import extract_target

__all__ = ["Watchdog", "extract_target"]
