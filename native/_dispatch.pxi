# Method names to decoders, and the public per-message functions. Included by _native.pyx.

# ---------------------------------------------------------------- dispatch


cdef dict _CODES = {}
for _name, _code in METHODS.items():
    _CODES[_name] = _CODES[_name[len("Webcast"):]] = _code
for _name in IGNORED_METHODS:
    _CODES[_name] = _CODES[_name[len("Webcast"):]] = 0
del _name, _code


# A C table over the same names, for looking a method up by its UTF-8 bytes: no str,
# no hashing of a fresh str. Open addressing on FNV-1a; entries point into _NAMES.
cdef enum:
    _TABLE = 512
cdef const char* _table_name[_TABLE]
cdef Py_ssize_t _table_size[_TABLE]
cdef int _table_code[_TABLE]
cdef list _NAMES = []


cdef inline uint64_t _fnv(const u8* s, Py_ssize_t n) noexcept nogil:
    cdef uint64_t h = 14695981039346656037ULL
    cdef Py_ssize_t i
    for i in range(n):
        h = (h ^ s[i]) * 1099511628211ULL
    return h


cdef int _table_put(bytes name, int code) except -1:
    cdef uint64_t slot = _fnv(<const u8*>PyBytes_AS_STRING(name), PyBytes_GET_SIZE(name)) & (_TABLE - 1)
    while _table_name[slot] != NULL:
        slot = (slot + 1) & (_TABLE - 1)
    _NAMES.append(name)
    _table_name[slot] = PyBytes_AS_STRING(name)
    _table_size[slot] = PyBytes_GET_SIZE(name)
    _table_code[slot] = code
    return 0


cdef inline int _code_of(const u8* s, Py_ssize_t n) noexcept nogil:
    """The decoder code of a method name given as UTF-8: 0 ignored, -1 unknown."""
    cdef uint64_t slot = _fnv(s, n) & (_TABLE - 1)
    while _table_name[slot] != NULL:
        if _table_size[slot] == n and memcmp(_table_name[slot], s, n) == 0:
            return _table_code[slot]
        slot = (slot + 1) & (_TABLE - 1)
    return -1


assert len(_CODES) < _TABLE // 2
for _name, _code in _CODES.items():
    _table_put(_name.encode("utf-8"), _code)
del _name, _code


cdef inline int _code_of_str(object method) except -2:
    """``_CODES.get(method)`` as an int (-1 when absent), through the C table for plain ASCII strs."""
    if type(method) is str and PyUnicode_IS_COMPACT_ASCII(method):
        return _code_of(<const u8*>PyUnicode_DATA(method), PyUnicode_GET_LENGTH(method))
    code = _CODES.get(method)
    return -1 if code is None else <int>code


cdef object _decode(object method, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef int code = _code_of_str(method)
    if code < 0:
        if not method:
            raise DecodeError("message has no method")
        event = {"type": "unknown", "method": method}
        if b > a:
            event["payload"] = PyBytes_FromStringAndSize(<const char*>p + a, b - a)
        return event
    if code == 0:
        return None
    return _run(code, p, n, a, b)


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
    cdef const u8* p = <const u8*>PyBytes_AS_STRING(data)
    bridge_prefetch(p, n)
    if not _precise:
        try:
            return _decode(method, p, n, 0, n)
        except DecodeError:
            pass
    return _decode_precisely(method, p, n)


cdef object _decode_precisely(object method, const u8* p, Py_ssize_t n):
    global _precise
    cdef bint before = _precise
    _precise = True
    try:
        return _decode(method, p, n, 0, n)
    finally:
        _precise = before
