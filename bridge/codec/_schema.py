"""The webcast field table, generated from proto/webcast.proto by scripts/gen_wire.py: do not edit.

``<Message>_<field>`` is the field's number. :data:`MESSAGES` gives every field's
number, wire type (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32), type, whether
it repeats and the contract key its ``// => key`` annotation names (``*``: read into the
event). :data:`GENERATED` and :data:`HOOKS` say how each decoded method is decoded.
"""

from __future__ import annotations

from typing import Final, NamedTuple


class WireField(NamedTuple):
    """One field of a webcast message."""

    name: str
    number: int
    wire: int
    type: str
    repeated: bool
    key: str


# WebcastPushFrame
WebcastPushFrame_seq_id: Final = 1
WebcastPushFrame_log_id: Final = 2
WebcastPushFrame_service: Final = 3
WebcastPushFrame_method: Final = 4
WebcastPushFrame_headers: Final = 5
WebcastPushFrame_payload_encoding: Final = 6
WebcastPushFrame_payload_type: Final = 7
WebcastPushFrame_payload: Final = 8

# PushHeader
PushHeader_key: Final = 1
PushHeader_value: Final = 2

# ProtoMessageFetchResult
ProtoMessageFetchResult_messages: Final = 1
ProtoMessageFetchResult_cursor: Final = 2
ProtoMessageFetchResult_fetch_interval: Final = 3
ProtoMessageFetchResult_now: Final = 4
ProtoMessageFetchResult_internal_ext: Final = 5
ProtoMessageFetchResult_fetch_type: Final = 6
ProtoMessageFetchResult_route_params: Final = 7
ProtoMessageFetchResult_heartbeat_duration: Final = 8
ProtoMessageFetchResult_need_ack: Final = 9
ProtoMessageFetchResult_push_server: Final = 10
ProtoMessageFetchResult_is_first: Final = 11
ProtoMessageFetchResult_history_comment_cursor: Final = 12
ProtoMessageFetchResult_history_no_more: Final = 13

# ProtoMessageFetchResult.RouteParamsEntry
ProtoMessageFetchResult_RouteParamsEntry_key: Final = 1
ProtoMessageFetchResult_RouteParamsEntry_value: Final = 2

# BaseProtoMessage
BaseProtoMessage_method: Final = 1
BaseProtoMessage_payload: Final = 2
BaseProtoMessage_msg_id: Final = 3
BaseProtoMessage_msg_type: Final = 4
BaseProtoMessage_offset: Final = 5
BaseProtoMessage_is_history: Final = 6
BaseProtoMessage_sample_flag: Final = 7

# HeartBeatMessage
HeartBeatMessage_room_id: Final = 1
HeartBeatMessage_send_packet_seq_id: Final = 2

# WebcastImEnterRoomMessage
WebcastImEnterRoomMessage_room_id: Final = 1
WebcastImEnterRoomMessage_room_tag: Final = 2
WebcastImEnterRoomMessage_live_region: Final = 3
WebcastImEnterRoomMessage_live_id: Final = 4
WebcastImEnterRoomMessage_identity: Final = 5
WebcastImEnterRoomMessage_cursor: Final = 6
WebcastImEnterRoomMessage_account_type: Final = 7
WebcastImEnterRoomMessage_enter_unique_id: Final = 8
WebcastImEnterRoomMessage_filter_welcome_msg: Final = 9
WebcastImEnterRoomMessage_is_anchor_continue_keep_msg: Final = 10

# CommonMessageData
CommonMessageData_method: Final = 1
CommonMessageData_msg_id: Final = 2
CommonMessageData_room_id: Final = 3
CommonMessageData_create_time: Final = 4
CommonMessageData_monitor: Final = 5
CommonMessageData_is_show_msg: Final = 6
CommonMessageData_describe: Final = 7
CommonMessageData_display_text: Final = 8
CommonMessageData_fold_type: Final = 9
CommonMessageData_anchor_fold_type: Final = 10
CommonMessageData_priority_score: Final = 11
CommonMessageData_log_id: Final = 12
CommonMessageData_msg_process_filter_k: Final = 13
CommonMessageData_msg_process_filter_v: Final = 14
CommonMessageData_from_idc: Final = 15
CommonMessageData_to_idc: Final = 16
CommonMessageData_filter_msg_tags: Final = 17
CommonMessageData_client_send_time: Final = 25

# Text
Text_key: Final = 1
Text_default_pattern: Final = 2
Text_default_format: Final = 3
Text_pieces: Final = 4

# TextFormat
TextFormat_color: Final = 1
TextFormat_bold: Final = 2
TextFormat_italic: Final = 3
TextFormat_weight: Final = 4
TextFormat_italic_angle: Final = 5
TextFormat_font_size: Final = 6

# TextPiece
TextPiece_type: Final = 1
TextPiece_format: Final = 2
TextPiece_string_value: Final = 11
TextPiece_user_value: Final = 21
TextPiece_gift_value: Final = 22

# TextPieceUser
TextPieceUser_user: Final = 1
TextPieceUser_with_colon: Final = 2

# TextPieceGift
TextPieceGift_gift_id: Final = 1
TextPieceGift_name_ref: Final = 2

# PatternRef
PatternRef_key: Final = 1
PatternRef_default_pattern: Final = 2

# ImageModel
ImageModel_url_list: Final = 1
ImageModel_uri: Final = 2
ImageModel_height: Final = 3
ImageModel_width: Final = 4
ImageModel_avg_color: Final = 5
ImageModel_image_type: Final = 6
ImageModel_schema: Final = 7
ImageModel_is_animated: Final = 9

# FollowInfo
FollowInfo_following_count: Final = 1
FollowInfo_follower_count: Final = 2
FollowInfo_follow_status: Final = 3
FollowInfo_push_status: Final = 4

# PrivilegeLogExtra
PrivilegeLogExtra_data_version: Final = 1
PrivilegeLogExtra_privilege_id: Final = 2
PrivilegeLogExtra_privilege_version: Final = 3
PrivilegeLogExtra_privilege_order_id: Final = 4
PrivilegeLogExtra_level: Final = 5

# ImageBadge
ImageBadge_display_type: Final = 1
ImageBadge_image: Final = 2

# TextBadge
TextBadge_display_type: Final = 1
TextBadge_key: Final = 2
TextBadge_default_pattern: Final = 3

# BadgeStruct
BadgeStruct_display_type: Final = 1
BadgeStruct_position: Final = 2
BadgeStruct_scene_type: Final = 3
BadgeStruct_display: Final = 11
BadgeStruct_privilege_log_extra: Final = 12
BadgeStruct_image: Final = 20
BadgeStruct_text: Final = 21

# User
User_id: Final = 1
User_short_id: Final = 2
User_nickname: Final = 3
User_gender: Final = 4
User_signature: Final = 5
User_level: Final = 6
User_birthday: Final = 7
User_telephone: Final = 8
User_avatar_thumb: Final = 9
User_avatar_medium: Final = 10
User_avatar_large: Final = 11
User_verified: Final = 12
User_experience: Final = 13
User_city: Final = 14
User_status: Final = 15
User_create_time: Final = 16
User_modify_time: Final = 17
User_secret: Final = 18
User_share_qrcode_uri: Final = 19
User_badge_image_list: Final = 21
User_follow_info: Final = 22
User_fans_club: Final = 24
User_avatar_border: Final = 27
User_user_attr: Final = 32
User_display_id: Final = 38
User_sec_uid: Final = 46
User_subscribe_info: Final = 63
User_badge_list: Final = 64
User_fans_club_info: Final = 66
User_avatar_jpg: Final = 1012
User_id_str: Final = 1028
User_is_follower: Final = 1029

# FansClubMember
FansClubMember_data: Final = 1

# FansClubData
FansClubData_club_name: Final = 1
FansClubData_level: Final = 2
FansClubData_status: Final = 3
FansClubData_badge: Final = 4

# FansClubBadge
FansClubBadge_icons: Final = 1
FansClubBadge_title: Final = 2

# FansClubBadge.IconsEntry
FansClubBadge_IconsEntry_key: Final = 1
FansClubBadge_IconsEntry_value: Final = 2

# FansClubInfo
FansClubInfo_is_sleeping: Final = 1
FansClubInfo_fans_level: Final = 2
FansClubInfo_fans_score: Final = 3
FansClubInfo_badge: Final = 4
FansClubInfo_fans_club_name: Final = 6

# UserAttr
UserAttr_is_muted: Final = 1
UserAttr_is_admin: Final = 2

# SubscribeInfo
SubscribeInfo_qualification: Final = 1
SubscribeInfo_is_subscribe: Final = 2
SubscribeInfo_badge: Final = 3
SubscribeInfo_subscriber_count: Final = 5

# SubscribeBadge
SubscribeBadge_origin_img: Final = 3
SubscribeBadge_preview_img: Final = 4

# UserIdentity
UserIdentity_is_gift_giver_of_anchor: Final = 1
UserIdentity_is_subscriber_of_anchor: Final = 2
UserIdentity_is_mutual_following_with_anchor: Final = 3
UserIdentity_is_follower_of_anchor: Final = 4
UserIdentity_is_moderator_of_anchor: Final = 5
UserIdentity_is_anchor: Final = 6

# Gift
Gift_image: Final = 1
Gift_describe: Final = 2
Gift_duration: Final = 4
Gift_id: Final = 5
Gift_for_linkmic: Final = 7
Gift_combo: Final = 10
Gift_type: Final = 11
Gift_diamond_count: Final = 12
Gift_is_displayed_on_panel: Final = 13
Gift_primary_effect_id: Final = 14
Gift_name: Final = 16
Gift_region: Final = 17
Gift_icon: Final = 21

# WebcastChatMessage
WebcastChatMessage_common: Final = 1
WebcastChatMessage_user: Final = 2
WebcastChatMessage_content: Final = 3
WebcastChatMessage_visible_to_sender: Final = 4
WebcastChatMessage_background: Final = 5
WebcastChatMessage_full_screen_text_color: Final = 6
WebcastChatMessage_input_type: Final = 11
WebcastChatMessage_at_user: Final = 12
WebcastChatMessage_emotes: Final = 13
WebcastChatMessage_content_language: Final = 14
WebcastChatMessage_quick_chat_scene: Final = 16
WebcastChatMessage_user_identity: Final = 18
WebcastChatMessage_mention_user_list: Final = 27
WebcastChatMessage_mention_users: Final = 28

# EmoteWithIndex
EmoteWithIndex_index: Final = 1
EmoteWithIndex_emote: Final = 2

# Emote
Emote_emote_id: Final = 1
Emote_image: Final = 2
Emote_emote_type: Final = 5

# WebcastGiftMessage
WebcastGiftMessage_common: Final = 1
WebcastGiftMessage_gift_id: Final = 2
WebcastGiftMessage_fan_ticket_count: Final = 3
WebcastGiftMessage_group_count: Final = 4
WebcastGiftMessage_repeat_count: Final = 5
WebcastGiftMessage_combo_count: Final = 6
WebcastGiftMessage_user: Final = 7
WebcastGiftMessage_to_user: Final = 8
WebcastGiftMessage_repeat_end: Final = 9
WebcastGiftMessage_group_id: Final = 11
WebcastGiftMessage_income_taskgifts: Final = 12
WebcastGiftMessage_room_fan_ticket_count: Final = 13
WebcastGiftMessage_gift: Final = 15
WebcastGiftMessage_log_id: Final = 16
WebcastGiftMessage_send_type: Final = 17
WebcastGiftMessage_monitor_extra: Final = 22
WebcastGiftMessage_color_id: Final = 24
WebcastGiftMessage_is_first_sent: Final = 25
WebcastGiftMessage_order_id: Final = 28
WebcastGiftMessage_user_identity: Final = 32

# WebcastLikeMessage
WebcastLikeMessage_common: Final = 1
WebcastLikeMessage_count: Final = 2
WebcastLikeMessage_total: Final = 3
WebcastLikeMessage_color: Final = 4
WebcastLikeMessage_user: Final = 5
WebcastLikeMessage_icon: Final = 6
WebcastLikeMessage_icons: Final = 7
WebcastLikeMessage_effect_cnt: Final = 9
WebcastLikeMessage_room_message_heat_level: Final = 12

# WebcastMemberMessage
WebcastMemberMessage_common: Final = 1
WebcastMemberMessage_user: Final = 2
WebcastMemberMessage_member_count: Final = 3
WebcastMemberMessage_operator: Final = 4
WebcastMemberMessage_is_set_to_admin: Final = 5
WebcastMemberMessage_is_top_user: Final = 6
WebcastMemberMessage_rank_score: Final = 7
WebcastMemberMessage_top_user_no: Final = 8
WebcastMemberMessage_enter_type: Final = 9
WebcastMemberMessage_action: Final = 10
WebcastMemberMessage_action_description: Final = 11
WebcastMemberMessage_user_id: Final = 12
WebcastMemberMessage_pop_str: Final = 14
WebcastMemberMessage_enter_effect_config: Final = 15
WebcastMemberMessage_anchor_display_text: Final = 18
WebcastMemberMessage_client_enter_source: Final = 19
WebcastMemberMessage_client_enter_type: Final = 20

# EnterEffectConfig
EnterEffectConfig_type: Final = 1
EnterEffectConfig_icon: Final = 2
EnterEffectConfig_frames: Final = 3

# WebcastSocialMessage
WebcastSocialMessage_common: Final = 1
WebcastSocialMessage_user: Final = 2
WebcastSocialMessage_share_type: Final = 3
WebcastSocialMessage_action: Final = 4
WebcastSocialMessage_share_target: Final = 5
WebcastSocialMessage_follow_count: Final = 6
WebcastSocialMessage_share_display_style: Final = 7
WebcastSocialMessage_share_count: Final = 8
WebcastSocialMessage_show_duration_ms: Final = 12
WebcastSocialMessage_follow_type: Final = 13

# Contributor
Contributor_score: Final = 1
Contributor_user: Final = 2
Contributor_rank: Final = 3
Contributor_delta: Final = 4

# WebcastRoomUserSeqMessage
WebcastRoomUserSeqMessage_common: Final = 1
WebcastRoomUserSeqMessage_ranks: Final = 2
WebcastRoomUserSeqMessage_total: Final = 3
WebcastRoomUserSeqMessage_pop_str: Final = 4
WebcastRoomUserSeqMessage_seats: Final = 5
WebcastRoomUserSeqMessage_popularity: Final = 6
WebcastRoomUserSeqMessage_total_user: Final = 7
WebcastRoomUserSeqMessage_anonymous: Final = 8

# WebcastControlMessage
WebcastControlMessage_common: Final = 1
WebcastControlMessage_action: Final = 2
WebcastControlMessage_tips: Final = 3

# BattleSetting
BattleSetting_battle_id: Final = 1
BattleSetting_start_time_ms: Final = 2
BattleSetting_duration: Final = 3
BattleSetting_status: Final = 5
BattleSetting_battle_type: Final = 8
BattleSetting_end_time_ms: Final = 10

# BattleResult
BattleResult_user_id: Final = 1
BattleResult_result: Final = 2
BattleResult_score: Final = 3

# BattleBaseUserInfo
BattleBaseUserInfo_user_id: Final = 1
BattleBaseUserInfo_nick_name: Final = 2
BattleBaseUserInfo_avatar_thumb: Final = 3
BattleBaseUserInfo_display_id: Final = 4

# BattleUserInfo
BattleUserInfo_user: Final = 1

# BattleUserArmy
BattleUserArmy_user_id: Final = 1
BattleUserArmy_score: Final = 2
BattleUserArmy_nickname: Final = 3
BattleUserArmy_avatar_thumb: Final = 4
BattleUserArmy_diamond_score: Final = 5
BattleUserArmy_user_id_str: Final = 6

# BattleUserArmies
BattleUserArmies_user_armies: Final = 1
BattleUserArmies_host_score: Final = 2
BattleUserArmies_anchor_id_str: Final = 3

# WebcastLinkMicBattle
WebcastLinkMicBattle_common: Final = 1
WebcastLinkMicBattle_battle_id: Final = 2
WebcastLinkMicBattle_battle_setting: Final = 3
WebcastLinkMicBattle_action: Final = 4
WebcastLinkMicBattle_battle_result: Final = 5
WebcastLinkMicBattle_armies: Final = 9
WebcastLinkMicBattle_anchor_info: Final = 10
WebcastLinkMicBattle_bubble_text: Final = 11
WebcastLinkMicBattle_action_by_user_id: Final = 16

# WebcastLinkMicBattle.BattleResultEntry
WebcastLinkMicBattle_BattleResultEntry_key: Final = 1
WebcastLinkMicBattle_BattleResultEntry_value: Final = 2

# WebcastLinkMicBattle.ArmiesEntry
WebcastLinkMicBattle_ArmiesEntry_key: Final = 1
WebcastLinkMicBattle_ArmiesEntry_value: Final = 2

# WebcastLinkMicBattle.AnchorInfoEntry
WebcastLinkMicBattle_AnchorInfoEntry_key: Final = 1
WebcastLinkMicBattle_AnchorInfoEntry_value: Final = 2

# WebcastLinkMicArmies
WebcastLinkMicArmies_common: Final = 1
WebcastLinkMicArmies_battle_id: Final = 2
WebcastLinkMicArmies_battle_items: Final = 3
WebcastLinkMicArmies_channel_id: Final = 4
WebcastLinkMicArmies_gift_sent_time: Final = 5
WebcastLinkMicArmies_score_update_time: Final = 6
WebcastLinkMicArmies_trigger_reason: Final = 7
WebcastLinkMicArmies_from_user_id: Final = 8
WebcastLinkMicArmies_gift_id: Final = 9
WebcastLinkMicArmies_gift_count: Final = 10
WebcastLinkMicArmies_total_diamond_count: Final = 12
WebcastLinkMicArmies_repeat_count: Final = 13
WebcastLinkMicArmies_battle_settings: Final = 18

# WebcastLinkMicArmies.BattleItemsEntry
WebcastLinkMicArmies_BattleItemsEntry_key: Final = 1
WebcastLinkMicArmies_BattleItemsEntry_value: Final = 2

# WebcastRoomPinMessage
WebcastRoomPinMessage_common: Final = 1
WebcastRoomPinMessage_chat_message: Final = 2
WebcastRoomPinMessage_social_message: Final = 3
WebcastRoomPinMessage_gift_message: Final = 4
WebcastRoomPinMessage_member_message: Final = 5
WebcastRoomPinMessage_like_message: Final = 6
WebcastRoomPinMessage_method: Final = 30
WebcastRoomPinMessage_pin_time: Final = 31
WebcastRoomPinMessage_operator: Final = 32
WebcastRoomPinMessage_action: Final = 33
WebcastRoomPinMessage_display_duration: Final = 34
WebcastRoomPinMessage_pin_id: Final = 35

# WebcastSubNotifyMessage
WebcastSubNotifyMessage_common: Final = 1
WebcastSubNotifyMessage_user: Final = 2
WebcastSubNotifyMessage_sub_month: Final = 4
WebcastSubNotifyMessage_subscribe_type: Final = 5
WebcastSubNotifyMessage_old_subscribe_status: Final = 6
WebcastSubNotifyMessage_message_type: Final = 7
WebcastSubNotifyMessage_is_send: Final = 9
WebcastSubNotifyMessage_gift_source: Final = 11

# WebcastEmoteChatMessage
WebcastEmoteChatMessage_common: Final = 1
WebcastEmoteChatMessage_user: Final = 2
WebcastEmoteChatMessage_emote_list: Final = 3
WebcastEmoteChatMessage_user_identity: Final = 5

# MessageRedEnvelopInfo
MessageRedEnvelopInfo_envelope_id: Final = 1
MessageRedEnvelopInfo_business_type: Final = 2
MessageRedEnvelopInfo_envelope_idc: Final = 3
MessageRedEnvelopInfo_send_user_name: Final = 4
MessageRedEnvelopInfo_diamond_count: Final = 5
MessageRedEnvelopInfo_people_count: Final = 6
MessageRedEnvelopInfo_unpack_at: Final = 7
MessageRedEnvelopInfo_send_user_id: Final = 8
MessageRedEnvelopInfo_send_user_avatar: Final = 9
MessageRedEnvelopInfo_create_at: Final = 10
MessageRedEnvelopInfo_room_id: Final = 11
MessageRedEnvelopInfo_super_fan_count: Final = 16

# WebcastEnvelopeMessage
WebcastEnvelopeMessage_common: Final = 1
WebcastEnvelopeMessage_envelope_info: Final = 2
WebcastEnvelopeMessage_display: Final = 3

# Question
Question_question_id: Final = 1
Question_content: Final = 2
Question_answer_status: Final = 3
Question_create_time: Final = 4
Question_user: Final = 5
Question_create_from: Final = 20
Question_answer_from: Final = 21

# WebcastQuestionNewMessage
WebcastQuestionNewMessage_common: Final = 1
WebcastQuestionNewMessage_details: Final = 2

# WebcastLiveIntroMessage
WebcastLiveIntroMessage_common: Final = 1
WebcastLiveIntroMessage_id: Final = 2
WebcastLiveIntroMessage_audit_status: Final = 3
WebcastLiveIntroMessage_content: Final = 4
WebcastLiveIntroMessage_user: Final = 5
WebcastLiveIntroMessage_intro_mode: Final = 6
WebcastLiveIntroMessage_badges: Final = 7
WebcastLiveIntroMessage_content_language: Final = 8

# CaptionContent
CaptionContent_lang: Final = 1
CaptionContent_content: Final = 2

# WebcastCaptionMessage
WebcastCaptionMessage_common: Final = 1
WebcastCaptionMessage_timestamp_ms: Final = 2
WebcastCaptionMessage_duration_ms: Final = 3
WebcastCaptionMessage_content: Final = 4
WebcastCaptionMessage_sentence_id: Final = 5
WebcastCaptionMessage_sequence_id: Final = 6
WebcastCaptionMessage_definite: Final = 7

# BarrageUserGradeParam
BarrageUserGradeParam_current_grade: Final = 1
BarrageUserGradeParam_display_config: Final = 2
BarrageUserGradeParam_user_id: Final = 3
BarrageUserGradeParam_user: Final = 4

# BarrageSubscribeGiftParam
BarrageSubscribeGiftParam_gift_sub_count: Final = 1
BarrageSubscribeGiftParam_show_gift_sub_count: Final = 2
BarrageSubscribeGiftParam_gift_source: Final = 3

# WebcastBarrageMessage
WebcastBarrageMessage_common: Final = 1
WebcastBarrageMessage_msg_type: Final = 3
WebcastBarrageMessage_icon: Final = 4
WebcastBarrageMessage_content: Final = 5
WebcastBarrageMessage_duration: Final = 6
WebcastBarrageMessage_background: Final = 7
WebcastBarrageMessage_common_barrage_content: Final = 24
WebcastBarrageMessage_user_grade_param: Final = 100
WebcastBarrageMessage_fans_level_param: Final = 101
WebcastBarrageMessage_subscribe_gift_param: Final = 102

# LiveStreamSubGoalGift
LiveStreamSubGoalGift_name: Final = 1
LiveStreamSubGoalGift_icon: Final = 2
LiveStreamSubGoalGift_diamond_count: Final = 3
LiveStreamSubGoalGift_type: Final = 4

# LiveStreamSubGoal
LiveStreamSubGoal_type: Final = 1
LiveStreamSubGoal_id: Final = 2
LiveStreamSubGoal_progress: Final = 3
LiveStreamSubGoal_target: Final = 4
LiveStreamSubGoal_gift: Final = 5
LiveStreamSubGoal_id_str: Final = 6

# LiveStreamGoal
LiveStreamGoal_id: Final = 1
LiveStreamGoal_type: Final = 2
LiveStreamGoal_status: Final = 3
LiveStreamGoal_sub_goals: Final = 4
LiveStreamGoal_description: Final = 5
LiveStreamGoal_start_time: Final = 8
LiveStreamGoal_expire_time: Final = 9
LiveStreamGoal_contributors: Final = 11
LiveStreamGoal_id_str: Final = 13
LiveStreamGoal_stats: Final = 15

# LiveStreamGoalContributor
LiveStreamGoalContributor_user_id: Final = 1
LiveStreamGoalContributor_avatar: Final = 2
LiveStreamGoalContributor_display_id: Final = 3
LiveStreamGoalContributor_score: Final = 4

# GoalStats
GoalStats_total_coins: Final = 1
GoalStats_total_contributor: Final = 2

# WebcastGoalUpdateMessage
WebcastGoalUpdateMessage_common: Final = 1
WebcastGoalUpdateMessage_goal: Final = 3
WebcastGoalUpdateMessage_contributor_id: Final = 4
WebcastGoalUpdateMessage_contributor_avatar: Final = 5
WebcastGoalUpdateMessage_contributor_display_id: Final = 6
WebcastGoalUpdateMessage_contribute_subgoal: Final = 7
WebcastGoalUpdateMessage_contribute_count: Final = 9
WebcastGoalUpdateMessage_contribute_score: Final = 10
WebcastGoalUpdateMessage_gift_repeat_count: Final = 11
WebcastGoalUpdateMessage_contributor_id_str: Final = 12
WebcastGoalUpdateMessage_pin: Final = 13
WebcastGoalUpdateMessage_unpin: Final = 14
WebcastGoalUpdateMessage_update_source: Final = 16

# RankUpdate
RankUpdate_rank_type: Final = 1
RankUpdate_owner_rank: Final = 2
RankUpdate_default_content: Final = 3
RankUpdate_show_entrance_animation: Final = 5
RankUpdate_countdown: Final = 6

# WebcastRankUpdateMessage
WebcastRankUpdateMessage_common: Final = 1
WebcastRankUpdateMessage_updates: Final = 2
WebcastRankUpdateMessage_group_type: Final = 3
WebcastRankUpdateMessage_priority: Final = 5

# WebcastImDeleteMessage
WebcastImDeleteMessage_common: Final = 1
WebcastImDeleteMessage_delete_msg_ids: Final = 2
WebcastImDeleteMessage_delete_user_ids: Final = 3

# PollOptionInfo
PollOptionInfo_votes: Final = 1
PollOptionInfo_display_content: Final = 2
PollOptionInfo_option_idx: Final = 3
PollOptionInfo_vote_user_list: Final = 4

# VoteUser
VoteUser_user_id: Final = 1
VoteUser_nick_name: Final = 2
VoteUser_avatar_thumb: Final = 3

# PollStartContent
PollStartContent_start_time: Final = 1
PollStartContent_end_time: Final = 2
PollStartContent_option_list: Final = 3
PollStartContent_title: Final = 4
PollStartContent_operator: Final = 5

# PollEndContent
PollEndContent_end_type: Final = 1
PollEndContent_option_list: Final = 2
PollEndContent_operator: Final = 3

# PollUpdateVotesContent
PollUpdateVotesContent_option_list: Final = 2
PollUpdateVotesContent_operator: Final = 3

# PollBasicInfo
PollBasicInfo_poll_sponsor: Final = 1
PollBasicInfo_gift_id: Final = 2
PollBasicInfo_title: Final = 3
PollBasicInfo_is_suggested_question: Final = 4
PollBasicInfo_user_cnt: Final = 5
PollBasicInfo_gift: Final = 6
PollBasicInfo_poll_id_str: Final = 7
PollBasicInfo_poll_duration: Final = 9
PollBasicInfo_time_remain: Final = 10

# WebcastPollMessage
WebcastPollMessage_common: Final = 1
WebcastPollMessage_message_type: Final = 2
WebcastPollMessage_poll_id: Final = 3
WebcastPollMessage_start_content: Final = 4
WebcastPollMessage_end_content: Final = 5
WebcastPollMessage_update_votes_content: Final = 6
WebcastPollMessage_poll_kind: Final = 7
WebcastPollMessage_poll_basic_info: Final = 8

# WebcastInRoomBannerMessage
WebcastInRoomBannerMessage_common: Final = 1
WebcastInRoomBannerMessage_json_data: Final = 2

# UserFanTicket
UserFanTicket_user_id: Final = 1
UserFanTicket_fan_ticket: Final = 2
UserFanTicket_match_total_score: Final = 3
UserFanTicket_match_rank: Final = 4

# FanTicketRoomNoticeContent
FanTicketRoomNoticeContent_user_fan_ticket: Final = 1
FanTicketRoomNoticeContent_total_linkmic_fan_ticket: Final = 2
FanTicketRoomNoticeContent_match_id: Final = 3
FanTicketRoomNoticeContent_event_time: Final = 4
FanTicketRoomNoticeContent_fan_ticket_icon_url: Final = 5

# WebcastLinkMicFanTicketMethod
WebcastLinkMicFanTicketMethod_common: Final = 1
WebcastLinkMicFanTicketMethod_fan_ticket_room_notice: Final = 2

# WebcastLinkMicMethod
WebcastLinkMicMethod_common: Final = 1
WebcastLinkMicMethod_message_type: Final = 2
WebcastLinkMicMethod_access_key: Final = 3
WebcastLinkMicMethod_anchor_linkmic_id: Final = 4
WebcastLinkMicMethod_user_id: Final = 5
WebcastLinkMicMethod_fan_ticket: Final = 6
WebcastLinkMicMethod_total_linkmic_fan_ticket: Final = 7
WebcastLinkMicMethod_channel_id: Final = 8
WebcastLinkMicMethod_layout: Final = 9
WebcastLinkMicMethod_vendor: Final = 10
WebcastLinkMicMethod_dimension: Final = 11
WebcastLinkMicMethod_theme: Final = 12
WebcastLinkMicMethod_invite_uid: Final = 13
WebcastLinkMicMethod_answer: Final = 14
WebcastLinkMicMethod_duration: Final = 16
WebcastLinkMicMethod_match_type: Final = 18
WebcastLinkMicMethod_win: Final = 19
WebcastLinkMicMethod_prompts: Final = 20
WebcastLinkMicMethod_to_user_id: Final = 21
WebcastLinkMicMethod_rival_anchor_id: Final = 38
WebcastLinkMicMethod_scene: Final = 43

# WebcastLinkMicBattlePunishFinish
WebcastLinkMicBattlePunishFinish_common: Final = 1
WebcastLinkMicBattlePunishFinish_channel_id: Final = 2
WebcastLinkMicBattlePunishFinish_op_uid: Final = 3
WebcastLinkMicBattlePunishFinish_reason: Final = 4
WebcastLinkMicBattlePunishFinish_battle_id: Final = 5
WebcastLinkMicBattlePunishFinish_battle_settings: Final = 6

# CriticalStrikeCardInfo
CriticalStrikeCardInfo_card_name_key: Final = 1
CriticalStrikeCardInfo_send_time_sec: Final = 3
CriticalStrikeCardInfo_effect_last_duration: Final = 5
CriticalStrikeCardInfo_multiple: Final = 8
CriticalStrikeCardInfo_to_anchor_id: Final = 12

# UseCriticalStrikeCard
UseCriticalStrikeCard_card_info: Final = 1
UseCriticalStrikeCard_anchor_id: Final = 2
UseCriticalStrikeCard_display_content: Final = 3

# AwardCardNotice
AwardCardNotice_display_content: Final = 1
AwardCardNotice_awarded_users: Final = 2

# WebcastLinkMicBattleItemCard
WebcastLinkMicBattleItemCard_common: Final = 1
WebcastLinkMicBattleItemCard_battle_id: Final = 2
WebcastLinkMicBattleItemCard_msg_type: Final = 3
WebcastLinkMicBattleItemCard_use_critical_strike_card: Final = 5
WebcastLinkMicBattleItemCard_award_card_notice: Final = 7
WebcastLinkMicBattleItemCard_award_reason: Final = 16

# LinkPlayer
LinkPlayer_room_id: Final = 1
LinkPlayer_user_id: Final = 2

# LinkLayerListUser
LinkLayerListUser_user: Final = 1
LinkLayerListUser_linkmic_id: Final = 2
LinkLayerListUser_linked_time_nano: Final = 4

# AllListUser
AllListUser_linked_list: Final = 2
AllListUser_applied_list: Final = 3
AllListUser_invited_list: Final = 4
AllListUser_ready_list: Final = 5

# LinkListChangeContent
LinkListChangeContent_type: Final = 1
LinkListChangeContent_list: Final = 2

# CohostUserInfo
CohostUserInfo_permission_type: Final = 1
CohostUserInfo_nickname: Final = 11
CohostUserInfo_display_id: Final = 12
CohostUserInfo_avatar_thumb: Final = 13
CohostUserInfo_follow_status: Final = 14
CohostUserInfo_user_id_str: Final = 15

# CohostUserInfoEntry
CohostUserInfoEntry_key: Final = 1
CohostUserInfoEntry_value: Final = 2

# ListChangeBizContent
ListChangeBizContent_user_infos: Final = 1

# CohostContent
CohostContent_list_change_biz_content: Final = 11

# BusinessContent
BusinessContent_over_length: Final = 1
BusinessContent_cohost_content: Final = 200

# WebcastLinkLayerMessage
WebcastLinkLayerMessage_common: Final = 1
WebcastLinkLayerMessage_message_type: Final = 2
WebcastLinkLayerMessage_channel_id: Final = 3
WebcastLinkLayerMessage_scene: Final = 4
WebcastLinkLayerMessage_source: Final = 5
WebcastLinkLayerMessage_rtc_room_id: Final = 7
WebcastLinkLayerMessage_list_change_content: Final = 102
WebcastLinkLayerMessage_business_content: Final = 200

# LinkListUser
LinkListUser_user: Final = 1
LinkListUser_modify_time: Final = 2
LinkListUser_fan_ticket: Final = 7

# LinkerListChangeContent
LinkerListChangeContent_linked_users: Final = 1
LinkerListChangeContent_applied_users: Final = 2
LinkerListChangeContent_connecting_users: Final = 3

# CohostListUser
CohostListUser_user_id: Final = 1
CohostListUser_nick_name: Final = 2
CohostListUser_avatar_thumb: Final = 3
CohostListUser_linked_time: Final = 4
CohostListUser_room_id: Final = 6
CohostListUser_display_id: Final = 10
CohostListUser_follow_status: Final = 11

# CohostListChangeContent
CohostListChangeContent_users: Final = 1

# WebcastLinkMessage
WebcastLinkMessage_common: Final = 1
WebcastLinkMessage_message_type: Final = 2
WebcastLinkMessage_linker_id: Final = 3
WebcastLinkMessage_scene: Final = 4
WebcastLinkMessage_list_change_content: Final = 20
WebcastLinkMessage_cohost_list_change_content: Final = 21
WebcastLinkMessage_extra: Final = 200
WebcastLinkMessage_expire_timestamp: Final = 201

# BattleTaskTarget
BattleTaskTarget_target_start_time: Final = 1
BattleTaskTarget_duration: Final = 2
BattleTaskTarget_progress_target: Final = 23

# BattleTaskReward
BattleTaskReward_reward_start_time: Final = 1
BattleTaskReward_duration: Final = 2
BattleTaskReward_reward_multiple: Final = 3

# BattleBonusConfig
BattleBonusConfig_preview_start_time: Final = 1
BattleBonusConfig_target_config: Final = 3
BattleBonusConfig_reward_config: Final = 4

# BattleTaskStart
BattleTaskStart_config: Final = 1

# BattleTaskUpdate
BattleTaskUpdate_progress: Final = 1
BattleTaskUpdate_from_user_id: Final = 2
BattleTaskUpdate_prompt_key: Final = 3

# BattleTaskSettle
BattleTaskSettle_result: Final = 1
BattleTaskSettle_reward_start_time: Final = 2

# WebcastLinkmicBattleTaskMessage
WebcastLinkmicBattleTaskMessage_common: Final = 1
WebcastLinkmicBattleTaskMessage_task_message_type: Final = 2
WebcastLinkmicBattleTaskMessage_start: Final = 3
WebcastLinkmicBattleTaskMessage_task_update: Final = 4
WebcastLinkmicBattleTaskMessage_task_settle: Final = 5
WebcastLinkmicBattleTaskMessage_battle_id: Final = 20

# WebcastRankTextMessage
WebcastRankTextMessage_common: Final = 1
WebcastRankTextMessage_scene: Final = 2
WebcastRankTextMessage_owner_idx_before_update: Final = 3
WebcastRankTextMessage_owner_idx_after_update: Final = 4
WebcastRankTextMessage_self_get_badge_msg: Final = 5
WebcastRankTextMessage_other_get_badge_msg: Final = 6
WebcastRankTextMessage_cur_user_id: Final = 7

# BattleNoticeText
BattleNoticeText_text: Final = 1

# BattleNoticeRuleGuide
BattleNoticeRuleGuide_content: Final = 1
BattleNoticeRuleGuide_button_content: Final = 2
BattleNoticeRuleGuide_rule_url: Final = 3
BattleNoticeRuleGuide_except_anchor: Final = 4
BattleNoticeRuleGuide_content_text: Final = 5
BattleNoticeRuleGuide_button_content_text: Final = 6

# BattleNoticeCommonGuide
BattleNoticeCommonGuide_display_text: Final = 1
BattleNoticeCommonGuide_except_anchor: Final = 2

# WebcastLinkmicBattleNoticeMessage
WebcastLinkmicBattleNoticeMessage_common: Final = 1
WebcastLinkmicBattleNoticeMessage_notice_type: Final = 2
WebcastLinkmicBattleNoticeMessage_battle_rule_guide: Final = 7
WebcastLinkmicBattleNoticeMessage_common_guide: Final = 8

# WebcastRoomMessage
WebcastRoomMessage_common: Final = 1
WebcastRoomMessage_content: Final = 2
WebcastRoomMessage_support_landscape: Final = 3
WebcastRoomMessage_source: Final = 4
WebcastRoomMessage_icon: Final = 5
WebcastRoomMessage_scene: Final = 6
WebcastRoomMessage_is_welcome: Final = 7
WebcastRoomMessage_show_duration_ms: Final = 9
WebcastRoomMessage_sub_scene: Final = 10

# WebcastSystemMessage
WebcastSystemMessage_common: Final = 1
WebcastSystemMessage_message: Final = 2

# WebcastRoomNotifyMessage
WebcastRoomNotifyMessage_common: Final = 1
WebcastRoomNotifyMessage_schema: Final = 2
WebcastRoomNotifyMessage_notify_type: Final = 3
WebcastRoomNotifyMessage_content: Final = 4
WebcastRoomNotifyMessage_user: Final = 5
WebcastRoomNotifyMessage_notify_class: Final = 7
WebcastRoomNotifyMessage_flex_setting: Final = 8
WebcastRoomNotifyMessage_source: Final = 9
WebcastRoomNotifyMessage_from_user_id: Final = 10
WebcastRoomNotifyMessage_to_anchor_id: Final = 12

# WebcastGiftBroadcastMessage
WebcastGiftBroadcastMessage_common: Final = 1
WebcastGiftBroadcastMessage_from_user_id: Final = 2
WebcastGiftBroadcastMessage_left_icon: Final = 3
WebcastGiftBroadcastMessage_notify: Final = 4

# HourlyRankContainer
HourlyRankContainer_kind: Final = 1
HourlyRankContainer_rankings: Final = 4

# WebcastHourlyRankMessage
WebcastHourlyRankMessage_common: Final = 1
WebcastHourlyRankMessage_data: Final = 2
WebcastHourlyRankMessage_extra: Final = 3

# SubPinCardText
SubPinCardText_type: Final = 1
SubPinCardText_content: Final = 2

# SubPinCard
SubPinCard_time_to_live: Final = 1
SubPinCard_title: Final = 2
SubPinCard_desc: Final = 3
SubPinCard_image: Final = 4
SubPinCard_type: Final = 5
SubPinCard_id: Final = 6

# WebcastSubPinEventMessage
WebcastSubPinEventMessage_common: Final = 1
WebcastSubPinEventMessage_action_type: Final = 2
WebcastSubPinEventMessage_card: Final = 3
WebcastSubPinEventMessage_operator_user_id: Final = 4

# WebcastBottomMessage
WebcastBottomMessage_common: Final = 1
WebcastBottomMessage_content: Final = 2
WebcastBottomMessage_show_type: Final = 3
WebcastBottomMessage_text_type: Final = 4
WebcastBottomMessage_duration: Final = 5
WebcastBottomMessage_biz_type: Final = 6
WebcastBottomMessage_violation_user_id: Final = 7

# WebcastUnauthorizedMemberMessage
WebcastUnauthorizedMemberMessage_common: Final = 1
WebcastUnauthorizedMemberMessage_action: Final = 2
WebcastUnauthorizedMemberMessage_nick_name_prefix: Final = 3
WebcastUnauthorizedMemberMessage_nick_name: Final = 4
WebcastUnauthorizedMemberMessage_enter_text: Final = 5

# WebcastAccessRecallMessage
WebcastAccessRecallMessage_common: Final = 1
WebcastAccessRecallMessage_status: Final = 2
WebcastAccessRecallMessage_duration: Final = 3
WebcastAccessRecallMessage_end_time: Final = 4
WebcastAccessRecallMessage_scene: Final = 5
WebcastAccessRecallMessage_notice: Final = 6
WebcastAccessRecallMessage_content: Final = 7

# WebcastMsgDetectMessage
WebcastMsgDetectMessage_common: Final = 1
WebcastMsgDetectMessage_detect_type: Final = 2
WebcastMsgDetectMessage_trigger_condition: Final = 3
WebcastMsgDetectMessage_time_info: Final = 4
WebcastMsgDetectMessage_trigger_by: Final = 5
WebcastMsgDetectMessage_from_region: Final = 6
WebcastMsgDetectMessage_sim_sent_ms: Final = 8

# MsgDetectTrigger
MsgDetectTrigger_uplink_detect_http: Final = 1
MsgDetectTrigger_uplink_detect_websocket: Final = 2
MsgDetectTrigger_detect_p2p_msg: Final = 3
MsgDetectTrigger_detect_room_msg: Final = 4
MsgDetectTrigger_http_optimize: Final = 5

# MsgDetectTimeInfo
MsgDetectTimeInfo_client_start_ms: Final = 1
MsgDetectTimeInfo_api_recv_time_ms: Final = 2
MsgDetectTimeInfo_api_send_to_goim_ms: Final = 3

# SimUnknownTail
SimUnknownTail_variant: Final = 90
SimUnknownTail_card: Final = 91
SimUnknownTail_extra_json: Final = 92

# SimUnknownCard
SimUnknownCard_name: Final = 1
SimUnknownCard_image: Final = 2

# MapEntry: any map entry
MapEntry_key: Final = 1
MapEntry_value: Final = 2

# Message: every message's CommonMessageData
Message_common: Final = 1


MESSAGES: Final[dict[str, tuple[WireField, ...]]] = {
    "WebcastPushFrame": (
        WireField("seq_id", 1, 0, "int64", False, ""),
        WireField("log_id", 2, 0, "int64", False, ""),
        WireField("service", 3, 0, "int64", False, ""),
        WireField("method", 4, 0, "int64", False, ""),
        WireField("headers", 5, 2, "PushHeader", True, ""),
        WireField("payload_encoding", 6, 2, "string", False, ""),
        WireField("payload_type", 7, 2, "string", False, ""),
        WireField("payload", 8, 2, "bytes", False, ""),
    ),
    "PushHeader": (
        WireField("key", 1, 2, "string", False, ""),
        WireField("value", 2, 2, "string", False, ""),
    ),
    "ProtoMessageFetchResult": (
        WireField("messages", 1, 2, "BaseProtoMessage", True, ""),
        WireField("cursor", 2, 2, "string", False, ""),
        WireField("fetch_interval", 3, 0, "int64", False, ""),
        WireField("now", 4, 0, "int64", False, ""),
        WireField("internal_ext", 5, 2, "string", False, ""),
        WireField("fetch_type", 6, 0, "int32", False, ""),
        WireField("route_params", 7, 2, "ProtoMessageFetchResult.RouteParamsEntry", True, ""),
        WireField("heartbeat_duration", 8, 0, "int64", False, ""),
        WireField("need_ack", 9, 0, "bool", False, ""),
        WireField("push_server", 10, 2, "string", False, ""),
        WireField("is_first", 11, 0, "bool", False, ""),
        WireField("history_comment_cursor", 12, 2, "string", False, ""),
        WireField("history_no_more", 13, 0, "bool", False, ""),
    ),
    "ProtoMessageFetchResult.RouteParamsEntry": (
        WireField("key", 1, 2, "string", False, ""),
        WireField("value", 2, 2, "string", False, ""),
    ),
    "BaseProtoMessage": (
        WireField("method", 1, 2, "string", False, ""),
        WireField("payload", 2, 2, "bytes", False, ""),
        WireField("msg_id", 3, 0, "int64", False, ""),
        WireField("msg_type", 4, 0, "int32", False, ""),
        WireField("offset", 5, 0, "int64", False, ""),
        WireField("is_history", 6, 0, "bool", False, ""),
        WireField("sample_flag", 7, 0, "int32", False, ""),
    ),
    "HeartBeatMessage": (
        WireField("room_id", 1, 0, "int64", False, ""),
        WireField("send_packet_seq_id", 2, 0, "int64", False, ""),
    ),
    "WebcastImEnterRoomMessage": (
        WireField("room_id", 1, 0, "int64", False, ""),
        WireField("room_tag", 2, 2, "string", False, ""),
        WireField("live_region", 3, 2, "string", False, ""),
        WireField("live_id", 4, 0, "int64", False, ""),
        WireField("identity", 5, 2, "string", False, ""),
        WireField("cursor", 6, 2, "string", False, ""),
        WireField("account_type", 7, 0, "int64", False, ""),
        WireField("enter_unique_id", 8, 0, "int64", False, ""),
        WireField("filter_welcome_msg", 9, 2, "string", False, ""),
        WireField("is_anchor_continue_keep_msg", 10, 0, "bool", False, ""),
    ),
    "CommonMessageData": (
        WireField("method", 1, 2, "string", False, ""),
        WireField("msg_id", 2, 0, "int64", False, ""),
        WireField("room_id", 3, 0, "int64", False, ""),
        WireField("create_time", 4, 0, "int64", False, ""),
        WireField("monitor", 5, 0, "int32", False, ""),
        WireField("is_show_msg", 6, 0, "bool", False, ""),
        WireField("describe", 7, 2, "string", False, ""),
        WireField("display_text", 8, 2, "Text", False, "*"),
        WireField("fold_type", 9, 0, "int64", False, ""),
        WireField("anchor_fold_type", 10, 0, "int64", False, ""),
        WireField("priority_score", 11, 0, "int64", False, ""),
        WireField("log_id", 12, 2, "string", False, ""),
        WireField("msg_process_filter_k", 13, 2, "string", False, ""),
        WireField("msg_process_filter_v", 14, 2, "string", False, ""),
        WireField("from_idc", 15, 2, "string", False, ""),
        WireField("to_idc", 16, 2, "string", False, ""),
        WireField("filter_msg_tags", 17, 2, "string", True, ""),
        WireField("client_send_time", 25, 0, "int64", False, ""),
    ),
    "Text": (
        WireField("key", 1, 2, "string", False, "textKey"),
        WireField("default_pattern", 2, 2, "string", False, "text"),
        WireField("default_format", 3, 2, "TextFormat", False, ""),
        WireField("pieces", 4, 2, "TextPiece", True, "pieces"),
    ),
    "TextFormat": (
        WireField("color", 1, 2, "string", False, ""),
        WireField("bold", 2, 0, "bool", False, ""),
        WireField("italic", 3, 0, "bool", False, ""),
        WireField("weight", 4, 0, "int32", False, ""),
        WireField("italic_angle", 5, 0, "int32", False, ""),
        WireField("font_size", 6, 0, "int32", False, ""),
    ),
    "TextPiece": (
        WireField("type", 1, 0, "int32", False, "kind"),
        WireField("format", 2, 2, "TextFormat", False, ""),
        WireField("string_value", 11, 2, "string", False, "text"),
        WireField("user_value", 21, 2, "TextPieceUser", False, "*"),
        WireField("gift_value", 22, 2, "TextPieceGift", False, "*"),
    ),
    "TextPieceUser": (
        WireField("user", 1, 2, "User", False, "user"),
        WireField("with_colon", 2, 0, "bool", False, ""),
    ),
    "TextPieceGift": (
        WireField("gift_id", 1, 0, "int64", False, "giftId"),
        WireField("name_ref", 2, 2, "PatternRef", False, "*"),
    ),
    "PatternRef": (
        WireField("key", 1, 2, "string", False, ""),
        WireField("default_pattern", 2, 2, "string", False, "giftName"),
    ),
    "ImageModel": (
        WireField("url_list", 1, 2, "string", True, ""),
        WireField("uri", 2, 2, "string", False, ""),
        WireField("height", 3, 0, "int32", False, ""),
        WireField("width", 4, 0, "int32", False, ""),
        WireField("avg_color", 5, 2, "string", False, ""),
        WireField("image_type", 6, 0, "int32", False, ""),
        WireField("schema", 7, 2, "string", False, ""),
        WireField("is_animated", 9, 0, "bool", False, ""),
    ),
    "FollowInfo": (
        WireField("following_count", 1, 0, "int64", False, ""),
        WireField("follower_count", 2, 0, "int64", False, ""),
        WireField("follow_status", 3, 0, "int64", False, ""),
        WireField("push_status", 4, 0, "int64", False, ""),
    ),
    "PrivilegeLogExtra": (
        WireField("data_version", 1, 2, "string", False, ""),
        WireField("privilege_id", 2, 2, "string", False, ""),
        WireField("privilege_version", 3, 2, "string", False, ""),
        WireField("privilege_order_id", 4, 2, "string", False, ""),
        WireField("level", 5, 2, "string", False, ""),
    ),
    "ImageBadge": (
        WireField("display_type", 1, 0, "int32", False, ""),
        WireField("image", 2, 2, "ImageModel", False, ""),
    ),
    "TextBadge": (
        WireField("display_type", 1, 0, "int32", False, ""),
        WireField("key", 2, 2, "string", False, ""),
        WireField("default_pattern", 3, 2, "string", False, ""),
    ),
    "BadgeStruct": (
        WireField("display_type", 1, 0, "int32", False, ""),
        WireField("position", 2, 0, "int32", False, ""),
        WireField("scene_type", 3, 0, "int32", False, ""),
        WireField("display", 11, 0, "bool", False, ""),
        WireField("privilege_log_extra", 12, 2, "PrivilegeLogExtra", False, ""),
        WireField("image", 20, 2, "ImageBadge", False, ""),
        WireField("text", 21, 2, "TextBadge", False, ""),
    ),
    "User": (
        WireField("id", 1, 0, "int64", False, ""),
        WireField("short_id", 2, 0, "int64", False, ""),
        WireField("nickname", 3, 2, "string", False, ""),
        WireField("gender", 4, 0, "int32", False, ""),
        WireField("signature", 5, 2, "string", False, ""),
        WireField("level", 6, 0, "int32", False, ""),
        WireField("birthday", 7, 0, "int64", False, ""),
        WireField("telephone", 8, 2, "string", False, ""),
        WireField("avatar_thumb", 9, 2, "ImageModel", False, ""),
        WireField("avatar_medium", 10, 2, "ImageModel", False, ""),
        WireField("avatar_large", 11, 2, "ImageModel", False, ""),
        WireField("verified", 12, 0, "bool", False, ""),
        WireField("experience", 13, 0, "int32", False, ""),
        WireField("city", 14, 2, "string", False, ""),
        WireField("status", 15, 0, "int32", False, ""),
        WireField("create_time", 16, 0, "int64", False, ""),
        WireField("modify_time", 17, 0, "int64", False, ""),
        WireField("secret", 18, 0, "int32", False, ""),
        WireField("share_qrcode_uri", 19, 2, "string", False, ""),
        WireField("badge_image_list", 21, 2, "ImageModel", True, ""),
        WireField("follow_info", 22, 2, "FollowInfo", False, ""),
        WireField("fans_club", 24, 2, "FansClubMember", False, ""),
        WireField("avatar_border", 27, 2, "ImageModel", False, ""),
        WireField("user_attr", 32, 2, "UserAttr", False, ""),
        WireField("display_id", 38, 2, "string", False, ""),
        WireField("sec_uid", 46, 2, "string", False, ""),
        WireField("subscribe_info", 63, 2, "SubscribeInfo", False, ""),
        WireField("badge_list", 64, 2, "BadgeStruct", True, ""),
        WireField("fans_club_info", 66, 2, "FansClubInfo", False, ""),
        WireField("avatar_jpg", 1012, 2, "ImageModel", False, ""),
        WireField("id_str", 1028, 2, "string", False, ""),
        WireField("is_follower", 1029, 0, "bool", False, ""),
    ),
    "FansClubMember": (WireField("data", 1, 2, "FansClubData", False, ""),),
    "FansClubData": (
        WireField("club_name", 1, 2, "string", False, ""),
        WireField("level", 2, 0, "int32", False, ""),
        WireField("status", 3, 0, "int32", False, ""),
        WireField("badge", 4, 2, "FansClubBadge", False, ""),
    ),
    "FansClubBadge": (
        WireField("icons", 1, 2, "FansClubBadge.IconsEntry", True, ""),
        WireField("title", 2, 2, "string", False, ""),
    ),
    "FansClubBadge.IconsEntry": (
        WireField("key", 1, 0, "int32", False, ""),
        WireField("value", 2, 2, "ImageModel", False, ""),
    ),
    "FansClubInfo": (
        WireField("is_sleeping", 1, 0, "bool", False, ""),
        WireField("fans_level", 2, 0, "int64", False, ""),
        WireField("fans_score", 3, 0, "int64", False, ""),
        WireField("badge", 4, 2, "ImageModel", False, ""),
        WireField("fans_club_name", 6, 2, "string", False, ""),
    ),
    "UserAttr": (
        WireField("is_muted", 1, 0, "bool", False, ""),
        WireField("is_admin", 2, 0, "bool", False, ""),
    ),
    "SubscribeInfo": (
        WireField("qualification", 1, 0, "bool", False, ""),
        WireField("is_subscribe", 2, 0, "bool", False, ""),
        WireField("badge", 3, 2, "SubscribeBadge", False, ""),
        WireField("subscriber_count", 5, 0, "int32", False, ""),
    ),
    "SubscribeBadge": (
        WireField("origin_img", 3, 2, "ImageModel", False, ""),
        WireField("preview_img", 4, 2, "ImageModel", False, ""),
    ),
    "UserIdentity": (
        WireField("is_gift_giver_of_anchor", 1, 0, "bool", False, ""),
        WireField("is_subscriber_of_anchor", 2, 0, "bool", False, ""),
        WireField("is_mutual_following_with_anchor", 3, 0, "bool", False, ""),
        WireField("is_follower_of_anchor", 4, 0, "bool", False, ""),
        WireField("is_moderator_of_anchor", 5, 0, "bool", False, ""),
        WireField("is_anchor", 6, 0, "bool", False, ""),
    ),
    "Gift": (
        WireField("image", 1, 2, "ImageModel", False, ""),
        WireField("describe", 2, 2, "string", False, ""),
        WireField("duration", 4, 0, "int32", False, ""),
        WireField("id", 5, 0, "int64", False, ""),
        WireField("for_linkmic", 7, 0, "bool", False, ""),
        WireField("combo", 10, 0, "bool", False, ""),
        WireField("type", 11, 0, "int32", False, ""),
        WireField("diamond_count", 12, 0, "int32", False, ""),
        WireField("is_displayed_on_panel", 13, 0, "bool", False, ""),
        WireField("primary_effect_id", 14, 0, "int64", False, ""),
        WireField("name", 16, 2, "string", False, ""),
        WireField("region", 17, 2, "string", False, ""),
        WireField("icon", 21, 2, "ImageModel", False, ""),
    ),
    "WebcastChatMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("user", 2, 2, "User", False, ""),
        WireField("content", 3, 2, "string", False, ""),
        WireField("visible_to_sender", 4, 0, "bool", False, ""),
        WireField("background", 5, 2, "ImageModel", False, ""),
        WireField("full_screen_text_color", 6, 2, "string", False, ""),
        WireField("input_type", 11, 0, "int32", False, ""),
        WireField("at_user", 12, 2, "User", False, ""),
        WireField("emotes", 13, 2, "EmoteWithIndex", True, ""),
        WireField("content_language", 14, 2, "string", False, ""),
        WireField("quick_chat_scene", 16, 0, "int32", False, ""),
        WireField("user_identity", 18, 2, "UserIdentity", False, ""),
        WireField("mention_user_list", 27, 2, "int64", True, ""),
        WireField("mention_users", 28, 2, "User", True, ""),
    ),
    "EmoteWithIndex": (
        WireField("index", 1, 0, "int32", False, ""),
        WireField("emote", 2, 2, "Emote", False, ""),
    ),
    "Emote": (
        WireField("emote_id", 1, 2, "string", False, ""),
        WireField("image", 2, 2, "ImageModel", False, ""),
        WireField("emote_type", 5, 0, "int32", False, ""),
    ),
    "WebcastGiftMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("gift_id", 2, 0, "int64", False, ""),
        WireField("fan_ticket_count", 3, 0, "int64", False, ""),
        WireField("group_count", 4, 0, "int32", False, ""),
        WireField("repeat_count", 5, 0, "int32", False, ""),
        WireField("combo_count", 6, 0, "int32", False, ""),
        WireField("user", 7, 2, "User", False, ""),
        WireField("to_user", 8, 2, "User", False, ""),
        WireField("repeat_end", 9, 0, "int32", False, ""),
        WireField("group_id", 11, 0, "int64", False, ""),
        WireField("income_taskgifts", 12, 0, "int64", False, ""),
        WireField("room_fan_ticket_count", 13, 0, "int64", False, ""),
        WireField("gift", 15, 2, "Gift", False, ""),
        WireField("log_id", 16, 2, "string", False, ""),
        WireField("send_type", 17, 0, "int64", False, ""),
        WireField("monitor_extra", 22, 2, "string", False, ""),
        WireField("color_id", 24, 0, "int64", False, ""),
        WireField("is_first_sent", 25, 0, "bool", False, ""),
        WireField("order_id", 28, 2, "string", False, ""),
        WireField("user_identity", 32, 2, "UserIdentity", False, ""),
    ),
    "WebcastLikeMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("count", 2, 0, "int32", False, "likeCount"),
        WireField("total", 3, 0, "int64", False, "totalLikes"),
        WireField("color", 4, 0, "int32", False, ""),
        WireField("user", 5, 2, "User", False, "user"),
        WireField("icon", 6, 2, "string", False, ""),
        WireField("icons", 7, 2, "ImageModel", True, ""),
        WireField("effect_cnt", 9, 0, "int64", False, ""),
        WireField("room_message_heat_level", 12, 0, "int64", False, ""),
    ),
    "WebcastMemberMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("user", 2, 2, "User", False, "user"),
        WireField("member_count", 3, 0, "int32", False, "memberCount"),
        WireField("operator", 4, 2, "User", False, ""),
        WireField("is_set_to_admin", 5, 0, "bool", False, ""),
        WireField("is_top_user", 6, 0, "bool", False, ""),
        WireField("rank_score", 7, 0, "int64", False, ""),
        WireField("top_user_no", 8, 0, "int64", False, ""),
        WireField("enter_type", 9, 0, "int64", False, ""),
        WireField("action", 10, 0, "int32", False, "action"),
        WireField("action_description", 11, 2, "string", False, ""),
        WireField("user_id", 12, 0, "int64", False, ""),
        WireField("pop_str", 14, 2, "string", False, ""),
        WireField("enter_effect_config", 15, 2, "EnterEffectConfig", False, ""),
        WireField("anchor_display_text", 18, 2, "Text", False, ""),
        WireField("client_enter_source", 19, 2, "string", False, ""),
        WireField("client_enter_type", 20, 2, "string", False, ""),
    ),
    "EnterEffectConfig": (
        WireField("type", 1, 0, "int32", False, ""),
        WireField("icon", 2, 2, "ImageModel", False, ""),
        WireField("frames", 3, 2, "ImageModel", True, ""),
    ),
    "WebcastSocialMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("user", 2, 2, "User", False, ""),
        WireField("share_type", 3, 0, "int64", False, ""),
        WireField("action", 4, 0, "int64", False, ""),
        WireField("share_target", 5, 2, "string", False, ""),
        WireField("follow_count", 6, 0, "int64", False, ""),
        WireField("share_display_style", 7, 0, "int64", False, ""),
        WireField("share_count", 8, 0, "int32", False, ""),
        WireField("show_duration_ms", 12, 0, "int64", False, ""),
        WireField("follow_type", 13, 0, "int32", False, ""),
    ),
    "Contributor": (
        WireField("score", 1, 0, "int64", False, "score"),
        WireField("user", 2, 2, "User", False, "user"),
        WireField("rank", 3, 0, "int64", False, "rank"),
        WireField("delta", 4, 0, "int64", False, ""),
    ),
    "WebcastRoomUserSeqMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("ranks", 2, 2, "Contributor", True, "topViewers"),
        WireField("total", 3, 0, "int64", False, "viewerCount"),
        WireField("pop_str", 4, 2, "string", False, ""),
        WireField("seats", 5, 2, "Contributor", True, ""),
        WireField("popularity", 6, 0, "int64", False, ""),
        WireField("total_user", 7, 0, "int64", False, "totalViewers"),
        WireField("anonymous", 8, 0, "int64", False, ""),
    ),
    "WebcastControlMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("action", 2, 0, "int32", False, ""),
        WireField("tips", 3, 2, "string", False, ""),
    ),
    "BattleSetting": (
        WireField("battle_id", 1, 0, "int64", False, ""),
        WireField("start_time_ms", 2, 0, "int64", False, ""),
        WireField("duration", 3, 0, "int32", False, ""),
        WireField("status", 5, 0, "int32", False, "status"),
        WireField("battle_type", 8, 0, "int32", False, ""),
        WireField("end_time_ms", 10, 0, "int64", False, ""),
    ),
    "BattleResult": (
        WireField("user_id", 1, 0, "int64", False, ""),
        WireField("result", 2, 0, "int32", False, ""),
        WireField("score", 3, 0, "int64", False, ""),
    ),
    "BattleBaseUserInfo": (
        WireField("user_id", 1, 0, "int64", False, "id"),
        WireField("nick_name", 2, 2, "string", False, "nickname"),
        WireField("avatar_thumb", 3, 2, "ImageModel", False, ""),
        WireField("display_id", 4, 2, "string", False, "uniqueId"),
    ),
    "BattleUserInfo": (WireField("user", 1, 2, "BattleBaseUserInfo", False, "*"),),
    "BattleUserArmy": (
        WireField("user_id", 1, 0, "int64", False, ""),
        WireField("score", 2, 0, "int64", False, ""),
        WireField("nickname", 3, 2, "string", False, ""),
        WireField("avatar_thumb", 4, 2, "ImageModel", False, ""),
        WireField("diamond_score", 5, 0, "int64", False, ""),
        WireField("user_id_str", 6, 2, "string", False, ""),
    ),
    "BattleUserArmies": (
        WireField("user_armies", 1, 2, "BattleUserArmy", True, ""),
        WireField("host_score", 2, 0, "int64", False, ""),
        WireField("anchor_id_str", 3, 2, "string", False, ""),
    ),
    "WebcastLinkMicBattle": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("battle_id", 2, 0, "int64", False, ""),
        WireField("battle_setting", 3, 2, "BattleSetting", False, ""),
        WireField("action", 4, 0, "int32", False, ""),
        WireField("battle_result", 5, 2, "WebcastLinkMicBattle.BattleResultEntry", True, ""),
        WireField("armies", 9, 2, "WebcastLinkMicBattle.ArmiesEntry", True, ""),
        WireField("anchor_info", 10, 2, "WebcastLinkMicBattle.AnchorInfoEntry", True, ""),
        WireField("bubble_text", 11, 2, "string", False, ""),
        WireField("action_by_user_id", 16, 0, "int64", False, ""),
    ),
    "WebcastLinkMicBattle.BattleResultEntry": (
        WireField("key", 1, 0, "int64", False, ""),
        WireField("value", 2, 2, "BattleResult", False, ""),
    ),
    "WebcastLinkMicBattle.ArmiesEntry": (
        WireField("key", 1, 0, "int64", False, ""),
        WireField("value", 2, 2, "BattleUserArmies", False, ""),
    ),
    "WebcastLinkMicBattle.AnchorInfoEntry": (
        WireField("key", 1, 0, "int64", False, ""),
        WireField("value", 2, 2, "BattleUserInfo", False, ""),
    ),
    "WebcastLinkMicArmies": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("battle_id", 2, 0, "int64", False, ""),
        WireField("battle_items", 3, 2, "WebcastLinkMicArmies.BattleItemsEntry", True, ""),
        WireField("channel_id", 4, 0, "int64", False, ""),
        WireField("gift_sent_time", 5, 0, "int64", False, ""),
        WireField("score_update_time", 6, 0, "int64", False, ""),
        WireField("trigger_reason", 7, 0, "int32", False, ""),
        WireField("from_user_id", 8, 0, "int64", False, ""),
        WireField("gift_id", 9, 0, "int64", False, ""),
        WireField("gift_count", 10, 0, "int32", False, ""),
        WireField("total_diamond_count", 12, 0, "int32", False, ""),
        WireField("repeat_count", 13, 0, "int32", False, ""),
        WireField("battle_settings", 18, 2, "BattleSetting", False, ""),
    ),
    "WebcastLinkMicArmies.BattleItemsEntry": (
        WireField("key", 1, 0, "int64", False, ""),
        WireField("value", 2, 2, "BattleUserArmies", False, ""),
    ),
    "WebcastRoomPinMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("chat_message", 2, 2, "WebcastChatMessage", False, ""),
        WireField("social_message", 3, 2, "WebcastSocialMessage", False, ""),
        WireField("gift_message", 4, 2, "WebcastGiftMessage", False, ""),
        WireField("member_message", 5, 2, "WebcastMemberMessage", False, ""),
        WireField("like_message", 6, 2, "WebcastLikeMessage", False, ""),
        WireField("method", 30, 2, "string", False, ""),
        WireField("pin_time", 31, 0, "int64", False, ""),
        WireField("operator", 32, 2, "User", False, ""),
        WireField("action", 33, 0, "int32", False, ""),
        WireField("display_duration", 34, 0, "int64", False, ""),
        WireField("pin_id", 35, 0, "int64", False, ""),
    ),
    "WebcastSubNotifyMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("user", 2, 2, "User", False, "user"),
        WireField("sub_month", 4, 0, "int64", False, "subMonth"),
        WireField("subscribe_type", 5, 0, "int32", False, "subscribeType"),
        WireField("old_subscribe_status", 6, 0, "int32", False, ""),
        WireField("message_type", 7, 0, "int32", False, ""),
        WireField("is_send", 9, 0, "bool", False, "gifted"),
        WireField("gift_source", 11, 0, "int32", False, "giftSource"),
    ),
    "WebcastEmoteChatMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("user", 2, 2, "User", False, ""),
        WireField("emote_list", 3, 2, "Emote", True, ""),
        WireField("user_identity", 5, 2, "UserIdentity", False, ""),
    ),
    "MessageRedEnvelopInfo": (
        WireField("envelope_id", 1, 2, "string", False, "envelopeId"),
        WireField("business_type", 2, 0, "int32", False, "businessType"),
        WireField("envelope_idc", 3, 2, "string", False, ""),
        WireField("send_user_name", 4, 2, "string", False, "senderName"),
        WireField("diamond_count", 5, 0, "int32", False, "diamondCount"),
        WireField("people_count", 6, 0, "int32", False, "peopleCount"),
        WireField("unpack_at", 7, 0, "int32", False, "unpackAt"),
        WireField("send_user_id", 8, 2, "string", False, "senderId"),
        WireField("send_user_avatar", 9, 2, "ImageModel", False, ""),
        WireField("create_at", 10, 2, "string", False, ""),
        WireField("room_id", 11, 2, "string", False, ""),
        WireField("super_fan_count", 16, 0, "int32", False, ""),
    ),
    "WebcastEnvelopeMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("envelope_info", 2, 2, "MessageRedEnvelopInfo", False, "*"),
        WireField("display", 3, 0, "int32", False, ""),
    ),
    "Question": (
        WireField("question_id", 1, 0, "int64", False, "questionId"),
        WireField("content", 2, 2, "string", False, "questionText"),
        WireField("answer_status", 3, 0, "int32", False, ""),
        WireField("create_time", 4, 0, "int64", False, ""),
        WireField("user", 5, 2, "User", False, "user"),
        WireField("create_from", 20, 0, "int32", False, ""),
        WireField("answer_from", 21, 0, "int32", False, ""),
    ),
    "WebcastQuestionNewMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("details", 2, 2, "Question", False, "*"),
    ),
    "WebcastLiveIntroMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("id", 2, 0, "int64", False, ""),
        WireField("audit_status", 3, 0, "int32", False, ""),
        WireField("content", 4, 2, "string", False, "content"),
        WireField("user", 5, 2, "User", False, "user"),
        WireField("intro_mode", 6, 0, "int32", False, ""),
        WireField("badges", 7, 2, "BadgeStruct", True, ""),
        WireField("content_language", 8, 2, "string", False, "language"),
    ),
    "CaptionContent": (
        WireField("lang", 1, 2, "string", False, "lang"),
        WireField("content", 2, 2, "string", False, "text"),
    ),
    "WebcastCaptionMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("timestamp_ms", 2, 0, "int64", False, "timestampMs"),
        WireField("duration_ms", 3, 0, "int64", False, "durationMs"),
        WireField("content", 4, 2, "CaptionContent", True, "captions"),
        WireField("sentence_id", 5, 0, "int64", False, "sentenceId"),
        WireField("sequence_id", 6, 0, "int64", False, ""),
        WireField("definite", 7, 0, "bool", False, "definite"),
    ),
    "BarrageUserGradeParam": (
        WireField("current_grade", 1, 0, "int32", False, ""),
        WireField("display_config", 2, 0, "int32", False, ""),
        WireField("user_id", 3, 2, "string", False, ""),
        WireField("user", 4, 2, "User", False, ""),
    ),
    "BarrageSubscribeGiftParam": (
        WireField("gift_sub_count", 1, 0, "int64", False, ""),
        WireField("show_gift_sub_count", 2, 0, "bool", False, ""),
        WireField("gift_source", 3, 0, "int32", False, ""),
    ),
    "WebcastBarrageMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("msg_type", 3, 0, "int32", False, ""),
        WireField("icon", 4, 2, "ImageModel", False, ""),
        WireField("content", 5, 2, "Text", False, ""),
        WireField("duration", 6, 0, "int64", False, ""),
        WireField("background", 7, 2, "ImageModel", False, ""),
        WireField("common_barrage_content", 24, 2, "Text", False, ""),
        WireField("user_grade_param", 100, 2, "BarrageUserGradeParam", False, ""),
        WireField("fans_level_param", 101, 2, "BarrageUserGradeParam", False, ""),
        WireField("subscribe_gift_param", 102, 2, "BarrageSubscribeGiftParam", False, ""),
    ),
    "LiveStreamSubGoalGift": (
        WireField("name", 1, 2, "string", False, ""),
        WireField("icon", 2, 2, "ImageModel", False, ""),
        WireField("diamond_count", 3, 0, "int64", False, ""),
        WireField("type", 4, 0, "int32", False, ""),
    ),
    "LiveStreamSubGoal": (
        WireField("type", 1, 0, "int32", False, ""),
        WireField("id", 2, 0, "int64", False, ""),
        WireField("progress", 3, 0, "int64", False, ""),
        WireField("target", 4, 0, "int64", False, ""),
        WireField("gift", 5, 2, "LiveStreamSubGoalGift", False, ""),
        WireField("id_str", 6, 2, "string", False, ""),
    ),
    "LiveStreamGoal": (
        WireField("id", 1, 0, "int64", False, ""),
        WireField("type", 2, 0, "int32", False, ""),
        WireField("status", 3, 0, "int32", False, ""),
        WireField("sub_goals", 4, 2, "LiveStreamSubGoal", True, ""),
        WireField("description", 5, 2, "string", False, ""),
        WireField("start_time", 8, 0, "int64", False, ""),
        WireField("expire_time", 9, 0, "int64", False, ""),
        WireField("contributors", 11, 2, "LiveStreamGoalContributor", True, ""),
        WireField("id_str", 13, 2, "string", False, ""),
        WireField("stats", 15, 2, "GoalStats", False, ""),
    ),
    "LiveStreamGoalContributor": (
        WireField("user_id", 1, 0, "int64", False, ""),
        WireField("avatar", 2, 2, "ImageModel", False, ""),
        WireField("display_id", 3, 2, "string", False, ""),
        WireField("score", 4, 0, "int64", False, ""),
    ),
    "GoalStats": (
        WireField("total_coins", 1, 0, "int64", False, ""),
        WireField("total_contributor", 2, 0, "int64", False, ""),
    ),
    "WebcastGoalUpdateMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("goal", 3, 2, "LiveStreamGoal", False, ""),
        WireField("contributor_id", 4, 0, "int64", False, ""),
        WireField("contributor_avatar", 5, 2, "ImageModel", False, ""),
        WireField("contributor_display_id", 6, 2, "string", False, ""),
        WireField("contribute_subgoal", 7, 2, "LiveStreamSubGoal", False, ""),
        WireField("contribute_count", 9, 0, "int64", False, ""),
        WireField("contribute_score", 10, 0, "int64", False, ""),
        WireField("gift_repeat_count", 11, 0, "int64", False, ""),
        WireField("contributor_id_str", 12, 2, "string", False, ""),
        WireField("pin", 13, 0, "bool", False, ""),
        WireField("unpin", 14, 0, "bool", False, ""),
        WireField("update_source", 16, 0, "int32", False, ""),
    ),
    "RankUpdate": (
        WireField("rank_type", 1, 0, "int64", False, "rankType"),
        WireField("owner_rank", 2, 0, "int64", False, "rank"),
        WireField("default_content", 3, 2, "Text", False, ""),
        WireField("show_entrance_animation", 5, 0, "bool", False, ""),
        WireField("countdown", 6, 0, "int64", False, ""),
    ),
    "WebcastRankUpdateMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("updates", 2, 2, "RankUpdate", True, "ranks"),
        WireField("group_type", 3, 0, "int64", False, "groupType"),
        WireField("priority", 5, 0, "int64", False, ""),
    ),
    "WebcastImDeleteMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("delete_msg_ids", 2, 2, "int64", True, "msgIds"),
        WireField("delete_user_ids", 3, 2, "int64", True, "userIds"),
    ),
    "PollOptionInfo": (
        WireField("votes", 1, 0, "int64", False, "votes"),
        WireField("display_content", 2, 2, "string", False, "text"),
        WireField("option_idx", 3, 0, "int32", False, "index"),
        WireField("vote_user_list", 4, 2, "VoteUser", True, ""),
    ),
    "VoteUser": (
        WireField("user_id", 1, 0, "int64", False, ""),
        WireField("nick_name", 2, 2, "string", False, ""),
        WireField("avatar_thumb", 3, 2, "ImageModel", False, ""),
    ),
    "PollStartContent": (
        WireField("start_time", 1, 0, "int64", False, "startTime"),
        WireField("end_time", 2, 0, "int64", False, "endTime"),
        WireField("option_list", 3, 2, "PollOptionInfo", True, "options"),
        WireField("title", 4, 2, "string", False, "title"),
        WireField("operator", 5, 2, "User", False, ""),
    ),
    "PollEndContent": (
        WireField("end_type", 1, 0, "int32", False, "endType"),
        WireField("option_list", 2, 2, "PollOptionInfo", True, "options"),
        WireField("operator", 3, 2, "User", False, ""),
    ),
    "PollUpdateVotesContent": (
        WireField("option_list", 2, 2, "PollOptionInfo", True, "options"),
        WireField("operator", 3, 2, "User", False, ""),
    ),
    "PollBasicInfo": (
        WireField("poll_sponsor", 1, 2, "string", False, ""),
        WireField("gift_id", 2, 0, "int64", False, "giftId"),
        WireField("title", 3, 2, "string", False, "title"),
        WireField("is_suggested_question", 4, 0, "bool", False, ""),
        WireField("user_cnt", 5, 0, "int64", False, "voterCount"),
        WireField("gift", 6, 2, "Gift", False, ""),
        WireField("poll_id_str", 7, 2, "string", False, ""),
        WireField("poll_duration", 9, 0, "int64", False, "duration"),
        WireField("time_remain", 10, 0, "int64", False, "timeRemain"),
    ),
    "WebcastPollMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("message_type", 2, 0, "int32", False, "pollAction"),
        WireField("poll_id", 3, 0, "int64", False, "pollId"),
        WireField("start_content", 4, 2, "PollStartContent", False, "*"),
        WireField("end_content", 5, 2, "PollEndContent", False, "*"),
        WireField("update_votes_content", 6, 2, "PollUpdateVotesContent", False, "*"),
        WireField("poll_kind", 7, 0, "int32", False, "pollKind"),
        WireField("poll_basic_info", 8, 2, "PollBasicInfo", False, "*"),
    ),
    "WebcastInRoomBannerMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("json_data", 2, 2, "string", False, "data"),
    ),
    "UserFanTicket": (
        WireField("user_id", 1, 0, "int64", False, "userId"),
        WireField("fan_ticket", 2, 0, "int64", False, "score"),
        WireField("match_total_score", 3, 0, "int64", False, "totalScore"),
        WireField("match_rank", 4, 0, "int32", False, "rank"),
    ),
    "FanTicketRoomNoticeContent": (
        WireField("user_fan_ticket", 1, 2, "UserFanTicket", True, "hosts"),
        WireField("total_linkmic_fan_ticket", 2, 0, "int64", False, "total"),
        WireField("match_id", 3, 0, "int64", False, "matchId"),
        WireField("event_time", 4, 0, "int64", False, ""),
        WireField("fan_ticket_icon_url", 5, 2, "string", False, ""),
    ),
    "WebcastLinkMicFanTicketMethod": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("fan_ticket_room_notice", 2, 2, "FanTicketRoomNoticeContent", False, "*"),
    ),
    "WebcastLinkMicMethod": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("message_type", 2, 0, "int32", False, "messageType"),
        WireField("access_key", 3, 2, "string", False, ""),
        WireField("anchor_linkmic_id", 4, 0, "int32", False, ""),
        WireField("user_id", 5, 0, "int64", False, "userId"),
        WireField("fan_ticket", 6, 0, "int64", False, "score"),
        WireField("total_linkmic_fan_ticket", 7, 0, "int64", False, "total"),
        WireField("channel_id", 8, 0, "int64", False, "channelId"),
        WireField("layout", 9, 0, "int32", False, ""),
        WireField("vendor", 10, 0, "int32", False, ""),
        WireField("dimension", 11, 0, "int32", False, ""),
        WireField("theme", 12, 2, "string", False, ""),
        WireField("invite_uid", 13, 0, "int64", False, ""),
        WireField("answer", 14, 0, "int32", False, ""),
        WireField("duration", 16, 0, "int32", False, ""),
        WireField("match_type", 18, 0, "int32", False, ""),
        WireField("win", 19, 0, "bool", False, ""),
        WireField("prompts", 20, 2, "string", False, ""),
        WireField("to_user_id", 21, 0, "int64", False, ""),
        WireField("rival_anchor_id", 38, 0, "int64", False, ""),
        WireField("scene", 43, 0, "int64", False, ""),
    ),
    "WebcastLinkMicBattlePunishFinish": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("channel_id", 2, 0, "int64", False, "channelId"),
        WireField("op_uid", 3, 0, "int64", False, "operatorId"),
        WireField("reason", 4, 0, "int32", False, "reason"),
        WireField("battle_id", 5, 0, "int64", False, "battleId"),
        WireField("battle_settings", 6, 2, "BattleSetting", False, "*"),
    ),
    "CriticalStrikeCardInfo": (
        WireField("card_name_key", 1, 2, "string", False, ""),
        WireField("send_time_sec", 3, 0, "int64", False, ""),
        WireField("effect_last_duration", 5, 0, "int64", False, "duration"),
        WireField("multiple", 8, 0, "int64", False, "multiple"),
        WireField("to_anchor_id", 12, 0, "int64", False, "toAnchorId"),
    ),
    "UseCriticalStrikeCard": (
        WireField("card_info", 1, 2, "CriticalStrikeCardInfo", False, "*"),
        WireField("anchor_id", 2, 0, "int64", False, "anchorId"),
        WireField("display_content", 3, 2, "Text", False, ""),
    ),
    "AwardCardNotice": (
        WireField("display_content", 1, 2, "Text", False, ""),
        WireField("awarded_users", 2, 2, "BattleUserInfo", True, "awarded"),
    ),
    "WebcastLinkMicBattleItemCard": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("battle_id", 2, 0, "int64", False, "battleId"),
        WireField("msg_type", 3, 0, "int32", False, "cardType"),
        WireField("use_critical_strike_card", 5, 2, "UseCriticalStrikeCard", False, "*"),
        WireField("award_card_notice", 7, 2, "AwardCardNotice", False, "*"),
        WireField("award_reason", 16, 0, "int32", False, "awardReason"),
    ),
    "LinkPlayer": (
        WireField("room_id", 1, 0, "int64", False, "roomId"),
        WireField("user_id", 2, 0, "int64", False, "id"),
    ),
    "LinkLayerListUser": (
        WireField("user", 1, 2, "LinkPlayer", False, "*"),
        WireField("linkmic_id", 2, 2, "string", False, ""),
        WireField("linked_time_nano", 4, 0, "int64", False, ""),
    ),
    "AllListUser": (
        WireField("linked_list", 2, 2, "LinkLayerListUser", True, "linked"),
        WireField("applied_list", 3, 2, "LinkLayerListUser", True, ""),
        WireField("invited_list", 4, 2, "LinkLayerListUser", True, ""),
        WireField("ready_list", 5, 2, "LinkLayerListUser", True, ""),
    ),
    "LinkListChangeContent": (
        WireField("type", 1, 0, "int32", False, ""),
        WireField("list", 2, 2, "AllListUser", False, "*"),
    ),
    "CohostUserInfo": (
        WireField("permission_type", 1, 0, "int64", False, ""),
        WireField("nickname", 11, 2, "string", False, "nickname"),
        WireField("display_id", 12, 2, "string", False, "uniqueId"),
        WireField("avatar_thumb", 13, 2, "ImageModel", False, ""),
        WireField("follow_status", 14, 0, "int64", False, ""),
        WireField("user_id_str", 15, 2, "string", False, ""),
    ),
    "CohostUserInfoEntry": (
        WireField("key", 1, 0, "int64", False, "id"),
        WireField("value", 2, 2, "CohostUserInfo", False, "*"),
    ),
    "ListChangeBizContent": (WireField("user_infos", 1, 2, "CohostUserInfoEntry", True, "users"),),
    "CohostContent": (WireField("list_change_biz_content", 11, 2, "ListChangeBizContent", False, "*"),),
    "BusinessContent": (
        WireField("over_length", 1, 0, "int64", False, ""),
        WireField("cohost_content", 200, 2, "CohostContent", False, "*"),
    ),
    "WebcastLinkLayerMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("message_type", 2, 0, "int32", False, "layerAction"),
        WireField("channel_id", 3, 0, "int64", False, "channelId"),
        WireField("scene", 4, 0, "int32", False, "scene"),
        WireField("source", 5, 2, "string", False, ""),
        WireField("rtc_room_id", 7, 0, "int64", False, ""),
        WireField("list_change_content", 102, 2, "LinkListChangeContent", False, "*"),
        WireField("business_content", 200, 2, "BusinessContent", False, "*"),
    ),
    "LinkListUser": (
        WireField("user", 1, 2, "User", False, "user"),
        WireField("modify_time", 2, 0, "int64", False, ""),
        WireField("fan_ticket", 7, 0, "int64", False, ""),
    ),
    "LinkerListChangeContent": (
        WireField("linked_users", 1, 2, "LinkListUser", True, "linkedUsers"),
        WireField("applied_users", 2, 2, "LinkListUser", True, ""),
        WireField("connecting_users", 3, 2, "LinkListUser", True, ""),
    ),
    "CohostListUser": (
        WireField("user_id", 1, 0, "int64", False, "id"),
        WireField("nick_name", 2, 2, "string", False, "nickname"),
        WireField("avatar_thumb", 3, 2, "ImageModel", False, ""),
        WireField("linked_time", 4, 0, "int64", False, ""),
        WireField("room_id", 6, 0, "int64", False, "roomId"),
        WireField("display_id", 10, 2, "string", False, "uniqueId"),
        WireField("follow_status", 11, 0, "int64", False, ""),
    ),
    "CohostListChangeContent": (WireField("users", 1, 2, "CohostListUser", True, "users"),),
    "WebcastLinkMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("message_type", 2, 0, "int32", False, "linkAction"),
        WireField("linker_id", 3, 0, "int64", False, "linkerId"),
        WireField("scene", 4, 0, "int32", False, "scene"),
        WireField("list_change_content", 20, 2, "LinkerListChangeContent", False, "*"),
        WireField("cohost_list_change_content", 21, 2, "CohostListChangeContent", False, "*"),
        WireField("extra", 200, 2, "string", False, ""),
        WireField("expire_timestamp", 201, 0, "int64", False, ""),
    ),
    "BattleTaskTarget": (
        WireField("target_start_time", 1, 0, "int64", False, ""),
        WireField("duration", 2, 0, "int64", False, "duration"),
        WireField("progress_target", 23, 0, "int64", False, "target"),
    ),
    "BattleTaskReward": (
        WireField("reward_start_time", 1, 0, "int64", False, ""),
        WireField("duration", 2, 0, "int64", False, ""),
        WireField("reward_multiple", 3, 0, "int64", False, "rewardMultiple"),
    ),
    "BattleBonusConfig": (
        WireField("preview_start_time", 1, 0, "int64", False, ""),
        WireField("target_config", 3, 2, "BattleTaskTarget", False, "*"),
        WireField("reward_config", 4, 2, "BattleTaskReward", False, "*"),
    ),
    "BattleTaskStart": (WireField("config", 1, 2, "BattleBonusConfig", False, "*"),),
    "BattleTaskUpdate": (
        WireField("progress", 1, 0, "int64", False, "progress"),
        WireField("from_user_id", 2, 0, "int64", False, "fromUserId"),
        WireField("prompt_key", 3, 2, "string", False, ""),
    ),
    "BattleTaskSettle": (
        WireField("result", 1, 0, "int32", False, "result"),
        WireField("reward_start_time", 2, 0, "int64", False, ""),
    ),
    "WebcastLinkmicBattleTaskMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("task_message_type", 2, 0, "int32", False, "taskType"),
        WireField("start", 3, 2, "BattleTaskStart", False, "*"),
        WireField("task_update", 4, 2, "BattleTaskUpdate", False, "*"),
        WireField("task_settle", 5, 2, "BattleTaskSettle", False, "*"),
        WireField("battle_id", 20, 0, "int64", False, "battleId"),
    ),
    "WebcastRankTextMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("scene", 2, 0, "int32", False, "scene"),
        WireField("owner_idx_before_update", 3, 0, "int64", False, "rankBefore"),
        WireField("owner_idx_after_update", 4, 0, "int64", False, "rankAfter"),
        WireField("self_get_badge_msg", 5, 2, "Text", False, ""),
        WireField("other_get_badge_msg", 6, 2, "Text", False, ""),
        WireField("cur_user_id", 7, 0, "int64", False, "userId"),
    ),
    "BattleNoticeText": (WireField("text", 1, 2, "string", False, "text"),),
    "BattleNoticeRuleGuide": (
        WireField("content", 1, 2, "BattleNoticeText", False, "*"),
        WireField("button_content", 2, 2, "BattleNoticeText", False, ""),
        WireField("rule_url", 3, 2, "string", False, "ruleUrl"),
        WireField("except_anchor", 4, 0, "bool", False, ""),
        WireField("content_text", 5, 2, "Text", False, "*"),
        WireField("button_content_text", 6, 2, "Text", False, ""),
    ),
    "BattleNoticeCommonGuide": (
        WireField("display_text", 1, 2, "Text", False, "*"),
        WireField("except_anchor", 2, 0, "bool", False, ""),
    ),
    "WebcastLinkmicBattleNoticeMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("notice_type", 2, 0, "int32", False, "noticeType"),
        WireField("battle_rule_guide", 7, 2, "BattleNoticeRuleGuide", False, "*"),
        WireField("common_guide", 8, 2, "BattleNoticeCommonGuide", False, "*"),
    ),
    "WebcastRoomMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, "*"),
        WireField("content", 2, 2, "string", False, "content"),
        WireField("support_landscape", 3, 0, "bool", False, ""),
        WireField("source", 4, 0, "int32", False, ""),
        WireField("icon", 5, 2, "ImageModel", False, ""),
        WireField("scene", 6, 2, "string", False, "scene"),
        WireField("is_welcome", 7, 0, "bool", False, "welcome"),
        WireField("show_duration_ms", 9, 0, "int64", False, "durationMs"),
        WireField("sub_scene", 10, 2, "string", False, ""),
    ),
    "WebcastSystemMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, "*"),
        WireField("message", 2, 2, "string", False, "content"),
    ),
    "WebcastRoomNotifyMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, "*"),
        WireField("schema", 2, 2, "string", False, ""),
        WireField("notify_type", 3, 0, "int64", False, "notifyType"),
        WireField("content", 4, 2, "string", False, "content"),
        WireField("user", 5, 2, "User", False, "user"),
        WireField("notify_class", 7, 0, "int32", False, ""),
        WireField("flex_setting", 8, 2, "int64", True, ""),
        WireField("source", 9, 2, "string", False, "source"),
        WireField("from_user_id", 10, 0, "int64", False, "fromUserId"),
        WireField("to_anchor_id", 12, 0, "int64", False, "toAnchorId"),
    ),
    "WebcastGiftBroadcastMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("from_user_id", 2, 0, "int64", False, "fromUserId"),
        WireField("left_icon", 3, 2, "ImageModel", False, ""),
        WireField("notify", 4, 2, "WebcastRoomNotifyMessage", False, "*"),
    ),
    "HourlyRankContainer": (
        WireField("kind", 1, 0, "int32", False, ""),
        WireField("rankings", 4, 2, "Text", False, "*"),
    ),
    "WebcastHourlyRankMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("data", 2, 2, "HourlyRankContainer", False, "*"),
        WireField("extra", 3, 0, "int32", False, ""),
    ),
    "SubPinCardText": (
        WireField("type", 1, 0, "int32", False, ""),
        WireField("content", 2, 2, "string", False, "title"),
    ),
    "SubPinCard": (
        WireField("time_to_live", 1, 0, "int64", False, ""),
        WireField("title", 2, 2, "SubPinCardText", False, "*"),
        WireField("desc", 3, 2, "SubPinCardText", False, ""),
        WireField("image", 4, 2, "ImageModel", False, ""),
        WireField("type", 5, 0, "int32", False, "cardType"),
        WireField("id", 6, 0, "int64", False, "cardId"),
    ),
    "WebcastSubPinEventMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("action_type", 2, 0, "int32", False, "action"),
        WireField("card", 3, 2, "SubPinCard", False, "*"),
        WireField("operator_user_id", 4, 0, "int64", False, "operatorId"),
    ),
    "WebcastBottomMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, "*"),
        WireField("content", 2, 2, "string", False, "content"),
        WireField("show_type", 3, 0, "int32", False, ""),
        WireField("text_type", 4, 0, "int32", False, "textType"),
        WireField("duration", 5, 0, "int64", False, "duration"),
        WireField("biz_type", 6, 0, "int32", False, "bizType"),
        WireField("violation_user_id", 7, 0, "int64", False, "violationUserId"),
    ),
    "WebcastUnauthorizedMemberMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("action", 2, 0, "int32", False, "action"),
        WireField("nick_name_prefix", 3, 2, "Text", False, ""),
        WireField("nick_name", 4, 2, "string", False, "nickname"),
        WireField("enter_text", 5, 2, "Text", False, "*"),
    ),
    "WebcastAccessRecallMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("status", 2, 0, "int32", False, "status"),
        WireField("duration", 3, 0, "int64", False, "duration"),
        WireField("end_time", 4, 0, "int64", False, "endTime"),
        WireField("scene", 5, 2, "string", False, "scene"),
        WireField("notice", 6, 2, "Text", False, "*"),
        WireField("content", 7, 2, "Text", False, ""),
    ),
    "WebcastMsgDetectMessage": (
        WireField("common", 1, 2, "CommonMessageData", False, ""),
        WireField("detect_type", 2, 0, "int32", False, ""),
        WireField("trigger_condition", 3, 2, "MsgDetectTrigger", False, ""),
        WireField("time_info", 4, 2, "MsgDetectTimeInfo", False, ""),
        WireField("trigger_by", 5, 0, "int32", False, ""),
        WireField("from_region", 6, 2, "string", False, ""),
        WireField("sim_sent_ms", 8, 0, "int64", False, ""),
    ),
    "MsgDetectTrigger": (
        WireField("uplink_detect_http", 1, 0, "bool", False, ""),
        WireField("uplink_detect_websocket", 2, 0, "bool", False, ""),
        WireField("detect_p2p_msg", 3, 0, "bool", False, ""),
        WireField("detect_room_msg", 4, 0, "bool", False, ""),
        WireField("http_optimize", 5, 0, "bool", False, ""),
    ),
    "MsgDetectTimeInfo": (
        WireField("client_start_ms", 1, 0, "int64", False, ""),
        WireField("api_recv_time_ms", 2, 0, "int64", False, ""),
        WireField("api_send_to_goim_ms", 3, 0, "int64", False, ""),
    ),
    "SimUnknownTail": (
        WireField("variant", 90, 0, "int32", False, ""),
        WireField("card", 91, 2, "SimUnknownCard", False, ""),
        WireField("extra_json", 92, 2, "string", False, ""),
    ),
    "SimUnknownCard": (
        WireField("name", 1, 2, "string", False, ""),
        WireField("image", 2, 2, "ImageModel", False, ""),
    ),
}
"""Message name -> its fields, in schema order."""

MAP_ENTRIES: Final = frozenset(
    {
        "ProtoMessageFetchResult.RouteParamsEntry",
        "FansClubBadge.IconsEntry",
        "WebcastLinkMicBattle.BattleResultEntry",
        "WebcastLinkMicBattle.ArmiesEntry",
        "WebcastLinkMicBattle.AnchorInfoEntry",
        "WebcastLinkMicArmies.BattleItemsEntry",
    }
)
"""The messages that are ``map<K, V>`` entries (key in field 1, value in field 2)."""

GENERATED: Final = frozenset(
    {
        "WebcastAccessRecallMessage",
        "WebcastBottomMessage",
        "WebcastCaptionMessage",
        "WebcastEnvelopeMessage",
        "WebcastGiftBroadcastMessage",
        "WebcastHourlyRankMessage",
        "WebcastImDeleteMessage",
        "WebcastInRoomBannerMessage",
        "WebcastLikeMessage",
        "WebcastLinkLayerMessage",
        "WebcastLinkMessage",
        "WebcastLinkMicBattleItemCard",
        "WebcastLinkMicBattlePunishFinish",
        "WebcastLinkMicFanTicketMethod",
        "WebcastLinkMicMethod",
        "WebcastLinkmicBattleNoticeMessage",
        "WebcastLinkmicBattleTaskMessage",
        "WebcastLiveIntroMessage",
        "WebcastMemberMessage",
        "WebcastPollMessage",
        "WebcastQuestionNewMessage",
        "WebcastRankTextMessage",
        "WebcastRankUpdateMessage",
        "WebcastRoomMessage",
        "WebcastRoomNotifyMessage",
        "WebcastRoomUserSeqMessage",
        "WebcastSubNotifyMessage",
        "WebcastSubPinEventMessage",
        "WebcastSystemMessage",
        "WebcastUnauthorizedMemberMessage",
    }
)
"""Methods whose decoders scripts/gen_wire.py writes from the annotations."""

HOOKS: Final = {
    "WebcastChatMessage": "_chat",
    "WebcastGiftMessage": "_gift",
    "WebcastSocialMessage": "_social",
    "WebcastLinkMicBattle": "_link_mic_battle",
    "WebcastLinkMicArmies": "_link_mic_armies",
    "WebcastRoomPinMessage": "_room_pin",
    "WebcastEmoteChatMessage": "_emote_chat",
    "WebcastBarrageMessage": "_barrage",
    "WebcastGoalUpdateMessage": "_goal_update",
    "WebcastControlMessage": "_control",
}
"""Methods decoded by hand-written functions: method -> function name (in every implementation)."""
