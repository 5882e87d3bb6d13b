extends "res://tests/runner.gd"
## End to end against a real daemon, driven by tests/test_godot.py:
##   godot --headless --path godot_addon -s res://tests/test_e2e.gd -- \
##       --endpoint=tcp://127.0.0.1:P --control=tcp://127.0.0.1:C [--heartbeat-seconds=20]
##       [--daemon-heartbeat=S]  (the daemon's publisher.heartbeat_interval, when not the default)
##
## Lines starting with "E2E:" ask the driver to act on the daemon:
##   E2E:restart  kill the daemon and start it again on the same ports
##   E2E:stop     SIGSTOP the daemon (it goes silent; our watchdog must notice)
##   E2E:cont     SIGCONT it
## The daemon runs with libzmq heartbeats every 0.2 s (timeout 0.6 s) and a
## rules file that fires the action "thanks" on every follow.

const Bridge := preload("res://addons/tiktok_bridge/tiktok_bridge.gd")
const Contract := preload("res://addons/tiktok_bridge/contract.gd")

var bridge: Bridge
var log_signals: Array = []  # [name, args] of connection signals, in order
var seen_by_signal := {}     # event type -> count, from the per-type signals
var seen_generic := {}       # type -> count, from event_received
var samples := {}            # type -> last event
var type_errors: Array = []
var extra_keys := {}         # keys the daemon sent that the contract does not list (warnings)
var actions: Array = []
var statuses: Array = []
var simulated_seen := {}
var per_frame := {}          # process frame -> events dispatched in it
var max_seq: int = -1


func run() -> void:
	Engine.max_fps = 120  # a game-like frame rate, and CPU left for the daemon
	var endpoint: String = arg("endpoint") if arg("endpoint") != null else Contract.PUBLISHER_ENDPOINT
	var control: String = arg("control") if arg("control") != null else Contract.CONTROL_ENDPOINT
	var hb_seconds := float(arg("heartbeat-seconds")) if arg("heartbeat-seconds") != null else 20.0

	bridge = Bridge.new()
	section("defaults from the project settings")
	eq([bridge.endpoint, bridge.control_endpoint, bridge.auto_connect, bridge.auto_reconnect, bridge.max_reconnect_attempts,
		bridge.reconnect_delay, bridge.reconnect_max_delay, bridge.heartbeat_interval, bridge.max_events_per_frame,
		bridge.frame_budget_ms, bridge.topic_filter, bridge.fill_defaults, bridge.dispatch_while_paused, bridge.debug_logging],
		[Contract.PUBLISHER_ENDPOINT, Contract.CONTROL_ENDPOINT, true, true, 0, 0.5, 3.0, Contract.HEARTBEAT_INTERVAL, 256, 4.0, PackedStringArray(), true,
		true, false],
		"every setting has its documented default")
	bridge.endpoint = endpoint
	bridge.control_endpoint = control
	bridge.topic_filter = PackedStringArray()
	bridge.auto_connect = false
	bridge.reconnect_delay = 0.2
	bridge.heartbeat_interval = Contract.HEARTBEAT_INTERVAL
	bridge.max_events_per_frame = 256
	bridge.debug_logging = arg("debug") != null
	root.add_child(bridge)
	hook_signals()

	await phase_connect()
	await phase_control()
	await phase_rooms()
	await phase_all_types()
	check_event_contents()
	await phase_restart()
	await phase_heartbeats(hb_seconds)
	await phase_silent_client()
	await phase_watchdog(float(arg("daemon-heartbeat")) if arg("daemon-heartbeat") != null else Contract.HEARTBEAT_INTERVAL)
	await phase_budget()
	await phase_topic_filter()
	await phase_disconnect()
	await phase_control_errors()
	await phase_connect_failures()


func hook_signals() -> void:
	for sig in bridge.get_signal_list():
		var name: String = sig.name
		if name.ends_with("_received") or name in ["member_joined", "viewer_count_changed", "battle_updated",
				"room_pinned", "stream_ended", "goal_updated", "rank_updated", "poll_updated", "messages_deleted",
				"co_host_score_updated", "unauthorized_member_joined"]:
			if name == "event_received" or name == "heartbeat_received":
				continue
			bridge.connect(name, _on_typed.bind(name))
	bridge.event_received.connect(_on_event)
	bridge.heartbeat_received.connect(func(e: Dictionary) -> void: _count(seen_by_signal, "sys.heartbeat"))
	bridge.rules_changed.connect(func(e: Dictionary) -> void: _count(seen_by_signal, "sys.rules"))
	bridge.action_triggered.connect(func(n: String, p: Dictionary, e: Dictionary) -> void:
		actions.append([n, p, e])
		_count(seen_by_signal, "action"))
	bridge.status_changed.connect(func(room: String, state: String, reason: String) -> void:
		statuses.append([room, state, reason])
		_count(seen_by_signal, "sys.status"))
	bridge.connected.connect(func() -> void: log_signals.append(["connected"]))
	bridge.disconnected.connect(func(reason: String) -> void: log_signals.append(["disconnected", reason]))
	bridge.reconnecting.connect(func(attempt: int) -> void: log_signals.append(["reconnecting", attempt]))
	bridge.reconnect_failed.connect(func(n: int, reason: String) -> void: log_signals.append(["reconnect_failed", n, reason]))
	bridge.decode_error.connect(func(topic: String, message: String) -> void: type_errors.append("decode error on %s: %s" % [topic, message]))


func _count(d: Dictionary, key: String) -> void:
	d[key] = d.get(key, 0) + 1


func _on_typed(event: Dictionary, signal_name: String) -> void:
	var type: String = event.get("type", "?")
	_count(seen_by_signal, type)
	var expected: StringName = Bridge.SIGNALS.get(type, &"")
	if expected != StringName(signal_name):
		type_errors.append("%s arrived on %s, expected %s" % [type, signal_name, expected])


func _on_event(type: String, event: Dictionary) -> void:
	_count(seen_generic, type)
	samples[type] = event
	var f := Engine.get_process_frames()
	per_frame[f] = per_frame.get(f, 0) + 1
	var s: Variant = event.get("seq")
	if s is int:
		max_seq = maxi(max_seq, s)
	if event.get("simulated", false):
		simulated_seen[type] = true
	if type_errors.size() < 20:
		check_types(type, event)


## Every key present has the contract's type (int, str, bool, ... nested too).
func check_types(type: String, event: Dictionary) -> void:
	var fields: Dictionary = Contract.EVENTS.get(type, {})
	if fields.is_empty() and not Contract.EVENTS.has(type):
		type_errors.append("type %s is not in the contract" % type)
		return
	for k in event:
		var t: Variant = fields.get(k, Contract.ENVELOPE.get(k) if not type.begins_with("sys.") else null)
		if t == null:
			if type.begins_with("sys.") and k in ["type", "seq", "ts", "room"]:
				continue
			extra_keys["%s.%s" % [type, k]] = true
			continue
		_check_value("%s.%s" % [type, k], event[k], t)


func _check_value(where: String, v: Variant, t: String) -> void:
	var ok := true
	match t:
		"int":
			ok = v is int
		"float":
			ok = v is float or v is int
		"str":
			ok = v is String
		"bool":
			ok = v is bool
		"bin":
			ok = v is PackedByteArray
		"map", "event":
			ok = v is Dictionary
		_:
			if t.begins_with("["):
				ok = v is Array
				if ok:
					for item in v:
						_check_value(where + "[]", item, t.substr(1, t.length() - 2))
				return
			ok = v is Dictionary
			if ok:
				var st: Dictionary = Contract.STRUCTS.get(t, {})
				for k in v:
					if not st.has(k):
						extra_keys["%s.%s (%s)" % [where, k, t]] = true
					else:
						_check_value(where + "." + k, v[k], st[k])
				return
	if not ok:
		type_errors.append("%s should be %s, is %s" % [where, t, type_string(typeof(v))])


func signals_since(i: int) -> Array:
	return log_signals.slice(i)


func phase_connect() -> void:
	section("connect")
	check(not bridge.is_bridge_connected(), "not connected before connect_bridge()")
	check(bridge.connect_bridge(), "connect_bridge() accepts the endpoint")
	check(await wait_until(func() -> bool: return bridge.is_bridge_connected(), 10.0), "connected within 10 s")
	eq(log_signals, [["connected"]], "one connected signal")
	check(await wait_until(func() -> bool: return bridge.get_event_count() > 20, 10.0), "events arrive")
	eq(bridge.get_connection_state_name(), "connected", "state name")
	check(bridge.connect_bridge(), "connect_bridge() again is a no-op")
	eq(log_signals.size(), 1, "no extra signals from the second call")


func phase_control() -> void:
	section("control channel")
	var r = bridge.ping_daemon()
	var reply: Dictionary = await r.completed
	eq(reply.get("ok"), true, "ping ok")
	eq(reply.get("result"), "pong", "ping result")
	eq(reply.get("id"), r.id, "id echoed")
	check(r.is_ok() and r.done, "request object done")
	var g = bridge.simulate("gift", {"giftName": "Lion", "diamondCount": 29999, "repeatCount": 1, "giftType": 2})
	reply = await g.completed
	check(reply.get("ok", false), "simulate gift ok: %s" % str(reply.get("error", "")))
	var result: Dictionary = reply.get("result", {}) if reply.get("result") is Dictionary else {}
	eq(result.get("giftName"), "Lion", "reply is the published event")
	eq(result.get("simulated"), true, "marked simulated")
	var sim_seq: int = result.get("seq", -1)
	check(await wait_until(func() -> bool: return samples.has("gift") and max_seq >= sim_seq, 5.0), "the simulated gift arrives on the feed")
	# Several requests at once: queued behind each other on one REQ socket.
	var reqs: Array = []
	for t in ["chat", "like", "follow", "share"]:
		reqs.append(bridge.simulate(t, {"comment": "from godot"} if t == "chat" else {}))
	for q in reqs:
		var rep: Dictionary = await q.completed if not q.done else q.reply
		check(rep.get("ok", false), "queued simulate %s ok" % q.request.type)
	var bad: Dictionary = await bridge.simulate("noSuchType").completed
	eq(bad.get("ok"), false, "unknown type fails")
	eq(bad.get("error", {}).get("code"), "unknown_event_type", "error code")
	var status: Dictionary = await bridge.control_request("status").completed
	check(status.get("ok", false) and status.get("result") is Dictionary, "status returns a map")


func phase_rooms() -> void:
	section("watch_room / unwatch_room: status_changed")
	var rep: Dictionary = await bridge.unwatch_room("simulated").completed
	check(rep.get("ok", false), "unwatch_room ok (%s)" % str(rep.get("error", "")))
	check(await wait_until(func() -> bool: return statuses.any(func(s): return s[1] == "disconnected"), 5.0),
		"status_changed(simulated, disconnected, ...)")
	rep = await bridge.watch_room("@simulated").completed
	check(rep.get("ok", false), "watch_room ok (%s)" % str(rep.get("error", "")))
	eq(rep.get("result", {}).get("room"), "simulated", "result names the room")
	check(await wait_until(func() -> bool: return statuses.any(func(s): return s[1] == "connected"), 10.0),
		"status_changed(simulated, connected, ...)")
	print("   statuses: ", statuses)
	eq(statuses[0][0], "simulated", "room name")
	var n := bridge.get_event_count()
	check(await wait_until(func() -> bool: return bridge.get_event_count() > n + 20, 10.0), "events flow again")


func phase_all_types() -> void:
	section("every contract event type arrives on its signal")
	var wanted: Array = Contract.EVENT_TYPES.duplicate()
	wanted.append_array(["sys.status", "sys.heartbeat"])
	# The scenario plays every kind; give it a few seconds, then simulate the rest.
	await wait_until(func() -> bool: return _missing(wanted).size() <= 4, 8.0)
	var missing := _missing(wanted)
	print("   from the simulator: %d types; missing %s" % [wanted.size() - missing.size(), missing])
	for t in missing:
		if t == "action" or t.begins_with("sys."):
			continue
		var rep: Dictionary
		if t == "streamSummary":
			rep = await bridge.control_request("summary").completed
		else:
			rep = await bridge.simulate(t, {}).completed
		check(rep.get("ok", false), "simulate/summary %s ok (%s)" % [t, str(rep.get("error", ""))])
	# sys.rules is published when the rules are reloaded.
	var rel: Dictionary = await bridge.control_request("reload").completed
	check(rel.get("ok", false), "reload ok (%s)" % str(rel.get("error", "")))
	wanted.append("sys.rules")
	await wait_until(func() -> bool: return _missing(wanted).is_empty(), 10.0)
	eq(_missing(wanted), [], "types never seen")
	for t in wanted:
		check(seen_generic.get(t, 0) > 0, "%s also on event_received" % t)
	var unmapped: Array = []
	for t in Contract.EVENT_TYPES + Contract.SYSTEM_TYPES:
		if not Bridge.SIGNALS.has(t) and not t in Bridge.SPECIAL_TYPES:
			unmapped.append(t)
	eq(unmapped, [], "every contract type has a signal")
	print("   seen: ", seen_by_signal)


func _missing(wanted: Array) -> Array:
	return wanted.filter(func(t): return seen_by_signal.get(t, 0) == 0)


func check_event_contents() -> void:
	section("event contents")
	eq(type_errors, [], "every key has its contract type, every type its signal")
	if not extra_keys.is_empty():
		print("   WARNING: keys not in docs/contract.json: ", extra_keys.keys())
	eq(bridge.get_room_id(), 7400000000000000001, "get_room_id()")
	eq(bridge.get_room(), "simulated", "get_room()")
	check(bridge.get_viewer_count() > 0, "get_viewer_count() > 0 (%d)" % bridge.get_viewer_count())
	var gift: Dictionary = samples.get("gift", {})
	check(gift.get("user") is Dictionary and gift.user.get("uniqueId", "") != "", "gift has a user with a uniqueId")
	check(gift.get("giftName", "") != "", "gift has a name")
	check(gift.get("msgId", 0) != 0, "msgId present")
	var full := Bridge.with_defaults({"type": "gift", "user": {"id": 1}, "giftName": "Rose"})
	eq(full.repeatCount, 0, "with_defaults fills ints")
	eq(full.streaking, false, "with_defaults fills bools")
	eq(full.user.nickname, "", "with_defaults fills struct keys")
	eq(full.room, "", "with_defaults fills the envelope")
	var summary: Dictionary = samples.get("streamSummary", {})
	var filled := Bridge.with_defaults(summary)
	check(filled.has("gifts") and filled.gifts is Array, "with_defaults on a real streamSummary")
	eq(actions.is_empty(), false, "action_triggered fired")
	if not actions.is_empty():
		var a: Array = actions[0]
		eq(a[0], "thanks", "action name")
		check(a[1] is Dictionary and a[1].get("greeting") == "hi", "action params from the rules file: %s" % str(a[1]))
		eq(a[2].get("type"), "follow", "the triggering event")
	check(statuses.size() > 0 or seen_by_signal.has("sys.status"), "status_changed")
	var st: Dictionary = bridge.get_stats()
	eq(st.lost, 0, "no seq gaps at this rate (Godot keeps up)")
	eq(st.decode_errors, 0, "no decode errors")
	check(st.pings > 0, "libzmq PINGs answered (%d)" % st.pings)
	print("   stats: ", st, " fps ", Engine.get_frames_per_second())


func phase_restart() -> void:
	section("daemon restart: auto-reconnect")
	var i := log_signals.size()
	var seq_before := max_seq
	print("E2E:restart")
	check(await wait_until(func() -> bool: return not bridge.is_bridge_connected(), 15.0), "disconnect noticed")
	check(await wait_until(func() -> bool: return bridge.is_bridge_connected(), 20.0), "reconnected")
	var sigs := signals_since(i)
	print("   signals: ", sigs)
	check(sigs.size() >= 3 and sigs[0][0] == "disconnected", "disconnected first")
	check(sigs.any(func(s): return s[0] == "reconnecting" and s[1] == 1), "reconnecting(1)")
	eq(sigs[sigs.size() - 1], ["connected"], "connected last")
	eq(sigs.filter(func(s): return s[0] == "disconnected").size(), 1, "one disconnected per loss")
	var count := bridge.get_event_count()
	check(await wait_until(func() -> bool: return bridge.get_event_count() > count + 20, 10.0), "events flow again")
	check(max_seq < seq_before or bridge.get_event_count() > count, "fresh daemon (seq restarted)")
	var rep: Dictionary = await bridge.ping_daemon().completed
	if rep.get("ok") != true:  # the first request may meet the old, dead control connection
		rep = await bridge.ping_daemon().completed
	eq(rep.get("result"), "pong", "control channel works after the restart")


func phase_heartbeats(seconds: float) -> void:
	section("libzmq heartbeats for %.0f s" % seconds)
	var i := log_signals.size()
	var pings0: int = bridge.get_stats().pings
	var events0 := bridge.get_event_count()
	await wait_seconds(seconds)
	eq(signals_since(i), [], "no disconnects")
	check(bridge.is_bridge_connected(), "still connected")
	var pings: int = bridge.get_stats().pings - pings0
	check(pings >= int(seconds / 0.2 * 0.5), "PINGs answered: %d in %.0f s" % [pings, seconds])
	check(bridge.get_event_count() > events0 + int(seconds * 50), "events kept flowing")


func phase_silent_client() -> void:
	section("a client that does not answer PINGs is dropped (the test above is meaningful)")
	var i := log_signals.size()
	bridge.heartbeat_interval = 0.0  # our own watchdog off: let libzmq do it
	bridge._transport.zmtp.answer_pings = false
	var t0 := Time.get_ticks_msec()
	check(await wait_until(func() -> bool: return not bridge.is_bridge_connected(), 5.0), "libzmq dropped the silent client")
	print("   dropped after %d ms" % (Time.get_ticks_msec() - t0))
	check(await wait_until(func() -> bool: return bridge.is_bridge_connected(), 10.0), "reconnected (new connection answers PINGs)")
	var sigs := signals_since(i)
	check(sigs.size() > 0 and sigs[0][0] == "disconnected" and sigs[0][1] == "closed by peer", "disconnected(closed by peer): %s" % str(sigs))
	bridge.heartbeat_interval = Contract.HEARTBEAT_INTERVAL


func phase_watchdog(daemon_interval: float) -> void:
	section("our watchdog: a silent daemon means reconnect, after 2 of the daemon's intervals")
	eq(bridge.heartbeat_interval, Contract.HEARTBEAT_INTERVAL, "the setting is the contract's default")
	eq(bridge.get_heartbeat_interval(), daemon_interval, "the interval the daemon announced in sys.heartbeat")
	var expect_ms := daemon_interval * Contract.LIVENESS_INTERVALS * 1000.0
	var i := log_signals.size()
	print("E2E:stop")
	var t0 := Time.get_ticks_msec()
	check(await wait_until(func() -> bool: return not bridge.is_bridge_connected(), 6.0), "disconnected")
	var ms := Time.get_ticks_msec() - t0
	print("   noticed after %d ms" % ms)
	check(ms >= expect_ms * 0.75 and ms < expect_ms + 800.0, "after about %d ms (2 announced intervals)" % expect_ms)
	print("E2E:cont")
	check(await wait_until(func() -> bool: return bridge.is_bridge_connected(), 15.0), "reconnected after the daemon resumed")
	var sigs := signals_since(i)
	check(sigs.size() > 0 and sigs[0] == ["disconnected", "heartbeat_timeout"], "disconnected(heartbeat_timeout): %s" % str(sigs))


func phase_budget() -> void:
	section("per-frame limits")
	await wait_seconds(1.0)  # let any backlog drain
	bridge.max_events_per_frame = 3
	per_frame.clear()
	await wait_seconds(1.5)
	var most := 0
	for f in per_frame:
		most = maxi(most, per_frame[f])
	check(most <= 3 and most > 0, "max_events_per_frame = 3: at most 3 per frame (saw %d)" % most)
	bridge.max_events_per_frame = 1000
	bridge.frame_budget_ms = 2.0
	var slow := func(_t: String, _e: Dictionary) -> void: OS.delay_usec(1000)
	bridge.event_received.connect(slow)
	await wait_seconds(0.3)
	per_frame.clear()
	await wait_seconds(1.5)
	bridge.event_received.disconnect(slow)
	most = 0
	for f in per_frame:
		most = maxi(most, per_frame[f])
	check(most <= 3 and most > 0, "2 ms budget with 1 ms handlers: at most 3 per frame (saw %d)" % most)
	bridge.frame_budget_ms = 4.0
	bridge.max_events_per_frame = 256
	await wait_until(func() -> bool: return bridge.get_stats().queued == 0, 10.0)
	eq(bridge.get_stats().queued, 0, "the backlog drains")
	eq(bridge.get_stats().lost, 0, "still nothing lost")


func phase_topic_filter() -> void:
	section("topic filter")
	bridge.disconnect_bridge()
	bridge.topic_filter = PackedStringArray(["gift/", "like/"])
	seen_generic.clear()
	check(bridge.connect_bridge(), "reconnect with a filter")
	check(await wait_until(func() -> bool: return bridge.is_bridge_connected(), 10.0), "connected")
	await wait_until(func() -> bool: return seen_generic.get("gift", 0) > 5 and seen_generic.get("like", 0) > 5, 10.0)
	await wait_seconds(1.2)
	var others: Array = seen_generic.keys().filter(func(t): return not t in ["gift", "like", "sys.heartbeat", "sys.status"])
	eq(others, [], "only gift, like and sys.* (giftFinal excluded by the '/')")
	check(seen_generic.get("sys.heartbeat", 0) > 0, "sys. added for liveness")
	bridge.topic_filter = PackedStringArray()


func phase_disconnect() -> void:
	section("disconnect_bridge()")
	var i := log_signals.size()
	bridge.disconnect_bridge()
	check(not bridge.is_bridge_connected(), "not connected")
	var n := bridge.get_event_count()
	await wait_seconds(1.0)
	eq(bridge.get_event_count(), n, "no events after disconnect")
	eq(signals_since(i), [["disconnected", "by_request"]], "disconnected(by_request), no reconnect")
	eq(bridge.get_connection_state_name(), "disconnected", "state")


func phase_control_errors() -> void:
	section("control errors")
	var saved := bridge.control_endpoint
	bridge.control_endpoint = "tcp://127.0.0.1:9"  # nothing listens on the discard port
	var rep: Dictionary = await bridge.ping_daemon().completed
	eq(rep.get("ok"), false, "unreachable endpoint fails")
	eq(rep.get("error", {}).get("code"), "unreachable", "code unreachable")
	bridge.control_endpoint = saved
	var ok: Dictionary = await bridge.ping_daemon().completed
	eq(ok.get("result"), "pong", "and works again with the right endpoint")


func phase_connect_failures() -> void:
	section("connect failures")
	var saved := bridge.endpoint
	bridge.endpoint = "tcp://127.0.0.1:9"
	bridge.max_reconnect_attempts = 2
	bridge.reconnect_delay = 0.05
	var i := log_signals.size()
	check(bridge.connect_bridge(), "a refused endpoint is accepted (the refusal arrives later)")
	check(await wait_until(func() -> bool: return bridge.get_connection_state_name() == "failed", 5.0), "gives up")
	var sigs := signals_since(i)
	print("   signals: ", sigs)
	check(sigs.size() == 4 and sigs[0][0] == "disconnected" and sigs[0][1].begins_with("connection refused"),
		"disconnected(connection refused ...) once")
	eq(sigs.slice(1, 3), [["reconnecting", 1], ["reconnecting", 2]], "reconnecting(1), reconnecting(2)")
	check(sigs.size() == 4 and sigs[3][0] == "reconnect_failed" and sigs[3][1] == 2, "reconnect_failed(2, reason)")
	i = log_signals.size()
	bridge.endpoint = "ipc:///tmp/nope"
	check(not bridge.connect_bridge(), "a non-tcp endpoint is refused at once")
	var bad := signals_since(i)
	check(bad.size() == 2 and bad[0][0] == "disconnected" and bad[0][1].contains("tcp://"), "disconnected says why: %s" % str(bad))
	eq(bridge.get_connection_state_name(), "failed", "state failed")
	bridge.endpoint = saved
	bridge.max_reconnect_attempts = 0
	check(bridge.connect_bridge(), "and the right endpoint again")
	check(await wait_until(func() -> bool: return bridge.is_bridge_connected(), 10.0), "connected")
