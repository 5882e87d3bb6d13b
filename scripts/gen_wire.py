#!/usr/bin/env python3
"""Write the webcast field table from proto/webcast.proto: bridge/codec/_schema.py and native/_schema.pxi.

Usage: python scripts/gen_wire.py [--check] [--proto PATH] [--out DIR]

protoc (from grpcio-tools, the ``test`` extra) compiles the schema into
descriptors; every message becomes one block of named field numbers
(``<Message>_<field>``, nested messages as ``<Outer>_<Inner>_<field>``) in both
outputs, and the Python output also lists every field's number, wire type and
type in :data:`MESSAGES`. With --check nothing is written and the exit status is
1 if a committed output is stale. --out writes (or checks) the outputs under
another root, --proto reads another schema (the tests use both on a copy).
"""

from __future__ import annotations

import argparse
import importlib.resources
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from google.protobuf import descriptor_pb2

ROOT = Path(__file__).resolve().parent.parent
PROTO = ROOT / "proto" / "webcast.proto"
PY_OUT = Path("bridge") / "codec" / "_schema.py"
PYX_OUT = Path("native") / "_schema.pxi"

_FDP = descriptor_pb2.FieldDescriptorProto
_WIRE = {
    _FDP.TYPE_DOUBLE: 1,
    _FDP.TYPE_FIXED64: 1,
    _FDP.TYPE_SFIXED64: 1,
    _FDP.TYPE_FLOAT: 5,
    _FDP.TYPE_FIXED32: 5,
    _FDP.TYPE_SFIXED32: 5,
    _FDP.TYPE_STRING: 2,
    _FDP.TYPE_BYTES: 2,
    _FDP.TYPE_MESSAGE: 2,
}
"""Wire type by field type; every other type (ints, bool, enums) is a varint (0)."""

_SCALARS = {
    value: name.removeprefix("TYPE_").lower()
    for name, value in _FDP.Type.items()
    if value not in (_FDP.TYPE_MESSAGE, _FDP.TYPE_GROUP)
}


@dataclass(frozen=True, slots=True)
class Field:
    """One field of the table."""

    name: str
    number: int
    wire: int
    type: str  # a scalar type name ("int64", "string", ...) or a message name ("User", "Outer.Inner")
    repeated: bool


@dataclass(frozen=True, slots=True)
class Message:
    """One message of the table, with its fields in schema order."""

    name: str  # "User", nested as "Outer.Inner"
    fields: tuple[Field, ...]
    map_entry: bool

    @property
    def ident(self) -> str:
        return self.name.replace(".", "_")


def protoc(proto: Path, output: str) -> None:
    """Run protoc (grpcio-tools) on ``proto`` with one output option, e.g. ``--python_out=DIR``.

    Raises:
        RuntimeError: protoc rejected the schema (its diagnostics are on stderr).
    """
    from grpc_tools import protoc as grpc_protoc  # imported lazily: only generators and tests need it

    include = importlib.resources.files("grpc_tools") / "_proto"
    with importlib.resources.as_file(include) as include_dir:
        paths = [f"--proto_path={proto.parent}", f"--proto_path={include_dir}"]
        status = grpc_protoc.main(["grpc_tools.protoc", *paths, output, str(proto)])
    if status != 0:
        raise RuntimeError(f"protoc failed on {proto} (exit status {status})")


def descriptors(proto: Path) -> descriptor_pb2.FileDescriptorProto:
    """Compile ``proto`` with protoc and return its file descriptor (see :func:`protoc`)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "webcast.desc"
        protoc(proto, f"--descriptor_set_out={out}")
        file_set = descriptor_pb2.FileDescriptorSet()
        file_set.ParseFromString(out.read_bytes())
    file: descriptor_pb2.FileDescriptorProto = file_set.file[0]
    return file


def _wire(field: descriptor_pb2.FieldDescriptorProto) -> int:
    """The wire type a field is written with (proto3 packs repeated numbers unless told not to)."""
    wire = _WIRE.get(field.type, 0)
    if field.label == _FDP.LABEL_REPEATED and wire != 2:
        return 2 if field.options.packed or not field.options.HasField("packed") else wire
    return wire


def messages(file: descriptor_pb2.FileDescriptorProto) -> list[Message]:
    """Every message of ``file``, nested ones after their parent, in schema order."""
    prefix = f".{file.package}." if file.package else "."

    def walk(items: Sequence[descriptor_pb2.DescriptorProto], outer: str) -> Iterator[Message]:
        for item in items:
            name = f"{outer}{item.name}"
            fields = tuple(
                Field(
                    f.name,
                    f.number,
                    _wire(f),
                    f.type_name.removeprefix(prefix) if f.type_name else _SCALARS[f.type],
                    f.label == _FDP.LABEL_REPEATED,
                )
                for f in item.field
            )
            yield Message(name, fields, item.options.map_entry)
            yield from walk(item.nested_type, f"{name}.")

    return list(walk(file.message_type, ""))


_HEADER = "generated from proto/webcast.proto by scripts/gen_wire.py: do not edit"
_MAP_ENTRY = ("MapEntry", (("key", 1), ("value", 2)))
"""Every ``map<K, V>`` entry is a message with the key in field 1 and the value in 2 (protobuf's encoding)."""


def _constants(table: Sequence[Message]) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """``(comment, [(name, number)])`` blocks: one per message, then the generic map entry."""
    for message in table:
        yield message.name, [(f"{message.ident}_{f.name}", f.number) for f in message.fields]
    name, fields = _MAP_ENTRY
    yield f"{name}: any map entry", [(f"{name}_{field}", number) for field, number in fields]


def render_python(table: Sequence[Message]) -> str:
    """The Python field table (``bridge/codec/_schema.py``)."""
    lines = [
        f'"""The webcast field table, {_HEADER}.',
        "",
        "``<Message>_<field>`` is the field's number. :data:`MESSAGES` gives every field's",
        "number, wire type (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32), type and",
        "whether it repeats.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Final, NamedTuple",
        "",
        "",
        "class WireField(NamedTuple):",
        '    """One field of a webcast message."""',
        "",
        "    name: str",
        "    number: int",
        "    wire: int",
        "    type: str",
        "    repeated: bool",
        "",
    ]
    for comment, constants in _constants(table):
        lines += ["", f"# {comment}"]
        lines += [f"{name}: Final = {number}" for name, number in constants]
    lines += ["", "", "MESSAGES: Final[dict[str, tuple[WireField, ...]]] = {"]
    for message in table:
        rows = [
            f'WireField("{f.name}", {f.number}, {f.wire}, "{f.type}", {f.repeated}),' for f in message.fields
        ]
        one_line = f'    "{message.name}": ({"".join(rows)}),'
        if len(rows) == 1 and len(one_line) <= 110:  # as ruff format writes it
            lines.append(one_line)
        else:
            lines += [f'    "{message.name}": (', *(f"        {row}" for row in rows), "    ),"]
    lines += ["}", '"""Message name -> its fields, in schema order."""', ""]
    entries = [f'        "{m.name}",' for m in table if m.map_entry]
    lines += ["MAP_ENTRIES: Final = frozenset(", "    {", *entries, "    }", ")"]
    lines += ['"""The messages that are ``map<K, V>`` entries (key in field 1, value in field 2)."""', ""]
    return "\n".join(lines)


def render_cython(table: Sequence[Message]) -> str:
    """The Cython field table (``native/_schema.pxi``): C-level constants, so switches compile as literals."""
    lines = [f"# The webcast field table, {_HEADER}.", "# ``<Message>_<field>`` is the field's number."]
    for comment, constants in _constants(table):
        lines += ["", f"cdef enum:  # {comment}"]
        lines += [f"    {name} = {number}" for name, number in constants]
    lines.append("")
    return "\n".join(lines)


RENDERERS: dict[Path, Callable[[Sequence[Message]], str]] = {PY_OUT: render_python, PYX_OUT: render_cython}
"""Output path (relative to the root written to) -> renderer."""


def render(proto: Path = PROTO) -> dict[Path, str]:
    """Every output of ``proto``'s table: relative path -> text."""
    table = messages(descriptors(proto))
    return {path: renderer(table) for path, renderer in RENDERERS.items()}


def write_or_check(outputs: dict[Path, str], root: Path, check: bool) -> list[Path]:
    """Write each output under ``root`` unless it is current; return the stale ones.

    With ``check`` nothing is written.
    """
    stale = []
    for path, text in outputs.items():
        target = root / path
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != text:
            stale.append(path)
            if not check:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if an output is stale")
    parser.add_argument("--proto", type=Path, default=PROTO, help="schema to read (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=ROOT, help="root to write under (default: the repo)")
    args = parser.parse_args(argv)
    stale = write_or_check(render(args.proto), args.out, args.check)
    if args.check and stale:
        print("stale, run scripts/gen_wire.py:", *map(str, stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
