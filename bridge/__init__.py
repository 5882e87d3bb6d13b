"""tiktok-live-bridge: TikTok LIVE events over ZeroMQ for game engines."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
