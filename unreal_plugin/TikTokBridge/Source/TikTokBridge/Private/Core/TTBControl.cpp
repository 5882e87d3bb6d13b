#include "TTBControl.h"

#include <cstdlib>

namespace ttb {

namespace {

bool ttbCtlIsInteger(std::string_view s, int64_t& out) {
    size_t k = 0;
    bool negative = false;
    if (k < s.size() && s[k] == '-') {
        negative = true;
        ++k;
    }
    if (k >= s.size()) return false;
    if (s[k] == '0' && k + 1 < s.size()) return false;  // "007" stays text
    uint64_t value = 0;
    for (; k < s.size(); ++k) {
        const char c = s[k];
        if (c < '0' || c > '9') return false;
        const uint64_t digit = static_cast<uint64_t>(c - '0');
        if (value > (9223372036854775808ull - digit) / 10) return false;  // beyond int64
        value = value * 10 + digit;
    }
    if (!negative && value > 9223372036854775807ull) return false;
    if (negative) {
        out = value == 9223372036854775808ull ? (-9223372036854775807LL - 1) : -static_cast<int64_t>(value);
    } else {
        out = static_cast<int64_t>(value);
    }
    return true;
}

bool ttbCtlIsNumber(std::string_view s, double& out) {
    // -?digits.digits([eE][+-]?digits)?  -- plain JSON-style numbers only
    size_t k = 0;
    if (k < s.size() && s[k] == '-') ++k;
    const size_t intStart = k;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
    if (k == intStart) return false;
    bool fraction = false;
    if (k < s.size() && s[k] == '.') {
        ++k;
        const size_t fracStart = k;
        while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
        if (k == fracStart) return false;
        fraction = true;
    }
    bool exponent = false;
    if (k < s.size() && (s[k] == 'e' || s[k] == 'E')) {
        ++k;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        const size_t expStart = k;
        while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
        if (k == expStart) return false;
        exponent = true;
    }
    if (k != s.size() || (!fraction && !exponent)) return false;
    return mp::parseDouble(std::string(s), out);  // '.' whatever the locale
}

// Writes pairs as a map; "a.b" keys become nested maps (up to a depth limit).
void ttbCtlWriteTree(mp::Writer& w, const StringPairs& fields, int depth) {
    std::vector<std::string> order;
    for (const auto& f : fields) {
        const size_t dot = depth < 8 ? f.first.find('.') : std::string::npos;
        const std::string head = dot == std::string::npos ? f.first : f.first.substr(0, dot);
        bool seen = false;
        for (const std::string& o : order)
            if (o == head) seen = true;
        if (!seen) order.push_back(head);
    }
    w.mapHeader(static_cast<uint32_t>(order.size()));
    for (const std::string& head : order) {
        StringPairs children;
        const std::string* leaf = nullptr;
        for (const auto& f : fields) {
            const size_t dot = depth < 8 ? f.first.find('.') : std::string::npos;
            if (dot == std::string::npos) {
                if (f.first == head) leaf = &f.second;
            } else if (f.first.compare(0, dot, head) == 0 && dot == head.size()) {
                children.emplace_back(f.first.substr(dot + 1), f.second);
            }
        }
        w.str(head);
        if (!children.empty())
            ttbCtlWriteTree(w, children, depth + 1);
        else if (leaf)
            writeInferred(w, *leaf);
        else
            w.nil();
    }
}

}  // namespace

void writeInferred(mp::Writer& w, std::string_view text) {
    if (text == "true") return w.boolean(true);
    if (text == "false") return w.boolean(false);
    int64_t i = 0;
    if (ttbCtlIsInteger(text, i)) return w.integer(i);
    double d = 0;
    if (ttbCtlIsNumber(text, d)) return w.real(d);
    w.str(text);
}

std::string encodeRequestMsgpack(std::string_view cmd, const StringPairs& args, const StringPairs* fields, int64_t id,
                                 std::string_view token) {
    std::string out;
    mp::Writer w(out);
    uint32_t count = 1 + static_cast<uint32_t>(args.size());
    if (fields) ++count;
    if (id >= 0) ++count;
    if (!token.empty()) ++count;
    w.mapHeader(count);
    w.str("cmd");
    w.str(cmd);
    for (const auto& a : args) {
        w.str(a.first);
        w.str(a.second);
    }
    if (fields) {
        w.str("fields");
        ttbCtlWriteTree(w, *fields, 0);
    }
    if (id >= 0) {
        w.str("id");
        w.integer(id);
    }
    if (!token.empty()) {
        w.str("token");
        w.str(token);
    }
    return out;
}

std::string encodeRequestText(std::string_view cmd, const std::vector<std::string>& words, std::string_view json,
                              std::string_view token) {
    std::string out;
    if (!token.empty()) {
        out += "token=";
        out.append(token.data(), token.size());
        out.push_back(' ');
    }
    out.append(cmd.data(), cmd.size());
    for (const std::string& word : words) {
        if (word.empty()) continue;
        out.push_back(' ');
        out += word;
    }
    if (!json.empty()) {
        out.push_back(' ');
        out.append(json.data(), json.size());
    }
    return out;
}

bool decodeControlReply(const uint8_t* data, size_t size, ControlReply& out) {
    const uint32_t requestId = out.requestId;
    out = ControlReply();
    out.requestId = requestId;
    out.resultJson = "null";
    mp::Reader r(data, size);
    mp::Head h;
    if (r.peekKind() != mp::Kind::Map || !r.readHead(h)) {
        out.errorCode = "bad_reply";
        out.errorMessage = "the reply is not a msgpack map";
        return false;
    }
    bool ok = true;
    for (uint64_t k = 0; k < h.u && ok; ++k) {
        std::string_view key;
        bool isStr = false;
        ok = mp::readKey(r, key, isStr);
        if (!ok) break;
        if (!isStr) {
            ok = r.skip();
        } else if (key == "ok") {
            ok = mp::readBool(r, out.ok);
        } else if (key == "id") {
            out.hasId = r.peekKind() == mp::Kind::UInt || r.peekKind() == mp::Kind::Int;
            ok = mp::readInt(r, out.id);
        } else if (key == "result") {
            const uint8_t* begin = nullptr;
            size_t len = 0;
            ok = r.rawValue(begin, len);
            if (ok) {
                out.resultRaw.assign(reinterpret_cast<const char*>(begin), len);
                out.resultJson.clear();
                mp::Reader sub(begin, len);
                ok = mp::readJson(sub, out.resultJson, 1);
            }
        } else if (key == "error") {
            if (r.peekKind() == mp::Kind::Map) {
                mp::Head e;
                ok = r.readHead(e);
                for (uint64_t j = 0; j < e.u && ok; ++j) {
                    std::string_view ekey;
                    bool estr = false;
                    ok = mp::readKey(r, ekey, estr);
                    if (!ok) break;
                    if (estr && ekey == "code")
                        ok = mp::readStr(r, out.errorCode);
                    else if (estr && ekey == "message")
                        ok = mp::readStr(r, out.errorMessage);
                    else
                        ok = r.skip();
                }
            } else {
                ok = mp::readAsText(r, out.errorMessage);
            }
        } else {
            ok = r.skip();
        }
    }
    if (!ok || !r.atEnd()) {
        out = ControlReply();
        out.requestId = requestId;
        out.resultJson = "null";
        out.errorCode = "bad_reply";
        out.errorMessage = "malformed reply";
        return false;
    }
    if (!out.ok && out.errorCode.empty()) out.errorCode = "failed";
    return true;
}

bool controlResultString(const ControlReply& reply, std::string_view key, std::string& out) {
    mp::Reader r(reinterpret_cast<const uint8_t*>(reply.resultRaw.data()), reply.resultRaw.size());
    if (r.peekKind() != mp::Kind::Map) return false;
    mp::Head h;
    if (!r.readHead(h)) return false;
    for (uint64_t k = 0; k < h.u; ++k) {
        std::string_view name;
        bool isStr = false;
        if (!mp::readKey(r, name, isStr)) return false;
        if (isStr && name == key && r.peekKind() == mp::Kind::Str) return mp::readStr(r, out);
        if (!r.skip()) return false;
    }
    return false;
}

// ---------------------------------------------------------------- ControlClient

namespace {
LinkConfig ttbCtlLinkConfig(const ControlClientConfig& config) {
    LinkConfig lc;
    lc.type = ZmtpSocketType::Req;
    lc.reconnect = config.reconnect;
    lc.reconnect.heartbeatIntervalS = 0.0;
    lc.reconnect.maxAttempts = 0;
    lc.reconnect.autoReconnect = true;
    lc.seed = config.seed;
    return lc;
}
}  // namespace

ControlClient::ControlClient(const ControlClientConfig& config) : config_(config), link_(ttbCtlLinkConfig(config)) {}

uint32_t ControlClient::submit(int64_t nowMs, std::string body) {
    const uint32_t id = nextId_++;
    if (nextId_ == 0) nextId_ = 1;
    if (queue_.size() >= config_.maxQueued) {
        ControlReply reply;
        reply.requestId = id;
        reply.resultJson = "null";
        reply.errorCode = "queue_full";
        reply.errorMessage = "too many control requests waiting";
        replies_.push_back(std::move(reply));
        return id;
    }
    Pending p;
    p.id = id;
    p.body = std::move(body);
    p.submittedMs = nowMs;
    queue_.push_back(std::move(p));
    if (!link_.active()) link_.start(nowMs);
    return id;
}

void ControlClient::failFront(const std::string& code, const std::string& message) {
    if (queue_.empty()) return;
    ControlReply reply;
    reply.requestId = queue_.front().id;
    reply.resultJson = "null";
    reply.errorCode = code;
    reply.errorMessage = message;
    replies_.push_back(std::move(reply));
    queue_.pop_front();
    inFlight_ = false;
}

void ControlClient::failAll(const std::string& code, const std::string& message) {
    while (!queue_.empty()) failFront(code, message);
}

void ControlClient::stop(const std::string& reason) {
    failAll("disconnected", reason);
    link_.stop(reason);
}

void ControlClient::pump(int64_t nowMs) {
    const int64_t timeoutMs = static_cast<int64_t>(config_.requestTimeoutS * 1000.0);
    if (inFlight_) {
        if (!link_.connected() || link_.sessions() != inFlightSession_) {
            failFront("disconnected", "the control connection closed before the reply");
        } else if (timeoutMs > 0 && nowMs - sentAtMs_ > timeoutMs) {
            failFront("timeout", "no reply from the daemon's control endpoint");
            link_.drop(nowMs, "control request timed out");  // a REQ without its reply is stuck
        }
    }
    while (!inFlight_ && !queue_.empty() && timeoutMs > 0 && nowMs - queue_.front().submittedMs > timeoutMs)
        failFront("unreachable", "could not reach the daemon's control endpoint");
    if (!inFlight_ && !queue_.empty() && link_.connected()) {
        std::vector<std::string> frames;
        frames.emplace_back();  // REQ's empty delimiter
        frames.push_back(queue_.front().body);
        if (link_.zmtp().send(frames)) {
            inFlight_ = true;
            inFlightSession_ = link_.sessions();
            sentAtMs_ = nowMs;
        } else {
            failFront("too_large", "request too large");
        }
    }
    if (queue_.empty() && link_.active() && !link_.connected()) link_.stop("idle");
}

Link::Io ControlClient::tick(int64_t nowMs) {
    const Link::Io io = link_.tick(nowMs);
    pump(nowMs);
    return io;
}

bool ControlClient::onReceived(int64_t nowMs, const uint8_t* data, size_t len) {
    const bool ok = link_.onReceived(nowMs, data, len);
    ZmtpMessage msg;
    while (link_.popMessage(msg)) {
        if (!inFlight_ || queue_.empty()) continue;  // stray reply
        // REQ: [empty delimiter, body]; anything else is dropped, as libzmq does.
        if (msg.frames.size() < 2 || !msg.frames[0].empty()) continue;
        ControlReply reply;
        reply.requestId = queue_.front().id;
        const std::string& body = msg.frames[1];
        decodeControlReply(reinterpret_cast<const uint8_t*>(body.data()), body.size(), reply);
        replies_.push_back(std::move(reply));
        queue_.pop_front();
        inFlight_ = false;
    }
    pump(nowMs);
    return ok;
}

bool ControlClient::popReply(ControlReply& out) {
    if (replies_.empty()) return false;
    out = std::move(replies_.front());
    replies_.pop_front();
    return true;
}

}  // namespace ttb
