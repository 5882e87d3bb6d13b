"""scripts/generate.py: one entry point for every generator, and the write-or-check helper they share."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATE = ROOT / "scripts" / "generate.py"


def _helper() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_generated", ROOT / "scripts" / "_generated.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_generated_file_is_current() -> None:
    """The contract, the Godot and Unreal code and the wire tables, in one run."""
    result = subprocess.run(
        [sys.executable, str(GENERATE), "--check"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_check_reports_stale_files_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    helper = _helper()
    (tmp_path / "same.txt").write_text("same\n")
    (tmp_path / "old.txt").write_text("old\n")
    outputs = {Path("same.txt"): "same\n", Path("old.txt"): "new\n", Path("sub") / "added.txt": "added\n"}
    assert helper.run(outputs, tmp_path, True, "make it") == 1
    err = capsys.readouterr().err
    assert "stale: old.txt" in err and "stale: sub/added.txt" in err and "same.txt" not in err
    assert "run: python make it" in err
    assert (tmp_path / "old.txt").read_text() == "old\n" and not (tmp_path / "sub").exists()

    assert helper.run(outputs, tmp_path, False, "make it") == 0
    assert (tmp_path / "old.txt").read_text() == "new\n" and (
        tmp_path / "sub" / "added.txt"
    ).read_text() == "added\n"
    assert helper.write_or_check(outputs, tmp_path, True) == []


def test_unknown_step_is_refused() -> None:
    result = subprocess.run(
        [sys.executable, str(GENERATE), "--check", "--only", "nope"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_the_pre_commit_hook_runs_for_every_generator_input_and_output() -> None:
    """.pre-commit-config.yaml's generator check fires whenever a file scripts/generate.py reads or writes changes."""
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    hook = re.search(r"- id: generated\n(?:\s{8}.*\n)*?\s{8}files: (.+)\n", config)
    assert hook is not None, "no files: pattern for the generated hook"
    pattern = re.compile(hook.group(1))
    written = subprocess.run(
        [sys.executable, "-c", "import generate; print(*generate.outputs(), sep='\\n')"],
        cwd=ROOT / "scripts",
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.split()
    read = ["bridge/contract.py", "proto/webcast.proto", "scripts/generate.py", "scripts/gen_wire.py"]
    read += ["godot_addon/tools/gen_contract.py", "unreal_plugin/tools/gen_events.py"]
    assert len(written) > 10
    assert [path for path in written + read if not pattern.match(path)] == []
