"""Pure-Python webcast decoder: the reference implementation.

Theory of operation
-------------------
Protobuf is a flat sequence of ``(field number, wire type, value)`` records.
``_fields`` scans one message's byte range into such records without copying:
varints become ints, length-delimited values become ``(start, end)`` offsets into
the original buffer. Each message decoder walks the records of its range, picks
the few fields the event contract needs (in whatever order they arrive), descends
into embedded messages only when it needs something inside them, and skips the
rest. Fields whose wire type does not match the schema are ignored like unknown
fields, so schema drift never breaks a message. Output maps are built in the
contract's key order, with empty values left out.

The scanner and the shared structs live in :mod:`bridge.codec._scan`; the decoders
of annotated messages are generated into :mod:`bridge.codec._events` from
``proto/webcast.proto`` by ``scripts/gen_wire.py``; this module holds the
hand-written decoders of the irregular messages (named by ``_schema.HOOKS``), the
dispatch and the frame-level functions.

``bridge._native`` (``native/_native.pyx``) implements the same functions in
Cython; the test suite runs both and requires identical output and identical
exception types on every input.
"""

from __future__ import annotations

from collections.abc import Callable

from ..contract import IGNORED_METHODS
from ..errors import DecodeError, LimitError
from ..frames import FetchResult, MessageError, PushFrame, gunzip, is_gzip
from ..limits import MAX_FRAME_BYTES, MAX_MESSAGES_PER_FRAME
from ._events import DECODERS, _like, _member
from ._scan import (
    Event,
    _common,
    _emote,
    _first_url,
    _identity,
    _ints,
    _put,
    _str,
    _text_key,
    _user,
    _user_with_identity,
)
from ._scan import _fields as _fields  # re-exported: tests scan with it
from ._scan import _s64 as _s64  # re-exported: tests scan with it
from ._schema import (
    HOOKS,
    BarrageSubscribeGiftParam_gift_source,
    BarrageSubscribeGiftParam_gift_sub_count,
    BarrageUserGradeParam_current_grade,
    BarrageUserGradeParam_user,
    BaseProtoMessage_method,
    BaseProtoMessage_msg_id,
    BaseProtoMessage_payload,
    BattleBaseUserInfo_avatar_thumb,
    BattleBaseUserInfo_display_id,
    BattleBaseUserInfo_nick_name,
    BattleBaseUserInfo_user_id,
    BattleResult_result,
    BattleResult_score,
    BattleResult_user_id,
    BattleSetting_battle_id,
    BattleSetting_duration,
    BattleSetting_start_time_ms,
    BattleSetting_status,
    BattleUserArmies_host_score,
    BattleUserArmies_user_armies,
    BattleUserArmy_nickname,
    BattleUserArmy_score,
    BattleUserArmy_user_id,
    BattleUserInfo_user,
    EmoteWithIndex_emote,
    EmoteWithIndex_index,
    Gift_describe,
    Gift_diamond_count,
    Gift_id,
    Gift_image,
    Gift_name,
    Gift_type,
    LiveStreamGoal_sub_goals,
    LiveStreamSubGoal_gift,
    LiveStreamSubGoal_id,
    LiveStreamSubGoal_progress,
    LiveStreamSubGoal_target,
    LiveStreamSubGoal_type,
    LiveStreamSubGoalGift_name,
    MapEntry_key,
    MapEntry_value,
    ProtoMessageFetchResult_cursor,
    ProtoMessageFetchResult_fetch_interval,
    ProtoMessageFetchResult_heartbeat_duration,
    ProtoMessageFetchResult_internal_ext,
    ProtoMessageFetchResult_is_first,
    ProtoMessageFetchResult_messages,
    ProtoMessageFetchResult_need_ack,
    ProtoMessageFetchResult_now,
    ProtoMessageFetchResult_push_server,
    ProtoMessageFetchResult_route_params,
    ProtoMessageFetchResult_RouteParamsEntry_key,
    ProtoMessageFetchResult_RouteParamsEntry_value,
    PushHeader_key,
    PushHeader_value,
    User_id,
    WebcastBarrageMessage_common,
    WebcastBarrageMessage_content,
    WebcastBarrageMessage_duration,
    WebcastBarrageMessage_fans_level_param,
    WebcastBarrageMessage_msg_type,
    WebcastBarrageMessage_subscribe_gift_param,
    WebcastBarrageMessage_user_grade_param,
    WebcastChatMessage_at_user,
    WebcastChatMessage_common,
    WebcastChatMessage_content,
    WebcastChatMessage_content_language,
    WebcastChatMessage_emotes,
    WebcastChatMessage_mention_user_list,
    WebcastChatMessage_mention_users,
    WebcastChatMessage_user,
    WebcastChatMessage_user_identity,
    WebcastControlMessage_action,
    WebcastControlMessage_common,
    WebcastEmoteChatMessage_common,
    WebcastEmoteChatMessage_emote_list,
    WebcastEmoteChatMessage_user,
    WebcastEmoteChatMessage_user_identity,
    WebcastGiftMessage_common,
    WebcastGiftMessage_gift,
    WebcastGiftMessage_gift_id,
    WebcastGiftMessage_group_id,
    WebcastGiftMessage_repeat_count,
    WebcastGiftMessage_repeat_end,
    WebcastGiftMessage_to_user,
    WebcastGiftMessage_user,
    WebcastGiftMessage_user_identity,
    WebcastGoalUpdateMessage_common,
    WebcastGoalUpdateMessage_contribute_count,
    WebcastGoalUpdateMessage_contribute_score,
    WebcastGoalUpdateMessage_contribute_subgoal,
    WebcastGoalUpdateMessage_contributor_display_id,
    WebcastGoalUpdateMessage_contributor_id,
    WebcastGoalUpdateMessage_goal,
    WebcastLinkMicArmies_battle_id,
    WebcastLinkMicArmies_battle_items,
    WebcastLinkMicArmies_battle_settings,
    WebcastLinkMicArmies_common,
    WebcastLinkMicArmies_from_user_id,
    WebcastLinkMicArmies_gift_count,
    WebcastLinkMicArmies_gift_id,
    WebcastLinkMicArmies_total_diamond_count,
    WebcastLinkMicArmies_trigger_reason,
    WebcastLinkMicBattle_action,
    WebcastLinkMicBattle_anchor_info,
    WebcastLinkMicBattle_battle_id,
    WebcastLinkMicBattle_battle_result,
    WebcastLinkMicBattle_battle_setting,
    WebcastLinkMicBattle_common,
    WebcastPushFrame_headers,
    WebcastPushFrame_log_id,
    WebcastPushFrame_payload,
    WebcastPushFrame_payload_encoding,
    WebcastPushFrame_payload_type,
    WebcastPushFrame_seq_id,
    WebcastRoomPinMessage_action,
    WebcastRoomPinMessage_chat_message,
    WebcastRoomPinMessage_common,
    WebcastRoomPinMessage_display_duration,
    WebcastRoomPinMessage_gift_message,
    WebcastRoomPinMessage_like_message,
    WebcastRoomPinMessage_member_message,
    WebcastRoomPinMessage_method,
    WebcastRoomPinMessage_operator,
    WebcastRoomPinMessage_pin_time,
    WebcastRoomPinMessage_social_message,
    WebcastSocialMessage_action,
    WebcastSocialMessage_common,
    WebcastSocialMessage_follow_count,
    WebcastSocialMessage_share_count,
    WebcastSocialMessage_share_target,
    WebcastSocialMessage_share_type,
    WebcastSocialMessage_user,
)

__all__ = [
    "decode_fetch_result",
    "decode_frame",
    "decode_message",
    "METHODS",
    "IGNORED_METHODS",
]

# ---------------------------------------------------------------- messages


def _chat(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "chat"}
    user: tuple[int, int] | None = None
    identity = 0
    comment = language = ""
    emotes: list[Event] = []
    mentions: list[Event] = []
    mentioned: list[int] = []
    at_user: tuple[int, int] | None = None
    for number, wire, x, y in _fields(buf, a, b):
        if number == WebcastChatMessage_mention_user_list and wire in (0, 2):
            _ints(buf, wire, x, y, mentioned)
        if wire != 2:
            continue
        if number == WebcastChatMessage_common:
            _common(buf, x, y, event)
        elif number == WebcastChatMessage_user:
            user = (x, y)
        elif number == WebcastChatMessage_content:
            comment = _str(buf, x, y)
        elif number == WebcastChatMessage_emotes:
            index = 0
            emote: Event = {}
            for n2, w2, x2, y2 in _fields(buf, x, y):
                if n2 == EmoteWithIndex_index and w2 == 0:
                    index = _s64(x2)
                elif n2 == EmoteWithIndex_emote and w2 == 2:
                    emote = _emote(buf, x2, y2, 0)
            if index:
                emote["index"] = index
            emotes.append(emote)
        elif number == WebcastChatMessage_content_language:
            language = _str(buf, x, y)
        elif number == WebcastChatMessage_user_identity:
            identity = _identity(buf, x, y)
        elif number == WebcastChatMessage_mention_users:
            mention = _user(buf, x, y)
            if mention:
                mentions.append(mention)
        elif number == WebcastChatMessage_at_user:
            at_user = (x, y)
    _put(event, "user", _user_with_identity(buf, user, identity))
    _put(event, "comment", comment)
    _put(event, "language", language)
    _put(event, "emotes", emotes)
    if not mentions:
        mentions = [{"id": uid} for uid in mentioned if uid]
    if not mentions and at_user:
        mention = _user(buf, at_user[0], at_user[1])
        mentions = [mention] if mention else []
    _put(event, "mentions", mentions)
    return event


def _gift(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "gift"}
    user: tuple[int, int] | None = None
    identity = gift_id = repeat_count = repeat_end = group_id = to_user = 0
    gift_type = diamonds = 0
    name = image = describe = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastGiftMessage_gift_id:
                gift_id = _s64(x)
            elif number == WebcastGiftMessage_repeat_count:
                repeat_count = _s64(x)
            elif number == WebcastGiftMessage_repeat_end:
                repeat_end = x
            elif number == WebcastGiftMessage_group_id:
                group_id = _s64(x)
        elif wire == 2:
            if number == WebcastGiftMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastGiftMessage_user:
                user = (x, y)
            elif number == WebcastGiftMessage_to_user:
                for n2, w2, x2, _ in _fields(buf, x, y):
                    if n2 == User_id and w2 == 0:
                        to_user = _s64(x2)
            elif number == WebcastGiftMessage_gift:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == Gift_id and not gift_id:
                            gift_id = _s64(x2)
                        elif n2 == Gift_type:
                            gift_type = _s64(x2)
                        elif n2 == Gift_diamond_count:
                            diamonds = _s64(x2)
                    elif w2 == 2:
                        if n2 == Gift_name:
                            name = _str(buf, x2, y2)
                        elif n2 == Gift_image:
                            image = _first_url(buf, x2, y2)
                        elif n2 == Gift_describe:
                            describe = _str(buf, x2, y2)
            elif number == WebcastGiftMessage_user_identity:
                identity = _identity(buf, x, y)
    _put(event, "user", _user_with_identity(buf, user, identity))
    _put(event, "giftId", gift_id)
    _put(event, "giftName", name)
    _put(event, "diamondCount", diamonds)
    _put(event, "repeatCount", repeat_count)
    _put(event, "repeatEnd", bool(repeat_end))
    _put(event, "giftType", gift_type)
    _put(event, "groupId", group_id)
    _put(event, "streaking", gift_type == 1 and not repeat_end)
    _put(event, "giftImage", image)
    _put(event, "toUserId", to_user)
    _put(event, "describe", describe)
    return event


def _social(buf: bytes, a: int, b: int) -> Event:
    event: Event = {}
    user: tuple[int, int] | None = None
    key = target = ""
    action = share_type = follow_count = share_count = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastSocialMessage_action:
                action = _s64(x)
            elif number == WebcastSocialMessage_share_type:
                share_type = _s64(x)
            elif number == WebcastSocialMessage_follow_count:
                follow_count = _s64(x)
            elif number == WebcastSocialMessage_share_count:
                share_count = _s64(x)
        elif wire == 2:
            if number == WebcastSocialMessage_common:
                key = _common(buf, x, y, event)
            elif number == WebcastSocialMessage_user:
                user = (x, y)
            elif number == WebcastSocialMessage_share_target:
                target = _str(buf, x, y)
    if "follow" in key or (not key and action == 1):
        kind = "follow"
    elif "share" in key or (not key and action == 3):
        kind = "share"
    else:
        kind = "social"
    out: Event = {"type": kind, **event}
    _put(out, "user", _user_with_identity(buf, user, 0))
    if kind == "follow":
        _put(out, "followCount", follow_count)
    elif kind == "share":
        _put(out, "shareType", share_type)
        _put(out, "shareCount", share_count)
        _put(out, "shareTarget", target)
    else:
        _put(out, "action", action)
    return out


def _control(buf: bytes, a: int, b: int) -> Event:
    event: Event = {}
    action = 0
    for number, wire, x, y in _fields(buf, a, b):
        if number == WebcastControlMessage_action and wire == 0:
            action = _s64(x)
        elif number == WebcastControlMessage_common and wire == 2:
            _common(buf, x, y, event)
    out: Event = {"type": "streamEnd" if action in (3, 4) else "control", **event}
    _put(out, "action", action)
    return out


def _map_value(buf: bytes, a: int, b: int) -> tuple[int, tuple[int, int] | None]:
    """``(key, value range)`` of a ``map<int64, Message>`` entry."""
    key = 0
    value: tuple[int, int] | None = None
    for number, wire, x, y in _fields(buf, a, b):
        if number == MapEntry_key and wire == 0:
            key = _s64(x)
        elif number == MapEntry_value and wire == 2:
            value = (x, y)
    return key, value


def _link_mic_battle(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "battle"}
    battle_id = action = status = duration = start = 0
    results: list[Event] = []
    anchors: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastLinkMicBattle_battle_id:
                battle_id = _s64(x)
            elif number == WebcastLinkMicBattle_action:
                action = _s64(x)
        elif wire == 2:
            if number == WebcastLinkMicBattle_common:
                _common(buf, x, y, event)
            elif number == WebcastLinkMicBattle_battle_setting:
                for n2, w2, x2, _ in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == BattleSetting_status:
                            status = _s64(x2)
                        elif n2 == BattleSetting_duration:
                            duration = _s64(x2)
                        elif n2 == BattleSetting_start_time_ms:
                            start = _s64(x2)
                        elif n2 == BattleSetting_battle_id and not battle_id:
                            battle_id = _s64(x2)
            elif number == WebcastLinkMicBattle_battle_result:
                _, value = _map_value(buf, x, y)
                result: Event = {}
                if value:
                    user_id = outcome = score = 0
                    for n2, w2, x2, _ in _fields(buf, value[0], value[1]):
                        if w2 == 0:
                            if n2 == BattleResult_user_id:
                                user_id = _s64(x2)
                            elif n2 == BattleResult_result:
                                outcome = _s64(x2)
                            elif n2 == BattleResult_score:
                                score = _s64(x2)
                    _put(result, "userId", user_id)
                    _put(result, "result", outcome)
                    _put(result, "score", score)
                results.append(result)
            elif number == WebcastLinkMicBattle_anchor_info:
                _, value = _map_value(buf, x, y)
                anchor: Event = {}
                if value:
                    for n2, w2, x2, y2 in _fields(buf, value[0], value[1]):
                        if n2 == BattleUserInfo_user and w2 == 2:
                            anchor = _battle_anchor(buf, x2, y2)
                anchors.append(anchor)
    _put(event, "battleId", battle_id)
    _put(event, "action", action)
    _put(event, "status", status)
    _put(event, "duration", duration)
    _put(event, "startTime", start)
    _put(event, "results", results)
    _put(event, "anchors", anchors)
    return event


def _battle_anchor(buf: bytes, a: int, b: int) -> Event:
    user_id = 0
    unique_id = nickname = avatar = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0 and number == BattleBaseUserInfo_user_id:
            user_id = _s64(x)
        elif wire == 2:
            if number == BattleBaseUserInfo_nick_name:
                nickname = _str(buf, x, y)
            elif number == BattleBaseUserInfo_avatar_thumb:
                avatar = _first_url(buf, x, y)
            elif number == BattleBaseUserInfo_display_id:
                unique_id = _str(buf, x, y)
    anchor: Event = {}
    _put(anchor, "id", user_id)
    _put(anchor, "uniqueId", unique_id)
    _put(anchor, "nickname", nickname)
    _put(anchor, "avatar", avatar)
    return anchor


def _battle_team(buf: bytes, a: int, b: int) -> Event:
    anchor_id, value = _map_value(buf, a, b)
    score = 0
    supporters: list[Event] = []
    if value:
        for number, wire, x, y in _fields(buf, value[0], value[1]):
            if number == BattleUserArmies_host_score and wire == 0:
                score = _s64(x)
            elif number == BattleUserArmies_user_armies and wire == 2:
                user_id = points = 0
                nickname = ""
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == BattleUserArmy_user_id:
                            user_id = _s64(x2)
                        elif n2 == BattleUserArmy_score:
                            points = _s64(x2)
                    elif n2 == BattleUserArmy_nickname and w2 == 2:
                        nickname = _str(buf, x2, y2)
                supporter: Event = {}
                _put(supporter, "userId", user_id)
                _put(supporter, "nickname", nickname)
                _put(supporter, "score", points)
                supporters.append(supporter)
    team: Event = {}
    _put(team, "anchorId", anchor_id)
    _put(team, "score", score)
    _put(team, "supporters", supporters)
    return team


def _link_mic_armies(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "battleArmies"}
    battle_id = status = trigger = from_user = gift_id = gift_count = diamonds = 0
    teams: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastLinkMicArmies_battle_id:
                battle_id = _s64(x)
            elif number == WebcastLinkMicArmies_trigger_reason:
                trigger = _s64(x)
            elif number == WebcastLinkMicArmies_from_user_id:
                from_user = _s64(x)
            elif number == WebcastLinkMicArmies_gift_id:
                gift_id = _s64(x)
            elif number == WebcastLinkMicArmies_gift_count:
                gift_count = _s64(x)
            elif number == WebcastLinkMicArmies_total_diamond_count:
                diamonds = _s64(x)
        elif wire == 2:
            if number == WebcastLinkMicArmies_common:
                _common(buf, x, y, event)
            elif number == WebcastLinkMicArmies_battle_items:
                teams.append(_battle_team(buf, x, y))
            elif number == WebcastLinkMicArmies_battle_settings:
                status = 0
                for n2, w2, x2, _ in _fields(buf, x, y):
                    if n2 == BattleSetting_status and w2 == 0:
                        status = _s64(x2)
    _put(event, "battleId", battle_id)
    _put(event, "status", status)
    _put(event, "triggerReason", trigger)
    _put(event, "fromUserId", from_user)
    _put(event, "giftId", gift_id)
    _put(event, "giftCount", gift_count)
    _put(event, "totalDiamonds", diamonds)
    _put(event, "teams", teams)
    return event


def _room_pin(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "roomPin"}
    action = pin_time = duration = operator = 0
    method = ""
    pinned: Event = {}
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastRoomPinMessage_action:
                action = _s64(x)
            elif number == WebcastRoomPinMessage_pin_time:
                pin_time = _s64(x)
            elif number == WebcastRoomPinMessage_display_duration:
                duration = _s64(x)
        elif wire == 2:
            if number == WebcastRoomPinMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastRoomPinMessage_method:
                method = _str(buf, x, y)
            elif number == WebcastRoomPinMessage_operator:
                for n2, w2, x2, _ in _fields(buf, x, y):
                    if n2 == User_id and w2 == 0:
                        operator = _s64(x2)
            elif number in _PINNED:
                pinned = _PINNED[number](buf, x, y)
    _put(event, "action", action)
    _put(event, "pinTime", pin_time)
    _put(event, "duration", duration)
    _put(event, "originalType", method)
    _put(event, "operatorId", operator)
    _put(event, "pinned", pinned)
    return event


def _emote_chat(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "emote"}
    user: tuple[int, int] | None = None
    identity = 0
    emotes: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire != 2:
            continue
        if number == WebcastEmoteChatMessage_common:
            _common(buf, x, y, event)
        elif number == WebcastEmoteChatMessage_user:
            user = (x, y)
        elif number == WebcastEmoteChatMessage_emote_list:
            emotes.append(_emote(buf, x, y, 0))
        elif number == WebcastEmoteChatMessage_user_identity:
            identity = _identity(buf, x, y)
    _put(event, "user", _user_with_identity(buf, user, identity))
    if emotes:
        _put(event, "emoteId", emotes[0].get("id", ""))
        _put(event, "emoteUrl", emotes[0].get("url", ""))
    _put(event, "emotes", emotes)
    return event


def _barrage(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "barrage"}
    barrage_type = duration = level = sub_count = source = 0
    key = text = ""
    user: tuple[int, int] | None = None
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastBarrageMessage_msg_type:
                barrage_type = _s64(x)
            elif number == WebcastBarrageMessage_duration:
                duration = _s64(x)
        elif wire == 2:
            if number == WebcastBarrageMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastBarrageMessage_content:
                key, text = _text_key(buf, x, y)
            elif number in (WebcastBarrageMessage_user_grade_param, WebcastBarrageMessage_fans_level_param):
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if n2 == BarrageUserGradeParam_current_grade and w2 == 0:
                        level = _s64(x2)
                    elif n2 == BarrageUserGradeParam_user and w2 == 2:
                        user = (x2, y2)
            elif number == WebcastBarrageMessage_subscribe_gift_param:
                for n2, w2, x2, _ in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == BarrageSubscribeGiftParam_gift_sub_count:
                            sub_count = _s64(x2)
                        elif n2 == BarrageSubscribeGiftParam_gift_source:
                            source = _s64(x2)
    _put(event, "barrageType", barrage_type)
    _put(event, "textKey", key)
    _put(event, "text", text)
    _put(event, "duration", duration)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "level", level)
    _put(event, "subCount", sub_count)
    _put(event, "giftSource", source)
    return event


def _sub_goal(buf: bytes, a: int, b: int) -> tuple[int, int, int, int, str]:
    """``(type, id, progress, target, gift name)`` of a ``LiveStreamSubGoal``."""
    goal_type = goal_id = progress = target = 0
    name = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == LiveStreamSubGoal_type:
                goal_type = _s64(x)
            elif number == LiveStreamSubGoal_id:
                goal_id = _s64(x)
            elif number == LiveStreamSubGoal_progress:
                progress = _s64(x)
            elif number == LiveStreamSubGoal_target:
                target = _s64(x)
        elif number == LiveStreamSubGoal_gift and wire == 2:
            for n2, w2, x2, y2 in _fields(buf, x, y):
                if n2 == LiveStreamSubGoalGift_name and w2 == 2:
                    name = _str(buf, x2, y2)
    return goal_type, goal_id, progress, target, name


def _goal_update(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "goal"}
    contributor = count = score = 0
    unique_id = ""
    contributed: tuple[int, int] | None = None
    goal: tuple[int, int] | None = None
    common: tuple[int, int] | None = None
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastGoalUpdateMessage_contributor_id:
                contributor = _s64(x)
            elif number == WebcastGoalUpdateMessage_contribute_count:
                count = _s64(x)
            elif number == WebcastGoalUpdateMessage_contribute_score:
                score = _s64(x)
        elif wire == 2:
            if number == WebcastGoalUpdateMessage_common:
                common = (x, y)
            elif number == WebcastGoalUpdateMessage_contributor_display_id:
                unique_id = _str(buf, x, y)
            elif number == WebcastGoalUpdateMessage_contribute_subgoal:
                contributed = (x, y)
            elif number == WebcastGoalUpdateMessage_goal:
                goal = (x, y)
    # the contributing sub-goal, completed from its twin in the goal's list (the first one without it)
    sub = _sub_goal(buf, contributed[0], contributed[1]) if contributed else (0, 0, 0, 0, "")
    twin: tuple[int, int, int, int, str] | None = None
    if goal:
        for number, wire, x, y in _fields(buf, goal[0], goal[1]):
            if number == LiveStreamGoal_sub_goals and wire == 2:
                listed = _sub_goal(buf, x, y)
                if twin is None and (contributed is None or listed[1] == sub[1]):
                    twin = listed
    if twin is not None:
        sub = (sub[0] or twin[0], sub[1], sub[2] or twin[2], sub[3] or twin[3], sub[4] or twin[4])
    if common:  # read last (the last block wins), as in bridge._native
        _common(buf, common[0], common[1], event)
    _put(event, "contributorId", contributor)
    _put(event, "contributorUniqueId", unique_id)
    _put(event, "contributeCount", count)
    _put(event, "contributeScore", score)
    _put(event, "goalType", sub[0])
    _put(event, "progress", sub[2])
    _put(event, "target", sub[3])
    _put(event, "giftName", sub[4])
    return event


_Decoder = Callable[[bytes, int, int], Event]

_PINNED: dict[int, _Decoder] = {
    WebcastRoomPinMessage_chat_message: _chat,
    WebcastRoomPinMessage_social_message: _social,
    WebcastRoomPinMessage_gift_message: _gift,
    WebcastRoomPinMessage_member_message: _member,
    WebcastRoomPinMessage_like_message: _like,
}

METHODS: dict[str, _Decoder] = {
    **DECODERS,
    **{method: globals()[function] for method, function in HOOKS.items()},  # the hand-written ones above
}
"""Webcast method -> decoder, generated (:mod:`bridge.codec._events`) or hand-written (named by
``_schema.HOOKS``). Names also arrive without the ``Webcast`` prefix."""

_DISPATCH: dict[str, _Decoder | None] = {}
for _name, _decoder in METHODS.items():
    _DISPATCH[_name] = _DISPATCH[_name[len("Webcast") :]] = _decoder
for _name in IGNORED_METHODS:
    _DISPATCH[_name] = _DISPATCH[_name[len("Webcast") :]] = None


def _decode(method: str, data: bytes, a: int, b: int) -> Event | None:
    if method in _DISPATCH:
        decoder = _DISPATCH[method]
        return None if decoder is None else decoder(data, a, b)
    if not method:
        raise DecodeError("message has no method")
    event: Event = {"type": "unknown", "method": method}
    _put(event, "payload", data[a:b])
    return event


def decode_message(method: str, payload: bytes) -> Event | None:
    """Decode one inner webcast message into an event map.

    Args:
        method: the ``BaseProtoMessage.method`` name, with or without ``Webcast``.
        payload: the message's protobuf bytes.

    Returns:
        The event map (``type`` plus contract fields), an ``unknown`` event for a
        method the contract does not model, or ``None`` for an ignored method.

    Raises:
        DecodeError: the payload is malformed.
    """
    data = bytes(payload)
    return _decode(method, data, 0, len(data))


def decode_fetch_result(data: bytes) -> FetchResult:
    """Decode a ``ProtoMessageFetchResult``: its events and connection metadata.

    A malformed inner message is recorded in ``errors`` and skipped; the other
    messages still produce events.

    Raises:
        DecodeError: the fetch result itself is malformed.
    """
    data = bytes(data)
    result = FetchResult()
    records = _fields(data, 0, len(data))
    messages = 0
    for number, wire, x, y in records:
        if wire == 2:
            if number == ProtoMessageFetchResult_messages:
                messages += 1
                if messages > MAX_MESSAGES_PER_FRAME:
                    raise LimitError(f"more than {MAX_MESSAGES_PER_FRAME} messages in one frame")
                _inner(data, x, y, result)
            elif number == ProtoMessageFetchResult_cursor:
                result.cursor = _str(data, x, y)
            elif number == ProtoMessageFetchResult_internal_ext:
                result.internal_ext = _str(data, x, y)
            elif number == ProtoMessageFetchResult_route_params:
                key = value = ""
                for n2, w2, x2, y2 in _fields(data, x, y):
                    if w2 == 2:
                        if n2 == ProtoMessageFetchResult_RouteParamsEntry_key:
                            key = _str(data, x2, y2)
                        elif n2 == ProtoMessageFetchResult_RouteParamsEntry_value:
                            value = _str(data, x2, y2)
                result.route_params[key] = value
            elif number == ProtoMessageFetchResult_push_server:
                result.push_server = _str(data, x, y)
        elif wire == 0:
            if number == ProtoMessageFetchResult_heartbeat_duration:
                result.heartbeat_duration = _s64(x)
            elif number == ProtoMessageFetchResult_need_ack:
                result.need_ack = bool(x)
            elif number == ProtoMessageFetchResult_fetch_interval:
                result.fetch_interval = _s64(x)
            elif number == ProtoMessageFetchResult_now:
                result.now = _s64(x)
            elif number == ProtoMessageFetchResult_is_first:
                result.is_first = bool(x)
    return result


def _inner(data: bytes, a: int, b: int, result: FetchResult) -> None:
    """Decode one ``BaseProtoMessage`` into ``result``; record its failure instead."""
    method = ""
    msg_id = 0
    payload: tuple[int, int] = (0, 0)
    try:
        for number, wire, x, y in _fields(data, a, b):
            if wire == 2:
                if number == BaseProtoMessage_method:
                    method = _str(data, x, y)
                elif number == BaseProtoMessage_payload:
                    payload = (x, y)
            elif wire == 0 and number == BaseProtoMessage_msg_id:
                msg_id = _s64(x)
        event = _decode(method, data, payload[0], payload[1])
    except DecodeError as exc:
        result.errors.append(MessageError(method, msg_id, str(exc)))
        return
    if event is None:
        return
    if msg_id and "msgId" not in event:  # keep the contract's key order: type, msgId, ...
        event = {"type": event["type"], "msgId": msg_id, **event}
    result.events.append(event)


def decode_frame(data: bytes) -> PushFrame:
    """Decode one WebSocket binary message (a ``WebcastPushFrame``).

    For ``msg`` frames the payload is gunzipped when needed and decoded into
    ``frame.result``; other frame types (``hb``, ``ack``, ``im_enter_room_resp``)
    only carry their envelope.

    Raises:
        DecodeError: the frame, its gzip layer or its fetch result is malformed.
    """
    data = bytes(data)
    if len(data) > MAX_FRAME_BYTES:
        raise LimitError(f"push frame of {len(data)} bytes exceeds {MAX_FRAME_BYTES}")
    frame = PushFrame()
    payload: tuple[int, int] = (0, 0)
    for number, wire, x, y in _fields(data, 0, len(data)):
        if wire == 0:
            if number == WebcastPushFrame_seq_id:
                frame.seq_id = _s64(x)
            elif number == WebcastPushFrame_log_id:
                frame.log_id = _s64(x)
        elif wire == 2:
            if number == WebcastPushFrame_headers:
                key = value = ""
                for n2, w2, x2, y2 in _fields(data, x, y):
                    if w2 == 2:
                        if n2 == PushHeader_key:
                            key = _str(data, x2, y2)
                        elif n2 == PushHeader_value:
                            value = _str(data, x2, y2)
                frame.headers[key] = value
            elif number == WebcastPushFrame_payload_encoding:
                frame.payload_encoding = _str(data, x, y)
            elif number == WebcastPushFrame_payload_type:
                frame.payload_type = _str(data, x, y)
            elif number == WebcastPushFrame_payload:
                payload = (x, y)
    frame.payload = data[payload[0] : payload[1]]
    if frame.payload_type == "msg":
        body = gunzip(frame.payload) if is_gzip(frame.payload, frame.headers) else frame.payload
        frame.result = decode_fetch_result(body)
    return frame
