@tool
extends RefCounted
## The event contract, generated from docs/contract.json by
## godot_addon/tools/gen_contract.py. Do not edit.
##
## Field types: int, float, str, bool, bin, map, event (a nested event map),
## a struct name (a map), or [T] (a list of T).

const VERSION := 1

## Upstream event types, in contract order.
const EVENT_TYPES: Array[String] = ["chat", "gift", "like", "member", "follow", "share", "social", "subscribe", "roomUserSeq", "battle", "battleArmies", "roomPin", "emote", "envelope", "question", "liveIntro", "caption", "barrage", "goal", "rank", "poll", "banner", "imDelete", "control", "streamEnd", "coHostScore", "coHost", "rankText", "battlePunish", "battleTask", "battleCard", "battleNotice", "roomMessage", "systemMessage", "roomNotify", "giftBroadcast", "hourlyRank", "subPin", "bottomMessage", "unauthorizedMember", "accessRecall", "unknown", "giftFinal", "action", "streamSummary"]

## Daemon messages that are not upstream events.
const SYSTEM_TYPES: Array[String] = ["sys.rules", "sys.status", "sys.heartbeat"]

## Keys every upstream event carries besides its own, and their types.
const ENVELOPE := {"type": "str", "room": "str", "roomId": "int", "seq": "int", "ts": "int", "msgId": "int", "createTime": "int", "simulated": "bool", "daemon": "str"}

## Each event type's own keys and their types.
const EVENTS := {
	"chat": {"user": "User", "comment": "str", "language": "str", "emotes": "[Emote]", "mentions": "[User]"},
	"gift": {"user": "User", "giftId": "int", "giftName": "str", "diamondCount": "int", "repeatCount": "int", "repeatEnd": "bool", "giftType": "int", "groupId": "int", "streaking": "bool", "giftImage": "str", "toUserId": "int", "describe": "str"},
	"like": {"user": "User", "likeCount": "int", "totalLikes": "int"},
	"member": {"user": "User", "action": "int", "memberCount": "int"},
	"follow": {"user": "User", "followCount": "int"},
	"share": {"user": "User", "shareType": "int", "shareCount": "int", "shareTarget": "str"},
	"social": {"user": "User", "action": "int"},
	"subscribe": {"user": "User", "subMonth": "int", "subscribeType": "int", "gifted": "bool", "giftSource": "int"},
	"roomUserSeq": {"viewerCount": "int", "totalViewers": "int", "topViewers": "[Contributor]"},
	"battle": {"battleId": "int", "action": "int", "status": "int", "duration": "int", "startTime": "int", "results": "[BattleResult]", "anchors": "[BattleAnchor]"},
	"battleArmies": {"battleId": "int", "status": "int", "triggerReason": "int", "fromUserId": "int", "giftId": "int", "giftCount": "int", "totalDiamonds": "int", "teams": "[BattleTeam]"},
	"roomPin": {"action": "int", "pinTime": "int", "duration": "int", "originalType": "str", "operatorId": "int", "pinned": "event"},
	"emote": {"user": "User", "emoteId": "str", "emoteUrl": "str", "emotes": "[Emote]"},
	"envelope": {"envelopeId": "str", "diamondCount": "int", "peopleCount": "int", "senderName": "str", "senderId": "str", "businessType": "int", "unpackAt": "int"},
	"question": {"user": "User", "questionId": "int", "questionText": "str"},
	"liveIntro": {"user": "User", "content": "str", "language": "str"},
	"caption": {"captions": "[Caption]", "timestampMs": "int", "durationMs": "int", "sentenceId": "int", "definite": "bool"},
	"barrage": {"barrageType": "int", "textKey": "str", "text": "str", "duration": "int", "user": "User", "level": "int", "subCount": "int", "giftSource": "int"},
	"goal": {"contributorId": "int", "contributorUniqueId": "str", "contributeCount": "int", "contributeScore": "int", "goalType": "int", "progress": "int", "target": "int", "giftName": "str"},
	"rank": {"ranks": "[RankEntry]", "groupType": "int"},
	"poll": {"pollId": "int", "pollAction": "int", "pollKind": "int", "title": "str", "startTime": "int", "endTime": "int", "options": "[PollOption]", "endType": "int", "giftId": "int", "voterCount": "int", "duration": "int", "timeRemain": "int"},
	"banner": {"data": "str"},
	"imDelete": {"msgIds": "[int]", "userIds": "[int]"},
	"control": {"action": "int"},
	"streamEnd": {"action": "int"},
	"coHostScore": {"hosts": "[HostScore]", "total": "int", "matchId": "int", "userId": "int", "score": "int", "messageType": "int", "channelId": "int"},
	"coHost": {"layerAction": "int", "linkAction": "int", "scene": "int", "channelId": "int", "linkerId": "int", "linked": "[CoHost]", "users": "[CoHost]", "linkedUsers": "[LinkedUser]"},
	"rankText": {"scene": "int", "rankBefore": "int", "rankAfter": "int", "userId": "int"},
	"battlePunish": {"battleId": "int", "reason": "int", "status": "int", "channelId": "int", "operatorId": "int"},
	"battleTask": {"battleId": "int", "taskType": "int", "target": "int", "duration": "int", "rewardMultiple": "int", "progress": "int", "fromUserId": "int", "result": "int"},
	"battleCard": {"battleId": "int", "cardType": "int", "anchorId": "int", "toAnchorId": "int", "multiple": "int", "duration": "int", "awarded": "[BattleAnchor]", "awardReason": "int"},
	"battleNotice": {"noticeType": "int", "text": "str", "ruleUrl": "str", "textKey": "str", "pieces": "[TextPiece]"},
	"roomMessage": {"content": "str", "scene": "str", "welcome": "bool", "durationMs": "int", "text": "str", "textKey": "str", "pieces": "[TextPiece]"},
	"systemMessage": {"content": "str", "text": "str", "textKey": "str", "pieces": "[TextPiece]"},
	"roomNotify": {"notifyType": "int", "content": "str", "user": "User", "source": "str", "fromUserId": "int", "toAnchorId": "int", "text": "str", "textKey": "str", "pieces": "[TextPiece]"},
	"giftBroadcast": {"fromUserId": "int", "notifyType": "int", "content": "str", "user": "User", "source": "str", "toAnchorId": "int", "text": "str", "textKey": "str", "pieces": "[TextPiece]"},
	"hourlyRank": {"text": "str", "textKey": "str", "pieces": "[TextPiece]"},
	"subPin": {"action": "int", "cardType": "int", "cardId": "int", "title": "str", "operatorId": "int"},
	"bottomMessage": {"content": "str", "textType": "int", "duration": "int", "bizType": "int", "violationUserId": "int", "text": "str", "textKey": "str", "pieces": "[TextPiece]"},
	"unauthorizedMember": {"action": "int", "nickname": "str", "text": "str", "textKey": "str", "pieces": "[TextPiece]"},
	"accessRecall": {"status": "int", "duration": "int", "endTime": "int", "scene": "str", "text": "str", "textKey": "str", "pieces": "[TextPiece]"},
	"unknown": {"method": "str", "payload": "bin"},
	"giftFinal": {"user": "User", "giftId": "int", "giftName": "str", "diamondCount": "int", "giftType": "int", "groupId": "int", "giftImage": "str", "repeatCount": "int", "totalDiamonds": "int", "timedOut": "bool"},
	"action": {"name": "str", "rule": "str", "params": "map", "event": "event"},
	"streamSummary": {"startTime": "int", "duration": "int", "totalDiamonds": "int", "gifts": "[GiftTotal]", "topGifters": "[Gifter]", "likes": "int", "newFollowers": "int", "shares": "int", "peakViewers": "int", "averageViewers": "int", "ended": "bool"},
	"sys.rules": {"ok": "bool", "rules": "int", "error": "str"},
	"sys.status": {"room": "str", "state": "str", "reason": "str", "message": "str", "attempt": "int", "task": "str"},
	"sys.heartbeat": {"seq": "int", "interval": "float", "uptime": "float", "implementation": "str", "rooms": "map", "dropped": "int", "decodeErrors": "int", "tasks": "int", "taskFailures": "map", "listenerFailures": "map", "shard": "map", "control": "str"},
}

## Struct keys and their types.
const STRUCTS := {
	"User": {"id": "int", "uniqueId": "str", "nickname": "str", "avatar": "str", "followerCount": "int", "isModerator": "bool", "isSubscriber": "bool", "isFollower": "bool", "isFriend": "bool", "gifterLevel": "int", "memberLevel": "int"},
	"Emote": {"id": "str", "url": "str", "index": "int"},
	"Contributor": {"user": "User", "score": "int", "rank": "int"},
	"BattleResult": {"userId": "int", "result": "int", "score": "int"},
	"BattleAnchor": {"id": "int", "uniqueId": "str", "nickname": "str", "avatar": "str"},
	"BattleTeam": {"anchorId": "int", "score": "int", "supporters": "[Supporter]"},
	"Supporter": {"userId": "int", "nickname": "str", "score": "int"},
	"Caption": {"lang": "str", "text": "str"},
	"GiftTotal": {"giftId": "int", "giftName": "str", "count": "int", "diamonds": "int"},
	"Gifter": {"user": "User", "diamonds": "int"},
	"RankEntry": {"rankType": "int", "rank": "int"},
	"HostScore": {"userId": "int", "score": "int", "totalScore": "int", "rank": "int"},
	"CoHost": {"id": "int", "uniqueId": "str", "nickname": "str", "roomId": "int"},
	"LinkedUser": {"user": "User"},
	"PollOption": {"index": "int", "text": "str", "votes": "int"},
	"TextPiece": {"kind": "int", "text": "str", "user": "User", "giftId": "int", "giftName": "str"},
}

## Webcast methods that produce no event.
const IGNORED_METHODS: Array[String] = ["WebcastMsgDetectMessage", "WebcastRoomStreamAdaptationMessage"]

# Values the daemon and the engines share (docs/events.md, Defaults).
## The daemon's event feed (ZeroMQ PUB), `publisher.endpoint`.
const PUBLISHER_ENDPOINT := "tcp://127.0.0.1:5556"
## The daemon's control endpoint (ZeroMQ ROUTER), `control.endpoint`.
const CONTROL_ENDPOINT := "tcp://127.0.0.1:5557"
## Where daemons publish into a forwarder, `proxy.frontend`.
const FORWARDER_ENDPOINT := "tcp://127.0.0.1:5558"
## The web console's port on 127.0.0.1, `console.port`.
const CONSOLE_PORT := 5559
## Seconds between `sys.heartbeat` messages, `publisher.heartbeat_interval`; engines assume it until a heartbeat's `interval` announces the daemon's own.
const HEARTBEAT_INTERVAL := 1.0
## Heartbeat intervals without any traffic after which an engine drops the link and reconnects.
const LIVENESS_INTERVALS := 2
## Largest ZeroMQ message (all frames together) an engine accepts; larger is a protocol error.
const MAX_MESSAGE_BYTES := 16777216
## Most frames in one ZeroMQ message an engine accepts.
const MAX_MESSAGE_FRAMES := 256
