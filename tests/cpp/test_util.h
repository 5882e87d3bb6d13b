// Helpers shared by the tests, the fuzz run, the e2e client and the benchmark.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

// "01 ab ff" -> bytes
inline std::string hex(const char* text) {
    std::string out;
    int nibble = -1;
    for (const char* p = text; *p; ++p) {
        int v;
        if (*p >= '0' && *p <= '9')
            v = *p - '0';
        else if (*p >= 'a' && *p <= 'f')
            v = *p - 'a' + 10;
        else if (*p >= 'A' && *p <= 'F')
            v = *p - 'A' + 10;
        else
            continue;
        if (nibble < 0) {
            nibble = v;
        } else {
            out.push_back(static_cast<char>(nibble * 16 + v));
            nibble = -1;
        }
    }
    return out;
}

inline std::string toHex(const std::string& bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        if (!out.empty()) out.push_back(' ');
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

// Record files: repeated (u32 BE length, bytes) pairs: [a, b] per record.
// Used for captured [topic, payload] messages and for [msgpack, json] fixtures.
inline bool readRecords(const char* path, std::vector<std::pair<std::string, std::string>>& out) {
    FILE* f = std::fopen(path, "rb");
    if (!f) return false;
    std::string data;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
    std::fclose(f);
    size_t pos = 0;
    auto field = [&](std::string& s) {
        if (data.size() - pos < 4) return false;
        const uint32_t len = (static_cast<uint32_t>(static_cast<uint8_t>(data[pos])) << 24) |
                             (static_cast<uint32_t>(static_cast<uint8_t>(data[pos + 1])) << 16) |
                             (static_cast<uint32_t>(static_cast<uint8_t>(data[pos + 2])) << 8) |
                             static_cast<uint32_t>(static_cast<uint8_t>(data[pos + 3]));
        pos += 4;
        if (data.size() - pos < len) return false;
        s.assign(data, pos, len);
        pos += len;
        return true;
    };
    while (pos < data.size()) {
        std::pair<std::string, std::string> rec;
        if (!field(rec.first) || !field(rec.second)) return false;
        out.push_back(std::move(rec));
    }
    return true;
}

inline void appendRecordField(std::string& out, const std::string& s) {
    const uint32_t len = static_cast<uint32_t>(s.size());
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((len >> shift) & 0xff));
    out += s;
}
