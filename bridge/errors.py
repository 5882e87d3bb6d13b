"""Exceptions raised by tiktok-live-bridge.

The tree::

    BridgeError
    ├── DecodeError (also ValueError)     malformed webcast bytes
    │   ├── TruncatedError                a field or length runs past the end
    │   ├── VarintError                   a varint longer than 64 bits
    │   ├── WireTypeError                 a wire type protobuf does not allow
    │   └── LimitError                    a size limit was exceeded (zip bombs, huge frames)
    ├── ConfigError (also ValueError)     a bad config file, key or value
    ├── PublishError                      the ZeroMQ publisher could not start
    └── LiveError                         talking to TikTok failed; ``reason`` is the status code
        ├── UserNotFoundError             no such creator
        ├── UserOfflineError              the creator is not live
        ├── PrivateRoomError              the live room is private
        ├── BlockedError                  TikTok answered with a captcha or block page
        ├── LookupFailedError             the lookup answer could not be understood
        ├── SignError                     the sign server failed (5xx, empty answer, no cookies)
        │   ├── SignRateLimitError        429: ``retry_after`` seconds until the limit resets
        │   └── SignAuthError             401/402/403: key missing, invalid or not entitled
        └── HandshakeError                the push WebSocket was refused (``Handshake-Msg``)

Both decoder implementations raise exactly these classes.

:func:`scrub` is the one redaction: every secret the daemon was given
(:func:`remember_secret`) is masked in any text it returns, so error messages
can be published and logged.
"""

from __future__ import annotations

__all__ = [
    "BridgeError",
    "BlockedError",
    "ConfigError",
    "DecodeError",
    "HandshakeError",
    "LimitError",
    "LiveError",
    "LookupFailedError",
    "PrivateRoomError",
    "PublishError",
    "SignAuthError",
    "SignError",
    "SignRateLimitError",
    "TruncatedError",
    "UserNotFoundError",
    "UserOfflineError",
    "VarintError",
    "WireTypeError",
    "remember_secret",
    "scrub",
]

_SECRETS: set[str] = set()
MASK = "***"


def remember_secret(value: str) -> None:
    """Mask ``value`` in everything :func:`scrub` returns from now on (values under 4 characters are not)."""
    if len(value) >= 4:
        _SECRETS.add(value)


def scrub(text: str, *extra: str) -> str:
    """``text`` with every remembered secret, and each of ``extra``, replaced by ``***``."""
    for secret in sorted(_SECRETS.union(e for e in extra if e), key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, MASK)
    return text


class BridgeError(Exception):
    """Base class of every error this package raises."""


class DecodeError(ValueError, BridgeError):
    """Bytes that are not a valid webcast frame or message."""


class TruncatedError(DecodeError):
    """A field, length or varint runs past the end of its buffer."""


class VarintError(DecodeError):
    """A varint is longer than 64 bits."""


class WireTypeError(DecodeError):
    """A field uses a wire type that is invalid or unsupported (groups)."""


class LimitError(DecodeError):
    """An input exceeds a documented size limit."""


class ConfigError(ValueError, BridgeError):
    """A configuration file, key or value is invalid."""


class PublishError(BridgeError):
    """The ZeroMQ publisher could not be set up."""


class LiveError(BridgeError):
    """Talking to TikTok (or the sign server) failed.

    ``reason`` is the machine-readable code published in ``sys.status``
    (see docs/status.md); ``retryable`` says whether reconnecting can help.
    """

    reason = "upstream_error"
    retryable = True


class UserNotFoundError(LiveError):
    """The creator does not exist."""

    reason = "user_not_found"
    retryable = False


class UserOfflineError(LiveError):
    """The creator is not live right now."""

    reason = "offline"


class PrivateRoomError(LiveError):
    """The live room is private and cannot be watched anonymously."""

    reason = "private"
    retryable = False


class BlockedError(LiveError):
    """TikTok answered with a captcha or block page instead of data."""

    reason = "blocked"


class LookupFailedError(LiveError):
    """A lookup answer could not be understood."""

    reason = "lookup_failed"


class SignError(LiveError):
    """The sign server failed: a 5xx, an empty answer or missing cookies."""

    reason = "sign_failed"


class SignRateLimitError(SignError):
    """The sign server's rate limit was hit (HTTP 429)."""

    reason = "sign_rate_limited"

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        """Seconds until the limit resets (from ``RateLimit-Reset``)."""


class SignAuthError(SignError):
    """The sign server refused the API key (401), wants payment (402) or forbids (403)."""

    retryable = False

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status
        self.reason = {401: "sign_unauthorized", 402: "sign_payment_required"}.get(status, "sign_forbidden")


class HandshakeError(LiveError):
    """TikTok refused the push WebSocket handshake (HTTP 200/400 with ``Handshake-Msg``)."""

    reason = "handshake_rejected"

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status
