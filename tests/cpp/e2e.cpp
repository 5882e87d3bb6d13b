// End-to-end client: the plugin core on plain POSIX sockets against the real
// daemon. tests/test_cpp.py starts the daemon, runs this, restarts the daemon
// when it prints PHASE1 OK, and checks the exit status.
//
//   ttb_e2e --endpoint EP --control EP --require t1,t2,... [--capture FILE]
//           [--min-connected S] [--timeout S] [--no-pong] [--watchdog]
//
// Phase 1: connect, subscribe to everything, answer every ZMTP PING, use the
// control channel (ping, status, simulate), and wait until every required type
// has arrived and the connection has stayed up for --min-connected seconds.
// Phase 2: after the daemon restarts, reconnect by itself and receive again.
// --no-pong: never write after the handshake; succeed if the daemon drops us.
// --watchdog: once a sys.heartbeat announced the daemon's interval, print
// STOP_ME (the driver SIGSTOPs the daemon) and succeed when the liveness check
// drops the silent link, printing how long that took.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "TTBContract.h"
#include "TTBControl.h"
#include "TTBEvents.h"
#include "TTBLink.h"
#include "posix_io.h"
#include "test_util.h"

namespace {

struct Options {
    std::string endpoint = TTB_PUBLISHER_ENDPOINT;
    std::string control;
    std::vector<std::string> require;
    std::string capture;
    double minConnectedS = 4.0;
    double timeoutS = 60.0;
    bool noPong = false;
    bool watchdog = false;
};

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        const size_t comma = s.find(',', start);
        const std::string item = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!item.empty()) out.push_back(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

struct Checker : ttb::EventSink {
    ttb::ReconnectPolicy* policy = nullptr;  // told the interval every heartbeat announces
    double announcedS = 0.0;
    std::string lastGiftUser;
    bool sawSimulatedGift = false;
    std::string actionName;
    void onGift(const ttb::GiftEvent& e) override {
        if (e.env.simulated && e.user.uniqueId == "e2e_user" && e.giftName == "Galaxy") sawSimulatedGift = true;
    }
    void onSysHeartbeat(const ttb::SysHeartbeatEvent& e) override {
        announcedS = e.interval;
        if (policy) policy->onHeartbeatInterval(e.interval);
    }
    void onAction(const ttb::ActionEvent& e) override {
        if (actionName.empty()) actionName = e.name;
    }
};

}  // namespace

int main(int argc, char** argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    Options opt;
    for (int k = 1; k < argc; ++k) {
        const std::string a = argv[k];
        const char* v = k + 1 < argc ? argv[k + 1] : "";
        if (a == "--endpoint") opt.endpoint = v, ++k;
        else if (a == "--control") opt.control = v, ++k;
        else if (a == "--require") opt.require = split(v), ++k;
        else if (a == "--capture") opt.capture = v, ++k;
        else if (a == "--min-connected") opt.minConnectedS = std::atof(v), ++k;
        else if (a == "--timeout") opt.timeoutS = std::atof(v), ++k;
        else if (a == "--no-pong") opt.noPong = true;
        else if (a == "--watchdog") opt.watchdog = true;
        else {
            std::fprintf(stderr, "unknown argument %s\n", a.c_str());
            return 2;
        }
    }
    ttb::Endpoint ep, cep;
    std::string err;
    if (!ttb::parseEndpoint(opt.endpoint, ep, err) || (!opt.control.empty() && !ttb::parseEndpoint(opt.control, cep, err))) {
        std::fprintf(stderr, "bad endpoint: %s\n", err.c_str());
        return 2;
    }

    ttb::LinkConfig lc;
    lc.subscriptions = {""};
    lc.reconnect.backoffBaseS = 0.5;
    lc.reconnect.backoffCapS = 2.0;
    // heartbeatIntervalS stays the contract's default until a sys.heartbeat announces the daemon's.
    lc.seed = static_cast<uint64_t>(ttb_test::nowMs());
    ttb::Link link(lc);
    ttb::ControlClientConfig cc;
    cc.requestTimeoutS = 5.0;
    ttb::ControlClient control(cc);
    ttb_test::PosixSocket sock, csock;
    ttb_test::DriveOptions drive;  // per socket state
    drive.answerNothing = opt.noPong;

    const int64_t start = ttb_test::nowMs();
    link.start(start);
    std::map<std::string, uint64_t> counts;
    std::set<std::string> required(opt.require.begin(), opt.require.end());
    Checker checker;
    checker.policy = &link.policy();
    int64_t stopAskedAt = -1;
    std::string capture;
    uint64_t decodeErrors = 0, seqGaps = 0, messages = 0, phase2Messages = 0;
    int64_t lastSeq = -1, connectedAt = -1, disconnectedAt = -1;
    int phase = 1;
    bool controlSent = false;
    bool simulatedMissing = false;
    int controlOk = 0, controlFailed = 0;
    uint64_t firstSeqAfterReconnect = 0;

    while (true) {
        const int64_t now = ttb_test::nowMs();
        if (now - start > static_cast<int64_t>(opt.timeoutS * 1000)) break;
        ttb_test::driveOnce(link, sock, ep, drive);
        if (!opt.control.empty()) ttb_test::driveOnce(control, csock, cep);

        ttb::PolicyNotice n;
        while (link.popNotice(n)) {
            if (n.kind == ttb::PolicyNotice::Kind::Connected) {
                connectedAt = ttb_test::nowMs();
                lastSeq = -1;
                if (link.sessions() == 1) {
                    std::printf("CONNECTED peer=%s minor=%d after %lld ms\n", link.zmtp().peerSocketType().c_str(),
                                link.zmtp().peerMinorVersion(), static_cast<long long>(connectedAt - start));
                } else {
                    std::printf("RECONNECTED session=%llu %lld ms after the disconnect\n",
                                static_cast<unsigned long long>(link.sessions()),
                                static_cast<long long>(connectedAt - disconnectedAt));
                }
            } else if (n.kind == ttb::PolicyNotice::Kind::Disconnected) {
                disconnectedAt = ttb_test::nowMs();
                std::printf("DISCONNECTED reason=\"%s\" retry=%d after %lld ms connected\n", n.reason.c_str(),
                            n.willRetry ? 1 : 0, static_cast<long long>(disconnectedAt - connectedAt));
                if (opt.watchdog && stopAskedAt >= 0) {
                    std::printf("WATCHDOG after %lld ms interval=%.3f reason=\"%s\"\n",
                                static_cast<long long>(disconnectedAt - stopAskedAt), link.policy().livenessIntervalS(),
                                n.reason.c_str());
                    return 0;
                }
                if (opt.noPong) {
                    std::printf("DROPPED_BY_DAEMON pings=%llu pongs_sent=0 after %lld ms\n",
                                static_cast<unsigned long long>(link.zmtp().counters().pingsIn),
                                static_cast<long long>(disconnectedAt - connectedAt));
                    return 0;
                }
            } else {
                std::printf("RECONNECTING attempt=%d delay=%.2f s reason=\"%s\"\n", n.attempt, n.delayS,
                            n.reason.c_str());
            }
        }
        while (control.popNotice(n)) {
        }

        ttb::ZmtpMessage m;
        while (link.popMessage(m)) {
            if (m.frames.size() != 2) {
                ++decodeErrors;
                continue;
            }
            ++messages;
            if (phase == 2) ++phase2Messages;
            const std::string& topic = m.frames[0];
            const std::string& payload = m.frames[1];
            if (capture.size() < (64u << 20)) {
                appendRecordField(capture, topic);
                appendRecordField(capture, payload);
            }
            const auto* p = reinterpret_cast<const uint8_t*>(payload.data());
            const ttb::DecodeResult res = ttb::decodeEvent(topic, p, payload.size(), checker);
            if (res != ttb::DecodeResult::Ok) {
                ++decodeErrors;
                std::printf("DECODE_ERROR topic=%s: %s\n", topic.c_str(), ttb::decodeResultName(res));
                continue;
            }
            const char* type = ttb::eventTypeName(ttb::eventTypeFromTopic(topic));
            ++counts[type];
            // seq continuity (we subscribe to everything, so every seq arrives)
            ttb::mp::Reader r(p, payload.size());
            ttb::mp::Head h;
            int64_t seq = -1;
            if (r.readHead(h)) {
                for (uint64_t i = 0; i < h.u; ++i) {
                    std::string_view key;
                    bool isStr = false;
                    if (!ttb::mp::readKey(r, key, isStr)) break;
                    if (isStr && key == "seq") {
                        ttb::mp::readInt(r, seq);
                        break;
                    }
                    if (!r.skip()) break;
                }
            }
            if (seq >= 0) {
                if (phase == 2 && firstSeqAfterReconnect == 0) firstSeqAfterReconnect = static_cast<uint64_t>(seq);
                if (lastSeq >= 0 && seq != lastSeq + 1) ++seqGaps;
                lastSeq = seq;
            }
        }

        ttb::ControlReply reply;
        while (control.popReply(reply)) {
            if (reply.ok)
                ++controlOk;
            else
                ++controlFailed;
            std::printf("CONTROL_REPLY id=%u ok=%d code=%s result=%.120s\n", reply.requestId, reply.ok ? 1 : 0,
                        reply.errorCode.c_str(), reply.resultJson.c_str());
        }

        const bool up = link.connected();
        const int64_t upFor = up && connectedAt >= 0 ? ttb_test::nowMs() - connectedAt : 0;
        // Control requests once the subscription has surely reached the daemon.
        if (up && !controlSent && !opt.control.empty() && upFor > 500) {
            controlSent = true;
            const int64_t t = ttb_test::nowMs();
            control.submit(t, ttb::encodeRequestText("ping", {}, "", ""));
            control.submit(t, ttb::encodeRequestMsgpack("status", {}, nullptr, 1, ""));
            control.submit(t, ttb::encodeRequestText("simulate", {"social"}, "{\"action\": 5}", ""));
            ttb::StringPairs gift = {{"giftName", "Galaxy"}, {"giftId", "7934"},  {"diamondCount", "1000"},
                                     {"giftType", "2"},      {"repeatEnd", "true"}, {"user.uniqueId", "e2e_user"},
                                     {"user.nickname", "E2E \xe2\x9c\xa8"}};
            control.submit(t, ttb::encodeRequestMsgpack("simulate", {{"type", "gift"}}, &gift, 2, ""));
            control.submit(t, ttb::encodeRequestText("simulate", {"chat"}, "{\"comment\": \"!jump\"}", ""));
            ttb::StringPairs end = {{"action", "3"}};
            control.submit(t, ttb::encodeRequestMsgpack("simulate", {{"type", "streamEnd"}}, &end, 3, ""));
            control.submit(t, ttb::encodeRequestText("bogus_command", {}, "", ""));  // must get an error reply
        }

        // Types that did not come by themselves (e.g. liveIntro, sent once when the
        // stream starts, before we subscribed): ask the daemon to simulate them.
        if (phase == 1 && up && controlSent && !simulatedMissing && upFor > 3000 && !opt.control.empty()) {
            simulatedMissing = true;
            for (const std::string& t : required) {
                if (counts.count(t) || t == "unknown") continue;
                std::printf("SIMULATE %s (not seen in the stream yet)\n", t.c_str());
                control.submit(ttb_test::nowMs(), ttb::encodeRequestText("simulate", {t}, "", ""));
            }
        }

        if (opt.watchdog) {
            if (up && stopAskedAt < 0 && checker.announcedS > 0.0) {
                std::printf("INTERVAL announced=%.3f used=%.3f\n", checker.announcedS, link.policy().livenessIntervalS());
                std::printf("STOP_ME\n");
                stopAskedAt = ttb_test::nowMs();
            }
            ttb_test::waitReadable(sock, &csock, 10);
            continue;
        }
        if (phase == 1 && up && !opt.noPong) {
            bool all = true;
            for (const std::string& t : required)
                if (!counts.count(t)) all = false;
            const bool controlDone = opt.control.empty() || (controlSent && control.pending() == 0);
            if (all && controlDone && link.sessions() == 1 && upFor >= static_cast<int64_t>(opt.minConnectedS * 1000)) {
                const auto& c = link.zmtp().counters();
                std::printf("STATS messages=%llu types=%zu pings=%llu pongs=%llu seq_gaps=%llu decode_errors=%llu "
                            "control_ok=%d control_failed=%d simulated_gift=%d action=%s connected_ms=%lld\n",
                            static_cast<unsigned long long>(messages), counts.size(),
                            static_cast<unsigned long long>(c.pingsIn), static_cast<unsigned long long>(c.pongsOut),
                            static_cast<unsigned long long>(seqGaps), static_cast<unsigned long long>(decodeErrors),
                            controlOk, controlFailed, checker.sawSimulatedGift ? 1 : 0,
                            checker.actionName.empty() ? "-" : checker.actionName.c_str(),
                            static_cast<long long>(upFor));
                std::string types;
                for (const auto& kv : counts) types += kv.first + "=" + std::to_string(kv.second) + " ";
                std::printf("TYPES %s\n", types.c_str());
                std::printf("PHASE1 OK\n");
                phase = 2;
            }
        }
        if (phase == 2 && link.sessions() >= 2 && phase2Messages >= 20) {
            std::printf("PHASE2 messages=%llu first_seq=%llu\n", static_cast<unsigned long long>(phase2Messages),
                        static_cast<unsigned long long>(firstSeqAfterReconnect));
            std::printf("E2E PASS\n");
            break;
        }
        ttb_test::waitReadable(sock, &csock, 10);
    }
    if (!opt.capture.empty()) {
        FILE* f = std::fopen(opt.capture.c_str(), "wb");
        if (f) {
            std::fwrite(capture.data(), 1, capture.size(), f);
            std::fclose(f);
        }
    }
    if (phase == 2 && link.sessions() >= 2 && phase2Messages >= 20) return decodeErrors ? 1 : 0;
    std::string missing;
    for (const std::string& t : required)
        if (!counts.count(t)) missing += t + " ";
    std::printf("E2E FAIL phase=%d sessions=%llu missing=[%s] messages=%llu pings=%llu pongs=%llu\n", phase,
                static_cast<unsigned long long>(link.sessions()), missing.c_str(),
                static_cast<unsigned long long>(messages),
                static_cast<unsigned long long>(link.zmtp().counters().pingsIn),
                static_cast<unsigned long long>(link.zmtp().counters().pongsOut));
    return 1;
}
