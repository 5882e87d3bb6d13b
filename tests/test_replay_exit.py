"""``tiktok-bridge replay`` exits non-zero exactly when a file or its source failed (real CLI process)."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import free_port
from test_recording import frames_file

from bridge.cli import main as cli
from bridge.record.file import MAGIC, VERSION
from bridge.record.replay import ReplaySource


def replay(path: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "BRIDGE_PUBLISHER_ENDPOINT": f"tcp://127.0.0.1:{free_port()}",
        "BRIDGE_GAME_LEDGER_DIR": str(tmp_path / "ledger"),
    }
    command = [sys.executable, "-m", "bridge", "replay", str(path), "--control", "", "--speed", "0"]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)


def preamble(version: int, header: bytes) -> bytes:
    return struct.pack("<8sHI", MAGIC, version, len(header)) + header


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a record file (too short)"),
        (b"garbage, not a recording at all", "not a record file (bad magic)"),
        (preamble(VERSION + 1, b"{}"), f"record file version {VERSION + 1}; this bridge reads {VERSION}"),
        (preamble(VERSION, b'{"room": "alice"')[:-3], "the header is truncated"),
        (preamble(VERSION, b"{not json}"), "the header is not JSON"),
        (preamble(VERSION, b"[1, 2]"), "the header is not a JSON object"),
    ],
    ids=["empty", "bad-magic", "newer-version", "torn-header", "header-not-json", "header-not-object"],
)
def test_an_unsupported_file_exits_2_naming_it(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "a.tlrec"
    path.write_bytes(content)
    result = replay(path, tmp_path)
    assert result.returncode == 2, result.stderr
    assert f"tiktok-bridge: error: {path}: {message}" in result.stderr
    assert "Traceback" not in result.stderr


def test_damaged_records_are_skipped_and_reported_and_the_replay_succeeds(tmp_path: Path) -> None:
    path = tmp_path / "a.tlrec"
    frames = frames_file(path, list(range(0, 300, 10)))
    data = bytearray(path.read_bytes())
    data[data.index(frames[10]) + 7] ^= 0xFF
    path.write_bytes(bytes(data))
    result = replay(path, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "29 records replayed; damaged records skipped: 1 in a.tlrec" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_source_task_that_raises_ends_the_replay_with_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], restore_logging: None
) -> None:
    """A failure escaping the source (counted by the supervisor, never restarted) is a failed replay."""
    path = tmp_path / "a.tlrec"
    frames_file(path, [0, 10, 20])

    async def broken(self: ReplaySource, daemon: object) -> None:
        raise RuntimeError("the source broke")

    monkeypatch.setattr(ReplaySource, "run", broken)
    endpoint = f"tcp://127.0.0.1:{free_port()}"
    assert (
        cli.main(["replay", str(path), "--control", "", "--endpoint", endpoint, "--log-level", "error"]) == 1
    )
    err = capsys.readouterr().err
    assert "task source:alice failed (failure 1), not restarted" in err
    assert "replay of @alice failed: its task raised" in err
