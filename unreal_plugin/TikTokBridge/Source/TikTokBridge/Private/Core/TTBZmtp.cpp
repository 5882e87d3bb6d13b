#include "TTBZmtp.h"

#include <algorithm>
#include <cstring>

namespace ttb {

namespace {

constexpr size_t kGreetingSize = 64;
constexpr uint8_t kFlagMore = 0x01;
constexpr uint8_t kFlagLong = 0x02;
constexpr uint8_t kFlagCommand = 0x04;

bool ttbZmtpEqualsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t k = 0; k < a.size(); ++k) {
        char x = a[k];
        char y = b[k];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

uint64_t ttbZmtpBe64(const uint8_t* p) {
    uint64_t v = 0;
    for (int k = 0; k < 8; ++k) v = (v << 8) | p[k];
    return v;
}

uint32_t ttbZmtpBe32(const uint8_t* p) {
    return (static_cast<uint32_t>(p[0]) << 24) | (static_cast<uint32_t>(p[1]) << 16) |
           (static_cast<uint32_t>(p[2]) << 8) | static_cast<uint32_t>(p[3]);
}

std::string ttbZmtpPrintable(std::string_view s) {
    std::string out;
    for (char c : s) {
        const unsigned char u = static_cast<unsigned char>(c);
        out.push_back(u >= 0x20 && u < 0x7f ? c : '?');
        if (out.size() >= 255) break;
    }
    return out;
}

}  // namespace

const char* zmtpSocketTypeName(ZmtpSocketType type) {
    switch (type) {
        case ZmtpSocketType::Sub: return "SUB";
        case ZmtpSocketType::Req: return "REQ";
        case ZmtpSocketType::Dealer: return "DEALER";
    }
    return "SUB";
}

ZmtpConnection::ZmtpConnection(ZmtpSocketType type, ZmtpLimits limits) : type_(type), limits_(limits) {}

void ZmtpConnection::appendGreeting(std::string& out) {
    // signature: FF, 8 padding bytes, 7F; version 3.1; mechanism "NULL"; as-server 0; filler.
    const size_t start = out.size();
    out.append(kGreetingSize, '\0');
    char* g = &out[start];
    g[0] = static_cast<char>(0xff);
    g[8] = 0x01;  // libzmq's padding is a uint64 1; padding is not significant
    g[9] = 0x7f;
    g[10] = 3;
    g[11] = 1;
    std::memcpy(g + 12, "NULL", 4);
}

void ZmtpConnection::appendFrame(std::string& out, uint8_t flags, std::string_view body) {
    const uint64_t n = body.size();
    if (n <= 255) {
        out.push_back(static_cast<char>(flags & ~kFlagLong));
        out.push_back(static_cast<char>(n));
    } else {
        out.push_back(static_cast<char>(flags | kFlagLong));
        for (int s = 56; s >= 0; s -= 8) out.push_back(static_cast<char>((n >> s) & 0xff));
    }
    out.append(body.data(), body.size());
}

void ZmtpConnection::appendCommand(std::string& out, std::string_view name, std::string_view data) {
    std::string body;
    body.push_back(static_cast<char>(name.size()));
    body.append(name.data(), name.size());
    body.append(data.data(), data.size());
    appendFrame(out, kFlagCommand, body);
}

void ZmtpConnection::appendReady(std::string& out, ZmtpSocketType type) {
    const std::string_view name = "Socket-Type";  // case matters to libzmq
    const std::string_view value = zmtpSocketTypeName(type);
    std::string props;
    props.push_back(static_cast<char>(name.size()));
    props.append(name.data(), name.size());
    const uint32_t vlen = static_cast<uint32_t>(value.size());
    for (int s = 24; s >= 0; s -= 8) props.push_back(static_cast<char>((vlen >> s) & 0xff));
    props.append(value.data(), value.size());
    appendCommand(out, "READY", props);
}

void ZmtpConnection::reset() {
    state_ = State::Idle;
    in_.clear();
    inPos_ = 0;
    out_.clear();
    outPos_ = 0;
    messages_.clear();
    partial_.frames.clear();
    partialBytes_ = 0;
    error_.clear();
    peerError_ = false;
    peerMinor_ = -1;
    peerSocketType_.clear();
    peerProps_.clear();
    lastPingTtl_ = 0;
}

void ZmtpConnection::begin() {
    reset();
    state_ = State::Greeting;
    std::string g;
    appendGreeting(g);
    queueBytes(g);
}

void ZmtpConnection::consume(size_t n) {
    outPos_ += std::min(n, outputSize());
    counters_.bytesOut += n;
    if (outPos_ == out_.size()) {
        out_.clear();
        outPos_ = 0;
    }
}

void ZmtpConnection::queueBytes(const std::string& bytes) {
    if (outPos_ > 0 && outPos_ * 2 >= out_.size()) {
        out_.erase(out_.begin(), out_.begin() + static_cast<std::ptrdiff_t>(outPos_));
        outPos_ = 0;
    }
    out_.insert(out_.end(), bytes.begin(), bytes.end());
}

bool ZmtpConnection::fail(std::string message) {
    if (state_ != State::Failed) {
        state_ = State::Failed;
        error_ = std::move(message);
    }
    return false;
}

void ZmtpConnection::queueSubscription(uint8_t op, std::string_view prefix) {
    std::string body;
    body.push_back(static_cast<char>(op));
    body.append(prefix.data(), prefix.size());
    std::string frame;
    appendFrame(frame, 0, body);
    queueBytes(frame);
}

void ZmtpConnection::subscribe(std::string_view prefix) {
    if (type_ != ZmtpSocketType::Sub) return;
    subscriptions_.emplace_back(prefix);
    if (state_ == State::Ready) queueSubscription(1, prefix);
}

void ZmtpConnection::unsubscribe(std::string_view prefix) {
    if (type_ != ZmtpSocketType::Sub) return;
    auto it = std::find(subscriptions_.begin(), subscriptions_.end(), prefix);
    if (it == subscriptions_.end()) return;
    subscriptions_.erase(it);
    if (state_ == State::Ready) queueSubscription(0, prefix);
}

bool ZmtpConnection::send(const std::vector<std::string>& frames) {
    if (type_ == ZmtpSocketType::Sub || frames.empty()) return false;
    uint64_t total = 0;
    for (const std::string& f : frames) total += f.size();
    if (total > limits_.maxMessageBytes || frames.size() > limits_.maxFramesPerMessage) return false;
    if (state_ != State::Ready) {
        pendingSends_.push_back(frames);
        return true;
    }
    std::string bytes;
    for (size_t k = 0; k < frames.size(); ++k) appendFrame(bytes, k + 1 < frames.size() ? kFlagMore : 0, frames[k]);
    queueBytes(bytes);
    return true;
}

void ZmtpConnection::flushPending() {
    for (const std::string& prefix : subscriptions_) queueSubscription(1, prefix);
    while (!pendingSends_.empty()) {
        std::vector<std::string> frames = std::move(pendingSends_.front());
        pendingSends_.pop_front();
        send(frames);
    }
}

bool ZmtpConnection::popMessage(ZmtpMessage& out) {
    if (messages_.empty()) return false;
    out = std::move(messages_.front());
    messages_.pop_front();
    return true;
}

bool ZmtpConnection::feed(const uint8_t* data, size_t len) {
    if (state_ == State::Failed) return false;
    if (state_ == State::Idle) return fail("bytes received before the session began");
    if (len == 0) return true;
    counters_.bytesIn += len;
    if (inPos_ > 0 && inPos_ * 2 >= in_.size()) {
        in_.erase(in_.begin(), in_.begin() + static_cast<std::ptrdiff_t>(inPos_));
        inPos_ = 0;
    }
    in_.insert(in_.end(), data, data + len);
    if (state_ == State::Greeting && !parseGreeting()) return false;
    if (state_ == State::Greeting) return true;  // need more
    return parseFrames();
}

bool ZmtpConnection::parseGreeting() {
    const size_t have = in_.size() - inPos_;
    const uint8_t* g = in_.data() + inPos_;
    // Validate as early as the bytes allow (libzmq sends its greeting in parts).
    if (have >= 1 && g[0] != 0xff) return fail("peer is not a ZMTP 3 peer (bad signature)");
    if (have >= 10 && (g[9] & 1) == 0) return fail("peer speaks ZMTP 1.0, not 3.x");
    if (have >= 11 && g[10] < 3) return fail("peer speaks ZMTP 2.x, not 3.x");
    if (have >= 32) {
        static const char kNull[20] = {'N', 'U', 'L', 'L'};
        if (std::memcmp(g + 12, kNull, sizeof kNull) != 0) {
            size_t mlen = 0;
            while (mlen < 20 && g[12 + mlen] != 0) ++mlen;
            return fail("peer uses a security mechanism other than NULL (" +
                        ttbZmtpPrintable(std::string_view(reinterpret_cast<const char*>(g + 12), mlen)) + ")");
        }
    }
    if (have < kGreetingSize) return true;
    peerMinor_ = g[11];
    inPos_ += kGreetingSize;
    state_ = State::Handshake;
    std::string ready;
    appendReady(ready, type_);
    queueBytes(ready);
    return true;
}

bool ZmtpConnection::parseFrames() {
    while (state_ == State::Handshake || state_ == State::Ready) {
        const size_t have = in_.size() - inPos_;
        if (have < 2) return true;
        const uint8_t* p = in_.data() + inPos_;
        const uint8_t flags = p[0];
        uint64_t size = 0;
        size_t header = 0;
        if (flags & kFlagLong) {
            if (have < 9) return true;
            size = ttbZmtpBe64(p + 1);
            header = 9;
        } else {
            size = p[1];
            header = 2;
        }
        if (size > limits_.maxFrameBytes) return fail("frame of " + std::to_string(size) + " bytes is over the limit");
        if (have - header < size) return true;  // wait for the rest
        const std::string_view body(reinterpret_cast<const char*>(p + header), static_cast<size_t>(size));
        inPos_ += header + static_cast<size_t>(size);
        ++counters_.framesIn;
        bool ok;
        if (flags & kFlagCommand)
            ok = onCommand(body);
        else
            ok = onDataFrame((flags & kFlagMore) != 0, body);
        if (!ok) return false;
    }
    return state_ != State::Failed;
}

bool ZmtpConnection::onCommand(std::string_view body) {
    if (body.empty()) return fail("empty command frame");
    const size_t nameLen = static_cast<uint8_t>(body[0]);
    if (nameLen == 0 || 1 + nameLen > body.size()) return fail("malformed command frame");
    const std::string_view name = body.substr(1, nameLen);
    const std::string_view data = body.substr(1 + nameLen);

    if (name == "ERROR") {
        std::string reason;
        if (!data.empty()) {
            const size_t rlen = std::min(static_cast<size_t>(static_cast<uint8_t>(data[0])), data.size() - 1);
            reason = ttbZmtpPrintable(data.substr(1, rlen));
        }
        peerError_ = true;
        return fail("peer sent ERROR: " + (reason.empty() ? std::string("(no reason)") : reason));
    }
    if (state_ == State::Handshake) {
        if (name == "READY") return onReady(data);
        ++counters_.unknownCommands;  // anything else before READY is skipped
        return true;
    }
    if (name == "PING") {
        ++counters_.pingsIn;
        // PING: ttl (2 bytes, tenths of a second) then up to 16 bytes of context.
        std::string_view context;
        if (data.size() >= 2) {
            lastPingTtl_ = (static_cast<uint32_t>(static_cast<uint8_t>(data[0])) << 8) | static_cast<uint8_t>(data[1]);
            context = data.substr(2, 16);
        }
        std::string pong;
        appendCommand(pong, "PONG", context);
        queueBytes(pong);
        ++counters_.pongsOut;
        return true;
    }
    // READY is the handshake's, once (the Godot client agrees: tests/vectors).
    if (name == "READY") return fail("a second READY after the handshake");
    // PONG, SUBSCRIBE/CANCEL (not for us), or anything new: skip.
    if (name != "PONG") ++counters_.unknownCommands;
    return true;
}

bool ZmtpConnection::peerTypeCompatible(std::string_view peerType) const {
    switch (type_) {
        case ZmtpSocketType::Sub: return peerType == "PUB" || peerType == "XPUB";
        case ZmtpSocketType::Req: return peerType == "REP" || peerType == "ROUTER";
        case ZmtpSocketType::Dealer: return peerType == "REP" || peerType == "ROUTER" || peerType == "DEALER";
    }
    return false;
}

bool ZmtpConnection::onReady(std::string_view data) {
    peerProps_.clear();
    size_t k = 0;
    while (k < data.size()) {
        const size_t nameLen = static_cast<uint8_t>(data[k]);
        if (nameLen == 0 || k + 1 + nameLen + 4 > data.size()) return fail("malformed READY properties");
        std::string name(data.substr(k + 1, nameLen));
        k += 1 + nameLen;
        const uint32_t valueLen = ttbZmtpBe32(reinterpret_cast<const uint8_t*>(data.data() + k));
        k += 4;
        if (valueLen > data.size() - k) return fail("malformed READY properties");
        std::string value(data.substr(k, valueLen));
        k += valueLen;
        if (ttbZmtpEqualsNoCase(name, "Socket-Type")) peerSocketType_ = value;
        peerProps_.emplace_back(std::move(name), std::move(value));
    }
    if (peerSocketType_.empty()) return fail("READY without Socket-Type");
    if (!peerTypeCompatible(peerSocketType_))
        return fail("peer socket type " + ttbZmtpPrintable(peerSocketType_) + " cannot talk to " +
                    zmtpSocketTypeName(type_));
    state_ = State::Ready;
    flushPending();
    return true;
}

bool ZmtpConnection::onDataFrame(bool more, std::string_view body) {
    if (state_ != State::Ready) return fail("message frame before the handshake completed");
    if (partial_.frames.size() >= limits_.maxFramesPerMessage || partialBytes_ + body.size() > limits_.maxMessageBytes)
        return fail("message too large");
    partial_.frames.emplace_back(body);
    partialBytes_ += body.size();
    if (more) return true;
    // Last frame: the message is complete (messages are atomic).
    if (messages_.size() >= limits_.maxQueuedMessages) {
        ++counters_.messagesDropped;
    } else {
        messages_.push_back(std::move(partial_));
        ++counters_.messagesIn;
    }
    partial_.frames.clear();
    partialBytes_ = 0;
    return true;
}

}  // namespace ttb
