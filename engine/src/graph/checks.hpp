// Internal: the checks and messages Graph and Scenario share, so that both
// refuse the same edits with the same words (agon/editor.hpp).
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "agon/graph.hpp"

namespace agon::detail {

/// Throw invalid_input unless `base` is in [0,1].
void check_base(const std::string& claim_id, double base);
/// Throw invalid_input unless `weight` is finite and >= 0.
void check_weight(const std::string& edge_id, double weight);
/// Throw invalid_input for an empty claim id.
void check_claim_id(const std::string& claim_id);
[[noreturn]] void duplicate_claim(const std::string& id);
[[noreturn]] void duplicate_edge(const std::string& id);
/// "edge 'e': unknown claim 'x' in 'from'" (invalid_input); `end` is "from" or "to".
[[noreturn]] void unknown_endpoint(const Edge& edge, const char* end);
/// "edge 'e': an undercut must point at an edge, but 'x' is a claim" (invalid_input).
[[noreturn]] void undercut_on_claim(const Edge& edge);
/// not_found: "no claim 'x'" / "no edge 'x'".
[[noreturn]] void no_claim(std::string_view id);
[[noreturn]] void no_edge(std::string_view id);

/// The id an edge with an empty id gets in a graph or a scenario that has
/// `edges` edges: the first "eN" with N = edges + 1, edges + 2, ... that
/// `taken` (is there an edge of that id?) refuses. One rule for both, so the
/// same edits give the same ids.
std::string fresh_edge_id(std::size_t edges, const std::function<bool(const std::string&)>& taken);

}  // namespace agon::detail
