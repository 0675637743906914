#include "cli.hpp"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "agon/error.hpp"

namespace agon::cli {

namespace {
int g_exit = ok;
CancelToken& interrupt_token() {
    static CancelToken token;
    return token;
}
extern "C" void on_interrupt(int) { interrupt_token().cancel(); }
}  // namespace

void set_exit(int code) { g_exit = code; }
int exit_code() { return g_exit; }

void print_error(const std::string& message) {
    end_progress_line();
    std::cerr << "agon: error: " << message << "\n";
}

void print_warnings(const Warnings& warnings) {
    for (const auto& w : warnings) std::cerr << "agon: warning: " << w << "\n";
}

void warn_if_unconverged(const Result& r) {
    if (!r.converged)
        std::cerr << "agon: warning: " << r.semantics << " did not converge after " << r.iterations
                  << " iterations\n";
}

void warn_if_unconverged(const Subject& subject, const Request& request, const Control& control) {
    if (gives_labels(canonical_semantics(request.semantics))) return;
    Control untimed;  // work that finished near its time limit is not failed for this check
    untimed.cancel = control.cancel;
    warn_if_unconverged(evaluate(subject, request, untimed));
}

const char* const kTimeoutRule = "must be a number of seconds, 0 or more (0 = no limit)";

Control interruptible(double timeout_seconds) {
    static bool installed = false;
    if (!installed) {
        std::signal(SIGINT, on_interrupt);
        std::signal(SIGTERM, on_interrupt);
        installed = true;
    }
    Control c;
    c.cancel = interrupt_token();
    c.set_timeout(timeout_seconds);
    return c;
}

std::map<std::string, std::string> parse_params(const std::vector<std::string>& items) {
    std::map<std::string, std::string> out;
    for (const auto& item : items) {
        auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0)
            throw Error(ErrorKind::usage, "--param expects KEY=VALUE, got '" + item + "'");
        out[item.substr(0, eq)] = item.substr(eq + 1);
    }
    return out;
}

std::optional<Format> format_option(const std::string& from) {
    if (from.empty()) return std::nullopt;
    auto f = format_from_name(from);
    if (!f) throw Error(ErrorKind::usage, "unknown format '" + from + "' (the formats are listed in agon convert --help)");
    return f;
}

Input load_input(const std::string& path, const std::string& from, bool need_graph) {
    std::string text = read_file(path);
    Format f = from.empty() ? with_hint(ErrorKind::usage, "--from FORMAT", [&] { return detect_format(path, text); })
                            : *format_option(from);
    Input in;
    if (!need_graph && is_framework_format(f)) {
        in.snapshot = std::make_shared<const Snapshot>(Snapshot::of(parse_framework(text, f, path)));
        return in;
    }
    Warnings warnings;
    in.graph = parse_graph(text, f, path, &warnings);
    print_warnings(warnings);
    in.snapshot = std::make_shared<const Snapshot>(Snapshot::of(*in.graph));
    return in;
}

Request request_of(const std::string& semantics, const std::vector<std::string>& params, const std::string& support) {
    Request req{semantics, parse_params(params)};
    if (!support.empty()) req.params["support"] = support;
    return req;
}

void require_claim(const Input& in, const std::string& id, const std::string& file) {
    if (!in.snapshot->index_of(id)) throw Error(ErrorKind::not_found, "no claim '" + id + "'", Location{file, 0, 0});
}

void refuse_overwriting_input(const std::string& input, const std::string& output) {
    std::error_code error;
    if (!output.empty() && output != "-" && std::filesystem::equivalent(input, output, error))
        throw Error(ErrorKind::usage, output + ": is the input file; write to another file");
}

void emit(const std::string& out, const std::string& text) {
    if (out.empty() || out == "-") {
        std::cout << text;
        std::cout.flush();
        return;
    }
    write_file_atomic(out, text);
}

namespace {
bool progress_line_open = false;  // a progress line without its newline yet
}  // namespace

Control with_progress(Control control) {
    if (::isatty(2)) {
        control.progress = [](std::string_view stage, double fraction) {
            if (fraction < 0) return;
            std::fprintf(stderr, "\r%.*s %3d%%%s", static_cast<int>(stage.size()), stage.data(),
                         static_cast<int>(std::lround(fraction * 100)), fraction >= 1 ? "\n" : "");
            std::fflush(stderr);
            progress_line_open = fraction < 1;
        };
    }
    return control;
}

void end_progress_line() {
    if (progress_line_open) std::fputc('\n', stderr);
    progress_line_open = false;
}

int stdout_checked(int code) {
    // `agon convert x --to json > y.json` on a full disk left y.json cut short, exit 0.
    if ((!std::cout.flush() || std::fflush(stdout) != 0 || std::ferror(stdout)) && errno != EPIPE) {
        print_error(std::string("cannot write to standard output: ") + std::strerror(errno));
        return bad_input;
    }
    return code;
}

}  // namespace agon::cli
