"""Slash command parsing (pure) and the `repair chat` CLI's one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from repair.errors import InvalidInputError
from tui import commands


def test_forget_takes_the_rest_of_the_line():
    cmd = commands.parse("  /forget   the capital of Australia ")
    assert cmd.name == "forget" and cmd.target == "the capital of Australia"
    assert commands.parse('/forget "Bob\'s address"').target == "Bob's address"


def test_undo_needs_a_number():
    assert commands.parse("/undo 3").edit_id == 3
    assert commands.parse("/undo #12").edit_id == 12
    for bad in ("/undo", "/undo x", "/undo -1", "/undo 1.5"):
        with pytest.raises(InvalidInputError, match="usage: /undo"):
            commands.parse(bad)


def test_log_export_help_quit():
    assert commands.parse("/log").name == "log"
    assert commands.parse("/LOG").name == "log"
    with pytest.raises(InvalidInputError):
        commands.parse("/log extra")
    exp = commands.parse("/export /tmp/out.gguf")
    assert (exp.name, exp.path, exp.format) == ("export", "/tmp/out.gguf", "gguf")
    assert commands.parse("/export out.safetensors").format == "safetensors"
    assert commands.parse("/export adapters lora").format == "lora"
    with pytest.raises(InvalidInputError, match="unknown export format"):
        commands.parse("/export out.bin onnx")
    with pytest.raises(InvalidInputError, match="usage: /export"):
        commands.parse("/export")
    assert commands.parse("/help").name == "help"
    assert commands.parse("/quit").name == "quit"


def test_forget_without_target_and_unknown_commands_fail_clearly():
    with pytest.raises(InvalidInputError, match="usage: /forget"):
        commands.parse("/forget   ")
    with pytest.raises(InvalidInputError, match="unknown command /frobnicate"):
        commands.parse("/frobnicate now")
    assert commands.is_command(" /log") and not commands.is_command("what is /log?")


def test_chat_cli_missing_model_is_one_line(tmp_path):
    env = {**os.environ, "REPAIR_HOME": str(tmp_path / "home"), "HF_HUB_OFFLINE": "1"}
    for args in (["chat", "--model", "no-such-model"], ["chat", "--model", str(tmp_path / "missing.gguf")]):
        r = subprocess.run([sys.executable, "-m", "repair.cli", *args], capture_output=True, text=True, env=env,
                           timeout=300, stdin=subprocess.DEVNULL)
        assert r.returncode == 1, r.stderr
        err = [line for line in r.stderr.strip().splitlines() if not line.startswith("Loading ")]
        assert len(err) == 1 and err[0].startswith("error: "), r.stderr
        assert "Traceback" not in r.stderr
