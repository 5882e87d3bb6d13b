@tool
extends EditorPlugin
## Registers the TikTokBridge autoload, the tiktok_bridge/ project settings and
## the "TikTok" dock. Disabling the plugin removes the autoload and the dock.

const AUTOLOAD_NAME := "TikTokBridge"
const AUTOLOAD_PATH := "res://addons/tiktok_bridge/tiktok_bridge.gd"
const Settings := preload("res://addons/tiktok_bridge/settings.gd")
const Dock := preload("res://addons/tiktok_bridge/dock.gd")

var _dock: Control


func _enable_plugin() -> void:
	# Called once when the user ticks "Enable" in Project Settings > Plugins.
	if not ProjectSettings.has_setting("autoload/" + AUTOLOAD_NAME):
		add_autoload_singleton(AUTOLOAD_NAME, AUTOLOAD_PATH)


func _disable_plugin() -> void:
	if ProjectSettings.has_setting("autoload/" + AUTOLOAD_NAME):
		remove_autoload_singleton(AUTOLOAD_NAME)


func _enter_tree() -> void:
	# Also on every editor start with the plugin enabled: settings are
	# registered each time (their property info is not saved), and the autoload
	# is restored if it went missing (e.g. the addon was copied into a project
	# whose project.godot already lists the plugin as enabled).
	Settings.register()
	if not ProjectSettings.has_setting("autoload/" + AUTOLOAD_NAME):
		add_autoload_singleton(AUTOLOAD_NAME, AUTOLOAD_PATH)
	_dock = Dock.new()
	_dock.name = "TikTok"
	add_control_to_dock(DOCK_SLOT_RIGHT_UL, _dock)


func _exit_tree() -> void:
	if _dock != null:
		remove_control_from_docks(_dock)
		_dock.queue_free()
		_dock = null
