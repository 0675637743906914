// Internal: the one place where rounds call the evaluation and explanation
// API (to be switched to agon/question.hpp when it lands).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "agon/control.hpp"
#include "agon/graph.hpp"
#include "agon/semantics.hpp"

namespace agon::detail {

/// Evaluate `graph` under `semantics` (no parameters).
Result evaluate_graph(const Graph& graph, const std::string& semantics, const Control& control);

/// Why claim `id` has its label under grounded semantics, as (winner, loser)
/// pairs of claim ids: for a claim that stands, each attacker with the claim
/// that defeats it; for one that falls, its undefeated attacker first. Empty
/// for undecided claims.
std::vector<std::pair<std::string, std::string>> grounded_reasons(const Graph& graph, const std::string& id,
                                                                  const Control& control);

/// For gradual semantics: the claims that move `id`'s strength most, with the
/// change their removal causes (negative: the claim lowers it), largest first.
std::vector<std::pair<std::string, double>> strength_reasons(const Graph& graph, const std::string& semantics,
                                                             const std::string& id, const Control& control);

}  // namespace agon::detail
