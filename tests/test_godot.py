"""The Godot addon, tested in real headless Godot 4 against the real daemon.

Godot comes from scripts/install-godot.sh (Debian sid's package, unpacked into
a private root in the user's cache; about 20 s the first time). Without Godot
these tests FAIL; set BRIDGE_SKIP_GODOT=1 to skip them on purpose.

The GDScript runners live in godot_addon/tests/ and run on a temporary copy of
godot_addon/ (a Godot project holding the addon), so the repository gets no
.godot/ cache. Every Godot run and daemon is bounded by timeouts.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import msgpack
import pytest
import zmq

ROOT = Path(__file__).resolve().parents[1]
ADDON_PROJECT = ROOT / "godot_addon"
DEMO = ROOT / "examples" / "godot_demo"
TOOLS = ADDON_PROJECT / "tools"
HEARTBEAT_SECONDS = float(os.environ.get("GODOT_HEARTBEAT_SECONDS", "30"))
DAEMON_HEARTBEAT = 0.4  # publisher.heartbeat_interval in the end-to-end run (the default is 1.0)

pytestmark = [
    pytest.mark.godot,
    pytest.mark.skipif(os.environ.get("BRIDGE_SKIP_GODOT") == "1", reason="BRIDGE_SKIP_GODOT=1"),
]

# Godot prints these for invalid UTF-8 in strings (the fuzz run makes plenty); they are not failures.
_HARMLESS = re.compile(r"^Unicode parsing error")
_FAILURE = re.compile(
    r"SCRIPT ERROR|Parse Error|^ERROR:|Failed to load script|Invalid call|Segmentation fault|Aborted"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def godot() -> str:
    try:
        out = subprocess.run(
            [str(ROOT / "scripts" / "install-godot.sh")],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("scripts/install-godot.sh took over 10 minutes")
    if out.returncode != 0:
        pytest.fail(
            f"scripts/install-godot.sh failed (set BRIDGE_SKIP_GODOT=1 to skip Godot tests):\n{out.stderr}"
        )
    path = out.stdout.strip().splitlines()[-1]
    version = subprocess.run([path, "--headless", "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("4."), version
    return path


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("godot") / "project"
    shutil.copytree(ADDON_PROJECT, dest, ignore=shutil.ignore_patterns(".godot", "tools", "__pycache__"))
    return dest


class GodotRun:
    """One headless Godot process; output is read line by line as it comes."""

    def __init__(
        self,
        godot: str,
        args: list[str],
        on_line: Callable[[str], None] | None = None,
        env: dict[str, str] | None = None,
        headless: bool = True,
    ) -> None:
        self.lines: list[str] = []
        self._on_line = on_line
        self.proc = subprocess.Popen(
            [godot, *(["--headless"] if headless else []), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        with self.proc.stdout:  # closed at end of output
            for line in self.proc.stdout:
                line = line.rstrip("\n")
                self.lines.append(line)
                if self._on_line is not None:
                    self._on_line(line)

    def wait(self, timeout: float) -> int:
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
            self._reader.join(5)
            pytest.fail(f"Godot did not finish within {timeout} s:\n" + self.output())
        self._reader.join(10)
        return rc

    def output(self) -> str:
        return "\n".join(line for line in self.lines if not _HARMLESS.match(line))


def run_runner(
    godot: str,
    project: Path,
    script: str,
    user_args: list[str],
    timeout: float,
    on_line: Callable[[str], None] | None = None,
) -> str:
    """Runs a GDScript test runner; fails unless it reports no failures and no script errors."""
    run = GodotRun(godot, ["--path", str(project), "-s", f"res://tests/{script}", "--", *user_args], on_line)
    rc = run.wait(timeout)
    out = run.output()
    print(out)
    failures = [line for line in run.lines if _FAILURE.search(line) and not _HARMLESS.match(line)]
    result = re.search(r"^RESULT: (\d+) passed, (\d+) failed$", out, re.M)
    assert result, f"{script}: no RESULT line (exit code {rc})"
    assert not failures, f"{script}: Godot reported errors:\n" + "\n".join(failures)
    assert result.group(2) == "0" and rc == 0, f"{script}: {result.group(0)}, exit code {rc}"
    assert int(result.group(1)) > 0
    return out


class Daemon:
    """`python -m bridge run` on free ports, restartable, stoppable."""

    def __init__(self, workdir: Path, extra: list[str] | None = None, rate: int = 200) -> None:
        self.port = free_port()
        self.control_port = free_port()
        self.workdir = workdir
        self.extra = extra or []
        self.rate = rate
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def endpoint(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    @property
    def control(self) -> str:
        return f"tcp://127.0.0.1:{self.control_port}"

    def start(self) -> None:
        self.starts += 1
        command = [sys.executable, "-m", "bridge", "run", "--endpoint", self.endpoint]
        command += ["--control", self.control, "--rate", str(self.rate), *self.extra]
        with (self.workdir / f"daemon{self.starts}.log").open("wb") as log:  # the child keeps its own copy
            self.proc = subprocess.Popen(
                command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.wait_ready()

    def wait_ready(self, timeout: float = 20.0) -> None:
        ctx: zmq.Context[zmq.Socket[bytes]] = zmq.Context.instance()
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            assert self.proc is not None and self.proc.poll() is None, "daemon exited:\n" + self.log()
            req = ctx.socket(zmq.REQ)
            req.setsockopt(zmq.LINGER, 0)
            req.connect(self.control)
            req.send(b"ping")
            ready = req.poll(500)
            reply = msgpack.unpackb(req.recv()) if ready else None
            req.close()
            if reply == {"ok": True, "result": "pong"}:
                return
            time.sleep(0.1)
        pytest.fail("daemon not answering ping on its control endpoint:\n" + self.log())

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGCONT)
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def signal(self, sig: int) -> None:
        assert self.proc is not None
        os.killpg(self.proc.pid, sig)

    def log(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.workdir.glob("daemon*.log")))


@pytest.fixture
def daemon_factory(tmp_path: Path) -> Iterator[Callable[..., Daemon]]:
    made: list[Daemon] = []

    def make(extra: list[str] | None = None, rate: int = 200) -> Daemon:
        d = Daemon(tmp_path, extra, rate)
        made.append(d)
        d.start()
        return d

    yield make
    for d in made:
        d.kill()


@pytest.fixture(scope="module")
def capture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real daemon output (every kind of message), recorded with tools/capture.py."""
    work = tmp_path_factory.mktemp("capture")
    scenario = every_kind_scenario(work)
    d = Daemon(work, ["--scenario", str(scenario)], rate=600)
    d.start()
    try:
        out = work / "capture.bin"
        subprocess.run(
            [
                sys.executable,
                str(TOOLS / "capture.py"),
                d.endpoint,
                str(out),
                "--count",
                "2500",
                "--seconds",
                "20",
            ],
            check=True,
            timeout=60,
        )
    finally:
        d.kill()
    return out


def every_kind_scenario(directory: Path) -> Path:
    """The default scenario with every message kind equally likely."""
    text = (ROOT / "bridge" / "sim" / "scenarios" / "default.toml").read_text()
    start, end = text.index("[mix]"), text.index("[[gifts]]")
    kinds = re.findall(r"(?m)^(\w+)\s*=", text[start:end])
    text = text[:start] + "[mix]\n" + "".join(f"{k} = 1\n" for k in kinds) + "\n" + text[end:]
    path = directory / "every-kind.toml"
    path.write_text(text.replace('name = "default"', 'name = "every-kind"'))
    return path


# ---------------------------------------------------------------- tests


def test_contract_gd_is_fresh() -> None:
    """godot_addon/addons/tiktok_bridge/contract.gd matches docs/contract.json."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--check", "--only", "godot"],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr


ZIP_CHECK = """extends SceneTree
func _initialize() -> void:
	var ok := 0
	for f in DirAccess.get_files_at("res://addons/tiktok_bridge"):
		if f.ends_with(".gd"):
			var script: GDScript = load("res://addons/tiktok_bridge/" + f)
			ok += 1 if script != null and script.can_instantiate() else 0
	var bridge: Node = load("res://addons/tiktok_bridge/tiktok_bridge.gd").new()
	bridge.auto_connect = false  # no daemon here (and never the default port in tests)
	root.add_child(bridge)
	var cfg := ConfigFile.new()
	cfg.load("res://addons/tiktok_bridge/plugin.cfg")
	print("ZIP_CHECK ", JSON.stringify({"scripts": ok, "plugin": cfg.get_value("plugin", "script", ""),
		"state": bridge.get_connection_state_name()}))
	quit()
"""


def test_asset_library_zip(godot: str, tmp_path: Path) -> None:
    """scripts/package_engines.py godot: one root folder with only addons/tiktok_bridge/ (licence and icon
    inside); installed as the Asset Library installer does (root folder stripped), it loads in Godot."""
    r = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "package_engines.py"), "godot", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    archive = zipfile.ZipFile(r.stdout.strip())
    names = archive.namelist()
    roots = {n.split("/", 1)[0] for n in names}
    assert len(roots) == 1 and roots.pop().startswith("tiktok_bridge-godot-"), names
    inside = {n.split("/", 1)[1] for n in names}
    addon = ADDON_PROJECT / "addons" / "tiktok_bridge"
    expected = {f"addons/tiktok_bridge/{p.name}" for p in addon.iterdir() if p.is_file()}
    assert inside == expected | {"addons/tiktok_bridge/LICENSE", "addons/tiktok_bridge/icon.png"}, inside
    proj = tmp_path / "fresh"
    proj.mkdir()
    (proj / "project.godot").write_text('config_version=5\n\n[application]\n\nconfig/name="fresh"\n')
    for name in names:
        dest = proj / name.split("/", 1)[1]
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(archive.read(name))
    (proj / "zip_check.gd").write_text(ZIP_CHECK)
    report = godot_report(godot, ["--path", str(proj), "-s", "res://zip_check.gd"], "ZIP_CHECK ", 60)
    assert report == {"scripts": len([n for n in expected if n.endswith(".gd")]), "plugin": "plugin.gd",
                      "state": "disconnected"}, report  # fmt: skip


def test_install_script_is_idempotent(godot: str) -> None:
    t0 = time.monotonic()
    out = subprocess.run(
        [str(ROOT / "scripts" / "install-godot.sh")], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0 and out.stdout.strip() == godot
    assert time.monotonic() - t0 < 10, "a second run reuses the install"


def test_zmtp_core(godot: str, project: Path, vectors: Path) -> None:
    out = run_runner(godot, project, "test_zmtp.gd", [f"--vectors={vectors}"], timeout=120)
    transcripts = (vectors / "zmtp.tsv").read_text().count("\n")
    assert f"ZMTP:{transcripts} shared transcripts" in out


def test_events_cannot_crash_handlers(godot: str, project: Path) -> None:
    """Every contract event type with every optional key absent, read with plain indexing by handlers."""
    out = run_runner(godot, project, "test_events.gd", [], timeout=60)
    assert "every event type with every optional key absent" in out


def test_msgpack_against_python(godot: str, project: Path, capture: Path, tmp_path: Path) -> None:
    """The shared vectors (tests/vectors/generate.py, the C++ suite reads them too), plus real daemon payloads."""
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "vectors" / "generate.py"),
            str(tmp_path),
            "--capture",
            str(capture),
        ],
        check=True,
        timeout=60,
    )
    out = run_runner(
        godot, project, "test_msgpack.gd", [f"--vectors={tmp_path / 'msgpack.json'}"], timeout=120
    )
    daemon_payloads = int(re.search(r"(\d+) daemon payloads", out).group(1))  # type: ignore[union-attr]
    assert daemon_payloads >= 40, "real daemon payloads of (nearly) every type are in the vectors"


def test_fuzz(godot: str, project: Path) -> None:
    run_runner(godot, project, "test_fuzz.gd", ["--iterations=3000"], timeout=120)


def test_end_to_end(godot: str, project: Path, daemon_factory: Callable[..., Daemon], tmp_path: Path) -> None:
    """Every event type on its signal, control requests, restart, heartbeats, watchdog, limits, filters.

    The daemon heartbeats every DAEMON_HEARTBEAT s, not the contract's default: the watchdog
    must follow the interval the daemon announces in sys.heartbeat."""
    config = tmp_path / "bridge.toml"
    config.write_text(
        f"[publisher]\nheartbeat_interval = {DAEMON_HEARTBEAT}\n"
        "zmq_heartbeat_ivl = 0.2\nzmq_heartbeat_timeout = 0.6\n"
        f'[game]\nledger_dir = "{tmp_path / "ledger"}"\n'
    )
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rules]]\nname = "thanks"\non = "follow"\nparams = { greeting = "hi" }\n')
    scenario = every_kind_scenario(tmp_path)
    daemon = daemon_factory(["-c", str(config), "--rules", str(rules), "--scenario", str(scenario)])
    errors: list[str] = []

    def on_line(line: str) -> None:
        try:
            if line == "E2E:restart":
                daemon.kill()
                time.sleep(0.5)
                daemon.start()
            elif line == "E2E:stop":
                daemon.signal(signal.SIGSTOP)
            elif line == "E2E:cont":
                daemon.signal(signal.SIGCONT)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(f"{line}: {e!r}")

    run_runner(
        godot,
        project,
        "test_e2e.gd",
        [
            f"--endpoint={daemon.endpoint}",
            f"--control={daemon.control}",
            f"--heartbeat-seconds={HEARTBEAT_SECONDS}",
            f"--daemon-heartbeat={DAEMON_HEARTBEAT}",
            f"--timeout={HEARTBEAT_SECONDS + 150}",
        ],
        timeout=HEARTBEAT_SECONDS + 180,
        on_line=on_line,
    )
    assert not errors, errors
    assert daemon.starts == 2


def test_reconnect_to_restarted_daemon(
    godot: str, project: Path, daemon_factory: Callable[..., Daemon]
) -> None:
    """Default settings: after an outage longer than the backoff cap, the client is back within
    reconnect_max_delay (3 s) of the daemon answering again, having waited jittered delays."""
    daemon = daemon_factory(rate=50)
    back: list[float] = []
    connected: list[float] = []
    delays: list[list[float]] = []
    threads: list[threading.Thread] = []

    def outage() -> None:
        daemon.kill()
        time.sleep(8.0)
        daemon.start()  # returns once the daemon answers on its control endpoint
        back.append(time.monotonic())

    def on_line(line: str) -> None:
        if line == "RECONNECT:ready":
            threads.append(threading.Thread(target=outage, daemon=True))
            threads[-1].start()
        elif line == "RECONNECT:connected":
            connected.append(time.monotonic())
        elif line.startswith("RECONNECT:delays "):
            delays.append(json.loads(line.removeprefix("RECONNECT:delays ")))

    run_runner(godot, project, "test_reconnect.gd", [f"--endpoint={daemon.endpoint}"], 90, on_line)
    for t in threads:
        t.join(30)
    assert back and connected and delays
    lag = connected[0] - back[0]
    print(f"reconnected {lag:.2f} s after the daemon answered; waits {delays[0]}")
    assert lag < 3.0 + 1.0, f"reconnected {lag:.2f} s after the daemon was back"
    waits = delays[0]
    assert len(waits) >= 4 and max(waits) <= 3.0 and len(set(waits)) == len(waits), waits


def test_cohost_battle_signals(godot: str, project: Path, daemon_factory: Callable[..., Daemon]) -> None:
    """The built-in cohost-battle scenario's events reach their signals: join, scores, task, cards,
    finish with results, punishment, leave (godot_addon/tests/test_cohost.gd)."""
    daemon = daemon_factory(["--scenario", "cohost-battle", "--no-console"], rate=30)
    out = run_runner(godot, project, "test_cohost.gd", [f"--endpoint={daemon.endpoint}"], timeout=90)
    assert "co_host_received:" in out


def test_editor_plugin(godot: str, tmp_path: Path, daemon_factory: Callable[..., Daemon]) -> None:
    """In the real (headless) editor: the plugin registers the autoload, the settings and the bottom
    panel, shown at once; the panel connects by itself to a daemon that answers, its simulate buttons
    work and it says when a simulated event cannot show; disabling removes the autoload, the panel
    and the default settings; a later editor start does not bring back an autoload the user removed."""
    proj = tmp_path / "editor"
    shutil.copytree(
        ADDON_PROJECT, proj, ignore=shutil.ignore_patterns(".godot", "tools", "tests", "__pycache__")
    )
    shutil.copytree(ADDON_PROJECT / "tests" / "editor_check", proj / "addons" / "tiktok_bridge_check")
    cfg = proj / "project.godot"
    text = cfg.read_text()
    assert "[autoload]" not in text, "the plugin, not the project file, must add the autoload"
    daemon = daemon_factory(rate=50)
    cfg.write_text(
        text.replace(
            'enabled=PackedStringArray("res://addons/tiktok_bridge/plugin.cfg")',
            'enabled=PackedStringArray("res://addons/tiktok_bridge/plugin.cfg", "res://addons/tiktok_bridge_check/plugin.cfg")',
        )
        + f'\n[tiktok_bridge]\n\nendpoint="{daemon.endpoint}"\ncontrol_endpoint="{daemon.control}"\n'
    )
    check = run_editor(godot, proj)
    assert check["enabled"]
    assert check["autoload"], "autoload TikTokBridge registered"
    assert all(check["settings"].values()), check["settings"]
    assert len(check["property_types"]) == len(check["settings"]) == 16
    assert check["property_types"]["tiktok_bridge/topic_filter"] == 34  # TYPE_PACKED_STRING_ARRAY
    assert check["basic"]
    assert check["dock"] and check["dock_in_bottom_panel"], check["dock_parents"]
    assert check["dock_visible"], "the panel is open after the first start, nothing to scroll or click"
    live = check["dock_live"]
    assert live["connected"] and live["state_label"] == "Bridge: connected", live
    assert live["simulated"], (
        f"the dock's Chat, Gift, Like and Follow buttons simulate through the daemon: {live}"
    )
    assert live["log_has_events"] and live["events"] > 0 and live["disconnected"], live
    assert live["warned_disconnected"], live
    assert "disconnected by you" in live["state_label_disconnected"], live
    assert check["autoload_after_disable"] is False and check["dock_after_disable"] is False
    assert check["settings_after_disable"] == ["endpoint", "control_endpoint"], "defaults unregistered"
    assert check["autoload_after_enable"] and check["dock_after_enable"]
    assert check["dock_visible_after_enable"], "enabling the plugin opens its panel"
    assert check["saved"] and "TikTokBridge=" in cfg.read_text(), "the autoload is saved in project.godot"

    # The user removes the autoload (keeping the plugin for its panel), then restarts the editor.
    text = cfg.read_text()
    cfg.write_text(re.sub(r"(?m)^TikTokBridge=.*\n", "", text))
    again = run_editor(godot, proj, {"TIKTOK_BRIDGE_TEST_PHASE": "restart"})
    assert again == {"autoload": False, "dock": True}, again
    assert "TikTokBridge=" not in cfg.read_text()


def run_editor(godot: str, proj: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Starts the headless editor on proj; returns the check plugin's report."""
    return godot_report(godot, ["--editor", "--path", str(proj)], "EDITOR_CHECK ", 120, env)


def godot_report(
    godot: str, args: list[str], prefix: str, timeout: float, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Runs Godot; fails on any error line; returns the JSON it printed after prefix."""
    run = GodotRun(godot, args, env=env)
    run.wait(timeout)
    return report_of(run, prefix)


def report_of(run: GodotRun, prefix: str, harmless: re.Pattern[str] | None = None) -> dict[str, Any]:
    """The JSON a finished Godot run printed after prefix; fails on any error line not harmless."""
    out = run.output()
    print(out)
    failures = [
        line for line in run.lines if _FAILURE.search(line) and not (harmless and harmless.search(line))
    ]
    assert not failures, "\n".join(failures)
    line = next((x for x in run.lines if x.startswith(prefix)), None)
    assert line, f"no {prefix.strip()} line:\n{out}"
    report: dict[str, Any] = json.loads(line.removeprefix(prefix))
    return report


def demo_copy(tmp_path: Path) -> Path:
    """examples/godot_demo in a temporary directory, set up by its own setup.sh."""
    demo = tmp_path / "demo"
    shutil.copytree(DEMO, demo, ignore=shutil.ignore_patterns(".godot", "addons", "override.cfg"))
    subprocess.run([str(DEMO / "setup.sh"), str(demo)], check=True, timeout=30)
    return demo


def test_demo(godot: str, daemon_factory: Callable[..., Daemon], tmp_path: Path) -> None:
    """examples/godot_demo, set up by its own script, plays against `tiktok-bridge run`."""
    demo = demo_copy(tmp_path)
    daemon = daemon_factory(rate=150)
    # Settings through override.cfg: the autoload reads them with get_setting_with_override.
    (demo / "override.cfg").write_text(
        f'[tiktok_bridge]\nendpoint="{daemon.endpoint}"\ncontrol_endpoint="{daemon.control}"\n'
    )
    s = godot_report(godot, ["--path", str(demo), "--", "--demo-seconds=6"], "DEMO_SUMMARY ", 60)
    assert s["connected"] == 1 and s["disconnected"] == 0
    assert s["gifts"] > 0 and s["boxes_spawned"] > 0, "gifts spawn boxes"
    assert s["likes"] > 0 and (s["like_bar"] > 0 or s["like_goals"] > 0), "likes fill the bar"
    assert s["chat_lines"] > 0, "chat shows"
    assert s["viewers"] > 0
    assert s["room_id"] == "7400000000000000001"


def test_demo_without_daemon(godot: str, tmp_path: Path) -> None:
    """Nothing listening: the demo keeps its hint on screen while it retries."""
    demo = demo_copy(tmp_path)
    (demo / "override.cfg").write_text(f'[tiktok_bridge]\nendpoint="tcp://127.0.0.1:{free_port()}"\n')
    s = godot_report(godot, ["--path", str(demo), "--", "--demo-seconds=2.5"], "DEMO_SUMMARY ", 60)
    assert s["connected"] == 0 and s["disconnected"] == 1, s
    assert "is tiktok-bridge run started?" in s["status"] and "reconnecting (attempt" in s["status"], s


ARTIFACTS = ROOT / "artifacts"  # kept by CI (ignored by git)
# In a window: the editor probes Vulkan (there is no Vulkan driver; it renders with OpenGL) and
# X11 reports BadWindow while the game window is embedded into the editor's Game view.
_WINDOWED_HARMLESS = re.compile(
    r"Required extension VK_KHR_surface not found|Condition \"err != OK\" is true\. Returning: err$"
    r"|Unhandled XServer error: BadWindow"
)


@pytest.fixture
def display() -> Iterator[str]:
    """A virtual X display (Xvfb, installed by scripts/install-test-tools.sh)."""
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb not found: scripts/install-test-tools.sh installs it (package xvfb)"
    read, write = os.pipe()
    proc = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1600x900x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number.isdigit(), "Xvfb did not start"
    yield f":{number}"
    proc.terminate()
    proc.wait(10)


def png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB(A) rows of an 8-bit non-interlaced PNG (what Godot writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + n]
        header = body if kind == b"IHDR" else header
        idat += body if kind == b"IDAT" else b""
        pos += 12 + n
    width, height, depth, color = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and color in (2, 6), (depth, color)
    bpp = 3 if color == 2 else 4
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytes(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = bytes(line)
    return width, height, [bytes(r[i : i + 3]) for r in rows for i in range(0, len(r), bpp)]


def test_demo_plays_from_the_editor_in_a_window(
    godot: str, display: str, daemon_factory: Callable[..., Daemon], tmp_path: Path
) -> None:
    """The F5 path with the Godot scripts/install-godot.sh installs: the editor, in a window on Xvfb
    (OpenGL on Mesa's llvmpipe), starts the demo as a game process, which connects, plays and saves a
    screenshot (artifacts/godot-demo-play.png; the editor's is artifacts/godot-editor-play.png)."""
    demo = demo_copy(tmp_path)
    shutil.copytree(ADDON_PROJECT / "tests" / "editor_check", demo / "addons" / "tiktok_bridge_check")
    ARTIFACTS.mkdir(exist_ok=True)
    game_shot, editor_shot = ARTIFACTS / "godot-demo-play.png", ARTIFACTS / "godot-editor-play.png"
    for shot in (game_shot, editor_shot):
        shot.unlink(missing_ok=True)
    cfg = demo / "project.godot"
    cfg.write_text(
        cfg.read_text().replace(
            'enabled=PackedStringArray("res://addons/tiktok_bridge/plugin.cfg")',
            'enabled=PackedStringArray("res://addons/tiktok_bridge/plugin.cfg", "res://addons/tiktok_bridge_check/plugin.cfg")',
        )
        # the game's arguments when the editor runs it (Project Settings > Editor > Run)
        + f'\n[editor]\n\nrun/main_run_args="--audio-driver Dummy -- --demo-seconds=10 --demo-screenshot={game_shot}"\n'
    )
    daemon = daemon_factory(rate=150)
    (demo / "override.cfg").write_text(
        f'[tiktok_bridge]\nendpoint="{daemon.endpoint}"\ncontrol_endpoint="{daemon.control}"\n'
    )
    env = {
        "DISPLAY": display,
        "TIKTOK_BRIDGE_TEST_PHASE": "play",
        "TIKTOK_BRIDGE_TEST_EDITOR_SHOT": str(editor_shot),
    }
    run = GodotRun(
        godot, ["--editor", "--path", str(demo), "--audio-driver", "Dummy"], env=env, headless=False
    )
    run.wait(180)
    check = report_of(run, "PLAY_CHECK ", _WINDOWED_HARMLESS)
    assert check["started"] and check["ended"], check
    s = report_of(run, "DEMO_SUMMARY ", _WINDOWED_HARMLESS)  # printed by the game process the editor started
    assert s["connected"] == 1 and s["gifts"] > 0 and s["chat_lines"] > 0, s
    assert s["emoji_font"], "the emoji fallback font is found (fonts-noto-color-emoji in the install)"
    # the game runs embedded in the editor's Game view, at that view's size
    shot_w, shot_h, saved = s["screenshot"]
    assert saved == 0 and shot_w >= 480 and shot_h >= 270, s
    width, height, pixels = png_pixels(game_shot)
    assert (width, height) == (shot_w, shot_h)
    colors = len(set(pixels[::7]))
    assert colors > 100, f"the screenshot looks empty ({colors} colours)"
    assert check.get("editor_screenshot") == 0 and editor_shot.exists(), check
    print(f"screenshots: {game_shot} ({colors} colours sampled), {editor_shot}")
