// Ctrl-C and time limits for long calls (see interrupt.hpp).
#include "interrupt.hpp"

#include <atomic>
#include <chrono>
#include <thread>

namespace agon::python {

namespace {
std::thread::id main_thread;
constexpr auto kPollEvery = std::chrono::milliseconds(20);
}  // namespace

void remember_main_thread() { main_thread = std::this_thread::get_id(); }

double time_limit(Timeout timeout) {
    // -1 or NaN used to mean no limit, unlike the command line's --timeout.
    if (timeout && !(*timeout >= 0))
        throw py::value_error("timeout must be a number of seconds, 0 or more (0 or None: no limit)");
    return timeout.value_or(0);
}

struct Interrupt::State {
    std::thread::id caller = std::this_thread::get_id();
    std::atomic<bool> raised{false};
    Control::Clock::time_point next_poll = Control::Clock::now() + kPollEvery;

    bool should_stop() noexcept {
        if (raised.load(std::memory_order_relaxed)) return true;
        if (caller != main_thread || std::this_thread::get_id() != caller) return false;
        const auto now = Control::Clock::now();
        if (now < next_poll) return false;
        next_poll = now + kPollEvery;
        py::gil_scoped_acquire gil;
        // A handler that raised leaves its exception pending in this thread.
        if (PyErr_CheckSignals() != 0) raised.store(true, std::memory_order_relaxed);
        return raised.load(std::memory_order_relaxed);
    }
};

Interrupt::Interrupt(double seconds) : state_(std::make_shared<State>()) {
    control_.set_timeout(seconds);
    control_.should_stop = [state = state_] { return state->should_stop(); };
    // Work that spreads over its own threads (robustness) reports progress from the
    // calling thread: poll there too, and the workers see the flag.
    control_.progress = [state = state_](std::string_view, double) { state->should_stop(); };
}

bool Interrupt::raised() const noexcept { return state_->raised.load(std::memory_order_relaxed); }

}  // namespace agon::python
