// Internal: wide fan-ins drawn over several ranks.
//
// dot puts every claim that only feeds one other claim in the rank next to
// it, so thirteen of them make one column (one row top to bottom) thirteen
// boxes long: the drawing becomes a thin strip, scaled down to a few points of
// text on a page or a screen. Graphviz's `unflatten -l 3` staggers such edges
// over three ranks; Debian's Graphviz 2.42 has no library call for it, so the
// DOT writer asks for the same `minlen` values itself.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace agon::detail {

/// Leaves (nodes whose only arc leaves them) into one node from which on
/// they are staggered: 13 make a strip, 5 still fit beside their target.
inline constexpr std::size_t kFanInLeaves = 6;

/// The most ranks a wide fan-in is spread over. The Mexico–US map's 8 leaves
/// into its target (left to right, with the legend) make it 958 x 1535 pt in
/// one rank, 956 x 1511 in two, 958 x 1443 in three; in four, 1161 x 1151,
/// which a portrait page shrinks more than the strip.
inline constexpr int kFanInRanks = 3;

/// The `minlen` of each of `arcs` (tail, head, in the order the DOT lists
/// them): for a node with at least kFanInLeaves arcs from leaves, those arcs
/// get 1, 2, 1, 2, ... in their order, or 1, 2, 3, 1, ... when the longest path
/// into the node (cycles broken) is 3 arcs or more: a fan-in spreads over the
/// ranks the map already has before its node, and over two when it has fewer,
/// since each rank more widens the drawing (the Mexico–US report's focus map
/// went from 658 to 898 pt wide with a third rank). Every other arc gets 1,
/// dot's default. Linear in the arcs.
std::vector<int> fan_in_minlen(const std::vector<std::pair<std::string, std::string>>& arcs);

}  // namespace agon::detail
