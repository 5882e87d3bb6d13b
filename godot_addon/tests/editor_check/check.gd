@tool
extends EditorPlugin
## Runs inside the real (headless) editor; see plugin.cfg.

const KEYS := ["endpoint", "control_endpoint", "control_token", "control_timeout", "topic_filter", "auto_connect",
	"auto_reconnect", "max_reconnect_attempts", "reconnect_delay", "reconnect_max_delay", "heartbeat_interval",
	"max_events_per_frame", "frame_budget_ms", "fill_defaults", "dispatch_while_paused", "debug_logging"]


func _enter_tree() -> void:
	_run.call_deferred()


func _frames(n: int) -> void:
	for i in n:
		await get_tree().process_frame


func _find_dock() -> bool:
	return _find(EditorInterface.get_base_control(), "TikTok") != null


func _find(node: Node, name: String) -> Node:
	if node.name == name and node is VBoxContainer:
		return node
	for c in node.get_children():
		var f := _find(c, name)
		if f != null:
			return f
	return null


func _run() -> void:
	await _frames(5)
	var out := {}
	if OS.get_environment("TIKTOK_BRIDGE_TEST_PHASE") == "play":
		await _play()
		return
	if OS.get_environment("TIKTOK_BRIDGE_TEST_PHASE") == "restart":
		# A later editor start, after the user removed the autoload: it stays removed.
		out["autoload"] = ProjectSettings.has_setting("autoload/TikTokBridge")
		out["dock"] = _find_dock()
		print("EDITOR_CHECK " + JSON.stringify(out))
		get_tree().quit()
		return
	out["enabled"] = EditorInterface.is_plugin_enabled("tiktok_bridge")
	out["autoload"] = ProjectSettings.get_setting("autoload/TikTokBridge", "")
	var settings := {}
	for k in KEYS:
		settings[k] = ProjectSettings.has_setting("tiktok_bridge/" + k)
	out["settings"] = settings
	out["basic"] = ProjectSettings.get_setting("tiktok_bridge/debug_logging") == false
	var info := {}
	for p in ProjectSettings.get_property_list():
		if String(p.name).begins_with("tiktok_bridge/"):
			info[p.name] = p.type
	out["property_types"] = info
	out["dock"] = _find_dock()
	var dock := _find(EditorInterface.get_base_control(), "TikTok")
	out["dock_visible"] = dock != null and dock.is_visible_in_tree()
	out["dock_in_bottom_panel"] = dock != null and _in_bottom_panel(dock)
	out["dock_parents"] = _parents(dock)
	if dock != null:
		out["dock_live"] = await _use_dock(dock)
	EditorInterface.set_plugin_enabled("tiktok_bridge", false)
	await _frames(3)
	out["autoload_after_disable"] = ProjectSettings.has_setting("autoload/TikTokBridge")
	out["dock_after_disable"] = _find_dock()
	out["settings_after_disable"] = KEYS.filter(func(k: String) -> bool: return ProjectSettings.has_setting("tiktok_bridge/" + k))
	EditorInterface.set_plugin_enabled("tiktok_bridge", true)
	await _frames(3)
	out["autoload_after_enable"] = ProjectSettings.get_setting("autoload/TikTokBridge", "")
	out["dock_after_enable"] = _find_dock()
	var again := _find(EditorInterface.get_base_control(), "TikTok")
	out["dock_visible_after_enable"] = again != null and again.is_visible_in_tree()
	# The editor saves project.godot on a short timer after an autoload change.
	var end := Time.get_ticks_msec() + 4000
	while Time.get_ticks_msec() < end and not FileAccess.get_file_as_string("res://project.godot").contains("TikTokBridge="):
		await _frames(1)
	out["saved"] = FileAccess.get_file_as_string("res://project.godot").contains("TikTokBridge=")
	print("EDITOR_CHECK " + JSON.stringify(out))
	get_tree().quit()


## In a window (Xvfb): starts the main scene the way F5 does, waits for the game
## to end (the project's editor/run/main_run_args make it quit), saves a
## screenshot of the editor to $TIKTOK_BRIDGE_TEST_EDITOR_SHOT, prints
## "PLAY_CHECK {json}" and quits.
func _play() -> void:
	await _frames(25)
	var out := {}
	EditorInterface.play_main_scene()
	out["started"] = await _until(func() -> bool: return EditorInterface.is_playing_scene(), 20.0)
	var shot_at := Time.get_ticks_msec() + 4000
	var shot := OS.get_environment("TIKTOK_BRIDGE_TEST_EDITOR_SHOT")
	out["ended"] = await _until(func() -> bool:
		if shot != "" and Time.get_ticks_msec() >= shot_at:
			out["editor_screenshot"] = EditorInterface.get_base_control().get_viewport().get_texture().get_image().save_png(shot)
			shot = ""
		return not EditorInterface.is_playing_scene(), 60.0)
	print("PLAY_CHECK " + JSON.stringify(out))
	get_tree().quit()


## The dock against a running daemon (its endpoints are in project.godot): it
## connects on its own; then its buttons are clicked as a user would.
func _use_dock(dock: Node) -> Dictionary:
	var r := {}
	r["connected"] = await _until(func() -> bool: return dock.bridge.is_bridge_connected(), 10.0)
	await _frames(2)  # the dock refreshes its labels in _process
	r["state_label"] = dock._state_label.text
	for b in _buttons(dock):
		if b.text in ["Chat", "Gift", "Like", "Follow"]:
			b.pressed.emit()
	r["simulated"] = await _until(func() -> bool:
		var t: String = dock._log.get_parsed_text()
		return t.contains("simulated chat") and t.contains("simulated gift") and t.contains("simulated like") \
			and t.contains("simulated follow"), 10.0)
	r["log_has_events"] = await _until(func() -> bool: return dock._log.get_parsed_text().contains(" joined"), 10.0)
	r["events"] = dock.bridge.get_event_count()
	dock._connect_button.pressed.emit()
	r["disconnected"] = not dock.bridge.is_bridge_connected()
	for b in _buttons(dock):
		if b.text == "Gift":
			b.pressed.emit()
	r["warned_disconnected"] = await _until(func() -> bool:
		return dock._log.get_parsed_text().contains("but the feed is disconnected: it will not show here"), 10.0)
	r["state_label_disconnected"] = dock._state_label.text
	if not r.simulated:
		r["log"] = dock._log.get_parsed_text().right(1500)
	return r


## The bottom panel holds the dock: not a tab in the side docks (hidden behind tab arrows).
func _in_bottom_panel(node: Node) -> bool:
	var p := node.get_parent()
	while p != null:
		if p.get_class() == "EditorBottomPanel":
			return true
		p = p.get_parent()
	return false


func _parents(node: Node) -> Array:
	var out := []
	while node != null:
		out.append(node.get_class())
		node = node.get_parent()
	return out


func _buttons(node: Node) -> Array:
	var out: Array = []
	for c in node.get_children():
		if c is Button:
			out.append(c)
		out.append_array(_buttons(c))
	return out


func _until(cond: Callable, timeout: float) -> bool:
	var end := Time.get_ticks_msec() + int(timeout * 1000.0)
	while Time.get_ticks_msec() < end:
		if cond.call():
			return true
		await get_tree().process_frame
	return cond.call()
