#!/usr/bin/env python3
"""Writes msgpack test vectors for godot_addon/tests/test_msgpack.gd.

Each vector is the bytes Python's msgpack produced (or hand-made bytes for
encodings Python never picks) and the value the GDScript decoder must return,
as a tagged tree JSON can carry exactly:

    ["nil"] ["bool", b] ["int", "<decimal>"] ["float", "<hex of the IEEE double, little-endian>"]
    ["str", s] ["bin", "<hex>"] ["array", [...]] ["map", [[k, v], ...]] ["ext"] ["repeat", n, item]

Integers are given as GDScript will hold them: uint64 values >= 2**63 wrap to
v - 2**64. ``canonical`` marks vectors whose bytes the GDScript encoder must
reproduce exactly (no float32, no ext, no uint64 >= 2**63).

Usage: msgpack_vectors.py OUT.json [--capture FILE]
A capture file (tools/capture.py) adds real daemon payloads.
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
from pathlib import Path
from typing import Any

import msgpack

sys.path.insert(0, str(Path(__file__).resolve().parent))
from capture import read_capture  # noqa: E402


def _double_hex(x: float) -> str:
    return struct.pack("<d", x).hex()


def tag(v: Any) -> list[Any]:
    if v is None:
        return ["nil"]
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, int):
        return ["int", str(v - 2**64 if v >= 2**63 else v)]
    if isinstance(v, float):
        return ["float", _double_hex(v)]
    if isinstance(v, str):
        return ["str", v]
    if isinstance(v, bytes | bytearray):
        return ["bin", bytes(v).hex()]
    if isinstance(v, list | tuple):
        return ["array", [tag(x) for x in v]]
    if isinstance(v, dict):
        return ["map", [[tag(k), tag(x)] for k, x in v.items()]]
    if isinstance(v, msgpack.ExtType):
        return ["ext"]
    raise TypeError(type(v))


def _has_wrapping(v: Any) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, int):
        return v >= 2**63
    if isinstance(v, list | tuple):
        return any(_has_wrapping(x) for x in v)
    if isinstance(v, dict):
        return any(_has_wrapping(k) or _has_wrapping(x) for k, x in v.items())
    return isinstance(v, msgpack.ExtType)


def vectors(capture: Path | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def add(name: str, value: Any, *, packed: bytes | None = None, canonical: bool | None = None) -> None:
        data = packed if packed is not None else msgpack.packb(value, use_bin_type=True)
        assert msgpack.unpackb(data, raw=False, strict_map_key=False) == value or value != value, name
        if canonical is None:
            canonical = packed is None and not _has_wrapping(value)
        out.append({"name": name, "hex": data.hex(), "expect": tag(value), "canonical": canonical})

    add("nil", None)
    add("true", True)
    add("false", False)
    for v in [0, 1, 127, 128, 255, 256, 65535, 65536, 2**32 - 1, 2**32, 2**53 + 1, 2**63 - 1]:
        add(f"uint {v}", v)
    for v in [2**63, 2**63 + 1, 2**64 - 1, 9223372036854775808 + 7400000000000000001 - 2**63]:
        add(f"uint64 {v} (wraps)", v)
    for v in [-1, -32, -33, -128, -129, -32768, -32769, -(2**31), -(2**31) - 1, -(2**63)]:
        add(f"int {v}", v)
    # Encodings Python never picks (it always uses the smallest), all legal.
    add("5 as uint8", 5, packed=bytes.fromhex("cc05"))
    add("5 as uint16", 5, packed=bytes.fromhex("cd0005"))
    add("5 as uint32", 5, packed=bytes.fromhex("ce00000005"))
    add("5 as uint64", 5, packed=bytes.fromhex("cf0000000000000005"))
    add("5 as int8", 5, packed=bytes.fromhex("d005"))
    add("-5 as int16", -5, packed=bytes.fromhex("d1fffb"))
    add("-5 as int32", -5, packed=bytes.fromhex("d2fffffffb"))
    add("-5 as int64", -5, packed=bytes.fromhex("d3fffffffffffffffb"))
    add("int64 positive max", 2**63 - 1, packed=bytes.fromhex("d37fffffffffffffff"))
    for v in [0.0, -0.0, 1.5, -2.25, 3.141592653589793, 1e300, -1e-300, 5e-324, float("inf"), float("-inf")]:
        add(f"float64 {v!r}", v)
    out.append(
        {
            "name": "float64 nan",
            "hex": msgpack.packb(float("nan")).hex(),
            "expect": ["float", _double_hex(float("nan"))],
            "canonical": True,
        }
    )
    for v in [0.0, 1.5, 0.1, -3.4e38, 1e-45, float("inf")]:
        data = msgpack.packb(v, use_single_float=True)
        add(f"float32 {v!r}", struct.unpack(">f", data[1:])[0], packed=data)
    for n in [0, 1, 31, 32, 255, 256, 65535, 65536]:
        add(f"str of {n}", "x" * n)
    add("str utf-8", "héllo 🎁 中文 \t\n end")  # no NUL: Godot strings end at NUL
    add("str emoji only", "🌹🦁")
    add("str8 holding 3 bytes", "abc", packed=bytes.fromhex("d903616263"))
    add("str16 holding 3 bytes", "abc", packed=bytes.fromhex("da0003616263"))
    add("str32 holding 3 bytes", "abc", packed=bytes.fromhex("db00000003616263"))
    for n in [0, 1, 255, 256, 65536]:
        add(f"bin of {n}", bytes(i & 0xFF for i in range(n)))
    add("fixarray 0", [])
    add("fixarray 15", list(range(15)))
    add("array16 16", list(range(16)))
    add("array16 65535", [None] * 65535)
    arr32 = [True] * 65536
    out.append(
        {
            "name": "array32 65536",
            "hex": msgpack.packb(arr32).hex(),
            "expect": ["repeat", 65536, ["bool", True]],
            "canonical": True,
        }
    )
    add("fixmap 0", {})
    add("fixmap 15", {f"k{i}": i for i in range(15)})
    add("map16 16", {f"k{i}": i for i in range(16)})
    add("map32 65536", {i: i for i in range(65536)})
    add(
        "map with int, nil, bool, float and bin keys",
        {1: "a", -7: "b", None: "c", False: "d", 1.5: "e", b"\x00\x01": "f"},
        packed=msgpack.packb(
            {1: "a", -7: "b", None: "c", False: "d", 1.5: "e", b"\x00\x01": "f"}, use_bin_type=True
        ),
    )
    add("nested", {"a": [1, {"b": [None, True, {"c": "d"}]}], "e": {"f": {"g": {"h": []}}}})
    deep: Any = 1
    for _ in range(60):
        deep = [deep]
    add("deep 60", deep)
    for code, size in [("d4", 1), ("d5", 2), ("d6", 4), ("d7", 8), ("d8", 16)]:
        data = bytes.fromhex(code + "05") + bytes(size)
        out.append({"name": f"fixext {size}", "hex": data.hex(), "expect": ["ext"], "canonical": False})
    for name, data in [
        ("ext8", bytes.fromhex("c70305") + b"abc"),
        ("ext16", bytes.fromhex("c8000305") + b"abc"),
        ("ext32", bytes.fromhex("c90000000305") + b"abc"),
        ("timestamp32", msgpack.packb(msgpack.Timestamp(1, 0), datetime=False)),
    ]:
        out.append({"name": name, "hex": data.hex(), "expect": ["ext"], "canonical": False})
    ext_in_map = bytes.fromhex("82a161d6ff00000001a162c3")
    out.append(
        {
            "name": "ext inside a map",
            "hex": ext_in_map.hex(),
            "expect": ["map", [[["str", "a"], ["ext"]], [["str", "b"], ["bool", True]]]],
            "canonical": False,
        }
    )

    if capture is not None:
        seen: dict[str, int] = {}
        for topic, payload in read_capture(capture):
            kind = topic.split("/", 1)[0]
            if seen.get(kind, 0) >= 3:
                continue
            seen[kind] = seen.get(kind, 0) + 1
            value = msgpack.unpackb(payload, raw=False, strict_map_key=False)
            out.append(
                {
                    "name": f"daemon {topic}",
                    "hex": payload.hex(),
                    "expect": tag(value),
                    "canonical": not _has_wrapping(value) and not _has_float32(payload),
                }
            )
    return out


def _has_float32(payload: bytes) -> bool:
    # Conservative: the daemon packs floats as float64; any 0xca byte disables the check.
    return b"\xca" in payload


ERRORS = [
    ("empty input", ""),
    ("reserved 0xc1", "c1"),
    ("trailing byte", "0102"),
    ("truncated uint16", "cd01"),
    ("truncated uint64", "cf00000000000000"),
    ("truncated float64", "cb3ff0"),
    ("truncated float32", "ca3f"),
    ("fixstr past the end", "a5616263"),
    ("str8 past the end", "d9ff61"),
    ("str32 of 4 GiB", "dbffffffff61"),
    ("bin16 past the end", "c5010061"),
    ("array claims 5, has 1", "9501"),
    ("array32 of 4 billion", "ddffffffff"),
    ("map claims 2, has 1 pair", "82a16101"),
    ("map32 of 4 billion", "dfffffffff"),
    ("map key without value", "81a161"),
    ("ext8 past the end", "c7ff05"),
    ("fixext16 cut", "d8050000"),
    ("nested 100 deep", "91" * 100 + "01"),
    ("truncated inside nesting", "9191919192a3616263"),
]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--capture", type=Path)
    args = parser.parse_args()
    doc = {
        "valid": vectors(args.capture),
        "invalid": [{"name": n, "hex": h} for n, h in ERRORS],
    }
    args.out.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    print(f"{len(doc['valid'])} valid and {len(doc['invalid'])} invalid vectors in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
