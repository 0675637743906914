// Long engine calls from Python: the GIL is released while the engine works,
// and Ctrl-C (SIGINT, seen by Python's own handler) cancels the work through
// agon::Control, surfacing as KeyboardInterrupt.
#pragma once

#include <memory>

#include "agon/control.hpp"
#include "agon/error.hpp"
#include "py_agon.hpp"

namespace agon::python {

/// Note the interpreter's main thread (called at import, which runs there).
void remember_main_thread();

/// The seconds of a `timeout` argument, 0 for none (None or 0); ValueError
/// for a negative or NaN one, as the command line refuses them.
double time_limit(Timeout timeout);

/// A Control for one call. Its should_stop lets Python run its signal
/// handlers (PyErr_CheckSignals, with the GIL taken back for a moment, at
/// most every 20 ms) when polled from the main thread that made the call;
/// polls from other threads (the engine's workers) read the shared flag.
/// Progress reports from the calling thread poll as well.
class Interrupt {
public:
    /// `seconds` as time_limit gives it; 0 means none.
    explicit Interrupt(double seconds);
    const Control& control() const noexcept { return control_; }
    /// True when a Python signal handler raised (KeyboardInterrupt is pending).
    bool raised() const noexcept;

private:
    struct State;
    std::shared_ptr<State> state_;
    Control control_;
};

/// Run `work(control)` with the GIL released. When Ctrl-C stopped it, the
/// pending KeyboardInterrupt is raised instead of the engine's cancellation.
template <class Work>
auto run_long(Timeout timeout, Work&& work) {
    Interrupt interrupt(time_limit(timeout));
    try {
        py::gil_scoped_release release;
        return work(interrupt.control());
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::cancelled && interrupt.raised()) throw py::error_already_set();
        throw;
    }
}

}  // namespace agon::python
