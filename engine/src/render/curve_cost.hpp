// Internal: whether Graphviz can draw a map's edges curved in reasonable time.
//
// Graphviz 2.43 bends each edge of `splines=curved` away from the centre of a
// cycle through it, and finds the cycles by walking every simple path from
// every node. On graphs with many cycles that walk explodes: 24 million steps
// (4 s of sfdp) on a random graph of 160 claims and 240 edges, over a minute
// on 160 claims and 320 edges, while acyclic maps of 1,000 claims take about
// 100,000 steps. This walks the same paths, stopping at a budget.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace agon::detail {

/// The steps Graphviz's cycle search would take over the drawn graph whose
/// edges are `arcs` (tail, head), counted up to `budget`; true when they stay
/// within it.
bool curves_affordable(const std::vector<std::pair<std::string, std::string>>& arcs, std::uint64_t budget);

/// The budget the map uses: about a third of a second of Graphviz's search.
inline constexpr std::uint64_t kCurveBudget = 2'000'000;

}  // namespace agon::detail
