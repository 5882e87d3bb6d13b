// Decode throughput of the Unreal plugin's core on captured daemon output.
//
//   ttb_bench CAPTURE [SECONDS]
//
// CAPTURE: [topic, payload] records (u32 BE length + bytes each), written by
// run_bench.py from a live daemon. Reports events per second for:
//   typed   decodeEvent() into the per-type structs (what the subsystem does per event)
//   zmtp    the same messages as one ZMTP byte stream through ZmtpConnection, then typed
//   json    the generic JSON conversion (OnAnyEvent / nested events)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "TTBEvents.h"
#include "TTBMsgPack.h"
#include "TTBZmtp.h"
#include "test_util.h"

namespace {

struct TouchSink : ttb::EventSink {
    uint64_t sum = 0;
    void onChat(const ttb::ChatEvent& e) override { sum += e.comment.size() + e.user.nickname.size(); }
    void onGift(const ttb::GiftEvent& e) override { sum += static_cast<uint64_t>(e.repeatCount) + e.giftName.size(); }
    void onLike(const ttb::LikeEvent& e) override { sum += static_cast<uint64_t>(e.likeCount); }
    void onMember(const ttb::MemberEvent& e) override { sum += e.user.uniqueId.size(); }
    void onRoomUserSeq(const ttb::RoomUserSeqEvent& e) override { sum += static_cast<uint64_t>(e.viewerCount); }
    void onSysHeartbeat(const ttb::SysHeartbeatEvent& e) override { sum += e.rooms.size(); }
};

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: ttb_bench CAPTURE [SECONDS]\n");
        return 2;
    }
    const double budget = argc > 2 ? std::atof(argv[2]) : 2.0;
    std::vector<std::pair<std::string, std::string>> messages;
    if (!readRecords(argv[1], messages) || messages.empty()) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 2;
    }
    size_t bytes = 0;
    for (const auto& m : messages) bytes += m.first.size() + m.second.size();

    // Every message must decode: the benchmark measures real work only.
    {
        TouchSink sink;
        size_t bad = 0;
        for (const auto& m : messages)
            if (ttb::decodeEvent(m.first, reinterpret_cast<const uint8_t*>(m.second.data()), m.second.size(), sink) !=
                ttb::DecodeResult::Ok)
                ++bad;
        if (bad) {
            std::fprintf(stderr, "%zu of %zu messages did not decode\n", bad, messages.size());
            return 1;
        }
    }

    // ZMTP stream: greeting, READY, then every message as [topic MORE, payload].
    std::string stream(64, '\0');
    stream[0] = static_cast<char>(0xff);
    stream[9] = 0x7f;
    stream[10] = 3;
    stream[11] = 1;
    stream.replace(12, 4, "NULL");
    ttb::ZmtpConnection::appendCommand(stream, "READY", std::string(1, 11) + "Socket-Type" + std::string("\0\0\0\3", 4) + "PUB");
    const size_t headerBytes = stream.size();
    for (const auto& m : messages) {
        ttb::ZmtpConnection::appendFrame(stream, 1, m.first);
        ttb::ZmtpConnection::appendFrame(stream, 0, m.second);
    }

    uint64_t checksum = 0;
    std::printf("capture: %zu messages, %.1f KiB, %.0f bytes/message\n", messages.size(), bytes / 1024.0,
                static_cast<double>(bytes) / static_cast<double>(messages.size()));

    // typed
    {
        TouchSink sink;
        uint64_t events = 0;
        const auto start = Clock::now();
        auto now = start;
        do {
            for (const auto& m : messages)
                ttb::decodeEvent(m.first, reinterpret_cast<const uint8_t*>(m.second.data()), m.second.size(), sink);
            events += messages.size();
            now = Clock::now();
        } while (seconds(start, now) < budget);
        const double s = seconds(start, now);
        checksum += sink.sum;
        std::printf("typed: %.0f events/s (%.2f us/event, %.0f MB/s)\n", events / s, 1e6 * s / events,
                    static_cast<double>(bytes) * (events / messages.size()) / s / 1e6);
    }
    // zmtp + typed, fed in 16 KiB reads like a socket would
    {
        TouchSink sink;
        uint64_t events = 0;
        const auto start = Clock::now();
        auto now = start;
        do {
            ttb::ZmtpConnection c(ttb::ZmtpSocketType::Sub);
            c.subscribe("");
            c.begin();
            c.consume(c.outputSize());
            c.feed(reinterpret_cast<const uint8_t*>(stream.data()), headerBytes);
            c.consume(c.outputSize());
            ttb::ZmtpMessage m;
            for (size_t pos = headerBytes; pos < stream.size();) {
                const size_t n = std::min<size_t>(16384, stream.size() - pos);
                c.feed(reinterpret_cast<const uint8_t*>(stream.data() + pos), n);
                pos += n;
                while (c.popMessage(m)) {
                    ttb::decodeEvent(m.frames[0], reinterpret_cast<const uint8_t*>(m.frames[1].data()),
                                     m.frames[1].size(), sink);
                    ++events;
                }
            }
            now = Clock::now();
        } while (seconds(start, now) < budget);
        const double s = seconds(start, now);
        checksum += sink.sum;
        std::printf("zmtp+typed: %.0f events/s (%.2f us/event)\n", events / s, 1e6 * s / events);
    }
    // json
    {
        uint64_t events = 0;
        std::string json;
        const auto start = Clock::now();
        auto now = start;
        do {
            for (const auto& m : messages) {
                ttb::mp::toJson(reinterpret_cast<const uint8_t*>(m.second.data()), m.second.size(), json);
                checksum += json.size();
            }
            events += messages.size();
            now = Clock::now();
        } while (seconds(start, now) < budget);
        const double s = seconds(start, now);
        std::printf("json: %.0f events/s (%.2f us/event)\n", events / s, 1e6 * s / events);
    }
    std::printf("(checksum %llu)\n", static_cast<unsigned long long>(checksum));
    return 0;
}
