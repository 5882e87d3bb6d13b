"""Differential tests: ``bridge._native`` must behave exactly like ``bridge.codec._pure``.

Every comparison covers the whole output: values, value *types* (``True`` and ``1``
are equal in Python but not in msgpack), the key order of every map (msgpack keeps
it, so a different order is a different byte stream), the msgpack bytes
themselves, and on failure the exception class. ``FetchResult.errors`` is output
too, so its ``reason`` texts must match exactly; for exceptions raised to the
caller only the class is compared.
"""

from __future__ import annotations

import dataclasses
import gzip
import inspect
import os
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import msgpack
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bridge import codec
from bridge.codec import _pure, protowire
from bridge.errors import DecodeError, LimitError, TruncatedError, VarintError, WireTypeError
from bridge.frames import FetchResult, PushFrame

NATIVE: ModuleType | None = codec.implementations().get("cython")

if NATIVE is None and os.environ.get("BRIDGE_REQUIRE_NATIVE") == "1":
    pytest.fail("bridge._native is missing but BRIDGE_REQUIRE_NATIVE=1", pytrace=False)
pytestmark = pytest.mark.skipif(NATIVE is None, reason="bridge._native is not built")

SCALE = int(os.environ.get("BRIDGE_FUZZ_SCALE", "1"))
"""Multiplies every example count: ``BRIDGE_FUZZ_SCALE=25`` is the long fuzz job (docs/reliability.md)."""

FAST = settings(max_examples=200 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Structured inputs are large and shrink slowly (minutes); a failure reports the raw
# example and the path of the first difference instead.
SLOW = settings(
    max_examples=35 * SCALE,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

METHOD_NAMES = sorted(_pure.METHODS)
ALL_METHODS = [
    *METHOD_NAMES,
    *(name[len("Webcast") :] for name in METHOD_NAMES),
    *sorted(_pure.IGNORED_METHODS),
    "WebcastNotAThing",
    "",
]

# ---------------------------------------------------------------- comparison helpers


def _native() -> ModuleType:
    assert NATIVE is not None
    return NATIVE


def shape(value: Any) -> Any:
    """A structure equal for two values only if they match in type, value and key order."""
    if isinstance(value, dict):
        return ("dict", [(shape(k), shape(v)) for k, v in value.items()])
    if isinstance(value, list | tuple):
        return (type(value).__name__, [shape(v) for v in value])
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            [(f.name, shape(getattr(value, f.name))) for f in dataclasses.fields(value)],
        )
    return (type(value).__name__, value)


def first_difference(a: Any, b: Any, path: str = "$") -> str:
    """Where two :func:`shape` structures first differ, for failure messages."""
    if a == b:
        return ""
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b) == 2 and a[0] == b[0]:
        left, right = a[1], b[1]
        if isinstance(left, list) and isinstance(right, list):
            for i, (x, y) in enumerate(zip(left, right, strict=False)):
                where = first_difference(x, y, f"{path}[{i}]")
                if where:
                    return where
            return f"{path}: lengths {len(left)} != {len(right)}"
    return f"{path}: {a!r} != {b!r}"


def keys_tree(value: Any) -> Any:
    """Just the key order of every map inside ``value``, recursively."""
    if isinstance(value, dict):
        return [(k, keys_tree(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [keys_tree(v) for v in value]
    return None


def packed(value: Any) -> bytes | None:
    """msgpack bytes of an event (or of a result's events and errors)."""
    if value is None:
        return None
    if isinstance(value, PushFrame):
        return packed(value.result) if value.result is not None else b""
    if isinstance(value, FetchResult):
        errors = [dataclasses.astuple(e) for e in value.errors]
        value = [value.events, errors, value.route_params]
    out: bytes = msgpack.packb(value)
    return out


def outcome(fn: Callable[..., Any], *args: Any) -> tuple[str, Any]:
    """``("ok", result)`` or ``("err", exception class)``; anything but a DecodeError fails."""
    try:
        return "ok", fn(*args)
    except DecodeError as exc:
        return "err", type(exc)


def assert_same(name: str, *args: Any) -> tuple[str, Any]:
    """Run ``name`` on both implementations and require identical behaviour."""
    kind_p, pure = outcome(getattr(_pure, name), *args)
    kind_n, native = outcome(getattr(_native(), name), *args)
    assert kind_p == kind_n, (name, args, pure, native)
    if kind_p == "err":
        assert pure is native, (name, args, pure, native)
        return kind_p, pure
    assert shape(pure) == shape(native), first_difference(shape(pure), shape(native))
    assert keys_tree(pure) == keys_tree(native)
    assert packed(pure) == packed(native)
    return kind_p, pure


# ---------------------------------------------------------------- API surface


def test_public_names_match() -> None:
    native = _native()
    assert sorted(native.__all__) == sorted(_pure.__all__)
    for name in _pure.__all__:
        assert hasattr(native, name), name


def test_signatures_match() -> None:
    native = _native()
    for name in codec.PUBLIC_API:
        pure_params = inspect.signature(getattr(_pure, name)).parameters
        try:
            native_params = inspect.signature(getattr(native, name)).parameters
        except (TypeError, ValueError):  # pragma: no cover - signature not introspectable
            continue
        assert [(p.name, p.kind, p.default) for p in pure_params.values()] == [
            (p.name, p.kind, p.default) for p in native_params.values()
        ], name


def test_method_tables_match() -> None:
    native = _native()
    assert set(native.METHODS) == set(_pure.METHODS)
    assert native.IGNORED_METHODS == _pure.IGNORED_METHODS
    assert isinstance(native.IGNORED_METHODS, frozenset)


def test_codec_prefers_native() -> None:
    if os.environ.get("BRIDGE_PUREPYTHON") == "1":
        pytest.skip("BRIDGE_PUREPYTHON=1 forces the pure implementation")
    assert codec.IMPLEMENTATION == "cython"
    assert codec.decode_message is _native().decode_message


# ---------------------------------------------------------------- random bytes


@FAST
@given(method=st.sampled_from(ALL_METHODS), data=st.binary(max_size=80))
def test_random_bytes_message(method: str, data: bytes) -> None:
    assert_same("decode_message", method, data)


@FAST
@given(data=st.binary(max_size=120))
def test_random_bytes_fetch_and_frame(data: bytes) -> None:
    assert_same("decode_fetch_result", data)
    assert_same("decode_frame", data)


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview])
def test_input_buffer_types(wrap: Callable[[bytes], Any]) -> None:
    data = protowire.message_field(2, protowire.str_field(3, "nick")) + protowire.str_field(3, "hi")
    for method in ("WebcastChatMessage", "Nope"):
        assert_same("decode_message", method, wrap(data))
    fetch = _fetch_bytes([("WebcastChatMessage", data, 5)])
    assert_same("decode_fetch_result", wrap(fetch))
    assert_same("decode_frame", wrap(_frame_bytes(fetch, "none")))


@settings(FAST, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(method=st.sampled_from(ALL_METHODS), data=st.binary(max_size=60))
def test_only_decode_errors_escape(impl: ModuleType, method: str, data: bytes) -> None:
    calls: list[tuple[Callable[..., Any], tuple[Any, ...]]] = [
        (impl.decode_message, (method, data)),
        (impl.decode_fetch_result, (data,)),
        (impl.decode_frame, (data,)),
    ]
    for fn, args in calls:
        try:
            fn(*args)
        except DecodeError:
            pass


# ---------------------------------------------------------------- structured inputs

# Every field number the decoders look at (proto/webcast.proto), plus unknown ones.
KNOWN_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 22, 30, 31, 32, 33, 34, 38]
NUMBERS = st.one_of(
    st.sampled_from(KNOWN_NUMBERS + [64, 100, 101, 1028]),
    st.integers(min_value=1, max_value=2000),
)
INTS = st.one_of(
    st.sampled_from([0, 1, 2, 3, 4, 8, 10, 127, 128, 2**31, 2**63 - 1, 2**63, 2**64 - 1, -1, -(2**63)]),
    st.integers(min_value=-(2**63), max_value=2**64 - 1),
)
TEXTS = st.one_of(
    st.sampled_from(
        [
            "",
            "0",
            "7",
            "42",
            "123456789",
            "1234567890",
            "987654321012345678",
            "9876543210123456789",
            "²",
            "٣",
            "12²",
            "𝟙𝟚",
            "follow",
            "pm_mt_guidance_share",
            "msg",
            "gzip",
            "compress_type",
            "Webcast\u00e9",
            " 1",
            "-1",
            "1_0",
        ]
    ),
    st.text(max_size=12),
)
RAW_BYTES = st.one_of(
    TEXTS.map(lambda s: s.encode("utf-8")),
    st.binary(max_size=12),
    st.sampled_from([b"\xff\xfe", b"\xe2follow", b"1\xff2", b"\xc2\xb2"]),
)


def _fixed(number: int, wire: int, value: bytes) -> bytes:
    return protowire.tag(number, wire) + value


def _message(children: list[bytes]) -> bytes:
    return b"".join(children)


LEAF_FIELDS = st.one_of(
    st.builds(protowire.int_field, NUMBERS, INTS),
    st.builds(protowire.bytes_field, NUMBERS, RAW_BYTES),
    st.builds(_fixed, NUMBERS, st.just(protowire.FIXED64), st.binary(min_size=8, max_size=8)),
    st.builds(_fixed, NUMBERS, st.just(protowire.FIXED32), st.binary(min_size=4, max_size=4)),
    st.builds(protowire.packed_field, NUMBERS, st.lists(INTS, max_size=4)),
)

FIELDS = st.recursive(
    LEAF_FIELDS,
    lambda inner: st.builds(
        lambda number, children: protowire.bytes_field(number, _message(children)),
        NUMBERS,
        st.lists(inner, max_size=6),
    ),
    max_leaves=40,
)
MESSAGES = st.lists(FIELDS, max_size=8).map(_message)


# Schema-shaped building blocks, so the interesting paths are reached often.
def _image(urls: list[str]) -> bytes:
    return b"".join(protowire.str_field(1, u) for u in urls) + protowire.str_field(2, "uri")


IMAGES = st.lists(TEXTS, max_size=2).map(_image)
BADGES = st.builds(
    lambda scene, level, extra: protowire.message_field(
        64,
        protowire.int_field(3, scene),
        protowire.message_field(12, protowire.str_field(5, level), *extra),
        protowire.int_field(1, 1),
    ),
    st.sampled_from([0, 1, 3, 4, 8, 10, -1]),
    TEXTS,
    st.lists(LEAF_FIELDS, max_size=2),
)
USER_FIELDS = st.one_of(
    st.builds(protowire.int_field, st.just(1), INTS),
    st.builds(protowire.str_field, st.sampled_from([3, 38, 1028]), TEXTS),
    st.builds(protowire.bytes_field, st.just(9), IMAGES),
    st.builds(
        lambda a, b: protowire.message_field(22, protowire.int_field(2, a), protowire.int_field(3, b)),
        INTS,
        st.sampled_from([0, 1, 2, 3, -1]),
    ),
    BADGES,
    LEAF_FIELDS,
)
USERS = st.lists(USER_FIELDS, max_size=10).map(_message)
TEXT_MSGS = st.builds(
    lambda key, pattern: protowire.str_field(1, key) + protowire.str_field(2, pattern), TEXTS, TEXTS
)
COMMONS = st.lists(
    st.one_of(
        st.builds(protowire.int_field, st.sampled_from([2, 4]), INTS),
        st.builds(protowire.bytes_field, st.just(8), TEXT_MSGS),
        LEAF_FIELDS,
    ),
    max_size=5,
).map(_message)
IDENTITY = st.lists(
    st.builds(protowire.int_field, st.integers(min_value=1, max_value=6), st.sampled_from([0, 1, 2])),
    max_size=6,
).map(_message)

SUBMESSAGE = st.one_of(USERS, COMMONS, IMAGES, IDENTITY, TEXT_MSGS, MESSAGES)
TOP_FIELDS = st.one_of(
    st.builds(protowire.bytes_field, st.just(1), COMMONS),
    st.builds(protowire.bytes_field, st.sampled_from(KNOWN_NUMBERS + [100, 101]), SUBMESSAGE),
    st.builds(protowire.bytes_field, st.sampled_from(KNOWN_NUMBERS), USERS),
    st.builds(
        lambda number, key, value: protowire.message_field(
            number, protowire.int_field(1, key), protowire.bytes_field(2, value)
        ),
        st.sampled_from([3, 5, 10]),
        INTS,
        st.one_of(MESSAGES, st.builds(protowire.bytes_field, st.just(1), USERS)),
    ),
    st.builds(protowire.int_field, st.sampled_from(KNOWN_NUMBERS), INTS),
    FIELDS,
)
EVENT_PAYLOADS = st.lists(TOP_FIELDS, max_size=10).map(_message)


# ---- Schema-driven messages: every field of proto/webcast.proto, at its real number.

PROTO = Path(__file__).resolve().parent.parent / "proto" / "webcast.proto"
_MESSAGE_RE = re.compile(r"^message (\w+) \{\n(.*?)^\}", re.M | re.S)
_FIELD_RE = re.compile(r"^\s*(repeated\s+)?(map<\s*\w+\s*,\s*\w+\s*>|[\w.]+)\s+\w+\s*=\s*(\d+)\s*;", re.M)
SCALARS = {"int32", "int64", "uint32", "uint64", "bool", "sint32", "sint64"}


def parse_proto(text: str) -> dict[str, list[tuple[int, str, bool]]]:
    """``{message: [(number, type, repeated)]}`` of a flat proto3 file."""
    schema: dict[str, list[tuple[int, str, bool]]] = {}
    for match in _MESSAGE_RE.finditer(text):
        body = re.sub(r"//[^\n]*", "", match.group(2))
        schema[match.group(1)] = [
            (int(number), kind.replace(" ", ""), bool(repeated))
            for repeated, kind, number in _FIELD_RE.findall(body)
        ]
    return schema


SCHEMA = parse_proto(PROTO.read_text(encoding="utf-8"))
_SCHEMA_CACHE: dict[tuple[str, int], st.SearchStrategy[bytes]] = {}
MAX_DEPTH = 3


def _value_of(kind: str, depth: int) -> st.SearchStrategy[bytes] | None:
    """Strategy for the encoded *content* of a length-delimited value of ``kind``."""
    if kind == "string":
        return TEXTS.map(lambda t: t.encode("utf-8"))
    if kind == "bytes":
        return RAW_BYTES
    if kind in SCHEMA:
        return schema_message(kind, depth + 1)
    return None


def _right_field(number: int, kind: str, repeated: bool, depth: int) -> st.SearchStrategy[bytes]:
    if (
        kind in SCALARS
        or kind not in SCHEMA
        and not kind.startswith("map<")
        and kind not in ("string", "bytes")
    ):
        plain = st.builds(protowire.int_field, st.just(number), INTS)
        if repeated:
            packed = st.builds(protowire.packed_field, st.just(number), st.lists(INTS, max_size=4))
            return st.one_of(plain, packed)
        return plain
    if kind.startswith("map<"):
        key_kind, value_kind = kind[4:-1].split(",")
        key = (
            st.builds(protowire.int_field, st.just(1), INTS)
            if key_kind in SCALARS
            else st.builds(protowire.str_field, st.just(1), TEXTS)
        )
        inner = _value_of(value_kind, depth)
        assert inner is not None, kind
        value = st.builds(protowire.bytes_field, st.just(2), inner)
        parts = st.lists(st.one_of(key, value, LEAF_FIELDS), max_size=4).map(_message)
        both = st.tuples(key, value).map(lambda kv: kv[0] + kv[1])
        return st.builds(protowire.bytes_field, st.just(number), st.one_of(both, parts))
    content = _value_of(kind, depth)
    assert content is not None, kind
    return st.builds(protowire.bytes_field, st.just(number), content)


def _schema_field(number: int, kind: str, repeated: bool, depth: int) -> st.SearchStrategy[bytes]:
    """Field ``number`` encoded as its schema says, or (one time in three) with the wrong wire type."""
    right = _right_field(number, kind, repeated, depth)
    if (
        kind in SCALARS
        or kind not in SCHEMA
        and not kind.startswith("map<")
        and kind not in ("string", "bytes")
    ):
        wrong = st.builds(protowire.bytes_field, st.just(number), RAW_BYTES)
    else:
        wrong = st.one_of(
            st.builds(protowire.int_field, st.just(number), INTS),
            st.builds(_fixed, st.just(number), st.just(protowire.FIXED64), st.binary(min_size=8, max_size=8)),
        )
    return st.one_of(right, right, wrong)


def schema_message(name: str, depth: int = 0) -> st.SearchStrategy[bytes]:
    """A ``name`` message: each schema field zero to two times (nested: once), shuffled, plus noise.

    Below a few levels of nesting only scalar fields are generated, so the size stays
    bounded; wrong-wire-type and unknown fields are mixed in to exercise skipping.
    """
    key = (name, min(depth, MAX_DEPTH))
    if key in _SCHEMA_CACHE:
        return _SCHEMA_CACHE[key]
    fields = SCHEMA[name]
    groups: list[st.SearchStrategy[list[bytes]]] = []
    for number, kind, repeated in fields:
        if depth >= MAX_DEPTH and (kind in SCHEMA or kind.startswith("map<")):
            continue
        groups.append(st.lists(_schema_field(number, kind, repeated, depth), max_size=2 if depth == 0 else 1))
    numbers = st.sampled_from([number for number, _, _ in fields] or [1])
    noise = st.one_of(
        LEAF_FIELDS,
        st.builds(protowire.int_field, numbers, INTS),  # a varint where a message/string belongs
        st.builds(protowire.bytes_field, numbers, RAW_BYTES),  # bytes where a varint belongs
        st.builds(_fixed, numbers, st.just(protowire.FIXED32), st.binary(min_size=4, max_size=4)),
    )
    groups.append(st.lists(noise, max_size=2 if depth == 0 else 1))
    strategy = (
        st.tuples(*groups)
        .flatmap(lambda drawn: st.permutations([field for group in drawn for field in group]))
        .map(_message)
    )
    _SCHEMA_CACHE[key] = strategy
    return strategy


SCHEMA_EVENTS = st.sampled_from(METHOD_NAMES).flatmap(
    lambda method: st.tuples(st.just(method), schema_message(method))
)


def test_schema_covers_every_decoded_method() -> None:
    assert set(METHOD_NAMES) <= set(SCHEMA), set(METHOD_NAMES) - set(SCHEMA)
    numbers = {number for number, _, _ in SCHEMA["User"]}
    assert {1, 3, 9, 22, 38, 64, 1028} <= numbers


@pytest.mark.parametrize("method", METHOD_NAMES)
@settings(SLOW, max_examples=15 * SCALE)
@given(data=st.data())
def test_schema_messages(method: str, data: st.DataObject) -> None:
    payload = data.draw(schema_message(method), label="payload")
    assert_same("decode_message", method, payload)
    assert_same("decode_message", method, data.draw(mutated(st.just(payload)), label="mutated"))


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[bytes]) -> bytes:
    """``base`` bytes, possibly truncated, bit-flipped, or with junk spliced in."""
    data = bytearray(draw(base))
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        op = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "overlong"]))
        at = draw(st.integers(min_value=0, max_value=len(data)))
        if op == "truncate":
            del data[at:]
        elif op == "flip" and at < len(data):
            data[at] ^= draw(st.integers(min_value=1, max_value=255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=4))
        elif op == "delete":
            del data[at : at + draw(st.integers(min_value=1, max_value=3))]
        elif op == "overlong":
            last = draw(st.sampled_from([b"\x00", b"\x01", b"\x02", b"\x7f", b"\x80"]))
            data[at:at] = b"\xff" * draw(st.integers(min_value=8, max_value=10)) + last
    return bytes(data)


@SLOW
@given(method=st.sampled_from(METHOD_NAMES), payload=EVENT_PAYLOADS)
def test_structured_messages(method: str, payload: bytes) -> None:
    assert_same("decode_message", method, payload)


@settings(SLOW, max_examples=25 * SCALE)
@given(method=st.sampled_from(METHOD_NAMES), payload=mutated(EVENT_PAYLOADS))
def test_mutated_messages(method: str, payload: bytes) -> None:
    assert_same("decode_message", method, payload)


@settings(SLOW, max_examples=30 * SCALE)
@given(method=st.sampled_from(METHOD_NAMES), payload=mutated(MESSAGES))
def test_generic_nested_messages(method: str, payload: bytes) -> None:
    assert_same("decode_message", method, payload)


def _fetch_bytes(messages: list[tuple[str, bytes, int]], extra: bytes = b"") -> bytes:
    parts = [
        protowire.message_field(
            1,
            protowire.str_field(1, method),
            protowire.bytes_field(2, payload),
            protowire.int_field(3, msg_id),
        )
        for method, payload, msg_id in messages
    ]
    return b"".join(parts) + extra


def _frame_bytes(body: bytes, compress: str, extra: bytes = b"") -> bytes:
    headers = b""
    if compress == "gzip-header":
        body = gzip.compress(body)
        headers = protowire.map_entry(
            5, protowire.str_field(1, "compress_type"), protowire.str_field(2, "gzip")
        )
    elif compress == "gzip-magic":
        body = gzip.compress(body)
    return (
        protowire.int_field(1, 7)
        + headers
        + protowire.map_entry(5, protowire.str_field(1, "im-cursor"), protowire.str_field(2, "c"))
        + protowire.str_field(6, "pb")
        + protowire.str_field(7, "msg")
        + protowire.bytes_field(8, body)
        + extra
    )


FETCH_EXTRAS = st.lists(
    st.one_of(
        st.builds(protowire.str_field, st.sampled_from([2, 5, 10]), TEXTS),
        st.builds(protowire.int_field, st.sampled_from([3, 4, 8, 9, 11]), INTS),
        st.builds(
            lambda k, v: protowire.map_entry(7, protowire.str_field(1, k), protowire.str_field(2, v)),
            TEXTS,
            TEXTS,
        ),
        FIELDS,
    ),
    max_size=4,
).map(_message)
INNER = st.one_of(
    st.tuples(
        st.sampled_from(ALL_METHODS),
        st.one_of(EVENT_PAYLOADS, mutated(EVENT_PAYLOADS)),
        st.one_of(st.just(0), INTS),
    ),
    st.tuples(SCHEMA_EVENTS, st.one_of(st.just(0), INTS)).map(lambda t: (t[0][0], t[0][1], t[1])),
)


@settings(SLOW, max_examples=20 * SCALE)
@given(
    messages=st.lists(INNER, max_size=4),
    extra=FETCH_EXTRAS,
    compress=st.sampled_from(["none", "gzip-header", "gzip-magic"]),
)
def test_structured_fetch_and_frame(
    messages: list[tuple[str, bytes, int]], extra: bytes, compress: str
) -> None:
    fetch = _fetch_bytes(messages, extra)
    assert_same("decode_fetch_result", fetch)
    assert_same("decode_frame", _frame_bytes(fetch, compress))


@settings(SLOW, max_examples=20 * SCALE)
@given(messages=st.lists(INNER, max_size=3), extra=FETCH_EXTRAS, data=st.data())
def test_mutated_fetch_and_frame(
    messages: list[tuple[str, bytes, int]], extra: bytes, data: st.DataObject
) -> None:
    fetch = data.draw(mutated(st.just(_fetch_bytes(messages, extra))))
    assert_same("decode_fetch_result", fetch)
    frame = data.draw(
        mutated(st.just(_frame_bytes(fetch, data.draw(st.sampled_from(["none", "gzip-header"])))))
    )
    assert_same("decode_frame", frame)


# ---------------------------------------------------------------- pinned edge cases

w = protowire


def _badge_user(level: str, scene: int = 8) -> bytes:
    return w.message_field(64, w.int_field(3, scene), w.message_field(12, w.str_field(5, level)))


EDGE_CASES: list[tuple[str, bytes, type[DecodeError] | None]] = [
    # Non-ASCII digit strings: '²' is isdigit() but not int()-able (used to crash _pure).
    ("WebcastChatMessage", w.message_field(2, _badge_user("²")), None),
    ("WebcastChatMessage", w.message_field(2, _badge_user("٣٤")), None),
    ("WebcastChatMessage", w.message_field(2, _badge_user("123456789", 10)), None),
    ("WebcastChatMessage", w.message_field(2, _badge_user("1234567890", 10)), None),
    ("WebcastChatMessage", w.message_field(2, w.str_field(1028, "²")), None),
    ("WebcastChatMessage", w.message_field(2, w.str_field(1028, "١٢٣")), None),
    ("WebcastChatMessage", w.message_field(2, w.str_field(1028, "123456789012345678")), None),
    ("WebcastChatMessage", w.message_field(2, w.str_field(1028, "1234567890123456789")), None),
    ("WebcastChatMessage", w.message_field(2, w.int_field(1, 5), w.str_field(1028, "77")), None),
    # A ten-byte varint: the tenth byte may only be 0 or 1.
    ("WebcastLikeMessage", w.tag(2, 0) + b"\xff" * 9 + b"\x01", None),
    ("WebcastLikeMessage", w.tag(2, 0) + b"\xff" * 9 + b"\x02", VarintError),
    ("WebcastLikeMessage", w.tag(2, 0) + b"\xff" * 9 + b"\x81", VarintError),
    ("WebcastLikeMessage", w.tag(2, 0) + b"\xff" * 5, TruncatedError),
    # Field number 0 and group / reserved wire types.
    ("WebcastLikeMessage", b"\x00\x00", WireTypeError),
    ("WebcastLikeMessage", w.tag(9, 3), WireTypeError),
    ("WebcastLikeMessage", w.tag(9, 4), WireTypeError),
    ("WebcastLikeMessage", w.tag(9, 6), WireTypeError),
    ("WebcastLikeMessage", w.tag(9, 7), WireTypeError),
    ("WebcastLikeMessage", w.tag(9, 1) + b"\x00" * 7, TruncatedError),
    ("WebcastLikeMessage", w.tag(9, 5) + b"\x00" * 3, TruncatedError),
    ("WebcastLikeMessage", w.tag(9, 2) + b"\x05abcd", TruncatedError),
    # A varint that runs past the end of its sub-message but not of the buffer.
    (
        "WebcastLikeMessage",
        w.tag(5, 2) + b"\x02" + w.tag(1, 0) + b"\x80" + w.int_field(2, 1) * 2,
        TruncatedError,
    ),
    # ...a key that overruns its sub-message is still checked for its wire type first,
    ("WebcastLikeMessage", w.tag(5, 2) + b"\x01" + b"\x83" + w.int_field(2, 1), WireTypeError),
    # ...and one that overruns into a valid 10-byte outer key is an overlong varint.
    (
        "WebcastLikeMessage",
        w.tag(5, 2) + b"\x01" + b"\x88" + b"\xf8" + b"\xff" * 8 + b"\x01\x00",
        VarintError,
    ),
    (
        "WebcastLikeMessage",
        w.tag(5, 2) + b"\x01" + b"\x08" + b"\xf8" + b"\xff" * 8 + b"\x01\x00",
        TruncatedError,
    ),
    # Fixed fields overrunning a sub-message but not the buffer.
    (
        "WebcastLikeMessage",
        w.tag(5, 2) + b"\x03" + w.tag(1, 1) + b"\x00\x00" + w.int_field(2, 1) * 5,
        TruncatedError,
    ),
    (
        "WebcastLikeMessage",
        w.tag(5, 2) + b"\x03" + w.tag(1, 5) + b"\x00\x00" + w.int_field(2, 1) * 2,
        TruncatedError,
    ),
    # Errors in the outer scan win over errors deeper inside (scan before descend).
    ("WebcastChatMessage", w.message_field(1, w.tag(1, 1)) + w.tag(9, 3), WireTypeError),
    ("WebcastChatMessage", w.message_field(1, w.tag(1, 3)) + w.tag(9, 0) + b"\xff", TruncatedError),
    # The user is decoded last: an error in an earlier-arriving user loses to later fields.
    ("WebcastChatMessage", w.message_field(2, w.tag(1, 1)) + w.message_field(18, b"\x00"), WireTypeError),
    (
        "WebcastChatMessage",
        w.message_field(2, w.tag(1, 4)) + w.message_field(18, w.tag(2, 1)),
        TruncatedError,
    ),
    # Packed repeated ints.
    ("WebcastImDeleteMessage", w.packed_field(2, [1, -1, 2**63]) + w.int_field(2, 9), None),
    ("WebcastImDeleteMessage", w.bytes_field(2, b"\x01\x80") + w.int_field(4, 1), TruncatedError),
    ("WebcastImDeleteMessage", w.bytes_field(2, b"\x01\x80"), TruncatedError),
    ("WebcastImDeleteMessage", w.bytes_field(2, b"\xff" * 9 + b"\x02"), VarintError),
    # Repeated common: key order follows arrival.
    (
        "WebcastChatMessage",
        w.message_field(1, w.int_field(4, 9)) + w.message_field(1, w.int_field(2, 8)),
        None,
    ),
    ("WebcastSocialMessage", w.message_field(1, w.int_field(4, 9)) + w.int_field(4, 1), None),
    (
        "WebcastSocialMessage",
        w.message_field(1, w.message_field(8, w.str_field(1, "pm_mt_guidance_share")))
        + w.int_field(3, 2)
        + w.int_field(8, 4)
        + w.str_field(5, "friends")
        + w.int_field(4, 1),
        None,
    ),
    ("WebcastSocialMessage", w.int_field(4, 3) + w.int_field(3, 1) + w.int_field(6, 5), None),
    ("WebcastSocialMessage", w.int_field(4, 7) + w.message_field(2, w.int_field(1, 5)), None),
    (
        "WebcastControlMessage",
        w.message_field(1, w.int_field(4, 9), w.int_field(2, 1)) + w.int_field(2, 3),
        None,
    ),
]


@pytest.mark.parametrize(("method", "payload", "error"), EDGE_CASES)
def test_edge_cases(method: str, payload: bytes, error: type[DecodeError] | None) -> None:
    kind, value = assert_same("decode_message", method, payload)
    if error is None:
        assert kind == "ok", value
    else:
        assert (kind, value) == ("err", error)


def test_non_ascii_levels_and_ids() -> None:
    event = _pure.decode_message("WebcastChatMessage", w.message_field(2, _badge_user("٣٤")))
    assert event == {"type": "chat", "user": {"gifterLevel": 34}}
    event = _pure.decode_message("WebcastChatMessage", w.message_field(2, _badge_user("²")))
    assert event == {"type": "chat"}


def test_errors_inside_fetch_result_match() -> None:
    bad_user = w.message_field(2, w.tag(1, 3))
    fetch = _fetch_bytes(
        [
            ("WebcastChatMessage", bad_user, 11),
            ("WebcastLikeMessage", w.int_field(2, 3), 12),
            ("WebcastNope", b"\x01\x02", 13),
        ]
    )
    fetch += w.message_field(1, w.str_field(1, "WebcastChatMessage"), w.tag(9, 7))
    fetch += w.message_field(1, w.str_field(1, ""), w.int_field(3, 14))
    fetch += w.message_field(1, w.int_field(3, 15), w.bytes_field(2, b"\x08\x01"))
    kind, result = assert_same("decode_fetch_result", fetch)
    assert kind == "ok"
    assert [e.msg_id for e in result.errors] == [11, 0, 14, 15]
    frame = w.int_field(1, 3) + w.int_field(2, -5) + w.str_field(7, "msg") + w.bytes_field(8, fetch)
    kind, pushed = assert_same("decode_frame", frame)
    assert kind == "ok" and pushed.log_id == -5 and pushed.result == result
    assert [e["type"] for e in result.events] == ["like", "unknown"]


@pytest.mark.parametrize("which", ["pure", "native"])
def test_limits_are_module_attributes(monkeypatch: pytest.MonkeyPatch, which: str) -> None:
    module = _pure if which == "pure" else _native()
    fetch = _fetch_bytes([("WebcastLikeMessage", b"", 1)] * 3)
    monkeypatch.setattr(module, "MAX_MESSAGES_PER_FRAME", 2)
    with pytest.raises(LimitError):
        module.decode_fetch_result(fetch)
    monkeypatch.setattr(module, "MAX_MESSAGES_PER_FRAME", 3)
    assert len(module.decode_fetch_result(fetch).events) == 3
    frame = _frame_bytes(fetch, "none")
    monkeypatch.setattr(module, "MAX_FRAME_BYTES", len(frame) - 1)
    with pytest.raises(LimitError):
        module.decode_frame(frame)


def test_message_limit_default() -> None:
    from bridge.limits import MAX_MESSAGES_PER_FRAME

    one = w.message_field(1, w.str_field(1, "LinkMessage"))
    assert_same("decode_fetch_result", one * MAX_MESSAGES_PER_FRAME)
    kind, value = assert_same("decode_fetch_result", one * (MAX_MESSAGES_PER_FRAME + 1))
    assert (kind, value) == ("err", LimitError)


def test_gzip_errors_match() -> None:
    body = gzip.compress(_fetch_bytes([("WebcastLikeMessage", w.int_field(2, 1), 1)]))
    for payload in (body[:-5], body[:10] + b"\x00" * 10, b"\x1f\x8b\x08"):
        frame = w.str_field(7, "msg") + w.bytes_field(8, payload)
        kind, value = assert_same("decode_frame", frame)
        assert kind == "err" and issubclass(value, DecodeError)


def test_large_realistic_gift() -> None:
    kind, event = assert_same("decode_message", "WebcastGiftMessage", realistic_gift())
    assert kind == "ok"
    assert event["user"]["gifterLevel"] == 27 and event["giftName"] == "Rose"


def realistic_gift() -> bytes:
    """A ~3 KB gift message shaped like TikTok's (many fields the decoder skips)."""
    image = w.message_field(
        9, *(w.str_field(1, f"https://p16-sign.tiktokcdn.com/avatar/{i}.webp?x-expires=1") for i in range(3))
    )
    badges = b"".join(
        w.message_field(
            64,
            w.int_field(1, 1),
            w.int_field(3, scene),
            w.message_field(12, w.str_field(1, "v1"), w.str_field(5, str(level))),
            w.message_field(
                20, w.int_field(1, 1), w.message_field(2, w.str_field(1, "https://badge/" + "x" * 60))
            ),
        )
        for scene, level in ((8, 27), (10, 12), (4, 0), (1, 0), (6, 3))
    )
    user = (
        w.int_field(1, 7_300_000_000_000_000_001)
        + w.str_field(3, "Rosé fan 🌹")
        + w.str_field(5, "signature " * 20)
        + image
        + w.message_field(10, w.str_field(1, "https://medium/" + "y" * 80))
        + w.message_field(11, w.str_field(1, "https://large/" + "z" * 80))
        + w.message_field(22, w.int_field(1, 100), w.int_field(2, 12345), w.int_field(3, 1))
        + w.str_field(38, "rose.fan")
        + w.str_field(46, "MS4wLjABAAAA" + "q" * 60)
        + badges
        + w.str_field(1028, "7300000000000000001")
    )
    gift = (
        w.message_field(1, w.str_field(1, "https://gift/rose.png"), w.str_field(2, "uri"))
        + w.str_field(2, "sent Rose")
        + w.int_field(5, 5655)
        + w.int_field(11, 1)
        + w.int_field(12, 1)
        + w.str_field(16, "Rose")
        + w.message_field(21, w.str_field(1, "https://gift/icon/" + "i" * 100))
    )
    common = w.message_field(
        1,
        w.str_field(1, "WebcastGiftMessage"),
        w.int_field(2, 7_400_000_000_000_000_000),
        w.int_field(3, 7_390_000_000_000_000_000),
        w.int_field(4, 1_750_000_000_000),
        w.message_field(
            8, w.str_field(1, "live_gift_send_message_to_guest"), w.str_field(2, "{0:user} sent")
        ),
    )
    identity = w.message_field(32, w.int_field(1, 1), w.int_field(4, 1))
    return (
        common
        + w.int_field(2, 5655)
        + w.int_field(3, 1)
        + w.int_field(5, 3)
        + w.message_field(7, user)
        + w.message_field(8, w.int_field(1, 42), w.str_field(3, "host"), w.str_field(5, "s" * 300))
        + w.int_field(9, 0)
        + w.int_field(11, 1_750_000_000_123)
        + w.bytes_field(15, gift)
        + w.str_field(16, "log-" + "0" * 40)
        + w.str_field(22, "{" + '"k": "v", ' * 40 + "}")
        + identity
    )
