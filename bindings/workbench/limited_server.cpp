#include "limited_server.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>

#include "api.hpp"

namespace agon::workbench {

namespace {

std::chrono::milliseconds duration(time_t sec, time_t usec) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::seconds(sec) + std::chrono::microseconds(usec));
}

// Answer the refused request and close the connection after it.
void answer_refusal(RequestStream& stream) {
    const int status = stream.refused();
    const ApiResponse r = error_response(status, stream.why(), status == 408 ? "request" : status == 414 ? "path" : "headers");
    const char* reason = status == 408 ? " Request Timeout" : status == 414 ? " URI Too Long" : " Request Header Fields Too Large";
    const std::string head = "HTTP/1.1 " + std::to_string(status) + reason +
                             "\r\nContent-Type: " + r.content_type + "\r\nContent-Length: " + std::to_string(r.body.size()) +
                             "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
    if (!stream.send_all(head.data(), head.size()) || !stream.send_all(r.body.data(), r.body.size())) return;
    // Closing with the client's unread bytes still queued sends a reset, which
    // can reach the client before the answer does: take them for a moment first.
    ::shutdown(stream.socket(), SHUT_WR);
    char scratch[4096];
    pollfd p{stream.socket(), POLLIN, 0};
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    while (std::chrono::steady_clock::now() < until && ::poll(&p, 1, 100) >= 0)
        if (p.revents && ::recv(stream.socket(), scratch, sizeof scratch, 0) <= 0) break;
}

}  // namespace

bool LimitedServer::next_request(RequestStream& stream) const {
    // In slices, as httplib's own loop waits: a stopped server lets an idle
    // kept-alive connection go at once, not after the keep-alive timeout.
    constexpr auto slice = std::chrono::milliseconds(100);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(keep_alive_timeout_sec_);
    for (;;) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
        if (svr_sock_ == INVALID_SOCKET || left.count() <= 0) return false;
        if (stream.next_request(std::min(left, slice))) return true;
    }
}

bool LimitedServer::process_and_close_socket(socket_t sock) {
    RequestLimits limits = limits_;
    limits.read_timeout = duration(read_timeout_sec_, read_timeout_usec_);
    limits.write_timeout = duration(write_timeout_sec_, write_timeout_usec_);
    RequestStream stream(sock, limits);
    bool ok = false;
    // As httplib's own loop: up to keep_alive_max_count_ requests, each within
    // the keep-alive timeout of the last, the last one told the connection closes.
    for (std::size_t left = keep_alive_max_count_; left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
        if (!next_request(stream)) break;
        bool closed = false;
        ok = process_request(stream, left == 1, closed, nullptr);
        if (stream.refused()) {
            answer_refusal(stream);
            ok = false;
        }
        if (!ok || closed) break;
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
}

}  // namespace agon::workbench
