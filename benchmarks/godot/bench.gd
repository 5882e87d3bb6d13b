extends SceneTree
## How fast the GDScript client decodes and dispatches daemon output, in headless Godot.
## Run through benchmarks/godot/run.py (it captures a sample and sets up a project):
##   godot --headless --path <project with the addon> -s res://bench.gd -- --capture=FILE [--seconds=2]
##
## Measures, over the captured messages (topic + msgpack payload, as the daemon sent them):
##   zmtp      ZMTP frame parsing of the wire bytes (64 KiB reads), messages/s and MB/s
##   decode    msgpack decoding of every payload, events/s
##   dispatch  decode + TikTokBridge's dispatch with a handler on every signal, events/s
##   pipeline  all of it from wire bytes: ZMTP + msgpack + signals, events/s

const Zmtp := preload("res://addons/tiktok_bridge/zmtp.gd")
const Msgpack := preload("res://addons/tiktok_bridge/msgpack.gd")
const Bridge := preload("res://addons/tiktok_bridge/tiktok_bridge.gd")

var handled: int = 0


func _initialize() -> void:
	var path := ""
	var seconds := 2.0
	for a in OS.get_cmdline_user_args():
		if a.begins_with("--capture="):
			path = a.get_slice("=", 1)
		elif a.begins_with("--seconds="):
			seconds = float(a.get_slice("=", 1))
	var messages := read_capture(path)
	if messages.is_empty():
		print("bench: no messages in '%s'" % path)
		quit(1)
		return
	var payload_bytes := 0
	var types := {}
	for m in messages:
		payload_bytes += m[1].size()
		var t: String = m[0].get_string_from_utf8().get_slice("/", 0)
		types[t] = types.get(t, 0) + 1
	var wire := wire_bytes(messages)
	print("sample: %d messages, %d types, payloads %.0f bytes on average, %.1f MB on the wire" % [
		messages.size(), types.size(), float(payload_bytes) / messages.size(), wire.size() / 1e6])
	print("Godot %s, %s" % [Engine.get_version_info().string, "debug build" if OS.is_debug_build() else "release build"])

	var r := {}
	r.zmtp = measure(seconds, func() -> int: return bench_zmtp(wire), messages.size())
	r.decode = measure(seconds, func() -> int: return bench_decode(messages), messages.size())
	var bridge := Bridge.new()
	bridge.auto_connect = false
	root.add_child(bridge)
	for sig in bridge.get_signal_list():
		var args: Array = sig.args
		if args.size() == 1 and args[0].name == "event":
			bridge.connect(sig.name, func(_e: Dictionary) -> void: handled += 1)
	bridge.event_received.connect(func(_t: String, _e: Dictionary) -> void: pass)
	bridge.action_triggered.connect(func(_n: String, _p: Dictionary, _e: Dictionary) -> void: handled += 1)
	bridge.status_changed.connect(func(_a: String, _b: String, _c: String) -> void: handled += 1)
	r.dispatch = measure(seconds, func() -> int: return bench_dispatch(bridge, messages), messages.size())
	bridge.fill_defaults = false
	r.dispatch_raw = measure(seconds, func() -> int: return bench_dispatch(bridge, messages), messages.size())
	bridge.fill_defaults = true
	r.pipeline = measure(seconds, func() -> int: return bench_pipeline(bridge, wire), messages.size())
	var mb := wire.size() / 1e6
	print("zmtp      %9.0f messages/s  (%.1f MB/s of wire bytes)" % [r.zmtp, r.zmtp / messages.size() * mb])
	print("decode    %9.0f events/s    (msgpack only)" % r.decode)
	print("dispatch  %9.0f events/s    (msgpack + defaults filled + TikTokBridge signals, a handler on each)" % r.dispatch)
	print("raw       %9.0f events/s    (the same with fill_defaults off)" % r.dispatch_raw)
	print("pipeline  %9.0f events/s    (wire bytes -> ZMTP -> msgpack -> signals)" % r.pipeline)
	print("events that fit in the default 4 ms frame budget: about %.0f" % (r.pipeline * 0.004))
	print("BENCH_JSON " + JSON.stringify(r))
	quit(0)


## Runs fn (which processes `count` items) repeatedly for about `seconds`;
## returns the best rate of the runs, items/s.
func measure(seconds: float, fn: Callable, count: int) -> float:
	fn.call()  # warm-up
	var best := 0.0
	var end := Time.get_ticks_usec() + int(seconds * 1e6)
	while Time.get_ticks_usec() < end:
		var t0 := Time.get_ticks_usec()
		var n: int = fn.call()
		var dt := (Time.get_ticks_usec() - t0) / 1e6
		if n != count:
			push_error("processed %d of %d" % [n, count])
		best = maxf(best, n / dt)
	return best


func bench_zmtp(wire: PackedByteArray) -> int:
	var z := Zmtp.new("SUB")
	z.start()
	var n := 0
	for p in range(0, wire.size(), 65536):
		z.feed(wire.slice(p, p + 65536))
		n += z.take_messages().size()
	return n


func bench_decode(messages: Array) -> int:
	var mp := Msgpack.new()
	var n := 0
	for m in messages:
		if mp.decode(m[1]) != null:
			n += 1
	return n


func bench_dispatch(bridge: Bridge, messages: Array) -> int:
	var before: int = bridge._message_count
	for m in messages:
		bridge._handle(m)
	return bridge._message_count - before


func bench_pipeline(bridge: Bridge, wire: PackedByteArray) -> int:
	var z := Zmtp.new("SUB")
	z.start()
	var before: int = bridge._message_count
	for p in range(0, wire.size(), 65536):
		z.feed(wire.slice(p, p + 65536))
		for m in z.take_messages():
			bridge._handle(m)
	return bridge._message_count - before


## A PUB's side of the connection: greeting, READY, then every message as libzmq frames it.
func wire_bytes(messages: Array) -> PackedByteArray:
	var w := "ff00000000000000017f0301".hex_decode()
	var mech := "NULL".to_ascii_buffer()
	mech.resize(20)
	w.append_array(mech)
	w.resize(64)
	w.append_array("04190552454144590b536f636b65742d5479706500000003505542".hex_decode())
	for m in messages:
		w.append_array(Zmtp.encode_frame(m[0], true, false))
		w.append_array(Zmtp.encode_frame(m[1], false, false))
	return w


## The records written by godot_addon/tools/capture.py.
func read_capture(path: String) -> Array:
	var data := FileAccess.get_file_as_bytes(path)
	var out: Array = []
	var p := 0
	while p + 4 <= data.size():
		var tn: int = (data[p] << 24) | (data[p + 1] << 16) | (data[p + 2] << 8) | data[p + 3]
		var topic := data.slice(p + 4, p + 4 + tn)
		p += 4 + tn
		var pn: int = (data[p] << 24) | (data[p + 1] << 16) | (data[p + 2] << 8) | data[p + 3]
		out.append([topic, data.slice(p + 4, p + 4 + pn)])
		p += 4 + pn
	return out
