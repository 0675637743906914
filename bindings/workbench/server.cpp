#include "server.hpp"

#include <httplib.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <semaphore>
#include <set>
#include <thread>

#include "agon/error.hpp"
#include "cli.hpp"
#include "connection_pool.hpp"
#include "limited_server.hpp"
#include "page.hpp"
#include "stop_signals.hpp"

extern char** environ;

namespace agon::workbench {

namespace {

void send(httplib::Response& res, const ApiResponse& r) {
    res.status = r.status;
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    if (!r.file_name.empty()) res.set_header("Content-Disposition", "attachment; filename=\"" + r.file_name + "\"");
    res.set_content(r.body, r.content_type.c_str());
}

// Whether `host` listens on every address (0.0.0.0, ::): clients then name
// the machine in many ways, none of which agon can list.
bool wildcard(const std::string& host) { return host == "0.0.0.0" || host == "::" || host == "[::]"; }

// Names under which the page may be reached: anything else in Host is a
// rebinding attempt (a foreign name resolving to this address). Empty for a
// wildcard address, whose every request needs the token instead (a rebinding
// page cannot know it).
std::set<std::string> allowed_hosts(const std::string& host, int port) {
    if (wildcard(host)) return {};
    const std::string p = ":" + std::to_string(port);
    std::set<std::string> out{(host.find(':') != std::string::npos ? "[" + host + "]" : host) + p};
    if (is_loopback(host)) out.insert({"127.0.0.1" + p, "localhost" + p, "[::1]" + p});
    return out;
}

// Constant-time comparison, so the token cannot be guessed byte by byte.
bool same(const std::string& a, const std::string& b) {
    unsigned char diff = a.size() != b.size();
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

// The reason to refuse a request before it reaches the API, or an empty string.
ApiResponse guard(const httplib::Request& req, const std::set<std::string>& hosts, const std::string& token) {
    const std::string host = req.get_header_value("Host");
    if (!hosts.empty() && !hosts.count(host))
        return error_response(403, "unexpected Host header (open the address agon serve printed)", "Host");
    if (req.has_header("Origin")) {
        const std::string origin = req.get_header_value("Origin");
        if (origin.rfind("http://", 0) != 0 || origin.substr(7) != host)
            return error_response(403, "requests from other sites are refused", "Origin");
    }
    if (!token.empty()) {
        const std::string given = req.has_header("X-Agon-Token") ? req.get_header_value("X-Agon-Token")
                                                                  : req.get_param_value("token");
        if (!same(given, token)) return error_response(403, "missing or wrong token", "token");
    }
    if (req.method == "POST" && req.get_header_value("Content-Type").rfind("application/json", 0) != 0)
        return error_response(415, "send JSON with Content-Type: application/json", "Content-Type");
    return {0, "", "", ""};
}

// The request's body was not read to its end: what follows it on the
// connection is not a request, so the client must not send another there.
void close_after(httplib::Response& res) { res.set_header("Connection", "close"); }

// The body of a request, at most `max` bytes once decoded, or nothing with
// res.status set (the error handler writes the JSON). Read here rather than by
// httplib 0.11, which waits for a body that has neither Content-Length nor
// Transfer-Encoding until the read timeout (HTTP/1.1 says there is none), and
// keeps a chunked or compressed body whole, however large.
std::optional<std::string> read_body(const httplib::Request& req, httplib::Response& res,
                                     const httplib::ContentReader& reader, std::size_t max) {
    std::string body;
    if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding")) return body;
    bool too_large = false;
    const bool read = reader([&](const char* data, std::size_t n) {
        too_large = body.size() + n > max;
        if (!too_large) body.append(data, n);
        return !too_large;
    });
    if (read) return body;
    // Otherwise httplib set 413 for a Content-Length over the limit (it skips
    // that body), 400 for a body cut short or a chunk it cannot parse.
    if (too_large) res.status = 413;
    close_after(res);
    return std::nullopt;
}

// One of the places of requests that run the engine, held for the request.
class EngineSlot {
public:
    explicit EngineSlot(std::counting_semaphore<>& slots) : slots_(slots) { slots_.acquire(); }
    ~EngineSlot() { slots_.release(); }
    EngineSlot(const EngineSlot&) = delete;
    EngineSlot& operator=(const EngineSlot&) = delete;

private:
    std::counting_semaphore<>& slots_;
};

void open_browser(const std::string& url) {
    pid_t pid = 0;
    const char* argv[] = {"xdg-open", url.c_str(), nullptr};
    if (::posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0)
        std::cerr << "agon: could not start a browser (xdg-open); open the address yourself\n";
}

}  // namespace

bool is_loopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

void serve(Session& session, const ServeOptions& o) {
    ApiLimits api_limits = o.limits;
    api_limits.stop = install_stop_signals();  // before the banner: a client may stop us once it is out
    RequestLimits limits;
    limits.deadline = std::chrono::milliseconds(static_cast<long long>(o.request_seconds * 1000));
    LimitedServer server(limits);
    server.set_payload_max_length(o.max_body);
    // A thread per open connection, up to far more than a class of browsers
    // opens (each tab polls the version every second, so keeps one open).
    server.new_task_queue = [] { return new ConnectionPool(256); };
    // A browser sends a request and reads its answer at once: 5 s without a
    // byte either way is a client gone or stalling, whose thread is let go.
    // An idle kept-alive connection is closed after 5 s too.
    server.set_read_timeout(5, 0);
    server.set_write_timeout(5, 0);
    server.set_keep_alive_timeout(5);
    // httplib 0.11 listens with a backlog of 5: connections past it in a
    // burst (a browser opens six, a class more) wait for the kernel's SYN
    // retry, a second or more. The socket it binds is listened on again below
    // with the system's largest backlog.
    socket_t listening = -1;
    server.set_socket_options([&](socket_t sock) {
        httplib::default_socket_options(sock);
        listening = sock;  // the last one tried is the one bound
    });
    const std::string page = page_html({{"mode", "server"}});

    std::set<std::string> hosts;  // filled once the port is known
    server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
        ApiResponse refused = guard(req, hosts, o.token);
        if (refused.status == 0) {
            // httplib compresses every answer the browser accepts compressed,
            // with Brotli at its slowest setting: half a second for a 300 kB
            // map, far more than sending it. Gzip (fast) only off loopback.
            // httplib 0.11 has no switch for it but the request's headers
            // (the server's own copy, so changing them is safe).
            auto& headers = const_cast<httplib::Request&>(req).headers;
            const bool gzip = !is_loopback(o.host) && req.get_header_value("Accept-Encoding").find("gzip") != std::string::npos;
            headers.erase("Accept-Encoding");
            if (gzip) headers.emplace("Accept-Encoding", "gzip");
            return httplib::Server::HandlerResponse::Unhandled;
        }
        send(res, refused);
        if (req.has_header("Content-Length") || req.has_header("Transfer-Encoding")) close_after(res);
        return httplib::Server::HandlerResponse::Handled;
    });
    server.Get("/", [&](const httplib::Request&, httplib::Response& res) {
        res.set_header("Content-Security-Policy",
                       "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                       "img-src data: blob:; connect-src 'self'; frame-ancestors 'none'");
        res.set_header("Cache-Control", "no-store");
        res.set_content(page, "text/html; charset=utf-8");
    });
    // Connections have a thread each, but a burst of requests on a large map
    // must not take that many times its memory: at most 8 run the engine at
    // once (POST; a GET only copies the map out), as httplib's own pool allowed.
    std::counting_semaphore<> engine(8);
    auto answer = [&](const httplib::Request& req, httplib::Response& res, std::string body) {
        ApiRequest q{req.method, req.path, std::move(body), {}};
        for (const auto& [k, v] : req.params) q.query[k] = v;
        std::optional<EngineSlot> slot;
        if (req.method == "POST") slot.emplace(engine);
        send(res, handle(session, q, api_limits));
    };
    auto without_body = [&](const httplib::Request& req, httplib::Response& res) { answer(req, res, ""); };
    // On every path: httplib reads the body of a request no handler takes
    // itself (waiting for one without a length, keeping one of any size).
    auto with_body = [&](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
        if (std::optional<std::string> body = read_body(req, res, reader, o.max_body)) answer(req, res, std::move(*body));
    };
    server.Get(R"(/api/.*)", without_body);
    server.Post(R"(/.*)", with_body);
    // Other methods reach the API too, which answers 405 rather than "not found".
    server.Put(R"(/.*)", with_body);
    server.Patch(R"(/.*)", with_body);
    server.Delete(R"(/.*)", with_body);
    server.Options(R"(/api/.*)", without_body);
    server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        const std::string message = res.status == 413 ? "request too large" : res.status == 404 ? "not found" : "bad request";
        send(res, error_response(res.status, message, req.path));
    });
    server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        send(res, error_response(400, "the request could not be handled", req.path));
    });

    const int port = o.port == 0 ? server.bind_to_any_port(o.host) : (server.bind_to_port(o.host, o.port) ? o.port : -1);
    if (port < 0) throw Error(ErrorKind::io, "cannot listen on " + o.host + ":" + std::to_string(o.port));
    ::listen(listening, SOMAXCONN);  // if it fails, the backlog of 5 stays: slower, not wrong
    hosts = allowed_hosts(o.host, port);
    // On every address the machine's own name is the one to give to others.
    char name[256] = "localhost";
    if (wildcard(o.host)) ::gethostname(name, sizeof name - 1);
    const std::string shown = wildcard(o.host) ? std::string(name)
                              : o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
    const std::string url = "http://" + shown + ":" + std::to_string(port) + "/" + (o.token.empty() ? "" : "?token=" + o.token);
    std::cout << "agon workbench: " << url << "\n(Ctrl-C to stop, twice to quit at once)" << std::endl;
    if (o.open) open_browser(url);

    // The first Ctrl-C and --watch are polled here: signal handlers may not stop the server.
    std::atomic<bool> done{false};
    std::thread keeper([&] {
        while (!done) {
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            if (api_limits.stop.cancelled()) server.stop();
            if (o.watch && session.reload_if_changed()) std::cout << "agon: reloaded the map from disk" << std::endl;
        }
    });
    // Lay the map out while the user opens the page: Graphviz takes seconds on a large map.
    std::atomic<int> warm_status{0};  // its answer's HTTP status; 0 while it runs
    std::thread warm([&] { warm_status = handle(session, {"POST", "/api/evaluate", "{}", {}}, api_limits).status; });
    server.listen_after_bind();
    done = true;
    keeper.join();
    const int warmed = warm_status;
    if (warmed == 0 || warmed == 503) std::cout << "agon: stopped while the map was still being laid out" << std::endl;
    // Graphviz in this process cannot be interrupted and a huge map can take
    // hours. Every request has finished (saves are atomic and synchronous), so
    // nothing is lost by leaving now instead of waiting for a layout nobody will see.
    if (warmed == 0) std::_Exit(cli::exit_code());
    warm.join();
}

}  // namespace agon::workbench
