"""The built-in simulator: scripted scenarios rendered as real webcast frames.

A :class:`Scenario` (a TOML data file; see ``bridge/sim/scenarios/default.toml``)
says how fast messages come, the mix of message types, the viewers, the gift
catalogue and when the stream ends. A :class:`Simulator` turns it into
gzip-compressed ``WebcastPushFrame`` bytes, exactly what TikTok's push server
sends, so every frame it makes goes through the same decoder as live traffic.

The simulator is sans-I/O: it is driven by the caller's clock (``now_ms``) and a
seeded random generator, so a scenario with a seed always yields the same frames.
"""

from __future__ import annotations

import random
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from ..codec import _schema as ws
from ..codec import webcast as wc
from ..codec._schema import (
    AllListUser_linked_list,
    AwardCardNotice_awarded_users,
    BarrageSubscribeGiftParam_gift_source,
    BarrageSubscribeGiftParam_gift_sub_count,
    BarrageSubscribeGiftParam_show_gift_sub_count,
    BarrageUserGradeParam_current_grade,
    BarrageUserGradeParam_user,
    BattleBaseUserInfo_avatar_thumb,
    BattleBaseUserInfo_display_id,
    BattleBaseUserInfo_nick_name,
    BattleBaseUserInfo_user_id,
    BattleBonusConfig_preview_start_time,
    BattleBonusConfig_reward_config,
    BattleBonusConfig_target_config,
    BattleResult_result,
    BattleResult_score,
    BattleResult_user_id,
    BattleSetting_battle_id,
    BattleSetting_battle_type,
    BattleSetting_duration,
    BattleSetting_end_time_ms,
    BattleSetting_start_time_ms,
    BattleSetting_status,
    BattleTaskReward_duration,
    BattleTaskReward_reward_multiple,
    BattleTaskReward_reward_start_time,
    BattleTaskSettle_result,
    BattleTaskSettle_reward_start_time,
    BattleTaskStart_config,
    BattleTaskTarget_duration,
    BattleTaskTarget_progress_target,
    BattleTaskTarget_target_start_time,
    BattleTaskUpdate_from_user_id,
    BattleTaskUpdate_progress,
    BattleTaskUpdate_prompt_key,
    BattleUserArmies_anchor_id_str,
    BattleUserArmies_host_score,
    BattleUserArmies_user_armies,
    BattleUserArmy_avatar_thumb,
    BattleUserArmy_diamond_score,
    BattleUserArmy_nickname,
    BattleUserArmy_score,
    BattleUserArmy_user_id,
    BattleUserArmy_user_id_str,
    BattleUserInfo_user,
    BusinessContent_cohost_content,
    CaptionContent_content,
    CaptionContent_lang,
    CohostContent_list_change_biz_content,
    CohostListChangeContent_users,
    CohostListUser_avatar_thumb,
    CohostListUser_display_id,
    CohostListUser_nick_name,
    CohostListUser_room_id,
    CohostListUser_user_id,
    CohostUserInfo_avatar_thumb,
    CohostUserInfo_display_id,
    CohostUserInfo_nickname,
    CohostUserInfo_user_id_str,
    CohostUserInfoEntry_key,
    CohostUserInfoEntry_value,
    Contributor_rank,
    Contributor_score,
    Contributor_user,
    CriticalStrikeCardInfo_card_name_key,
    CriticalStrikeCardInfo_effect_last_duration,
    CriticalStrikeCardInfo_multiple,
    CriticalStrikeCardInfo_send_time_sec,
    CriticalStrikeCardInfo_to_anchor_id,
    Emote_emote_id,
    Emote_image,
    EnterEffectConfig_frames,
    EnterEffectConfig_icon,
    EnterEffectConfig_type,
    FanTicketRoomNoticeContent_event_time,
    FanTicketRoomNoticeContent_match_id,
    FanTicketRoomNoticeContent_total_linkmic_fan_ticket,
    FanTicketRoomNoticeContent_user_fan_ticket,
    GoalStats_total_coins,
    GoalStats_total_contributor,
    LinkerListChangeContent_applied_users,
    LinkerListChangeContent_linked_users,
    LinkLayerListUser_linked_time_nano,
    LinkLayerListUser_linkmic_id,
    LinkLayerListUser_user,
    LinkListChangeContent_list,
    LinkListChangeContent_type,
    LinkListUser_fan_ticket,
    LinkListUser_modify_time,
    LinkListUser_user,
    LinkPlayer_room_id,
    LinkPlayer_user_id,
    ListChangeBizContent_user_infos,
    LiveStreamGoal_contributors,
    LiveStreamGoal_description,
    LiveStreamGoal_id,
    LiveStreamGoal_id_str,
    LiveStreamGoal_start_time,
    LiveStreamGoal_stats,
    LiveStreamGoal_status,
    LiveStreamGoal_sub_goals,
    LiveStreamGoalContributor_avatar,
    LiveStreamGoalContributor_display_id,
    LiveStreamGoalContributor_score,
    LiveStreamGoalContributor_user_id,
    LiveStreamSubGoal_gift,
    LiveStreamSubGoal_id,
    LiveStreamSubGoal_id_str,
    LiveStreamSubGoal_progress,
    LiveStreamSubGoal_target,
    LiveStreamSubGoal_type,
    LiveStreamSubGoalGift_diamond_count,
    LiveStreamSubGoalGift_icon,
    LiveStreamSubGoalGift_name,
    Message_common,
    MessageRedEnvelopInfo_business_type,
    MessageRedEnvelopInfo_diamond_count,
    MessageRedEnvelopInfo_envelope_id,
    MessageRedEnvelopInfo_people_count,
    MessageRedEnvelopInfo_send_user_avatar,
    MessageRedEnvelopInfo_send_user_id,
    MessageRedEnvelopInfo_send_user_name,
    MessageRedEnvelopInfo_unpack_at,
    PollEndContent_end_type,
    PollEndContent_option_list,
    PollOptionInfo_display_content,
    PollOptionInfo_option_idx,
    PollOptionInfo_vote_user_list,
    PollOptionInfo_votes,
    PollStartContent_end_time,
    PollStartContent_operator,
    PollStartContent_option_list,
    PollStartContent_start_time,
    PollStartContent_title,
    PollUpdateVotesContent_option_list,
    Question_content,
    Question_create_time,
    Question_question_id,
    Question_user,
    RankUpdate_countdown,
    RankUpdate_owner_rank,
    RankUpdate_rank_type,
    SimUnknownCard_image,
    SimUnknownCard_name,
    SimUnknownTail_card,
    SimUnknownTail_extra_json,
    SimUnknownTail_variant,
    UseCriticalStrikeCard_anchor_id,
    UseCriticalStrikeCard_card_info,
    User_avatar_thumb,
    UserFanTicket_fan_ticket,
    UserFanTicket_match_rank,
    UserFanTicket_match_total_score,
    UserFanTicket_user_id,
    VoteUser_avatar_thumb,
    VoteUser_nick_name,
    VoteUser_user_id,
    WebcastBarrageMessage_content,
    WebcastBarrageMessage_duration,
    WebcastBarrageMessage_fans_level_param,
    WebcastBarrageMessage_msg_type,
    WebcastBarrageMessage_subscribe_gift_param,
    WebcastBarrageMessage_user_grade_param,
    WebcastCaptionMessage_content,
    WebcastCaptionMessage_definite,
    WebcastCaptionMessage_duration_ms,
    WebcastCaptionMessage_sentence_id,
    WebcastCaptionMessage_timestamp_ms,
    WebcastChatMessage_at_user,
    WebcastChatMessage_content,
    WebcastChatMessage_content_language,
    WebcastChatMessage_input_type,
    WebcastChatMessage_mention_user_list,
    WebcastChatMessage_mention_users,
    WebcastChatMessage_user,
    WebcastChatMessage_user_identity,
    WebcastChatMessage_visible_to_sender,
    WebcastControlMessage_action,
    WebcastControlMessage_tips,
    WebcastEmoteChatMessage_emote_list,
    WebcastEmoteChatMessage_user,
    WebcastEmoteChatMessage_user_identity,
    WebcastEnvelopeMessage_display,
    WebcastEnvelopeMessage_envelope_info,
    WebcastGiftMessage_color_id,
    WebcastGiftMessage_combo_count,
    WebcastGiftMessage_fan_ticket_count,
    WebcastGiftMessage_gift,
    WebcastGiftMessage_gift_id,
    WebcastGiftMessage_group_count,
    WebcastGiftMessage_group_id,
    WebcastGiftMessage_log_id,
    WebcastGiftMessage_monitor_extra,
    WebcastGiftMessage_repeat_count,
    WebcastGiftMessage_repeat_end,
    WebcastGiftMessage_send_type,
    WebcastGiftMessage_user,
    WebcastGiftMessage_user_identity,
    WebcastGoalUpdateMessage_contribute_count,
    WebcastGoalUpdateMessage_contribute_score,
    WebcastGoalUpdateMessage_contribute_subgoal,
    WebcastGoalUpdateMessage_contributor_avatar,
    WebcastGoalUpdateMessage_contributor_display_id,
    WebcastGoalUpdateMessage_contributor_id,
    WebcastGoalUpdateMessage_goal,
    WebcastGoalUpdateMessage_update_source,
    WebcastImDeleteMessage_delete_user_ids,
    WebcastInRoomBannerMessage_json_data,
    WebcastLikeMessage_color,
    WebcastLikeMessage_count,
    WebcastLikeMessage_effect_cnt,
    WebcastLikeMessage_icon,
    WebcastLikeMessage_total,
    WebcastLikeMessage_user,
    WebcastLinkLayerMessage_business_content,
    WebcastLinkLayerMessage_channel_id,
    WebcastLinkLayerMessage_list_change_content,
    WebcastLinkLayerMessage_message_type,
    WebcastLinkLayerMessage_scene,
    WebcastLinkMessage_cohost_list_change_content,
    WebcastLinkMessage_linker_id,
    WebcastLinkMessage_list_change_content,
    WebcastLinkMessage_message_type,
    WebcastLinkMessage_scene,
    WebcastLinkMicArmies_battle_id,
    WebcastLinkMicArmies_battle_items,
    WebcastLinkMicArmies_battle_settings,
    WebcastLinkMicArmies_BattleItemsEntry_key,
    WebcastLinkMicArmies_BattleItemsEntry_value,
    WebcastLinkMicArmies_from_user_id,
    WebcastLinkMicArmies_gift_count,
    WebcastLinkMicArmies_gift_id,
    WebcastLinkMicArmies_total_diamond_count,
    WebcastLinkMicArmies_trigger_reason,
    WebcastLinkMicBattle_action,
    WebcastLinkMicBattle_anchor_info,
    WebcastLinkMicBattle_AnchorInfoEntry_key,
    WebcastLinkMicBattle_AnchorInfoEntry_value,
    WebcastLinkMicBattle_battle_id,
    WebcastLinkMicBattle_battle_result,
    WebcastLinkMicBattle_battle_setting,
    WebcastLinkMicBattle_BattleResultEntry_key,
    WebcastLinkMicBattle_BattleResultEntry_value,
    WebcastLinkMicBattleItemCard_award_card_notice,
    WebcastLinkMicBattleItemCard_battle_id,
    WebcastLinkMicBattleItemCard_msg_type,
    WebcastLinkMicBattleItemCard_use_critical_strike_card,
    WebcastLinkMicBattlePunishFinish_battle_id,
    WebcastLinkMicBattlePunishFinish_battle_settings,
    WebcastLinkMicBattlePunishFinish_channel_id,
    WebcastLinkMicBattlePunishFinish_reason,
    WebcastLinkmicBattleTaskMessage_battle_id,
    WebcastLinkmicBattleTaskMessage_start,
    WebcastLinkmicBattleTaskMessage_task_message_type,
    WebcastLinkmicBattleTaskMessage_task_settle,
    WebcastLinkmicBattleTaskMessage_task_update,
    WebcastLinkMicFanTicketMethod_fan_ticket_room_notice,
    WebcastLinkMicMethod_channel_id,
    WebcastLinkMicMethod_fan_ticket,
    WebcastLinkMicMethod_message_type,
    WebcastLinkMicMethod_total_linkmic_fan_ticket,
    WebcastLinkMicMethod_user_id,
    WebcastLiveIntroMessage_content,
    WebcastLiveIntroMessage_content_language,
    WebcastLiveIntroMessage_id,
    WebcastLiveIntroMessage_user,
    WebcastMemberMessage_action,
    WebcastMemberMessage_anchor_display_text,
    WebcastMemberMessage_client_enter_source,
    WebcastMemberMessage_client_enter_type,
    WebcastMemberMessage_enter_effect_config,
    WebcastMemberMessage_enter_type,
    WebcastMemberMessage_member_count,
    WebcastMemberMessage_user,
    WebcastMsgDetectMessage_detect_type,
    WebcastMsgDetectMessage_sim_sent_ms,
    WebcastPollMessage_end_content,
    WebcastPollMessage_message_type,
    WebcastPollMessage_poll_id,
    WebcastPollMessage_poll_kind,
    WebcastPollMessage_start_content,
    WebcastPollMessage_update_votes_content,
    WebcastQuestionNewMessage_details,
    WebcastRankTextMessage_cur_user_id,
    WebcastRankTextMessage_owner_idx_after_update,
    WebcastRankTextMessage_owner_idx_before_update,
    WebcastRankTextMessage_scene,
    WebcastRankUpdateMessage_group_type,
    WebcastRankUpdateMessage_priority,
    WebcastRankUpdateMessage_updates,
    WebcastRoomPinMessage_action,
    WebcastRoomPinMessage_chat_message,
    WebcastRoomPinMessage_common,
    WebcastRoomPinMessage_display_duration,
    WebcastRoomPinMessage_method,
    WebcastRoomPinMessage_operator,
    WebcastRoomPinMessage_pin_time,
    WebcastRoomUserSeqMessage_anonymous,
    WebcastRoomUserSeqMessage_pop_str,
    WebcastRoomUserSeqMessage_popularity,
    WebcastRoomUserSeqMessage_ranks,
    WebcastRoomUserSeqMessage_total,
    WebcastRoomUserSeqMessage_total_user,
    WebcastSocialMessage_action,
    WebcastSocialMessage_follow_count,
    WebcastSocialMessage_share_count,
    WebcastSocialMessage_share_target,
    WebcastSocialMessage_share_type,
    WebcastSocialMessage_user,
    WebcastSubNotifyMessage_gift_source,
    WebcastSubNotifyMessage_is_send,
    WebcastSubNotifyMessage_message_type,
    WebcastSubNotifyMessage_sub_month,
    WebcastSubNotifyMessage_subscribe_type,
    WebcastSubNotifyMessage_user,
)
from ..codec.protowire import bool_field, int_field, map_entry, message_field, packed_field, str_field
from ..codec.webcast import SimUser
from ..errors import ConfigError
from ..values import check_name, check_room_id

__all__ = [
    "REAL_SIZES",
    "GiftSpec",
    "RealSize",
    "Scenario",
    "Simulator",
    "builtin_scenarios",
    "load_scenario",
]

MAX_TEXT = 200
"""Longest scenario name, chat line or gift name."""
MAX_ITEMS = 1000
"""Most gifts in a catalogue, or chat lines."""
LIMITS: dict[str, float] = {
    "rate": 100_000,
    "batch": 1000,
    "users": 100_000,
    "viewers": 1_000_000_000,
    "streak": 10_000,
    "likes": 10_000,
    "duration": 10_000_000,
    "streak_gap": 3600,
    "cohost_battle": 86_400,
    "seed": 2**63 - 1,
    "id": 2**63 - 1,
    "diamonds": 1_000_000,
    "type": 2**31 - 1,
    "weight": 1_000_000,
}
"""Largest value of each numeric scenario key (mix weights and gift weights share ``weight``)."""


@dataclass(frozen=True, slots=True)
class GiftSpec:
    """A gift in the scenario's catalogue."""

    id: int
    name: str
    diamonds: int
    type: int = 1
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Scenario:
    """A simulated stream. Every field has a default; a TOML file overrides them."""

    name: str = "default"
    room: str = "simulated"
    room_id: int = 7_400_000_000_000_000_001
    rate: float = 40.0
    batch: tuple[int, int] = (1, 8)
    duration: float = 0.0
    seed: int = 1
    users: int = 300
    viewers: tuple[int, int] = (150, 2400)
    streak: tuple[int, int] = (1, 12)
    streak_gap: float = 0.3
    likes: tuple[int, int] = (1, 15)
    cohost_battle: float = 0.0
    mix: dict[str, float] = field(default_factory=dict)
    gifts: tuple[GiftSpec, ...] = ()
    chat: tuple[str, ...] = ()


def builtin_scenarios() -> list[str]:
    """Names of the scenarios shipped in ``bridge/sim/scenarios``."""
    folder = resources.files("bridge.sim.scenarios")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def load_scenario(name_or_path: str) -> Scenario:
    """Load a built-in scenario by name, or a scenario TOML file by path.

    Raises:
        ConfigError: the file is missing, not TOML, or has a bad key or value.
    """
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        where = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"{where}: cannot read scenario: {exc.strerror}") from None
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{where}: not UTF-8 (byte {exc.start})") from None
    else:
        where = f"built-in scenario {name_or_path!r}"
        resource = resources.files("bridge.sim.scenarios") / f"{name_or_path}.toml"
        if not resource.is_file():
            known = ", ".join(builtin_scenarios())
            raise ConfigError(f"unknown scenario {name_or_path!r} (built-in: {known}; or give a .toml path)")
        text = resource.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{where}: not valid TOML: arrays or tables nested too deep") from None
    return _scenario_from(data, where)


def _pair(value: Any, key: str, where: str) -> tuple[int, int]:
    top = LIMITS[key]
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= top for v in value)
        and value[0] <= value[1]
    ):
        return value[0], value[1]
    raise ConfigError(f"{where}: {key} = {value!r:.60}: expected [min, max] with 0 <= min <= max <= {top:g}")


def _number(value: Any, key: str, where: str, minimum: float = 0.0) -> float:
    top = LIMITS.get(key.rpartition(".")[2], LIMITS["weight"])
    if isinstance(value, int | float) and not isinstance(value, bool) and minimum <= value <= top:
        return float(value)
    raise ConfigError(f"{where}: {key} = {value!r:.60}: expected a number from {minimum:g} to {top:g}")


def _integer(value: Any, key: str, where: str, minimum: int) -> int:
    top = LIMITS[key.rpartition(".")[2]]
    if isinstance(value, int) and not isinstance(value, bool) and minimum <= value <= top:
        return value
    raise ConfigError(f"{where}: {key} = {value!r:.60}: expected an integer from {minimum} to {top:g}")


def _scenario_from(data: dict[str, Any], where: str) -> Scenario:
    base = Scenario()
    known = set(Scenario.__dataclass_fields__)
    for key in data:
        if key not in known:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(sorted(known))})")
    kwargs: dict[str, Any] = {}
    if "name" in data:
        if not isinstance(data["name"], str) or not 0 < len(data["name"]) <= MAX_TEXT:
            raise ConfigError(f"{where}: name = {data['name']!r:.60}: expected 1 to {MAX_TEXT} characters")
        kwargs["name"] = data["name"]
    if "room" in data:
        try:
            kwargs["room"] = check_name(data["room"], "room")
        except ValueError as exc:
            raise ConfigError(f"{where}: {exc}") from None
    if "room_id" in data:
        try:
            kwargs["room_id"] = check_room_id(data["room_id"])
        except ValueError as exc:
            raise ConfigError(f"{where}: room_id: {exc}") from None
    for key in ("seed", "users"):
        if key in data:
            kwargs[key] = _integer(data[key], key, where, 1 if key == "users" else 0)
    if "rate" in data:
        kwargs["rate"] = _number(data["rate"], "rate", where, 0.01)
    for key in ("duration", "streak_gap", "cohost_battle"):
        if key in data:
            kwargs[key] = _number(data[key], key, where)
    for key in ("batch", "viewers", "streak", "likes"):
        if key in data:
            kwargs[key] = _pair(data[key], key, where)
    if kwargs.get("batch", base.batch)[0] < 1:
        raise ConfigError(f"{where}: batch = {list(kwargs['batch'])!r}: frames carry at least 1 message")
    if "mix" in data:
        mix = data["mix"]
        if not isinstance(mix, dict):
            raise ConfigError(f"{where}: mix must be a table of kind = weight")
        for kind, weight in mix.items():
            if kind not in KINDS:
                raise ConfigError(f"{where}: mix.{kind}: unknown kind (known: {', '.join(KINDS)})")
            _number(weight, f"mix.{kind}", where)
        if not any(mix.values()):
            raise ConfigError(f"{where}: mix: at least one weight must be above 0")
        kwargs["mix"] = {k: float(v) for k, v in mix.items()}
    if "gifts" in data:
        gifts = []
        items = data["gifts"] if isinstance(data["gifts"], list) else [None]
        if len(items) > MAX_ITEMS:
            raise ConfigError(f"{where}: gifts: {len(items)} gifts, at most {MAX_ITEMS}")
        for i, item in enumerate(items):
            label = f"gifts[{i}]"
            if not isinstance(item, dict) or not {"id", "name", "diamonds"} <= set(item):
                raise ConfigError(f"{where}: {label}: expected a table with id, name, diamonds")
            extra = set(item) - {"id", "name", "diamonds", "type", "weight"}
            if extra:
                raise ConfigError(f"{where}: {label}.{sorted(extra)[0]}: unknown key")
            if not isinstance(item["name"], str) or not 0 < len(item["name"]) <= MAX_TEXT:
                raise ConfigError(
                    f"{where}: {label}.name = {item['name']!r:.60}: expected 1 to {MAX_TEXT} characters"
                )
            gifts.append(
                GiftSpec(
                    _integer(item["id"], f"{label}.id", where, 1),
                    item["name"],
                    _integer(item["diamonds"], f"{label}.diamonds", where, 1),
                    _integer(item.get("type", 1), f"{label}.type", where, 1),
                    _number(item.get("weight", 1.0), f"{label}.weight", where),
                )
            )
        if not gifts:
            raise ConfigError(f"{where}: gifts: the catalogue is empty")
        if not any(gift.weight for gift in gifts):
            raise ConfigError(f"{where}: gifts: at least one weight must be above 0")
        kwargs["gifts"] = tuple(gifts)
    if "chat" in data:
        chat = data["chat"]
        if (
            not isinstance(chat, list)
            or not 0 < len(chat) <= MAX_ITEMS
            or not all(isinstance(c, str) and 0 < len(c) <= MAX_TEXT for c in chat)
        ):
            raise ConfigError(
                f"{where}: chat: expected 1 to {MAX_ITEMS} lines of 1 to {MAX_TEXT} characters each"
            )
        kwargs["chat"] = tuple(chat)
    return Scenario(**{**_asdict(base), **kwargs})


def _asdict(scenario: Scenario) -> dict[str, Any]:
    return {name: getattr(scenario, name) for name in Scenario.__dataclass_fields__}


_DEFAULT_GIFTS = (
    GiftSpec(5655, "Rose", 1, 1, 40),
    GiftSpec(5269, "TikTok", 1, 1, 15),
    GiftSpec(6064, "GG", 1, 1, 10),
    GiftSpec(5487, "Finger Heart", 5, 1, 12),
    GiftSpec(6427, "Hat and Mustache", 99, 1, 4),
    GiftSpec(8913, "Rosa", 10, 1, 6),
    GiftSpec(6369, "Lion", 29999, 2, 0.3),
    GiftSpec(7934, "Galaxy", 1000, 2, 1),
)
_DEFAULT_CHAT = ("hello!", "!jump", "!color red", "gg", "so good", "!spawn", "where are you from?", "lol")
_SYLLABLES = ("ka", "lu", "mi", "ro", "zen", "ta", "vi", "no", "shi", "ra", "po", "el", "dax", "qu")
# The message kinds a scenario's ``[mix]`` may weight: kind -> (the method it mostly sends, its
# weight in the default mix). Each kind has a builder, ``Simulator._makers[kind]``. Real rooms are
# dominated by member, like, chat, gift and roomUserSeq; the rare kinds are there so every event shows.
_KINDS: dict[str, tuple[str, float]] = {
    "member": ("WebcastMemberMessage", 30.0),
    "like": ("WebcastLikeMessage", 25.0),
    "chat": ("WebcastChatMessage", 18.0),
    "gift": ("WebcastGiftMessage", 14.0),
    "roomUserSeq": ("WebcastRoomUserSeqMessage", 4.0),
    "social": ("WebcastSocialMessage", 4.0),
    "subscribe": ("WebcastSubNotifyMessage", 0.5),
    "emote": ("WebcastEmoteChatMessage", 0.6),
    "envelope": ("WebcastEnvelopeMessage", 0.2),
    "question": ("WebcastQuestionNewMessage", 0.3),
    "battle": ("WebcastLinkMicBattle", 0.6),  # and its armies, cards, task and punishment messages
    "roomPin": ("WebcastRoomPinMessage", 0.3),
    "caption": ("WebcastCaptionMessage", 0.5),
    "barrage": ("WebcastBarrageMessage", 0.5),
    "goal": ("WebcastGoalUpdateMessage", 0.3),
    "rank": ("WebcastRankUpdateMessage", 0.3),
    "poll": ("WebcastPollMessage", 0.2),
    "banner": ("WebcastInRoomBannerMessage", 0.2),
    "imDelete": ("WebcastImDeleteMessage", 0.1),
    "control": ("WebcastControlMessage", 0.05),
    "coHostScore": ("WebcastLinkMicFanTicketMethod", 0.8),  # and LinkMicMethod
    "coHost": ("WebcastLinkLayerMessage", 0.4),  # and WebcastLinkMessage
    "rankText": ("WebcastRankTextMessage", 0.3),
    "battleNotice": ("WebcastLinkmicBattleNoticeMessage", 0.2),
    "roomMessage": ("RoomMessage", 0.2),  # real traffic sends it without the prefix
    "systemMessage": ("WebcastSystemMessage", 0.2),
    "roomNotify": ("WebcastRoomNotifyMessage", 0.2),
    "giftBroadcast": ("WebcastGiftBroadcastMessage", 0.2),
    "hourlyRank": ("WebcastHourlyRankMessage", 0.2),
    "subPin": ("WebcastSubPinEventMessage", 0.2),
    "bottomMessage": ("WebcastBottomMessage", 0.2),
    "unauthorizedMember": ("WebcastUnauthorizedMemberMessage", 0.2),
    "accessRecall": ("WebcastAccessRecallMessage", 0.2),
    "unknown": ("WebcastGiftPanelUpdateMessage", 0.3),  # and other methods the contract does not model
    "ignored": ("MsgDetectMessage", 0.5),
}
KINDS = tuple(_KINDS)
"""Message kinds a scenario's ``[mix]`` may weight."""
_DEFAULT_MIX = {kind: weight for kind, (_, weight) in _KINDS.items()}
_METHOD = {
    **{kind: method for kind, (method, _) in _KINDS.items()},
    # the methods a kind's builder sends besides its main one
    "battleArmies": "WebcastLinkMicArmies",
    "battlePunish": "WebcastLinkMicBattlePunishFinish",
    "battleCard": "WebcastLinkMicBattleItemCard",
    "battleTask": "WebcastLinkmicBattleTaskMessage",
    "liveIntro": "WebcastLiveIntroMessage",
    "linker": "WebcastLinkMessage",
    "linkMicMethod": "LinkMicMethod",  # TikTok sends it without the prefix too
}
# Methods of the public schema that the contract does not model: sent as ``unknown`` traffic.
_UNTYPED = (
    "WebcastGiftPanelUpdateMessage",
    "WebcastOecLiveShoppingMessage",
    "WebcastLinkMicLayoutStateMessage",
    "WebcastNoticeMessage",
    "WebcastPerceptionMessage",
)


class RealSize(NamedTuple):
    """Inner-message sizes (bytes of the message in ``BaseProtoMessage.payload``) measured on real
    TikTok LIVE traffic (issue 15); 0 where the measurement gave no figure."""

    methods: tuple[str, ...]  # empty: every message
    median: int
    p90: int = 0
    max: int = 0


REAL_SIZES: dict[str, RealSize] = {
    "gift": RealSize(("WebcastGiftMessage",), 5542),
    "social": RealSize(("WebcastSocialMessage",), 3892),
    "goal": RealSize(("WebcastGoalUpdateMessage",), 3501),
    "roomUserSeq": RealSize(("WebcastRoomUserSeqMessage",), 3308),
    "battleArmies": RealSize(("WebcastLinkMicArmies",), 3034),
    "member": RealSize(("WebcastMemberMessage",), 2982, 6300, 9767),
    "poll": RealSize(("WebcastPollMessage",), 1125),
    "banner": RealSize(("WebcastInRoomBannerMessage",), 926),
    "question": RealSize(("WebcastQuestionNewMessage",), 903),
    "liveIntro": RealSize(("WebcastLiveIntroMessage",), 689),
    "envelope": RealSize(("WebcastEnvelopeMessage",), 111, 1393),
    "imDelete": RealSize(("WebcastImDeleteMessage",), 66),
    "linkList": RealSize(("WebcastLinkMessage",), 23000, 0, 46000),
    "all": RealSize((), 1642, 5642, 50000),
}
"""What the simulator's encoders are shaped to: per type, and over all messages (``all``)."""


_BARRAGE_TEXTS = {
    4: ("pm_mt_subscribe_first_barrage", "{0:user} subscribed"),
    7: ("pm_mt_subscribe_gift_barrage", "{0:user} gifted subscriptions"),
    8: ("pm_mt_grade_upgrade", "{0:user} reached level {1:string}"),
    9: ("pm_mt_alp_join_animation", "{0:user} joined"),
    11: ("pm_mt_fan_live_join", "{0:user} joined"),
}
_POLL_OPTIONS = ("Keep going", "New game", "Boss fight")
_SCRIPT = (
    (0.0, "join"),
    (0.02, "list"),
    (0.08, "open"),
    (0.2, "task-start"),
    (0.3, "card-strike"),
    (0.35, "task-update"),
    (0.45, "task-update"),
    (0.5, "task-settle"),
    (0.55, "card-award"),
    (0.7, "finish"),
    (0.85, "punish"),
    (0.92, "leave"),
)
"""The scripted co-host battle: (fraction of the cycle, step)."""
_GOAL_GIFTS = ((99, "Rose", 1, 500), (98, "Galaxy", 1000, 10), (97, "Finger Heart", 5, 100))
"""The goal's sub-goals: (id, gift, diamonds, target); the first is the one contributions go to."""


def _as_gift_sender(u: SimUser) -> SimUser:
    """The user as real gift messages carry it: a follower's follow status is 3 there, not 1."""
    return replace(u, follow_status=3) if u.follow_status == 1 else u


@dataclass(slots=True)
class _Streak:
    user: SimUser
    gift: GiftSpec
    group_id: int
    count: int
    target: int
    next_ms: int


class Simulator:
    """Renders a :class:`Scenario` as webcast push frames.

    Call :meth:`frame` whenever a frame is due (``interval_ms`` apart on
    average); after :attr:`ended` turns true, :meth:`frame` returns the closing
    stream-end frame once and then nothing more is due.
    """

    def __init__(self, scenario: Scenario, seed: int | None = None) -> None:
        self.scenario = scenario
        self.rng = random.Random(scenario.seed if seed is None else seed)
        self.gifts = scenario.gifts or _DEFAULT_GIFTS
        self.chat_lines = scenario.chat or _DEFAULT_CHAT
        mix = scenario.mix or _DEFAULT_MIX
        self.kinds = [k for k, w in mix.items() if w > 0]
        self.weights = [mix[k] for k in self.kinds]
        self.gift_weights = [g.weight for g in self.gifts]
        self.users = [self._make_user(i) for i in range(scenario.users)]
        self._makers: dict[str, Callable[[int], bytes]] = {
            "member": self._member,
            "like": self._like,
            "chat": self._chat,
            "gift": self._gift,
            "roomUserSeq": self._room_user_seq,
            "social": self._social,
            "subscribe": self._subscribe,
            "emote": self._emote,
            "envelope": self._envelope,
            "question": self._question,
            "battle": self._battle,
            "roomPin": self._room_pin,
            "caption": self._caption,
            "barrage": self._barrage,
            "goal": self._goal,
            "rank": self._rank,
            "poll": self._poll,
            "banner": self._banner,
            "imDelete": self._im_delete,
            "control": self._control,
            "unknown": self._unknown,
            "ignored": self._ignored,
            "coHostScore": self._co_host_score,
            "coHost": self._co_host,
            "rankText": self._rank_text,
            **self._notice_makers(),
        }
        self.streaks: list[_Streak] = []
        self.recent_chat: list[tuple[SimUser, str, int]] = []
        self.battle: tuple[int, int] | None = None  # (battle id, rival host id)
        self.punishing = 0  # battle id whose punishment phase is on
        self.scores = [0, 0]  # the host's and the rival's battle scores
        self.script_cycle, self.script_step = -1.0, 0  # where the scripted co-host battle is
        self.poll: tuple[int, int, list[int]] | None = None  # (poll id, end ms, votes per option)
        self.msg_id = 7_430_000_000_000_000_000 + self.rng.randrange(10**12)
        self.seq = 0
        self.total_likes = 0
        self.last_group = 0
        self.start_ms: int | None = None
        self.ended = False
        self.end_sent = False
        mean_batch = (scenario.batch[0] + scenario.batch[1]) / 2
        self.interval_ms = 1000.0 * mean_batch / scenario.rate

    # ------------------------------------------------------------ public API

    def frame(self, now_ms: int) -> bytes:
        """One gzip-compressed ``msg`` push frame, as due at ``now_ms``."""
        if self.start_ms is None:
            self.start_ms = now_ms
            messages = [self._live_intro(now_ms), self._room_user_seq(now_ms)]
        else:
            messages = []
        duration_ms = self.scenario.duration * 1000
        if duration_ms and now_ms - self.start_ms >= duration_ms and not self.ended:
            self.ended = True
        if self.ended:
            self.end_sent = True
            messages.append(self._control(now_ms, action=3))
        else:
            if self.scenario.cohost_battle:
                messages += self._battle_script(now_ms)
            count = self.rng.randint(*self.scenario.batch)
            while len(messages) < count:
                messages.append(self._message(now_ms))
        return self.wrap(messages, now_ms)

    def first_fetch_result(self, now_ms: int, *, push_server: str, route_params: dict[str, str]) -> bytes:
        """A raw (uncompressed) fetch result like the one a sign server returns."""
        return wc.fetch_result(
            [self._room_user_seq(now_ms)],
            cursor=self.cursor(now_ms),
            now=now_ms,
            internal_ext=self.internal_ext(now_ms),
            need_ack=False,
            push_server=push_server,
            route_params=route_params,
            is_first=True,
        )

    # ------------------------------------------------------------ framing

    def cursor(self, now_ms: int) -> str:
        """The fetch cursor TikTok would give at ``now_ms``."""
        return f"t-{now_ms}_r-1_d-1_u-1_h-1"

    def internal_ext(self, now_ms: int) -> str:
        """The ``internal_ext`` a client echoes in its acks."""
        return (
            f"internal_src:dim|wss_push_room_id:{self.scenario.room_id}|wss_push_did:7300|fetch_time:{now_ms}"
        )

    def wrap(self, messages: list[bytes], now_ms: int) -> bytes:
        """A gzip ``msg`` push frame carrying encoded ``BaseProtoMessage`` records."""
        self.seq += 1
        body = wc.fetch_result(
            messages,
            cursor=self.cursor(now_ms),
            now=now_ms,
            internal_ext=self.internal_ext(now_ms),
            need_ack=True,
        )
        return wc.push_frame(
            "msg",
            body,
            seq_id=self.seq,
            log_id=now_ms * 1000 + self.seq % 1000,
            compress=True,
            headers={"im-cursor": self.cursor(now_ms), "im-internal_ext": "dim"},
        )

    def _next_id(self) -> int:
        self.msg_id += self.rng.randint(1, 4000)
        return self.msg_id

    def _inner(
        self,
        kind: str,
        body_fields: list[bytes],
        now_ms: int,
        display: bytes = b"",
        common_at: int = 3,
        slim: bool = False,
        method: str = "",
    ) -> bytes:
        """A ``BaseProtoMessage``; the common block goes after ``common_at`` fields, as on the wire.

        ``slim``: the bare common block of small notices; ``method``: instead of the kind's own.
        """
        msg_id = self._next_id()
        method = method or _METHOD[kind]
        common = wc.common(method, msg_id, self.scenario.room_id, now_ms, display, describe=kind, slim=slim)
        head = message_field(Message_common, common)
        payload = b"".join([*body_fields[:common_at], head, *body_fields[common_at:]])
        return wc.inner(method, payload, msg_id)

    # ------------------------------------------------------------ state

    def _make_user(self, index: int) -> SimUser:
        rng = self.rng
        name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
        unique_id = f"{name}{'_' if rng.random() < 0.3 else ''}{rng.randint(1, 999)}"
        follow = rng.choices((0, 1, 2), (50, 40, 10))[0]
        return SimUser(
            id=6_900_000_000_000_000_000 + index * 7919 + rng.randrange(7919),
            unique_id=unique_id,
            nickname=name.capitalize() + rng.choice(("", " ✨", " 🎮", " Live", "")),
            followers=rng.choice((0, rng.randint(10, 500), rng.randint(500, 50_000))),
            follow_status=follow,
            moderator=rng.random() < 0.03,
            subscriber=rng.random() < 0.08,
            gifter_level=rng.choice((0, 0, rng.randint(1, 30))),
            member_level=rng.choice((0, 0, 0, rng.randint(1, 20))),
        )

    def _user(self) -> SimUser:
        return self.rng.choice(self.users)

    def _viewers(self, now_ms: int) -> int:
        low, high = self.scenario.viewers
        elapsed = (now_ms - (self.start_ms or now_ms)) / 1000
        ramp = min(1.0, elapsed / 120)
        return int(low + (high - low) * ramp * (0.9 + 0.1 * self.rng.random()))

    # ------------------------------------------------------------ messages

    def _message(self, now_ms: int) -> bytes:
        kind = self.rng.choices(self.kinds, self.weights)[0]
        return self._makers[kind](now_ms)

    def _member(self, now_ms: int) -> bytes:
        u = self._user()
        # most join toasts carry the whole (light) user in their piece, some only its reference
        display = wc.text("live_room_enter_toast", "{0:user} joined", [u], whole=self.rng.random() < 0.6)
        effect = [
            int_field(EnterEffectConfig_type, 2),
            message_field(EnterEffectConfig_icon, wc.image("enter-effect", 120, 2)),
        ]
        if u.gifter_level >= 10 or u.member_level >= 8:  # a high-level viewer's entrance animation
            effect += [
                message_field(
                    EnterEffectConfig_frames, wc.image(f"enter-effect:{u.gifter_level}:{n}", 720, 3)
                )
                for n in range(2 + u.gifter_level % 9)
            ]
        return self._inner(
            "member",
            [
                int_field(WebcastMemberMessage_member_count, self._viewers(now_ms)),
                int_field(WebcastMemberMessage_action, 1),
                message_field(
                    WebcastMemberMessage_anchor_display_text,
                    wc.text("pm_mt_live_join", "{0:user} joined", [u]),
                ),
                str_field(WebcastMemberMessage_client_enter_source, "homepage_hot-live_cell"),
                str_field(WebcastMemberMessage_client_enter_type, "click"),
                message_field(WebcastMemberMessage_enter_effect_config, *effect),
                message_field(WebcastMemberMessage_user, wc.user(u, 0)),
                int_field(WebcastMemberMessage_enter_type, 1),
            ],
            now_ms,
            display,
            common_at=5,
        )

    def _like(self, now_ms: int) -> bytes:
        u = self._user()
        count = self.rng.randint(*self.scenario.likes)
        self.total_likes += count
        return self._inner(
            "like",
            [
                int_field(WebcastLikeMessage_count, count),
                message_field(WebcastLikeMessage_user, wc.user(u, 0)),
                int_field(WebcastLikeMessage_total, self.total_likes),
                int_field(WebcastLikeMessage_color, 1),
                str_field(
                    WebcastLikeMessage_icon,
                    "https://p16-webcast.tiktokcdn.com/img/alisg/webcast-sg/like_icon.png~tplv-obj.png",
                ),
                int_field(WebcastLikeMessage_effect_cnt, 3),
            ],
            now_ms,
            wc.text("pm_mt_msg_viewer", "{0:user} liked the LIVE", [u]),
        )

    def _chat(self, now_ms: int) -> bytes:
        u = self._user()
        line = self.rng.choice(self.chat_lines)
        self.recent_chat = [*self.recent_chat[-9:], (u, line, now_ms)]
        fields = self._chat_fields(u, line)
        if self.rng.random() < 0.1:  # an @mention: the at-user, the mentioned ids and users (v3)
            other = self._user()
            fields[1] = str_field(WebcastChatMessage_content, f"@{other.unique_id} {line}")
            fields += [
                message_field(WebcastChatMessage_at_user, wc.user(other)),
                packed_field(WebcastChatMessage_mention_user_list, [other.id]),
                message_field(WebcastChatMessage_mention_users, wc.user(other)),
            ]
        return self._inner("chat", fields, now_ms)

    def _chat_fields(self, u: SimUser, line: str) -> list[bytes]:
        return [
            message_field(WebcastChatMessage_user, wc.user(u, 0)),
            str_field(WebcastChatMessage_content, line),
            bool_field(WebcastChatMessage_visible_to_sender, True),
            str_field(WebcastChatMessage_content_language, "en"),
            message_field(WebcastChatMessage_user_identity, wc.identity(u)),
            int_field(WebcastChatMessage_input_type, 0),
        ]

    def _gift(self, now_ms: int) -> bytes:
        for streak in self.streaks:
            if streak.next_ms <= now_ms:
                return self._streak_step(streak, now_ms)
        gift = self.rng.choices(self.gifts, self.gift_weights)[0]
        u = self._user()
        if gift.type != 1:
            return self._gift_message(u, gift, 0, 1, 0, now_ms)
        self.last_group = max(now_ms, self.last_group + 1)  # streak ids are start times in ms
        streak = _Streak(u, gift, self.last_group, 1, self.rng.randint(*self.scenario.streak), now_ms)
        self.streaks.append(streak)
        streak.next_ms = now_ms + int(self.scenario.streak_gap * 1000)
        return self._gift_message(u, gift, streak.group_id, 1, 0, now_ms)

    def _streak_step(self, streak: _Streak, now_ms: int) -> bytes:
        if streak.count >= streak.target:
            self.streaks.remove(streak)
            return self._gift_message(streak.user, streak.gift, streak.group_id, streak.count, 1, now_ms)
        streak.count += 1
        streak.next_ms = now_ms + int(self.scenario.streak_gap * 1000 * (0.5 + self.rng.random()))
        return self._gift_message(streak.user, streak.gift, streak.group_id, streak.count, 0, now_ms)

    def _gift_message(
        self, u: SimUser, gift: GiftSpec, group_id: int, count: int, end: int, now_ms: int
    ) -> bytes:
        closing = end == 1
        fields = [
            message_field(
                WebcastGiftMessage_gift, wc.gift_struct(gift.id, gift.name, gift.diamonds, gift.type)
            ),
            message_field(WebcastGiftMessage_user_identity, wc.identity(u)),
            int_field(WebcastGiftMessage_gift_id, gift.id),
            int_field(WebcastGiftMessage_repeat_count, count),
            int_field(WebcastGiftMessage_combo_count, count),
            *([int_field(WebcastGiftMessage_group_id, group_id)] if group_id else []),
            message_field(WebcastGiftMessage_user, wc.user(_as_gift_sender(u), 2)),
            int_field(WebcastGiftMessage_repeat_end, end),
            int_field(WebcastGiftMessage_group_count, 1),
            *(
                []
                if closing
                else [
                    int_field(WebcastGiftMessage_fan_ticket_count, gift.diamonds * count),
                    int_field(WebcastGiftMessage_send_type, 1),
                ]
            ),
            str_field(WebcastGiftMessage_log_id, f"{now_ms}{u.id % 10000:04d}"),
            str_field(WebcastGiftMessage_monitor_extra, f'{{"send_gift_req_start_ms":{now_ms - 120}}}'),
            int_field(WebcastGiftMessage_color_id, 0),
        ]
        display = wc.text("pm_mt_gift_message", "{0:user} sent {1:gift} x{2:string}", [u], whole=True)
        return self._inner("gift", fields, now_ms, display)

    def _room_user_seq(self, now_ms: int) -> bytes:
        viewers = self._viewers(now_ms)
        top = sorted(self.rng.sample(self.users, min(3, len(self.users))), key=lambda u: -u.gifter_level)
        ranks = [
            message_field(
                WebcastRoomUserSeqMessage_ranks,
                int_field(Contributor_score, 5000 - 1000 * i),
                message_field(Contributor_user, wc.user(u, 0)),
                int_field(Contributor_rank, i + 1),
            )
            for i, u in enumerate(top)
        ]
        return self._inner(
            "roomUserSeq",
            [
                int_field(WebcastRoomUserSeqMessage_total, viewers),
                *ranks,
                str_field(WebcastRoomUserSeqMessage_pop_str, f"{viewers / 1000:.1f}K"),
                int_field(WebcastRoomUserSeqMessage_popularity, viewers * 3),
                int_field(WebcastRoomUserSeqMessage_total_user, viewers * 4 + 1000),
                int_field(WebcastRoomUserSeqMessage_anonymous, viewers // 10),
            ],
            now_ms,
        )

    def _social(self, now_ms: int) -> bytes:
        u = self._user()
        if self.rng.random() < 0.6:
            display = wc.text(
                "pm_main_follow_message_viewer_2", "{0:user} followed the host", [u], whole=True
            )
            fields = [
                message_field(WebcastSocialMessage_user, wc.user(u, 2)),
                int_field(WebcastSocialMessage_action, 1),
                int_field(WebcastSocialMessage_follow_count, 12_000 + self.seq),
            ]
        else:
            display = wc.text("pm_mt_guidance_share", "{0:user} shared the LIVE", [u], whole=True)
            fields = [
                message_field(WebcastSocialMessage_user, wc.user(u, 2)),
                int_field(WebcastSocialMessage_action, 3),
                int_field(WebcastSocialMessage_share_type, 1),
                int_field(WebcastSocialMessage_share_count, self.rng.randint(1, 5)),
                str_field(WebcastSocialMessage_share_target, "whatsapp"),
            ]
        return self._inner("social", fields, now_ms, display)

    def _subscribe(self, now_ms: int) -> bytes:
        u = self._user()
        return self._inner(
            "subscribe",
            [
                message_field(WebcastSubNotifyMessage_user, wc.user(u)),
                int_field(WebcastSubNotifyMessage_sub_month, self.rng.randint(1, 24)),
                int_field(WebcastSubNotifyMessage_subscribe_type, 1),
                int_field(WebcastSubNotifyMessage_message_type, 1),
                *(
                    [
                        bool_field(WebcastSubNotifyMessage_is_send, True),
                        int_field(WebcastSubNotifyMessage_gift_source, 2),
                    ]
                    if self.rng.random() < 0.2
                    else []
                ),
            ],
            now_ms,
        )

    def _emote(self, now_ms: int) -> bytes:
        u = self._user()
        emote = message_field(
            WebcastEmoteChatMessage_emote_list,
            str_field(Emote_emote_id, str(7_200_000_000 + self.rng.randint(0, 99))),
            message_field(Emote_image, wc.image("emote", 64, 1)),
        )
        return self._inner(
            "emote",
            [
                message_field(WebcastEmoteChatMessage_user, wc.user(u)),
                emote,
                message_field(WebcastEmoteChatMessage_user_identity, wc.identity(u)),
            ],
            now_ms,
        )

    def _envelope(self, now_ms: int) -> bytes:
        u = self._user()
        if self.rng.random() < 0.8:  # most are the bare notice that a treasure box is still open
            info = message_field(
                WebcastEnvelopeMessage_envelope_info,
                str_field(MessageRedEnvelopInfo_envelope_id, f"env{now_ms // 60_000}"),
                int_field(MessageRedEnvelopInfo_business_type, 1),
                str_field(MessageRedEnvelopInfo_send_user_name, u.nickname),
                int_field(MessageRedEnvelopInfo_unpack_at, now_ms // 60_000 * 60 + 180),
                str_field(MessageRedEnvelopInfo_send_user_id, str(u.id)),
            )
            return self._inner(
                "envelope", [info, int_field(WebcastEnvelopeMessage_display, 2)], now_ms, slim=True
            )
        info = message_field(
            WebcastEnvelopeMessage_envelope_info,
            str_field(MessageRedEnvelopInfo_envelope_id, f"env{now_ms}"),
            int_field(MessageRedEnvelopInfo_business_type, 1),
            str_field(MessageRedEnvelopInfo_send_user_name, u.nickname),
            int_field(MessageRedEnvelopInfo_diamond_count, self.rng.choice((50, 100, 500))),
            int_field(MessageRedEnvelopInfo_people_count, self.rng.randint(5, 40)),
            int_field(MessageRedEnvelopInfo_unpack_at, now_ms // 1000 + 180),
            str_field(MessageRedEnvelopInfo_send_user_id, str(u.id)),
            message_field(MessageRedEnvelopInfo_send_user_avatar, wc.image(f"avatar:{u.id}", 100, 4)),
        )
        display = wc.text("pm_mt_envelope_send", "{0:user} sent a treasure box", [u])
        return self._inner("envelope", [info, int_field(WebcastEnvelopeMessage_display, 1)], now_ms, display)

    def _question(self, now_ms: int) -> bytes:
        u = self._user()
        details = message_field(
            WebcastQuestionNewMessage_details,
            int_field(Question_question_id, now_ms),
            str_field(
                Question_content,
                self.rng.choice(("What game is this?", "How long will you stream?", "Best gift?")),
            ),
            int_field(Question_create_time, now_ms // 1000),
            message_field(Question_user, wc.short_user(u)),
        )
        return self._inner("question", [details], now_ms)

    def _battle_script(self, now_ms: int) -> list[bytes]:
        """The scripted co-host battle's messages due at ``now_ms`` (scenario ``cohost_battle``).

        One cycle of ``cohost_battle`` seconds: the rival host joins, the battle opens, both sides'
        scores rise (armies and fan tickets), a task starts and progresses, cards are used and
        awarded, the battle finishes with a winner, the punishment phase ends, the rival leaves.
        """
        cycle_ms = self.scenario.cohost_battle * 1000
        start = self.start_ms or now_ms
        cycle, within = divmod(now_ms - start, cycle_ms)
        if cycle != self.script_cycle:
            self.script_cycle, self.script_step = cycle, 0
        rival = 6_800_000_000_000_000_000 + int(cycle) % 1000
        battle_id = start + int(cycle * cycle_ms) + 1
        out: list[bytes] = []
        while self.script_step < len(_SCRIPT) and within >= _SCRIPT[self.script_step][0] * cycle_ms:
            step = _SCRIPT[self.script_step][1]
            self.script_step += 1
            out.append(self._script_message(step, battle_id, rival, now_ms))
        if self.battle is not None and self.rng.random() < 0.5:  # the scores, while the battle is on
            if self.rng.random() < 0.5:
                out.append(self._armies(battle_id, rival, now_ms))
            else:
                out.append(self._co_host_score(now_ms))
        return out

    def _script_message(self, step: str, battle_id: int, rival: int, now_ms: int) -> bytes:
        hosts = self._hosts(rival)
        if step in ("join", "list"):
            return self._link_layer(12 if step == "join" else 11, hosts, now_ms)
        if step == "open":
            self.battle, self.scores = (battle_id, rival), [0, 0]
            return self._battle_message(battle_id, rival, 4, now_ms)
        if step.startswith("task"):
            kind = ("task-start", "task-update", "task-settle").index(step)
            return self._battle_task(battle_id, now_ms, kind)
        if step.startswith("card"):
            return self._battle_card(battle_id, rival, now_ms, strike=step == "card-strike")
        if step == "finish":
            self.battle = None
            return self._battle_message(battle_id, rival, 5, now_ms)
        if step == "punish":
            return self._punish_finish(battle_id, now_ms)
        return self._link_layer(9, hosts[:1], now_ms)

    def _battle(self, now_ms: int) -> bytes:
        if self.scenario.cohost_battle:  # the script plays the battles: the mix's share adds scores
            return self._co_host_score(now_ms)
        if self.punishing:  # the punishment phase after a finished battle
            battle_id = self.punishing
            self.punishing = 0
            return self._punish_finish(battle_id, now_ms)
        if self.battle is not None and self.rng.random() < 0.1:
            return self._battle_card(self.battle[0], self.battle[1], now_ms)
        if self.battle is not None and self.rng.random() < 0.1:
            return self._battle_task(self.battle[0], now_ms)
        if self.battle is None:
            battle_id = now_ms
            rival = 6_800_000_000_000_000_000 + self.rng.randrange(10**9)
            self.battle = (battle_id, rival)
            self.scores = [0, 0]
            return self._battle_message(battle_id, rival, 4, now_ms)
        battle_id, rival = self.battle
        if self.rng.random() < 0.15:
            self.battle = None
            self.punishing = battle_id
            return self._battle_message(battle_id, rival, 5, now_ms)
        return self._armies(battle_id, rival, now_ms)

    @staticmethod
    def _settings(battle_id: int, status: int) -> bytes:
        """A ``BattleSetting``: the battle started at its id (a ms time), for 300 s."""
        return b"".join(
            [
                int_field(BattleSetting_battle_id, battle_id),
                int_field(BattleSetting_start_time_ms, battle_id),
                int_field(BattleSetting_duration, 300),
                int_field(BattleSetting_status, status),
                int_field(BattleSetting_battle_type, 1),
                int_field(BattleSetting_end_time_ms, battle_id + 300_000),
            ]
        )

    def _punish_finish(self, battle_id: int, now_ms: int) -> bytes:
        return self._inner(
            "battlePunish",
            [
                int_field(WebcastLinkMicBattlePunishFinish_channel_id, 7_390_000_000_000_000_001),
                int_field(WebcastLinkMicBattlePunishFinish_reason, 0),
                int_field(WebcastLinkMicBattlePunishFinish_battle_id, battle_id),
                message_field(WebcastLinkMicBattlePunishFinish_battle_settings, self._settings(battle_id, 4)),
            ],
            now_ms,
        )

    def _battle_task(self, battle_id: int, now_ms: int, kind: int = -1) -> bytes:
        # a speed challenge: its start with target and reward, a progress update, or its result
        if kind < 0:
            kind = 0 if self.rng.random() < 0.3 else 1
        if kind == 2:
            block = message_field(
                WebcastLinkmicBattleTaskMessage_task_settle,
                int_field(BattleTaskSettle_result, 0),
                int_field(BattleTaskSettle_reward_start_time, now_ms // 1000),
            )
        elif kind == 0:
            block = message_field(
                WebcastLinkmicBattleTaskMessage_start,
                message_field(
                    BattleTaskStart_config,
                    int_field(BattleBonusConfig_preview_start_time, 190),
                    message_field(
                        BattleBonusConfig_target_config,
                        int_field(BattleTaskTarget_target_start_time, 180),
                        int_field(BattleTaskTarget_duration, 30),
                        int_field(BattleTaskTarget_progress_target, 7),
                    ),
                    message_field(
                        BattleBonusConfig_reward_config,
                        int_field(BattleTaskReward_reward_start_time, 150),
                        int_field(BattleTaskReward_duration, 30),
                        int_field(BattleTaskReward_reward_multiple, 2),
                    ),
                ),
            )
        else:
            block = message_field(
                WebcastLinkmicBattleTaskMessage_task_update,
                int_field(BattleTaskUpdate_progress, self.rng.randint(1, 7)),
                int_field(BattleTaskUpdate_from_user_id, self._user().id),
                str_field(BattleTaskUpdate_prompt_key, "pm_mt_match_speedchallenge"),
            )
        fields = [
            int_field(WebcastLinkmicBattleTaskMessage_task_message_type, kind),
            block,
            int_field(WebcastLinkmicBattleTaskMessage_battle_id, battle_id),
        ]
        return self._inner("battleTask", fields, now_ms)

    def _battle_card(self, battle_id: int, rival: int, now_ms: int, strike: bool | None = None) -> bytes:
        host = 6_700_000_000_000_000_001
        if strike is None:
            strike = self.rng.random() < 0.5
        if strike:  # a critical strike card used by one side against the other
            user, target = (host, rival) if self.rng.random() < 0.5 else (rival, host)
            content = message_field(
                WebcastLinkMicBattleItemCard_use_critical_strike_card,
                message_field(
                    UseCriticalStrikeCard_card_info,
                    str_field(CriticalStrikeCardInfo_card_name_key, "pm_mt_critical_strike_card"),
                    int_field(CriticalStrikeCardInfo_send_time_sec, now_ms // 1000),
                    int_field(CriticalStrikeCardInfo_effect_last_duration, 20),
                    int_field(CriticalStrikeCardInfo_multiple, 2),
                    int_field(CriticalStrikeCardInfo_to_anchor_id, target),
                ),
                int_field(UseCriticalStrikeCard_anchor_id, user),
            )
            kind = 2
        else:  # cards awarded to top supporters
            winners = self.rng.sample(self.users, min(2, len(self.users)))
            content = message_field(
                WebcastLinkMicBattleItemCard_award_card_notice,
                *(
                    message_field(
                        AwardCardNotice_awarded_users,
                        message_field(
                            BattleUserInfo_user,
                            int_field(BattleBaseUserInfo_user_id, u.id),
                            str_field(BattleBaseUserInfo_nick_name, u.nickname),
                            message_field(
                                BattleBaseUserInfo_avatar_thumb, wc.image(f"avatar:{u.id}", 100, 2)
                            ),
                            str_field(BattleBaseUserInfo_display_id, u.unique_id),
                        ),
                    )
                    for u in winners
                ),
            )
            kind = 4
        return self._inner(
            "battleCard",
            [
                int_field(WebcastLinkMicBattleItemCard_battle_id, battle_id),
                int_field(WebcastLinkMicBattleItemCard_msg_type, kind),
                content,
            ],
            now_ms,
        )

    def _battle_message(self, battle_id: int, rival: int, action: int, now_ms: int) -> bytes:
        host = 6_700_000_000_000_000_001
        anchors = [
            map_entry(
                WebcastLinkMicBattle_anchor_info,
                int_field(WebcastLinkMicBattle_AnchorInfoEntry_key, uid),
                message_field(
                    WebcastLinkMicBattle_AnchorInfoEntry_value,
                    message_field(
                        BattleUserInfo_user,
                        int_field(BattleBaseUserInfo_user_id, uid),
                        str_field(BattleBaseUserInfo_nick_name, nick),
                        message_field(BattleBaseUserInfo_avatar_thumb, wc.image(f"avatar:{uid}")),
                        str_field(BattleBaseUserInfo_display_id, handle),
                    ),
                ),
            )
            for uid, nick, handle in ((host, "Host", self.scenario.room), (rival, "Rival", "rival_host"))
        ]
        results = []
        if action == 5:
            results = [
                map_entry(
                    WebcastLinkMicBattle_battle_result,
                    int_field(WebcastLinkMicBattle_BattleResultEntry_key, uid),
                    message_field(
                        WebcastLinkMicBattle_BattleResultEntry_value,
                        int_field(BattleResult_user_id, uid),
                        int_field(BattleResult_result, r),
                        int_field(BattleResult_score, s),
                    ),
                )
                for uid, r, s in self._results(host, rival)
            ]
        setting = message_field(
            WebcastLinkMicBattle_battle_setting, self._settings(battle_id, 1 if action == 4 else 2)
        )
        return self._inner(
            "battle",
            [
                int_field(WebcastLinkMicBattle_battle_id, battle_id),
                setting,
                int_field(WebcastLinkMicBattle_action, action),
                *anchors,
                *results,
            ],
            now_ms,
        )

    def _results(self, host: int, rival: int) -> list[tuple[int, int, int]]:
        """(host id, result 0 win / 1 lose / 2 draw, score) of both sides, from the running scores."""
        mine, theirs = self.scores
        win = 2 if mine == theirs else 0 if mine > theirs else 1
        return [(host, win, mine), (rival, 2 if win == 2 else 1 - win, theirs)]

    def _armies(self, battle_id: int, rival: int, now_ms: int) -> bytes:
        host = 6_700_000_000_000_000_001
        gifter = self._user()
        teams = [
            map_entry(
                WebcastLinkMicArmies_battle_items,
                int_field(WebcastLinkMicArmies_BattleItemsEntry_key, uid),
                message_field(
                    WebcastLinkMicArmies_BattleItemsEntry_value,
                    *(
                        message_field(
                            BattleUserArmies_user_armies,
                            int_field(BattleUserArmy_user_id, u.id),
                            int_field(BattleUserArmy_score, score // (2 + rank)),
                            str_field(BattleUserArmy_nickname, u.nickname),
                            message_field(BattleUserArmy_avatar_thumb, wc.image(f"avatar:{u.id}", 100, 1)),
                            int_field(BattleUserArmy_diamond_score, score // (2 + rank)),
                            str_field(BattleUserArmy_user_id_str, str(u.id)),
                        )
                        for rank, u in enumerate(supporters)
                    ),
                    int_field(BattleUserArmies_host_score, score),
                    str_field(BattleUserArmies_anchor_id_str, str(uid)),
                ),
            )
            for uid, score, supporters in self._sides(host, rival, gifter)
        ]
        return self._inner(
            "battleArmies",
            [
                int_field(WebcastLinkMicArmies_battle_id, battle_id),
                *teams,
                int_field(WebcastLinkMicArmies_trigger_reason, 1),
                int_field(WebcastLinkMicArmies_from_user_id, gifter.id),
                int_field(WebcastLinkMicArmies_gift_id, 5655),
                int_field(WebcastLinkMicArmies_gift_count, 5),
                int_field(WebcastLinkMicArmies_total_diamond_count, 5),
                message_field(WebcastLinkMicArmies_battle_settings, self._settings(battle_id, 1)),
            ],
            now_ms,
        )

    def _sides(self, host: int, rival: int, gifter: SimUser) -> list[tuple[int, int, list[SimUser]]]:
        """Each side's (host id, score, top supporters); the scores only rise during a battle."""
        out = []
        for side, uid in enumerate((host, rival)):
            self.scores[side] += self.rng.randint(0, 300)
            others = self.rng.sample(self.users, min(len(self.users), self.rng.randint(2, 4)))
            out.append((uid, self.scores[side], [gifter, *others] if side == 0 else others))
        return out

    def _room_pin(self, now_ms: int) -> bytes:
        if not self.recent_chat:
            return self._chat(now_ms)
        u, line, when = self.recent_chat[-1]
        chat = message_field(
            WebcastRoomPinMessage_common,
            wc.common("WebcastChatMessage", self._next_id(), self.scenario.room_id, when),
        ) + b"".join(self._chat_fields(u, line))
        operator = message_field(WebcastRoomPinMessage_operator, wc.user(self.users[0]))
        return self._inner(
            "roomPin",
            [
                message_field(WebcastRoomPinMessage_chat_message, chat),
                str_field(WebcastRoomPinMessage_method, "WebcastChatMessage"),
                int_field(WebcastRoomPinMessage_pin_time, now_ms),
                operator,
                int_field(WebcastRoomPinMessage_action, 1),
                int_field(WebcastRoomPinMessage_display_duration, 60),
            ],
            now_ms,
        )

    def _caption(self, now_ms: int) -> bytes:
        line = self.rng.choice(("welcome everyone", "thanks for the rose", "let's go"))
        return self._inner(
            "caption",
            [
                int_field(WebcastCaptionMessage_timestamp_ms, now_ms),
                int_field(WebcastCaptionMessage_duration_ms, 1800),
                message_field(
                    WebcastCaptionMessage_content,
                    str_field(CaptionContent_lang, "en"),
                    str_field(CaptionContent_content, line),
                ),
                int_field(WebcastCaptionMessage_sentence_id, now_ms // 7),
                bool_field(WebcastCaptionMessage_definite, True),
            ],
            now_ms,
        )

    def _barrage(self, now_ms: int) -> bytes:
        # the kinds real rooms send: gifter-level and fans-level entrances, subscriptions, upgrades
        u = self._user()
        kind = self.rng.choices((9, 11, 4, 7, 8), (35, 30, 15, 10, 10))[0]
        key, pattern = _BARRAGE_TEXTS[kind]
        fields = [
            int_field(WebcastBarrageMessage_msg_type, kind),
            message_field(WebcastBarrageMessage_content, wc.text(key, pattern, [u])),
            int_field(WebcastBarrageMessage_duration, 3000),
        ]
        if kind in (8, 9, 10, 11):
            param = (
                WebcastBarrageMessage_user_grade_param
                if kind in (8, 9)
                else WebcastBarrageMessage_fans_level_param
            )
            level = max(1, u.gifter_level if kind in (8, 9) else u.member_level)
            fields.append(
                message_field(
                    param,
                    int_field(BarrageUserGradeParam_current_grade, level),
                    message_field(BarrageUserGradeParam_user, wc.user(u)),
                )
            )
        elif kind == 7:
            fields.append(
                message_field(
                    WebcastBarrageMessage_subscribe_gift_param,
                    int_field(BarrageSubscribeGiftParam_gift_sub_count, self.rng.choice((1, 5, 10))),
                    bool_field(BarrageSubscribeGiftParam_show_gift_sub_count, True),
                    int_field(BarrageSubscribeGiftParam_gift_source, self.rng.choice((2, 3))),
                )
            )
        return self._inner("barrage", fields, now_ms)

    def _goal(self, now_ms: int) -> bytes:
        # as on the wire: the contributing sub-goal without its gift, the goal's list with them
        u = self._user()
        progress = self.total_likes % 500
        listed = [
            message_field(
                LiveStreamGoal_sub_goals,
                int_field(LiveStreamSubGoal_type, 1),
                int_field(LiveStreamSubGoal_id, goal_id),
                int_field(LiveStreamSubGoal_progress, progress if goal_id == 99 else 3),
                int_field(LiveStreamSubGoal_target, target),
                message_field(
                    LiveStreamSubGoal_gift,
                    str_field(LiveStreamSubGoalGift_name, name),
                    message_field(LiveStreamSubGoalGift_icon, wc.image(f"gift:{name}", 100, 3)),
                    int_field(LiveStreamSubGoalGift_diamond_count, diamonds),
                ),
                str_field(LiveStreamSubGoal_id_str, str(goal_id)),
            )
            for goal_id, name, diamonds, target in _GOAL_GIFTS
        ]
        contributors = [
            message_field(
                LiveStreamGoal_contributors,
                int_field(LiveStreamGoalContributor_user_id, c.id),
                message_field(LiveStreamGoalContributor_avatar, wc.image(f"avatar:{c.id}", 100, 2)),
                str_field(LiveStreamGoalContributor_display_id, c.unique_id),
                int_field(LiveStreamGoalContributor_score, 10 * (len(self.users) - i)),
            )
            for i, c in enumerate(self.users[: 1 + progress % 3])
        ]
        goal = message_field(
            WebcastGoalUpdateMessage_goal,
            int_field(LiveStreamGoal_id, 7_400_000_000_000_000_099),
            int_field(LiveStreamGoal_status, 1),
            *listed,
            str_field(LiveStreamGoal_description, "Help me reach the goal!"),
            int_field(LiveStreamGoal_start_time, now_ms // 1000 - 600),
            *contributors,
            str_field(LiveStreamGoal_id_str, "7400000000000000099"),
            message_field(
                LiveStreamGoal_stats,
                int_field(GoalStats_total_coins, progress),
                int_field(GoalStats_total_contributor, len(contributors)),
            ),
        )
        sub = message_field(
            WebcastGoalUpdateMessage_contribute_subgoal,
            int_field(LiveStreamSubGoal_type, 1),
            int_field(LiveStreamSubGoal_id, 99),
            int_field(LiveStreamSubGoal_progress, progress),
            int_field(LiveStreamSubGoal_target, 500),
        )
        return self._inner(
            "goal",
            [
                goal,
                int_field(WebcastGoalUpdateMessage_contributor_id, u.id),
                message_field(
                    WebcastGoalUpdateMessage_contributor_avatar, wc.image(f"avatar:{u.id}", 100, 2)
                ),
                str_field(WebcastGoalUpdateMessage_contributor_display_id, u.unique_id),
                sub,
                int_field(WebcastGoalUpdateMessage_contribute_count, 1),
                int_field(WebcastGoalUpdateMessage_contribute_score, 1),
                int_field(WebcastGoalUpdateMessage_update_source, 2),
            ],
            now_ms,
        )

    def _rank(self, now_ms: int) -> bytes:
        update = message_field(
            WebcastRankUpdateMessage_updates,
            int_field(RankUpdate_rank_type, 8),
            int_field(RankUpdate_owner_rank, self.rng.randint(1, 99)),
            int_field(RankUpdate_countdown, 3600),
        )
        return self._inner(
            "rank",
            [
                update,
                int_field(WebcastRankUpdateMessage_group_type, 1),
                int_field(WebcastRankUpdateMessage_priority, 2),
            ],
            now_ms,
        )

    def _poll(self, now_ms: int) -> bytes:
        # a poll as TikTok runs it: a start block, vote updates, an end block (no basic-info block)
        if self.poll is None:
            self.poll = (now_ms, now_ms + 60_000, [0] * len(_POLL_OPTIONS))
            block = message_field(
                WebcastPollMessage_start_content,
                int_field(PollStartContent_start_time, now_ms),
                int_field(PollStartContent_end_time, now_ms + 60_000),
                *self._poll_options(PollStartContent_option_list, self.poll[2]),
                str_field(PollStartContent_title, "Next game?"),
                message_field(PollStartContent_operator, wc.user(self._user())),
            )
            action = 0
        else:
            votes = self.poll[2]
            votes[self.rng.randrange(len(votes))] += self.rng.randint(1, 9)
            if now_ms < self.poll[1]:
                block = message_field(
                    WebcastPollMessage_update_votes_content,
                    *self._poll_options(PollUpdateVotesContent_option_list, votes),
                )
                action = 2
            else:
                block = message_field(
                    WebcastPollMessage_end_content,
                    int_field(PollEndContent_end_type, 0),
                    *self._poll_options(PollEndContent_option_list, votes),
                )
                action = 1
        poll_id = self.poll[0]
        if action == 1:
            self.poll = None
        return self._inner(
            "poll",
            [
                int_field(WebcastPollMessage_message_type, action),
                int_field(WebcastPollMessage_poll_id, poll_id),
                block,
                int_field(WebcastPollMessage_poll_kind, 2),
            ],
            now_ms,
        )

    def _poll_options(self, number: int, votes: list[int]) -> list[bytes]:
        # each option with its latest voter, as the vote-update and end blocks carry them
        return [
            message_field(
                number,
                int_field(PollOptionInfo_votes, count),
                str_field(PollOptionInfo_display_content, text),
                int_field(PollOptionInfo_option_idx, index),
                *(
                    message_field(
                        PollOptionInfo_vote_user_list,
                        int_field(VoteUser_user_id, voter.id),
                        str_field(VoteUser_nick_name, voter.nickname),
                        message_field(VoteUser_avatar_thumb, wc.image(f"avatar:{voter.id}", 100, 2)),
                    )
                    for voter in (self.users[(count * 31 + index) % len(self.users)],)
                    if count
                ),
            )
            for index, (text, count) in enumerate(zip(_POLL_OPTIONS, votes, strict=True))
        ]

    def _banner(self, now_ms: int) -> bytes:
        # the in-room banner's JSON: a ranking card with its images and link, about 0.9 KB
        icon = "https://p16-webcast.tiktokcdn.com/webcast-va/weekly_rank_banner_" + "{0}.png~tplv-obj.image"
        data = (
            f'{{"banner_id":{now_ms // 1000},"biz_type":3,"title":"Weekly ranking",'
            f'"subtitle":"Top creators this week","progress":{self.seq % 100},"rank":{1 + self.seq % 50},'
            f'"gap_to_previous":{self.rng.randint(10, 9000)},"start_time":{now_ms // 1000 - 86_400},'
            f'"end_time":{now_ms // 1000 + 518_400},"icon":"{icon.format("icon")}",'
            f'"background":"{icon.format("background")}","arrow":"{icon.format("arrow")}",'
            f'"schema_url":"sslocal://webcast_lynxview_popup?url=https%3A%2F%2Flf16-gecko-source.tiktokcdn.com'
            f"%2Fobj%2Fbyte-gurd-source-sg%2Ftiktok%2Ffe%2Flive%2Ftiktok_live_revenue_weekly_rank%2Fpages"
            f'%2Findex%2Ftemplate.js&gravity=bottom&height=540&show_mask=1&mask_alpha=0.3",'
            f'"log_extra":{{"rank_type":"weekly","region":"US","anchor_id":"{self.scenario.room_id}"}}}}'
        )
        return self._inner("banner", [str_field(WebcastInRoomBannerMessage_json_data, data)], now_ms)

    def _im_delete(self, now_ms: int) -> bytes:
        return self._inner(
            "imDelete",
            [
                packed_field(WebcastImDeleteMessage_delete_user_ids, [self._user().id]),  # never message ids
            ],
            now_ms,
            slim=True,
        )

    def _control(self, now_ms: int, action: int = 0) -> bytes:
        if not action:
            action = 1 if self.rng.random() < 0.5 else 2
        return self._inner(
            "control",
            [int_field(WebcastControlMessage_action, action), str_field(WebcastControlMessage_tips, "")],
            now_ms,
        )

    def _live_intro(self, now_ms: int) -> bytes:
        host = SimUser(6_700_000_000_000_000_001, self.scenario.room, "Host", followers=125_000)
        return self._inner(
            "liveIntro",
            [
                int_field(WebcastLiveIntroMessage_id, self.scenario.room_id),
                str_field(WebcastLiveIntroMessage_content, "Gifts control the game! Rose = enemy, !jump"),
                message_field(
                    WebcastLiveIntroMessage_user,
                    wc.user_ref(host)
                    + message_field(User_avatar_thumb, wc.image(f"avatar:{host.id}", 100, 2)),
                ),
                str_field(WebcastLiveIntroMessage_content_language, "en"),
            ],
            now_ms,
        )

    def _co_host_score(self, now_ms: int) -> bytes:
        # the live per-host score while linked: every host's (fan ticket method) or one host's
        host = 6_700_000_000_000_000_001
        rival = self.battle[1] if self.battle else 6_800_000_000_000_000_007
        if self.battle:  # during a battle, the running scores: they only rise
            self.scores = [score + self.rng.randint(0, 300) for score in self.scores]
            scores = list(zip((host, rival), self.scores, strict=True))
        else:
            scores = [(uid, self.rng.randint(0, 5000)) for uid in (host, rival)]
        if self.rng.random() < 0.3:
            uid, score = scores[0]
            fields = [
                int_field(WebcastLinkMicMethod_message_type, 8),
                int_field(WebcastLinkMicMethod_user_id, uid),
                int_field(WebcastLinkMicMethod_fan_ticket, score),
                int_field(WebcastLinkMicMethod_total_linkmic_fan_ticket, sum(s for _, s in scores)),
                int_field(WebcastLinkMicMethod_channel_id, 7_390_000_000_000_000_001),
            ]
            return self._inner("linkMicMethod", fields, now_ms)
        notice = message_field(
            WebcastLinkMicFanTicketMethod_fan_ticket_room_notice,
            *(
                message_field(
                    FanTicketRoomNoticeContent_user_fan_ticket,
                    int_field(UserFanTicket_user_id, uid),
                    int_field(UserFanTicket_fan_ticket, score),
                    int_field(UserFanTicket_match_total_score, score),
                    int_field(UserFanTicket_match_rank, rank),
                )
                for rank, (uid, score) in enumerate(sorted(scores, key=lambda s: -s[1]), 1)
            ),
            int_field(FanTicketRoomNoticeContent_total_linkmic_fan_ticket, sum(s for _, s in scores)),
            int_field(FanTicketRoomNoticeContent_match_id, self.battle[0] if self.battle else 0),
            int_field(FanTicketRoomNoticeContent_event_time, now_ms),
        )
        return self._inner("coHostScore", [notice], now_ms)

    def _hosts(self, rival: int = 0) -> list[tuple[int, str, str]]:
        """The linked hosts (id, nickname, handle): ours first, then the rival or two viewers' rooms."""
        ours = (6_700_000_000_000_000_001, "Host", self.scenario.room)
        if rival:
            return [ours, (rival, "Rival", "rival_host")]
        return [ours, *((u.id, u.nickname, u.unique_id) for u in self.users[:2])]

    def _co_host(self, now_ms: int) -> bytes:
        # a co-host list change: the link layer's ids and its user map, or the older linker's lists
        hosts = self._hosts()
        if self.rng.random() < 0.3:
            return self._linker(hosts, now_ms)
        return self._link_layer(11, hosts, now_ms)

    def _link_layer(self, action: int, hosts: list[tuple[int, str, str]], now_ms: int) -> bytes:
        """A link-layer message: 12 join, 11 list change (with the linked list), 9 leave."""
        listed = message_field(
            LinkListChangeContent_list,
            *(
                message_field(
                    AllListUser_linked_list,
                    message_field(
                        LinkLayerListUser_user,
                        int_field(LinkPlayer_room_id, uid + 1),
                        int_field(LinkPlayer_user_id, uid),
                    ),
                    str_field(LinkLayerListUser_linkmic_id, str(uid)),
                    int_field(LinkLayerListUser_linked_time_nano, now_ms * 1_000_000),
                )
                for uid, _, _ in hosts
            ),
        )
        users = message_field(
            BusinessContent_cohost_content,
            message_field(
                CohostContent_list_change_biz_content,
                *(
                    message_field(
                        ListChangeBizContent_user_infos,
                        int_field(CohostUserInfoEntry_key, uid),
                        message_field(
                            CohostUserInfoEntry_value,
                            str_field(CohostUserInfo_nickname, nickname),
                            str_field(CohostUserInfo_display_id, handle),
                            message_field(CohostUserInfo_avatar_thumb, wc.image(f"avatar:{uid}", 100, 3)),
                            str_field(CohostUserInfo_user_id_str, str(uid)),
                        ),
                    )
                    for uid, nickname, handle in hosts
                ),
            ),
        )
        fields = [
            int_field(WebcastLinkLayerMessage_message_type, action),
            int_field(WebcastLinkLayerMessage_channel_id, 7_390_000_000_000_000_001),
            int_field(WebcastLinkLayerMessage_scene, 2),
            *(
                [
                    message_field(
                        WebcastLinkLayerMessage_list_change_content,
                        int_field(LinkListChangeContent_type, 1),
                        listed,
                    )
                ]
                if action == 11
                else []
            ),
            message_field(WebcastLinkLayerMessage_business_content, users),
        ]
        return self._inner("coHost", fields, now_ms)

    def _linker(self, hosts: list[tuple[int, str, str]], now_ms: int) -> bytes:
        # the old linker's list change: whole users, linked and applying (the largest real messages)
        linked = self.users[: self.rng.randint(2, 5)]
        applied = self.rng.sample(self.users, min(len(self.users), self.rng.choice((0, 2, 4, 5, 6, 8, 11))))

        def listed(number: int, u: SimUser) -> bytes:
            return message_field(
                number,
                message_field(LinkListUser_user, wc.user(u, 2)),
                int_field(LinkListUser_modify_time, now_ms // 1000),
                int_field(LinkListUser_fan_ticket, u.id % 5000),
            )

        fields = [
            int_field(WebcastLinkMessage_message_type, 22),
            int_field(WebcastLinkMessage_linker_id, 7_391_000_000_000_000_001),
            int_field(WebcastLinkMessage_scene, 2),
            message_field(
                WebcastLinkMessage_list_change_content,
                *(listed(LinkerListChangeContent_linked_users, u) for u in linked),
                *(listed(LinkerListChangeContent_applied_users, u) for u in applied),
            ),
            message_field(
                WebcastLinkMessage_cohost_list_change_content,
                *(
                    message_field(
                        CohostListChangeContent_users,
                        int_field(CohostListUser_user_id, uid),
                        str_field(CohostListUser_nick_name, nickname),
                        message_field(CohostListUser_avatar_thumb, wc.image(f"avatar:{uid}", 100, 3)),
                        int_field(CohostListUser_room_id, uid + 1),
                        str_field(CohostListUser_display_id, handle),
                    )
                    for uid, nickname, handle in hosts
                ),
            ),
        ]
        return self._inner("linker", fields, now_ms)

    def _rank_text(self, now_ms: int) -> bytes:
        u = self._user()
        after = self.rng.randint(1, 3)
        display = wc.text("pm_mt_topviewer_comment", "{0:user} just became a top {1:string} viewer!", [u])
        fields = [
            int_field(WebcastRankTextMessage_scene, 1),
            int_field(WebcastRankTextMessage_owner_idx_before_update, after + 1),
            int_field(WebcastRankTextMessage_owner_idx_after_update, after),
            int_field(WebcastRankTextMessage_cur_user_id, u.id),
        ]
        return self._inner("rankText", fields, now_ms, display)

    def _unknown(self, now_ms: int) -> bytes:
        # a method the contract does not model, with the simulator's own filler (SimUnknownTail) for a
        # body: numbers its public schema leaves unused, so every parser (ours, TikTokLive's) skips them
        method = self.rng.choice(_UNTYPED)
        body = [
            int_field(SimUnknownTail_variant, self.rng.randint(1, 9)),
            message_field(
                SimUnknownTail_card,
                str_field(SimUnknownCard_name, method.removeprefix("Webcast")),
                message_field(SimUnknownCard_image, wc.image(method, 100, 2)),
            ),
            str_field(SimUnknownTail_extra_json, f'{{"scene":"{method}","ts":{now_ms}}}'),
        ]
        return self._inner("unknown", body, now_ms, method=method)

    def _ignored(self, now_ms: int) -> bytes:
        # a method the decoders drop; its schema is in proto/webcast.proto all the same
        fields = [
            int_field(WebcastMsgDetectMessage_detect_type, 1),
            int_field(WebcastMsgDetectMessage_sim_sent_ms, now_ms),
        ]
        return self._inner("ignored", fields, now_ms)

    # ------------------------------------------------------------ notices, rankings, pins

    def _notice_makers(self) -> dict[str, Callable[[int], bytes]]:
        """The makers of the room and system text, notice, pin, rank and battle-notice kinds."""
        return {
            "battleNotice": self._battle_notice,
            "roomMessage": self._room_message,
            "systemMessage": self._system_message,
            "roomNotify": self._room_notify,
            "giftBroadcast": self._gift_broadcast,
            "hourlyRank": self._hourly_rank,
            "subPin": self._sub_pin,
            "bottomMessage": self._bottom_message,
            "unauthorizedMember": self._unauthorized_member,
            "accessRecall": self._access_recall,
        }

    def _battle_notice(self, now_ms: int) -> bytes:
        # notice type 4 with the rule guide, as in a real capture
        guide = message_field(
            ws.WebcastLinkmicBattleNoticeMessage_battle_rule_guide,
            message_field(
                ws.BattleNoticeRuleGuide_content, str_field(ws.BattleNoticeText_text, "LIVE Match rules")
            ),
            message_field(
                ws.BattleNoticeRuleGuide_button_content, str_field(ws.BattleNoticeText_text, "Learn more")
            ),
            str_field(ws.BattleNoticeRuleGuide_rule_url, "https://www.tiktok.com/live/match/rules"),
            bool_field(ws.BattleNoticeRuleGuide_except_anchor, True),
        )
        return self._inner(
            "battleNotice", [int_field(ws.WebcastLinkmicBattleNoticeMessage_notice_type, 4), guide], now_ms
        )

    def _room_message(self, now_ms: int) -> bytes:
        display = wc.text(
            "live_room_notice", "Welcome to the LIVE! Be kind and follow the community guidelines."
        )
        fields = [
            str_field(
                ws.WebcastRoomMessage_content, "" if self.rng.random() < 0.5 else "Welcome to the LIVE!"
            ),
            int_field(ws.WebcastRoomMessage_source, 1),
            str_field(ws.WebcastRoomMessage_scene, "live_room_welcome"),
            bool_field(ws.WebcastRoomMessage_is_welcome, True),
            int_field(ws.WebcastRoomMessage_show_duration_ms, 5000),
        ]
        return self._inner("roomMessage", fields, now_ms, display)

    def _system_message(self, now_ms: int) -> bytes:
        fields = [str_field(ws.WebcastSystemMessage_message, "The host has limited comments to followers.")]
        return self._inner("systemMessage", fields, now_ms)

    def _notify(
        self, sender: SimUser, receiver: SimUser, gift: GiftSpec, whole: bool = False
    ) -> tuple[bytes, list[bytes]]:
        """A room notice announcing ``sender``'s gift to ``receiver``: its display text and its fields
        (``whole``: the sender's piece is the whole user, which brings a broadcast near its real size)."""
        gift_piece = message_field(
            ws.Text_pieces,
            message_field(
                ws.TextPiece_gift_value,
                int_field(ws.TextPieceGift_gift_id, gift.id),
                message_field(
                    ws.TextPieceGift_name_ref,
                    str_field(ws.PatternRef_key, f"pm_mt_gift_{gift.id}"),
                    str_field(ws.PatternRef_default_pattern, gift.name),
                ),
            ),
        )
        pattern = "{0:user} sent {1:gift} to {2:user}"
        display = wc.text("pm_mt_live_gift_platform_announcement", pattern) + wc.user_piece(sender, whole)
        fields = [
            str_field(ws.WebcastRoomNotifyMessage_schema, f"sslocal://webcast_gift_dialog?gift_id={gift.id}"),
            int_field(ws.WebcastRoomNotifyMessage_notify_type, 3),
            str_field(ws.WebcastRoomNotifyMessage_source, "gift_broadcast"),
            int_field(ws.WebcastRoomNotifyMessage_from_user_id, sender.id),
            int_field(ws.WebcastRoomNotifyMessage_to_anchor_id, receiver.id),
        ]
        return display + gift_piece + wc.user_piece(receiver), fields

    def _room_notify(self, now_ms: int) -> bytes:
        u = self._user()
        display, fields = self._notify(u, self._user(), self.rng.choice(self.gifts))
        fields.append(message_field(ws.WebcastRoomNotifyMessage_user, wc.user(u)))
        return self._inner("roomNotify", fields, now_ms, display)

    def _gift_broadcast(self, now_ms: int) -> bytes:
        sender, receiver = self._user(), self._user()
        display, notify = self._notify(sender, receiver, self.rng.choice(self.gifts), whole=True)
        msg_id = self._next_id()
        common = wc.common("WebcastRoomNotifyMessage", msg_id, self.scenario.room_id, now_ms, display)
        fields = [
            int_field(ws.WebcastGiftBroadcastMessage_from_user_id, sender.id),
            message_field(ws.WebcastGiftBroadcastMessage_left_icon, wc.image("gift:broadcast", 100, 2)),
            message_field(
                ws.WebcastGiftBroadcastMessage_notify, message_field(Message_common, common), *notify
            ),
        ]
        return self._inner("giftBroadcast", fields, now_ms)

    def _hourly_rank(self, now_ms: int) -> bytes:
        ranking = message_field(
            ws.HourlyRankContainer_rankings,
            str_field(ws.Text_key, "pm_mt_Live_WR"),
            str_field(ws.Text_default_pattern, "Weekly ranking"),
            message_field(ws.Text_default_format, str_field(ws.TextFormat_color, "#ffffffff")),
        )
        container = message_field(
            ws.WebcastHourlyRankMessage_data, int_field(ws.HourlyRankContainer_kind, 1), ranking
        )
        return self._inner("hourlyRank", [container, int_field(ws.WebcastHourlyRankMessage_extra, 1)], now_ms)

    def _sub_pin(self, now_ms: int) -> bytes:
        card = message_field(
            ws.WebcastSubPinEventMessage_card,
            int_field(ws.SubPinCard_time_to_live, 300),
            message_field(
                ws.SubPinCard_title,
                int_field(ws.SubPinCardText_type, 1),
                str_field(ws.SubPinCardText_content, "Subscriber goal"),
            ),
            message_field(
                ws.SubPinCard_desc,
                int_field(ws.SubPinCardText_type, 1),
                str_field(ws.SubPinCardText_content, "50 subs for a boss fight"),
            ),
            int_field(ws.SubPinCard_type, 2),
            int_field(ws.SubPinCard_id, 7_420_000_000_000_000_001),
        )
        fields = [
            int_field(ws.WebcastSubPinEventMessage_action_type, self.rng.choice((1, 1, 2))),
            card,
            int_field(ws.WebcastSubPinEventMessage_operator_user_id, 6_700_000_000_000_000_001),
        ]
        return self._inner("subPin", fields, now_ms)

    def _bottom_message(self, now_ms: int) -> bytes:
        display = wc.text("live_bottom_reminder", "Remember to keep your LIVE friendly.")
        fields = [
            str_field(ws.WebcastBottomMessage_content, "Remember to keep your LIVE friendly."),
            int_field(ws.WebcastBottomMessage_text_type, self.rng.choice((0, 1))),
            int_field(ws.WebcastBottomMessage_duration, 5),
            int_field(ws.WebcastBottomMessage_biz_type, 3),
        ]
        return self._inner("bottomMessage", fields, now_ms, display)

    def _unauthorized_member(self, now_ms: int) -> bytes:
        name = str(self.rng.randint(100_000, 999_999))
        fields = [
            int_field(ws.WebcastUnauthorizedMemberMessage_action, 1),
            message_field(
                ws.WebcastUnauthorizedMemberMessage_nick_name_prefix,
                str_field(ws.Text_key, "web_nonlogin_im_1"),
            ),
            str_field(ws.WebcastUnauthorizedMemberMessage_nick_name, name),
            message_field(
                ws.WebcastUnauthorizedMemberMessage_enter_text,
                str_field(ws.Text_key, "live_room_enter_toast"),
                str_field(ws.Text_default_pattern, "{0:user} joined"),
            ),
        ]
        return self._inner("unauthorizedMember", fields, now_ms)

    def _access_recall(self, now_ms: int) -> bytes:
        fields = [
            int_field(ws.WebcastAccessRecallMessage_status, 1),
            int_field(ws.WebcastAccessRecallMessage_duration, 600),
            int_field(ws.WebcastAccessRecallMessage_end_time, now_ms // 1000 + 600),
            str_field(ws.WebcastAccessRecallMessage_scene, "live_gift"),
            message_field(
                ws.WebcastAccessRecallMessage_notice,
                str_field(ws.Text_key, "live_access_recall_notice"),
                str_field(ws.Text_default_pattern, "Gifts are paused for 10 minutes."),
            ),
        ]
        return self._inner("accessRecall", fields, now_ms)
