"""Reading the webcast wire in pure Python: records, values and the structs every message shares.

``_fields`` scans one message's byte range into ``(field number, wire type, a, b)``
records without copying (see :mod:`bridge.codec._pure` for the theory); the
helpers below reduce the shared structs (``User``, ``CommonMessageData``, images,
texts, badges) to what the event contract needs. The message decoders, hand-written
(:mod:`bridge.codec._pure`) and generated (:mod:`bridge.codec._events`), build on them.
"""

from __future__ import annotations

from typing import Any

from ..errors import TruncatedError, VarintError, WireTypeError
from ._schema import (
    BadgeStruct_privilege_log_extra,
    BadgeStruct_scene_type,
    CommonMessageData_create_time,
    CommonMessageData_display_text,
    CommonMessageData_msg_id,
    Emote_emote_id,
    Emote_image,
    FollowInfo_follow_status,
    FollowInfo_follower_count,
    ImageModel_url_list,
    PrivilegeLogExtra_level,
    Text_default_pattern,
    Text_key,
    User_avatar_thumb,
    User_badge_list,
    User_display_id,
    User_follow_info,
    User_id,
    User_id_str,
    User_nickname,
    UserIdentity_is_follower_of_anchor,
    UserIdentity_is_moderator_of_anchor,
    UserIdentity_is_mutual_following_with_anchor,
    UserIdentity_is_subscriber_of_anchor,
)

Event = dict[str, Any]
Record = tuple[int, int, int, int]

_U64 = 1 << 64
_I64_MAX = (1 << 63) - 1


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    try:
        byte = buf[pos]
        pos += 1
        if byte < 0x80:
            return byte, pos
        result = byte & 0x7F
        shift = 7
        while True:
            byte = buf[pos]
            pos += 1
            if shift == 63 and byte > 1:
                raise VarintError(f"varint longer than 64 bits at offset {pos - 1}")
            result |= (byte & 0x7F) << shift
            if byte < 0x80:
                return result, pos
            shift += 7
    except IndexError:
        raise TruncatedError(f"varint runs past the end at offset {pos}") from None


def _fields(buf: bytes, pos: int, end: int) -> list[Record]:
    """Scan ``buf[pos:end]`` into ``(number, wire type, a, b)`` records.

    Varints and fixed values carry the value in ``a``; length-delimited fields
    carry their byte range as ``a:b``.
    """
    out: list[Record] = []
    append = out.append
    n = len(buf)
    while pos < end:
        key = buf[pos]  # one-byte varints (most keys, lengths and values) read inline
        if key < 0x80:
            pos += 1
        else:
            key, pos = _varint(buf, pos)
        number = key >> 3
        wire = key & 7
        if number == 0:
            raise WireTypeError(f"field number 0 at offset {pos}")
        if wire == 0:
            if pos < n and buf[pos] < 0x80:
                append((number, 0, buf[pos], 0))
                pos += 1
            else:
                value, pos = _varint(buf, pos)
                append((number, 0, value, 0))
        elif wire == 2:
            if pos < n and buf[pos] < 0x80:
                size = buf[pos]
                pos += 1
            else:
                size, pos = _varint(buf, pos)
            if size > end - pos:
                raise TruncatedError(f"field {number} length {size} runs past the end")
            append((number, 2, pos, pos + size))
            pos += size
        elif wire == 1:
            if pos + 8 > end:
                raise TruncatedError(f"fixed64 field {number} runs past the end")
            out.append((number, 1, int.from_bytes(buf[pos : pos + 8], "little"), 0))
            pos += 8
        elif wire == 5:
            if pos + 4 > end:
                raise TruncatedError(f"fixed32 field {number} runs past the end")
            out.append((number, 5, int.from_bytes(buf[pos : pos + 4], "little"), 0))
            pos += 4
        else:
            raise WireTypeError(f"field {number} has unsupported wire type {wire}")
    if pos > end:
        raise TruncatedError("varint runs past the end of its message")
    return out


def _s64(value: int) -> int:
    return value - _U64 if value > _I64_MAX else value


def _str(buf: bytes, a: int, b: int) -> str:
    return buf[a:b].decode("utf-8", "replace")


def _put(event: Event, key: str, value: Any) -> None:
    if value:
        event[key] = value


# ---------------------------------------------------------------- shared structs


def _first_url(buf: bytes, a: int, b: int) -> str:
    """First ``url_list`` entry of an ``ImageModel``."""
    for number, wire, x, y in _fields(buf, a, b):
        if number == ImageModel_url_list and wire == 2:
            return _str(buf, x, y)
    return ""


def _text_key(buf: bytes, a: int, b: int) -> tuple[str, str]:
    """``(key, default_pattern)`` of a ``Text``."""
    key = pattern = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
            if number == Text_key:
                key = _str(buf, x, y)
            elif number == Text_default_pattern:
                pattern = _str(buf, x, y)
    return key, pattern


def _level(text: str) -> int:
    return int(text) if text.isdecimal() and len(text) < 10 else 0


def _badge(buf: bytes, a: int, b: int) -> tuple[int, int]:
    """``(scene type, level)`` of a ``BadgeStruct``."""
    scene = level = 0
    for number, wire, x, y in _fields(buf, a, b):
        if number == BadgeStruct_scene_type and wire == 0:
            scene = _s64(x)
        elif number == BadgeStruct_privilege_log_extra and wire == 2:
            for n2, w2, x2, y2 in _fields(buf, x, y):
                if n2 == PrivilegeLogExtra_level and w2 == 2:
                    level = _level(_str(buf, x2, y2))
    return scene, level


def _user(buf: bytes, a: int, b: int, identity: int = 0) -> Event:
    """A ``User`` reduced to the contract's User map.

    ``identity`` carries the flags of a sibling ``UserIdentity`` as a bit set
    (see :func:`_identity`). When the message has that block, its flags alone say
    follower and friend; otherwise ``FollowInfo.follow_status`` does (friend only at 2).
    """
    uid = followers = follow_status = gifter = member = 0
    id_str = unique_id = nickname = avatar = ""
    moderator = subscriber = False
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == User_id:
                uid = _s64(x)
        elif wire == 2:
            if number == User_nickname:
                nickname = _str(buf, x, y)
            elif number == User_avatar_thumb:
                avatar = _first_url(buf, x, y)
            elif number == User_display_id:
                unique_id = _str(buf, x, y)
            elif number == User_follow_info:
                for n2, w2, x2, _ in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == FollowInfo_follower_count:
                            followers = _s64(x2)
                        elif n2 == FollowInfo_follow_status:
                            follow_status = _s64(x2)
            elif number == User_badge_list:
                scene, level = _badge(buf, x, y)
                if scene == 1:
                    moderator = True
                elif scene == 4:
                    subscriber = True
                elif scene == 8:
                    gifter = level
                elif scene == 10:
                    member = level
            elif number == User_id_str:
                id_str = _str(buf, x, y)
    if not uid and id_str.isdecimal() and len(id_str) < 20:
        value = int(id_str)
        uid = value if value <= _I64_MAX else 0
    user: Event = {}
    _put(user, "id", uid)
    _put(user, "uniqueId", unique_id)
    _put(user, "nickname", nickname)
    _put(user, "avatar", avatar)
    _put(user, "followerCount", followers)
    _put(user, "isModerator", moderator or bool(identity & 4))
    _put(user, "isSubscriber", subscriber or bool(identity & 1))
    if identity & _IDENTITY_PRESENT:  # the message's identity block decides (issue 15)
        _put(user, "isFollower", bool(identity & 10))
        _put(user, "isFriend", bool(identity & 8))
    else:  # 1 follower, 2 mutual; 3 (seen on gifts) is a follower, not a friend
        _put(user, "isFollower", follow_status >= 1)
        _put(user, "isFriend", follow_status == 2)
    _put(user, "gifterLevel", gifter)
    _put(user, "memberLevel", member)
    return user


_IDENTITY_PRESENT = 16


def _identity(buf: bytes, a: int, b: int) -> int:
    """``UserIdentity`` as bits: 1 subscriber, 2 follower, 4 moderator, 8 mutual, 16 the block is present."""
    bits = _IDENTITY_PRESENT
    for number, wire, x, _ in _fields(buf, a, b):
        if wire == 0 and x:
            if number == UserIdentity_is_subscriber_of_anchor:
                bits |= 1
            elif number == UserIdentity_is_follower_of_anchor:
                bits |= 2
            elif number == UserIdentity_is_moderator_of_anchor:
                bits |= 4
            elif number == UserIdentity_is_mutual_following_with_anchor:
                bits |= 8
    return bits


def _common(buf: bytes, a: int, b: int, event: Event) -> str:
    """Put ``msgId``/``createTime`` from ``CommonMessageData``; return its text key."""
    key = ""
    msg_id = created = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == CommonMessageData_msg_id:
                msg_id = _s64(x)
            elif number == CommonMessageData_create_time:
                created = _s64(x)
        elif number == CommonMessageData_display_text and wire == 2:
            key = _text_key(buf, x, y)[0]
    _put(event, "msgId", msg_id)
    _put(event, "createTime", created)
    return key


def _emote(buf: bytes, a: int, b: int, index: int) -> Event:
    emote_id = url = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
            if number == Emote_emote_id:
                emote_id = _str(buf, x, y)
            elif number == Emote_image:
                url = _first_url(buf, x, y)
    emote: Event = {}
    _put(emote, "id", emote_id)
    _put(emote, "url", url)
    _put(emote, "index", index)
    return emote


def _user_with_identity(buf: bytes, user: tuple[int, int] | None, identity: int) -> Event:
    return _user(buf, user[0], user[1], identity) if user else {}


def _ints(buf: bytes, wire: int, x: int, y: int, into: list[int]) -> None:
    """Append a repeated int64 field's values, packed (wire 2) or not (wire 0)."""
    if wire == 0:
        into.append(_s64(x))
        return
    pos = x
    while pos < y:
        value, pos = _varint(buf, pos)
        into.append(_s64(value))
    if pos > y:
        raise TruncatedError("packed varint runs past the end of its field")
