// Sans-I/O ZMTP 3.x connection (NULL mechanism) for SUB, REQ and DEALER sockets.
// Bytes in (feed), bytes out (output/consume), complete messages out (popMessage).
// No sockets, no clocks, no threads: the caller owns all I/O. C++17, no
// exceptions, no RTTI, no Unreal headers.
//
// Protocol facts this follows (RFC 23/37 and libzmq 4.x behaviour):
//  * our 64-byte greeting goes out first, at once; the peer's greeting is parsed
//    incrementally (libzmq sends only 10 bytes until it has seen ours);
//  * only byte 0 (0xFF), byte 9 bit 0 and the major version (>= 3) are checked;
//    the mechanism must be NULL;
//  * READY goes out after the peer's greeting; nothing else (subscriptions,
//    requests) until the peer's READY has arrived (libzmq rejects pipelining);
//  * subscriptions use the 3.0 message form `00 LL 01 prefix`, which every
//    libzmq 4.x accepts;
//  * PING is answered with PONG echoing the context; unknown commands are
//    skipped; ERROR is fatal; a second READY, or one without Socket-Type, is a
//    protocol error (as in the Godot client: tests/vectors/generate.py).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "TTBContract.h"

namespace ttb {

enum class ZmtpSocketType : uint8_t { Sub, Req, Dealer };

const char* zmtpSocketTypeName(ZmtpSocketType type);

// One ZeroMQ message: its frames, in order (binary-safe strings).
struct ZmtpMessage {
    std::vector<std::string> frames;
};

struct ZmtpLimits {
    // The contract's limits (docs/events.md, Defaults); beyond them is a protocol error.
    uint64_t maxFrameBytes = contract::kMaxMessageBytes;
    uint64_t maxMessageBytes = contract::kMaxMessageBytes;  // sum of a message's frames
    size_t maxFramesPerMessage = static_cast<size_t>(contract::kMaxMessageFrames);
    size_t maxQueuedMessages = 100000;  // beyond this, new messages are dropped (counted)
};

class ZmtpConnection {
public:
    enum class State : uint8_t { Idle, Greeting, Handshake, Ready, Failed };

    explicit ZmtpConnection(ZmtpSocketType type, ZmtpLimits limits = ZmtpLimits());

    // Starts a new session on a freshly connected stream: clears all buffers and
    // queues our greeting. Queued subscriptions are kept and re-sent.
    void begin();
    // Forgets the session (stream closed). Subscriptions are kept.
    void reset();

    // Feeds received bytes. Returns false once the session has failed (state
    // Failed, see error()); the caller should close the stream.
    bool feed(const uint8_t* data, size_t len);

    // Bytes to write to the stream, in order; call consume(n) after writing n.
    const uint8_t* outputData() const { return out_.data() + outPos_; }
    size_t outputSize() const { return out_.size() - outPos_; }
    void consume(size_t n);

    // SUB: adds a topic prefix (sent now if ready, else after the handshake, and
    // again after every begin()).
    void subscribe(std::string_view prefix);
    void unsubscribe(std::string_view prefix);
    const std::vector<std::string>& subscriptions() const { return subscriptions_; }

    // Queues a multipart message (REQ/DEALER). Before READY it waits in a queue.
    // False if the message is too large or the socket type cannot send.
    bool send(const std::vector<std::string>& frames);

    // Drops messages queued by send() that have not gone out yet.
    void clearPendingSends() { pendingSends_.clear(); }

    bool popMessage(ZmtpMessage& out);
    size_t queuedMessages() const { return messages_.size(); }

    State state() const { return state_; }
    bool ready() const { return state_ == State::Ready; }
    const std::string& error() const { return error_; }
    bool peerSentError() const { return peerError_; }

    // What the peer told us.
    int peerMinorVersion() const { return peerMinor_; }
    const std::string& peerSocketType() const { return peerSocketType_; }
    const std::vector<std::pair<std::string, std::string>>& peerProperties() const { return peerProps_; }
    // TTL of the last PING, in tenths of a second (0: none seen).
    uint32_t lastPingTtlDeciseconds() const { return lastPingTtl_; }

    struct Counters {
        uint64_t bytesIn = 0;
        uint64_t bytesOut = 0;
        uint64_t framesIn = 0;
        uint64_t messagesIn = 0;
        uint64_t messagesDropped = 0;
        uint64_t pingsIn = 0;
        uint64_t pongsOut = 0;
        uint64_t unknownCommands = 0;
    };
    const Counters& counters() const { return counters_; }

    // Encoders, exposed for tests.
    static void appendGreeting(std::string& out);
    static void appendCommand(std::string& out, std::string_view name, std::string_view data);
    static void appendFrame(std::string& out, uint8_t flags, std::string_view body);
    static void appendReady(std::string& out, ZmtpSocketType type);

private:
    bool fail(std::string message);
    bool parseGreeting();
    bool parseFrames();
    bool onCommand(std::string_view body);
    bool onReady(std::string_view data);
    bool onDataFrame(bool more, std::string_view body);
    void queueBytes(const std::string& bytes);
    void queueSubscription(uint8_t op, std::string_view prefix);
    void flushPending();
    bool peerTypeCompatible(std::string_view peerType) const;

    ZmtpSocketType type_;
    ZmtpLimits limits_;
    State state_ = State::Idle;
    std::vector<uint8_t> in_;
    size_t inPos_ = 0;
    std::vector<uint8_t> out_;
    size_t outPos_ = 0;
    std::vector<std::string> subscriptions_;
    std::deque<std::vector<std::string>> pendingSends_;
    std::deque<ZmtpMessage> messages_;
    ZmtpMessage partial_;
    uint64_t partialBytes_ = 0;
    std::string error_;
    bool peerError_ = false;
    int peerMinor_ = -1;
    std::string peerSocketType_;
    std::vector<std::pair<std::string, std::string>> peerProps_;
    uint32_t lastPingTtl_ = 0;
    Counters counters_;
};

}  // namespace ttb
