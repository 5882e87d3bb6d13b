@tool
extends EditorPlugin
## Registers the TikTokBridge autoload, the tiktok_bridge/ project settings and
## the "TikTok" bottom panel. Disabling the plugin removes the autoload, the
## panel and the settings still at their defaults.

const AUTOLOAD_NAME := "TikTokBridge"
const AUTOLOAD_PATH := "res://addons/tiktok_bridge/tiktok_bridge.gd"
const Settings := preload("res://addons/tiktok_bridge/settings.gd")
const Dock := preload("res://addons/tiktok_bridge/dock.gd")
## Per-project editor state (.godot/editor/project_metadata.cfg, not in version control).
const META_SECTION := "tiktok_bridge"

var _dock: Control


func _enable_plugin() -> void:
	# Called once when the user ticks "Enable" in Project Settings > Plugins.
	if not ProjectSettings.has_setting("autoload/" + AUTOLOAD_NAME):
		add_autoload_singleton(AUTOLOAD_NAME, AUTOLOAD_PATH)
	_set_meta("autoload_added", true)
	if _dock != null:
		make_bottom_panel_item_visible.call_deferred(_dock)


func _disable_plugin() -> void:
	if ProjectSettings.has_setting("autoload/" + AUTOLOAD_NAME):
		remove_autoload_singleton(AUTOLOAD_NAME)
	Settings.unregister_defaults()
	ProjectSettings.save()


func _enter_tree() -> void:
	# Also on every editor start with the plugin enabled: settings are
	# registered each time (their property info is not saved). The autoload is
	# added once per project (a project copied with the plugin already enabled
	# gets it on its first start); a user who removes it later keeps it removed.
	Settings.register()
	if not ProjectSettings.has_setting("autoload/" + AUTOLOAD_NAME) and not _get_meta("autoload_added"):
		add_autoload_singleton(AUTOLOAD_NAME, AUTOLOAD_PATH)
	_set_meta("autoload_added", true)
	_dock = Dock.new()
	_dock.name = "TikTok"
	add_control_to_bottom_panel(_dock, "TikTok")
	if not _get_meta("panel_shown"):
		_set_meta("panel_shown", true)
		make_bottom_panel_item_visible.call_deferred(_dock)  # the first time: open it, so it is found


func _exit_tree() -> void:
	if _dock != null:
		remove_control_from_bottom_panel(_dock)
		_dock.queue_free()
		_dock = null


func _get_meta(key: String) -> bool:
	return EditorInterface.get_editor_settings().get_project_metadata(META_SECTION, key, false)


func _set_meta(key: String, value: bool) -> void:
	EditorInterface.get_editor_settings().set_project_metadata(META_SECTION, key, value)
