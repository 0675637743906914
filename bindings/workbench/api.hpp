// api.hpp - the workbench's JSON API, independent of the HTTP library: a
// method, a path and a body in, a status, a content type and a body out.
// Every error is {"error": message, "where": field or file position} with a
// 4xx status (503 when limits.stop ended it); nothing the request contains
// can crash the server.
#pragma once

#include <map>
#include <string>

#include "agon/control.hpp"
#include "session.hpp"

namespace agon::workbench {

struct ApiRequest {
    std::string method;  ///< "GET" or "POST"
    std::string path;    ///< "/api/evaluate", ...
    std::string body;    ///< JSON for POST
    std::map<std::string, std::string> query;
};

struct ApiResponse {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::string file_name;  ///< set for downloads (Content-Disposition)
};

struct ApiLimits {
    double evaluation_seconds = 20;  ///< per request (agon::Control deadline), and per drawing of a large map
    /// Cancelled when the server stops: evaluations and layouts in a child
    /// process under way end, answered 503 (a layout in this process cannot).
    CancelToken stop;
};

/// The map for the page: version, title, file name, claims, edges, the
/// semantics names, and whether it can be changed, undone or redone.
Json map_json(const MapView& view, bool read_only);

/// Answer one API request on `session`.
ApiResponse handle(Session& session, const ApiRequest& request, const ApiLimits& limits);

/// An error response {"error", "where"} with `status`.
ApiResponse error_response(int status, const std::string& message, const std::string& where);

}  // namespace agon::workbench
