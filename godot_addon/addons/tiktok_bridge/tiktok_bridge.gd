@tool
extends Node
## TikTokBridge: TikTok LIVE events from the tiktok-live-bridge daemon as signals.
##
## Registered as the autoload [code]TikTokBridge[/code] by the editor plugin.
## Speaks ZeroMQ's wire protocol (ZMTP 3) and msgpack in plain GDScript over
## StreamPeerTCP: no native library. Everything happens in [method _process]:
## socket reads and writes never block, and at most
## [member max_events_per_frame] events (and about [member frame_budget_ms] of
## time) are decoded and dispatched per frame; the rest wait for the next frames.
##
## Events are Dictionaries with the keys of docs/events.md. The daemon omits
## keys whose value is empty (0, "", false, [], {}); with
## [code]tiktok_bridge/fill_defaults[/code] on (the default) every key the
## contract defines for the event's type is put back with its zero value before
## dispatch, so [code]event.streaking[/code] or [code]event.user.nickname[/code]
## never fail. With it off, handlers get the raw Dictionaries.
## Integers are GDScript ints; ids at or above 2^63 (uint64) read as negative
## ints, see msgpack.gd.
##
## [codeblock]
## func _ready():
##     TikTokBridge.gift_received.connect(_on_gift)
##
## func _on_gift(event: Dictionary):
##     if not event.streaking:   # count a combo once, when it ends
##         spawn(event.user.nickname, event.repeatCount)
## [/codeblock]
##
## The name is [method is_bridge_connected], not is_connected: Object already has
## is_connected(signal, callable) and a node cannot redefine it.

const Transport := preload("res://addons/tiktok_bridge/transport.gd")
const Msgpack := preload("res://addons/tiktok_bridge/msgpack.gd")
const Settings := preload("res://addons/tiktok_bridge/settings.gd")
const Contract := preload("res://addons/tiktok_bridge/contract.gd")
const ControlClient := preload("res://addons/tiktok_bridge/control_client.gd")
const Request := preload("res://addons/tiktok_bridge/request.gd")

# ------------------------------------------------------------ event signals
# Each receives the event Dictionary (docs/events.md).

signal chat_received(event: Dictionary)            ## chat
signal gift_received(event: Dictionary)            ## gift (every combo step; see streaking)
signal gift_final_received(event: Dictionary)      ## giftFinal: one per streak, counted once
signal like_received(event: Dictionary)            ## like
signal member_joined(event: Dictionary)            ## member (action 1 = joined)
signal follow_received(event: Dictionary)          ## follow
signal share_received(event: Dictionary)           ## share
signal social_received(event: Dictionary)          ## social (neither follow nor share)
signal subscribe_received(event: Dictionary)       ## subscribe
signal viewer_count_changed(event: Dictionary)     ## roomUserSeq (viewerCount, topViewers)
signal battle_updated(event: Dictionary)           ## battle and battleArmies (check event.type)
signal room_pinned(event: Dictionary)              ## roomPin
signal emote_received(event: Dictionary)           ## emote
signal envelope_received(event: Dictionary)        ## envelope
signal question_received(event: Dictionary)        ## question
signal live_intro_received(event: Dictionary)      ## liveIntro
signal caption_received(event: Dictionary)         ## caption
signal barrage_received(event: Dictionary)         ## barrage
signal goal_updated(event: Dictionary)             ## goal
signal rank_updated(event: Dictionary)             ## rank
signal poll_updated(event: Dictionary)             ## poll
signal banner_received(event: Dictionary)          ## banner
signal messages_deleted(event: Dictionary)         ## imDelete
signal control_received(event: Dictionary)         ## control (1 paused, 2 resumed)
signal stream_ended(event: Dictionary)             ## streamEnd
signal co_host_score_updated(event: Dictionary)    ## coHostScore (hosts' live scores while linked)
signal co_host_received(event: Dictionary)         ## coHost (hosts joined, left, list changed)
signal rank_text_received(event: Dictionary)       ## rankText (a viewer moved in the top-viewer ranking)
signal battle_punish_received(event: Dictionary)   ## battlePunish (punishment phase finished)
signal battle_card_received(event: Dictionary)     ## battleCard (item card used or awarded)
signal battle_task_received(event: Dictionary)     ## battleTask (speed challenge start, progress, result)
signal battle_notice_received(event: Dictionary)   ## battleNotice (battle rule and guide notices)
signal room_message_received(event: Dictionary)    ## roomMessage (system and welcome lines)
signal system_message_received(event: Dictionary)  ## systemMessage (system messages)
signal room_notify_received(event: Dictionary)     ## roomNotify (room notices)
signal gift_broadcast_received(event: Dictionary)  ## giftBroadcast (platform-wide gift announcements)
signal hourly_rank_received(event: Dictionary)     ## hourlyRank (hourly and weekly ranking text)
signal sub_pin_received(event: Dictionary)         ## subPin (subscription card pinned or unpinned)
signal bottom_message_received(event: Dictionary)  ## bottomMessage (notices at the bottom of the screen)
signal unauthorized_member_joined(event: Dictionary) ## unauthorizedMember (a logged-out viewer joined)
signal access_recall_received(event: Dictionary)   ## accessRecall (a restriction on the host's access)
signal stream_summary_received(event: Dictionary)  ## streamSummary
signal unknown_received(event: Dictionary)         ## unknown (method, payload)
## A rule fired (topic action/<name>/<room>): its name, params and the event
## that triggered it.
signal action_triggered(name: String, params: Dictionary, event: Dictionary)
## Every message, the ones above and sys.* too, with its type.
signal event_received(type: String, event: Dictionary)

# ------------------------------------------------------------ daemon signals

## A room's connection state changed (sys.status): connecting, connected,
## reconnecting, disconnected, streamEnd or error; reason codes in docs/status.md.
signal status_changed(room: String, state: String, reason: String)
## The daemon's sys.heartbeat (uptime, rooms, counters).
signal heartbeat_received(event: Dictionary)
## The daemon reloaded its rules file (sys.rules).
signal rules_changed(event: Dictionary)
## A message that could not be decoded (it is skipped).
signal decode_error(topic: String, message: String)

# ------------------------------------------------------------ connection signals

## The feed is connected and subscribed.
signal connected
## The feed connection ended (or the first attempt failed). Reasons: by_request,
## closed by peer, heartbeat_timeout, connection refused by ..., timeout: ...,
## protocol: ..., peer error: ...
signal disconnected(reason: String)
## A reconnect is scheduled: attempt 1, 2, ... (see reconnect_delay and
## reconnect_max_delay); [method get_reconnect_delay] says how long it waits.
signal reconnecting(attempt: int)
## max_reconnect_attempts were used up (or the daemon sent a ZMTP ERROR).
signal reconnect_failed(attempts: int, reason: String)
## A control request finished (also signalled on the request itself).
signal control_reply(request: Request)

enum State { DISCONNECTED, CONNECTING, CONNECTED, RECONNECTING, FAILED }

## Event type -> signal with the event as its only argument.
const SIGNALS := {
	"chat": &"chat_received",
	"gift": &"gift_received",
	"giftFinal": &"gift_final_received",
	"like": &"like_received",
	"member": &"member_joined",
	"follow": &"follow_received",
	"share": &"share_received",
	"social": &"social_received",
	"subscribe": &"subscribe_received",
	"roomUserSeq": &"viewer_count_changed",
	"battle": &"battle_updated",
	"battleArmies": &"battle_updated",
	"roomPin": &"room_pinned",
	"emote": &"emote_received",
	"envelope": &"envelope_received",
	"question": &"question_received",
	"liveIntro": &"live_intro_received",
	"caption": &"caption_received",
	"barrage": &"barrage_received",
	"goal": &"goal_updated",
	"rank": &"rank_updated",
	"poll": &"poll_updated",
	"banner": &"banner_received",
	"imDelete": &"messages_deleted",
	"control": &"control_received",
	"streamEnd": &"stream_ended",
	"coHostScore": &"co_host_score_updated",
	"coHost": &"co_host_received",
	"rankText": &"rank_text_received",
	"battlePunish": &"battle_punish_received",
	"battleCard": &"battle_card_received",
	"battleTask": &"battle_task_received",
	"battleNotice": &"battle_notice_received",
	"roomMessage": &"room_message_received",
	"systemMessage": &"system_message_received",
	"roomNotify": &"room_notify_received",
	"giftBroadcast": &"gift_broadcast_received",
	"hourlyRank": &"hourly_rank_received",
	"subPin": &"sub_pin_received",
	"bottomMessage": &"bottom_message_received",
	"unauthorizedMember": &"unauthorized_member_joined",
	"accessRecall": &"access_recall_received",
	"streamSummary": &"stream_summary_received",
	"unknown": &"unknown_received",
	"sys.heartbeat": &"heartbeat_received",
	"sys.rules": &"rules_changed",
}
## Types with their own handling: action_triggered, status_changed.
const SPECIAL_TYPES := ["action", "sys.status"]

const MAX_QUEUED_MESSAGES := 50000

# ------------------------------------------------------------ settings
# Read from Project Settings (tiktok_bridge/...) when the node is created.
# Change them in code, then call connect_bridge() to apply.

var endpoint: String
var control_endpoint: String
var control_token: String
var control_timeout: float
var topic_filter: PackedStringArray
var auto_connect: bool
var auto_reconnect: bool
var max_reconnect_attempts: int
var reconnect_delay: float
var reconnect_max_delay: float
var heartbeat_interval: float
var max_events_per_frame: int
var frame_budget_ms: float
var fill_defaults: bool
var dispatch_while_paused: bool
var debug_logging: bool
## Set by the editor dock: this instance runs inside the editor.
var editor_instance: bool = false

var _state: State = State.DISCONNECTED
var _transport := Transport.new()
var _control := ControlClient.new()
var _mp := Msgpack.new()
var _queue: Array = []
var _qhead: int = 0
var _attempt: int = 0
var _retry_at_ms: int = 0
var _retry_delay: float = 0.0
var _rng := RandomNumberGenerator.new()
var _report_next_failure: bool = false
var _subscribed_all: bool = true
var _last_seq: int = -1
var _room_id: int = 0
var _room: String = ""
var _viewer_count: int = 0
var _event_count: int = 0
var _message_count: int = 0
var _lost: int = 0
var _dropped: int = 0
var _decode_errors: int = 0
var _last_heartbeat: Dictionary = {}
var _announced_interval: float = 0.0  # the daemon's sys.heartbeat interval, once seen
var _announced_by: String = ""  # the endpoint that announced it
var _generation: int = 0  # bumped by every _open(), so handlers that reconnect are noticed


func _init() -> void:
	process_mode = Node.PROCESS_MODE_ALWAYS  # keep the connection alive while the game is paused
	_rng.randomize()
	reload_settings()
	_control.request_finished.connect(func(r: Request) -> void: control_reply.emit(r))


func _ready() -> void:
	if Engine.is_editor_hint() and not editor_instance:
		set_process(false)  # the autoload inside the editor stays idle; the dock has its own
		return
	if auto_connect and not editor_instance:
		connect_bridge()


func _exit_tree() -> void:
	_transport.close("by_request")
	_state = State.DISCONNECTED
	_control.shutdown("node left the tree")


## Re-reads the tiktok_bridge/ project settings into the properties above.
func reload_settings() -> void:
	var s := Settings.get_all()
	endpoint = s.endpoint
	control_endpoint = s.control_endpoint
	control_token = s.control_token
	control_timeout = s.control_timeout
	topic_filter = s.topic_filter
	auto_connect = s.auto_connect
	auto_reconnect = s.auto_reconnect
	max_reconnect_attempts = s.max_reconnect_attempts
	reconnect_delay = s.reconnect_delay
	reconnect_max_delay = s.reconnect_max_delay
	heartbeat_interval = s.heartbeat_interval
	max_events_per_frame = s.max_events_per_frame
	frame_budget_ms = s.frame_budget_ms
	fill_defaults = s.fill_defaults
	dispatch_while_paused = s.dispatch_while_paused
	debug_logging = s.debug_logging


# ------------------------------------------------------------ connection API

## Connects to [member endpoint] (again, if settings changed). Returns false if
## the endpoint is invalid. The result arrives as [signal connected] or
## [signal disconnected].
func connect_bridge() -> bool:
	if (_state == State.CONNECTING or _state == State.CONNECTED) and _transport.endpoint == endpoint:
		return true
	_transport.close("by_request")
	_attempt = 0
	_report_next_failure = true
	return _open()


## Closes the feed and stops reconnecting. Undispatched events are dropped.
func disconnect_bridge() -> void:
	var was := _state
	_transport.close("by_request")
	_state = State.DISCONNECTED
	_attempt = 0
	_queue.clear()
	_qhead = 0
	if was == State.CONNECTED:
		disconnected.emit("by_request")


## True while the feed is connected (handshake done, subscribed).
func is_bridge_connected() -> bool:
	return _state == State.CONNECTED


## DISCONNECTED, CONNECTING, CONNECTED, RECONNECTING or FAILED.
func get_connection_state() -> State:
	return _state


## The state as text: disconnected, connecting, connected, reconnecting, failed.
func get_connection_state_name() -> String:
	return (State.keys()[_state] as String).to_lower()


## TikTok's numeric room id of the last event that carried one (0: none yet).
func get_room_id() -> int:
	return _room_id


## The room (creator's uniqueId) of the last event.
func get_room() -> String:
	return _room


## The viewer count from the last roomUserSeq event (0: none yet).
func get_viewer_count() -> int:
	return _viewer_count


## Upstream events dispatched so far (sys.* messages not counted).
func get_event_count() -> int:
	return _event_count


## The last sys.heartbeat map ({} before the first).
func get_last_heartbeat() -> Dictionary:
	return _last_heartbeat


## The heartbeat interval the liveness check uses, in seconds: the one the daemon
## at [member endpoint] announced in its sys.heartbeat once seen, else
## [member heartbeat_interval]; 0 when the check is off (heartbeat_interval 0).
## Nothing received for Contract.LIVENESS_INTERVALS of it means reconnect.
func get_heartbeat_interval() -> float:
	if heartbeat_interval <= 0.0:
		return 0.0
	if _announced_interval > 0.0 and _announced_by == endpoint:
		return _announced_interval
	return heartbeat_interval


## The wait before reconnect [param attempt] (1 for the first retry), in
## seconds: [member reconnect_delay] doubled per attempt, at most
## [member reconnect_max_delay] (or reconnect_delay if that is larger), then
## jittered to 50..100 % so many clients do not retry in step.
func get_reconnect_delay(attempt: int) -> float:
	var cap := maxf(reconnect_max_delay, reconnect_delay)
	var d := minf(reconnect_delay * pow(2.0, clampi(attempt - 1, 0, 60)), cap)
	return d * _rng.randf_range(0.5, 1.0)


## Counters: messages, events, lost (seq gaps, counted only when subscribed to
## everything), dropped (over the local queue limit), decode_errors, queued,
## pings (ZMTP PINGs answered on this connection), reconnect_attempt,
## reconnect_delay (seconds the scheduled retry waits).
func get_stats() -> Dictionary:
	var z = _transport.zmtp
	return {
		"state": get_connection_state_name(),
		"messages": _message_count,
		"events": _event_count,
		"lost": _lost,
		"dropped": _dropped,
		"decode_errors": _decode_errors,
		"queued": _queue.size() - _qhead,
		"pings": z.pings_received if z != null else 0,
		"bytes": z.bytes_received if z != null else 0,
		"reconnect_attempt": _attempt,
		"reconnect_delay": _retry_delay,
	}


# ------------------------------------------------------------ control API
# Each returns a request object; its `completed(reply)` signal fires once with
# the daemon's reply map ({"ok": true, "result": ...} or {"ok": false,
# "error": {"code", "message"}}). Use `await`:
#     var reply = await TikTokBridge.simulate("gift", {"giftName": "Lion"}).completed

## Publishes a synthetic event of [param type] through the daemon's pipeline
## (it arrives on the feed marked simulated: true). [param fields] are contract
## fields of that type; missing ones get defaults. [param room]: "" = the first
## watched room.
func simulate(type: String, fields: Dictionary = {}, room: String = "") -> Request:
	var args := {"type": type, "fields": fields}
	if room != "":
		args["room"] = room
	return control_request("simulate", args)


## Starts watching a live room (@name, URL or room id).
func watch_room(unique_id: String) -> Request:
	return control_request("connect", {"room": unique_id})


## Stops watching a room.
func unwatch_room(unique_id: String) -> Request:
	return control_request("disconnect", {"room": unique_id})


## Checks the daemon answers (result "pong").
func ping_daemon() -> Request:
	return control_request("ping")


## Any control command (docs/control.md) with its arguments.
func control_request(cmd: String, args: Dictionary = {}) -> Request:
	_control.endpoint = control_endpoint
	_control.token = control_token
	_control.timeout_ms = int(control_timeout * 1000.0)
	_control.debug = debug_logging
	return _control.request(cmd, args)


# ------------------------------------------------------------ helpers

## A copy of [param event] with every key the contract defines for its type
## (and the envelope) present, absent ones set to their zero values: 0, 0.0,
## "", false, [], {}, PackedByteArray(). Nested structs (user, list items) and
## nested events (action's event, roomPin's pinned: by their own type; when
## absent, the envelope's keys) are filled too.
static func with_defaults(event: Dictionary) -> Dictionary:
	var type: Variant = event.get("type", "")
	var fields: Dictionary = Contract.EVENTS.get(type, {})
	var out := event.duplicate()
	if not String(type).begins_with("sys."):
		_fill(out, Contract.ENVELOPE)
	_fill(out, fields)
	return out


static func _fill(d: Dictionary, fields: Dictionary) -> void:
	for k in fields:
		var t: String = fields[k]
		if not d.has(k):
			d[k] = _zero(t)
		elif t.begins_with("[") and d[k] is Array and Contract.STRUCTS.has(t.substr(1, t.length() - 2)):
			var st: Dictionary = Contract.STRUCTS[t.substr(1, t.length() - 2)]
			var items: Array = d[k].duplicate()
			for i in items.size():
				if items[i] is Dictionary:
					items[i] = items[i].duplicate()
					_fill(items[i], st)
			d[k] = items
		elif Contract.STRUCTS.has(t) and d[k] is Dictionary:
			d[k] = d[k].duplicate()
			_fill(d[k], Contract.STRUCTS[t])
		elif t == "event" and d[k] is Dictionary and Contract.EVENTS.has(d[k].get("type", "")):
			d[k] = with_defaults(d[k])


static func _zero(t: String) -> Variant:
	match t:
		"int":
			return 0
		"float":
			return 0.0
		"str":
			return ""
		"bool":
			return false
		"bin":
			return PackedByteArray()
	if t.begins_with("["):
		return []
	if t == "event":  # its type is unknown: the envelope's keys
		var e := {}
		_fill(e, Contract.ENVELOPE)
		return e
	if Contract.STRUCTS.has(t):
		var d := {}
		_fill(d, Contract.STRUCTS[t])
		return d
	return {}  # map


# ------------------------------------------------------------ the frame loop

func _process(_delta: float) -> void:
	_poll_feed()
	_dispatch_queued()
	_control.poll()


func _open() -> bool:
	_generation += 1
	if OS.has_feature("web"):
		return _give_up("web exports cannot open raw TCP connections (StreamPeerTCP); see docs/godot.md")
	_state = State.CONNECTING
	_transport.connect_timeout_ms = int(maxf(5.0, get_heartbeat_interval() * Contract.LIVENESS_INTERVALS) * 1000.0)
	if not _transport.open(endpoint, "SUB"):
		return _give_up(_transport.reason)  # a malformed endpoint does not get better by retrying
	_log("connecting to %s" % endpoint)
	var prefixes: Array = []
	for p in topic_filter:
		if not p in prefixes:
			prefixes.append(p)
	if prefixes.is_empty():
		prefixes.append("")
	_subscribed_all = "" in prefixes
	var sys_covered := false
	for p in prefixes:
		if "sys.".begins_with(p):
			sys_covered = true
	if not sys_covered:
		prefixes.append("sys.")  # status changes and heartbeats: liveness needs them
	for p in prefixes:
		_transport.zmtp.subscribe((p as String).to_utf8_buffer())
	return true


func _give_up(reason: String) -> bool:
	push_warning("TikTokBridge: cannot connect: %s" % reason)
	if _report_next_failure:
		_report_next_failure = false
		disconnected.emit(reason)
	_state = State.FAILED
	reconnect_failed.emit(_attempt, reason)
	return false


func _poll_feed() -> void:
	match _state:
		State.CONNECTING, State.CONNECTED:
			_transport.poll()
			if _transport.status == Transport.Status.CLOSED:
				_on_closed(_transport.reason)
				return
			if _state == State.CONNECTING and _transport.is_ready():
				_state = State.CONNECTED
				_attempt = 0
				_report_next_failure = false
				_last_seq = -1
				_log("connected to %s (peer %s, ZMTP %d.%d)" % [endpoint, _transport.zmtp.peer_socket_type,
					_transport.zmtp.peer_major, _transport.zmtp.peer_minor])
				connected.emit()
			if _state == State.CONNECTED:
				_enqueue(_transport.zmtp.take_messages())
				var interval := get_heartbeat_interval()
				if interval > 0.0 and Time.get_ticks_msec() - _transport.last_rx_ms \
						> int(interval * Contract.LIVENESS_INTERVALS * 1000.0):
					_transport.close("heartbeat_timeout")
					_on_closed("heartbeat_timeout")
		State.RECONNECTING:
			if Time.get_ticks_msec() >= _retry_at_ms:
				_log("reconnect attempt %d" % _attempt)
				_open()


func _on_closed(reason: String) -> void:
	var was_connected := _state == State.CONNECTED
	var generation := _generation
	_log("connection closed: %s" % reason)
	if was_connected or _report_next_failure:
		_report_next_failure = false
		disconnected.emit(reason)
		if _generation != generation or _state == State.DISCONNECTED:
			return  # a handler called connect_bridge() or disconnect_bridge()
	if _transport.zmtp != null and _transport.zmtp.peer_error:
		_state = State.FAILED  # ZMTP ERROR: retrying with the same settings is pointless
		reconnect_failed.emit(_attempt, reason)
		return
	if not auto_reconnect:
		_state = State.DISCONNECTED
		return
	if max_reconnect_attempts > 0 and _attempt >= max_reconnect_attempts:
		_state = State.FAILED
		reconnect_failed.emit(_attempt, reason)
		return
	_attempt += 1
	_retry_delay = get_reconnect_delay(_attempt)
	_retry_at_ms = Time.get_ticks_msec() + int(_retry_delay * 1000.0)
	_state = State.RECONNECTING
	reconnecting.emit(_attempt)


func _enqueue(messages: Array) -> void:
	if messages.is_empty():
		return
	var room := MAX_QUEUED_MESSAGES - (_queue.size() - _qhead)
	if messages.size() > room:
		_dropped += messages.size() - maxi(room, 0)
		messages = messages.slice(0, maxi(room, 0))
	_queue.append_array(messages)


func _dispatch_queued() -> void:
	if _qhead >= _queue.size():
		return
	if not dispatch_while_paused and is_inside_tree() and get_tree().paused:
		return  # the feed is still read (and PINGs answered); events wait for the game to resume
	var budget_end := Time.get_ticks_usec() + int(frame_budget_ms * 1000.0)
	var n := 0
	while _qhead < _queue.size() and n < max_events_per_frame:
		if n > 0 and Time.get_ticks_usec() >= budget_end:
			break
		var frames: Array = _queue[_qhead]
		_queue[_qhead] = null
		_qhead += 1
		n += 1
		_handle(frames)
	if _qhead >= _queue.size():
		_queue.clear()
		_qhead = 0
	elif _qhead > 4096:
		_queue = _queue.slice(_qhead)
		_qhead = 0


## Decodes and dispatches one [topic, payload] message.
func _handle(frames: Array) -> void:
	_message_count += 1
	if frames.size() != 2:
		var t := (frames[0] as PackedByteArray).get_string_from_utf8() if frames.size() > 0 else ""
		_bad(t, "expected 2 frames, got %d" % frames.size())
		return
	var topic := (frames[0] as PackedByteArray).get_string_from_utf8()
	var payload: Variant = _mp.decode(frames[1])
	if _mp.error != "":
		_bad(topic, "msgpack: %s at byte %d" % [_mp.error, _mp.error_offset])
		return
	if not payload is Dictionary:
		_bad(topic, "payload is a %s, not a map" % type_string(typeof(payload)))
		return
	var event: Dictionary = payload
	var type_v: Variant = event.get("type")
	var type: String = type_v if type_v is String and type_v != "" else topic.get_slice("/", 0)
	var seq: Variant = event.get("seq")
	if seq is int and _subscribed_all:
		if _last_seq >= 0 and seq > _last_seq + 1:
			_lost += seq - _last_seq - 1
		_last_seq = seq
	if fill_defaults:
		event = with_defaults(event)
	if not type.begins_with("sys."):
		_event_count += 1
		var rid: Variant = event.get("roomId")
		if rid is int and rid != 0:
			_room_id = rid
		var r: Variant = event.get("room")
		if r is String and r != "":
			_room = r
		if type == "roomUserSeq":
			var vc: Variant = event.get("viewerCount", 0)
			_viewer_count = vc if vc is int else 0
	elif type == "sys.heartbeat":
		_last_heartbeat = event
		var announced: Variant = event.get("interval")
		if (announced is float or announced is int) and is_finite(float(announced)) and float(announced) > 0.0:
			_announced_interval = float(announced)
			_announced_by = _transport.endpoint
	var sig: Variant = SIGNALS.get(type)
	if sig != null:
		emit_signal(sig, event)
	elif type == "action":
		var params: Variant = event.get("params", {})
		var source: Variant = event.get("event", {})
		var name := str(event.get("name", topic.get_slice("/", 1)))
		action_triggered.emit(name, params if params is Dictionary else {}, source if source is Dictionary else {})
	elif type == "sys.status":
		status_changed.emit(str(event.get("room", "")), str(event.get("state", "")), str(event.get("reason", "")))
	event_received.emit(type, event)


func _bad(topic: String, message: String) -> void:
	_decode_errors += 1
	_log("bad message on '%s': %s" % [topic, message])
	decode_error.emit(topic, message)


func _log(message: String) -> void:
	if debug_logging:
		print("[TikTokBridge] ", message)
