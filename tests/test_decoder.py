"""Decoder edge cases found in review, on both implementations."""

from __future__ import annotations

from types import ModuleType

import pytest

from bridge.codec import protowire as w
from bridge.codec import webcast as wc
from bridge.contract import validate
from bridge.errors import DecodeError


def test_nineteen_digit_id_str_is_the_user_id(impl: ModuleType) -> None:
    user = w.str_field(1028, "7412345678901234567") + w.str_field(38, "carol")
    event = impl.decode_message("WebcastChatMessage", w.bytes_field(2, user))
    assert event["user"] == {"id": 7412345678901234567, "uniqueId": "carol"}
    too_big = w.str_field(1028, "9999999999999999999") + w.str_field(38, "x")
    assert impl.decode_message("WebcastChatMessage", w.bytes_field(2, too_big))["user"] == {"uniqueId": "x"}


def test_mutual_following_implies_follower(impl: ModuleType) -> None:
    payload = w.message_field(2, w.int_field(1, 5)) + w.message_field(18, w.bool_field(3, True))
    assert impl.decode_message("WebcastChatMessage", payload)["user"] == {
        "id": 5,
        "isFollower": True,
        "isFriend": True,
    }


@pytest.mark.parametrize(
    ("follow_status", "identity", "expected"),
    [
        (1, None, {"isFollower": True}),
        (2, None, {"isFollower": True, "isFriend": True}),
        (3, None, {"isFollower": True}),  # real gifts: 3 is a follower, never a friend
        (3, w.bool_field(4, True), {"isFollower": True}),
        (2, b"", {}),  # an identity block without flags: it decides, follow_status does not
        (0, w.bool_field(4, True), {"isFollower": True}),
        (1, w.bool_field(3, True) + w.bool_field(4, True), {"isFollower": True, "isFriend": True}),
    ],
)
def test_follow_status_and_identity(
    impl: ModuleType, follow_status: int, identity: bytes | None, expected: dict[str, bool]
) -> None:
    user = w.int_field(1, 5) + w.message_field(22, w.int_field(3, follow_status))
    for method, user_field, identity_field in (("WebcastChatMessage", 2, 18), ("WebcastGiftMessage", 7, 32)):
        payload = w.message_field(user_field, user)
        if identity is not None:
            payload += w.bytes_field(identity_field, identity)
        assert impl.decode_message(method, payload)["user"] == {"id": 5, **expected}


def test_unknown_events_omit_empty_values(impl: ModuleType) -> None:
    assert impl.decode_message("WebcastNewThing", b"") == {"type": "unknown", "method": "WebcastNewThing"}
    assert validate(impl.decode_message("WebcastNewThing", b""), envelope=False) == []
    with pytest.raises(DecodeError, match="no method"):
        impl.decode_message("", b"\x08\x01")


def test_msg_id_from_the_envelope_comes_right_after_type(impl: ModuleType) -> None:
    inner = wc.inner("WebcastChatMessage", w.str_field(3, "hi"), 77)
    body = wc.fetch_result([inner], cursor="c", now=1, internal_ext="x")
    [event] = impl.decode_fetch_result(body).events
    assert list(event) == ["type", "msgId", "comment"] and event["msgId"] == 77
