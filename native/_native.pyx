# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# cython: initializedcheck=False, nonecheck=False, infer_types=False
"""Compiled webcast decoder: a port of :mod:`bridge.codec._pure`.

Theory of operation
-------------------
The pure-Python decoder scans each message range with ``_fields`` into a list
of records *before* looking at any of them, so a malformed byte anywhere in a
range raises before anything nested inside that range is visited. This module
gets the same results with two modes:

* **fast** (every call starts in it): each range is walked once, record by
  record, into a C struct (``bridge_next``: no tuples, no Python ints for
  skipped fields, no strings for skipped or overwritten string fields), checking
  every bound as it goes. The first anomaly (a varint or value running past its
  range, field number 0, an unknown wire type) raises the private ``_Retry``.
* **precise**: the public function that was called catches any ``DecodeError``
  of the fast attempt and runs again with ``_precise`` set. Then ``_open`` first
  walks the whole range with ``_check``, raising the same exception (same class,
  same text) ``_fields`` would raise, at the same point, and only then are its
  records visited. Varints read past the end of their enclosing message into the
  rest of the buffer exactly like ``_varint`` does, so the error class on a
  truncated sub-message matches too. Inside a frame the retry is per message, so
  ``FetchResult.errors`` carries the reference's exact reasons.

A well-formed input takes the same path in both modes, so the output is the
same; every range either mode opens is walked to its end, so fast mode sees
every anomaly the reference would raise on. Malformed input costs two passes.

Strings are decoded only for the occurrence that ends up in the output (the
last one, as in the reference), which is safe because UTF-8 decoding with
``errors="replace"`` cannot fail and a non-empty byte range never decodes to an
empty string. Everything that can raise (nested scans) runs at the same moment
as in the reference, and output maps are filled in the same key order, so the
msgpack bytes of both implementations are identical.

Payloads are prefetched into cache as a whole before they are walked.

Layout: one extension module, its code included by job, in this order:

* ``_schema.pxi``: the field table, generated from ``proto/webcast.proto`` by
  ``scripts/gen_wire.py`` (every field number is a C constant from it);
* ``_wire.pxi``: reading the wire (record iterator, varints, precise mode);
* ``_decode.pxi``: the hand-written decoders, one function per struct and message;
* ``_events.pxi``: generated decoders of the annotated messages, and the dispatch over
  every decoded method (hand-written decoders are named by it);
* ``_dispatch.pxi``: method lookup by name, ``decode_message``;
* ``_frames.pxi``: ``decode_fetch_result`` and ``decode_frame``.
"""

from libc.stdint cimport INT64_MAX, int64_t, uint64_t
from libc.string cimport memcmp, memcpy
from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from cpython.unicode cimport PyUnicode_DecodeUTF8

cdef extern from "Python.h":
    bint PyUnicode_IS_COMPACT_ASCII(object o)
    void* PyUnicode_DATA(object o)
    Py_ssize_t PyUnicode_GET_LENGTH(object o)

from bridge.contract import IGNORED_METHODS
from bridge.errors import DecodeError, LimitError, TruncatedError, VarintError, WireTypeError
from bridge.frames import FetchResult, MessageError, PushFrame, gunzip, is_gzip
from bridge.limits import MAX_FRAME_BYTES, MAX_MESSAGES_PER_FRAME

include "_schema.pxi"

__all__ = [
    "decode_fetch_result",
    "decode_frame",
    "decode_message",
    "METHODS",
    "IGNORED_METHODS",
]

include "_wire.pxi"
include "_decode.pxi"
include "_events.pxi"
include "_dispatch.pxi"
include "_frames.pxi"
