@tool
extends RefCounted
## One control-channel request (see TikTokBridge.simulate, watch_room, ...).
##
## [codeblock]
## var reply: Dictionary = await TikTokBridge.simulate("gift", {"giftName": "Rose"}).completed
## if reply.ok:
##     print("published as seq ", reply.result.seq)
## else:
##     print(reply.error.code, ": ", reply.error.message)
## [/codeblock]
## [signal completed] is emitted exactly once, never before the frame after the
## call, so awaiting it right away is always safe.

## The daemon's reply map: {"ok": true, "result": ...} or
## {"ok": false, "error": {"code": ..., "message": ...}}. Failures on our side use
## the codes "timeout", "unreachable", "disconnected", "bad_request".
signal completed(reply: Dictionary)

## Request id (sent as "id"; the daemon echoes it).
var id: int = 0
## The command: ping, status, connect, disconnect, simulate, rules, reload, summary.
var cmd: String = ""
## The request map as sent (msgpack).
var request: Dictionary = {}
## The reply, once done.
var reply: Dictionary = {}
## True once completed has been emitted.
var done: bool = false
## Deadline in Time.get_ticks_msec() units, set when sent.
var deadline_ms: int = 0


## True when the daemon answered ok.
func is_ok() -> bool:
	return done and reply.get("ok", false) == true


## The reply's result (null until done or on failure).
func get_result() -> Variant:
	return reply.get("result")


## The error code ("" when ok or not done).
func get_error_code() -> String:
	var e: Variant = reply.get("error")
	return str(e.get("code", "")) if e is Dictionary else ""


func _finish(r: Dictionary) -> void:
	if done:
		return
	done = true
	reply = r
	completed.emit(r)


static func failure(code: String, message: String, request_id: int) -> Dictionary:
	return {"ok": false, "id": request_id, "error": {"code": code, "message": message}}
