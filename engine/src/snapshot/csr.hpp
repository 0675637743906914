// Internal: build one CSR Adjacency from an edge list.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "agon/snapshot.hpp"

namespace agon::detail {

/// CSR adjacency of `n` vertices from (source, target) pairs; `labels[i]` is
/// stored as the edge index of pair i. Entries of a vertex keep input order.
Adjacency build_adjacency(std::uint32_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
                          const std::vector<std::uint32_t>& labels);

}  // namespace agon::detail
