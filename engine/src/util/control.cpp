#include "agon/control.hpp"

#include <algorithm>

#include "agon/error.hpp"

namespace agon {

void Control::set_timeout(double seconds) {
    // Past about 292 years the clock's nanoseconds overflow: no limit then.
    if (!(seconds > 0) || seconds > 1e9) {
        deadline.reset();
        return;
    }
    deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

double Control::seconds_left() const noexcept {
    if (!deadline) return 0;
    const std::chrono::duration<double> left = *deadline - Clock::now();
    return std::max(0.001, left.count());
}

bool Control::stop_requested() const noexcept {
    return cancel.cancelled() || (should_stop && should_stop()) || (deadline && Clock::now() >= *deadline);
}

void Control::check() const {
    if (cancel.cancelled() || (should_stop && should_stop())) throw Error(ErrorKind::cancelled, "cancelled");
    if (deadline && Clock::now() >= *deadline) throw Error(ErrorKind::limit, "time limit exceeded");
}

}  // namespace agon
