#include <string>
#include <vector>

#include "TTBZmtp.h"
#include "test_util.h"
#include "ttb_test.h"

using ttb::ZmtpConnection;
using ttb::ZmtpMessage;
using ttb::ZmtpSocketType;

namespace {

std::string takeOutput(ZmtpConnection& c) {
    std::string out(reinterpret_cast<const char*>(c.outputData()), c.outputSize());
    c.consume(out.size());
    return out;
}

bool feed(ZmtpConnection& c, const std::string& bytes) {
    return c.feed(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

// What libzmq 4.3.5 sends as a PUB (research notes, verified bytes).
std::string peerGreeting(int minor = 1, const char* mechanism = "NULL") {
    std::string g(64, '\0');
    g[0] = static_cast<char>(0xff);
    g[8] = 1;
    g[9] = 0x7f;
    g[10] = 3;
    g[11] = static_cast<char>(minor);
    for (int k = 0; mechanism[k] && k < 20; ++k) g[12 + k] = mechanism[k];
    return g;
}

std::string readyCommand(const std::string& socketType, bool withIdentity = false) {
    std::string props;
    props.push_back(11);
    props += "Socket-Type";
    props += std::string("\0\0\0", 3);
    props.push_back(static_cast<char>(socketType.size()));
    props += socketType;
    if (withIdentity) {
        props.push_back(8);
        props += "Identity";
        props += std::string("\0\0\0\0", 4);
    }
    std::string out;
    ZmtpConnection::appendCommand(out, "READY", props);
    return out;
}

std::string message(const std::vector<std::string>& frames) {
    std::string out;
    for (size_t k = 0; k < frames.size(); ++k)
        ZmtpConnection::appendFrame(out, k + 1 < frames.size() ? 1 : 0, frames[k]);
    return out;
}

// A SUB connection that completed the handshake with a PUB peer.
void handshake(ZmtpConnection& c) {
    c.begin();
    takeOutput(c);
    feed(c, peerGreeting());
    takeOutput(c);
    feed(c, readyCommand("PUB"));
}

}  // namespace

TTB_TEST(zmtp_greeting_and_ready_bytes) {
    std::string g;
    ZmtpConnection::appendGreeting(g);
    EXPECT_EQ(g.size(), static_cast<size_t>(64));
    EXPECT_EQ(toHex(g.substr(0, 16)), std::string("ff 00 00 00 00 00 00 00 01 7f 03 01 4e 55 4c 4c"));
    EXPECT_EQ(g.substr(16), std::string(48, '\0'));
    std::string ready;
    ZmtpConnection::appendReady(ready, ZmtpSocketType::Sub);
    EXPECT_EQ(ready, hex("04 19 05") + "READY" + hex("0b") + "Socket-Type" + hex("00 00 00 03") + "SUB");
    ready.clear();
    ZmtpConnection::appendReady(ready, ZmtpSocketType::Req);
    EXPECT_EQ(ready, hex("04 19 05") + "READY" + hex("0b") + "Socket-Type" + hex("00 00 00 03") + "REQ");
}

TTB_TEST(zmtp_sub_handshake_in_libzmq_order) {
    ZmtpConnection c(ZmtpSocketType::Sub);
    c.subscribe("");
    c.subscribe("gift/");
    c.begin();
    // Our whole greeting goes out first, before anything arrives.
    EXPECT_EQ(takeOutput(c).size(), static_cast<size_t>(64));
    // libzmq sends 10 signature bytes, then the major version, then the rest.
    const std::string g = peerGreeting();
    EXPECT(feed(c, g.substr(0, 10)));
    EXPECT_EQ(c.outputSize(), static_cast<size_t>(0));
    EXPECT(feed(c, g.substr(10, 1)));
    EXPECT(feed(c, g.substr(11)));
    EXPECT(c.state() == ZmtpConnection::State::Handshake);
    EXPECT_EQ(c.peerMinorVersion(), 1);
    // READY now, but no subscription before the peer's READY.
    std::string ready;
    ZmtpConnection::appendReady(ready, ZmtpSocketType::Sub);
    EXPECT_EQ(takeOutput(c), ready);
    EXPECT(feed(c, readyCommand("PUB")));
    EXPECT(c.ready());
    EXPECT_EQ(c.peerSocketType(), std::string("PUB"));
    EXPECT_EQ(takeOutput(c), hex("00 01 01") + hex("00 06 01") + "gift/");
    // Later subscriptions go out at once; unsubscribe uses 00.
    c.subscribe("chat/");
    c.unsubscribe("gift/");
    EXPECT_EQ(takeOutput(c), hex("00 06 01") + "chat/" + hex("00 06 00") + "gift/");
}

TTB_TEST(zmtp_everything_in_one_read_and_byte_by_byte) {
    const std::string stream = peerGreeting(0) + readyCommand("PUB") + message({"chat/r", "payload"}) +
                               message({"gift/r", std::string(300, 'g')});
    for (int mode = 0; mode < 2; ++mode) {
        ZmtpConnection c(ZmtpSocketType::Sub);
        c.subscribe("");
        c.begin();
        if (mode == 0) {
            EXPECT(feed(c, stream));
        } else {
            for (char ch : stream) EXPECT(feed(c, std::string(1, ch)));
        }
        EXPECT(c.ready());
        EXPECT_EQ(c.peerMinorVersion(), 0);
        ZmtpMessage m;
        REQUIRE(c.popMessage(m));
        REQUIRE(m.frames.size() == 2);
        EXPECT_EQ(m.frames[0], std::string("chat/r"));
        EXPECT_EQ(m.frames[1], std::string("payload"));
        REQUIRE(c.popMessage(m));
        EXPECT_EQ(m.frames[1], std::string(300, 'g'));
        EXPECT(!c.popMessage(m));
    }
}

TTB_TEST(zmtp_long_frame_encoding) {
    std::string out;
    ZmtpConnection::appendFrame(out, 0, std::string(305, 'x'));
    EXPECT_EQ(toHex(out.substr(0, 9)), std::string("02 00 00 00 00 00 00 01 31"));
    out.clear();
    ZmtpConnection::appendFrame(out, 1, std::string(255, 'x'));
    EXPECT_EQ(toHex(out.substr(0, 2)), std::string("01 ff"));
}

TTB_TEST(zmtp_ping_pong_with_context) {
    ZmtpConnection c(ZmtpSocketType::Sub);
    handshake(c);
    takeOutput(c);
    // libzmq: PING ttl 2.0 s, no context
    EXPECT(feed(c, hex("04 07 04 50 49 4e 47 00 14")));
    EXPECT_EQ(takeOutput(c), hex("04 05 04 50 4f 4e 47"));
    EXPECT_EQ(c.lastPingTtlDeciseconds(), 20u);
    // with a context: echoed
    std::string ping;
    ZmtpConnection::appendCommand(ping, "PING", hex("00 0f") + "ctx-123");
    EXPECT(feed(c, ping));
    std::string pong;
    ZmtpConnection::appendCommand(pong, "PONG", "ctx-123");
    EXPECT_EQ(takeOutput(c), pong);
    // a context over 16 bytes is cut to 16
    ping.clear();
    ZmtpConnection::appendCommand(ping, "PING", hex("00 0f") + std::string(40, 'c'));
    EXPECT(feed(c, ping));
    pong.clear();
    ZmtpConnection::appendCommand(pong, "PONG", std::string(16, 'c'));
    EXPECT_EQ(takeOutput(c), pong);
    // a PING too short for a TTL still gets a PONG
    EXPECT(feed(c, hex("04 05 04 50 49 4e 47")));
    EXPECT_EQ(takeOutput(c), hex("04 05 04 50 4f 4e 47"));
    EXPECT_EQ(c.counters().pingsIn, 4u);
    EXPECT_EQ(c.counters().pongsOut, 4u);
}

TTB_TEST(zmtp_unknown_commands_are_skipped) {
    ZmtpConnection c(ZmtpSocketType::Sub);
    handshake(c);
    std::string cmds;
    ZmtpConnection::appendCommand(cmds, "X-FUTURE", "whatever");
    ZmtpConnection::appendCommand(cmds, "SUBSCRIBE", "topic");
    ZmtpConnection::appendCommand(cmds, "PONG", "");
    ZmtpConnection::appendFrame(cmds, 0x06, std::string(1, 4) + "LONG" + std::string(300, 'z'));  // long command
    EXPECT(feed(c, cmds + message({"t", "p"})));
    EXPECT(c.ready());
    ZmtpMessage m;
    EXPECT(c.popMessage(m));
    EXPECT_EQ(c.counters().unknownCommands, 3u);
}

TTB_TEST(zmtp_error_is_fatal) {
    ZmtpConnection c(ZmtpSocketType::Sub);
    c.begin();
    feed(c, peerGreeting());
    std::string err;
    ZmtpConnection::appendCommand(err, "ERROR", hex("03") + "400");
    EXPECT(!feed(c, err));
    EXPECT(c.state() == ZmtpConnection::State::Failed);
    EXPECT(c.peerSentError());
    EXPECT_EQ(c.error(), std::string("peer sent ERROR: 400"));
    EXPECT(!feed(c, "more"));  // stays failed
}

// Protocol violations and the limits: the shared transcripts (test_vectors.cpp).

TTB_TEST(zmtp_router_ready_with_identity_and_req_messages) {
    ZmtpConnection c(ZmtpSocketType::Req);
    // queued before the handshake: goes out after the peer's READY only
    EXPECT(c.send({"", "ping"}));
    c.begin();
    takeOutput(c);
    feed(c, peerGreeting());
    std::string ready;
    ZmtpConnection::appendReady(ready, ZmtpSocketType::Req);
    EXPECT_EQ(takeOutput(c), ready);
    // control.md: daemon -> 04 29 05 READY 0b Socket-Type 00 00 00 06 ROUTER 08 Identity 00 00 00 00
    const std::string routerReady = readyCommand("ROUTER", true);
    EXPECT_EQ(toHex(routerReady.substr(0, 2)), std::string("04 29"));
    EXPECT(feed(c, routerReady));
    EXPECT(c.ready());
    REQUIRE(c.peerProperties().size() == 2);
    EXPECT_EQ(c.peerProperties()[1].first, std::string("Identity"));
    EXPECT_EQ(takeOutput(c), hex("01 00 00 04") + "ping");
    // reply: empty delimiter + msgpack {"ok": true, "result": "pong"}
    const std::string reply = hex("01 00 00 11 82 a2") + "ok" + hex("c3 a6") + "result" + hex("a4") + "pong";
    EXPECT(feed(c, reply));
    ZmtpMessage m;
    REQUIRE(c.popMessage(m));
    REQUIRE(m.frames.size() == 2);
    EXPECT_EQ(m.frames[0], std::string());
    EXPECT_EQ(m.frames[1].size(), static_cast<size_t>(17));
    // SUB cannot send
    ZmtpConnection s(ZmtpSocketType::Sub);
    EXPECT(!s.send({"x"}));
}

TTB_TEST(zmtp_limits) {
    ttb::ZmtpLimits limits;
    limits.maxQueuedMessages = 2;
    limits.maxFramesPerMessage = 3;
    ZmtpConnection c(ZmtpSocketType::Sub, limits);
    handshake(c);
    EXPECT(feed(c, message({"a"}) + message({"b"}) + message({"c"})));
    EXPECT_EQ(c.queuedMessages(), static_cast<size_t>(2));
    EXPECT_EQ(c.counters().messagesDropped, 1u);
    EXPECT(!feed(c, message({"1", "2", "3", "4"})));
    EXPECT(c.state() == ZmtpConnection::State::Failed);
}

TTB_TEST(zmtp_begin_resets_session_and_resubscribes) {
    ZmtpConnection c(ZmtpSocketType::Sub);
    c.subscribe("sys.");
    handshake(c);
    takeOutput(c);
    feed(c, hex("00 05 68 65 6c"));  // half a frame
    c.reset();
    EXPECT(c.state() == ZmtpConnection::State::Idle);
    EXPECT(!feed(c, "x"));  // bytes without a session are an error
    c.begin();
    EXPECT_EQ(takeOutput(c).size(), static_cast<size_t>(64));
    feed(c, peerGreeting());
    takeOutput(c);
    feed(c, readyCommand("XPUB"));
    EXPECT(c.ready());
    EXPECT_EQ(takeOutput(c), hex("00 05 01") + "sys.");
}
