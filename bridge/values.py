"""Value domains: what an integer or a name entering the daemon may be.

Everything that comes from outside (upstream fields, control requests, config,
the creators a user names,
scenarios, recording headers) passes through these checks before it becomes a
room id, a counter, a topic or a file name. Counters saturate instead of
overflowing what msgpack (and the engines' int64 fields) can carry.
"""

from __future__ import annotations

import hashlib
import re

__all__ = [
    "INT64_MAX",
    "MAX_NAME_LENGTH",
    "check_name",
    "check_room_id",
    "clamp_i64",
    "normalize_target",
    "safe_file_stem",
    "sat_add",
    "sat_mul",
]

INT64_MAX = 2**63 - 1
"""The largest integer every consumer (msgpack int64, C++ ``int64``, GDScript ``int``) carries."""

INT64_MIN = -(2**63)

MAX_NAME_LENGTH = 64
"""Longest room or action name; TikTok unique ids are at most 24 characters."""

_NAME = re.compile(r"[A-Za-z0-9._:@-]+")


def clamp_i64(value: int) -> int:
    """``value`` clamped into the signed 64-bit range."""
    return INT64_MAX if value > INT64_MAX else INT64_MIN if value < INT64_MIN else value


def sat_add(a: int, b: int) -> int:
    """``a + b``, saturated to the signed 64-bit range."""
    return clamp_i64(a + b)


def sat_mul(a: int, b: int) -> int:
    """``a * b``, saturated to the signed 64-bit range."""
    return clamp_i64(a * b)


def check_room_id(value: object) -> int:
    """A TikTok room id: an integer in 1..2^63-1.

    Raises:
        ValueError: anything else (with the value in the message).
    """
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= INT64_MAX:
        raise ValueError(f"room id {_show(value)} is not an integer in 1..{INT64_MAX}")
    return value


def check_name(value: object, what: str = "name") -> str:
    """A room or action name: 1..64 of ``A-Z a-z 0-9 . _ - : @``, never ``.`` or ``..``.

    Names become topic segments (``gift/<room>``) and file names, so ``/``,
    white space and control characters are refused.

    Raises:
        ValueError: the name is not allowed (the message says why).
    """
    if not isinstance(value, str):
        raise ValueError(f"{what} {_show(value)} is not a string")
    if not value or len(value) > MAX_NAME_LENGTH:
        raise ValueError(f"{what} {_show(value)} must be 1 to {MAX_NAME_LENGTH} characters")
    if not _NAME.fullmatch(value) or value in (".", ".."):
        raise ValueError(f"{what} {_show(value)} may only hold letters, digits and . _ - : @")
    return value


def safe_file_stem(name: str) -> str:
    """A file name stem for ``name`` that is always one plain path component.

    Names already safe (see :func:`check_name`) are kept readable; anything else
    is reduced to its safe characters plus a short hash, so two names never share
    a file.
    """
    if _NAME.fullmatch(name) and len(name) <= MAX_NAME_LENGTH and not name.startswith("."):
        return name
    kept = re.sub(r"[^A-Za-z0-9_-]", "_", name)[:32]
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{kept}-{digest}"


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


_HANDLE = re.compile(r"^[A-Za-z0-9_.]{1,64}$")


def normalize_target(text: str) -> str | int:
    """A creator's uniqueId from ``@name``, ``name`` or a profile/live URL; or a numeric room id.

    Raises:
        ValueError: the text is none of those, or a room id outside 1..2^63-1.
    """
    value = text.strip()
    if value.isascii() and value.isdigit() and len(value) >= 10:
        if len(value) > 19:
            raise ValueError(f"room id {value[:24]}{'...' if len(value) > 24 else ''} is not in 1..2^63-1")
        return check_room_id(int(value))
    value = re.sub(r"^(https?://)?(www\.|m\.)?tiktok\.com/", "", value)
    value = value.split("?", 1)[0].rstrip("/")
    if value.endswith("/live"):
        value = value[: -len("/live")]
    value = value.lstrip("@")
    if not _HANDLE.match(value):
        raise ValueError(f"{text!r} is not a TikTok username, profile URL or room id")
    return value
