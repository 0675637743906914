#include "request_stream.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace agon::workbench {

namespace {

// Whether `sock` is ready for `events` within `ms` milliseconds. poll, not
// select: descriptors past 1023 are as good as any.
bool ready(socket_t sock, short events, int ms) {
    pollfd p{sock, events, 0};
    int n;
    do n = ::poll(&p, 1, ms);
    while (n < 0 && errno == EINTR);
    return n > 0;
}

int to_ms(std::chrono::milliseconds d) { return static_cast<int>(std::max(d.count(), std::chrono::milliseconds::rep(0))); }

void numeric_address(const sockaddr_storage& address, socklen_t size, std::string& ip, int& port) {
    char host[NI_MAXHOST] = "", service[NI_MAXSERV] = "0";
    if (::getnameinfo(reinterpret_cast<const sockaddr*>(&address), size, host, sizeof host, service, sizeof service,
                      NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
        ip = host;
        port = std::atoi(service);
    }
}

}  // namespace

bool RequestStream::next_request(std::chrono::milliseconds idle) {
    // A request sent right behind the last one may be read already.
    if (used_ == filled_ && !ready(sock_, POLLIN, to_ms(idle))) return false;
    deadline_ = std::chrono::steady_clock::now() + limits_.deadline;
    in_head_ = true;
    head_lines_ = head_bytes_ = line_length_ = 0;
    refused_ = 0;
    why_.clear();
    return true;
}

int RequestStream::read_wait_ms() const {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline_ - std::chrono::steady_clock::now());
    return to_ms(std::min(left, limits_.read_timeout));
}

bool RequestStream::is_readable() const { return used_ < filled_ || ready(sock_, POLLIN, read_wait_ms()); }

bool RequestStream::is_writable() const { return ready(sock_, POLLOUT, to_ms(limits_.write_timeout)); }

int RequestStream::head_limit_broken(const char* data, std::size_t size) {
    for (std::size_t i = 0; i < size && in_head_; ++i) {
        if (++head_bytes_ > limits_.max_head_bytes) {
            why_ = std::string(head_lines_ ? "the request line and headers take" : "the request line takes") +
                   " more than " + std::to_string(limits_.max_head_bytes) + " bytes";
            return head_lines_ ? 431 : 414;  // as httplib answers a request line over its 8 KiB
        }
        if (data[i] == '\n') {
            if (line_length_ == 0 && head_lines_ > 0) {
                in_head_ = false;  // the blank line: the body follows
            } else if (++head_lines_ > limits_.max_header_lines + 1) {  // the request line, then the headers
                why_ = "more than " + std::to_string(limits_.max_header_lines) + " header lines";
                return 431;
            }
            line_length_ = 0;
        } else if (data[i] != '\r') {
            ++line_length_;
        }
    }
    return 0;
}

bool RequestStream::overdue() {
    if (std::chrono::steady_clock::now() < deadline_) return false;
    std::ostringstream seconds;
    seconds << static_cast<double>(limits_.deadline.count()) / 1000;
    refused_ = 408;
    why_ = "the request took longer than " + seconds.str() + " s to arrive";
    return true;
}

ssize_t RequestStream::read(char* ptr, std::size_t size) {
    if (refused_) return -1;
    if (used_ == filled_) {
        const bool readable = is_readable();  // within the read timeout, or the deadline if closer
        if (overdue() || !readable) return -1;  // a read timeout alone: httplib answers 400 or closes
        ssize_t n;
        do n = ::recv(sock_, buffer_, sizeof buffer_, 0);
        while (n < 0 && errno == EINTR);
        if (n <= 0) return n;
        used_ = 0;
        filled_ = static_cast<std::size_t>(n);
    }
    const std::size_t n = std::min(size, filled_ - used_);
    if (in_head_) refused_ = head_limit_broken(buffer_ + used_, n);
    if (refused_) return -1;
    std::memcpy(ptr, buffer_ + used_, n);
    used_ += n;
    return static_cast<ssize_t>(n);
}

ssize_t RequestStream::send_some(const char* data, std::size_t size) {
    if (!is_writable()) return -1;
    ssize_t n;
    // MSG_NOSIGNAL: a client gone is an error here, not a SIGPIPE that ends the server.
    do n = ::send(sock_, data, size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n;
}

ssize_t RequestStream::write(const char* ptr, std::size_t size) {
    return refused_ ? static_cast<ssize_t>(size) : send_some(ptr, size);
}

bool RequestStream::send_all(const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = send_some(data, size);
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

void RequestStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t size = sizeof address;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &size) == 0) numeric_address(address, size, ip, port);
}

void RequestStream::get_local_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t size = sizeof address;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &size) == 0) numeric_address(address, size, ip, port);
}

}  // namespace agon::workbench
