@tool
extends VBoxContainer
## The editor's "TikTok" bottom panel: connection state, a live event log, and
## buttons that simulate chat, gift, like and follow events through the
## daemon's control channel. It runs its own TikTokBridge instance inside the
## editor (the TikTokBridge autoload only runs in the game). When it opens it
## pings the daemon and connects if the daemon answers.

const Bridge := preload("res://addons/tiktok_bridge/tiktok_bridge.gd")
const MAX_LOG_LINES := 300

var bridge: Bridge
var _state_label: Label
var _stats_label: Label
var _endpoint_edit: LineEdit
var _connect_button: Button
var _log: RichTextLabel
var _paused: CheckBox
var _lines: int = 0
var _hint: String = ""  # why the feed is not connected, shown next to the state


func _ready() -> void:
	name = "TikTok"
	custom_minimum_size = Vector2(0, 220)

	bridge = Bridge.new()
	bridge.editor_instance = true
	bridge.name = "DockBridge"
	add_child(bridge)
	bridge.connected.connect(func() -> void: _add_line("[color=green]connected[/color] to %s" % bridge.endpoint))
	bridge.disconnected.connect(func(reason: String) -> void: _add_line("[color=orange]disconnected[/color]: %s" % reason))
	bridge.reconnecting.connect(func(attempt: int) -> void: _add_line("reconnecting (attempt %d)" % attempt))
	bridge.reconnect_failed.connect(func(n: int, reason: String) -> void: _add_line("[color=red]gave up[/color] after %d attempts: %s" % [n, reason]))
	bridge.event_received.connect(_on_event)
	bridge.decode_error.connect(func(topic: String, message: String) -> void: _add_line("[color=red]bad message[/color] %s: %s" % [topic, message]))

	_state_label = Label.new()
	_state_label.autowrap_mode = TextServer.AUTOWRAP_WORD_SMART
	add_child(_state_label)
	_stats_label = Label.new()
	_stats_label.add_theme_font_size_override("font_size", 11)
	add_child(_stats_label)

	var row := HBoxContainer.new()
	add_child(row)
	_endpoint_edit = LineEdit.new()
	_endpoint_edit.text = bridge.endpoint
	_endpoint_edit.size_flags_horizontal = Control.SIZE_EXPAND_FILL
	_endpoint_edit.tooltip_text = "Event feed endpoint (tiktok_bridge/endpoint)"
	row.add_child(_endpoint_edit)
	_connect_button = Button.new()
	_connect_button.text = "Connect"
	_connect_button.pressed.connect(_on_connect_pressed)
	row.add_child(_connect_button)

	var sim := HBoxContainer.new()
	add_child(sim)
	var sim_label := Label.new()
	sim_label.text = "Simulate:"
	sim.add_child(sim_label)
	for spec in [
		["Chat", "chat", {"comment": "hello from the Godot editor"}],
		["Gift", "gift", {"giftName": "Rose", "giftId": 5655, "diamondCount": 1, "repeatCount": 1}],
		["Like", "like", {"likeCount": 5}],
		["Follow", "follow", {}],
	]:
		var b := Button.new()
		b.text = spec[0]
		b.tooltip_text = "simulate %s through the daemon's control channel" % spec[1]
		b.pressed.connect(_simulate.bind(spec[1], spec[2]))
		sim.add_child(b)

	var tools := HBoxContainer.new()
	add_child(tools)
	_paused = CheckBox.new()
	_paused.text = "Pause log"
	tools.add_child(_paused)
	var clear := Button.new()
	clear.text = "Clear"
	clear.pressed.connect(func() -> void:
		_log.clear()
		_lines = 0)
	tools.add_child(clear)

	_log = RichTextLabel.new()
	_log.bbcode_enabled = true
	_log.scroll_following = true
	_log.selection_enabled = true
	_log.size_flags_vertical = Control.SIZE_EXPAND_FILL
	_log.custom_minimum_size = Vector2(0, 160)
	add_child(_log)
	_refresh()
	_probe()


## Connects if the daemon answers a ping on its control endpoint; otherwise
## says how to start it. Quiet: nothing goes to the editor's output.
func _probe() -> void:
	bridge.reload_settings()
	var control := bridge.control_endpoint
	var reply: Dictionary = await bridge.ping_daemon().completed
	if reply.get("ok", false):
		if not _active():
			_connect()
	else:
		_hint = "no daemon at %s: start `tiktok-bridge run`, then press Connect" % control
		_add_line(_hint)


func _process(_delta: float) -> void:
	_refresh()


func _refresh() -> void:
	if bridge == null or _state_label == null:
		return
	var state := bridge.get_connection_state_name()
	var active := _active()
	_state_label.text = "Bridge: %s" % state if active or _hint == "" else "Bridge: %s (%s)" % [state, _hint]
	var s := bridge.get_stats()
	_stats_label.text = "events %d  viewers %d  lost %d  errors %d" % [s.events, bridge.get_viewer_count(), s.lost, s.decode_errors]
	_connect_button.text = "Disconnect" if active else "Connect"


func _active() -> bool:
	var state := bridge.get_connection_state_name()
	return state == "connected" or state == "connecting" or state == "reconnecting"


func _on_connect_pressed() -> void:
	if _active():
		bridge.disconnect_bridge()
		_hint = "disconnected by you"
		_add_line(_hint)
	else:
		_connect()


func _connect() -> void:
	_hint = ""
	bridge.reload_settings()
	bridge.endpoint = _endpoint_edit.text.strip_edges()
	bridge.topic_filter = PackedStringArray()  # the dock shows everything
	bridge.connect_bridge()
	_add_line("connecting to %s" % bridge.endpoint)


func _simulate(type: String, fields: Dictionary) -> void:
	bridge.reload_settings()
	var reply: Dictionary = await bridge.simulate(type, fields).completed
	var seq := str(reply.get("result", {}).get("seq", "?")) if reply.get("result") is Dictionary else "?"
	if reply.get("ok", false) and bridge.is_bridge_connected():
		_add_line("simulated %s (seq %s)" % [type, seq])
	elif reply.get("ok", false):
		_add_line("[color=orange]simulated %s (seq %s), but the feed is disconnected: it will not show here. Press Connect.[/color]" % [type, seq])
	else:
		var e: Dictionary = reply.get("error", {})
		_add_line("[color=red]simulate %s failed[/color]: %s %s" % [type, e.get("code", ""), e.get("message", "")])


func _on_event(type: String, event: Dictionary) -> void:
	if type == "sys.heartbeat" or _paused.button_pressed:
		return
	_add_line(describe(type, event).replace("[", "[lb]"))  # viewers' text is not BBCode


## One line of text for an event.
static func describe(type: String, e: Dictionary) -> String:
	var u: Dictionary = e.get("user", {}) if e.get("user") is Dictionary else {}
	var who := "@" + str(u.get("uniqueId", "?"))
	match type:
		"chat":
			return "%s: %s" % [who, e.get("comment", "")]
		"gift":
			return "%s sent %s x%d%s" % [who, e.get("giftName", "?"), e.get("repeatCount", 1), " (streaking)" if e.get("streaking", false) else ""]
		"giftFinal":
			return "%s gift done: %s x%d = %d diamonds" % [who, e.get("giftName", "?"), e.get("repeatCount", 1), e.get("totalDiamonds", 0)]
		"like":
			return "%s liked x%d (total %d)" % [who, e.get("likeCount", 0), e.get("totalLikes", 0)]
		"member":
			return "%s joined" % who if e.get("action", 0) == 1 else "%s member action %d" % [who, e.get("action", 0)]
		"follow":
			return "%s followed" % who
		"share":
			return "%s shared" % who
		"roomUserSeq":
			return "viewers: %d" % e.get("viewerCount", 0)
		"sys.status":
			return "room %s: %s (%s)" % [e.get("room", ""), e.get("state", ""), e.get("reason", "")]
		"action":
			return "action %s" % e.get("name", "")
	return "%s%s" % [type, (" " + who) if u.size() > 0 else ""]


func _add_line(text: String) -> void:
	if _log == null:
		return
	if _lines >= MAX_LOG_LINES:
		_log.remove_paragraph(0)
		_lines -= 1
	var t := Time.get_time_string_from_system()
	_log.append_text("[color=gray]%s[/color] %s\n" % [t, text])
	_lines += 1
