"""The upstream wire is defined once: proto/webcast.proto -> scripts/gen_wire.py -> the field tables."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

from bridge import codec, contract
from bridge.codec import _pure, _schema
from bridge.codec import protowire as w
from bridge.codec import webcast as wc
from bridge.errors import DecodeError

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "scripts" / "gen_wire.py"
PROTO = ROOT / "proto" / "webcast.proto"

SOURCES = [
    *(ROOT / "bridge" / "codec" / name for name in ("_pure.py", "_scan.py", "_events.py", "fields.py")),
    *(
        ROOT / "bridge" / name
        for name in ("codec/webcast.py", "sim/simulator.py", "upstream/relays.py", "sim/faketiktok.py")
    ),
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


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_wire", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _load(name: str, path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    return module


def _regenerate(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    anchor: str,
    added: str,
    events: tuple[contract.Event, ...],
) -> tuple[dict[str, str], dict[str, Callable[[bytes, int, int], dict[str, object]]]]:
    """Every output for the schema with ``added`` after ``anchor`` and the contract's ``events``.

    Also imports the generated pure-Python decoders beside the real modules: returns their DECODERS.
    """
    proto = tmp_path / "webcast.proto"
    text = PROTO.read_text()
    assert anchor in text
    proto.write_text(text.replace(anchor, anchor + added))
    edited = SimpleNamespace(ENVELOPE=contract.ENVELOPE, STRUCTS=contract.STRUCTS, EVENTS=events)
    outputs = {str(path): text for path, text in _generator().render(proto, edited).items()}
    (tmp_path / "schema.py").write_text(outputs["bridge/codec/_schema.py"])
    (tmp_path / "events.py").write_text(
        outputs["bridge/codec/_events.py"].replace("from ._schema import", "from ._example_schema import")
    )
    _load("bridge.codec._example_schema", tmp_path / "schema.py", monkeypatch)
    return outputs, _load("bridge.codec._example_events", tmp_path / "events.py", monkeypatch).DECODERS


def test_a_new_field_reaches_both_decoders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worked example of docs/architecture.md: one line in the .proto, one key in the contract."""
    like = contract.EVENTS_BY_NAME["like"]
    source = contract.Field("likeSource", "str", "Where the likes came from.")
    events = tuple(replace(e, fields=(*e.fields, source)) if e is like else e for e in contract.EVENTS)
    outputs, decoders = _regenerate(
        tmp_path,
        monkeypatch,
        "  int64 room_message_heat_level = 12;\n",
        "  string like_source = 13;  // => likeSource\n",
        events,
    )

    table = outputs["bridge/codec/_schema.py"]
    assert "WebcastLikeMessage_like_source: Final = 13" in table
    assert 'WireField("like_source", 13, 2, "string", False, "likeSource")' in table
    assert "    WebcastLikeMessage_like_source = 13" in outputs["native/_schema.pxi"]
    cython = outputs["native/_events.pxi"]
    assert "elif it.num == WebcastLikeMessage_like_source:" in cython
    assert '_put_str(event, "likeSource", p, like_source_a, like_source_b)' in cython

    payload = w.str_field(13, "share card") + w.int_field(2, 5) + w.bytes_field(13, b"\xffok")
    event = decoders["WebcastLikeMessage"](payload, 0, len(payload))
    assert event == {"type": "like", "likeCount": 5, "likeSource": "\ufffdok"}  # the last one wins
    assert list(event) == ["type", "likeCount", "likeSource"]  # the contract's order


def test_a_new_message_type_is_decoded_and_dispatched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new message: its schema with annotations and its event with ``methods``; nothing else."""
    notice = contract.Event(
        "roomNotice",
        "A system notice.",
        (
            contract.Field("user", "User", "Who it is about."),
            contract.Field("text", "str", "The notice."),
            contract.Field("viewers", "[Contributor]", "Who saw it."),
        ),
        ("WebcastRoomNoticeMessage",),
    )
    outputs, decoders = _regenerate(
        tmp_path,
        monkeypatch,
        "message WebcastInRoomBannerMessage {\n  CommonMessageData common = 1;\n  string json_data = 2;  // => data\n}\n",
        "\nmessage WebcastRoomNoticeMessage {\n  CommonMessageData common = 1;\n"
        "  string content = 2;  // => text\n  User user = 3;  // => user\n"
        "  repeated Contributor seen = 4;  // => viewers\n}\n",
        (*contract.EVENTS, notice),
    )

    cython = outputs["native/_events.pxi"]
    assert '    "WebcastRoomNoticeMessage": ' in cython  # in the dispatch table
    assert "return _room_notice(p, n, a, b)" in cython
    assert "cdef dict _room_notice(" in cython
    assert '"WebcastRoomNoticeMessage",' in outputs["bridge/codec/_schema.py"]  # in GENERATED

    payload = w.message_field(3, w.int_field(1, 7), w.str_field(38, "ann")) + w.str_field(2, "welcome")
    payload += (
        w.message_field(1, w.int_field(2, 99))
        + w.message_field(4, w.int_field(1, 30))
        + w.bytes_field(4, b"")
    )
    event = decoders["WebcastRoomNoticeMessage"](payload, 0, len(payload))
    assert event == {
        "type": "roomNotice",
        "msgId": 99,
        "user": {"id": 7, "uniqueId": "ann"},
        "text": "welcome",
        "viewers": [{"score": 30}, {}],  # every element, even an empty one
    }


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("  string like_source = 13;  // => likeSourceX\n", "event 'like' has no key 'likeSourceX'"),
        (
            "  repeated int64 like_ids = 13;  // => likeCount\n",
            "a repeated field is generated as a list of a contract struct or of ints",
        ),
        ("  string like_text = 13;  // => likeCount\n", "cannot read a string field as a contract int"),
        ("  repeated User likers = 13;  // => *\n", "only a single embedded message can be flattened"),
    ],
)
def test_an_annotation_the_generator_cannot_honour_is_an_error(
    tmp_path: Path, line: str, problem: str
) -> None:
    proto = tmp_path / "webcast.proto"
    proto.write_text(PROTO.read_text().replace("  int64 room_message_heat_level = 12;\n", line))
    result = generate("--proto", str(proto), "--out", str(tmp_path))
    assert result.returncode != 0
    assert problem in result.stderr
    assert not (tmp_path / "bridge").exists()


def test_hand_written_decoders_are_the_hooks_the_table_names() -> None:
    for method, function in _schema.HOOKS.items():
        assert _pure.METHODS[method] is getattr(_pure, function), method
    assert not set(_schema.HOOKS) & _schema.GENERATED
    assert set(_schema.HOOKS) | _schema.GENERATED == set(_pure.METHODS)


def test_a_broken_schema_is_an_error(tmp_path: Path) -> None:
    proto = tmp_path / "webcast.proto"
    proto.write_text(PROTO.read_text().replace("string display_id = 38;", "string display_id = 1;"))
    result = generate("--proto", str(proto), "--out", str(tmp_path))
    assert result.returncode != 0
    assert not (tmp_path / "bridge").exists()


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_no_field_number_is_written_by_hand(path: Path) -> None:
    lines = path.read_text().splitlines()
    hits = [
        f"{path.name}:{number}: {line.strip()}"
        for number, line in enumerate(lines, 1)
        if not line.lstrip().startswith("#") and any(p.search(line) for p in LITERAL_FIELD)
    ]
    assert hits == []


# ---------------------------------------------------------------- whole messages by name

I64 = [0, 1, -1, 2**31, 2**32, 2**53, 2**63 - 1, -(2**63)]


@pytest.mark.parametrize("value", I64)
def test_decode_fields_reads_what_protobuf_writes(pb: ModuleType, value: int) -> None:
    message = pb.WebcastImEnterRoomMessage(
        room_id=value,
        live_id=12,
        identity="audience\x00/..",
        cursor="é" * 3,
        is_anchor_continue_keep_msg=True,
    )
    fields = codec.decode_fields("WebcastImEnterRoomMessage", message.SerializeToString())
    assert fields == {
        "room_id": value,
        "room_tag": "",
        "live_region": "",
        "live_id": 12,
        "identity": "audience\x00/..",
        "cursor": "ééé",
        "account_type": 0,
        "enter_unique_id": 0,
        "filter_welcome_msg": "",
        "is_anchor_continue_keep_msg": True,
    }


def test_decode_fields_keeps_embedded_messages_as_bytes(pb: ModuleType) -> None:
    inner = pb.BaseProtoMessage(method="WebcastChatMessage", payload=b"\x0a\x00", msg_id=-5)
    result = pb.ProtoMessageFetchResult(messages=[inner, inner], cursor="c", route_params={"a": "1", "b": ""})
    fields = codec.decode_fields("ProtoMessageFetchResult", result.SerializeToString())
    assert fields["messages"] == [inner.SerializeToString()] * 2
    assert fields["route_params"] == {"a": "1", "b": ""}
    assert codec.decode_fields("BaseProtoMessage", fields["messages"][0])["msg_id"] == -5
    battle = pb.WebcastLinkMicBattle(battle_result={7: pb.BattleResult(user_id=7, score=3)})
    results = codec.decode_fields("WebcastLinkMicBattle", battle.SerializeToString())["battle_result"]
    assert codec.decode_fields("BattleResult", results[7]) == {"user_id": 7, "result": 0, "score": 3}
    assert codec.decode_fields("WebcastLinkMicBattle", b"")["battle_setting"] is None


def test_decode_fields_reads_packed_and_unpacked_numbers() -> None:
    body = (
        w.packed_field(3, [1, 2**63 - 1])
        + w.int_field(3, -1)
        + w.int_field(2, 9)
        + w.int_field(1, 5)  # a message field as a varint: skipped
    )
    fields = codec.decode_fields("WebcastImDeleteMessage", body)
    assert fields["delete_user_ids"] == [1, 2**63 - 1, -1]
    assert fields["delete_msg_ids"] == [9]
    assert fields["common"] is None


@pytest.mark.parametrize("data", [b"\x08", b"\x0a\x05ab", b"\x00\x00", b"\x1a\x02\x80\x80"])
def test_decode_fields_rejects_malformed_bytes(data: bytes) -> None:
    with pytest.raises(DecodeError):
        codec.decode_fields("WebcastImDeleteMessage", data)


def test_decode_client_frame() -> None:
    hb = codec.decode_client_frame(wc.heartbeat_frame(2**63 - 1, 4))
    assert (hb.payload_type, hb.fields) == ("hb", {"room_id": 2**63 - 1, "send_packet_seq_id": 4})
    enter = codec.decode_client_frame(wc.enter_room_frame(7))
    assert (enter.fields["room_id"], enter.fields["live_id"], enter.fields["identity"]) == (7, 12, "audience")
    ack = codec.decode_client_frame(wc.ack_frame(99, "internal_src:dim"))
    assert (ack.fields, ack.log_id) == ({"payload": "internal_src:dim"}, 99)
    zipped = codec.decode_client_frame(wc.push_frame("hb", w.int_field(1, 5), compress=True, seq_id=3))
    assert (zipped.fields["room_id"], zipped.seq_id, zipped.headers) == (5, 3, {"compress_type": "gzip"})
    assert codec.decode_client_frame(wc.push_frame("other", b"\xff")).fields == {}


@pytest.mark.parametrize(
    "data",
    [
        wc.push_frame("", b""),  # no payload_type
        wc.push_frame("hb", b"\x08"),  # truncated payload
        wc.push_frame("hb", b"\x1f\x8b\x08garbage"),  # bad gzip
        b"\x3a\x05hb",
    ],
)
def test_decode_client_frame_rejects_bad_frames(data: bytes) -> None:
    with pytest.raises(DecodeError):
        codec.decode_client_frame(data)


# ---------------------------------------------------------------- wire sources in docs/events.md

_PATH = re.compile(r"^(\w+)((?:\.\w+)+) \((\d+(?:\.\d+)*)\)$")


def _resolve(path: str) -> tuple[str, list[int], _schema.WireField]:
    """``Message.a.b (1.2)`` -> (message, numbers, the last field), walked through the schema; fails on
    any mismatch of name or number."""
    found = _PATH.match(path)
    assert found, f"not a wire path: {path!r}"
    message, names, numbers = found.group(1), found.group(2).split(".")[1:], found.group(3).split(".")
    assert len(names) == len(numbers), path
    current, walked = message, []
    for name, number in zip(names, numbers, strict=True):
        fields = {f.name: f for f in _schema.MESSAGES[current]}
        assert name in fields, f"{path}: {current} has no field {name}"
        field = fields[name]
        assert field.number == int(number), f"{path}: {current}.{name} is {field.number}"
        walked.append(field.number)
        current = field.type
    return message, walked, field


def test_every_typed_event_states_the_wire_source_of_every_key(monkeypatch: pytest.MonkeyPatch) -> None:
    generated = _load("gen_wire", GENERATOR, monkeypatch).sources()
    hand = contract.WIRE_SOURCES
    typed = [e for e in contract.EVENTS if e.methods]
    assert not set(generated) & set(hand), "an event with a generated decoder needs no hand-written sources"
    assert set(hand) <= {e.name for e in typed}
    for event in typed:
        sources = generated.get(event.name) or hand.get(event.name, {})
        assert set(sources) == {f.name for f in event.fields}, event.name
        for key, source in sources.items():
            for path in source.partition("; ")[0].split(" or "):
                message, _, _ = _resolve(path)
                assert message in event.methods, f"{event.name}.{key}: {path} is not from its methods"


def test_generated_wire_sources_follow_the_annotations(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _load("gen_wire", GENERATOR, monkeypatch).sources()
    assert sources["roomMessage"]["text"] == "WebcastRoomMessage.common.display_text.default_pattern (1.8.2)"
    assert sources["giftBroadcast"]["fromUserId"] == (
        "WebcastGiftBroadcastMessage.from_user_id (2) or WebcastGiftBroadcastMessage.notify.from_user_id (4.10)"
    )
    assert " or " in sources["coHostScore"]["total"]  # two methods feed it


def test_events_md_shows_the_wire_sources() -> None:
    text = (ROOT / "docs" / "events.md").read_text()
    assert "| `noticeType` | int |" in text
    assert "`WebcastLinkmicBattleNoticeMessage.notice_type (2)`" in text
    assert "`WebcastChatMessage.mention_users (28)`" in text


def test_text_piece_sources_in_its_struct_doc() -> None:
    doc = next(s.doc for s in contract.STRUCTS if s.name == "TextPiece")
    paths = {
        "kind": "TextPiece.type (1)",
        "text": "TextPiece.string_value (11)",
        "user": "TextPiece.user_value.user (21.1)",
        "giftId": "TextPiece.gift_value.gift_id (22.1)",
        "giftName": "TextPiece.gift_value.name_ref.default_pattern (22.2.2)",
    }
    assert _resolve("Text.pieces (4)")[2].key == "pieces" and "`Text.pieces` (4)" in doc
    for key, path in paths.items():
        assert _resolve(path)[2].key == key, path
        names, numbers = path.removeprefix("TextPiece.").split(" ")
        assert f"`{names}` {numbers}" in doc, path
