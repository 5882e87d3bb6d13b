extends "res://tests/runner.gd"
## A bounded random run of both decoders: random and mutated input must never
## crash or hang, and must either decode or report an error.
##   godot --headless --path godot_addon -s res://tests/test_fuzz.gd -- [--seed=N] [--iterations=N]
## (test_godot.py also fails the run on any SCRIPT ERROR line: an out-of-range
## index inside a decoder would show up there.)

const Msgpack := preload("res://addons/tiktok_bridge/msgpack.gd")
const Zmtp := preload("res://addons/tiktok_bridge/zmtp.gd")

var rng := RandomNumberGenerator.new()
var iterations: int = 3000


func run() -> void:
	var s: Variant = arg("seed")
	rng.seed = int(s) if s != null else 20240611
	var it: Variant = arg("iterations")
	if it != null:
		iterations = int(it)
	print("   seed %d, %d iterations per part" % [rng.seed, iterations])
	fuzz_msgpack_roundtrip()
	fuzz_msgpack_mutations()
	fuzz_zmtp()


func random_value(depth: int) -> Variant:
	var k := rng.randi_range(0, 9 if depth < 4 else 6)
	match k:
		0:
			return null
		1:
			return rng.randf() < 0.5
		2:
			match rng.randi_range(0, 3):
				0:
					return rng.randi_range(-40, 200)
				1:
					return rng.randi_range(-70000, 70000)
				2:
					return (rng.randi() << 32) | rng.randi()  # any 64-bit pattern
			return rng.randi_range(-2147483648, 2147483647)
		3:
			return rng.randf_range(-1e6, 1e6) if rng.randf() < 0.8 else [INF, -INF, 0.0, -0.0, 1e308][rng.randi_range(0, 4)]
		4, 5:
			var n := rng.randi_range(0, 40) if rng.randf() < 0.9 else rng.randi_range(250, 300)
			var s := ""
			for i in n:
				s += char([rng.randi_range(32, 126), rng.randi_range(0xA0, 0x2FF), rng.randi_range(0x4E00, 0x4F00), rng.randi_range(0x1F300, 0x1F600)][rng.randi_range(0, 3)])
			return s
		6:
			var b := PackedByteArray()
			b.resize(rng.randi_range(0, 300))
			for i in b.size():
				b[i] = rng.randi_range(0, 255)
			return b
		7:
			var a: Array = []
			for i in rng.randi_range(0, 20):
				a.append(random_value(depth + 1))
			return a
	var d := {}
	for i in rng.randi_range(0, 17):
		var key: Variant = random_value(depth + 1) if rng.randf() < 0.2 else "k%d" % rng.randi_range(0, 99)
		if key is float and is_nan(key):
			continue
		d[key] = random_value(depth + 1)
	return d


func fuzz_msgpack_roundtrip() -> void:
	section("msgpack: random values encode and decode back")
	var mp := Msgpack.new()
	var bad := 0
	for i in iterations:
		var v: Variant = random_value(0)
		var packed := Msgpack.pack(v)
		var got: Variant = mp.decode(packed.bytes)
		if packed.error != "" or mp.error != "" or not same(got, v):
			bad += 1
			if bad <= 3:
				print("   round trip failed: %s -> %s (%s)" % [str(v).left(200), str(got).left(200), mp.error])
	eq(bad, 0, "%d random values round-trip" % iterations)


func mutate(b: PackedByteArray) -> PackedByteArray:
	var m := b.duplicate()
	for n in rng.randi_range(1, 4):
		var op := rng.randi_range(0, 5)
		if m.is_empty():
			op = 3
		match op:
			0:  # flip a bit
				var i := rng.randi_range(0, m.size() - 1)
				m[i] = m[i] ^ (1 << rng.randi_range(0, 7))
			1:  # replace a byte, often with a type byte
				m[rng.randi_range(0, m.size() - 1)] = [0xC1, 0xDC, 0xDD, 0xDE, 0xDF, 0xDB, 0xC6, 0xCF, 0xFF, rng.randi_range(0, 255)][rng.randi_range(0, 9)]
			2:  # truncate
				m = m.slice(0, rng.randi_range(0, m.size()))
			3:  # insert
				m.insert(rng.randi_range(0, m.size()), rng.randi_range(0, 255))
			4:  # delete
				m.remove_at(rng.randi_range(0, m.size() - 1))
			5:  # duplicate a slice
				var a := rng.randi_range(0, m.size() - 1)
				m.append_array(m.slice(a, a + rng.randi_range(1, 16)))
	return m


func fuzz_msgpack_mutations() -> void:
	section("msgpack: random and mutated bytes")
	var mp := Msgpack.new()
	var seeds: Array = []
	for i in 30:
		seeds.append(Msgpack.pack(random_value(0)).bytes)
	seeds.append(Msgpack.pack({"type": "gift", "user": {"id": 7, "uniqueId": "a", "nickname": "A"}, "giftId": 5655,
		"repeatCount": 3, "streaking": true, "seq": 9000000000, "msgId": 7400000000000000001}).bytes)
	var errors := 0
	var decoded := 0
	var inconsistent := 0
	var t0 := Time.get_ticks_msec()
	for i in iterations * 3:
		var input: PackedByteArray
		if i % 3 == 0:
			input = PackedByteArray()
			input.resize(rng.randi_range(0, 48))
			for j in input.size():
				input[j] = rng.randi_range(0, 255)
		else:
			input = mutate(seeds[rng.randi_range(0, seeds.size() - 1)])
		var got: Variant = mp.decode(input)
		if mp.error != "":
			errors += 1
			if got != null:
				inconsistent += 1
		else:
			decoded += 1
			# Whatever decoded must survive another trip (ext values became null).
			var again: Variant = mp.decode(Msgpack.pack(got).bytes)
			if mp.error != "" or not same(again, got):
				inconsistent += 1
	print("   %d inputs: %d decoded, %d reported errors, %d ms" % [iterations * 3, decoded, errors, Time.get_ticks_msec() - t0])
	eq(inconsistent, 0, "every input either decodes consistently or reports an error with a null value")
	check(errors > iterations, "most mutations are caught as errors")
	check(decoded > 0, "some mutations still decode")


func session() -> PackedByteArray:
	var s := hex("ff00000000000000017f 03 01 4e554c4c" + "00".repeat(16) + "00" + "00".repeat(31))
	s.append_array(hex("04 19 05 5245414459 0b 536f636b65742d54797065 00000003 505542"))
	for i in 20:
		s.append_array(Zmtp.encode_frame(("gift/room%d" % i).to_utf8_buffer(), true, false))
		var body := PackedByteArray()
		body.resize(rng.randi_range(0, 600))
		s.append_array(Zmtp.encode_frame(body, false, false))
		if i % 5 == 0:
			s.append_array(hex("04 07 04 50494e47 00 14"))
	return s


func fuzz_zmtp() -> void:
	section("ZMTP: mutated sessions in random chunks")
	var base := session()
	var outcomes := {"ready": 0, "closed": 0, "waiting": 0}
	var bad := 0
	var t0 := Time.get_ticks_msec()
	for i in iterations:
		var input: PackedByteArray
		match i % 4:
			0:
				input = mutate(base)
			1:  # random bytes after a valid greeting and READY
				input = base.slice(0, 64 + 27)
				for j in rng.randi_range(0, 400):
					input.append(rng.randi_range(0, 255))
			2:  # a mutated greeting
				input = mutate(base.slice(0, 64)) + base.slice(64)
			3:
				input = mutate(mutate(base))
		var z := Zmtp.new("SUB")
		z.max_frame_size = 1 << 20
		z.subscribe(PackedByteArray())
		z.start()
		var p := 0
		var msgs := 0
		while p < input.size():
			var n := rng.randi_range(1, 300)
			z.feed(input.slice(p, p + n))
			p += n
			z.take_output()
			msgs += z.take_messages().size()
		match z.state:
			Zmtp.State.READY:
				outcomes.ready += 1
			Zmtp.State.CLOSED:
				outcomes.closed += 1
				if z.error == "":
					bad += 1
			_:
				outcomes.waiting += 1
	print("   %d sessions: %s, %d ms" % [iterations, outcomes, Time.get_ticks_msec() - t0])
	eq(bad, 0, "every closed session says why")
	check(outcomes.closed > 0 and outcomes.ready > 0, "both outcomes seen")
