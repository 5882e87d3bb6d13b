// Control channel client (docs/control.md): request encoders (msgpack map or
// text line), reply decoder, and a REQ client with one request in flight,
// a queue, and timeouts. Sans-I/O like Link (same driver interface).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "TTBLink.h"
#include "TTBMsgPack.h"

namespace ttb {

using StringPairs = std::vector<std::pair<std::string, std::string>>;

// Writes `text` as the msgpack value it looks like: true/false, an integer, a
// number, or else a string. "" stays a string.
void writeInferred(mp::Writer& w, std::string_view text);

// {"cmd": cmd, <args as strings>..., "fields": {<fields, inferred; "a.b" keys nest>},
//  "id": id, "token": token}. fields may be null (no "fields" key); id < 0: no id;
// empty token: no token.
std::string encodeRequestMsgpack(std::string_view cmd, const StringPairs& args, const StringPairs* fields, int64_t id,
                                 std::string_view token);

// "[token=<token> ]<cmd>[ <word>...][ <json>]". Words must not contain spaces.
std::string encodeRequestText(std::string_view cmd, const std::vector<std::string>& words, std::string_view json,
                              std::string_view token);

struct ControlReply {
    uint32_t requestId = 0;  // ControlClient's id for the request
    bool ok = false;
    bool hasId = false;
    int64_t id = 0;           // the "id" the daemon echoed, if any
    std::string resultJson;   // "result" as JSON text ("null" if absent)
    std::string resultRaw;    // "result" as msgpack bytes (empty if absent)
    std::string errorCode;    // "error.code", or a client-side code (timeout, disconnected, bad_reply)
    std::string errorMessage;
};

// Decodes a reply map; false (with errorCode "bad_reply") if it is not one.
bool decodeControlReply(const uint8_t* data, size_t size, ControlReply& out);

// A string value of the reply's result map, e.g. "room" of connect's {"room": name}.
bool controlResultString(const ControlReply& reply, std::string_view key, std::string& out);

struct ControlClientConfig {
    ReconnectConfig reconnect;  // heartbeatIntervalS is forced to 0: a ROUTER sends nothing unasked
    double requestTimeoutS = 5.0;
    size_t maxQueued = 64;
    uint64_t seed = 2;
};

class ControlClient {
public:
    explicit ControlClient(const ControlClientConfig& config);

    // Queues a request body (one frame, e.g. from encodeRequest*) and returns its
    // id (never 0). Starts connecting if needed. A full queue yields a reply
    // with errorCode "queue_full".
    uint32_t submit(int64_t nowMs, std::string body);
    // Fails every pending request with `reason` and stops the link.
    void stop(const std::string& reason);

    Link::Io tick(int64_t nowMs);
    void onOpened(int64_t nowMs) { link_.onOpened(nowMs); }
    bool onReceived(int64_t nowMs, const uint8_t* data, size_t len);
    void onTransportError(int64_t nowMs, const std::string& reason) { link_.onTransportError(nowMs, reason); }
    const uint8_t* outputData() const { return link_.outputData(); }
    size_t outputSize() const { return link_.outputSize(); }
    void consume(size_t n) { link_.consume(n); }

    bool popReply(ControlReply& out);
    bool popNotice(PolicyNotice& out) { return link_.popNotice(out); }

    bool connected() const { return link_.connected(); }
    size_t pending() const { return queue_.size(); }
    Link& link() { return link_; }

private:
    struct Pending {
        uint32_t id = 0;
        std::string body;
        int64_t submittedMs = 0;
    };
    void failFront(const std::string& code, const std::string& message);
    void failAll(const std::string& code, const std::string& message);
    void pump(int64_t nowMs);

    ControlClientConfig config_;
    Link link_;
    std::deque<Pending> queue_;
    std::deque<ControlReply> replies_;
    bool inFlight_ = false;
    uint64_t inFlightSession_ = 0;
    int64_t sentAtMs_ = 0;
    uint32_t nextId_ = 1;
};

}  // namespace ttb
