#include "stop_signals.hpp"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstddef>

namespace agon::workbench {

namespace {

CancelToken& stop_token() {
    static CancelToken token;
    return token;
}

// Lock-free, so that the handler may touch them.
std::atomic<int> g_signals{0};    // signals received
std::atomic<int> g_quit_code{0};  // the exit code of a quit asked for, else 0
std::atomic<int> g_writing{0};    // QuitAfter objects alive
static_assert(std::atomic<int>::is_always_lock_free);

template <std::size_t N>
void say(const char (&line)[N]) {
    (void)!::write(2, line, N - 1);
}

[[noreturn]] void quit(int code) {
    say("agon serve: quitting now\n");
    ::_exit(code);
}

extern "C" void on_stop_signal(int signal) {
    const int saved = errno;
    const int n = ++g_signals;
    if (n == 1) {
        stop_token().cancel();
        say("agon serve: stopping (press Ctrl-C again to quit now)\n");
    } else {
        // Asked before the writes are counted, and ~QuitAfter counts before it
        // asks: whichever comes second sees the other, so the quit is not lost.
        g_quit_code = 128 + signal;
        if (n > 2 || g_writing == 0) quit(128 + signal);
        say("agon serve: quitting once the file being saved is written (Ctrl-C again to quit now)\n");
    }
    errno = saved;
}

}  // namespace

CancelToken install_stop_signals() {
    const CancelToken token = stop_token();  // made before a signal can ask for it
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    return token;
}

QuitAfter::QuitAfter() { ++g_writing; }

QuitAfter::~QuitAfter() {
    if (--g_writing == 0 && g_quit_code != 0) quit(g_quit_code);
}

}  // namespace agon::workbench
