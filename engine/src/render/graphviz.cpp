// The only translation unit that includes Graphviz. Lays out and renders DOT
// text with one reused context behind one process-wide mutex (Graphviz is not
// thread-safe), in a child process with a time limit for large maps. Its text
// layout plugin (graphviz_text.cpp) is the one other file that sees Graphviz.
#include <graphviz/gvc.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <mutex>
#include <string>

#include "agon/error.hpp"
#include "agon/file.hpp"
#include "agon/render.hpp"
#include "graphviz_text.hpp"
#include "rounded_boxes.hpp"

namespace agon {

namespace {

std::mutex& graphviz_lock() {
    static std::mutex m;
    return m;
}

std::string g_last_error;
int collect_error(char* message) {
    g_last_error = message;
    while (!g_last_error.empty() && (g_last_error.back() == '\n' || g_last_error.back() == ' ')) g_last_error.pop_back();
    return 0;
}

GVC_t* context() {
    static GVC_t* gvc = [] {
        agseterrf(collect_error);  // Graphviz prints errors to stderr otherwise
        return gvContextPlugins(detail::remembered_text_plugins(), 1);
    }();
    return gvc;
}

// Lay out and render in this process. Caller holds the lock.
std::string render_here(const std::string& dot, const std::string& engine, const std::string& format) {
    g_last_error.clear();
    detail::remember_text_sizes(format == "svg");
    Agraph_t* g = agmemread(dot.c_str());
    if (!g) throw Error(ErrorKind::invalid_input, "Graphviz could not read the map: " + g_last_error);
    if (gvLayout(context(), g, engine.c_str()) != 0) {
        agclose(g);
        throw Error(ErrorKind::usage, "Graphviz layout '" + engine + "' failed: " + g_last_error);
    }
    char* data = nullptr;
    unsigned int length = 0;
    const int rc = gvRenderData(context(), g, format.c_str(), &data, &length);
    std::string out;
    if (rc == 0 && data) out.assign(data, length);
    if (data) gvFreeRenderData(data);
    gvFreeLayout(context(), g);
    agclose(g);
    if (rc != 0) throw Error(ErrorKind::usage, "Graphviz cannot render format '" + format + "'");
    return out;
}

// Lay out in a child process and read the bytes through a pipe; kill the
// child when it overruns the time limit or `cancel` is cancelled.
std::string render_forked(const std::string& dot, const std::string& engine, const std::string& format, double timeout,
                          const CancelToken& cancel) {
    int fds[2];
    if (::pipe(fds) != 0) throw Error(ErrorKind::io, "cannot create a pipe for the layout process");
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw Error(ErrorKind::io, "cannot start the layout process");
    }
    if (pid == 0) {
        // A layout can run for hours: it must not outlive a program killed meanwhile.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(3);
        ::close(fds[0]);
        int status = 0;
        try {
            const std::string bytes = render_here(dot, engine, format);
            std::size_t done = 0;
            while (done < bytes.size()) {
                const ssize_t n = ::write(fds[1], bytes.data() + done, bytes.size() - done);
                if (n <= 0) break;
                done += static_cast<std::size_t>(n);
            }
        } catch (const std::exception& e) {
            const std::string m = std::string("\x01") + e.what();
            (void)!::write(fds[1], m.data(), m.size());
            status = 3;
        }
        ::close(fds[1]);
        ::_exit(status);
    }
    ::close(fds[1]);
    std::string out;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout);
    char buf[1 << 16];
    bool timed_out = false, cancelled = false;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (timeout > 0 && left.count() <= 0) {
            timed_out = true;
            break;
        }
        if (cancel.cancelled()) {
            cancelled = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, timeout > 0 ? static_cast<int>(std::min<long long>(left.count(), 200)) : 200);
        if (ready <= 0) continue;
        const ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    if (timed_out || cancelled) ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (cancelled) throw Error(ErrorKind::cancelled, "the " + engine + " layout was interrupted");
    if (timed_out)
        throw Error(ErrorKind::limit, "the " + engine + " layout took longer than " + std::to_string(static_cast<int>(timeout)) +
                                          " s; " + (engine == "sfdp" ? "another layout" : "the sfdp layout") +
                                          ", a focus on fewer claims or a longer time limit may help");
    if (!out.empty() && out[0] == '\x01') throw Error(ErrorKind::usage, out.substr(1));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw Error(ErrorKind::io, "the layout process failed");
    return out;
}

}  // namespace

bool render_available() noexcept { return true; }

std::string render(const Graph& graph, const RenderOptions& options) {
    const std::string& f = options.format;
    if (f != "svg" && f != "png" && f != "pdf" && f != "dot")
        throw Error(ErrorKind::usage, "unknown map format '" + f + "' (svg, png, pdf or dot)");
    const std::string engine = layout_engine(graph, options);
    // A pinned SVG map (the workbench's redraw; it has no legend, whose boxes
    // are square) gets its statements' rounded corners from rounded_boxes.
    const bool square = f == "svg" && !options.positions.empty();
    const std::string dot = detail::to_dot(graph, options, square);
    if (f == "dot") return dot;
    std::string out;
    {
        std::lock_guard<std::mutex> hold(graphviz_lock());
        // sfdp and neato can run for minutes on a graph of only 200 claims (curved
        // edges on some random graphs): they always go to a child the time limit
        // can stop.
        out = layout_forks(graph, options) ? render_forked(dot, engine, f, options.timeout, options.cancel)
                                           : render_here(dot, engine, f);
    }
    return square ? detail::rounded_boxes(out) : out;
}

std::string render_dot(const std::string& dot, const std::string& format, const std::string& engine) {
    if (format == "dot") return dot;
    if (format != "svg" && format != "png" && format != "pdf")
        throw Error(ErrorKind::usage, "unknown map format '" + format + "' (svg, png, pdf or dot)");
    std::lock_guard<std::mutex> hold(graphviz_lock());
    return render_here(dot, engine, format);
}

void render_to_file(const Graph& graph, const RenderOptions& options, const std::string& path) {
    write_file_atomic(path, render(graph, options));
}

}  // namespace agon
