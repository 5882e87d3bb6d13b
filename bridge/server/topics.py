"""The ZeroMQ topic scheme.

Every published message is two frames, ``[topic, msgpack payload]``. ZeroMQ
filters subscriptions by topic prefix on the publisher's side, so topics are
built to make useful prefixes:

==========================  =============================================
topic                       published for
==========================  =============================================
``<type>/<room>``           upstream events, e.g. ``gift/someone``
``action/<name>/<room>``    game actions fired by rules
``sys.status/<room>``       connection state changes of one room
``sys.heartbeat``           the daemon heartbeat
``sys.rules``               the rules file was (re)loaded, or failed to
==========================  =============================================

Subscribe to ``""`` for everything, ``gift/`` for gifts of every room,
``gift/someone`` for one room's gifts (a prefix: it also matches ``someone2``,
so check ``room`` in the payload when rooms share a prefix), ``sys.`` for all
system messages. See ``docs/topics.md``.
"""

from __future__ import annotations

__all__ = ["HEARTBEAT", "RULES", "STATUS", "action_topic", "event_topic", "status_topic"]

HEARTBEAT = "sys.heartbeat"
RULES = "sys.rules"
STATUS = "sys.status"
"""Topic of a ``sys.status`` about a daemon task that is not a room's (its ``task`` names it)."""


def event_topic(event_type: str, room: str) -> str:
    """Topic of an upstream event."""
    return f"{event_type}/{room}"


def status_topic(room: str) -> str:
    """Topic of a room's ``sys.status`` message."""
    return f"sys.status/{room}"


def action_topic(name: str, room: str) -> str:
    """Topic of a game action."""
    return f"action/{name}/{room}"
