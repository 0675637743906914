// Internal: rebuild a snapshot with some claims cut off and some base scores
// or weights changed - the edits every explanation re-evaluates.
#pragma once

#include <cstdint>
#include <vector>

#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"

namespace agon::detail {

struct SnapshotEdit {
    /// cut[v] != 0: every edge from or to claim v (and undercuts of those) is dropped.
    std::vector<char> cut;
    /// Replacement base scores / edge weights (empty: unchanged).
    std::vector<double> base;
    std::vector<double> weight;
};

Snapshot apply(const Snapshot& s, const SnapshotEdit& edit);

/// Claims with a path of edges (attack, support, or undercut source) to `target`, excluding it.
std::vector<std::uint32_t> influencers(const Snapshot& s, std::uint32_t target);

}  // namespace agon::detail
