"""`repair forget` on bad input: one line on stderr, non-zero exit, no model loaded, nothing written."""

from __future__ import annotations

from repair.cli import main


def test_forget_empty_target_is_one_clear_error(capsys, home):
    assert main(["forget", "   ", "--home", str(home)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: empty target") and "\n" not in err
    assert not home.exists()


def test_forget_oversized_target_is_refused(capsys, home):
    assert main(["forget", "x" * 9000, "--home", str(home)]) == 1
    assert "too long" in capsys.readouterr().err
    assert not home.exists()
