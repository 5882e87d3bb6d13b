# Fetch results and push frames, with per-message error isolation. Included by _native.pyx.

# ---------------------------------------------------------------- frames


cdef int _inner(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, list events, list errors) except -1:
    """Decode one ``BaseProtoMessage`` into ``events``; record its failure in ``errors`` instead."""
    global _precise
    if not _precise:
        try:
            return _inner_once(p, n, a, b, events, errors)
        except DecodeError:
            pass
        _precise = True
        try:
            return _inner_once(p, n, a, b, events, errors)
        finally:
            _precise = False
    return _inner_once(p, n, a, b, events, errors)


cdef int _inner_once(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, list events, list errors) except -1:
    """``_inner`` in the current mode; in fast mode errors propagate instead of being recorded."""
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
            if it.num == BaseProtoMessage_method:
                ma = it.a
                mb = it.b
            elif it.num == BaseProtoMessage_payload:
                pa = it.a
                pb = it.b
        elif it.wire == 0 and it.num == BaseProtoMessage_msg_id:
            msg_id = _s64(_val(&it, p))
    method = _str(p, ma, mb)
    if _precise:
        try:
            event = _decode(method, p, n, pa, pb)
        except DecodeError as exc:
            errors.append(MessageError(method, msg_id, str(exc)))
            return 0
    else:
        event = _decode(method, p, n, pa, pb)
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
            if it.num == PushHeader_key:
                ka = it.a
                kb = it.b
            elif it.num == PushHeader_value:
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
            if it.num == ProtoMessageFetchResult_messages:
                messages += 1
                if messages > limit:
                    raise LimitError(f"more than {limit_obj} messages in one frame")
                _inner(p, n, it.a, it.b, events, errors)
            elif it.num == ProtoMessageFetchResult_cursor:
                result.cursor = _str(p, it.a, it.b)
            elif it.num == ProtoMessageFetchResult_internal_ext:
                result.internal_ext = _str(p, it.a, it.b)
            elif it.num == ProtoMessageFetchResult_route_params:
                _string_pair(p, n, it.a, it.b, route_params)
            elif it.num == ProtoMessageFetchResult_push_server:
                result.push_server = _str(p, it.a, it.b)
        elif it.wire == 0:
            if it.num == ProtoMessageFetchResult_heartbeat_duration:
                result.heartbeat_duration = _s64(_val(&it, p))
            elif it.num == ProtoMessageFetchResult_need_ack:
                result.need_ack = _val(&it, p) != 0
            elif it.num == ProtoMessageFetchResult_fetch_interval:
                result.fetch_interval = _s64(_val(&it, p))
            elif it.num == ProtoMessageFetchResult_now:
                result.now = _s64(_val(&it, p))
            elif it.num == ProtoMessageFetchResult_is_first:
                result.is_first = _val(&it, p) != 0
    return result


def decode_fetch_result(data):
    """Decode a ``ProtoMessageFetchResult``: its events and connection metadata.

    A malformed inner message is recorded in ``errors`` and skipped; the other
    messages still produce events.

    Raises:
        DecodeError: the fetch result itself is malformed.
    """
    return _fetch_either(data if type(data) is bytes else bytes(data))


cdef object _fetch_either(bytes data):
    """``_fetch`` in fast mode, again in precise mode if it was malformed."""
    global _precise
    cdef bint before = _precise
    if not _precise:
        try:
            return _fetch(data)
        except DecodeError:
            pass
    _precise = True
    try:
        return _fetch(data)
    finally:
        _precise = before


def decode_frame(data):
    """Decode one WebSocket binary message (a ``WebcastPushFrame``).

    For ``msg`` frames the payload is gunzipped when needed and decoded into
    ``frame.result``; other frame types (``hb``, ``ack``, ``im_enter_room_resp``)
    only carry their envelope.

    Raises:
        DecodeError: the frame, its gzip layer or its fetch result is malformed.
    """
    global _precise
    cdef bytes buf = data if type(data) is bytes else bytes(data)
    cdef bint before = _precise
    if not _precise:
        try:
            return _frame(buf)
        except DecodeError:
            pass
    _precise = True
    try:
        return _frame(buf)
    finally:
        _precise = before


cdef object _frame(bytes buf):
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
            if it.num == WebcastPushFrame_seq_id:
                frame.seq_id = _s64(_val(&it, p))
            elif it.num == WebcastPushFrame_log_id:
                frame.log_id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastPushFrame_headers:
                _string_pair(p, n, it.a, it.b, headers)
            elif it.num == WebcastPushFrame_payload_encoding:
                frame.payload_encoding = _str(p, it.a, it.b)
            elif it.num == WebcastPushFrame_payload_type:
                frame.payload_type = _str(p, it.a, it.b)
            elif it.num == WebcastPushFrame_payload:
                pa = it.a
                pb = it.b
    payload = PyBytes_FromStringAndSize(<const char*>p + pa, pb - pa)
    frame.payload = payload
    if frame.payload_type == "msg":
        body = gunzip(payload) if is_gzip(payload, frame.headers) else payload
        frame.result = _fetch_either(body if type(body) is bytes else bytes(body))
    return frame
