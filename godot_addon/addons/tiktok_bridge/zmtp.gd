@tool
extends RefCounted
## A sans-I/O ZMTP 3.x peer (NULL security): bytes in, messages out.
##
## It owns no socket. The caller moves bytes:
## [codeblock]
## var z := preload("res://addons/tiktok_bridge/zmtp.gd").new("SUB")
## z.subscribe("gift/".to_utf8_buffer())    # queued until the handshake is done
## z.start()                                # our greeting goes into the output
## tcp.put_data(z.take_output())
## z.feed(bytes_from_tcp)                   # parse whatever arrived, in any chunks
## tcp.put_data(z.take_output())            # READY, subscriptions, PONGs
## for msg in z.take_messages(): ...        # each an Array of PackedByteArray frames
## if z.state == z.State.CLOSED: print(z.error)
## [/codeblock]
##
## What it does, following libzmq 4.x's real behaviour:
## - sends its 64-byte greeting (version 3.0, mechanism NULL) at once, never
##   waits for the peer's full greeting first (libzmq sends its own in stages);
## - validates only what matters in the peer's greeting: 0xFF, the version bit
##   in byte 9, major version >= 3, mechanism NULL;
## - sends READY (Socket-Type) after the peer's greeting, and sends anything
##   else (subscriptions, messages) only after the peer's READY: libzmq drops a
##   connection that pipelines a subscription before its own READY went out;
## - subscribes with the ZMTP 3.0 message form (00 LL 01 prefix), which every
##   libzmq 4.x accepts;
## - answers PING with PONG echoing the context, skips unknown commands,
##   treats ERROR as fatal;
## - short and long frames, multipart messages, any read boundaries.

enum State { GREETING, HANDSHAKE, READY, CLOSED }

const Contract := preload("res://addons/tiktok_bridge/contract.gd")

const FLAG_MORE := 1
const FLAG_LONG := 2
const FLAG_COMMAND := 4
const GREETING_SIZE := 64

## Socket types we may talk to, for each of ours.
const PEERS := {
	"SUB": ["PUB", "XPUB"],
	"XSUB": ["PUB", "XPUB"],
	"REQ": ["REP", "ROUTER"],
	"DEALER": ["REP", "DEALER", "ROUTER"],
}

var state: State = State.GREETING
## Why the connection is closed (when [member state] is CLOSED).
var error: String = ""
## True when the peer sent an ERROR command (fatal; reason in [member error]).
var peer_error: bool = false
## Our socket type: SUB, XSUB, REQ or DEALER.
var socket_type: String
## Peer's greeting version.
var peer_major: int = -1
var peer_minor: int = -1
## Peer's READY properties (names as sent, values as PackedByteArray).
var peer_properties: Dictionary = {}
## Peer's Socket-Type from its READY.
var peer_socket_type: String = ""
## Largest frame, and largest multipart message in total, accepted in bytes; a bigger
## one closes the connection (the contract's MAX_MESSAGE_BYTES).
var max_frame_size: int = Contract.MAX_MESSAGE_BYTES
## Most frames in one multipart message; more closes the connection (MAX_MESSAGE_FRAMES).
var max_frames: int = Contract.MAX_MESSAGE_FRAMES
## Answer PINGs (tests turn this off to watch libzmq drop a silent peer).
var answer_pings: bool = true

## Counters.
var pings_received: int = 0
var pongs_received: int = 0
var unknown_commands: int = 0
var messages_received: int = 0
var bytes_received: int = 0
## TTL the peer's last PING carried, in milliseconds (0 = none).
var last_ping_ttl_ms: int = 0

var _in := PackedByteArray()
var _pos: int = 0
var _out := PackedByteArray()
var _messages: Array = []
var _frames: Array = []  # frames of the message being received
var _frames_size: int = 0
var _started: bool = false
var _ready_sent: bool = false
var _pending: Array = []  # PackedByteArray wire bytes to send once READY


func _init(our_socket_type: String = "SUB") -> void:
	socket_type = our_socket_type.to_upper()


## Queues our greeting. Call once the TCP connection is up.
func start() -> void:
	if _started:
		return
	_started = true
	var g := PackedByteArray()
	g.resize(GREETING_SIZE)  # zero-filled
	g[0] = 0xFF
	g[8] = 0x01  # padding: libzmq writes routing-id-size+1 here; not validated
	g[9] = 0x7F
	g[10] = 3  # version 3.0: nothing here needs 3.1
	g[11] = 0
	var mech := "NULL".to_ascii_buffer()
	for i in mech.size():
		g[12 + i] = mech[i]
	# byte 32 as-server = 0, bytes 33..63 filler = 0
	_out.append_array(g)


## True once both greetings and READYs are exchanged.
func is_ready() -> bool:
	return state == State.READY


## Bytes to write to the socket (and forgets them).
func take_output() -> PackedByteArray:
	var o := _out
	_out = PackedByteArray()
	return o


## True when output is waiting.
func has_output() -> bool:
	return not _out.is_empty()


## Complete messages received since the last call (and forgets them). Each is
## an Array of PackedByteArray frames.
func take_messages() -> Array:
	var m := _messages
	_messages = []
	return m


## Number of complete messages waiting in [method take_messages].
func pending_messages() -> int:
	return _messages.size()


## Subscribes to a topic prefix (SUB/XSUB). Empty prefix: everything.
func subscribe(prefix: PackedByteArray) -> void:
	var body := PackedByteArray([1])
	body.append_array(prefix)
	_send_when_ready(encode_frame(body, false, false))


## Removes one subscription to [param prefix].
func unsubscribe(prefix: PackedByteArray) -> void:
	var body := PackedByteArray([0])
	body.append_array(prefix)
	_send_when_ready(encode_frame(body, false, false))


## Sends one message (an Array of PackedByteArray frames). Queued until READY.
func send_message(frames: Array) -> void:
	var wire := PackedByteArray()
	for i in frames.size():
		wire.append_array(encode_frame(frames[i], i < frames.size() - 1, false))
	_send_when_ready(wire)


## Closes the connection locally: nothing more is parsed or sent.
func close(reason: String) -> void:
	if state != State.CLOSED:
		state = State.CLOSED
		error = reason


## Feeds bytes received from the peer; parses as much as is complete.
func feed(data: PackedByteArray) -> void:
	if state == State.CLOSED or data.is_empty():
		return
	bytes_received += data.size()
	if _pos == _in.size():
		_in = data
		_pos = 0
	else:
		_in.append_array(data)
	while state != State.CLOSED:
		if state == State.GREETING:
			if not _parse_greeting():
				break
		elif not _parse_frame():
			break
	if _pos > 0:
		if _pos >= _in.size():
			_in = PackedByteArray()
		else:
			_in = _in.slice(_pos)
		_pos = 0


# ---------------------------------------------------------------- encoding

## One frame on the wire: flags, 1- or 8-byte size, body.
static func encode_frame(body: PackedByteArray, more: bool, command: bool) -> PackedByteArray:
	var n := body.size()
	var flags := 0
	if more:
		flags |= FLAG_MORE
	if command:
		flags |= FLAG_COMMAND
	var f := PackedByteArray()
	if n <= 255:
		f.append(flags)
		f.append(n)
	else:
		f.append(flags | FLAG_LONG)
		for i in range(7, -1, -1):
			f.append((n >> (8 * i)) & 0xFF)
	f.append_array(body)
	return f


## A command frame: name length, name, data.
static func encode_command(name: String, data: PackedByteArray) -> PackedByteArray:
	var raw := name.to_ascii_buffer()
	var body := PackedByteArray([raw.size()])
	body.append_array(raw)
	body.append_array(data)
	return encode_frame(body, false, true)


## READY's data: properties as name-len(1) name value-len(4, BE) value.
static func encode_properties(props: Dictionary) -> PackedByteArray:
	var out := PackedByteArray()
	for k in props:
		var name: PackedByteArray = String(k).to_ascii_buffer()
		var value: PackedByteArray = props[k] if props[k] is PackedByteArray else String(props[k]).to_utf8_buffer()
		out.append(name.size())
		out.append_array(name)
		var n := value.size()
		out.append_array(PackedByteArray([(n >> 24) & 0xFF, (n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF]))
		out.append_array(value)
	return out


## Parses READY properties; returns null when malformed.
static func parse_properties(data: PackedByteArray) -> Variant:
	var props := {}
	var p := 0
	var n := data.size()
	while p < n:
		var name_len: int = data[p]
		p += 1
		if name_len == 0 or p + name_len + 4 > n:
			return null
		var name := data.slice(p, p + name_len).get_string_from_ascii()
		p += name_len
		var value_len: int = (data[p] << 24) | (data[p + 1] << 16) | (data[p + 2] << 8) | data[p + 3]
		p += 4
		if p + value_len > n:
			return null
		props[name] = data.slice(p, p + value_len)
		p += value_len
	return props


# ---------------------------------------------------------------- internals

func _send_when_ready(wire: PackedByteArray) -> void:
	if state == State.READY:
		_out.append_array(wire)
	elif state != State.CLOSED:
		_pending.append(wire)


func _fail(reason: String) -> void:
	close(reason)


func _parse_greeting() -> bool:
	var have := _in.size() - _pos
	# Reject early what can never become a ZMTP 3 greeting: a ZMTP 1.0/2.0 peer
	# would never send all 64 bytes and we would wait forever.
	if have >= 1 and _in[_pos] != 0xFF:
		_fail("protocol: not a ZMTP peer (first byte 0x%02x)" % _in[_pos])
		return false
	if have >= 10 and (_in[_pos + 9] & 1) == 0:
		_fail("protocol: ZMTP 1.0 peer, not supported")
		return false
	if have >= 11 and _in[_pos + 10] < 3:
		_fail("protocol: ZMTP %d.x peer, 3.x needed" % _in[_pos + 10])
		return false
	if have < GREETING_SIZE:
		return false
	peer_major = _in[_pos + 10]
	peer_minor = _in[_pos + 11]
	var mech := _in.slice(_pos + 12, _pos + 32)
	var expected := "NULL".to_ascii_buffer()
	expected.resize(20)
	if mech != expected:
		_fail("protocol: peer wants security mechanism '%s', only NULL is supported" % mech.get_string_from_ascii())
		return false
	_pos += GREETING_SIZE
	state = State.HANDSHAKE
	if not _started:
		start()
	_out.append_array(encode_command("READY", encode_properties({"Socket-Type": socket_type})))
	_ready_sent = true
	return true


## Parses one frame if complete. Returns false when more bytes are needed.
func _parse_frame() -> bool:
	var have := _in.size() - _pos
	if have < 2:
		return false
	var flags: int = _in[_pos]
	var size: int
	var header: int
	if flags & FLAG_LONG:
		if have < 9:
			return false
		if _in[_pos + 1] >= 0x80:
			_fail("protocol: frame size over 2^63")
			return false
		size = 0
		for i in 8:
			size = (size << 8) | _in[_pos + 1 + i]
		header = 9
	else:
		size = _in[_pos + 1]
		header = 2
	if size > max_frame_size:
		_fail("protocol: frame of %d bytes is over the %d byte limit" % [size, max_frame_size])
		return false
	if have < header + size:
		return false
	var start := _pos + header
	_pos = start + size
	if flags & FLAG_COMMAND:
		_on_command(start, size)
	elif state != State.READY:
		_fail("protocol: message frame before the handshake finished")
	else:
		if _frames.size() >= max_frames:
			_fail("protocol: multipart message of more than %d frames" % max_frames)
			return false
		_frames.append(_in.slice(start, start + size))
		_frames_size += size
		if _frames_size > max_frame_size:
			_fail("protocol: multipart message over the %d byte limit" % max_frame_size)
			return false
		if (flags & FLAG_MORE) == 0:
			_messages.append(_frames)
			messages_received += 1
			_frames = []
			_frames_size = 0
	return true


func _on_command(start: int, size: int) -> void:
	if size < 1 or _in[start] + 1 > size:
		_fail("protocol: malformed command frame")
		return
	var name_len: int = _in[start]
	var name := _in.slice(start + 1, start + 1 + name_len).get_string_from_ascii()
	var data_start := start + 1 + name_len
	var data_end := start + size
	match name:
		"READY":
			if state != State.HANDSHAKE:
				_fail("protocol: unexpected READY")
				return
			var props: Variant = parse_properties(_in.slice(data_start, data_end))
			if props == null:
				_fail("protocol: malformed READY properties")
				return
			peer_properties = props
			for k in peer_properties:
				if String(k).to_lower() == "socket-type":
					peer_socket_type = (peer_properties[k] as PackedByteArray).get_string_from_ascii()
			var allowed: Array = PEERS.get(socket_type, [])
			if not allowed.is_empty() and not peer_socket_type in allowed:
				_fail("protocol: a %s socket cannot talk to a %s socket" % [socket_type, peer_socket_type if peer_socket_type != "" else "untyped"])
				return
			state = State.READY
			for wire in _pending:
				_out.append_array(wire)
			_pending.clear()
		"ERROR":
			var reason := ""
			if data_end > data_start:
				var rlen: int = _in[data_start]
				reason = _in.slice(data_start + 1, mini(data_start + 1 + rlen, data_end)).get_string_from_utf8()
			peer_error = true
			_fail("peer error: %s" % reason)
		"PING":
			pings_received += 1
			if data_end - data_start >= 2:
				last_ping_ttl_ms = ((_in[data_start] << 8) | _in[data_start + 1]) * 100
				var context := _in.slice(data_start + 2, mini(data_end, data_start + 2 + 16))
				if answer_pings and state != State.CLOSED:
					_out.append_array(encode_command("PONG", context))
			elif answer_pings:
				_out.append_array(encode_command("PONG", PackedByteArray()))
		"PONG":
			pongs_received += 1
		_:
			unknown_commands += 1  # SUBSCRIBE/CANCEL/anything newer: not ours to act on
