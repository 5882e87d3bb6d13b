// The vectors the GDScript suite reads too (tests/vectors/generate.py, written at test
// time into the directory TTB_VECTORS names): msgpack values and ZMTP transcripts,
// the contract's limits included, so the two clients cannot drift apart.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "TTBMsgPack.h"
#include "TTBZmtp.h"
#include "test_util.h"
#include "ttb_test.h"

namespace {

std::vector<std::vector<std::string>> readTsv(const std::string& path) {
    std::vector<std::vector<std::string>> rows;
    std::ifstream in(path, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        size_t start = 0;
        for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
            cells.push_back(line.substr(start, tab - start));
        cells.push_back(line.substr(start));
        rows.push_back(std::move(cells));
    }
    return rows;
}

std::string plainHex(const uint8_t* data, size_t len) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (size_t k = 0; k < len; ++k) {
        out.push_back(digits[data[k] >> 4]);
        out.push_back(digits[data[k] & 15]);
    }
    return out;
}

// One value in the vectors' canonical text (tests/vectors/generate.py: canonical).
bool render(ttb::mp::Reader& r, std::string& out, int depth) {
    if (depth > ttb::mp::kMaxDepth) return false;
    ttb::mp::Head h;
    if (!r.readHead(h)) return false;
    switch (h.kind) {
        case ttb::mp::Kind::Nil: out += "nil"; return true;
        case ttb::mp::Kind::Bool: out += h.b ? "true" : "false"; return true;
        case ttb::mp::Kind::UInt: ttb::mp::appendInt(out, static_cast<int64_t>(h.u)); return true;  // as GDScript holds it
        case ttb::mp::Kind::Int: ttb::mp::appendInt(out, h.i); return true;
        case ttb::mp::Kind::Float: {
            uint8_t le[8];
            uint64_t bits;
            std::memcpy(&bits, &h.f, 8);
            for (int k = 0; k < 8; ++k) le[k] = static_cast<uint8_t>(bits >> (8 * k));
            out += "f" + plainHex(le, 8);
            return true;
        }
        case ttb::mp::Kind::Str: out += "s" + plainHex(h.data, h.u); return true;
        case ttb::mp::Kind::Bin: out += "b" + plainHex(h.data, h.u); return true;
        case ttb::mp::Kind::Ext: out += "x"; return true;
        case ttb::mp::Kind::Array:
            out += "[";
            for (uint64_t k = 0; k < h.u; ++k) {
                if (k) out += ",";
                if (!render(r, out, depth + 1)) return false;
            }
            out += "]";
            return true;
        case ttb::mp::Kind::Map:
            out += "{";
            for (uint64_t k = 0; k < h.u; ++k) {
                if (k) out += ",";
                if (!render(r, out, depth + 1)) return false;
                out += ":";
                if (!render(r, out, depth + 1)) return false;
            }
            out += "}";
            return true;
        case ttb::mp::Kind::Invalid: return false;
    }
    return false;
}

bool renderWhole(const std::string& bytes, std::string& out) {
    ttb::mp::Reader r(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    out.clear();
    return render(r, out, 0) && r.atEnd();
}

// The rows of one vectors file; false (the test is skipped, saying so) without TTB_VECTORS.
bool vectorRows(const char* test, const char* file, std::vector<std::vector<std::string>>& rows) {
    const char* dir = std::getenv("TTB_VECTORS");
    if (!dir) {
        std::printf("  (%s: TTB_VECTORS not set, skipped)\n", test);
        return false;
    }
    rows = readTsv(std::string(dir) + "/" + file);
    return true;
}

}  // namespace

TTB_TEST(vectors_msgpack) {
    std::vector<std::vector<std::string>> rows;
    if (!vectorRows("vectors_msgpack", "msgpack.tsv", rows)) return;
    REQUIRE(!rows.empty());
    size_t valid = 0, invalid = 0, prefixes = 0;
    for (const auto& row : rows) {
        REQUIRE(row.size() >= 3);
        const std::string bytes = hex(row[2].c_str());
        std::string got;
        if (row[0] == "valid") {
            REQUIRE(row.size() == 4);
            ++valid;
            if (!renderWhole(bytes, got) || got != row[3])
                ttb_test::fail(__FILE__, __LINE__, "vector " + row[1] + ": got " + got.substr(0, 200));
            for (size_t n = 0; n < bytes.size() && n < 4096; ++n, ++prefixes) {
                if (renderWhole(bytes.substr(0, n), got))
                    ttb_test::fail(__FILE__, __LINE__, "a truncation of " + row[1] + " was accepted");
            }
        } else {
            ++invalid;
            if (renderWhole(bytes, got)) ttb_test::fail(__FILE__, __LINE__, "invalid vector accepted: " + row[1]);
        }
    }
    std::printf("  (%zu shared msgpack vectors, %zu invalid, %zu truncations rejected)\n", valid, invalid, prefixes);
}

TTB_TEST(vectors_zmtp_transcripts) {
    std::vector<std::vector<std::string>> rows;
    if (!vectorRows("vectors_zmtp_transcripts", "zmtp.tsv", rows)) return;
    REQUIRE(!rows.empty());
    for (const auto& row : rows) {
        REQUIRE(row.size() == 3);
        ttb::ZmtpConnection c(ttb::ZmtpSocketType::Sub);
        c.begin();
        bool ok = true;
        size_t start = 0;
        while (ok && start < row[1].size()) {
            size_t space = row[1].find(' ', start);
            if (space == std::string::npos) space = row[1].size();
            const std::string token = row[1].substr(start, space - start);
            start = space + 1;
            const std::string bytes =
                token.rfind("zeros:", 0) == 0 ? std::string(std::strtoull(token.c_str() + 6, nullptr, 10), '\0')
                                              : hex(token.c_str());
            ok = c.feed(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
            c.consume(c.outputSize());
        }
        std::string got = ok && c.state() != ttb::ZmtpConnection::State::Failed ? "ok" : "fail";
        ttb::ZmtpMessage m;
        while (got != "fail" && c.popMessage(m)) {
            got += " ";
            for (size_t k = 0; k < m.frames.size(); ++k) got += (k ? "," : "") + std::to_string(m.frames[k].size());
        }
        if (got != row[2])
            ttb_test::fail(__FILE__, __LINE__, row[0] + ": expected " + row[2].substr(0, 80) + ", got " + got.substr(0, 80));
    }
    std::printf("  (%zu shared ZMTP transcripts)\n", rows.size());
}
