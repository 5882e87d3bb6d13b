# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# cython: initializedcheck=False, nonecheck=False, infer_types=False
"""Compiled webcast decoder: a port of :mod:`bridge.codec._pure`.

Theory of operation
-------------------
The pure-Python decoder scans each message range with ``_fields`` into a list
of records *before* looking at any of them, so a malformed byte anywhere in a
range raises before anything nested inside that range is visited. This module
keeps that exact order with two passes over every range it opens:

1. ``_check`` walks the range with full bounds checks and raises the same
   exception (same class, same text) ``_fields`` would raise, at the same point;
2. ``_next`` then walks the now-known-good range again without checks, one
   record at a time, into a C struct (no tuples, no Python ints for skipped
   fields, no strings for skipped or overwritten string fields).

Varints read past the end of their enclosing message into the rest of the
buffer exactly like ``_varint`` does (it only knows the buffer), so the error
class on a truncated sub-message matches too.

Strings are decoded only for the occurrence that ends up in the output (the
last one, as in the reference), which is safe because UTF-8 decoding with
``errors="replace"`` cannot fail and a non-empty byte range never decodes to an
empty string. Everything that can raise (nested scans) runs at the same moment
as in the reference, and output maps are filled in the same key order, so the
msgpack bytes of both implementations are identical.
"""

from libc.stdint cimport INT64_MAX, int64_t, uint64_t
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from cpython.unicode cimport PyUnicode_DecodeUTF8

from bridge.contract import IGNORED_METHODS
from bridge.errors import DecodeError, LimitError, TruncatedError, VarintError, WireTypeError
from bridge.frames import FetchResult, MessageError, PushFrame, gunzip, is_gzip
from bridge.limits import MAX_FRAME_BYTES, MAX_MESSAGES_PER_FRAME

__all__ = ["decode_fetch_result", "decode_frame", "decode_message", "METHODS", "IGNORED_METHODS"]

ctypedef unsigned char u8


# ---------------------------------------------------------------- wire scanning


cdef struct It:
    # One record of a validated range: number, wire type, varint value or byte range.
    Py_ssize_t pos
    Py_ssize_t end
    uint64_t num
    uint64_t val
    Py_ssize_t a
    Py_ssize_t b
    int wire


cdef int _varint(const u8* p, Py_ssize_t n, Py_ssize_t* ppos, uint64_t* out) except -1:
    """Checked varint read bounded by the buffer length ``n`` (``_pure._varint``)."""
    cdef Py_ssize_t pos = ppos[0]
    cdef uint64_t byte, result
    cdef int shift
    if pos >= n:
        raise TruncatedError(f"varint runs past the end at offset {pos}")
    byte = p[pos]
    pos += 1
    if byte < 0x80:
        ppos[0] = pos
        out[0] = byte
        return 0
    result = byte & 0x7F
    shift = 7
    while True:
        if pos >= n:
            raise TruncatedError(f"varint runs past the end at offset {pos}")
        byte = p[pos]
        pos += 1
        if shift == 63 and byte > 1:
            raise VarintError(f"varint longer than 64 bits at offset {pos - 1}")
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            ppos[0] = pos
            out[0] = result
            return 0
        shift += 7


cdef int _check(const u8* p, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t end) except -1:
    """Validate ``p[pos:end]`` exactly as ``_pure._fields`` scans it."""
    cdef uint64_t key, number, value
    cdef int wire
    while pos < end:
        if pos < n and p[pos] < 0x80:
            key = p[pos]
            pos += 1
        else:
            _varint(p, n, &pos, &key)
        number = key >> 3
        wire = <int>(key & 7)
        if number == 0:
            raise WireTypeError(f"field number 0 at offset {pos}")
        if wire == 0:
            if pos < n and p[pos] < 0x80:
                pos += 1
            else:
                _varint(p, n, &pos, &value)
        elif wire == 2:
            if pos < n and p[pos] < 0x80:
                value = p[pos]
                pos += 1
            else:
                _varint(p, n, &pos, &value)
            if pos > end or value > <uint64_t>(end - pos):
                raise TruncatedError(f"field {number} length {value} runs past the end")
            pos += <Py_ssize_t>value
        elif wire == 1:
            if pos + 8 > end:
                raise TruncatedError(f"fixed64 field {number} runs past the end")
            pos += 8
        elif wire == 5:
            if pos + 4 > end:
                raise TruncatedError(f"fixed32 field {number} runs past the end")
            pos += 4
        else:
            raise WireTypeError(f"field {number} has unsupported wire type {wire}")
    if pos > end:
        raise TruncatedError("varint runs past the end of its message")
    return 0


cdef inline uint64_t _uv(const u8* p, Py_ssize_t* ppos) noexcept nogil:
    """Unchecked varint read, only for ranges ``_check`` accepted."""
    cdef Py_ssize_t pos = ppos[0]
    cdef uint64_t byte = p[pos]
    cdef uint64_t result
    cdef int shift
    pos += 1
    if byte < 0x80:
        ppos[0] = pos
        return byte
    result = byte & 0x7F
    shift = 7
    while shift < 64:
        byte = p[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            break
        shift += 7
    ppos[0] = pos
    return result


cdef inline int _open(It* it, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b) except -1:
    it.pos = a
    it.end = b
    _check(p, n, a, b)
    return 0


cdef inline bint _next(It* it, const u8* p) noexcept nogil:
    cdef uint64_t key, size
    if it.pos >= it.end:
        return False
    key = _uv(p, &it.pos)
    it.num = key >> 3
    it.wire = <int>(key & 7)
    if it.wire == 0:
        it.val = _uv(p, &it.pos)
    elif it.wire == 2:
        size = _uv(p, &it.pos)
        it.a = it.pos
        it.pos += <Py_ssize_t>size
        it.b = it.pos
    elif it.wire == 1:
        it.pos += 8
    else:
        it.pos += 4
    return True


cdef inline int64_t _s64(uint64_t v) noexcept nogil:
    return <int64_t>v


cdef inline str _str(const u8* p, Py_ssize_t a, Py_ssize_t b):
    return PyUnicode_DecodeUTF8(<const char*>p + a, b - a, "replace")


cdef inline int _put_str(dict d, str key, const u8* p, Py_ssize_t a, Py_ssize_t b) except -1:
    if b > a:
        d[key] = PyUnicode_DecodeUTF8(<const char*>p + a, b - a, "replace")
    return 0


cdef inline int _put_int(dict d, str key, int64_t v) except -1:
    if v:
        d[key] = v
    return 0


cdef inline int _put_bool(dict d, str key, bint v) except -1:
    if v:
        d[key] = True
    return 0


cdef inline int _put_obj(dict d, str key, object v) except -1:
    if v:
        d[key] = v
    return 0


cdef int64_t _decimal(const u8* p, Py_ssize_t a, Py_ssize_t b, Py_ssize_t limit) except -1:
    """``int(text)`` for ``text = _str(p, a, b)`` if ``text.isdecimal() and len(text) < limit``
    and the value fits an int64, else 0 (``limit`` is at most 20)."""
    cdef Py_ssize_t i
    cdef u8 c
    cdef uint64_t v = 0
    for i in range(a, b):
        c = p[i]
        if c >= 0x80:
            text = _str(p, a, b)
            if not (text.isdecimal() and len(text) < limit):
                return 0
            value = int(text)
            return value if value <= INT64_MAX else 0
        if c < 48 or c > 57:
            return 0
    if b <= a or b - a >= limit:
        return 0
    for i in range(a, b):  # at most 19 digits: below 2**64
        v = v * 10 + (p[i] - 48)
    return <int64_t>v if v <= <uint64_t>INT64_MAX else 0


# ---------------------------------------------------------------- shared structs


cdef int _first_url(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b,
                    Py_ssize_t* ra, Py_ssize_t* rb) except -1:
    """Range of the first ``url_list`` entry of an ``ImageModel`` (empty if none)."""
    cdef It it
    _open(&it, p, n, a, b)
    ra[0] = 0
    rb[0] = 0
    while _next(&it, p):
        if it.num == 1 and it.wire == 2:
            ra[0] = it.a
            rb[0] = it.b
            return 0
    return 0


cdef int _text_key(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, Py_ssize_t* r) except -1:
    """Ranges of ``(key, default_pattern)`` of a ``Text`` into ``r[0:4]``."""
    cdef It it
    _open(&it, p, n, a, b)
    r[0] = r[1] = r[2] = r[3] = 0
    while _next(&it, p):
        if it.wire == 2:
            if it.num == 1:
                r[0] = it.a
                r[1] = it.b
            elif it.num == 2:
                r[2] = it.a
                r[3] = it.b
    return 0


cdef int _badge(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b,
                int64_t* scene_out, int64_t* level_out) except -1:
    """``(scene type, level)`` of a ``BadgeStruct``."""
    cdef It it, it2
    cdef int64_t scene = 0, level = 0
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.num == 3 and it.wire == 0:
            scene = _s64(it.val)
        elif it.num == 12 and it.wire == 2:
            _open(&it2, p, n, it.a, it.b)
            while _next(&it2, p):
                if it2.num == 5 and it2.wire == 2:
                    level = _decimal(p, it2.a, it2.b, 10)
    scene_out[0] = scene
    level_out[0] = level
    return 0


cdef dict _user(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, int identity):
    """A ``User`` reduced to the contract's User map (see ``_pure._user``)."""
    cdef It it, it2
    cdef int64_t uid = 0, followers = 0, follow_status = 0, gifter = 0, member = 0
    cdef int64_t scene = 0, level = 0
    cdef Py_ssize_t ida = 0, idb = 0, una = 0, unb = 0, nia = 0, nib = 0, ava = 0, avb = 0
    cdef bint moderator = False, subscriber = False
    cdef dict user
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 1:
                uid = _s64(it.val)
        elif it.wire == 2:
            if it.num == 3:
                nia = it.a
                nib = it.b
            elif it.num == 9:
                _first_url(p, n, it.a, it.b, &ava, &avb)
            elif it.num == 38:
                una = it.a
                unb = it.b
            elif it.num == 22:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == 2:
                            followers = _s64(it2.val)
                        elif it2.num == 3:
                            follow_status = _s64(it2.val)
            elif it.num == 64:
                _badge(p, n, it.a, it.b, &scene, &level)
                if scene == 1:
                    moderator = True
                elif scene == 4:
                    subscriber = True
                elif scene == 8:
                    gifter = level
                elif scene == 10:
                    member = level
            elif it.num == 1028:
                ida = it.a
                idb = it.b
    if uid == 0 and idb > ida:
        uid = _decimal(p, ida, idb, 20)
    user = {}
    _put_int(user, "id", uid)
    _put_str(user, "uniqueId", p, una, unb)
    _put_str(user, "nickname", p, nia, nib)
    _put_str(user, "avatar", p, ava, avb)
    _put_int(user, "followerCount", followers)
    _put_bool(user, "isModerator", moderator or (identity & 4))
    _put_bool(user, "isSubscriber", subscriber or (identity & 1))
    _put_bool(user, "isFollower", follow_status >= 1 or (identity & 10))
    _put_bool(user, "isFriend", follow_status >= 2 or (identity & 8))
    _put_int(user, "gifterLevel", gifter)
    _put_int(user, "memberLevel", member)
    return user


cdef inline int _put_user(dict event, bint has_user, const u8* p, Py_ssize_t n,
                          Py_ssize_t a, Py_ssize_t b, int identity) except -1:
    """``_put(event, "user", _user_with_identity(...))``."""
    cdef dict user
    if has_user:
        user = _user(p, n, a, b, identity)
        if user:
            event["user"] = user
    return 0


cdef int _identity(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b) except -1:
    """``UserIdentity`` as bits: 1 subscriber, 2 follower, 4 moderator, 8 mutual."""
    cdef It it
    cdef int bits = 0
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0 and it.val:
            if it.num == 2:
                bits |= 1
            elif it.num == 4:
                bits |= 2
            elif it.num == 5:
                bits |= 4
            elif it.num == 3:
                bits |= 8
    return bits


cdef int _common(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, dict event,
                 Py_ssize_t* key) except -1:
    """Put ``msgId``/``createTime`` from ``CommonMessageData``; its text key range into ``key``."""
    cdef It it
    cdef int64_t msg_id = 0, created = 0
    cdef Py_ssize_t text[4]
    _open(&it, p, n, a, b)
    key[0] = key[1] = 0
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 2:
                msg_id = _s64(it.val)
            elif it.num == 4:
                created = _s64(it.val)
        elif it.num == 8 and it.wire == 2:
            _text_key(p, n, it.a, it.b, text)
            key[0] = text[0]
            key[1] = text[1]
    _put_int(event, "msgId", msg_id)
    _put_int(event, "createTime", created)
    return 0


cdef dict _emote(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef Py_ssize_t ia = 0, ib = 0, ua = 0, ub = 0
    cdef dict emote
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == 1:
                ia = it.a
                ib = it.b
            elif it.num == 2:
                _first_url(p, n, it.a, it.b, &ua, &ub)
    emote = {}
    _put_str(emote, "id", p, ia, ib)
    _put_str(emote, "url", p, ua, ub)
    return emote


# ---------------------------------------------------------------- messages


cdef dict _chat(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef dict event = {"type": "chat"}
    cdef dict emote
    cdef list emotes = None
    cdef bint has_user = False
    cdef int identity = 0
    cdef int64_t index
    cdef Py_ssize_t ua = 0, ub = 0, ca = 0, cb = 0, la = 0, lb = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire != 2:
            continue
        if it.num == 1:
            _common(p, n, it.a, it.b, event, key)
        elif it.num == 2:
            has_user = True
            ua = it.a
            ub = it.b
        elif it.num == 3:
            ca = it.a
            cb = it.b
        elif it.num == 13:
            index = 0
            emote = {}
            _open(&it2, p, n, it.a, it.b)
            while _next(&it2, p):
                if it2.num == 1 and it2.wire == 0:
                    index = _s64(it2.val)
                elif it2.num == 2 and it2.wire == 2:
                    emote = _emote(p, n, it2.a, it2.b)
            if index:
                emote["index"] = index
            if emotes is None:
                emotes = []
            emotes.append(emote)
        elif it.num == 14:
            la = it.a
            lb = it.b
        elif it.num == 18:
            identity = _identity(p, n, it.a, it.b)
    _put_user(event, has_user, p, n, ua, ub, identity)
    _put_str(event, "comment", p, ca, cb)
    _put_str(event, "language", p, la, lb)
    _put_obj(event, "emotes", emotes)
    return event


cdef dict _gift(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef dict event = {"type": "gift"}
    cdef bint has_user = False
    cdef int identity = 0
    cdef int64_t gift_id = 0, repeat_count = 0, group_id = 0, to_user = 0
    cdef int64_t gift_type = 0, diamonds = 0
    cdef uint64_t repeat_end = 0
    cdef Py_ssize_t ua = 0, ub = 0, na = 0, nb = 0, ia = 0, ib = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 2:
                gift_id = _s64(it.val)
            elif it.num == 5:
                repeat_count = _s64(it.val)
            elif it.num == 9:
                repeat_end = it.val
            elif it.num == 11:
                group_id = _s64(it.val)
        elif it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 7:
                has_user = True
                ua = it.a
                ub = it.b
            elif it.num == 8:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.num == 1 and it2.wire == 0:
                        to_user = _s64(it2.val)
            elif it.num == 15:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == 5 and not gift_id:
                            gift_id = _s64(it2.val)
                        elif it2.num == 11:
                            gift_type = _s64(it2.val)
                        elif it2.num == 12:
                            diamonds = _s64(it2.val)
                    elif it2.wire == 2:
                        if it2.num == 16:
                            na = it2.a
                            nb = it2.b
                        elif it2.num == 1:
                            _first_url(p, n, it2.a, it2.b, &ia, &ib)
            elif it.num == 32:
                identity = _identity(p, n, it.a, it.b)
    _put_user(event, has_user, p, n, ua, ub, identity)
    _put_int(event, "giftId", gift_id)
    _put_str(event, "giftName", p, na, nb)
    _put_int(event, "diamondCount", diamonds)
    _put_int(event, "repeatCount", repeat_count)
    _put_bool(event, "repeatEnd", repeat_end != 0)
    _put_int(event, "giftType", gift_type)
    _put_int(event, "groupId", group_id)
    _put_bool(event, "streaking", gift_type == 1 and repeat_end == 0)
    _put_str(event, "giftImage", p, ia, ib)
    _put_int(event, "toUserId", to_user)
    return event


cdef dict _like(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {"type": "like"}
    cdef bint has_user = False
    cdef int64_t count = 0, total = 0
    cdef Py_ssize_t ua = 0, ub = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 2:
                count = _s64(it.val)
            elif it.num == 3:
                total = _s64(it.val)
        elif it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 5:
                has_user = True
                ua = it.a
                ub = it.b
    _put_user(event, has_user, p, n, ua, ub, 0)
    _put_int(event, "likeCount", count)
    _put_int(event, "totalLikes", total)
    return event


cdef dict _member(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {"type": "member"}
    cdef bint has_user = False
    cdef int64_t action = 0, count = 0
    cdef Py_ssize_t ua = 0, ub = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 10:
                action = _s64(it.val)
            elif it.num == 3:
                count = _s64(it.val)
        elif it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 2:
                has_user = True
                ua = it.a
                ub = it.b
    _put_user(event, has_user, p, n, ua, ub, 0)
    _put_int(event, "action", action)
    _put_int(event, "memberCount", count)
    return event


cdef dict _social(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {}
    cdef dict out
    cdef bint has_user = False
    cdef int64_t action = 0, share_type = 0, follow_count = 0, share_count = 0
    cdef Py_ssize_t ua = 0, ub = 0, ta = 0, tb = 0
    cdef Py_ssize_t key[2]
    cdef str text_key, kind
    key[0] = key[1] = 0
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 4:
                action = _s64(it.val)
            elif it.num == 3:
                share_type = _s64(it.val)
            elif it.num == 6:
                follow_count = _s64(it.val)
            elif it.num == 8:
                share_count = _s64(it.val)
        elif it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 2:
                has_user = True
                ua = it.a
                ub = it.b
            elif it.num == 5:
                ta = it.a
                tb = it.b
    text_key = _str(p, key[0], key[1])
    if "follow" in text_key or (not text_key and action == 1):
        kind = "follow"
    elif "share" in text_key or (not text_key and action == 3):
        kind = "share"
    else:
        kind = "social"
    out = {"type": kind}
    out.update(event)
    _put_user(out, has_user, p, n, ua, ub, 0)
    if kind == "follow":
        _put_int(out, "followCount", follow_count)
    elif kind == "share":
        _put_int(out, "shareType", share_type)
        _put_int(out, "shareCount", share_count)
        _put_str(out, "shareTarget", p, ta, tb)
    else:
        _put_int(out, "action", action)
    return out


cdef dict _sub_notify(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {"type": "subscribe"}
    cdef bint has_user = False
    cdef int64_t months = 0, sub_type = 0
    cdef uint64_t gifted = 0
    cdef Py_ssize_t ua = 0, ub = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 4:
                months = _s64(it.val)
            elif it.num == 5:
                sub_type = _s64(it.val)
            elif it.num == 9:
                gifted = it.val
        elif it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 2:
                has_user = True
                ua = it.a
                ub = it.b
    _put_user(event, has_user, p, n, ua, ub, 0)
    _put_int(event, "subMonth", months)
    _put_int(event, "subscribeType", sub_type)
    _put_bool(event, "gifted", gifted != 0)
    return event


cdef dict _contributor(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict out
    cdef bint has_user = False
    cdef int64_t score = 0, rank = 0
    cdef Py_ssize_t ua = 0, ub = 0
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 1:
                score = _s64(it.val)
            elif it.num == 3:
                rank = _s64(it.val)
        elif it.num == 2 and it.wire == 2:
            has_user = True
            ua = it.a
            ub = it.b
    out = {}
    _put_user(out, has_user, p, n, ua, ub, 0)
    _put_int(out, "score", score)
    _put_int(out, "rank", rank)
    return out


cdef dict _room_user_seq(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {"type": "roomUserSeq"}
    cdef int64_t viewers = 0, total = 0
    cdef list top = None
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 3:
                viewers = _s64(it.val)
            elif it.num == 7:
                total = _s64(it.val)
        elif it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 2:
                if top is None:
                    top = []
                top.append(_contributor(p, n, it.a, it.b))
    _put_int(event, "viewerCount", viewers)
    _put_int(event, "totalViewers", total)
    _put_obj(event, "topViewers", top)
    return event


cdef dict _control(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {}
    cdef dict out
    cdef int64_t action = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.num == 2 and it.wire == 0:
            action = _s64(it.val)
        elif it.num == 1 and it.wire == 2:
            _common(p, n, it.a, it.b, event, key)
    out = {"type": "streamEnd" if action == 3 or action == 4 else "control"}
    out.update(event)
    _put_int(out, "action", action)
    return out


cdef int _map_value(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b,
                    int64_t* key, Py_ssize_t* value) except -1:
    """Key of a ``map<int64, Message>`` entry; its value range into ``value[0:2]``.

    Returns 1 when the entry has a value, else 0.
    """
    cdef It it
    cdef int has = 0
    _open(&it, p, n, a, b)
    key[0] = 0
    while _next(&it, p):
        if it.num == 1 and it.wire == 0:
            key[0] = _s64(it.val)
        elif it.num == 2 and it.wire == 2:
            has = 1
            value[0] = it.a
            value[1] = it.b
    return has


cdef dict _battle_anchor(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef int64_t user_id = 0
    cdef Py_ssize_t ua = 0, ub = 0, na = 0, nb = 0, aa = 0, ab = 0
    cdef dict anchor
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0 and it.num == 1:
            user_id = _s64(it.val)
        elif it.wire == 2:
            if it.num == 2:
                na = it.a
                nb = it.b
            elif it.num == 3:
                _first_url(p, n, it.a, it.b, &aa, &ab)
            elif it.num == 4:
                ua = it.a
                ub = it.b
    anchor = {}
    _put_int(anchor, "id", user_id)
    _put_str(anchor, "uniqueId", p, ua, ub)
    _put_str(anchor, "nickname", p, na, nb)
    _put_str(anchor, "avatar", p, aa, ab)
    return anchor


cdef dict _battle(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef dict event = {"type": "battle"}
    cdef dict result, anchor
    cdef int64_t battle_id = 0, action = 0, status = 0, duration = 0, start = 0
    cdef int64_t map_key, user_id, outcome, score
    cdef list results = None, anchors = None
    cdef Py_ssize_t key[2]
    cdef Py_ssize_t value[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 2:
                battle_id = _s64(it.val)
            elif it.num == 4:
                action = _s64(it.val)
        elif it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 3:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == 5:
                            status = _s64(it2.val)
                        elif it2.num == 3:
                            duration = _s64(it2.val)
                        elif it2.num == 2:
                            start = _s64(it2.val)
                        elif it2.num == 1 and not battle_id:
                            battle_id = _s64(it2.val)
            elif it.num == 5:
                result = {}
                if _map_value(p, n, it.a, it.b, &map_key, value):
                    user_id = outcome = score = 0
                    _open(&it2, p, n, value[0], value[1])
                    while _next(&it2, p):
                        if it2.wire == 0:
                            if it2.num == 1:
                                user_id = _s64(it2.val)
                            elif it2.num == 2:
                                outcome = _s64(it2.val)
                            elif it2.num == 3:
                                score = _s64(it2.val)
                    _put_int(result, "userId", user_id)
                    _put_int(result, "result", outcome)
                    _put_int(result, "score", score)
                if results is None:
                    results = []
                results.append(result)
            elif it.num == 10:
                anchor = {}
                if _map_value(p, n, it.a, it.b, &map_key, value):
                    _open(&it2, p, n, value[0], value[1])
                    while _next(&it2, p):
                        if it2.num == 1 and it2.wire == 2:
                            anchor = _battle_anchor(p, n, it2.a, it2.b)
                if anchors is None:
                    anchors = []
                anchors.append(anchor)
    _put_int(event, "battleId", battle_id)
    _put_int(event, "action", action)
    _put_int(event, "status", status)
    _put_int(event, "duration", duration)
    _put_int(event, "startTime", start)
    _put_obj(event, "results", results)
    _put_obj(event, "anchors", anchors)
    return event


cdef dict _battle_team(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef int64_t anchor_id = 0, score = 0, user_id, points
    cdef Py_ssize_t value[2]
    cdef Py_ssize_t na, nb
    cdef list supporters = None
    cdef dict supporter, team
    if _map_value(p, n, a, b, &anchor_id, value):
        _open(&it, p, n, value[0], value[1])
        while _next(&it, p):
            if it.num == 2 and it.wire == 0:
                score = _s64(it.val)
            elif it.num == 1 and it.wire == 2:
                user_id = points = 0
                na = nb = 0
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == 1:
                            user_id = _s64(it2.val)
                        elif it2.num == 2:
                            points = _s64(it2.val)
                    elif it2.num == 3 and it2.wire == 2:
                        na = it2.a
                        nb = it2.b
                supporter = {}
                _put_int(supporter, "userId", user_id)
                _put_str(supporter, "nickname", p, na, nb)
                _put_int(supporter, "score", points)
                if supporters is None:
                    supporters = []
                supporters.append(supporter)
    team = {}
    _put_int(team, "anchorId", anchor_id)
    _put_int(team, "score", score)
    _put_obj(team, "supporters", supporters)
    return team


cdef dict _armies(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {"type": "battleArmies"}
    cdef int64_t battle_id = 0, status = 0, from_user = 0, gift_id = 0, gift_count = 0, diamonds = 0
    cdef list teams = None
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 2:
                battle_id = _s64(it.val)
            elif it.num == 7:
                status = _s64(it.val)
            elif it.num == 8:
                from_user = _s64(it.val)
            elif it.num == 9:
                gift_id = _s64(it.val)
            elif it.num == 10:
                gift_count = _s64(it.val)
            elif it.num == 12:
                diamonds = _s64(it.val)
        elif it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 3:
                if teams is None:
                    teams = []
                teams.append(_battle_team(p, n, it.a, it.b))
    _put_int(event, "battleId", battle_id)
    _put_int(event, "status", status)
    _put_int(event, "fromUserId", from_user)
    _put_int(event, "giftId", gift_id)
    _put_int(event, "giftCount", gift_count)
    _put_int(event, "totalDiamonds", diamonds)
    _put_obj(event, "teams", teams)
    return event


cdef dict _room_pin(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef dict event = {"type": "roomPin"}
    cdef dict pinned = None
    cdef int64_t action = 0, pin_time = 0, duration = 0, operator_id = 0
    cdef Py_ssize_t ma = 0, mb = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 33:
                action = _s64(it.val)
            elif it.num == 31:
                pin_time = _s64(it.val)
            elif it.num == 34:
                duration = _s64(it.val)
        elif it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 30:
                ma = it.a
                mb = it.b
            elif it.num == 32:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.num == 1 and it2.wire == 0:
                        operator_id = _s64(it2.val)
            elif it.num == 2:
                pinned = _chat(p, n, it.a, it.b)
            elif it.num == 3:
                pinned = _social(p, n, it.a, it.b)
            elif it.num == 4:
                pinned = _gift(p, n, it.a, it.b)
            elif it.num == 5:
                pinned = _member(p, n, it.a, it.b)
            elif it.num == 6:
                pinned = _like(p, n, it.a, it.b)
    _put_int(event, "action", action)
    _put_int(event, "pinTime", pin_time)
    _put_int(event, "duration", duration)
    _put_str(event, "originalType", p, ma, mb)
    _put_int(event, "operatorId", operator_id)
    _put_obj(event, "pinned", pinned)
    return event


cdef dict _emote_chat(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {"type": "emote"}
    cdef dict first
    cdef list emotes = None
    cdef bint has_user = False
    cdef int identity = 0
    cdef Py_ssize_t ua = 0, ub = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire != 2:
            continue
        if it.num == 1:
            _common(p, n, it.a, it.b, event, key)
        elif it.num == 2:
            has_user = True
            ua = it.a
            ub = it.b
        elif it.num == 3:
            if emotes is None:
                emotes = []
            emotes.append(_emote(p, n, it.a, it.b))
        elif it.num == 5:
            identity = _identity(p, n, it.a, it.b)
    _put_user(event, has_user, p, n, ua, ub, identity)
    if emotes:
        first = emotes[0]
        _put_obj(event, "emoteId", first.get("id", ""))
        _put_obj(event, "emoteUrl", first.get("url", ""))
    _put_obj(event, "emotes", emotes)
    return event


cdef dict _envelope(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef dict event = {"type": "envelope"}
    cdef int64_t diamonds = 0, people = 0, business = 0, unpack_at = 0
    cdef Py_ssize_t ea = 0, eb = 0, sa = 0, sb = 0, ia = 0, ib = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire != 2:
            continue
        if it.num == 1:
            _common(p, n, it.a, it.b, event, key)
        elif it.num == 2:
            _open(&it2, p, n, it.a, it.b)
            while _next(&it2, p):
                if it2.wire == 0:
                    if it2.num == 5:
                        diamonds = _s64(it2.val)
                    elif it2.num == 6:
                        people = _s64(it2.val)
                    elif it2.num == 2:
                        business = _s64(it2.val)
                    elif it2.num == 7:
                        unpack_at = _s64(it2.val)
                elif it2.wire == 2:
                    if it2.num == 1:
                        ea = it2.a
                        eb = it2.b
                    elif it2.num == 4:
                        sa = it2.a
                        sb = it2.b
                    elif it2.num == 8:
                        ia = it2.a
                        ib = it2.b
    _put_str(event, "envelopeId", p, ea, eb)
    _put_int(event, "diamondCount", diamonds)
    _put_int(event, "peopleCount", people)
    _put_str(event, "senderName", p, sa, sb)
    _put_str(event, "senderId", p, ia, ib)
    _put_int(event, "businessType", business)
    _put_int(event, "unpackAt", unpack_at)
    return event


cdef dict _question(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef dict event = {"type": "question"}
    cdef bint has_user = False
    cdef int64_t question_id = 0
    cdef Py_ssize_t ua = 0, ub = 0, ta = 0, tb = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire != 2:
            continue
        if it.num == 1:
            _common(p, n, it.a, it.b, event, key)
        elif it.num == 2:
            _open(&it2, p, n, it.a, it.b)
            while _next(&it2, p):
                if it2.num == 1 and it2.wire == 0:
                    question_id = _s64(it2.val)
                elif it2.wire == 2:
                    if it2.num == 2:
                        ta = it2.a
                        tb = it2.b
                    elif it2.num == 5:
                        has_user = True
                        ua = it2.a
                        ub = it2.b
    _put_user(event, has_user, p, n, ua, ub, 0)
    _put_int(event, "questionId", question_id)
    _put_str(event, "questionText", p, ta, tb)
    return event


cdef dict _live_intro(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {"type": "liveIntro"}
    cdef bint has_user = False
    cdef Py_ssize_t ua = 0, ub = 0, ca = 0, cb = 0, la = 0, lb = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire != 2:
            continue
        if it.num == 1:
            _common(p, n, it.a, it.b, event, key)
        elif it.num == 4:
            ca = it.a
            cb = it.b
        elif it.num == 5:
            has_user = True
            ua = it.a
            ub = it.b
        elif it.num == 8:
            la = it.a
            lb = it.b
    _put_user(event, has_user, p, n, ua, ub, 0)
    _put_str(event, "content", p, ca, cb)
    _put_str(event, "language", p, la, lb)
    return event


cdef dict _caption(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {"type": "caption"}
    cdef dict caption
    cdef list captions = None
    cdef int64_t stamp = 0, duration = 0, sentence = 0
    cdef uint64_t definite = 0
    cdef Py_ssize_t key[2]
    cdef Py_ssize_t text[4]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 2:
                stamp = _s64(it.val)
            elif it.num == 3:
                duration = _s64(it.val)
            elif it.num == 5:
                sentence = _s64(it.val)
            elif it.num == 7:
                definite = it.val
        elif it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 4:
                _text_key(p, n, it.a, it.b, text)
                caption = {}
                _put_str(caption, "lang", p, text[0], text[1])
                _put_str(caption, "text", p, text[2], text[3])
                if captions is None:
                    captions = []
                captions.append(caption)
    _put_obj(event, "captions", captions)
    _put_int(event, "timestampMs", stamp)
    _put_int(event, "durationMs", duration)
    _put_int(event, "sentenceId", sentence)
    _put_bool(event, "definite", definite != 0)
    return event


cdef dict _barrage(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef dict event = {"type": "barrage"}
    cdef int64_t barrage_type = 0, duration = 0, level = 0
    cdef bint has_user = False
    cdef Py_ssize_t ua = 0, ub = 0
    cdef Py_ssize_t key[2]
    cdef Py_ssize_t text[4]
    text[0] = text[1] = text[2] = text[3] = 0
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 3:
                barrage_type = _s64(it.val)
            elif it.num == 6:
                duration = _s64(it.val)
        elif it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 5:
                _text_key(p, n, it.a, it.b, text)
            elif it.num == 100 or it.num == 101:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.num == 1 and it2.wire == 0:
                        level = _s64(it2.val)
                    elif it2.num == 4 and it2.wire == 2:
                        has_user = True
                        ua = it2.a
                        ub = it2.b
    _put_int(event, "barrageType", barrage_type)
    _put_str(event, "textKey", p, text[0], text[1])
    _put_str(event, "text", p, text[2], text[3])
    _put_int(event, "duration", duration)
    _put_user(event, has_user, p, n, ua, ub, 0)
    _put_int(event, "level", level)
    return event


cdef dict _goal(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2, it3
    cdef dict event = {"type": "goal"}
    cdef int64_t contributor = 0, count = 0, score = 0, goal_type = 0, progress = 0, target = 0
    cdef Py_ssize_t ua = 0, ub = 0, ga = 0, gb = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 4:
                contributor = _s64(it.val)
            elif it.num == 9:
                count = _s64(it.val)
            elif it.num == 10:
                score = _s64(it.val)
        elif it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 6:
                ua = it.a
                ub = it.b
            elif it.num == 7:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == 1:
                            goal_type = _s64(it2.val)
                        elif it2.num == 3:
                            progress = _s64(it2.val)
                        elif it2.num == 4:
                            target = _s64(it2.val)
                    elif it2.num == 5 and it2.wire == 2:
                        _open(&it3, p, n, it2.a, it2.b)
                        while _next(&it3, p):
                            if it3.num == 1 and it3.wire == 2:
                                ga = it3.a
                                gb = it3.b
    _put_int(event, "contributorId", contributor)
    _put_str(event, "contributorUniqueId", p, ua, ub)
    _put_int(event, "contributeCount", count)
    _put_int(event, "contributeScore", score)
    _put_int(event, "goalType", goal_type)
    _put_int(event, "progress", progress)
    _put_int(event, "target", target)
    _put_str(event, "giftName", p, ga, gb)
    return event


cdef dict _rank(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef dict event = {"type": "rank"}
    cdef dict entry
    cdef list ranks = None
    cdef int64_t group = 0, rank_type, rank
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0 and it.num == 3:
            group = _s64(it.val)
        elif it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 2:
                rank_type = rank = 0
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == 1:
                            rank_type = _s64(it2.val)
                        elif it2.num == 2:
                            rank = _s64(it2.val)
                entry = {}
                _put_int(entry, "rankType", rank_type)
                _put_int(entry, "rank", rank)
                if ranks is None:
                    ranks = []
                ranks.append(entry)
    _put_obj(event, "ranks", ranks)
    _put_int(event, "groupType", group)
    return event


cdef dict _poll(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef dict event = {"type": "poll"}
    cdef int64_t poll_id = 0, action = 0, gift_id = 0, voters = 0, duration = 0, remain = 0
    cdef Py_ssize_t ta = 0, tb = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 3:
                poll_id = _s64(it.val)
            elif it.num == 2:
                action = _s64(it.val)
        elif it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 8:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == 2:
                            gift_id = _s64(it2.val)
                        elif it2.num == 5:
                            voters = _s64(it2.val)
                        elif it2.num == 9:
                            duration = _s64(it2.val)
                        elif it2.num == 10:
                            remain = _s64(it2.val)
                    elif it2.num == 3 and it2.wire == 2:
                        ta = it2.a
                        tb = it2.b
    _put_int(event, "pollId", poll_id)
    _put_int(event, "pollAction", action)
    _put_str(event, "title", p, ta, tb)
    _put_int(event, "giftId", gift_id)
    _put_int(event, "voterCount", voters)
    _put_int(event, "duration", duration)
    _put_int(event, "timeRemain", remain)
    return event


cdef dict _banner(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {"type": "banner"}
    cdef Py_ssize_t da = 0, db = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == 1:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == 2:
                da = it.a
                db = it.b
    _put_str(event, "data", p, da, db)
    return event


cdef list _ints(const u8* p, Py_ssize_t n, It* it, list into):
    """Append a repeated int64 field's values, packed (wire 2) or not (wire 0)."""
    cdef Py_ssize_t pos
    cdef uint64_t value
    if into is None:
        into = []
    if it.wire == 0:
        into.append(_s64(it.val))
        return into
    pos = it.a
    while pos < it.b:
        _varint(p, n, &pos, &value)
        into.append(_s64(value))
    if pos > it.b:
        raise TruncatedError("packed varint runs past the end of its field")
    return into


cdef dict _im_delete(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {"type": "imDelete"}
    cdef list msg_ids = None, user_ids = None
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.num == 1 and it.wire == 2:
            _common(p, n, it.a, it.b, event, key)
        elif it.num == 2 and (it.wire == 0 or it.wire == 2):
            msg_ids = _ints(p, n, &it, msg_ids)
        elif it.num == 3 and (it.wire == 0 or it.wire == 2):
            user_ids = _ints(p, n, &it, user_ids)
    _put_obj(event, "msgIds", msg_ids)
    _put_obj(event, "userIds", user_ids)
    return event


# ---------------------------------------------------------------- dispatch


METHODS = {
    "WebcastChatMessage": 1,
    "WebcastGiftMessage": 2,
    "WebcastLikeMessage": 3,
    "WebcastMemberMessage": 4,
    "WebcastSocialMessage": 5,
    "WebcastSubNotifyMessage": 6,
    "WebcastRoomUserSeqMessage": 7,
    "WebcastControlMessage": 8,
    "WebcastLinkMicBattle": 9,
    "WebcastLinkMicArmies": 10,
    "WebcastRoomPinMessage": 11,
    "WebcastEmoteChatMessage": 12,
    "WebcastEnvelopeMessage": 13,
    "WebcastQuestionNewMessage": 14,
    "WebcastLiveIntroMessage": 15,
    "WebcastCaptionMessage": 16,
    "WebcastBarrageMessage": 17,
    "WebcastGoalUpdateMessage": 18,
    "WebcastRankUpdateMessage": 19,
    "WebcastPollMessage": 20,
    "WebcastInRoomBannerMessage": 21,
    "WebcastImDeleteMessage": 22,
}
"""Webcast method -> internal decoder code. Names also arrive without the ``Webcast`` prefix."""

cdef dict _CODES = {}
for _name, _code in METHODS.items():
    _CODES[_name] = _CODES[_name[len("Webcast"):]] = _code
for _name in IGNORED_METHODS:
    _CODES[_name] = _CODES[_name[len("Webcast"):]] = 0
del _name, _code


cdef dict _run(int code, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    if code == 1:
        return _chat(p, n, a, b)
    elif code == 2:
        return _gift(p, n, a, b)
    elif code == 3:
        return _like(p, n, a, b)
    elif code == 4:
        return _member(p, n, a, b)
    elif code == 5:
        return _social(p, n, a, b)
    elif code == 6:
        return _sub_notify(p, n, a, b)
    elif code == 7:
        return _room_user_seq(p, n, a, b)
    elif code == 8:
        return _control(p, n, a, b)
    elif code == 9:
        return _battle(p, n, a, b)
    elif code == 10:
        return _armies(p, n, a, b)
    elif code == 11:
        return _room_pin(p, n, a, b)
    elif code == 12:
        return _emote_chat(p, n, a, b)
    elif code == 13:
        return _envelope(p, n, a, b)
    elif code == 14:
        return _question(p, n, a, b)
    elif code == 15:
        return _live_intro(p, n, a, b)
    elif code == 16:
        return _caption(p, n, a, b)
    elif code == 17:
        return _barrage(p, n, a, b)
    elif code == 18:
        return _goal(p, n, a, b)
    elif code == 19:
        return _rank(p, n, a, b)
    elif code == 20:
        return _poll(p, n, a, b)
    elif code == 21:
        return _banner(p, n, a, b)
    elif code == 22:
        return _im_delete(p, n, a, b)
    return None


cdef object _decode(object method, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    code = _CODES.get(method)
    if code is None:
        if not method:
            raise DecodeError("message has no method")
        event = {"type": "unknown", "method": method}
        if b > a:
            event["payload"] = PyBytes_FromStringAndSize(<const char*>p + a, b - a)
        return event
    if <int>code == 0:
        return None
    return _run(<int>code, p, n, a, b)


def decode_message(method, payload):
    """Decode one inner webcast message into an event map.

    Args:
        method: the ``BaseProtoMessage.method`` name, with or without ``Webcast``.
        payload: the message's protobuf bytes.

    Returns:
        The event map (``type`` plus contract fields), an ``unknown`` event for a
        method the contract does not model, or ``None`` for an ignored method.

    Raises:
        DecodeError: the payload is malformed.
    """
    cdef bytes data = payload if type(payload) is bytes else bytes(payload)
    cdef Py_ssize_t n = PyBytes_GET_SIZE(data)
    return _decode(method, <const u8*>PyBytes_AS_STRING(data), n, 0, n)


# ---------------------------------------------------------------- frames


cdef int _inner(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, list events, list errors) except -1:
    """Decode one ``BaseProtoMessage`` into ``events``; record its failure in ``errors`` instead."""
    cdef It it
    cdef int64_t msg_id = 0
    cdef Py_ssize_t ma = 0, mb = 0, pa = 0, pb = 0
    cdef str method
    try:
        _open(&it, p, n, a, b)
    except DecodeError as exc:
        errors.append(MessageError("", 0, str(exc)))
        return 0
    while _next(&it, p):
        if it.wire == 2:
            if it.num == 1:
                ma = it.a
                mb = it.b
            elif it.num == 2:
                pa = it.a
                pb = it.b
        elif it.wire == 0 and it.num == 3:
            msg_id = _s64(it.val)
    method = _str(p, ma, mb)
    try:
        event = _decode(method, p, n, pa, pb)
    except DecodeError as exc:
        errors.append(MessageError(method, msg_id, str(exc)))
        return 0
    if event is None:
        return 0
    if msg_id and "msgId" not in <dict>event:  # keep the contract's key order: type, msgId, ...
        ordered = {"type": (<dict>event)["type"], "msgId": msg_id}
        ordered.update(<dict>event)
        event = ordered
    events.append(event)
    return 0


cdef int _string_pair(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, dict into) except -1:
    """``into[key] = value`` for a ``map<string, string>`` entry / ``PushHeader``."""
    cdef It it
    cdef Py_ssize_t ka = 0, kb = 0, va = 0, vb = 0
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == 1:
                ka = it.a
                kb = it.b
            elif it.num == 2:
                va = it.a
                vb = it.b
    into[_str(p, ka, kb)] = _str(p, va, vb)
    return 0


cdef object _fetch(bytes data):
    cdef const u8* p = <const u8*>PyBytes_AS_STRING(data)
    cdef Py_ssize_t n = PyBytes_GET_SIZE(data)
    cdef Py_ssize_t messages = 0, limit
    cdef It it
    result = FetchResult()
    _open(&it, p, n, 0, n)
    limit_obj = MAX_MESSAGES_PER_FRAME
    limit = limit_obj
    cdef list events = result.events
    cdef list errors = result.errors
    cdef dict route_params = result.route_params
    while _next(&it, p):
        if it.wire == 2:
            if it.num == 1:
                messages += 1
                if messages > limit:
                    raise LimitError(f"more than {limit_obj} messages in one frame")
                _inner(p, n, it.a, it.b, events, errors)
            elif it.num == 2:
                result.cursor = _str(p, it.a, it.b)
            elif it.num == 5:
                result.internal_ext = _str(p, it.a, it.b)
            elif it.num == 7:
                _string_pair(p, n, it.a, it.b, route_params)
            elif it.num == 10:
                result.push_server = _str(p, it.a, it.b)
        elif it.wire == 0:
            if it.num == 8:
                result.heartbeat_duration = _s64(it.val)
            elif it.num == 9:
                result.need_ack = it.val != 0
            elif it.num == 3:
                result.fetch_interval = _s64(it.val)
            elif it.num == 4:
                result.now = _s64(it.val)
            elif it.num == 11:
                result.is_first = it.val != 0
    return result


def decode_fetch_result(data):
    """Decode a ``ProtoMessageFetchResult``: its events and connection metadata.

    A malformed inner message is recorded in ``errors`` and skipped; the other
    messages still produce events.

    Raises:
        DecodeError: the fetch result itself is malformed.
    """
    return _fetch(data if type(data) is bytes else bytes(data))


def decode_frame(data):
    """Decode one WebSocket binary message (a ``WebcastPushFrame``).

    For ``msg`` frames the payload is gunzipped when needed and decoded into
    ``frame.result``; other frame types (``hb``, ``ack``, ``im_enter_room_resp``)
    only carry their envelope.

    Raises:
        DecodeError: the frame, its gzip layer or its fetch result is malformed.
    """
    cdef bytes buf = data if type(data) is bytes else bytes(data)
    cdef const u8* p = <const u8*>PyBytes_AS_STRING(buf)
    cdef Py_ssize_t n = PyBytes_GET_SIZE(buf)
    cdef Py_ssize_t pa = 0, pb = 0
    cdef It it
    cdef bytes payload
    limit = MAX_FRAME_BYTES
    if n > limit:
        raise LimitError(f"push frame of {n} bytes exceeds {limit}")
    frame = PushFrame()
    cdef dict headers = frame.headers
    _open(&it, p, n, 0, n)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == 1:
                frame.seq_id = _s64(it.val)
            elif it.num == 2:
                frame.log_id = _s64(it.val)
        elif it.wire == 2:
            if it.num == 5:
                _string_pair(p, n, it.a, it.b, headers)
            elif it.num == 6:
                frame.payload_encoding = _str(p, it.a, it.b)
            elif it.num == 7:
                frame.payload_type = _str(p, it.a, it.b)
            elif it.num == 8:
                pa = it.a
                pb = it.b
    payload = PyBytes_FromStringAndSize(<const char*>p + pa, pb - pa)
    frame.payload = payload
    if frame.payload_type == "msg":
        body = gunzip(payload) if is_gzip(payload, frame.headers) else payload
        frame.result = _fetch(body if type(body) is bytes else bytes(body))
    return frame
