"""Co-host, battle, poll and goal messages as TikTok sends them, encoded here and decoded by our decoders.

Each builder returns ``(method, payload)`` of one webcast message, with any values (hostile ones too);
:func:`decoded` turns it into the event every decoder implementation makes (they must agree), stamped
with its room as the daemon does. Field numbers come from the schema module both decoders use.
"""

from __future__ import annotations

from typing import Any

from bridge import codec
from bridge.codec import webcast as wc
from bridge.codec._schema import (
    AllListUser_linked_list,
    BattleBaseUserInfo_display_id,
    BattleBaseUserInfo_nick_name,
    BattleBaseUserInfo_user_id,
    BattleBonusConfig_reward_config,
    BattleBonusConfig_target_config,
    BattleResult_result,
    BattleResult_score,
    BattleResult_user_id,
    BattleTaskReward_reward_multiple,
    BattleTaskSettle_result,
    BattleTaskStart_config,
    BattleTaskTarget_duration,
    BattleTaskTarget_progress_target,
    BattleTaskUpdate_from_user_id,
    BattleTaskUpdate_progress,
    BattleUserInfo_user,
    BusinessContent_cohost_content,
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
    CriticalStrikeCardInfo_effect_last_duration,
    CriticalStrikeCardInfo_multiple,
    CriticalStrikeCardInfo_to_anchor_id,
    FanTicketRoomNoticeContent_match_id,
    FanTicketRoomNoticeContent_total_linkmic_fan_ticket,
    FanTicketRoomNoticeContent_user_fan_ticket,
    LinkLayerListUser_user,
    LinkListChangeContent_list,
    LinkListChangeContent_type,
    LinkPlayer_room_id,
    LinkPlayer_user_id,
    ListChangeBizContent_user_infos,
    LiveStreamGoal_sub_goals,
    LiveStreamSubGoal_gift,
    LiveStreamSubGoal_id,
    LiveStreamSubGoal_progress,
    LiveStreamSubGoal_target,
    LiveStreamSubGoal_type,
    LiveStreamSubGoalGift_name,
    PollEndContent_option_list,
    PollOptionInfo_display_content,
    PollOptionInfo_option_idx,
    PollOptionInfo_votes,
    PollStartContent_option_list,
    PollStartContent_title,
    UseCriticalStrikeCard_anchor_id,
    UseCriticalStrikeCard_card_info,
    UserFanTicket_fan_ticket,
    UserFanTicket_user_id,
    WebcastGoalUpdateMessage_contribute_subgoal,
    WebcastGoalUpdateMessage_goal,
    WebcastLinkLayerMessage_business_content,
    WebcastLinkLayerMessage_list_change_content,
    WebcastLinkLayerMessage_message_type,
    WebcastLinkLayerMessage_scene,
    WebcastLinkMessage_cohost_list_change_content,
    WebcastLinkMessage_message_type,
    WebcastLinkMicBattle_action,
    WebcastLinkMicBattle_anchor_info,
    WebcastLinkMicBattle_AnchorInfoEntry_key,
    WebcastLinkMicBattle_AnchorInfoEntry_value,
    WebcastLinkMicBattle_battle_id,
    WebcastLinkMicBattle_battle_result,
    WebcastLinkMicBattle_BattleResultEntry_key,
    WebcastLinkMicBattle_BattleResultEntry_value,
    WebcastLinkMicBattleItemCard_battle_id,
    WebcastLinkMicBattleItemCard_msg_type,
    WebcastLinkMicBattleItemCard_use_critical_strike_card,
    WebcastLinkMicBattlePunishFinish_battle_id,
    WebcastLinkMicBattlePunishFinish_reason,
    WebcastLinkmicBattleTaskMessage_battle_id,
    WebcastLinkmicBattleTaskMessage_start,
    WebcastLinkmicBattleTaskMessage_task_message_type,
    WebcastLinkmicBattleTaskMessage_task_settle,
    WebcastLinkmicBattleTaskMessage_task_update,
    WebcastLinkMicFanTicketMethod_fan_ticket_room_notice,
    WebcastLinkMicMethod_fan_ticket,
    WebcastLinkMicMethod_message_type,
    WebcastLinkMicMethod_total_linkmic_fan_ticket,
    WebcastLinkMicMethod_user_id,
    WebcastLiveIntroMessage_content,
    WebcastLiveIntroMessage_user,
    WebcastPollMessage_end_content,
    WebcastPollMessage_message_type,
    WebcastPollMessage_poll_id,
    WebcastPollMessage_start_content,
)
from bridge.codec.protowire import int_field, map_entry, message_field, str_field

Message = tuple[str, bytes]

HOST = 6_700_000_000_000_000_001
"""Our host's user id (the room ``ROOM`` is theirs)."""
RIVAL = 6_800_000_000_000_000_002
ROOM = "ourhost"
ROOM_ID = 7_400_000_000_000_000_001


def decoded(message: Message, room: str = ROOM, room_id: int = ROOM_ID) -> dict[str, Any]:
    """The event of ``message``, the same from every decoder, stamped with its room like the daemon does."""
    method, payload = message
    events = [impl.decode_message(method, payload) for impl in codec.implementations().values()]
    assert events[0] is not None and all(e == events[0] for e in events), events
    return {**events[0], "room": room, "roomId": room_id}


def frame(messages: list[Message], first_id: int, now: int = 1_750_000_000_000) -> bytes:
    """A push frame carrying ``messages`` (with message ids from ``first_id``), as TikTok's push server sends."""
    records = [wc.inner(method, payload, first_id + i) for i, (method, payload) in enumerate(messages)]
    body = wc.fetch_result(records, cursor="c", now=now, internal_ext="x")
    return wc.push_frame("msg", body, log_id=first_id)


def live_intro(host: int = HOST, handle: str = ROOM) -> Message:
    u = wc.SimUser(host, handle, "Host")
    body = message_field(WebcastLiveIntroMessage_user, wc.user(u)) + str_field(
        WebcastLiveIntroMessage_content, "Battles every night"
    )
    return "WebcastLiveIntroMessage", body


def battle(
    battle_id: int,
    action: int,
    anchors: list[tuple[int, str]],
    results: tuple[tuple[int, int, int], ...] = (),
) -> Message:
    """A ``WebcastLinkMicBattle`` with the hosts ``(id, @handle)`` in its anchor map and, for a finish,
    the ``(id, result, score)`` results (0 win, 1 lose, 2 draw)."""
    anchor_map = (
        WebcastLinkMicBattle_anchor_info,
        WebcastLinkMicBattle_AnchorInfoEntry_key,
        WebcastLinkMicBattle_AnchorInfoEntry_value,
    )
    result_map = (
        WebcastLinkMicBattle_battle_result,
        WebcastLinkMicBattle_BattleResultEntry_key,
        WebcastLinkMicBattle_BattleResultEntry_value,
    )
    user = (BattleBaseUserInfo_user_id, BattleBaseUserInfo_nick_name, BattleBaseUserInfo_display_id)
    result = (BattleResult_user_id, BattleResult_result, BattleResult_score)
    entries = _id_map(
        *anchor_map,
        {uid: message_field(BattleUserInfo_user, _fields(user, uid, h.title(), h)) for uid, h in anchors},
    )
    entries += _id_map(*result_map, {uid: _fields(result, uid, r, score) for uid, r, score in results})
    body = int_field(WebcastLinkMicBattle_battle_id, battle_id) + int_field(
        WebcastLinkMicBattle_action, action
    )
    return "WebcastLinkMicBattle", body + entries


def _fields(numbers: tuple[int, ...], *values: int | str) -> bytes:
    """The fields ``numbers`` with ``values`` (strings as strings, the rest as integers)."""
    return b"".join(
        str_field(n, v) if isinstance(v, str) else int_field(n, v)
        for n, v in zip(numbers, values, strict=True)
    )


def _id_map(number: int, key: int, value: int, items: dict[int, bytes]) -> bytes:
    """A protobuf map field ``number`` from integer ids to encoded messages."""
    return b"".join(map_entry(number, int_field(key, k), message_field(value, v)) for k, v in items.items())


def fan_tickets(scores: list[tuple[int, int]], total: int | None = None, match: int = 0) -> Message:
    """``WebcastLinkMicFanTicketMethod``: every host's score ``(id, fan tickets)``."""
    notice = b"".join(
        message_field(
            FanTicketRoomNoticeContent_user_fan_ticket,
            int_field(UserFanTicket_user_id, uid),
            int_field(UserFanTicket_fan_ticket, score),
        )
        for uid, score in scores
    )
    if total is not None:
        notice += int_field(FanTicketRoomNoticeContent_total_linkmic_fan_ticket, total)
    if match:
        notice += int_field(FanTicketRoomNoticeContent_match_id, match)
    return "WebcastLinkMicFanTicketMethod", message_field(
        WebcastLinkMicFanTicketMethod_fan_ticket_room_notice, notice
    )


def link_mic_score(host: int, score: int, total: int) -> Message:
    """``WebcastLinkMicMethod``: one host's score."""
    body = b"".join(
        [
            int_field(WebcastLinkMicMethod_message_type, 8),
            int_field(WebcastLinkMicMethod_user_id, host),
            int_field(WebcastLinkMicMethod_fan_ticket, score),
            int_field(WebcastLinkMicMethod_total_linkmic_fan_ticket, total),
        ]
    )
    return "WebcastLinkMicMethod", body


def co_hosts(hosts: list[tuple[int, str, int]], action: int = 11) -> Message:
    """``WebcastLinkLayerMessage`` list change: the linked hosts ``(id, @handle, room id)`` with names."""
    linked = b"".join(
        message_field(
            AllListUser_linked_list,
            message_field(
                LinkLayerListUser_user,
                int_field(LinkPlayer_room_id, room),
                int_field(LinkPlayer_user_id, uid),
            ),
        )
        for uid, _, room in hosts
    )
    infos = b"".join(
        message_field(
            ListChangeBizContent_user_infos,
            int_field(CohostUserInfoEntry_key, uid),
            message_field(
                CohostUserInfoEntry_value,
                str_field(CohostUserInfo_nickname, handle.title()),
                str_field(CohostUserInfo_display_id, handle),
            ),
        )
        for uid, handle, _ in hosts
    )
    body = b"".join(
        [
            int_field(WebcastLinkLayerMessage_message_type, action),
            int_field(WebcastLinkLayerMessage_scene, 2),
            message_field(
                WebcastLinkLayerMessage_list_change_content,
                int_field(LinkListChangeContent_type, 1),
                message_field(LinkListChangeContent_list, linked),
            ),
            message_field(
                WebcastLinkLayerMessage_business_content,
                message_field(
                    BusinessContent_cohost_content,
                    message_field(CohostContent_list_change_biz_content, infos),
                ),
            ),
        ]
    )
    return "WebcastLinkLayerMessage", body


def linker_co_hosts(hosts: list[tuple[int, str, int]]) -> Message:
    """``WebcastLinkMessage`` co-host list change (22): the hosts ``(id, @handle, room id)``."""
    users = b"".join(
        message_field(
            CohostListChangeContent_users,
            int_field(CohostListUser_user_id, uid),
            str_field(CohostListUser_nick_name, handle.title()),
            int_field(CohostListUser_room_id, room),
            str_field(CohostListUser_display_id, handle),
        )
        for uid, handle, room in hosts
    )
    body = int_field(WebcastLinkMessage_message_type, 22)
    return "WebcastLinkMessage", body + message_field(WebcastLinkMessage_cohost_list_change_content, users)


def co_host_notice(action: int) -> Message:
    """A link-layer join (12) or leave (9) notice, without the list."""
    return "WebcastLinkLayerMessage", int_field(WebcastLinkLayerMessage_message_type, action)


def strike_card(
    anchor: int, target: int, multiple: int = 2, duration: int = 20, battle_id: int = 1
) -> Message:
    """``WebcastLinkMicBattleItemCard``: a critical strike card used by ``anchor``'s side."""
    card = message_field(
        WebcastLinkMicBattleItemCard_use_critical_strike_card,
        message_field(
            UseCriticalStrikeCard_card_info,
            int_field(CriticalStrikeCardInfo_effect_last_duration, duration),
            int_field(CriticalStrikeCardInfo_multiple, multiple),
            int_field(CriticalStrikeCardInfo_to_anchor_id, target),
        ),
        int_field(UseCriticalStrikeCard_anchor_id, anchor),
    )
    body = int_field(WebcastLinkMicBattleItemCard_battle_id, battle_id) + int_field(
        WebcastLinkMicBattleItemCard_msg_type, 2
    )
    return "WebcastLinkMicBattleItemCard", body + card


def punish_finish(battle_id: int, reason: int) -> Message:
    body = int_field(WebcastLinkMicBattlePunishFinish_battle_id, battle_id) + int_field(
        WebcastLinkMicBattlePunishFinish_reason, reason
    )
    return "WebcastLinkMicBattlePunishFinish", body


def battle_task(
    kind: int, *, target: int = 0, progress: int = 0, result: int = 0, battle_id: int = 1
) -> Message:
    """``WebcastLinkmicBattleTaskMessage``: 0 start (``target``), 1 progress, 2 settled (``result``)."""
    if kind == 0:
        block = message_field(
            WebcastLinkmicBattleTaskMessage_start,
            message_field(
                BattleTaskStart_config,
                message_field(
                    BattleBonusConfig_target_config,
                    int_field(BattleTaskTarget_duration, 30),
                    int_field(BattleTaskTarget_progress_target, target),
                ),
                message_field(
                    BattleBonusConfig_reward_config, int_field(BattleTaskReward_reward_multiple, 2)
                ),
            ),
        )
    elif kind == 1:
        block = message_field(
            WebcastLinkmicBattleTaskMessage_task_update,
            int_field(BattleTaskUpdate_progress, progress),
            int_field(BattleTaskUpdate_from_user_id, 42),
        )
    else:
        block = message_field(
            WebcastLinkmicBattleTaskMessage_task_settle, int_field(BattleTaskSettle_result, result)
        )
    body = int_field(WebcastLinkmicBattleTaskMessage_task_message_type, kind) + block
    return "WebcastLinkmicBattleTaskMessage", body + int_field(
        WebcastLinkmicBattleTaskMessage_battle_id, battle_id
    )


def poll(poll_id: int, action: int, options: list[tuple[str, int]], title: str = "") -> Message:
    """``WebcastPollMessage``: a start (0, with ``title``) or end (1) block with ``(text, votes)`` options."""
    number = PollStartContent_option_list if action == 0 else PollEndContent_option_list
    listed = b"".join(
        message_field(
            number,
            int_field(PollOptionInfo_votes, votes),
            str_field(PollOptionInfo_display_content, text),
            int_field(PollOptionInfo_option_idx, index),
        )
        for index, (text, votes) in enumerate(options)
    )
    if action == 0:
        block = message_field(
            WebcastPollMessage_start_content, listed, str_field(PollStartContent_title, title)
        )
    else:
        block = message_field(WebcastPollMessage_end_content, listed)
    body = int_field(WebcastPollMessage_message_type, action) + int_field(WebcastPollMessage_poll_id, poll_id)
    return "WebcastPollMessage", body + block


def goal(progress: int, target: int, gift: str = "Rose") -> Message:
    """``WebcastGoalUpdateMessage`` as on the wire: the contributing sub-goal without its gift, the list with it."""
    sub = [int_field(LiveStreamSubGoal_type, 1), int_field(LiveStreamSubGoal_id, 99)]
    counts = [int_field(LiveStreamSubGoal_progress, progress), int_field(LiveStreamSubGoal_target, target)]
    listed = message_field(
        LiveStreamGoal_sub_goals,
        *sub,
        *counts,
        message_field(LiveStreamSubGoal_gift, str_field(LiveStreamSubGoalGift_name, gift)),
    )
    body = message_field(WebcastGoalUpdateMessage_goal, listed) + message_field(
        WebcastGoalUpdateMessage_contribute_subgoal, *sub, *counts
    )
    return "WebcastGoalUpdateMessage", body
