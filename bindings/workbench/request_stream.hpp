// request_stream.hpp - one client connection as httplib reads and writes it,
// with the limits httplib 0.11 lacks: how many header lines a request may
// have, how many bytes its head may take, and how long the whole request may
// take to arrive (its per-read timeout restarts with every byte, so a client
// sending one byte every few seconds held its thread for ever).
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <string>

namespace agon::workbench {

struct RequestLimits {
    std::size_t max_header_lines = 100;
    std::size_t max_head_bytes = std::size_t(1) << 20;  ///< request line and headers together
    std::chrono::milliseconds deadline{30000};          ///< to read a request's head and body
    std::chrono::milliseconds read_timeout{5000};       ///< without a byte
    std::chrono::milliseconds write_timeout{5000};
};

class RequestStream final : public httplib::Stream {
public:
    RequestStream(socket_t sock, const RequestLimits& limits) : sock_(sock), limits_(limits) {}

    /// Wait up to `idle` for the next request on the connection. False when
    /// none came or the client closed it.
    bool next_request(std::chrono::milliseconds idle);
    /// The status the request gets for breaking a limit (431 for its head,
    /// 414 for a request line alone over max_head_bytes, 408 for its
    /// deadline), or 0. Once set, reads fail and writes are
    /// dropped: httplib's own answer (a 400) is not sent, the caller sends this.
    int refused() const noexcept { return refused_; }
    /// What the refused request broke, for its answer.
    const std::string& why() const noexcept { return why_; }
    /// Send `data` whole, past a refusal. False when the client does not take it.
    bool send_all(const char* data, std::size_t size);

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, std::size_t size) override;
    ssize_t write(const char* ptr, std::size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return sock_; }

private:
    /// Milliseconds to wait for the next byte: the read timeout, or less when the deadline is closer.
    int read_wait_ms() const;
    /// Send what the client takes of `data` within the write timeout; -1 on an error.
    ssize_t send_some(const char* data, std::size_t size);
    /// True, and the request refused with 408, once its deadline has passed.
    bool overdue();
    /// Count the head's lines and bytes in what is about to be handed over:
    /// the status of the first limit they break (414 for the request line, 431), or 0.
    int head_limit_broken(const char* data, std::size_t size);

    socket_t sock_;
    const RequestLimits& limits_;
    char buffer_[4096];
    std::size_t used_ = 0, filled_ = 0;  ///< buffer_[used_, filled_) is read but not handed over
    std::chrono::steady_clock::time_point deadline_;
    bool in_head_ = false;
    std::size_t head_lines_ = 0, head_bytes_ = 0, line_length_ = 0;
    int refused_ = 0;
    std::string why_;
};

}  // namespace agon::workbench
