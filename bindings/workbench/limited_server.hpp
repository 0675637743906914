// limited_server.hpp - cpp-httplib's server with every connection read and
// written through a RequestStream, so that its limits (request_stream.hpp)
// hold: a request that breaks one is answered 431 or 408 and its connection
// closed. Keep-alive, timeouts and the rest are httplib's settings, as before.
#pragma once

#include <httplib.h>

#include "request_stream.hpp"

namespace agon::workbench {

class LimitedServer final : public httplib::Server {
public:
    /// `limits`' read and write timeouts are taken from set_read_timeout and set_write_timeout.
    explicit LimitedServer(const RequestLimits& limits) : limits_(limits) {}

private:
    /// Serve the requests of one accepted connection (httplib calls it on a pool thread), then close it.
    bool process_and_close_socket(socket_t sock) override;
    /// Wait for the connection's next request within the keep-alive timeout;
    /// false when none came or the server stopped meanwhile.
    bool next_request(RequestStream& stream) const;

    RequestLimits limits_;
};

}  // namespace agon::workbench
