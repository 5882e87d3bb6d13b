"""What a source and the daemon share: the room, the source, the sink it feeds and the raw-message tap.

A source (the live connection, a relay, the simulator, a replay) feeds one
:class:`Room` into a :class:`Sink` and knows nothing else of the daemon, which
is the sink. Before decoding a message a source shows it, exactly as received,
to its :class:`Tap` if it has one: that is how the recorder attaches, the same
way to every source. :class:`RecentIds` is a source's memory of message ids, so
a reconnect does not publish an event twice.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from .frames import FetchResult

__all__ = ["Listener", "Raw", "RecentIds", "Room", "Sink", "Source", "Tap", "tapped"]


@dataclass(slots=True)
class Room:
    """What the daemon tracks about one watched room."""

    name: str
    room_id: int = 0
    state: str = "disconnected"
    reason: str = ""
    events: int = 0
    decode_errors: int = 0
    duplicates: int = 0
    last_event_ts: int = 0
    reconnects: int = 0
    sign_calls: int = 0


class RecentIds:
    """Remembers the last ``capacity`` ids; :meth:`seen` answers and records in one step."""

    def __init__(self, capacity: int = 10_000) -> None:
        self.capacity = capacity
        self._ids: OrderedDict[int, None] = OrderedDict()

    def seen(self, msg_id: int) -> bool:
        """Whether ``msg_id`` was seen before; records it either way."""
        if msg_id in self._ids:
            self._ids.move_to_end(msg_id)
            return True
        self._ids[msg_id] = None
        if len(self._ids) > self.capacity:
            self._ids.popitem(last=False)
        return False

    def ids(self) -> list[int]:
        """The remembered ids, oldest first."""
        return list(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


Listener = Callable[[Room, dict[str, Any]], None]
"""Called with every upstream event of any room after it is published."""


class Sink(Protocol):
    """Where a source delivers what its room sends (the daemon)."""

    listeners: list[Listener]
    """Called with every published upstream event (the recorder notes the stamps through it)."""

    def ingest(self, room: Room, data: bytes) -> FetchResult | None:
        """Decode one raw push frame of ``room`` and publish its events (or count it malformed)."""
        ...

    def deliver(self, room: Room, result: FetchResult, recent: RecentIds | None = None) -> bool:
        """Publish a decoded fetch result, skipping ids ``recent`` has seen; whether it ended the stream."""
        ...

    def set_state(
        self, room: Room, state: str, reason: str, message: str = "", attempt: int = 0, task: str = ""
    ) -> None:
        """Record the room's new connection state and publish ``sys.status``."""
        ...

    def decode_error(self, room: Room, what: str, reason: str) -> None:
        """Count a dropped undecodable message of ``room`` (``what``: ``"a malformed frame"``) and log why."""
        ...


Raw = Literal["frame", "fetch", "json"]
"""What a raw upstream message is: a binary WebSocket message (a push frame or an Euler relay
message), the sign server's first fetch result, or a text (JSON) relay message."""


class Tap(Protocol):
    """Shown every raw upstream message of a room before it is decoded (the recorder is one)."""

    def open(self, room: Room, sink: Sink) -> None:
        """The source starts feeding ``room`` into ``sink``."""
        ...

    def session(self) -> None:
        """A new upstream connection starts."""
        ...

    def raw(self, kind: Raw, data: bytes) -> None:
        """One message as received; empty ``data``: the source could not keep it."""
        ...

    def close(self) -> None:
        """The source stopped."""
        ...


class Source(Protocol):
    """An upstream that feeds frames of one room into a sink until cancelled.

    A source whose ``run`` raises is restarted (see ``Daemon.supervisor``),
    unless it has an attribute ``restartable = False`` (a replay must not play twice).
    """

    room: Room
    tap: Tap | None
    """Shown each raw message before it is decoded (``None``: nothing is)."""

    async def run(self, sink: Sink) -> None:
        """Feed frames into ``sink`` until done or cancelled."""


@contextlib.contextmanager
def tapped(tap: Tap | None, room: Room, sink: Sink) -> Iterator[None]:
    """Open ``tap`` (if any) for one run of a source, and close it however the run ends."""
    if tap is None:
        yield
        return
    tap.open(room, sink)
    try:
        yield
    finally:
        tap.close()
