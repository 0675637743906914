// Internal: the order the gradual worklist's sweeps visit claims in
// (gradual_worklist.cpp), from the claims' out-edges alone. Any order of all
// claims gives the same answer (the closing sweep and the worklist's tail
// make the sweeps exact); this one is chosen for speed:
// * Few edges backwards, for the plain passes: Eades, Lin and Smyth's greedy
//   heuristic for a small feedback arc set ("A fast and effective heuristic
//   for the feedback arc set problem", 1993) takes sinks off to the end,
//   sources to the front, and otherwise the claim with the most out-edges
//   over in-edges to the front. On the benchmark's graph the forward edges'
//   longest path is then far shorter than in a depth-first reverse
//   postorder (95 claims against 499 with every edge, unit test "gradual
//   sweeps visit the claims in an order with few edges backwards";
//   docs/incremental.md). It costs a priority queue over the edges: the
//   closing sweep of a first question, which runs once, takes the reverse
//   postorder instead (a claim tends to come after what acts on it too).
// * Grouped by level (one more than the highest level of a claim before it
//   that acts on it): every claim reads as many new inputs as in the order
//   above, but the claims of one level do not wait for each other's values,
//   so the processor overlaps their divisions.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace agon::detail::incremental {

struct SweepOrder {
    /// Every claim 0..n-1 once (the closing sweep).
    std::vector<std::uint32_t> all;
    /// Those of `all`, in the same order, that have inputs and from which a
    /// cycle can be reached along the out-edges (the plain passes): the
    /// others' values cannot feed back, and the closing sweep computes them
    /// once after what acts on them.
    std::vector<std::uint32_t> passes;
};

/// The sweep order of claims 0..n-1 whose out-edges (to the claims they act
/// on) are targets[first[v] .. first[v + 1]) (first holds n + 1 offsets), and
/// where inputs[v] says whether claim v has in-entries: with `few_back` the
/// order with few edges backwards (edges of a claim to itself ignored,
/// parallel edges counted once each; O((n + m) log m) for m edges), else a
/// depth-first reverse postorder (O(n + m)), grouped by level either way.
SweepOrder sweep_order(std::span<const std::uint32_t> first, std::span<const std::uint32_t> targets,
                       std::span<const std::uint8_t> inputs, bool few_back);

}  // namespace agon::detail::incremental
