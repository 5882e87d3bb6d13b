# The webcast field table, generated from proto/webcast.proto by scripts/gen_wire.py: do not edit.
# ``<Message>_<field>`` is the field's number.

cdef enum:  # WebcastPushFrame
    WebcastPushFrame_seq_id = 1
    WebcastPushFrame_log_id = 2
    WebcastPushFrame_service = 3
    WebcastPushFrame_method = 4
    WebcastPushFrame_headers = 5
    WebcastPushFrame_payload_encoding = 6
    WebcastPushFrame_payload_type = 7
    WebcastPushFrame_payload = 8

cdef enum:  # PushHeader
    PushHeader_key = 1
    PushHeader_value = 2

cdef enum:  # ProtoMessageFetchResult
    ProtoMessageFetchResult_messages = 1
    ProtoMessageFetchResult_cursor = 2
    ProtoMessageFetchResult_fetch_interval = 3
    ProtoMessageFetchResult_now = 4
    ProtoMessageFetchResult_internal_ext = 5
    ProtoMessageFetchResult_fetch_type = 6
    ProtoMessageFetchResult_route_params = 7
    ProtoMessageFetchResult_heartbeat_duration = 8
    ProtoMessageFetchResult_need_ack = 9
    ProtoMessageFetchResult_push_server = 10
    ProtoMessageFetchResult_is_first = 11
    ProtoMessageFetchResult_history_comment_cursor = 12
    ProtoMessageFetchResult_history_no_more = 13

cdef enum:  # ProtoMessageFetchResult.RouteParamsEntry
    ProtoMessageFetchResult_RouteParamsEntry_key = 1
    ProtoMessageFetchResult_RouteParamsEntry_value = 2

cdef enum:  # BaseProtoMessage
    BaseProtoMessage_method = 1
    BaseProtoMessage_payload = 2
    BaseProtoMessage_msg_id = 3
    BaseProtoMessage_msg_type = 4
    BaseProtoMessage_offset = 5
    BaseProtoMessage_is_history = 6
    BaseProtoMessage_sample_flag = 7

cdef enum:  # HeartBeatMessage
    HeartBeatMessage_room_id = 1
    HeartBeatMessage_send_packet_seq_id = 2

cdef enum:  # WebcastImEnterRoomMessage
    WebcastImEnterRoomMessage_room_id = 1
    WebcastImEnterRoomMessage_room_tag = 2
    WebcastImEnterRoomMessage_live_region = 3
    WebcastImEnterRoomMessage_live_id = 4
    WebcastImEnterRoomMessage_identity = 5
    WebcastImEnterRoomMessage_cursor = 6
    WebcastImEnterRoomMessage_account_type = 7
    WebcastImEnterRoomMessage_enter_unique_id = 8
    WebcastImEnterRoomMessage_filter_welcome_msg = 9
    WebcastImEnterRoomMessage_is_anchor_continue_keep_msg = 10

cdef enum:  # CommonMessageData
    CommonMessageData_method = 1
    CommonMessageData_msg_id = 2
    CommonMessageData_room_id = 3
    CommonMessageData_create_time = 4
    CommonMessageData_monitor = 5
    CommonMessageData_is_show_msg = 6
    CommonMessageData_describe = 7
    CommonMessageData_display_text = 8
    CommonMessageData_fold_type = 9
    CommonMessageData_anchor_fold_type = 10
    CommonMessageData_priority_score = 11
    CommonMessageData_log_id = 12
    CommonMessageData_msg_process_filter_k = 13
    CommonMessageData_msg_process_filter_v = 14
    CommonMessageData_from_idc = 15
    CommonMessageData_to_idc = 16
    CommonMessageData_filter_msg_tags = 17
    CommonMessageData_client_send_time = 25

cdef enum:  # Text
    Text_key = 1
    Text_default_pattern = 2
    Text_default_format = 3
    Text_pieces = 4

cdef enum:  # TextFormat
    TextFormat_color = 1
    TextFormat_bold = 2
    TextFormat_italic = 3
    TextFormat_weight = 4
    TextFormat_italic_angle = 5
    TextFormat_font_size = 6

cdef enum:  # TextPiece
    TextPiece_type = 1
    TextPiece_format = 2
    TextPiece_string_value = 11
    TextPiece_user_value = 21
    TextPiece_gift_value = 22

cdef enum:  # TextPieceUser
    TextPieceUser_user = 1
    TextPieceUser_with_colon = 2

cdef enum:  # TextPieceGift
    TextPieceGift_gift_id = 1
    TextPieceGift_name_ref = 2

cdef enum:  # PatternRef
    PatternRef_key = 1
    PatternRef_default_pattern = 2

cdef enum:  # ImageModel
    ImageModel_url_list = 1
    ImageModel_uri = 2
    ImageModel_height = 3
    ImageModel_width = 4
    ImageModel_avg_color = 5
    ImageModel_image_type = 6
    ImageModel_schema = 7
    ImageModel_is_animated = 9

cdef enum:  # FollowInfo
    FollowInfo_following_count = 1
    FollowInfo_follower_count = 2
    FollowInfo_follow_status = 3
    FollowInfo_push_status = 4

cdef enum:  # PrivilegeLogExtra
    PrivilegeLogExtra_data_version = 1
    PrivilegeLogExtra_privilege_id = 2
    PrivilegeLogExtra_privilege_version = 3
    PrivilegeLogExtra_privilege_order_id = 4
    PrivilegeLogExtra_level = 5

cdef enum:  # ImageBadge
    ImageBadge_display_type = 1
    ImageBadge_image = 2

cdef enum:  # TextBadge
    TextBadge_display_type = 1
    TextBadge_key = 2
    TextBadge_default_pattern = 3

cdef enum:  # BadgeStruct
    BadgeStruct_display_type = 1
    BadgeStruct_position = 2
    BadgeStruct_scene_type = 3
    BadgeStruct_display = 11
    BadgeStruct_privilege_log_extra = 12
    BadgeStruct_image = 20
    BadgeStruct_text = 21

cdef enum:  # User
    User_id = 1
    User_short_id = 2
    User_nickname = 3
    User_gender = 4
    User_signature = 5
    User_level = 6
    User_birthday = 7
    User_telephone = 8
    User_avatar_thumb = 9
    User_avatar_medium = 10
    User_avatar_large = 11
    User_verified = 12
    User_experience = 13
    User_city = 14
    User_status = 15
    User_create_time = 16
    User_modify_time = 17
    User_secret = 18
    User_share_qrcode_uri = 19
    User_badge_image_list = 21
    User_follow_info = 22
    User_fans_club = 24
    User_avatar_border = 27
    User_user_attr = 32
    User_display_id = 38
    User_sec_uid = 46
    User_subscribe_info = 63
    User_badge_list = 64
    User_fans_club_info = 66
    User_avatar_jpg = 1012
    User_id_str = 1028
    User_is_follower = 1029

cdef enum:  # FansClubMember
    FansClubMember_data = 1

cdef enum:  # FansClubData
    FansClubData_club_name = 1
    FansClubData_level = 2
    FansClubData_status = 3
    FansClubData_badge = 4

cdef enum:  # FansClubBadge
    FansClubBadge_icons = 1
    FansClubBadge_title = 2

cdef enum:  # FansClubBadge.IconsEntry
    FansClubBadge_IconsEntry_key = 1
    FansClubBadge_IconsEntry_value = 2

cdef enum:  # FansClubInfo
    FansClubInfo_is_sleeping = 1
    FansClubInfo_fans_level = 2
    FansClubInfo_fans_score = 3
    FansClubInfo_badge = 4
    FansClubInfo_fans_club_name = 6

cdef enum:  # UserAttr
    UserAttr_is_muted = 1
    UserAttr_is_admin = 2

cdef enum:  # SubscribeInfo
    SubscribeInfo_qualification = 1
    SubscribeInfo_is_subscribe = 2
    SubscribeInfo_badge = 3
    SubscribeInfo_subscriber_count = 5

cdef enum:  # SubscribeBadge
    SubscribeBadge_origin_img = 3
    SubscribeBadge_preview_img = 4

cdef enum:  # UserIdentity
    UserIdentity_is_gift_giver_of_anchor = 1
    UserIdentity_is_subscriber_of_anchor = 2
    UserIdentity_is_mutual_following_with_anchor = 3
    UserIdentity_is_follower_of_anchor = 4
    UserIdentity_is_moderator_of_anchor = 5
    UserIdentity_is_anchor = 6

cdef enum:  # Gift
    Gift_image = 1
    Gift_describe = 2
    Gift_duration = 4
    Gift_id = 5
    Gift_for_linkmic = 7
    Gift_combo = 10
    Gift_type = 11
    Gift_diamond_count = 12
    Gift_is_displayed_on_panel = 13
    Gift_primary_effect_id = 14
    Gift_name = 16
    Gift_region = 17
    Gift_icon = 21

cdef enum:  # WebcastChatMessage
    WebcastChatMessage_common = 1
    WebcastChatMessage_user = 2
    WebcastChatMessage_content = 3
    WebcastChatMessage_visible_to_sender = 4
    WebcastChatMessage_background = 5
    WebcastChatMessage_full_screen_text_color = 6
    WebcastChatMessage_input_type = 11
    WebcastChatMessage_at_user = 12
    WebcastChatMessage_emotes = 13
    WebcastChatMessage_content_language = 14
    WebcastChatMessage_quick_chat_scene = 16
    WebcastChatMessage_user_identity = 18
    WebcastChatMessage_mention_user_list = 27
    WebcastChatMessage_mention_users = 28

cdef enum:  # EmoteWithIndex
    EmoteWithIndex_index = 1
    EmoteWithIndex_emote = 2

cdef enum:  # Emote
    Emote_emote_id = 1
    Emote_image = 2
    Emote_emote_type = 5

cdef enum:  # WebcastGiftMessage
    WebcastGiftMessage_common = 1
    WebcastGiftMessage_gift_id = 2
    WebcastGiftMessage_fan_ticket_count = 3
    WebcastGiftMessage_group_count = 4
    WebcastGiftMessage_repeat_count = 5
    WebcastGiftMessage_combo_count = 6
    WebcastGiftMessage_user = 7
    WebcastGiftMessage_to_user = 8
    WebcastGiftMessage_repeat_end = 9
    WebcastGiftMessage_group_id = 11
    WebcastGiftMessage_income_taskgifts = 12
    WebcastGiftMessage_room_fan_ticket_count = 13
    WebcastGiftMessage_gift = 15
    WebcastGiftMessage_log_id = 16
    WebcastGiftMessage_send_type = 17
    WebcastGiftMessage_monitor_extra = 22
    WebcastGiftMessage_color_id = 24
    WebcastGiftMessage_is_first_sent = 25
    WebcastGiftMessage_order_id = 28
    WebcastGiftMessage_user_identity = 32

cdef enum:  # WebcastLikeMessage
    WebcastLikeMessage_common = 1
    WebcastLikeMessage_count = 2
    WebcastLikeMessage_total = 3
    WebcastLikeMessage_color = 4
    WebcastLikeMessage_user = 5
    WebcastLikeMessage_icon = 6
    WebcastLikeMessage_icons = 7
    WebcastLikeMessage_effect_cnt = 9
    WebcastLikeMessage_room_message_heat_level = 12

cdef enum:  # WebcastMemberMessage
    WebcastMemberMessage_common = 1
    WebcastMemberMessage_user = 2
    WebcastMemberMessage_member_count = 3
    WebcastMemberMessage_operator = 4
    WebcastMemberMessage_is_set_to_admin = 5
    WebcastMemberMessage_is_top_user = 6
    WebcastMemberMessage_rank_score = 7
    WebcastMemberMessage_top_user_no = 8
    WebcastMemberMessage_enter_type = 9
    WebcastMemberMessage_action = 10
    WebcastMemberMessage_action_description = 11
    WebcastMemberMessage_user_id = 12
    WebcastMemberMessage_pop_str = 14
    WebcastMemberMessage_enter_effect_config = 15
    WebcastMemberMessage_anchor_display_text = 18
    WebcastMemberMessage_client_enter_source = 19
    WebcastMemberMessage_client_enter_type = 20

cdef enum:  # EnterEffectConfig
    EnterEffectConfig_type = 1
    EnterEffectConfig_icon = 2
    EnterEffectConfig_frames = 3

cdef enum:  # WebcastSocialMessage
    WebcastSocialMessage_common = 1
    WebcastSocialMessage_user = 2
    WebcastSocialMessage_share_type = 3
    WebcastSocialMessage_action = 4
    WebcastSocialMessage_share_target = 5
    WebcastSocialMessage_follow_count = 6
    WebcastSocialMessage_share_display_style = 7
    WebcastSocialMessage_share_count = 8
    WebcastSocialMessage_show_duration_ms = 12
    WebcastSocialMessage_follow_type = 13

cdef enum:  # Contributor
    Contributor_score = 1
    Contributor_user = 2
    Contributor_rank = 3
    Contributor_delta = 4

cdef enum:  # WebcastRoomUserSeqMessage
    WebcastRoomUserSeqMessage_common = 1
    WebcastRoomUserSeqMessage_ranks = 2
    WebcastRoomUserSeqMessage_total = 3
    WebcastRoomUserSeqMessage_pop_str = 4
    WebcastRoomUserSeqMessage_seats = 5
    WebcastRoomUserSeqMessage_popularity = 6
    WebcastRoomUserSeqMessage_total_user = 7
    WebcastRoomUserSeqMessage_anonymous = 8

cdef enum:  # WebcastControlMessage
    WebcastControlMessage_common = 1
    WebcastControlMessage_action = 2
    WebcastControlMessage_tips = 3

cdef enum:  # BattleSetting
    BattleSetting_battle_id = 1
    BattleSetting_start_time_ms = 2
    BattleSetting_duration = 3
    BattleSetting_status = 5
    BattleSetting_battle_type = 8
    BattleSetting_end_time_ms = 10

cdef enum:  # BattleResult
    BattleResult_user_id = 1
    BattleResult_result = 2
    BattleResult_score = 3

cdef enum:  # BattleBaseUserInfo
    BattleBaseUserInfo_user_id = 1
    BattleBaseUserInfo_nick_name = 2
    BattleBaseUserInfo_avatar_thumb = 3
    BattleBaseUserInfo_display_id = 4

cdef enum:  # BattleUserInfo
    BattleUserInfo_user = 1

cdef enum:  # BattleUserArmy
    BattleUserArmy_user_id = 1
    BattleUserArmy_score = 2
    BattleUserArmy_nickname = 3
    BattleUserArmy_avatar_thumb = 4
    BattleUserArmy_diamond_score = 5
    BattleUserArmy_user_id_str = 6

cdef enum:  # BattleUserArmies
    BattleUserArmies_user_armies = 1
    BattleUserArmies_host_score = 2
    BattleUserArmies_anchor_id_str = 3

cdef enum:  # WebcastLinkMicBattle
    WebcastLinkMicBattle_common = 1
    WebcastLinkMicBattle_battle_id = 2
    WebcastLinkMicBattle_battle_setting = 3
    WebcastLinkMicBattle_action = 4
    WebcastLinkMicBattle_battle_result = 5
    WebcastLinkMicBattle_armies = 9
    WebcastLinkMicBattle_anchor_info = 10
    WebcastLinkMicBattle_bubble_text = 11
    WebcastLinkMicBattle_action_by_user_id = 16

cdef enum:  # WebcastLinkMicBattle.BattleResultEntry
    WebcastLinkMicBattle_BattleResultEntry_key = 1
    WebcastLinkMicBattle_BattleResultEntry_value = 2

cdef enum:  # WebcastLinkMicBattle.ArmiesEntry
    WebcastLinkMicBattle_ArmiesEntry_key = 1
    WebcastLinkMicBattle_ArmiesEntry_value = 2

cdef enum:  # WebcastLinkMicBattle.AnchorInfoEntry
    WebcastLinkMicBattle_AnchorInfoEntry_key = 1
    WebcastLinkMicBattle_AnchorInfoEntry_value = 2

cdef enum:  # WebcastLinkMicArmies
    WebcastLinkMicArmies_common = 1
    WebcastLinkMicArmies_battle_id = 2
    WebcastLinkMicArmies_battle_items = 3
    WebcastLinkMicArmies_channel_id = 4
    WebcastLinkMicArmies_gift_sent_time = 5
    WebcastLinkMicArmies_score_update_time = 6
    WebcastLinkMicArmies_trigger_reason = 7
    WebcastLinkMicArmies_from_user_id = 8
    WebcastLinkMicArmies_gift_id = 9
    WebcastLinkMicArmies_gift_count = 10
    WebcastLinkMicArmies_total_diamond_count = 12
    WebcastLinkMicArmies_repeat_count = 13
    WebcastLinkMicArmies_battle_settings = 18

cdef enum:  # WebcastLinkMicArmies.BattleItemsEntry
    WebcastLinkMicArmies_BattleItemsEntry_key = 1
    WebcastLinkMicArmies_BattleItemsEntry_value = 2

cdef enum:  # WebcastRoomPinMessage
    WebcastRoomPinMessage_common = 1
    WebcastRoomPinMessage_chat_message = 2
    WebcastRoomPinMessage_social_message = 3
    WebcastRoomPinMessage_gift_message = 4
    WebcastRoomPinMessage_member_message = 5
    WebcastRoomPinMessage_like_message = 6
    WebcastRoomPinMessage_method = 30
    WebcastRoomPinMessage_pin_time = 31
    WebcastRoomPinMessage_operator = 32
    WebcastRoomPinMessage_action = 33
    WebcastRoomPinMessage_display_duration = 34
    WebcastRoomPinMessage_pin_id = 35

cdef enum:  # WebcastSubNotifyMessage
    WebcastSubNotifyMessage_common = 1
    WebcastSubNotifyMessage_user = 2
    WebcastSubNotifyMessage_sub_month = 4
    WebcastSubNotifyMessage_subscribe_type = 5
    WebcastSubNotifyMessage_old_subscribe_status = 6
    WebcastSubNotifyMessage_message_type = 7
    WebcastSubNotifyMessage_is_send = 9
    WebcastSubNotifyMessage_gift_source = 11

cdef enum:  # WebcastEmoteChatMessage
    WebcastEmoteChatMessage_common = 1
    WebcastEmoteChatMessage_user = 2
    WebcastEmoteChatMessage_emote_list = 3
    WebcastEmoteChatMessage_user_identity = 5

cdef enum:  # MessageRedEnvelopInfo
    MessageRedEnvelopInfo_envelope_id = 1
    MessageRedEnvelopInfo_business_type = 2
    MessageRedEnvelopInfo_envelope_idc = 3
    MessageRedEnvelopInfo_send_user_name = 4
    MessageRedEnvelopInfo_diamond_count = 5
    MessageRedEnvelopInfo_people_count = 6
    MessageRedEnvelopInfo_unpack_at = 7
    MessageRedEnvelopInfo_send_user_id = 8
    MessageRedEnvelopInfo_send_user_avatar = 9
    MessageRedEnvelopInfo_create_at = 10
    MessageRedEnvelopInfo_room_id = 11
    MessageRedEnvelopInfo_super_fan_count = 16

cdef enum:  # WebcastEnvelopeMessage
    WebcastEnvelopeMessage_common = 1
    WebcastEnvelopeMessage_envelope_info = 2
    WebcastEnvelopeMessage_display = 3

cdef enum:  # Question
    Question_question_id = 1
    Question_content = 2
    Question_answer_status = 3
    Question_create_time = 4
    Question_user = 5
    Question_create_from = 20
    Question_answer_from = 21

cdef enum:  # WebcastQuestionNewMessage
    WebcastQuestionNewMessage_common = 1
    WebcastQuestionNewMessage_details = 2

cdef enum:  # WebcastLiveIntroMessage
    WebcastLiveIntroMessage_common = 1
    WebcastLiveIntroMessage_id = 2
    WebcastLiveIntroMessage_audit_status = 3
    WebcastLiveIntroMessage_content = 4
    WebcastLiveIntroMessage_user = 5
    WebcastLiveIntroMessage_intro_mode = 6
    WebcastLiveIntroMessage_badges = 7
    WebcastLiveIntroMessage_content_language = 8

cdef enum:  # CaptionContent
    CaptionContent_lang = 1
    CaptionContent_content = 2

cdef enum:  # WebcastCaptionMessage
    WebcastCaptionMessage_common = 1
    WebcastCaptionMessage_timestamp_ms = 2
    WebcastCaptionMessage_duration_ms = 3
    WebcastCaptionMessage_content = 4
    WebcastCaptionMessage_sentence_id = 5
    WebcastCaptionMessage_sequence_id = 6
    WebcastCaptionMessage_definite = 7

cdef enum:  # BarrageUserGradeParam
    BarrageUserGradeParam_current_grade = 1
    BarrageUserGradeParam_display_config = 2
    BarrageUserGradeParam_user_id = 3
    BarrageUserGradeParam_user = 4

cdef enum:  # BarrageSubscribeGiftParam
    BarrageSubscribeGiftParam_gift_sub_count = 1
    BarrageSubscribeGiftParam_show_gift_sub_count = 2
    BarrageSubscribeGiftParam_gift_source = 3

cdef enum:  # WebcastBarrageMessage
    WebcastBarrageMessage_common = 1
    WebcastBarrageMessage_msg_type = 3
    WebcastBarrageMessage_icon = 4
    WebcastBarrageMessage_content = 5
    WebcastBarrageMessage_duration = 6
    WebcastBarrageMessage_background = 7
    WebcastBarrageMessage_common_barrage_content = 24
    WebcastBarrageMessage_user_grade_param = 100
    WebcastBarrageMessage_fans_level_param = 101
    WebcastBarrageMessage_subscribe_gift_param = 102

cdef enum:  # LiveStreamSubGoalGift
    LiveStreamSubGoalGift_name = 1
    LiveStreamSubGoalGift_icon = 2
    LiveStreamSubGoalGift_diamond_count = 3
    LiveStreamSubGoalGift_type = 4

cdef enum:  # LiveStreamSubGoal
    LiveStreamSubGoal_type = 1
    LiveStreamSubGoal_id = 2
    LiveStreamSubGoal_progress = 3
    LiveStreamSubGoal_target = 4
    LiveStreamSubGoal_gift = 5
    LiveStreamSubGoal_id_str = 6

cdef enum:  # LiveStreamGoal
    LiveStreamGoal_id = 1
    LiveStreamGoal_type = 2
    LiveStreamGoal_status = 3
    LiveStreamGoal_sub_goals = 4
    LiveStreamGoal_description = 5
    LiveStreamGoal_start_time = 8
    LiveStreamGoal_expire_time = 9
    LiveStreamGoal_contributors = 11
    LiveStreamGoal_id_str = 13
    LiveStreamGoal_stats = 15

cdef enum:  # LiveStreamGoalContributor
    LiveStreamGoalContributor_user_id = 1
    LiveStreamGoalContributor_avatar = 2
    LiveStreamGoalContributor_display_id = 3
    LiveStreamGoalContributor_score = 4

cdef enum:  # GoalStats
    GoalStats_total_coins = 1
    GoalStats_total_contributor = 2

cdef enum:  # WebcastGoalUpdateMessage
    WebcastGoalUpdateMessage_common = 1
    WebcastGoalUpdateMessage_goal = 3
    WebcastGoalUpdateMessage_contributor_id = 4
    WebcastGoalUpdateMessage_contributor_avatar = 5
    WebcastGoalUpdateMessage_contributor_display_id = 6
    WebcastGoalUpdateMessage_contribute_subgoal = 7
    WebcastGoalUpdateMessage_contribute_count = 9
    WebcastGoalUpdateMessage_contribute_score = 10
    WebcastGoalUpdateMessage_gift_repeat_count = 11
    WebcastGoalUpdateMessage_contributor_id_str = 12
    WebcastGoalUpdateMessage_pin = 13
    WebcastGoalUpdateMessage_unpin = 14
    WebcastGoalUpdateMessage_update_source = 16

cdef enum:  # RankUpdate
    RankUpdate_rank_type = 1
    RankUpdate_owner_rank = 2
    RankUpdate_default_content = 3
    RankUpdate_show_entrance_animation = 5
    RankUpdate_countdown = 6

cdef enum:  # WebcastRankUpdateMessage
    WebcastRankUpdateMessage_common = 1
    WebcastRankUpdateMessage_updates = 2
    WebcastRankUpdateMessage_group_type = 3
    WebcastRankUpdateMessage_priority = 5

cdef enum:  # WebcastImDeleteMessage
    WebcastImDeleteMessage_common = 1
    WebcastImDeleteMessage_delete_msg_ids = 2
    WebcastImDeleteMessage_delete_user_ids = 3

cdef enum:  # PollOptionInfo
    PollOptionInfo_votes = 1
    PollOptionInfo_display_content = 2
    PollOptionInfo_option_idx = 3
    PollOptionInfo_vote_user_list = 4

cdef enum:  # VoteUser
    VoteUser_user_id = 1
    VoteUser_nick_name = 2
    VoteUser_avatar_thumb = 3

cdef enum:  # PollStartContent
    PollStartContent_start_time = 1
    PollStartContent_end_time = 2
    PollStartContent_option_list = 3
    PollStartContent_title = 4
    PollStartContent_operator = 5

cdef enum:  # PollEndContent
    PollEndContent_end_type = 1
    PollEndContent_option_list = 2
    PollEndContent_operator = 3

cdef enum:  # PollUpdateVotesContent
    PollUpdateVotesContent_option_list = 2
    PollUpdateVotesContent_operator = 3

cdef enum:  # PollBasicInfo
    PollBasicInfo_poll_sponsor = 1
    PollBasicInfo_gift_id = 2
    PollBasicInfo_title = 3
    PollBasicInfo_is_suggested_question = 4
    PollBasicInfo_user_cnt = 5
    PollBasicInfo_gift = 6
    PollBasicInfo_poll_id_str = 7
    PollBasicInfo_poll_duration = 9
    PollBasicInfo_time_remain = 10

cdef enum:  # WebcastPollMessage
    WebcastPollMessage_common = 1
    WebcastPollMessage_message_type = 2
    WebcastPollMessage_poll_id = 3
    WebcastPollMessage_start_content = 4
    WebcastPollMessage_end_content = 5
    WebcastPollMessage_update_votes_content = 6
    WebcastPollMessage_poll_kind = 7
    WebcastPollMessage_poll_basic_info = 8

cdef enum:  # WebcastInRoomBannerMessage
    WebcastInRoomBannerMessage_common = 1
    WebcastInRoomBannerMessage_json_data = 2

cdef enum:  # UserFanTicket
    UserFanTicket_user_id = 1
    UserFanTicket_fan_ticket = 2
    UserFanTicket_match_total_score = 3
    UserFanTicket_match_rank = 4

cdef enum:  # FanTicketRoomNoticeContent
    FanTicketRoomNoticeContent_user_fan_ticket = 1
    FanTicketRoomNoticeContent_total_linkmic_fan_ticket = 2
    FanTicketRoomNoticeContent_match_id = 3
    FanTicketRoomNoticeContent_event_time = 4
    FanTicketRoomNoticeContent_fan_ticket_icon_url = 5

cdef enum:  # WebcastLinkMicFanTicketMethod
    WebcastLinkMicFanTicketMethod_common = 1
    WebcastLinkMicFanTicketMethod_fan_ticket_room_notice = 2

cdef enum:  # WebcastLinkMicMethod
    WebcastLinkMicMethod_common = 1
    WebcastLinkMicMethod_message_type = 2
    WebcastLinkMicMethod_access_key = 3
    WebcastLinkMicMethod_anchor_linkmic_id = 4
    WebcastLinkMicMethod_user_id = 5
    WebcastLinkMicMethod_fan_ticket = 6
    WebcastLinkMicMethod_total_linkmic_fan_ticket = 7
    WebcastLinkMicMethod_channel_id = 8
    WebcastLinkMicMethod_layout = 9
    WebcastLinkMicMethod_vendor = 10
    WebcastLinkMicMethod_dimension = 11
    WebcastLinkMicMethod_theme = 12
    WebcastLinkMicMethod_invite_uid = 13
    WebcastLinkMicMethod_answer = 14
    WebcastLinkMicMethod_duration = 16
    WebcastLinkMicMethod_match_type = 18
    WebcastLinkMicMethod_win = 19
    WebcastLinkMicMethod_prompts = 20
    WebcastLinkMicMethod_to_user_id = 21
    WebcastLinkMicMethod_rival_anchor_id = 38
    WebcastLinkMicMethod_scene = 43

cdef enum:  # WebcastLinkMicBattlePunishFinish
    WebcastLinkMicBattlePunishFinish_common = 1
    WebcastLinkMicBattlePunishFinish_channel_id = 2
    WebcastLinkMicBattlePunishFinish_op_uid = 3
    WebcastLinkMicBattlePunishFinish_reason = 4
    WebcastLinkMicBattlePunishFinish_battle_id = 5
    WebcastLinkMicBattlePunishFinish_battle_settings = 6

cdef enum:  # CriticalStrikeCardInfo
    CriticalStrikeCardInfo_card_name_key = 1
    CriticalStrikeCardInfo_send_time_sec = 3
    CriticalStrikeCardInfo_effect_last_duration = 5
    CriticalStrikeCardInfo_multiple = 8
    CriticalStrikeCardInfo_to_anchor_id = 12

cdef enum:  # UseCriticalStrikeCard
    UseCriticalStrikeCard_card_info = 1
    UseCriticalStrikeCard_anchor_id = 2
    UseCriticalStrikeCard_display_content = 3

cdef enum:  # AwardCardNotice
    AwardCardNotice_display_content = 1
    AwardCardNotice_awarded_users = 2

cdef enum:  # WebcastLinkMicBattleItemCard
    WebcastLinkMicBattleItemCard_common = 1
    WebcastLinkMicBattleItemCard_battle_id = 2
    WebcastLinkMicBattleItemCard_msg_type = 3
    WebcastLinkMicBattleItemCard_use_critical_strike_card = 5
    WebcastLinkMicBattleItemCard_award_card_notice = 7
    WebcastLinkMicBattleItemCard_award_reason = 16

cdef enum:  # LinkPlayer
    LinkPlayer_room_id = 1
    LinkPlayer_user_id = 2

cdef enum:  # LinkLayerListUser
    LinkLayerListUser_user = 1
    LinkLayerListUser_linkmic_id = 2
    LinkLayerListUser_linked_time_nano = 4

cdef enum:  # AllListUser
    AllListUser_linked_list = 2
    AllListUser_applied_list = 3
    AllListUser_invited_list = 4
    AllListUser_ready_list = 5

cdef enum:  # LinkListChangeContent
    LinkListChangeContent_type = 1
    LinkListChangeContent_list = 2

cdef enum:  # CohostUserInfo
    CohostUserInfo_permission_type = 1
    CohostUserInfo_nickname = 11
    CohostUserInfo_display_id = 12
    CohostUserInfo_avatar_thumb = 13
    CohostUserInfo_follow_status = 14
    CohostUserInfo_user_id_str = 15

cdef enum:  # CohostUserInfoEntry
    CohostUserInfoEntry_key = 1
    CohostUserInfoEntry_value = 2

cdef enum:  # ListChangeBizContent
    ListChangeBizContent_user_infos = 1

cdef enum:  # CohostContent
    CohostContent_list_change_biz_content = 11

cdef enum:  # BusinessContent
    BusinessContent_over_length = 1
    BusinessContent_cohost_content = 200

cdef enum:  # WebcastLinkLayerMessage
    WebcastLinkLayerMessage_common = 1
    WebcastLinkLayerMessage_message_type = 2
    WebcastLinkLayerMessage_channel_id = 3
    WebcastLinkLayerMessage_scene = 4
    WebcastLinkLayerMessage_source = 5
    WebcastLinkLayerMessage_rtc_room_id = 7
    WebcastLinkLayerMessage_list_change_content = 102
    WebcastLinkLayerMessage_business_content = 200

cdef enum:  # LinkListUser
    LinkListUser_user = 1
    LinkListUser_modify_time = 2
    LinkListUser_fan_ticket = 7

cdef enum:  # LinkerListChangeContent
    LinkerListChangeContent_linked_users = 1
    LinkerListChangeContent_applied_users = 2
    LinkerListChangeContent_connecting_users = 3

cdef enum:  # CohostListUser
    CohostListUser_user_id = 1
    CohostListUser_nick_name = 2
    CohostListUser_avatar_thumb = 3
    CohostListUser_linked_time = 4
    CohostListUser_room_id = 6
    CohostListUser_display_id = 10
    CohostListUser_follow_status = 11

cdef enum:  # CohostListChangeContent
    CohostListChangeContent_users = 1

cdef enum:  # WebcastLinkMessage
    WebcastLinkMessage_common = 1
    WebcastLinkMessage_message_type = 2
    WebcastLinkMessage_linker_id = 3
    WebcastLinkMessage_scene = 4
    WebcastLinkMessage_list_change_content = 20
    WebcastLinkMessage_cohost_list_change_content = 21
    WebcastLinkMessage_extra = 200
    WebcastLinkMessage_expire_timestamp = 201

cdef enum:  # BattleTaskTarget
    BattleTaskTarget_target_start_time = 1
    BattleTaskTarget_duration = 2
    BattleTaskTarget_progress_target = 23

cdef enum:  # BattleTaskReward
    BattleTaskReward_reward_start_time = 1
    BattleTaskReward_duration = 2
    BattleTaskReward_reward_multiple = 3

cdef enum:  # BattleBonusConfig
    BattleBonusConfig_preview_start_time = 1
    BattleBonusConfig_target_config = 3
    BattleBonusConfig_reward_config = 4

cdef enum:  # BattleTaskStart
    BattleTaskStart_config = 1

cdef enum:  # BattleTaskUpdate
    BattleTaskUpdate_progress = 1
    BattleTaskUpdate_from_user_id = 2
    BattleTaskUpdate_prompt_key = 3

cdef enum:  # BattleTaskSettle
    BattleTaskSettle_result = 1
    BattleTaskSettle_reward_start_time = 2

cdef enum:  # WebcastLinkmicBattleTaskMessage
    WebcastLinkmicBattleTaskMessage_common = 1
    WebcastLinkmicBattleTaskMessage_task_message_type = 2
    WebcastLinkmicBattleTaskMessage_start = 3
    WebcastLinkmicBattleTaskMessage_task_update = 4
    WebcastLinkmicBattleTaskMessage_task_settle = 5
    WebcastLinkmicBattleTaskMessage_battle_id = 20

cdef enum:  # WebcastRankTextMessage
    WebcastRankTextMessage_common = 1
    WebcastRankTextMessage_scene = 2
    WebcastRankTextMessage_owner_idx_before_update = 3
    WebcastRankTextMessage_owner_idx_after_update = 4
    WebcastRankTextMessage_self_get_badge_msg = 5
    WebcastRankTextMessage_other_get_badge_msg = 6
    WebcastRankTextMessage_cur_user_id = 7

cdef enum:  # BattleNoticeText
    BattleNoticeText_text = 1

cdef enum:  # BattleNoticeRuleGuide
    BattleNoticeRuleGuide_content = 1
    BattleNoticeRuleGuide_button_content = 2
    BattleNoticeRuleGuide_rule_url = 3
    BattleNoticeRuleGuide_except_anchor = 4
    BattleNoticeRuleGuide_content_text = 5
    BattleNoticeRuleGuide_button_content_text = 6

cdef enum:  # BattleNoticeCommonGuide
    BattleNoticeCommonGuide_display_text = 1
    BattleNoticeCommonGuide_except_anchor = 2

cdef enum:  # WebcastLinkmicBattleNoticeMessage
    WebcastLinkmicBattleNoticeMessage_common = 1
    WebcastLinkmicBattleNoticeMessage_notice_type = 2
    WebcastLinkmicBattleNoticeMessage_battle_rule_guide = 7
    WebcastLinkmicBattleNoticeMessage_common_guide = 8

cdef enum:  # WebcastRoomMessage
    WebcastRoomMessage_common = 1
    WebcastRoomMessage_content = 2
    WebcastRoomMessage_support_landscape = 3
    WebcastRoomMessage_source = 4
    WebcastRoomMessage_icon = 5
    WebcastRoomMessage_scene = 6
    WebcastRoomMessage_is_welcome = 7
    WebcastRoomMessage_show_duration_ms = 9
    WebcastRoomMessage_sub_scene = 10

cdef enum:  # WebcastSystemMessage
    WebcastSystemMessage_common = 1
    WebcastSystemMessage_message = 2

cdef enum:  # WebcastRoomNotifyMessage
    WebcastRoomNotifyMessage_common = 1
    WebcastRoomNotifyMessage_schema = 2
    WebcastRoomNotifyMessage_notify_type = 3
    WebcastRoomNotifyMessage_content = 4
    WebcastRoomNotifyMessage_user = 5
    WebcastRoomNotifyMessage_notify_class = 7
    WebcastRoomNotifyMessage_flex_setting = 8
    WebcastRoomNotifyMessage_source = 9
    WebcastRoomNotifyMessage_from_user_id = 10
    WebcastRoomNotifyMessage_to_anchor_id = 12

cdef enum:  # WebcastGiftBroadcastMessage
    WebcastGiftBroadcastMessage_common = 1
    WebcastGiftBroadcastMessage_from_user_id = 2
    WebcastGiftBroadcastMessage_left_icon = 3
    WebcastGiftBroadcastMessage_notify = 4

cdef enum:  # HourlyRankContainer
    HourlyRankContainer_kind = 1
    HourlyRankContainer_rankings = 4

cdef enum:  # WebcastHourlyRankMessage
    WebcastHourlyRankMessage_common = 1
    WebcastHourlyRankMessage_data = 2
    WebcastHourlyRankMessage_extra = 3

cdef enum:  # SubPinCardText
    SubPinCardText_type = 1
    SubPinCardText_content = 2

cdef enum:  # SubPinCard
    SubPinCard_time_to_live = 1
    SubPinCard_title = 2
    SubPinCard_desc = 3
    SubPinCard_image = 4
    SubPinCard_type = 5
    SubPinCard_id = 6

cdef enum:  # WebcastSubPinEventMessage
    WebcastSubPinEventMessage_common = 1
    WebcastSubPinEventMessage_action_type = 2
    WebcastSubPinEventMessage_card = 3
    WebcastSubPinEventMessage_operator_user_id = 4

cdef enum:  # WebcastBottomMessage
    WebcastBottomMessage_common = 1
    WebcastBottomMessage_content = 2
    WebcastBottomMessage_show_type = 3
    WebcastBottomMessage_text_type = 4
    WebcastBottomMessage_duration = 5
    WebcastBottomMessage_biz_type = 6
    WebcastBottomMessage_violation_user_id = 7

cdef enum:  # WebcastUnauthorizedMemberMessage
    WebcastUnauthorizedMemberMessage_common = 1
    WebcastUnauthorizedMemberMessage_action = 2
    WebcastUnauthorizedMemberMessage_nick_name_prefix = 3
    WebcastUnauthorizedMemberMessage_nick_name = 4
    WebcastUnauthorizedMemberMessage_enter_text = 5

cdef enum:  # WebcastAccessRecallMessage
    WebcastAccessRecallMessage_common = 1
    WebcastAccessRecallMessage_status = 2
    WebcastAccessRecallMessage_duration = 3
    WebcastAccessRecallMessage_end_time = 4
    WebcastAccessRecallMessage_scene = 5
    WebcastAccessRecallMessage_notice = 6
    WebcastAccessRecallMessage_content = 7

cdef enum:  # WebcastMsgDetectMessage
    WebcastMsgDetectMessage_common = 1
    WebcastMsgDetectMessage_detect_type = 2
    WebcastMsgDetectMessage_trigger_condition = 3
    WebcastMsgDetectMessage_time_info = 4
    WebcastMsgDetectMessage_trigger_by = 5
    WebcastMsgDetectMessage_from_region = 6
    WebcastMsgDetectMessage_sim_sent_ms = 8

cdef enum:  # MsgDetectTrigger
    MsgDetectTrigger_uplink_detect_http = 1
    MsgDetectTrigger_uplink_detect_websocket = 2
    MsgDetectTrigger_detect_p2p_msg = 3
    MsgDetectTrigger_detect_room_msg = 4
    MsgDetectTrigger_http_optimize = 5

cdef enum:  # MsgDetectTimeInfo
    MsgDetectTimeInfo_client_start_ms = 1
    MsgDetectTimeInfo_api_recv_time_ms = 2
    MsgDetectTimeInfo_api_send_to_goim_ms = 3

cdef enum:  # SimUnknownTail
    SimUnknownTail_variant = 90
    SimUnknownTail_card = 91
    SimUnknownTail_extra_json = 92

cdef enum:  # SimUnknownCard
    SimUnknownCard_name = 1
    SimUnknownCard_image = 2

cdef enum:  # MapEntry: any map entry
    MapEntry_key = 1
    MapEntry_value = 2

cdef enum:  # Message: every message's CommonMessageData
    Message_common = 1
