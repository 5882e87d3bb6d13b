"""Logging set-up: readable text or one JSON object per line, every secret masked.

:func:`setup_logging` sends every logger (ours, and libraries' such as
websockets and httpx) through one stderr handler on the root logger. At
``debug`` the libraries' own debug lines are shown too (websockets prints the
handshake headers, cookies included), so :class:`SecretFilter`, installed on
every root handler, masks each secret :func:`bridge.errors.scrub` knows in
every record's message, arguments and traceback, whatever the format.
"""

from __future__ import annotations

import json
import logging
import sys
import time
import traceback

from .errors import scrub

__all__ = ["JsonFormatter", "SecretFilter", "setup_logging"]


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
