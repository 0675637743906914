// Internal: the grounded labelling of a changing framework, repaired below
// the changes. Only descendants of a changed argument can change label
// (directionality), so they are reset and labelled again with every other
// label fixed: O(size of the descendants and their attacks) per repair,
// instead of O(n + m).
#pragma once

#include <cstdint>
#include <vector>

#include "agon/semantics.hpp"
#include "dynamic_framework.hpp"

namespace agon::detail::incremental {

class GroundedRepair {
public:
    /// Note changed slots (their life or attackers changed).
    void changed(const std::vector<std::uint32_t>& slots);
    /// Repair and return the labels per slot (dead slots: undec).
    const std::vector<Label>& labels(const DynamicFramework& af);
    /// Slots relabelled by the last repair (for tests and benchmarks).
    std::size_t last_repair_size() const { return last_; }

private:
    std::vector<Label> labels_;
    std::vector<std::uint32_t> pending_, region_, live_, queue_;
    std::vector<char> in_region_;
    std::size_t last_ = 0;
};

}  // namespace agon::detail::incremental
