"""``transcode_message``: the event packed, byte for byte ``msgpack.packb(decode_message(...))``.

``bridge._native`` writes the msgpack straight from the protobuf without building
the event dict, so every case here compares it with packing the dict, on both
implementations: same bytes, or the same exception class. The inputs are the
parity tests' generators (schema-shaped, structured, mutated, random) plus
simulator traffic and the msgpack encoding boundaries (ints, strings, lists).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import msgpack
import pytest
from helpers import simulated_frames
from hypothesis import given, settings
from hypothesis import strategies as st
from test_parity import (
    ALL_METHODS,
    EDGE_CASES,
    EVENT_PAYLOADS,
    FAST,
    MESSAGES,
    METHOD_NAMES,
    SCALE,
    SLOW,
    mutated,
    schema_message,
)

from bridge import codec
from bridge.codec import _pure
from bridge.codec import protowire as w
from bridge.codec import webcast as wc
from bridge.errors import DecodeError
from bridge.frames import gunzip, is_gzip

IMPLEMENTATIONS = codec.implementations()


def outcome(fn: Any, *args: Any) -> tuple[str, Any]:
    try:
        return "ok", fn(*args)
    except DecodeError as exc:
        return "err", type(exc)


def assert_transcodes(method: Any, payload: Any) -> None:
    """Every implementation's transcode equals packing its decode, and they all agree."""
    seen = []
    for impl in IMPLEMENTATIONS.values():
        kind, event = outcome(impl.decode_message, method, payload)
        expected = (kind, event if kind == "err" else None if event is None else msgpack.packb(event))
        got = outcome(impl.transcode_message, method, payload)
        assert got == expected, (impl.__name__, method, payload, got, expected)
        seen.append(got)
    assert all(s == seen[0] for s in seen), seen


def inner_messages(frame: bytes) -> list[tuple[str, bytes]]:
    result = _pure.decode_frame(frame)
    body = gunzip(result.payload) if is_gzip(result.payload, result.headers) else result.payload
    out = []
    for number, wire, a, b in _pure._fields(body, 0, len(body)):
        if number == 1 and wire == 2:
            fields = {n: (x, y) for n, wt, x, y in _pure._fields(body, a, b) if wt == 2}
            ma, mb = fields[1]
            pa, pb = fields.get(2, (0, 0))
            out.append((body[ma:mb].decode(), body[pa:pb]))
    return out


def test_exported_by_the_codec() -> None:
    assert codec.transcode_message.__name__ == "transcode_message"
    for impl in IMPLEMENTATIONS.values():
        assert "transcode_message" in impl.__all__


def test_simulated_traffic() -> None:
    messages = [m for frame in simulated_frames(120, seed=11) for m in inner_messages(frame)]
    assert len({method for method, _ in messages}) >= 15
    for method, payload in messages:
        assert_transcodes(method, payload)


def test_ignored_unknown_and_missing_methods() -> None:
    assert_transcodes("MsgDetectMessage", b"\x08\x01")
    assert_transcodes("WebcastMsgDetectMessage", b"")
    assert_transcodes("LinkMicMethod", b"\x08\x01")
    assert_transcodes("WebcastNewThing", b"\x08\x01")
    assert_transcodes("WebcastNewThing", b"")
    assert_transcodes("", b"\x08\x01")
    assert_transcodes("ChatMessage", w.str_field(3, "no prefix"))
    assert_transcodes("WebcastChatMessage", b"")


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview])
def test_buffer_types(wrap: Any) -> None:
    assert_transcodes(
        "WebcastChatMessage", wrap(w.str_field(3, "hi") + w.message_field(2, w.int_field(1, 5)))
    )


@pytest.mark.parametrize(("method", "payload", "error"), EDGE_CASES)
def test_parity_edge_cases(method: str, payload: bytes, error: type[DecodeError] | None) -> None:
    assert_transcodes(method, payload)


INT_EDGES = [0, 1, 31, 127, 128, 255, 256, 65535, 65536, 2**32 - 1, 2**32, 2**63 - 1]
INT_EDGES += [-1, -32, -33, -128, -129, -32768, -32769, -(2**31), -(2**31) - 1, -(2**63)]


def test_integer_encodings() -> None:
    values = [v & (2**64 - 1) for v in INT_EDGES]
    assert_transcodes("WebcastImDeleteMessage", w.packed_field(2, values) + w.packed_field(3, values[::-1]))
    for value in INT_EDGES:
        raw = value & (2**64 - 1)
        assert_transcodes("WebcastLikeMessage", w.int_field(2, raw) + w.int_field(3, raw))
        assert_transcodes("WebcastGiftMessage", w.int_field(2, raw) + w.message_field(7, w.int_field(1, raw)))


@pytest.mark.parametrize("count", [0, 1, 15, 16, 17, 65535, 65536, 70_000])
def test_list_lengths(count: int) -> None:
    assert_transcodes("WebcastImDeleteMessage", w.packed_field(2, range(count)))


@pytest.mark.parametrize("size", [0, 1, 31, 32, 255, 256, 65535, 65536, 70_000])
def test_string_lengths(size: int) -> None:
    assert_transcodes("WebcastChatMessage", w.str_field(3, "x" * size) + w.str_field(14, "é" * (size // 2)))
    assert_transcodes("WebcastInRoomBannerMessage", w.str_field(2, "{" * size))


UTF8_CASES = [
    b"plain ascii",
    "héllo wörld ✨ 🎮".encode(),
    b"\xff",
    b"\xc0\x80",  # overlong
    b"\xe0\x80\xaf",  # overlong
    b"\xed\xa0\x80",  # surrogate
    b"\xf4\x90\x80\x80",  # past U+10FFFF
    b"\xf0\x9f\x8e",  # truncated 4-byte
    b"abc\xe2\x82",  # truncated at the end
    b"\xe2\x82\xac\xc2\xa2\xf0\x90\x8d\x88",  # valid 3, 2 and 4 byte
    b"\x80abc",  # lone continuation
    b"12345678\xe9",  # the ASCII fast path then a bad byte
    bytes(range(256)),
]


@pytest.mark.parametrize("raw", UTF8_CASES)
def test_utf8_validation_matches_python(raw: bytes) -> None:
    user = w.bytes_field(3, raw) + w.bytes_field(38, raw) + w.str_field(1028, "12")
    assert_transcodes("WebcastChatMessage", w.bytes_field(3, raw) + w.message_field(2, user))
    assert_transcodes("WebcastSocialMessage", w.message_field(1, w.message_field(8, w.bytes_field(1, raw))))


@given(raw=st.binary(max_size=40))
@settings(FAST)
def test_random_strings(raw: bytes) -> None:
    assert_transcodes("WebcastChatMessage", w.bytes_field(3, raw) + w.bytes_field(14, raw[::-1]))


def test_frame_envelope_msg_id_order() -> None:
    inner = wc.inner("WebcastChatMessage", w.str_field(3, "hi"), 77)
    body = wc.fetch_result([inner], cursor="c", now=1, internal_ext="x")
    for impl in IMPLEMENTATIONS.values():
        [event] = impl.decode_fetch_result(body).events
        assert list(event) == ["type", "msgId", "comment"]


@FAST
@given(method=st.sampled_from(ALL_METHODS), data=st.binary(max_size=80))
def test_random_bytes(method: str, data: bytes) -> None:
    assert_transcodes(method, data)


@pytest.mark.parametrize("method", METHOD_NAMES)
@settings(SLOW, max_examples=12 * SCALE)
@given(data=st.data())
def test_schema_messages(method: str, data: st.DataObject) -> None:
    payload = data.draw(schema_message(method), label="payload")
    assert_transcodes(method, payload)
    assert_transcodes(method, data.draw(mutated(st.just(payload)), label="mutated"))


@SLOW
@given(method=st.sampled_from(METHOD_NAMES), payload=EVENT_PAYLOADS)
def test_structured_messages(method: str, payload: bytes) -> None:
    assert_transcodes(method, payload)


@settings(SLOW, max_examples=25 * SCALE)
@given(method=st.sampled_from(METHOD_NAMES), payload=mutated(EVENT_PAYLOADS))
def test_mutated_messages(method: str, payload: bytes) -> None:
    assert_transcodes(method, payload)


@settings(SLOW, max_examples=25 * SCALE)
@given(method=st.sampled_from(METHOD_NAMES), payload=mutated(MESSAGES))
def test_generic_nested_messages(method: str, payload: bytes) -> None:
    assert_transcodes(method, payload)


def test_only_decode_errors_escape(impl: ModuleType) -> None:
    for payload in (b"\x0f", b"\x0a\x05ab", b"\xff" * 11, b"\x00"):
        with pytest.raises(DecodeError):
            impl.transcode_message("WebcastChatMessage", payload)
