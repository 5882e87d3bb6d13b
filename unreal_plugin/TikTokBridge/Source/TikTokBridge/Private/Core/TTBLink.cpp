#include "TTBLink.h"

#include "TTBContract.h"

namespace ttb {

bool parseEndpoint(std::string_view text, Endpoint& out, std::string& error) {
    out = Endpoint();
    std::string_view s = text;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    const size_t scheme = s.find("://");
    if (scheme != std::string_view::npos) {
        const std::string_view name = s.substr(0, scheme);
        if (name != "tcp") {
            error = "only tcp:// endpoints are supported, not " + std::string(name) + "://";
            return false;
        }
        s.remove_prefix(scheme + 3);
    }
    std::string_view host;
    std::string_view port;
    if (!s.empty() && s.front() == '[') {
        const size_t close = s.find(']');
        if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != ':') {
            error = "bad IPv6 endpoint, expected tcp://[address]:port";
            return false;
        }
        host = s.substr(1, close - 1);
        port = s.substr(close + 2);
    } else {
        const size_t colon = s.rfind(':');
        if (colon == std::string_view::npos) {
            error = "endpoint needs a port, e.g. " TTB_PUBLISHER_ENDPOINT;
            return false;
        }
        host = s.substr(0, colon);
        port = s.substr(colon + 1);
    }
    if (host.empty() || host == "*") {
        error = "endpoint needs a host to connect to, e.g. " TTB_PUBLISHER_ENDPOINT;
        return false;
    }
    if (port.empty() || port.size() > 5) {
        error = "bad port in endpoint";
        return false;
    }
    uint32_t value = 0;
    for (char c : port) {
        if (c < '0' || c > '9') {
            error = "bad port in endpoint";
            return false;
        }
        value = value * 10 + static_cast<uint32_t>(c - '0');
    }
    if (value == 0 || value > 65535) {
        error = "port out of range in endpoint";
        return false;
    }
    out.host = host == "localhost" ? std::string("127.0.0.1") : std::string(host);
    out.port = static_cast<uint16_t>(value);
    return true;
}

Link::Link(const LinkConfig& config)
    : zmtp_(config.type, config.limits), policy_(config.reconnect, config.seed) {
    for (const std::string& prefix : config.subscriptions) zmtp_.subscribe(prefix);
}

void Link::start(int64_t nowMs) {
    if (active() && policy_.phase() != ReconnectPolicy::Phase::Waiting) return;  // already running
    policy_.start(nowMs);
}

void Link::stop(const std::string& reason) {
    policy_.stop(reason);
    if (socketOpen_) closePending_ = true;
}

void Link::drop(int64_t nowMs, const std::string& reason) {
    if (!socketOpen_) return;
    policy_.onFailure(nowMs, reason);
    closePending_ = true;
}

Link::Io Link::tick(int64_t nowMs) {
    if (closePending_) {
        closePending_ = false;
        if (socketOpen_) {
            socketOpen_ = false;
            zmtp_.reset();
            return Io::Close;
        }
    }
    switch (policy_.tick(nowMs)) {
        case ReconnectPolicy::Action::Open:
            zmtp_.reset();
            socketOpen_ = true;
            return Io::Open;
        case ReconnectPolicy::Action::Close:
            zmtp_.reset();
            if (socketOpen_) {
                socketOpen_ = false;
                return Io::Close;
            }
            return Io::None;
        case ReconnectPolicy::Action::None: break;
    }
    return Io::None;
}

void Link::onOpened(int64_t nowMs) {
    if (!socketOpen_) return;
    policy_.onOpened(nowMs);
    zmtp_.begin();
}

bool Link::onReceived(int64_t nowMs, const uint8_t* data, size_t len) {
    if (!socketOpen_ || closePending_) return false;
    policy_.onTraffic(nowMs);
    const bool wasReady = zmtp_.ready();
    if (!zmtp_.feed(data, len)) {
        policy_.onFailure(nowMs, zmtp_.error(), zmtp_.peerSentError());
        closePending_ = true;
        return false;
    }
    if (!wasReady && zmtp_.ready()) {
        ++sessions_;
        policy_.onHandshakeDone(nowMs);
    }
    return true;
}

void Link::onTransportError(int64_t nowMs, const std::string& reason) {
    if (!socketOpen_) return;
    socketOpen_ = false;
    closePending_ = false;
    zmtp_.reset();
    policy_.onFailure(nowMs, reason);
}

}  // namespace ttb
