// agon/control.hpp - cancellation, time limits and progress for long work.
//
// Every long operation (solving, enumeration, iteration, sweeps) takes a
// Control and calls check() inside its loops. A set cancel token makes the
// operation throw Error(ErrorKind::cancelled); a passed deadline makes it throw
// Error(ErrorKind::limit, "time limit of N s exceeded"). Both are cheap to poll.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

namespace agon {

/// A shared flag that any thread (or a signal handler, through cancel()) may
/// set to ask running work to stop. Copies share the same flag.
class CancelToken {
public:
    CancelToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
    /// Ask the work to stop. Async-signal-safe (a lock-free atomic store).
    void cancel() const noexcept { flag_->store(true, std::memory_order_relaxed); }
    bool cancelled() const noexcept { return flag_->load(std::memory_order_relaxed); }
    /// Clear the flag so the token can be reused.
    void reset() const noexcept { flag_->store(false, std::memory_order_relaxed); }
    /// The raw flag, for callbacks that outlive no token (e.g. SAT terminators).
    const std::atomic<bool>* flag() const noexcept { return flag_.get(); }

private:
    std::shared_ptr<std::atomic<bool>> flag_;
};

/// Limits and reporting for one operation. Default: no limit, no progress.
struct Control {
    using Clock = std::chrono::steady_clock;

    CancelToken cancel;
    /// Absolute deadline; std::nullopt means no time limit.
    std::optional<Clock::time_point> deadline;
    /// Called now and then with a stage name and a fraction in [0,1] (or -1
    /// when the total is unknown). May be empty.
    std::function<void(std::string_view stage, double fraction)> progress;
    /// Polled by stop_requested(); returning true stops the work like a
    /// cancelled token (used by the C API's cancel callback). May be empty.
    std::function<bool()> should_stop;

    /// Set the deadline `seconds` from now (<= 0 clears it).
    void set_timeout(double seconds);
    /// Seconds left before the deadline, at least 0.001 so that a passed
    /// deadline still reads as a limit; 0 when there is none (the "no limit"
    /// of every timeout option).
    double seconds_left() const noexcept;
    /// True when the work should stop (cancelled or past the deadline).
    bool stop_requested() const noexcept;
    /// Throw Error(cancelled) or Error(limit) when the work should stop.
    void check() const;
    /// Forward to `progress` when set.
    void report(std::string_view stage, double fraction) const {
        if (progress) progress(stage, fraction);
    }
};

}  // namespace agon
