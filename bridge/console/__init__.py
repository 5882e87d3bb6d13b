"""The web console: a local page showing rooms, feed, rates, rules and the ledger (``docs/console.md``).

It is an ordinary client of the daemon's public interfaces: :mod:`.bus`
subscribes to the PUB endpoint (a daemon's or a forwarder's) and talks to the
control endpoint, :mod:`.state` folds what arrives into the page's state
(sans-I/O), :mod:`.web` serves the page and pushes that state to browsers over
WebSocket, and :mod:`.service` runs them together. :mod:`.tail` is the
terminal's client (``tiktok-bridge tail``); its one-line event descriptions
are the page's feed lines too.
"""

from __future__ import annotations

from .service import Console, console_settings, serve_console

__all__ = ["Console", "console_settings", "serve_console"]
