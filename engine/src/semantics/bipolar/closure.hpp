// Internal: reflexive-transitive closure of the support relation, one claim
// at a time, remembered for the claims asked about.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "agon/snapshot.hpp"

namespace agon::detail {

/// The claims reachable from a claim through support edges (the claim
/// itself first), followed forwards (what it supports, transitively) or
/// backwards (what supports it). Each closure is computed once, by a BFS
/// whose cost is its own size plus the support edges it reads (a reused
/// visit stamp avoids an O(n) reset per claim), and kept: memory is the sum
/// of the closures asked for.
class SupportClosure {
public:
    SupportClosure(const Snapshot& s, bool forward);
    /// The closure of v in BFS order. The span stays valid as long as this object.
    std::span<const std::uint32_t> of(std::uint32_t v);

private:
    const Adjacency& adj_;
    std::vector<std::uint32_t> stamp_;  // round in which a claim was last visited
    std::uint32_t round_ = 0;
    std::vector<std::vector<std::uint32_t>> cache_;
    std::vector<char> done_;
};

}  // namespace agon::detail
