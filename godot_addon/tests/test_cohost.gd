extends "res://tests/runner.gd"
## A co-host battle on the add-on's signals, driven by tests/test_godot.py against a daemon that
## plays the built-in cohost-battle scenario (one whole battle every 20 s):
##   godot --headless --path godot_addon -s res://tests/test_cohost.gd -- --endpoint=tcp://127.0.0.1:P

const Bridge := preload("res://addons/tiktok_bridge/tiktok_bridge.gd")

var seen := {}  # signal name -> events it carried


func run() -> void:
	var bridge := Bridge.new()
	bridge.endpoint = arg("endpoint")
	for name in ["battle_updated", "co_host_score_updated", "co_host_received", "battle_punish_received",
			"battle_card_received", "battle_task_received"]:
		seen[name] = []
		bridge.connect(name, func(e: Dictionary) -> void: seen[name].append(e))
	root.add_child(bridge)
	section("connect")
	check(await wait_until(func() -> bool: return bridge.is_bridge_connected(), 20.0), "connected")
	section("a whole co-host battle arrives on its signals")
	check(await wait_until(_whole_battle, 45.0), "join, open, scores, task, cards, finish, punishment, leave")
	for name in seen:
		print("   %s: %d events" % [name, seen[name].size()])
	var layer_actions: Array = seen["co_host_received"].map(func(e: Dictionary) -> int: return e.get("layerAction", 0))
	check(12 in layer_actions and 9 in layer_actions, "co_host_received: the rival joined (12) and left (9)")
	var finished: Array = seen["battle_updated"].filter(
		func(e: Dictionary) -> bool: return e.type == "battle" and e.get("action", 0) == 5)
	check(finished.size() > 0 and finished[0].results.size() == 2, "battle finished with both sides' results")
	var armies: Array = seen["battle_updated"].filter(func(e: Dictionary) -> bool: return e.type == "battleArmies")
	check(armies.size() > 0 and armies[0].teams.size() == 2, "battleArmies with both teams")
	var tasks: Array = seen["battle_task_received"].map(func(e: Dictionary) -> int: return e.get("taskType", 0))
	check(0 in tasks and 1 in tasks and 2 in tasks, "battle task started, progressed and was settled")
	var cards: Array = seen["battle_card_received"].map(func(e: Dictionary) -> int: return e.get("cardType", 0))
	check(2 in cards and 4 in cards, "critical strike used (2) and cards awarded (4)")
	var hosts: Array = seen["co_host_score_updated"].filter(func(e: Dictionary) -> bool: return e.has("hosts"))
	check(hosts.size() > 0 and hosts[0].hosts.size() == 2, "co_host_score_updated with both hosts' scores")
	check(seen["battle_punish_received"][0].get("battleId", 0) > 0, "battle_punish_received names its battle")
	bridge.queue_free()


func _whole_battle() -> bool:
	for name in seen:
		if seen[name].is_empty():
			return false
	var layer_actions: Array = seen["co_host_received"].map(func(e: Dictionary) -> int: return e.get("layerAction", 0))
	var cards: Array = seen["battle_card_received"].map(func(e: Dictionary) -> int: return e.get("cardType", 0))
	var tasks: Array = seen["battle_task_received"].map(func(e: Dictionary) -> int: return e.get("taskType", 0))
	return 12 in layer_actions and 9 in layer_actions and 2 in cards and 4 in cards and 2 in tasks \
		and seen["battle_updated"].any(func(e: Dictionary) -> bool: return e.get("action", 0) == 5)
