"""The event contract: every event type and field the bridge publishes, defined once.

Everything else derives from this module: ``docs/events.md`` and
``docs/contract.json`` are generated from it by ``scripts/gen_contract.py`` (a test
proves the committed files are current), the decoders' dispatch tables are checked
against :data:`EVENTS`, and :func:`validate` checks any event against it.

Rules that hold for every event:

* An event is a msgpack map with short camelCase keys.
* Keys whose value is empty (``0``, ``""``, ``false``, empty list or map) are
  omitted; a missing key means its zero value.
* Integers are 64-bit; TikTok ids fit in a signed int64.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CHANGELOG",
    "CONTRACT_VERSION",
    "DEFAULTS",
    "Default",
    "ENVELOPE",
    "EVENTS",
    "EVENTS_BY_NAME",
    "IGNORED_METHODS",
    "STRUCTS",
    "WIRE_SOURCES",
    "is_empty",
    "Event",
    "Field",
    "Struct",
    "render_json",
    "render_markdown",
    "validate",
]

CONTRACT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Field:
    """One key of an event or struct.

    ``type`` is ``int``, ``float``, ``str``, ``bool``, ``bin``, ``map`` (free-form),
    ``event`` (a nested event map), a struct name, or ``[T]`` for a list of T.
    """

    name: str
    type: str
    doc: str


@dataclass(frozen=True, slots=True)
class Struct:
    """A named map shape used inside events (``User``, ``Emote``...)."""

    name: str
    doc: str
    fields: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """One event type: its name, the webcast methods it comes from, and its fields."""

    name: str
    doc: str
    fields: tuple[Field, ...]
    methods: tuple[str, ...] = ()
    system: bool = False


# ------------------------------------------------------------ wire defaults
# What the daemon and the engine clients must agree on besides the events: default
# endpoints, the heartbeat rhythm and the ZMTP limits. bridge/config.py reads its
# defaults from here; the engines get generated constants (docs/contract.json).

DEFAULT_HOST = "127.0.0.1"
PUBLISHER_PORT = 5556
CONTROL_PORT = 5557
FORWARDER_PORT = 5558
CONSOLE_PORT = 5559
PUBLISHER_ENDPOINT = f"tcp://{DEFAULT_HOST}:{PUBLISHER_PORT}"
CONTROL_ENDPOINT = f"tcp://{DEFAULT_HOST}:{CONTROL_PORT}"
FORWARDER_ENDPOINT = f"tcp://{DEFAULT_HOST}:{FORWARDER_PORT}"
HEARTBEAT_INTERVAL = 1.0
LIVENESS_INTERVALS = 2
MAX_MESSAGE_BYTES = 16 * 1024 * 1024
MAX_MESSAGE_FRAMES = 256


@dataclass(frozen=True, slots=True)
class Default:
    """One value the daemon and the engines share, under a camelCase name."""

    name: str
    value: str | int | float
    doc: str


DEFAULTS: tuple[Default, ...] = (
    Default(
        "publisherEndpoint", PUBLISHER_ENDPOINT, "The daemon's event feed (ZeroMQ PUB), `publisher.endpoint`."
    ),
    Default(
        "controlEndpoint",
        CONTROL_ENDPOINT,
        "The daemon's control endpoint (ZeroMQ ROUTER), `control.endpoint`.",
    ),
    Default(
        "forwarderEndpoint", FORWARDER_ENDPOINT, "Where daemons publish into a forwarder, `proxy.frontend`."
    ),
    Default("consolePort", CONSOLE_PORT, "The web console's port on 127.0.0.1, `console.port`."),
    Default(
        "heartbeatInterval",
        HEARTBEAT_INTERVAL,
        "Seconds between `sys.heartbeat` messages, `publisher.heartbeat_interval`; engines assume it"
        " until a heartbeat's `interval` announces the daemon's own.",
    ),
    Default(
        "livenessIntervals",
        LIVENESS_INTERVALS,
        "Heartbeat intervals without any traffic after which an engine drops the link and reconnects.",
    ),
    Default(
        "maxMessageBytes",
        MAX_MESSAGE_BYTES,
        "Largest ZeroMQ message (all frames together) an engine accepts; larger is a protocol error.",
    ),
    Default("maxMessageFrames", MAX_MESSAGE_FRAMES, "Most frames in one ZeroMQ message an engine accepts."),
)
"""The shared defaults, in the order docs/events.md lists them."""


def _f(name: str, type_: str, doc: str) -> Field:
    return Field(name, type_, doc)


ENVELOPE: tuple[Field, ...] = (
    _f("type", "str", "Event type, one of the names below."),
    _f("room", "str", "The creator's uniqueId (without @) this event belongs to."),
    _f("roomId", "int", "TikTok's numeric room id."),
    _f("seq", "int", "Publication counter, monotonic per daemon; gaps mean lost messages."),
    _f("ts", "int", "Time the daemon published the event, Unix milliseconds."),
    _f("msgId", "int", "TikTok's message id, where TikTok gives one."),
    _f("createTime", "int", "Time TikTok created the message, Unix milliseconds."),
    _f(
        "simulated",
        "bool",
        "Injected through the control channel's `simulate`, not from TikTok; on `giftFinal` and"
        " `streamSummary`: made from simulated events only (the stream's own ledger never counts them).",
    ),
    _f("daemon", "str", "The publishing daemon (`publisher.daemon_id`), when several share a forwarder."),
)
"""Keys every upstream event may carry besides its own fields."""

STRUCTS: tuple[Struct, ...] = (
    Struct(
        "User",
        "A viewer or creator, reduced to what games use.",
        (
            _f("id", "int", "Numeric user id."),
            _f("uniqueId", "str", "The @handle, without @."),
            _f("nickname", "str", "Display name."),
            _f("avatar", "str", "URL of the small avatar image."),
            _f("followerCount", "int", "The user's follower count."),
            _f("isModerator", "bool", "Moderator of this room."),
            _f("isSubscriber", "bool", "Subscriber of this creator."),
            _f(
                "isFollower",
                "bool",
                "Follows this creator: the message's identity block when it has one (chat, gift, emote),"
                " else a follow status of 1 or more.",
            ),
            _f(
                "isFriend",
                "bool",
                "Follows and is followed by this creator (mutual): the identity block's mutual flag when"
                " the message has one, else a follow status of exactly 2.",
            ),
            _f("gifterLevel", "int", "Gifter (user grade) level badge."),
            _f("memberLevel", "int", "Fan club level badge."),
        ),
    ),
    Struct(
        "Emote",
        "A subscriber emote.",
        (
            _f("id", "str", "Emote id."),
            _f("url", "str", "Image URL."),
            _f("index", "int", "Position in the chat text where the emote stands."),
        ),
    ),
    Struct(
        "Contributor",
        "A top viewer in the room ranking.",
        (
            _f("user", "User", "The viewer."),
            _f("score", "int", "Coins contributed."),
            _f("rank", "int", "Rank, 1 is top."),
        ),
    ),
    Struct(
        "BattleResult",
        "One side's standing in a battle.",
        (
            _f("userId", "int", "Host user id of this side."),
            _f("result", "int", "0 win, 1 lose, 2 draw."),
            _f("score", "int", "Points."),
        ),
    ),
    Struct(
        "BattleAnchor",
        "A host taking part in a battle.",
        (
            _f("id", "int", "Host user id."),
            _f("uniqueId", "str", "Host @handle."),
            _f("nickname", "str", "Host display name."),
            _f("avatar", "str", "Host avatar URL."),
        ),
    ),
    Struct(
        "BattleTeam",
        "Points of one host's side and its top supporters.",
        (
            _f("anchorId", "int", "Host user id of this side."),
            _f("score", "int", "Points of this side."),
            _f("supporters", "[Supporter]", "Top supporters of this side."),
        ),
    ),
    Struct(
        "Supporter",
        "A viewer's contribution to a battle side.",
        (
            _f("userId", "int", "Viewer user id."),
            _f("nickname", "str", "Viewer display name."),
            _f("score", "int", "Points contributed."),
        ),
    ),
    Struct(
        "Caption",
        "One language of a caption line.",
        (
            _f("lang", "str", "Language code."),
            _f("text", "str", "Caption text."),
        ),
    ),
    Struct(
        "GiftTotal",
        "One gift type's total in a stream.",
        (
            _f("giftId", "int", "Gift id."),
            _f("giftName", "str", "Gift name."),
            _f("count", "int", "How many."),
            _f("diamonds", "int", "Their diamonds."),
        ),
    ),
    Struct(
        "Gifter",
        "A viewer's diamonds in a stream.",
        (_f("user", "User", "The viewer."), _f("diamonds", "int", "Diamonds sent.")),
    ),
    Struct(
        "RankEntry",
        "The creator's position in one ranking.",
        (
            _f("rankType", "int", "Ranking kind."),
            _f("rank", "int", "The creator's rank in it."),
        ),
    ),
    Struct(
        "HostScore",
        "One host's score in a co-host session or battle.",
        (
            _f("userId", "int", "Host user id."),
            _f("score", "int", "The host's fan tickets (live score)."),
            _f("totalScore", "int", "The host's match total."),
            _f("rank", "int", "The host's rank in the match."),
        ),
    ),
    Struct(
        "CoHost",
        "A host taking part in a co-host session (ids from the link lists, names from the user map).",
        (
            _f("id", "int", "Host user id."),
            _f("uniqueId", "str", "Host @handle."),
            _f("nickname", "str", "Host display name."),
            _f("roomId", "int", "The host's room id."),
        ),
    ),
    Struct(
        "LinkedUser",
        "A user linked to (or applying to join) the host's live.",
        (_f("user", "User", "The user."),),
    ),
    Struct(
        "PollOption",
        "One option of a poll.",
        (
            _f("index", "int", "Option index, from 0."),
            _f("text", "str", "The option's text."),
            _f("votes", "int", "Votes so far (0 at the start)."),
        ),
    ),
    Struct(
        "TextPiece",
        "One piece of a TikTok text template: piece n fills the template's placeholder `{n:...}`. From"
        " `Text.pieces` (4): `type` (1), `string_value` (11), `user_value.user` (21.1),"
        " `gift_value.gift_id` (22.1) and `gift_value.name_ref.default_pattern` (22.2.2).",
        (
            _f(
                "kind",
                "int",
                "TikTok's piece type number (user pieces carry 11; the public schemas give the values no"
                " names).",
            ),
            _f("text", "str", "A string piece's text."),
            _f("user", "User", "A user piece's user."),
            _f("giftId", "int", "A gift piece's gift id."),
            _f("giftName", "str", "A gift piece's gift name."),
        ),
    ),
)

_USER = _f("user", "User", "Who did it.")
_NOTICE_USER = _f("user", "User", "The user the notice is about, when TikTok attaches one.")
_TEXT = (
    _f("text", "str", "The text template TikTok shows, e.g. `{0:user} joined` (its pattern)."),
    _f("textKey", "str", "The template's translation key, e.g. `live_room_enter_toast`."),
    _f("pieces", "[TextPiece]", "What fills the template's placeholders, in order."),
)
_GIFT_SOURCE = _f(
    "giftSource",
    "int",
    "Gifted subscriptions: 1 platform, 2 bought for a random viewer, 3 bought for a chosen one.",
)

EVENTS: tuple[Event, ...] = (
    Event(
        "chat",
        "A chat comment.",
        (
            _USER,
            _f("comment", "str", "The comment text."),
            _f("language", "str", "Language TikTok detected."),
            _f("emotes", "[Emote]", "Subscriber emotes inside the comment."),
            _f(
                "mentions",
                "[User]",
                "Users the comment @mentions: the mention list, else the mentioned ids (as users with"
                " only an id), else the single at-user.",
            ),
        ),
        ("WebcastChatMessage",),
    ),
    Event(
        "gift",
        "A gift. Streakable gifts (giftType 1) arrive once per combo step with a rising"
        " repeatCount and `streaking` true, then once more with repeatEnd true: count"
        " only events where `streaking` is absent.",
        (
            _USER,
            _f("giftId", "int", "Gift id."),
            _f("giftName", "str", "Gift name, e.g. Rose."),
            _f("diamondCount", "int", "Diamond value of one gift."),
            _f("repeatCount", "int", "Gifts so far in this streak (1 for single gifts)."),
            _f("repeatEnd", "bool", "This frame closes the streak."),
            _f("giftType", "int", "1 streakable, others arrive once."),
            _f("groupId", "int", "Streak id (shared by all frames of one streak)."),
            _f("streaking", "bool", "A type-1 streak still in progress: do not count yet."),
            _f("giftImage", "str", "Gift image URL."),
            _f("toUserId", "int", "Receiver when the gift goes to a guest, not the host."),
            _f("describe", "str", "The gift's own description text (e.g. `sent Rose`)."),
        ),
        ("WebcastGiftMessage",),
    ),
    Event(
        "like",
        "Likes, batched by TikTok.",
        (
            _USER,
            _f("likeCount", "int", "Likes in this event."),
            _f("totalLikes", "int", "The room's cumulative likes."),
        ),
        ("WebcastLikeMessage",),
    ),
    Event(
        "member",
        "A viewer joined (action 1) or another membership change.",
        (
            _USER,
            _f("action", "int", "1 joined, 3 subscribed, others moderation."),
            _f("memberCount", "int", "Viewer count TikTok attached."),
        ),
        ("WebcastMemberMessage",),
    ),
    Event(
        "follow",
        "A viewer followed the creator.",
        (_USER, _f("followCount", "int", "The creator's follower count after it.")),
        ("WebcastSocialMessage",),
    ),
    Event(
        "share",
        "A viewer shared the stream.",
        (
            _USER,
            _f("shareType", "int", "Share channel."),
            _f("shareCount", "int", "Shares by this viewer."),
            _f("shareTarget", "str", "Where it was shared."),
        ),
        ("WebcastSocialMessage",),
    ),
    Event(
        "social",
        "A social message that is neither a follow nor a share.",
        (_USER, _f("action", "int", "TikTok's social action code.")),
        ("WebcastSocialMessage",),
    ),
    Event(
        "subscribe",
        "A viewer subscribed (or renewed, or was gifted a subscription).",
        (
            _USER,
            _f("subMonth", "int", "Months subscribed."),
            _f("subscribeType", "int", "TikTok's subscribe type."),
            _f("gifted", "bool", "The subscription was a gift."),
            _GIFT_SOURCE,
        ),
        ("WebcastSubNotifyMessage",),
    ),
    Event(
        "roomUserSeq",
        "Viewer counts and the top viewers.",
        (
            _f("viewerCount", "int", "Current viewers."),
            _f("totalViewers", "int", "Cumulative viewers of this stream."),
            _f("topViewers", "[Contributor]", "Top viewers by coins."),
        ),
        ("WebcastRoomUserSeqMessage",),
    ),
    Event(
        "battle",
        "A LIVE battle (link-mic battle) changed state.",
        (
            _f("battleId", "int", "Battle id."),
            _f("action", "int", "1 invite, 2 reject, 3 cancel, 4 open, 5 finish, 6 cut short, 7 accept."),
            _f(
                "status",
                "int",
                "Battle status from the settings: 0 not started, 1 started, 2 finished,"
                " 3 punishment started, 4 punishment finished.",
            ),
            _f("duration", "int", "Duration in seconds."),
            _f("startTime", "int", "Start, Unix milliseconds."),
            _f("results", "[BattleResult]", "Standings."),
            _f("anchors", "[BattleAnchor]", "The hosts in the battle."),
        ),
        ("WebcastLinkMicBattle",),
    ),
    Event(
        "battleArmies",
        "Battle points changed after a gift.",
        (
            _f("battleId", "int", "Battle id."),
            _f(
                "status",
                "int",
                "Battle status from the battle settings block: 0 not started, 1 started, 2 finished,"
                " 3 punishment started, 4 punishment finished.",
            ),
            _f(
                "triggerReason",
                "int",
                "Why TikTok sent it: 1 score update, 2 battle end, 3 opt-out, 4 keep-alive, 5 effect.",
            ),
            _f("fromUserId", "int", "Viewer whose gift moved the points."),
            _f("giftId", "int", "That gift."),
            _f("giftCount", "int", "How many of it."),
            _f("totalDiamonds", "int", "Diamonds of that gift event."),
            _f("teams", "[BattleTeam]", "Each side's points and supporters."),
        ),
        ("WebcastLinkMicArmies",),
    ),
    Event(
        "roomPin",
        "The host or a moderator pinned (action 1) or unpinned (2) a message.",
        (
            _f("action", "int", "1 pin, 2 unpin."),
            _f("pinTime", "int", "When, Unix milliseconds."),
            _f("duration", "int", "How long it stays pinned, seconds."),
            _f("originalType", "str", "Webcast method of the pinned message."),
            _f("operatorId", "int", "Who pinned it."),
            _f("pinned", "event", "The pinned message, decoded as its own event."),
        ),
        ("WebcastRoomPinMessage",),
    ),
    Event(
        "emote",
        "A subscriber emote sent on its own.",
        (
            _USER,
            _f("emoteId", "str", "First emote id."),
            _f("emoteUrl", "str", "First emote image URL."),
            _f("emotes", "[Emote]", "All emotes."),
        ),
        ("WebcastEmoteChatMessage",),
    ),
    Event(
        "envelope",
        "A treasure chest / envelope was dropped.",
        (
            _f("envelopeId", "str", "Envelope id."),
            _f("diamondCount", "int", "Diamonds inside."),
            _f("peopleCount", "int", "How many can open it."),
            _f("senderName", "str", "Who dropped it."),
            _f("senderId", "str", "Their user id."),
            _f("businessType", "int", "19 is a super fan box."),
            _f("unpackAt", "int", "When it opens, Unix seconds."),
        ),
        ("WebcastEnvelopeMessage",),
    ),
    Event(
        "question",
        "A viewer asked a Q&A question.",
        (
            _USER,
            _f("questionId", "int", "Question id."),
            _f("questionText", "str", "The question."),
        ),
        ("WebcastQuestionNewMessage",),
    ),
    Event(
        "liveIntro",
        "The creator's stream introduction.",
        (
            _USER,
            _f("content", "str", "Introduction text."),
            _f("language", "str", "Its language."),
        ),
        ("WebcastLiveIntroMessage",),
    ),
    Event(
        "caption",
        "A live caption line.",
        (
            _f("captions", "[Caption]", "The line in each language."),
            _f("timestampMs", "int", "Stream time of the line."),
            _f("durationMs", "int", "How long it is spoken."),
            _f("sentenceId", "int", "Sentence id."),
            _f("definite", "bool", "Final version of this sentence."),
        ),
        ("WebcastCaptionMessage",),
    ),
    Event(
        "barrage",
        "A banner line: super fan joins, level-ups, subscription notices.",
        (
            _f(
                "barrageType",
                "int",
                "4 subscribe, 7 subscription gift, 8 user upgrade, 9 gifter-level entrance, 10 fans level"
                " up, 11 fans-level entrance, 100 common.",
            ),
            _f("textKey", "str", "TikTok's text template key (e.g. pm_mt_fan_live_join)."),
            _f("text", "str", "The text template."),
            _f("duration", "int", "Display time, ms."),
            _f("user", "User", "The user concerned, when given."),
            _f("level", "int", "The level: reached (8, 10) or of the entering user (9, 11)."),
            _f("subCount", "int", "Subscriptions gifted, for subscription gifts (7)."),
            _GIFT_SOURCE,
        ),
        ("WebcastBarrageMessage",),
    ),
    Event(
        "goal",
        "Progress on a stream goal.",
        (
            _f("contributorId", "int", "Viewer who contributed."),
            _f("contributorUniqueId", "str", "Their @handle."),
            _f("contributeCount", "int", "Items contributed."),
            _f("contributeScore", "int", "Score contributed."),
            _f("goalType", "int", "Sub-goal type."),
            _f(
                "progress",
                "int",
                "Sub-goal progress: the contributing sub-goal, completed from the goal's own sub-goal list"
                " (matched by id); without a contribution, the list's first sub-goal.",
            ),
            _f("target", "int", "Sub-goal target (same sub-goal)."),
            _f(
                "giftName",
                "str",
                "Gift the sub-goal counts: TikTok leaves it out of the contributing sub-goal, so it comes"
                " from the same sub-goal in the goal's list.",
            ),
        ),
        ("WebcastGoalUpdateMessage",),
    ),
    Event(
        "rank",
        "The creator's position in TikTok's rankings changed.",
        (
            _f("ranks", "[RankEntry]", "Rankings and the creator's place."),
            _f("groupType", "int", "Ranking group."),
        ),
        ("WebcastRankUpdateMessage",),
    ),
    Event(
        "poll",
        "A poll started (0), ended (1) or was updated (2). TikTok sends the options with every"
        " poll message; the votes in update and end messages.",
        (
            _f("pollId", "int", "Poll id."),
            _f("pollAction", "int", "0 start, 1 end, 2 update."),
            _f(
                "pollKind", "int", "0 normal, 1 gift, 2 custom options, 3 custom gift, 4 quick gift, 5 emote."
            ),
            _f("title", "str", "Poll title (start block, or the basic-info block)."),
            _f("startTime", "int", "Start, Unix milliseconds (start block)."),
            _f("endTime", "int", "Planned end, Unix milliseconds (start block); time left is endTime - now."),
            _f("options", "[PollOption]", "The options with their votes (start, update and end blocks)."),
            _f("endType", "int", "How it ended: 0 time up, 1 by the host, 2 by another user, 3 by an admin."),
            _f("giftId", "int", "Gift that votes, for gift polls (basic-info block)."),
            _f("voterCount", "int", "Voters so far (basic-info block)."),
            _f("duration", "int", "Poll length, seconds (basic-info block)."),
            _f("timeRemain", "int", "Seconds left (basic-info block)."),
        ),
        ("WebcastPollMessage",),
    ),
    Event(
        "banner",
        "An in-room banner; TikTok sends its content as JSON text.",
        (_f("data", "str", "The banner's JSON text."),),
        ("WebcastInRoomBannerMessage",),
    ),
    Event(
        "imDelete",
        "Messages or users' messages were deleted by moderation.",
        (
            _f(
                "msgIds", "[int]", "Deleted message ids (in every public schema; real traffic sends userIds)."
            ),
            _f("userIds", "[int]", "Users whose messages were deleted."),
        ),
        ("WebcastImDeleteMessage",),
    ),
    Event(
        "control",
        "A stream control message other than the end (1 paused, 2 resumed).",
        (_f("action", "int", "1 paused, 2 unpaused."),),
        ("WebcastControlMessage",),
    ),
    Event(
        "streamEnd",
        "The stream ended (control action 3) or was suspended (4).",
        (_f("action", "int", "3 ended, 4 suspended."),),
        ("WebcastControlMessage",),
    ),
    Event(
        "coHostScore",
        "Live scores while hosts are linked (co-host or battle): every host's fan tickets"
        " (`hosts`, from LinkMicFanTicketMethod), or one host's (`userId`/`score`, from LinkMicMethod).",
        (
            _f("hosts", "[HostScore]", "Each host's score (LinkMicFanTicketMethod)."),
            _f("total", "int", "All linked hosts' fan tickets together."),
            _f("matchId", "int", "The match (LinkMicFanTicketMethod)."),
            _f("userId", "int", "The host whose score this is (LinkMicMethod)."),
            _f("score", "int", "That host's fan tickets (LinkMicMethod)."),
            _f("messageType", "int", "LinkMicMethod's message type (no public meaning; 4 and 8 occur)."),
            _f("channelId", "int", "The link session (LinkMicMethod)."),
        ),
        ("WebcastLinkMicFanTicketMethod", "WebcastLinkMicMethod"),
    ),
    Event(
        "coHost",
        "Co-host sessions: hosts joined, left or the linked list changed. From the link layer"
        " (`layerAction`: 9 leave, 11 list change, 12 join) or the older linker (`linkAction`: 6 enter,"
        " 7 leave, 11/21 linked list change, 22 co-host list change).",
        (
            _f("layerAction", "int", "Link-layer message type (WebcastLinkLayerMessage)."),
            _f("linkAction", "int", "Linker message type (WebcastLinkMessage)."),
            _f("scene", "int", "2 co-host, 4 multi-guest."),
            _f("channelId", "int", "The link-layer session."),
            _f("linkerId", "int", "The linker session."),
            _f("linked", "[CoHost]", "The linked hosts' ids and rooms (link layer list change)."),
            _f("users", "[CoHost]", "The co-hosts with their names (user map or co-host list)."),
            _f("linkedUsers", "[LinkedUser]", "Linked users (linker list change)."),
        ),
        ("WebcastLinkLayerMessage", "WebcastLinkMessage"),
    ),
    Event(
        "rankText",
        "A viewer moved in the room's top-viewer ranking (the text TikTok shows: `{0:user} just"
        " became a top {1:string} viewer!`).",
        (
            _f("scene", "int", "1 top-N update, 2/3 mid-peak motivation, 4 tile reward guide."),
            _f("rankBefore", "int", "Position before the update."),
            _f("rankAfter", "int", "Position after it."),
            _f("userId", "int", "The viewer concerned."),
        ),
        ("WebcastRankTextMessage",),
    ),
    Event(
        "battlePunish",
        "A battle's punishment phase finished.",
        (
            _f("battleId", "int", "Battle id."),
            _f("reason", "int", "0 time up, 1 cut short."),
            _f("status", "int", "Battle status from the settings block (4: punishment finished)."),
            _f("channelId", "int", "The link session."),
            _f("operatorId", "int", "Who ended it, when cut short."),
        ),
        ("WebcastLinkMicBattlePunishFinish",),
    ),
    Event(
        "battleTask",
        "A battle task (speed challenge): started with its target, progress, then settled.",
        (
            _f("battleId", "int", "Battle id."),
            _f("taskType", "int", "0 start, 1 progress update, 2 task settled, 3 reward settled."),
            _f("target", "int", "Progress needed (start)."),
            _f("duration", "int", "Time to reach it, seconds (start)."),
            _f("rewardMultiple", "int", "Points multiplier if reached (start)."),
            _f("progress", "int", "Progress so far (update)."),
            _f("fromUserId", "int", "The viewer whose gift moved it (update)."),
            _f("result", "int", "0 succeeded, 1 failed, 2 both succeeded (settled)."),
        ),
        ("WebcastLinkmicBattleTaskMessage",),
    ),
    Event(
        "battleCard",
        "A battle item card: a card used (critical strike: points x `multiple` for `duration`"
        " seconds) or cards awarded to viewers.",
        (
            _f("battleId", "int", "Battle id."),
            _f(
                "cardType",
                "int",
                "1 obtain guide, 2 critical strike used, 3 smoke, 4 award notice, 5 extra time,"
                " 6 special effect, 7 potion, 8 wave, 9 effect notice, 10 top-2, 11 top-3, 12 vault glove.",
            ),
            _f("anchorId", "int", "The host whose side used the card."),
            _f("toAnchorId", "int", "The host the card acts on."),
            _f("multiple", "int", "Critical strike multiplier."),
            _f("duration", "int", "How long the card acts, seconds."),
            _f("awarded", "[BattleAnchor]", "Viewers awarded a card (award notice)."),
            _f("awardReason", "int", "Why the cards were awarded."),
        ),
        ("WebcastLinkMicBattleItemCard",),
    ),
    Event(
        "battleNotice",
        "A battle notice: a rule guide (`text` with a `ruleUrl`) or a common guide (a text template).",
        (
            _f(
                "noticeType",
                "int",
                "0/4/5 public-screen notices (4 with the rule guide), 3 anchor gift guide, 6 common guide.",
            ),
            _TEXT[0],
            _f("ruleUrl", "str", "Link to the battle rules (rule guide)."),
            *_TEXT[1:],
        ),
        ("WebcastLinkmicBattleNoticeMessage",),
    ),
    Event(
        "roomMessage",
        "A system or welcome line in the room (TikTok sends it as `RoomMessage`, without the prefix):"
        " show `content`, or the text template when content is empty.",
        (
            _f("content", "str", "The line's text."),
            _f("scene", "str", "Where it comes from (TikTok's scene name)."),
            _f("welcome", "bool", "A welcome message."),
            _f("durationMs", "int", "How long to show it, ms."),
            *_TEXT,
        ),
        ("WebcastRoomMessage",),
    ),
    Event(
        "systemMessage",
        "A system message (TikTok-Live-Connector calls it `system`; named so it is not taken for the"
        " bridge's own `sys.*` events).",
        (_f("content", "str", "The message text."), *_TEXT),
        ("WebcastSystemMessage",),
    ),
    Event(
        "roomNotify",
        "A notice in the room (an announcement, a gift or subscription notice): its text template"
        " carries the users and gifts concerned.",
        (
            _f("notifyType", "int", "TikTok's notice type (3 a gift announcement)."),
            _f("content", "str", "Plain text, when TikTok gives one."),
            _NOTICE_USER,
            _f("source", "str", "Where it comes from, e.g. `gift_broadcast`."),
            _f("fromUserId", "int", "The user who caused it."),
            _f("toAnchorId", "int", "The host it is about."),
            *_TEXT,
        ),
        ("WebcastRoomNotifyMessage",),
    ),
    Event(
        "giftBroadcast",
        "A platform-wide gift announcement (`{0:user} sent {1:gift} to {2:user}`): sender, gift and"
        " receiver are the template's pieces.",
        (
            _f("fromUserId", "int", "The sender."),
            _f("notifyType", "int", "The embedded notice's type (3)."),
            _f("content", "str", "Plain text, when TikTok gives one."),
            _NOTICE_USER,
            _f("source", "str", "The notice's source (`gift_broadcast`)."),
            _f("toAnchorId", "int", "The receiving host."),
            *_TEXT,
        ),
        ("WebcastGiftBroadcastMessage",),
    ),
    Event(
        "hourlyRank",
        "The creator's place in an hourly or weekly ranking, as the text TikTok shows (e.g. `Weekly"
        " ranking`). From WebcastHourlyRankMessage, not the hourly rank reward message.",
        _TEXT,
        ("WebcastHourlyRankMessage",),
    ),
    Event(
        "subPin",
        "A subscription card was pinned (action 1) or unpinned (2).",
        (
            _f("action", "int", "1 pin, 2 unpin."),
            _f(
                "cardType",
                "int",
                "1 customized benefit, 2 sub goal, 3 upsell DM, 4 upsell lead, 5 subscription plan,"
                " 6 course.",
            ),
            _f("cardId", "int", "The card."),
            _f("title", "str", "The card's title."),
            _f("operatorId", "int", "Who pinned it."),
        ),
        ("WebcastSubPinEventMessage",),
    ),
    Event(
        "bottomMessage",
        "A notice at the bottom of the screen (warnings, reminders): show the text template when"
        " `textType` is 0, `content` when it is 1.",
        (
            _f("content", "str", "Plain text."),
            _f("textType", "int", "0 show the text template, 1 show content."),
            _f("duration", "int", "How long to show it, as TikTok sends it."),
            _f(
                "bizType",
                "int",
                "0 default, 1 rethink chat, 2 rethink Q&A, 3 warning tag on this room, 4 on a co-host's"
                " room, 5 at risk of losing comments, 6 perception center.",
            ),
            _f("violationUserId", "int", "The user a warning is about."),
            *_TEXT,
        ),
        ("WebcastBottomMessage",),
    ),
    Event(
        "unauthorizedMember",
        "A viewer who is not logged in joined (`{0:user} joined`, the user a placeholder name).",
        (
            _f("action", "int", "1 joined."),
            _f("nickname", "str", "The placeholder name TikTok shows."),
            *_TEXT,
        ),
        ("WebcastUnauthorizedMemberMessage",),
    ),
    Event(
        "accessRecall",
        "A restriction on the host's access to a feature, and when it ends.",
        (
            _f("status", "int", "TikTok's status code."),
            _f("duration", "int", "How long it lasts, as TikTok sends it."),
            _f("endTime", "int", "When it ends, as TikTok sends it."),
            _f("scene", "str", "The feature concerned (TikTok's scene name)."),
            *_TEXT,
        ),
        ("WebcastAccessRecallMessage",),
    ),
    Event(
        "unknown",
        "A webcast message the contract does not model, passed on so nothing is lost.",
        (
            _f("method", "str", "The webcast method name."),
            _f("payload", "bin", "The raw protobuf payload."),
        ),
    ),
    Event(
        "giftFinal",
        "One per gift streak, when it closes (its closing frame, a timeout, or the stream end):"
        " the gift counted exactly once. Published by the bridge, not TikTok.",
        (
            _USER,
            _f("giftId", "int", "Gift id."),
            _f("giftName", "str", "Gift name."),
            _f("diamondCount", "int", "Diamond value of one gift."),
            _f("giftType", "int", "1 streakable, others arrive once."),
            _f("groupId", "int", "Streak id."),
            _f("giftImage", "str", "Gift image URL."),
            _f("repeatCount", "int", "Gifts in the whole streak."),
            _f("totalDiamonds", "int", "repeatCount x diamondCount."),
            _f("timedOut", "bool", "TikTok never sent the closing frame; closed after game.streak_timeout."),
        ),
    ),
    Event(
        "action",
        "A game action fired by a rule (topic `action/<name>/<room>`).",
        (
            _f("name", "str", "The action name (the rule's name)."),
            _f("rule", "str", "The rule that fired."),
            _f(
                "params",
                "map",
                "The rule's params plus what its trigger adds (count, amount, score, option...).",
            ),
            _f("event", "event", "The event that triggered it."),
        ),
    ),
    Event(
        "streamSummary",
        "The stream ledger: at stream end (`ended`), and on request through the control channel.",
        (
            _f("startTime", "int", "When the ledger started counting, Unix ms."),
            _f("duration", "int", "Seconds since then."),
            _f("totalDiamonds", "int", "Diamonds received, each gift counted once."),
            _f("gifts", "[GiftTotal]", "Per gift type, most diamonds first."),
            _f("topGifters", "[Gifter]", "Top 10 gifters by diamonds."),
            _f("likes", "int", "Likes."),
            _f("newFollowers", "int", "Follows."),
            _f("shares", "int", "Shares."),
            _f("peakViewers", "int", "Highest viewer count seen."),
            _f("averageViewers", "int", "Mean of the viewer counts seen."),
            _f("ended", "bool", "The stream ended; the next events start a new ledger."),
        ),
    ),
    Event(
        "sys.rules",
        "The rules file was reloaded (ok) or an edit was rejected (the old rules stay active).",
        (
            _f("ok", "bool", "The new rules are active."),
            _f("rules", "int", "Rules now active."),
            _f("error", "str", "Why the edit was rejected: file, rule and key."),
        ),
        system=True,
    ),
    Event(
        "sys.status",
        "A room's connection state changed, or a daemon task failed (reason `internal`, with `task`).",
        (
            _f("room", "str", "The creator's uniqueId."),
            _f("state", "str", "connecting, connected, reconnecting, disconnected, streamEnd or error."),
            _f("reason", "str", "Reason code (see docs/status.md)."),
            _f("message", "str", "Human-readable explanation."),
            _f("attempt", "int", "Reconnect attempt number."),
            _f("task", "str", "With reason `internal`: the daemon task that failed (it restarts)."),
        ),
        system=True,
    ),
    Event(
        "sys.heartbeat",
        "Sent every heartbeat interval so subscribers can tell the daemon is alive.",
        (
            _f("seq", "int", "Its own seq: every published message is numbered, heartbeats too."),
            _f(
                "interval",
                "float",
                "Seconds until the next heartbeat (`publisher.heartbeat_interval`): engines call the link"
                f" dead after {LIVENESS_INTERVALS} intervals without any traffic.",
            ),
            _f("uptime", "float", "Seconds since the daemon started."),
            _f("implementation", "str", "Decoder in use: cython or python."),
            _f(
                "rooms",
                "map",
                "Per room: state, roomId, events, lastEventTs, signCalls (sign server calls so far).",
            ),
            _f("dropped", "int", "Events the daemon dropped (queue overflow)."),
            _f("decodeErrors", "int", "Inner messages that failed to decode."),
            _f("tasks", "int", "asyncio tasks alive in the daemon (a leak shows as growth)."),
            _f("taskFailures", "map", "Per daemon task: failures so far (each one restarted)."),
            _f("listenerFailures", "map", "Per event listener (streaks, rules, ledger, recorder): failures."),
            _f("shard", "map", "This daemon's `index` and `count` when rooms are sharded."),
            _f("control", "str", "This daemon's control endpoint."),
        ),
        system=True,
    ),
)

IGNORED_METHODS: frozenset[str] = frozenset(
    {
        "WebcastMsgDetectMessage",
        "WebcastRoomStreamAdaptationMessage",
    }
)
"""Methods that produce no event: a latency probe and stream adaptation, which carry nothing for games."""

CHANGELOG: tuple[tuple[str, str], ...] = (
    (
        "2026-12",
        "`User.isFriend` changed meaning: it is set only for mutual followers (follow status 2, or the"
        " identity block's mutual flag). Gift messages carry follow status 3 for plain followers, which"
        " used to be published as friends. When a chat, gift or emote message has an identity block,"
        " its flags alone decide `isFollower` and `isFriend`.",
    ),
    (
        "2026-12",
        "`battleArmies.status` is now the battle status of the settings block (as in `battle`); it used to"
        " carry the message's trigger reason, which is now `triggerReason`.",
    ),
    (
        "2026-12",
        "Messages that used to arrive as `unknown` have their own events now: `LinkmicBattleNoticeMessage`"
        " (`battleNotice`), `RoomMessage` (`roomMessage`), `SystemMessage` (`systemMessage`),"
        " `RoomNotifyMessage` (`roomNotify`), `GiftBroadcastMessage` (`giftBroadcast`),"
        " `HourlyRankMessage` (`hourlyRank`), `SubPinEventMessage` (`subPin`), `BottomMessage`"
        " (`bottomMessage`), `UnauthorizedMemberMessage` (`unauthorizedMember`) and `AccessRecallMessage`"
        " (`accessRecall`). `HourlyRankRewardMessage` is still `unknown`.",
    ),
)
"""Changes of meaning within the contract version, newest last (rendered into docs/events.md)."""

WIRE_SOURCES: dict[str, dict[str, str]] = {
    "chat": {
        "user": "WebcastChatMessage.user (2) or WebcastChatMessage.user_identity (18); the identity flags",
        "comment": "WebcastChatMessage.content (3)",
        "language": "WebcastChatMessage.content_language (14)",
        "emotes": "WebcastChatMessage.emotes (13)",
        "mentions": "WebcastChatMessage.mention_users (28) or WebcastChatMessage.mention_user_list (27)"
        " or WebcastChatMessage.at_user (12); in that order of preference",
    },
    "gift": {
        "user": "WebcastGiftMessage.user (7) or WebcastGiftMessage.user_identity (32); the identity flags",
        "giftId": "WebcastGiftMessage.gift_id (2) or WebcastGiftMessage.gift.id (15.5)",
        "giftName": "WebcastGiftMessage.gift.name (15.16)",
        "diamondCount": "WebcastGiftMessage.gift.diamond_count (15.12)",
        "repeatCount": "WebcastGiftMessage.repeat_count (5)",
        "repeatEnd": "WebcastGiftMessage.repeat_end (9)",
        "giftType": "WebcastGiftMessage.gift.type (15.11)",
        "groupId": "WebcastGiftMessage.group_id (11)",
        "streaking": "WebcastGiftMessage.gift.type (15.11) or WebcastGiftMessage.repeat_end (9); type 1 and"
        " no repeat end",
        "giftImage": "WebcastGiftMessage.gift.image (15.1); its first URL",
        "toUserId": "WebcastGiftMessage.to_user.id (8.1)",
        "describe": "WebcastGiftMessage.gift.describe (15.2)",
    },
    "follow": {
        "user": "WebcastSocialMessage.user (2)",
        "followCount": "WebcastSocialMessage.follow_count (6)",
    },
    "share": {
        "user": "WebcastSocialMessage.user (2)",
        "shareType": "WebcastSocialMessage.share_type (3)",
        "shareCount": "WebcastSocialMessage.share_count (8)",
        "shareTarget": "WebcastSocialMessage.share_target (5)",
    },
    "social": {
        "user": "WebcastSocialMessage.user (2)",
        "action": "WebcastSocialMessage.action (4)",
    },
    "battle": {
        "battleId": "WebcastLinkMicBattle.battle_id (2) or"
        " WebcastLinkMicBattle.battle_setting.battle_id (3.1)",
        "action": "WebcastLinkMicBattle.action (4)",
        "status": "WebcastLinkMicBattle.battle_setting.status (3.5)",
        "duration": "WebcastLinkMicBattle.battle_setting.duration (3.3)",
        "startTime": "WebcastLinkMicBattle.battle_setting.start_time_ms (3.2)",
        "results": "WebcastLinkMicBattle.battle_result (5); each map value's user_id, result, score",
        "anchors": "WebcastLinkMicBattle.anchor_info (10); each map value's user",
    },
    "battleArmies": {
        "battleId": "WebcastLinkMicArmies.battle_id (2)",
        "status": "WebcastLinkMicArmies.battle_settings.status (18.5)",
        "triggerReason": "WebcastLinkMicArmies.trigger_reason (7)",
        "fromUserId": "WebcastLinkMicArmies.from_user_id (8)",
        "giftId": "WebcastLinkMicArmies.gift_id (9)",
        "giftCount": "WebcastLinkMicArmies.gift_count (10)",
        "totalDiamonds": "WebcastLinkMicArmies.total_diamond_count (12)",
        "teams": "WebcastLinkMicArmies.battle_items (3); each map key and value's host_score, user_armies",
    },
    "roomPin": {
        "action": "WebcastRoomPinMessage.action (33)",
        "pinTime": "WebcastRoomPinMessage.pin_time (31)",
        "duration": "WebcastRoomPinMessage.display_duration (34)",
        "originalType": "WebcastRoomPinMessage.method (30)",
        "operatorId": "WebcastRoomPinMessage.operator.id (32.1)",
        "pinned": "WebcastRoomPinMessage.chat_message (2) or WebcastRoomPinMessage.social_message (3)"
        " or WebcastRoomPinMessage.gift_message (4) or WebcastRoomPinMessage.member_message (5)"
        " or WebcastRoomPinMessage.like_message (6)",
    },
    "emote": {
        "user": "WebcastEmoteChatMessage.user (2) or WebcastEmoteChatMessage.user_identity (5); the identity"
        " flags",
        "emoteId": "WebcastEmoteChatMessage.emote_list.emote_id (3.1); the first emote",
        "emoteUrl": "WebcastEmoteChatMessage.emote_list.image (3.2); the first emote",
        "emotes": "WebcastEmoteChatMessage.emote_list (3)",
    },
    "barrage": {
        "barrageType": "WebcastBarrageMessage.msg_type (3)",
        "textKey": "WebcastBarrageMessage.content.key (5.1)",
        "text": "WebcastBarrageMessage.content.default_pattern (5.2)",
        "duration": "WebcastBarrageMessage.duration (6)",
        "user": "WebcastBarrageMessage.user_grade_param.user (100.4) or"
        " WebcastBarrageMessage.fans_level_param.user (101.4)",
        "level": "WebcastBarrageMessage.user_grade_param.current_grade (100.1) or"
        " WebcastBarrageMessage.fans_level_param.current_grade (101.1)",
        "subCount": "WebcastBarrageMessage.subscribe_gift_param.gift_sub_count (102.1)",
        "giftSource": "WebcastBarrageMessage.subscribe_gift_param.gift_source (102.3)",
    },
    "goal": {
        "contributorId": "WebcastGoalUpdateMessage.contributor_id (4)",
        "contributorUniqueId": "WebcastGoalUpdateMessage.contributor_display_id (6)",
        "contributeCount": "WebcastGoalUpdateMessage.contribute_count (9)",
        "contributeScore": "WebcastGoalUpdateMessage.contribute_score (10)",
        "goalType": "WebcastGoalUpdateMessage.contribute_subgoal.type (7.1) or"
        " WebcastGoalUpdateMessage.goal.sub_goals.type (3.4.1)",
        "progress": "WebcastGoalUpdateMessage.contribute_subgoal.progress (7.3) or"
        " WebcastGoalUpdateMessage.goal.sub_goals.progress (3.4.3); the sub-goal of the same id",
        "target": "WebcastGoalUpdateMessage.contribute_subgoal.target (7.4) or"
        " WebcastGoalUpdateMessage.goal.sub_goals.target (3.4.4); the sub-goal of the same id",
        "giftName": "WebcastGoalUpdateMessage.contribute_subgoal.gift.name (7.5.1) or"
        " WebcastGoalUpdateMessage.goal.sub_goals.gift.name (3.4.5.1); the sub-goal of the same id",
    },
    "control": {"action": "WebcastControlMessage.action (2)"},
    "streamEnd": {"action": "WebcastControlMessage.action (2)"},
}
"""Where each key of an event with a hand-written decoder comes from: ``Message.field.path (numbers)``,
paths joined by " or ", a note after "; ". Events with generated decoders get theirs from the schema's
annotations (``scripts/gen_wire.py``); docs/events.md shows both, and a test checks every path."""

EVENTS_BY_NAME: dict[str, Event] = {event.name: event for event in EVENTS}
_STRUCTS_BY_NAME: dict[str, Struct] = {struct.name: struct for struct in STRUCTS}
_ENVELOPE_BY_NAME: dict[str, Field] = {field.name: field for field in ENVELOPE}
_NESTED_ENVELOPE: dict[str, Field] = {
    name: _ENVELOPE_BY_NAME[name] for name in ("type", "msgId", "createTime")
}
_SCALARS: dict[str, type | tuple[type, ...]] = {
    "int": int,
    "float": (float, int),
    "str": str,
    "bool": bool,
    "bin": bytes,
    "map": dict,
}


def _check(value: Any, type_: str, where: str, problems: list[str]) -> None:
    if type_.startswith("["):
        if not isinstance(value, list):
            problems.append(f"{where}: expected a list, got {type(value).__name__}")
            return
        for i, item in enumerate(value):
            _check(item, type_[1:-1], f"{where}[{i}]", problems)
        return
    if type_ == "event":
        problems.extend(validate(value, where=where))
        return
    if type_ in _STRUCTS_BY_NAME:
        if not isinstance(value, dict):
            problems.append(f"{where}: expected a {type_} map, got {type(value).__name__}")
            return
        fields = {f.name: f for f in _STRUCTS_BY_NAME[type_].fields}
        for key, item in value.items():
            if key not in fields:
                problems.append(f"{where}.{key}: not a field of {type_}")
            else:
                _check(item, fields[key].type, f"{where}.{key}", problems)
        return
    expected = _SCALARS[type_]
    if isinstance(value, bool) and type_ in ("int", "float"):
        problems.append(f"{where}: expected {type_}, got bool")
    elif not isinstance(value, expected):
        problems.append(f"{where}: expected {type_}, got {type(value).__name__}")


def validate(event: Any, *, envelope: bool = True, where: str = "event") -> list[str]:
    """Check one event map against the contract.

    Args:
        event: the decoded msgpack map.
        envelope: whether envelope keys (``room``, ``seq``...) may appear.
        where: prefix for problem descriptions.

    Returns:
        A list of problems; empty when the event conforms.
    """
    if not isinstance(event, dict):
        return [f"{where}: not a map"]
    spec = EVENTS_BY_NAME.get(event.get("type"))  # type: ignore[arg-type]
    if spec is None:
        return [f"{where}: unknown type {event.get('type')!r}"]
    fields = {f.name: f for f in spec.fields}
    extra = _ENVELOPE_BY_NAME if envelope else _NESTED_ENVELOPE
    problems: list[str] = []
    for key, value in event.items():
        field = fields.get(key) or extra.get(key)
        if field is None:
            problems.append(f"{where}.{key}: not a field of {spec.name}")
        elif is_empty(value) and key not in ("seq", "ts"):
            problems.append(f"{where}.{key}: empty values must be omitted")
        else:
            _check(value, field.type, f"{where}.{key}", problems)
    return problems


def is_empty(value: Any) -> bool:
    """Whether the contract requires ``value`` to be omitted (zero, empty, false)."""
    if isinstance(value, bool):
        return not value
    return isinstance(value, (int, float, str, bytes, list, dict)) and not value


def _type_md(type_: str) -> str:
    inner = type_.strip("[]")
    link = f"[{inner}](#{inner.lower()})" if inner in _STRUCTS_BY_NAME else inner
    return f"list of {link}" if type_.startswith("[") else link


def _table(fields: tuple[Field, ...], wire: dict[str, str] | None = None) -> list[str]:
    if wire is None:
        lines = ["| key | type | meaning |", "| --- | --- | --- |"]
        return lines + [f"| `{f.name}` | {_type_md(f.type)} | {f.doc} |" for f in fields]
    lines = ["| key | type | meaning | wire source |", "| --- | --- | --- | --- |"]
    return lines + [
        f"| `{f.name}` | {_type_md(f.type)} | {f.doc} | {_wire_md(wire.get(f.name, ''))} |" for f in fields
    ]


def _wire_md(source: str) -> str:
    paths, _, note = source.partition("; ")
    shown = " or ".join(f"`{path}`" for path in paths.split(" or ")) if paths else ""
    return f"{shown}; {note}" if note else shown


def render_markdown(generated: dict[str, dict[str, str]] | None = None) -> str:
    """Render ``docs/events.md`` from the definitions above.

    Args:
        generated: the wire sources of the events with generated decoders (event -> key -> path),
            which ``scripts/gen_wire.py`` reads off the schema; shown beside :data:`WIRE_SOURCES`.
    """
    sources = {**WIRE_SOURCES, **(generated or {})}
    out = [
        f"# Event contract v{CONTRACT_VERSION}",
        "",
        "<!-- Generated by scripts/gen_contract.py from bridge/contract.py. Do not edit. -->",
        "",
        "Every message the daemon publishes is two ZeroMQ frames: a topic and a msgpack map.",
        'Keys are short camelCase. **Keys whose value is empty (0, "", false, empty list'
        " or map) are omitted**: a missing key means its zero value. See"
        " [topics.md](topics.md) for the topic scheme.",
        "",
        "## Envelope",
        "",
        "Every upstream event carries these keys besides its own:",
        "",
        *_table(ENVELOPE),
        "",
        "## Events",
        "",
    ]
    for event in EVENTS:
        out += [f"### `{event.name}`", "", event.doc, ""]
        if event.methods:
            out += ["From: " + ", ".join(f"`{m}`" for m in event.methods), ""]
            out += [*_table(event.fields, sources.get(event.name, {})), ""]
        else:
            out += [*_table(event.fields), ""]
    out += [
        "## Method names and ignored methods",
        "",
        "TikTok sends method names with and without the `Webcast` prefix (`RoomMessage`,"
        " `LinkMicMethod`); both spellings map to the same event. Methods the contract does"
        " not model become `unknown` events, except these, which carry nothing for games"
        " and produce no event:",
        "",
        *(f"- `{m}`" for m in sorted(IGNORED_METHODS)),
        "",
        "## Structs",
        "",
    ]
    for struct in STRUCTS:
        out += [f"### {struct.name}", "", struct.doc, "", *_table(struct.fields), ""]
    out += [
        "## Defaults",
        "",
        "Values the daemon and the engine clients share (the Godot addon and the Unreal plugin"
        " get them as generated constants):",
        "",
        "| name | value | meaning |",
        "| --- | --- | --- |",
        *(f"| `{d.name}` | `{d.value}` | {d.doc} |" for d in DEFAULTS),
        "",
    ]
    out += ["## Changelog", "", *(f"- {when}: {change}" for when, change in CHANGELOG), ""]
    return "\n".join(out)


def render_json() -> str:
    """Render ``docs/contract.json``, the machine-readable twin for engine clients."""

    def fields(items: tuple[Field, ...]) -> list[dict[str, str]]:
        return [{"name": f.name, "type": f.type, "doc": f.doc} for f in items]

    doc = {
        "version": CONTRACT_VERSION,
        "envelope": fields(ENVELOPE),
        "events": [
            {
                "name": e.name,
                "doc": e.doc,
                "methods": list(e.methods),
                "system": e.system,
                "fields": fields(e.fields),
            }
            for e in EVENTS
        ],
        "structs": [{"name": s.name, "doc": s.doc, "fields": fields(s.fields)} for s in STRUCTS],
        "ignoredMethods": sorted(IGNORED_METHODS),
        "defaults": [{"name": d.name, "value": d.value, "doc": d.doc} for d in DEFAULTS],
    }
    return json.dumps(doc, indent=2) + "\n"
