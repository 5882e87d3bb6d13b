# Message decoders and dispatch, generated from proto/webcast.proto by scripts/gen_wire.py: do not edit.
# One decoder per annotated message (see scripts/gen_wire.py), then the dispatch over
# every decoded method: generated ones here, hand-written ones of the same name in _decode.pxi.


cdef dict _struct_contributor(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef bint has_user = False
    cdef Py_ssize_t user_a = 0, user_b = 0
    cdef int64_t score = 0
    cdef int64_t rank = 0
    cdef dict event = {}
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == Contributor_score:
                score = _s64(_val(&it, p))
            elif it.num == Contributor_rank:
                rank = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == Contributor_user:
                has_user = True
                user_a = it.a
                user_b = it.b
    _put_user(event, has_user, p, n, user_a, user_b, 0)
    _put_int(event, "score", score)
    _put_int(event, "rank", rank)
    return event


cdef dict _struct_caption_content(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef Py_ssize_t lang_a = 0, lang_b = 0
    cdef Py_ssize_t text_a = 0, text_b = 0
    cdef dict event = {}
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == CaptionContent_lang:
                lang_a = it.a
                lang_b = it.b
            elif it.num == CaptionContent_content:
                text_a = it.a
                text_b = it.b
    _put_str(event, "lang", p, lang_a, lang_b)
    _put_str(event, "text", p, text_a, text_b)
    return event


cdef dict _struct_rank_update(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef int64_t rank_type = 0
    cdef int64_t rank = 0
    cdef dict event = {}
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == RankUpdate_rank_type:
                rank_type = _s64(_val(&it, p))
            elif it.num == RankUpdate_owner_rank:
                rank = _s64(_val(&it, p))
    _put_int(event, "rankType", rank_type)
    _put_int(event, "rank", rank)
    return event


cdef dict _struct_poll_option_info(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef int64_t index = 0
    cdef Py_ssize_t text_a = 0, text_b = 0
    cdef int64_t votes = 0
    cdef dict event = {}
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == PollOptionInfo_votes:
                votes = _s64(_val(&it, p))
            elif it.num == PollOptionInfo_option_idx:
                index = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == PollOptionInfo_display_content:
                text_a = it.a
                text_b = it.b
    _put_int(event, "index", index)
    _put_str(event, "text", p, text_a, text_b)
    _put_int(event, "votes", votes)
    return event


cdef dict _struct_user_fan_ticket(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef int64_t user_id = 0
    cdef int64_t score = 0
    cdef int64_t total_score = 0
    cdef int64_t rank = 0
    cdef dict event = {}
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == UserFanTicket_user_id:
                user_id = _s64(_val(&it, p))
            elif it.num == UserFanTicket_fan_ticket:
                score = _s64(_val(&it, p))
            elif it.num == UserFanTicket_match_total_score:
                total_score = _s64(_val(&it, p))
            elif it.num == UserFanTicket_match_rank:
                rank = _s64(_val(&it, p))
    _put_int(event, "userId", user_id)
    _put_int(event, "score", score)
    _put_int(event, "totalScore", total_score)
    _put_int(event, "rank", rank)
    return event


cdef dict _struct_link_layer_list_user(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef int64_t id = 0
    cdef int64_t room_id = 0
    cdef dict event = {}
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == LinkLayerListUser_user:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == LinkPlayer_room_id:
                            room_id = _s64(_val(&it2, p))
                        elif it2.num == LinkPlayer_user_id:
                            id = _s64(_val(&it2, p))
    _put_int(event, "id", id)
    _put_int(event, "roomId", room_id)
    return event


cdef dict _struct_cohost_user_info_entry(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef int64_t id = 0
    cdef Py_ssize_t unique_id_a = 0, unique_id_b = 0
    cdef Py_ssize_t nickname_a = 0, nickname_b = 0
    cdef dict event = {}
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == CohostUserInfoEntry_key:
                id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == CohostUserInfoEntry_value:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == CohostUserInfo_nickname:
                            nickname_a = it2.a
                            nickname_b = it2.b
                        elif it2.num == CohostUserInfo_display_id:
                            unique_id_a = it2.a
                            unique_id_b = it2.b
    _put_int(event, "id", id)
    _put_str(event, "uniqueId", p, unique_id_a, unique_id_b)
    _put_str(event, "nickname", p, nickname_a, nickname_b)
    return event


cdef dict _struct_link_list_user(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef bint has_user = False
    cdef Py_ssize_t user_a = 0, user_b = 0
    cdef dict event = {}
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == LinkListUser_user:
                has_user = True
                user_a = it.a
                user_b = it.b
    _put_user(event, has_user, p, n, user_a, user_b, 0)
    return event


cdef dict _struct_cohost_list_user(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef int64_t id = 0
    cdef Py_ssize_t unique_id_a = 0, unique_id_b = 0
    cdef Py_ssize_t nickname_a = 0, nickname_b = 0
    cdef int64_t room_id = 0
    cdef dict event = {}
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == CohostListUser_user_id:
                id = _s64(_val(&it, p))
            elif it.num == CohostListUser_room_id:
                room_id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == CohostListUser_nick_name:
                nickname_a = it.a
                nickname_b = it.b
            elif it.num == CohostListUser_display_id:
                unique_id_a = it.a
                unique_id_b = it.b
    _put_int(event, "id", id)
    _put_str(event, "uniqueId", p, unique_id_a, unique_id_b)
    _put_str(event, "nickname", p, nickname_a, nickname_b)
    _put_int(event, "roomId", room_id)
    return event


cdef dict _struct_battle_user_info(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef int64_t id = 0
    cdef Py_ssize_t unique_id_a = 0, unique_id_b = 0
    cdef Py_ssize_t nickname_a = 0, nickname_b = 0
    cdef dict event = {}
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == BattleUserInfo_user:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == BattleBaseUserInfo_user_id:
                            id = _s64(_val(&it2, p))
                    elif it2.wire == 2:
                        if it2.num == BattleBaseUserInfo_nick_name:
                            nickname_a = it2.a
                            nickname_b = it2.b
                        elif it2.num == BattleBaseUserInfo_display_id:
                            unique_id_a = it2.a
                            unique_id_b = it2.b
    _put_int(event, "id", id)
    _put_str(event, "uniqueId", p, unique_id_a, unique_id_b)
    _put_str(event, "nickname", p, nickname_a, nickname_b)
    return event


cdef dict _struct_text_piece(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2, it3
    cdef int64_t kind = 0
    cdef Py_ssize_t text_a = 0, text_b = 0
    cdef bint has_user = False
    cdef Py_ssize_t user_a = 0, user_b = 0
    cdef int64_t gift_id = 0
    cdef Py_ssize_t gift_name_a = 0, gift_name_b = 0
    cdef dict event = {}
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == TextPiece_type:
                kind = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == TextPiece_string_value:
                text_a = it.a
                text_b = it.b
            elif it.num == TextPiece_user_value:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == TextPieceUser_user:
                            has_user = True
                            user_a = it2.a
                            user_b = it2.b
            elif it.num == TextPiece_gift_value:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == TextPieceGift_gift_id:
                            gift_id = _s64(_val(&it2, p))
                    elif it2.wire == 2:
                        if it2.num == TextPieceGift_name_ref:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 2:
                                    if it3.num == PatternRef_default_pattern:
                                        gift_name_a = it3.a
                                        gift_name_b = it3.b
    _put_int(event, "kind", kind)
    _put_str(event, "text", p, text_a, text_b)
    _put_user(event, has_user, p, n, user_a, user_b, 0)
    _put_int(event, "giftId", gift_id)
    _put_str(event, "giftName", p, gift_name_a, gift_name_b)
    return event


cdef dict _like(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef bint has_user = False
    cdef Py_ssize_t user_a = 0, user_b = 0
    cdef int64_t like_count = 0
    cdef int64_t total_likes = 0
    cdef dict event = {"type": "like"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastLikeMessage_count:
                like_count = _s64(_val(&it, p))
            elif it.num == WebcastLikeMessage_total:
                total_likes = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastLikeMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastLikeMessage_user:
                has_user = True
                user_a = it.a
                user_b = it.b
    _put_user(event, has_user, p, n, user_a, user_b, 0)
    _put_int(event, "likeCount", like_count)
    _put_int(event, "totalLikes", total_likes)
    return event


cdef dict _member(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef bint has_user = False
    cdef Py_ssize_t user_a = 0, user_b = 0
    cdef int64_t action = 0
    cdef int64_t member_count = 0
    cdef dict event = {"type": "member"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastMemberMessage_member_count:
                member_count = _s64(_val(&it, p))
            elif it.num == WebcastMemberMessage_action:
                action = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastMemberMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastMemberMessage_user:
                has_user = True
                user_a = it.a
                user_b = it.b
    _put_user(event, has_user, p, n, user_a, user_b, 0)
    _put_int(event, "action", action)
    _put_int(event, "memberCount", member_count)
    return event


cdef dict _sub_notify(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef bint has_user = False
    cdef Py_ssize_t user_a = 0, user_b = 0
    cdef int64_t sub_month = 0
    cdef int64_t subscribe_type = 0
    cdef uint64_t gifted = 0
    cdef int64_t gift_source = 0
    cdef dict event = {"type": "subscribe"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastSubNotifyMessage_sub_month:
                sub_month = _s64(_val(&it, p))
            elif it.num == WebcastSubNotifyMessage_subscribe_type:
                subscribe_type = _s64(_val(&it, p))
            elif it.num == WebcastSubNotifyMessage_is_send:
                gifted = _val(&it, p)
            elif it.num == WebcastSubNotifyMessage_gift_source:
                gift_source = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastSubNotifyMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastSubNotifyMessage_user:
                has_user = True
                user_a = it.a
                user_b = it.b
    _put_user(event, has_user, p, n, user_a, user_b, 0)
    _put_int(event, "subMonth", sub_month)
    _put_int(event, "subscribeType", subscribe_type)
    _put_bool(event, "gifted", gifted != 0)
    _put_int(event, "giftSource", gift_source)
    return event


cdef dict _room_user_seq(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef int64_t viewer_count = 0
    cdef int64_t total_viewers = 0
    cdef list top_viewers = None
    cdef dict event = {"type": "roomUserSeq"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastRoomUserSeqMessage_total:
                viewer_count = _s64(_val(&it, p))
            elif it.num == WebcastRoomUserSeqMessage_total_user:
                total_viewers = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastRoomUserSeqMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastRoomUserSeqMessage_ranks:
                if top_viewers is None:
                    top_viewers = []
                top_viewers.append(_struct_contributor(p, n, it.a, it.b))
    _put_int(event, "viewerCount", viewer_count)
    _put_int(event, "totalViewers", total_viewers)
    _put_obj(event, "topViewers", top_viewers)
    return event


cdef dict _envelope(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef Py_ssize_t envelope_id_a = 0, envelope_id_b = 0
    cdef int64_t diamond_count = 0
    cdef int64_t people_count = 0
    cdef Py_ssize_t sender_name_a = 0, sender_name_b = 0
    cdef Py_ssize_t sender_id_a = 0, sender_id_b = 0
    cdef int64_t business_type = 0
    cdef int64_t unpack_at = 0
    cdef dict event = {"type": "envelope"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == WebcastEnvelopeMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastEnvelopeMessage_envelope_info:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == MessageRedEnvelopInfo_business_type:
                            business_type = _s64(_val(&it2, p))
                        elif it2.num == MessageRedEnvelopInfo_diamond_count:
                            diamond_count = _s64(_val(&it2, p))
                        elif it2.num == MessageRedEnvelopInfo_people_count:
                            people_count = _s64(_val(&it2, p))
                        elif it2.num == MessageRedEnvelopInfo_unpack_at:
                            unpack_at = _s64(_val(&it2, p))
                    elif it2.wire == 2:
                        if it2.num == MessageRedEnvelopInfo_envelope_id:
                            envelope_id_a = it2.a
                            envelope_id_b = it2.b
                        elif it2.num == MessageRedEnvelopInfo_send_user_name:
                            sender_name_a = it2.a
                            sender_name_b = it2.b
                        elif it2.num == MessageRedEnvelopInfo_send_user_id:
                            sender_id_a = it2.a
                            sender_id_b = it2.b
    _put_str(event, "envelopeId", p, envelope_id_a, envelope_id_b)
    _put_int(event, "diamondCount", diamond_count)
    _put_int(event, "peopleCount", people_count)
    _put_str(event, "senderName", p, sender_name_a, sender_name_b)
    _put_str(event, "senderId", p, sender_id_a, sender_id_b)
    _put_int(event, "businessType", business_type)
    _put_int(event, "unpackAt", unpack_at)
    return event


cdef dict _question_new(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef bint has_user = False
    cdef Py_ssize_t user_a = 0, user_b = 0
    cdef int64_t question_id = 0
    cdef Py_ssize_t question_text_a = 0, question_text_b = 0
    cdef dict event = {"type": "question"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == WebcastQuestionNewMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastQuestionNewMessage_details:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == Question_question_id:
                            question_id = _s64(_val(&it2, p))
                    elif it2.wire == 2:
                        if it2.num == Question_content:
                            question_text_a = it2.a
                            question_text_b = it2.b
                        elif it2.num == Question_user:
                            has_user = True
                            user_a = it2.a
                            user_b = it2.b
    _put_user(event, has_user, p, n, user_a, user_b, 0)
    _put_int(event, "questionId", question_id)
    _put_str(event, "questionText", p, question_text_a, question_text_b)
    return event


cdef dict _live_intro(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef bint has_user = False
    cdef Py_ssize_t user_a = 0, user_b = 0
    cdef Py_ssize_t content_a = 0, content_b = 0
    cdef Py_ssize_t language_a = 0, language_b = 0
    cdef dict event = {"type": "liveIntro"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == WebcastLiveIntroMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastLiveIntroMessage_content:
                content_a = it.a
                content_b = it.b
            elif it.num == WebcastLiveIntroMessage_user:
                has_user = True
                user_a = it.a
                user_b = it.b
            elif it.num == WebcastLiveIntroMessage_content_language:
                language_a = it.a
                language_b = it.b
    _put_user(event, has_user, p, n, user_a, user_b, 0)
    _put_str(event, "content", p, content_a, content_b)
    _put_str(event, "language", p, language_a, language_b)
    return event


cdef dict _caption(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef list captions = None
    cdef int64_t timestamp_ms = 0
    cdef int64_t duration_ms = 0
    cdef int64_t sentence_id = 0
    cdef uint64_t definite = 0
    cdef dict event = {"type": "caption"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastCaptionMessage_timestamp_ms:
                timestamp_ms = _s64(_val(&it, p))
            elif it.num == WebcastCaptionMessage_duration_ms:
                duration_ms = _s64(_val(&it, p))
            elif it.num == WebcastCaptionMessage_sentence_id:
                sentence_id = _s64(_val(&it, p))
            elif it.num == WebcastCaptionMessage_definite:
                definite = _val(&it, p)
        elif it.wire == 2:
            if it.num == WebcastCaptionMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastCaptionMessage_content:
                if captions is None:
                    captions = []
                captions.append(_struct_caption_content(p, n, it.a, it.b))
    _put_obj(event, "captions", captions)
    _put_int(event, "timestampMs", timestamp_ms)
    _put_int(event, "durationMs", duration_ms)
    _put_int(event, "sentenceId", sentence_id)
    _put_bool(event, "definite", definite != 0)
    return event


cdef dict _rank_update(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef list ranks = None
    cdef int64_t group_type = 0
    cdef dict event = {"type": "rank"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastRankUpdateMessage_group_type:
                group_type = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastRankUpdateMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastRankUpdateMessage_updates:
                if ranks is None:
                    ranks = []
                ranks.append(_struct_rank_update(p, n, it.a, it.b))
    _put_obj(event, "ranks", ranks)
    _put_int(event, "groupType", group_type)
    return event


cdef dict _poll(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef int64_t poll_id = 0
    cdef int64_t poll_action = 0
    cdef int64_t poll_kind = 0
    cdef Py_ssize_t title_a = 0, title_b = 0
    cdef int64_t start_time = 0
    cdef int64_t end_time = 0
    cdef list options = None
    cdef int64_t end_type = 0
    cdef int64_t gift_id = 0
    cdef int64_t voter_count = 0
    cdef int64_t duration = 0
    cdef int64_t time_remain = 0
    cdef dict event = {"type": "poll"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastPollMessage_message_type:
                poll_action = _s64(_val(&it, p))
            elif it.num == WebcastPollMessage_poll_id:
                poll_id = _s64(_val(&it, p))
            elif it.num == WebcastPollMessage_poll_kind:
                poll_kind = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastPollMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastPollMessage_start_content:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == PollStartContent_start_time:
                            start_time = _s64(_val(&it2, p))
                        elif it2.num == PollStartContent_end_time:
                            end_time = _s64(_val(&it2, p))
                    elif it2.wire == 2:
                        if it2.num == PollStartContent_option_list:
                            if options is None:
                                options = []
                            options.append(_struct_poll_option_info(p, n, it2.a, it2.b))
                        elif it2.num == PollStartContent_title:
                            title_a = it2.a
                            title_b = it2.b
            elif it.num == WebcastPollMessage_end_content:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == PollEndContent_end_type:
                            end_type = _s64(_val(&it2, p))
                    elif it2.wire == 2:
                        if it2.num == PollEndContent_option_list:
                            if options is None:
                                options = []
                            options.append(_struct_poll_option_info(p, n, it2.a, it2.b))
            elif it.num == WebcastPollMessage_update_votes_content:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == PollUpdateVotesContent_option_list:
                            if options is None:
                                options = []
                            options.append(_struct_poll_option_info(p, n, it2.a, it2.b))
            elif it.num == WebcastPollMessage_poll_basic_info:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == PollBasicInfo_gift_id:
                            gift_id = _s64(_val(&it2, p))
                        elif it2.num == PollBasicInfo_user_cnt:
                            voter_count = _s64(_val(&it2, p))
                        elif it2.num == PollBasicInfo_poll_duration:
                            duration = _s64(_val(&it2, p))
                        elif it2.num == PollBasicInfo_time_remain:
                            time_remain = _s64(_val(&it2, p))
                    elif it2.wire == 2:
                        if it2.num == PollBasicInfo_title:
                            title_a = it2.a
                            title_b = it2.b
    _put_int(event, "pollId", poll_id)
    _put_int(event, "pollAction", poll_action)
    _put_int(event, "pollKind", poll_kind)
    _put_str(event, "title", p, title_a, title_b)
    _put_int(event, "startTime", start_time)
    _put_int(event, "endTime", end_time)
    _put_obj(event, "options", options)
    _put_int(event, "endType", end_type)
    _put_int(event, "giftId", gift_id)
    _put_int(event, "voterCount", voter_count)
    _put_int(event, "duration", duration)
    _put_int(event, "timeRemain", time_remain)
    return event


cdef dict _in_room_banner(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef Py_ssize_t data_a = 0, data_b = 0
    cdef dict event = {"type": "banner"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == WebcastInRoomBannerMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastInRoomBannerMessage_json_data:
                data_a = it.a
                data_b = it.b
    _put_str(event, "data", p, data_a, data_b)
    return event


cdef dict _im_delete(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef list msg_ids = None
    cdef list user_ids = None
    cdef dict event = {"type": "imDelete"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastImDeleteMessage_delete_msg_ids:
                msg_ids = _ints(p, n, &it, msg_ids)
            elif it.num == WebcastImDeleteMessage_delete_user_ids:
                user_ids = _ints(p, n, &it, user_ids)
        elif it.wire == 2:
            if it.num == WebcastImDeleteMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastImDeleteMessage_delete_msg_ids:
                msg_ids = _ints(p, n, &it, msg_ids)
            elif it.num == WebcastImDeleteMessage_delete_user_ids:
                user_ids = _ints(p, n, &it, user_ids)
    _put_obj(event, "msgIds", msg_ids)
    _put_obj(event, "userIds", user_ids)
    return event


cdef dict _link_mic_fan_ticket_method(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef list hosts = None
    cdef int64_t total = 0
    cdef int64_t match_id = 0
    cdef dict event = {"type": "coHostScore"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == WebcastLinkMicFanTicketMethod_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastLinkMicFanTicketMethod_fan_ticket_room_notice:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == FanTicketRoomNoticeContent_total_linkmic_fan_ticket:
                            total = _s64(_val(&it2, p))
                        elif it2.num == FanTicketRoomNoticeContent_match_id:
                            match_id = _s64(_val(&it2, p))
                    elif it2.wire == 2:
                        if it2.num == FanTicketRoomNoticeContent_user_fan_ticket:
                            if hosts is None:
                                hosts = []
                            hosts.append(_struct_user_fan_ticket(p, n, it2.a, it2.b))
    _put_obj(event, "hosts", hosts)
    _put_int(event, "total", total)
    _put_int(event, "matchId", match_id)
    return event


cdef dict _link_mic_method(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef int64_t total = 0
    cdef int64_t user_id = 0
    cdef int64_t score = 0
    cdef int64_t message_type = 0
    cdef int64_t channel_id = 0
    cdef dict event = {"type": "coHostScore"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastLinkMicMethod_message_type:
                message_type = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicMethod_user_id:
                user_id = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicMethod_fan_ticket:
                score = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicMethod_total_linkmic_fan_ticket:
                total = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicMethod_channel_id:
                channel_id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastLinkMicMethod_common:
                _common(p, n, it.a, it.b, event, key)
    _put_int(event, "total", total)
    _put_int(event, "userId", user_id)
    _put_int(event, "score", score)
    _put_int(event, "messageType", message_type)
    _put_int(event, "channelId", channel_id)
    return event


cdef dict _link_layer(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2, it3, it4
    cdef int64_t layer_action = 0
    cdef int64_t scene = 0
    cdef int64_t channel_id = 0
    cdef list linked = None
    cdef list users = None
    cdef dict event = {"type": "coHost"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastLinkLayerMessage_message_type:
                layer_action = _s64(_val(&it, p))
            elif it.num == WebcastLinkLayerMessage_channel_id:
                channel_id = _s64(_val(&it, p))
            elif it.num == WebcastLinkLayerMessage_scene:
                scene = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastLinkLayerMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastLinkLayerMessage_list_change_content:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == LinkListChangeContent_list:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 2:
                                    if it3.num == AllListUser_linked_list:
                                        if linked is None:
                                            linked = []
                                        linked.append(_struct_link_layer_list_user(p, n, it3.a, it3.b))
            elif it.num == WebcastLinkLayerMessage_business_content:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == BusinessContent_cohost_content:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 2:
                                    if it3.num == CohostContent_list_change_biz_content:
                                        _open(&it4, p, n, it3.a, it3.b)
                                        while _next(&it4, p):
                                            if it4.wire == 2:
                                                if it4.num == ListChangeBizContent_user_infos:
                                                    if users is None:
                                                        users = []
                                                    users.append(_struct_cohost_user_info_entry(p, n, it4.a, it4.b))
    _put_int(event, "layerAction", layer_action)
    _put_int(event, "scene", scene)
    _put_int(event, "channelId", channel_id)
    _put_obj(event, "linked", linked)
    _put_obj(event, "users", users)
    return event


cdef dict _link(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef int64_t link_action = 0
    cdef int64_t scene = 0
    cdef int64_t linker_id = 0
    cdef list users = None
    cdef list linked_users = None
    cdef dict event = {"type": "coHost"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastLinkMessage_message_type:
                link_action = _s64(_val(&it, p))
            elif it.num == WebcastLinkMessage_linker_id:
                linker_id = _s64(_val(&it, p))
            elif it.num == WebcastLinkMessage_scene:
                scene = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastLinkMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastLinkMessage_list_change_content:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == LinkerListChangeContent_linked_users:
                            if linked_users is None:
                                linked_users = []
                            linked_users.append(_struct_link_list_user(p, n, it2.a, it2.b))
            elif it.num == WebcastLinkMessage_cohost_list_change_content:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == CohostListChangeContent_users:
                            if users is None:
                                users = []
                            users.append(_struct_cohost_list_user(p, n, it2.a, it2.b))
    _put_int(event, "linkAction", link_action)
    _put_int(event, "scene", scene)
    _put_int(event, "linkerId", linker_id)
    _put_obj(event, "users", users)
    _put_obj(event, "linkedUsers", linked_users)
    return event


cdef dict _rank_text(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef int64_t scene = 0
    cdef int64_t rank_before = 0
    cdef int64_t rank_after = 0
    cdef int64_t user_id = 0
    cdef dict event = {"type": "rankText"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastRankTextMessage_scene:
                scene = _s64(_val(&it, p))
            elif it.num == WebcastRankTextMessage_owner_idx_before_update:
                rank_before = _s64(_val(&it, p))
            elif it.num == WebcastRankTextMessage_owner_idx_after_update:
                rank_after = _s64(_val(&it, p))
            elif it.num == WebcastRankTextMessage_cur_user_id:
                user_id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastRankTextMessage_common:
                _common(p, n, it.a, it.b, event, key)
    _put_int(event, "scene", scene)
    _put_int(event, "rankBefore", rank_before)
    _put_int(event, "rankAfter", rank_after)
    _put_int(event, "userId", user_id)
    return event


cdef dict _link_mic_battle_punish_finish(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef int64_t battle_id = 0
    cdef int64_t reason = 0
    cdef int64_t status = 0
    cdef int64_t channel_id = 0
    cdef int64_t operator_id = 0
    cdef dict event = {"type": "battlePunish"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastLinkMicBattlePunishFinish_channel_id:
                channel_id = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicBattlePunishFinish_op_uid:
                operator_id = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicBattlePunishFinish_reason:
                reason = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicBattlePunishFinish_battle_id:
                battle_id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastLinkMicBattlePunishFinish_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastLinkMicBattlePunishFinish_battle_settings:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == BattleSetting_status:
                            status = _s64(_val(&it2, p))
    _put_int(event, "battleId", battle_id)
    _put_int(event, "reason", reason)
    _put_int(event, "status", status)
    _put_int(event, "channelId", channel_id)
    _put_int(event, "operatorId", operator_id)
    return event


cdef dict _linkmic_battle_task(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2, it3, it4
    cdef int64_t battle_id = 0
    cdef int64_t task_type = 0
    cdef int64_t target = 0
    cdef int64_t duration = 0
    cdef int64_t reward_multiple = 0
    cdef int64_t progress = 0
    cdef int64_t from_user_id = 0
    cdef int64_t result = 0
    cdef dict event = {"type": "battleTask"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastLinkmicBattleTaskMessage_task_message_type:
                task_type = _s64(_val(&it, p))
            elif it.num == WebcastLinkmicBattleTaskMessage_battle_id:
                battle_id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastLinkmicBattleTaskMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastLinkmicBattleTaskMessage_start:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == BattleTaskStart_config:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 2:
                                    if it3.num == BattleBonusConfig_target_config:
                                        _open(&it4, p, n, it3.a, it3.b)
                                        while _next(&it4, p):
                                            if it4.wire == 0:
                                                if it4.num == BattleTaskTarget_duration:
                                                    duration = _s64(_val(&it4, p))
                                                elif it4.num == BattleTaskTarget_progress_target:
                                                    target = _s64(_val(&it4, p))
                                    elif it3.num == BattleBonusConfig_reward_config:
                                        _open(&it4, p, n, it3.a, it3.b)
                                        while _next(&it4, p):
                                            if it4.wire == 0:
                                                if it4.num == BattleTaskReward_reward_multiple:
                                                    reward_multiple = _s64(_val(&it4, p))
            elif it.num == WebcastLinkmicBattleTaskMessage_task_update:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == BattleTaskUpdate_progress:
                            progress = _s64(_val(&it2, p))
                        elif it2.num == BattleTaskUpdate_from_user_id:
                            from_user_id = _s64(_val(&it2, p))
            elif it.num == WebcastLinkmicBattleTaskMessage_task_settle:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == BattleTaskSettle_result:
                            result = _s64(_val(&it2, p))
    _put_int(event, "battleId", battle_id)
    _put_int(event, "taskType", task_type)
    _put_int(event, "target", target)
    _put_int(event, "duration", duration)
    _put_int(event, "rewardMultiple", reward_multiple)
    _put_int(event, "progress", progress)
    _put_int(event, "fromUserId", from_user_id)
    _put_int(event, "result", result)
    return event


cdef dict _link_mic_battle_item_card(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2, it3
    cdef int64_t battle_id = 0
    cdef int64_t card_type = 0
    cdef int64_t anchor_id = 0
    cdef int64_t to_anchor_id = 0
    cdef int64_t multiple = 0
    cdef int64_t duration = 0
    cdef list awarded = None
    cdef int64_t award_reason = 0
    cdef dict event = {"type": "battleCard"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastLinkMicBattleItemCard_battle_id:
                battle_id = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicBattleItemCard_msg_type:
                card_type = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicBattleItemCard_award_reason:
                award_reason = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastLinkMicBattleItemCard_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastLinkMicBattleItemCard_use_critical_strike_card:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == UseCriticalStrikeCard_anchor_id:
                            anchor_id = _s64(_val(&it2, p))
                    elif it2.wire == 2:
                        if it2.num == UseCriticalStrikeCard_card_info:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 0:
                                    if it3.num == CriticalStrikeCardInfo_effect_last_duration:
                                        duration = _s64(_val(&it3, p))
                                    elif it3.num == CriticalStrikeCardInfo_multiple:
                                        multiple = _s64(_val(&it3, p))
                                    elif it3.num == CriticalStrikeCardInfo_to_anchor_id:
                                        to_anchor_id = _s64(_val(&it3, p))
            elif it.num == WebcastLinkMicBattleItemCard_award_card_notice:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == AwardCardNotice_awarded_users:
                            if awarded is None:
                                awarded = []
                            awarded.append(_struct_battle_user_info(p, n, it2.a, it2.b))
    _put_int(event, "battleId", battle_id)
    _put_int(event, "cardType", card_type)
    _put_int(event, "anchorId", anchor_id)
    _put_int(event, "toAnchorId", to_anchor_id)
    _put_int(event, "multiple", multiple)
    _put_int(event, "duration", duration)
    _put_obj(event, "awarded", awarded)
    _put_int(event, "awardReason", award_reason)
    return event


cdef dict _linkmic_battle_notice(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2, it3
    cdef int64_t notice_type = 0
    cdef Py_ssize_t text_a = 0, text_b = 0
    cdef Py_ssize_t rule_url_a = 0, rule_url_b = 0
    cdef Py_ssize_t text_key_a = 0, text_key_b = 0
    cdef list pieces = None
    cdef dict event = {"type": "battleNotice"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastLinkmicBattleNoticeMessage_notice_type:
                notice_type = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastLinkmicBattleNoticeMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastLinkmicBattleNoticeMessage_battle_rule_guide:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == BattleNoticeRuleGuide_content:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 2:
                                    if it3.num == BattleNoticeText_text:
                                        text_a = it3.a
                                        text_b = it3.b
                        elif it2.num == BattleNoticeRuleGuide_rule_url:
                            rule_url_a = it2.a
                            rule_url_b = it2.b
                        elif it2.num == BattleNoticeRuleGuide_content_text:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 2:
                                    if it3.num == Text_key:
                                        text_key_a = it3.a
                                        text_key_b = it3.b
                                    elif it3.num == Text_default_pattern:
                                        text_a = it3.a
                                        text_b = it3.b
                                    elif it3.num == Text_pieces:
                                        if pieces is None:
                                            pieces = []
                                        pieces.append(_struct_text_piece(p, n, it3.a, it3.b))
            elif it.num == WebcastLinkmicBattleNoticeMessage_common_guide:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == BattleNoticeCommonGuide_display_text:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 2:
                                    if it3.num == Text_key:
                                        text_key_a = it3.a
                                        text_key_b = it3.b
                                    elif it3.num == Text_default_pattern:
                                        text_a = it3.a
                                        text_b = it3.b
                                    elif it3.num == Text_pieces:
                                        if pieces is None:
                                            pieces = []
                                        pieces.append(_struct_text_piece(p, n, it3.a, it3.b))
    _put_int(event, "noticeType", notice_type)
    _put_str(event, "text", p, text_a, text_b)
    _put_str(event, "ruleUrl", p, rule_url_a, rule_url_b)
    _put_str(event, "textKey", p, text_key_a, text_key_b)
    _put_obj(event, "pieces", pieces)
    return event


cdef dict _room(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2, it3
    cdef Py_ssize_t content_a = 0, content_b = 0
    cdef Py_ssize_t scene_a = 0, scene_b = 0
    cdef uint64_t welcome = 0
    cdef int64_t duration_ms = 0
    cdef Py_ssize_t text_a = 0, text_b = 0
    cdef Py_ssize_t text_key_a = 0, text_key_b = 0
    cdef list pieces = None
    cdef dict event = {"type": "roomMessage"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastRoomMessage_is_welcome:
                welcome = _val(&it, p)
            elif it.num == WebcastRoomMessage_show_duration_ms:
                duration_ms = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastRoomMessage_common:
                _common(p, n, it.a, it.b, event, key)
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == CommonMessageData_display_text:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 2:
                                    if it3.num == Text_key:
                                        text_key_a = it3.a
                                        text_key_b = it3.b
                                    elif it3.num == Text_default_pattern:
                                        text_a = it3.a
                                        text_b = it3.b
                                    elif it3.num == Text_pieces:
                                        if pieces is None:
                                            pieces = []
                                        pieces.append(_struct_text_piece(p, n, it3.a, it3.b))
            elif it.num == WebcastRoomMessage_content:
                content_a = it.a
                content_b = it.b
            elif it.num == WebcastRoomMessage_scene:
                scene_a = it.a
                scene_b = it.b
    _put_str(event, "content", p, content_a, content_b)
    _put_str(event, "scene", p, scene_a, scene_b)
    _put_bool(event, "welcome", welcome != 0)
    _put_int(event, "durationMs", duration_ms)
    _put_str(event, "text", p, text_a, text_b)
    _put_str(event, "textKey", p, text_key_a, text_key_b)
    _put_obj(event, "pieces", pieces)
    return event


cdef dict _system(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2, it3
    cdef Py_ssize_t content_a = 0, content_b = 0
    cdef Py_ssize_t text_a = 0, text_b = 0
    cdef Py_ssize_t text_key_a = 0, text_key_b = 0
    cdef list pieces = None
    cdef dict event = {"type": "systemMessage"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == WebcastSystemMessage_common:
                _common(p, n, it.a, it.b, event, key)
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == CommonMessageData_display_text:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 2:
                                    if it3.num == Text_key:
                                        text_key_a = it3.a
                                        text_key_b = it3.b
                                    elif it3.num == Text_default_pattern:
                                        text_a = it3.a
                                        text_b = it3.b
                                    elif it3.num == Text_pieces:
                                        if pieces is None:
                                            pieces = []
                                        pieces.append(_struct_text_piece(p, n, it3.a, it3.b))
            elif it.num == WebcastSystemMessage_message:
                content_a = it.a
                content_b = it.b
    _put_str(event, "content", p, content_a, content_b)
    _put_str(event, "text", p, text_a, text_b)
    _put_str(event, "textKey", p, text_key_a, text_key_b)
    _put_obj(event, "pieces", pieces)
    return event


cdef dict _room_notify(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2, it3
    cdef int64_t notify_type = 0
    cdef Py_ssize_t content_a = 0, content_b = 0
    cdef bint has_user = False
    cdef Py_ssize_t user_a = 0, user_b = 0
    cdef Py_ssize_t source_a = 0, source_b = 0
    cdef int64_t from_user_id = 0
    cdef int64_t to_anchor_id = 0
    cdef Py_ssize_t text_a = 0, text_b = 0
    cdef Py_ssize_t text_key_a = 0, text_key_b = 0
    cdef list pieces = None
    cdef dict event = {"type": "roomNotify"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastRoomNotifyMessage_notify_type:
                notify_type = _s64(_val(&it, p))
            elif it.num == WebcastRoomNotifyMessage_from_user_id:
                from_user_id = _s64(_val(&it, p))
            elif it.num == WebcastRoomNotifyMessage_to_anchor_id:
                to_anchor_id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastRoomNotifyMessage_common:
                _common(p, n, it.a, it.b, event, key)
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == CommonMessageData_display_text:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 2:
                                    if it3.num == Text_key:
                                        text_key_a = it3.a
                                        text_key_b = it3.b
                                    elif it3.num == Text_default_pattern:
                                        text_a = it3.a
                                        text_b = it3.b
                                    elif it3.num == Text_pieces:
                                        if pieces is None:
                                            pieces = []
                                        pieces.append(_struct_text_piece(p, n, it3.a, it3.b))
            elif it.num == WebcastRoomNotifyMessage_content:
                content_a = it.a
                content_b = it.b
            elif it.num == WebcastRoomNotifyMessage_user:
                has_user = True
                user_a = it.a
                user_b = it.b
            elif it.num == WebcastRoomNotifyMessage_source:
                source_a = it.a
                source_b = it.b
    _put_int(event, "notifyType", notify_type)
    _put_str(event, "content", p, content_a, content_b)
    _put_user(event, has_user, p, n, user_a, user_b, 0)
    _put_str(event, "source", p, source_a, source_b)
    _put_int(event, "fromUserId", from_user_id)
    _put_int(event, "toAnchorId", to_anchor_id)
    _put_str(event, "text", p, text_a, text_b)
    _put_str(event, "textKey", p, text_key_a, text_key_b)
    _put_obj(event, "pieces", pieces)
    return event


cdef dict _gift_broadcast(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2, it3, it4
    cdef int64_t from_user_id = 0
    cdef int64_t notify_type = 0
    cdef Py_ssize_t content_a = 0, content_b = 0
    cdef bint has_user = False
    cdef Py_ssize_t user_a = 0, user_b = 0
    cdef Py_ssize_t source_a = 0, source_b = 0
    cdef int64_t to_anchor_id = 0
    cdef Py_ssize_t text_a = 0, text_b = 0
    cdef Py_ssize_t text_key_a = 0, text_key_b = 0
    cdef list pieces = None
    cdef dict event = {"type": "giftBroadcast"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastGiftBroadcastMessage_from_user_id:
                from_user_id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastGiftBroadcastMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastGiftBroadcastMessage_notify:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == WebcastRoomNotifyMessage_notify_type:
                            notify_type = _s64(_val(&it2, p))
                        elif it2.num == WebcastRoomNotifyMessage_from_user_id:
                            from_user_id = _s64(_val(&it2, p))
                        elif it2.num == WebcastRoomNotifyMessage_to_anchor_id:
                            to_anchor_id = _s64(_val(&it2, p))
                    elif it2.wire == 2:
                        if it2.num == WebcastRoomNotifyMessage_common:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 2:
                                    if it3.num == CommonMessageData_display_text:
                                        _open(&it4, p, n, it3.a, it3.b)
                                        while _next(&it4, p):
                                            if it4.wire == 2:
                                                if it4.num == Text_key:
                                                    text_key_a = it4.a
                                                    text_key_b = it4.b
                                                elif it4.num == Text_default_pattern:
                                                    text_a = it4.a
                                                    text_b = it4.b
                                                elif it4.num == Text_pieces:
                                                    if pieces is None:
                                                        pieces = []
                                                    pieces.append(_struct_text_piece(p, n, it4.a, it4.b))
                        elif it2.num == WebcastRoomNotifyMessage_content:
                            content_a = it2.a
                            content_b = it2.b
                        elif it2.num == WebcastRoomNotifyMessage_user:
                            has_user = True
                            user_a = it2.a
                            user_b = it2.b
                        elif it2.num == WebcastRoomNotifyMessage_source:
                            source_a = it2.a
                            source_b = it2.b
    _put_int(event, "fromUserId", from_user_id)
    _put_int(event, "notifyType", notify_type)
    _put_str(event, "content", p, content_a, content_b)
    _put_user(event, has_user, p, n, user_a, user_b, 0)
    _put_str(event, "source", p, source_a, source_b)
    _put_int(event, "toAnchorId", to_anchor_id)
    _put_str(event, "text", p, text_a, text_b)
    _put_str(event, "textKey", p, text_key_a, text_key_b)
    _put_obj(event, "pieces", pieces)
    return event


cdef dict _hourly_rank(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2, it3
    cdef Py_ssize_t text_a = 0, text_b = 0
    cdef Py_ssize_t text_key_a = 0, text_key_b = 0
    cdef list pieces = None
    cdef dict event = {"type": "hourlyRank"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == WebcastHourlyRankMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastHourlyRankMessage_data:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == HourlyRankContainer_rankings:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 2:
                                    if it3.num == Text_key:
                                        text_key_a = it3.a
                                        text_key_b = it3.b
                                    elif it3.num == Text_default_pattern:
                                        text_a = it3.a
                                        text_b = it3.b
                                    elif it3.num == Text_pieces:
                                        if pieces is None:
                                            pieces = []
                                        pieces.append(_struct_text_piece(p, n, it3.a, it3.b))
    _put_str(event, "text", p, text_a, text_b)
    _put_str(event, "textKey", p, text_key_a, text_key_b)
    _put_obj(event, "pieces", pieces)
    return event


cdef dict _sub_pin_event(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2, it3
    cdef int64_t action = 0
    cdef int64_t card_type = 0
    cdef int64_t card_id = 0
    cdef Py_ssize_t title_a = 0, title_b = 0
    cdef int64_t operator_id = 0
    cdef dict event = {"type": "subPin"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastSubPinEventMessage_action_type:
                action = _s64(_val(&it, p))
            elif it.num == WebcastSubPinEventMessage_operator_user_id:
                operator_id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastSubPinEventMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastSubPinEventMessage_card:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == SubPinCard_type:
                            card_type = _s64(_val(&it2, p))
                        elif it2.num == SubPinCard_id:
                            card_id = _s64(_val(&it2, p))
                    elif it2.wire == 2:
                        if it2.num == SubPinCard_title:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 2:
                                    if it3.num == SubPinCardText_content:
                                        title_a = it3.a
                                        title_b = it3.b
    _put_int(event, "action", action)
    _put_int(event, "cardType", card_type)
    _put_int(event, "cardId", card_id)
    _put_str(event, "title", p, title_a, title_b)
    _put_int(event, "operatorId", operator_id)
    return event


cdef dict _bottom(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2, it3
    cdef Py_ssize_t content_a = 0, content_b = 0
    cdef int64_t text_type = 0
    cdef int64_t duration = 0
    cdef int64_t biz_type = 0
    cdef int64_t violation_user_id = 0
    cdef Py_ssize_t text_a = 0, text_b = 0
    cdef Py_ssize_t text_key_a = 0, text_key_b = 0
    cdef list pieces = None
    cdef dict event = {"type": "bottomMessage"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastBottomMessage_text_type:
                text_type = _s64(_val(&it, p))
            elif it.num == WebcastBottomMessage_duration:
                duration = _s64(_val(&it, p))
            elif it.num == WebcastBottomMessage_biz_type:
                biz_type = _s64(_val(&it, p))
            elif it.num == WebcastBottomMessage_violation_user_id:
                violation_user_id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastBottomMessage_common:
                _common(p, n, it.a, it.b, event, key)
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == CommonMessageData_display_text:
                            _open(&it3, p, n, it2.a, it2.b)
                            while _next(&it3, p):
                                if it3.wire == 2:
                                    if it3.num == Text_key:
                                        text_key_a = it3.a
                                        text_key_b = it3.b
                                    elif it3.num == Text_default_pattern:
                                        text_a = it3.a
                                        text_b = it3.b
                                    elif it3.num == Text_pieces:
                                        if pieces is None:
                                            pieces = []
                                        pieces.append(_struct_text_piece(p, n, it3.a, it3.b))
            elif it.num == WebcastBottomMessage_content:
                content_a = it.a
                content_b = it.b
    _put_str(event, "content", p, content_a, content_b)
    _put_int(event, "textType", text_type)
    _put_int(event, "duration", duration)
    _put_int(event, "bizType", biz_type)
    _put_int(event, "violationUserId", violation_user_id)
    _put_str(event, "text", p, text_a, text_b)
    _put_str(event, "textKey", p, text_key_a, text_key_b)
    _put_obj(event, "pieces", pieces)
    return event


cdef dict _unauthorized_member(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef int64_t action = 0
    cdef Py_ssize_t nickname_a = 0, nickname_b = 0
    cdef Py_ssize_t text_a = 0, text_b = 0
    cdef Py_ssize_t text_key_a = 0, text_key_b = 0
    cdef list pieces = None
    cdef dict event = {"type": "unauthorizedMember"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastUnauthorizedMemberMessage_action:
                action = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastUnauthorizedMemberMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastUnauthorizedMemberMessage_nick_name:
                nickname_a = it.a
                nickname_b = it.b
            elif it.num == WebcastUnauthorizedMemberMessage_enter_text:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == Text_key:
                            text_key_a = it2.a
                            text_key_b = it2.b
                        elif it2.num == Text_default_pattern:
                            text_a = it2.a
                            text_b = it2.b
                        elif it2.num == Text_pieces:
                            if pieces is None:
                                pieces = []
                            pieces.append(_struct_text_piece(p, n, it2.a, it2.b))
    _put_int(event, "action", action)
    _put_str(event, "nickname", p, nickname_a, nickname_b)
    _put_str(event, "text", p, text_a, text_b)
    _put_str(event, "textKey", p, text_key_a, text_key_b)
    _put_obj(event, "pieces", pieces)
    return event


cdef dict _access_recall(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef int64_t status = 0
    cdef int64_t duration = 0
    cdef int64_t end_time = 0
    cdef Py_ssize_t scene_a = 0, scene_b = 0
    cdef Py_ssize_t text_a = 0, text_b = 0
    cdef Py_ssize_t text_key_a = 0, text_key_b = 0
    cdef list pieces = None
    cdef dict event = {"type": "accessRecall"}
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastAccessRecallMessage_status:
                status = _s64(_val(&it, p))
            elif it.num == WebcastAccessRecallMessage_duration:
                duration = _s64(_val(&it, p))
            elif it.num == WebcastAccessRecallMessage_end_time:
                end_time = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastAccessRecallMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastAccessRecallMessage_scene:
                scene_a = it.a
                scene_b = it.b
            elif it.num == WebcastAccessRecallMessage_notice:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 2:
                        if it2.num == Text_key:
                            text_key_a = it2.a
                            text_key_b = it2.b
                        elif it2.num == Text_default_pattern:
                            text_a = it2.a
                            text_b = it2.b
                        elif it2.num == Text_pieces:
                            if pieces is None:
                                pieces = []
                            pieces.append(_struct_text_piece(p, n, it2.a, it2.b))
    _put_int(event, "status", status)
    _put_int(event, "duration", duration)
    _put_int(event, "endTime", end_time)
    _put_str(event, "scene", p, scene_a, scene_b)
    _put_str(event, "text", p, text_a, text_b)
    _put_str(event, "textKey", p, text_key_a, text_key_b)
    _put_obj(event, "pieces", pieces)
    return event


METHODS = {
    "WebcastChatMessage": 1,
    "WebcastGiftMessage": 2,
    "WebcastLikeMessage": 3,
    "WebcastMemberMessage": 4,
    "WebcastSocialMessage": 5,
    "WebcastSubNotifyMessage": 6,
    "WebcastRoomUserSeqMessage": 7,
    "WebcastLinkMicBattle": 8,
    "WebcastLinkMicArmies": 9,
    "WebcastRoomPinMessage": 10,
    "WebcastEmoteChatMessage": 11,
    "WebcastEnvelopeMessage": 12,
    "WebcastQuestionNewMessage": 13,
    "WebcastLiveIntroMessage": 14,
    "WebcastCaptionMessage": 15,
    "WebcastBarrageMessage": 16,
    "WebcastGoalUpdateMessage": 17,
    "WebcastRankUpdateMessage": 18,
    "WebcastPollMessage": 19,
    "WebcastInRoomBannerMessage": 20,
    "WebcastImDeleteMessage": 21,
    "WebcastControlMessage": 22,
    "WebcastLinkMicFanTicketMethod": 23,
    "WebcastLinkMicMethod": 24,
    "WebcastLinkLayerMessage": 25,
    "WebcastLinkMessage": 26,
    "WebcastRankTextMessage": 27,
    "WebcastLinkMicBattlePunishFinish": 28,
    "WebcastLinkmicBattleTaskMessage": 29,
    "WebcastLinkMicBattleItemCard": 30,
    "WebcastLinkmicBattleNoticeMessage": 31,
    "WebcastRoomMessage": 32,
    "WebcastSystemMessage": 33,
    "WebcastRoomNotifyMessage": 34,
    "WebcastGiftBroadcastMessage": 35,
    "WebcastHourlyRankMessage": 36,
    "WebcastSubPinEventMessage": 37,
    "WebcastBottomMessage": 38,
    "WebcastUnauthorizedMemberMessage": 39,
    "WebcastAccessRecallMessage": 40,
}
"""Webcast method -> internal decoder code. Names also arrive without the ``Webcast`` prefix."""


cdef dict _run(int code, const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    if code == 1:
        return _chat(p, n, a, b)
    elif code == 2:
        return _gift(p, n, a, b)
    elif code == 3:
        return _like(p, n, a, b)
    elif code == 4:
        return _member(p, n, a, b)
    elif code == 5:
        return _social(p, n, a, b)
    elif code == 6:
        return _sub_notify(p, n, a, b)
    elif code == 7:
        return _room_user_seq(p, n, a, b)
    elif code == 8:
        return _link_mic_battle(p, n, a, b)
    elif code == 9:
        return _link_mic_armies(p, n, a, b)
    elif code == 10:
        return _room_pin(p, n, a, b)
    elif code == 11:
        return _emote_chat(p, n, a, b)
    elif code == 12:
        return _envelope(p, n, a, b)
    elif code == 13:
        return _question_new(p, n, a, b)
    elif code == 14:
        return _live_intro(p, n, a, b)
    elif code == 15:
        return _caption(p, n, a, b)
    elif code == 16:
        return _barrage(p, n, a, b)
    elif code == 17:
        return _goal_update(p, n, a, b)
    elif code == 18:
        return _rank_update(p, n, a, b)
    elif code == 19:
        return _poll(p, n, a, b)
    elif code == 20:
        return _in_room_banner(p, n, a, b)
    elif code == 21:
        return _im_delete(p, n, a, b)
    elif code == 22:
        return _control(p, n, a, b)
    elif code == 23:
        return _link_mic_fan_ticket_method(p, n, a, b)
    elif code == 24:
        return _link_mic_method(p, n, a, b)
    elif code == 25:
        return _link_layer(p, n, a, b)
    elif code == 26:
        return _link(p, n, a, b)
    elif code == 27:
        return _rank_text(p, n, a, b)
    elif code == 28:
        return _link_mic_battle_punish_finish(p, n, a, b)
    elif code == 29:
        return _linkmic_battle_task(p, n, a, b)
    elif code == 30:
        return _link_mic_battle_item_card(p, n, a, b)
    elif code == 31:
        return _linkmic_battle_notice(p, n, a, b)
    elif code == 32:
        return _room(p, n, a, b)
    elif code == 33:
        return _system(p, n, a, b)
    elif code == 34:
        return _room_notify(p, n, a, b)
    elif code == 35:
        return _gift_broadcast(p, n, a, b)
    elif code == 36:
        return _hourly_rank(p, n, a, b)
    elif code == 37:
        return _sub_pin_event(p, n, a, b)
    elif code == 38:
        return _bottom(p, n, a, b)
    elif code == 39:
        return _unauthorized_member(p, n, a, b)
    elif code == 40:
        return _access_recall(p, n, a, b)
    return None
