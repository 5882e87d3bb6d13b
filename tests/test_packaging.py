"""Packages people install the way they install everything else.

* A Linux wheel built with ``pip wheel``, installed into a fresh venv, run with
  no compiler on PATH: the compiled decoder is in it and ``tiktok-bridge run``
  publishes events.
* The cibuildwheel configuration in pyproject.toml builds CPython 3.11-3.13 on
  Linux, macOS and Windows (asked of cibuildwheel itself).
* Without the compiled decoder the daemon says so, once, with the fix.
* The Unreal plugin's Fab package and the committed icons (the Godot Asset
  Library zip is checked in real Godot by tests/test_godot.py).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import msgpack
import pytest
import zmq
from helpers import free_port

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = ROOT / "unreal_plugin" / "TikTokBridge"
CONTRACT_TYPES = {e["name"] for e in json.loads((ROOT / "docs" / "contract.json").read_text())["events"]}
COMPILERS = ("cc", "gcc", "g++", "c++", "clang", "clang++", "x86_64-linux-gnu-gcc")


def _run(cmd: list[str], timeout: float, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)  # type: ignore[call-overload, no-any-return]


# ---------------------------------------------------------------- the wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pip wheel` of a clean copy of the source tree (build products left out)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "artifacts", "*.so", "*.egg-info", "__pycache__", ".venv", ".cache",
            "_generated", "_native.c", ".godot",
        ),
    )  # fmt: skip
    out = tmp / "dist"
    env = {**os.environ, "BRIDGE_BUILD_EXTENSION": "yes"}
    env.pop("BRIDGE_PUREPYTHON", None)  # setup.py would leave the extension out (coverage's pure run)
    r = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)], 900, env=env
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    wheels = list(out.glob("tiktok_live_bridge-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel (and its dependencies from the index) installed."""
    path = tmp_path_factory.mktemp("venv") / "venv"
    r = _run([sys.executable, "-m", "venv", str(path)], 120)
    assert r.returncode == 0, r.stderr
    r = _run([str(path / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
              str(wheel)], 600)  # fmt: skip
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    return path


def test_wheel_is_a_platform_wheel_with_the_compiled_decoder(wheel: Path) -> None:
    assert "-cp3" in wheel.name and "linux" in wheel.name, f"not a CPython platform wheel: {wheel.name}"
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("bridge/_native.") and n.endswith(".so") for n in names), names
    assert "bridge/sim/scenarios/default.toml" in names
    assert not any(n.startswith(("tests/", "native/", "godot_addon/", "unreal_plugin/")) for n in names)
    source = {str(p.relative_to(ROOT)) for p in (ROOT / "bridge").rglob("*.py")}
    assert source <= set(names), f"modules missing from the wheel: {sorted(source - set(names))}"
    assert not any("fake" in n and "relay" in n for n in names), "test-only relays ship in the wheel"


def test_wheel_runs_in_a_fresh_venv_without_a_compiler(venv: Path, tmp_path: Path) -> None:
    bin_dir = venv / "bin"
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    assert not [c for c in COMPILERS if shutil.which(c, path=env["PATH"])], "a compiler is on PATH"
    probe = _run(
        [str(bin_dir / "python"), "-c", "import bridge, bridge.codec as c; print(c.IMPLEMENTATION, bridge.__file__)"],
        60, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    implementation, location = probe.stdout.split()
    assert implementation == "cython"
    assert Path(location).is_relative_to(venv), f"imported from {location}, not from the venv"

    port, control = free_port(), free_port()
    log = tmp_path / "daemon.log"
    ctx: zmq.Context[zmq.Socket[Any]] = zmq.Context.instance()
    sub = ctx.socket(zmq.SUB)
    sub.setsockopt(zmq.LINGER, 0)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect(f"tcp://127.0.0.1:{port}")
    with log.open("wb") as out:
        daemon = subprocess.Popen(
            [str(bin_dir / "tiktok-bridge"), "run", "--endpoint", f"tcp://127.0.0.1:{port}",
             "--control", f"tcp://127.0.0.1:{control}", "--rate", "100"],
            cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        types: set[str] = set()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(types - {"sys.heartbeat", "sys.status"}) < 3:
            if sub.poll(500):
                _topic, payload = sub.recv_multipart()
                types.add(msgpack.unpackb(payload)["type"])
            assert daemon.poll() is None, log.read_text()
    finally:
        os.killpg(daemon.pid, signal.SIGINT)
        daemon.wait(15)
        sub.close()
    assert len(types - {"sys.heartbeat", "sys.status"}) >= 3 and types <= CONTRACT_TYPES, types
    text = log.read_text()
    assert "decoder cython" in text and "not installed" not in text, text


def test_cibuildwheel_builds_cpython_311_to_313_everywhere() -> None:
    cibw = shutil.which("cibuildwheel", path=str(Path(sys.executable).parent))
    assert cibw, "cibuildwheel is a test dependency (pip install -e '.[test]')"
    for platform in ("linux", "macos", "windows"):
        r = _run([cibw, "--print-build-identifiers", "--platform", platform], 120, cwd=ROOT)
        assert r.returncode == 0, r.stderr
        ids = r.stdout.split()
        assert {i.split("-")[0] for i in ids} == {"cp311", "cp312", "cp313"}, (platform, ids)
        arch = {"linux": "manylinux_x86_64", "macos": "macosx_arm64", "windows": "win_amd64"}[platform]
        assert {f"cp{v}-{arch}" for v in (311, 312, 313)} <= set(ids), (platform, ids)


def test_daemon_says_once_when_the_compiled_decoder_is_missing(tmp_path: Path) -> None:
    """bridge._native made unimportable, as on an install without a compiler: one warning with the fix."""
    hide = (
        "import sys, importlib.abc\n"
        "class Hide(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'bridge._native':\n"
        "            raise ImportError('hidden by the test')\n"
        "sys.meta_path.insert(0, Hide())\n"
        "from bridge.cli.main import main\n"
        "sys.exit(main())\n"
    )

    def run(extra_env: dict[str, str]) -> str:
        env = {k: v for k, v in os.environ.items() if k not in ("BRIDGE_REQUIRE_NATIVE", "BRIDGE_PUREPYTHON")}
        proc = subprocess.Popen(
            [sys.executable, "-c", hide, "run", "--endpoint", f"tcp://127.0.0.1:{free_port()}",
             "--control", f"tcp://127.0.0.1:{free_port()}", "--rate", "50"],
            cwd=tmp_path, env={**env, **extra_env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, start_new_session=True,
        )  # fmt: skip
        time.sleep(3)
        os.killpg(proc.pid, signal.SIGINT)
        out, _ = proc.communicate(timeout=15)
        return out

    out = run({})
    assert out.count("the compiled decoder (bridge._native) is not installed") == 1, out
    assert "Fix: install a prebuilt wheel" in out and "pip install ." in out, out
    assert "decoder python" in out
    quiet = run({"BRIDGE_PUREPYTHON": "1"})
    assert "not installed" not in quiet and "decoder python" in quiet, quiet


# ---------------------------------------------------------------- the engine packages


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icons_are_current() -> None:
    r = _run([sys.executable, str(ROOT / "scripts" / "make_icons.py"), "--check"], 120)
    assert r.returncode == 0, r.stderr
    assert _png_size((PLUGIN / "Resources" / "Icon128.png").read_bytes()) == (128, 128)
    assert _png_size((ROOT / "godot_addon" / "icon.png").read_bytes()) == (256, 256)


def test_unreal_package_is_laid_out_for_fab(tmp_path: Path) -> None:
    url = "https://example.org/tiktok-live-bridge"  # any public https address; the release passes its own
    r = _run([sys.executable, str(ROOT / "scripts" / "package_engines.py"), "unreal", "--base-url", url,
              "--engine-version", "5.4.0", "--out", str(tmp_path)], 60)  # fmt: skip
    assert r.returncode == 0, r.stderr
    path = Path(r.stdout.strip())
    assert path.name == "TikTokBridge-1.0.0-UE5.4.zip"
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    assert all(n.startswith("TikTokBridge/") for n in names)
    assert not any(part in n for n in names for part in ("/Binaries/", "/Intermediate/", "/Saved/"))
    descriptor = json.loads(z.read("TikTokBridge/TikTokBridge.uplugin"))
    assert descriptor["DocsURL"] == f"{url}/blob/main/docs/unreal.md"
    assert descriptor["SupportURL"] == f"{url}/issues" and descriptor["CreatedByURL"] == url
    assert descriptor["EngineVersion"] == "5.4.0"
    for key in ("FriendlyName", "Description", "Category", "CreatedBy", "VersionName"):
        assert descriptor[key], key
    assert descriptor["FileVersion"] == 3 and descriptor["CanContainContent"] is False
    (module,) = descriptor["Modules"]
    assert set(module["PlatformAllowList"]) == {"Win64", "Mac", "Linux", "LinuxArm64", "Android", "IOS"}
    # FilterPlugin.ini names files the package really has
    filters = z.read("TikTokBridge/Config/FilterPlugin.ini").decode().splitlines()
    listed = [line for line in filters if line.startswith("/")]
    assert listed and all(f"TikTokBridge{line}" in names for line in listed), listed
    assert _png_size(z.read("TikTokBridge/Resources/Icon128.png")) == (128, 128)
    # every source file, unchanged
    for p in (PLUGIN / "Source").rglob("*"):
        if p.is_file():
            assert z.read(f"TikTokBridge/{p.relative_to(PLUGIN).as_posix()}") == p.read_bytes(), p
    bad = _run([sys.executable, str(ROOT / "scripts" / "package_engines.py"), "unreal", "--base-url", "x",
                "--out", str(tmp_path)], 60)  # fmt: skip
    assert bad.returncode != 0 and "https://" in bad.stderr
