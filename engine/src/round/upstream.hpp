// Internal: the part of a judged graph that can move one claim - the claim
// and every claim with a path of edges to it - as a graph of its own.
#pragma once

#include <string_view>
#include <vector>

#include "agon/graph.hpp"

namespace agon::detail {

/// Under a gradual semantics a claim's strength is computed from its
/// in-edges alone, so on an acyclic graph (evaluated in one topological
/// pass) it is the same, to the bit, in the upstream graph as in the whole.
/// On a graph with cycles (a cross-application can close one) the upstream
/// claims take the same iterates as in the whole graph, which only goes on
/// iterating longer for claims downstream: the fixpoint is the same, up to
/// the iteration's stopping rule (engine attributions evaluate the same part
/// of any graph, so theirs are the same to the bit). The RFD explains
/// each claim there, in the size of its own line of argument instead of the
/// whole flow's.
class Upstream {
public:
    /// Index `g`'s edges by the claim they act on, O(n + m log n). `g` has
    /// supports and attacks only (a judged graph) and must outlive this.
    explicit Upstream(const Graph& g);
    /// Claim `id` and the claims that reach it, with the edges among them,
    /// each in the order `g` has them. O(k log k) for k such claims and edges.
    Graph of(std::string_view id) const;

private:
    const Graph& g_;
    std::vector<std::vector<std::size_t>> in_;  // claim index -> indices of the edges into it
    std::vector<std::size_t> from_;             // edge index -> index of its source claim
};

}  // namespace agon::detail
