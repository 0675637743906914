// agon/framework.hpp - a plain abstract argumentation framework (Dung 1995):
// arguments 0..n-1 and attack pairs, as read from ICCMA files.
//
// Frameworks skip the Graph's per-claim strings so that a million arguments
// load in a fraction of a second; Snapshot::of(Framework) evaluates them
// directly, and to_graph() turns one into an editable Graph when needed.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace agon {

class Graph;

struct Framework {
    /// Number of arguments.
    std::uint32_t size = 0;
    /// Argument names; empty means the ICCMA numbering "1".."size".
    std::vector<std::string> names;
    /// Attacks as (attacker, attacked), 0-based.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> attacks;

    /// The name of argument `i` (its 1-based number when `names` is empty).
    std::string name(std::uint32_t i) const;
};

/// A Graph with one statement per argument (id = name, text = its entry in
/// `texts` when there is a non-empty one, else the name; base 1, the
/// strength gradual semantics give an unattacked abstract argument) and one
/// attack edge per attack ("e1", "e2", ...; an attack listed twice once).
/// O(n + m).
Graph to_graph(const Framework& af, const std::vector<std::string>& texts = {});

/// The attack-only framework of a Graph: support and undercut edges are
/// dropped. Names are the claim ids. O(n + m).
Framework to_framework(const Graph& graph);

}  // namespace agon
