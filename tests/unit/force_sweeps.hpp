// Test helper: gradual re-evaluation forced onto its Gauss-Seidel sweeps.
#pragma once

#include <cstdint>

#include "incremental/gradual_worklist.hpp"

namespace agon::test {

/// While it lives, every gradual update switches to sweeps at its first recompute.
struct ForceSweeps {
    using GradualWorklist = detail::incremental::GradualWorklist;
    double share = GradualWorklist::sweep_share;
    std::uint32_t min_claims = GradualWorklist::sweep_min_claims;
    ForceSweeps() { GradualWorklist::sweep_share = 0, GradualWorklist::sweep_min_claims = 0; }
    ~ForceSweeps() { GradualWorklist::sweep_share = share, GradualWorklist::sweep_min_claims = min_claims; }
    ForceSweeps(const ForceSweeps&) = delete;
    ForceSweeps& operator=(const ForceSweeps&) = delete;
};

}  // namespace agon::test
