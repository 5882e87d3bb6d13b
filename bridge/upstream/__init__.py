"""Upstream: TikTok LIVE itself (lookup, signing, the push WebSocket session), the TikTool and Euler relays.

Each source feeds one room into a :class:`bridge.room.Sink` (the daemon) and offers
the raw-message tap the recorder attaches to; none imports the server.
"""
