"""Logging set-up: readable text or one JSON object per line, every secret masked.

:func:`setup_logging` sends every logger (ours, and libraries' such as
websockets and httpx) through one stderr handler on the root logger. At
``debug`` the libraries' own debug lines are shown too (websockets prints the
handshake headers, cookies included), so :class:`SecretFilter`, installed on
every root handler, masks each secret :func:`bridge.errors.scrub` knows in
every record's message, arguments and traceback, whatever the format.
:class:`Throttle` caps how many lines a second one kind of warning may log.
"""

from __future__ import annotations

import json
import logging
import sys
import time
import traceback
from collections.abc import Callable

from .errors import scrub

__all__ = ["JsonFormatter", "LINES_PER_SECOND", "SecretFilter", "Throttle", "setup_logging"]

LINES_PER_SECOND = 5
"""Lines a :class:`Throttle` logs a second by default."""


class Throttle:
    """Logs at most ``per_second`` lines a second of one kind of warning; the rest are counted.

    The first line of the next second says how many were left out (``5 more refused
    control requests were not logged``), so a flood of bad input cannot flood the log.
    """

    def __init__(
        self,
        log: logging.Logger,
        what: str,
        per_second: int = LINES_PER_SECOND,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.log = log
        self.what = what
        self.per_second = per_second
        self.clock = clock
        self.unlogged = 0
        """Lines left out so far (reset when reported)."""
        self._start = -1.0
        self._count = 0

    def warning(self, message: str, *args: object) -> None:
        """Log ``message % args`` unless this second's lines are used up."""
        now = self.clock()
        if self._start < 0 or now - self._start >= 1.0:
            if self.unlogged:
                self.log.warning("%d more %s were not logged", self.unlogged, self.what)
                self.unlogged = 0
            self._start, self._count = now, 0
        self._count += 1
        if self._count > self.per_second:
            self.unlogged += 1
        else:
            self.log.warning(message, *args)


class JsonFormatter(logging.Formatter):
    """Formats each record as one JSON line (``ts``, ``level``, ``logger``, ``msg``)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": round(record.created, 3),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exc"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


class SecretFilter(logging.Filter):
    """Masks every remembered secret in a record before any handler formats it.

    The message is formatted with its arguments, scrubbed and stored back (no
    arguments left); a traceback or stack is formatted and scrubbed the same way.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: show it as it is, scrubbed
            message = f"{record.msg!r} % {record.args!r}"
        record.msg, record.args = scrub(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


_SECRETS = SecretFilter()


class _Handler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler :func:`setup_logging` installs (replaced when it is called again)."""


def setup_logging(level: str = "info", fmt: str = "text") -> None:
    """Log to stderr at ``level`` in ``fmt`` (text or json), every secret masked.

    ``bridge`` loggers log at ``level``; other libraries' loggers at warning and
    above, or everything at ``debug``.
    """
    handler = _Handler(sys.stderr)
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        formatter = logging.Formatter("%(asctime)s.%(msecs)03d %(levelname)-7s %(message)s", "%H:%M:%S")
        formatter.converter = time.localtime
        handler.setFormatter(formatter)
    numeric = logging.getLevelName(level.upper())
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _Handler)]:
        root.removeHandler(old)
    root.addHandler(handler)
    for each in root.handlers:
        if _SECRETS not in each.filters:
            each.addFilter(_SECRETS)
    root.setLevel(logging.DEBUG if numeric == logging.DEBUG else max(numeric, logging.WARNING))
    logger = logging.getLogger("bridge")
    logger.handlers.clear()
    logger.setLevel(numeric)
    logger.propagate = True
