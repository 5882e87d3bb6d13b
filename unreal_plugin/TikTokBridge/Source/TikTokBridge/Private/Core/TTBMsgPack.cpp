#include "TTBMsgPack.h"

#include <cmath>
#include <cstring>
#include <iomanip>
#include <limits>
#include <locale>
#include <sstream>

namespace ttb {
namespace mp {

uint16_t Reader::be16() {
    uint16_t v = static_cast<uint16_t>((static_cast<uint16_t>(data_[pos_]) << 8) | data_[pos_ + 1]);
    pos_ += 2;
    return v;
}

uint32_t Reader::be32() {
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v = (v << 8) | data_[pos_ + static_cast<size_t>(k)];
    pos_ += 4;
    return v;
}

uint64_t Reader::be64() {
    uint64_t v = 0;
    for (int k = 0; k < 8; ++k) v = (v << 8) | data_[pos_ + static_cast<size_t>(k)];
    pos_ += 8;
    return v;
}

Kind Reader::peekKind() const {
    if (pos_ >= size_) return Kind::Invalid;
    const uint8_t b = data_[pos_];
    if (b <= 0x7f) return Kind::UInt;
    if (b <= 0x8f) return Kind::Map;
    if (b <= 0x9f) return Kind::Array;
    if (b <= 0xbf) return Kind::Str;
    if (b >= 0xe0) return Kind::Int;
    switch (b) {
        case 0xc0: return Kind::Nil;
        case 0xc2:
        case 0xc3: return Kind::Bool;
        case 0xc4:
        case 0xc5:
        case 0xc6: return Kind::Bin;
        case 0xc7:
        case 0xc8:
        case 0xc9: return Kind::Ext;
        case 0xca:
        case 0xcb: return Kind::Float;
        case 0xcc:
        case 0xcd:
        case 0xce:
        case 0xcf: return Kind::UInt;
        case 0xd0:
        case 0xd1:
        case 0xd2:
        case 0xd3: return Kind::Int;
        case 0xd4:
        case 0xd5:
        case 0xd6:
        case 0xd7:
        case 0xd8: return Kind::Ext;
        case 0xd9:
        case 0xda:
        case 0xdb: return Kind::Str;
        case 0xdc:
        case 0xdd: return Kind::Array;
        case 0xde:
        case 0xdf: return Kind::Map;
        default: return Kind::Invalid;  // 0xc1
    }
}

bool Reader::readHead(Head& h) {
    h = Head();
    if (!need(1)) return false;
    const uint8_t b = u8();
    uint64_t len = 0;
    if (b <= 0x7f) {
        h.kind = Kind::UInt;
        h.u = b;
        return true;
    }
    if (b >= 0xe0) {
        h.kind = Kind::Int;
        h.i = static_cast<int64_t>(b) - 256;
        return true;
    }
    if (b <= 0x8f) {
        h.kind = Kind::Map;
        h.u = b & 0x0fu;
        return h.u * 2 <= remaining();
    }
    if (b <= 0x9f) {
        h.kind = Kind::Array;
        h.u = b & 0x0fu;
        return h.u <= remaining();
    }
    if (b <= 0xbf) {
        h.kind = Kind::Str;
        len = b & 0x1fu;
        goto payload;
    }
    switch (b) {
        case 0xc0: h.kind = Kind::Nil; return true;
        case 0xc2: h.kind = Kind::Bool; h.b = false; return true;
        case 0xc3: h.kind = Kind::Bool; h.b = true; return true;
        case 0xc4: if (!need(1)) return false; h.kind = Kind::Bin; len = u8(); goto payload;
        case 0xc5: if (!need(2)) return false; h.kind = Kind::Bin; len = be16(); goto payload;
        case 0xc6: if (!need(4)) return false; h.kind = Kind::Bin; len = be32(); goto payload;
        case 0xc7: if (!need(2)) return false; h.kind = Kind::Ext; len = u8(); goto ext;
        case 0xc8: if (!need(3)) return false; h.kind = Kind::Ext; len = be16(); goto ext;
        case 0xc9: if (!need(5)) return false; h.kind = Kind::Ext; len = be32(); goto ext;
        case 0xca: {
            if (!need(4)) return false;
            const uint32_t bits = be32();
            float fv;
            std::memcpy(&fv, &bits, sizeof fv);
            h.kind = Kind::Float;
            h.f = static_cast<double>(fv);
            return true;
        }
        case 0xcb: {
            if (!need(8)) return false;
            const uint64_t bits = be64();
            double dv;
            std::memcpy(&dv, &bits, sizeof dv);
            h.kind = Kind::Float;
            h.f = dv;
            return true;
        }
        case 0xcc: if (!need(1)) return false; h.kind = Kind::UInt; h.u = u8(); return true;
        case 0xcd: if (!need(2)) return false; h.kind = Kind::UInt; h.u = be16(); return true;
        case 0xce: if (!need(4)) return false; h.kind = Kind::UInt; h.u = be32(); return true;
        case 0xcf: if (!need(8)) return false; h.kind = Kind::UInt; h.u = be64(); return true;
        case 0xd0: if (!need(1)) return false; h.kind = Kind::Int; h.i = static_cast<int8_t>(u8()); return true;
        case 0xd1: if (!need(2)) return false; h.kind = Kind::Int; h.i = static_cast<int16_t>(be16()); return true;
        case 0xd2: if (!need(4)) return false; h.kind = Kind::Int; h.i = static_cast<int32_t>(be32()); return true;
        case 0xd3: {
            if (!need(8)) return false;
            const uint64_t bits = be64();
            std::memcpy(&h.i, &bits, sizeof h.i);  // two's complement, no overflow
            h.kind = Kind::Int;
            return true;
        }
        case 0xd4: if (!need(1)) return false; h.kind = Kind::Ext; len = 1; goto ext;
        case 0xd5: if (!need(1)) return false; h.kind = Kind::Ext; len = 2; goto ext;
        case 0xd6: if (!need(1)) return false; h.kind = Kind::Ext; len = 4; goto ext;
        case 0xd7: if (!need(1)) return false; h.kind = Kind::Ext; len = 8; goto ext;
        case 0xd8: if (!need(1)) return false; h.kind = Kind::Ext; len = 16; goto ext;
        case 0xd9: if (!need(1)) return false; h.kind = Kind::Str; len = u8(); goto payload;
        case 0xda: if (!need(2)) return false; h.kind = Kind::Str; len = be16(); goto payload;
        case 0xdb: if (!need(4)) return false; h.kind = Kind::Str; len = be32(); goto payload;
        case 0xdc: if (!need(2)) return false; h.kind = Kind::Array; h.u = be16(); return h.u <= remaining();
        case 0xdd: if (!need(4)) return false; h.kind = Kind::Array; h.u = be32(); return h.u <= remaining();
        case 0xde: if (!need(2)) return false; h.kind = Kind::Map; h.u = be16(); return h.u * 2 <= remaining();
        case 0xdf: if (!need(4)) return false; h.kind = Kind::Map; h.u = be32(); return h.u * 2 <= remaining();
        default: h.kind = Kind::Invalid; return false;  // 0xc1 never used
    }
ext:
    h.extType = static_cast<int8_t>(u8());
payload:
    if (len > remaining()) return false;
    h.u = len;
    h.data = data_ + pos_;
    pos_ += static_cast<size_t>(len);
    return true;
}

bool Reader::skip() {
    uint64_t pending = 1;
    while (pending > 0) {
        Head h;
        if (!readHead(h)) return false;
        --pending;
        if (h.kind == Kind::Array) pending += h.u;
        if (h.kind == Kind::Map) pending += 2 * h.u;
        // Every pending value needs at least one byte: reject impossible counts early.
        if (pending > remaining()) return false;
    }
    return true;
}

bool Reader::rawValue(const uint8_t*& begin, size_t& len) {
    const size_t start = pos_;
    if (!skip()) return false;
    begin = data_ + start;
    len = pos_ - start;
    return true;
}

int64_t headToInt(const Head& h) {
    switch (h.kind) {
        case Kind::UInt: {
            int64_t v;
            std::memcpy(&v, &h.u, sizeof v);  // ids above 2^63 keep their bit pattern
            return v;
        }
        case Kind::Int: return h.i;
        case Kind::Bool: return h.b ? 1 : 0;
        case Kind::Float: {
            if (!(h.f == h.f)) return 0;  // NaN
            if (h.f >= 9.2e18) return std::numeric_limits<int64_t>::max();
            if (h.f <= -9.2e18) return std::numeric_limits<int64_t>::min();
            return static_cast<int64_t>(h.f);
        }
        default: return 0;
    }
}

double headToDouble(const Head& h) {
    switch (h.kind) {
        case Kind::UInt: return static_cast<double>(h.u);
        case Kind::Int: return static_cast<double>(h.i);
        case Kind::Bool: return h.b ? 1.0 : 0.0;
        case Kind::Float: return h.f;
        default: return 0.0;
    }
}

bool readInt(Reader& r, int64_t& out) {
    switch (r.peekKind()) {
        case Kind::UInt:
        case Kind::Int:
        case Kind::Float:
        case Kind::Bool: {
            Head h;
            if (!r.readHead(h)) return false;
            out = headToInt(h);
            return true;
        }
        case Kind::Nil: {
            Head h;
            if (!r.readHead(h)) return false;
            out = 0;
            return true;
        }
        case Kind::Invalid: return false;
        default: return r.skip();
    }
}

bool readDouble(Reader& r, double& out) {
    switch (r.peekKind()) {
        case Kind::UInt:
        case Kind::Int:
        case Kind::Float:
        case Kind::Bool: {
            Head h;
            if (!r.readHead(h)) return false;
            out = headToDouble(h);
            return true;
        }
        case Kind::Invalid: return false;
        default: return r.skip();
    }
}

bool readBool(Reader& r, bool& out) {
    switch (r.peekKind()) {
        case Kind::Bool:
        case Kind::UInt:
        case Kind::Int:
        case Kind::Nil: {
            Head h;
            if (!r.readHead(h)) return false;
            out = h.kind == Kind::Bool ? h.b : (h.kind == Kind::Nil ? false : headToInt(h) != 0);
            return true;
        }
        case Kind::Invalid: return false;
        default: return r.skip();
    }
}

bool readStr(Reader& r, std::string& out) {
    switch (r.peekKind()) {
        case Kind::Str:
        case Kind::Bin:
        case Kind::Nil: {
            Head h;
            if (!r.readHead(h)) return false;
            if (h.kind == Kind::Nil)
                out.clear();
            else
                out.assign(reinterpret_cast<const char*>(h.data), static_cast<size_t>(h.u));
            return true;
        }
        case Kind::Invalid: return false;
        default: return r.skip();
    }
}

bool readBin(Reader& r, std::string& out) { return readStr(r, out); }

bool readIntList(Reader& r, std::vector<int64_t>& out) {
    if (r.peekKind() != Kind::Array) return r.peekKind() == Kind::Invalid ? false : r.skip();
    Head h;
    if (!r.readHead(h)) return false;
    out.clear();
    out.reserve(static_cast<size_t>(h.u));
    for (uint64_t k = 0; k < h.u; ++k) {
        int64_t v = 0;
        const Kind kind = r.peekKind();
        if (!readInt(r, v)) return false;
        if (kind == Kind::UInt || kind == Kind::Int || kind == Kind::Float || kind == Kind::Bool) out.push_back(v);
    }
    return true;
}

bool readKey(Reader& r, std::string_view& key, bool& isStr) {
    const Kind kind = r.peekKind();
    if (kind == Kind::Str) {
        Head h;
        if (!r.readHead(h)) return false;
        key = std::string_view(reinterpret_cast<const char*>(h.data), static_cast<size_t>(h.u));
        isStr = true;
        return true;
    }
    isStr = false;
    key = std::string_view();
    return r.skip();
}

// ---------------------------------------------------------------- JSON output

void appendUInt(std::string& out, uint64_t v) {
    char buf[24];
    int n = 0;
    do {
        buf[n++] = static_cast<char>('0' + static_cast<int>(v % 10));
        v /= 10;
    } while (v != 0);
    while (n > 0) out.push_back(buf[--n]);
}

void appendInt(std::string& out, int64_t v) {
    if (v < 0) {
        out.push_back('-');
        // -(v+1)+1 avoids overflow for INT64_MIN
        appendUInt(out, static_cast<uint64_t>(-(v + 1)) + 1u);
    } else {
        appendUInt(out, static_cast<uint64_t>(v));
    }
}

void appendDouble(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    // Shortest of 15..17 significant digits that reads back as the same double.
    std::string text;
    for (int precision = 15; precision <= 17; ++precision) {
        text = formatDouble(v, precision);
        double back = 0.0;
        if (parseDouble(text, back) && back == v) break;
    }
    bool looksInt = true;
    for (char c : text)
        if (c == '.' || c == 'e' || c == 'E' || c == 'n' || c == 'i') looksInt = false;
    out += text;
    if (looksInt) out += ".0";
}

std::string formatDouble(double v, int precision, bool fixed) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    if (fixed) s << std::fixed;
    s << std::setprecision(precision) << v;
    return s.str();
}

bool parseDouble(const std::string& text, double& out) {
    std::istringstream s(text);
    s.imbue(std::locale::classic());
    double v = 0.0;
    s >> v;
    if (s.fail() || s.peek() != std::char_traits<char>::eof()) return false;
    out = v;
    return true;
}

void appendBase64(std::string& out, const uint8_t* data, size_t len) {
    static const char* const kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t k = 0;
    while (k + 3 <= len) {
        const uint32_t v = (static_cast<uint32_t>(data[k]) << 16) | (static_cast<uint32_t>(data[k + 1]) << 8) | data[k + 2];
        out.push_back(kAlphabet[(v >> 18) & 63]);
        out.push_back(kAlphabet[(v >> 12) & 63]);
        out.push_back(kAlphabet[(v >> 6) & 63]);
        out.push_back(kAlphabet[v & 63]);
        k += 3;
    }
    const size_t rest = len - k;
    if (rest == 1) {
        const uint32_t v = static_cast<uint32_t>(data[k]) << 16;
        out.push_back(kAlphabet[(v >> 18) & 63]);
        out.push_back(kAlphabet[(v >> 12) & 63]);
        out += "==";
    } else if (rest == 2) {
        const uint32_t v = (static_cast<uint32_t>(data[k]) << 16) | (static_cast<uint32_t>(data[k + 1]) << 8);
        out.push_back(kAlphabet[(v >> 18) & 63]);
        out.push_back(kAlphabet[(v >> 12) & 63]);
        out.push_back(kAlphabet[(v >> 6) & 63]);
        out.push_back('=');
    }
}

namespace {
// Length of a valid UTF-8 sequence starting at s[k], or 0 if invalid.
size_t ttbUtf8SequenceLength(std::string_view s, size_t k) {
    const auto at = [&](size_t i) { return static_cast<uint8_t>(s[i]); };
    const uint8_t c = at(k);
    const size_t left = s.size() - k;
    if (c < 0x80) return 1;
    if (c >= 0xc2 && c <= 0xdf) return (left >= 2 && (at(k + 1) & 0xc0) == 0x80) ? 2 : 0;
    if (c >= 0xe0 && c <= 0xef) {
        if (left < 3) return 0;
        const uint8_t c1 = at(k + 1);
        if ((c1 & 0xc0) != 0x80 || (at(k + 2) & 0xc0) != 0x80) return 0;
        if (c == 0xe0 && c1 < 0xa0) return 0;   // overlong
        if (c == 0xed && c1 >= 0xa0) return 0;  // surrogates
        return 3;
    }
    if (c >= 0xf0 && c <= 0xf4) {
        if (left < 4) return 0;
        const uint8_t c1 = at(k + 1);
        if ((c1 & 0xc0) != 0x80 || (at(k + 2) & 0xc0) != 0x80 || (at(k + 3) & 0xc0) != 0x80) return 0;
        if (c == 0xf0 && c1 < 0x90) return 0;  // overlong
        if (c == 0xf4 && c1 >= 0x90) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}
}  // namespace

void appendJsonString(std::string& out, std::string_view s) {
    static const char* const kHex = "0123456789abcdef";
    out.push_back('"');
    size_t k = 0;
    while (k < s.size()) {
        const uint8_t c = static_cast<uint8_t>(s[k]);
        if (c < 0x80) {
            switch (c) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                case '\b': out += "\\b"; break;
                case '\f': out += "\\f"; break;
                default:
                    if (c < 0x20) {
                        out += "\\u00";
                        out.push_back(kHex[c >> 4]);
                        out.push_back(kHex[c & 15]);
                    } else {
                        out.push_back(static_cast<char>(c));
                    }
            }
            ++k;
            continue;
        }
        const size_t n = ttbUtf8SequenceLength(s, k);
        if (n == 0) {
            out += "\xef\xbf\xbd";  // U+FFFD
            ++k;
        } else {
            out.append(s.data() + k, n);
            k += n;
        }
    }
    out.push_back('"');
}

bool readJson(Reader& r, std::string& out, int depth) {
    if (depth > kMaxDepth) return false;
    Head h;
    if (!r.readHead(h)) return false;
    switch (h.kind) {
        case Kind::Nil: out += "null"; return true;
        case Kind::Bool: out += h.b ? "true" : "false"; return true;
        case Kind::UInt: appendUInt(out, h.u); return true;
        case Kind::Int: appendInt(out, h.i); return true;
        case Kind::Float: appendDouble(out, h.f); return true;
        case Kind::Str:
            appendJsonString(out, std::string_view(reinterpret_cast<const char*>(h.data), static_cast<size_t>(h.u)));
            return true;
        case Kind::Bin:
            out.push_back('"');
            appendBase64(out, h.data, static_cast<size_t>(h.u));
            out.push_back('"');
            return true;
        case Kind::Ext: out += "null"; return true;
        case Kind::Array: {
            out.push_back('[');
            for (uint64_t k = 0; k < h.u; ++k) {
                if (k) out.push_back(',');
                if (!readJson(r, out, depth + 1)) return false;
            }
            out.push_back(']');
            return true;
        }
        case Kind::Map: {
            out.push_back('{');
            for (uint64_t k = 0; k < h.u; ++k) {
                if (k) out.push_back(',');
                if (r.peekKind() == Kind::Str) {
                    if (!readJson(r, out, depth + 1)) return false;
                } else {
                    // JSON keys are strings: use the key's JSON text as the key.
                    std::string keyText;
                    if (!readJson(r, keyText, depth + 1)) return false;
                    appendJsonString(out, keyText);
                }
                out.push_back(':');
                if (!readJson(r, out, depth + 1)) return false;
            }
            out.push_back('}');
            return true;
        }
        default: return false;
    }
}

bool readAsText(Reader& r, std::string& out) {
    out.clear();
    const Kind kind = r.peekKind();
    if (kind == Kind::Str) return readStr(r, out);
    return readJson(r, out, 1);
}

bool readTextMap(Reader& r, std::vector<std::pair<std::string, std::string>>& out) {
    const Kind kind = r.peekKind();
    if (kind == Kind::Invalid) return false;
    if (kind != Kind::Map) return r.skip();
    Head h;
    if (!r.readHead(h)) return false;
    out.clear();
    out.reserve(static_cast<size_t>(h.u));
    for (uint64_t k = 0; k < h.u; ++k) {
        std::pair<std::string, std::string> item;
        if (!readAsText(r, item.first)) return false;
        if (!readAsText(r, item.second)) return false;
        out.push_back(std::move(item));
    }
    return true;
}

bool toJson(const uint8_t* data, size_t size, std::string& out) {
    out.clear();
    Reader r(data, size);
    if (!readJson(r, out, 0) || !r.atEnd()) {
        out.clear();
        return false;
    }
    return true;
}

// ---------------------------------------------------------------- Writer

void Writer::put16(uint16_t v) {
    put8(static_cast<uint8_t>(v >> 8));
    put8(static_cast<uint8_t>(v));
}

void Writer::put32(uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) put8(static_cast<uint8_t>(v >> s));
}

void Writer::put64(uint64_t v) {
    for (int s = 56; s >= 0; s -= 8) put8(static_cast<uint8_t>(v >> s));
}

void Writer::nil() { put8(0xc0); }

void Writer::boolean(bool v) { put8(v ? 0xc3 : 0xc2); }

void Writer::uinteger(uint64_t v) {
    if (v <= 0x7f) {
        put8(static_cast<uint8_t>(v));
    } else if (v <= 0xff) {
        put8(0xcc);
        put8(static_cast<uint8_t>(v));
    } else if (v <= 0xffff) {
        put8(0xcd);
        put16(static_cast<uint16_t>(v));
    } else if (v <= 0xffffffffu) {
        put8(0xce);
        put32(static_cast<uint32_t>(v));
    } else {
        put8(0xcf);
        put64(v);
    }
}

void Writer::integer(int64_t v) {
    if (v >= 0) {
        uinteger(static_cast<uint64_t>(v));
    } else if (v >= -32) {
        put8(static_cast<uint8_t>(0xe0 | (v + 32)));
    } else if (v >= -128) {
        put8(0xd0);
        put8(static_cast<uint8_t>(static_cast<int8_t>(v)));
    } else if (v >= -32768) {
        put8(0xd1);
        put16(static_cast<uint16_t>(static_cast<int16_t>(v)));
    } else if (v >= -2147483647LL - 1) {
        put8(0xd2);
        put32(static_cast<uint32_t>(static_cast<int32_t>(v)));
    } else {
        uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        put8(0xd3);
        put64(bits);
    }
}

void Writer::real(double v) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    put8(0xcb);
    put64(bits);
}

void Writer::str(std::string_view s) {
    const size_t n = s.size();
    if (n <= 31) {
        put8(static_cast<uint8_t>(0xa0 | n));
    } else if (n <= 0xff) {
        put8(0xd9);
        put8(static_cast<uint8_t>(n));
    } else if (n <= 0xffff) {
        put8(0xda);
        put16(static_cast<uint16_t>(n));
    } else {
        put8(0xdb);
        put32(static_cast<uint32_t>(n));
    }
    out_.append(s.data(), n);
}

void Writer::bin(const uint8_t* data, size_t len) {
    if (len <= 0xff) {
        put8(0xc4);
        put8(static_cast<uint8_t>(len));
    } else if (len <= 0xffff) {
        put8(0xc5);
        put16(static_cast<uint16_t>(len));
    } else {
        put8(0xc6);
        put32(static_cast<uint32_t>(len));
    }
    if (len) out_.append(reinterpret_cast<const char*>(data), len);
}

void Writer::arrayHeader(uint32_t n) {
    if (n <= 15) {
        put8(static_cast<uint8_t>(0x90 | n));
    } else if (n <= 0xffff) {
        put8(0xdc);
        put16(static_cast<uint16_t>(n));
    } else {
        put8(0xdd);
        put32(n);
    }
}

void Writer::mapHeader(uint32_t n) {
    if (n <= 15) {
        put8(static_cast<uint8_t>(0x80 | n));
    } else if (n <= 0xffff) {
        put8(0xde);
        put16(static_cast<uint16_t>(n));
    } else {
        put8(0xdf);
        put32(n);
    }
}

}  // namespace mp
}  // namespace ttb
