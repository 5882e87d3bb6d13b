extends "res://tests/runner.gd"
## The msgpack decoder and encoder against vectors made by Python's msgpack
## (godot_addon/tools/msgpack_vectors.py, written at test time):
##   godot --headless --path godot_addon -s res://tests/test_msgpack.gd -- --vectors=/tmp/v.json

const Msgpack := preload("res://addons/tiktok_bridge/msgpack.gd")


func run() -> void:
	test_builtin()
	var path: Variant = arg("vectors")
	if not check(path != null and FileAccess.file_exists(path), "--vectors=<file> given and readable"):
		return
	var doc: Variant = JSON.parse_string(FileAccess.get_file_as_string(path))
	if not check(doc is Dictionary, "vector file parses as JSON"):
		return
	test_valid(doc.valid)
	test_truncations(doc.valid)
	test_invalid(doc.invalid)


## Builds the expected value from its tag (see msgpack_vectors.py).
static func expected(t: Array) -> Variant:
	match t[0]:
		"nil", "ext":
			return null
		"bool":
			return t[1]
		"int":
			return (t[1] as String).to_int()
		"float":
			return (t[1] as String).hex_decode().decode_double(0)
		"str":
			return t[1]
		"bin":
			return (t[1] as String).hex_decode()
		"array":
			return (t[1] as Array).map(func(x): return expected(x))
		"repeat":
			var a: Array = []
			a.resize(int(t[1]))
			a.fill(expected(t[2]))
			return a
		"map":
			var d := {}
			for kv in t[1]:
				d[expected(kv[0])] = expected(kv[1])
			return d
	return "<bad tag %s>" % t[0]


static func count_ext(t: Array) -> int:
	match t[0]:
		"ext":
			return 1
		"array":
			var n := 0
			for x in t[1]:
				n += count_ext(x)
			return n
		"map":
			var n := 0
			for kv in t[1]:
				n += count_ext(kv[0]) + count_ext(kv[1])
			return n
	return 0


func test_builtin() -> void:
	section("int64 edge cases, by hand")
	var mp := Msgpack.new()
	eq(mp.decode(hex("cf ffffffffffffffff")), -1, "uint64 max wraps to -1")
	eq(mp.decode(hex("cf 8000000000000000")), -9223372036854775808, "2^63 wraps to int64 min")
	eq(mp.decode(hex("cf 7fffffffffffffff")), 9223372036854775807, "2^63-1 stays")
	eq(mp.decode(hex("d3 8000000000000000")), -9223372036854775808, "int64 min")
	eq(Msgpack.uint64_to_string(-1), "18446744073709551615", "uint64_to_string(-1)")
	eq(Msgpack.uint64_to_string(-9223372036854775808), "9223372036854775808", "uint64_to_string(int64 min)")
	eq(Msgpack.uint64_to_string(-9223372036854775807), "9223372036854775809", "uint64_to_string(int64 min + 1)")
	eq(Msgpack.uint64_to_string(12345), "12345", "uint64_to_string(positive)")
	eq(Msgpack.uint64_to_string(-10), "18446744073709551606", "uint64_to_string(-10)")
	eq(Msgpack.pack(-1).bytes, hex("ff"), "pack(-1) fixint")
	eq(Msgpack.pack(-9223372036854775808).bytes, hex("d3 8000000000000000"), "pack(int64 min)")
	eq(Msgpack.unpack(hex("93 01 02 03")), {"value": [1, 2, 3], "error": ""}, "unpack()")
	eq(Msgpack.pack(Vector2(1, 2)).error, "cannot encode Vector2", "unsupported type reported")
	eq(Msgpack.pack(PackedStringArray(["a"])).bytes, hex("91 a1 61"), "packed string array as array")
	eq(Msgpack.pack(&"sn").bytes, hex("a2 736e"), "StringName as str")
	var d := Msgpack.new()
	d.decode(hex("c1"))
	check(d.error != "", "error set")
	eq(d.decode(hex("01")), 1, "decoder reusable after an error")
	eq(d.error, "", "error cleared")


func test_valid(vectors: Array) -> void:
	section("%d vectors from Python msgpack" % vectors.size())
	var mp := Msgpack.new()
	var canonical := 0
	var daemon := 0
	for v in vectors:
		var bytes: PackedByteArray = (v.hex as String).hex_decode()
		var ext_before := mp.ext_skipped
		var got: Variant = mp.decode(bytes)
		var name: String = v.name
		if not eq(mp.error, "", name + ": no error"):
			continue
		eq(got, expected(v.expect), name + ": value")
		eq(mp.ext_skipped - ext_before, count_ext(v.expect), name + ": ext values counted")
		if (v.name as String).begins_with("daemon "):
			daemon += 1
			check(got is Dictionary, name + ": a map")
		if v.canonical:
			canonical += 1
			var packed := Msgpack.pack(got)
			eq(packed.error, "", name + ": encodes")
			if not same(packed.bytes, bytes):
				eq(packed.bytes.hex_encode().left(200), bytes.hex_encode().left(200), name + ": encoder gives Python's bytes")
			else:
				passed += 1
		# Whatever the encoding, encode(decode(x)) decodes to the same value.
		var again: Variant = mp.decode(Msgpack.pack(got).bytes)
		eq(again, got, name + ": round trip")
	print("   %d canonical encodings compared byte for byte, %d daemon payloads" % [canonical, daemon])
	check(canonical > 80, "enough canonical vectors")


func test_truncations(vectors: Array) -> void:
	section("every truncation of every vector is an error")
	var mp := Msgpack.new()
	var tried := 0
	var missed: Array = []
	for v in vectors:
		var bytes: PackedByteArray = (v.hex as String).hex_decode()
		if bytes.size() > 4096:
			continue  # the big containers: their prefixes are covered by the smaller ones
		for n in bytes.size():
			tried += 1
			var got: Variant = mp.decode(bytes.slice(0, n))
			if mp.error == "" or got != null:
				missed.append("%s cut at %d" % [v.name, n])
		# And one extra byte is trailing data.
		var longer := bytes.duplicate()
		longer.append(0)
		mp.decode(longer)
		tried += 1
		if not mp.error.contains("trailing"):
			missed.append("%s + 1 byte" % v.name)
	eq(missed, [], "%d truncated or extended inputs all rejected" % tried)


func test_invalid(vectors: Array) -> void:
	section("%d invalid inputs" % vectors.size())
	var mp := Msgpack.new()
	for v in vectors:
		var got: Variant = mp.decode((v.hex as String).hex_decode())
		check(mp.error != "" and got == null, "%s: rejected (%s at %d)" % [v.name, mp.error, mp.error_offset])
	mp.decode(hex("91".repeat(100) + "01"))
	check(mp.error.contains("deeper"), "depth limit named: " + mp.error)
	mp.max_depth = 200
	eq(mp.decode(hex("91".repeat(100) + "01")).size(), 1, "max_depth is adjustable")
