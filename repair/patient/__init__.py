"""The patient model: loading (bundled or local weights), answering, activations, low-rank edits."""

from repair.patient.model import Capture, Patient
from repair.patient.registry import ModelSource, resolve

__all__ = ["Capture", "ModelSource", "Patient", "resolve"]
