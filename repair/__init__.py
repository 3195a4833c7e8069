"""RePAIR: interactive, training-free machine unlearning for a local LLM.

    import repair
    s = repair.open()                       # embedded default model, state under REPAIR_HOME
    s.ask("What is the capital of France?")
"""

from repair.errors import (
    EditError,
    InvalidInputError,
    JournalError,
    ModelLoadError,
    ModelNotFoundError,
    PolicyRefusal,
    RepairError,
)
from repair.records import Canary, EditRecord, Intent, RepairPlan, Turn
from repair.session import Session, open

__all__ = [
    "Canary",
    "EditError",
    "EditRecord",
    "Intent",
    "InvalidInputError",
    "JournalError",
    "ModelLoadError",
    "ModelNotFoundError",
    "PolicyRefusal",
    "RepairError",
    "RepairPlan",
    "Session",
    "Turn",
    "open",
]
