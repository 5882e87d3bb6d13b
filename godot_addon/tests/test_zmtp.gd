extends "res://tests/runner.gd"
## The ZMTP core, byte by byte: what we send, what we accept, what we refuse.
##   godot --headless --path godot_addon -s res://tests/test_zmtp.gd -- --vectors=DIR
## DIR holds tests/vectors/generate.py's zmtp.tsv: the transcripts (protocol errors
## and the contract's limits) the C++ suite runs too.

const Zmtp := preload("res://addons/tiktok_bridge/zmtp.gd")
const Transport := preload("res://addons/tiktok_bridge/transport.gd")

# What libzmq 4.3.5 sends, split the way it sends it: the 10-byte signature,
# then the major version, then the remaining 53 bytes (minor 1, NULL, ...).
const PUB_SIGNATURE := "ff 00 00 00 00 00 00 00 01 7f"
const PUB_MAJOR := "03"
const PUB_REST := "01 4e554c4c 00000000000000000000000000000000 00 00000000000000000000000000000000000000000000000000000000000000"
# 04 19 05 READY 0b Socket-Type 00 00 00 03 PUB
const PUB_READY := "04 19 05 5245414459 0b 536f636b65742d54797065 00000003 505542"
# ROUTER's READY with libzmq's empty Identity (docs/control.md).
const ROUTER_READY := "04 29 05 5245414459 0b 536f636b65742d54797065 00000006 524f55544552 08 4964656e74697479 00000000"
const SUB_READY := "04 19 05 5245414459 0b 536f636b65742d54797065 00000003 535542"
const REQ_READY := "04 19 05 5245414459 0b 536f636b65742d54797065 00000003 524551"


func pub_greeting() -> PackedByteArray:
	return hex(PUB_SIGNATURE + PUB_MAJOR + PUB_REST)


func ready_sub() -> Zmtp:
	var z := Zmtp.new("SUB")
	z.start()
	z.feed(pub_greeting())
	z.feed(hex(PUB_READY))
	z.take_output()
	return z


func msg_bytes(topic: String, payload: PackedByteArray) -> PackedByteArray:
	var out := Zmtp.encode_frame(topic.to_utf8_buffer(), true, false)
	out.append_array(Zmtp.encode_frame(payload, false, false))
	return out


func run() -> void:
	test_greeting_bytes()
	test_handshake_stages()
	test_subscribe_waits_for_ready()
	test_messages()
	test_long_frames()
	test_one_byte_at_a_time()
	test_random_chunks_and_trailing_data()
	test_ping_pong()
	test_unknown_and_other_commands()
	test_error_command()
	test_shared_transcripts()
	test_bad_greetings()
	test_protocol_errors()
	test_req()
	test_properties()
	test_endpoints()


func test_greeting_bytes() -> void:
	section("greeting")
	var z := Zmtp.new("SUB")
	eq(z.take_output().size(), 0, "nothing before start()")
	z.start()
	var g := z.take_output()
	eq(g.size(), 64, "64-byte greeting")
	eq(g[0], 0xFF, "signature start")
	eq(g[9], 0x7F, "signature end")
	check((g[9] & 1) == 1, "version bit set in byte 9")
	eq(g[10], 3, "major 3")
	eq(g[11], 0, "minor 0")
	eq(g.slice(12, 32), hex("4e554c4c" + "00".repeat(16)), "mechanism NULL, NUL-padded")
	eq(g[32], 0, "as-server 0")
	eq(g.slice(33, 64), hex("00".repeat(31)), "filler")
	z.start()
	eq(z.take_output().size(), 0, "start() twice sends one greeting")


func test_handshake_stages() -> void:
	section("handshake in libzmq's stages")
	var z := Zmtp.new("SUB")
	z.start()
	z.take_output()
	z.feed(hex(PUB_SIGNATURE))
	eq(z.state, Zmtp.State.GREETING, "still greeting after the signature")
	eq(z.take_output().size(), 0, "no READY before the peer's greeting")
	z.feed(hex(PUB_MAJOR))
	eq(z.state, Zmtp.State.GREETING, "still greeting after the major byte")
	z.feed(hex(PUB_REST))
	eq(z.state, Zmtp.State.HANDSHAKE, "handshake after 64 bytes")
	eq(z.peer_major, 3, "peer major")
	eq(z.peer_minor, 1, "peer minor (libzmq >= 4.3.3 says 3.1)")
	eq(z.take_output(), hex(SUB_READY), "READY: Socket-Type SUB, exact bytes")
	check(not z.is_ready(), "not ready before the peer's READY")
	z.feed(hex(PUB_READY))
	check(z.is_ready(), "ready after the peer's READY")
	eq(z.peer_socket_type, "PUB", "peer socket type")
	eq(z.error, "", "no error")

	section("greeting and READY in one read, minor 0")
	var z2 := Zmtp.new("SUB")
	var both := hex(PUB_SIGNATURE + PUB_MAJOR + "00" + PUB_REST.substr(2) + PUB_READY)
	z2.feed(both)  # before start(): the greeting goes out with the READY
	check(z2.is_ready(), "ready")
	eq(z2.peer_minor, 0, "minor 0 accepted")
	var out := z2.take_output()
	eq(out.size(), 64 + 27, "greeting then READY")
	eq(out.slice(64), hex(SUB_READY), "READY after the greeting")


func test_subscribe_waits_for_ready() -> void:
	section("subscriptions wait for the peer's READY")
	var z := Zmtp.new("SUB")
	z.subscribe(PackedByteArray())
	z.subscribe("gift/".to_utf8_buffer())
	z.start()
	eq(z.take_output().size(), 64, "only the greeting before the handshake")
	z.feed(pub_greeting())
	eq(z.take_output(), hex(SUB_READY), "only READY after the greeting: no pipelined subscription")
	z.feed(hex(PUB_READY))
	eq(z.take_output(), hex("00 01 01" + "00 06 01 676966742f"), "legacy subscribe messages: 00 01 01, 00 06 01 gift/")
	z.subscribe("sys.".to_utf8_buffer())
	eq(z.take_output(), hex("00 05 01 7379732e"), "subscribe after READY goes out at once")
	z.unsubscribe("sys.".to_utf8_buffer())
	eq(z.take_output(), hex("00 05 00 7379732e"), "unsubscribe: 00 LL 00 prefix")
	var long_prefix := "x".repeat(300).to_utf8_buffer()
	z.subscribe(long_prefix)
	var o := z.take_output()
	eq(o.slice(0, 9), hex("02 00000000 0000012d"), "a 300-byte prefix goes in a long frame (301 bytes)")
	eq(o[9], 1, "subscribe byte")


func test_messages() -> void:
	section("messages")
	var z := ready_sub()
	# What libzmq sent for send_multipart([b"topic.chat", <17 bytes>]).
	var payload := hex("81 a4 74797065 a4 63686174 a1 61 c3 a1 62 c0")
	eq(payload.size(), 17, "17-byte payload")
	z.feed(hex("01 0a") + "topic.chat".to_utf8_buffer() + hex("00 11") + payload)
	var msgs := z.take_messages()
	eq(msgs.size(), 1, "one message")
	eq(msgs[0].size(), 2, "two frames")
	eq(msgs[0][0], "topic.chat".to_utf8_buffer(), "topic frame")
	eq(msgs[0][1], payload, "payload frame")
	eq(z.take_messages().size(), 0, "take_messages() forgets")

	section("multipart and empty frames")
	var wire := Zmtp.encode_frame(PackedByteArray(), true, false)
	wire.append_array(Zmtp.encode_frame("a".to_utf8_buffer(), true, false))
	wire.append_array(Zmtp.encode_frame(PackedByteArray(), false, false))
	eq(wire, hex("01 00 01 01 61 00 00"), "encoded frames")
	z.feed(wire)
	msgs = z.take_messages()
	eq(msgs.size(), 1, "one message")
	eq(msgs[0], [PackedByteArray(), "a".to_utf8_buffer(), PackedByteArray()], "three frames, two empty")

	section("many messages in one read")
	var many := PackedByteArray()
	for i in 1000:
		many.append_array(msg_bytes("t/%d" % i, PackedByteArray([i & 0xFF])))
	z.feed(many)
	msgs = z.take_messages()
	eq(msgs.size(), 1000, "1000 messages")
	eq(msgs[999][0], "t/999".to_utf8_buffer(), "last topic")
	eq(z.messages_received, 1002, "counter")


func test_long_frames() -> void:
	section("long frames")
	var z := ready_sub()
	var body := PackedByteArray()
	for i in 305:
		body.append(i & 0xFF)
	var frame := Zmtp.encode_frame(body, false, false)
	eq(frame.slice(0, 9), hex("02 00 00 00 00 00 00 01 31"), "libzmq's 305-byte frame header")
	z.feed(frame)
	var msgs := z.take_messages()
	eq(msgs.size(), 1, "one message")
	eq(msgs[0][0], body, "305-byte body")
	# 255 is the largest short frame, 256 the smallest long one.
	eq(Zmtp.encode_frame(_bytes(255), false, false).slice(0, 2), hex("00 ff"), "255: short")
	eq(Zmtp.encode_frame(_bytes(256), true, false).slice(0, 9), hex("03 0000000000000100"), "256 with MORE: long")
	# A long frame may carry a small body too (legal, libzmq never does it).
	z.feed(hex("02 0000000000000003 616263"))
	msgs = z.take_messages()
	eq(msgs[0][0], "abc".to_utf8_buffer(), "long header, 3-byte body")
	# 1 MiB frame.
	var big := _bytes(1 << 20)
	z.feed(msg_bytes("big", big))
	msgs = z.take_messages()
	eq(msgs.size(), 1, "1 MiB message")
	eq(msgs[0][1].size(), 1 << 20, "1 MiB payload intact")
	check(msgs[0][1] == big, "1 MiB payload bytes")


func _bytes(n: int) -> PackedByteArray:
	var b := PackedByteArray()
	b.resize(n)
	for i in range(0, n, 97):
		b[i] = i & 0xFF
	return b


func session_bytes() -> PackedByteArray:
	# A whole PUB session: greeting, READY, a PING, messages short and long,
	# an unknown command, a three-part message.
	var s := pub_greeting()
	s.append_array(hex(PUB_READY))
	s.append_array(msg_bytes("chat/room", hex("81 a1 61 01")))
	s.append_array(hex("04 07 04 50494e47 00 14"))
	s.append_array(msg_bytes("gift/room", _bytes(700)))
	s.append_array(Zmtp.encode_command("X-NEW", hex("0102")))
	s.append_array(Zmtp.encode_frame("a".to_utf8_buffer(), true, false))
	s.append_array(Zmtp.encode_frame(_bytes(300), true, false))
	s.append_array(Zmtp.encode_frame("c".to_utf8_buffer(), false, false))
	s.append_array(msg_bytes("sys.heartbeat", hex("80")))
	return s


func summarize(z: Zmtp, msgs: Array, out: PackedByteArray) -> Dictionary:
	return {"state": z.state, "error": z.error, "msgs": msgs, "out": out, "pings": z.pings_received,
		"unknown": z.unknown_commands}


func run_session(chunks: Array) -> Dictionary:
	var z := Zmtp.new("SUB")
	z.subscribe("".to_utf8_buffer())
	z.start()
	var out := PackedByteArray()
	var msgs: Array = []
	for c in chunks:
		z.feed(c)
		out.append_array(z.take_output())
		msgs.append_array(z.take_messages())
	return summarize(z, msgs, out)


func test_one_byte_at_a_time() -> void:
	section("one byte at a time")
	var s := session_bytes()
	var whole := run_session([s])
	eq(whole.state, Zmtp.State.READY, "whole: ready")
	eq(whole.msgs.size(), 4, "whole: 4 messages")
	eq(whole.pings, 1, "whole: one PING")
	eq(whole.unknown, 1, "whole: one unknown command")
	var expected_out := PackedByteArray()
	expected_out.append_array(_greeting_of_sub())
	expected_out.append_array(hex(SUB_READY))
	expected_out.append_array(hex("00 01 01"))
	expected_out.append_array(hex("04 05 04 504f4e47"))
	eq(whole.out, expected_out, "whole: greeting, READY, subscribe, PONG")
	var singles: Array = []
	for i in s.size():
		singles.append(s.slice(i, i + 1))
	var single := run_session(singles)
	eq(single, whole, "byte by byte gives the same messages and output")


func _greeting_of_sub() -> PackedByteArray:
	var z := Zmtp.new("SUB")
	z.start()
	return z.take_output()


func test_random_chunks_and_trailing_data() -> void:
	section("random chunks")
	var s := session_bytes()
	var whole := run_session([s])
	var rng := RandomNumberGenerator.new()
	rng.seed = 1234
	var all_same := true
	for trial in 200:
		var chunks: Array = []
		var p := 0
		while p < s.size():
			var n := rng.randi_range(1, 80) if rng.randf() < 0.8 else rng.randi_range(1, 2000)
			chunks.append(s.slice(p, p + n))
			p += n
		if not same(run_session(chunks), whole):
			all_same = false
			print("   differs with chunks of sizes ", chunks.map(func(c): return c.size()))
			break
	check(all_same, "200 random splits give the same result")

	section("trailing partial frame")
	var z := ready_sub()
	var two := msg_bytes("a/1", hex("80"))
	var nxt := msg_bytes("b/2", _bytes(400))
	var cut := 5
	var first := two.duplicate()
	first.append_array(nxt.slice(0, cut))  # a complete message plus the start of the next
	z.feed(first)
	eq(z.take_messages().size(), 1, "the complete message is delivered")
	z.feed(nxt.slice(cut, nxt.size() - 1))
	eq(z.take_messages().size(), 0, "one byte short: nothing")
	z.feed(nxt.slice(nxt.size() - 1))
	var m := z.take_messages()
	eq(m.size(), 1, "the last byte completes it")
	eq(m[0][1].size(), 400, "payload size")
	eq(z.state, Zmtp.State.READY, "still ready")


func test_ping_pong() -> void:
	section("PING / PONG")
	var z := ready_sub()
	z.feed(hex("04 07 04 50494e47 00 14"))  # libzmq: TTL 2.0 s, no context
	eq(z.take_output(), hex("04 05 04 504f4e47"), "PONG, no context")
	eq(z.last_ping_ttl_ms, 2000, "TTL 2.0 s")
	z.feed(hex("04 0a 04 50494e47 00 0f 616263"))
	eq(z.take_output(), hex("04 08 04 504f4e47 616263"), "PONG echoes the context")
	eq(z.last_ping_ttl_ms, 1500, "TTL 1.5 s")
	var ctx := "0123456789abcdef".to_utf8_buffer()
	var ping := hex("0450494e47 0000")
	ping.append_array(ctx)
	z.feed(Zmtp.encode_frame(ping, false, true))
	eq(z.take_output(), Zmtp.encode_command("PONG", ctx), "16-byte context echoed")
	z.feed(hex("04 05 04 50494e47"))
	eq(z.take_output(), hex("04 05 04 504f4e47"), "a PING without TTL still gets a PONG")
	z.feed(hex("04 05 04 504f4e47"))
	eq(z.pongs_received, 1, "a PONG is counted, nothing sent")
	eq(z.take_output().size(), 0, "no reply to PONG")
	eq(z.pings_received, 4, "PINGs counted")
	# In the middle of a multipart message (commands may interleave frames).
	z.feed(Zmtp.encode_frame("t".to_utf8_buffer(), true, false) + hex("04 07 04 50494e47 00 14") + Zmtp.encode_frame("p".to_utf8_buffer(), false, false))
	eq(z.take_messages(), [["t".to_utf8_buffer(), "p".to_utf8_buffer()]], "message around a PING intact")
	eq(z.take_output(), hex("04 05 04 504f4e47"), "and the PING answered")
	z.answer_pings = false
	z.feed(hex("04 07 04 50494e47 00 14"))
	eq(z.take_output().size(), 0, "answer_pings = false: silent")


func test_unknown_and_other_commands() -> void:
	section("unknown commands are skipped")
	var z := ready_sub()
	z.feed(Zmtp.encode_command("SUBSCRIBE", "x".to_utf8_buffer()))
	z.feed(Zmtp.encode_command("CANCEL", "x".to_utf8_buffer()))
	z.feed(Zmtp.encode_command("X-FUTURE", _bytes(600)))  # long command frame
	z.feed(msg_bytes("after/1", hex("80")))
	eq(z.unknown_commands, 3, "three skipped")
	eq(z.state, Zmtp.State.READY, "still ready")
	eq(z.take_messages().size(), 1, "messages after them arrive")
	eq(z.take_output().size(), 0, "nothing sent back")
	eq(Zmtp.encode_command("X-FUTURE", _bytes(600)).slice(0, 9), hex("06 0000000000000261"), "long command header 06")


func test_error_command() -> void:
	section("ERROR is fatal")
	var z := ready_sub()
	z.feed(hex("04 0a 05 4552524f52 03 343030") + msg_bytes("late/1", hex("80")))
	eq(z.state, Zmtp.State.CLOSED, "closed")
	check(z.peer_error, "peer_error set")
	check(z.error.contains("400"), "reason kept: " + z.error)
	eq(z.take_messages().size(), 0, "nothing parsed after ERROR")
	z.feed(msg_bytes("later/1", hex("80")))
	eq(z.take_messages().size(), 0, "feed() after close is ignored")
	# ERROR during the handshake (a ZAP denial).
	var h := Zmtp.new("SUB")
	h.start()
	h.feed(pub_greeting() + hex("04 0a 05 4552524f52 03 343030"))
	eq(h.state, Zmtp.State.CLOSED, "ERROR instead of READY: closed")
	check(h.peer_error, "peer_error set during the handshake")


## Every transcript of zmtp.tsv: "name<TAB>input<TAB>expect", input hex chunks and
## zeros:N, expect "fail" or "ok" and each message's frame sizes.
func test_shared_transcripts() -> void:
	section("shared transcripts (tests/vectors, the C++ suite runs them too)")
	var dir: Variant = arg("vectors")
	if not check(dir != null and FileAccess.file_exists(str(dir) + "/zmtp.tsv"), "--vectors=<dir> holds zmtp.tsv"):
		return
	var lines := FileAccess.get_file_as_string(str(dir) + "/zmtp.tsv").split("\n", false)
	for line in lines:
		var cells := line.split("\t")
		var z := Zmtp.new("SUB")
		z.start()
		for token in cells[1].split(" ", false):
			if z.state == Zmtp.State.CLOSED:
				break
			if token.begins_with("zeros:"):
				var zeros := PackedByteArray()
				zeros.resize(int(token.substr(6)))
				z.feed(zeros)
			else:
				z.feed(hex(token))
			z.take_output()
		var got := "fail" if z.state == Zmtp.State.CLOSED else "ok"
		if got == "ok":
			for m in z.take_messages():
				var sizes := PackedStringArray()
				for f in m:
					sizes.append(str((f as PackedByteArray).size()))
				got += " " + ",".join(sizes)
		if got != cells[2]:
			check(false, "%s: expected %s, got %s" % [cells[0], cells[2].left(80), got.left(80)])
		elif got == "fail":
			check(z.error.begins_with("protocol:"), "%s: %s" % [cells[0], z.error])
	check(lines.size() >= 25, "%d shared transcripts" % lines.size())
	print("ZMTP:%d shared transcripts" % lines.size())


func test_bad_greetings() -> void:
	section("bad greetings")
	var curve := hex(PUB_SIGNATURE + PUB_MAJOR + "01 4355525645" + "00".repeat(15) + "00" + "00".repeat(31))
	var z := Zmtp.new("SUB")
	z.feed(curve)
	eq(z.state, Zmtp.State.CLOSED, "CURVE mechanism rejected")
	check(z.error.contains("CURVE"), z.error)
	# Padding is not validated (pyzmq's padding differs from libzmq's).
	var padded := hex("ff 12 34 56 78 9a bc de f0 7f 03 00 4e554c4c" + "00".repeat(16) + "01" + "ab".repeat(31))
	var zp := Zmtp.new("SUB")
	zp.feed(padded)
	eq(zp.state, Zmtp.State.HANDSHAKE, "any padding, as-server and filler accepted")


func test_protocol_errors() -> void:
	section("protocol errors (more in the shared transcripts)")
	var w := Zmtp.new("SUB")
	w.feed(pub_greeting() + hex(SUB_READY))
	check(w.error.contains("SUB"), "the error names the peer type: " + w.error)
	var big := ready_sub()
	big.max_frame_size = 1000
	big.feed(hex("00 10") + _bytes(16) + hex("02 00000000000003e9"))
	eq(big.take_messages().size(), 1, "messages before the oversized frame are kept")
	eq(big.state, Zmtp.State.CLOSED, "frame over max_frame_size, seen from its header")
	var lower := Zmtp.new("SUB")
	lower.feed(pub_greeting() + hex("04 19 05 5245414459 0b 736f636b65742d74797065 00000003 505542"))
	check(lower.is_ready(), "property names are case-insensitive (per spec)")
	var xpub := Zmtp.new("SUB")
	xpub.feed(pub_greeting() + hex("04 1a 05 5245414459 0b 536f636b65742d54797065 00000004 58505542"))
	check(xpub.is_ready(), "an XPUB is a valid peer")
	var closed := ready_sub()
	closed.close("by test")
	closed.subscribe("x".to_utf8_buffer())
	eq(closed.take_output().size(), 0, "nothing queued after close()")
	eq(closed.error, "by test", "close() reason")


func test_req() -> void:
	section("REQ side (control channel)")
	var z := Zmtp.new("REQ")
	z.send_message([PackedByteArray(), "ping".to_utf8_buffer()])
	z.start()
	z.feed(pub_greeting())
	eq(z.take_output().slice(64), hex(REQ_READY), "READY: Socket-Type REQ (docs/control.md)")
	z.feed(hex(ROUTER_READY))
	check(z.is_ready(), "ready with a ROUTER")
	eq(z.peer_socket_type, "ROUTER", "peer type")
	eq(z.peer_properties.get("Identity"), PackedByteArray(), "empty Identity parsed")
	eq(z.take_output(), hex("01 00 00 04 70696e67"), "request: empty delimiter (MORE), body")
	z.feed(hex("01 00 00 11 82 a2 6f6b c3 a6 726573756c74 a4 706f6e67"))
	var m := z.take_messages()
	eq(m.size(), 1, "reply")
	eq(m[0][0], PackedByteArray(), "delimiter")
	eq(m[0][1], hex("82 a2 6f6b c3 a6 726573756c74 a4 706f6e67"), "body")
	var bad := Zmtp.new("REQ")
	bad.feed(pub_greeting() + hex(PUB_READY))
	eq(bad.state, Zmtp.State.CLOSED, "REQ refuses a PUB")


func test_properties() -> void:
	section("READY properties")
	var enc := Zmtp.encode_properties({"Socket-Type": "SUB", "Identity": PackedByteArray()})
	eq(enc, hex("0b 536f636b65742d54797065 00000003 535542 08 4964656e74697479 00000000"), "encoded")
	eq(Zmtp.parse_properties(enc), {"Socket-Type": "SUB".to_utf8_buffer(), "Identity": PackedByteArray()}, "parsed back")
	eq(Zmtp.parse_properties(PackedByteArray()), {}, "none")
	eq(Zmtp.parse_properties(hex("00")), null, "zero-length name")
	eq(Zmtp.parse_properties(hex("03 616263 000000ff 00")), null, "value past the end")


func test_endpoints() -> void:
	section("endpoints")
	eq(Transport.parse_endpoint("tcp://127.0.0.1:5556"), {"host": "127.0.0.1", "port": 5556}, "ipv4")
	eq(Transport.parse_endpoint(" tcp://localhost:1 "), {"host": "localhost", "port": 1}, "name, spaces")
	eq(Transport.parse_endpoint("tcp://[::1]:5557"), {"host": "::1", "port": 5557}, "ipv6")
	for bad in ["ipc:///tmp/x", "tcp://127.0.0.1", "tcp://127.0.0.1:0", "tcp://127.0.0.1:70000", "tcp://*:5556", "tcp://:5", "tcp://[::1]5", "5556"]:
		check(Transport.parse_endpoint(bad).has("error"), "rejected: " + bad)
