#include <cmath>
#include <string>
#include <vector>

#include "TTBPolicy.h"
#include "ttb_test.h"

using ttb::PolicyNotice;
using ttb::ReconnectConfig;
using ttb::ReconnectPolicy;

namespace {

std::vector<PolicyNotice> drain(ReconnectPolicy& p) {
    std::vector<PolicyNotice> out;
    PolicyNotice n;
    while (p.popNotice(n)) out.push_back(n);
    return out;
}

ReconnectConfig config() {
    ReconnectConfig c;
    c.backoffBaseS = 1.0;
    c.backoffCapS = 30.0;
    c.connectTimeoutS = 3.0;
    c.handshakeTimeoutS = 2.0;
    c.heartbeatIntervalS = 1.0;
    return c;
}

// start -> open -> handshake done, at t.
void connect(ReconnectPolicy& p, int64_t t) {
    p.start(t);
    EXPECT(p.tick(t) == ReconnectPolicy::Action::Open);
    p.onOpened(t);
    p.onHandshakeDone(t);
}

}  // namespace

TTB_TEST(policy_connects_at_once_and_reports) {
    ReconnectPolicy p(config(), 1);
    EXPECT(p.tick(0) == ReconnectPolicy::Action::None);  // not started
    p.start(1000);
    EXPECT(p.tick(1000) == ReconnectPolicy::Action::Open);
    EXPECT(p.phase() == ReconnectPolicy::Phase::Connecting);
    EXPECT(p.tick(1001) == ReconnectPolicy::Action::None);
    p.onOpened(1010);
    EXPECT(p.phase() == ReconnectPolicy::Phase::Handshaking);
    p.onHandshakeDone(1020);
    const auto notices = drain(p);
    REQUIRE(notices.size() == 1);
    EXPECT(notices[0].kind == PolicyNotice::Kind::Connected);
}

TTB_TEST(policy_timeouts_in_each_phase) {
    ReconnectPolicy p(config(), 1);
    p.start(0);
    EXPECT(p.tick(0) == ReconnectPolicy::Action::Open);
    EXPECT(p.tick(2999) == ReconnectPolicy::Action::None);
    EXPECT(p.tick(3000) == ReconnectPolicy::Action::Close);  // connect timeout
    auto n = drain(p);
    REQUIRE(n.size() == 1);
    EXPECT(n[0].kind == PolicyNotice::Kind::Reconnecting);
    EXPECT_EQ(n[0].attempt, 1);
    EXPECT_EQ(n[0].reason, std::string("connect timed out"));
    EXPECT(n[0].delayS >= 0.5 && n[0].delayS <= 1.0);
    const int64_t retryAt = p.nextAttemptAtMs();
    EXPECT(p.tick(retryAt - 1) == ReconnectPolicy::Action::None);
    EXPECT(p.tick(retryAt) == ReconnectPolicy::Action::Open);
    p.onOpened(retryAt);
    EXPECT(p.tick(retryAt + 2000) == ReconnectPolicy::Action::Close);  // handshake timeout
    n = drain(p);
    REQUIRE(n.size() == 1);
    EXPECT_EQ(n[0].attempt, 2);
    EXPECT(n[0].delayS >= 1.0 && n[0].delayS <= 2.0);
}

TTB_TEST(policy_silence_for_two_heartbeats_reconnects) {
    ReconnectPolicy p(config(), 1);
    connect(p, 0);
    drain(p);
    p.onTraffic(500);
    EXPECT(p.tick(2500) == ReconnectPolicy::Action::None);  // exactly 2 intervals: still fine
    p.onTraffic(2400);
    EXPECT(p.tick(4400) == ReconnectPolicy::Action::None);
    EXPECT(p.tick(4401) == ReconnectPolicy::Action::Close);
    const auto n = drain(p);
    REQUIRE(n.size() == 2);
    EXPECT(n[0].kind == PolicyNotice::Kind::Disconnected);
    EXPECT(n[0].willRetry);
    EXPECT_EQ(n[0].reason, std::string("no traffic from the daemon for 2.0 s"));
    EXPECT(n[1].kind == PolicyNotice::Kind::Reconnecting);
    EXPECT_EQ(n[1].attempt, 1);
}

TTB_TEST(policy_heartbeat_zero_disables_liveness) {
    ReconnectConfig c = config();
    c.heartbeatIntervalS = 0.0;
    ReconnectPolicy p(c, 1);
    connect(p, 0);
    EXPECT(p.tick(100000000) == ReconnectPolicy::Action::None);
}

TTB_TEST(policy_follows_the_announced_heartbeat_interval) {
    ReconnectPolicy p(ReconnectConfig(), 1);  // the contract's default interval
    EXPECT(p.livenessIntervalS() == ttb::contract::kHeartbeatInterval);
    for (double bad : {0.0, -1.0, std::nan(""), HUGE_VAL, -HUGE_VAL}) p.onHeartbeatInterval(bad);
    EXPECT(p.livenessIntervalS() == ttb::contract::kHeartbeatInterval);  // hostile values change nothing
    p.onHeartbeatInterval(0.25);
    EXPECT(p.livenessIntervalS() == 0.25);
    connect(p, 0);
    drain(p);
    EXPECT(p.tick(500) == ReconnectPolicy::Action::None);  // 2 announced intervals
    EXPECT(p.tick(501) == ReconnectPolicy::Action::Close);
    // Kept across the reconnect, and off stays off.
    const int64_t retryAt = p.nextAttemptAtMs();
    EXPECT(p.tick(retryAt) == ReconnectPolicy::Action::Open);
    p.onOpened(retryAt);
    p.onHandshakeDone(retryAt);
    EXPECT(p.tick(retryAt + 501) == ReconnectPolicy::Action::Close);
    ReconnectConfig off;
    off.heartbeatIntervalS = 0.0;
    p.setConfig(off);
    EXPECT(p.livenessIntervalS() == 0.0);
}

TTB_TEST(policy_backoff_doubles_caps_and_jitters) {
    ReconnectConfig c = config();
    c.backoffBaseS = 0.5;
    c.backoffCapS = 8.0;
    ReconnectPolicy p(c, 42);
    for (int attempt = 1; attempt <= 12; ++attempt) {
        const double d = std::fmin(8.0, 0.5 * std::pow(2.0, attempt - 1));
        for (int k = 0; k < 50; ++k) {
            const double delay = p.backoffDelayS(attempt);
            EXPECT(delay >= d * 0.5 && delay <= d);
        }
    }
    // deterministic per seed, different across seeds
    ReconnectPolicy a(c, 7), b(c, 7), other(c, 8);
    bool anyDifferent = false;
    for (int k = 0; k < 20; ++k) {
        const double x = a.backoffDelayS(3);
        EXPECT_EQ(x, b.backoffDelayS(3));
        if (x != other.backoffDelayS(3)) anyDifferent = true;
    }
    EXPECT(anyDifferent);
}

TTB_TEST(policy_attempts_reset_after_success) {
    ReconnectPolicy p(config(), 3);
    p.start(0);
    int64_t t = 0;
    for (int k = 0; k < 3; ++k) {
        EXPECT(p.tick(t) == ReconnectPolicy::Action::Open);
        p.onFailure(t, "connection refused");
        t = p.nextAttemptAtMs();
    }
    EXPECT_EQ(p.attempt(), 3);
    EXPECT(p.tick(t) == ReconnectPolicy::Action::Open);
    p.onOpened(t);
    p.onHandshakeDone(t);
    EXPECT_EQ(p.attempt(), 0);
    drain(p);
    p.onFailure(t + 10, "connection closed by the daemon");
    const auto n = drain(p);
    REQUIRE(n.size() == 2);
    EXPECT(n[0].kind == PolicyNotice::Kind::Disconnected);
    EXPECT_EQ(n[1].attempt, 1);
}

TTB_TEST(policy_gives_up_after_max_attempts) {
    ReconnectConfig c = config();
    c.maxAttempts = 2;
    ReconnectPolicy p(c, 1);
    p.start(0);
    int64_t t = 0;
    for (int k = 0; k < 3; ++k) {
        EXPECT(p.tick(t) == ReconnectPolicy::Action::Open);
        p.onFailure(t, "connection refused");
        t = p.nextAttemptAtMs();
    }
    EXPECT(p.phase() == ReconnectPolicy::Phase::GaveUp);
    EXPECT(p.tick(t + 100000) == ReconnectPolicy::Action::None);
    const auto n = drain(p);
    REQUIRE(n.size() == 3);  // Reconnecting 1, Reconnecting 2, Disconnected (final)
    EXPECT(n[2].kind == PolicyNotice::Kind::Disconnected);
    EXPECT(!n[2].willRetry);
    EXPECT_EQ(n[2].reason, std::string("connection refused (gave up after 2 retries)"));
}

TTB_TEST(policy_no_auto_reconnect_and_fatal) {
    ReconnectConfig c = config();
    c.autoReconnect = false;
    ReconnectPolicy p(c, 1);
    connect(p, 0);
    drain(p);
    p.onFailure(10, "connection closed by the daemon");
    EXPECT(p.phase() == ReconnectPolicy::Phase::Stopped);
    auto n = drain(p);
    REQUIRE(n.size() == 1);
    EXPECT(!n[0].willRetry);

    ReconnectPolicy q(config(), 1);
    connect(q, 0);
    drain(q);
    q.onFailure(10, "peer sent ERROR: 400", true);
    EXPECT(q.phase() == ReconnectPolicy::Phase::Stopped);
    n = drain(q);
    REQUIRE(n.size() == 1);
    EXPECT(!n[0].willRetry);
}

TTB_TEST(policy_stop_reports_disconnect_once) {
    ReconnectPolicy p(config(), 1);
    connect(p, 0);
    drain(p);
    p.stop("Disconnect() called");
    p.onFailure(5, "late socket error");  // ignored: nothing open any more
    const auto n = drain(p);
    REQUIRE(n.size() == 1);
    EXPECT(n[0].kind == PolicyNotice::Kind::Disconnected);
    EXPECT_EQ(n[0].reason, std::string("Disconnect() called"));
    EXPECT(p.tick(1000000) == ReconnectPolicy::Action::None);
}
