"""Size limits that bound every allocation the decoders make.

A frame or message over a limit raises :class:`bridge.errors.LimitError`; the
limits are far above anything TikTok sends (frames are a few KiB to a few hundred
KiB) and exist to stop hostile input (zip bombs, absurd lengths).
"""

from __future__ import annotations

__all__ = ["MAX_FRAME_BYTES", "MAX_INFLATED_BYTES", "MAX_MESSAGES_PER_FRAME"]

MAX_FRAME_BYTES = 4 * 1024 * 1024
"""Largest push frame (one WebSocket message) accepted, compressed."""

MAX_INFLATED_BYTES = 16 * 1024 * 1024
"""Largest gunzipped payload accepted: gzip beyond this is treated as a zip bomb."""

MAX_MESSAGES_PER_FRAME = 10_000
"""Most inner messages one fetch result may carry."""
