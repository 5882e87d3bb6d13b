# Reading the protobuf wire: the record iterator (C), checked varints, precise-mode validation,
# value helpers. Included by _native.pyx.

ctypedef unsigned char u8

cdef extern from *:
    """
    /* Ask for every cache line of p[0:n] at once: a payload that is not in cache then
       arrives in parallel instead of one miss per field header. */
    static inline void bridge_prefetch(const void* p, Py_ssize_t n) {
    #if defined(__GNUC__) || defined(__clang__)
        const char* c = (const char*)p;
        Py_ssize_t i;
        for (i = 0; i < n; i += 64) __builtin_prefetch(c + i);
    #else
        (void)p; (void)n;
    #endif
    }
    /* Skip the varint at p[*pos]: 1 if it ends before `end` and fits 64 bits (then *pos is
       past it), else 0. Eight bytes at a time where the buffer allows. */
    static int bridge_skip_varint(const unsigned char* p, Py_ssize_t end, Py_ssize_t* pos) {
        Py_ssize_t i = *pos;
    #if (defined(__GNUC__) || defined(__clang__)) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        if (end - i >= 8) {
            unsigned long long w, stops;
            memcpy(&w, p + i, 8);
            stops = ~w & 0x8080808080808080ULL;
            if (stops) {
                *pos = i + (__builtin_ctzll(stops) >> 3) + 1;
                return 1;
            }
            i += 8;  /* eight continuation bytes: the 9th ends it, or the 10th is 0 or 1 */
            if (i < end && p[i] < 0x80) { *pos = i + 1; return 1; }
            if (i + 1 < end && p[i + 1] <= 1) { *pos = i + 2; return 1; }
            return 0;
        }
    #endif
        {
            int count = 0;
            while (i < end) {
                unsigned char b = p[i++];
                if (count == 9 && b > 1) return 0;
                if (b < 0x80) { *pos = i; return 1; }
                count++;
            }
            return 0;
        }
    }
    #if defined(__GNUC__) || defined(__clang__)
    #define BRIDGE_ALWAYS_INLINE inline __attribute__((always_inline))
    #else
    #define BRIDGE_ALWAYS_INLINE inline
    #endif
    typedef struct {
        Py_ssize_t pos;
        Py_ssize_t end;
        uint64_t num;
        Py_ssize_t vp;  /* where a varint value starts */
        Py_ssize_t a;   /* byte range of a length-delimited value */
        Py_ssize_t b;
        int wire;
    } bridge_it;
    /* A varint that must end before `end` and fit 64 bits: 1, else 0. */
    static BRIDGE_ALWAYS_INLINE int bridge_read_varint(const unsigned char* p, Py_ssize_t end,
                                                       Py_ssize_t* pos, uint64_t* out) {
        Py_ssize_t i = *pos;
        uint64_t result = 0;
        int shift = 0;
        while (i < end) {
            uint64_t byte = p[i++];
            if (shift == 63 && byte > 1) return 0;
            result |= (byte & 0x7F) << shift;
            if (byte < 0x80) { *pos = i; *out = result; return 1; }
            shift += 7;
        }
        return 0;
    }
    static int bridge_skip_varint(const unsigned char* p, Py_ssize_t end, Py_ssize_t* pos);
    /* The next record of it->pos..it->end: 1, 0 at the end, -1 if the bytes are malformed
       (a varint or a value running past the range, field number 0, wire type 3, 4, 6, 7). */
    static BRIDGE_ALWAYS_INLINE int bridge_next(bridge_it* it, const unsigned char* p) {
        Py_ssize_t pos = it->pos, end = it->end;
        uint64_t key, size;
        if (pos >= end) return 0;
        key = p[pos];
        if (key < 0x80) pos++;
        else if (!bridge_read_varint(p, end, &pos, &key)) return -1;
        it->num = key >> 3;
        it->wire = (int)(key & 7);
        if (it->num == 0) return -1;
        switch (it->wire) {
        case 0:
            it->vp = pos;
            if (pos < end && p[pos] < 0x80) pos++;
            else if (!bridge_skip_varint(p, end, &pos)) return -1;
            break;
        case 2:
            if (pos < end && p[pos] < 0x80) size = p[pos++];
            else if (!bridge_read_varint(p, end, &pos, &size)) return -1;
            if (size > (uint64_t)(end - pos)) return -1;
            it->a = pos;
            pos += (Py_ssize_t)size;
            it->b = pos;
            break;
        case 1:
            if (end - pos < 8) return -1;
            pos += 8;
            break;
        case 5:
            if (end - pos < 4) return -1;
            pos += 4;
            break;
        default:
            return -1;
        }
        it->pos = pos;
        return 1;
    }
    /* The value of a varint already checked by bridge_skip_varint. */
    static inline uint64_t bridge_varint(const unsigned char* p) {
        uint64_t r = p[0] & 0x7F;
        int i;
        if (p[0] < 0x80) return r;
        for (i = 1; i < 10; i++) {
            r |= (uint64_t)(p[i] & 0x7F) << (7 * i);
            if (p[i] < 0x80) break;
        }
        return r;
    }
    /* Whether s[0:n] is well-formed UTF-8 by the rules of CPython's strict decoder
       (no overlongs, no surrogates, nothing past U+10FFFF). */
    static inline int bridge_utf8_ok(const unsigned char* s, Py_ssize_t n) {
        Py_ssize_t i = 0;
        while (i < n) {
            unsigned char c = s[i];
            if (c < 0x80) {
                while (i + 8 <= n) {
                    unsigned long long w;
                    memcpy(&w, s + i, 8);
                    if (w & 0x8080808080808080ULL) break;
                    i += 8;
                }
                while (i < n && s[i] < 0x80) i++;
                continue;
            }
            if (c >= 0xC2 && c <= 0xDF) {
                if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return 0;
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                unsigned char c1;
                if (i + 2 >= n) return 0;
                c1 = s[i + 1];
                if ((c1 & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) return 0;
                if (c == 0xE0 && c1 < 0xA0) return 0;
                if (c == 0xED && c1 > 0x9F) return 0;
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                unsigned char c1;
                if (i + 3 >= n) return 0;
                c1 = s[i + 1];
                if ((c1 & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80) return 0;
                if (c == 0xF0 && c1 < 0x90) return 0;
                if (c == 0xF4 && c1 > 0x8F) return 0;
                i += 4;
            } else {
                return 0;
            }
        }
        return 1;
    }
    """
    ctypedef struct It "bridge_it":
        # One record of a range: number, wire type, where a varint value starts, byte range.
        Py_ssize_t pos
        Py_ssize_t end
        uint64_t num
        Py_ssize_t vp
        Py_ssize_t a
        Py_ssize_t b
        int wire
    int bridge_next(It* it, const u8* p) nogil
    void bridge_prefetch(const void* p, Py_ssize_t n) nogil
    int bridge_utf8_ok(const unsigned char* s, Py_ssize_t n) nogil
    int bridge_skip_varint(const unsigned char* p, Py_ssize_t end, Py_ssize_t* pos) nogil
    uint64_t bridge_varint(const unsigned char* p) nogil


# ---------------------------------------------------------------- wire scanning


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


cdef inline bint _skip9(const u8* p, Py_ssize_t n, Py_ssize_t* ppos) noexcept nogil:
    """Skip a varint of at most 9 bytes that ends inside the buffer; False (nothing moved) otherwise.

    Nine bytes hold 63 bits, so such a varint can never be "longer than 64 bits".
    """
    cdef Py_ssize_t pos = ppos[0], i
    if pos + 9 > n:
        return False
    for i in range(9):
        if p[pos + i] < 0x80:
            ppos[0] = pos + i + 1
            return True
    return False


cdef int _check(const u8* p, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t end) except -1:
    """Validate ``p[pos:end]`` exactly as ``_pure._fields`` scans it."""
    cdef uint64_t key, number, value
    cdef int wire
    while pos < end:
        if pos < n and p[pos] < 0x80:
            key = p[pos]
            pos += 1
        elif pos + 1 < n and p[pos + 1] < 0x80:
            key = (p[pos] & 0x7F) | (<uint64_t>p[pos + 1] << 7)
            pos += 2
        else:
            _varint(p, n, &pos, &key)
        number = key >> 3
        wire = <int>(key & 7)
        if number == 0:
            raise WireTypeError(f"field number 0 at offset {pos}")
        if wire == 0:
            if not _skip9(p, n, &pos):
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


cdef bint _precise = False
"""Precise mode: ``_open`` validates a whole range first, as ``_pure._fields`` does.

Off (the fast mode), every range is validated while it is walked, in one pass; the
first anomaly raises ``_Retry`` and the public function that was called runs again
in precise mode, which raises exactly what the reference raises. A well-formed
input takes the same path through both modes, so the output is the same.
"""


class _Retry(DecodeError):
    """Fast mode met malformed bytes: decode again in precise mode for the exact error."""


cdef int _retry() except -1:
    raise _Retry("malformed input (decoded again in precise mode)")


cdef inline int _open(It* it, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b) except -1:
    it.pos = a
    it.end = b
    it.num = it.wire = it.vp = it.a = it.b = 0
    if _precise:
        _check(p, n, a, b)
    return 0


cdef inline uint64_t _val(It* it, const u8* p) noexcept nogil:
    """The value of the varint record ``_next`` just returned."""
    return bridge_varint(p + it.vp)


cdef inline int _next(It* it, const u8* p) except -1:
    """The next record of the range: 1, or 0 at its end; ``_Retry`` on anything malformed."""
    cdef int r = bridge_next(it, p)
    if r >= 0:
        return r
    return _retry()


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
