@tool
extends RefCounted
## One ZMTP connection over StreamPeerTCP: the socket side around zmtp.gd.
##
## Non-blocking throughout: call [method poll] every frame. Host names are
## resolved with Godot's asynchronous resolver, connecting and writing never
## block, and reads take only what has arrived.

const Zmtp := preload("res://addons/tiktok_bridge/zmtp.gd")

enum Status { IDLE, RESOLVING, CONNECTING, HANDSHAKING, READY, CLOSED }

var status: Status = Status.IDLE
## Why the connection closed (when [member status] is CLOSED).
var reason: String = ""
## True when the connection never reached READY before closing.
var failed_before_ready: bool = false
## The protocol core (null before open()).
var zmtp: Zmtp
## Milliseconds allowed to resolve, connect and finish the handshake.
var connect_timeout_ms: int = 5000
## Time.get_ticks_msec() of the last byte received.
var last_rx_ms: int = 0
## The endpoint given to open().
var endpoint: String = ""

var _tcp: StreamPeerTCP
var _host: String = ""
var _port: int = 0
var _resolve_id: int = -1
var _out := PackedByteArray()
var _opened_ms: int = 0


## Parses tcp://host:port (IPv6 as tcp://[::1]:port). Returns
## {"host", "port"} or {"error"}.
static func parse_endpoint(ep: String) -> Dictionary:
	ep = ep.strip_edges()
	if not ep.begins_with("tcp://"):
		return {"error": "only tcp:// endpoints are supported (got '%s')" % ep}
	var rest := ep.substr(6)
	var host := ""
	var port_text := ""
	if rest.begins_with("["):
		var close := rest.find("]")
		if close < 0 or close + 1 >= rest.length() or rest[close + 1] != ":":
			return {"error": "bad IPv6 endpoint '%s'" % ep}
		host = rest.substr(1, close - 1)
		port_text = rest.substr(close + 2)
	else:
		var colon := rest.rfind(":")
		if colon <= 0:
			return {"error": "endpoint '%s' has no port" % ep}
		host = rest.substr(0, colon)
		port_text = rest.substr(colon + 1)
	if not port_text.is_valid_int() or int(port_text) < 1 or int(port_text) > 65535:
		return {"error": "bad port in endpoint '%s'" % ep}
	if host == "*" or host == "":
		return {"error": "endpoint '%s' names no host" % ep}
	return {"host": host, "port": int(port_text)}


## Starts connecting. Returns false (and status CLOSED, reason set) when the
## endpoint cannot work (malformed, not tcp://); other failures arrive through
## [method poll] as status CLOSED.
func open(ep: String, socket_type: String) -> bool:
	close("reopened")
	endpoint = ep
	zmtp = Zmtp.new(socket_type)
	reason = ""
	failed_before_ready = false
	_out = PackedByteArray()
	_opened_ms = Time.get_ticks_msec()
	last_rx_ms = _opened_ms
	var parsed := parse_endpoint(ep)
	if parsed.has("error"):
		_close_with(parsed.error)
		return false
	_host = parsed.host
	_port = parsed.port
	if _host == "localhost":
		_host = "127.0.0.1"
	if _host.is_valid_ip_address():
		_connect_tcp()
		return true
	_resolve_id = IP.resolve_hostname_queue_item(_host, IP.TYPE_ANY)
	if _resolve_id < 0:
		_close_with("cannot resolve '%s'" % _host)
		return false
	status = Status.RESOLVING
	return true


## Closes the socket (idempotent).
func close(why: String) -> void:
	if status == Status.IDLE or status == Status.CLOSED:
		return
	_close_with(why)


func is_ready() -> bool:
	return status == Status.READY


func is_active() -> bool:
	return status != Status.IDLE and status != Status.CLOSED


## Sends one multipart message (queued by the core until READY).
func send_message(frames: Array) -> void:
	if zmtp != null and is_active():
		zmtp.send_message(frames)


## Does all pending I/O. Returns true when the status changed.
func poll() -> bool:
	var before := status
	match status:
		Status.RESOLVING:
			_poll_resolve()
		Status.CONNECTING, Status.HANDSHAKING, Status.READY:
			_poll_socket()
	if (status == Status.RESOLVING or status == Status.CONNECTING or status == Status.HANDSHAKING) \
			and Time.get_ticks_msec() - _opened_ms > connect_timeout_ms:
		_close_with("timeout: no ZMTP handshake with %s within %d ms" % [endpoint, connect_timeout_ms])
	return status != before


func _poll_resolve() -> void:
	var st := IP.get_resolve_item_status(_resolve_id)
	if st == IP.RESOLVER_STATUS_WAITING:
		return
	var addr := IP.get_resolve_item_address(_resolve_id) if st == IP.RESOLVER_STATUS_DONE else ""
	IP.erase_resolve_item(_resolve_id)
	_resolve_id = -1
	if addr == "":
		_close_with("cannot resolve '%s'" % _host)
		return
	_host = addr
	_connect_tcp()


func _connect_tcp() -> void:
	_tcp = StreamPeerTCP.new()
	var err := _tcp.connect_to_host(_host, _port)
	if err != OK:
		_close_with("connect to %s failed: %s" % [endpoint, error_string(err)])
		return
	status = Status.CONNECTING


func _poll_socket() -> void:
	_tcp.poll()
	var st := _tcp.get_status()
	if status == Status.CONNECTING:
		if st == StreamPeerTCP.STATUS_CONNECTING:
			return
		if st != StreamPeerTCP.STATUS_CONNECTED:
			_close_with("connection refused by %s" % endpoint)
			return
		_tcp.set_no_delay(true)
		status = Status.HANDSHAKING
		zmtp.start()
	elif st != StreamPeerTCP.STATUS_CONNECTED:
		_close_with("closed by peer" if st == StreamPeerTCP.STATUS_NONE else "socket error")
		return
	# Read what arrived.
	var n := _tcp.get_available_bytes()
	if n > 0:
		var r: Array = _tcp.get_partial_data(n)
		if r[0] != OK:
			_close_with("read error: %s" % error_string(r[0]))
			return
		var data: PackedByteArray = r[1]
		if not data.is_empty():
			last_rx_ms = Time.get_ticks_msec()
			zmtp.feed(data)
	if zmtp.state == Zmtp.State.CLOSED:
		_flush()  # a last PONG or nothing; best effort
		_close_with(zmtp.error)
		return
	if status == Status.HANDSHAKING and zmtp.is_ready():
		status = Status.READY
	_flush()


func _flush() -> void:
	if zmtp.has_output():
		_out.append_array(zmtp.take_output())
	if _out.is_empty() or _tcp == null or _tcp.get_status() != StreamPeerTCP.STATUS_CONNECTED:
		return
	var r: Array = _tcp.put_partial_data(_out)
	if r[0] != OK:
		_close_with("write error: %s" % error_string(r[0]))
		return
	var sent: int = r[1]
	_out = PackedByteArray() if sent >= _out.size() else _out.slice(sent)


func _close_with(why: String) -> void:
	failed_before_ready = status != Status.READY
	status = Status.CLOSED
	reason = why
	if _resolve_id >= 0:
		IP.erase_resolve_item(_resolve_id)
		_resolve_id = -1
	if _tcp != null:
		_tcp.disconnect_from_host()
		_tcp = null
	if zmtp != null:
		zmtp.close(why)
