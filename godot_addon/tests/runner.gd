extends SceneTree
## Base of the headless test runners: `godot --headless --path godot_addon -s res://tests/<x>.gd`.
##
## A runner extends this file and implements run() (may await). It ends with
## "RESULT: <n> passed, <m> failed" and exit code 0 only when nothing failed.
## A watchdog quits with code 3 after `timeout_s` (a runner that hangs must not
## hang CI), and tests/test_godot.py also fails on any "SCRIPT ERROR" line:
## a GDScript runtime error aborts only the current function, so the runner
## alone could not see it.

var passed: int = 0
var failed: int = 0
var timeout_s: float = 60.0
var _t0: int = 0
var _section: String = ""
var _done: bool = false


func _initialize() -> void:
	_t0 = Time.get_ticks_msec()
	var t: Variant = arg("timeout")
	if t != null:
		timeout_s = float(t)
	_main.call_deferred()


func _main() -> void:
	await run()
	_done = true
	print("RESULT: %d passed, %d failed" % [passed, failed])
	quit(0 if failed == 0 and passed > 0 else 1)


func _process(_delta: float) -> bool:
	if not _done and Time.get_ticks_msec() - _t0 > int(timeout_s * 1000.0):
		print("FAIL [watchdog] runner still going after %.0f s" % timeout_s)
		print("RESULT: %d passed, %d failed" % [passed, failed + 1])
		_done = true
		quit(3)
	return false


## Override.
func run() -> void:
	pass


## Value of a `--name=value` user argument (after `--` on the command line), or null.
func arg(name: String) -> Variant:
	for a in OS.get_cmdline_user_args():
		if a == "--" + name:
			return ""
		if a.begins_with("--" + name + "="):
			return a.substr(name.length() + 3)
	return null


func section(name: String) -> void:
	_section = name
	print("-- ", name)


func check(cond: bool, what: String) -> bool:
	if cond:
		passed += 1
	else:
		failed += 1
		print("FAIL [%s] %s" % [_section, what])
	return cond


func eq(actual: Variant, expected: Variant, what: String) -> bool:
	var ok := same(actual, expected)
	if ok:
		passed += 1
	else:
		failed += 1
		print("FAIL [%s] %s\n      got:      %s\n      expected: %s" % [_section, what, _show(actual), _show(expected)])
	return ok


## Deep equality that also tells int from float and treats NaN as equal to NaN.
static func same(a: Variant, b: Variant) -> bool:
	if typeof(a) != typeof(b):
		return false
	match typeof(a):
		TYPE_FLOAT:
			return a == b or (is_nan(a) and is_nan(b))
		TYPE_ARRAY:
			if a.size() != b.size():
				return false
			for i in a.size():
				if not same(a[i], b[i]):
					return false
			return true
		TYPE_DICTIONARY:
			if a.size() != b.size():
				return false
			for k in a:
				if not b.has(k) or not same(a[k], b[k]):
					return false
			return true
	return a == b


static func _show(v: Variant) -> String:
	var s := "%s (%s)" % [str(v), type_string(typeof(v))]
	return s if s.length() < 400 else s.substr(0, 400) + "..."


static func hex(s: String) -> PackedByteArray:
	return s.replace(" ", "").hex_decode()


func elapsed_s() -> float:
	return (Time.get_ticks_msec() - _t0) / 1000.0


## Waits (frame by frame) until cond.call() is true or timeout_s passes.
func wait_until(cond: Callable, timeout: float) -> bool:
	var end := Time.get_ticks_msec() + int(timeout * 1000.0)
	while Time.get_ticks_msec() < end:
		if cond.call():
			return true
		await process_frame
	return cond.call()


func wait_seconds(seconds: float) -> void:
	var end := Time.get_ticks_msec() + int(seconds * 1000.0)
	while Time.get_ticks_msec() < end:
		await process_frame
