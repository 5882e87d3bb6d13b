// Engine-independent msgpack reader/writer for the TikTok Bridge client core.
// C++17, no exceptions, no RTTI, no Unreal headers. Every read is bounds-checked:
// malformed or truncated input makes a read return false, never crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ttb {
namespace mp {

enum class Kind : uint8_t { Nil, Bool, UInt, Int, Float, Str, Bin, Array, Map, Ext, Invalid };

// One msgpack head. Scalars carry their value; Str/Bin/Ext carry a pointer to
// their bytes (already consumed by the reader); Array/Map carry their element
// count in `u` and the elements follow.
struct Head {
    Kind kind = Kind::Invalid;
    bool b = false;
    uint64_t u = 0;  // UInt value, or the length of Str/Bin/Ext/Array/Map
    int64_t i = 0;   // Int value (signed encodings)
    double f = 0.0;  // Float value
    const uint8_t* data = nullptr;  // Str/Bin/Ext payload
    int8_t extType = 0;
};

// Nesting limit for recursive conversions (JSON, generic values).
constexpr int kMaxDepth = 64;

class Reader {
public:
    Reader() = default;
    Reader(const uint8_t* data, size_t size) : data_(data), size_(data ? size : 0) {}

    // The kind of the next value without consuming it; Invalid at the end or on 0xc1.
    Kind peekKind() const;
    // Reads one head. For containers only the header is consumed. False on
    // truncation, on 0xc1, or when a declared length cannot fit in the rest.
    bool readHead(Head& h);
    // Skips one complete value (containers included), iteratively: no recursion.
    bool skip();
    // Skips one value and returns the bytes it occupied.
    bool rawValue(const uint8_t*& begin, size_t& len);

    size_t pos() const { return pos_; }
    size_t remaining() const { return size_ - pos_; }
    bool atEnd() const { return pos_ >= size_; }
    const uint8_t* cursor() const { return data_ + pos_; }

private:
    bool need(size_t n) const { return n <= size_ - pos_; }
    uint8_t u8() { return data_[pos_++]; }
    uint16_t be16();
    uint32_t be32();
    uint64_t be64();

    const uint8_t* data_ = nullptr;
    size_t size_ = 0;
    size_t pos_ = 0;
};

// Lenient typed reads used by the event decoders. A value of an unexpected
// kind is skipped and `out` keeps its value (forward compatible); false only
// when the input is malformed.
bool readInt(Reader& r, int64_t& out);
bool readDouble(Reader& r, double& out);
bool readBool(Reader& r, bool& out);
bool readStr(Reader& r, std::string& out);  // str or bin; nil clears
bool readBin(Reader& r, std::string& out);  // bin or str; nil clears
bool readIntList(Reader& r, std::vector<int64_t>& out);
// A map key: isStr tells whether it was a string (other keys: their value must be skipped).
bool readKey(Reader& r, std::string_view& key, bool& isStr);
// Reads any value and appends it as JSON text (bin as base64, ext as null).
bool readJson(Reader& r, std::string& out, int depth = 0);
// A value as a string: strings as they are, anything else as JSON text.
bool readAsText(Reader& r, std::string& out);
// A map as (key, text) pairs (readAsText values); non-map values are skipped.
bool readTextMap(Reader& r, std::vector<std::pair<std::string, std::string>>& out);

// Whole-buffer conversion; false (and `out` cleared) for malformed input or trailing bytes.
bool toJson(const uint8_t* data, size_t size, std::string& out);

// Conversions used for lenient reads (well defined for every input).
int64_t headToInt(const Head& h);
double headToDouble(const Head& h);

// JSON helpers (valid UTF-8 out: invalid input bytes become U+FFFD).
void appendJsonString(std::string& out, std::string_view s);
void appendInt(std::string& out, int64_t v);
void appendUInt(std::string& out, uint64_t v);
void appendDouble(std::string& out, double v);

// Numbers as text with '.' for the decimal point whatever the process locale
// (setlocale or std::locale::global: printf and strtod follow them, these do not).
// formatDouble: %g-style with `precision` significant digits (fixed: %.Nf-style).
std::string formatDouble(double v, int precision, bool fixed = false);
// The whole of `text` as a double; false if it is not one number (overflow included).
bool parseDouble(const std::string& text, double& out);
void appendBase64(std::string& out, const uint8_t* data, size_t len);

// msgpack encoder, appending to a byte string.
class Writer {
public:
    explicit Writer(std::string& out) : out_(out) {}
    void nil();
    void boolean(bool v);
    void integer(int64_t v);
    void uinteger(uint64_t v);
    void real(double v);
    void str(std::string_view s);
    void bin(const uint8_t* data, size_t len);
    void arrayHeader(uint32_t n);
    void mapHeader(uint32_t n);

private:
    void put8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
    void put16(uint16_t v);
    void put32(uint32_t v);
    void put64(uint64_t v);
    std::string& out_;
};

}  // namespace mp
}  // namespace ttb
