// A ZMTP connection plus its reconnect policy, behind a small driver interface.
// The driver (FSocket in Unreal, POSIX sockets in the tests) only moves bytes:
//
//   each frame / loop iteration, with the current monotonic time in ms:
//     switch (link.tick(now)) { Open: start a non-blocking TCP connect; Close: close it }
//     when the TCP connect completes:   link.onOpened(now)
//     when it fails, or the peer closes, or a read/write fails:
//                                       close it; link.onTransportError(now, why)
//     bytes read:                       link.onReceived(now, data, n)
//     while (link.outputSize())         write; link.consume(written)
//     then: link.popNotice(...), link.popMessage(...)
//
// After tick() returns Close the driver closes the socket and reports nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "TTBPolicy.h"
#include "TTBZmtp.h"

namespace ttb {

struct Endpoint {
    std::string host;
    uint16_t port = 0;
};

// Parses "tcp://host:port" (also "host:port" and "tcp://[v6addr]:port").
// "localhost" becomes 127.0.0.1 because the daemon binds IPv4 loopback.
bool parseEndpoint(std::string_view text, Endpoint& out, std::string& error);

struct LinkConfig {
    ZmtpSocketType type = ZmtpSocketType::Sub;
    ReconnectConfig reconnect;
    ZmtpLimits limits;
    std::vector<std::string> subscriptions;  // SUB only
    uint64_t seed = 1;                       // jitter seed
};

class Link {
public:
    enum class Io : uint8_t { None, Open, Close };

    explicit Link(const LinkConfig& config);

    void start(int64_t nowMs);
    // Stops (no more retries); the next tick() returns Close if a socket is open.
    void stop(const std::string& reason);
    // Drops the current connection and schedules a retry (e.g. a stuck request).
    void drop(int64_t nowMs, const std::string& reason);

    Io tick(int64_t nowMs);
    void onOpened(int64_t nowMs);
    // False when the bytes broke the protocol (the next tick() returns Close).
    bool onReceived(int64_t nowMs, const uint8_t* data, size_t len);
    void onTransportError(int64_t nowMs, const std::string& reason);

    const uint8_t* outputData() const { return zmtp_.outputData(); }
    size_t outputSize() const { return socketOpen_ ? zmtp_.outputSize() : 0; }
    void consume(size_t n) { zmtp_.consume(n); }

    bool popMessage(ZmtpMessage& out) { return zmtp_.popMessage(out); }
    bool popNotice(PolicyNotice& out) { return policy_.popNotice(out); }

    bool connected() const { return policy_.phase() == ReconnectPolicy::Phase::Connected && zmtp_.ready(); }
    bool socketOpen() const { return socketOpen_; }
    bool active() const {
        return policy_.phase() != ReconnectPolicy::Phase::Stopped && policy_.phase() != ReconnectPolicy::Phase::GaveUp;
    }
    uint64_t sessions() const { return sessions_; }

    ZmtpConnection& zmtp() { return zmtp_; }
    const ZmtpConnection& zmtp() const { return zmtp_; }
    ReconnectPolicy& policy() { return policy_; }
    const ReconnectPolicy& policy() const { return policy_; }

private:
    ZmtpConnection zmtp_;
    ReconnectPolicy policy_;
    bool socketOpen_ = false;
    bool closePending_ = false;
    uint64_t sessions_ = 0;
};

}  // namespace ttb
