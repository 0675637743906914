// server.hpp - the HTTP side of `agon serve`: binds, guards every request
// (Host, Origin, token, size, content type) and hands the rest to the API,
// without letting slow or idle clients hold up the others.
#pragma once

#include <cstddef>
#include <string>

#include "api.hpp"

namespace agon::workbench {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;             ///< 0 picks a free port
    std::string token;           ///< required on every request when not empty
    bool open = false;           ///< start the desktop's browser
    bool watch = false;          ///< reload the file when it changes on disk
    std::size_t max_body = 8u << 20;
    double request_seconds = 30;  ///< to send a request's headers and body, then 408 (slow senders held a thread)
    ApiLimits limits;
};

/// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback(const std::string& host);

/// Serve `session` until Ctrl-C (SIGINT/SIGTERM) stops it gracefully; a second
/// one exits the process at once (stop_signals.hpp). Prints the URL on stdout.
/// Throws io when the address cannot be bound.
void serve(Session& session, const ServeOptions& options);

}  // namespace agon::workbench
