// Link and ControlClient driven by a scripted peer (no sockets).
#include <string>
#include <vector>

#include "TTBControl.h"
#include "TTBLink.h"
#include "test_util.h"
#include "ttb_test.h"

using ttb::Link;
using ttb::PolicyNotice;

namespace {

std::string peerGreeting() {
    std::string g(64, '\0');
    g[0] = static_cast<char>(0xff);
    g[9] = 0x7f;
    g[10] = 3;
    g[11] = 1;
    g[12] = 'N';
    g[13] = 'U';
    g[14] = 'L';
    g[15] = 'L';
    return g;
}

std::string ready(const std::string& type) {
    std::string props;
    props.push_back(11);
    props += "Socket-Type";
    props += std::string("\0\0\0", 3);
    props.push_back(static_cast<char>(type.size()));
    props += type;
    std::string out;
    ttb::ZmtpConnection::appendCommand(out, "READY", props);
    return out;
}

template <typename C>
std::string take(C& c) {
    std::string out(reinterpret_cast<const char*>(c.outputData()), c.outputSize());
    c.consume(out.size());
    return out;
}

template <typename C>
bool give(C& c, int64_t now, const std::string& bytes) {
    return c.onReceived(now, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

std::vector<PolicyNotice> notices(Link& l) {
    std::vector<PolicyNotice> out;
    PolicyNotice n;
    while (l.popNotice(n)) out.push_back(n);
    return out;
}

ttb::LinkConfig subConfig() {
    ttb::LinkConfig c;
    c.type = ttb::ZmtpSocketType::Sub;
    c.subscriptions = {""};
    c.reconnect.backoffBaseS = 0.5;
    c.reconnect.heartbeatIntervalS = 1.0;
    return c;
}

}  // namespace

TTB_TEST(endpoint_parsing) {
    ttb::Endpoint ep;
    std::string err;
    EXPECT(ttb::parseEndpoint("tcp://127.0.0.1:5556", ep, err));
    EXPECT_EQ(ep.host, std::string("127.0.0.1"));
    EXPECT_EQ(ep.port, static_cast<uint16_t>(5556));
    EXPECT(ttb::parseEndpoint(" localhost:5557 ", ep, err));
    EXPECT_EQ(ep.host, std::string("127.0.0.1"));
    EXPECT(ttb::parseEndpoint("tcp://[::1]:6000", ep, err));
    EXPECT_EQ(ep.host, std::string("::1"));
    EXPECT(ttb::parseEndpoint("tcp://bridge.lan:5556", ep, err));
    EXPECT_EQ(ep.host, std::string("bridge.lan"));
    const char* bad[] = {"", "tcp://", "tcp://127.0.0.1", "ipc:///tmp/x", "tcp://*:5556", "tcp://h:0",
                         "tcp://h:65536", "tcp://h:55x6", "tcp://[::1]6000", "tcp://h:123456"};
    for (const char* b : bad) {
        err.clear();
        if (ttb::parseEndpoint(b, ep, err)) ttb_test::fail(__FILE__, __LINE__, std::string("accepted ") + b);
        EXPECT(!err.empty());
    }
}

TTB_TEST(link_full_cycle_with_reconnect) {
    Link link(subConfig());
    EXPECT(link.tick(0) == Link::Io::None);
    link.start(0);
    EXPECT(link.tick(0) == Link::Io::Open);
    EXPECT_EQ(link.outputSize(), static_cast<size_t>(0));  // nothing before the TCP connect
    link.onOpened(5);
    EXPECT_EQ(take(link).size(), static_cast<size_t>(64));
    EXPECT(give(link, 6, peerGreeting()));
    take(link);
    EXPECT(!link.connected());
    EXPECT(give(link, 7, ready("PUB")));
    EXPECT(link.connected());
    EXPECT_EQ(take(link), hex("00 01 01"));
    auto n = notices(link);
    REQUIRE(n.size() == 1);
    EXPECT(n[0].kind == PolicyNotice::Kind::Connected);
    std::string msg;
    ttb::ZmtpConnection::appendFrame(msg, 1, "chat/r");
    ttb::ZmtpConnection::appendFrame(msg, 0, "x");
    EXPECT(give(link, 8, msg));
    ttb::ZmtpMessage m;
    EXPECT(link.popMessage(m));
    // daemon restarts: the socket reports the close
    link.onTransportError(100, "connection closed by the daemon");
    EXPECT(!link.socketOpen());
    n = notices(link);
    REQUIRE(n.size() == 2);
    EXPECT(n[0].kind == PolicyNotice::Kind::Disconnected);
    EXPECT(n[1].kind == PolicyNotice::Kind::Reconnecting);
    const int64_t retry = link.policy().nextAttemptAtMs();
    EXPECT(retry >= 350 && retry <= 600);
    EXPECT(link.tick(retry - 1) == Link::Io::None);
    EXPECT(link.tick(retry) == Link::Io::Open);
    link.onOpened(retry);
    EXPECT_EQ(take(link).size(), static_cast<size_t>(64));
    give(link, retry, peerGreeting() + ready("PUB"));
    EXPECT(link.connected());
    EXPECT_EQ(link.sessions(), 2u);
    EXPECT(take(link).find(hex("00 01 01")) != std::string::npos);  // resubscribed
}

TTB_TEST(link_protocol_error_closes_and_retries) {
    Link link(subConfig());
    link.start(0);
    link.tick(0);
    link.onOpened(0);
    take(link);
    EXPECT(!give(link, 1, "HTTP/1.1 400 Bad Request\r\n"));
    EXPECT(link.tick(2) == Link::Io::Close);
    auto n = notices(link);
    REQUIRE(n.size() == 1);
    EXPECT(n[0].kind == PolicyNotice::Kind::Reconnecting);
    EXPECT_EQ(n[0].reason, std::string("peer is not a ZMTP 3 peer (bad signature)"));
    // ERROR from the peer: fatal, no retry
    Link l2(subConfig());
    l2.start(0);
    l2.tick(0);
    l2.onOpened(0);
    std::string err;
    ttb::ZmtpConnection::appendCommand(err, "ERROR", hex("03") + "400");
    EXPECT(!give(l2, 1, peerGreeting() + err));
    EXPECT(l2.tick(2) == Link::Io::Close);
    EXPECT(!l2.active());
    EXPECT(l2.tick(100000) == Link::Io::None);
}

TTB_TEST(link_stop_closes_socket) {
    Link link(subConfig());
    link.start(0);
    link.tick(0);
    link.onOpened(0);
    give(link, 0, peerGreeting() + ready("PUB"));
    notices(link);
    link.stop("Disconnect() called");
    EXPECT(link.tick(1) == Link::Io::Close);
    EXPECT(link.tick(10000) == Link::Io::None);
    auto n = notices(link);
    REQUIRE(n.size() == 1);
    EXPECT(!n[0].willRetry);
    // and it can start again
    link.start(20000);
    EXPECT(link.tick(20000) == Link::Io::Open);
}

TTB_TEST(link_silence_triggers_reconnect) {
    Link link(subConfig());
    link.start(0);
    link.tick(0);
    link.onOpened(0);
    give(link, 0, peerGreeting() + ready("PUB"));
    EXPECT(link.tick(1500) == Link::Io::None);
    give(link, 1500, hex("04 07 04 50 49 4e 47 00 14"));  // a PING counts as traffic
    EXPECT(link.tick(3400) == Link::Io::None);
    EXPECT(link.tick(3501) == Link::Io::Close);
}

// ------------------------------------------------------------------ control

namespace {

std::string replyFrames(const std::string& body) {
    std::string out;
    ttb::ZmtpConnection::appendFrame(out, 1, "");
    ttb::ZmtpConnection::appendFrame(out, 0, body);
    return out;
}

void connectControl(ttb::ControlClient& c, int64_t t) {
    EXPECT(c.tick(t) == Link::Io::Open);
    c.onOpened(t);
    take(c);
    give(c, t, peerGreeting());
    take(c);
    give(c, t, ready("ROUTER"));
}

}  // namespace

TTB_TEST(control_client_request_reply_in_order) {
    ttb::ControlClientConfig cfg;
    cfg.requestTimeoutS = 2.0;
    ttb::ControlClient c(cfg);
    EXPECT(c.tick(0) == Link::Io::None);  // idle: no connection
    const uint32_t a = c.submit(0, "ping");
    const uint32_t b = c.submit(0, ttb::encodeRequestMsgpack("status", {}, nullptr, 7, ""));
    EXPECT(a != b);
    connectControl(c, 1);
    c.tick(2);
    // one request in flight, REQ framing
    EXPECT_EQ(take(c), hex("01 00 00 04") + "ping");
    c.tick(3);
    EXPECT_EQ(c.outputSize(), static_cast<size_t>(0));
    give(c, 4, replyFrames(hex("82 a2") + "ok" + hex("c3 a6") + "result" + hex("a4") + "pong"));
    ttb::ControlReply r;
    REQUIRE(c.popReply(r));
    EXPECT_EQ(r.requestId, a);
    EXPECT(r.ok);
    EXPECT_EQ(r.resultJson, std::string("\"pong\""));
    // the second goes out after the first reply
    const std::string second = take(c);
    EXPECT(second.size() > 4);
    give(c, 5,
         replyFrames(hex("83 a2") + "ok" + hex("c2 a2") + "id" + hex("07 a5") + "error" + hex("82 a4") + "code" +
                     hex("af") + "unknown_command" + hex("a7") + "message" + hex("a3") + "bad"));
    REQUIRE(c.popReply(r));
    EXPECT_EQ(r.requestId, b);
    EXPECT(!r.ok);
    EXPECT(r.hasId);
    EXPECT_EQ(r.id, static_cast<int64_t>(7));
    EXPECT_EQ(r.errorCode, std::string("unknown_command"));
    EXPECT_EQ(r.errorMessage, std::string("bad"));
}

TTB_TEST(control_client_timeout_and_unreachable) {
    ttb::ControlClientConfig cfg;
    cfg.requestTimeoutS = 1.0;
    ttb::ControlClient c(cfg);
    const uint32_t id = c.submit(0, "ping");
    connectControl(c, 0);
    c.tick(10);
    take(c);
    c.tick(1011);  // no reply within the timeout: failed, connection dropped (REQ is stuck)
    ttb::ControlReply r;
    REQUIRE(c.popReply(r));
    EXPECT_EQ(r.requestId, id);
    EXPECT_EQ(r.errorCode, std::string("timeout"));
    EXPECT(c.tick(1012) == Link::Io::Close);

    ttb::ControlClient d(cfg);
    d.submit(0, "ping");
    EXPECT(d.tick(0) == Link::Io::Open);
    d.onTransportError(1, "connect failed: Connection refused");
    d.tick(1002);
    REQUIRE(d.popReply(r));
    EXPECT_EQ(r.errorCode, std::string("unreachable"));
    EXPECT(!d.link().active());  // idle again: stops retrying
}

TTB_TEST(control_client_disconnect_fails_in_flight) {
    ttb::ControlClientConfig cfg;
    ttb::ControlClient c(cfg);
    c.submit(0, "simulate gift");
    connectControl(c, 0);
    c.tick(1);
    take(c);
    c.onTransportError(2, "connection closed by the daemon");
    c.tick(3);
    ttb::ControlReply r;
    REQUIRE(c.popReply(r));
    EXPECT_EQ(r.errorCode, std::string("disconnected"));
}
