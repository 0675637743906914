// The one editing interface over a Graph or a Scenario.
#include "agon/editor.hpp"

#include "agon/error.hpp"

namespace agon {

namespace {
// Call `f` with the graph or the scenario being edited.
template <typename F>
decltype(auto) with(const std::variant<Graph*, Scenario*>& target, F&& f) {
    return std::visit([&](auto* t) -> decltype(auto) { return f(*t); }, target);
}
}  // namespace

void Editor::add_claim(Claim claim) {
    with(target_, [&](auto& t) { t.add_claim(std::move(claim)); });
}

std::string Editor::add_edge(Edge edge) {
    if (auto* g = std::get_if<Graph*>(&target_)) return (*g)->add_edge(std::move(edge)).id;
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

bool Editor::has_claim(std::string_view id) const {
    if (auto* g = std::get_if<Graph*>(&target_)) return (*g)->find_claim(id) != nullptr;
    return std::get<Scenario*>(target_)->has_claim(std::string(id));
}

bool Editor::has_edge(std::string_view id) const {
    if (auto* g = std::get_if<Graph*>(&target_)) return (*g)->find_edge(id) != nullptr;
    return std::get<Scenario*>(target_)->has_edge(std::string(id));
}

Snapshot Editor::snapshot() const {
    if (auto* g = std::get_if<Graph*>(&target_)) return Snapshot::of(**g);
    return std::get<Scenario*>(target_)->snapshot();
}

}  // namespace agon
