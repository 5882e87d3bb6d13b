// Bounded random fuzzing of the msgpack decoders and the ZMTP parser, meant to
// run under AddressSanitizer + UndefinedBehaviorSanitizer (any report aborts).
//
//   ttb_fuzz SECONDS SEED [RECORDS...]
//
// Seeds: built-in payloads and ZMTP sessions, plus [topic, payload] or
// [msgpack, json] record files (e.g. a capture of the real daemon). Each
// iteration mutates a seed (bit flips, interesting bytes, inserts, deletes,
// duplications, splices, length-field overwrites) and feeds it to every decoder.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "TTBControl.h"
#include "TTBEvents.h"
#include "TTBLink.h"
#include "TTBMsgPack.h"
#include "TTBZmtp.h"
#include "test_util.h"

namespace {

struct Rand {
    uint64_t s;
    uint64_t next() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s;
    }
    size_t below(size_t n) { return n ? static_cast<size_t>(next() % n) : 0; }
};

const uint8_t kInteresting[] = {0x00, 0x01, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc4, 0xc6,
                                0xc7, 0xc9, 0xca, 0xcb, 0xcf, 0xd3, 0xd4, 0xd8, 0xd9, 0xdb, 0xdc, 0xdd, 0xde,
                                0xdf, 0xe0, 0xff, 0x02, 0x03, 0x04, 0x06, 0x05};

std::string mutate(const std::string& in, const std::vector<std::string>& pool, Rand& r) {
    std::string s = in;
    const size_t rounds = 1 + r.below(6);
    for (size_t k = 0; k < rounds; ++k) {
        switch (r.below(9)) {
            case 0:
                if (!s.empty()) s[r.below(s.size())] ^= static_cast<char>(1u << r.below(8));
                break;
            case 1:
                if (!s.empty()) s[r.below(s.size())] = static_cast<char>(kInteresting[r.below(sizeof kInteresting)]);
                break;
            case 2: {
                const size_t at = r.below(s.size() + 1);
                std::string ins(1 + r.below(8), '\0');
                for (char& c : ins) c = static_cast<char>(r.next());
                s.insert(at, ins);
                break;
            }
            case 3:
                if (!s.empty()) {
                    const size_t at = r.below(s.size());
                    s.erase(at, 1 + r.below(std::min<size_t>(16, s.size() - at)));
                }
                break;
            case 4:
                if (!s.empty()) {
                    const size_t at = r.below(s.size());
                    const size_t len = 1 + r.below(std::min<size_t>(64, s.size() - at));
                    s.insert(r.below(s.size() + 1), s.substr(at, len));
                }
                break;
            case 5:
                s.resize(r.below(s.size() + 1));
                break;
            case 6: {
                const std::string& other = pool[r.below(pool.size())];
                if (!other.empty()) {
                    const size_t at = r.below(other.size());
                    s = s.substr(0, r.below(s.size() + 1)) + other.substr(at);
                }
                break;
            }
            case 7:
                // overwrite 1..8 bytes with 0xff / 0x00 (length fields)
                if (!s.empty()) {
                    const size_t at = r.below(s.size());
                    const char v = r.below(2) ? static_cast<char>(0xff) : '\0';
                    for (size_t j = at; j < s.size() && j < at + 1 + r.below(8); ++j) s[j] = v;
                }
                break;
            default:
                if (s.size() < 4096) s.push_back(static_cast<char>(kInteresting[r.below(sizeof kInteresting)]));
                break;
        }
    }
    if (s.size() > (1u << 16)) s.resize(1u << 16);
    return s;
}

struct CountingSink : ttb::EventSink {
    uint64_t calls = 0;
    void onChat(const ttb::ChatEvent& e) override { calls += e.comment.size() + 1; }
    void onGift(const ttb::GiftEvent& e) override { calls += e.giftName.size() + 1; }
    void onRoomPin(const ttb::RoomPinEvent& e) override { calls += e.pinned.json.size() + 1; }
    void onAction(const ttb::ActionEvent& e) override { calls += e.params.size() + 1; }
};

uint64_t fuzzMsgpack(const std::string& data, Rand& r) {
    const auto* p = reinterpret_cast<const uint8_t*>(data.data());
    uint64_t sum = 0;
    std::string json;
    if (ttb::mp::toJson(p, data.size(), json)) sum += json.size();
    ttb::mp::Reader rd(p, data.size());
    if (rd.skip()) sum += rd.pos();
    CountingSink sink;
    const auto type = static_cast<ttb::EventType>(r.below(ttb::kEventTypeCount));
    const std::string topic = std::string(ttb::eventTypeName(type)) + "/room";
    sum += static_cast<uint64_t>(ttb::decodeEvent(topic, p, data.size(), sink));
    sum += sink.calls;
    ttb::AnyEvent any;
    if (ttb::decodeAnyEvent(p, data.size(), any)) sum += any.json.size();
    ttb::ControlReply reply;
    if (ttb::decodeControlReply(p, data.size(), reply)) sum += reply.resultJson.size();
    ttb::mp::Reader tm(p, data.size());
    std::vector<std::pair<std::string, std::string>> pairs;
    if (ttb::mp::readTextMap(tm, pairs)) sum += pairs.size();
    return sum;
}

uint64_t fuzzZmtp(const std::string& stream, Rand& r) {
    uint64_t sum = 0;
    const ttb::ZmtpSocketType types[] = {ttb::ZmtpSocketType::Sub, ttb::ZmtpSocketType::Req,
                                         ttb::ZmtpSocketType::Dealer};
    ttb::ZmtpLimits limits;
    limits.maxFrameBytes = 1u << 20;
    ttb::ZmtpConnection c(types[r.below(3)], limits);
    c.subscribe("");
    c.begin();
    size_t pos = 0;
    while (pos < stream.size()) {
        const size_t n = 1 + r.below(std::min<size_t>(stream.size() - pos, 97));
        const bool ok = c.feed(reinterpret_cast<const uint8_t*>(stream.data() + pos), n);
        pos += n;
        sum += c.outputSize();
        c.consume(c.outputSize());
        ttb::ZmtpMessage m;
        while (c.popMessage(m)) {
            sum += m.frames.size();
            if (m.frames.size() == 2) sum += fuzzMsgpack(m.frames[1], r);
        }
        if (!ok) break;
    }
    // The same bytes through a Link (policy + session) in one go.
    ttb::LinkConfig lc;
    lc.subscriptions = {""};
    ttb::Link link(lc);
    link.start(0);
    link.tick(0);
    link.onOpened(0);
    link.onReceived(1, reinterpret_cast<const uint8_t*>(stream.data()), stream.size());
    sum += static_cast<uint64_t>(link.tick(2));
    return sum;
}

std::string session(const std::vector<std::string>& payloads) {
    std::string s(64, '\0');
    s[0] = static_cast<char>(0xff);
    s[9] = 0x7f;
    s[10] = 3;
    s[11] = 1;
    s[12] = 'N';
    s[13] = 'U';
    s[14] = 'L';
    s[15] = 'L';
    std::string props = std::string(1, 11) + "Socket-Type" + std::string("\0\0\0\3", 4) + "PUB";
    ttb::ZmtpConnection::appendCommand(s, "READY", props);
    ttb::ZmtpConnection::appendCommand(s, "PING", hex("00 14") + "ctx");
    for (const std::string& p : payloads) {
        ttb::ZmtpConnection::appendFrame(s, 1, "gift/room");
        ttb::ZmtpConnection::appendFrame(s, 0, p);
    }
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
    Rand r{argc > 2 ? std::strtoull(argv[2], nullptr, 10) | 1u : 0x1234567u};
    std::vector<std::string> payloads;
    for (int k = 3; k < argc; ++k) {
        std::vector<std::pair<std::string, std::string>> recs;
        if (!readRecords(argv[k], recs)) {
            std::fprintf(stderr, "cannot read %s\n", argv[k]);
            return 2;
        }
        for (size_t j = 0; j < recs.size() && payloads.size() < 4000; ++j) {
            // [topic, payload] captures and [msgpack, json] fixtures: keep whichever is msgpack
            const std::string& a = recs[j].first;
            payloads.push_back(!a.empty() && (static_cast<uint8_t>(a[0]) & 0xf0) == 0x80 ? a : recs[j].second);
        }
    }
    {
        std::string p;
        ttb::mp::Writer w(p);
        w.mapHeader(4);
        w.str("user");
        w.mapHeader(2);
        w.str("uniqueId");
        w.str("someone");
        w.str("id");
        w.uinteger(6900000000000403400ull);
        w.str("emotes");
        w.arrayHeader(1);
        w.mapHeader(1);
        w.str("id");
        w.str("e1");
        w.str("pinned");
        w.mapHeader(1);
        w.str("type");
        w.str("chat");
        w.str("params");
        w.mapHeader(1);
        w.str("n");
        w.real(1.5);
        payloads.push_back(p);
        payloads.push_back(hex("82 a2 6f 6b c3 a6 72 65 73 75 6c 74 a4 70 6f 6e 67"));
    }
    std::vector<std::string> pool = payloads;
    pool.push_back(session(payloads.size() > 8 ? std::vector<std::string>(payloads.begin(), payloads.begin() + 8)
                                               : payloads));

    const auto start = std::chrono::steady_clock::now();
    uint64_t iterations = 0;
    uint64_t sink = 0;
    while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < seconds) {
        for (int k = 0; k < 64; ++k) {
            const std::string& seed = pool[r.below(pool.size())];
            const std::string input = r.below(16) == 0 ? std::string(r.below(64), static_cast<char>(r.next()))
                                                       : mutate(seed, pool, r);
            sink += fuzzMsgpack(input, r);
            if (r.below(4) == 0) sink += fuzzZmtp(r.below(2) ? input : session({input}), r);
            ++iterations;
            // keep some interesting mutants as new seeds
            if (r.below(512) == 0 && pool.size() < 20000) pool.push_back(input);
        }
    }
    std::printf("fuzz: %llu inputs in %.1f s, %zu seeds, no crash (checksum %llu)\n",
                static_cast<unsigned long long>(iterations), seconds, pool.size(),
                static_cast<unsigned long long>(sink));
    return 0;
}
