"""The push-WebSocket session state machine, fed bytes and time by hand."""

from __future__ import annotations

import gzip
from types import ModuleType
from urllib.parse import parse_qsl, urlsplit

from bridge.codec import webcast as wc
from bridge.codec.protowire import int_field, message_field, str_field
from bridge.frames import FetchResult
from bridge.upstream.session import Session

ROOM = 7_400_000_000_000_000_001


def signed(**overrides: object) -> FetchResult:
    result = FetchResult(
        cursor="t-1",
        internal_ext="ext",
        push_server="wss://webcast-ws.tiktok.com/webcast/im/push/v2/",
        route_params={"wrss": "token", "empty": ""},
        heartbeat_duration=10_000,
        is_first=True,
    )
    for key, value in overrides.items():
        setattr(result, key, value)
    return result


def msg_frame(*messages: bytes, need_ack: bool = True, log_id: int = 77) -> bytes:
    body = wc.fetch_result(messages, cursor="c", now=1, internal_ext="internal|ext", need_ack=need_ack)
    return wc.push_frame("msg", body, log_id=log_id, compress=True)


def test_url_carries_route_and_fixed_params() -> None:
    url = Session(ROOM, signed()).url
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "wss://webcast-ws.tiktok.com/webcast/im/push/v2/"
    pairs = parse_qsl(parts.query)
    params = dict(pairs)
    assert params["wrss"] == "token" and "empty" not in params
    assert params["room_id"] == str(ROOM) and params["compress"] == "gzip"
    assert params["identity"] == "audience" and params["live_id"] == "12" and params["aid"] == "1988"
    assert params["heartbeat_duration"] == "10000" and params["resp_content_type"] == "protobuf"
    assert [v for k, v in pairs if k == "version_code"] == ["180800", "270000"]


def test_enter_room_and_heartbeats_decode_with_the_schema(pb: ModuleType) -> None:
    session = Session(ROOM, signed(heartbeat_duration=5_000))
    [enter] = session.opened(100.0)
    frame = pb.WebcastPushFrame.FromString(enter)
    assert frame.payload_type == "im_enter_room" and frame.payload_encoding == "pb"
    message = pb.WebcastImEnterRoomMessage.FromString(frame.payload)
    assert (message.room_id, message.live_id, message.identity, message.filter_welcome_msg) == (
        ROOM,
        12,
        "audience",
        "0",
    )
    assert (message.room_tag, message.cursor, message.account_type, message.is_anchor_continue_keep_msg) == (
        "",
        "",
        0,
        False,
    )
    assert session.due(104.9) == []
    seqs = []
    for now in (105.0, 110.0, 115.0):
        [hb] = session.due(now)
        frame = pb.WebcastPushFrame.FromString(hb)
        assert frame.payload_type == "hb" and frame.payload_encoding == "pb" and not frame.headers
        beat = pb.HeartBeatMessage.FromString(frame.payload)
        assert beat.room_id == ROOM
        seqs.append(beat.send_packet_seq_id)
        assert session.due(now) == []
    assert seqs == [1, 2, 3]


def test_configured_interval_and_handshake_options() -> None:
    session = Session(ROOM, signed(), heartbeat_interval=2.0)
    session.handshake_options("ping-interval=7")
    session.opened(0.0)
    assert session.due(2.0) and not session.due(3.9) and session.due(4.0)
    session = Session(ROOM, signed())
    session.handshake_options("ping-interval=7; other=1")
    assert session.heartbeat_interval == 7.0
    session.handshake_options("ping-interval=junk")
    session.handshake_options("ping-interval=0")
    assert session.heartbeat_interval == 7.0


def test_no_burst_after_a_pause() -> None:
    session = Session(ROOM, signed(), heartbeat_interval=1.0)
    session.opened(0.0)
    assert len(session.due(60.0)) == 1 and session.due(60.5) == [] and len(session.due(61.0)) == 1


def test_ack_for_need_ack_frames(pb: ModuleType) -> None:
    session = Session(ROOM, signed())
    session.opened(0.0)
    chat = wc.inner("WebcastChatMessage", message_field(1, int_field(2, 5)) + str_field(3, "hi"), 5)
    received = session.receive(msg_frame(chat, log_id=4242), 1.0)
    assert received.result is not None and [e["comment"] for e in received.result.events] == ["hi"]
    [ack] = received.replies
    frame = pb.WebcastPushFrame.FromString(ack)
    assert (frame.payload_type, frame.log_id, frame.payload) == ("ack", 4242, b"internal|ext")
    assert session.receive(msg_frame(chat, need_ack=False), 2.0).replies == []
    assert session.acks == 1


def test_non_message_frames_and_stream_end() -> None:
    session = Session(ROOM, signed())
    session.opened(0.0)
    assert session.receive(wc.push_frame("im_enter_room_resp", b""), 1.0).result is None
    end = wc.inner("WebcastControlMessage", int_field(2, 3), 9)
    received = session.receive(msg_frame(end), 2.0)
    assert received.stream_end and received.result is not None


def test_malformed_frames_are_reported_not_raised() -> None:
    session = Session(ROOM, signed())
    session.opened(0.0)
    for junk in (b"\xff\xff", wc.push_frame("msg", gzip.compress(b"\x0a\x05abc")[:-4])):
        received = session.receive(junk, 1.0)
        assert received.error and received.result is None


def test_stall_detection() -> None:
    session = Session(ROOM, signed(), heartbeat_interval=10.0, no_message_timeout=30.0)
    session.opened(0.0)
    assert session.next_wakeup() == 10.0
    session.due(10.0)
    session.due(20.0)
    # a server not seen answering heartbeats gets no_message_timeout
    assert not session.stalled(29.9) and session.stalled(30.0)
    # once it answers one, any frame is proof of life and 2.5 intervals without one is death
    session.receive(wc.push_frame("hb", b""), 29.0)
    assert session.hb_answers == 1 and session.expect_hb_answers and session.dead_after() == 25.0
    assert not session.stalled(53.9) and session.stalled(54.0)
    assert session.next_wakeup() == 30.0  # the next heartbeat comes first
    assert Session(ROOM, signed(), no_message_timeout=0).stalled(1e9) is False
    # an earlier socket's answers carry over: a silent new socket is dead after 2.5 intervals
    sticky = Session(ROOM, signed(), heartbeat_interval=0.2, no_message_timeout=0, expect_hb_answers=True)
    sticky.opened(0.0)
    assert not sticky.stalled(0.49) and sticky.stalled(0.5)
