"""Endpoints as libzmq reads them, the bound-address check, ipc take-overs, and the forwarder's rules."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgpack
import pytest
import zmq
from helpers import RecordingPublisher, free_port
from probe import LiveProxy

from bridge.config import Config, ControlConfig, PublisherConfig, load_config
from bridge.endpoints import bind, is_loopback, parse_endpoint
from bridge.errors import ConfigError, PublishError
from bridge.server.control import Commands, ControlServer
from bridge.server.daemon import Daemon
from bridge.server.publisher import Publisher


@pytest.mark.parametrize(
    ("endpoint", "loopback"),
    [
        ("tcp://127.0.0.1:1", True),
        ("tcp://127.1.2.3:65535", True),
        ("tcp://localhost:*", True),
        ("tcp://[::1]:1", True),
        ("tcp://[::ffff:127.0.0.1]:1", True),
        ("tcp://1.2.3.4:5;127.0.0.1:1", True),  # libzmq binds what follows the last ';'
        ("tcp://127.0.0.1:5;0.0.0.0:1", False),
        ("tcp://0.0.0.0:1", False),
        ("tcp://*:1", False),
        ("tcp://[::]:1", False),
        ("tcp://[fe80::1%eth0]:1", False),
        ("tcp://lo:1", False),  # an interface name: refused rather than guessed
        ("tcp://192.168.1.2:1", False),
        ("ipc:///tmp/x", True),
        ("ipc://@abstract", True),
        ("inproc://x", True),
    ],
)
def test_loopback_as_libzmq_binds(endpoint: str, loopback: bool) -> None:
    assert is_loopback(endpoint) is loopback


@pytest.mark.parametrize(
    "endpoint",
    [
        "tcp://0.0.0.0:5556@127.0.0.1",  # libzmq binds 0.0.0.0:5556 (atoi stops at '@')
        "tcp://127.0.0.1:5556@127.0.0.1",
        "tcp://127.0.0.1:99999",  # libzmq would bind 34463
        "tcp://127.0.0.1:65536",
        "tcp://127.0.0.1:-1",
        "tcp://127.0.0.1:0x10",
        "tcp://127.0.0.1",
        "tcp://:5556",
        "pgm://eth0;239.192.1.1:5555",
        "ws://127.0.0.1:1",
        "127.0.0.1:5556",
        "tcp://",
    ],
)
def test_endpoints_libzmq_would_misread_are_refused(endpoint: str) -> None:
    with pytest.raises(ValueError):
        parse_endpoint(endpoint)
    assert not is_loopback(endpoint)


@pytest.mark.parametrize("variable", ["BRIDGE_PUBLISHER_ENDPOINT", "BRIDGE_CONTROL_ENDPOINT"])
@pytest.mark.parametrize(
    "endpoint", ["tcp://0.0.0.0:5556@127.0.0.1", "tcp://0.0.0.0:1", "tcp://127.0.0.1:99999", "tcp://lo:1"]
)
def test_bypasses_through_the_environment_are_refused(variable: str, endpoint: str) -> None:
    with pytest.raises(ConfigError, match=f"environment: {variable} = "):
        load_config(None, {variable: endpoint})


def test_proxy_endpoints_follow_the_daemon_rules() -> None:
    with pytest.raises(ConfigError, match="BRIDGE_PROXY_FRONTEND.*proxy.allow_remote"):
        load_config(None, {"BRIDGE_PROXY_FRONTEND": "tcp://0.0.0.0:1"})
    with pytest.raises(ConfigError, match="BRIDGE_PROXY_CONTROL.*proxy.token"):
        load_config(None, {"BRIDGE_PROXY_CONTROL": "tcp://0.0.0.0:1"})
    config = load_config(None, {"BRIDGE_PROXY_CONTROL": "tcp://0.0.0.0:1", "BRIDGE_PROXY_TOKEN": "t"})
    assert config.proxy.token == "t" and "t'" not in repr(config.proxy)


class _Misrouted(zmq.Socket[Any]):
    """A real socket whose address resolves beyond loopback, as a bad ``localhost`` entry would."""

    def bind(self, addr: str) -> Any:
        return super().bind("tcp://0.0.0.0:*")


def test_the_address_actually_bound_is_checked_and_the_socket_closed() -> None:
    context: zmq.Context[zmq.Socket[Any]] = zmq.Context.instance()
    sock = _Misrouted(context, zmq.PUB)
    with pytest.raises(ConfigError, match=r"bound tcp://0\.0\.0\.0:\d+, beyond this machine"):
        bind(sock, "tcp://localhost:*", "publisher.endpoint", False, "publisher.allow_remote = true")
    assert sock.closed
    allowed = _Misrouted(context, zmq.PUB)
    assert bind(allowed, "tcp://localhost:*", "publisher.endpoint", True, "").startswith("tcp://0.0.0.0:")
    allowed.close()


def test_a_second_daemon_does_not_take_over_a_live_ipc_endpoint(tmp_path: Path) -> None:
    endpoint = f"ipc://{tmp_path / 'bridge.sock'}"
    first = Publisher(PublisherConfig(endpoint=endpoint))
    first.start()
    second = Publisher(PublisherConfig(endpoint=endpoint))
    with pytest.raises(PublishError, match="another process is serving it"):
        second.start()
    config = ControlConfig(endpoint=endpoint)
    control = ControlServer(Commands(Daemon(Config(), [], RecordingPublisher()), config), config)
    with pytest.raises(PublishError, match="another process is serving it"):
        control.start()
    sub: zmq.Socket[Any] = zmq.Context.instance().socket(zmq.SUB)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect(endpoint)
    time.sleep(0.2)
    first.publish("chat/x", {"type": "chat"})
    assert sub.poll(2000), "the first daemon lost its endpoint"
    sub.close()
    first.close()


def test_a_stale_ipc_file_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "stale.sock"
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(path))
    dead.close()  # the file stays, nobody listens
    publisher = Publisher(PublisherConfig(endpoint=f"ipc://{path}"))
    publisher.start()
    publisher.close()


# ---------------------------------------------------------------- the forwarder, as a process


@pytest.fixture
def proxy(tmp_path: Path) -> Iterator[LiveProxy]:
    forwarder = LiveProxy(tmp_path)
    yield forwarder
    forwarder.close()
    assert "Traceback" not in forwarder.text(), forwarder.text()


def beat(name: Any, **fields: Any) -> list[bytes]:
    return [b"sys.heartbeat", msgpack.packb({"type": "sys.heartbeat", "daemon": name, **fields})]


CRAFTED = [
    beat("x", rooms=5),
    beat("x", rooms=["a"], shard=7, control=3),
    beat("x", rooms={"a/b": 1, "": 2}, shard={"index": "0", "count": 2**64 - 1}),
    beat(5),
    beat("y" * 10_000),
    beat("z", control="http://evil"),
    [b"sys.heartbeat", b"\xc1"],
    [b"sys.heartbeat", msgpack.packb([1, 2])],
    [b"sys.heartbeat", msgpack.packb({1: 2, "daemon": "w"})],
    [b"sys.heartbeat", b"\x81\x91\x01\x01"],  # a list as a map key
    [b"sys.heartbeat", b"\x82\xa6daemon\xa1v\xc0\x01"],  # nil as a map key
    [b"sys.heartbeat", b"\x91" * 5000 + b"\x01"],
]


def test_forwarder_monitor_survives_crafted_heartbeats(proxy: LiveProxy) -> None:
    time.sleep(0.5)
    for _ in range(4):  # a real daemon with one room
        proxy.pub.send_multipart(beat("d1", rooms={"alice": {"state": "connected"}}))
        time.sleep(0.1)
    for frames in CRAFTED:
        proxy.pub.send_multipart(frames)
    proxy.pub.send_multipart(beat("last"))
    deadline = time.monotonic() + 5
    while True:  # the monitor reads the capture socket on its own schedule
        status = proxy.ask(b"status")
        assert status is not None and status["ok"], status
        if "last" in status["result"]["daemons"] or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    daemons = status["result"]["daemons"]
    assert daemons["d1"]["rooms"] == ["alice"] and sorted(daemons) == ["d1", "last", "x", "z"]
    assert {k: v for k, v in daemons["x"].items() if k != "state"} == {
        "shard": {},
        "rooms": [],
        "control": "",
    }
    lost = [m for topic, m in proxy.received(2.0) if topic == b"sys.status/alice"]
    assert lost and lost[0]["reason"] == "daemon_lost", "the lost-daemon watcher died"
    assert proxy.ask(b"ping") == {"ok": True, "result": "pong"}


def test_forwarder_pause_and_resume(proxy: LiveProxy) -> None:
    time.sleep(0.5)

    def flow(seconds: float) -> int:
        count = 0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            proxy.pub.send_multipart([b"chat/x", msgpack.packb({"type": "chat"})])
            while proxy.sub.poll(5):
                proxy.sub.recv_multipart()
                count += 1
        return count

    deadline = time.monotonic() + 10
    while not flow(0.3):  # the subscription travels to the publisher first
        assert time.monotonic() < deadline, "nothing was forwarded"
    assert proxy.ask(b"pause") == {"ok": True, "result": "pause"}
    flow(0.3)  # what was in flight
    assert flow(1.0) == 0
    assert proxy.ask(b"resume") == {"ok": True, "result": "resume"}
    assert flow(2.0) > 0


def test_forwarder_control_limits(tmp_path: Path) -> None:
    forwarder = LiveProxy(tmp_path, token="s3cret")
    try:
        forwarder.token = ""
        assert forwarder.ask(b"pause")["error"]["code"] == "unauthorized"  # type: ignore[index]
        assert forwarder.ask(b"token=wrong resume")["error"]["code"] == "unauthorized"  # type: ignore[index]
        forwarder.token = "s3cret"
        assert forwarder.ask(b"x" * 100_000)["error"]["code"] == "too_large"  # type: ignore[index]
        assert forwarder.ask(b"simulate chat " + b"[" * 30_000)["error"]["code"] == "bad_request"  # type: ignore[index]
        codes = [forwarder.ask(b"ping")["ok"] for _ in range(40)]  # type: ignore[index]
        assert codes[0] and not codes[-1]
        time.sleep(1.1)
        assert forwarder.ask(b"ping") == {"ok": True, "result": "pong"}
    finally:
        forwarder.close()
    assert "Traceback" not in forwarder.text()


def test_proxy_allow_remote_flag() -> None:
    from bridge.cli.main import _config, _parser

    remote = ["proxy", "--frontend", "tcp://0.0.0.0:5558"]
    with pytest.raises(ConfigError, match="proxy.allow_remote"):
        _config(_parser().parse_args(remote))
    assert _config(_parser().parse_args([*remote, "--allow-remote"])).proxy.allow_remote


def test_tail_skips_messages_that_are_not_events() -> None:
    from bridge.console.tail import Tail

    endpoint = f"tcp://127.0.0.1:{free_port()}"
    pub: zmq.Socket[Any] = zmq.Context.instance().socket(zmq.PUB)
    pub.setsockopt(zmq.LINGER, 0)
    pub.bind(endpoint)
    tail = Tail(endpoint, [], "")
    try:
        garbage = [[b"chat/x"], [b"chat/x", b"\xc1"], [b"chat/x", b"\x93\x01\x02\x03"], [b"a", b"b", b"c"]]
        good = [b"chat/x", msgpack.packb({"type": "chat", "seq": "nine", "comment": "hi"})]
        deadline = time.monotonic() + 10
        event = None
        while event is None and time.monotonic() < deadline:  # until the subscription has arrived
            for frames in [*garbage, good]:
                pub.send_multipart(frames)
            event = tail.receive(0.2)
        assert event is not None and event["comment"] == "hi" and tail.malformed >= len(garbage)
    finally:
        tail.close()
        pub.close()


def test_the_forwarder_tracks_at_most_max_daemons() -> None:
    from bridge.config import ProxyConfig
    from bridge.server.proxy import MAX_DAEMONS, Forwarder

    forwarder = Forwarder(ProxyConfig())
    try:
        for i in range(MAX_DAEMONS + 50):
            forwarder.observe(beat(f"d{i}", rooms={"alice": {}}), 1.0)
        assert len(forwarder.daemons) == MAX_DAEMONS and forwarder.bad_heartbeats == 50
        forwarder.observe(beat("d0", rooms={"bob": {}}), 2.0)  # known daemons keep being tracked
        assert forwarder.daemons["d0"].rooms == {"bob": {}}
    finally:
        forwarder.context.term()
