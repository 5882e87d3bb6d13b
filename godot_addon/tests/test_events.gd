extends "res://tests/runner.gd"
## Events that cannot crash a handler, without a daemon: every contract event
## type goes through the real dispatch path (msgpack bytes -> _handle -> its
## signal) with every optional key absent, and handlers read every documented
## key with plain indexing (event[key], event.user.nickname), which raises on a
## missing key. Also: raw Dictionaries with fill_defaults off, dispatch while
## paused, and the reconnect backoff (cap, jitter).

const Bridge := preload("res://addons/tiktok_bridge/tiktok_bridge.gd")
const Contract := preload("res://addons/tiktok_bridge/contract.gd")
const Msgpack := preload("res://addons/tiktok_bridge/msgpack.gd")

var bridge: Bridge
var read_ok := {}      # type -> handlers that read every documented key to the end
var wrong: Array = []  # keys whose filled value has the wrong type
var last := {}         # type -> last event
var reading := true    # handlers read every key (off for the raw Dictionaries)


func run() -> void:
	bridge = Bridge.new()
	root.add_child(bridge)
	test_defaults()
	hook()
	test_every_type_empty()
	test_every_type_empty_items()
	test_literal_reads()
	test_raw()
	test_pause()
	test_backoff()


func test_defaults() -> void:
	section("defaults")
	eq([bridge.fill_defaults, bridge.dispatch_while_paused, bridge.reconnect_delay, bridge.reconnect_max_delay],
		[true, true, 0.5, 3.0], "fill_defaults and dispatch_while_paused on, reconnect 0.5 s doubling to 3 s")


func hook() -> void:
	for type in Bridge.SIGNALS:
		if not bridge.is_connected(Bridge.SIGNALS[type], _on_typed):
			bridge.connect(Bridge.SIGNALS[type], _on_typed)
	bridge.action_triggered.connect(func(n: String, params: Dictionary, source: Dictionary) -> void:
		var p: Dictionary = params
		var s: String = source.type  # the triggering event is filled too
		_mark("action_triggered:" + n + str(p.size()) + s))
	bridge.status_changed.connect(func(room: String, state: String, reason: String) -> void:
		_mark("status_changed:" + room + state + reason))
	bridge.event_received.connect(func(type: String, event: Dictionary) -> void:
		last[type] = event
		if not reading:
			return
		_read(type, event, Contract.EVENTS[type], not type.begins_with("sys."))
		_mark("event_received:" + type))


func _on_typed(event: Dictionary) -> void:
	if not reading:
		return
	var type: String = event.type
	_read(type, event, Contract.EVENTS[type], not type.begins_with("sys."))
	_mark(type)


func _mark(key: String) -> void:
	read_ok[key] = read_ok.get(key, 0) + 1


## Reads every documented key with plain indexing and checks its type; a
## missing key raises here and aborts the handler before _mark().
func _read(where: String, event: Dictionary, fields: Dictionary, envelope: bool) -> void:
	if envelope:
		for k in Contract.ENVELOPE:
			_value(where + "." + k, event[k], Contract.ENVELOPE[k])
	for k in fields:
		_value(where + "." + k, event[k], fields[k])


func _value(where: String, v: Variant, t: String) -> void:
	var types := {"int": TYPE_INT, "float": TYPE_FLOAT, "str": TYPE_STRING, "bool": TYPE_BOOL,
		"bin": TYPE_PACKED_BYTE_ARRAY, "map": TYPE_DICTIONARY, "event": TYPE_DICTIONARY}
	if t.begins_with("["):
		if not v is Array:
			wrong.append("%s: %s" % [where, type_string(typeof(v))])
			return
		for item in v:
			_value(where + "[]", item, t.substr(1, t.length() - 2))
	elif Contract.STRUCTS.has(t):
		if not v is Dictionary:
			wrong.append("%s: %s" % [where, type_string(typeof(v))])
			return
		_read(where, v, Contract.STRUCTS[t], false)
	elif typeof(v) != types[t]:
		wrong.append("%s should be %s, is %s" % [where, t, type_string(typeof(v))])
	elif t == "event":
		_read(where, v, Contract.EVENTS.get(v.type, {}), true)


## Sends one message through the real decode and dispatch path.
func deliver(type: String, payload: Dictionary) -> void:
	var packed: Dictionary = Msgpack.pack(payload)
	assert(packed.error == "")
	bridge._handle([(type + "/r").to_utf8_buffer(), packed.bytes])


func all_types() -> Array:
	return Contract.EVENT_TYPES + Contract.SYSTEM_TYPES


func test_every_type_empty() -> void:
	section("every event type with every optional key absent")
	read_ok.clear()
	wrong.clear()
	for type in all_types():
		deliver(type, {"type": type})
	for type in all_types():
		if Bridge.SIGNALS.has(type):
			eq(read_ok.get(type, 0), 1, "%s: its signal's handler read every documented key" % type)
		eq(read_ok.get("event_received:" + type, 0), 1, "%s: event_received's handler read every key" % type)
	eq(read_ok.get("action_triggered:0", 0), 1, "action_triggered without a source event: its envelope keys")
	check(read_ok.has("status_changed:"), "status_changed with empty room, state and reason")
	eq(wrong, [], "every filled key has its contract type")
	eq(last.gift.streaking, false, "gift.streaking filled")
	eq(last.gift.user.nickname, "", "gift.user.nickname filled")
	eq(last.roomUserSeq.topViewers, [], "lists filled with []")
	eq(last.unknown.payload, PackedByteArray(), "bin filled with PackedByteArray()")


func test_every_type_empty_items() -> void:
	section("structs, list items and nested events with every key absent")
	read_ok.clear()
	wrong.clear()
	var items := 0
	for type in all_types():
		var payload := {"type": type}
		var fields: Dictionary = Contract.EVENTS[type]
		for k in fields:
			var t: String = fields[k]
			if t.begins_with("[") and Contract.STRUCTS.has(t.substr(1, t.length() - 2)):
				payload[k] = [{}, {}]
				items += 2
			elif Contract.STRUCTS.has(t):
				payload[k] = {}
			elif t == "event":
				payload[k] = {"type": "gift"}
		deliver(type, payload)
		eq(read_ok.get("event_received:" + type, 0), 1, "%s read to the end" % type)
	check(items > 10, "%d empty list items" % items)
	eq(wrong, [], "every filled key has its contract type")
	eq(last.roomUserSeq.topViewers[1].user.uniqueId, "", "list items filled, their structs too")
	eq(last.action.event.repeatCount, 0, "action's nested event filled by its own type")
	check(read_ok.has("action_triggered:0gift"), "action_triggered gets the filled source event")


func test_literal_reads() -> void:
	section("the handlers from the docs")
	var got := []
	var h := func(event: Dictionary) -> void:
		if not event.streaking:
			got.append([event.user.nickname, event.repeatCount, event.giftName])
	bridge.gift_received.connect(h)
	deliver("gift", {"type": "gift", "giftName": "Rose", "user": {"uniqueId": "u"}})
	bridge.gift_received.disconnect(h)
	eq(got, [["", 0, "Rose"]], "event.streaking, event.user.nickname, event.repeatCount on a final gift")


func test_raw() -> void:
	section("raw Dictionaries with fill_defaults off")
	bridge.fill_defaults = false
	reading = false
	deliver("gift", {"type": "gift", "giftName": "Rose"})
	reading = true
	bridge.fill_defaults = true
	eq(last.gift, {"type": "gift", "giftName": "Rose"}, "as published, nothing added")
	var filled := Bridge.with_defaults(last.gift)
	eq([filled.giftName, filled.streaking, filled.user.id], ["Rose", false, 0], "with_defaults() on demand")


func test_pause() -> void:
	section("while the game is paused")
	var n := [0]
	var h := func(_e: Dictionary) -> void: n[0] += 1
	bridge.like_received.connect(h)
	var like := [("like/r").to_utf8_buffer(), Msgpack.pack({"type": "like", "likeCount": 3}).bytes]
	paused = true
	bridge.dispatch_while_paused = false
	bridge._enqueue([like.duplicate(), like.duplicate()])
	bridge._dispatch_queued()
	eq([n[0], bridge.get_stats().queued], [0, 2], "dispatch_while_paused off: events wait in the queue")
	bridge.dispatch_while_paused = true
	bridge._dispatch_queued()
	eq([n[0], bridge.get_stats().queued], [2, 0], "dispatch_while_paused on (default): dispatched while paused")
	bridge.dispatch_while_paused = false
	bridge._enqueue([like.duplicate()])
	paused = false
	bridge._dispatch_queued()
	eq(n[0], 3, "dispatched once the game resumes")
	bridge.like_received.disconnect(h)
	check(bridge.process_mode == Node.PROCESS_MODE_ALWAYS, "the connection is polled while paused")


func test_backoff() -> void:
	section("reconnect backoff")
	var nominal := [0.5, 1.0, 2.0, 3.0, 3.0, 3.0]
	var ok := true
	var at_cap := []
	for attempt in range(1, 7):
		for i in 40:
			var d := bridge.get_reconnect_delay(attempt)
			var top: float = nominal[attempt - 1]
			ok = ok and d >= top * 0.5 and d <= top
			if attempt == 6:
				at_cap.append(d)
	check(ok, "attempt n waits min(0.5 s * 2^(n-1), 3 s), jittered to 50..100 %")
	check(at_cap.max() - at_cap.min() > 0.3, "jitter spreads the waits (%.2f..%.2f s)" % [at_cap.min(), at_cap.max()])
	check(bridge.get_reconnect_delay(1000) <= 3.0, "no overflow at attempt 1000")
	bridge.reconnect_max_delay = 0.1
	check(bridge.get_reconnect_delay(5) <= 0.5 and bridge.get_reconnect_delay(5) >= 0.25,
		"a cap below reconnect_delay waits reconnect_delay")
	bridge.reconnect_max_delay = 3.0
