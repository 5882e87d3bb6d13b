"""The publisher with real ZeroMQ sockets on loopback."""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import time
from collections.abc import Iterator
from typing import Any

import msgpack
import pytest
import zmq
from helpers import free_port

from bridge.config import PublisherConfig
from bridge.errors import PublishError
from bridge.server.publisher import Publisher, batch_io_threads


@pytest.fixture
def endpoint() -> str:
    return f"tcp://127.0.0.1:{free_port()}"


@pytest.fixture
def publisher(endpoint: str) -> Iterator[Publisher]:
    pub = Publisher(PublisherConfig(endpoint=endpoint, zmq_heartbeat_ivl=0))
    pub.start()
    yield pub
    pub.close()


def subscriber(endpoint: str, *prefixes: str) -> zmq.Socket[Any]:
    sub: zmq.Socket[Any] = zmq.Context.instance().socket(zmq.SUB)
    sub.setsockopt(zmq.LINGER, 0)
    sub.setsockopt(zmq.RCVTIMEO, 5000)
    for prefix in prefixes:
        sub.setsockopt(zmq.SUBSCRIBE, prefix.encode())
    sub.connect(endpoint)
    return sub


def publish_until_received(pub: Publisher, sub: zmq.Socket[Any], topic: str) -> None:
    """Work around the slow-joiner: publish probes until the subscription is live."""
    for _ in range(200):
        pub.publish(topic, {"type": "probe"})
        if sub.poll(20):
            sub.recv_multipart()
            while sub.poll(50):
                sub.recv_multipart()
            return
    raise AssertionError("subscription never became live")


def test_two_frame_msgpack_messages_with_seq_and_ts(publisher: Publisher, endpoint: str) -> None:
    sub = subscriber(endpoint, "")
    publish_until_received(publisher, sub, "chat/a")
    before = time.time() * 1000
    publisher.publish("chat/a", {"type": "chat", "comment": "hi"})
    publisher.publish("gift/a", {"type": "gift", "giftId": 5655})
    frames = [sub.recv_multipart() for _ in range(2)]
    assert [len(f) for f in frames] == [2, 2]
    assert [f[0] for f in frames] == [b"chat/a", b"gift/a"]
    chat, gift = (msgpack.unpackb(f[1]) for f in frames)
    assert chat["comment"] == "hi" and gift["giftId"] == 5655
    assert gift["seq"] == chat["seq"] + 1
    assert before - 1 <= chat["ts"] <= time.time() * 1000 + 1
    sub.close()


def test_prefix_filtering_by_type_and_room(publisher: Publisher, endpoint: str) -> None:
    gifts = subscriber(endpoint, "gift/")
    room_b = subscriber(endpoint, "chat/b")
    publish_until_received(publisher, gifts, "gift/x")
    publish_until_received(publisher, room_b, "chat/b")
    for topic in ("chat/a", "gift/a", "giftFinal/a", "chat/b", "gift/b"):
        publisher.publish(topic, {"type": topic.split("/")[0]})
    got_gifts = [gifts.recv_multipart()[0] for _ in range(2)]
    assert got_gifts == [b"gift/a", b"gift/b"]
    assert room_b.recv_multipart()[0] == b"chat/b"
    assert not gifts.poll(200) and not room_b.poll(50)
    gifts.close()
    room_b.close()


def test_slow_subscriber_never_blocks(endpoint: str) -> None:
    pub = Publisher(PublisherConfig(endpoint=endpoint, sndhwm=100, zmq_heartbeat_ivl=0))
    pub.start()
    sub = subscriber(endpoint, "")
    sub.setsockopt(zmq.RCVHWM, 100)
    publish_until_received(pub, sub, "x/y")
    for i in range(50_000):  # never read: the PUB must drop, not block
        pub.publish("chat/a", {"type": "chat", "n": i})
    assert pub.published >= 50_000
    received = []
    while sub.poll(200):
        received.append(msgpack.unpackb(sub.recv_multipart()[1])["seq"])
    assert 0 < len(received) < 50_000
    assert received == sorted(received)  # whole messages dropped, order kept
    sub.close()
    pub.close()


def test_bind_failure_is_a_clear_error(publisher: Publisher, endpoint: str) -> None:
    second = Publisher(PublisherConfig(endpoint=endpoint))
    with pytest.raises(PublishError, match="cannot bind"):
        second.start()
    with pytest.raises(PublishError, match="not started"):
        second.publish("a", {})


def _zmtp_handshake(port: int) -> socket.socket:
    """A raw ZMTP 3.0 SUB: greeting, READY, wait for the peer's READY, subscribe to all."""
    raw = socket.create_connection(("127.0.0.1", port), timeout=5)
    raw.sendall(b"\xff" + b"\x00" * 8 + b"\x7f\x03\x00" + b"NULL".ljust(20, b"\x00") + b"\x00" * 32)
    greeting = b""
    while len(greeting) < 64:
        greeting += raw.recv(64 - len(greeting))
    assert greeting[0] == 0xFF and greeting[10] == 3
    raw.sendall(b"\x04\x19\x05READY\x0bSocket-Type\x00\x00\x00\x03SUB")
    command = _read_frame(raw)
    assert command[:6] == b"\x05READY"
    raw.sendall(b"\x00\x01\x01")
    return raw


def _read_frame(raw: socket.socket) -> bytes:
    def exactly(n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = raw.recv(n - len(data))
            if not chunk:
                raise ConnectionError("closed")
            data += chunk
        return data

    flags = exactly(1)[0]
    size = int.from_bytes(exactly(8), "big") if flags & 2 else exactly(1)[0]
    return exactly(size)


def test_zmtp_heartbeats_reach_raw_clients() -> None:
    port = free_port()
    pub = Publisher(
        PublisherConfig(
            endpoint=f"tcp://127.0.0.1:{port}",
            zmq_heartbeat_ivl=0.1,
            zmq_heartbeat_timeout=2,
            zmq_heartbeat_ttl=2,
        )
    )
    pub.start()
    raw = _zmtp_handshake(port)
    pings = 0
    while pings < 3:
        body = _read_frame(raw)
        if body[:5] == b"\x04PING":
            pings += 1
            assert body[5:7] == (20).to_bytes(2, "big")  # TTL 2 s in tenths
            raw.sendall(b"\x04\x05\x04PONG")
    raw.close()
    pub.close()


def test_curve_encryption_for_remote_subscribers() -> None:
    endpoint = f"tcp://127.0.0.1:{free_port()}"
    server_public, server_secret = zmq.curve_keypair()
    pub = Publisher(
        PublisherConfig(endpoint=endpoint, curve_secret_key=server_secret.decode(), zmq_heartbeat_ivl=0)
    )
    pub.start()
    client_public, client_secret = zmq.curve_keypair()
    sub = subscriber(endpoint, "")
    sub.close()
    secure: zmq.Socket[Any] = zmq.Context.instance().socket(zmq.SUB)
    secure.setsockopt(zmq.LINGER, 0)
    secure.curve_serverkey = server_public
    secure.curve_publickey = client_public
    secure.curve_secretkey = client_secret
    secure.setsockopt(zmq.SUBSCRIBE, b"")
    secure.connect(endpoint)
    plain = subscriber(endpoint, "")
    publish_until_received(pub, secure, "chat/a")
    pub.publish("chat/a", {"type": "chat"})
    assert msgpack.unpackb(secure.recv_multipart()[1])["type"] == "chat"
    assert not plain.poll(300)  # a subscriber without the server key gets nothing
    secure.close()
    plain.close()
    pub.close()
    bad = Publisher(PublisherConfig(endpoint=f"tcp://127.0.0.1:{free_port()}", curve_secret_key="not-a-key"))
    with pytest.raises(PublishError, match="not a Z85 CURVE secret key"):
        bad.start()


def test_batch_sends_in_order_when_it_ends(publisher: Publisher, endpoint: str) -> None:
    sub = subscriber(endpoint, "")
    publish_until_received(publisher, sub, "chat/a")
    first = publisher.seq + 1
    published = publisher.published
    with publisher.batch():
        for i in range(5):
            publisher.publish("chat/a", {"type": "chat", "comment": str(i)})
        with publisher.batch():  # joins the outer batch
            publisher.publish("gift/a", {"type": "gift", "giftId": 1})
        assert publisher.published == published  # held until the outer batch ends
        assert not sub.poll(100)
    assert publisher.published == published + 6
    got = [sub.recv_multipart() for _ in range(6)]
    assert [t for t, _ in got] == [b"chat/a"] * 5 + [b"gift/a"]
    events = [msgpack.unpackb(p) for _, p in got]
    assert [e["seq"] for e in events] == list(range(first, first + 6))
    assert [e.get("comment") for e in events[:5]] == ["0", "1", "2", "3", "4"]


def test_batch_sends_what_it_holds_when_the_block_raises(publisher: Publisher, endpoint: str) -> None:
    sub = subscriber(endpoint, "")
    publish_until_received(publisher, sub, "chat/a")
    with pytest.raises(RuntimeError), publisher.batch():
        publisher.publish("chat/a", {"type": "chat", "comment": "kept"})
        raise RuntimeError("listener bug")
    assert msgpack.unpackb(sub.recv_multipart()[1])["comment"] == "kept"


def test_batch_after_close_counts_drops(endpoint: str) -> None:
    pub = Publisher(PublisherConfig(endpoint=endpoint, zmq_heartbeat_ivl=0))
    pub.start()
    with pub.batch():
        pub.publish("chat/a", {"type": "chat"})
        pub.close()
    assert pub.dropped == 1 and pub.published == 0


def test_readers_in_the_process_get_the_same_messages_over_inproc(
    publisher: Publisher, endpoint: str
) -> None:
    assert publisher.inproc.startswith("inproc://")
    with subscriber(endpoint, "") as tcp, subscriber(publisher.inproc, "") as local:
        publish_until_received(publisher, tcp, "chat/a")
        while local.poll(50):  # the probes
            local.recv_multipart()
        with publisher.batch():
            publisher.publish("chat/a", {"type": "chat", "comment": "hi"})
            publisher.publish("gift/a", {"type": "gift", "giftId": 5655})
        assert [tcp.recv_multipart() for _ in range(2)] == [local.recv_multipart() for _ in range(2)]
    other = Publisher(PublisherConfig(endpoint=f"tcp://127.0.0.1:{free_port()}"))
    assert other.inproc not in ("", publisher.inproc)  # one name per publisher: both can bind
    assert Publisher(PublisherConfig(endpoint=endpoint, connect=True)).inproc == ""


def _io_threads(besides: set[int] = frozenset(), wait: float = 0.0) -> set[int]:  # type: ignore[assignment]
    """Ids of ZeroMQ I/O threads of this process not in ``besides`` (waiting ``wait`` s for one:
    a thread names itself once it runs)."""
    deadline = time.monotonic() + wait
    while True:
        found = set()
        for task in os.listdir("/proc/self/task"):
            with contextlib.suppress(OSError), open(f"/proc/self/task/{task}/comm", encoding="utf-8") as comm:
                if comm.read().startswith("ZMQbg/IO"):
                    found.add(int(task))
        if found - besides or time.monotonic() >= deadline:
            return found - besides
        time.sleep(0.01)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SCHED_BATCH is Linux's")
def test_io_threads_of_a_context_start_as_sched_batch() -> None:
    before = _io_threads()
    context: zmq.Context[Any] = zmq.Context()
    plain: zmq.Context[Any] = zmq.Context()
    try:
        assert batch_io_threads(context)
        context.socket(zmq.PUB).close()  # the first socket starts the I/O thread
        started = _io_threads(before, wait=5)
        assert started and {os.sched_getscheduler(tid) for tid in started} == {os.SCHED_BATCH}
        plain.socket(zmq.PUB).close()
        others = _io_threads(before | started, wait=5)
        assert others and {os.sched_getscheduler(tid) for tid in others} == {os.SCHED_OTHER}
    finally:
        context.term()
        plain.term()
