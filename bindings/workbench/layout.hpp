// layout.hpp - the stable layout: places claims that have no position yet
// next to the claims they are linked to, in free space, so that a map drawn
// with a layout cache never moves a claim that was already there.
#pragma once

#include "agon/graph.hpp"
#include "engine_calls.hpp"

namespace agon::workbench {

/// Positions for the nodes of `graph` missing from `known` (claims, and the
/// middle points "edge:ID" of undercut edges): each new claim near the mean
/// of its placed neighbours (or right of the map when it has none), on the first
/// free spot of a spiral around it. Deterministic. O(n + m) plus, for each new
/// claim, its links and the spots it tries (each checked against the claims
/// nearby only).
Positions place_new(const Graph& graph, const Positions& known);

}  // namespace agon::workbench
