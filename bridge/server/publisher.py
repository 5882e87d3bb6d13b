"""The ZeroMQ PUB socket: stamps ``seq``/``ts``, packs msgpack, never blocks.

A PUB socket drops messages for a subscriber whose queue is full (``sndhwm``)
and never blocks the sender, so a slow engine cannot stall the daemon. libzmq
does not report those per-subscriber drops; every message carries ``seq`` so a
subscriber detects its own gaps (``tiktok-bridge tail`` and the engine clients
count them). ZMTP heartbeats (PING every ``zmq_heartbeat_ivl``) let subscribers
notice a dead daemon and let the daemon drop dead subscribers.

The socket also binds an ``inproc://`` endpoint (:attr:`Publisher.inproc`): a reader
in the same process (the console of ``tiktok-bridge run``) gets the same messages
without a loopback TCP connection for ZeroMQ's I/O thread to serve. On Linux that
I/O thread runs as ``SCHED_BATCH`` (:func:`batch_io_threads`), so waking it for a
frame's messages does not preempt the thread that is still sending them: it wakes
once per burst instead of once per message.
"""

from __future__ import annotations

import functools
import itertools
import logging
import os
import threading
import time
from typing import Any

import msgpack
import zmq

from ..config import PublisherConfig
from ..endpoints import bind
from ..errors import PublishError

__all__ = ["Publisher", "batch_io_threads"]

log = logging.getLogger("bridge.publisher")

_MORE = int(zmq.SNDMORE | zmq.NOBLOCK)
_LAST = int(zmq.NOBLOCK)
_BACKEND: Any = getattr(zmq.backend, "Socket", None)
"""pyzmq's compiled socket class: calling its ``send`` directly skips the Python wrapper."""
_INPROC = itertools.count(1)


def batch_io_threads(context: zmq.Context[Any]) -> bool:
    """Have ``context`` start its I/O threads as ``SCHED_BATCH``, where this system allows it.

    A batch thread that is woken does not preempt the running one, so the sender of a
    burst finishes it before the I/O thread drains it. Takes effect only for I/O threads
    started afterwards (with the context's first socket). libzmq aborts when it cannot
    set the policy, so it is asked only where a thread of ours just could.
    """
    policy = getattr(os, "SCHED_BATCH", None)
    if policy is None or not _batch_allowed(policy):
        return False
    context.set(zmq.THREAD_SCHED_POLICY, policy)
    return True


@functools.cache
def _batch_allowed(policy: int) -> bool:
    """Whether a thread of this process may switch itself to ``policy`` (tried on a throwaway one)."""
    allowed: list[bool] = []

    def probe() -> None:
        try:
            os.sched_setscheduler(0, policy, os.sched_param(0))  # this thread only
        except (OSError, AttributeError):
            allowed.append(False)
        else:
            allowed.append(True)

    thread = threading.Thread(target=probe, name="sched-probe")
    thread.start()
    thread.join()
    return bool(allowed) and allowed[0]


class Publisher:
    """A bound ZeroMQ PUB socket publishing ``[topic, msgpack map]`` messages."""

    def __init__(self, config: PublisherConfig, context: zmq.Context[Any] | None = None) -> None:
        self.config = config
        if context is None:
            context = zmq.Context.instance()
            batch_io_threads(context)
        self.context = context
        self.seq = 0
        """The last ``seq`` stamped."""
        self.published = 0
        self.dropped = 0
        self._socket: zmq.Socket[Any] | None = None
        self._socket_send: Any = None
        """The socket's ``send``: pyzmq's compiled one where the socket is of its class (no wrapper)."""
        self._pending: list[tuple[bytes, bytes]] | None = None
        self.inproc = "" if config.connect else f"inproc://bridge-publisher-{os.getpid()}-{next(_INPROC)}"
        """The ``inproc://`` endpoint :meth:`start` binds beside the configured one, for readers in
        this process and context (they may connect first); empty when publishing into a forwarder."""
        self._packer = msgpack.Packer(use_bin_type=True)
        self._burst = _Burst(self)

    def start(self) -> None:
        """Create and bind the socket.

        Raises:
            PublishError: the endpoint cannot be bound (in use, bad address).
            ConfigError: it binds beyond loopback without ``allow_remote`` (checked on the
                address actually bound, see :func:`bridge.endpoints.bind`).
        """
        socket = self.context.socket(zmq.PUB)
        socket.setsockopt(zmq.LINGER, 0)
        socket.setsockopt(zmq.SNDHWM, self.config.sndhwm)
        ivl = int(self.config.zmq_heartbeat_ivl * 1000)
        if ivl:
            socket.setsockopt(zmq.HEARTBEAT_IVL, ivl)
            socket.setsockopt(zmq.HEARTBEAT_TIMEOUT, int(self.config.zmq_heartbeat_timeout * 1000) or ivl)
            socket.setsockopt(zmq.HEARTBEAT_TTL, int(self.config.zmq_heartbeat_ttl * 1000))
        if self.config.curve_secret_key:
            try:
                secret = self.config.curve_secret_key.encode("ascii")
                public = zmq.curve_public(secret)
                socket.curve_secretkey = secret
                socket.curve_server = True
            except (zmq.ZMQError, ValueError, UnicodeEncodeError):
                socket.close()
                raise PublishError("publisher.curve_secret_key is not a Z85 CURVE secret key") from None
            log.info("CURVE encryption on; subscribers need the server key %s", public.decode())
        if self.config.connect:  # publish into a forwarder (tiktok-bridge proxy)
            try:
                socket.connect(self.config.endpoint)
            except zmq.ZMQError as exc:
                socket.close()
                raise PublishError(f"cannot connect to {self.config.endpoint}: {exc.strerror}") from None
        else:
            allow = "publisher.allow_remote = true"
            bind(socket, self.config.endpoint, "publisher.endpoint", self.config.allow_remote, allow)
            socket.bind(self.inproc)
        self._socket = socket
        compiled = _BACKEND is not None and isinstance(socket, _BACKEND)
        self._socket_send = _BACKEND.send if compiled else type(socket).send

    def publish(self, topic: str, message: dict[str, Any]) -> None:
        """Stamp the next ``seq`` and the current ``ts`` into ``message`` and send it; never blocks."""
        self.seq += 1
        self.send(topic, message, self.seq, time.time_ns() // 1_000_000)

    def send(self, topic: str, message: dict[str, Any], seq: int, ts: int) -> None:
        """Send ``message`` with the given stamps (replay keeps recorded ones); never blocks."""
        if self._socket is None:
            raise PublishError("publisher is not started")
        message["seq"] = seq
        message["ts"] = ts
        if self.config.daemon_id:
            message["daemon"] = self.config.daemon_id
        payload = self._packer.pack(message)
        if self._pending is not None:
            self._pending.append((topic.encode("utf-8"), payload))
        else:
            self._emit([(topic.encode("utf-8"), payload)])

    def batch(self) -> _Burst:
        """Hold what is published inside and send it in one burst when the block ends.

        Messages keep their order and their stamps. ZeroMQ's I/O thread then wakes
        once for the burst instead of once per message, which is most of the cost
        of a send at moderate rates (the daemon sends each decoded frame this way).
        A batch inside a batch joins the outer one.
        """
        return self._burst

    def _emit(self, messages: list[tuple[bytes, bytes]]) -> None:
        socket = self._socket
        if socket is None:  # closed inside a batch
            self.dropped += len(messages)
            return
        send = self._socket_send
        for topic, payload in messages:
            try:
                send(socket, topic, _MORE)
                send(socket, payload, _LAST)
            except zmq.Again:
                self.dropped += 1
            else:
                self.published += 1

    def close(self, linger: float = 0.25) -> None:
        """Close the socket, giving queued messages ``linger`` seconds to leave."""
        if self._socket is not None:
            self._socket.close(linger=int(linger * 1000))
            self._socket = None


class _Burst:
    """What :meth:`Publisher.batch` returns: one reusable context manager per publisher.

    A plain class rather than a generator-based context manager, which would cost
    a generator and its frames for every delivered frame.
    """

    __slots__ = ("_publisher", "_depth")

    def __init__(self, publisher: Publisher) -> None:
        self._publisher = publisher
        self._depth = 0

    def __enter__(self) -> None:
        if not self._depth:
            self._publisher._pending = []
        self._depth += 1

    def __exit__(self, *exc_info: object) -> None:
        self._depth -= 1
        if not self._depth:
            publisher = self._publisher
            pending, publisher._pending = publisher._pending, None
            if pending:
                publisher._emit(pending)
