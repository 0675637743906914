// Rounds' adapter onto evaluate, explain_grounded and attributions.
#include "engine_calls.hpp"

#include "agon/explain.hpp"
#include "agon/snapshot.hpp"

namespace agon::detail {

Result evaluate_graph(const Graph& graph, const std::string& semantics, const Control& control) {
    return evaluate(Snapshot::of(graph), Request{semantics, {}}, control);
}

std::vector<std::pair<std::string, std::string>> grounded_reasons(const Graph& graph, const std::string& id,
                                                                  const Control& control) {
    const Snapshot s = Snapshot::of(graph);
    const auto target = s.index_of(id);
    std::vector<std::pair<std::string, std::string>> out;
    if (!target) return out;
    const GroundedWhy why = explain_grounded(s, *target, control);
    for (auto [winner, loser] : why.defeats) out.emplace_back(s.id(winner), s.id(loser));
    return out;
}

std::vector<std::pair<std::string, double>> strength_reasons(const Graph& graph, const std::string& semantics,
                                                             const std::string& id, const Control& control) {
    const Snapshot s = Snapshot::of(graph);
    const auto target = s.index_of(id);
    std::vector<std::pair<std::string, double>> out;
    if (!target) return out;
    for (const Attribution& a : attributions(s, Request{semantics, {}}, *target, control))
        if (a.claim != *target && a.removal != 0) out.emplace_back(s.id(a.claim), a.removal);
    return out;
}

}  // namespace agon::detail
