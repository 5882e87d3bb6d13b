#!/usr/bin/env python3
"""Generate the upstream wire code from proto/webcast.proto and bridge/contract.py.

Usage: python scripts/gen_wire.py [--check] [--proto PATH] [--out DIR]

protoc (from grpcio-tools, the ``test`` extra) compiles the schema into
descriptors. Outputs (see docs/architecture.md):

* bridge/codec/_schema.py and native/_schema.pxi: the field table, one named
  number per field (``<Message>_<field>``, nested messages ``<Outer>_<Inner>_<field>``);
  the Python one also lists every field's number, wire type, type and annotation;
* bridge/codec/_events.py and native/_events.pxi: the decoders of every message
  whose fields carry ``// => key`` annotations, for both implementations, and the
  Cython dispatch.

With --check nothing is written and the exit status is 1 if an output is stale
(2 if the schema or an annotation is wrong). --out writes (or checks) the outputs
under another root, --proto reads another schema (the tests use both on a copy).
"""

from __future__ import annotations

import argparse
import importlib.resources
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

_VARINT_INTS = {"int64", "int32", "uint64", "uint32", "enum"}
"""Integer types carried as plain varints (the generated decoders read them as signed 64-bit)."""

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
    type: str  # a scalar type ("int64", "string", "enum"...) or a message name ("User", "Outer.Inner")
    repeated: bool
    key: str = ""  # the annotation: a contract key, "*" (flatten into the event), or none


@dataclass(frozen=True, slots=True)
class Message:
    """One message of the table, with its fields in schema order."""

    name: str  # "User", nested as "Outer.Inner"
    fields: tuple[Field, ...]
    map_entry: bool

    @property
    def ident(self) -> str:
        return self.name.replace(".", "_")


@dataclass(frozen=True, slots=True)
class Schema:
    """What the outputs are generated from: the messages and the event contract (``bridge.contract``)."""

    table: Sequence[Message]
    contract: Any


def protoc(proto: Path, *options: str) -> None:
    """Run protoc (grpcio-tools) on ``proto`` with output options, e.g. ``--python_out=DIR``.

    Raises:
        RuntimeError: protoc rejected the schema (its diagnostics are on stderr).
    """
    from grpc_tools import protoc as grpc_protoc  # imported lazily: only generators and tests need it

    include = importlib.resources.files("grpc_tools") / "_proto"
    with importlib.resources.as_file(include) as include_dir:
        paths = [f"--proto_path={proto.parent}", f"--proto_path={include_dir}"]
        status = grpc_protoc.main(["grpc_tools.protoc", *paths, *options, str(proto)])
    if status != 0:
        raise RuntimeError(f"protoc failed on {proto} (exit status {status})")


def descriptors(proto: Path) -> descriptor_pb2.FileDescriptorProto:
    """Compile ``proto`` with protoc and return its file descriptor (see :func:`protoc`)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "webcast.desc"
        protoc(proto, f"--descriptor_set_out={out}", "--include_source_info")
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

    comments = {tuple(loc.path): loc.trailing_comments for loc in file.source_code_info.location}

    def walk(
        items: Sequence[descriptor_pb2.DescriptorProto], outer: str, path: tuple[int, ...]
    ) -> Iterator[Message]:
        for index, item in enumerate(items):
            name = f"{outer}{item.name}"
            here = (*path, index)
            fields = tuple(
                Field(
                    f.name,
                    f.number,
                    _wire(f),
                    f.type_name.removeprefix(prefix) if f.type == _FDP.TYPE_MESSAGE else _SCALARS[f.type],
                    f.label == _FDP.LABEL_REPEATED,
                    _annotation(comments.get((*here, _FIELD, number), "")),
                )
                for number, f in enumerate(item.field)
            )
            yield Message(name, fields, item.options.map_entry)
            yield from walk(item.nested_type, f"{name}.", (*here, _NESTED))

    return list(walk(file.message_type, "", (_MESSAGE,)))


_MESSAGE, _NESTED, _FIELD = 4, 3, 2
"""Source-location path steps: FileDescriptorProto.message_type, DescriptorProto.nested_type and .field."""

_ANNOTATION = re.compile(r"=>\s*(\*|[A-Za-z]\w*)")


def _annotation(comment: str) -> str:
    """The contract key a trailing ``// => key`` comment names (``*``: flatten), or ``""``."""
    found = _ANNOTATION.search(comment)
    return found.group(1) if found else ""


_HEADER = "generated from proto/webcast.proto by scripts/gen_wire.py: do not edit"
_MAP_ENTRY = ("MapEntry", (("key", 1), ("value", 2)))
"""Every ``map<K, V>`` entry is a message with the key in field 1 and the value in 2 (protobuf's encoding)."""


def _constants(table: Sequence[Message]) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """``(comment, [(name, number)])`` blocks: one per message, then the generic map entry."""
    for message in table:
        yield message.name, [(f"{message.ident}_{f.name}", f.number) for f in message.fields]
    name, fields = _MAP_ENTRY
    yield f"{name}: any map entry", [(f"{name}_{field}", number) for field, number in fields]
    common = {f.number for m in table for f in m.fields if f.type == "CommonMessageData"}
    if len(common) != 1:
        raise SchemaError(f"CommonMessageData is not at one field number in every message: {sorted(common)}")
    yield "Message: every message's CommonMessageData", [("Message_common", common.pop())]


def render_python(schema: Schema) -> str:
    """The Python field table (``bridge/codec/_schema.py``)."""
    lines = [
        f'"""The webcast field table, {_HEADER}.',
        "",
        "``<Message>_<field>`` is the field's number. :data:`MESSAGES` gives every field's",
        "number, wire type (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32), type, whether",
        "it repeats and the contract key its ``// => key`` annotation names (``*``: read into the",
        "event). :data:`GENERATED` and :data:`HOOKS` say how each decoded method is decoded.",
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
        "    key: str",
        "",
    ]
    for comment, constants in _constants(schema.table):
        lines += ["", f"# {comment}"]
        lines += [f"{name}: Final = {number}" for name, number in constants]
    lines += ["", "", "MESSAGES: Final[dict[str, tuple[WireField, ...]]] = {"]
    for message in schema.table:
        rows = [
            f'WireField("{f.name}", {f.number}, {f.wire}, "{f.type}", {f.repeated}, "{f.key}"),'
            for f in message.fields
        ]
        one_line = f'    "{message.name}": ({"".join(rows)}),'
        if len(rows) == 1 and len(one_line) <= 110:  # as ruff format writes it
            lines.append(one_line)
        else:
            lines += [f'    "{message.name}": (', *(f"        {row}" for row in rows), "    ),"]
    lines += ["}", '"""Message name -> its fields, in schema order."""', ""]
    entries = [f'        "{m.name}",' for m in schema.table if m.map_entry]
    lines += ["MAP_ENTRIES: Final = frozenset(", "    {", *entries, "    }", ")"]
    lines += ['"""The messages that are ``map<K, V>`` entries (key in field 1, value in field 2)."""', ""]
    generated = {d.message for d in decoders(schema) if d.event}
    lines += [
        "GENERATED: Final = frozenset(",
        "    {",
        *(f'        "{m}",' for m in sorted(generated)),
        "    }",
        ")",
    ]
    lines += ['"""Methods whose decoders scripts/gen_wire.py writes from the annotations."""', ""]
    hooks = [m for m in decoded_methods(schema.contract) if m not in generated]
    lines += ["HOOKS: Final = {", *(f'    "{m}": "{decoder_name(m)}",' for m in hooks), "}"]
    lines += [
        '"""Methods decoded by hand-written functions: method -> function name (in every implementation)."""',
        "",
    ]
    return "\n".join(lines)


def render_cython(schema: Schema) -> str:
    """The Cython field table (``native/_schema.pxi``): C-level constants, so switches compile as literals."""
    lines = [f"# The webcast field table, {_HEADER}.", "# ``<Message>_<field>`` is the field's number."]
    for comment, constants in _constants(schema.table):
        lines += ["", f"cdef enum:  # {comment}"]
        lines += [f"    {name} = {number}" for name, number in constants]
    lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------- generated decoders
#
# A message whose fields carry ``// => key`` annotations (and that an event of
# bridge/contract.py names in ``methods``) gets its decoders generated: the pure
# Python one and the Cython one, both from the same reads, so they agree by
# construction. Kinds of read:
#
#   CommonMessageData field          msgId/createTime (the shared ``_common`` hook); with
#                                    ``// => *`` also its annotated fields (the display text)
#   varint -> contract int           the signed 64-bit value
#   varint -> contract bool          true when non-zero
#   string -> contract str           the text (the last occurrence wins)
#   User   -> contract User          the ``User`` struct (the shared ``_user`` hook)
#   repeated varint -> [int]         every value, packed or not
#   repeated message -> [Struct]     one map per element, from the element's own annotations
#                                    (keys of the contract struct), by a generated ``_struct_*``
#   message => *                     its annotated fields, read into the same event
#
# Keys come out in the contract's order, empty ones left out. Messages needing
# anything else keep hand-written decoders named ``_<name>`` (``native/_decode.pxi``,
# ``bridge/codec/_pure.py``), which the generated dispatch calls.


@dataclass(frozen=True, slots=True)
class Read:
    """One field a generated decoder reads."""

    message: str
    field: Field
    kind: str  # "common", "int", "bool", "str", "user", "ints", "list" or "flatten"
    var: str
    inner: tuple[Read, ...] = ()  # flatten: the embedded message's reads
    function: str = ""  # list: the element decoder

    @property
    def const(self) -> str:
        return f"{self.message.replace('.', '_')}_{self.field.name}"


@dataclass(frozen=True, slots=True)
class Decoder:
    """A generated decoder: an event's message (``event`` set) or a list element's (a contract struct)."""

    message: str
    event: str
    keys: tuple[tuple[str, str], ...]  # (contract key, kind) in contract order
    reads: tuple[Read, ...]

    @property
    def function(self) -> str:
        return decoder_name(self.message) if self.event else struct_decoder_name(self.message)

    @property
    def depth(self) -> int:
        def deepest(reads: Sequence[Read], level: int) -> int:
            return max([level, *(deepest(r.inner, level + 1) for r in reads if r.inner)])

        return deepest(self.reads, 1)


class SchemaError(ValueError):
    """An annotation the generator cannot honour."""


def decoder_name(message: str) -> str:
    """``WebcastSubNotifyMessage`` -> ``_sub_notify``: the decoder function of a message."""
    core = message.removeprefix("Webcast").removesuffix("Message") or message
    return "_" + _snake(core)


def struct_decoder_name(message: str) -> str:
    """``Contributor`` -> ``_struct_contributor``: the decoder of a message read as a list element."""
    return "_struct_" + _snake(message.replace(".", ""))


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def decoded_methods(contract: Any) -> list[str]:
    """Every method the contract maps to an event, in contract order."""
    seen: dict[str, None] = {}
    for event in contract.EVENTS:
        for method in event.methods:
            seen.setdefault(method, None)
    return list(seen)


def _kind(field: Field, ctype: str, structs: dict[str, Any], where: str) -> str:
    if field.repeated:
        if ctype.startswith("[") and ctype.strip("[]") in structs and field.type[0].isupper():
            return "list"
        if ctype == "[int]" and field.type in _VARINT_INTS:
            return "ints"
        raise SchemaError(f"{where}: a repeated field is generated as a list of a contract struct or of ints")
    if ctype == "int" and field.type in _VARINT_INTS:
        return "int"
    if ctype == "bool" and field.type in _VARINT_INTS | {"bool"}:
        return "bool"
    if ctype == "str" and field.type == "string":
        return "str"
    if ctype == "User" and field.type == "User":
        return "user"
    raise SchemaError(f"{where}: cannot read a {field.type} field as a contract {ctype}")


class _Builder:
    """Builds the reads of one schema, collecting the list-element decoders they need."""

    def __init__(self, schema: Schema) -> None:
        self.by_name = {m.name: m for m in schema.table}
        self.structs = {s.name: s for s in schema.contract.STRUCTS}
        self.elements: dict[str, tuple[str, Decoder]] = {}  # message -> (struct, decoder)

    def decoder(self, message: Message, event: str, fields: Sequence[Any], owner: str) -> Decoder:
        reads = self.reads(message, {f.name: f.type for f in fields}, owner, top=bool(event))
        used = _keys_read(reads, {})
        keys = tuple((f.name, used[f.name]) for f in fields if f.name in used)
        return Decoder(message.name, event, keys, reads)

    def reads(self, item: Message, types: dict[str, str], owner: str, top: bool) -> tuple[Read, ...]:
        """What a generated decoder reads of ``item`` (the event's own message when ``top``)."""
        found = []
        for f in item.fields:
            where = f"{item.name}.{f.name}"
            if top and f.type == "CommonMessageData":
                # ``common // => *``: msgId/createTime, and the common block's own annotated fields
                inner = self.reads(self.by_name[f.type], types, owner, False) if f.key == "*" else ()
                found.append(Read(item.name, f, "common", "", inner))
            elif f.key == "*":
                if f.type not in self.by_name or f.repeated:
                    raise SchemaError(f"{where}: only a single embedded message can be flattened")
                found.append(
                    Read(item.name, f, "flatten", "", self.reads(self.by_name[f.type], types, owner, False))
                )
            elif f.key:
                if f.key not in types:
                    raise SchemaError(f"{where}: {owner} has no key {f.key!r}")
                kind = _kind(f, types[f.key], self.structs, where)
                function = self.element(f.type, types[f.key].strip("[]"), where) if kind == "list" else ""
                found.append(Read(item.name, f, kind, _snake(f.key), function=function))
        return tuple(found)

    def element(self, message: str, struct: str, where: str) -> str:
        """The decoder of ``message`` read as the contract struct ``struct``: its function name."""
        if message in self.elements:
            if self.elements[message][0] != struct:
                raise SchemaError(
                    f"{where}: {message} is read as both {self.elements[message][0]} and {struct}"
                )
            return self.elements[message][1].function
        decoder = self.decoder(self.by_name[message], "", self.structs[struct].fields, f"struct {struct!r}")
        self.elements[message] = (struct, decoder)
        return decoder.function


def _keys_read(reads: Sequence[Read], into: dict[str, str]) -> dict[str, str]:
    """Contract key -> kind of every value ``reads`` produce."""
    for r in reads:
        if r.kind in ("flatten", "common"):
            _keys_read(r.inner, into)
        else:
            into[r.field.key] = r.kind
    return into


def decoders(schema: Schema) -> list[Decoder]:
    """The generated decoders of ``schema``: list elements first, then every annotated message it decodes.

    Raises:
        SchemaError: an annotation names a key the event lacks, or needs an unsupported read.
    """
    builder = _Builder(schema)
    events = []
    for method in decoded_methods(schema.contract):
        message = builder.by_name.get(method)
        if message is None:
            raise SchemaError(f"the contract decodes {method}, which proto/webcast.proto lacks")
        if not any(f.key for f in message.fields):
            continue
        fed = [e for e in schema.contract.EVENTS if method in e.methods]
        if len(fed) != 1:
            raise SchemaError(f"{method} feeds {len(fed)} events: it needs a hand-written decoder")
        events.append(builder.decoder(message, fed[0].name, fed[0].fields, f"event {fed[0].name!r}"))
    return [decoder for _, decoder in builder.elements.values()] + events


def wire_sources(schema: Schema) -> dict[str, dict[str, str]]:
    """Event -> contract key -> where a generated decoder reads it: ``Message.field.path (1.2.3)``.

    A key read in several places (several methods, or several blocks of one) lists them all, joined
    by " or ". docs/events.md shows these beside ``bridge.contract.WIRE_SOURCES`` (the hand-written
    decoders' own).
    """
    found: dict[str, dict[str, list[str]]] = {}

    def walk(
        reads: Sequence[Read], names: tuple[str, ...], numbers: tuple[int, ...], into: dict[str, list[str]]
    ) -> None:
        for r in reads:
            here, at = (*names, r.field.name), (*numbers, r.field.number)
            if r.kind in ("flatten", "common"):
                walk(r.inner, here, at, into)
            else:
                path = f"{'.'.join(here)} ({'.'.join(map(str, at))})"
                into.setdefault(r.field.key, []).append(path)

    for d in decoders(schema):
        if d.event:
            walk(d.reads, (d.message,), (), found.setdefault(d.event, {}))
    return {event: {key: " or ".join(paths) for key, paths in keys.items()} for event, keys in found.items()}


def sources(proto: Path = PROTO, contract: Any = None) -> dict[str, dict[str, str]]:
    """:func:`wire_sources` of ``proto`` and ``contract`` (default: ``bridge.contract``)."""
    if contract is None:
        from bridge import contract  # the installed package (pip install -e .)
    return wire_sources(Schema(messages(descriptors(proto)), contract))


class _Lines:
    """Indented source lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, depth: int, text: str) -> None:
        self.lines.append("    " * depth + text)


def _groups(reads: Sequence[Read]) -> list[tuple[int, list[Read]]]:
    """Reads by wire type (varints first, as the hand-written decoders test them); a list of ints,
    packed or not, is read in both."""
    groups = [(wire, [r for r in reads if r.field.wire == wire or r.kind == "ints"]) for wire in (0, 2)]
    return [(wire, items) for wire, items in groups if items]


def _keyword(index: int) -> str:
    return "if" if index == 0 else "elif"


# How each backend puts one value into the event, by kind ({key}, its {var} and {const}).
_PY_PUTS = {
    "user": '_put(event, "user", _user_with_identity(buf, user, 0))',
    "int": '_put(event, "{key}", {var})',
    "bool": '_put(event, "{key}", bool({var}))',
    "str": '_put(event, "{key}", {var})',
    "list": '_put(event, "{key}", {var})',
    "ints": '_put(event, "{key}", {var})',
}
_DICT_PUTS = {
    "user": "_put_user(event, has_user, p, n, user_a, user_b, 0)",
    "int": '_put_int(event, "{key}", {var})',
    "bool": '_put_bool(event, "{key}", {var} != 0)',
    "str": '_put_str(event, "{key}", p, {var}_a, {var}_b)',
    "list": '_put_obj(event, "{key}", {var})',
    "ints": '_put_obj(event, "{key}", {var})',
}
# How each backend declares the value of a kind.
_PY_DECLARATIONS = {
    "user": "user: tuple[int, int] | None = None",
    "int": "{var} = 0",
    "bool": "{var} = 0",
    "str": '{var} = ""',
    "list": "{var}: list[Event] = []",
    "ints": "{var}: list[int] = []",
}
_PYX_DECLARATIONS = {
    "user": "cdef bint has_user = False\ncdef Py_ssize_t user_a = 0, user_b = 0",
    "int": "cdef int64_t {var} = 0",
    "bool": "cdef uint64_t {var} = 0",
    "str": "cdef Py_ssize_t {var}_a = 0, {var}_b = 0",
    "list": "cdef list {var} = None",
    "ints": "cdef list {var} = None",
}


def _each(out: _Lines, depth: int, d: Decoder, templates: dict[str, str]) -> None:
    """One template per value of ``d``, in the contract's order."""
    for key, kind in d.keys:
        text = templates[kind].format(key=key, var=_snake(key), const=f"K_{_snake(key).upper()}")
        for line in text.split("\n"):
            out.add(depth, line)


def _type(d: Decoder) -> str:
    return f'"type": "{d.event}"' if d.event else ""


# -- pure Python


def _py_loop(out: _Lines, reads: Sequence[Read], level: int, source: str, depth: int) -> None:
    n, w, x, y = (
        ("number", "wire", "x", "y") if level == 1 else (f"n{level}", f"w{level}", f"x{level}", f"y{level}")
    )
    uses_y = any(r.kind not in ("int", "bool") for r in reads)
    out.add(depth, f"for {n}, {w}, {x}, {y if uses_y else '_'} in _fields(buf, {source}):")
    for gi, (wire, items) in enumerate(_groups(reads)):
        out.add(depth + 1, f"{_keyword(gi)} {w} == {wire}:")
        for ri, r in enumerate(items):
            out.add(depth + 2, f"{_keyword(ri)} {n} == {r.const}:")
            body = depth + 3
            if r.kind == "common":
                out.add(body, f"_common(buf, {x}, {y}, event)")
                if r.inner:
                    _py_loop(out, r.inner, level + 1, f"{x}, {y}", body)
            elif r.kind == "int":
                out.add(body, f"{r.var} = _s64({x})")
            elif r.kind == "bool":
                out.add(body, f"{r.var} = {x}")
            elif r.kind == "str":
                out.add(body, f"{r.var} = _str(buf, {x}, {y})")
            elif r.kind == "user":
                out.add(body, f"user = ({x}, {y})")
            elif r.kind == "list":
                out.add(body, f"{r.var}.append({r.function}(buf, {x}, {y}))")
            elif r.kind == "ints":
                out.add(body, f"_ints(buf, {w}, {x}, {y}, {r.var})")
            else:
                _py_loop(out, r.inner, level + 1, f"{x}, {y}", body)


def _py_decoder(d: Decoder) -> list[str]:
    out = _Lines()
    out.add(0, f"def {d.function}(buf: bytes, a: int, b: int) -> Event:")
    out.add(
        1,
        f'"""``{d.message}`` -> ``{d.event}``."""'
        if d.event
        else f'"""``{d.message}`` as a list element."""',
    )
    out.add(1, f"event: Event = {{{_type(d)}}}")
    _each(out, 1, d, _PY_DECLARATIONS)
    _py_loop(out, d.reads, 1, "a, b", 1)
    _each(out, 1, d, _PY_PUTS)
    out.add(1, "return event")
    return out.lines


def render_events_python(schema: Schema) -> str:
    """The generated pure-Python decoders (``bridge/codec/_events.py``)."""
    found = decoders(schema)
    body: list[str] = []
    for d in found:
        body += ["", "", *_py_decoder(d)]
    text = "\n".join(body)
    constants = sorted(
        {c for c in re.findall(r"\b[A-Z]\w*_\w+\b", text) if c in _all_constants(schema.table)}, key=str.lower
    )
    helpers = sorted(
        {
            h
            for h in ("_common", "_fields", "_ints", "_put", "_s64", "_str", "_user_with_identity")
            if h + "(" in text
        }
    )
    lines = [
        f'"""Message decoders {_HEADER}.',
        "",
        "One function per annotated message of the schema (see scripts/gen_wire.py for the reads);",
        ":data:`DECODERS` maps each method to its decoder. bridge.codec._pure adds the hand-written ones.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Callable",
        "",
        f"from ._scan import Event, {', '.join(helpers)}",
        "from ._schema import (",
        *(f"    {c}," for c in constants),
        ")",
        "",
        '__all__ = ["DECODERS"]',
        text,
        "",
        "",
        "DECODERS: dict[str, Callable[[bytes, int, int], Event]] = {",
        *(f'    "{d.message}": {d.function},' for d in found if d.event),
        "}",
        '"""Method -> generated decoder."""',
        "",
    ]
    return "\n".join(lines)


def _all_constants(table: Sequence[Message]) -> set[str]:
    return {name for _, constants in _constants(table) for name, _ in constants}


# -- Cython


def _pyx_loop(out: _Lines, reads: Sequence[Read], level: int, source: str, depth: int) -> None:
    it = "it" if level == 1 else f"it{level}"
    out.add(depth, f"_open(&{it}, p, n, {source})")
    out.add(depth, f"while _next(&{it}, p):")
    for gi, (wire, items) in enumerate(_groups(reads)):
        out.add(depth + 1, f"{_keyword(gi)} {it}.wire == {wire}:")
        for ri, r in enumerate(items):
            out.add(depth + 2, f"{_keyword(ri)} {it}.num == {r.const}:")
            body = depth + 3
            if r.kind == "common":
                out.add(body, f"_common(p, n, {it}.a, {it}.b, event, key)")
                if r.inner:
                    _pyx_loop(out, r.inner, level + 1, f"{it}.a, {it}.b", body)
            elif r.kind == "int":
                out.add(body, f"{r.var} = _s64(_val(&{it}, p))")
            elif r.kind == "bool":
                out.add(body, f"{r.var} = _val(&{it}, p)")
            elif r.kind == "str":
                out.add(body, f"{r.var}_a = {it}.a")
                out.add(body, f"{r.var}_b = {it}.b")
            elif r.kind == "user":
                out.add(body, "has_user = True")
                out.add(body, f"user_a = {it}.a")
                out.add(body, f"user_b = {it}.b")
            elif r.kind == "ints":
                out.add(body, f"{r.var} = _ints(p, n, &{it}, {r.var})")
            elif r.kind == "list":
                out.add(body, f"if {r.var} is None:")
                out.add(body + 1, f"{r.var} = []")
                out.add(body, f"{r.var}.append({r.function}(p, n, {it}.a, {it}.b))")
            else:
                _pyx_loop(out, r.inner, level + 1, f"{it}.a, {it}.b", body)


def _iterators(d: Decoder) -> str:
    return "cdef It " + ", ".join("it" if level == 1 else f"it{level}" for level in range(1, d.depth + 1))


def _pyx_decoder(d: Decoder) -> list[str]:
    out = _Lines()
    out.add(0, f"cdef dict {d.function}(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):")
    out.add(1, _iterators(d))
    _each(out, 1, d, _PYX_DECLARATIONS)
    out.add(1, f"cdef dict event = {{{_type(d)}}}")
    if d.event:
        out.add(1, "cdef Py_ssize_t key[2]")
    _pyx_loop(out, d.reads, 1, "a, b", 1)
    _each(out, 1, d, _DICT_PUTS)
    out.add(1, "return event")
    return out.lines


def render_events_cython(schema: Schema) -> str:
    """The generated Cython decoders and dispatch (``native/_events.pxi``)."""
    found = decoders(schema)
    methods = decoded_methods(schema.contract)
    lines = [
        f"# Message decoders and dispatch, {_HEADER}.",
        "# One decoder per annotated message (see scripts/gen_wire.py), then the dispatch over",
        "# every decoded method: generated ones here, hand-written ones of the same name in _decode.pxi.",
    ]
    for d in found:
        lines += ["", "", *_pyx_decoder(d)]
    lines += ["", "", "METHODS = {", *(f'    "{m}": {code},' for code, m in enumerate(methods, 1)), "}"]
    lines.append(
        '"""Webcast method -> internal decoder code. Names also arrive without the ``Webcast`` prefix."""'
    )
    run = _Lines()
    run.add(0, "")
    run.add(0, "")
    run.add(0, "cdef dict _run(int code, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):")
    for code, m in enumerate(methods, 1):
        run.add(1, f"{_keyword(code - 1)} code == {code}:")
        run.add(2, f"return {decoder_name(m)}(p, n, a, b)")
    run.add(1, "return None")
    lines += run.lines
    lines.append("")
    return "\n".join(lines)


RENDERERS: dict[Path, Callable[[Schema], str]] = {
    PY_OUT: render_python,
    PYX_OUT: render_cython,
    Path("bridge") / "codec" / "_events.py": render_events_python,
    Path("native") / "_events.pxi": render_events_cython,
}
"""Output path (relative to the root written to) -> renderer."""


def render(proto: Path = PROTO, contract: Any = None) -> dict[Path, str]:
    """Every output of ``proto`` and ``contract`` (default: ``bridge.contract``): relative path -> text."""
    if contract is None:
        from bridge import contract  # the installed package (pip install -e .)
    schema = Schema(messages(descriptors(proto)), contract)
    return {path: renderer(schema) for path, renderer in RENDERERS.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if an output is stale")
    parser.add_argument("--proto", type=Path, default=PROTO, help="schema to read (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=ROOT, help="root to write under (default: the repo)")
    args = parser.parse_args(argv)
    try:
        outputs = render(args.proto)
    except (SchemaError, RuntimeError) as exc:
        print(f"gen_wire: {exc}", file=sys.stderr)
        return 2
    import _generated  # a sibling in scripts/: here, so tests can load this file's functions alone

    return _generated.run(outputs, args.out, args.check, "scripts/gen_wire.py")


if __name__ == "__main__":
    sys.exit(main())
