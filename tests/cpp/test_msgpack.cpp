#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "TTBMsgPack.h"
#include "test_util.h"
#include "ttb_test.h"

using ttb::mp::Head;
using ttb::mp::Kind;
using ttb::mp::Reader;
using ttb::mp::Writer;

namespace {

std::string jsonOf(const std::string& bytes) {
    std::string out;
    if (!ttb::mp::toJson(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), out)) return "<malformed>";
    return out;
}

}  // namespace

TTB_TEST(msgpack_every_head_kind) {
    struct Case {
        std::string bytes;
        const char* json;
    };
    const Case cases[] = {
        {hex("00"), "0"},
        {hex("7f"), "127"},
        {hex("ff"), "-1"},
        {hex("e0"), "-32"},
        {hex("cc ff"), "255"},
        {hex("cd 01 00"), "256"},
        {hex("ce 00 01 00 00"), "65536"},
        {hex("cf ff ff ff ff ff ff ff ff"), "18446744073709551615"},
        {hex("d0 80"), "-128"},
        {hex("d1 80 00"), "-32768"},
        {hex("d2 80 00 00 00"), "-2147483648"},
        {hex("d3 80 00 00 00 00 00 00 00"), "-9223372036854775808"},
        {hex("ca 3f c0 00 00"), "1.5"},
        {hex("cb 3f b9 99 99 99 99 99 9a"), "0.1"},
        {hex("cb 7f f8 00 00 00 00 00 00"), "null"},  // NaN
        {hex("c0"), "null"},
        {hex("c2"), "false"},
        {hex("c3"), "true"},
        {hex("a3 61 62 63"), "\"abc\""},
        {hex("d9 03 61 62 63"), "\"abc\""},
        {hex("da 00 03 61 62 63"), "\"abc\""},
        {hex("db 00 00 00 03 61 62 63"), "\"abc\""},
        {hex("c4 03 01 02 03"), "\"AQID\""},
        {hex("c5 00 01 ff"), "\"/w==\""},
        {hex("c6 00 00 00 02 ff ee"), "\"/+4=\""},
        {hex("d4 01 05"), "null"},
        {hex("d8 01 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f"), "null"},
        {hex("c7 02 05 aa bb"), "null"},
        {hex("c8 00 01 05 aa"), "null"},
        {hex("c9 00 00 00 01 05 aa"), "null"},
        {hex("92 01 a1 78"), "[1,\"x\"]"},
        {hex("dc 00 02 01 02"), "[1,2]"},
        {hex("dd 00 00 00 01 c3"), "[true]"},
        {hex("81 a1 6b 01"), "{\"k\":1}"},
        {hex("de 00 01 a1 6b c0"), "{\"k\":null}"},
        {hex("df 00 00 00 01 01 02"), "{\"1\":2}"},  // non-string key
        {hex("81 92 01 02 03"), "{\"[1,2]\":3}"},
    };
    for (const Case& c : cases) EXPECT_EQ(jsonOf(c.bytes), std::string(c.json));
}

TTB_TEST(msgpack_json_strings) {
    std::string out;
    ttb::mp::appendJsonString(out, std::string("a\"b\\c\n\t\x01\x7f", 9));
    EXPECT_EQ(out, std::string("\"a\\\"b\\\\c\\n\\t\\u0001\x7f\""));
    out.clear();
    ttb::mp::appendJsonString(out, "\xc3\xa9\xe2\x9c\xa8\xf0\x9f\x8e\xae");  // é ✨ 🎮 stay as they are
    EXPECT_EQ(out, std::string("\"\xc3\xa9\xe2\x9c\xa8\xf0\x9f\x8e\xae\""));
    out.clear();
    // invalid: lone continuation, truncated sequence, overlong, surrogate, > U+10FFFF
    ttb::mp::appendJsonString(out, std::string("\x80|\xe2\x9c|\xc0\xaf|\xed\xa0\x80|\xf4\x90\x80\x80", 16));
    const std::string r = "\xef\xbf\xbd";
    EXPECT_EQ(out, "\"" + r + "|" + r + r + "|" + r + r + "|" + r + r + r + "|" + r + r + r + r + "\"");
}

TTB_TEST(msgpack_json_numbers) {
    std::string out;
    ttb::mp::appendDouble(out, 1.0);
    EXPECT_EQ(out, std::string("1.0"));
    out.clear();
    ttb::mp::appendDouble(out, 0.028);
    EXPECT_EQ(out, std::string("0.028"));
    out.clear();
    ttb::mp::appendDouble(out, 1e20);
    EXPECT_EQ(out, std::string("1e+20"));
    out.clear();
    ttb::mp::appendDouble(out, -2.5e-7);
    EXPECT_EQ(out, std::string("-2.5e-07"));
    out.clear();
    ttb::mp::appendInt(out, std::numeric_limits<int64_t>::min());
    EXPECT_EQ(out, std::string("-9223372036854775808"));
}

TTB_TEST(msgpack_writer_roundtrip) {
    const int64_t ints[] = {0,         1,          31,          32,          127,        128,         255,
                            256,       65535,      65536,       4294967295LL, 4294967296LL, -1,        -32,
                            -33,       -128,       -129,        -32768,      -32769,     -2147483648LL, -2147483649LL,
                            std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()};
    for (int64_t v : ints) {
        std::string buf;
        Writer w(buf);
        w.integer(v);
        Reader r(reinterpret_cast<const uint8_t*>(buf.data()), buf.size());
        int64_t got = 12345;
        EXPECT(ttb::mp::readInt(r, got));
        EXPECT_EQ(got, v);
        EXPECT(r.atEnd());
    }
    std::string buf;
    Writer w(buf);
    w.mapHeader(4);
    w.str("s");
    w.str(std::string(300, 'x'));
    w.str("b");
    const uint8_t raw[3] = {1, 2, 3};
    w.bin(raw, 3);
    w.str("f");
    w.real(2.25);
    w.str("a");
    w.arrayHeader(2);
    w.boolean(true);
    w.nil();
    EXPECT_EQ(jsonOf(buf), "{\"s\":\"" + std::string(300, 'x') + "\",\"b\":\"AQID\",\"f\":2.25,\"a\":[true,null]}");
    // long strings and containers use the wide forms
    std::string big;
    Writer wb(big);
    wb.str(std::string(70000, 'y'));
    wb.arrayHeader(70000);
    EXPECT_EQ(static_cast<uint8_t>(big[0]), 0xdb);
    EXPECT_EQ(static_cast<uint8_t>(big[5 + 70000]), 0xdd);
}

TTB_TEST(msgpack_every_truncation_is_rejected) {
    std::string buf;
    Writer w(buf);
    w.mapHeader(3);
    w.str("user");
    w.mapHeader(2);
    w.str("id");
    w.integer(6900000000000403400LL);
    w.str("nickname");
    w.str("Noel \xe2\x9c\xa8");
    w.str("list");
    w.arrayHeader(3);
    w.real(1.5);
    w.integer(-70000);
    w.bin(reinterpret_cast<const uint8_t*>("abc"), 3);
    w.str("ext");
    buf += hex("d6 ff 00 00 00 01");  // fixext 4 (timestamp)
    REQUIRE(jsonOf(buf) != "<malformed>");
    for (size_t n = 0; n < buf.size(); ++n) {
        const std::string prefix = buf.substr(0, n);
        std::string out;
        EXPECT(!ttb::mp::toJson(reinterpret_cast<const uint8_t*>(prefix.data()), prefix.size(), out));
        Reader r(reinterpret_cast<const uint8_t*>(prefix.data()), prefix.size());
        EXPECT(!r.skip());
    }
    // trailing bytes are rejected by toJson too
    std::string out;
    const std::string trailing = buf + "\x01";
    EXPECT(!ttb::mp::toJson(reinterpret_cast<const uint8_t*>(trailing.data()), trailing.size(), out));
}

TTB_TEST(msgpack_deep_nesting) {
    // 200000 nested one-element arrays: skip() is iterative, JSON stops at the depth limit.
    std::string deep(200000, static_cast<char>(0x91));
    deep.push_back(0);
    Reader r(reinterpret_cast<const uint8_t*>(deep.data()), deep.size());
    EXPECT(r.skip());
    EXPECT(r.atEnd());
    EXPECT_EQ(jsonOf(deep), std::string("<malformed>"));
    std::string shallow(ttb::mp::kMaxDepth, static_cast<char>(0x91));
    shallow.push_back(0);
    EXPECT(jsonOf(shallow) != "<malformed>");
}

TTB_TEST(msgpack_lenient_typed_reads) {
    // A value of the wrong kind is skipped and the target is left alone.
    const std::string s = hex("92 81 a1 61 01 a1 7a");  // [ {"a":1}, "z" ]
    Reader r(reinterpret_cast<const uint8_t*>(s.data()), s.size());
    int64_t i = 7;
    EXPECT(ttb::mp::readInt(r, i));  // the whole array is skipped
    EXPECT_EQ(i, static_cast<int64_t>(7));
    EXPECT(r.atEnd());
    const std::string f = hex("cb 40 09 00 00 00 00 00 00 c3 a1 31 c0");  // 3.125, true, "1", nil
    Reader r2(reinterpret_cast<const uint8_t*>(f.data()), f.size());
    int64_t a = 0;
    EXPECT(ttb::mp::readInt(r2, a));
    EXPECT_EQ(a, static_cast<int64_t>(3));
    bool b = false;
    EXPECT(ttb::mp::readBool(r2, b));
    EXPECT(b);
    int64_t c = 5;
    EXPECT(ttb::mp::readInt(r2, c));  // a string: skipped
    EXPECT_EQ(c, static_cast<int64_t>(5));
    std::string str = "x";
    EXPECT(ttb::mp::readStr(r2, str));  // nil clears
    EXPECT_EQ(str, std::string());
    // huge floats saturate, uint64 ids keep their bits
    Head h;
    h.kind = Kind::Float;
    h.f = 1e300;
    EXPECT_EQ(ttb::mp::headToInt(h), std::numeric_limits<int64_t>::max());
    h.f = -1e300;
    EXPECT_EQ(ttb::mp::headToInt(h), std::numeric_limits<int64_t>::min());
    h.kind = Kind::UInt;
    h.u = 0xffffffffffffffffull;
    EXPECT_EQ(ttb::mp::headToInt(h), static_cast<int64_t>(-1));
}

TTB_TEST(msgpack_text_map) {
    const std::string s = hex("83 a1 61 a1 78 a1 62 05 a1 63 92 01 c3");  // {"a":"x","b":5,"c":[1,true]}
    Reader r(reinterpret_cast<const uint8_t*>(s.data()), s.size());
    std::vector<std::pair<std::string, std::string>> pairs;
    EXPECT(ttb::mp::readTextMap(r, pairs));
    REQUIRE(pairs.size() == 3);
    EXPECT_EQ(pairs[0].second, std::string("x"));
    EXPECT_EQ(pairs[1].second, std::string("5"));
    EXPECT_EQ(pairs[2].second, std::string("[1,true]"));
}

// Differential test against Python's msgpack + json: records generated by
// tests/test_cpp.py (TTB_JSON_FIXTURES = file of [msgpack, expected JSON] records).
TTB_TEST(msgpack_json_matches_python_fixtures) {
    const char* path = std::getenv("TTB_JSON_FIXTURES");
    if (!path) {
        std::printf("  (msgpack_json_matches_python_fixtures: TTB_JSON_FIXTURES not set, skipped)\n");
        return;
    }
    std::vector<std::pair<std::string, std::string>> records;
    REQUIRE(readRecords(path, records));
    REQUIRE(!records.empty());
    size_t mismatches = 0;
    for (const auto& rec : records) {
        const std::string got = jsonOf(rec.first);
        if (got != rec.second) {
            if (++mismatches <= 5) EXPECT_EQ(got, rec.second);
        }
    }
    EXPECT_EQ(mismatches, static_cast<size_t>(0));
    std::printf("  (%zu Python fixtures compared)\n", records.size());
}
