@tool
extends RefCounted
## The addon's project settings, under tiktok_bridge/ in Project Settings.
##
## The editor plugin registers them (default, type hint, shown as basic);
## TikTokBridge reads them with get_setting_with_override when it enters the
## tree, so override.cfg and feature tags work. A setting that was never saved
## reads as its default.

const Contract := preload("res://addons/tiktok_bridge/contract.gd")
const PREFIX := "tiktok_bridge/"

## name: [default, Variant type, hint, hint_string, help]
## (a static var, not a const: PackedStringArray() is not a constant expression)
static var DEFINITIONS := {
	"endpoint": [Contract.PUBLISHER_ENDPOINT, TYPE_STRING, PROPERTY_HINT_NONE, "",
		"The daemon's event feed (ZeroMQ PUB), tcp://host:port."],
	"control_endpoint": [Contract.CONTROL_ENDPOINT, TYPE_STRING, PROPERTY_HINT_NONE, "",
		"The daemon's control endpoint (ZeroMQ ROUTER), for simulate() and watch_room()."],
	"control_token": ["", TYPE_STRING, PROPERTY_HINT_PASSWORD, "",
		"Token for the control channel, when the daemon requires one (control.token)."],
	"control_timeout": [5.0, TYPE_FLOAT, PROPERTY_HINT_RANGE, "0.5,60,0.1,suffix:s",
		"Seconds to wait for a control reply before failing the request."],
	"topic_filter": [PackedStringArray(), TYPE_PACKED_STRING_ARRAY, PROPERTY_HINT_NONE, "",
		"Topic prefixes to receive (gift/, chat/someone, action/...); empty: everything. sys. is always added."],
	"auto_connect": [true, TYPE_BOOL, PROPERTY_HINT_NONE, "",
		"Connect when the game starts."],
	"auto_reconnect": [true, TYPE_BOOL, PROPERTY_HINT_NONE, "",
		"Reconnect after the connection drops, with backoff."],
	"max_reconnect_attempts": [0, TYPE_INT, PROPERTY_HINT_RANGE, "0,1000,1,or_greater",
		"Reconnect attempts before giving up; 0: unlimited."],
	"reconnect_delay": [0.5, TYPE_FLOAT, PROPERTY_HINT_RANGE, "0.05,60,0.05,suffix:s",
		"First reconnect delay; doubles per failed attempt up to reconnect_max_delay, each wait jittered to 50..100 %."],
	"reconnect_max_delay": [3.0, TYPE_FLOAT, PROPERTY_HINT_RANGE, "0.1,600,0.1,suffix:s",
		"Longest wait between reconnect attempts (before jitter). A few seconds suits a local daemon."],
	"heartbeat_interval": [Contract.HEARTBEAT_INTERVAL, TYPE_FLOAT, PROPERTY_HINT_RANGE, "0,60,0.1,suffix:s",
		"Heartbeat interval assumed until the daemon's first sys.heartbeat announces its own (publisher.heartbeat_interval). Nothing received for %d intervals means reconnect; 0: never." % Contract.LIVENESS_INTERVALS],
	"max_events_per_frame": [256, TYPE_INT, PROPERTY_HINT_RANGE, "1,100000,1,or_greater",
		"Most events dispatched per frame; the rest wait for the next frames."],
	"frame_budget_ms": [4.0, TYPE_FLOAT, PROPERTY_HINT_RANGE, "0.1,100,0.1,suffix:ms",
		"Time per frame spent decoding and dispatching events (at least one event per frame)."],
	"fill_defaults": [true, TYPE_BOOL, PROPERTY_HINT_NONE, "",
		"Fill keys the daemon omitted (empty values) with the contract's zero values before dispatch, so event.key never fails. Off: raw Dictionaries."],
	"dispatch_while_paused": [true, TYPE_BOOL, PROPERTY_HINT_NONE, "",
		"Dispatch events while the SceneTree is paused. Off: they wait in the queue until the game resumes (the connection stays alive)."],
	"debug_logging": [false, TYPE_BOOL, PROPERTY_HINT_NONE, "",
		"Print connection steps and bad messages."],
}


## Registers every setting (called by the editor plugin). Values already set
## in the project are kept.
static func register() -> void:
	for name in DEFINITIONS:
		var d: Array = DEFINITIONS[name]
		var key: String = PREFIX + name
		if not ProjectSettings.has_setting(key):
			ProjectSettings.set_setting(key, d[0])
		ProjectSettings.set_initial_value(key, d[0])
		ProjectSettings.add_property_info({
			"name": key,
			"type": d[1],
			"hint": d[2],
			"hint_string": d[3],
		})
		ProjectSettings.set_as_basic(key, true)


## Removes the settings that still have their default value (plugin disabled).
static func unregister_defaults() -> void:
	for name in DEFINITIONS:
		var key: String = PREFIX + name
		if ProjectSettings.has_setting(key) and ProjectSettings.get_setting(key) == DEFINITIONS[name][0]:
			ProjectSettings.set_setting(key, null)


## The value of one setting (override.cfg applied), or its default.
static func get_value(name: String) -> Variant:
	var key: String = PREFIX + name
	var default: Variant = DEFINITIONS[name][0]
	if not ProjectSettings.has_setting(key):
		return default
	var v: Variant = ProjectSettings.get_setting_with_override(key)
	if v == null or typeof(v) != typeof(default):
		# A value of the wrong type (hand-edited project.godot): coerce what we can.
		if typeof(default) == TYPE_FLOAT and typeof(v) == TYPE_INT:
			return float(v)
		if typeof(default) == TYPE_INT and typeof(v) == TYPE_FLOAT:
			return int(v)
		if typeof(default) == TYPE_PACKED_STRING_ARRAY and typeof(v) == TYPE_ARRAY:
			return PackedStringArray(v)
		return default
	return v


## Every setting's current value, by short name.
static func get_all() -> Dictionary:
	var out := {}
	for name in DEFINITIONS:
		out[name] = get_value(name)
	return out


## The help text of a setting (for docs and the dock).
static func help(name: String) -> String:
	return DEFINITIONS[name][4]
