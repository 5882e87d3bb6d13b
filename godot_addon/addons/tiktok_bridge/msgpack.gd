@tool
extends RefCounted
## msgpack decoder and a small encoder, in plain GDScript.
##
## Decoding: one decoder object is reused for many payloads.
## [codeblock]
## var mp := preload("res://addons/tiktok_bridge/msgpack.gd").new()
## var value = mp.decode(bytes)
## if mp.error != "":
##     push_warning("bad payload: %s at byte %d" % [mp.error, mp.error_offset])
## [/codeblock]
## Malformed input (truncated data, the reserved byte 0xc1, lengths past the
## end, nesting deeper than [member max_depth], trailing bytes) sets
## [member error] and returns null; it never raises or crashes. Every length is
## checked against the bytes left before anything is read or allocated.
##
## Types: nil -> null, bool -> bool, every integer width -> int, float32 and
## float64 -> float, str -> String (UTF-8), bin -> PackedByteArray, array ->
## Array, map -> Dictionary (keys of any type). Ext values are skipped: they
## decode to null and are counted in [member ext_skipped].
##
## GDScript's int is a signed 64-bit integer. A uint64 at or above 2^63 keeps
## its 64 bits and so reads as a negative int (v - 2^64), the same as a C cast
## from uint64_t to int64_t: ids stay unique and compare equal to themselves.
## [method uint64_to_string] prints such a value as the unsigned number.
##
## Strings: invalid UTF-8 is not an error; Godot replaces the bad bytes with
## U+FFFD and prints a "Unicode parsing error" line. A NUL character ends a
## Godot String, so text after an embedded NUL is lost. (The daemon sends
## valid UTF-8 from Python strings.)
##
## Speed: big-endian numbers and strings are read by a StreamPeerBuffer
## (native code); the position is tracked here too, so bounds are checked in
## GDScript before each native read, and the common map keys and values (fixstr
## keys, small ints, uint64 ids, short strings, bools) are decoded inline.

## Error of the last [method decode] ("" when it succeeded).
var error: String = ""
## Byte offset where the last error was found.
var error_offset: int = 0
## Ext values skipped since this decoder was created.
var ext_skipped: int = 0
## Deepest nesting of arrays and maps accepted.
var max_depth: int = 64

var _sp := StreamPeerBuffer.new()
var _p: int = 0  # position, kept in step with _sp's
var _n: int = 0
var _depth: int = 0
var _bad: bool = false


func _init() -> void:
	_sp.big_endian = true


## Decodes exactly one msgpack value filling all of [param bytes].
## Returns null and sets [member error] on malformed input.
func decode(bytes: PackedByteArray) -> Variant:
	_sp.data_array = bytes  # shares the buffer (copy on write), no copy
	_p = 0
	_n = bytes.size()
	_depth = 0
	_bad = false
	error = ""
	error_offset = 0
	var value: Variant = _read()
	if not _bad and _p != _n:
		_fail("%d trailing bytes after the value" % (_n - _p))
	_sp.data_array = PackedByteArray()
	if _bad:
		return null
	return value


## Convenience: decodes [param bytes] and returns {"value": v, "error": ""}.
static func unpack(bytes: PackedByteArray) -> Dictionary:
	var d := new()
	var v: Variant = d.decode(bytes)
	return {"value": v, "error": d.error}


## The unsigned decimal text of a 64-bit value decoded from a uint64 (see the
## class notes): non-negative ints print as themselves, negative ones as v + 2^64.
static func uint64_to_string(v: int) -> String:
	if v >= 0:
		return str(v)
	# v + 2^64 = 2 * half + low with half = v >>> 1; split into q * 10 + r
	# without overflowing int64.
	var half: int = (v >> 1) & 0x7FFFFFFFFFFFFFFF
	var low: int = v & 1
	var q: int = half / 5
	var r: int = (half % 5) * 2 + low
	return str(q) + str(r)


func _fail(message: String) -> Variant:
	if not _bad:
		_bad = true
		error = message
		error_offset = _p
	return null


func _truncated(count: int) -> Variant:
	return _fail("truncated: need %d more bytes, %d left" % [count, _n - _p])


## Reads one value. The most frequent types are tested first.
func _read() -> Variant:
	if _p >= _n:
		return _fail("truncated: value expected")
	var t: int = _sp.get_u8()
	_p += 1
	if t <= 0x7F:
		return t
	if t >= 0xA0:
		if t <= 0xBF:
			var sn: int = t - 0xA0
			if _n - _p < sn:
				return _truncated(sn)
			_p += sn
			return _sp.get_utf8_string(sn) if sn > 0 else ""
		if t >= 0xE0:
			return t - 256
	elif t <= 0x8F:
		return _map(t - 0x80)
	else:
		return _array(t - 0x90)
	# 0xC0..0xDF
	match t:
		0xCF, 0xD3:
			if _n - _p < 8:
				return _truncated(8)
			_p += 8
			return _sp.get_64()  # the 64 bits as a signed int (see the class notes)
		0xCE:
			if _n - _p < 4:
				return _truncated(4)
			_p += 4
			return _sp.get_u32()
		0xCD:
			if _n - _p < 2:
				return _truncated(2)
			_p += 2
			return _sp.get_u16()
		0xCC:
			if _n - _p < 1:
				return _truncated(1)
			_p += 1
			return _sp.get_u8()
		0xD9, 0xDA, 0xDB:
			var w: int = 1 << (t - 0xD9)
			if _n - _p < w:
				return _truncated(w)
			_p += w
			var n: int = _sp.get_u8() if w == 1 else (_sp.get_u16() if w == 2 else _sp.get_u32())
			if _n - _p < n:
				return _truncated(n)
			_p += n
			return _sp.get_utf8_string(n) if n > 0 else ""
		0xC3:
			return true
		0xC2:
			return false
		0xC0:
			return null
		0xDC, 0xDD, 0xDE, 0xDF:
			var cw: int = 2 if t == 0xDC or t == 0xDE else 4
			if _n - _p < cw:
				return _truncated(cw)
			_p += cw
			var count: int = _sp.get_u16() if cw == 2 else _sp.get_u32()
			return _array(count) if t <= 0xDD else _map(count)
		0xD0:
			if _n - _p < 1:
				return _truncated(1)
			_p += 1
			return _sp.get_8()
		0xD1:
			if _n - _p < 2:
				return _truncated(2)
			_p += 2
			return _sp.get_16()
		0xD2:
			if _n - _p < 4:
				return _truncated(4)
			_p += 4
			return _sp.get_32()
		0xCA:
			if _n - _p < 4:
				return _truncated(4)
			_p += 4
			return _sp.get_float()
		0xCB:
			if _n - _p < 8:
				return _truncated(8)
			_p += 8
			return _sp.get_double()
		0xC4, 0xC5, 0xC6:
			var bw: int = 1 << (t - 0xC4)
			if _n - _p < bw:
				return _truncated(bw)
			_p += bw
			var bn: int = _sp.get_u8() if bw == 1 else (_sp.get_u16() if bw == 2 else _sp.get_u32())
			if _n - _p < bn:
				return _truncated(bn)
			_p += bn
			if bn == 0:
				return PackedByteArray()
			return _sp.get_data(bn)[1]
		0xD4, 0xD5, 0xD6, 0xD7, 0xD8:
			return _ext(1 << (t - 0xD4))
		0xC7, 0xC8, 0xC9:
			var ew: int = 1 << (t - 0xC7)
			if _n - _p < ew:
				return _truncated(ew)
			_p += ew
			return _ext(_sp.get_u8() if ew == 1 else (_sp.get_u16() if ew == 2 else _sp.get_u32()))
	_p -= 1
	return _fail("invalid type byte 0x%02x" % t)


func _ext(size: int) -> Variant:
	# The type byte, then `size` data bytes: skipped, counted.
	if _n - _p < 1 + size:
		return _truncated(1 + size)
	_p += 1 + size
	_sp.seek(_p)
	ext_skipped += 1
	return null


func _array(count: int) -> Variant:
	if count > _n - _p:  # every element takes at least one byte
		return _fail("array of %d elements cannot fit in %d bytes" % [count, _n - _p])
	_depth += 1
	if _depth > max_depth:
		return _fail("nested deeper than %d" % max_depth)
	var a: Array = []
	a.resize(count)
	for i in count:
		a[i] = _read()
		if _bad:
			return null
	_depth -= 1
	return a


func _map(count: int) -> Variant:
	if count * 2 > _n - _p:  # every key and value takes at least one byte
		return _fail("map of %d entries cannot fit in %d bytes" % [count, _n - _p])
	_depth += 1
	if _depth > max_depth:
		return _fail("nested deeper than %d" % max_depth)
	var d: Dictionary = {}
	var sp := _sp
	for i in count:
		# Key: nearly always a fixstr; decoded inline. (count * 2 <= bytes left
		# was checked above, so at least one byte is here.)
		var key: Variant
		if _p >= _n:
			return _fail("truncated: key expected")
		var t: int = sp.get_u8()
		_p += 1
		if t >= 0xA0 and t <= 0xBF:
			var kn: int = t - 0xA0
			if _n - _p < kn:
				return _truncated(kn)
			_p += kn
			key = sp.get_utf8_string(kn) if kn > 0 else ""
		else:
			_p -= 1
			sp.seek(_p)
			key = _read()
			if _bad:
				return null
		# Value: the frequent scalars inline, anything else through _read().
		if _p >= _n:
			return _fail("truncated: value expected")
		t = sp.get_u8()
		_p += 1
		if t <= 0x7F:
			d[key] = t
		elif t >= 0xA0 and t <= 0xBF:
			var vn: int = t - 0xA0
			if _n - _p < vn:
				return _truncated(vn)
			_p += vn
			d[key] = sp.get_utf8_string(vn) if vn > 0 else ""
		elif t == 0xCF or t == 0xD3:
			if _n - _p < 8:
				return _truncated(8)
			_p += 8
			d[key] = sp.get_64()
		elif t == 0xC3:
			d[key] = true
		elif t == 0xC2:
			d[key] = false
		else:
			_p -= 1
			sp.seek(_p)
			d[key] = _read()
			if _bad:
				return null
	_depth -= 1
	return d


# ---------------------------------------------------------------- encoder

## Encodes [param value] as msgpack. Supports null, bool, int, float (always
## float64), String and StringName (str), PackedByteArray (bin), Array and the
## other packed arrays (array), Dictionary (map). Returns {"bytes": ..., "error": ""};
## an unsupported type sets "error" and is written as nil.
static func pack(value: Variant) -> Dictionary:
	var out := PackedByteArray()
	var errors: Array = []
	_pack_into(out, value, errors, 0)
	return {"bytes": out, "error": "" if errors.is_empty() else str(errors[0])}


static func _put_be(out: PackedByteArray, v: int, size: int) -> void:
	for i in range(size - 1, -1, -1):
		out.append((v >> (8 * i)) & 0xFF)


static func _pack_len(out: PackedByteArray, n: int, fix_base: int, fix_max: int, t8: int, t16: int, t32: int) -> void:
	if n <= fix_max and fix_base >= 0:
		out.append(fix_base | n)
	elif n <= 0xFF and t8 >= 0:
		out.append(t8)
		out.append(n)
	elif n <= 0xFFFF:
		out.append(t16)
		_put_be(out, n, 2)
	else:
		out.append(t32)
		_put_be(out, n, 4)


static func _pack_into(out: PackedByteArray, value: Variant, errors: Array, depth: int) -> void:
	if depth > 64:
		errors.append("nested deeper than 64")
		out.append(0xC0)
		return
	match typeof(value):
		TYPE_NIL:
			out.append(0xC0)
		TYPE_BOOL:
			out.append(0xC3 if value else 0xC2)
		TYPE_INT:
			var v: int = value
			if v >= 0:
				if v <= 0x7F:
					out.append(v)
				elif v <= 0xFF:
					out.append(0xCC)
					out.append(v)
				elif v <= 0xFFFF:
					out.append(0xCD)
					_put_be(out, v, 2)
				elif v <= 0xFFFFFFFF:
					out.append(0xCE)
					_put_be(out, v, 4)
				else:
					out.append(0xCF)
					_put_be(out, v, 8)
			else:
				if v >= -32:
					out.append(v & 0xFF)
				elif v >= -128:
					out.append(0xD0)
					out.append(v & 0xFF)
				elif v >= -32768:
					out.append(0xD1)
					_put_be(out, v, 2)
				elif v >= -2147483648:
					out.append(0xD2)
					_put_be(out, v, 4)
				else:
					out.append(0xD3)
					_put_be(out, v, 8)
		TYPE_FLOAT:
			var tmp := PackedByteArray()
			tmp.resize(8)
			tmp.encode_double(0, value)
			out.append(0xCB)
			for i in range(7, -1, -1):
				out.append(tmp[i])
		TYPE_STRING, TYPE_STRING_NAME:
			var raw: PackedByteArray = String(value).to_utf8_buffer()
			_pack_len(out, raw.size(), 0xA0, 31, 0xD9, 0xDA, 0xDB)
			out.append_array(raw)
		TYPE_PACKED_BYTE_ARRAY:
			var bytes: PackedByteArray = value
			_pack_len(out, bytes.size(), -1, -1, 0xC4, 0xC5, 0xC6)
			out.append_array(bytes)
		TYPE_DICTIONARY:
			var d: Dictionary = value
			_pack_len(out, d.size(), 0x80, 15, -1, 0xDE, 0xDF)
			for k in d:
				_pack_into(out, k, errors, depth + 1)
				_pack_into(out, d[k], errors, depth + 1)
		TYPE_ARRAY, TYPE_PACKED_INT32_ARRAY, TYPE_PACKED_INT64_ARRAY, TYPE_PACKED_FLOAT32_ARRAY, \
		TYPE_PACKED_FLOAT64_ARRAY, TYPE_PACKED_STRING_ARRAY:
			_pack_len(out, value.size(), 0x90, 15, -1, 0xDC, 0xDD)
			for item in value:
				_pack_into(out, item, errors, depth + 1)
		_:
			errors.append("cannot encode %s" % type_string(typeof(value)))
			out.append(0xC0)
