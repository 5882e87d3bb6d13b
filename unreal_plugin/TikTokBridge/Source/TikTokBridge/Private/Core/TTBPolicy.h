// Reconnect and liveness policy as a plain state machine: the caller passes the
// time in (milliseconds, any monotonic origin) and gets told when to open or
// close the connection. No clocks, no threads, deterministic for a given seed.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <utility>

#include "TTBContract.h"

namespace ttb {

struct ReconnectConfig {
    bool autoReconnect = true;
    int maxAttempts = 0;             // consecutive failed attempts before giving up; 0 = never give up
    double backoffBaseS = 0.5;       // retry n waits min(cap, base*2^(n-1)), jittered to 50..100 %
    double backoffCapS = 3.0;        // a few seconds: the daemon is usually local
    double connectTimeoutS = 5.0;    // TCP connect
    double handshakeTimeoutS = 5.0;  // greeting + READY exchange
    // The daemon publishes sys.heartbeat every heartbeatIntervalS (and libzmq
    // PINGs): no bytes at all for contract::kLivenessIntervals intervals means the
    // link is dead. 0 = off. Once a heartbeat announced the daemon's own interval
    // (onHeartbeatInterval), that one counts instead.
    double heartbeatIntervalS = contract::kHeartbeatInterval;
};

// Small deterministic PRNG (xorshift64*) for the jitter.
class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed ? seed : 0x9e3779b97f4a7c15ull) {}
    uint64_t next();
    double unit();  // [0, 1)
private:
    uint64_t state_;
};

struct PolicyNotice {
    enum class Kind : uint8_t { Connected, Disconnected, Reconnecting };
    Kind kind = Kind::Connected;
    std::string reason;      // Disconnected / Reconnecting: why
    bool willRetry = false;  // Disconnected: a retry follows
    int attempt = 0;         // Reconnecting: 1 for the first retry
    double delayS = 0.0;     // Reconnecting: seconds until that retry
};

class ReconnectPolicy {
public:
    enum class Phase : uint8_t { Stopped, Waiting, Connecting, Handshaking, Connected, GaveUp };
    enum class Action : uint8_t { None, Open, Close };

    ReconnectPolicy(ReconnectConfig config, uint64_t seed);

    void setConfig(const ReconnectConfig& config) { config_ = config; }
    const ReconnectConfig& config() const { return config_; }

    void start(int64_t nowMs);  // connect as soon as tick() is called
    void stop(const std::string& reason = "stopped");  // no more attempts

    // Open: open a connection now. Close: the current connection timed out or
    // went silent; close it (a retry is already scheduled, see notices).
    Action tick(int64_t nowMs);

    void onOpened(int64_t nowMs);         // TCP connected
    void onHandshakeDone(int64_t nowMs);  // peer READY received: connected
    void onTraffic(int64_t nowMs);        // any bytes from the peer
    // The interval a sys.heartbeat announced (its `interval`, seconds). Kept across
    // reconnects; a value that is not a finite positive number is ignored.
    void onHeartbeatInterval(double seconds);
    // The interval the liveness check uses: the announced one once seen, else the
    // configured one; 0 when the check is off (heartbeatIntervalS == 0).
    double livenessIntervalS() const;
    // The connection failed or was lost. fatal: never retry (peer sent ERROR).
    void onFailure(int64_t nowMs, const std::string& reason, bool fatal = false);

    bool popNotice(PolicyNotice& out);

    Phase phase() const { return phase_; }
    bool connectionOpen() const {
        return phase_ == Phase::Connecting || phase_ == Phase::Handshaking || phase_ == Phase::Connected;
    }
    int attempt() const { return attempt_; }
    int64_t nextAttemptAtMs() const { return nextAtMs_; }
    int64_t lastTrafficMs() const { return lastTrafficMs_; }
    const std::string& lastReason() const { return lastReason_; }

    // The jittered delay before retry `attempt` (>= 1), in seconds; consumes randomness.
    double backoffDelayS(int attempt);

private:
    void failAndSchedule(int64_t nowMs, const std::string& reason, bool fatal);
    void push(PolicyNotice notice) { notices_.push_back(std::move(notice)); }

    ReconnectConfig config_;
    Rng rng_;
    Phase phase_ = Phase::Stopped;
    int attempt_ = 0;
    int64_t phaseSinceMs_ = 0;
    int64_t nextAtMs_ = 0;
    int64_t lastTrafficMs_ = 0;
    double announcedIntervalS_ = 0.0;
    std::string lastReason_;
    std::deque<PolicyNotice> notices_;
};

const char* phaseName(ReconnectPolicy::Phase phase);

}  // namespace ttb
