// Scenarios: an overlay of edits on a shared base graph.
#include "agon/scenario.hpp"

#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "agon/error.hpp"
#include "graph/checks.hpp"
#include "snapshot/evaluation_tags.hpp"

namespace agon {

using detail::no_claim;
using detail::no_edge;

namespace {

// A number of item `id`: set on the item when the scenario added it, else
// kept in `overrides` over the base graph's value.
template <class Item>
void set_number(std::vector<Item>& added, std::map<std::string, double>& overrides, const std::string& id,
                double Item::*field, double value) {
    for (Item& x : added)
        if (x.id == id) {
            x.*field = value;
            return;
        }
    overrides[id] = value;
}

}  // namespace

Scenario::Scenario(std::shared_ptr<const Graph> base, std::string name) : base_(std::move(base)), name_(std::move(name)) {
    if (!base_) throw Error(ErrorKind::usage, "a scenario needs a base graph");
    auto index = std::make_shared<BaseIndex>();
    for (const Edge& e : base_->edges()) {
        index->from.push_back(static_cast<std::uint32_t>(*base_->claim_index(e.from)));
        index->to.push_back(static_cast<std::uint32_t>(e.kind == EdgeKind::undercut ? *base_->edge_index(e.to)
                                                                                   : *base_->claim_index(e.to)));
    }
    index_ = std::move(index);
}

Scenario Scenario::derive(std::string name) const {
    Scenario child = *this;
    child.name_ = std::move(name);
    return child;
}

namespace {

// Drop the added edges `keep` refuses, and the added undercuts whose target is
// gone (neither a kept added edge nor a base edge `base_on` accepts), to any
// depth: an edge goes with its claims and an undercut with its target, as in a
// graph. Added undercuts come after their targets, so one pass suffices.
template <typename Keep, typename BaseOn>
void keep_added_edges(std::vector<Edge>& added, Keep keep, BaseOn base_on) {
    std::unordered_set<std::string> kept;
    std::erase_if(added, [&](const Edge& e) {
        const bool stays = keep(e) && (e.kind != EdgeKind::undercut || kept.count(e.to) || base_on(e.to));
        if (stays) kept.insert(e.id);
        return !stays;
    });
}

}  // namespace

bool Scenario::has_claim(const std::string& id) const {
    // A base claim removed and added again is both in removed_claims_ and added.
    for (const Claim& c : added_claims_)
        if (c.id == id) return true;
    return !removed_claims_.count(id) && base_->find_claim(id);
}

bool Scenario::base_edge_on(std::size_t i) const {
    for (;;) {
        const Edge& e = base_->edges()[i];
        if (removed_edges_.count(e.id) || removed_claims_.count(e.from)) return false;
        if (e.kind != EdgeKind::undercut) return !removed_claims_.count(e.to);
        i = index_->to[i];
    }
}

bool Scenario::base_edge_on(const std::string& id) const {
    auto i = base_->edge_index(id);
    return i && base_edge_on(*i);
}

bool Scenario::has_edge(const std::string& id) const {
    // Added edges first: one may have taken over the id of a base edge that is gone.
    for (const Edge& e : added_edges_)
        if (e.id == id) return true;
    return base_edge_on(id);
}

Scenario& Scenario::remove_claim(const std::string& id) {
    if (!has_claim(id)) no_claim(id);
    if (base_->find_claim(id)) removed_claims_.insert(id);
    std::erase_if(added_claims_, [&](const Claim& c) { return c.id == id; });
    keep_added_edges(
        added_edges_, [&](const Edge& e) { return e.from != id && (e.kind == EdgeKind::undercut || e.to != id); },
        [this](const std::string& edge) { return base_edge_on(edge); });
    return *this;
}

Scenario& Scenario::remove_edge(const std::string& id) {
    if (!has_edge(id)) no_edge(id);
    if (base_->find_edge(id)) removed_edges_.insert(id);
    keep_added_edges(
        added_edges_, [&](const Edge& e) { return e.id != id; }, [this](const std::string& edge) { return base_edge_on(edge); });
    return *this;
}

Scenario& Scenario::add_claim(Claim claim) {
    detail::check_claim_id(claim.id);
    if (has_claim(claim.id)) detail::duplicate_claim(claim.id);
    detail::check_base(claim.id, claim.base);
    // A removed base claim added again is a new claim, as in a graph: its
    // base edges (hidden while it was off) are gone for good.
    if (base_->find_claim(claim.id))
        for (const Edge& e : base_->edges())
            if (e.from == claim.id || (e.kind != EdgeKind::undercut && e.to == claim.id)) removed_edges_.insert(e.id);
    added_claims_.push_back(std::move(claim));
    return *this;
}

Scenario& Scenario::restore_claim(const std::string& id) {
    if (has_claim(id)) detail::duplicate_claim(id);
    if (!base_->find_claim(id) || !removed_claims_.erase(id))
        throw Error(ErrorKind::not_found, "no removed base claim '" + id + "' to restore");
    return *this;
}

Scenario& Scenario::add_edge(Edge edge) {
    if (edge.id.empty()) {
        std::size_t edges = added_edges_.size();
        for (std::size_t i = 0; i < base_->edges().size(); ++i) edges += base_edge_on(i);
        edge.id = detail::fresh_edge_id(edges, [this](const std::string& id) { return has_edge(id); });
    }
    if (has_edge(edge.id)) detail::duplicate_edge(edge.id);
    detail::check_weight(edge.id, edge.weight);
    if (!has_claim(edge.from)) detail::unknown_endpoint(edge, "from");
    if (edge.kind == EdgeKind::undercut && !has_edge(edge.to) && has_claim(edge.to)) detail::undercut_on_claim(edge);
    if (edge.kind == EdgeKind::undercut ? !has_edge(edge.to) : !has_claim(edge.to)) detail::unknown_endpoint(edge, "to");
    // The id of a base edge that is gone is free again, as in a graph; that
    // base edge stays gone even if its claims come back (restore_claim).
    if (base_->find_edge(edge.id)) removed_edges_.insert(edge.id);
    added_edges_.push_back(std::move(edge));
    return *this;
}

Scenario& Scenario::set_base(const std::string& claim_id, double base) {
    if (!has_claim(claim_id)) no_claim(claim_id);
    detail::check_base(claim_id, base);
    set_number(added_claims_, base_of_, claim_id, &Claim::base, base);
    return *this;
}

Scenario& Scenario::set_weight(const std::string& edge_id, double weight) {
    if (!has_edge(edge_id)) no_edge(edge_id);
    detail::check_weight(edge_id, weight);
    set_number(added_edges_, weight_of_, edge_id, &Edge::weight, weight);
    return *this;
}

Snapshot Scenario::snapshot() const {
    const Graph& g = *base_;
    SnapshotBuilder b;
    b.reserve(g.claims().size() + added_claims_.size(), g.edges().size() + added_edges_.size());
    constexpr std::uint32_t gone = ~0u;
    std::vector<std::uint32_t> claim_at(g.claims().size(), gone);
    std::unordered_map<std::string, std::uint32_t> added_at;
    for (std::size_t i = 0; i < g.claims().size(); ++i) {
        const Claim& c = g.claims()[i];
        if (!removed_claims_.empty() && removed_claims_.count(c.id)) continue;
        double base = c.base;
        if (!base_of_.empty())
            if (auto over = base_of_.find(c.id); over != base_of_.end()) base = over->second;
        claim_at[i] = b.add_claim(c.id, base, c.kind, detail::evaluation_tags(c));
    }
    for (const Claim& c : added_claims_) added_at[c.id] = b.add_claim(c.id, c.base, c.kind, detail::evaluation_tags(c));
    auto claim_index = [&](const std::string& id) -> std::uint32_t {
        if (auto it = added_at.find(id); it != added_at.end()) return it->second;
        auto i = g.claim_index(id);
        return i ? claim_at[*i] : gone;
    };
    std::vector<std::uint32_t> edge_at(g.edges().size(), gone);
    std::unordered_map<std::string, std::uint32_t> added_edge_at;
    for (std::size_t i = 0; i < g.edges().size(); ++i) {
        const Edge& e = g.edges()[i];
        if (!removed_edges_.empty() && removed_edges_.count(e.id)) continue;
        // Base endpoints by index (a base claim added back has lost its base edges, add_claim).
        const std::uint32_t from = claim_at[index_->from[i]];
        const std::uint32_t to = e.kind == EdgeKind::undercut ? edge_at[index_->to[i]] : claim_at[index_->to[i]];
        if (from == gone || to == gone) continue;
        double weight = e.weight;
        if (!weight_of_.empty())
            if (auto over = weight_of_.find(e.id); over != weight_of_.end()) weight = over->second;
        edge_at[i] = b.add_edge(e.id, e.kind, from, to, weight);
    }
    for (const Edge& e : added_edges_) {
        const std::uint32_t from = claim_index(e.from);
        std::uint32_t to = gone;
        // An added edge may have taken over the id of a base edge that is gone.
        if (e.kind != EdgeKind::undercut) to = claim_index(e.to);
        else if (auto it = added_edge_at.find(e.to); it != added_edge_at.end()) to = it->second;
        else if (auto i = g.edge_index(e.to)) to = edge_at[*i];
        if (from == gone || to == gone) continue;
        added_edge_at[e.id] = b.add_edge(e.id, e.kind, from, to, e.weight);
    }
    return std::move(b).build();
}

Graph Scenario::to_graph() const {
    Snapshot s = snapshot();
    Graph out;
    out.set_title(base_->title().empty() ? name_ : name_.empty() ? base_->title() : base_->title() + " - " + name_);
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        const Claim* c = base_->find_claim(s.id(v));
        Claim copy = c && !removed_claims_.count(c->id) ? *c : Claim{};
        for (const Claim& a : added_claims_)
            if (a.id == s.id(v)) copy = a;
        copy.id = s.id(v);
        copy.base = s.base(v);
        out.add_claim(std::move(copy));
    }
    for (std::uint32_t e = 0; e < s.edge_count(); ++e) {
        Edge edge;
        edge.id = s.edge_id(e);
        edge.kind = s.edge_kind(e);
        edge.from = s.id(s.edge_from(e));
        edge.to = edge.kind == EdgeKind::undercut ? s.edge_id(s.edge_to(e)) : s.id(s.edge_to(e));
        edge.weight = s.edge_weight(e);
        out.add_edge(std::move(edge));
    }
    return out;
}

Result evaluate(const Scenario& scenario, const Request& request, const Control& control) {
    return evaluate(scenario.snapshot(), request, control);
}

std::vector<Change> diff(const Result& before, const Result& after, double tolerance) {
    std::unordered_map<std::string, std::uint32_t> after_at;
    for (std::uint32_t i = 0; i < after.ids.size(); ++i) after_at.emplace(after.ids[i], i);
    std::vector<char> seen(after.ids.size(), 0);
    std::vector<Change> out;
    auto fill = [](const Result& r, std::uint32_t i, std::optional<Label>& label, std::optional<double>& strength) {
        if (i < r.labels.size()) label = r.labels[i];
        if (i < r.strength.size()) strength = r.strength[i];
    };
    for (std::uint32_t i = 0; i < before.ids.size(); ++i) {
        Change c;
        c.id = before.ids[i];
        fill(before, i, c.label_before, c.strength_before);
        auto it = after_at.find(c.id);
        if (it != after_at.end()) {
            seen[it->second] = 1;
            fill(after, it->second, c.label_after, c.strength_after);
        }
        const bool gone = it == after_at.end();
        const bool label_moved = c.label_before != c.label_after;
        const bool strength_moved = c.strength_before.has_value() != c.strength_after.has_value() ||
                                    (c.strength_before && std::abs(*c.strength_before - *c.strength_after) > tolerance);
        if (gone || label_moved || strength_moved) out.push_back(std::move(c));
    }
    for (std::uint32_t i = 0; i < after.ids.size(); ++i) {
        if (seen[i]) continue;
        Change c;
        c.id = after.ids[i];
        fill(after, i, c.label_after, c.strength_after);
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace agon
