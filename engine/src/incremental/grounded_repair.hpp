// Internal: the grounded labelling of a changing framework, repaired around
// the changes in the manner of delete-and-rederive (Gupta, Mumick &
// Subrahmanian 1993). Each out argument remembers the in attacker that put it
// out. The suspects start as the changed arguments and grow along attacks
// only where a label may rest on a suspect: an out argument whose reason is a
// suspect, the in and undecided targets of an out suspect, the undecided
// targets of an undecided suspect. Everything else keeps its label (its
// reasons are untouched), and the suspects are labelled again with the rest
// fixed: O(suspects and their attacks) per repair instead of O(n + m), and
// never more than the changes' descendants.
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
    std::vector<std::uint32_t> reason_;  // per out slot: the in attacker that put it out
    std::vector<std::uint32_t> pending_, region_, live_, queue_;
    std::vector<char> in_region_;
    std::size_t last_ = 0;
};

}  // namespace agon::detail::incremental
