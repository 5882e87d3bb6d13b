"""No test reads or writes the user's home: ``HOME`` is a temporary directory for the whole run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import REAL_HOME
from helpers import free_port


def test_home_is_a_fresh_temporary_directory(temporary_home: Path) -> None:
    assert Path.home() == temporary_home == Path(os.environ["HOME"]) != REAL_HOME
    assert not (temporary_home / ".config" / "tiktok-live-bridge").exists()  # nothing to rely on
    assert "XDG_STATE_HOME" not in os.environ and "XDG_CONFIG_HOME" not in os.environ
    # Godot's download cache stays the user's (a cache, not state): scripts/install-godot.sh reads this
    assert not Path(os.environ["GODOT_CACHE_DIR"]).is_relative_to(temporary_home)


def test_a_daemon_started_by_a_test_keeps_its_ledger_in_the_temporary_home(temporary_home: Path) -> None:
    """The default ``game.ledger_dir`` (``~/.local/state/...``) resolves inside the temporary home."""
    ledger = temporary_home / ".local" / "state" / "tiktok-live-bridge" / "ledger"
    started = time.time()
    command = [sys.executable, "-m", "bridge", "run", "--rate", "50", "--no-console"]
    command += ["--endpoint", f"tcp://127.0.0.1:{free_port()}", "--control", f"tcp://127.0.0.1:{free_port()}"]
    env = {k: v for k, v in os.environ.items() if k != "BRIDGE_GAME_LEDGER_DIR"}
    daemon = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert daemon.stderr is not None
        deadline = time.monotonic() + 30
        for line in daemon.stderr:
            if "connected (ok)" in line or time.monotonic() > deadline:
                break
        time.sleep(0.5)
    finally:
        daemon.send_signal(signal.SIGINT)
        _, err = daemon.communicate(timeout=20)
    assert daemon.returncode == 0, err
    journal = ledger / "simulated.jsonl"  # the built-in scenario's room
    assert journal.exists() and journal.stat().st_mtime >= started - 1, f"no journal in {ledger}"
