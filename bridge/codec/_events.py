"""Message decoders generated from proto/webcast.proto by scripts/gen_wire.py: do not edit.

One function per annotated message of the schema (see scripts/gen_wire.py for the reads);
:data:`DECODERS` maps each method to its decoder. bridge.codec._pure adds the hand-written ones.
"""

from __future__ import annotations

from collections.abc import Callable

from ._scan import Event, _common, _fields, _ints, _put, _s64, _str, _user_with_identity
from ._schema import (
    AllListUser_linked_list,
    AwardCardNotice_awarded_users,
    BattleBaseUserInfo_display_id,
    BattleBaseUserInfo_nick_name,
    BattleBaseUserInfo_user_id,
    BattleBonusConfig_reward_config,
    BattleBonusConfig_target_config,
    BattleNoticeCommonGuide_display_text,
    BattleNoticeRuleGuide_content,
    BattleNoticeRuleGuide_content_text,
    BattleNoticeRuleGuide_rule_url,
    BattleNoticeText_text,
    BattleSetting_status,
    BattleTaskReward_reward_multiple,
    BattleTaskSettle_result,
    BattleTaskStart_config,
    BattleTaskTarget_duration,
    BattleTaskTarget_progress_target,
    BattleTaskUpdate_from_user_id,
    BattleTaskUpdate_progress,
    BattleUserInfo_user,
    BusinessContent_cohost_content,
    CaptionContent_content,
    CaptionContent_lang,
    CohostContent_list_change_biz_content,
    CohostListChangeContent_users,
    CohostListUser_display_id,
    CohostListUser_nick_name,
    CohostListUser_room_id,
    CohostListUser_user_id,
    CohostUserInfo_display_id,
    CohostUserInfo_nickname,
    CohostUserInfoEntry_key,
    CohostUserInfoEntry_value,
    CommonMessageData_display_text,
    Contributor_rank,
    Contributor_score,
    Contributor_user,
    CriticalStrikeCardInfo_effect_last_duration,
    CriticalStrikeCardInfo_multiple,
    CriticalStrikeCardInfo_to_anchor_id,
    FanTicketRoomNoticeContent_match_id,
    FanTicketRoomNoticeContent_total_linkmic_fan_ticket,
    FanTicketRoomNoticeContent_user_fan_ticket,
    HourlyRankContainer_rankings,
    LinkerListChangeContent_linked_users,
    LinkLayerListUser_user,
    LinkListChangeContent_list,
    LinkListUser_user,
    LinkPlayer_room_id,
    LinkPlayer_user_id,
    ListChangeBizContent_user_infos,
    MessageRedEnvelopInfo_business_type,
    MessageRedEnvelopInfo_diamond_count,
    MessageRedEnvelopInfo_envelope_id,
    MessageRedEnvelopInfo_people_count,
    MessageRedEnvelopInfo_send_user_id,
    MessageRedEnvelopInfo_send_user_name,
    MessageRedEnvelopInfo_unpack_at,
    PatternRef_default_pattern,
    PollBasicInfo_gift_id,
    PollBasicInfo_poll_duration,
    PollBasicInfo_time_remain,
    PollBasicInfo_title,
    PollBasicInfo_user_cnt,
    PollEndContent_end_type,
    PollEndContent_option_list,
    PollOptionInfo_display_content,
    PollOptionInfo_option_idx,
    PollOptionInfo_votes,
    PollStartContent_end_time,
    PollStartContent_option_list,
    PollStartContent_start_time,
    PollStartContent_title,
    PollUpdateVotesContent_option_list,
    Question_content,
    Question_question_id,
    Question_user,
    RankUpdate_owner_rank,
    RankUpdate_rank_type,
    SubPinCard_id,
    SubPinCard_title,
    SubPinCard_type,
    SubPinCardText_content,
    Text_default_pattern,
    Text_key,
    Text_pieces,
    TextPiece_gift_value,
    TextPiece_string_value,
    TextPiece_type,
    TextPiece_user_value,
    TextPieceGift_gift_id,
    TextPieceGift_name_ref,
    TextPieceUser_user,
    UseCriticalStrikeCard_anchor_id,
    UseCriticalStrikeCard_card_info,
    UserFanTicket_fan_ticket,
    UserFanTicket_match_rank,
    UserFanTicket_match_total_score,
    UserFanTicket_user_id,
    WebcastAccessRecallMessage_common,
    WebcastAccessRecallMessage_duration,
    WebcastAccessRecallMessage_end_time,
    WebcastAccessRecallMessage_notice,
    WebcastAccessRecallMessage_scene,
    WebcastAccessRecallMessage_status,
    WebcastBottomMessage_biz_type,
    WebcastBottomMessage_common,
    WebcastBottomMessage_content,
    WebcastBottomMessage_duration,
    WebcastBottomMessage_text_type,
    WebcastBottomMessage_violation_user_id,
    WebcastCaptionMessage_common,
    WebcastCaptionMessage_content,
    WebcastCaptionMessage_definite,
    WebcastCaptionMessage_duration_ms,
    WebcastCaptionMessage_sentence_id,
    WebcastCaptionMessage_timestamp_ms,
    WebcastEnvelopeMessage_common,
    WebcastEnvelopeMessage_envelope_info,
    WebcastGiftBroadcastMessage_common,
    WebcastGiftBroadcastMessage_from_user_id,
    WebcastGiftBroadcastMessage_notify,
    WebcastHourlyRankMessage_common,
    WebcastHourlyRankMessage_data,
    WebcastImDeleteMessage_common,
    WebcastImDeleteMessage_delete_msg_ids,
    WebcastImDeleteMessage_delete_user_ids,
    WebcastInRoomBannerMessage_common,
    WebcastInRoomBannerMessage_json_data,
    WebcastLikeMessage_common,
    WebcastLikeMessage_count,
    WebcastLikeMessage_total,
    WebcastLikeMessage_user,
    WebcastLinkLayerMessage_business_content,
    WebcastLinkLayerMessage_channel_id,
    WebcastLinkLayerMessage_common,
    WebcastLinkLayerMessage_list_change_content,
    WebcastLinkLayerMessage_message_type,
    WebcastLinkLayerMessage_scene,
    WebcastLinkMessage_cohost_list_change_content,
    WebcastLinkMessage_common,
    WebcastLinkMessage_linker_id,
    WebcastLinkMessage_list_change_content,
    WebcastLinkMessage_message_type,
    WebcastLinkMessage_scene,
    WebcastLinkMicBattleItemCard_award_card_notice,
    WebcastLinkMicBattleItemCard_award_reason,
    WebcastLinkMicBattleItemCard_battle_id,
    WebcastLinkMicBattleItemCard_common,
    WebcastLinkMicBattleItemCard_msg_type,
    WebcastLinkMicBattleItemCard_use_critical_strike_card,
    WebcastLinkmicBattleNoticeMessage_battle_rule_guide,
    WebcastLinkmicBattleNoticeMessage_common,
    WebcastLinkmicBattleNoticeMessage_common_guide,
    WebcastLinkmicBattleNoticeMessage_notice_type,
    WebcastLinkMicBattlePunishFinish_battle_id,
    WebcastLinkMicBattlePunishFinish_battle_settings,
    WebcastLinkMicBattlePunishFinish_channel_id,
    WebcastLinkMicBattlePunishFinish_common,
    WebcastLinkMicBattlePunishFinish_op_uid,
    WebcastLinkMicBattlePunishFinish_reason,
    WebcastLinkmicBattleTaskMessage_battle_id,
    WebcastLinkmicBattleTaskMessage_common,
    WebcastLinkmicBattleTaskMessage_start,
    WebcastLinkmicBattleTaskMessage_task_message_type,
    WebcastLinkmicBattleTaskMessage_task_settle,
    WebcastLinkmicBattleTaskMessage_task_update,
    WebcastLinkMicFanTicketMethod_common,
    WebcastLinkMicFanTicketMethod_fan_ticket_room_notice,
    WebcastLinkMicMethod_channel_id,
    WebcastLinkMicMethod_common,
    WebcastLinkMicMethod_fan_ticket,
    WebcastLinkMicMethod_message_type,
    WebcastLinkMicMethod_total_linkmic_fan_ticket,
    WebcastLinkMicMethod_user_id,
    WebcastLiveIntroMessage_common,
    WebcastLiveIntroMessage_content,
    WebcastLiveIntroMessage_content_language,
    WebcastLiveIntroMessage_user,
    WebcastMemberMessage_action,
    WebcastMemberMessage_common,
    WebcastMemberMessage_member_count,
    WebcastMemberMessage_user,
    WebcastPollMessage_common,
    WebcastPollMessage_end_content,
    WebcastPollMessage_message_type,
    WebcastPollMessage_poll_basic_info,
    WebcastPollMessage_poll_id,
    WebcastPollMessage_poll_kind,
    WebcastPollMessage_start_content,
    WebcastPollMessage_update_votes_content,
    WebcastQuestionNewMessage_common,
    WebcastQuestionNewMessage_details,
    WebcastRankTextMessage_common,
    WebcastRankTextMessage_cur_user_id,
    WebcastRankTextMessage_owner_idx_after_update,
    WebcastRankTextMessage_owner_idx_before_update,
    WebcastRankTextMessage_scene,
    WebcastRankUpdateMessage_common,
    WebcastRankUpdateMessage_group_type,
    WebcastRankUpdateMessage_updates,
    WebcastRoomMessage_common,
    WebcastRoomMessage_content,
    WebcastRoomMessage_is_welcome,
    WebcastRoomMessage_scene,
    WebcastRoomMessage_show_duration_ms,
    WebcastRoomNotifyMessage_common,
    WebcastRoomNotifyMessage_content,
    WebcastRoomNotifyMessage_from_user_id,
    WebcastRoomNotifyMessage_notify_type,
    WebcastRoomNotifyMessage_source,
    WebcastRoomNotifyMessage_to_anchor_id,
    WebcastRoomNotifyMessage_user,
    WebcastRoomUserSeqMessage_common,
    WebcastRoomUserSeqMessage_ranks,
    WebcastRoomUserSeqMessage_total,
    WebcastRoomUserSeqMessage_total_user,
    WebcastSubNotifyMessage_common,
    WebcastSubNotifyMessage_gift_source,
    WebcastSubNotifyMessage_is_send,
    WebcastSubNotifyMessage_sub_month,
    WebcastSubNotifyMessage_subscribe_type,
    WebcastSubNotifyMessage_user,
    WebcastSubPinEventMessage_action_type,
    WebcastSubPinEventMessage_card,
    WebcastSubPinEventMessage_common,
    WebcastSubPinEventMessage_operator_user_id,
    WebcastSystemMessage_common,
    WebcastSystemMessage_message,
    WebcastUnauthorizedMemberMessage_action,
    WebcastUnauthorizedMemberMessage_common,
    WebcastUnauthorizedMemberMessage_enter_text,
    WebcastUnauthorizedMemberMessage_nick_name,
)

__all__ = ["DECODERS"]


def _struct_contributor(buf: bytes, a: int, b: int) -> Event:
    """``Contributor`` as a list element."""
    event: Event = {}
    user: tuple[int, int] | None = None
    score = 0
    rank = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == Contributor_score:
                score = _s64(x)
            elif number == Contributor_rank:
                rank = _s64(x)
        elif wire == 2:
            if number == Contributor_user:
                user = (x, y)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "score", score)
    _put(event, "rank", rank)
    return event


def _struct_caption_content(buf: bytes, a: int, b: int) -> Event:
    """``CaptionContent`` as a list element."""
    event: Event = {}
    lang = ""
    text = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
            if number == CaptionContent_lang:
                lang = _str(buf, x, y)
            elif number == CaptionContent_content:
                text = _str(buf, x, y)
    _put(event, "lang", lang)
    _put(event, "text", text)
    return event


def _struct_rank_update(buf: bytes, a: int, b: int) -> Event:
    """``RankUpdate`` as a list element."""
    event: Event = {}
    rank_type = 0
    rank = 0
    for number, wire, x, _ in _fields(buf, a, b):
        if wire == 0:
            if number == RankUpdate_rank_type:
                rank_type = _s64(x)
            elif number == RankUpdate_owner_rank:
                rank = _s64(x)
    _put(event, "rankType", rank_type)
    _put(event, "rank", rank)
    return event


def _struct_poll_option_info(buf: bytes, a: int, b: int) -> Event:
    """``PollOptionInfo`` as a list element."""
    event: Event = {}
    index = 0
    text = ""
    votes = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == PollOptionInfo_votes:
                votes = _s64(x)
            elif number == PollOptionInfo_option_idx:
                index = _s64(x)
        elif wire == 2:
            if number == PollOptionInfo_display_content:
                text = _str(buf, x, y)
    _put(event, "index", index)
    _put(event, "text", text)
    _put(event, "votes", votes)
    return event


def _struct_user_fan_ticket(buf: bytes, a: int, b: int) -> Event:
    """``UserFanTicket`` as a list element."""
    event: Event = {}
    user_id = 0
    score = 0
    total_score = 0
    rank = 0
    for number, wire, x, _ in _fields(buf, a, b):
        if wire == 0:
            if number == UserFanTicket_user_id:
                user_id = _s64(x)
            elif number == UserFanTicket_fan_ticket:
                score = _s64(x)
            elif number == UserFanTicket_match_total_score:
                total_score = _s64(x)
            elif number == UserFanTicket_match_rank:
                rank = _s64(x)
    _put(event, "userId", user_id)
    _put(event, "score", score)
    _put(event, "totalScore", total_score)
    _put(event, "rank", rank)
    return event


def _struct_link_layer_list_user(buf: bytes, a: int, b: int) -> Event:
    """``LinkLayerListUser`` as a list element."""
    event: Event = {}
    id = 0
    room_id = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
            if number == LinkLayerListUser_user:
                for n2, w2, x2, _ in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == LinkPlayer_room_id:
                            room_id = _s64(x2)
                        elif n2 == LinkPlayer_user_id:
                            id = _s64(x2)
    _put(event, "id", id)
    _put(event, "roomId", room_id)
    return event


def _struct_cohost_user_info_entry(buf: bytes, a: int, b: int) -> Event:
    """``CohostUserInfoEntry`` as a list element."""
    event: Event = {}
    id = 0
    unique_id = ""
    nickname = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == CohostUserInfoEntry_key:
                id = _s64(x)
        elif wire == 2:
            if number == CohostUserInfoEntry_value:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == CohostUserInfo_nickname:
                            nickname = _str(buf, x2, y2)
                        elif n2 == CohostUserInfo_display_id:
                            unique_id = _str(buf, x2, y2)
    _put(event, "id", id)
    _put(event, "uniqueId", unique_id)
    _put(event, "nickname", nickname)
    return event


def _struct_link_list_user(buf: bytes, a: int, b: int) -> Event:
    """``LinkListUser`` as a list element."""
    event: Event = {}
    user: tuple[int, int] | None = None
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
            if number == LinkListUser_user:
                user = (x, y)
    _put(event, "user", _user_with_identity(buf, user, 0))
    return event


def _struct_cohost_list_user(buf: bytes, a: int, b: int) -> Event:
    """``CohostListUser`` as a list element."""
    event: Event = {}
    id = 0
    unique_id = ""
    nickname = ""
    room_id = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == CohostListUser_user_id:
                id = _s64(x)
            elif number == CohostListUser_room_id:
                room_id = _s64(x)
        elif wire == 2:
            if number == CohostListUser_nick_name:
                nickname = _str(buf, x, y)
            elif number == CohostListUser_display_id:
                unique_id = _str(buf, x, y)
    _put(event, "id", id)
    _put(event, "uniqueId", unique_id)
    _put(event, "nickname", nickname)
    _put(event, "roomId", room_id)
    return event


def _struct_battle_user_info(buf: bytes, a: int, b: int) -> Event:
    """``BattleUserInfo`` as a list element."""
    event: Event = {}
    id = 0
    unique_id = ""
    nickname = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
            if number == BattleUserInfo_user:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == BattleBaseUserInfo_user_id:
                            id = _s64(x2)
                    elif w2 == 2:
                        if n2 == BattleBaseUserInfo_nick_name:
                            nickname = _str(buf, x2, y2)
                        elif n2 == BattleBaseUserInfo_display_id:
                            unique_id = _str(buf, x2, y2)
    _put(event, "id", id)
    _put(event, "uniqueId", unique_id)
    _put(event, "nickname", nickname)
    return event


def _struct_text_piece(buf: bytes, a: int, b: int) -> Event:
    """``TextPiece`` as a list element."""
    event: Event = {}
    kind = 0
    text = ""
    user: tuple[int, int] | None = None
    gift_id = 0
    gift_name = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == TextPiece_type:
                kind = _s64(x)
        elif wire == 2:
            if number == TextPiece_string_value:
                text = _str(buf, x, y)
            elif number == TextPiece_user_value:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == TextPieceUser_user:
                            user = (x2, y2)
            elif number == TextPiece_gift_value:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == TextPieceGift_gift_id:
                            gift_id = _s64(x2)
                    elif w2 == 2:
                        if n2 == TextPieceGift_name_ref:
                            for n3, w3, x3, y3 in _fields(buf, x2, y2):
                                if w3 == 2:
                                    if n3 == PatternRef_default_pattern:
                                        gift_name = _str(buf, x3, y3)
    _put(event, "kind", kind)
    _put(event, "text", text)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "giftId", gift_id)
    _put(event, "giftName", gift_name)
    return event


def _like(buf: bytes, a: int, b: int) -> Event:
    """``WebcastLikeMessage`` -> ``like``."""
    event: Event = {"type": "like"}
    user: tuple[int, int] | None = None
    like_count = 0
    total_likes = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastLikeMessage_count:
                like_count = _s64(x)
            elif number == WebcastLikeMessage_total:
                total_likes = _s64(x)
        elif wire == 2:
            if number == WebcastLikeMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastLikeMessage_user:
                user = (x, y)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "likeCount", like_count)
    _put(event, "totalLikes", total_likes)
    return event


def _member(buf: bytes, a: int, b: int) -> Event:
    """``WebcastMemberMessage`` -> ``member``."""
    event: Event = {"type": "member"}
    user: tuple[int, int] | None = None
    action = 0
    member_count = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastMemberMessage_member_count:
                member_count = _s64(x)
            elif number == WebcastMemberMessage_action:
                action = _s64(x)
        elif wire == 2:
            if number == WebcastMemberMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastMemberMessage_user:
                user = (x, y)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "action", action)
    _put(event, "memberCount", member_count)
    return event


def _sub_notify(buf: bytes, a: int, b: int) -> Event:
    """``WebcastSubNotifyMessage`` -> ``subscribe``."""
    event: Event = {"type": "subscribe"}
    user: tuple[int, int] | None = None
    sub_month = 0
    subscribe_type = 0
    gifted = 0
    gift_source = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastSubNotifyMessage_sub_month:
                sub_month = _s64(x)
            elif number == WebcastSubNotifyMessage_subscribe_type:
                subscribe_type = _s64(x)
            elif number == WebcastSubNotifyMessage_is_send:
                gifted = x
            elif number == WebcastSubNotifyMessage_gift_source:
                gift_source = _s64(x)
        elif wire == 2:
            if number == WebcastSubNotifyMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastSubNotifyMessage_user:
                user = (x, y)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "subMonth", sub_month)
    _put(event, "subscribeType", subscribe_type)
    _put(event, "gifted", bool(gifted))
    _put(event, "giftSource", gift_source)
    return event


def _room_user_seq(buf: bytes, a: int, b: int) -> Event:
    """``WebcastRoomUserSeqMessage`` -> ``roomUserSeq``."""
    event: Event = {"type": "roomUserSeq"}
    viewer_count = 0
    total_viewers = 0
    top_viewers: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastRoomUserSeqMessage_total:
                viewer_count = _s64(x)
            elif number == WebcastRoomUserSeqMessage_total_user:
                total_viewers = _s64(x)
        elif wire == 2:
            if number == WebcastRoomUserSeqMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastRoomUserSeqMessage_ranks:
                top_viewers.append(_struct_contributor(buf, x, y))
    _put(event, "viewerCount", viewer_count)
    _put(event, "totalViewers", total_viewers)
    _put(event, "topViewers", top_viewers)
    return event


def _envelope(buf: bytes, a: int, b: int) -> Event:
    """``WebcastEnvelopeMessage`` -> ``envelope``."""
    event: Event = {"type": "envelope"}
    envelope_id = ""
    diamond_count = 0
    people_count = 0
    sender_name = ""
    sender_id = ""
    business_type = 0
    unpack_at = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
            if number == WebcastEnvelopeMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastEnvelopeMessage_envelope_info:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == MessageRedEnvelopInfo_business_type:
                            business_type = _s64(x2)
                        elif n2 == MessageRedEnvelopInfo_diamond_count:
                            diamond_count = _s64(x2)
                        elif n2 == MessageRedEnvelopInfo_people_count:
                            people_count = _s64(x2)
                        elif n2 == MessageRedEnvelopInfo_unpack_at:
                            unpack_at = _s64(x2)
                    elif w2 == 2:
                        if n2 == MessageRedEnvelopInfo_envelope_id:
                            envelope_id = _str(buf, x2, y2)
                        elif n2 == MessageRedEnvelopInfo_send_user_name:
                            sender_name = _str(buf, x2, y2)
                        elif n2 == MessageRedEnvelopInfo_send_user_id:
                            sender_id = _str(buf, x2, y2)
    _put(event, "envelopeId", envelope_id)
    _put(event, "diamondCount", diamond_count)
    _put(event, "peopleCount", people_count)
    _put(event, "senderName", sender_name)
    _put(event, "senderId", sender_id)
    _put(event, "businessType", business_type)
    _put(event, "unpackAt", unpack_at)
    return event


def _question_new(buf: bytes, a: int, b: int) -> Event:
    """``WebcastQuestionNewMessage`` -> ``question``."""
    event: Event = {"type": "question"}
    user: tuple[int, int] | None = None
    question_id = 0
    question_text = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
            if number == WebcastQuestionNewMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastQuestionNewMessage_details:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == Question_question_id:
                            question_id = _s64(x2)
                    elif w2 == 2:
                        if n2 == Question_content:
                            question_text = _str(buf, x2, y2)
                        elif n2 == Question_user:
                            user = (x2, y2)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "questionId", question_id)
    _put(event, "questionText", question_text)
    return event


def _live_intro(buf: bytes, a: int, b: int) -> Event:
    """``WebcastLiveIntroMessage`` -> ``liveIntro``."""
    event: Event = {"type": "liveIntro"}
    user: tuple[int, int] | None = None
    content = ""
    language = ""
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
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
    """``WebcastCaptionMessage`` -> ``caption``."""
    event: Event = {"type": "caption"}
    captions: list[Event] = []
    timestamp_ms = 0
    duration_ms = 0
    sentence_id = 0
    definite = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastCaptionMessage_timestamp_ms:
                timestamp_ms = _s64(x)
            elif number == WebcastCaptionMessage_duration_ms:
                duration_ms = _s64(x)
            elif number == WebcastCaptionMessage_sentence_id:
                sentence_id = _s64(x)
            elif number == WebcastCaptionMessage_definite:
                definite = x
        elif wire == 2:
            if number == WebcastCaptionMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastCaptionMessage_content:
                captions.append(_struct_caption_content(buf, x, y))
    _put(event, "captions", captions)
    _put(event, "timestampMs", timestamp_ms)
    _put(event, "durationMs", duration_ms)
    _put(event, "sentenceId", sentence_id)
    _put(event, "definite", bool(definite))
    return event


def _rank_update(buf: bytes, a: int, b: int) -> Event:
    """``WebcastRankUpdateMessage`` -> ``rank``."""
    event: Event = {"type": "rank"}
    ranks: list[Event] = []
    group_type = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastRankUpdateMessage_group_type:
                group_type = _s64(x)
        elif wire == 2:
            if number == WebcastRankUpdateMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastRankUpdateMessage_updates:
                ranks.append(_struct_rank_update(buf, x, y))
    _put(event, "ranks", ranks)
    _put(event, "groupType", group_type)
    return event


def _poll(buf: bytes, a: int, b: int) -> Event:
    """``WebcastPollMessage`` -> ``poll``."""
    event: Event = {"type": "poll"}
    poll_id = 0
    poll_action = 0
    poll_kind = 0
    title = ""
    start_time = 0
    end_time = 0
    options: list[Event] = []
    end_type = 0
    gift_id = 0
    voter_count = 0
    duration = 0
    time_remain = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastPollMessage_message_type:
                poll_action = _s64(x)
            elif number == WebcastPollMessage_poll_id:
                poll_id = _s64(x)
            elif number == WebcastPollMessage_poll_kind:
                poll_kind = _s64(x)
        elif wire == 2:
            if number == WebcastPollMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastPollMessage_start_content:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == PollStartContent_start_time:
                            start_time = _s64(x2)
                        elif n2 == PollStartContent_end_time:
                            end_time = _s64(x2)
                    elif w2 == 2:
                        if n2 == PollStartContent_option_list:
                            options.append(_struct_poll_option_info(buf, x2, y2))
                        elif n2 == PollStartContent_title:
                            title = _str(buf, x2, y2)
            elif number == WebcastPollMessage_end_content:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == PollEndContent_end_type:
                            end_type = _s64(x2)
                    elif w2 == 2:
                        if n2 == PollEndContent_option_list:
                            options.append(_struct_poll_option_info(buf, x2, y2))
            elif number == WebcastPollMessage_update_votes_content:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == PollUpdateVotesContent_option_list:
                            options.append(_struct_poll_option_info(buf, x2, y2))
            elif number == WebcastPollMessage_poll_basic_info:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == PollBasicInfo_gift_id:
                            gift_id = _s64(x2)
                        elif n2 == PollBasicInfo_user_cnt:
                            voter_count = _s64(x2)
                        elif n2 == PollBasicInfo_poll_duration:
                            duration = _s64(x2)
                        elif n2 == PollBasicInfo_time_remain:
                            time_remain = _s64(x2)
                    elif w2 == 2:
                        if n2 == PollBasicInfo_title:
                            title = _str(buf, x2, y2)
    _put(event, "pollId", poll_id)
    _put(event, "pollAction", poll_action)
    _put(event, "pollKind", poll_kind)
    _put(event, "title", title)
    _put(event, "startTime", start_time)
    _put(event, "endTime", end_time)
    _put(event, "options", options)
    _put(event, "endType", end_type)
    _put(event, "giftId", gift_id)
    _put(event, "voterCount", voter_count)
    _put(event, "duration", duration)
    _put(event, "timeRemain", time_remain)
    return event


def _in_room_banner(buf: bytes, a: int, b: int) -> Event:
    """``WebcastInRoomBannerMessage`` -> ``banner``."""
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


def _im_delete(buf: bytes, a: int, b: int) -> Event:
    """``WebcastImDeleteMessage`` -> ``imDelete``."""
    event: Event = {"type": "imDelete"}
    msg_ids: list[int] = []
    user_ids: list[int] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastImDeleteMessage_delete_msg_ids:
                _ints(buf, wire, x, y, msg_ids)
            elif number == WebcastImDeleteMessage_delete_user_ids:
                _ints(buf, wire, x, y, user_ids)
        elif wire == 2:
            if number == WebcastImDeleteMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastImDeleteMessage_delete_msg_ids:
                _ints(buf, wire, x, y, msg_ids)
            elif number == WebcastImDeleteMessage_delete_user_ids:
                _ints(buf, wire, x, y, user_ids)
    _put(event, "msgIds", msg_ids)
    _put(event, "userIds", user_ids)
    return event


def _link_mic_fan_ticket_method(buf: bytes, a: int, b: int) -> Event:
    """``WebcastLinkMicFanTicketMethod`` -> ``coHostScore``."""
    event: Event = {"type": "coHostScore"}
    hosts: list[Event] = []
    total = 0
    match_id = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
            if number == WebcastLinkMicFanTicketMethod_common:
                _common(buf, x, y, event)
            elif number == WebcastLinkMicFanTicketMethod_fan_ticket_room_notice:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == FanTicketRoomNoticeContent_total_linkmic_fan_ticket:
                            total = _s64(x2)
                        elif n2 == FanTicketRoomNoticeContent_match_id:
                            match_id = _s64(x2)
                    elif w2 == 2:
                        if n2 == FanTicketRoomNoticeContent_user_fan_ticket:
                            hosts.append(_struct_user_fan_ticket(buf, x2, y2))
    _put(event, "hosts", hosts)
    _put(event, "total", total)
    _put(event, "matchId", match_id)
    return event


def _link_mic_method(buf: bytes, a: int, b: int) -> Event:
    """``WebcastLinkMicMethod`` -> ``coHostScore``."""
    event: Event = {"type": "coHostScore"}
    total = 0
    user_id = 0
    score = 0
    message_type = 0
    channel_id = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastLinkMicMethod_message_type:
                message_type = _s64(x)
            elif number == WebcastLinkMicMethod_user_id:
                user_id = _s64(x)
            elif number == WebcastLinkMicMethod_fan_ticket:
                score = _s64(x)
            elif number == WebcastLinkMicMethod_total_linkmic_fan_ticket:
                total = _s64(x)
            elif number == WebcastLinkMicMethod_channel_id:
                channel_id = _s64(x)
        elif wire == 2:
            if number == WebcastLinkMicMethod_common:
                _common(buf, x, y, event)
    _put(event, "total", total)
    _put(event, "userId", user_id)
    _put(event, "score", score)
    _put(event, "messageType", message_type)
    _put(event, "channelId", channel_id)
    return event


def _link_layer(buf: bytes, a: int, b: int) -> Event:
    """``WebcastLinkLayerMessage`` -> ``coHost``."""
    event: Event = {"type": "coHost"}
    layer_action = 0
    scene = 0
    channel_id = 0
    linked: list[Event] = []
    users: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastLinkLayerMessage_message_type:
                layer_action = _s64(x)
            elif number == WebcastLinkLayerMessage_channel_id:
                channel_id = _s64(x)
            elif number == WebcastLinkLayerMessage_scene:
                scene = _s64(x)
        elif wire == 2:
            if number == WebcastLinkLayerMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastLinkLayerMessage_list_change_content:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == LinkListChangeContent_list:
                            for n3, w3, x3, y3 in _fields(buf, x2, y2):
                                if w3 == 2:
                                    if n3 == AllListUser_linked_list:
                                        linked.append(_struct_link_layer_list_user(buf, x3, y3))
            elif number == WebcastLinkLayerMessage_business_content:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == BusinessContent_cohost_content:
                            for n3, w3, x3, y3 in _fields(buf, x2, y2):
                                if w3 == 2:
                                    if n3 == CohostContent_list_change_biz_content:
                                        for n4, w4, x4, y4 in _fields(buf, x3, y3):
                                            if w4 == 2:
                                                if n4 == ListChangeBizContent_user_infos:
                                                    users.append(_struct_cohost_user_info_entry(buf, x4, y4))
    _put(event, "layerAction", layer_action)
    _put(event, "scene", scene)
    _put(event, "channelId", channel_id)
    _put(event, "linked", linked)
    _put(event, "users", users)
    return event


def _link(buf: bytes, a: int, b: int) -> Event:
    """``WebcastLinkMessage`` -> ``coHost``."""
    event: Event = {"type": "coHost"}
    link_action = 0
    scene = 0
    linker_id = 0
    users: list[Event] = []
    linked_users: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastLinkMessage_message_type:
                link_action = _s64(x)
            elif number == WebcastLinkMessage_linker_id:
                linker_id = _s64(x)
            elif number == WebcastLinkMessage_scene:
                scene = _s64(x)
        elif wire == 2:
            if number == WebcastLinkMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastLinkMessage_list_change_content:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == LinkerListChangeContent_linked_users:
                            linked_users.append(_struct_link_list_user(buf, x2, y2))
            elif number == WebcastLinkMessage_cohost_list_change_content:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == CohostListChangeContent_users:
                            users.append(_struct_cohost_list_user(buf, x2, y2))
    _put(event, "linkAction", link_action)
    _put(event, "scene", scene)
    _put(event, "linkerId", linker_id)
    _put(event, "users", users)
    _put(event, "linkedUsers", linked_users)
    return event


def _rank_text(buf: bytes, a: int, b: int) -> Event:
    """``WebcastRankTextMessage`` -> ``rankText``."""
    event: Event = {"type": "rankText"}
    scene = 0
    rank_before = 0
    rank_after = 0
    user_id = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastRankTextMessage_scene:
                scene = _s64(x)
            elif number == WebcastRankTextMessage_owner_idx_before_update:
                rank_before = _s64(x)
            elif number == WebcastRankTextMessage_owner_idx_after_update:
                rank_after = _s64(x)
            elif number == WebcastRankTextMessage_cur_user_id:
                user_id = _s64(x)
        elif wire == 2:
            if number == WebcastRankTextMessage_common:
                _common(buf, x, y, event)
    _put(event, "scene", scene)
    _put(event, "rankBefore", rank_before)
    _put(event, "rankAfter", rank_after)
    _put(event, "userId", user_id)
    return event


def _link_mic_battle_punish_finish(buf: bytes, a: int, b: int) -> Event:
    """``WebcastLinkMicBattlePunishFinish`` -> ``battlePunish``."""
    event: Event = {"type": "battlePunish"}
    battle_id = 0
    reason = 0
    status = 0
    channel_id = 0
    operator_id = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastLinkMicBattlePunishFinish_channel_id:
                channel_id = _s64(x)
            elif number == WebcastLinkMicBattlePunishFinish_op_uid:
                operator_id = _s64(x)
            elif number == WebcastLinkMicBattlePunishFinish_reason:
                reason = _s64(x)
            elif number == WebcastLinkMicBattlePunishFinish_battle_id:
                battle_id = _s64(x)
        elif wire == 2:
            if number == WebcastLinkMicBattlePunishFinish_common:
                _common(buf, x, y, event)
            elif number == WebcastLinkMicBattlePunishFinish_battle_settings:
                for n2, w2, x2, _ in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == BattleSetting_status:
                            status = _s64(x2)
    _put(event, "battleId", battle_id)
    _put(event, "reason", reason)
    _put(event, "status", status)
    _put(event, "channelId", channel_id)
    _put(event, "operatorId", operator_id)
    return event


def _linkmic_battle_task(buf: bytes, a: int, b: int) -> Event:
    """``WebcastLinkmicBattleTaskMessage`` -> ``battleTask``."""
    event: Event = {"type": "battleTask"}
    battle_id = 0
    task_type = 0
    target = 0
    duration = 0
    reward_multiple = 0
    progress = 0
    from_user_id = 0
    result = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastLinkmicBattleTaskMessage_task_message_type:
                task_type = _s64(x)
            elif number == WebcastLinkmicBattleTaskMessage_battle_id:
                battle_id = _s64(x)
        elif wire == 2:
            if number == WebcastLinkmicBattleTaskMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastLinkmicBattleTaskMessage_start:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == BattleTaskStart_config:
                            for n3, w3, x3, y3 in _fields(buf, x2, y2):
                                if w3 == 2:
                                    if n3 == BattleBonusConfig_target_config:
                                        for n4, w4, x4, _ in _fields(buf, x3, y3):
                                            if w4 == 0:
                                                if n4 == BattleTaskTarget_duration:
                                                    duration = _s64(x4)
                                                elif n4 == BattleTaskTarget_progress_target:
                                                    target = _s64(x4)
                                    elif n3 == BattleBonusConfig_reward_config:
                                        for n4, w4, x4, _ in _fields(buf, x3, y3):
                                            if w4 == 0:
                                                if n4 == BattleTaskReward_reward_multiple:
                                                    reward_multiple = _s64(x4)
            elif number == WebcastLinkmicBattleTaskMessage_task_update:
                for n2, w2, x2, _ in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == BattleTaskUpdate_progress:
                            progress = _s64(x2)
                        elif n2 == BattleTaskUpdate_from_user_id:
                            from_user_id = _s64(x2)
            elif number == WebcastLinkmicBattleTaskMessage_task_settle:
                for n2, w2, x2, _ in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == BattleTaskSettle_result:
                            result = _s64(x2)
    _put(event, "battleId", battle_id)
    _put(event, "taskType", task_type)
    _put(event, "target", target)
    _put(event, "duration", duration)
    _put(event, "rewardMultiple", reward_multiple)
    _put(event, "progress", progress)
    _put(event, "fromUserId", from_user_id)
    _put(event, "result", result)
    return event


def _link_mic_battle_item_card(buf: bytes, a: int, b: int) -> Event:
    """``WebcastLinkMicBattleItemCard`` -> ``battleCard``."""
    event: Event = {"type": "battleCard"}
    battle_id = 0
    card_type = 0
    anchor_id = 0
    to_anchor_id = 0
    multiple = 0
    duration = 0
    awarded: list[Event] = []
    award_reason = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastLinkMicBattleItemCard_battle_id:
                battle_id = _s64(x)
            elif number == WebcastLinkMicBattleItemCard_msg_type:
                card_type = _s64(x)
            elif number == WebcastLinkMicBattleItemCard_award_reason:
                award_reason = _s64(x)
        elif wire == 2:
            if number == WebcastLinkMicBattleItemCard_common:
                _common(buf, x, y, event)
            elif number == WebcastLinkMicBattleItemCard_use_critical_strike_card:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == UseCriticalStrikeCard_anchor_id:
                            anchor_id = _s64(x2)
                    elif w2 == 2:
                        if n2 == UseCriticalStrikeCard_card_info:
                            for n3, w3, x3, _ in _fields(buf, x2, y2):
                                if w3 == 0:
                                    if n3 == CriticalStrikeCardInfo_effect_last_duration:
                                        duration = _s64(x3)
                                    elif n3 == CriticalStrikeCardInfo_multiple:
                                        multiple = _s64(x3)
                                    elif n3 == CriticalStrikeCardInfo_to_anchor_id:
                                        to_anchor_id = _s64(x3)
            elif number == WebcastLinkMicBattleItemCard_award_card_notice:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == AwardCardNotice_awarded_users:
                            awarded.append(_struct_battle_user_info(buf, x2, y2))
    _put(event, "battleId", battle_id)
    _put(event, "cardType", card_type)
    _put(event, "anchorId", anchor_id)
    _put(event, "toAnchorId", to_anchor_id)
    _put(event, "multiple", multiple)
    _put(event, "duration", duration)
    _put(event, "awarded", awarded)
    _put(event, "awardReason", award_reason)
    return event


def _linkmic_battle_notice(buf: bytes, a: int, b: int) -> Event:
    """``WebcastLinkmicBattleNoticeMessage`` -> ``battleNotice``."""
    event: Event = {"type": "battleNotice"}
    notice_type = 0
    text = ""
    rule_url = ""
    text_key = ""
    pieces: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastLinkmicBattleNoticeMessage_notice_type:
                notice_type = _s64(x)
        elif wire == 2:
            if number == WebcastLinkmicBattleNoticeMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastLinkmicBattleNoticeMessage_battle_rule_guide:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == BattleNoticeRuleGuide_content:
                            for n3, w3, x3, y3 in _fields(buf, x2, y2):
                                if w3 == 2:
                                    if n3 == BattleNoticeText_text:
                                        text = _str(buf, x3, y3)
                        elif n2 == BattleNoticeRuleGuide_rule_url:
                            rule_url = _str(buf, x2, y2)
                        elif n2 == BattleNoticeRuleGuide_content_text:
                            for n3, w3, x3, y3 in _fields(buf, x2, y2):
                                if w3 == 2:
                                    if n3 == Text_key:
                                        text_key = _str(buf, x3, y3)
                                    elif n3 == Text_default_pattern:
                                        text = _str(buf, x3, y3)
                                    elif n3 == Text_pieces:
                                        pieces.append(_struct_text_piece(buf, x3, y3))
            elif number == WebcastLinkmicBattleNoticeMessage_common_guide:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == BattleNoticeCommonGuide_display_text:
                            for n3, w3, x3, y3 in _fields(buf, x2, y2):
                                if w3 == 2:
                                    if n3 == Text_key:
                                        text_key = _str(buf, x3, y3)
                                    elif n3 == Text_default_pattern:
                                        text = _str(buf, x3, y3)
                                    elif n3 == Text_pieces:
                                        pieces.append(_struct_text_piece(buf, x3, y3))
    _put(event, "noticeType", notice_type)
    _put(event, "text", text)
    _put(event, "ruleUrl", rule_url)
    _put(event, "textKey", text_key)
    _put(event, "pieces", pieces)
    return event


def _room(buf: bytes, a: int, b: int) -> Event:
    """``WebcastRoomMessage`` -> ``roomMessage``."""
    event: Event = {"type": "roomMessage"}
    content = ""
    scene = ""
    welcome = 0
    duration_ms = 0
    text = ""
    text_key = ""
    pieces: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastRoomMessage_is_welcome:
                welcome = x
            elif number == WebcastRoomMessage_show_duration_ms:
                duration_ms = _s64(x)
        elif wire == 2:
            if number == WebcastRoomMessage_common:
                _common(buf, x, y, event)
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == CommonMessageData_display_text:
                            for n3, w3, x3, y3 in _fields(buf, x2, y2):
                                if w3 == 2:
                                    if n3 == Text_key:
                                        text_key = _str(buf, x3, y3)
                                    elif n3 == Text_default_pattern:
                                        text = _str(buf, x3, y3)
                                    elif n3 == Text_pieces:
                                        pieces.append(_struct_text_piece(buf, x3, y3))
            elif number == WebcastRoomMessage_content:
                content = _str(buf, x, y)
            elif number == WebcastRoomMessage_scene:
                scene = _str(buf, x, y)
    _put(event, "content", content)
    _put(event, "scene", scene)
    _put(event, "welcome", bool(welcome))
    _put(event, "durationMs", duration_ms)
    _put(event, "text", text)
    _put(event, "textKey", text_key)
    _put(event, "pieces", pieces)
    return event


def _system(buf: bytes, a: int, b: int) -> Event:
    """``WebcastSystemMessage`` -> ``systemMessage``."""
    event: Event = {"type": "systemMessage"}
    content = ""
    text = ""
    text_key = ""
    pieces: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
            if number == WebcastSystemMessage_common:
                _common(buf, x, y, event)
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == CommonMessageData_display_text:
                            for n3, w3, x3, y3 in _fields(buf, x2, y2):
                                if w3 == 2:
                                    if n3 == Text_key:
                                        text_key = _str(buf, x3, y3)
                                    elif n3 == Text_default_pattern:
                                        text = _str(buf, x3, y3)
                                    elif n3 == Text_pieces:
                                        pieces.append(_struct_text_piece(buf, x3, y3))
            elif number == WebcastSystemMessage_message:
                content = _str(buf, x, y)
    _put(event, "content", content)
    _put(event, "text", text)
    _put(event, "textKey", text_key)
    _put(event, "pieces", pieces)
    return event


def _room_notify(buf: bytes, a: int, b: int) -> Event:
    """``WebcastRoomNotifyMessage`` -> ``roomNotify``."""
    event: Event = {"type": "roomNotify"}
    notify_type = 0
    content = ""
    user: tuple[int, int] | None = None
    source = ""
    from_user_id = 0
    to_anchor_id = 0
    text = ""
    text_key = ""
    pieces: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastRoomNotifyMessage_notify_type:
                notify_type = _s64(x)
            elif number == WebcastRoomNotifyMessage_from_user_id:
                from_user_id = _s64(x)
            elif number == WebcastRoomNotifyMessage_to_anchor_id:
                to_anchor_id = _s64(x)
        elif wire == 2:
            if number == WebcastRoomNotifyMessage_common:
                _common(buf, x, y, event)
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == CommonMessageData_display_text:
                            for n3, w3, x3, y3 in _fields(buf, x2, y2):
                                if w3 == 2:
                                    if n3 == Text_key:
                                        text_key = _str(buf, x3, y3)
                                    elif n3 == Text_default_pattern:
                                        text = _str(buf, x3, y3)
                                    elif n3 == Text_pieces:
                                        pieces.append(_struct_text_piece(buf, x3, y3))
            elif number == WebcastRoomNotifyMessage_content:
                content = _str(buf, x, y)
            elif number == WebcastRoomNotifyMessage_user:
                user = (x, y)
            elif number == WebcastRoomNotifyMessage_source:
                source = _str(buf, x, y)
    _put(event, "notifyType", notify_type)
    _put(event, "content", content)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "source", source)
    _put(event, "fromUserId", from_user_id)
    _put(event, "toAnchorId", to_anchor_id)
    _put(event, "text", text)
    _put(event, "textKey", text_key)
    _put(event, "pieces", pieces)
    return event


def _gift_broadcast(buf: bytes, a: int, b: int) -> Event:
    """``WebcastGiftBroadcastMessage`` -> ``giftBroadcast``."""
    event: Event = {"type": "giftBroadcast"}
    from_user_id = 0
    notify_type = 0
    content = ""
    user: tuple[int, int] | None = None
    source = ""
    to_anchor_id = 0
    text = ""
    text_key = ""
    pieces: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastGiftBroadcastMessage_from_user_id:
                from_user_id = _s64(x)
        elif wire == 2:
            if number == WebcastGiftBroadcastMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastGiftBroadcastMessage_notify:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == WebcastRoomNotifyMessage_notify_type:
                            notify_type = _s64(x2)
                        elif n2 == WebcastRoomNotifyMessage_from_user_id:
                            from_user_id = _s64(x2)
                        elif n2 == WebcastRoomNotifyMessage_to_anchor_id:
                            to_anchor_id = _s64(x2)
                    elif w2 == 2:
                        if n2 == WebcastRoomNotifyMessage_common:
                            for n3, w3, x3, y3 in _fields(buf, x2, y2):
                                if w3 == 2:
                                    if n3 == CommonMessageData_display_text:
                                        for n4, w4, x4, y4 in _fields(buf, x3, y3):
                                            if w4 == 2:
                                                if n4 == Text_key:
                                                    text_key = _str(buf, x4, y4)
                                                elif n4 == Text_default_pattern:
                                                    text = _str(buf, x4, y4)
                                                elif n4 == Text_pieces:
                                                    pieces.append(_struct_text_piece(buf, x4, y4))
                        elif n2 == WebcastRoomNotifyMessage_content:
                            content = _str(buf, x2, y2)
                        elif n2 == WebcastRoomNotifyMessage_user:
                            user = (x2, y2)
                        elif n2 == WebcastRoomNotifyMessage_source:
                            source = _str(buf, x2, y2)
    _put(event, "fromUserId", from_user_id)
    _put(event, "notifyType", notify_type)
    _put(event, "content", content)
    _put(event, "user", _user_with_identity(buf, user, 0))
    _put(event, "source", source)
    _put(event, "toAnchorId", to_anchor_id)
    _put(event, "text", text)
    _put(event, "textKey", text_key)
    _put(event, "pieces", pieces)
    return event


def _hourly_rank(buf: bytes, a: int, b: int) -> Event:
    """``WebcastHourlyRankMessage`` -> ``hourlyRank``."""
    event: Event = {"type": "hourlyRank"}
    text = ""
    text_key = ""
    pieces: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 2:
            if number == WebcastHourlyRankMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastHourlyRankMessage_data:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == HourlyRankContainer_rankings:
                            for n3, w3, x3, y3 in _fields(buf, x2, y2):
                                if w3 == 2:
                                    if n3 == Text_key:
                                        text_key = _str(buf, x3, y3)
                                    elif n3 == Text_default_pattern:
                                        text = _str(buf, x3, y3)
                                    elif n3 == Text_pieces:
                                        pieces.append(_struct_text_piece(buf, x3, y3))
    _put(event, "text", text)
    _put(event, "textKey", text_key)
    _put(event, "pieces", pieces)
    return event


def _sub_pin_event(buf: bytes, a: int, b: int) -> Event:
    """``WebcastSubPinEventMessage`` -> ``subPin``."""
    event: Event = {"type": "subPin"}
    action = 0
    card_type = 0
    card_id = 0
    title = ""
    operator_id = 0
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastSubPinEventMessage_action_type:
                action = _s64(x)
            elif number == WebcastSubPinEventMessage_operator_user_id:
                operator_id = _s64(x)
        elif wire == 2:
            if number == WebcastSubPinEventMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastSubPinEventMessage_card:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 0:
                        if n2 == SubPinCard_type:
                            card_type = _s64(x2)
                        elif n2 == SubPinCard_id:
                            card_id = _s64(x2)
                    elif w2 == 2:
                        if n2 == SubPinCard_title:
                            for n3, w3, x3, y3 in _fields(buf, x2, y2):
                                if w3 == 2:
                                    if n3 == SubPinCardText_content:
                                        title = _str(buf, x3, y3)
    _put(event, "action", action)
    _put(event, "cardType", card_type)
    _put(event, "cardId", card_id)
    _put(event, "title", title)
    _put(event, "operatorId", operator_id)
    return event


def _bottom(buf: bytes, a: int, b: int) -> Event:
    """``WebcastBottomMessage`` -> ``bottomMessage``."""
    event: Event = {"type": "bottomMessage"}
    content = ""
    text_type = 0
    duration = 0
    biz_type = 0
    violation_user_id = 0
    text = ""
    text_key = ""
    pieces: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastBottomMessage_text_type:
                text_type = _s64(x)
            elif number == WebcastBottomMessage_duration:
                duration = _s64(x)
            elif number == WebcastBottomMessage_biz_type:
                biz_type = _s64(x)
            elif number == WebcastBottomMessage_violation_user_id:
                violation_user_id = _s64(x)
        elif wire == 2:
            if number == WebcastBottomMessage_common:
                _common(buf, x, y, event)
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == CommonMessageData_display_text:
                            for n3, w3, x3, y3 in _fields(buf, x2, y2):
                                if w3 == 2:
                                    if n3 == Text_key:
                                        text_key = _str(buf, x3, y3)
                                    elif n3 == Text_default_pattern:
                                        text = _str(buf, x3, y3)
                                    elif n3 == Text_pieces:
                                        pieces.append(_struct_text_piece(buf, x3, y3))
            elif number == WebcastBottomMessage_content:
                content = _str(buf, x, y)
    _put(event, "content", content)
    _put(event, "textType", text_type)
    _put(event, "duration", duration)
    _put(event, "bizType", biz_type)
    _put(event, "violationUserId", violation_user_id)
    _put(event, "text", text)
    _put(event, "textKey", text_key)
    _put(event, "pieces", pieces)
    return event


def _unauthorized_member(buf: bytes, a: int, b: int) -> Event:
    """``WebcastUnauthorizedMemberMessage`` -> ``unauthorizedMember``."""
    event: Event = {"type": "unauthorizedMember"}
    action = 0
    nickname = ""
    text = ""
    text_key = ""
    pieces: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastUnauthorizedMemberMessage_action:
                action = _s64(x)
        elif wire == 2:
            if number == WebcastUnauthorizedMemberMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastUnauthorizedMemberMessage_nick_name:
                nickname = _str(buf, x, y)
            elif number == WebcastUnauthorizedMemberMessage_enter_text:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == Text_key:
                            text_key = _str(buf, x2, y2)
                        elif n2 == Text_default_pattern:
                            text = _str(buf, x2, y2)
                        elif n2 == Text_pieces:
                            pieces.append(_struct_text_piece(buf, x2, y2))
    _put(event, "action", action)
    _put(event, "nickname", nickname)
    _put(event, "text", text)
    _put(event, "textKey", text_key)
    _put(event, "pieces", pieces)
    return event


def _access_recall(buf: bytes, a: int, b: int) -> Event:
    """``WebcastAccessRecallMessage`` -> ``accessRecall``."""
    event: Event = {"type": "accessRecall"}
    status = 0
    duration = 0
    end_time = 0
    scene = ""
    text = ""
    text_key = ""
    pieces: list[Event] = []
    for number, wire, x, y in _fields(buf, a, b):
        if wire == 0:
            if number == WebcastAccessRecallMessage_status:
                status = _s64(x)
            elif number == WebcastAccessRecallMessage_duration:
                duration = _s64(x)
            elif number == WebcastAccessRecallMessage_end_time:
                end_time = _s64(x)
        elif wire == 2:
            if number == WebcastAccessRecallMessage_common:
                _common(buf, x, y, event)
            elif number == WebcastAccessRecallMessage_scene:
                scene = _str(buf, x, y)
            elif number == WebcastAccessRecallMessage_notice:
                for n2, w2, x2, y2 in _fields(buf, x, y):
                    if w2 == 2:
                        if n2 == Text_key:
                            text_key = _str(buf, x2, y2)
                        elif n2 == Text_default_pattern:
                            text = _str(buf, x2, y2)
                        elif n2 == Text_pieces:
                            pieces.append(_struct_text_piece(buf, x2, y2))
    _put(event, "status", status)
    _put(event, "duration", duration)
    _put(event, "endTime", end_time)
    _put(event, "scene", scene)
    _put(event, "text", text)
    _put(event, "textKey", text_key)
    _put(event, "pieces", pieces)
    return event


DECODERS: dict[str, Callable[[bytes, int, int], Event]] = {
    "WebcastLikeMessage": _like,
    "WebcastMemberMessage": _member,
    "WebcastSubNotifyMessage": _sub_notify,
    "WebcastRoomUserSeqMessage": _room_user_seq,
    "WebcastEnvelopeMessage": _envelope,
    "WebcastQuestionNewMessage": _question_new,
    "WebcastLiveIntroMessage": _live_intro,
    "WebcastCaptionMessage": _caption,
    "WebcastRankUpdateMessage": _rank_update,
    "WebcastPollMessage": _poll,
    "WebcastInRoomBannerMessage": _in_room_banner,
    "WebcastImDeleteMessage": _im_delete,
    "WebcastLinkMicFanTicketMethod": _link_mic_fan_ticket_method,
    "WebcastLinkMicMethod": _link_mic_method,
    "WebcastLinkLayerMessage": _link_layer,
    "WebcastLinkMessage": _link,
    "WebcastRankTextMessage": _rank_text,
    "WebcastLinkMicBattlePunishFinish": _link_mic_battle_punish_finish,
    "WebcastLinkmicBattleTaskMessage": _linkmic_battle_task,
    "WebcastLinkMicBattleItemCard": _link_mic_battle_item_card,
    "WebcastLinkmicBattleNoticeMessage": _linkmic_battle_notice,
    "WebcastRoomMessage": _room,
    "WebcastSystemMessage": _system,
    "WebcastRoomNotifyMessage": _room_notify,
    "WebcastGiftBroadcastMessage": _gift_broadcast,
    "WebcastHourlyRankMessage": _hourly_rank,
    "WebcastSubPinEventMessage": _sub_pin_event,
    "WebcastBottomMessage": _bottom,
    "WebcastUnauthorizedMemberMessage": _unauthorized_member,
    "WebcastAccessRecallMessage": _access_recall,
}
"""Method -> generated decoder."""
