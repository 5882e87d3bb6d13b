// ttb_dump FILE: decodes every [topic, payload] record of FILE with the core and
// prints one JSON line per record:
//   {"topic": ..., "result": "ok"|..., "typed": <struct as JSON or null>, "raw": <payload as JSON or null>}
// tests/test_cpp.py compares "typed" and "raw" with what Python's msgpack makes
// of the same bytes.
#include <cstdio>
#include <string>
#include <vector>

#include "TTBEvents.h"
#include "TTBEventsDump.h"
#include "TTBMsgPack.h"
#include "test_util.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: ttb_dump RECORDS\n");
        return 2;
    }
    std::vector<std::pair<std::string, std::string>> records;
    if (!readRecords(argv[1], records)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    std::string line;
    for (const auto& rec : records) {
        const auto* data = reinterpret_cast<const uint8_t*>(rec.second.data());
        std::string typed;
        const ttb::DecodeResult result = ttb_test::dumpEvent(rec.first, data, rec.second.size(), typed);
        std::string raw;
        const bool rawOk = ttb::mp::toJson(data, rec.second.size(), raw);
        line = "{\"topic\":";
        ttb::mp::appendJsonString(line, rec.first);
        line += ",\"result\":";
        ttb::mp::appendJsonString(line, ttb::decodeResultName(result));
        line += ",\"typed\":";
        line += result == ttb::DecodeResult::Ok ? typed : "null";
        line += ",\"raw\":";
        line += rawOk ? raw : "null";
        line += "}\n";
        std::fwrite(line.data(), 1, line.size(), stdout);
    }
    return 0;
}
