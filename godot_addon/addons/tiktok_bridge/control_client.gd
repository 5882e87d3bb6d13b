@tool
extends RefCounted
## The control channel's client side: a ZMTP REQ socket (docs/control.md).
##
## Requests are msgpack maps ({"cmd": ..., "id": n, ...}); replies are msgpack
## maps. REQ allows one request in flight: the rest wait in a queue. The
## connection opens on the first request and stays open; a timeout or a lost
## connection fails the request in flight and the next request reconnects.
## Drive it with [method poll] every frame.

const Transport := preload("res://addons/tiktok_bridge/transport.gd")
const Msgpack := preload("res://addons/tiktok_bridge/msgpack.gd")
const Request := preload("res://addons/tiktok_bridge/request.gd")
const Contract := preload("res://addons/tiktok_bridge/contract.gd")

## Emitted for every finished request, after its own completed signal.
signal request_finished(request: Request)

var endpoint: String = Contract.CONTROL_ENDPOINT
var token: String = ""
var timeout_ms: int = 5000
var debug: bool = false

var _transport := Transport.new()
var _queue: Array = []  # Requests not yet sent
var _in_flight: Request = null
var _next_id: int = 1
var _mp := Msgpack.new()


## Queues a request; returns its Request (await its completed signal).
func request(cmd: String, args: Dictionary = {}) -> Request:
	var r := Request.new()
	r.id = _next_id
	_next_id += 1
	r.cmd = cmd
	var body := {"cmd": cmd, "id": r.id}
	for k in args:
		body[k] = args[k]
	if token != "":
		body["token"] = token
	r.request = body
	_queue.append(r)
	return r


## Requests waiting or in flight.
func pending() -> int:
	return _queue.size() + (1 if _in_flight != null else 0)


## Fails everything and closes the connection.
func shutdown(why: String = "disconnected") -> void:
	_transport.close(why)
	_fail_all("disconnected", why)


## Does the I/O; finishes requests (emits their signals) from here only.
func poll() -> void:
	if _transport.is_active() and _transport.endpoint != endpoint and _in_flight == null:
		_transport.close("endpoint changed")  # the next request connects to the new one
	if _in_flight == null and _queue.is_empty():
		if _transport.is_active():
			_transport.poll()  # answer PINGs, notice a close
		return
	if not _transport.is_active():
		_transport.connect_timeout_ms = timeout_ms
		if debug:
			print("[TikTokBridge] control: connecting to ", endpoint)
		_transport.open(endpoint, "REQ")
	_transport.poll()
	if _transport.status == Transport.Status.CLOSED:
		var reached := not _transport.failed_before_ready
		if _in_flight != null:
			_finish(_in_flight, Request.failure("disconnected" if reached else "unreachable",
				"control connection to %s: %s" % [endpoint, _transport.reason], _in_flight.id))
			_in_flight = null
		if not reached:
			_fail_all("unreachable", "control endpoint %s: %s" % [endpoint, _transport.reason])
		return
	if not _transport.is_ready():
		return
	for msg in _transport.zmtp.take_messages():
		_on_reply(msg)
	if _in_flight != null and Time.get_ticks_msec() > _in_flight.deadline_ms:
		var r := _in_flight
		_in_flight = null
		# A REQ socket cannot send again before its reply: start over.
		_transport.close("request timed out")
		_finish(r, Request.failure("timeout", "no reply from %s within %d ms" % [endpoint, timeout_ms], r.id))
		return
	if _in_flight == null and not _queue.is_empty():
		var r: Request = _queue.pop_front()
		var packed := Msgpack.pack(r.request)
		if packed.error != "":
			_finish(r, Request.failure("bad_request", "cannot encode the request: %s" % packed.error, r.id))
			return
		r.deadline_ms = Time.get_ticks_msec() + timeout_ms
		_in_flight = r
		# REQ envelope: an empty delimiter frame, then the body.
		_transport.send_message([PackedByteArray(), packed.bytes])
		_transport.poll()  # write now rather than next frame


func _on_reply(frames: Array) -> void:
	if _in_flight == null or frames.is_empty():
		return
	var body: PackedByteArray = frames[frames.size() - 1]
	var reply: Variant = _mp.decode(body)
	var r := _in_flight
	_in_flight = null
	if _mp.error != "" or not reply is Dictionary:
		_finish(r, Request.failure("bad_reply", "undecodable reply: %s" % _mp.error, r.id))
		return
	_finish(r, reply)


func _fail_all(code: String, message: String) -> void:
	if _in_flight != null:
		var r := _in_flight
		_in_flight = null
		_finish(r, Request.failure(code, message, r.id))
	var q := _queue
	_queue = []
	for r in q:
		_finish(r, Request.failure(code, message, r.id))


func _finish(r: Request, reply: Dictionary) -> void:
	if debug:
		print("[TikTokBridge] control: ", r.cmd, " -> ", reply)
	r._finish(reply)
	request_finished.emit(r)
