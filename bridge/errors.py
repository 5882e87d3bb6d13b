"""Exceptions raised by tiktok-live-bridge.

The tree::

    BridgeError
    ├── DecodeError (also ValueError)     malformed webcast bytes
    │   ├── TruncatedError                a field or length runs past the end
    │   ├── VarintError                   a varint longer than 64 bits
    │   ├── WireTypeError                 a wire type protobuf does not allow
    │   └── LimitError                    a size limit was exceeded (zip bombs, huge frames)
    ├── ConfigError (also ValueError)     a bad config file, key or value
    └── PublishError                      the ZeroMQ publisher could not start

Both decoder implementations raise exactly these classes.
"""

from __future__ import annotations

__all__ = [
    "BridgeError",
    "ConfigError",
    "DecodeError",
    "LimitError",
    "PublishError",
    "TruncatedError",
    "VarintError",
    "WireTypeError",
]


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
