// Plain POSIX non-blocking TCP transport that drives a ttb::Link or
// ttb::ControlClient exactly the way the Unreal subsystem drives them with
// FSocket (see TTBLink.h for the driver contract). Test/bench code only.
#pragma once

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <string>

#include "TTBLink.h"

namespace ttb_test {

inline int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

class PosixSocket {
public:
    ~PosixSocket() { close(); }

    bool open(const ttb::Endpoint& ep, std::string& error) {
        close();
        sockaddr_in addr;
        std::memset(&addr, 0, sizeof addr);
        addr.sin_family = AF_INET;
        addr.sin_port = htons(ep.port);
        if (inet_pton(AF_INET, ep.host.c_str(), &addr.sin_addr) != 1) {
            error = "not an IPv4 address: " + ep.host;
            return false;
        }
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd_ < 0) {
            error = std::strerror(errno);
            return false;
        }
        ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL, 0) | O_NONBLOCK);
        int one = 1;
        ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
            connecting_ = false;
            justOpened_ = true;
            return true;
        }
        if (errno != EINPROGRESS) {
            error = std::strerror(errno);
            close();
            return false;
        }
        connecting_ = true;
        return true;
    }

    void close() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
        connecting_ = false;
        justOpened_ = false;
    }

    bool isOpen() const { return fd_ >= 0; }
    bool connecting() const { return connecting_; }

    // 1: the connect completed now; 0: still pending (or already done); -1: failed.
    int pollConnect(std::string& error) {
        if (justOpened_) {
            justOpened_ = false;
            return 1;
        }
        if (!connecting_) return 0;
        pollfd p{fd_, POLLOUT, 0};
        if (::poll(&p, 1, 0) <= 0) return 0;
        int err = 0;
        socklen_t len = sizeof err;
        ::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
            error = std::string("connect failed: ") + std::strerror(err);
            return -1;
        }
        connecting_ = false;
        return 1;
    }

    // >0 bytes read, 0 nothing available, -1 closed or error.
    long readSome(uint8_t* buf, size_t cap, std::string& error) {
        const ssize_t n = ::recv(fd_, buf, cap, 0);
        if (n > 0) return static_cast<long>(n);
        if (n == 0) {
            error = "connection closed by the daemon";
            return -1;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return 0;
        error = std::string("recv failed: ") + std::strerror(errno);
        return -1;
    }

    long writeSome(const uint8_t* data, size_t len, std::string& error) {
        const ssize_t n = ::send(fd_, data, len, MSG_NOSIGNAL);
        if (n >= 0) return static_cast<long>(n);
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return 0;
        error = std::string("send failed: ") + std::strerror(errno);
        return -1;
    }

    int fd() const { return fd_; }

private:
    int fd_ = -1;
    bool connecting_ = false;
    bool justOpened_ = false;
};

struct DriveOptions {
    // Test mode: once the handshake bytes (our READY, the subscriptions) are out,
    // write nothing more, so PINGs go unanswered.
    bool answerNothing = false;
    size_t maxReadBytes = 1u << 20;
    bool handshakeFlushed = false;  // state for answerNothing
};

// One driver step for a Link-like client. Returns bytes read.
template <typename Client>
size_t driveOnce(Client& client, PosixSocket& sock, const ttb::Endpoint& ep, DriveOptions& opt) {
    const int64_t now = nowMs();
    switch (client.tick(now)) {
        case ttb::Link::Io::Open: {
            std::string error;
            if (!sock.open(ep, error)) client.onTransportError(now, error);
            break;
        }
        case ttb::Link::Io::Close: sock.close(); break;
        case ttb::Link::Io::None: break;
    }
    if (!sock.isOpen()) return 0;
    std::string error;
    const int c = sock.pollConnect(error);
    if (c < 0) {
        sock.close();
        client.onTransportError(nowMs(), error);
        return 0;
    }
    if (c > 0) client.onOpened(nowMs());
    if (sock.connecting()) return 0;
    size_t total = 0;
    uint8_t buf[65536];
    while (total < opt.maxReadBytes && sock.isOpen()) {
        const long n = sock.readSome(buf, sizeof buf, error);
        if (n < 0) {
            sock.close();
            client.onTransportError(nowMs(), error);
            return total;
        }
        if (n == 0) break;
        total += static_cast<size_t>(n);
        if (!client.onReceived(nowMs(), buf, static_cast<size_t>(n))) break;
    }
    const bool mute = opt.answerNothing && opt.handshakeFlushed;
    while (sock.isOpen() && client.outputSize() > 0 && !mute) {
        const long n = sock.writeSome(client.outputData(), client.outputSize(), error);
        if (n < 0) {
            sock.close();
            client.onTransportError(nowMs(), error);
            break;
        }
        if (n == 0) break;
        client.consume(static_cast<size_t>(n));
    }
    if (client.connected() && client.outputSize() == 0) opt.handshakeFlushed = true;
    return total;
}

template <typename Client>
size_t driveOnce(Client& client, PosixSocket& sock, const ttb::Endpoint& ep) {
    DriveOptions opt;
    return driveOnce(client, sock, ep, opt);
}

// Waits until a socket has data (or up to timeoutMs).
inline void waitReadable(const PosixSocket& a, const PosixSocket* b, int timeoutMs) {
    pollfd fds[2];
    int n = 0;
    if (a.isOpen()) fds[n++] = pollfd{a.fd(), POLLIN, 0};
    if (b && b->isOpen()) fds[n++] = pollfd{b->fd(), POLLIN, 0};
    if (n == 0) {
        ::usleep(static_cast<useconds_t>(timeoutMs) * 1000u);
        return;
    }
    ::poll(fds, static_cast<nfds_t>(n), timeoutMs);
}

}  // namespace ttb_test
