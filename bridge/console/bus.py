"""The console's two connections: a SUB socket on the PUB endpoint and a control client.

:class:`Subscription` is drained in batches without waiting (the console reads
a few times a second whatever has arrived), so reading costs one system call
per batch, not per message, and a busy console never slows the publisher:
ZeroMQ drops for a subscriber that falls ``publisher.sndhwm`` behind, and the
console counts the ``seq`` gaps. :class:`Control` sends one request per fresh
REQ socket, so a daemon that restarts mid-request costs one timed-out answer,
never a stuck socket.
"""

from __future__ import annotations

from typing import Any

import msgpack
import zmq
import zmq.asyncio

__all__ = ["Control", "Subscription", "failure"]

RECEIVE_HWM = 100_000
"""Messages the console's side queues before ZeroMQ drops (a daemon's sndhwm applies too)."""


class Subscription:
    """Everything published on ``endpoint`` (a daemon's or a forwarder's PUB side)."""

    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint
        self.socket: zmq.Socket[Any] = zmq.Context.instance().socket(zmq.SUB)
        self.socket.setsockopt(zmq.LINGER, 0)
        self.socket.setsockopt(zmq.RCVHWM, RECEIVE_HWM)
        self.socket.setsockopt(zmq.SUBSCRIBE, b"")
        self.socket.connect(endpoint)
        self.malformed = 0
        """Messages that were not two frames (counted, skipped)."""

    def drain(self, limit: int) -> list[tuple[bytes, bytes]]:
        """Up to ``limit`` waiting messages as (topic, payload), without blocking."""
        messages: list[tuple[bytes, bytes]] = []
        while len(messages) < limit:
            try:
                frames = self.socket.recv_multipart(zmq.NOBLOCK)
            except zmq.Again:
                break
            if len(frames) == 2:
                messages.append((frames[0], frames[1]))
            else:
                self.malformed += 1
        return messages

    def close(self) -> None:
        """Close the socket."""
        self.socket.close()


class Control:
    """Requests to a control endpoint (a daemon's or a forwarder's); never raises."""

    def __init__(self, endpoint: str, token: str = "", timeout: float = 3.0) -> None:
        self.endpoint = endpoint
        self.token = token
        self.timeout = timeout
        self.context = zmq.asyncio.Context.instance()

    async def request(self, request: dict[str, Any]) -> dict[str, Any]:
        """The reply map; failures to reach the daemon come back as ``unreachable`` errors."""
        if not self.endpoint:
            return failure("unreachable", "no control endpoint configured")
        if self.token:
            request = {**request, "token": self.token}
        try:
            body = msgpack.packb(request, use_bin_type=True)
        except (TypeError, ValueError, OverflowError) as exc:
            return failure("bad_request", f"cannot encode the request: {exc}")
        socket = self.context.socket(zmq.REQ)
        socket.setsockopt(zmq.LINGER, 0)
        try:
            socket.connect(self.endpoint)
            await socket.send(body)
            if not await socket.poll(int(self.timeout * 1000)):
                return failure("unreachable", f"{self.endpoint} did not answer within {self.timeout:g} s")
            reply = msgpack.unpackb(await socket.recv(), raw=False, strict_map_key=False)
        except zmq.ZMQError as exc:
            return failure("unreachable", f"{self.endpoint}: {exc.strerror}")
        except (ValueError, msgpack.UnpackException) as exc:
            return failure("failed", f"unreadable reply: {exc}")
        finally:
            socket.close()
        if not isinstance(reply, dict):
            return failure("failed", "the reply is not a map")
        return reply


def failure(code: str, message: str) -> dict[str, Any]:
    """An error reply, shaped as the control channel's."""
    return {"ok": False, "error": {"code": code, "message": message}}
