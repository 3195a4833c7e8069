"""Typed errors. Every failure a user can cause is one of these, with a one-line message."""


class RepairError(Exception):
    """Base class: the CLI prints `error: <message>` and exits non-zero, never a traceback."""


class ModelNotFoundError(RepairError):
    """Unknown model name, or a path that does not exist."""


class ModelLoadError(RepairError):
    """The model file exists but cannot be read (not a GGUF, truncated, unsupported)."""


class InvalidInputError(RepairError):
    """Empty, oversized or otherwise unusable input from the caller."""


class PolicyRefusal(RepairError):
    """The policy guard refused a repair request; `reason` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class EditError(RepairError):
    """An edit could not be computed, applied or undone."""


class JournalError(RepairError):
    """The edit journal is unreadable, locked, tampered with or belongs to another model."""
