"""Encoders for TikTok-shaped webcast messages and frames.

The simulator and the fake TikTok build their traffic with these, and the live
connection builds its outgoing heartbeat, ack and enter-room frames with them.
Messages come out the way TikTok sends them: fields out of numeric order, and
padded with the fields a bridge ignores (image URL lists, badges, nested
structs), so decoders are exercised on realistic bytes of realistic size.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .protowire import (
    bool_field,
    bytes_field,
    int_field,
    map_entry,
    message_field,
    str_field,
)

__all__ = [
    "SimUser",
    "ack_frame",
    "enter_room_frame",
    "fetch_result",
    "heartbeat_frame",
    "inner",
    "push_frame",
]

_CDN = "https://p16-webcast.tiktokcdn.com/img/maliva/webcast-va"
_AVATAR = "https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068"


def _digest(*parts: object) -> str:
    return hashlib.sha1(repr(parts).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class SimUser:
    """A viewer as the simulator models it."""

    id: int
    unique_id: str
    nickname: str
    followers: int = 0
    follow_status: int = 0  # 0 none, 1 follower, 2 friend
    moderator: bool = False
    subscriber: bool = False
    gifter_level: int = 0
    member_level: int = 0


def image(key: str, size: int = 100, urls: int = 3) -> bytes:
    """An ``ImageModel`` with a CDN URL list, as TikTok sends them."""
    digest = _digest(key)
    uri = f"tos-maliva-avt-0068/{digest[:32]}"
    url_list = [
        f"{_AVATAR}/{digest[:32]}~tplv-tiktokx-cropcenter:{size}:{size}.webp?dr=10399&nonce={n}"
        f"&refresh_token={digest[n : n + 32]}&x-expires=1790000000&x-signature={digest[:28]}%3D"
        f"&idc=useast5&ps=13740610&shcp=fdd36af4&shp=a5d48078&t=4d5b0474"
        for n in range(urls)
    ]
    return b"".join(
        [
            *(str_field(1, url) for url in url_list),
            str_field(2, uri),
            int_field(3, size),
            int_field(4, size),
            str_field(5, "#A3A3A3"),
        ]
    )


def _badge(scene: int, level: int, key: str) -> bytes:
    return b"".join(
        [
            int_field(1, 1),
            int_field(3, scene),
            message_field(
                12,
                str_field(1, "2"),
                str_field(2, str(7100000000000000000 + scene * 1000 + level)),
                str_field(3, "0"),
                str_field(4, str(7200000000000000000 + level)),
                str_field(5, str(level)),
            ),
            message_field(20, int_field(1, 1), message_field(2, image(f"badge:{key}:{scene}", 32, 1))),
            bool_field(11, True),
        ]
    )


def user_ref(u: SimUser) -> bytes:
    """The short ``User`` TikTok embeds in text pieces."""
    return b"".join([int_field(1, u.id), str_field(3, u.nickname), str_field(38, u.unique_id)])


def user(u: SimUser) -> bytes:
    """A ``User`` message: identity, avatars, follow info and badges."""
    badges = []
    if u.moderator:
        badges.append(_badge(1, 0, u.unique_id))
    if u.subscriber:
        badges.append(_badge(4, 1, u.unique_id))
    if u.gifter_level:
        badges.append(_badge(8, u.gifter_level, u.unique_id))
    if u.member_level:
        badges.append(_badge(10, u.member_level, u.unique_id))
    follow = [int_field(1, 80 + u.id % 400), int_field(3, u.follow_status)] if u.follow_status else []
    if u.followers:
        follow.append(int_field(2, u.followers))
    return b"".join(
        [
            int_field(1, u.id),
            str_field(3, u.nickname),
            message_field(9, image(f"avatar:{u.id}", 100, 2)),
            str_field(38, u.unique_id),
            str_field(46, "MS4wLjABAAAA" + _digest(u.id)[:32] + "_" + _digest(u.id, 1)[:20]),
            message_field(22, *follow),
            *(bytes_field(64, badge) for badge in badges),
            str_field(1028, str(u.id)),
            message_field(10, image(f"avatar:{u.id}", 720, 1)),
            int_field(16, 1_600_000_000 + u.id % 100_000_000),
            str_field(5, "streams daily | gaming | music"),
            message_field(11, image(f"avatar:{u.id}", 1080, 1)),
        ]
    )


def identity(u: SimUser) -> bytes:
    """A ``UserIdentity`` consistent with the user's flags."""
    return b"".join(
        [
            bool_field(2, u.subscriber),
            bool_field(3, u.follow_status >= 2),
            bool_field(4, u.follow_status >= 1),
            bool_field(5, u.moderator),
            bool_field(6, False),
        ]
    )


def text(key: str, pattern: str, users: Sequence[SimUser] = ()) -> bytes:
    """A ``Text`` with a format and one user piece per user."""
    pieces = [
        message_field(
            4, int_field(1, 11), message_field(21, message_field(1, user_ref(u)), bool_field(2, False))
        )
        for u in users
    ]
    return b"".join(
        [
            str_field(1, key),
            str_field(2, pattern),
            message_field(3, str_field(1, "#ffffffff"), int_field(4, 400), int_field(6, 14)),
            *pieces,
        ]
    )


def common(
    method: str, msg_id: int, room_id: int, create_time: int, display: bytes = b"", describe: str = ""
) -> bytes:
    """A ``CommonMessageData``."""
    return b"".join(
        [
            str_field(1, method),
            int_field(2, msg_id),
            int_field(3, room_id),
            int_field(4, create_time),
            bool_field(6, True),
            str_field(7, describe),
            *([bytes_field(8, display)] if display else []),
            int_field(11, 50),
            str_field(12, _digest(msg_id)[:30].upper()),
            str_field(15, "useast5"),
            str_field(16, "useast5"),
            str_field(17, "live"),
            int_field(25, create_time - 35),
        ]
    )


def gift_struct(gift_id: int, name: str, diamonds: int, gift_type: int) -> bytes:
    """A ``Gift`` description with its images."""
    return b"".join(
        [
            message_field(1, image(f"gift:{gift_id}", 100)),
            str_field(2, f"sent {name}"),
            int_field(4, 1000),
            int_field(5, gift_id),
            bool_field(10, gift_type == 1),
            int_field(11, gift_type),
            int_field(12, diamonds),
            bool_field(13, True),
            str_field(16, name),
            message_field(21, image(f"gift-icon:{gift_id}", 100, 1)),
            int_field(14, 3000 + gift_id % 1000),
        ]
    )


def inner(method: str, payload: bytes, msg_id: int) -> bytes:
    """A ``BaseProtoMessage`` carrying one encoded message."""
    return b"".join([str_field(1, method), bytes_field(2, payload), int_field(3, msg_id), int_field(4, 1)])


def fetch_result(
    messages: Iterable[bytes],
    *,
    cursor: str,
    now: int,
    internal_ext: str,
    need_ack: bool = True,
    push_server: str = "",
    route_params: dict[str, str] | None = None,
    heartbeat_duration: int = 10_000,
    is_first: bool = False,
) -> bytes:
    """A ``ProtoMessageFetchResult`` around encoded ``BaseProtoMessage`` records."""
    params = route_params or {}
    return b"".join(
        [
            *(bytes_field(1, m) for m in messages),
            str_field(2, cursor),
            int_field(3, 1000),
            int_field(4, now),
            str_field(5, internal_ext),
            int_field(6, 1),
            *(map_entry(7, str_field(1, k), str_field(2, v)) for k, v in params.items()),
            int_field(8, heartbeat_duration),
            bool_field(9, need_ack),
            *([str_field(10, push_server)] if push_server else []),
            bool_field(11, is_first),
        ]
    )


def push_frame(
    payload_type: str,
    payload: bytes,
    *,
    seq_id: int = 0,
    log_id: int = 0,
    compress: bool = False,
    headers: dict[str, str] | None = None,
) -> bytes:
    """A ``WebcastPushFrame``; ``compress`` gzips the payload and says so in a header."""
    all_headers = dict(headers or {})
    if compress:
        payload = gzip.compress(payload, compresslevel=6, mtime=0)
        all_headers["compress_type"] = "gzip"
    return b"".join(
        [
            *([int_field(1, seq_id)] if seq_id else []),
            *([int_field(2, log_id)] if log_id else []),
            *(map_entry(5, str_field(1, k), str_field(2, v)) for k, v in all_headers.items()),
            str_field(6, "pb"),
            str_field(7, payload_type),
            bytes_field(8, payload),
        ]
    )


def heartbeat_frame(room_id: int, seq: int) -> bytes:
    """The ``hb`` frame a client sends every heartbeat interval."""
    return push_frame("hb", int_field(1, room_id) + int_field(2, seq))


def ack_frame(log_id: int, internal_ext: str) -> bytes:
    """The ``ack`` frame a client sends for a ``need_ack`` frame."""
    return push_frame("ack", (internal_ext or "-").encode("utf-8"), log_id=log_id)


def enter_room_frame(room_id: int) -> bytes:
    """The ``im_enter_room`` frame a client sends once connected."""
    body = b"".join(
        [
            int_field(1, room_id),
            int_field(4, 12),
            str_field(5, "audience"),
            str_field(9, "0"),
        ]
    )
    return push_frame("im_enter_room", body)
