#!/usr/bin/env python3
"""Writes the test vectors both engine clients are tested against, into one directory.

Both suites read the same files (tests/test_godot.py runs godot_addon/tests/test_msgpack.gd
and test_zmtp.gd on them, tests/test_cpp.py the C++ unit tests), so the GDScript and
the C++ msgpack and ZMTP code cannot drift apart:

* ``msgpack.json``: msgpack vectors for GDScript (below);
* ``msgpack.tsv``: the same vectors for C++, one a line:
  ``valid|invalid <TAB> name <TAB> hex [<TAB> canonical text]`` (see :func:`canonical`);
* ``zmtp.tsv``: what a PUB peer sends to our SUB socket and what must come of it, one a
  line: ``name <TAB> input <TAB> expect``. The input is hex chunks and ``zeros:N`` (N zero
  bytes) separated by spaces; expect is ``fail`` or ``ok`` followed by each message
  received, as its frames' sizes joined by commas. The limits (the contract's
  ``maxMessageBytes`` and ``maxMessageFrames``) are tested at and one past the edge.

Each msgpack vector is the bytes Python's msgpack produced (or hand-made bytes for
encodings Python never picks) and the value the GDScript decoder must return,
as a tagged tree JSON can carry exactly:

    ["nil"] ["bool", b] ["int", "<decimal>"] ["float", "<hex of the IEEE double, little-endian>"]
    ["str", s] ["bin", "<hex>"] ["array", [...]] ["map", [[k, v], ...]] ["ext"] ["repeat", n, item]

Integers are given as GDScript will hold them: uint64 values >= 2**63 wrap to
v - 2**64. ``canonical`` marks vectors whose bytes the GDScript encoder must
reproduce exactly (no float32, no ext, no uint64 >= 2**63).

Usage: python tests/vectors/generate.py OUT_DIR [--capture FILE]
A capture file (godot_addon/tools/capture.py) adds real daemon payloads.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import struct
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgpack

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = json.loads((ROOT / "docs" / "contract.json").read_text(encoding="utf-8"))
LIMITS = {d["name"]: d["value"] for d in CONTRACT["defaults"]}
MAX_BYTES: int = LIMITS["maxMessageBytes"]
MAX_FRAMES: int = LIMITS["maxMessageFrames"]


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
    for x in [0.0, -0.0, 1.5, -2.25, 3.141592653589793, 1e300, -1e-300, 5e-324, float("inf"), float("-inf")]:
        add(f"float64 {x!r}", x)
    out.append(
        {
            "name": "float64 nan",
            "hex": msgpack.packb(float("nan")).hex(),
            "expect": ["float", _double_hex(float("nan"))],
            "canonical": True,
        }
    )
    for x in [0.0, 1.5, 0.1, -3.4e38, 1e-45, float("inf")]:
        data = msgpack.packb(x, use_single_float=True)
        add(f"float32 {x!r}", struct.unpack(">f", data[1:])[0], packed=data)
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
    ("bin32 of 2 GiB", "c67fffffff"),
    ("ext32 of 4 GiB", "c9ffffffff01"),
    ("fixarray of 15, nothing follows", "9f"),
    ("nested counts past the end", "929191919191"),
    ("truncated inside nesting", "9191919192a3616263"),
]


def read_capture(path: Path) -> Iterator[tuple[str, bytes]]:
    """The [topic, payload] records of a godot_addon/tools/capture.py file."""
    spec = importlib.util.spec_from_file_location("capture", ROOT / "godot_addon" / "tools" / "capture.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    records: Iterator[tuple[str, bytes]] = module.read_capture(path)
    return records


def canonical(tagged: list[Any]) -> str:
    """A tagged tree (see above) as one line of text, the form the C++ suite renders values in.

    ``nil``, ``true``/``false``, ints in decimal (as GDScript holds them, so uint64 >= 2**63
    wrapped), ``f`` + the IEEE double's little-endian hex, ``s``/``b`` + the bytes' hex,
    ``[a,b]``, ``{k:v,k:v}``, ``x`` for an ext value.
    """
    kind = tagged[0]
    if kind == "nil":
        return "nil"
    if kind == "bool":
        return "true" if tagged[1] else "false"
    if kind == "int":
        return str(tagged[1])
    if kind == "float":
        return "f" + str(tagged[1])
    if kind == "str":
        return "s" + str(tagged[1]).encode().hex()
    if kind == "bin":
        return "b" + str(tagged[1])
    if kind == "array":
        return "[" + ",".join(canonical(x) for x in tagged[1]) + "]"
    if kind == "map":
        return "{" + ",".join(f"{canonical(k)}:{canonical(v)}" for k, v in tagged[1]) + "}"
    if kind == "repeat":
        return "[" + ",".join([canonical(tagged[2])] * int(tagged[1])) + "]"
    return "x"


# ------------------------------------------------------------ ZMTP transcripts

_PUB_GREETING = "ff0000000000000001" + "7f" + "03" + "01" + b"NULL".hex() + "00" * 16 + "00" + "00" * 31


def _command(name: str, body: bytes = b"") -> str:
    data = bytes([len(name)]) + name.encode() + body
    return ("04" + f"{len(data):02x}" if len(data) < 256 else "06" + f"{len(data):016x}") + data.hex()


def _ready(socket_type: str) -> str:
    return _command("READY", b"\x0bSocket-Type" + struct.pack(">I", len(socket_type)) + socket_type.encode())


def _frame(size: int, more: bool = False, body: bytes | None = None) -> str:
    """A data frame of ``size`` bytes (zeros unless ``body`` is given), as input tokens."""
    flags = 1 if more else 0
    head = f"{flags:02x}{size:02x}" if size < 256 else f"{flags | 2:02x}{size:016x}"
    if body is not None:
        return head + body.hex()
    return head + (f" zeros:{size}" if size else "")


def _message(*sizes: int) -> str:
    return " ".join(_frame(n, k + 1 < len(sizes)) for k, n in enumerate(sizes))


def zmtp_vectors() -> list[tuple[str, str, str]]:
    """(name, input, expect) transcripts from a PUB peer to our SUB socket."""
    g, r = _PUB_GREETING, _ready("PUB")
    half = MAX_BYTES // 2
    cases = [
        ("handshake only", f"{g} {r}", "ok"),
        (
            "a topic and a payload",
            f"{g} {r} {_frame(5, True, b'chat/')} {_frame(3, False, b'abc')}",
            "ok 5,3",
        ),
        ("empty frames", f"{g} {r} {_message(0, 0)}", "ok 0,0"),
        ("long frames, 255 and 256 bytes", f"{g} {r} {_message(255)} {_message(256)}", "ok 255 256"),
        ("an XPUB peer", f"{g} {_ready('XPUB')} {_message(1)}", "ok 1"),
        (
            "PING answered, messages go on",
            f"{g} {r} {_command('PING', bytes(2) + b'ctx')} {_message(2)}",
            "ok 2",
        ),
        ("unknown command skipped", f"{g} {r} {_command('HELLO', b'x')} {_message(2)}", "ok 2"),
        (
            f"{MAX_FRAMES} frames: the frame limit",
            f"{g} {r} {_message(*[0] * MAX_FRAMES)}",
            "ok " + ",".join(["0"] * MAX_FRAMES),
        ),
        (
            f"{MAX_FRAMES + 1} frames: over the frame limit",
            f"{g} {r} {_message(*[0] * (MAX_FRAMES + 1))}",
            "fail",
        ),
        ("one frame of the byte limit", f"{g} {r} {_message(MAX_BYTES)}", f"ok {MAX_BYTES}"),
        ("a frame one byte over the limit, seen from its header", f"{g} {r} 02{MAX_BYTES + 1:016x}", "fail"),
        (
            "two frames making the byte limit",
            f"{g} {r} {_message(half, MAX_BYTES - half)}",
            f"ok {half},{MAX_BYTES - half}",
        ),
        ("two frames one byte over the limit", f"{g} {r} {_message(half, MAX_BYTES - half + 1)}", "fail"),
        ("frame size over 2^63", f"{g} {r} 028000000000000000", "fail"),
        ("message before READY", f"{g} {_message(1)}", "fail"),
        ("a second READY", f"{g} {r} {r}", "fail"),
        ("a SUB peer", f"{g} {_ready('SUB')}", "fail"),
        ("a REP peer", f"{g} {_ready('REP')}", "fail"),
        ("READY without Socket-Type", f"{g} {_command('READY')}", "fail"),
        ("READY property value longer than the frame", f"{g} 040c05{b'READY'.hex()}0141ffffffff", "fail"),
        ("READY property cut", f"{g} 040f05{b'READY'.hex()}0b{b'Socket-T'.hex()}", "fail"),
        ("empty command", f"{g} {r} 0400", "fail"),
        ("command name longer than its frame", f"{g} {r} 0403094142", "fail"),
        ("HTTP server", b"HTTP/1.1 200\r\n".hex(), "fail"),
        ("first byte not 0xff", "fe" + "00" * 63, "fail"),
        ("ZMTP 1.0 (byte 9 bit 0 clear)", "ff00000000000000017e", "fail"),
        ("ZMTP 2.0", "ff0000000000000001" + "7f" + "01" + "00" * 54, "fail"),
        ("PLAIN mechanism", _PUB_GREETING[:24] + b"PLAIN".hex() + "00" * 47, "fail"),
        ("CURVE mechanism", _PUB_GREETING[:24] + b"CURVE".hex() + "00" * 47, "fail"),
    ]
    return cases


def write(out: Path, capture: Path | None) -> str:
    """Write the three files into ``out``; returns a one-line summary."""
    out.mkdir(parents=True, exist_ok=True)
    valid = vectors(capture)
    doc = {"valid": valid, "invalid": [{"name": n, "hex": h} for n, h in ERRORS]}
    (out / "msgpack.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    lines = [f"valid\t{v['name']}\t{v['hex']}\t{canonical(v['expect'])}" for v in valid]
    lines += [f"invalid\t{n}\t{h}" for n, h in ERRORS]
    (out / "msgpack.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    zmtp = zmtp_vectors()
    (out / "zmtp.tsv").write_text("".join(f"{n}\t{i}\t{e}\n" for n, i, e in zmtp), encoding="utf-8")
    return (
        f"{len(valid)} valid and {len(ERRORS)} invalid msgpack vectors, {len(zmtp)} ZMTP transcripts in {out}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path, help="directory to write into")
    parser.add_argument("--capture", type=Path)
    args = parser.parse_args()
    print(write(args.out, args.capture))
    return 0


if __name__ == "__main__":
    sys.exit(main())
