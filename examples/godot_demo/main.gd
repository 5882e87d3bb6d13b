extends Node2D
## TikTok LIVE Bridge demo: gifts drop boxes, likes fill a bar, chat shows on
## screen, follows flash a banner, viewers are counted.
##
## Everything comes from the TikTokBridge autoload's signals; the scene builds
## its few nodes in code so it stays one readable file.
##
## Checks (tests/test_godot.py): with `-- --demo-seconds=N` the demo quits after
## N seconds and prints "DEMO_SUMMARY {json}"; `--demo-screenshot=PATH` also
## saves what is on screen then as a PNG.

const LIKE_GOAL := 200
const MAX_BOXES := 120
const SCREEN := Vector2(960, 540)
## Emoji in nicknames and chat: the default font has none, so the system's
## colour emoji font is a fallback (Linux: fonts-noto-color-emoji).
const EMOJI_FONTS := ["Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji", "Twemoji"]

var status_label: Label
var viewers_label: Label
var like_bar: ProgressBar
var chat_box: VBoxContainer
var banner: Label
var boxes: Array[RigidBody2D] = []

var stats := {
	"connected": 0, "disconnected": 0, "gifts": 0, "boxes_spawned": 0, "likes": 0,
	"like_goals": 0, "chat_lines": 0, "follows": 0, "actions": 0, "viewers": 0,
}
var _quit_at_ms: int = -1
var _screenshot: String = ""
var _hint: String = ""  # the last disconnect and what to do about it


func _ready() -> void:
	build_scene()
	TikTokBridge.connected.connect(_on_connected)
	TikTokBridge.disconnected.connect(_on_disconnected)
	TikTokBridge.reconnecting.connect(_on_reconnecting)
	TikTokBridge.gift_received.connect(_on_gift)
	TikTokBridge.like_received.connect(_on_like)
	TikTokBridge.chat_received.connect(_on_chat)
	TikTokBridge.follow_received.connect(_on_follow)
	TikTokBridge.viewer_count_changed.connect(_on_viewers)
	TikTokBridge.action_triggered.connect(_on_action)
	if TikTokBridge.is_bridge_connected():
		_on_connected()
	for a in OS.get_cmdline_user_args():
		if a.begins_with("--demo-seconds="):
			_quit_at_ms = Time.get_ticks_msec() + int(float(a.get_slice("=", 1)) * 1000.0)
		elif a.begins_with("--demo-screenshot="):
			_screenshot = a.get_slice("=", 1)


func _process(_delta: float) -> void:
	if _quit_at_ms >= 0 and Time.get_ticks_msec() >= _quit_at_ms:
		_quit_at_ms = -1
		stats["boxes_alive"] = boxes.size()
		stats["like_bar"] = like_bar.value
		stats["events"] = TikTokBridge.get_event_count()
		stats["room_id"] = str(TikTokBridge.get_room_id())
		stats["status"] = status_label.text
		stats["emoji_font"] = status_label.get_theme_default_font().has_char(0x1F600)
		if _screenshot != "":
			var shot := get_viewport().get_texture().get_image()
			stats["screenshot"] = [shot.get_width(), shot.get_height(), shot.save_png(_screenshot)]
		print("DEMO_SUMMARY " + JSON.stringify(stats))
		get_tree().quit()


# ---------------------------------------------------------------- signals

func _on_connected() -> void:
	stats.connected += 1
	_hint = ""
	status_label.text = "connected to %s" % TikTokBridge.endpoint


func _on_disconnected(reason: String) -> void:
	stats.disconnected += 1
	_hint = "disconnected: %s (is tiktok-bridge run started?)" % reason
	status_label.text = _hint


func _on_reconnecting(attempt: int) -> void:
	# Comes in the same frame as disconnected: keep its hint on screen.
	status_label.text = "%s\nreconnecting (attempt %d)..." % [_hint, attempt]


func _on_gift(event: Dictionary) -> void:
	# Streakable gifts arrive once per combo step (streaking = true), then once
	# more when the combo ends: count only that last one, with its repeatCount.
	if event.get("streaking", false):
		return
	stats.gifts += 1
	var count: int = clampi(event.get("repeatCount", 1), 1, 10)
	var diamonds: int = event.get("diamondCount", 1)
	for i in count:
		spawn_box(event.get("giftName", "gift"), diamonds)
	show_chat_line("%s sent %s x%d" % [user_name(event), event.get("giftName", "a gift"), event.get("repeatCount", 1)], Color.GOLD)


func _on_like(event: Dictionary) -> void:
	var n: int = event.get("likeCount", 1)
	stats.likes += n
	like_bar.value += n
	if like_bar.value >= like_bar.max_value:
		stats.like_goals += 1
		like_bar.value = 0
		flash("LIKE GOAL! %d likes" % LIKE_GOAL)


func _on_chat(event: Dictionary) -> void:
	stats.chat_lines += 1
	show_chat_line("%s: %s" % [user_name(event), event.get("comment", "")], Color.WHITE)


func _on_follow(event: Dictionary) -> void:
	stats.follows += 1
	flash("%s followed!" % user_name(event))


func _on_viewers(event: Dictionary) -> void:
	stats.viewers = event.get("viewerCount", 0)
	viewers_label.text = "viewers: %d" % stats.viewers


func _on_action(action_name: String, params: Dictionary, _event: Dictionary) -> void:
	# Rules (tiktok-bridge run --rules examples/rules/game.toml) fire named actions.
	stats.actions += 1
	flash("action: %s %s" % [action_name, params])


# ---------------------------------------------------------------- the scene

static func user_name(event: Dictionary) -> String:
	var u: Dictionary = event.get("user", {})
	var nick: String = u.get("nickname", "")
	return nick if nick != "" else "@" + str(u.get("uniqueId", "someone"))


func spawn_box(gift_name: String, diamonds: int) -> void:
	var body := RigidBody2D.new()
	var side := clampf(14.0 + 6.0 * log(1.0 + diamonds), 14.0, 70.0)
	var shape := CollisionShape2D.new()
	var rect := RectangleShape2D.new()
	rect.size = Vector2(side, side)
	shape.shape = rect
	body.add_child(shape)
	var look := ColorRect.new()
	look.size = Vector2(side, side)
	look.position = -look.size / 2.0
	look.color = Color.from_hsv(fposmod(hash(gift_name) / 1000.0, 1.0), 0.7, 0.95)
	body.add_child(look)
	body.position = Vector2(randf_range(300, SCREEN.x - 40), -side)
	body.angular_velocity = randf_range(-3, 3)
	add_child(body)
	boxes.append(body)
	stats.boxes_spawned += 1
	while boxes.size() > MAX_BOXES:
		boxes.pop_front().queue_free()


func show_chat_line(text: String, color: Color) -> void:
	var l := Label.new()
	l.text = text
	l.add_theme_color_override("font_color", color)
	l.clip_text = true
	l.custom_minimum_size = Vector2(270, 0)
	chat_box.add_child(l)
	while chat_box.get_child_count() > 14:
		var old := chat_box.get_child(0)
		chat_box.remove_child(old)
		old.queue_free()


func flash(text: String) -> void:
	banner.text = text
	banner.modulate.a = 1.0
	var t := create_tween()
	t.tween_interval(1.2)
	t.tween_property(banner, "modulate:a", 0.0, 0.6)


## The HUD's theme: Godot's default font with the system's emoji font as a fallback.
static func emoji_theme() -> Theme:
	var emoji := SystemFont.new()
	emoji.font_names = PackedStringArray(EMOJI_FONTS)
	var font := FontVariation.new()
	font.base_font = ThemeDB.fallback_font
	font.fallbacks = [emoji]
	var theme := Theme.new()
	theme.default_font = font
	return theme


func build_scene() -> void:
	var bg := ColorRect.new()
	bg.color = Color(0.08, 0.08, 0.12)
	bg.size = SCREEN
	add_child(bg)
	var floor_body := StaticBody2D.new()
	var floor_shape := CollisionShape2D.new()
	var floor_rect := RectangleShape2D.new()
	floor_rect.size = Vector2(SCREEN.x, 20)
	floor_shape.shape = floor_rect
	floor_body.position = Vector2(SCREEN.x / 2.0, SCREEN.y - 10)
	floor_body.add_child(floor_shape)
	add_child(floor_body)
	for x in [290.0, SCREEN.x]:  # walls keep the pile on the right
		var wall := StaticBody2D.new()
		var ws := CollisionShape2D.new()
		var wr := RectangleShape2D.new()
		wr.size = Vector2(10, SCREEN.y * 3)
		ws.shape = wr
		wall.position = Vector2(x, 0)
		wall.add_child(ws)
		add_child(wall)

	var layer := CanvasLayer.new()
	add_child(layer)
	var ui := Control.new()  # holds the theme for every label below
	ui.theme = emoji_theme()
	ui.mouse_filter = Control.MOUSE_FILTER_IGNORE
	layer.add_child(ui)
	status_label = Label.new()
	status_label.text = "connecting to %s..." % TikTokBridge.endpoint
	status_label.position = Vector2(10, 8)
	ui.add_child(status_label)
	viewers_label = Label.new()
	viewers_label.text = "viewers: -"
	viewers_label.position = Vector2(SCREEN.x - 160, 8)
	ui.add_child(viewers_label)
	var like_label := Label.new()
	like_label.text = "likes to the next goal"
	like_label.position = Vector2(10, 36)
	ui.add_child(like_label)
	like_bar = ProgressBar.new()
	like_bar.max_value = LIKE_GOAL
	like_bar.position = Vector2(10, 60)
	like_bar.size = Vector2(270, 24)
	ui.add_child(like_bar)
	chat_box = VBoxContainer.new()
	chat_box.position = Vector2(10, 100)
	ui.add_child(chat_box)
	banner = Label.new()
	banner.position = Vector2(320, 200)
	banner.add_theme_font_size_override("font_size", 32)
	banner.modulate.a = 0.0
	ui.add_child(banner)
