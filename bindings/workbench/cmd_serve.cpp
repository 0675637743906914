// agon serve [FILE] [--port N] [--host ADDR] [--open] [--read-only] [--watch] [--token T] [--request-timeout S]
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "agon/error.hpp"
#include "cli.hpp"
#include "server.hpp"
#include "workbench.hpp"

namespace agon::workbench {

namespace {

struct ServeCmd {
    std::string file;
    ServeOptions serve;
    bool read_only = false;
    double max_body_mb = 8;
};

std::string random_token() {
    std::ifstream urandom("/dev/urandom", std::ios::binary);
    unsigned char bytes[16] = {};
    if (!urandom.read(reinterpret_cast<char*>(bytes), sizeof bytes))
        throw Error(ErrorKind::io, "cannot read /dev/urandom for a token; give --token");
    std::string out;
    char hex[3];
    for (unsigned char b : bytes) std::snprintf(hex, sizeof hex, "%02x", b), out += hex;
    return out;
}

void run(ServeCmd& o) {
    // At least a kilobyte (an edit needs that much), at most a terabyte (past
    // it the byte count overflows, and every request was refused).
    if (!(o.max_body_mb * 1024 * 1024 >= 1024 && o.max_body_mb <= 1024 * 1024))
        throw Error(ErrorKind::usage, "--max-body must be between 0.001 and 1048576 MiB");
    o.serve.max_body = static_cast<std::size_t>(o.max_body_mb * 1024 * 1024);
    if (!is_loopback(o.serve.host) && o.serve.token.empty()) {
        o.serve.token = random_token();
        std::cout << "agon: " << o.serve.host << " is reachable from other machines: every request needs the token "
                  << o.serve.token << " (it is in the address below)\n";
    }
    const std::filesystem::path dir = o.file.empty() ? std::filesystem::current_path()
                                                     : std::filesystem::absolute(o.file).parent_path();
    Session session(dir.string(), o.read_only);
    if (!o.file.empty()) session.open_file(o.file);
    serve(session, o.serve);
}

}  // namespace

void add_serve(CLI::App& app) {
    auto o = std::make_shared<ServeCmd>();
    auto* cmd = app.add_subcommand("serve", "Open the workbench: a live argument map in the browser, edited and "
                                            "stress-tested by clicking.");
    cmd->footer("Serves a page and a JSON API on 127.0.0.1 (this machine only) and prints the address.\n"
                "Click a claim to see why it stands or falls and what it hinges on; switch claims off, move\n"
                "base scores and weights, add counter-claims and watch the map recolour; edit and save.\n"
                "A --host other than loopback needs --token (one is generated and printed otherwise).");
    cmd->add_option("file", o->file, "graph file to open (any format agon reads); none for an empty map");
    cmd->add_option("--port", o->serve.port, "port (0 picks a free one)")->capture_default_str()->check(CLI::Range(0, 65535));
    cmd->add_option("--host", o->serve.host, "address to listen on")->capture_default_str();
    cmd->add_option("--token", o->serve.token, "secret every request must carry (?token= or X-Agon-Token)");
    cmd->add_flag("--open", o->serve.open, "open the page in the desktop's browser");
    cmd->add_flag("--read-only", o->read_only, "refuse edits and saves (what-ifs still work)");
    cmd->add_flag("--watch", o->serve.watch, "reload the map when its file changes on disk");
    cmd->add_option("--max-body", o->max_body_mb, "largest request in MiB")->capture_default_str();
    cmd->add_option("--request-timeout", o->serve.request_seconds,
                    "seconds a client may take to send one request, headers and body")
        ->capture_default_str()
        ->check(CLI::Range(0.1, 3600.0));
    cli::add_timeout(*cmd, o->serve.limits.evaluation_seconds, "seconds one evaluation, explanation or drawing may take");
    cmd->callback([o] { run(*o); });
}

}  // namespace agon::workbench
