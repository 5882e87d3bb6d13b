"""The control channel: commands, both request encodings, real sockets, raw ZMTP bytes."""

from __future__ import annotations

import asyncio
import json
import socket
import time
from pathlib import Path
from typing import Any

import msgpack
import pytest
import zmq
import zmq.asyncio
from helpers import RecordingPublisher, free_port
from probe import LiveDaemon

from bridge import contract
from bridge.app import build
from bridge.config import Config, ControlConfig, SignConfig, TikTokConfig
from bridge.errors import ConfigError
from bridge.room import Room
from bridge.server.control import LOG_LINES_PER_SECOND, MAX_MESSAGE_BYTES, Commands, ControlServer
from bridge.server.control import MAX_REQUEST_BYTES as MAX_BYTES
from bridge.server.daemon import Daemon
from bridge.sim.faketiktok import FakeTikTok


def commands(**config: Any) -> tuple[Commands, Daemon]:
    daemon = Daemon(Config(), [], RecordingPublisher())
    daemon.rooms["simulated"] = Room("simulated", 42)
    return Commands(daemon, ControlConfig(**config)), daemon


def ask(cmds: Commands, body: bytes | dict[str, Any], now: float | None = None) -> dict[str, Any]:
    raw = msgpack.packb(body) if isinstance(body, dict) else body
    return asyncio.run(cmds.handle(raw, now))


def published(daemon: Daemon) -> list[tuple[str, dict[str, Any]]]:
    assert isinstance(daemon.publisher, RecordingPublisher)
    return daemon.publisher.sent


def test_ping_and_status() -> None:
    cmds, _ = commands()
    assert ask(cmds, b"ping") == {"ok": True, "result": "pong"}
    status = ask(cmds, {"cmd": "status", "id": 9})
    assert status["id"] == 9 and status["result"]["rooms"]["simulated"] == {
        "state": "disconnected",
        "roomId": 42,
    }


@pytest.mark.parametrize(
    "kind", [e.name for e in contract.EVENTS if not e.system and e.name not in ("unknown", "action")]
)
def test_simulate_every_event_type(kind: str) -> None:
    cmds, daemon = commands()
    reply = ask(cmds, {"cmd": "simulate", "type": kind})
    assert reply["ok"], reply
    [(topic, event)] = published(daemon)
    assert topic == f"{kind}/simulated" and event["type"] == kind and event["simulated"] is True
    assert contract.validate(event) == []
    assert event["roomId"] == 42 and event["msgId"] > 0


def test_simulate_text_form_with_fields_and_room() -> None:
    cmds, daemon = commands()
    reply = ask(
        cmds,
        b'simulate gift@other {"giftName": "Galaxy", "diamondCount": 1000, "repeatCount": 3, "user": {"uniqueId": "bob"}}',
    )
    event = reply["result"]
    assert event["giftName"] == "Galaxy" and event["repeatCount"] == 3 and event["room"] == "other"
    assert event["user"] == {"id": 1, "uniqueId": "bob", "nickname": "Simulated User"}
    assert "streaking" not in event  # repeatEnd defaults to true: a finished gift
    streak = ask(cmds, {"cmd": "simulate", "type": "gift", "fields": {"repeatEnd": False}})["result"]
    assert streak["streaking"] is True and "repeatEnd" not in streak
    assert [t for t, _ in published(daemon)] == ["gift/other", "gift/simulated"]
    chat = ask(cmds, b"simulate chat")["result"]
    assert chat["comment"] and chat["msgId"] == streak["msgId"] + 1


@pytest.mark.parametrize(
    ("request_body", "code"),
    [
        (b"bogus", "unknown_command"),
        (b"", "unknown_command"),
        ({"cmd": 5}, "unknown_command"),
        (b"simulate nope", "unknown_event_type"),
        (b"simulate unknown", "unknown_event_type"),
        (b"simulate sys.status", "unknown_event_type"),
        (b'simulate chat {"comment": 5}', "bad_request"),
        (b'simulate chat {"colour": "red"}', "bad_request"),
        (b"simulate chat {not json", "bad_request"),
        (b'simulate chat {"user": 3}', "bad_request"),
        ({"cmd": "simulate", "type": "chat", "fields": [1]}, "bad_request"),
        (b"\x81\xa3cmd", "bad_request"),
        (b"\xff\xfe", "bad_request"),
        (b"disconnect", "bad_request"),
        (b"disconnect nobody", "unknown_room"),
        (b"connect @someone", "failed"),
        (b"x" * 70_000, "too_large"),
    ],
)
def test_bad_requests_get_error_replies(request_body: bytes | dict[str, Any], code: str) -> None:
    cmds, daemon = commands()
    reply = ask(cmds, request_body)
    assert reply["ok"] is False and reply["error"]["code"] == code, reply
    assert reply["error"]["message"]
    assert published(daemon) == []


def test_token_is_required_when_configured() -> None:
    cmds, _ = commands(token="s3cret")
    assert ask(cmds, b"ping")["error"]["code"] == "unauthorized"
    assert ask(cmds, b"token=wrong ping")["error"]["code"] == "unauthorized"
    assert ask(cmds, b"token=s3cret ping")["ok"]
    assert ask(cmds, {"cmd": "ping", "token": "s3cret"})["ok"]
    assert "s3cret" not in repr(ask(cmds, b"token=wrong ping"))


def test_rate_limit() -> None:
    cmds, _ = commands(max_requests_per_second=5)
    replies = [ask(cmds, b"ping", now=100.0 + i * 0.01) for i in range(8)]
    assert [r["ok"] for r in replies] == [True] * 5 + [False] * 3
    assert replies[-1]["error"]["code"] == "rate_limited"
    assert ask(cmds, b"ping", now=101.5)["ok"]


def test_remote_endpoint_needs_a_token() -> None:
    cmds, _ = commands()
    with pytest.raises(ConfigError, match="set control.token"):
        ControlServer(cmds, ControlConfig(endpoint="tcp://0.0.0.0:5557")).start()


def _serve(config: ControlConfig, clients: Any) -> None:
    cmds, daemon = commands(**{k: getattr(config, k) for k in ("endpoint", "token")})
    server = ControlServer(cmds, config)
    server.start()

    async def main() -> None:
        task = asyncio.create_task(server.serve())
        await asyncio.to_thread(clients)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    asyncio.run(main())


def test_pyzmq_req_and_dealer_clients() -> None:
    endpoint = f"tcp://127.0.0.1:{free_port()}"

    def clients() -> None:
        context: zmq.Context[zmq.Socket[Any]] = zmq.Context.instance()
        req = context.socket(zmq.REQ)
        req.setsockopt(zmq.RCVTIMEO, 5000)
        req.setsockopt(zmq.LINGER, 0)
        req.connect(endpoint)
        req.send(b"ping")
        assert msgpack.unpackb(req.recv()) == {"ok": True, "result": "pong"}
        req.send(msgpack.packb({"cmd": "simulate", "type": "like", "id": "abc"}))
        reply = msgpack.unpackb(req.recv())
        assert reply["ok"] and reply["id"] == "abc" and reply["result"]["likeCount"] == 1
        dealer = context.socket(zmq.DEALER)
        dealer.setsockopt(zmq.RCVTIMEO, 5000)
        dealer.setsockopt(zmq.LINGER, 0)
        dealer.connect(endpoint)
        dealer.send(b"status")
        assert msgpack.unpackb(dealer.recv())["ok"]
        dealer.send_multipart([b"ping", b"extra"])
        assert msgpack.unpackb(dealer.recv())["error"]["code"] == "bad_request"
        req.close()
        dealer.close()

    _serve(ControlConfig(endpoint=endpoint), clients)


def _read(raw: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = raw.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def test_raw_socket_client_speaking_only_the_documented_bytes() -> None:
    port = free_port()

    def clients() -> None:
        deadline = time.monotonic() + 5
        while True:
            try:
                raw = socket.create_connection(("127.0.0.1", port), timeout=5)
                break
            except ConnectionRefusedError:
                assert time.monotonic() < deadline
                time.sleep(0.05)
        raw.sendall(b"\xff" + b"\x00" * 8 + b"\x7f\x03\x00" + b"NULL".ljust(20, b"\x00") + b"\x00" * 32)
        assert _read(raw, 64)[0] == 0xFF
        raw.sendall(b"\x04\x19\x05READY\x0bSocket-Type\x00\x00\x00\x03REQ")
        ready = _read(raw, 2)
        assert ready == b"\x04\x29"
        assert (
            _read(raw, 0x29) == b"\x05READY\x0bSocket-Type\x00\x00\x00\x06ROUTER\x08Identity\x00\x00\x00\x00"
        )
        raw.sendall(b"\x01\x00" + b"\x00\x04ping")
        assert _read(raw, 2) == b"\x01\x00"
        assert _read(raw, 2) == b"\x00\x11"
        assert _read(raw, 0x11) == b"\x82\xa2ok\xc3\xa6result\xa4pong"
        raw.sendall(b"\x01\x00" + b"\x00\x06status")
        assert _read(raw, 2) == b"\x01\x00"
        flags, size = _read(raw, 2)
        reply = msgpack.unpackb(_read(raw, size))
        assert flags == 0 and reply["ok"] and reply["result"]["type"] == "sys.heartbeat"
        raw.close()

    _serve(ControlConfig(endpoint=f"tcp://127.0.0.1:{port}"), clients)


def test_connect_and_disconnect_live_rooms() -> None:
    async def main() -> None:
        async with FakeTikTok() as fake:
            fake.add_room("alice", 7_600_000_000_000_000_001)
            fake.add_room("bob", 7_600_000_000_000_000_002)
            config = Config(
                tiktok=TikTokConfig(rooms=("alice",), web_base=fake.base_url, webcast_base=fake.base_url),
                sign=SignConfig(base_url=fake.base_url),
                control=ControlConfig(endpoint=f"tcp://127.0.0.1:{free_port()}"),
            )
            recorder = RecordingPublisher(fake_clock=False)
            async with build(config, recorder) as daemon:
                task = asyncio.create_task(daemon.run())
                cmds = Commands(daemon, config.control)
                assert (await cmds.handle(b"connect @bob"))["result"] == {"room": "bob"}
                assert (await cmds.handle(b"connect bob"))["error"]["code"] == "failed"
                assert (await cmds.handle(b"connect not/a/user"))["error"]["code"] == "bad_request"
                for _ in range(300):
                    if any(m.get("room") == "bob" and m["type"] == "member" for _, m in recorder.sent):
                        break
                    await asyncio.sleep(0.02)
                else:
                    raise AssertionError("no events from bob")
                assert (await cmds.handle(b"disconnect @bob"))["ok"]
                assert "bob" not in daemon.rooms
                daemon.stop()
                await task
            bob = [
                (m["state"], m["reason"])
                for _, m in recorder.sent
                if m["type"] == "sys.status" and m["room"] == "bob"
            ]
            assert bob[-1] == ("disconnected", "by_request") and ("connected", "ok") in bob

    asyncio.run(main())


def test_simulate_action_uses_the_action_topic() -> None:
    cmds, daemon = commands()
    reply = ask(cmds, b'simulate action {"name": "jump", "params": {"height": 2}}')
    assert reply["ok"], reply
    assert [t for t, _ in published(daemon)] == ["action/jump/simulated"]
    assert ask(cmds, b"simulate action")["error"]["code"] == "bad_request"


def test_rate_limit_is_per_client_and_counted_after_the_token() -> None:
    cmds, _ = commands(token="s3cret", max_requests_per_second=5)
    flood = [ask_as(cmds, b"token=wrong ping", b"flooder", 100.0) for _ in range(200)]
    assert {r["error"]["code"] for r in flood} == {"unauthorized", "rate_limited"}
    assert flood[-1]["error"]["code"] == "rate_limited"
    good = [ask_as(cmds, b"token=s3cret ping", b"engine", 100.0) for _ in range(5)]
    assert all(r["ok"] for r in good)
    assert ask_as(cmds, b"token=s3cret ping", b"engine", 100.1)["error"]["code"] == "rate_limited"
    assert ask_as(cmds, b"token=s3cret ping", b"tool", 100.1)["ok"]


def ask_as(cmds: Commands, body: bytes, client: bytes, now: float) -> dict[str, Any]:
    return asyncio.run(cmds.handle(body, now, client))


DEEP_JSON = b"simulate chat " + b'{"user": ' * 15_000 + b"{}" + b"}" * 15_000
DEEP_LIST = b"simulate chat " + b"[" * 30_000 + b"]" * 30_000


@pytest.mark.parametrize(
    "body",
    [
        DEEP_JSON[:MAX_BYTES],
        DEEP_LIST[:MAX_BYTES],
        b"simulate chat " + b"[" * 20 + b"]" * 20,
        msgpack.packb({"cmd": "ping", "x": [[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}),
        b"\x81\xa1x" + b"\x91" * 30_000 + b"\x01",
    ],
)
def test_deep_nesting_is_a_bad_request_with_one_log_line(
    body: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    cmds, daemon = commands()
    with caplog.at_level("WARNING", "bridge.control"):
        reply = ask(cmds, body)
    assert reply["error"]["code"] == "bad_request", reply
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert caplog.records[0].exc_info is None and "Traceback" not in caplog.text
    assert published(daemon) == []


def test_refused_requests_are_logged_at_a_bounded_rate(caplog: pytest.LogCaptureFixture) -> None:
    cmds, _ = commands(max_requests_per_second=100_000)
    with caplog.at_level("WARNING", "bridge.control"):
        for _ in range(500):
            ask(cmds, b"bogus")
    assert len(caplog.records) <= LOG_LINES_PER_SECOND * 3
    assert cmds.gate.refusals == 500 and cmds.gate.unlogged > 0


@pytest.mark.parametrize(
    ("fields", "where"),
    [
        ({"user": {"id": 2**63}}, "fields.user.id"),
        ({"user": {"id": -(2**63) - 1}}, "fields.user.id"),
        ({"comment": "x" * 10_000}, "fields.comment"),
        ({"giftName": "Rose", "diamondCount": 2**64}, "fields.diamondCount"),
        ({"comment": ["x"] * 300}, "fields.comment"),
    ],
)
def test_simulate_fields_stay_in_the_contract_domains(fields: dict[str, Any], where: str) -> None:
    cmds, daemon = commands()
    kind = "gift" if "giftName" in fields else "chat"
    reply = ask(cmds, f"simulate {kind} {json.dumps(fields)}".encode())
    assert reply["error"]["code"] == "bad_request" and where in reply["error"]["message"], reply
    assert published(daemon) == []


@pytest.mark.parametrize("number", [b"NaN", b"Infinity", b"-Infinity", b"1e999"])
def test_simulate_refuses_nan_and_inf(number: bytes) -> None:
    cmds, daemon = commands()
    reply = ask(cmds, b'simulate roomUserSeq {"viewerCount": 5, "x": ' + number + b"}")
    assert reply["error"]["code"] == "bad_request" and "finite" in reply["error"]["message"], reply
    assert published(daemon) == []


def test_oversized_requests_get_too_large_over_a_real_socket(tmp_path: Path) -> None:
    with LiveDaemon(tmp_path) as daemon:
        for size in (MAX_BYTES + 1, 200_000, 1_000_000, MAX_MESSAGE_BYTES - 100):
            reply = daemon.ask(b"ping " + b"x" * size, timeout=10)
            assert reply is not None and reply["error"]["code"] == "too_large", (size, reply)
        assert daemon.ask(b"x" * (MAX_MESSAGE_BYTES + 1), timeout=2) is None  # libzmq drops the connection
        assert daemon.ask(DEEP_JSON[:MAX_BYTES]) is not None
        assert daemon.ask(b'simulate chat {"comment": NaN}') is not None
        daemon.assert_serving("oversized, deep and NaN requests")
        assert daemon.log().count("refused a control request") >= LOG_LINES_PER_SECOND


def test_refusals_beyond_the_log_rate_are_summed_up(caplog: pytest.LogCaptureFixture) -> None:
    cmds, _ = commands(max_requests_per_second=100_000)
    with caplog.at_level("WARNING", "bridge.control"):
        for _ in range(LOG_LINES_PER_SECOND + 7):
            ask(cmds, b"bogus")
        time.sleep(1.05)
        ask(cmds, b"bogus")
    lines = [r.getMessage() for r in caplog.records]
    assert "7 more refused control requests were not logged" in lines
    assert len(lines) == LOG_LINES_PER_SECOND + 2


def test_connect_is_bounded() -> None:
    from types import SimpleNamespace

    from bridge.server.control import MAX_WATCHED

    cmds, daemon = commands()
    daemon.source_factory = lambda room: SimpleNamespace(room=Room(room.lstrip("@")))
    daemon.sources.update({f"r{i}": None for i in range(MAX_WATCHED)})  # type: ignore[misc]
    reply = ask(cmds, b"connect @one_more")
    assert (
        reply["error"]["code"] == "failed"
        and f"already watching {MAX_WATCHED} rooms" in reply["error"]["message"]
    )
    del daemon.sources["r0"]
    assert ask(cmds, b"connect @one_more") == {"ok": True, "result": {"room": "one_more"}}


def test_a_restarted_server_answers_on_the_same_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    """The supervisor runs ``serve`` again after a failure: the next request is answered."""

    async def main() -> None:
        cmds, _ = commands()
        endpoint = f"tcp://127.0.0.1:{free_port()}"
        server = ControlServer(cmds, ControlConfig(endpoint=endpoint))
        server.start()
        handle = cmds.handle
        failures = [RuntimeError("a bug in a command")]

        async def flaky(body: bytes, client: bytes = b"") -> dict[str, Any]:
            if failures:
                raise failures.pop()
            return await handle(body, client=client)

        monkeypatch.setattr(cmds, "handle", flaky)
        client = zmq.asyncio.Context.instance().socket(zmq.REQ)
        client.setsockopt(zmq.LINGER, 0)
        client.setsockopt(zmq.REQ_RELAXED, 1)
        client.connect(endpoint)
        try:
            task = asyncio.create_task(server.serve())
            await client.send(b"ping")
            with pytest.raises(RuntimeError):
                await asyncio.wait_for(task, 5)
            assert not await client.poll(100)  # the failed request got no reply
            task = asyncio.create_task(server.serve())  # what the supervisor does
            await client.send(b"ping")
            assert await client.poll(5000)
            assert msgpack.unpackb(await client.recv()) == {"ok": True, "result": "pong"}
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            assert server._socket is None  # cancelled: closed
        finally:
            client.close()

    asyncio.run(main())
