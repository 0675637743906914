// Test helpers: the gradual worklist's process-wide knobs, set for a scope.
#pragma once

#include <cstdint>

#include "incremental/gradual_worklist.hpp"

namespace agon::test {

/// Sets `knob` to `value` while it lives (when `on`), and back after (also
/// when a failed REQUIRE throws out of the scope).
template <typename T>
class Knob {
public:
    Knob(T& knob, T value, bool on = true) : knob_(knob), old_(knob) {
        if (on) knob_ = value;
    }
    ~Knob() { knob_ = old_; }
    Knob(const Knob&) = delete;
    Knob& operator=(const Knob&) = delete;

private:
    T& knob_;
    T old_;
};

/// While it lives (when `on`), every gradual update switches to sweeps at
/// its first recompute.
struct ForceSweeps {
    using GradualWorklist = detail::incremental::GradualWorklist;
    explicit ForceSweeps(bool on = true) : share(GradualWorklist::sweep_share, 0.0, on),
                                           min_claims(GradualWorklist::sweep_min_claims, 0, on) {}
    Knob<double> share;
    Knob<std::uint32_t> min_claims;
};

}  // namespace agon::test
