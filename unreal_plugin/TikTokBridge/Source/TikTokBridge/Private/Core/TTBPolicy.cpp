#include "TTBPolicy.h"

#include "TTBMsgPack.h"

#include <cmath>

namespace ttb {

namespace {
int64_t ttbPolicyMs(double seconds) {
    if (!(seconds > 0.0)) return 0;
    if (seconds > 1.0e9) return static_cast<int64_t>(1.0e12);
    return static_cast<int64_t>(seconds * 1000.0 + 0.5);
}

std::string ttbPolicySeconds(double s) { return mp::formatDouble(s, 1, true); }
}  // namespace

uint64_t Rng::next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 0x2545f4914f6cdd1dull;
}

double Rng::unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

const char* phaseName(ReconnectPolicy::Phase phase) {
    switch (phase) {
        case ReconnectPolicy::Phase::Stopped: return "stopped";
        case ReconnectPolicy::Phase::Waiting: return "waiting";
        case ReconnectPolicy::Phase::Connecting: return "connecting";
        case ReconnectPolicy::Phase::Handshaking: return "handshaking";
        case ReconnectPolicy::Phase::Connected: return "connected";
        case ReconnectPolicy::Phase::GaveUp: return "gave up";
    }
    return "?";
}

ReconnectPolicy::ReconnectPolicy(ReconnectConfig config, uint64_t seed) : config_(config), rng_(seed) {}

void ReconnectPolicy::start(int64_t nowMs) {
    phase_ = Phase::Waiting;
    attempt_ = 0;
    nextAtMs_ = nowMs;
    phaseSinceMs_ = nowMs;
    lastReason_.clear();
}

void ReconnectPolicy::stop(const std::string& reason) {
    if (phase_ == Phase::Connected) {
        PolicyNotice n;
        n.kind = PolicyNotice::Kind::Disconnected;
        n.reason = reason;
        n.willRetry = false;
        push(std::move(n));
    }
    lastReason_ = reason;
    phase_ = Phase::Stopped;
}

double ReconnectPolicy::backoffDelayS(int attempt) {
    const double base = config_.backoffBaseS > 0.0 ? config_.backoffBaseS : 0.0;
    const double cap = config_.backoffCapS > base ? config_.backoffCapS : base;
    const int exponent = attempt < 1 ? 0 : (attempt > 40 ? 40 : attempt - 1);
    double d = base * std::ldexp(1.0, exponent);
    if (d > cap) d = cap;
    return d * (0.5 + 0.5 * rng_.unit());
}

ReconnectPolicy::Action ReconnectPolicy::tick(int64_t nowMs) {
    switch (phase_) {
        case Phase::Waiting:
            if (nowMs >= nextAtMs_) {
                phase_ = Phase::Connecting;
                phaseSinceMs_ = nowMs;
                lastTrafficMs_ = nowMs;
                return Action::Open;
            }
            return Action::None;
        case Phase::Connecting:
            if (nowMs - phaseSinceMs_ >= ttbPolicyMs(config_.connectTimeoutS) && config_.connectTimeoutS > 0.0) {
                failAndSchedule(nowMs, "connect timed out", false);
                return Action::Close;
            }
            return Action::None;
        case Phase::Handshaking:
            if (nowMs - phaseSinceMs_ >= ttbPolicyMs(config_.handshakeTimeoutS) && config_.handshakeTimeoutS > 0.0) {
                failAndSchedule(nowMs, "ZMTP handshake timed out", false);
                return Action::Close;
            }
            return Action::None;
        case Phase::Connected:
            if (livenessIntervalS() > 0.0 &&
                nowMs - lastTrafficMs_ >
                    static_cast<int64_t>(contract::kLivenessIntervals) * ttbPolicyMs(livenessIntervalS())) {
                failAndSchedule(nowMs,
                                "no traffic from the daemon for " +
                                    ttbPolicySeconds(static_cast<double>(nowMs - lastTrafficMs_) / 1000.0) + " s",
                                false);
                return Action::Close;
            }
            return Action::None;
        case Phase::Stopped:
        case Phase::GaveUp: return Action::None;
    }
    return Action::None;
}

void ReconnectPolicy::onOpened(int64_t nowMs) {
    if (phase_ != Phase::Connecting) return;
    phase_ = Phase::Handshaking;
    phaseSinceMs_ = nowMs;
    lastTrafficMs_ = nowMs;
}

void ReconnectPolicy::onHandshakeDone(int64_t nowMs) {
    if (phase_ != Phase::Handshaking) return;
    phase_ = Phase::Connected;
    phaseSinceMs_ = nowMs;
    lastTrafficMs_ = nowMs;
    attempt_ = 0;
    PolicyNotice n;
    n.kind = PolicyNotice::Kind::Connected;
    push(std::move(n));
}

void ReconnectPolicy::onTraffic(int64_t nowMs) {
    if (nowMs > lastTrafficMs_) lastTrafficMs_ = nowMs;
}

void ReconnectPolicy::onHeartbeatInterval(double seconds) {
    if (std::isfinite(seconds) && seconds > 0.0) announcedIntervalS_ = seconds;
}

double ReconnectPolicy::livenessIntervalS() const {
    if (!(config_.heartbeatIntervalS > 0.0)) return 0.0;
    return announcedIntervalS_ > 0.0 ? announcedIntervalS_ : config_.heartbeatIntervalS;
}

void ReconnectPolicy::onFailure(int64_t nowMs, const std::string& reason, bool fatal) {
    if (!connectionOpen()) return;  // nothing was open: stale report
    failAndSchedule(nowMs, reason, fatal);
}

void ReconnectPolicy::failAndSchedule(int64_t nowMs, const std::string& reason, bool fatal) {
    const bool wasConnected = phase_ == Phase::Connected;
    lastReason_ = reason;
    ++attempt_;
    const bool retry = !fatal && config_.autoReconnect && (config_.maxAttempts <= 0 || attempt_ <= config_.maxAttempts);
    if (wasConnected || !retry) {
        PolicyNotice n;
        n.kind = PolicyNotice::Kind::Disconnected;
        n.reason = (!retry && !wasConnected && !fatal && config_.autoReconnect)
                       ? reason + " (gave up after " + std::to_string(attempt_ - 1) + " retries)"
                       : reason;
        n.willRetry = retry;
        push(std::move(n));
    }
    if (!retry) {
        phase_ = (fatal || !config_.autoReconnect) ? Phase::Stopped : Phase::GaveUp;
        return;
    }
    const double delay = backoffDelayS(attempt_);
    phase_ = Phase::Waiting;
    phaseSinceMs_ = nowMs;
    nextAtMs_ = nowMs + ttbPolicyMs(delay);
    PolicyNotice n;
    n.kind = PolicyNotice::Kind::Reconnecting;
    n.reason = reason;
    n.attempt = attempt_;
    n.delayS = delay;
    push(std::move(n));
}

bool ReconnectPolicy::popNotice(PolicyNotice& out) {
    if (notices_.empty()) return false;
    out = std::move(notices_.front());
    notices_.pop_front();
    return true;
}

}  // namespace ttb
