// The one editing interface over a Graph or a Scenario.
#include "agon/editor.hpp"

#include "agon/error.hpp"

namespace agon {

namespace {
// Call `f` with the graph or the scenario being edited.
template <typename F>
decltype(auto) with(const std::variant<Graph*, Scenario*, IncrementalEvaluation*>& target, F&& f) {
    return std::visit([&](auto* t) -> decltype(auto) { return f(*t); }, target);
}
}  // namespace

void Editor::add_claim(Claim claim) {
    with(target_, [&](auto& t) { t.add_claim(std::move(claim)); });
}

std::string Editor::add_edge(Edge edge) {
    if (auto* g = std::get_if<Graph*>(&target_)) return (*g)->add_edge(std::move(edge)).id;
    if (auto* live = std::get_if<IncrementalEvaluation*>(&target_)) return (*live)->add_edge(std::move(edge));
    Scenario& s = *std::get<Scenario*>(target_);
    return s.add_edge(std::move(edge)).added_edges().back().id;
}

void Editor::remove_claim(std::string_view id) {
    with(target_, [&](auto& t) { t.remove_claim(std::string(id)); });
}

void Editor::remove_edge(std::string_view id) {
    with(target_, [&](auto& t) { t.remove_edge(std::string(id)); });
}

void Editor::remove(std::string_view id) {
    if (has_claim(id)) return remove_claim(id);
    if (has_edge(id)) return remove_edge(id);
    throw Error(ErrorKind::not_found, "no claim or edge '" + std::string(id) + "'");
}

void Editor::set_base(std::string_view claim_id, double base) {
    with(target_, [&](auto& t) { t.set_base(std::string(claim_id), base); });
}

void Editor::set_weight(std::string_view edge_id, double weight) {
    with(target_, [&](auto& t) { t.set_weight(std::string(edge_id), weight); });
}

// The scenario being edited (directly, or inside an incremental evaluation); null for a graph.
const Scenario* Editor::scenario() const {
    if (auto* s = std::get_if<Scenario*>(&target_)) return *s;
    if (auto* live = std::get_if<IncrementalEvaluation*>(&target_)) return &(*live)->scenario();
    return nullptr;
}

bool Editor::has_claim(std::string_view id) const {
    if (const Scenario* s = scenario()) return s->has_claim(std::string(id));
    return std::get<Graph*>(target_)->find_claim(id) != nullptr;
}

bool Editor::has_edge(std::string_view id) const {
    if (const Scenario* s = scenario()) return s->has_edge(std::string(id));
    return std::get<Graph*>(target_)->find_edge(id) != nullptr;
}

Snapshot Editor::snapshot() const {
    if (const Scenario* s = scenario()) return s->snapshot();
    return Snapshot::of(*std::get<Graph*>(target_));
}

}  // namespace agon
