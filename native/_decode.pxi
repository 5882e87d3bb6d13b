# The dict decoder: one function per struct and message, ``_pure``'s shapes. Included by _native.pyx.

# ---------------------------------------------------------------- shared structs


cdef int _first_url(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b,
                    Py_ssize_t* ra, Py_ssize_t* rb) except -1:
    """Range of the first ``url_list`` entry of an ``ImageModel`` (empty if none)."""
    cdef It it
    cdef bint found = False
    _open(&it, p, n, a, b)
    ra[0] = 0
    rb[0] = 0
    while _next(&it, p):  # to the end even after the first: the walk is the validation
        if it.num == ImageModel_url_list and it.wire == 2 and not found:
            ra[0] = it.a
            rb[0] = it.b
            found = True
    return 0


cdef int _text_key(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, Py_ssize_t* r) except -1:
    """Ranges of ``(key, default_pattern)`` of a ``Text`` into ``r[0:4]``."""
    cdef It it
    _open(&it, p, n, a, b)
    r[0] = r[1] = r[2] = r[3] = 0
    while _next(&it, p):
        if it.wire == 2:
            if it.num == Text_key:
                r[0] = it.a
                r[1] = it.b
            elif it.num == Text_default_pattern:
                r[2] = it.a
                r[3] = it.b
    return 0


cdef int _badge(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b,
                int64_t* scene_out, int64_t* level_out) except -1:
    """``(scene type, level)`` of a ``BadgeStruct``."""
    cdef It it, it2
    cdef int64_t scene = 0, level = 0
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.num == BadgeStruct_scene_type and it.wire == 0:
            scene = _s64(_val(&it, p))
        elif it.num == BadgeStruct_privilege_log_extra and it.wire == 2:
            _open(&it2, p, n, it.a, it.b)
            while _next(&it2, p):
                if it2.num == PrivilegeLogExtra_level and it2.wire == 2:
                    level = _decimal(p, it2.a, it2.b, 10)
    scene_out[0] = scene
    level_out[0] = level
    return 0


cdef dict _user(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, int identity):
    """A ``User`` reduced to the contract's User map (see ``_pure._user``)."""
    cdef It it, it2
    cdef int64_t uid = 0, followers = 0, follow_status = 0, gifter = 0, member = 0
    cdef int64_t scene = 0, level = 0
    cdef Py_ssize_t ida = 0, idb = 0, una = 0, unb = 0, nia = 0, nib = 0, ava = 0, avb = 0
    cdef bint moderator = False, subscriber = False
    cdef dict user
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == User_id:
                uid = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == User_nickname:
                nia = it.a
                nib = it.b
            elif it.num == User_avatar_thumb:
                _first_url(p, n, it.a, it.b, &ava, &avb)
            elif it.num == User_display_id:
                una = it.a
                unb = it.b
            elif it.num == User_follow_info:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == FollowInfo_follower_count:
                            followers = _s64(_val(&it2, p))
                        elif it2.num == FollowInfo_follow_status:
                            follow_status = _s64(_val(&it2, p))
            elif it.num == User_badge_list:
                _badge(p, n, it.a, it.b, &scene, &level)
                if scene == 1:
                    moderator = True
                elif scene == 4:
                    subscriber = True
                elif scene == 8:
                    gifter = level
                elif scene == 10:
                    member = level
            elif it.num == User_id_str:
                ida = it.a
                idb = it.b
    if uid == 0 and idb > ida:
        uid = _decimal(p, ida, idb, 20)
    user = {}
    _put_int(user, "id", uid)
    _put_str(user, "uniqueId", p, una, unb)
    _put_str(user, "nickname", p, nia, nib)
    _put_str(user, "avatar", p, ava, avb)
    _put_int(user, "followerCount", followers)
    _put_bool(user, "isModerator", moderator or (identity & 4))
    _put_bool(user, "isSubscriber", subscriber or (identity & 1))
    if identity & 16:  # the message's identity block decides (see _pure._user)
        _put_bool(user, "isFollower", identity & 10)
        _put_bool(user, "isFriend", identity & 8)
    else:
        _put_bool(user, "isFollower", follow_status >= 1)
        _put_bool(user, "isFriend", follow_status == 2)
    _put_int(user, "gifterLevel", gifter)
    _put_int(user, "memberLevel", member)
    return user


cdef inline int _put_user(dict event, bint has_user, const u8* p, Py_ssize_t n,
                          Py_ssize_t a, Py_ssize_t b, int identity) except -1:
    """``_put(event, "user", _user_with_identity(...))``."""
    cdef dict user
    if has_user:
        user = _user(p, n, a, b, identity)
        if user:
            event["user"] = user
    return 0


cdef int _identity(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b) except -1:
    """``UserIdentity`` as bits: 1 subscriber, 2 follower, 4 moderator, 8 mutual, 16 the block is present."""
    cdef It it
    cdef int bits = 16
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0 and _val(&it, p):
            if it.num == UserIdentity_is_subscriber_of_anchor:
                bits |= 1
            elif it.num == UserIdentity_is_follower_of_anchor:
                bits |= 2
            elif it.num == UserIdentity_is_moderator_of_anchor:
                bits |= 4
            elif it.num == UserIdentity_is_mutual_following_with_anchor:
                bits |= 8
    return bits


cdef int _common(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, dict event,
                 Py_ssize_t* key) except -1:
    """Put ``msgId``/``createTime`` from ``CommonMessageData``; its text key range into ``key``."""
    cdef It it
    cdef int64_t msg_id = 0, created = 0
    cdef Py_ssize_t text[4]
    _open(&it, p, n, a, b)
    key[0] = key[1] = 0
    while _next(&it, p):
        if it.wire == 0:
            if it.num == CommonMessageData_msg_id:
                msg_id = _s64(_val(&it, p))
            elif it.num == CommonMessageData_create_time:
                created = _s64(_val(&it, p))
        elif it.num == CommonMessageData_display_text and it.wire == 2:
            _text_key(p, n, it.a, it.b, text)
            key[0] = text[0]
            key[1] = text[1]
    _put_int(event, "msgId", msg_id)
    _put_int(event, "createTime", created)
    return 0


cdef dict _emote(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef Py_ssize_t ia = 0, ib = 0, ua = 0, ub = 0
    cdef dict emote
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 2:
            if it.num == Emote_emote_id:
                ia = it.a
                ib = it.b
            elif it.num == Emote_image:
                _first_url(p, n, it.a, it.b, &ua, &ub)
    emote = {}
    _put_str(emote, "id", p, ia, ib)
    _put_str(emote, "url", p, ua, ub)
    return emote


# ---------------------------------------------------------------- messages


cdef dict _chat(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef dict event = {"type": "chat"}
    cdef dict emote, mention
    cdef list emotes = None, mentions = None, mentioned = None
    cdef bint has_user = False, has_at = False
    cdef Py_ssize_t ata = 0, atb = 0
    cdef int identity = 0
    cdef int64_t index
    cdef Py_ssize_t ua = 0, ub = 0, ca = 0, cb = 0, la = 0, lb = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.num == WebcastChatMessage_mention_user_list and (it.wire == 0 or it.wire == 2):
            mentioned = _ints(p, n, &it, mentioned)
        if it.wire != 2:
            continue
        if it.num == WebcastChatMessage_common:
            _common(p, n, it.a, it.b, event, key)
        elif it.num == WebcastChatMessage_user:
            has_user = True
            ua = it.a
            ub = it.b
        elif it.num == WebcastChatMessage_content:
            ca = it.a
            cb = it.b
        elif it.num == WebcastChatMessage_emotes:
            index = 0
            emote = {}
            _open(&it2, p, n, it.a, it.b)
            while _next(&it2, p):
                if it2.num == EmoteWithIndex_index and it2.wire == 0:
                    index = _s64(_val(&it2, p))
                elif it2.num == EmoteWithIndex_emote and it2.wire == 2:
                    emote = _emote(p, n, it2.a, it2.b)
            if index:
                emote["index"] = index
            if emotes is None:
                emotes = []
            emotes.append(emote)
        elif it.num == WebcastChatMessage_content_language:
            la = it.a
            lb = it.b
        elif it.num == WebcastChatMessage_user_identity:
            identity = _identity(p, n, it.a, it.b)
        elif it.num == WebcastChatMessage_mention_users:
            mention = _user(p, n, it.a, it.b, 0)
            if mention:
                if mentions is None:
                    mentions = []
                mentions.append(mention)
        elif it.num == WebcastChatMessage_at_user:
            has_at = True
            ata = it.a
            atb = it.b
    _put_user(event, has_user, p, n, ua, ub, identity)
    _put_str(event, "comment", p, ca, cb)
    _put_str(event, "language", p, la, lb)
    _put_obj(event, "emotes", emotes)
    if not mentions and mentioned:
        mentions = [{"id": uid} for uid in mentioned if uid]
    if not mentions and has_at:
        mention = _user(p, n, ata, atb, 0)
        mentions = [mention] if mention else None
    _put_obj(event, "mentions", mentions)
    return event


cdef dict _gift(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef dict event = {"type": "gift"}
    cdef bint has_user = False
    cdef int identity = 0
    cdef int64_t gift_id = 0, repeat_count = 0, group_id = 0, to_user = 0
    cdef int64_t gift_type = 0, diamonds = 0
    cdef uint64_t repeat_end = 0
    cdef Py_ssize_t ua = 0, ub = 0, na = 0, nb = 0, ia = 0, ib = 0, da = 0, db = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastGiftMessage_gift_id:
                gift_id = _s64(_val(&it, p))
            elif it.num == WebcastGiftMessage_repeat_count:
                repeat_count = _s64(_val(&it, p))
            elif it.num == WebcastGiftMessage_repeat_end:
                repeat_end = _val(&it, p)
            elif it.num == WebcastGiftMessage_group_id:
                group_id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastGiftMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastGiftMessage_user:
                has_user = True
                ua = it.a
                ub = it.b
            elif it.num == WebcastGiftMessage_to_user:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.num == User_id and it2.wire == 0:
                        to_user = _s64(_val(&it2, p))
            elif it.num == WebcastGiftMessage_gift:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == Gift_id and not gift_id:
                            gift_id = _s64(_val(&it2, p))
                        elif it2.num == Gift_type:
                            gift_type = _s64(_val(&it2, p))
                        elif it2.num == Gift_diamond_count:
                            diamonds = _s64(_val(&it2, p))
                    elif it2.wire == 2:
                        if it2.num == Gift_name:
                            na = it2.a
                            nb = it2.b
                        elif it2.num == Gift_image:
                            _first_url(p, n, it2.a, it2.b, &ia, &ib)
                        elif it2.num == Gift_describe:
                            da = it2.a
                            db = it2.b
            elif it.num == WebcastGiftMessage_user_identity:
                identity = _identity(p, n, it.a, it.b)
    _put_user(event, has_user, p, n, ua, ub, identity)
    _put_int(event, "giftId", gift_id)
    _put_str(event, "giftName", p, na, nb)
    _put_int(event, "diamondCount", diamonds)
    _put_int(event, "repeatCount", repeat_count)
    _put_bool(event, "repeatEnd", repeat_end != 0)
    _put_int(event, "giftType", gift_type)
    _put_int(event, "groupId", group_id)
    _put_bool(event, "streaking", gift_type == 1 and repeat_end == 0)
    _put_str(event, "giftImage", p, ia, ib)
    _put_int(event, "toUserId", to_user)
    _put_str(event, "describe", p, da, db)
    return event


cdef dict _social(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {}
    cdef dict out
    cdef bint has_user = False
    cdef int64_t action = 0, share_type = 0, follow_count = 0, share_count = 0
    cdef Py_ssize_t ua = 0, ub = 0, ta = 0, tb = 0
    cdef Py_ssize_t key[2]
    cdef str text_key, kind
    key[0] = key[1] = 0
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastSocialMessage_action:
                action = _s64(_val(&it, p))
            elif it.num == WebcastSocialMessage_share_type:
                share_type = _s64(_val(&it, p))
            elif it.num == WebcastSocialMessage_follow_count:
                follow_count = _s64(_val(&it, p))
            elif it.num == WebcastSocialMessage_share_count:
                share_count = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastSocialMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastSocialMessage_user:
                has_user = True
                ua = it.a
                ub = it.b
            elif it.num == WebcastSocialMessage_share_target:
                ta = it.a
                tb = it.b
    text_key = _str(p, key[0], key[1])
    if "follow" in text_key or (not text_key and action == 1):
        kind = "follow"
    elif "share" in text_key or (not text_key and action == 3):
        kind = "share"
    else:
        kind = "social"
    out = {"type": kind}
    out.update(event)
    _put_user(out, has_user, p, n, ua, ub, 0)
    if kind == "follow":
        _put_int(out, "followCount", follow_count)
    elif kind == "share":
        _put_int(out, "shareType", share_type)
        _put_int(out, "shareCount", share_count)
        _put_str(out, "shareTarget", p, ta, tb)
    else:
        _put_int(out, "action", action)
    return out


cdef dict _control(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {}
    cdef dict out
    cdef int64_t action = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.num == WebcastControlMessage_action and it.wire == 0:
            action = _s64(_val(&it, p))
        elif it.num == WebcastControlMessage_common and it.wire == 2:
            _common(p, n, it.a, it.b, event, key)
    out = {"type": "streamEnd" if action == 3 or action == 4 else "control"}
    out.update(event)
    _put_int(out, "action", action)
    return out


cdef int _map_value(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b,
                    int64_t* key, Py_ssize_t* value) except -1:
    """Key of a ``map<int64, Message>`` entry; its value range into ``value[0:2]``.

    Returns 1 when the entry has a value, else 0.
    """
    cdef It it
    cdef int has = 0
    _open(&it, p, n, a, b)
    key[0] = 0
    while _next(&it, p):
        if it.num == MapEntry_key and it.wire == 0:
            key[0] = _s64(_val(&it, p))
        elif it.num == MapEntry_value and it.wire == 2:
            has = 1
            value[0] = it.a
            value[1] = it.b
    return has


cdef dict _battle_anchor(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef int64_t user_id = 0
    cdef Py_ssize_t ua = 0, ub = 0, na = 0, nb = 0, aa = 0, ab = 0
    cdef dict anchor
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0 and it.num == BattleBaseUserInfo_user_id:
            user_id = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == BattleBaseUserInfo_nick_name:
                na = it.a
                nb = it.b
            elif it.num == BattleBaseUserInfo_avatar_thumb:
                _first_url(p, n, it.a, it.b, &aa, &ab)
            elif it.num == BattleBaseUserInfo_display_id:
                ua = it.a
                ub = it.b
    anchor = {}
    _put_int(anchor, "id", user_id)
    _put_str(anchor, "uniqueId", p, ua, ub)
    _put_str(anchor, "nickname", p, na, nb)
    _put_str(anchor, "avatar", p, aa, ab)
    return anchor


cdef dict _link_mic_battle(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef dict event = {"type": "battle"}
    cdef dict result, anchor
    cdef int64_t battle_id = 0, action = 0, status = 0, duration = 0, start = 0
    cdef int64_t map_key, user_id, outcome, score
    cdef list results = None, anchors = None
    cdef Py_ssize_t key[2]
    cdef Py_ssize_t value[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastLinkMicBattle_battle_id:
                battle_id = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicBattle_action:
                action = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastLinkMicBattle_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastLinkMicBattle_battle_setting:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == BattleSetting_status:
                            status = _s64(_val(&it2, p))
                        elif it2.num == BattleSetting_duration:
                            duration = _s64(_val(&it2, p))
                        elif it2.num == BattleSetting_start_time_ms:
                            start = _s64(_val(&it2, p))
                        elif it2.num == BattleSetting_battle_id and not battle_id:
                            battle_id = _s64(_val(&it2, p))
            elif it.num == WebcastLinkMicBattle_battle_result:
                result = {}
                if _map_value(p, n, it.a, it.b, &map_key, value):
                    user_id = outcome = score = 0
                    _open(&it2, p, n, value[0], value[1])
                    while _next(&it2, p):
                        if it2.wire == 0:
                            if it2.num == BattleResult_user_id:
                                user_id = _s64(_val(&it2, p))
                            elif it2.num == BattleResult_result:
                                outcome = _s64(_val(&it2, p))
                            elif it2.num == BattleResult_score:
                                score = _s64(_val(&it2, p))
                    _put_int(result, "userId", user_id)
                    _put_int(result, "result", outcome)
                    _put_int(result, "score", score)
                if results is None:
                    results = []
                results.append(result)
            elif it.num == WebcastLinkMicBattle_anchor_info:
                anchor = {}
                if _map_value(p, n, it.a, it.b, &map_key, value):
                    _open(&it2, p, n, value[0], value[1])
                    while _next(&it2, p):
                        if it2.num == BattleUserInfo_user and it2.wire == 2:
                            anchor = _battle_anchor(p, n, it2.a, it2.b)
                if anchors is None:
                    anchors = []
                anchors.append(anchor)
    _put_int(event, "battleId", battle_id)
    _put_int(event, "action", action)
    _put_int(event, "status", status)
    _put_int(event, "duration", duration)
    _put_int(event, "startTime", start)
    _put_obj(event, "results", results)
    _put_obj(event, "anchors", anchors)
    return event


cdef dict _battle_team(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef int64_t anchor_id = 0, score = 0, user_id, points
    cdef Py_ssize_t value[2]
    cdef Py_ssize_t na, nb
    cdef list supporters = None
    cdef dict supporter, team
    if _map_value(p, n, a, b, &anchor_id, value):
        _open(&it, p, n, value[0], value[1])
        while _next(&it, p):
            if it.num == BattleUserArmies_host_score and it.wire == 0:
                score = _s64(_val(&it, p))
            elif it.num == BattleUserArmies_user_armies and it.wire == 2:
                user_id = points = 0
                na = nb = 0
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == BattleUserArmy_user_id:
                            user_id = _s64(_val(&it2, p))
                        elif it2.num == BattleUserArmy_score:
                            points = _s64(_val(&it2, p))
                    elif it2.num == BattleUserArmy_nickname and it2.wire == 2:
                        na = it2.a
                        nb = it2.b
                supporter = {}
                _put_int(supporter, "userId", user_id)
                _put_str(supporter, "nickname", p, na, nb)
                _put_int(supporter, "score", points)
                if supporters is None:
                    supporters = []
                supporters.append(supporter)
    team = {}
    _put_int(team, "anchorId", anchor_id)
    _put_int(team, "score", score)
    _put_obj(team, "supporters", supporters)
    return team


cdef int64_t _settings_status(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b) except? -1:
    """``status`` of a ``BattleSetting``."""
    cdef It it
    cdef int64_t status = 0
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.num == BattleSetting_status and it.wire == 0:
            status = _s64(_val(&it, p))
    return status


cdef dict _link_mic_armies(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {"type": "battleArmies"}
    cdef int64_t battle_id = 0, status = 0, trigger = 0, from_user = 0, gift_id = 0, gift_count = 0
    cdef int64_t diamonds = 0
    cdef list teams = None
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastLinkMicArmies_battle_id:
                battle_id = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicArmies_trigger_reason:
                trigger = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicArmies_from_user_id:
                from_user = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicArmies_gift_id:
                gift_id = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicArmies_gift_count:
                gift_count = _s64(_val(&it, p))
            elif it.num == WebcastLinkMicArmies_total_diamond_count:
                diamonds = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastLinkMicArmies_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastLinkMicArmies_battle_items:
                if teams is None:
                    teams = []
                teams.append(_battle_team(p, n, it.a, it.b))
            elif it.num == WebcastLinkMicArmies_battle_settings:
                status = _settings_status(p, n, it.a, it.b)
    _put_int(event, "battleId", battle_id)
    _put_int(event, "status", status)
    _put_int(event, "triggerReason", trigger)
    _put_int(event, "fromUserId", from_user)
    _put_int(event, "giftId", gift_id)
    _put_int(event, "giftCount", gift_count)
    _put_int(event, "totalDiamonds", diamonds)
    _put_obj(event, "teams", teams)
    return event


cdef dict _room_pin(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef dict event = {"type": "roomPin"}
    cdef dict pinned = None
    cdef int64_t action = 0, pin_time = 0, duration = 0, operator_id = 0
    cdef Py_ssize_t ma = 0, mb = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastRoomPinMessage_action:
                action = _s64(_val(&it, p))
            elif it.num == WebcastRoomPinMessage_pin_time:
                pin_time = _s64(_val(&it, p))
            elif it.num == WebcastRoomPinMessage_display_duration:
                duration = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastRoomPinMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastRoomPinMessage_method:
                ma = it.a
                mb = it.b
            elif it.num == WebcastRoomPinMessage_operator:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.num == User_id and it2.wire == 0:
                        operator_id = _s64(_val(&it2, p))
            elif it.num == WebcastRoomPinMessage_chat_message:
                pinned = _chat(p, n, it.a, it.b)
            elif it.num == WebcastRoomPinMessage_social_message:
                pinned = _social(p, n, it.a, it.b)
            elif it.num == WebcastRoomPinMessage_gift_message:
                pinned = _gift(p, n, it.a, it.b)
            elif it.num == WebcastRoomPinMessage_member_message:
                pinned = _member(p, n, it.a, it.b)
            elif it.num == WebcastRoomPinMessage_like_message:
                pinned = _like(p, n, it.a, it.b)
    _put_int(event, "action", action)
    _put_int(event, "pinTime", pin_time)
    _put_int(event, "duration", duration)
    _put_str(event, "originalType", p, ma, mb)
    _put_int(event, "operatorId", operator_id)
    _put_obj(event, "pinned", pinned)
    return event


cdef dict _emote_chat(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it
    cdef dict event = {"type": "emote"}
    cdef dict first
    cdef list emotes = None
    cdef bint has_user = False
    cdef int identity = 0
    cdef Py_ssize_t ua = 0, ub = 0
    cdef Py_ssize_t key[2]
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire != 2:
            continue
        if it.num == WebcastEmoteChatMessage_common:
            _common(p, n, it.a, it.b, event, key)
        elif it.num == WebcastEmoteChatMessage_user:
            has_user = True
            ua = it.a
            ub = it.b
        elif it.num == WebcastEmoteChatMessage_emote_list:
            if emotes is None:
                emotes = []
            emotes.append(_emote(p, n, it.a, it.b))
        elif it.num == WebcastEmoteChatMessage_user_identity:
            identity = _identity(p, n, it.a, it.b)
    _put_user(event, has_user, p, n, ua, ub, identity)
    if emotes:
        first = emotes[0]
        _put_obj(event, "emoteId", first.get("id", ""))
        _put_obj(event, "emoteUrl", first.get("url", ""))
    _put_obj(event, "emotes", emotes)
    return event


cdef dict _barrage(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef It it, it2
    cdef dict event = {"type": "barrage"}
    cdef int64_t barrage_type = 0, duration = 0, level = 0, sub_count = 0, source = 0
    cdef bint has_user = False
    cdef Py_ssize_t ua = 0, ub = 0
    cdef Py_ssize_t key[2]
    cdef Py_ssize_t text[4]
    text[0] = text[1] = text[2] = text[3] = 0
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastBarrageMessage_msg_type:
                barrage_type = _s64(_val(&it, p))
            elif it.num == WebcastBarrageMessage_duration:
                duration = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastBarrageMessage_common:
                _common(p, n, it.a, it.b, event, key)
            elif it.num == WebcastBarrageMessage_content:
                _text_key(p, n, it.a, it.b, text)
            elif it.num == WebcastBarrageMessage_user_grade_param or it.num == WebcastBarrageMessage_fans_level_param:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.num == BarrageUserGradeParam_current_grade and it2.wire == 0:
                        level = _s64(_val(&it2, p))
                    elif it2.num == BarrageUserGradeParam_user and it2.wire == 2:
                        has_user = True
                        ua = it2.a
                        ub = it2.b
            elif it.num == WebcastBarrageMessage_subscribe_gift_param:
                _open(&it2, p, n, it.a, it.b)
                while _next(&it2, p):
                    if it2.wire == 0:
                        if it2.num == BarrageSubscribeGiftParam_gift_sub_count:
                            sub_count = _s64(_val(&it2, p))
                        elif it2.num == BarrageSubscribeGiftParam_gift_source:
                            source = _s64(_val(&it2, p))
    _put_int(event, "barrageType", barrage_type)
    _put_str(event, "textKey", p, text[0], text[1])
    _put_str(event, "text", p, text[2], text[3])
    _put_int(event, "duration", duration)
    _put_user(event, has_user, p, n, ua, ub, 0)
    _put_int(event, "level", level)
    _put_int(event, "subCount", sub_count)
    _put_int(event, "giftSource", source)
    return event


cdef struct SubGoal:
    # A ``LiveStreamSubGoal``: ``_pure._sub_goal``'s tuple.
    int64_t type
    int64_t id
    int64_t progress
    int64_t target
    Py_ssize_t name_a
    Py_ssize_t name_b


cdef int _sub_goal(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, SubGoal* g) except -1:
    cdef It it, it2
    g.type = g.id = g.progress = g.target = 0
    g.name_a = g.name_b = 0
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == LiveStreamSubGoal_type:
                g.type = _s64(_val(&it, p))
            elif it.num == LiveStreamSubGoal_id:
                g.id = _s64(_val(&it, p))
            elif it.num == LiveStreamSubGoal_progress:
                g.progress = _s64(_val(&it, p))
            elif it.num == LiveStreamSubGoal_target:
                g.target = _s64(_val(&it, p))
        elif it.num == LiveStreamSubGoal_gift and it.wire == 2:
            _open(&it2, p, n, it.a, it.b)
            while _next(&it2, p):
                if it2.num == LiveStreamSubGoalGift_name and it2.wire == 2:
                    g.name_a = it2.a
                    g.name_b = it2.b
    return 0


cdef struct GoalUpdate:
    # What a goal update publishes (``_pure._goal_update``).
    int64_t contributor
    int64_t count
    int64_t score
    Py_ssize_t uid_a
    Py_ssize_t uid_b
    bint has_common
    Py_ssize_t common_a
    Py_ssize_t common_b
    SubGoal sub


cdef int _goal_scan(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b, GoalUpdate* g) except -1:
    """The scan of ``_pure._goal_update``; the caller reads the common block (``g.common_*``) last."""
    cdef It it
    cdef SubGoal listed, twin
    cdef bint contributed = False, goal = False, found = False
    cdef Py_ssize_t ca = 0, cb = 0, ga = 0, gb = 0
    g.contributor = g.count = g.score = 0
    g.uid_a = g.uid_b = g.common_a = g.common_b = 0
    g.has_common = False
    _open(&it, p, n, a, b)
    while _next(&it, p):
        if it.wire == 0:
            if it.num == WebcastGoalUpdateMessage_contributor_id:
                g.contributor = _s64(_val(&it, p))
            elif it.num == WebcastGoalUpdateMessage_contribute_count:
                g.count = _s64(_val(&it, p))
            elif it.num == WebcastGoalUpdateMessage_contribute_score:
                g.score = _s64(_val(&it, p))
        elif it.wire == 2:
            if it.num == WebcastGoalUpdateMessage_common:
                g.has_common = True
                g.common_a = it.a
                g.common_b = it.b
            elif it.num == WebcastGoalUpdateMessage_contributor_display_id:
                g.uid_a = it.a
                g.uid_b = it.b
            elif it.num == WebcastGoalUpdateMessage_contribute_subgoal:
                contributed = True
                ca = it.a
                cb = it.b
            elif it.num == WebcastGoalUpdateMessage_goal:
                goal = True
                ga = it.a
                gb = it.b
    g.sub.type = g.sub.id = g.sub.progress = g.sub.target = 0
    g.sub.name_a = g.sub.name_b = 0
    if contributed:
        _sub_goal(p, n, ca, cb, &g.sub)
    if goal:
        _open(&it, p, n, ga, gb)
        while _next(&it, p):
            if it.num == LiveStreamGoal_sub_goals and it.wire == 2:
                _sub_goal(p, n, it.a, it.b, &listed)
                if not found and (not contributed or listed.id == g.sub.id):
                    twin = listed
                    found = True
    if found:
        if g.sub.type == 0:
            g.sub.type = twin.type
        if g.sub.progress == 0:
            g.sub.progress = twin.progress
        if g.sub.target == 0:
            g.sub.target = twin.target
        if g.sub.name_b == g.sub.name_a:
            g.sub.name_a = twin.name_a
            g.sub.name_b = twin.name_b
    return 0


cdef dict _goal_update(const u8* p, Py_ssize_t n, Py_ssize_t a, Py_ssize_t b):
    cdef dict event = {"type": "goal"}
    cdef GoalUpdate g
    cdef Py_ssize_t key[2]
    _goal_scan(p, n, a, b, &g)
    if g.has_common:
        _common(p, n, g.common_a, g.common_b, event, key)
    _put_int(event, "contributorId", g.contributor)
    _put_str(event, "contributorUniqueId", p, g.uid_a, g.uid_b)
    _put_int(event, "contributeCount", g.count)
    _put_int(event, "contributeScore", g.score)
    _put_int(event, "goalType", g.sub.type)
    _put_int(event, "progress", g.sub.progress)
    _put_int(event, "target", g.sub.target)
    _put_str(event, "giftName", p, g.sub.name_a, g.sub.name_b)
    return event


cdef list _ints(const u8* p, Py_ssize_t n, It* it, list into):
    """Append a repeated int64 field's values, packed (wire 2) or not (wire 0)."""
    cdef Py_ssize_t pos
    cdef uint64_t value
    if into is None:
        into = []
    if it.wire == 0:
        into.append(_s64(_val(it, p)))
        return into
    pos = it.a
    while pos < it.b:
        _varint(p, n, &pos, &value)
        into.append(_s64(value))
    if pos > it.b:
        raise TruncatedError("packed varint runs past the end of its field")
    return into
