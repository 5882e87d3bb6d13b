"""The upstream wire is defined once: proto/webcast.proto -> scripts/gen_wire.py -> the field tables."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from bridge.codec import _schema

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "scripts" / "gen_wire.py"
PROTO = ROOT / "proto" / "webcast.proto"

HAND_WRITTEN = [
    ROOT / "bridge" / "codec" / "_pure.py",
    ROOT / "bridge" / "webcast.py",
    *sorted(p for p in (ROOT / "native").glob("*.p[yx][xi]") if p.name != "_schema.pxi"),
]
"""Sources that read or write webcast fields: they name fields, never number them."""

LITERAL_FIELD = [
    re.compile(r"\b(?:\w+\.num|number|n\d)\s*(?:==|!=|<=|>=|<|>)\s*(?!0\b)\d+"),  # decoders' switches
    re.compile(r"\b\d+\s*<=\s*(?:\w+\.num|number|n\d)\b"),
    re.compile(r"\b(?:int|bool|str|bytes|message|packed)_field\(\s*\d+"),  # the encoder
    re.compile(r"\bmap_entry\(\s*\d+"),
]


def generate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(GENERATOR), *args], capture_output=True, text=True)


def test_generated_tables_are_current() -> None:
    result = generate("--check")
    assert result.returncode == 0, result.stderr


def test_check_reports_a_stale_table(tmp_path: Path) -> None:
    assert generate("--out", str(tmp_path)).returncode == 0
    table = tmp_path / "native" / "_schema.pxi"
    table.write_text(table.read_text() + "# edited by hand\n")
    result = generate("--check", "--out", str(tmp_path))
    assert result.returncode == 1
    assert "native/_schema.pxi" in result.stderr


def test_table_matches_protoc_classes(pb: ModuleType) -> None:
    """Every message and field protoc's own Python classes know, with the same number."""
    seen = set()
    for name, fields in _schema.MESSAGES.items():
        descriptor = pb.DESCRIPTOR.message_types_by_name[name.split(".")[0]]
        for part in name.split(".")[1:]:
            descriptor = descriptor.nested_types_by_name[part]
        assert {f.name: f.number for f in fields} == {f.name: f.number for f in descriptor.fields}, name
        for field in fields:
            assert getattr(_schema, f"{name.replace('.', '_')}_{field.name}") == field.number
        seen.add(name)
    assert set(pb.DESCRIPTOR.message_types_by_name) <= seen


@pytest.mark.parametrize(
    ("name", "wire", "repeated"),
    [
        ("User.display_id", 2, False),
        ("User.id", 0, False),
        ("WebcastImDeleteMessage.delete_user_ids", 2, True),  # proto3 packs repeated numbers
        ("WebcastRoomUserSeqMessage.ranks", 2, True),
        ("WebcastLinkMicBattle.armies", 2, True),  # a map is a repeated entry message
    ],
)
def test_wire_types(name: str, wire: int, repeated: bool) -> None:
    message, field = name.split(".")
    found = {f.name: f for f in _schema.MESSAGES[message]}[field]
    assert (found.wire, found.repeated) == (wire, repeated)


def test_a_new_field_reaches_both_tables(tmp_path: Path) -> None:
    """The worked example of docs/architecture.md: one line in the .proto, both tables have it."""
    proto = tmp_path / "webcast.proto"
    text = PROTO.read_text()
    edited = text.replace(
        "  int64 room_message_heat_level = 12;\n",
        "  int64 room_message_heat_level = 12;\n  string like_source = 13;\n",
    )
    assert edited != text
    proto.write_text(edited)
    assert generate("--proto", str(proto), "--out", str(tmp_path)).returncode == 0
    python = (tmp_path / "bridge" / "codec" / "_schema.py").read_text()
    cython = (tmp_path / "native" / "_schema.pxi").read_text()
    assert "WebcastLikeMessage_like_source: Final = 13" in python
    assert 'WireField("like_source", 13, 2, "string", False)' in python
    assert "    WebcastLikeMessage_like_source = 13" in cython


def test_a_broken_schema_is_an_error(tmp_path: Path) -> None:
    proto = tmp_path / "webcast.proto"
    proto.write_text(PROTO.read_text().replace("string display_id = 38;", "string display_id = 1;"))
    result = generate("--proto", str(proto), "--out", str(tmp_path))
    assert result.returncode != 0
    assert not (tmp_path / "bridge").exists()


@pytest.mark.parametrize("path", HAND_WRITTEN, ids=lambda p: p.name)
def test_no_field_number_is_written_by_hand(path: Path) -> None:
    hits = [
        f"{path.name}:{number}: {line.strip()}"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if not line.lstrip().startswith("#") and any(p.search(line) for p in LITERAL_FIELD)
    ]
    assert hits == []
