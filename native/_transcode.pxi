# The msgpack transcoder: the dict decoder's scans writing msgpack bytes directly. Included by _native.pyx.

# ---------------------------------------------------------------- transcoding
#
# The same decoders again, writing the event map straight as msgpack bytes instead
# of building dicts: no Python object per field, string bytes copied as they are
# when they are valid UTF-8. Each ``_t_*`` mirrors the ``_*`` above it line for
# line (same scans, same nested opens at the same moments, so the same errors) and
# writes exactly the bytes ``msgpack.packb(event, use_bin_type=True)`` would write
# for the dict the other one returns (tests/test_transcode.py checks both).
#
# Key order: during the scan only ``_common`` writes into the event (msgId and
# createTime, in first-insertion order), everything else is put after the scan, so
# an event is "type", the common keys, then the post-scan keys. Lists that the dict
# decoders fill during the scan go to scratch buffers and are copied in after.


cdef struct W:
    # A growable output buffer.
    char* buf
    Py_ssize_t len
    Py_ssize_t cap


cdef int _w_grow(W* w, Py_ssize_t need) except -1:
    cdef Py_ssize_t cap = w.cap * 2 if w.cap else 512
    cdef char* grown
    while cap < w.len + need:
        cap *= 2
    grown = <char*>PyMem_Realloc(w.buf, cap)
    if grown == NULL:
        raise MemoryError()
    w.buf = grown
    w.cap = cap
    return 0


cdef inline int _w_need(W* w, Py_ssize_t need) except -1:
    if w.len + need > w.cap:
        _w_grow(w, need)
    return 0


cdef inline void _w_free(W* w) noexcept:
    PyMem_Free(w.buf)
    w.buf = NULL
    w.len = w.cap = 0


cdef inline int _w_raw(W* w, const char* s, Py_ssize_t n) except -1:
    cdef Py_ssize_t i
    cdef char* o
    _w_need(w, n)
    o = w.buf + w.len
    if n <= 16:  # keys and short values: cheaper than a call to memcpy
        for i in range(n):
            o[i] = s[i]
    else:
        memcpy(o, s, n)
    w.len += n
    return 0


cdef inline int _w_bytes(W* w, bytes b) except -1:
    """A pre-packed constant: a key, or a key and its value."""
    return _w_raw(w, PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b))


cdef inline void _be16(u8* o, uint64_t v) noexcept nogil:
    o[0] = <u8>(v >> 8)
    o[1] = <u8>v


cdef inline void _be32(u8* o, uint64_t v) noexcept nogil:
    o[0] = <u8>(v >> 24)
    o[1] = <u8>(v >> 16)
    o[2] = <u8>(v >> 8)
    o[3] = <u8>v


cdef inline void _be64(u8* o, uint64_t v) noexcept nogil:
    _be32(o, v >> 32)
    _be32(o + 4, v)


cdef int _w_int(W* w, int64_t v) except -1:
    """An integer in msgpack's smallest form (msgpack-python's choice exactly)."""
    cdef u8* o
    _w_need(w, 9)
    o = <u8*>w.buf + w.len
    if v >= 0:
        if v < 128:
            o[0] = <u8>v
            w.len += 1
        elif v < 256:
            o[0] = 0xCC
            o[1] = <u8>v
            w.len += 2
        elif v < 65536:
            o[0] = 0xCD
            _be16(o + 1, <uint64_t>v)
            w.len += 3
        elif (v >> 32) == 0:
            o[0] = 0xCE
            _be32(o + 1, <uint64_t>v)
            w.len += 5
        else:
            o[0] = 0xCF
            _be64(o + 1, <uint64_t>v)
            w.len += 9
    elif v >= -32:
        o[0] = <u8>(v & 0xFF)
        w.len += 1
    elif v >= -128:
        o[0] = 0xD0
        o[1] = <u8>(v & 0xFF)
        w.len += 2
    elif v >= -32768:
        o[0] = 0xD1
        _be16(o + 1, <uint64_t>v)
        w.len += 3
    elif v >= -2147483648:
        o[0] = 0xD2
        _be32(o + 1, <uint64_t>v)
        w.len += 5
    else:
        o[0] = 0xD3
        _be64(o + 1, <uint64_t>v)
        w.len += 9
    return 0


cdef int _w_str_header(W* w, Py_ssize_t size) except -1:
    cdef u8* o
    _w_need(w, 5 + size)
    o = <u8*>w.buf + w.len
    if size < 32:
        o[0] = <u8>(0xA0 | size)
        w.len += 1
    elif size < 256:
        o[0] = 0xD9
        o[1] = <u8>size
        w.len += 2
    elif size < 65536:
        o[0] = 0xDA
        _be16(o + 1, <uint64_t>size)
        w.len += 3
    else:
        o[0] = 0xDB
        _be32(o + 1, <uint64_t>size)
        w.len += 5
    return 0


cdef int _w_str(W* w, const u8* p, Py_ssize_t a, Py_ssize_t b) except -1:
    """The str ``p[a:b].decode("utf-8", "replace")``, as msgpack."""
    cdef Py_ssize_t size = b - a
    cdef const char* utf8
    if bridge_utf8_ok(p + a, size):
        _w_str_header(w, size)
        memcpy(w.buf + w.len, p + a, size)
        w.len += size
        return 0
    text = PyUnicode_DecodeUTF8(<const char*>p + a, size, "replace")
    utf8 = PyUnicode_AsUTF8AndSize(text, &size)
    _w_str_header(w, size)
    memcpy(w.buf + w.len, utf8, size)
    w.len += size
    return 0


cdef inline Py_ssize_t _w_begin(W* w) except -1:
    """Reserve the one-byte header of a map or array; its offset."""
    _w_need(w, 1)
    w.len += 1
    return w.len - 1


cdef int _w_end(W* w, Py_ssize_t at, Py_ssize_t count, int is_map) except -1:
    """Write the header reserved at ``at`` for ``count`` entries (moving the body if it needs more room)."""
    cdef u8* o
    cdef Py_ssize_t extra
    if count < 16:
        (<u8*>w.buf)[at] = <u8>((0x80 if is_map else 0x90) | count)
        return 0
    extra = 2 if count < 65536 else 4
    _w_need(w, extra)
    memmove(w.buf + at + 1 + extra, w.buf + at + 1, w.len - at - 1)
    w.len += extra
    o = <u8*>w.buf + at
    if extra == 2:
        o[0] = 0xDE if is_map else 0xDC
        _be16(o + 1, <uint64_t>count)
    else:
        o[0] = 0xDF if is_map else 0xDD
        _be32(o + 1, <uint64_t>count)
    return 0


cdef int _w_array_of(W* w, bytes key, W* items, Py_ssize_t count) except -1:
    """``key: [items...]`` when ``count`` > 0 (``items`` holds the packed elements); 1 if written."""
    cdef u8* o
    if count == 0:
        return 0
    _w_bytes(w, key)
    _w_need(w, 5 + items.len)
    o = <u8*>w.buf + w.len
    if count < 16:
        o[0] = <u8>(0x90 | count)
        w.len += 1
    elif count < 65536:
        o[0] = 0xDC
        _be16(o + 1, <uint64_t>count)
        w.len += 3
    else:
        o[0] = 0xDD
        _be32(o + 1, <uint64_t>count)
        w.len += 5
    memcpy(w.buf + w.len, items.buf, items.len)
    w.len += items.len
    return 1


cdef inline int _wi(W* w, bytes key, int64_t v) except -1:
    """``_put_int``: 1 if written."""
    if v:
        _w_bytes(w, key)
        _w_int(w, v)
        return 1
    return 0


cdef inline int _ws(W* w, bytes key, const u8* p, Py_ssize_t a, Py_ssize_t b) except -1:
    """``_put_str``: 1 if written."""
    if b > a:
        _w_bytes(w, key)
        _w_str(w, p, a, b)
        return 1
    return 0


cdef inline int _wb(W* w, bytes key, bint v) except -1:
    """``_put_bool``: 1 if written."""
    if v:
        _w_bytes(w, key)
        _w_raw(w, b"\xc3", 1)
        return 1
    return 0


def _k(text):
    """A short str packed as msgpack (keys and constant values)."""
    raw = text.encode("utf-8")
    assert len(raw) < 32
    return bytes([0xA0 | len(raw)]) + raw


include "_keys.pxi"


cdef struct Common:
    # What ``_common`` put into an event so far: values (0 = absent), which key came first.
    int64_t msg_id
    int64_t created
    int first  # 0 none yet, 1 msgId, 2 createTime
    Py_ssize_t key_a
    Py_ssize_t key_b


cdef inline void _c_init(Common* c) noexcept nogil:
    c.msg_id = c.created = 0
    c.first = 0
    c.key_a = c.key_b = 0


cdef int _t_common(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, Common* c) except -1:
    """``_common`` into ``c``: the same scan, the dict's insertion semantics."""
    cdef It it
    cdef int64_t msg_id = 0, created = 0
    cdef Py_ssize_t text[4]
    _open(&it, p, n, a, b)
    c.key_a = c.key_b = 0
    while _next(&it, p):
        if it.wire == 0:
            if it.num == CommonMessageData_msg_id:
                msg_id = _s64(_val(&it, p))
            elif it.num == CommonMessageData_create_time:
                created = _s64(_val(&it, p))
        elif it.num == CommonMessageData_display_text and it.wire == 2:
            _text_key(p, n, it.a, it.b, text)
            c.key_a = text[0]
            c.key_b = text[1]
    if msg_id:
        if c.first == 0:
            c.first = 1
        c.msg_id = msg_id
    if created:
        if c.first == 0:
            c.first = 2
        c.created = created
    return 0


cdef int _w_common(W* w, Common* c, int64_t outer) except -1:
    """The common keys right after ``type``; ``outer`` is the envelope's msg id (frames only).

    With no msgId of its own an event takes the envelope's, right after ``type``
    (``_inner``'s reordering).
    """
    cdef int count = 0
    if c.msg_id == 0 and outer:
        count += _wi(w, K_MSG_ID, outer)
        count += _wi(w, K_CREATE_TIME, c.created)
    elif c.first == 2:
        count += _wi(w, K_CREATE_TIME, c.created)
        count += _wi(w, K_MSG_ID, c.msg_id)
    else:
        count += _wi(w, K_MSG_ID, c.msg_id)
        count += _wi(w, K_CREATE_TIME, c.created)
    return count


cdef int _t_user(W* w, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, int identity,
                 bint keyed=True) except -1:
    """``"user": {...}`` unless the map is empty (``_put_user``); 1 if written. ``keyed`` false: the map alone."""
    cdef It it, it2
    cdef int64_t uid = 0, followers = 0, follow_status = 0, gifter = 0, member = 0
    cdef int64_t scene = 0, level = 0
    cdef Py_ssize_t ida = 0, idb = 0, una = 0, unb = 0, nia = 0, nib = 0, ava = 0, avb = 0
    cdef bint moderator = False, subscriber = False
    cdef Py_ssize_t mark, at
    cdef int count = 0
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == User_id:
                uid = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == User_nickname:
                nia = it.a
                nib = it.b
            elif it.num == User_avatar_thumb:
                _first_url(p, n, it.a, it.b, &ava, &avb)
            elif it.num == User_display_id:
                una = it.a
                unb = it.b
            elif it.num == User_follow_info:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == FollowInfo_follower_count:
                            followers = _s64(_val(&it2, p))
                        elif it2.num == FollowInfo_follow_status:
                            follow_status = _s64(_val(&it2, p))
            elif it.num == User_badge_list:
                _badge(p, n, it.a, it.b, &scene, &level)
                if scene == 1:
                    moderator = True
                elif scene == 4:
                    subscriber = True
                elif scene == 8:
                    gifter = level
                elif scene == 10:
                    member = level
            elif it.num == User_id_str:
                ida = it.a
                idb = it.b
    if uid == 0 and idb > ida:
        uid = _decimal(p, ida, idb, 20)
    mark = w.len
    if keyed:
        _w_bytes(w, K_USER)
    at = _w_begin(w)
    count += _wi(w, K_ID, uid)
    count += _ws(w, K_UNIQUE_ID, p, una, unb)
    count += _ws(w, K_NICKNAME, p, nia, nib)
    count += _ws(w, K_AVATAR, p, ava, avb)
    count += _wi(w, K_FOLLOWER_COUNT, followers)
    count += _wb(w, K_IS_MODERATOR, moderator or (identity & 4))
    count += _wb(w, K_IS_SUBSCRIBER, subscriber or (identity & 1))
    if identity & 16:  # the message's identity block decides (see _pure._user)
        count += _wb(w, K_IS_FOLLOWER, identity & 10)
        count += _wb(w, K_IS_FRIEND, identity & 8)
    else:
        count += _wb(w, K_IS_FOLLOWER, follow_status >= 1)
        count += _wb(w, K_IS_FRIEND, follow_status == 2)
    count += _wi(w, K_GIFTER_LEVEL, gifter)
    count += _wi(w, K_MEMBER_LEVEL, member)
    if count == 0:
        w.len = mark
        return 0
    _w_end(w, at, count, 1)
    return 1


cdef inline int _t_put_user(W* w, bint has_user, const u8* p, Py_ssize_t n,
                            Py_ssize_t a, Py_ssize_t b, int identity) except -1:
    if has_user:
        return _t_user(w, p, n, a, b, identity)
    return 0


cdef int _emote_ranges(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, Py_ssize_t* r) except -1:
    """Ranges of an ``Emote``'s id and first image URL into ``r[0:4]`` (``_emote``)."""
    cdef It it
    r[0] = r[1] = r[2] = r[3] = 0
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == Emote_emote_id:
                r[0] = it.a
                r[1] = it.b
            elif it.num == Emote_image:
                _first_url(p, n, it.a, it.b, &r[2], &r[3])
    return 0


cdef int _w_emote(W* w, const u8* p, Py_ssize_t* r, int64_t index) except -1:
    """An emote map (always written, possibly empty)."""
    cdef Py_ssize_t at = _w_begin(w)
    cdef int count = 0
    count += _ws(w, K_ID, p, r[0], r[1])
    count += _ws(w, K_URL, p, r[2], r[3])
    count += _wi(w, K_INDEX, index)
    _w_end(w, at, count, 1)
    return 0


cdef inline void _w_init(W* w) noexcept nogil:
    w.buf = NULL
    w.len = w.cap = 0


cdef int _t_chat(W* w, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, int64_t outer) except -1:
    cdef It it, it2
    cdef Common c
    cdef W emotes, mentions, mentioned
    cdef Py_ssize_t emote_count = 0, mention_count = 0, mentioned_count = 0, at
    cdef bint has_user = False, has_at = False
    cdef int identity = 0, count = 1
    cdef int64_t index
    cdef Py_ssize_t ua = 0, ub = 0, ca = 0, cb = 0, la = 0, lb = 0, ata = 0, atb = 0
    cdef Py_ssize_t er[4]
    _c_init(&c)
    _w_init(&emotes)
    _w_init(&mentions)
    _w_init(&mentioned)
    try:
        _open(&it, p, n, a, b)
        while _next(&it, p):
            if it.num == WebcastChatMessage_mention_user_list and (it.wire == 0 or it.wire == 2):
                _t_id_maps(&mentioned, &mentioned_count, p, n, &it)
            if it.wire != 2:
                continue
            if it.num == WebcastChatMessage_common:
                _t_common(p, n, it.a, it.b, &c)
            elif it.num == WebcastChatMessage_user:
                has_user = True
                ua = it.a
                ub = it.b
            elif it.num == WebcastChatMessage_content:
                ca = it.a
                cb = it.b
            elif it.num == WebcastChatMessage_emotes:
                index = 0
                er[0] = er[1] = er[2] = er[3] = 0
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.num == EmoteWithIndex_index and it2.wire == 0:
                        index = _s64(_val(&it2, p))
                    elif it2.num == EmoteWithIndex_emote and it2.wire == 2:
                        _emote_ranges(p, n, it2.a, it2.b, er)
                _w_emote(&emotes, p, er, index)
                emote_count += 1
            elif it.num == WebcastChatMessage_content_language:
                la = it.a
                lb = it.b
            elif it.num == WebcastChatMessage_user_identity:
                identity = _identity(p, n, it.a, it.b)
            elif it.num == WebcastChatMessage_mention_users:
                mention_count += _t_user(&mentions, p, n, it.a, it.b, 0, False)
            elif it.num == WebcastChatMessage_at_user:
                has_at = True
                ata = it.a
                atb = it.b
        at = _w_begin(w)
        _w_bytes(w, T_CHAT)
        count += _w_common(w, &c, outer)
        count += _t_put_user(w, has_user, p, n, ua, ub, identity)
        count += _ws(w, K_COMMENT, p, ca, cb)
        count += _ws(w, K_LANGUAGE, p, la, lb)
        count += _w_array_of(w, K_EMOTES, &emotes, emote_count)
        if mention_count:
            count += _w_array_of(w, K_MENTIONS, &mentions, mention_count)
        elif mentioned_count:
            count += _w_array_of(w, K_MENTIONS, &mentioned, mentioned_count)
        elif has_at:
            mention_count = _t_user(&mentions, p, n, ata, atb, 0, False)
            count += _w_array_of(w, K_MENTIONS, &mentions, mention_count)
        _w_end(w, at, count, 1)
    finally:
        _w_free(&emotes)
        _w_free(&mentions)
        _w_free(&mentioned)
    return 0


cdef int _t_gift(W* w, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, int64_t outer) except -1:
    cdef It it, it2
    cdef Common c
    cdef bint has_user = False
    cdef int identity = 0, count = 1
    cdef int64_t gift_id = 0, repeat_count = 0, group_id = 0, to_user = 0
    cdef int64_t gift_type = 0, diamonds = 0
    cdef uint64_t repeat_end = 0
    cdef Py_ssize_t ua = 0, ub = 0, na = 0, nb = 0, ia = 0, ib = 0, da = 0, db = 0, at
    _c_init(&c)
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastGiftMessage_gift_id:
                gift_id = _s64(_val(&it, p))
            elif it.num == WebcastGiftMessage_repeat_count:
                repeat_count = _s64(_val(&it, p))
            elif it.num == WebcastGiftMessage_repeat_end:
                repeat_end = _val(&it, p)
            elif it.num == WebcastGiftMessage_group_id:
                group_id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastGiftMessage_common:
                _t_common(p, n, it.a, it.b, &c)
            elif it.num == WebcastGiftMessage_user:
                has_user = True
                ua = it.a
                ub = it.b
            elif it.num == WebcastGiftMessage_to_user:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.num == User_id and it2.wire == 0:
                        to_user = _s64(_val(&it2, p))
            elif it.num == WebcastGiftMessage_gift:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == Gift_id and not gift_id:
                            gift_id = _s64(_val(&it2, p))
                        elif it2.num == Gift_type:
                            gift_type = _s64(_val(&it2, p))
                        elif it2.num == Gift_diamond_count:
                            diamonds = _s64(_val(&it2, p))
                    elif it2.wire == 2:
                        if it2.num == Gift_name:
                            na = it2.a
                            nb = it2.b
                        elif it2.num == Gift_image:
                            _first_url(p, n, it2.a, it2.b, &ia, &ib)
                        elif it2.num == Gift_describe:
                            da = it2.a
                            db = it2.b
            elif it.num == WebcastGiftMessage_user_identity:
                identity = _identity(p, n, it.a, it.b)
    at = _w_begin(w)
    _w_bytes(w, T_GIFT)
    count += _w_common(w, &c, outer)
    count += _t_put_user(w, has_user, p, n, ua, ub, identity)
    count += _wi(w, K_GIFT_ID, gift_id)
    count += _ws(w, K_GIFT_NAME, p, na, nb)
    count += _wi(w, K_DIAMOND_COUNT, diamonds)
    count += _wi(w, K_REPEAT_COUNT, repeat_count)
    count += _wb(w, K_REPEAT_END, repeat_end != 0)
    count += _wi(w, K_GIFT_TYPE, gift_type)
    count += _wi(w, K_GROUP_ID, group_id)
    count += _wb(w, K_STREAKING, gift_type == 1 and repeat_end == 0)
    count += _ws(w, K_GIFT_IMAGE, p, ia, ib)
    count += _wi(w, K_TO_USER_ID, to_user)
    count += _ws(w, K_DESCRIBE, p, da, db)
    _w_end(w, at, count, 1)
    return 0


cdef int _t_social(W* w, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, int64_t outer) except -1:
    cdef It it
    cdef Common c
    cdef bint has_user = False
    cdef int count = 1, kind
    cdef int64_t action = 0, share_type = 0, follow_count = 0, share_count = 0
    cdef Py_ssize_t ua = 0, ub = 0, ta = 0, tb = 0, at
    cdef str text_key
    _c_init(&c)
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastSocialMessage_action:
                action = _s64(_val(&it, p))
            elif it.num == WebcastSocialMessage_share_type:
                share_type = _s64(_val(&it, p))
            elif it.num == WebcastSocialMessage_follow_count:
                follow_count = _s64(_val(&it, p))
            elif it.num == WebcastSocialMessage_share_count:
                share_count = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastSocialMessage_common:
                _t_common(p, n, it.a, it.b, &c)
            elif it.num == WebcastSocialMessage_user:
                has_user = True
                ua = it.a
                ub = it.b
            elif it.num == WebcastSocialMessage_share_target:
                ta = it.a
                tb = it.b
    text_key = _str(p, c.key_a, c.key_b)
    if "follow" in text_key or (not text_key and action == 1):
        kind = 1
    elif "share" in text_key or (not text_key and action == 3):
        kind = 2
    else:
        kind = 0
    at = _w_begin(w)
    _w_bytes(w, T_FOLLOW if kind == 1 else T_SHARE if kind == 2 else T_SOCIAL)
    count += _w_common(w, &c, outer)
    count += _t_put_user(w, has_user, p, n, ua, ub, 0)
    if kind == 1:
        count += _wi(w, K_FOLLOW_COUNT, follow_count)
    elif kind == 2:
        count += _wi(w, K_SHARE_TYPE, share_type)
        count += _wi(w, K_SHARE_COUNT, share_count)
        count += _ws(w, K_SHARE_TARGET, p, ta, tb)
    else:
        count += _wi(w, K_ACTION, action)
    _w_end(w, at, count, 1)
    return 0


cdef int _t_control(W* w, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, int64_t outer) except -1:
    cdef It it
    cdef Common c
    cdef int count = 1
    cdef int64_t action = 0
    cdef Py_ssize_t at
    _c_init(&c)
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.num == WebcastControlMessage_action and it.wire == 0:
            action = _s64(_val(&it, p))
        elif it.num == WebcastControlMessage_common and it.wire == 2:
            _t_common(p, n, it.a, it.b, &c)
    at = _w_begin(w)
    _w_bytes(w, T_STREAM_END if action == 3 or action == 4 else T_CONTROL)
    count += _w_common(w, &c, outer)
    count += _wi(w, K_ACTION, action)
    _w_end(w, at, count, 1)
    return 0


cdef int _t_battle_anchor(W* w, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b) except -1:
    """Scan a ``BattleBaseUserInfo`` (``_battle_anchor``) and write its map into ``w`` (emptied first)."""
    cdef It it
    cdef int64_t user_id = 0
    cdef Py_ssize_t ua = 0, ub = 0, na = 0, nb = 0, aa = 0, ab = 0, at
    cdef int count = 0
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0 and it.num == BattleBaseUserInfo_user_id:
            user_id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == BattleBaseUserInfo_nick_name:
                na = it.a
                nb = it.b
            elif it.num == BattleBaseUserInfo_avatar_thumb:
                _first_url(p, n, it.a, it.b, &aa, &ab)
            elif it.num == BattleBaseUserInfo_display_id:
                ua = it.a
                ub = it.b
    w.len = 0
    at = _w_begin(w)
    count += _wi(w, K_ID, user_id)
    count += _ws(w, K_UNIQUE_ID, p, ua, ub)
    count += _ws(w, K_NICKNAME, p, na, nb)
    count += _ws(w, K_AVATAR, p, aa, ab)
    _w_end(w, at, count, 1)
    return 0


cdef int _t_link_mic_battle(W* w, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, int64_t outer) except -1:
    cdef It it, it2
    cdef Common c
    cdef W results, anchors, anchor
    cdef Py_ssize_t result_count = 0, anchor_count = 0, at, rat
    cdef int count = 1, rcount
    cdef int64_t battle_id = 0, action = 0, status = 0, duration = 0, start = 0
    cdef int64_t map_key, user_id, outcome, score
    cdef Py_ssize_t value[2]
    _c_init(&c)
    _w_init(&results)
    _w_init(&anchors)
    _w_init(&anchor)
    try:
        _open(&it, p, n, a, b)
        while _next(&it, p):
            if it.wire == 0:
                if it.num == WebcastLinkMicBattle_battle_id:
                    battle_id = _s64(_val(&it, p))
                elif it.num == WebcastLinkMicBattle_action:
                    action = _s64(_val(&it, p))
            elif it.wire == 2:
                if it.num == WebcastLinkMicBattle_common:
                    _t_common(p, n, it.a, it.b, &c)
                elif it.num == WebcastLinkMicBattle_battle_setting:
                    _open(&it2, p, n, it.a, it.b)
                    while _next(&it2, p):
                        if it2.wire == 0:
                            if it2.num == BattleSetting_status:
                                status = _s64(_val(&it2, p))
                            elif it2.num == BattleSetting_duration:
                                duration = _s64(_val(&it2, p))
                            elif it2.num == BattleSetting_start_time_ms:
                                start = _s64(_val(&it2, p))
                            elif it2.num == BattleSetting_battle_id and not battle_id:
                                battle_id = _s64(_val(&it2, p))
                elif it.num == WebcastLinkMicBattle_battle_result:
                    rat = _w_begin(&results)
                    rcount = 0
                    if _map_value(p, n, it.a, it.b, &map_key, value):
                        user_id = outcome = score = 0
                        _open(&it2, p, n, value[0], value[1])
                        while _next(&it2, p):
                            if it2.wire == 0:
                                if it2.num == BattleResult_user_id:
                                    user_id = _s64(_val(&it2, p))
                                elif it2.num == BattleResult_result:
                                    outcome = _s64(_val(&it2, p))
                                elif it2.num == BattleResult_score:
                                    score = _s64(_val(&it2, p))
                        rcount += _wi(&results, K_USER_ID, user_id)
                        rcount += _wi(&results, K_RESULT, outcome)
                        rcount += _wi(&results, K_SCORE, score)
                    _w_end(&results, rat, rcount, 1)
                    result_count += 1
                elif it.num == WebcastLinkMicBattle_anchor_info:
                    anchor.len = 0
                    _w_raw(&anchor, b"\x80", 1)
                    if _map_value(p, n, it.a, it.b, &map_key, value):
                        _open(&it2, p, n, value[0], value[1])
                        while _next(&it2, p):
                            if it2.num == BattleUserInfo_user and it2.wire == 2:
                                _t_battle_anchor(&anchor, p, n, it2.a, it2.b)
                    _w_raw(&anchors, anchor.buf, anchor.len)
                    anchor_count += 1
        at = _w_begin(w)
        _w_bytes(w, T_BATTLE)
        count += _w_common(w, &c, outer)
        count += _wi(w, K_BATTLE_ID, battle_id)
        count += _wi(w, K_ACTION, action)
        count += _wi(w, K_STATUS, status)
        count += _wi(w, K_DURATION, duration)
        count += _wi(w, K_START_TIME, start)
        count += _w_array_of(w, K_RESULTS, &results, result_count)
        count += _w_array_of(w, K_ANCHORS, &anchors, anchor_count)
        _w_end(w, at, count, 1)
    finally:
        _w_free(&results)
        _w_free(&anchors)
        _w_free(&anchor)
    return 0


cdef int _t_battle_team(W* w, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b) except -1:
    cdef It it, it2
    cdef W supporters
    cdef int64_t anchor_id = 0, score = 0, user_id, points
    cdef Py_ssize_t value[2]
    cdef Py_ssize_t na, nb, at, sat, supporter_count = 0
    cdef int count = 0, scount
    _w_init(&supporters)
    try:
        if _map_value(p, n, a, b, &anchor_id, value):
            _open(&it, p, n, value[0], value[1])
            while _next(&it, p):
                if it.num == BattleUserArmies_host_score and it.wire == 0:
                    score = _s64(_val(&it, p))
                elif it.num == BattleUserArmies_user_armies and it.wire == 2:
                    user_id = points = 0
                    na = nb = 0
                    _open(&it2, p, n, it.a, it.b)
                    while _next(&it2, p):
                        if it2.wire == 0:
                            if it2.num == BattleUserArmy_user_id:
                                user_id = _s64(_val(&it2, p))
                            elif it2.num == BattleUserArmy_score:
                                points = _s64(_val(&it2, p))
                        elif it2.num == BattleUserArmy_nickname and it2.wire == 2:
                            na = it2.a
                            nb = it2.b
                    sat = _w_begin(&supporters)
                    scount = 0
                    scount += _wi(&supporters, K_USER_ID, user_id)
                    scount += _ws(&supporters, K_NICKNAME, p, na, nb)
                    scount += _wi(&supporters, K_SCORE, points)
                    _w_end(&supporters, sat, scount, 1)
                    supporter_count += 1
        at = _w_begin(w)
        count += _wi(w, K_ANCHOR_ID, anchor_id)
        count += _wi(w, K_SCORE, score)
        count += _w_array_of(w, K_SUPPORTERS, &supporters, supporter_count)
        _w_end(w, at, count, 1)
    finally:
        _w_free(&supporters)
    return 0


cdef int _t_link_mic_armies(W* w, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, int64_t outer) except -1:
    cdef It it
    cdef Common c
    cdef W teams
    cdef Py_ssize_t team_count = 0, at
    cdef int count = 1
    cdef int64_t battle_id = 0, status = 0, trigger = 0, from_user = 0, gift_id = 0, gift_count = 0
    cdef int64_t diamonds = 0
    _c_init(&c)
    _w_init(&teams)
    try:
        _open(&it, p, n, a, b)
        while _next(&it, p):
            if it.wire == 0:
                if it.num == WebcastLinkMicArmies_battle_id:
                    battle_id = _s64(_val(&it, p))
                elif it.num == WebcastLinkMicArmies_trigger_reason:
                    trigger = _s64(_val(&it, p))
                elif it.num == WebcastLinkMicArmies_from_user_id:
                    from_user = _s64(_val(&it, p))
                elif it.num == WebcastLinkMicArmies_gift_id:
                    gift_id = _s64(_val(&it, p))
                elif it.num == WebcastLinkMicArmies_gift_count:
                    gift_count = _s64(_val(&it, p))
                elif it.num == WebcastLinkMicArmies_total_diamond_count:
                    diamonds = _s64(_val(&it, p))
            elif it.wire == 2:
                if it.num == WebcastLinkMicArmies_common:
                    _t_common(p, n, it.a, it.b, &c)
                elif it.num == WebcastLinkMicArmies_battle_items:
                    _t_battle_team(&teams, p, n, it.a, it.b)
                    team_count += 1
                elif it.num == WebcastLinkMicArmies_battle_settings:
                    status = _settings_status(p, n, it.a, it.b)
        at = _w_begin(w)
        _w_bytes(w, T_BATTLE_ARMIES)
        count += _w_common(w, &c, outer)
        count += _wi(w, K_BATTLE_ID, battle_id)
        count += _wi(w, K_STATUS, status)
        count += _wi(w, K_TRIGGER_REASON, trigger)
        count += _wi(w, K_FROM_USER_ID, from_user)
        count += _wi(w, K_GIFT_ID, gift_id)
        count += _wi(w, K_GIFT_COUNT, gift_count)
        count += _wi(w, K_TOTAL_DIAMONDS, diamonds)
        count += _w_array_of(w, K_TEAMS, &teams, team_count)
        _w_end(w, at, count, 1)
    finally:
        _w_free(&teams)
    return 0


cdef int _t_room_pin(W* w, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, int64_t outer) except -1:
    cdef It it, it2
    cdef Common c
    cdef W pinned
    cdef bint has_pinned = False
    cdef int count = 1
    cdef int64_t action = 0, pin_time = 0, duration = 0, operator_id = 0
    cdef Py_ssize_t ma = 0, mb = 0, at
    _c_init(&c)
    _w_init(&pinned)
    try:
        _open(&it, p, n, a, b)
        while _next(&it, p):
            if it.wire == 0:
                if it.num == WebcastRoomPinMessage_action:
                    action = _s64(_val(&it, p))
                elif it.num == WebcastRoomPinMessage_pin_time:
                    pin_time = _s64(_val(&it, p))
                elif it.num == WebcastRoomPinMessage_display_duration:
                    duration = _s64(_val(&it, p))
            elif it.wire == 2:
                if it.num == WebcastRoomPinMessage_common:
                    _t_common(p, n, it.a, it.b, &c)
                elif it.num == WebcastRoomPinMessage_method:
                    ma = it.a
                    mb = it.b
                elif it.num == WebcastRoomPinMessage_operator:
                    _open(&it2, p, n, it.a, it.b)
                    while _next(&it2, p):
                        if it2.num == User_id and it2.wire == 0:
                            operator_id = _s64(_val(&it2, p))
                elif WebcastRoomPinMessage_chat_message <= it.num <= WebcastRoomPinMessage_like_message:
                    pinned.len = 0
                    if it.num == WebcastRoomPinMessage_chat_message:
                        _t_chat(&pinned, p, n, it.a, it.b, 0)
                    elif it.num == WebcastRoomPinMessage_social_message:
                        _t_social(&pinned, p, n, it.a, it.b, 0)
                    elif it.num == WebcastRoomPinMessage_gift_message:
                        _t_gift(&pinned, p, n, it.a, it.b, 0)
                    elif it.num == WebcastRoomPinMessage_member_message:
                        _t_member(&pinned, p, n, it.a, it.b, 0)
                    else:
                        _t_like(&pinned, p, n, it.a, it.b, 0)
                    has_pinned = True
        at = _w_begin(w)
        _w_bytes(w, T_ROOM_PIN)
        count += _w_common(w, &c, outer)
        count += _wi(w, K_ACTION, action)
        count += _wi(w, K_PIN_TIME, pin_time)
        count += _wi(w, K_DURATION, duration)
        count += _ws(w, K_ORIGINAL_TYPE, p, ma, mb)
        count += _wi(w, K_OPERATOR_ID, operator_id)
        if has_pinned:
            _w_bytes(w, K_PINNED)
            _w_raw(w, pinned.buf, pinned.len)
            count += 1
        _w_end(w, at, count, 1)
    finally:
        _w_free(&pinned)
    return 0


cdef int _t_emote_chat(W* w, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, int64_t outer) except -1:
    cdef It it
    cdef Common c
    cdef W emotes
    cdef Py_ssize_t emote_count = 0, at
    cdef bint has_user = False
    cdef int identity = 0, count = 1
    cdef Py_ssize_t ua = 0, ub = 0
    cdef Py_ssize_t er[4]
    cdef Py_ssize_t first[4]
    first[0] = first[1] = first[2] = first[3] = 0
    _c_init(&c)
    _w_init(&emotes)
    try:
        _open(&it, p, n, a, b)
        while _next(&it, p):
            if it.wire != 2:
                continue
            if it.num == WebcastEmoteChatMessage_common:
                _t_common(p, n, it.a, it.b, &c)
            elif it.num == WebcastEmoteChatMessage_user:
                has_user = True
                ua = it.a
                ub = it.b
            elif it.num == WebcastEmoteChatMessage_emote_list:
                _emote_ranges(p, n, it.a, it.b, er)
                _w_emote(&emotes, p, er, 0)
                if emote_count == 0:
                    first[0] = er[0]
                    first[1] = er[1]
                    first[2] = er[2]
                    first[3] = er[3]
                emote_count += 1
            elif it.num == WebcastEmoteChatMessage_user_identity:
                identity = _identity(p, n, it.a, it.b)
        at = _w_begin(w)
        _w_bytes(w, T_EMOTE)
        count += _w_common(w, &c, outer)
        count += _t_put_user(w, has_user, p, n, ua, ub, identity)
        if emote_count:
            count += _ws(w, K_EMOTE_ID, p, first[0], first[1])
            count += _ws(w, K_EMOTE_URL, p, first[2], first[3])
        count += _w_array_of(w, K_EMOTES, &emotes, emote_count)
        _w_end(w, at, count, 1)
    finally:
        _w_free(&emotes)
    return 0


cdef int _t_barrage(W* w, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, int64_t outer) except -1:
    cdef It it, it2
    cdef Common c
    cdef int count = 1
    cdef int64_t barrage_type = 0, duration = 0, level = 0, sub_count = 0, source = 0
    cdef bint has_user = False
    cdef Py_ssize_t ua = 0, ub = 0, at
    cdef Py_ssize_t text[4]
    text[0] = text[1] = text[2] = text[3] = 0
    _c_init(&c)
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastBarrageMessage_msg_type:
                barrage_type = _s64(_val(&it, p))
            elif it.num == WebcastBarrageMessage_duration:
                duration = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastBarrageMessage_common:
                _t_common(p, n, it.a, it.b, &c)
            elif it.num == WebcastBarrageMessage_content:
                _text_key(p, n, it.a, it.b, text)
            elif it.num == WebcastBarrageMessage_user_grade_param or it.num == WebcastBarrageMessage_fans_level_param:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.num == BarrageUserGradeParam_current_grade and it2.wire == 0:
                        level = _s64(_val(&it2, p))
                    elif it2.num == BarrageUserGradeParam_user and it2.wire == 2:
                        has_user = True
                        ua = it2.a
                        ub = it2.b
            elif it.num == WebcastBarrageMessage_subscribe_gift_param:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == BarrageSubscribeGiftParam_gift_sub_count:
                            sub_count = _s64(_val(&it2, p))
                        elif it2.num == BarrageSubscribeGiftParam_gift_source:
                            source = _s64(_val(&it2, p))
    at = _w_begin(w)
    _w_bytes(w, T_BARRAGE)
    count += _w_common(w, &c, outer)
    count += _wi(w, K_BARRAGE_TYPE, barrage_type)
    count += _ws(w, K_TEXT_KEY, p, text[0], text[1])
    count += _ws(w, K_TEXT, p, text[2], text[3])
    count += _wi(w, K_DURATION, duration)
    count += _t_put_user(w, has_user, p, n, ua, ub, 0)
    count += _wi(w, K_LEVEL, level)
    count += _wi(w, K_SUB_COUNT, sub_count)
    count += _wi(w, K_GIFT_SOURCE, source)
    _w_end(w, at, count, 1)
    return 0


cdef int _t_goal_update(W* w, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, int64_t outer) except -1:
    cdef GoalUpdate g
    cdef Common c
    cdef int count = 1
    cdef Py_ssize_t at
    _c_init(&c)
    _goal_scan(p, n, a, b, &g)
    if g.has_common:
        _t_common(p, n, g.common_a, g.common_b, &c)
    at = _w_begin(w)
    _w_bytes(w, T_GOAL)
    count += _w_common(w, &c, outer)
    count += _wi(w, K_CONTRIBUTOR_ID, g.contributor)
    count += _ws(w, K_CONTRIBUTOR_UNIQUE_ID, p, g.uid_a, g.uid_b)
    count += _wi(w, K_CONTRIBUTE_COUNT, g.count)
    count += _wi(w, K_CONTRIBUTE_SCORE, g.score)
    count += _wi(w, K_GOAL_TYPE, g.sub.type)
    count += _wi(w, K_PROGRESS, g.sub.progress)
    count += _wi(w, K_TARGET, g.sub.target)
    count += _ws(w, K_GIFT_NAME, p, g.sub.name_a, g.sub.name_b)
    _w_end(w, at, count, 1)
    return 0


cdef int _t_id_maps(W* into, Py_ssize_t* count, const u8* p, Py_ssize_t n, It* it) except -1:
    """``{"id": v}`` per non-zero value of a repeated int64 field, packed or not, into a scratch buffer."""
    cdef Py_ssize_t pos, at
    cdef uint64_t value
    if it.wire == 0:
        value = _val(it, p)
        if value:
            at = _w_begin(into)
            _wi(into, K_ID, _s64(value))
            _w_end(into, at, 1, 1)
            count[0] += 1
        return 0
    pos = it.a
    while pos < it.b:
        _varint(p, n, &pos, &value)
        if value:
            at = _w_begin(into)
            _wi(into, K_ID, _s64(value))
            _w_end(into, at, 1, 1)
            count[0] += 1
    if pos > it.b:
        raise TruncatedError("packed varint runs past the end of its field")
    return 0


cdef int _t_ints(W* into, Py_ssize_t* count, const u8* p, Py_ssize_t n, It* it) except -1:
    """``_ints`` into a scratch buffer."""
    cdef Py_ssize_t pos
    cdef uint64_t value
    if it.wire == 0:
        _w_int(into, _s64(_val(it, p)))
        count[0] += 1
        return 0
    pos = it.a
    while pos < it.b:
        _varint(p, n, &pos, &value)
        _w_int(into, _s64(value))
        count[0] += 1
    if pos > it.b:
        raise TruncatedError("packed varint runs past the end of its field")
    return 0
