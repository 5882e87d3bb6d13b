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

``bridge._native`` (``native/_native.pyx``) implements the same functions in
Cython; the test suite runs both and requires identical output and identical
exception types on every input.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgpack

from ..contract import IGNORED_METHODS
from ..errors import DecodeError, LimitError, TruncatedError, VarintError, WireTypeError
from ..frames import FetchResult, MessageError, PushFrame, gunzip, is_gzip
from ..limits import MAX_FRAME_BYTES, MAX_MESSAGES_PER_FRAME
from ._schema import (
    BadgeStruct_privilege_log_extra,
    BadgeStruct_scene_type,
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
    CommonMessageData_create_time,
    CommonMessageData_display_text,
    CommonMessageData_msg_id,
    Contributor_rank,
    Contributor_score,
    Contributor_user,
    Emote_emote_id,
    Emote_image,
    EmoteWithIndex_emote,
    EmoteWithIndex_index,
    FollowInfo_follow_status,
    FollowInfo_follower_count,
    Gift_diamond_count,
    Gift_id,
    Gift_image,
    Gift_name,
    Gift_type,
    ImageModel_url_list,
    LiveStreamSubGoal_gift,
    LiveStreamSubGoal_progress,
    LiveStreamSubGoal_target,
    LiveStreamSubGoal_type,
    LiveStreamSubGoalGift_name,
    MapEntry_key,
    MapEntry_value,
    MessageRedEnvelopInfo_business_type,
    MessageRedEnvelopInfo_diamond_count,
    MessageRedEnvelopInfo_envelope_id,
    MessageRedEnvelopInfo_people_count,
    MessageRedEnvelopInfo_send_user_id,
    MessageRedEnvelopInfo_send_user_name,
    MessageRedEnvelopInfo_unpack_at,
    PollBasicInfo_gift_id,
    PollBasicInfo_poll_duration,
    PollBasicInfo_time_remain,
    PollBasicInfo_title,
    PollBasicInfo_user_cnt,
    PrivilegeLogExtra_level,
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
    Question_content,
    Question_question_id,
    Question_user,
    RankUpdate_owner_rank,
    RankUpdate_rank_type,
    Text_default_pattern,
    Text_key,
    User_avatar_thumb,
    User_badge_list,
    User_display_id,
    User_follow_info,
    User_id,
    User_id_str,
    User_nickname,
    UserIdentity_is_follower_of_anchor,
    UserIdentity_is_moderator_of_anchor,
    UserIdentity_is_mutual_following_with_anchor,
    UserIdentity_is_subscriber_of_anchor,
    WebcastBarrageMessage_common,
    WebcastBarrageMessage_content,
    WebcastBarrageMessage_duration,
    WebcastBarrageMessage_fans_level_param,
    WebcastBarrageMessage_icon,
    WebcastBarrageMessage_msg_type,
    WebcastBarrageMessage_user_grade_param,
    WebcastCaptionMessage_common,
    WebcastCaptionMessage_content,
    WebcastCaptionMessage_definite,
    WebcastCaptionMessage_duration_ms,
    WebcastCaptionMessage_sentence_id,
    WebcastCaptionMessage_timestamp_ms,
    WebcastChatMessage_common,
    WebcastChatMessage_content,
    WebcastChatMessage_content_language,
    WebcastChatMessage_emotes,
    WebcastChatMessage_user,
    WebcastChatMessage_user_identity,
    WebcastControlMessage_action,
    WebcastControlMessage_common,
    WebcastEmoteChatMessage_common,
    WebcastEmoteChatMessage_emote_list,
    WebcastEmoteChatMessage_user,
    WebcastEmoteChatMessage_user_identity,
    WebcastEnvelopeMessage_common,
    WebcastEnvelopeMessage_envelope_info,
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
    WebcastImDeleteMessage_common,
    WebcastImDeleteMessage_delete_msg_ids,
    WebcastImDeleteMessage_delete_user_ids,
    WebcastInRoomBannerMessage_common,
    WebcastInRoomBannerMessage_json_data,
    WebcastLikeMessage_common,
    WebcastLikeMessage_count,
    WebcastLikeMessage_total,
    WebcastLikeMessage_user,
    WebcastLinkMicArmies_battle_id,
    WebcastLinkMicArmies_battle_items,
    WebcastLinkMicArmies_battle_status,
    WebcastLinkMicArmies_common,
    WebcastLinkMicArmies_from_user_id,
    WebcastLinkMicArmies_gift_count,
    WebcastLinkMicArmies_gift_id,
    WebcastLinkMicArmies_total_diamond_count,
    WebcastLinkMicBattle_action,
    WebcastLinkMicBattle_anchor_info,
    WebcastLinkMicBattle_battle_id,
    WebcastLinkMicBattle_battle_result,
    WebcastLinkMicBattle_battle_setting,
    WebcastLinkMicBattle_common,
    WebcastLiveIntroMessage_common,
    WebcastLiveIntroMessage_content,
    WebcastLiveIntroMessage_content_language,
    WebcastLiveIntroMessage_user,
    WebcastMemberMessage_action,
    WebcastMemberMessage_common,
    WebcastMemberMessage_member_count,
    WebcastMemberMessage_user,
    WebcastPollMessage_common,
    WebcastPollMessage_message_type,
    WebcastPollMessage_poll_basic_info,
    WebcastPollMessage_poll_id,
    WebcastPushFrame_headers,
    WebcastPushFrame_log_id,
    WebcastPushFrame_payload,
    WebcastPushFrame_payload_encoding,
    WebcastPushFrame_payload_type,
    WebcastPushFrame_seq_id,
    WebcastQuestionNewMessage_common,
    WebcastQuestionNewMessage_details,
    WebcastRankUpdateMessage_common,
    WebcastRankUpdateMessage_group_type,
    WebcastRankUpdateMessage_updates,
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
    WebcastRoomUserSeqMessage_common,
    WebcastRoomUserSeqMessage_ranks,
    WebcastRoomUserSeqMessage_total,
    WebcastRoomUserSeqMessage_total_user,
    WebcastSocialMessage_action,
    WebcastSocialMessage_common,
    WebcastSocialMessage_follow_count,
    WebcastSocialMessage_share_count,
    WebcastSocialMessage_share_target,
    WebcastSocialMessage_share_type,
    WebcastSocialMessage_user,
    WebcastSubNotifyMessage_common,
    WebcastSubNotifyMessage_is_send,
    WebcastSubNotifyMessage_sub_month,
    WebcastSubNotifyMessage_subscribe_type,
    WebcastSubNotifyMessage_user,
)

__all__ = [
    "decode_fetch_result",
    "decode_frame",
    "decode_message",
    "transcode_message",
    "METHODS",
    "IGNORED_METHODS",
]

Event = dict[str, Any]
Record = tuple[int, int, int, int]

_U64 = 1 << 64
_I64_MAX = (1 << 63) - 1


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    try:
        byte = buf[pos]
        pos += 1
        if byte < 0x80:
            return byte, pos
        result = byte & 0x7F
        shift = 7
        while True:
            byte = buf[pos]
            pos += 1
            if shift == 63 and byte > 1:
                raise VarintError(f"varint longer than 64 bits at offset {pos - 1}")
            result |= (byte & 0x7F) << shift
            if byte < 0x80:
                return result, pos
            shift += 7
    except IndexError:
        raise TruncatedError(f"varint runs past the end at offset {pos}") from None


def _fields(buf: bytes, pos: int, end: int) -> list[Record]:
    """Scan ``buf[pos:end]`` into ``(number, wire type, a, b)`` records.

    Varints and fixed values carry the value in ``a``; length-delimited fields
    carry their byte range as ``a:b``.
    """
    out: list[Record] = []
    append = out.append
    n = len(buf)
    while pos < end:
        key = buf[pos]  # one-byte varints (most keys, lengths and values) read inline
        if key < 0x80:
            pos += 1
        else:
            key, pos = _varint(buf, pos)
        number = key >> 3
        wire = key & 7
        if number == 0:
            raise WireTypeError(f"field number 0 at offset {pos}")
        if wire == 0:
            if pos < n and buf[pos] < 0x80:
                append((number, 0, buf[pos], 0))
                pos += 1
            else:
                value, pos = _varint(buf, pos)
                append((number, 0, value, 0))
        elif wire == 2:
            if pos < n and buf[pos] < 0x80:
                size = buf[pos]
                pos += 1
            else:
                size, pos = _varint(buf, pos)
            if size > end - pos:
                raise TruncatedError(f"field {number} length {size} runs past the end")
            append((number, 2, pos, pos + size))
            pos += size
        elif wire == 1:
            if pos + 8 > end:
                raise TruncatedError(f"fixed64 field {number} runs past the end")
            out.append((number, 1, int.from_bytes(buf[pos : pos + 8], "little"), 0))
            pos += 8
        elif wire == 5:
            if pos + 4 > end:
                raise TruncatedError(f"fixed32 field {number} runs past the end")
            out.append((number, 5, int.from_bytes(buf[pos : pos + 4], "little"), 0))
            pos += 4
        else:
            raise WireTypeError(f"field {number} has unsupported wire type {wire}")
    if pos > end:
        raise TruncatedError("varint runs past the end of its message")
    return out


def _s64(value: int) -> int:
    return value - _U64 if value > _I64_MAX else value


def _str(buf: bytes, a: int, b: int) -> str:
    return buf[a:b].decode("utf-8", "replace")


def _put(event: Event, key: str, value: Any) -> None:
    if value:
        event[key] = value


# ---------------------------------------------------------------- shared structs


def _first_url(buf: bytes, a: int, b: int) -> str:
    """First ``url_list`` entry of an ``ImageModel``."""
    for number, wire, x, y in _fields(buf, a, b):
        if number == ImageModel_url_list and wire == 2:
            return _str(buf, x, y)
    return ""


def _text_key(buf: bytes, a: int, b: int) -> tuple[str, str]:
    """``(key, default_pattern)`` of a ``Text``."""
    key = pattern = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
            if number == Text_key:
                key = _str(buf, x, y)
            elif number == Text_default_pattern:
                pattern = _str(buf, x, y)
    return key, pattern


def _level(text: str) -> int:
    return int(text) if text.isdecimal() and len(text) < 10 else 0


def _badge(buf: bytes, a: int, b: int) -> tuple[int, int]:
    """``(scene type, level)`` of a ``BadgeStruct``."""
    scene = level = 0
    for number, wire, x, y in _fields(buf, a, b):
        if number == BadgeStruct_scene_type and wire == 0:
            scene = _s64(x)
        elif number == BadgeStruct_privilege_log_extra and wire == 2:
            for n2, w2, x2, y2 in _fields(buf, x, y):
                if n2 == PrivilegeLogExtra_level and w2 == 2:
                    level = _level(_str(buf, x2, y2))
    return scene, level


def _user(buf: bytes, a: int, b: int, identity: int = 0) -> Event:
    """A ``User`` reduced to the contract's User map.

    ``identity`` carries the flags of a sibling ``UserIdentity`` as a bit set
    (see :func:`_identity`).
    """
    uid = followers = follow_status = gifter = member = 0
    id_str = unique_id = nickname = avatar = ""
    moderator = subscriber = False
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == User_id:
                uid = _s64(x)
        elif wire == 2:
            if number == User_nickname:
                nickname = _str(buf, x, y)
            elif number == User_avatar_thumb:
                avatar = _first_url(buf, x, y)
            elif number == User_display_id:
                unique_id = _str(buf, x, y)
            elif number == User_follow_info:
                for n2, w2, x2, _ in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == FollowInfo_follower_count:
                            followers = _s64(x2)
                        elif n2 == FollowInfo_follow_status:
                            follow_status = _s64(x2)
            elif number == User_badge_list:
                scene, level = _badge(buf, x, y)
                if scene == 1:
                    moderator = True
                elif scene == 4:
                    subscriber = True
                elif scene == 8:
                    gifter = level
                elif scene == 10:
                    member = level
            elif number == User_id_str:
                id_str = _str(buf, x, y)
    if not uid and id_str.isdecimal() and len(id_str) < 20:
        value = int(id_str)
        uid = value if value <= _I64_MAX else 0
    user: Event = {}
    _put(user, "id", uid)
    _put(user, "uniqueId", unique_id)
    _put(user, "nickname", nickname)
    _put(user, "avatar", avatar)
    _put(user, "followerCount", followers)
    _put(user, "isModerator", moderator or bool(identity & 4))
    _put(user, "isSubscriber", subscriber or bool(identity & 1))
    _put(user, "isFollower", follow_status >= 1 or bool(identity & 10))
    _put(user, "isFriend", follow_status >= 2 or bool(identity & 8))
    _put(user, "gifterLevel", gifter)
    _put(user, "memberLevel", member)
    return user


def _identity(buf: bytes, a: int, b: int) -> int:
    """``UserIdentity`` as bits: 1 subscriber, 2 follower, 4 moderator, 8 mutual."""
    bits = 0
    for number, wire, x, _ in _fields(buf, a, b):
        if wire == 0 and x:
            if number == UserIdentity_is_subscriber_of_anchor:
                bits |= 1
            elif number == UserIdentity_is_follower_of_anchor:
                bits |= 2
            elif number == UserIdentity_is_moderator_of_anchor:
                bits |= 4
            elif number == UserIdentity_is_mutual_following_with_anchor:
                bits |= 8
    return bits


def _common(buf: bytes, a: int, b: int, event: Event) -> str:
    """Put ``msgId``/``createTime`` from ``CommonMessageData``; return its text key."""
    key = ""
    msg_id = created = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == CommonMessageData_msg_id:
                msg_id = _s64(x)
            elif number == CommonMessageData_create_time:
                created = _s64(x)
        elif number == CommonMessageData_display_text and wire == 2:
            key = _text_key(buf, x, y)[0]
    _put(event, "msgId", msg_id)
    _put(event, "createTime", created)
    return key


def _emote(buf: bytes, a: int, b: int, index: int) -> Event:
    emote_id = url = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
            if number == Emote_emote_id:
                emote_id = _str(buf, x, y)
            elif number == Emote_image:
                url = _first_url(buf, x, y)
    emote: Event = {}
    _put(emote, "id", emote_id)
    _put(emote, "url", url)
    _put(emote, "index", index)
    return emote


def _user_with_identity(buf: bytes, user: tuple[int, int] | None, identity: int) -> Event:
    return _user(buf, user[0], user[1], identity) if user else {}


# ---------------------------------------------------------------- messages


def _chat(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "chat"}
    user: tuple[int, int] | None = None
    identity = 0
    comment = language = ""
    emotes: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
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
    _put(event, "user", _user_with_identity(buf, user, identity))
    _put(event, "comment", comment)
    _put(event, "language", language)
    _put(event, "emotes", emotes)
    return event


def _gift(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "gift"}
    user: tuple[int, int] | None = None
    identity = gift_id = repeat_count = repeat_end = group_id = to_user = 0
    gift_type = diamonds = 0
    name = image = ""
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
    return event


def _like(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "like"}
    user: tuple[int, int] | None = None
    count = total = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastLikeMessage_count:
                count = _s64(x)
            elif number == WebcastLikeMessage_total:
                total = _s64(x)
        elif wire == 2:
            if number == WebcastLikeMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastLikeMessage_user:
                user = (x, y)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "likeCount", count)
    _put(event, "totalLikes", total)
    return event


def _member(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "member"}
    user: tuple[int, int] | None = None
    action = count = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastMemberMessage_action:
                action = _s64(x)
            elif number == WebcastMemberMessage_member_count:
                count = _s64(x)
        elif wire == 2:
            if number == WebcastMemberMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastMemberMessage_user:
                user = (x, y)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "action", action)
    _put(event, "memberCount", count)
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


def _sub_notify(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "subscribe"}
    user: tuple[int, int] | None = None
    months = sub_type = gifted = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastSubNotifyMessage_sub_month:
                months = _s64(x)
            elif number == WebcastSubNotifyMessage_subscribe_type:
                sub_type = _s64(x)
            elif number == WebcastSubNotifyMessage_is_send:
                gifted = x
        elif wire == 2:
            if number == WebcastSubNotifyMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastSubNotifyMessage_user:
                user = (x, y)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "subMonth", months)
    _put(event, "subscribeType", sub_type)
    _put(event, "gifted", bool(gifted))
    return event


def _contributor(buf: bytes, a: int, b: int) -> Event:
    user: tuple[int, int] | None = None
    score = rank = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == Contributor_score:
                score = _s64(x)
            elif number == Contributor_rank:
                rank = _s64(x)
        elif number == Contributor_user and wire == 2:
            user = (x, y)
    out: Event = {}
    _put(out, "user", _user_with_identity(buf, user, 0))
    _put(out, "score", score)
    _put(out, "rank", rank)
    return out


def _room_user_seq(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "roomUserSeq"}
    viewers = total = 0
    top: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastRoomUserSeqMessage_total:
                viewers = _s64(x)
            elif number == WebcastRoomUserSeqMessage_total_user:
                total = _s64(x)
        elif wire == 2:
            if number == WebcastRoomUserSeqMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastRoomUserSeqMessage_ranks:
                top.append(_contributor(buf, x, y))
    _put(event, "viewerCount", viewers)
    _put(event, "totalViewers", total)
    _put(event, "topViewers", top)
    return event


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


def _battle(buf: bytes, a: int, b: int) -> Event:
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


def _armies(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "battleArmies"}
    battle_id = status = from_user = gift_id = gift_count = diamonds = 0
    teams: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastLinkMicArmies_battle_id:
                battle_id = _s64(x)
            elif number == WebcastLinkMicArmies_battle_status:
                status = _s64(x)
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
    _put(event, "battleId", battle_id)
    _put(event, "status", status)
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


def _envelope(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "envelope"}
    envelope_id = sender = sender_id = ""
    diamonds = people = business = unpack_at = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire != 2:
            continue
        if number == WebcastEnvelopeMessage_common:
            _common(buf, x, y, event)
        elif number == WebcastEnvelopeMessage_envelope_info:
            for n2, w2, x2, y2 in _fields(buf, x, y):
                if w2 == 0:
                    if n2 == MessageRedEnvelopInfo_diamond_count:
                        diamonds = _s64(x2)
                    elif n2 == MessageRedEnvelopInfo_people_count:
                        people = _s64(x2)
                    elif n2 == MessageRedEnvelopInfo_business_type:
                        business = _s64(x2)
                    elif n2 == MessageRedEnvelopInfo_unpack_at:
                        unpack_at = _s64(x2)
                elif w2 == 2:
                    if n2 == MessageRedEnvelopInfo_envelope_id:
                        envelope_id = _str(buf, x2, y2)
                    elif n2 == MessageRedEnvelopInfo_send_user_name:
                        sender = _str(buf, x2, y2)
                    elif n2 == MessageRedEnvelopInfo_send_user_id:
                        sender_id = _str(buf, x2, y2)
    _put(event, "envelopeId", envelope_id)
    _put(event, "diamondCount", diamonds)
    _put(event, "peopleCount", people)
    _put(event, "senderName", sender)
    _put(event, "senderId", sender_id)
    _put(event, "businessType", business)
    _put(event, "unpackAt", unpack_at)
    return event


def _question(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "question"}
    user: tuple[int, int] | None = None
    question_id = 0
    text = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire != 2:
            continue
        if number == WebcastQuestionNewMessage_common:
            _common(buf, x, y, event)
        elif number == WebcastQuestionNewMessage_details:
            for n2, w2, x2, y2 in _fields(buf, x, y):
                if n2 == Question_question_id and w2 == 0:
                    question_id = _s64(x2)
                elif w2 == 2:
                    if n2 == Question_content:
                        text = _str(buf, x2, y2)
                    elif n2 == Question_user:
                        user = (x2, y2)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "questionId", question_id)
    _put(event, "questionText", text)
    return event


def _live_intro(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "liveIntro"}
    user: tuple[int, int] | None = None
    content = language = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire != 2:
            continue
        if number == WebcastLiveIntroMessage_common:
            _common(buf, x, y, event)
        elif number == WebcastLiveIntroMessage_content:
            content = _str(buf, x, y)
        elif number == WebcastLiveIntroMessage_user:
            user = (x, y)
        elif number == WebcastLiveIntroMessage_content_language:
            language = _str(buf, x, y)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "content", content)
    _put(event, "language", language)
    return event


def _caption(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "caption"}
    captions: list[Event] = []
    stamp = duration = sentence = definite = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastCaptionMessage_timestamp_ms:
                stamp = _s64(x)
            elif number == WebcastCaptionMessage_duration_ms:
                duration = _s64(x)
            elif number == WebcastCaptionMessage_sentence_id:
                sentence = _s64(x)
            elif number == WebcastCaptionMessage_definite:
                definite = x
        elif wire == 2:
            if number == WebcastCaptionMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastCaptionMessage_content:
                lang, text = _text_key(buf, x, y)
                caption: Event = {}
                _put(caption, "lang", lang)
                _put(caption, "text", text)
                captions.append(caption)
    _put(event, "captions", captions)
    _put(event, "timestampMs", stamp)
    _put(event, "durationMs", duration)
    _put(event, "sentenceId", sentence)
    _put(event, "definite", bool(definite))
    return event


def _barrage(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "barrage"}
    barrage_type = duration = level = 0
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
                    if n2 == WebcastBarrageMessage_common and w2 == 0:
                        level = _s64(x2)
                    elif n2 == WebcastBarrageMessage_icon and w2 == 2:
                        user = (x2, y2)
    _put(event, "barrageType", barrage_type)
    _put(event, "textKey", key)
    _put(event, "text", text)
    _put(event, "duration", duration)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "level", level)
    return event


def _goal(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "goal"}
    contributor = count = score = goal_type = progress = target = 0
    unique_id = gift_name = ""
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
                _common(buf, x, y, event)
            elif number == WebcastGoalUpdateMessage_contributor_display_id:
                unique_id = _str(buf, x, y)
            elif number == WebcastGoalUpdateMessage_contribute_subgoal:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == LiveStreamSubGoal_type:
                            goal_type = _s64(x2)
                        elif n2 == LiveStreamSubGoal_progress:
                            progress = _s64(x2)
                        elif n2 == LiveStreamSubGoal_target:
                            target = _s64(x2)
                    elif n2 == LiveStreamSubGoal_gift and w2 == 2:
                        for n3, w3, x3, y3 in _fields(buf, x2, y2):
                            if n3 == LiveStreamSubGoalGift_name and w3 == 2:
                                gift_name = _str(buf, x3, y3)
    _put(event, "contributorId", contributor)
    _put(event, "contributorUniqueId", unique_id)
    _put(event, "contributeCount", count)
    _put(event, "contributeScore", score)
    _put(event, "goalType", goal_type)
    _put(event, "progress", progress)
    _put(event, "target", target)
    _put(event, "giftName", gift_name)
    return event


def _rank(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "rank"}
    ranks: list[Event] = []
    group = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0 and number == WebcastRankUpdateMessage_group_type:
            group = _s64(x)
        elif wire == 2:
            if number == WebcastRankUpdateMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastRankUpdateMessage_updates:
                rank_type = rank = 0
                for n2, w2, x2, _ in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == RankUpdate_rank_type:
                            rank_type = _s64(x2)
                        elif n2 == RankUpdate_owner_rank:
                            rank = _s64(x2)
                entry: Event = {}
                _put(entry, "rankType", rank_type)
                _put(entry, "rank", rank)
                ranks.append(entry)
    _put(event, "ranks", ranks)
    _put(event, "groupType", group)
    return event


def _poll(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "poll"}
    poll_id = action = gift_id = voters = duration = remain = 0
    title = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastPollMessage_poll_id:
                poll_id = _s64(x)
            elif number == WebcastPollMessage_message_type:
                action = _s64(x)
        elif wire == 2:
            if number == WebcastPollMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastPollMessage_poll_basic_info:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == PollBasicInfo_gift_id:
                            gift_id = _s64(x2)
                        elif n2 == PollBasicInfo_user_cnt:
                            voters = _s64(x2)
                        elif n2 == PollBasicInfo_poll_duration:
                            duration = _s64(x2)
                        elif n2 == PollBasicInfo_time_remain:
                            remain = _s64(x2)
                    elif n2 == PollBasicInfo_title and w2 == 2:
                        title = _str(buf, x2, y2)
    _put(event, "pollId", poll_id)
    _put(event, "pollAction", action)
    _put(event, "title", title)
    _put(event, "giftId", gift_id)
    _put(event, "voterCount", voters)
    _put(event, "duration", duration)
    _put(event, "timeRemain", remain)
    return event


def _banner(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "banner"}
    data = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
            if number == WebcastInRoomBannerMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastInRoomBannerMessage_json_data:
                data = _str(buf, x, y)
    _put(event, "data", data)
    return event


def _ints(buf: bytes, wire: int, x: int, y: int, into: list[int]) -> None:
    """Append a repeated int64 field's values, packed (wire 2) or not (wire 0)."""
    if wire == 0:
        into.append(_s64(x))
        return
    pos = x
    while pos < y:
        value, pos = _varint(buf, pos)
        into.append(_s64(value))
    if pos > y:
        raise TruncatedError("packed varint runs past the end of its field")


def _im_delete(buf: bytes, a: int, b: int) -> Event:
    event: Event = {"type": "imDelete"}
    msg_ids: list[int] = []
    user_ids: list[int] = []
    for number, wire, x, y in _fields(buf, a, b):
        if number == WebcastImDeleteMessage_common and wire == 2:
            _common(buf, x, y, event)
        elif number == WebcastImDeleteMessage_delete_msg_ids and wire in (0, 2):
            _ints(buf, wire, x, y, msg_ids)
        elif number == WebcastImDeleteMessage_delete_user_ids and wire in (0, 2):
            _ints(buf, wire, x, y, user_ids)
    _put(event, "msgIds", msg_ids)
    _put(event, "userIds", user_ids)
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
    "WebcastChatMessage": _chat,
    "WebcastGiftMessage": _gift,
    "WebcastLikeMessage": _like,
    "WebcastMemberMessage": _member,
    "WebcastSocialMessage": _social,
    "WebcastSubNotifyMessage": _sub_notify,
    "WebcastRoomUserSeqMessage": _room_user_seq,
    "WebcastControlMessage": _control,
    "WebcastLinkMicBattle": _battle,
    "WebcastLinkMicArmies": _armies,
    "WebcastRoomPinMessage": _room_pin,
    "WebcastEmoteChatMessage": _emote_chat,
    "WebcastEnvelopeMessage": _envelope,
    "WebcastQuestionNewMessage": _question,
    "WebcastLiveIntroMessage": _live_intro,
    "WebcastCaptionMessage": _caption,
    "WebcastBarrageMessage": _barrage,
    "WebcastGoalUpdateMessage": _goal,
    "WebcastRankUpdateMessage": _rank,
    "WebcastPollMessage": _poll,
    "WebcastInRoomBannerMessage": _banner,
    "WebcastImDeleteMessage": _im_delete,
}
"""Webcast method -> decoder. Names also arrive without the ``Webcast`` prefix."""

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


def transcode_message(method: str, payload: bytes) -> bytes | None:
    """The event of :func:`decode_message`, packed: ``msgpack.packb(event, use_bin_type=True)``.

    ``bridge._native`` writes these bytes straight from the protobuf, without the dict.

    Returns:
        The msgpack bytes, or ``None`` for an ignored method.

    Raises:
        DecodeError: the payload is malformed.
    """
    event = decode_message(method, payload)
    return None if event is None else msgpack.packb(event, use_bin_type=True)


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
