"""Golden-frame tests: bytes from an independent encoder in, hand-written events out.

The input bytes come from the classes protoc generates from ``proto/webcast.proto``
at test time (see ``tests/protoc.py``), so the decoders are checked against the
schema rather than against the bridge's own encoder. Every message fills the fields
the contract reads *and* many it ignores (badges, image url lists, follow info,
text pieces, nested users...). Expected events are written out literally: they
are never computed by a decoder.

The reverse direction checks that what ``bridge.codec.protowire`` encodes parses with
the protoc classes, and the last section feeds malformed input and requires a
:class:`bridge.errors.DecodeError` subclass, never another exception.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

from bridge.codec import protowire as w
from bridge.contract import ENVELOPE, EVENTS_BY_NAME, STRUCTS, validate
from bridge.errors import DecodeError, LimitError, TruncatedError, VarintError, WireTypeError
from bridge.limits import MAX_FRAME_BYTES, MAX_MESSAGES_PER_FRAME

Event = dict[str, Any]
Case = tuple[str, Any, Event]


def _ser(msg: Any) -> bytes:
    # deterministic: the same message always gives the same bytes (map order included)
    return bytes(msg.SerializeToString(deterministic=True))


# ---------------------------------------------------------------- reference messages

ROOM_ID = 7380000000000000001
ALICE_ID = 7001000000000000001
BOB_ID = 7002000000000000002
CAROL_ID = 681234567890123456
GUEST_ID = 7004000000000000004
RIVAL_ID = 7005000000000000005
HOST_ID = 7000000000000000042


def _image(pb: ModuleType, *urls: str) -> Any:
    return pb.ImageModel(
        url_list=list(urls),
        uri="tos-maliva-avt-0068/" + str(len(urls)),
        height=100,
        width=100,
        avg_color="#A3A3A3",
        image_type=2,
        schema="sslocal://webcast_image",
        is_animated=False,
    )


def _badge(pb: ModuleType, scene: int, level: str = "") -> Any:
    return pb.BadgeStruct(
        display_type=1,
        position=2,
        scene_type=scene,
        display=True,
        privilege_log_extra=pb.PrivilegeLogExtra(
            data_version="2",
            privilege_id="7196929090442513153",
            privilege_version="0",
            privilege_order_id="mock_fix_width_transparent_7196929090442513153",
            level=level,
        ),
        image=pb.ImageBadge(
            display_type=1,
            image=_image(pb, f"https://p16-webcast.tiktokcdn.com/badge/{scene}.png", "https://alt/badge.png"),
        ),
        text=pb.TextBadge(display_type=2, key=f"badge_scene_{scene}", default_pattern="Lv." + level),
    )


def _user(
    pb: ModuleType,
    uid: int,
    handle: str,
    nickname: str,
    *,
    followers: int = 0,
    follow_status: int = 0,
    badges: tuple[Any, ...] = (),
    id_str: str | None = None,
) -> Any:
    return pb.User(
        id=uid,
        short_id=12345,
        nickname=nickname,
        gender=2,
        signature="🎮 every night",
        level=23,
        birthday=946684800,
        telephone="",
        avatar_thumb=_image(
            pb,
            f"https://p16-sign.tiktokcdn.com/{handle}~100x100.webp",
            f"https://p19-sign.tiktokcdn.com/{handle}~100x100.jpeg",
        ),
        avatar_medium=_image(pb, f"https://p16-sign.tiktokcdn.com/{handle}~720x720.webp"),
        avatar_large=_image(pb, f"https://p16-sign.tiktokcdn.com/{handle}~1080x1080.webp"),
        verified=True,
        experience=4200,
        city="Lyon",
        status=1,
        create_time=1600000000,
        modify_time=1717000000,
        secret=0,
        share_qrcode_uri="qr/" + handle,
        follow_info=pb.FollowInfo(
            following_count=321, follower_count=followers, follow_status=follow_status, push_status=1
        ),
        display_id=handle,
        sec_uid="MS4wLjABAAAA" + handle,
        badge_list=list(badges),
        id_str=str(uid) if id_str is None else id_str,
    )


def _alice(pb: ModuleType) -> Any:
    """Gifter level 17, member level 9, follower; rank and friends badges are ignored."""
    return _user(
        pb,
        ALICE_ID,
        "alice.plays",
        "Alice ✨",
        followers=1520,
        follow_status=1,
        badges=(
            _badge(pb, 6, "3"),
            _badge(pb, 8, "17"),
            _badge(pb, 3),
            _badge(pb, 10, "9"),
            _badge(pb, 0, "99"),
        ),
    )


def _bob(pb: ModuleType) -> Any:
    """Moderator and subscriber by badge, friend by follow status."""
    return _user(pb, BOB_ID, "bob_tv", "Bob", follow_status=2, badges=(_badge(pb, 1), _badge(pb, 4, "2")))


def _carol(pb: ModuleType) -> Any:
    """No badges; her numeric id only comes as ``id_str`` (an older, 18-digit id)."""
    return _user(pb, 0, "carol", "Carol 🌸", followers=88, id_str=str(CAROL_ID))


def _host(pb: ModuleType) -> Any:
    return _user(pb, HOST_ID, "streamer.fr", "Le Streamer", followers=250000)


ALICE: Event = {
    "id": 7001000000000000001,
    "uniqueId": "alice.plays",
    "nickname": "Alice ✨",
    "avatar": "https://p16-sign.tiktokcdn.com/alice.plays~100x100.webp",
    "followerCount": 1520,
    "isFollower": True,
    "gifterLevel": 17,
    "memberLevel": 9,
}
BOB: Event = {
    "id": 7002000000000000002,
    "uniqueId": "bob_tv",
    "nickname": "Bob",
    "avatar": "https://p16-sign.tiktokcdn.com/bob_tv~100x100.webp",
    "isModerator": True,
    "isSubscriber": True,
    "isFollower": True,
    "isFriend": True,
}
CAROL: Event = {
    "id": 681234567890123456,
    "uniqueId": "carol",
    "nickname": "Carol 🌸",
    "avatar": "https://p16-sign.tiktokcdn.com/carol~100x100.webp",
    "followerCount": 88,
}
HOST: Event = {
    "id": 7000000000000000042,
    "uniqueId": "streamer.fr",
    "nickname": "Le Streamer",
    "avatar": "https://p16-sign.tiktokcdn.com/streamer.fr~100x100.webp",
    "followerCount": 250000,
}


def _common(pb: ModuleType, method: str, msg_id: int, create_time: int, key: str = "") -> Any:
    return pb.CommonMessageData(
        method=method,
        msg_id=msg_id,
        room_id=ROOM_ID,
        create_time=create_time,
        monitor=1,
        is_show_msg=True,
        describe="{0:user} did something",
        display_text=pb.Text(
            key=key,
            default_pattern="{0:user} did something",
            default_format=pb.TextFormat(color="#ffffffff", bold=True, weight=400, font_size=14),
            pieces=[
                pb.TextPiece(
                    type=11,
                    format=pb.TextFormat(color="#ff00ffff", italic=True),
                    user_value=pb.TextPieceUser(
                        user=pb.User(id=1, nickname="piece user", display_id="piece.user"), with_colon=True
                    ),
                ),
                pb.TextPiece(type=1, string_value="did something"),
            ],
        ),
        fold_type=1,
        anchor_fold_type=2,
        priority_score=30,
        log_id="20240529123456ABCDEF0123456789",
        msg_process_filter_k="k",
        msg_process_filter_v="v",
        from_idc="maliva",
        to_idc="useast5",
        filter_msg_tags=["msg_level_filter", "no_fold"],
        client_send_time=create_time - 5,
    )


def _gift(pb: ModuleType, gift_id: int, name: str, diamonds: int, gift_type: int) -> Any:
    return pb.Gift(
        image=_image(
            pb,
            f"https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/{name.lower()}~tplv-obj.png",
            f"https://p16-webcast.tiktokcdn.com/img/maliva/webcast-va/{name.lower()}~tplv-obj.webp",
        ),
        describe="sent " + name,
        duration=1000,
        id=gift_id,
        for_linkmic=True,
        combo=gift_type == 1,
        type=gift_type,
        diamond_count=diamonds,
        is_displayed_on_panel=True,
        primary_effect_id=0,
        name=name,
        region="FR",
        icon=_image(pb, f"https://p19-webcast.tiktokcdn.com/icon/{gift_id}.png"),
    )


GOLDEN: dict[str, Callable[[ModuleType], Case]] = {}


def golden(name: str) -> Callable[[Callable[[ModuleType], Case]], Callable[[ModuleType], Case]]:
    """Register a builder returning ``(method, protoc message, expected event)``."""

    def register(build: Callable[[ModuleType], Case]) -> Callable[[ModuleType], Case]:
        GOLDEN[name] = build
        return build

    return register


@golden("chat")
def _chat(pb: ModuleType) -> Case:
    msg = pb.WebcastChatMessage(
        common=_common(pb, "WebcastChatMessage", 7380000000000001001, 1717000000001),
        user=_alice(pb),
        content="hello [wave] world 🌹",
        visible_to_sender=True,
        background=_image(pb, "https://p16-webcast.tiktokcdn.com/bg.png"),
        full_screen_text_color="#ffffff",
        input_type=1,
        at_user=_carol(pb),
        emotes=[
            pb.EmoteWithIndex(
                index=6,
                emote=pb.Emote(
                    emote_id="7180000000000000001",
                    image=_image(pb, "https://p16-webcast.tiktokcdn.com/emote/wave.png", "https://alt/wave"),
                    emote_type=1,
                ),
            ),
            pb.EmoteWithIndex(
                index=0,
                emote=pb.Emote(
                    emote_id="7180000000000000002",
                    image=_image(pb, "https://p16-webcast.tiktokcdn.com/emote/heart.png"),
                ),
            ),
        ],
        content_language="en",
        quick_chat_scene=2,
        user_identity=pb.UserIdentity(is_gift_giver_of_anchor=True, is_follower_of_anchor=True),
    )
    expected = {
        "type": "chat",
        "msgId": 7380000000000001001,
        "createTime": 1717000000001,
        "user": ALICE,
        "comment": "hello [wave] world 🌹",
        "language": "en",
        "emotes": [
            {
                "id": "7180000000000000001",
                "url": "https://p16-webcast.tiktokcdn.com/emote/wave.png",
                "index": 6,
            },
            {"id": "7180000000000000002", "url": "https://p16-webcast.tiktokcdn.com/emote/heart.png"},
        ],
        "mentions": [CAROL],
    }
    return "WebcastChatMessage", msg, expected


@golden("chat_user_identity")
def _chat_identity(pb: ModuleType) -> Case:
    msg = pb.WebcastChatMessage(
        common=_common(pb, "WebcastChatMessage", 7380000000000001002, 1717000000002),
        user=_carol(pb),
        content="质问 ça va ?",
        user_identity=pb.UserIdentity(
            is_gift_giver_of_anchor=True,
            is_subscriber_of_anchor=True,
            is_mutual_following_with_anchor=True,
            is_follower_of_anchor=True,
            is_moderator_of_anchor=True,
        ),
    )
    expected = {
        "type": "chat",
        "msgId": 7380000000000001002,
        "createTime": 1717000000002,
        "user": {
            "id": 681234567890123456,
            "uniqueId": "carol",
            "nickname": "Carol 🌸",
            "avatar": "https://p16-sign.tiktokcdn.com/carol~100x100.webp",
            "followerCount": 88,
            "isModerator": True,
            "isSubscriber": True,
            "isFollower": True,
            "isFriend": True,
        },
        "comment": "质问 ça va ?",
    }
    return "WebcastChatMessage", msg, expected


def _gift_message(pb: ModuleType, msg_id: int, repeat_count: int, repeat_end: int) -> Any:
    return pb.WebcastGiftMessage(
        common=_common(
            pb, "WebcastGiftMessage", msg_id, 1717000000100, key="live_gift_send_message_to_guest"
        ),
        gift_id=5655,
        fan_ticket_count=3,
        group_count=1,
        repeat_count=repeat_count,
        combo_count=repeat_count,
        user=_alice(pb),
        to_user=_user(pb, GUEST_ID, "guest.one", "Guest"),
        repeat_end=repeat_end,
        group_id=1717000000099001,
        income_taskgifts=2,
        room_fan_ticket_count=123456,
        gift=_gift(pb, 5655, "Rose", 1, 1),
        log_id="20240529123456GIFT",
        send_type=1,
        monitor_extra='{"anchor_id":7000000000000000042}',
        color_id=1,
        is_first_sent=True,
        order_id="order-1",
        user_identity=pb.UserIdentity(is_gift_giver_of_anchor=True, is_follower_of_anchor=True),
    )


@golden("gift_streak_in_progress")
def _gift_streaking(pb: ModuleType) -> Case:
    expected = {
        "type": "gift",
        "msgId": 7380000000000002001,
        "createTime": 1717000000100,
        "user": ALICE,
        "giftId": 5655,
        "giftName": "Rose",
        "diamondCount": 1,
        "repeatCount": 3,
        "giftType": 1,
        "groupId": 1717000000099001,
        "streaking": True,
        "giftImage": "https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/rose~tplv-obj.png",
        "toUserId": 7004000000000000004,
        "describe": "sent Rose",
    }
    return "WebcastGiftMessage", _gift_message(pb, 7380000000000002001, 3, 0), expected


@golden("gift_streak_closing")
def _gift_closing(pb: ModuleType) -> Case:
    expected = {
        "type": "gift",
        "msgId": 7380000000000002002,
        "createTime": 1717000000100,
        "user": ALICE,
        "giftId": 5655,
        "giftName": "Rose",
        "diamondCount": 1,
        "repeatCount": 12,
        "repeatEnd": True,
        "giftType": 1,
        "groupId": 1717000000099001,
        "giftImage": "https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/rose~tplv-obj.png",
        "toUserId": 7004000000000000004,
        "describe": "sent Rose",
    }
    return "WebcastGiftMessage", _gift_message(pb, 7380000000000002002, 12, 1), expected


@golden("gift_not_streakable")
def _gift_single(pb: ModuleType) -> Case:
    # gift_id only inside the Gift struct, no receiver: the gift goes to the host
    msg = pb.WebcastGiftMessage(
        common=_common(pb, "WebcastGiftMessage", 7380000000000002003, 1717000000200),
        fan_ticket_count=1000,
        group_count=1,
        repeat_count=1,
        user=_carol(pb),
        gift=_gift(pb, 11046, "Galaxy", 1000, 2),
        send_type=1,
        user_identity=pb.UserIdentity(is_follower_of_anchor=True),
    )
    expected = {
        "type": "gift",
        "msgId": 7380000000000002003,
        "createTime": 1717000000200,
        "user": {
            "id": 681234567890123456,
            "uniqueId": "carol",
            "nickname": "Carol 🌸",
            "avatar": "https://p16-sign.tiktokcdn.com/carol~100x100.webp",
            "followerCount": 88,
            "isFollower": True,
        },
        "giftId": 11046,
        "giftName": "Galaxy",
        "diamondCount": 1000,
        "repeatCount": 1,
        "giftType": 2,
        "giftImage": "https://p19-webcast.tiktokcdn.com/img/maliva/webcast-va/galaxy~tplv-obj.png",
        "describe": "sent Galaxy",
    }
    return "WebcastGiftMessage", msg, expected


@golden("like")
def _like(pb: ModuleType) -> Case:
    msg = pb.WebcastLikeMessage(
        common=_common(pb, "WebcastLikeMessage", 7380000000000003001, 1717000000300, key="pm_mt_msg_viewer"),
        count=15,
        total=48213,
        color=1,
        user=_bob(pb),
        icon="https://p16-webcast.tiktokcdn.com/like.png",
        icons=[_image(pb, "https://like/1.png"), _image(pb, "https://like/2.png")],
        effect_cnt=2,
        room_message_heat_level=3,
    )
    expected = {
        "type": "like",
        "msgId": 7380000000000003001,
        "createTime": 1717000000300,
        "user": BOB,
        "likeCount": 15,
        "totalLikes": 48213,
    }
    return "WebcastLikeMessage", msg, expected


@golden("member")
def _member(pb: ModuleType) -> Case:
    msg = pb.WebcastMemberMessage(
        common=_common(
            pb, "WebcastMemberMessage", 7380000000000004001, 1717000000400, key="live_room_enter_toast"
        ),
        user=_carol(pb),
        member_count=1234,
        operator=_host(pb),
        is_set_to_admin=False,
        is_top_user=True,
        rank_score=5,
        top_user_no=2,
        enter_type=1,
        action=1,
        action_description="joined",
        user_id=CAROL_ID,
        pop_str="1.2K",
        anchor_display_text=pb.Text(key="live_room_enter_toast", default_pattern="{0:user} joined"),
        client_enter_source="homepage_hot",
        client_enter_type="click",
    )
    expected = {
        "type": "member",
        "msgId": 7380000000000004001,
        "createTime": 1717000000400,
        "user": CAROL,
        "action": 1,
        "memberCount": 1234,
    }
    return "WebcastMemberMessage", msg, expected


def _social_message(pb: ModuleType, msg_id: int, key: str, user: Any, action: int, **fields: Any) -> Any:
    return pb.WebcastSocialMessage(
        common=_common(pb, "WebcastSocialMessage", msg_id, 1717000000500, key=key),
        user=user,
        action=action,
        share_display_style=1,
        show_duration_ms=3000,
        **fields,
    )


@golden("follow")
def _follow(pb: ModuleType) -> Case:
    msg = _social_message(
        pb,
        7380000000000005001,
        "pm_main_follow_message_viewer_2",
        _alice(pb),
        1,
        follow_count=10450,
        follow_type=1,
    )
    expected = {
        "type": "follow",
        "msgId": 7380000000000005001,
        "createTime": 1717000000500,
        "user": ALICE,
        "followCount": 10450,
    }
    return "WebcastSocialMessage", msg, expected


@golden("follow_by_action")
def _follow_by_action(pb: ModuleType) -> Case:
    msg = _social_message(pb, 7380000000000005002, "", _carol(pb), 1, follow_count=10451)
    expected = {
        "type": "follow",
        "msgId": 7380000000000005002,
        "createTime": 1717000000500,
        "user": CAROL,
        "followCount": 10451,
    }
    return "WebcastSocialMessage", msg, expected


@golden("share")
def _share(pb: ModuleType) -> Case:
    msg = _social_message(
        pb,
        7380000000000005003,
        "pm_mt_guidance_viewer_7_share",
        _bob(pb),
        3,
        share_type=2,
        share_target="whatsapp",
        follow_count=10451,
        share_count=3,
    )
    expected = {
        "type": "share",
        "msgId": 7380000000000005003,
        "createTime": 1717000000500,
        "user": BOB,
        "shareType": 2,
        "shareCount": 3,
        "shareTarget": "whatsapp",
    }
    return "WebcastSocialMessage", msg, expected


@golden("share_by_action")
def _share_by_action(pb: ModuleType) -> Case:
    msg = _social_message(pb, 7380000000000005004, "", _carol(pb), 3, share_type=1, share_count=1)
    expected = {
        "type": "share",
        "msgId": 7380000000000005004,
        "createTime": 1717000000500,
        "user": CAROL,
        "shareType": 1,
        "shareCount": 1,
    }
    return "WebcastSocialMessage", msg, expected


@golden("social_other")
def _social_other(pb: ModuleType) -> Case:
    msg = _social_message(
        pb, 7380000000000005005, "pm_mt_guidance_viewer_repost", _alice(pb), 7, follow_count=5, share_count=9
    )
    expected = {
        "type": "social",
        "msgId": 7380000000000005005,
        "createTime": 1717000000500,
        "user": ALICE,
        "action": 7,
    }
    return "WebcastSocialMessage", msg, expected


@golden("subscribe")
def _subscribe(pb: ModuleType) -> Case:
    msg = pb.WebcastSubNotifyMessage(
        common=_common(
            pb, "WebcastSubNotifyMessage", 7380000000000006001, 1717000000600, key="ttlive_sub_gift"
        ),
        user=_bob(pb),
        sub_month=3,
        subscribe_type=1,
        old_subscribe_status=2,
        message_type=1,
        is_send=True,
        gift_source=1,
    )
    expected = {
        "type": "subscribe",
        "msgId": 7380000000000006001,
        "createTime": 1717000000600,
        "user": BOB,
        "subMonth": 3,
        "subscribeType": 1,
        "gifted": True,
        "giftSource": 1,
    }
    return "WebcastSubNotifyMessage", msg, expected


@golden("room_user_seq")
def _room_user_seq(pb: ModuleType) -> Case:
    msg = pb.WebcastRoomUserSeqMessage(
        common=_common(pb, "WebcastRoomUserSeqMessage", 7380000000000007001, 1717000000700),
        ranks=[
            pb.Contributor(score=4200, user=_alice(pb), rank=1, delta=10),
            pb.Contributor(score=900, user=_bob(pb), rank=2, delta=-3),
            pb.Contributor(score=0, user=_carol(pb), rank=3),
        ],
        total=1234,
        pop_str="1.2K",
        seats=[pb.Contributor(score=1, user=_host(pb), rank=1)],
        popularity=99999,
        total_user=56789,
        anonymous=17,
    )
    expected = {
        "type": "roomUserSeq",
        "msgId": 7380000000000007001,
        "createTime": 1717000000700,
        "viewerCount": 1234,
        "totalViewers": 56789,
        "topViewers": [
            {"user": ALICE, "score": 4200, "rank": 1},
            {"user": BOB, "score": 900, "rank": 2},
            {"user": CAROL, "rank": 3},
        ],
    }
    return "WebcastRoomUserSeqMessage", msg, expected


def _battle_user(pb: ModuleType, uid: int, nickname: str, handle: str) -> Any:
    return pb.BattleUserInfo(
        user=pb.BattleBaseUserInfo(
            user_id=uid,
            nick_name=nickname,
            avatar_thumb=_image(pb, f"https://p16-sign.tiktokcdn.com/{handle}~100x100.webp", "https://alt"),
            display_id=handle,
        )
    )


@golden("battle")
def _battle(pb: ModuleType) -> Case:
    msg = pb.WebcastLinkMicBattle(
        common=_common(pb, "WebcastLinkMicBattle", 7380000000000008001, 1717000000800),
        battle_id=7350000000000000001,
        battle_setting=pb.BattleSetting(
            battle_id=7350000000000000001,
            start_time_ms=1717000000000,
            duration=300,
            status=1,
            battle_type=1,
            end_time_ms=1717000300000,
        ),
        action=4,
        battle_result={
            HOST_ID: pb.BattleResult(user_id=HOST_ID, result=0, score=1500),
            RIVAL_ID: pb.BattleResult(user_id=RIVAL_ID, result=1, score=-120),
        },
        armies={HOST_ID: pb.BattleUserArmies(host_score=1500, anchor_id_str=str(HOST_ID))},
        anchor_info={
            HOST_ID: _battle_user(pb, HOST_ID, "Le Streamer", "streamer.fr"),
            RIVAL_ID: _battle_user(pb, RIVAL_ID, "Rival", "rival.live"),
        },
        bubble_text="Battle started",
        action_by_user_id=HOST_ID,
    )
    expected = {
        "type": "battle",
        "msgId": 7380000000000008001,
        "createTime": 1717000000800,
        "battleId": 7350000000000000001,
        "action": 4,
        "status": 1,
        "duration": 300,
        "startTime": 1717000000000,
        "results": [
            {"userId": 7000000000000000042, "score": 1500},
            {"userId": 7005000000000000005, "result": 1, "score": -120},
        ],
        "anchors": [
            {
                "id": 7000000000000000042,
                "uniqueId": "streamer.fr",
                "nickname": "Le Streamer",
                "avatar": "https://p16-sign.tiktokcdn.com/streamer.fr~100x100.webp",
            },
            {
                "id": 7005000000000000005,
                "uniqueId": "rival.live",
                "nickname": "Rival",
                "avatar": "https://p16-sign.tiktokcdn.com/rival.live~100x100.webp",
            },
        ],
    }
    return "WebcastLinkMicBattle", msg, expected


@golden("battle_id_from_settings")
def _battle_invite(pb: ModuleType) -> Case:
    msg = pb.WebcastLinkMicBattle(
        common=_common(pb, "WebcastLinkMicBattle", 7380000000000008002, 1717000000801),
        battle_setting=pb.BattleSetting(battle_id=7350000000000000002, duration=180, battle_type=1),
        action=1,
        bubble_text="Invited",
    )
    expected = {
        "type": "battle",
        "msgId": 7380000000000008002,
        "createTime": 1717000000801,
        "battleId": 7350000000000000002,
        "action": 1,
        "duration": 180,
    }
    return "WebcastLinkMicBattle", msg, expected


@golden("battle_armies")
def _armies(pb: ModuleType) -> Case:
    msg = pb.WebcastLinkMicArmies(
        common=_common(pb, "WebcastLinkMicArmies", 7380000000000008101, 1717000000810),
        battle_id=7350000000000000001,
        battle_items={
            HOST_ID: pb.BattleUserArmies(
                user_armies=[
                    pb.BattleUserArmy(
                        user_id=ALICE_ID,
                        score=1000,
                        nickname="Alice ✨",
                        diamond_score=1000,
                        user_id_str=str(ALICE_ID),
                    ),
                    pb.BattleUserArmy(
                        user_id=BOB_ID, score=500, nickname="Bob", diamond_score=500, user_id_str=str(BOB_ID)
                    ),
                ],
                host_score=1500,
                anchor_id_str=str(HOST_ID),
            ),
            RIVAL_ID: pb.BattleUserArmies(
                user_armies=[pb.BattleUserArmy(user_id=7006000000000000006, score=120, nickname="Dana")],
                host_score=120,
                anchor_id_str=str(RIVAL_ID),
            ),
        },
        channel_id=7390000000000000001,
        gift_sent_time=1717000000805,
        score_update_time=1717000000809,
        trigger_reason=1,
        from_user_id=ALICE_ID,
        gift_id=5655,
        gift_count=10,
        total_diamond_count=10,
        repeat_count=10,
        battle_settings=pb.BattleSetting(battle_id=7350000000000000001, status=3, duration=300),
    )
    expected = {
        "type": "battleArmies",
        "msgId": 7380000000000008101,
        "createTime": 1717000000810,
        "battleId": 7350000000000000001,
        "status": 3,
        "triggerReason": 1,
        "fromUserId": 7001000000000000001,
        "giftId": 5655,
        "giftCount": 10,
        "totalDiamonds": 10,
        "teams": [
            {
                "anchorId": 7000000000000000042,
                "score": 1500,
                "supporters": [
                    {"userId": 7001000000000000001, "nickname": "Alice ✨", "score": 1000},
                    {"userId": 7002000000000000002, "nickname": "Bob", "score": 500},
                ],
            },
            {
                "anchorId": 7005000000000000005,
                "score": 120,
                "supporters": [{"userId": 7006000000000000006, "nickname": "Dana", "score": 120}],
            },
        ],
    }
    return "WebcastLinkMicArmies", msg, expected


@golden("room_pin_chat")
def _room_pin(pb: ModuleType) -> Case:
    msg = pb.WebcastRoomPinMessage(
        common=_common(pb, "WebcastRoomPinMessage", 7380000000000009001, 1717000001000, key="pm_mt_pin_msg"),
        chat_message=pb.WebcastChatMessage(
            common=_common(pb, "WebcastChatMessage", 7380000000000001555, 1716999990000),
            user=_bob(pb),
            content="pinned hello",
            content_language="fr",
            user_identity=pb.UserIdentity(is_mutual_following_with_anchor=True, is_follower_of_anchor=True),
        ),
        method="WebcastChatMessage",
        pin_time=1717000001000,
        operator=_host(pb),
        action=1,
        display_duration=60,
        pin_id=77,
    )
    expected = {
        "type": "roomPin",
        "msgId": 7380000000000009001,
        "createTime": 1717000001000,
        "action": 1,
        "pinTime": 1717000001000,
        "duration": 60,
        "originalType": "WebcastChatMessage",
        "operatorId": 7000000000000000042,
        "pinned": {
            "type": "chat",
            "msgId": 7380000000000001555,
            "createTime": 1716999990000,
            "user": BOB,
            "comment": "pinned hello",
            "language": "fr",
        },
    }
    return "WebcastRoomPinMessage", msg, expected


@golden("emote")
def _emote(pb: ModuleType) -> Case:
    msg = pb.WebcastEmoteChatMessage(
        common=_common(pb, "WebcastEmoteChatMessage", 7380000000000010001, 1717000001100),
        user=_carol(pb),
        emote_list=[
            pb.Emote(
                emote_id="7180000000000000003",
                image=_image(pb, "https://p16-webcast.tiktokcdn.com/emote/gg.png", "https://alt/gg"),
                emote_type=1,
            ),
            pb.Emote(
                emote_id="7180000000000000004",
                image=_image(pb, "https://p16-webcast.tiktokcdn.com/emote/ez.png"),
            ),
        ],
        user_identity=pb.UserIdentity(is_subscriber_of_anchor=True),
    )
    expected = {
        "type": "emote",
        "msgId": 7380000000000010001,
        "createTime": 1717000001100,
        "user": {
            "id": 681234567890123456,
            "uniqueId": "carol",
            "nickname": "Carol 🌸",
            "avatar": "https://p16-sign.tiktokcdn.com/carol~100x100.webp",
            "followerCount": 88,
            "isSubscriber": True,
        },
        "emoteId": "7180000000000000003",
        "emoteUrl": "https://p16-webcast.tiktokcdn.com/emote/gg.png",
        "emotes": [
            {"id": "7180000000000000003", "url": "https://p16-webcast.tiktokcdn.com/emote/gg.png"},
            {"id": "7180000000000000004", "url": "https://p16-webcast.tiktokcdn.com/emote/ez.png"},
        ],
    }
    return "WebcastEmoteChatMessage", msg, expected


@golden("envelope")
def _envelope(pb: ModuleType) -> Case:
    msg = pb.WebcastEnvelopeMessage(
        common=_common(pb, "WebcastEnvelopeMessage", 7380000000000011001, 1717000001200),
        envelope_info=pb.MessageRedEnvelopInfo(
            envelope_id="7381000000000000001",
            business_type=19,
            envelope_idc="maliva",
            send_user_name="Alice ✨",
            diamond_count=500,
            people_count=20,
            unpack_at=1717000060,
            send_user_id=str(ALICE_ID),
            send_user_avatar=_image(pb, "https://p16-sign.tiktokcdn.com/alice.plays~100x100.webp"),
            create_at="1717000000",
            room_id=str(ROOM_ID),
            super_fan_count=4,
        ),
        display=1,
    )
    expected = {
        "type": "envelope",
        "msgId": 7380000000000011001,
        "createTime": 1717000001200,
        "envelopeId": "7381000000000000001",
        "diamondCount": 500,
        "peopleCount": 20,
        "senderName": "Alice ✨",
        "senderId": "7001000000000000001",
        "businessType": 19,
        "unpackAt": 1717000060,
    }
    return "WebcastEnvelopeMessage", msg, expected


@golden("question")
def _question(pb: ModuleType) -> Case:
    msg = pb.WebcastQuestionNewMessage(
        common=_common(pb, "WebcastQuestionNewMessage", 7380000000000012001, 1717000001300),
        details=pb.Question(
            question_id=7382000000000000001,
            content="What game is next?",
            answer_status=0,
            create_time=1717000001,
            user=_bob(pb),
            create_from=1,
            answer_from=2,
        ),
    )
    expected = {
        "type": "question",
        "msgId": 7380000000000012001,
        "createTime": 1717000001300,
        "user": BOB,
        "questionId": 7382000000000000001,
        "questionText": "What game is next?",
    }
    return "WebcastQuestionNewMessage", msg, expected


@golden("live_intro")
def _live_intro(pb: ModuleType) -> Case:
    msg = pb.WebcastLiveIntroMessage(
        common=_common(pb, "WebcastLiveIntroMessage", 7380000000000013001, 1717000001400),
        id=ROOM_ID,
        audit_status=2,
        content="Ranked grind tonight 🎮",
        user=_host(pb),
        intro_mode=1,
        badges=[_badge(pb, 8, "50"), _badge(pb, 1)],  # the message's badges, not the user's
        content_language="en",
    )
    expected = {
        "type": "liveIntro",
        "msgId": 7380000000000013001,
        "createTime": 1717000001400,
        "user": HOST,
        "content": "Ranked grind tonight 🎮",
        "language": "en",
    }
    return "WebcastLiveIntroMessage", msg, expected


@golden("caption")
def _caption(pb: ModuleType) -> Case:
    msg = pb.WebcastCaptionMessage(
        common=_common(pb, "WebcastCaptionMessage", 7380000000000014001, 1717000001500),
        timestamp_ms=123456,
        duration_ms=2500,
        content=[
            pb.CaptionContent(lang="en", content="Welcome everyone"),
            pb.CaptionContent(lang="es", content="Bienvenidos a todos"),
        ],
        sentence_id=42,
        sequence_id=3,
        definite=True,
    )
    expected = {
        "type": "caption",
        "msgId": 7380000000000014001,
        "createTime": 1717000001500,
        "captions": [
            {"lang": "en", "text": "Welcome everyone"},
            {"lang": "es", "text": "Bienvenidos a todos"},
        ],
        "timestampMs": 123456,
        "durationMs": 2500,
        "sentenceId": 42,
        "definite": True,
    }
    return "WebcastCaptionMessage", msg, expected


@golden("barrage_user_grade")
def _barrage(pb: ModuleType) -> Case:
    msg = pb.WebcastBarrageMessage(
        common=_common(pb, "WebcastBarrageMessage", 7380000000000015001, 1717000001600),
        msg_type=8,
        icon=_image(pb, "https://p16-webcast.tiktokcdn.com/grade.png"),
        content=pb.Text(
            key="pm_mt_grade_upgrade",
            default_pattern="{0:user} reached level {1:string}",
            default_format=pb.TextFormat(color="#ffffff", bold=True),
            pieces=[
                pb.TextPiece(type=11, user_value=pb.TextPieceUser(user=_alice(pb))),
                pb.TextPiece(type=1, string_value="25"),
            ],
        ),
        duration=3000,
        background=_image(pb, "https://p16-webcast.tiktokcdn.com/barrage_bg.png"),
        common_barrage_content=pb.Text(key="ignored_common_barrage_key", default_pattern="ignored"),
        user_grade_param=pb.BarrageUserGradeParam(
            current_grade=25, display_config=1, user_id=str(ALICE_ID), user=_alice(pb)
        ),
    )
    expected = {
        "type": "barrage",
        "msgId": 7380000000000015001,
        "createTime": 1717000001600,
        "barrageType": 8,
        "textKey": "pm_mt_grade_upgrade",
        "text": "{0:user} reached level {1:string}",
        "duration": 3000,
        "user": ALICE,
        "level": 25,
    }
    return "WebcastBarrageMessage", msg, expected


@golden("goal")
def _goal(pb: ModuleType) -> Case:
    msg = pb.WebcastGoalUpdateMessage(
        common=_common(pb, "WebcastGoalUpdateMessage", 7380000000000016001, 1717000001700),
        contributor_id=ALICE_ID,
        contributor_avatar=_image(pb, "https://p16-sign.tiktokcdn.com/alice.plays~100x100.webp"),
        contributor_display_id="alice.plays",
        contribute_subgoal=pb.LiveStreamSubGoal(
            type=1,
            id=9001,
            progress=57,
            target=100,
            gift=pb.LiveStreamSubGoalGift(
                name="Rose",
                icon=_image(pb, "https://p19-webcast.tiktokcdn.com/icon/5655.png"),
                diamond_count=1,
                type=1,
            ),
            id_str="9001",
        ),
        contribute_count=5,
        contribute_score=5,
        gift_repeat_count=5,
        contributor_id_str=str(ALICE_ID),
        pin=True,
    )
    expected = {
        "type": "goal",
        "msgId": 7380000000000016001,
        "createTime": 1717000001700,
        "contributorId": 7001000000000000001,
        "contributorUniqueId": "alice.plays",
        "contributeCount": 5,
        "contributeScore": 5,
        "goalType": 1,
        "progress": 57,
        "target": 100,
        "giftName": "Rose",
    }
    return "WebcastGoalUpdateMessage", msg, expected


@golden("rank")
def _rank(pb: ModuleType) -> Case:
    msg = pb.WebcastRankUpdateMessage(
        common=_common(pb, "WebcastRankUpdateMessage", 7380000000000017001, 1717000001800),
        updates=[
            pb.RankUpdate(
                rank_type=8,
                owner_rank=12,
                default_content=pb.Text(key="live_rank_hourly", default_pattern="Hourly rank #12"),
                show_entrance_animation=True,
                countdown=1800,
            ),
            pb.RankUpdate(rank_type=11, owner_rank=0, countdown=-1),
        ],
        group_type=1,
        priority=5,
    )
    expected = {
        "type": "rank",
        "msgId": 7380000000000017001,
        "createTime": 1717000001800,
        "ranks": [{"rankType": 8, "rank": 12}, {"rankType": 11}],
        "groupType": 1,
    }
    return "WebcastRankUpdateMessage", msg, expected


@golden("poll")
def _poll(pb: ModuleType) -> Case:
    msg = pb.WebcastPollMessage(
        common=_common(pb, "WebcastPollMessage", 7380000000000018001, 1717000001900),
        message_type=2,
        poll_id=7383000000000000001,
        poll_kind=1,
        poll_basic_info=pb.PollBasicInfo(
            poll_sponsor="streamer.fr",
            gift_id=5655,
            title="Next map?",
            is_suggested_question=True,
            user_cnt=42,
            gift=_gift(pb, 5655, "Rose", 1, 1),
            poll_id_str="7383000000000000001",
            poll_duration=120,
            time_remain=75,
        ),
    )
    expected = {
        "type": "poll",
        "msgId": 7380000000000018001,
        "createTime": 1717000001900,
        "pollId": 7383000000000000001,
        "pollAction": 2,
        "pollKind": 1,
        "title": "Next map?",
        "giftId": 5655,
        "voterCount": 42,
        "duration": 120,
        "timeRemain": 75,
    }
    return "WebcastPollMessage", msg, expected


@golden("poll_start")
def _poll_start(pb: ModuleType) -> Case:
    msg = pb.WebcastPollMessage(
        common=_common(pb, "WebcastPollMessage", 7380000000000018002, 1717000001901),
        poll_id=7383000000000000002,
        poll_kind=2,
        start_content=pb.PollStartContent(
            start_time=1717000001000,
            end_time=1717000061000,
            option_list=[
                pb.PollOptionInfo(votes=0, display_content="Dust 2 🏜️", option_idx=0),
                pb.PollOptionInfo(votes=1, display_content="Mirage", option_idx=1),
            ],
            title="Next map?",
            operator=_host(pb),
        ),
    )
    expected = {
        "type": "poll",
        "msgId": 7380000000000018002,
        "createTime": 1717000001901,
        "pollId": 7383000000000000002,
        "pollKind": 2,
        "title": "Next map?",
        "startTime": 1717000001000,
        "endTime": 1717000061000,
        "options": [{"text": "Dust 2 🏜️"}, {"index": 1, "text": "Mirage", "votes": 1}],
    }
    return "WebcastPollMessage", msg, expected


@golden("poll_end")
def _poll_end(pb: ModuleType) -> Case:
    msg = pb.WebcastPollMessage(
        common=_common(pb, "WebcastPollMessage", 7380000000000018003, 1717000001902),
        message_type=1,
        poll_id=7383000000000000002,
        end_content=pb.PollEndContent(
            end_type=3,
            option_list=[
                pb.PollOptionInfo(votes=12, display_content="Dust 2 🏜️", option_idx=0),
                pb.PollOptionInfo(votes=11, display_content="Mirage", option_idx=1),
            ],
            operator=_host(pb),
        ),
    )
    expected = {
        "type": "poll",
        "msgId": 7380000000000018003,
        "createTime": 1717000001902,
        "pollId": 7383000000000000002,
        "pollAction": 1,
        "options": [{"text": "Dust 2 🏜️", "votes": 12}, {"index": 1, "text": "Mirage", "votes": 11}],
        "endType": 3,
    }
    return "WebcastPollMessage", msg, expected


@golden("co_host_score")
def _co_host_score(pb: ModuleType) -> Case:
    msg = pb.WebcastLinkMicFanTicketMethod(
        common=_common(pb, "WebcastLinkMicFanTicketMethod", 7380000000000021001, 1717000002100),
        fan_ticket_room_notice=pb.FanTicketRoomNoticeContent(
            user_fan_ticket=[
                pb.UserFanTicket(user_id=HOST_ID, fan_ticket=1500, match_total_score=1500, match_rank=1),
                pb.UserFanTicket(user_id=RIVAL_ID, fan_ticket=-1, match_total_score=0, match_rank=2),
            ],
            total_linkmic_fan_ticket=1499,
            match_id=7350000000000000001,
            event_time=1717000002099,
            fan_ticket_icon_url="https://p16-webcast.tiktokcdn.com/fan_ticket.png",
        ),
    )
    expected = {
        "type": "coHostScore",
        "msgId": 7380000000000021001,
        "createTime": 1717000002100,
        "hosts": [
            {"userId": HOST_ID, "score": 1500, "totalScore": 1500, "rank": 1},
            {"userId": RIVAL_ID, "score": -1, "rank": 2},
        ],
        "total": 1499,
        "matchId": 7350000000000000001,
    }
    return "WebcastLinkMicFanTicketMethod", msg, expected


@golden("link_mic_method")
def _link_mic_method(pb: ModuleType) -> Case:
    msg = pb.WebcastLinkMicMethod(
        common=_common(pb, "LinkMicMethod", 7380000000000021002, 1717000002101),
        message_type=8,
        access_key="ak",
        user_id=HOST_ID,
        fan_ticket=1520,
        total_linkmic_fan_ticket=1640,
        channel_id=7390000000000000001,
        layout=2,
        vendor=1,
        scene=2,
    )
    expected = {
        "type": "coHostScore",
        "msgId": 7380000000000021002,
        "createTime": 1717000002101,
        "total": 1640,
        "userId": HOST_ID,
        "score": 1520,
        "messageType": 8,
        "channelId": 7390000000000000001,
    }
    return "LinkMicMethod", msg, expected


@golden("battle_punish")
def _battle_punish(pb: ModuleType) -> Case:
    msg = pb.WebcastLinkMicBattlePunishFinish(
        common=_common(pb, "WebcastLinkMicBattlePunishFinish", 7380000000000022001, 1717000002200),
        channel_id=7390000000000000001,
        op_uid=HOST_ID,
        reason=1,
        battle_id=7350000000000000001,
        battle_settings=pb.BattleSetting(battle_id=7350000000000000001, status=4, duration=300),
    )
    expected = {
        "type": "battlePunish",
        "msgId": 7380000000000022001,
        "createTime": 1717000002200,
        "battleId": 7350000000000000001,
        "reason": 1,
        "status": 4,
        "channelId": 7390000000000000001,
        "operatorId": HOST_ID,
    }
    return "WebcastLinkMicBattlePunishFinish", msg, expected


@golden("battle_card")
def _battle_card(pb: ModuleType) -> Case:
    msg = pb.WebcastLinkMicBattleItemCard(
        common=_common(pb, "WebcastLinkMicBattleItemCard", 7380000000000022002, 1717000002201),
        battle_id=7350000000000000001,
        msg_type=2,
        use_critical_strike_card=pb.UseCriticalStrikeCard(
            card_info=pb.CriticalStrikeCardInfo(
                card_name_key="pm_mt_critical_strike",
                send_time_sec=1717000002,
                effect_last_duration=20,
                multiple=2,
                to_anchor_id=RIVAL_ID,
            ),
            anchor_id=HOST_ID,
            display_content=pb.Text(key="pm_mt_card_used", default_pattern="{0:user} used a card"),
        ),
    )
    expected = {
        "type": "battleCard",
        "msgId": 7380000000000022002,
        "createTime": 1717000002201,
        "battleId": 7350000000000000001,
        "cardType": 2,
        "anchorId": HOST_ID,
        "toAnchorId": RIVAL_ID,
        "multiple": 2,
        "duration": 20,
    }
    return "WebcastLinkMicBattleItemCard", msg, expected


@golden("battle_card_award")
def _battle_card_award(pb: ModuleType) -> Case:
    msg = pb.WebcastLinkMicBattleItemCard(
        common=_common(pb, "WebcastLinkMicBattleItemCard", 7380000000000022003, 1717000002202),
        battle_id=7350000000000000001,
        msg_type=4,
        award_card_notice=pb.AwardCardNotice(
            display_content=pb.Text(key="pm_mt_card_award"),
            awarded_users=[
                pb.BattleUserInfo(
                    user=pb.BattleBaseUserInfo(
                        user_id=ALICE_ID,
                        nick_name="Alice ✨",
                        avatar_thumb=_image(pb, "https://a"),
                        display_id="alice.plays",
                    )
                ),
                pb.BattleUserInfo(),
            ],
        ),
        award_reason=3,
    )
    expected = {
        "type": "battleCard",
        "msgId": 7380000000000022003,
        "createTime": 1717000002202,
        "battleId": 7350000000000000001,
        "cardType": 4,
        "awarded": [{"id": ALICE_ID, "uniqueId": "alice.plays", "nickname": "Alice ✨"}, {}],
        "awardReason": 3,
    }
    return "WebcastLinkMicBattleItemCard", msg, expected


@golden("co_host")
def _co_host(pb: ModuleType) -> Case:
    msg = pb.WebcastLinkLayerMessage(
        common=_common(pb, "WebcastLinkLayerMessage", 7380000000000023001, 1717000002300),
        message_type=12,
        channel_id=7390000000000000001,
        scene=2,
        list_change_content=pb.LinkListChangeContent(
            list=pb.AllListUser(
                linked_list=[pb.LinkLayerListUser(user=pb.LinkPlayer(room_id=ROOM_ID, user_id=HOST_ID))],
                applied_list=[pb.LinkLayerListUser(user=pb.LinkPlayer(user_id=GUEST_ID))],
            )
        ),
        business_content=pb.BusinessContent(
            cohost_content=pb.CohostContent(
                list_change_biz_content=pb.ListChangeBizContent(
                    user_infos=[
                        pb.CohostUserInfoEntry(
                            key=HOST_ID,
                            value=pb.CohostUserInfo(nickname="Le Streamer", display_id="streamer.fr"),
                        )
                    ]
                )
            )
        ),
    )
    expected = {
        "type": "coHost",
        "msgId": 7380000000000023001,
        "createTime": 1717000002300,
        "layerAction": 12,
        "scene": 2,
        "channelId": 7390000000000000001,
        "linked": [{"id": HOST_ID, "roomId": ROOM_ID}],
        "users": [{"id": HOST_ID, "uniqueId": "streamer.fr", "nickname": "Le Streamer"}],
    }
    return "WebcastLinkLayerMessage", msg, expected


@golden("co_host_linker")
def _co_host_linker(pb: ModuleType) -> Case:
    msg = pb.WebcastLinkMessage(
        common=_common(pb, "WebcastLinkMessage", 7380000000000023002, 1717000002301),
        message_type=21,
        linker_id=42,
        scene=4,
        list_change_content=pb.LinkerListChangeContent(
            linked_users=[pb.LinkListUser(user=_alice(pb))], applied_users=[pb.LinkListUser(user=_bob(pb))]
        ),
        cohost_list_change_content=pb.CohostListChangeContent(
            users=[
                pb.CohostListUser(
                    user_id=RIVAL_ID, nick_name="Rival", room_id=ROOM_ID + 5, display_id="rival"
                )
            ]
        ),
        extra="{}",
    )
    expected = {
        "type": "coHost",
        "msgId": 7380000000000023002,
        "createTime": 1717000002301,
        "linkAction": 21,
        "scene": 4,
        "linkerId": 42,
        "users": [{"id": RIVAL_ID, "uniqueId": "rival", "nickname": "Rival", "roomId": ROOM_ID + 5}],
        "linkedUsers": [{"user": ALICE}],
    }
    return "WebcastLinkMessage", msg, expected


@golden("battle_task_start")
def _battle_task_start(pb: ModuleType) -> Case:
    msg = pb.WebcastLinkmicBattleTaskMessage(
        common=_common(pb, "WebcastLinkmicBattleTaskMessage", 7380000000000024001, 1717000002400),
        start=pb.BattleTaskStart(
            config=pb.BattleBonusConfig(
                preview_start_time=190,
                target_config=pb.BattleTaskTarget(target_start_time=180, duration=30, progress_target=7),
                reward_config=pb.BattleTaskReward(reward_start_time=150, duration=30, reward_multiple=2),
            )
        ),
        battle_id=7350000000000000001,
    )
    expected = {
        "type": "battleTask",
        "msgId": 7380000000000024001,
        "createTime": 1717000002400,
        "battleId": 7350000000000000001,
        "target": 7,
        "duration": 30,
        "rewardMultiple": 2,
    }
    return "WebcastLinkmicBattleTaskMessage", msg, expected


@golden("battle_task_update")
def _battle_task_update(pb: ModuleType) -> Case:
    msg = pb.WebcastLinkmicBattleTaskMessage(
        common=_common(pb, "WebcastLinkmicBattleTaskMessage", 7380000000000024002, 1717000002401),
        task_message_type=1,
        task_update=pb.BattleTaskUpdate(
            progress=4, from_user_id=ALICE_ID, prompt_key="pm_mt_match_speedchallenge"
        ),
        battle_id=7350000000000000001,
    )
    expected = {
        "type": "battleTask",
        "msgId": 7380000000000024002,
        "createTime": 1717000002401,
        "battleId": 7350000000000000001,
        "taskType": 1,
        "progress": 4,
        "fromUserId": ALICE_ID,
    }
    return "WebcastLinkmicBattleTaskMessage", msg, expected


@golden("rank_text")
def _rank_text(pb: ModuleType) -> Case:
    msg = pb.WebcastRankTextMessage(
        common=_common(
            pb, "WebcastRankTextMessage", 7380000000000025001, 1717000002500, key="pm_mt_topviewer_comment"
        ),
        scene=1,
        owner_idx_before_update=4,
        owner_idx_after_update=3,
        other_get_badge_msg=pb.Text(key="pm_mt_topviewer_badge"),
        cur_user_id=ALICE_ID,
    )
    expected = {
        "type": "rankText",
        "msgId": 7380000000000025001,
        "createTime": 1717000002500,
        "scene": 1,
        "rankBefore": 4,
        "rankAfter": 3,
        "userId": ALICE_ID,
    }
    return "WebcastRankTextMessage", msg, expected


PIECES = [
    {"kind": 11, "user": {"id": 1, "uniqueId": "piece.user", "nickname": "piece user"}},
    {"kind": 1, "text": "did something"},
]
"""The pieces of every ``_common`` display text."""


def _text_of(key: str) -> Event:
    """What an event whose common block is read (``common // => *``) gets from ``_common``."""
    return {"text": "{0:user} did something", "textKey": key, "pieces": PIECES}


@golden("battle_notice")
def _battle_notice(pb: ModuleType) -> Case:
    msg = pb.WebcastLinkmicBattleNoticeMessage(
        common=_common(pb, "WebcastLinkmicBattleNoticeMessage", 7380000000000026001, 1717000002600),
        notice_type=4,
        battle_rule_guide=pb.BattleNoticeRuleGuide(
            content=pb.BattleNoticeText(text="LIVE Match: the side with more points wins"),
            button_content=pb.BattleNoticeText(text="Learn more"),
            rule_url="https://www.tiktok.com/live/match/rules",
            except_anchor=True,
            button_content_text=pb.Text(key="pm_mt_learn_more", default_pattern="Learn more"),
        ),
    )
    expected = {
        "type": "battleNotice",
        "msgId": 7380000000000026001,
        "createTime": 1717000002600,
        "noticeType": 4,
        "text": "LIVE Match: the side with more points wins",
        "ruleUrl": "https://www.tiktok.com/live/match/rules",
    }
    return "WebcastLinkmicBattleNoticeMessage", msg, expected


@golden("battle_notice_rule_text")
def _battle_notice_rule_text(pb: ModuleType) -> Case:
    # newer clients send the rule text as a template (5) instead of the plain text (1)
    msg = pb.WebcastLinkmicBattleNoticeMessage(
        common=_common(pb, "WebcastLinkmicBattleNoticeMessage", 7380000000000026003, 1717000002600),
        notice_type=4,
        battle_rule_guide=pb.BattleNoticeRuleGuide(
            content_text=pb.Text(key="pm_mt_match_rule", default_pattern="The side with more points wins"),
            rule_url="https://www.tiktok.com/live/match/rules",
        ),
    )
    expected = {
        "type": "battleNotice",
        "msgId": 7380000000000026003,
        "createTime": 1717000002600,
        "noticeType": 4,
        "text": "The side with more points wins",
        "ruleUrl": "https://www.tiktok.com/live/match/rules",
        "textKey": "pm_mt_match_rule",
    }
    return "WebcastLinkmicBattleNoticeMessage", msg, expected


@golden("battle_notice_common_guide")
def _battle_notice_common_guide(pb: ModuleType) -> Case:
    text = _common(pb, "x", 0, 0).display_text
    msg = pb.WebcastLinkmicBattleNoticeMessage(
        common=_common(pb, "WebcastLinkmicBattleNoticeMessage", 7380000000000026002, 1717000002600),
        notice_type=6,
        common_guide=pb.BattleNoticeCommonGuide(display_text=text, except_anchor=True),
    )
    expected = {
        "type": "battleNotice",
        "msgId": 7380000000000026002,
        "createTime": 1717000002600,
        "noticeType": 6,
        "text": "{0:user} did something",
        "pieces": PIECES,
    }
    return "WebcastLinkmicBattleNoticeMessage", msg, expected


@golden("room_message")
def _room_message(pb: ModuleType) -> Case:
    msg = pb.WebcastRoomMessage(
        common=_common(pb, "SystemMessage", 7380000000000026101, 1717000002610, key="live_room_notice"),
        content="Welcome to the LIVE!",
        support_landscape=True,
        source=1,
        icon=_image(pb, "https://p16-webcast.tiktokcdn.com/icon/welcome.png"),
        scene="live_room_welcome",
        is_welcome=True,
        show_duration_ms=5000,
        sub_scene="first_enter",
    )
    expected = {
        "type": "roomMessage",
        "msgId": 7380000000000026101,
        "createTime": 1717000002610,
        "content": "Welcome to the LIVE!",
        "scene": "live_room_welcome",
        "welcome": True,
        "durationMs": 5000,
        **_text_of("live_room_notice"),
    }
    return "WebcastRoomMessage", msg, expected


@golden("system_message")
def _system_message(pb: ModuleType) -> Case:
    msg = pb.WebcastSystemMessage(
        common=_common(pb, "WebcastSystemMessage", 7380000000000026201, 1717000002620, key="live_system"),
        message="Comments are limited to followers.",
    )
    expected = {
        "type": "systemMessage",
        "msgId": 7380000000000026201,
        "createTime": 1717000002620,
        "content": "Comments are limited to followers.",
        **_text_of("live_system"),
    }
    return "WebcastSystemMessage", msg, expected


def _broadcast_text(pb: ModuleType) -> Any:
    return pb.Text(
        key="pm_mt_live_gift_platform_announcement",
        default_pattern="{0:user} sent {1:gift} to {2:user}",
        pieces=[
            pb.TextPiece(type=11, user_value=pb.TextPieceUser(user=_alice(pb))),
            pb.TextPiece(
                type=12,
                gift_value=pb.TextPieceGift(
                    gift_id=7934, name_ref=pb.PatternRef(key="pm_mt_gift_7934", default_pattern="Galaxy")
                ),
            ),
            pb.TextPiece(type=11, user_value=pb.TextPieceUser(user=_host(pb), with_colon=True)),
        ],
    )


BROADCAST: Event = {
    "text": "{0:user} sent {1:gift} to {2:user}",
    "textKey": "pm_mt_live_gift_platform_announcement",
    "pieces": [
        {"kind": 11, "user": ALICE},
        {"kind": 12, "giftId": 7934, "giftName": "Galaxy"},
        {"kind": 11, "user": HOST},
    ],
}


def _notify(pb: ModuleType, msg_id: int, user: Any = None) -> Any:
    common = _common(pb, "WebcastRoomNotifyMessage", msg_id, 1717000002630)
    common.display_text.CopyFrom(_broadcast_text(pb))
    return pb.WebcastRoomNotifyMessage(
        common=common,
        schema="sslocal://webcast_gift_dialog?gift_id=7934",
        notify_type=3,
        user=user,
        notify_class=1,
        flex_setting=[1, 2],
        source="gift_broadcast",
        from_user_id=ALICE_ID,
        to_anchor_id=HOST_ID,
    )


@golden("room_notify")
def _room_notify(pb: ModuleType) -> Case:
    msg = _notify(pb, 7380000000000026301, _alice(pb))
    msg.content = "Alice sent Galaxy"
    expected = {
        "type": "roomNotify",
        "msgId": 7380000000000026301,
        "createTime": 1717000002630,
        "notifyType": 3,
        "content": "Alice sent Galaxy",
        "user": ALICE,
        "source": "gift_broadcast",
        "fromUserId": ALICE_ID,
        "toAnchorId": HOST_ID,
        **BROADCAST,
    }
    return "WebcastRoomNotifyMessage", msg, expected


@golden("gift_broadcast")
def _gift_broadcast(pb: ModuleType) -> Case:
    msg = pb.WebcastGiftBroadcastMessage(
        common=_common(pb, "WebcastGiftBroadcastMessage", 7380000000000026401, 1717000002640),
        from_user_id=ALICE_ID,
        left_icon=_image(pb, "https://p16-webcast.tiktokcdn.com/icon/broadcast.png"),
        notify=_notify(pb, 7380000000000026402),
    )
    expected = {
        "type": "giftBroadcast",
        "msgId": 7380000000000026401,
        "createTime": 1717000002640,
        "fromUserId": ALICE_ID,
        "notifyType": 3,
        "source": "gift_broadcast",
        "toAnchorId": HOST_ID,
        **BROADCAST,
    }
    return "WebcastGiftBroadcastMessage", msg, expected


@golden("hourly_rank")
def _hourly_rank(pb: ModuleType) -> Case:
    msg = pb.WebcastHourlyRankMessage(
        common=_common(pb, "WebcastHourlyRankMessage", 7380000000000026501, 1717000002650),
        data=pb.HourlyRankContainer(
            kind=1,
            rankings=pb.Text(
                key="pm_mt_Live_WR",
                default_pattern="Weekly ranking",
                default_format=pb.TextFormat(color="#ffffffff", weight=400),
            ),
        ),
        extra=1,
    )
    expected = {
        "type": "hourlyRank",
        "msgId": 7380000000000026501,
        "createTime": 1717000002650,
        "text": "Weekly ranking",
        "textKey": "pm_mt_Live_WR",
    }
    return "WebcastHourlyRankMessage", msg, expected


@golden("sub_pin")
def _sub_pin(pb: ModuleType) -> Case:
    msg = pb.WebcastSubPinEventMessage(
        common=_common(pb, "WebcastSubPinEventMessage", 7380000000000026601, 1717000002660),
        action_type=1,
        card=pb.SubPinCard(
            time_to_live=300,
            title=pb.SubPinCardText(type=1, content="Subscriber goal"),
            desc=pb.SubPinCardText(type=1, content="50 subs for a boss fight"),
            image=_image(pb, "https://p16-webcast.tiktokcdn.com/pin.png"),
            type=2,
            id=7420000000000000001,
        ),
        operator_user_id=HOST_ID,
    )
    expected = {
        "type": "subPin",
        "msgId": 7380000000000026601,
        "createTime": 1717000002660,
        "action": 1,
        "cardType": 2,
        "cardId": 7420000000000000001,
        "title": "Subscriber goal",
        "operatorId": HOST_ID,
    }
    return "WebcastSubPinEventMessage", msg, expected


@golden("bottom_message")
def _bottom_message(pb: ModuleType) -> Case:
    msg = pb.WebcastBottomMessage(
        common=_common(pb, "WebcastBottomMessage", 7380000000000026701, 1717000002670, key="live_bottom"),
        content="Keep it friendly",
        show_type=1,
        text_type=1,
        duration=5,
        biz_type=3,
        violation_user_id=BOB_ID,
    )
    expected = {
        "type": "bottomMessage",
        "msgId": 7380000000000026701,
        "createTime": 1717000002670,
        "content": "Keep it friendly",
        "textType": 1,
        "duration": 5,
        "bizType": 3,
        "violationUserId": BOB_ID,
        **_text_of("live_bottom"),
    }
    return "WebcastBottomMessage", msg, expected


@golden("unauthorized_member")
def _unauthorized_member(pb: ModuleType) -> Case:
    msg = pb.WebcastUnauthorizedMemberMessage(
        common=_common(pb, "WebcastUnauthorizedMemberMessage", 7380000000000026801, 1717000002680),
        action=1,
        nick_name_prefix=pb.Text(key="web_nonlogin_im_1", default_pattern="Viewer"),
        nick_name="483920",
        enter_text=pb.Text(key="live_room_enter_toast", default_pattern="{0:user} joined"),
    )
    expected = {
        "type": "unauthorizedMember",
        "msgId": 7380000000000026801,
        "createTime": 1717000002680,
        "action": 1,
        "nickname": "483920",
        "text": "{0:user} joined",
        "textKey": "live_room_enter_toast",
    }
    return "WebcastUnauthorizedMemberMessage", msg, expected


@golden("access_recall")
def _access_recall(pb: ModuleType) -> Case:
    msg = pb.WebcastAccessRecallMessage(
        common=_common(pb, "WebcastAccessRecallMessage", 7380000000000026901, 1717000002690),
        status=1,
        duration=600,
        end_time=1717000600,
        scene="live_gift",
        notice=pb.Text(key="live_access_recall", default_pattern="Gifts are paused"),
        content=pb.Text(key="live_access_recall_content", default_pattern="For 10 minutes"),
    )
    expected = {
        "type": "accessRecall",
        "msgId": 7380000000000026901,
        "createTime": 1717000002690,
        "status": 1,
        "duration": 600,
        "endTime": 1717000600,
        "scene": "live_gift",
        "text": "Gifts are paused",
        "textKey": "live_access_recall",
    }
    return "WebcastAccessRecallMessage", msg, expected


BANNER_JSON = '{"banner_type":1,"data":{"title":"Weekly ranking ⭐","url":"https://www.tiktok.com/"}}'


@golden("banner")
def _banner(pb: ModuleType) -> Case:
    msg = pb.WebcastInRoomBannerMessage(
        common=_common(pb, "WebcastInRoomBannerMessage", 7380000000000019001, 1717000002000),
        json_data=BANNER_JSON,
    )
    expected = {
        "type": "banner",
        "msgId": 7380000000000019001,
        "createTime": 1717000002000,
        "data": '{"banner_type":1,"data":{"title":"Weekly ranking ⭐","url":"https://www.tiktok.com/"}}',
    }
    return "WebcastInRoomBannerMessage", msg, expected


@golden("im_delete")
def _im_delete(pb: ModuleType) -> Case:
    msg = pb.WebcastImDeleteMessage(
        common=_common(pb, "WebcastImDeleteMessage", 7380000000000020001, 1717000002100),
        delete_msg_ids=[7380000000000001001, 7380000000000001002, 1],
        delete_user_ids=[ALICE_ID],
    )
    expected = {
        "type": "imDelete",
        "msgId": 7380000000000020001,
        "createTime": 1717000002100,
        "msgIds": [7380000000000001001, 7380000000000001002, 1],
        "userIds": [7001000000000000001],
    }
    return "WebcastImDeleteMessage", msg, expected


def _control_message(pb: ModuleType, msg_id: int, action: int, tips: str) -> Any:
    return pb.WebcastControlMessage(
        common=_common(pb, "WebcastControlMessage", msg_id, 1717000002200), action=action, tips=tips
    )


@golden("control_paused")
def _control_paused(pb: ModuleType) -> Case:
    expected = {"type": "control", "msgId": 7380000000000021001, "createTime": 1717000002200, "action": 1}
    return (
        "WebcastControlMessage",
        _control_message(pb, 7380000000000021001, 1, "The LIVE is paused"),
        expected,
    )


@golden("control_resumed")
def _control_resumed(pb: ModuleType) -> Case:
    expected = {"type": "control", "msgId": 7380000000000021002, "createTime": 1717000002200, "action": 2}
    return "WebcastControlMessage", _control_message(pb, 7380000000000021002, 2, "Back!"), expected


@golden("stream_end_ended")
def _stream_ended(pb: ModuleType) -> Case:
    expected = {"type": "streamEnd", "msgId": 7380000000000021003, "createTime": 1717000002200, "action": 3}
    return "WebcastControlMessage", _control_message(pb, 7380000000000021003, 3, "LIVE has ended"), expected


@golden("stream_end_suspended")
def _stream_suspended(pb: ModuleType) -> Case:
    expected = {"type": "streamEnd", "msgId": 7380000000000021004, "createTime": 1717000002200, "action": 4}
    return "WebcastControlMessage", _control_message(pb, 7380000000000021004, 4, "LIVE suspended"), expected


# ---------------------------------------------------------------- message-level tests


def test_every_event_type_has_a_golden_case(pb: ModuleType) -> None:
    covered = {build(pb)[2]["type"] for build in GOLDEN.values()} | {"unknown"}
    upstream = {name for name, event in EVENTS_BY_NAME.items() if event.methods} | {"unknown"}
    assert covered == upstream


_MAP_LISTS = {"battle": {"results": "userId", "anchors": "id"}, "battleArmies": {"teams": "anchorId"}}


def _unordered_maps(event: Event | None) -> Event | None:
    """Sort the lists that come from protobuf maps, whose wire order is unspecified.

    protoc (upb) writes map entries in an order of its own even with deterministic
    serialization, so the expected lists are written sorted by key.
    """
    if event is None or event.get("type") not in _MAP_LISTS:
        return event
    out = dict(event)
    for name, key in _MAP_LISTS[event["type"]].items():
        if name in out:
            out[name] = sorted(out[name], key=lambda item: item.get(key, 0))
    return out


@pytest.mark.parametrize("prefixed", [True, False], ids=["Webcast", "no-prefix"])
@pytest.mark.parametrize("case", list(GOLDEN))
def test_golden_message(impl: ModuleType, pb: ModuleType, case: str, prefixed: bool) -> None:
    method, msg, expected = GOLDEN[case](pb)
    if not prefixed:
        method = method.removeprefix("Webcast")
    event = impl.decode_message(method, _ser(msg))
    assert _unordered_maps(event) == expected
    assert validate(event) == []


def _is_map(fd: Any) -> bool:
    return fd.message_type is not None and fd.message_type.GetOptions().map_entry


def _scrambled(msg: Any) -> bytes:
    """``msg`` with its fields in reverse order and repeated elements interleaved.

    Each chunk is a protoc serialization of a copy holding one field (or one
    element of a repeated field); protobuf parses concatenated messages as their
    merge, which the test checks with protoc itself.
    """
    columns: list[list[bytes]] = []
    for fd, value in msg.ListFields():
        count = len(value) if fd.is_repeated and not _is_map(fd) else 1
        column = []
        for i in range(count):
            part = type(msg)()
            part.CopyFrom(msg)
            for other, _ in msg.ListFields():
                if other is not fd:
                    part.ClearField(other.name)
            if fd.is_repeated and not _is_map(fd):
                items = getattr(part, fd.name)
                del items[i + 1 :]
                del items[:i]
            column.append(_ser(part))
        columns.append(column)
    columns.reverse()
    chunks: list[bytes] = []
    while any(columns):
        for column in columns:
            if column:
                chunks.append(column.pop(0))
    return b"".join(chunks)


@pytest.mark.parametrize("case", list(GOLDEN))
def test_golden_message_out_of_order(impl: ModuleType, pb: ModuleType, case: str) -> None:
    method, msg, expected = GOLDEN[case](pb)
    data = _scrambled(msg)
    assert data != _ser(msg)
    assert type(msg).FromString(data) == msg  # protoc agrees it is the same message
    assert _unordered_maps(impl.decode_message(method, data)) == expected


def _struct_order(value: Any, type_: str, where: str) -> list[str]:
    if type_.startswith("["):
        problems = []
        for i, item in enumerate(value):
            problems += _struct_order(item, type_[1:-1], f"{where}[{i}]")
        return problems
    if type_ == "event":
        return _key_order(value, where)
    struct = next((s for s in STRUCTS if s.name == type_), None)
    if struct is None:
        return []
    order = [f.name for f in struct.fields]
    problems = [] if list(value) == sorted(value, key=order.index) else [f"{where}: {list(value)}"]
    for f in struct.fields:
        if f.name in value:
            problems += _struct_order(value[f.name], f.type, f"{where}.{f.name}")
    return problems


def _key_order(event: Event, where: str = "event") -> list[str]:
    spec = EVENTS_BY_NAME[event["type"]]
    order = [f.name for f in ENVELOPE] + [f.name for f in spec.fields]
    problems = [] if list(event) == sorted(event, key=order.index) else [f"{where}: {list(event)}"]
    for f in spec.fields:
        if f.name in event:
            problems += _struct_order(event[f.name], f.type, f"{where}.{f.name}")
    return problems


@pytest.mark.parametrize("case", list(GOLDEN))
def test_golden_key_order(impl: ModuleType, pb: ModuleType, case: str) -> None:
    """Maps come out in the contract's key order (``_pure``'s documented behaviour)."""
    method, msg, _ = GOLDEN[case](pb)
    assert _key_order(impl.decode_message(method, _ser(msg))) == []


def test_im_delete_unpacked_ids(impl: ModuleType, pb: ModuleType) -> None:
    method, msg, expected = GOLDEN["im_delete"](pb)
    packed = _ser(msg)
    # the same message by hand: ids unpacked (one varint field each), interleaved
    # with the other repeated field and with the common struct last
    unpacked = b"".join(
        [
            w.int_field(2, 7380000000000001001),
            w.int_field(3, ALICE_ID),
            w.int_field(2, 7380000000000001002),
            w.int_field(2, 1),
            w.bytes_field(1, _ser(msg.common)),
        ]
    )
    assert _ser(pb.WebcastImDeleteMessage(delete_msg_ids=[1, 300])) == b"\x12\x03\x01\xac\x02"  # packed
    assert pb.WebcastImDeleteMessage.FromString(unpacked) == msg
    assert impl.decode_message(method, unpacked) == impl.decode_message(method, packed) == expected
    # mixed: one packed run and one unpacked id for the same field
    mixed = w.packed_field(2, [7380000000000001001, 7380000000000001002]) + w.int_field(2, 1)
    assert impl.decode_message(method, mixed) == {
        "type": "imDelete",
        "msgIds": [7380000000000001001, 7380000000000001002, 1],
    }


# Serialized pb.CommonMessageData(method="WebcastToastMessage", msg_id=9, create_time=1)
UNKNOWN_PAYLOAD = b"\n\x13WebcastToastMessage\x10\t \x01"


def test_unknown_method(impl: ModuleType, pb: ModuleType) -> None:
    data = _ser(pb.CommonMessageData(method="WebcastToastMessage", msg_id=9, create_time=1))
    assert data == UNKNOWN_PAYLOAD
    assert impl.decode_message("WebcastToastMessage", data) == {
        "type": "unknown",
        "method": "WebcastToastMessage",
        "payload": b"\n\x13WebcastToastMessage\x10\t \x01",
    }
    assert impl.decode_message("ToastMessage", data) == {
        "type": "unknown",
        "method": "ToastMessage",
        "payload": b"\n\x13WebcastToastMessage\x10\t \x01",
    }


@pytest.mark.parametrize(
    "method", ["WebcastMsgDetectMessage", "MsgDetectMessage", "RoomStreamAdaptationMessage"]
)
def test_ignored_method(impl: ModuleType, pb: ModuleType, method: str) -> None:
    data = _ser(pb.WebcastControlMessage(common=_common(pb, method, 1, 2), action=3))
    assert impl.decode_message(method, data) is None


# ---------------------------------------------------------------- frame-level tests

CURSOR = "1717000000123_7380000000000000001_1_1_0_0"
INTERNAL_EXT = (
    "internal_src:dim|wss_push_room_id:7380000000000000001|wss_push_did:7300000000000000000"
    "|first_req_ms:1717000000000|fetch_time:1717000000123|seq:1|wss_info:0-1717000000123-0-0"
)
PUSH_SERVER = "wss://webcast16-ws-useast5.tiktok.com/webcast/im/push/v2/"
LOG_ID = 7380000000000123456

META = {
    "cursor": "1717000000123_7380000000000000001_1_1_0_0",
    "internal_ext": INTERNAL_EXT,
    "push_server": "wss://webcast16-ws-useast5.tiktok.com/webcast/im/push/v2/",
    "route_params": {"im-cursor": "1717000000123_7380000000000000001_1_1_0_0", "im-now": "1717000000123"},
    "heartbeat_duration": 10000,
    "fetch_interval": 1000,
    "now": 1717000000123,
    "need_ack": True,
    "is_first": True,
}


def _fetch_result(pb: ModuleType, messages: list[Any]) -> bytes:
    return _ser(
        pb.ProtoMessageFetchResult(
            messages=messages,
            cursor=CURSOR,
            fetch_interval=1000,
            now=1717000000123,
            internal_ext=INTERNAL_EXT,
            fetch_type=5,
            route_params={"im-cursor": CURSOR, "im-now": "1717000000123"},
            heartbeat_duration=10000,
            need_ack=True,
            push_server=PUSH_SERVER,
            is_first=True,
            history_comment_cursor="hc-1",
            history_no_more=True,
        )
    )


def _base(pb: ModuleType, method: str, payload: bytes, msg_id: int) -> Any:
    return pb.BaseProtoMessage(
        method=method, payload=payload, msg_id=msg_id, msg_type=1, offset=17, is_history=False, sample_flag=1
    )


def _push_frame(pb: ModuleType, payload: bytes, headers: dict[str, str], payload_type: str = "msg") -> bytes:
    return _ser(
        pb.WebcastPushFrame(
            seq_id=42,
            log_id=LOG_ID,
            service=88,
            method=99,
            headers=[pb.PushHeader(key=k, value=v) for k, v in headers.items()],
            payload_encoding="pb",
            payload_type=payload_type,
            payload=payload,
        )
    )


def _frame_view(frame: Any) -> dict[str, Any]:
    return {
        "seq_id": frame.seq_id,
        "log_id": frame.log_id,
        "payload_type": frame.payload_type,
        "payload_encoding": frame.payload_encoding,
        "headers": frame.headers,
        "payload": frame.payload,
    }


def _result_view(result: Any) -> dict[str, Any]:
    return {
        "cursor": result.cursor,
        "internal_ext": result.internal_ext,
        "push_server": result.push_server,
        "route_params": result.route_params,
        "heartbeat_duration": result.heartbeat_duration,
        "fetch_interval": result.fetch_interval,
        "now": result.now,
        "need_ack": result.need_ack,
        "is_first": result.is_first,
    }


def _main_messages(pb: ModuleType) -> list[Any]:
    _, chat, _ = GOLDEN["chat"](pb)
    like = pb.WebcastLikeMessage(
        common=pb.CommonMessageData(method="WebcastLikeMessage", create_time=1717000000500),  # no msg_id
        user=_bob(pb),
        count=2,
        total=48215,
    )
    _, end, _ = GOLDEN["stream_end_ended"](pb)
    return [
        _base(pb, "WebcastChatMessage", _ser(chat), 999),  # the common's msg_id wins
        _base(pb, "WebcastLikeMessage", _ser(like), 7380000000000009002),
        _base(pb, "WebcastMsgDetectMessage", b"\x08\x01", 7380000000000009003),
        _base(pb, "ToastMessage", UNKNOWN_PAYLOAD, 7380000000000009004),
        _base(pb, "ControlMessage", _ser(end), 7380000000000009005),
    ]


MAIN_EVENTS: list[Event] = [
    {
        "type": "chat",
        "msgId": 7380000000000001001,
        "createTime": 1717000000001,
        "user": ALICE,
        "comment": "hello [wave] world 🌹",
        "language": "en",
        "emotes": [
            {
                "id": "7180000000000000001",
                "url": "https://p16-webcast.tiktokcdn.com/emote/wave.png",
                "index": 6,
            },
            {"id": "7180000000000000002", "url": "https://p16-webcast.tiktokcdn.com/emote/heart.png"},
        ],
        "mentions": [CAROL],
    },
    {
        "type": "like",
        "msgId": 7380000000000009002,
        "createTime": 1717000000500,
        "user": BOB,
        "likeCount": 2,
        "totalLikes": 48215,
    },
    {
        "type": "unknown",
        "msgId": 7380000000000009004,
        "method": "ToastMessage",
        "payload": b"\n\x13WebcastToastMessage\x10\t \x01",
    },
    {"type": "streamEnd", "msgId": 7380000000000021003, "createTime": 1717000002200, "action": 3},
]


@pytest.mark.parametrize(
    "variant", ["gzip-header", "gzip-magic", "uncompressed"], ids=["gzip-header", "gzip-magic", "raw"]
)
def test_msg_frame(impl: ModuleType, pb: ModuleType, variant: str) -> None:
    body = _fetch_result(pb, _main_messages(pb))
    headers = {"im-cursor": CURSOR, "im-internal_ext": "internal_src:dim"}
    payload = body
    if variant != "uncompressed":
        payload = gzip.compress(body, mtime=0)
    if variant == "gzip-header":
        headers = {"compress_type": "gzip", **headers}
    frame = impl.decode_frame(_push_frame(pb, payload, headers))
    assert _frame_view(frame) == {
        "seq_id": 42,
        "log_id": 7380000000000123456,
        "payload_type": "msg",
        "payload_encoding": "pb",
        "headers": headers,
        "payload": payload,
    }
    assert frame.result is not None
    assert _result_view(frame.result) == META
    assert frame.result.events == MAIN_EVENTS
    assert frame.result.errors == []
    for event in frame.result.events:
        assert validate(event) == []
    assert _result_view(impl.decode_fetch_result(body)) == META
    assert impl.decode_fetch_result(body).events == MAIN_EVENTS


def test_hb_and_ack_frames(impl: ModuleType, pb: ModuleType) -> None:
    heartbeat = _ser(pb.HeartBeatMessage(room_id=ROOM_ID, send_packet_seq_id=3))
    frame = impl.decode_frame(
        _ser(pb.WebcastPushFrame(payload_encoding="pb", payload_type="hb", payload=heartbeat))
    )
    assert _frame_view(frame) == {
        "seq_id": 0,
        "log_id": 0,
        "payload_type": "hb",
        "payload_encoding": "pb",
        "headers": {},
        "payload": heartbeat,
    }
    assert frame.result is None

    ack = _push_frame(pb, INTERNAL_EXT.encode(), {"im-cursor": CURSOR}, payload_type="ack")
    frame = impl.decode_frame(ack)
    assert _frame_view(frame) == {
        "seq_id": 42,
        "log_id": 7380000000000123456,
        "payload_type": "ack",
        "payload_encoding": "pb",
        "headers": {"im-cursor": "1717000000123_7380000000000000001_1_1_0_0"},
        "payload": INTERNAL_EXT.encode(),
    }
    assert frame.result is None


def test_corrupt_inner_message_is_skipped(impl: ModuleType, pb: ModuleType) -> None:
    _, chat, _ = GOLDEN["chat"](pb)
    _, like, _ = GOLDEN["like"](pb)
    corrupt = _ser(chat)[:40] + b"\x1a\x7fab"  # comment field claims 127 bytes, has 2
    body = _fetch_result(
        pb,
        [
            _base(pb, "WebcastChatMessage", _ser(chat), 7380000000000001001),
            _base(pb, "WebcastChatMessage", corrupt, 7380000000000009102),
            _base(pb, "WebcastLikeMessage", _ser(like), 7380000000000003001),
        ],
    )
    frame = impl.decode_frame(_push_frame(pb, gzip.compress(body), {"compress_type": "gzip"}))
    assert frame.result is not None
    assert [(e["type"], e["msgId"]) for e in frame.result.events] == [
        ("chat", 7380000000000001001),
        ("like", 7380000000000003001),
    ]
    assert frame.result.events[1] == {
        "type": "like",
        "msgId": 7380000000000003001,
        "createTime": 1717000000300,
        "user": BOB,
        "likeCount": 15,
        "totalLikes": 48213,
    }
    assert [(e.method, e.msg_id) for e in frame.result.errors] == [
        ("WebcastChatMessage", 7380000000000009102)
    ]
    assert isinstance(frame.result.errors[0].reason, str) and frame.result.errors[0].reason
    assert _result_view(frame.result) == META


def test_ignored_method_frame(impl: ModuleType, pb: ModuleType) -> None:
    body = _fetch_result(
        pb,
        [
            _base(pb, "WebcastMsgDetectMessage", b"\x08\x01\x12\x00", 1),
            _base(pb, "MsgDetectMessage", b"", 2),
        ],
    )
    frame = impl.decode_frame(_push_frame(pb, gzip.compress(body), {"compress_type": "gzip"}))
    assert frame.result is not None
    assert frame.result.events == []
    assert frame.result.errors == []
    assert _result_view(frame.result) == META


# ---------------------------------------------------------------- reverse direction


def test_protowire_heartbeat_parses_with_protoc(impl: ModuleType, pb: ModuleType) -> None:
    heartbeat = w.int_field(1, ROOM_ID) + w.int_field(2, 7)
    parsed = pb.HeartBeatMessage.FromString(heartbeat)
    assert (parsed.room_id, parsed.send_packet_seq_id) == (7380000000000000001, 7)
    assert heartbeat == _ser(pb.HeartBeatMessage(room_id=ROOM_ID, send_packet_seq_id=7))

    frame = w.str_field(6, "pb") + w.str_field(7, "hb") + w.bytes_field(8, heartbeat)
    parsed_frame = pb.WebcastPushFrame.FromString(frame)
    assert (parsed_frame.payload_encoding, parsed_frame.payload_type) == ("pb", "hb")
    assert parsed_frame.payload == heartbeat
    assert frame == _ser(pb.WebcastPushFrame(payload_encoding="pb", payload_type="hb", payload=heartbeat))
    assert impl.decode_frame(frame).payload_type == "hb"

    edge = pb.HeartBeatMessage.FromString(w.int_field(1, -1) + w.int_field(2, (1 << 63) - 1))
    assert (edge.room_id, edge.send_packet_seq_id) == (-1, 9223372036854775807)


def test_protowire_enter_room_parses_with_protoc(pb: ModuleType) -> None:
    enter = b"".join(
        [
            w.int_field(1, ROOM_ID),
            w.int_field(4, 12),
            w.str_field(5, "audience"),
            w.str_field(6, CURSOR),
            w.str_field(9, "0"),
            w.bool_field(10, True),
        ]
    )
    parsed = pb.WebcastImEnterRoomMessage.FromString(enter)
    assert parsed == pb.WebcastImEnterRoomMessage(
        room_id=7380000000000000001,
        live_id=12,
        identity="audience",
        cursor="1717000000123_7380000000000000001_1_1_0_0",
        filter_welcome_msg="0",
        is_anchor_continue_keep_msg=True,
    )
    assert enter == _ser(parsed)
    frame = pb.WebcastPushFrame.FromString(
        w.str_field(6, "pb") + w.str_field(7, "im_enter_room") + w.bytes_field(8, enter)
    )
    assert frame.payload_type == "im_enter_room"
    assert pb.WebcastImEnterRoomMessage.FromString(frame.payload).room_id == 7380000000000000001


def test_protowire_ack_frame_parses_with_protoc(impl: ModuleType, pb: ModuleType) -> None:
    ack = b"".join(
        [
            w.int_field(2, LOG_ID),
            w.message_field(5, w.str_field(1, "im-cursor"), w.str_field(2, CURSOR)),
            w.str_field(6, "pb"),
            w.str_field(7, "ack"),
            w.bytes_field(8, INTERNAL_EXT.encode()),
        ]
    )
    parsed = pb.WebcastPushFrame.FromString(ack)
    assert parsed.log_id == 7380000000000123456
    assert [(h.key, h.value) for h in parsed.headers] == [
        ("im-cursor", "1717000000123_7380000000000000001_1_1_0_0")
    ]
    assert (parsed.payload_encoding, parsed.payload_type) == ("pb", "ack")
    assert parsed.payload == INTERNAL_EXT.encode()
    assert ack == _ser(parsed)
    frame = impl.decode_frame(ack)
    assert (frame.log_id, frame.payload_type, frame.headers, frame.result) == (
        7380000000000123456,
        "ack",
        {"im-cursor": CURSOR},
        None,
    )


def test_protowire_packed_and_map_parse_with_protoc(pb: ModuleType) -> None:
    ids = [7380000000000001001, -5, 0, 1 << 40]
    parsed = pb.WebcastImDeleteMessage.FromString(w.packed_field(2, ids) + w.packed_field(3, []))
    assert list(parsed.delete_msg_ids) == [7380000000000001001, -5, 0, 1099511627776]
    result = pb.ProtoMessageFetchResult.FromString(
        w.map_entry(7, w.str_field(1, "a"), w.str_field(2, "1"))
        + w.map_entry(7, w.str_field(1, "b"), w.str_field(2, "2"))
        + w.bool_field(9, True)
        + w.message_field(1, w.str_field(1, "WebcastChatMessage"), w.bytes_field(2, b""), w.int_field(3, 5))
    )
    assert dict(result.route_params) == {"a": "1", "b": "2"}
    assert result.need_ack is True
    assert [(m.method, m.payload, m.msg_id) for m in result.messages] == [("WebcastChatMessage", b"", 5)]


# ---------------------------------------------------------------- bad input


def _must_decode_or_reject(decode: Callable[..., object], *args: object) -> None:
    try:
        decode(*args)
    except DecodeError:
        pass


def test_truncated_frames(impl: ModuleType, pb: ModuleType) -> None:
    body = _fetch_result(pb, _main_messages(pb))
    for frame in (
        _push_frame(pb, body, {"im-cursor": CURSOR}),
        _push_frame(pb, gzip.compress(body, mtime=0), {"compress_type": "gzip"}),
    ):
        for end in range(len(frame)):
            _must_decode_or_reject(impl.decode_frame, frame[:end])
    for end in range(len(body)):
        _must_decode_or_reject(impl.decode_fetch_result, body[:end])


def test_corrupted_bytes(impl: ModuleType, pb: ModuleType) -> None:
    body = _fetch_result(pb, _main_messages(pb))
    frame = _push_frame(pb, body, {})
    for pos in range(len(frame)):
        for byte in (0x07, 0xFF):
            bad = frame[:pos] + bytes([byte]) + frame[pos + 1 :]
            _must_decode_or_reject(impl.decode_frame, bad)


@pytest.mark.parametrize("case", list(GOLDEN))
def test_truncated_messages(impl: ModuleType, pb: ModuleType, case: str) -> None:
    method, msg, _ = GOLDEN[case](pb)
    data = _ser(msg)
    for end in range(len(data)):
        _must_decode_or_reject(impl.decode_message, method, data[:end])


@pytest.fixture(scope="session")
def gzip_bomb() -> bytes:
    """50 MB of zeros, gzipped (about 50 KB)."""
    return gzip.compress(bytes(50 * 1024 * 1024), compresslevel=9, mtime=0)


@pytest.mark.parametrize("header", [True, False], ids=["header", "magic"])
def test_gzip_bomb(impl: ModuleType, pb: ModuleType, gzip_bomb: bytes, header: bool) -> None:
    frame = _push_frame(pb, gzip_bomb, {"compress_type": "gzip"} if header else {})
    with pytest.raises(LimitError):
        impl.decode_frame(frame)


def test_truncated_gzip(impl: ModuleType, pb: ModuleType) -> None:
    payload = gzip.compress(_fetch_result(pb, _main_messages(pb)), mtime=0)
    for end in range(len(payload)):
        with pytest.raises(TruncatedError):
            impl.decode_frame(_push_frame(pb, payload[:end], {"compress_type": "gzip"}))


def test_bad_gzip(impl: ModuleType, pb: ModuleType) -> None:
    payload = bytearray(gzip.compress(_fetch_result(pb, _main_messages(pb)), mtime=0))
    payload[12:20] = b"\xff" * 8  # garbage inside the deflate stream
    with pytest.raises(DecodeError):
        impl.decode_frame(_push_frame(pb, bytes(payload), {"compress_type": "gzip"}))


@pytest.mark.parametrize(
    "data",
    [
        b"\x08" + b"\xff" * 10 + b"\x01",  # 11-byte varint value
        b"\x08" + b"\x80" * 9 + b"\x02",  # 10th byte carries more than bit 63
        b"\x80" * 10 + b"\x01",  # overlong key
        b"\x1a" + b"\xff" * 10 + b"\x01",  # overlong length
    ],
    ids=["value", "bit64", "key", "length"],
)
def test_overlong_varint(impl: ModuleType, data: bytes) -> None:
    with pytest.raises(VarintError):
        impl.decode_message("WebcastChatMessage", data)
    with pytest.raises(VarintError):
        impl.decode_frame(data)
    with pytest.raises(VarintError):
        impl.decode_fetch_result(data)


def test_longest_valid_varint(impl: ModuleType, pb: ModuleType) -> None:
    data = _ser(pb.WebcastLikeMessage(count=-1, total=-(1 << 63)))
    assert impl.decode_message("WebcastLikeMessage", data) == {
        "type": "like",
        "likeCount": -1,
        "totalLikes": -9223372036854775808,
    }


@pytest.mark.parametrize("wire_type", [3, 4, 6, 7])
def test_bad_wire_type(impl: ModuleType, pb: ModuleType, wire_type: int) -> None:
    good = _ser(GOLDEN["chat"](pb)[1])
    bad = good + w.tag(3, wire_type) + b"\x00\x00\x00\x00\x00\x00\x00\x00"
    with pytest.raises(WireTypeError):
        impl.decode_message("WebcastChatMessage", bad)
    with pytest.raises(WireTypeError):
        impl.decode_frame(w.tag(7, wire_type) + b"\x00")
    with pytest.raises(WireTypeError):
        impl.decode_frame(_push_frame(pb, w.tag(2, wire_type), {}))
    # nested inside the user struct
    nested = w.message_field(2, w.int_field(1, 5), w.tag(22, wire_type))
    with pytest.raises(WireTypeError):
        impl.decode_message("WebcastChatMessage", nested)


def test_field_number_zero(impl: ModuleType) -> None:
    with pytest.raises(WireTypeError):
        impl.decode_message("WebcastChatMessage", b"\x00\x00")


def test_frame_size_limit(impl: ModuleType, pb: ModuleType) -> None:
    def frame_of(size: int) -> bytes:
        # an "hb" frame grown to exactly ``size`` bytes by its payload
        payload_len = size - 10
        frame = _ser(pb.WebcastPushFrame(payload_type="hb", payload=bytes(payload_len)))
        frame = _ser(pb.WebcastPushFrame(payload_type="hb", payload=bytes(payload_len + size - len(frame))))
        assert len(frame) == size
        return frame

    assert impl.decode_frame(frame_of(MAX_FRAME_BYTES)).payload_type == "hb"
    with pytest.raises(LimitError):
        impl.decode_frame(frame_of(MAX_FRAME_BYTES + 1))
    with pytest.raises(LimitError):
        impl.decode_frame(b"\x00" * (MAX_FRAME_BYTES + 1))


def test_message_count_limit(impl: ModuleType, pb: ModuleType) -> None:
    banner = _base(pb, "WebcastInRoomBannerMessage", b"\x12\x01x", 1)
    ok = impl.decode_fetch_result(
        _ser(pb.ProtoMessageFetchResult(messages=[banner] * MAX_MESSAGES_PER_FRAME))
    )
    assert len(ok.events) == MAX_MESSAGES_PER_FRAME
    assert ok.events[0] == {"type": "banner", "data": "x", "msgId": 1}
    with pytest.raises(LimitError):
        impl.decode_fetch_result(
            _ser(pb.ProtoMessageFetchResult(messages=[banner] * (MAX_MESSAGES_PER_FRAME + 1)))
        )
