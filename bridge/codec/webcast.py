"""Encoders for TikTok-shaped webcast messages and frames.

The simulator and the fake TikTok build their traffic with these, and the live
connection builds its outgoing heartbeat, ack and enter-room frames with them.
Messages come out the way TikTok sends them: fields out of numeric order, and
padded with the fields a bridge ignores (image URL lists, badges, nested
structs), so decoders are exercised on realistic bytes of realistic size.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ._schema import (
    BadgeStruct_display,
    BadgeStruct_display_type,
    BadgeStruct_image,
    BadgeStruct_privilege_log_extra,
    BadgeStruct_scene_type,
    BaseProtoMessage_method,
    BaseProtoMessage_msg_id,
    BaseProtoMessage_msg_type,
    BaseProtoMessage_payload,
    CommonMessageData_client_send_time,
    CommonMessageData_create_time,
    CommonMessageData_describe,
    CommonMessageData_display_text,
    CommonMessageData_filter_msg_tags,
    CommonMessageData_from_idc,
    CommonMessageData_is_show_msg,
    CommonMessageData_log_id,
    CommonMessageData_method,
    CommonMessageData_msg_id,
    CommonMessageData_priority_score,
    CommonMessageData_room_id,
    CommonMessageData_to_idc,
    FansClubBadge_icons,
    FansClubBadge_IconsEntry_key,
    FansClubBadge_IconsEntry_value,
    FansClubBadge_title,
    FansClubData_badge,
    FansClubData_club_name,
    FansClubData_level,
    FansClubData_status,
    FansClubInfo_badge,
    FansClubInfo_fans_club_name,
    FansClubInfo_fans_level,
    FansClubInfo_fans_score,
    FansClubMember_data,
    FollowInfo_follow_status,
    FollowInfo_follower_count,
    FollowInfo_following_count,
    Gift_combo,
    Gift_describe,
    Gift_diamond_count,
    Gift_duration,
    Gift_icon,
    Gift_id,
    Gift_image,
    Gift_is_displayed_on_panel,
    Gift_name,
    Gift_primary_effect_id,
    Gift_type,
    HeartBeatMessage_room_id,
    HeartBeatMessage_send_packet_seq_id,
    ImageBadge_display_type,
    ImageBadge_image,
    ImageModel_avg_color,
    ImageModel_height,
    ImageModel_uri,
    ImageModel_url_list,
    ImageModel_width,
    MapEntry_key,
    MapEntry_value,
    PrivilegeLogExtra_data_version,
    PrivilegeLogExtra_level,
    PrivilegeLogExtra_privilege_id,
    PrivilegeLogExtra_privilege_order_id,
    PrivilegeLogExtra_privilege_version,
    ProtoMessageFetchResult_cursor,
    ProtoMessageFetchResult_fetch_interval,
    ProtoMessageFetchResult_fetch_type,
    ProtoMessageFetchResult_heartbeat_duration,
    ProtoMessageFetchResult_internal_ext,
    ProtoMessageFetchResult_is_first,
    ProtoMessageFetchResult_messages,
    ProtoMessageFetchResult_need_ack,
    ProtoMessageFetchResult_now,
    ProtoMessageFetchResult_push_server,
    ProtoMessageFetchResult_route_params,
    PushHeader_key,
    PushHeader_value,
    SubscribeBadge_origin_img,
    SubscribeBadge_preview_img,
    SubscribeInfo_badge,
    SubscribeInfo_is_subscribe,
    SubscribeInfo_qualification,
    SubscribeInfo_subscriber_count,
    Text_default_format,
    Text_default_pattern,
    Text_key,
    Text_pieces,
    TextFormat_color,
    TextFormat_font_size,
    TextFormat_weight,
    TextPiece_type,
    TextPiece_user_value,
    TextPieceUser_user,
    TextPieceUser_with_colon,
    User_avatar_border,
    User_avatar_jpg,
    User_avatar_large,
    User_avatar_medium,
    User_avatar_thumb,
    User_badge_image_list,
    User_badge_list,
    User_create_time,
    User_display_id,
    User_fans_club,
    User_fans_club_info,
    User_follow_info,
    User_id,
    User_id_str,
    User_is_follower,
    User_nickname,
    User_sec_uid,
    User_signature,
    User_subscribe_info,
    User_user_attr,
    UserAttr_is_admin,
    UserAttr_is_muted,
    UserIdentity_is_anchor,
    UserIdentity_is_follower_of_anchor,
    UserIdentity_is_moderator_of_anchor,
    UserIdentity_is_mutual_following_with_anchor,
    UserIdentity_is_subscriber_of_anchor,
    WebcastControlMessage_action,
    WebcastControlMessage_common,
    WebcastControlMessage_tips,
    WebcastImEnterRoomMessage_filter_welcome_msg,
    WebcastImEnterRoomMessage_identity,
    WebcastImEnterRoomMessage_live_id,
    WebcastImEnterRoomMessage_room_id,
    WebcastPushFrame_headers,
    WebcastPushFrame_log_id,
    WebcastPushFrame_payload,
    WebcastPushFrame_payload_encoding,
    WebcastPushFrame_payload_type,
    WebcastPushFrame_seq_id,
)
from .protowire import (
    bool_field,
    bytes_field,
    int_field,
    map_entry,
    message_field,
    str_field,
)

__all__ = [
    "SimUser",
    "ack_frame",
    "control",
    "enter_room_frame",
    "fetch_result",
    "heartbeat_frame",
    "inner",
    "push_frame",
]

_HOSTS = ("p16-sign-va", "p19-sign", "p77-sign-va", "p16-sign-useast2a")


def _digest(*parts: object) -> str:
    return hashlib.sha1(repr(parts).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class SimUser:
    """A viewer as the simulator models it."""

    id: int
    unique_id: str
    nickname: str
    followers: int = 0
    follow_status: int = 0  # 0 none, 1 follower, 2 friend; gift messages say 3 for a follower
    moderator: bool = False
    subscriber: bool = False
    gifter_level: int = 0
    member_level: int = 0


def image(key: str, size: int = 100, urls: int = 3) -> bytes:
    """An ``ImageModel`` with a list of signed CDN URLs (one per CDN host), as TikTok sends them."""
    digest = _digest(key)
    uri = f"tos-maliva-avt-0068/{digest[:32]}"
    url_list = [
        f"https://{_HOSTS[n % len(_HOSTS)]}.tiktokcdn.com/{uri}~tplv-tiktokx-cropcenter:{size}:{size}"
        f".{'webp' if n % 2 == 0 else 'jpeg'}?dr=14579&x-expires=1790000000"
        f"&x-signature={digest[n : n + 27]}%3D"
        for n in range(urls)
    ]
    return b"".join(
        [
            *(str_field(ImageModel_url_list, url) for url in url_list),
            str_field(ImageModel_uri, uri),
            int_field(ImageModel_height, size),
            int_field(ImageModel_width, size),
            str_field(ImageModel_avg_color, "#A3A3A3"),
        ]
    )


def _badge(scene: int, level: int, key: str) -> bytes:
    return b"".join(
        [
            int_field(BadgeStruct_display_type, 1),
            int_field(BadgeStruct_scene_type, scene),
            message_field(
                BadgeStruct_privilege_log_extra,
                str_field(PrivilegeLogExtra_data_version, "2"),
                str_field(PrivilegeLogExtra_privilege_id, str(7100000000000000000 + scene * 1000 + level)),
                str_field(PrivilegeLogExtra_privilege_version, "0"),
                str_field(PrivilegeLogExtra_privilege_order_id, str(7200000000000000000 + level)),
                str_field(PrivilegeLogExtra_level, str(level)),
            ),
            message_field(
                BadgeStruct_image,
                int_field(ImageBadge_display_type, 1),
                message_field(ImageBadge_image, image(f"badge:{key}:{scene}", 32, 1)),
            ),
            bool_field(BadgeStruct_display, True),
        ]
    )


def user_ref(u: SimUser) -> bytes:
    """The short ``User`` TikTok embeds in text pieces."""
    return b"".join(
        [
            int_field(User_id, u.id),
            str_field(User_nickname, u.nickname),
            str_field(User_display_id, u.unique_id),
        ]
    )


def _fans_club(u: SimUser) -> bytes:
    """The fans-club member block (24) and its summary (66) of a fans-club member."""
    badge = image(f"fans:{u.member_level}", 48, 1)
    data = b"".join(
        [
            str_field(FansClubData_club_name, "Host fam"),
            int_field(FansClubData_level, u.member_level),
            int_field(FansClubData_status, 1),
            message_field(
                FansClubData_badge,
                map_entry(
                    FansClubBadge_icons,
                    int_field(FansClubBadge_IconsEntry_key, 1),
                    message_field(FansClubBadge_IconsEntry_value, badge),
                ),
                str_field(FansClubBadge_title, "Host fam"),
            ),
        ]
    )
    info = b"".join(
        [
            int_field(FansClubInfo_fans_level, u.member_level),
            int_field(FansClubInfo_fans_score, u.member_level * 120),
            message_field(FansClubInfo_badge, badge),
            str_field(FansClubInfo_fans_club_name, "Host fam"),
        ]
    )
    return message_field(User_fans_club, message_field(FansClubMember_data, data)) + message_field(
        User_fans_club_info, info
    )


def short_user(u: SimUser) -> bytes:
    """The short ``User`` with its avatar that questions and intros carry (about 0.7 KB)."""
    return user_ref(u) + message_field(User_avatar_thumb, image(f"avatar:{u.id}", 100, 3))


def user(u: SimUser, detail: int = 1) -> bytes:
    """A ``User`` message: identity, avatars, follow info and badges.

    ``detail`` 0 is the light user of member and question messages (about 0.9 KB, one badge at
    most), 1 the usual one (about 1.2 KB), 2 the heavy one of gift messages (about 2.2 KB: every
    avatar size, every badge, the fans-club and subscription blocks with their images).
    """
    badges = []
    if u.moderator:
        badges.append(_badge(1, 0, u.unique_id))
    if u.subscriber:
        badges.append(_badge(4, 1, u.unique_id))
    if u.gifter_level:
        badges.append(_badge(8, u.gifter_level, u.unique_id))
    if u.member_level:
        badges.append(_badge(10, u.member_level, u.unique_id))
    follow = []
    if u.follow_status:
        follow = [
            int_field(FollowInfo_following_count, 80 + u.id % 400),
            int_field(FollowInfo_follow_status, u.follow_status),
        ]
    if u.followers:
        follow.append(int_field(FollowInfo_follower_count, u.followers))
    extra: list[bytes] = []
    if detail >= 1:
        extra += [
            message_field(User_avatar_medium, image(f"avatar:{u.id}", 720, 1)),
            message_field(
                User_user_attr,
                bool_field(UserAttr_is_muted, False),
                bool_field(UserAttr_is_admin, u.moderator),
            ),
        ]
    if detail >= 2:
        extra += [
            message_field(User_avatar_large, image(f"avatar:{u.id}", 1080, 1)),
            message_field(User_avatar_jpg, image(f"avatar:{u.id}", 100, 1)),
            *([_fans_club(u)] if u.member_level else []),
            *(
                message_field(User_badge_image_list, image(f"grade:{u.gifter_level}", 32, 1))
                for _ in badges[:2]
            ),
            message_field(
                User_subscribe_info,
                bool_field(SubscribeInfo_qualification, True),
                bool_field(SubscribeInfo_is_subscribe, u.subscriber),
                message_field(
                    SubscribeInfo_badge,
                    message_field(SubscribeBadge_origin_img, image("sub-badge", 48, 1)),
                    message_field(SubscribeBadge_preview_img, image("sub", 48, 1)),
                ),
                int_field(SubscribeInfo_subscriber_count, 1200),
            ),
            *(
                [message_field(User_avatar_border, image(f"border:{u.gifter_level}", 120, 2))]
                if u.gifter_level > 20
                else []
            ),
        ]
    return b"".join(
        [
            int_field(User_id, u.id),
            str_field(User_nickname, u.nickname),
            message_field(User_avatar_thumb, image(f"avatar:{u.id}", 100, 3)),
            str_field(User_display_id, u.unique_id),
            str_field(User_sec_uid, "MS4wLjABAAAA" + _digest(u.id)[:32] + "_" + _digest(u.id, 1)[:20]),
            message_field(User_follow_info, *follow),
            *(bytes_field(User_badge_list, badge) for badge in badges[: detail + 1]),
            str_field(User_id_str, str(u.id)),
            *extra,
            int_field(User_create_time, 1_600_000_000 + u.id % 100_000_000),
            str_field(User_signature, "streams daily | gaming | music"),
            bool_field(User_is_follower, u.follow_status in (1, 2, 3)),
        ]
    )


def identity(u: SimUser) -> bytes:
    """A ``UserIdentity`` consistent with the user's flags."""
    return b"".join(
        [
            bool_field(UserIdentity_is_subscriber_of_anchor, u.subscriber),
            bool_field(UserIdentity_is_mutual_following_with_anchor, u.follow_status == 2),
            bool_field(UserIdentity_is_follower_of_anchor, u.follow_status >= 1),
            bool_field(UserIdentity_is_moderator_of_anchor, u.moderator),
            bool_field(UserIdentity_is_anchor, False),
        ]
    )


def user_piece(u: SimUser, whole: bool = False) -> bytes:
    """A ``Text.pieces`` entry naming ``u`` (piece type 11): the short reference, or (``whole``) a light
    ``User``, as display texts on the wire carry."""
    return message_field(
        Text_pieces,
        int_field(TextPiece_type, 11),
        message_field(
            TextPiece_user_value,
            message_field(TextPieceUser_user, user(u, 0) if whole else user_ref(u)),
            bool_field(TextPieceUser_with_colon, False),
        ),
    )


def text(key: str, pattern: str, users: Sequence[SimUser] = (), whole: bool = False) -> bytes:
    """A ``Text`` with a format and one user piece per user (``whole``: see :func:`user_piece`)."""
    pieces = [user_piece(u, whole) for u in users]
    return b"".join(
        [
            str_field(Text_key, key),
            str_field(Text_default_pattern, pattern),
            message_field(
                Text_default_format,
                str_field(TextFormat_color, "#ffffffff"),
                int_field(TextFormat_weight, 400),
                int_field(TextFormat_font_size, 14),
            ),
            *pieces,
        ]
    )


def common(
    method: str,
    msg_id: int,
    room_id: int,
    create_time: int,
    display: bytes = b"",
    describe: str = "",
    slim: bool = False,
) -> bytes:
    """A ``CommonMessageData``; ``slim`` is the bare one of small notices (method, ids, time)."""
    head = [
        str_field(CommonMessageData_method, method),
        int_field(CommonMessageData_msg_id, msg_id),
        int_field(CommonMessageData_room_id, room_id),
        int_field(CommonMessageData_create_time, create_time),
    ]
    if slim:
        return b"".join(head)
    return b"".join(
        [
            *head,
            bool_field(CommonMessageData_is_show_msg, True),
            str_field(CommonMessageData_describe, describe),
            *([bytes_field(CommonMessageData_display_text, display)] if display else []),
            int_field(CommonMessageData_priority_score, 50),
            str_field(CommonMessageData_log_id, _digest(msg_id)[:30].upper()),
            str_field(CommonMessageData_from_idc, "useast5"),
            str_field(CommonMessageData_to_idc, "useast5"),
            str_field(CommonMessageData_filter_msg_tags, "live"),
            int_field(CommonMessageData_client_send_time, create_time - 35),
        ]
    )


def gift_struct(gift_id: int, name: str, diamonds: int, gift_type: int) -> bytes:
    """A ``Gift`` description with its images."""
    return b"".join(
        [
            message_field(Gift_image, image(f"gift:{gift_id}", 100)),
            str_field(Gift_describe, f"sent {name}"),
            int_field(Gift_duration, 1000),
            int_field(Gift_id, gift_id),
            bool_field(Gift_combo, gift_type == 1),
            int_field(Gift_type, gift_type),
            int_field(Gift_diamond_count, diamonds),
            bool_field(Gift_is_displayed_on_panel, True),
            str_field(Gift_name, name),
            message_field(Gift_icon, image(f"gift-icon:{gift_id}", 100, 1)),
            int_field(Gift_primary_effect_id, 3000 + gift_id % 1000),
        ]
    )


def control(msg_id: int, room_id: int, create_time: int, action: int, describe: str = "") -> bytes:
    """A ``BaseProtoMessage`` carrying a ``WebcastControlMessage`` (action 3: the stream ended)."""
    method = "WebcastControlMessage"
    head = common(method, msg_id, room_id, create_time, describe=describe)
    payload = b"".join(
        [
            message_field(WebcastControlMessage_common, head),
            int_field(WebcastControlMessage_action, action),
            str_field(WebcastControlMessage_tips, ""),
        ]
    )
    return inner(method, payload, msg_id)


def inner(method: str, payload: bytes, msg_id: int) -> bytes:
    """A ``BaseProtoMessage`` carrying one encoded message."""
    return b"".join(
        [
            str_field(BaseProtoMessage_method, method),
            bytes_field(BaseProtoMessage_payload, payload),
            int_field(BaseProtoMessage_msg_id, msg_id),
            int_field(BaseProtoMessage_msg_type, 1),
        ]
    )


def fetch_result(
    messages: Iterable[bytes],
    *,
    cursor: str,
    now: int,
    internal_ext: str,
    need_ack: bool = True,
    push_server: str = "",
    route_params: dict[str, str] | None = None,
    heartbeat_duration: int = 10_000,
    is_first: bool = False,
) -> bytes:
    """A ``ProtoMessageFetchResult`` around encoded ``BaseProtoMessage`` records."""
    params = route_params or {}
    return b"".join(
        [
            *(bytes_field(ProtoMessageFetchResult_messages, m) for m in messages),
            str_field(ProtoMessageFetchResult_cursor, cursor),
            int_field(ProtoMessageFetchResult_fetch_interval, 1000),
            int_field(ProtoMessageFetchResult_now, now),
            str_field(ProtoMessageFetchResult_internal_ext, internal_ext),
            int_field(ProtoMessageFetchResult_fetch_type, 1),
            *(
                map_entry(
                    ProtoMessageFetchResult_route_params,
                    str_field(MapEntry_key, k),
                    str_field(MapEntry_value, v),
                )
                for k, v in params.items()
            ),
            int_field(ProtoMessageFetchResult_heartbeat_duration, heartbeat_duration),
            bool_field(ProtoMessageFetchResult_need_ack, need_ack),
            *([str_field(ProtoMessageFetchResult_push_server, push_server)] if push_server else []),
            bool_field(ProtoMessageFetchResult_is_first, is_first),
        ]
    )


def push_frame(
    payload_type: str,
    payload: bytes,
    *,
    seq_id: int = 0,
    log_id: int = 0,
    compress: bool = False,
    headers: dict[str, str] | None = None,
) -> bytes:
    """A ``WebcastPushFrame``; ``compress`` gzips the payload and says so in a header."""
    all_headers = dict(headers or {})
    if compress:
        payload = gzip.compress(payload, compresslevel=6, mtime=0)
        all_headers["compress_type"] = "gzip"
    return b"".join(
        [
            *([int_field(WebcastPushFrame_seq_id, seq_id)] if seq_id else []),
            *([int_field(WebcastPushFrame_log_id, log_id)] if log_id else []),
            *(
                message_field(
                    WebcastPushFrame_headers,
                    str_field(PushHeader_key, k),
                    str_field(PushHeader_value, v),
                )
                for k, v in all_headers.items()
            ),
            str_field(WebcastPushFrame_payload_encoding, "pb"),
            str_field(WebcastPushFrame_payload_type, payload_type),
            bytes_field(WebcastPushFrame_payload, payload),
        ]
    )


def heartbeat_frame(room_id: int, seq: int) -> bytes:
    """The ``hb`` frame a client sends every heartbeat interval."""
    body = int_field(HeartBeatMessage_room_id, room_id) + int_field(HeartBeatMessage_send_packet_seq_id, seq)
    return push_frame("hb", body)


def ack_frame(log_id: int, internal_ext: str) -> bytes:
    """The ``ack`` frame a client sends for a ``need_ack`` frame."""
    return push_frame("ack", (internal_ext or "-").encode("utf-8"), log_id=log_id)


def enter_room_frame(room_id: int) -> bytes:
    """The ``im_enter_room`` frame a client sends once connected."""
    body = b"".join(
        [
            int_field(WebcastImEnterRoomMessage_room_id, room_id),
            int_field(WebcastImEnterRoomMessage_live_id, 12),
            str_field(WebcastImEnterRoomMessage_identity, "audience"),
            str_field(WebcastImEnterRoomMessage_filter_welcome_msg, "0"),
        ]
    )
    return push_frame("im_enter_room", body)
