extends "res://tests/runner.gd"
## Reconnect to a restarted local daemon with the default settings, driven by
## tests/test_godot.py (which times it):
##   godot --headless --path godot_addon -s res://tests/test_reconnect.gd -- --endpoint=tcp://127.0.0.1:P
## Prints RECONNECT:ready once connected (the driver then stops the daemon for
## a while and starts it again) and RECONNECT:connected when connected again.

const Bridge := preload("res://addons/tiktok_bridge/tiktok_bridge.gd")


func run() -> void:
	var bridge := Bridge.new()
	bridge.endpoint = arg("endpoint")
	var delays: Array = []
	bridge.reconnecting.connect(func(_attempt: int) -> void: delays.append(bridge.get_stats().reconnect_delay))
	root.add_child(bridge)
	section("connect")
	check(await wait_until(func() -> bool: return bridge.is_bridge_connected(), 20.0), "connected")
	print("RECONNECT:ready")
	section("the daemon stops, then comes back")
	check(await wait_until(func() -> bool: return not bridge.is_bridge_connected(), 10.0), "disconnect noticed")
	check(await wait_until(func() -> bool: return bridge.is_bridge_connected(), 60.0), "reconnected")
	print("RECONNECT:connected")
	print("RECONNECT:delays ", JSON.stringify(delays))
	var count := bridge.get_event_count()
	check(await wait_until(func() -> bool: return bridge.get_event_count() > count, 10.0), "events flow again")
