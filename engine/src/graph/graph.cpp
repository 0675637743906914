// The editable graph: validation on every mutation, insertion order kept.
#include "agon/graph.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "agon/error.hpp"
#include "graph/checks.hpp"
#include "util/names.hpp"

namespace agon {

namespace {

using detail::check_base;
using detail::check_weight;
using detail::no_claim;
using detail::no_edge;

}  // namespace

const std::string* Claim::attribute(std::string_view key) const {
    for (const auto& [k, v] : attributes)
        if (k == key) return &v;
    return nullptr;
}

const std::string* Graph::attribute(std::string_view key) const {
    for (const auto& [k, v] : attributes_)
        if (k == key) return &v;
    return nullptr;
}

void Graph::set_attribute(std::string key, std::string value) {
    for (auto& [k, v] : attributes_)
        if (k == key) {
            v = std::move(value);
            return;
        }
    attributes_.emplace_back(std::move(key), std::move(value));
}

bool Claim::has_tag(std::string_view tag) const {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

namespace {

constexpr detail::Named<ClaimKind> kClaimKinds[] = {{ClaimKind::statement, "statement"},
                                                    {ClaimKind::argument, "argument"}};
constexpr detail::Named<EdgeKind> kEdgeKinds[] = {
    {EdgeKind::support, "support"}, {EdgeKind::attack, "attack"}, {EdgeKind::undercut, "undercut"}};

}  // namespace

std::string_view to_string(ClaimKind kind) { return detail::name_of(kClaimKinds, kind); }
std::string_view to_string(EdgeKind kind) { return detail::name_of(kEdgeKinds, kind); }

std::optional<ClaimKind> claim_kind_from_string(std::string_view name) {
    return detail::value_named(kClaimKinds, name);
}

std::optional<EdgeKind> edge_kind_from_string(std::string_view name) { return detail::value_named(kEdgeKinds, name); }

const Claim& Graph::add_claim(Claim claim) {
    detail::check_claim_id(claim.id);
    if (claim_at_.count(claim.id)) detail::duplicate_claim(claim.id);
    check_base(claim.id, claim.base);
    claim_at_.emplace(claim.id, claims_.size());
    claims_.push_back(std::move(claim));
    return claims_.back();
}

const Edge& Graph::add_edge(Edge edge) {
    if (edge.id.empty()) edge.id = fresh_edge_id();
    if (edge_at_.count(edge.id)) detail::duplicate_edge(edge.id);
    check_weight(edge.id, edge.weight);
    if (!claim_at_.count(edge.from)) detail::unknown_endpoint(edge, "from");
    if (edge.kind == EdgeKind::undercut) {
        if (!edge_at_.count(edge.to)) {
            if (claim_at_.count(edge.to)) detail::undercut_on_claim(edge);
            detail::unknown_endpoint(edge, "to");
        }
        // No cycle can close here: every edge's target exists (removals take
        // the undercuts of what they remove along), and the new id is on no
        // edge yet, so no chain from the target leads back to it. (A walk of
        // the chain made building a chain of n undercuts O(n^2).)
    } else if (!claim_at_.count(edge.to)) {
        detail::unknown_endpoint(edge, "to");
    }
    edge_at_.emplace(edge.id, edges_.size());
    edges_.push_back(std::move(edge));
    return edges_.back();
}

void Graph::update_claim(const Claim& claim) {
    auto at = claim_index(claim.id);
    if (!at) no_claim(claim.id);
    check_base(claim.id, claim.base);
    claims_[*at] = claim;
}

void Graph::set_weight(std::string_view edge_id, double weight) {
    auto at = edge_index(edge_id);
    if (!at) no_edge(edge_id);
    check_weight(edges_[*at].id, weight);
    edges_[*at].weight = weight;
}

void Graph::set_base(std::string_view claim_id, double base) {
    auto at = claim_index(claim_id);
    if (!at) no_claim(claim_id);
    check_base(claims_[*at].id, base);
    claims_[*at].base = base;
}

void Graph::remove_claim(std::string_view id) {
    auto at = claim_index(id);
    if (!at) no_claim(id);
    std::unordered_set<std::string> dead_edges;
    for (const Edge& e : edges_)
        if (e.from == id || (e.kind != EdgeKind::undercut && e.to == id)) dead_edges.insert(e.id);
    // Undercuts of removed edges go too, to any depth.
    for (bool grew = true; grew;) {
        grew = false;
        for (const Edge& e : edges_)
            if (e.kind == EdgeKind::undercut && dead_edges.count(e.to) && dead_edges.insert(e.id).second)
                grew = true;
    }
    claims_.erase(claims_.begin() + static_cast<std::ptrdiff_t>(*at));
    std::erase_if(edges_, [&](const Edge& e) { return dead_edges.count(e.id) > 0; });
    reindex();
}

void Graph::remove_edge(std::string_view id) {
    if (!edge_index(id)) no_edge(id);
    std::unordered_set<std::string> dead{std::string(id)};
    for (bool grew = true; grew;) {
        grew = false;
        for (const Edge& e : edges_)
            if (e.kind == EdgeKind::undercut && dead.count(e.to) && dead.insert(e.id).second) grew = true;
    }
    std::erase_if(edges_, [&](const Edge& e) { return dead.count(e.id) > 0; });
    reindex();
}

const Claim* Graph::find_claim(std::string_view id) const {
    auto at = claim_index(id);
    return at ? &claims_[*at] : nullptr;
}

const Edge* Graph::find_edge(std::string_view id) const {
    auto at = edge_index(id);
    return at ? &edges_[*at] : nullptr;
}

std::optional<std::size_t> Graph::claim_index(std::string_view id) const {
    auto it = claim_at_.find(std::string(id));
    if (it == claim_at_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::size_t> Graph::edge_index(std::string_view id) const {
    auto it = edge_at_.find(std::string(id));
    if (it == edge_at_.end()) return std::nullopt;
    return it->second;
}

std::string Graph::fresh_edge_id() const {
    return detail::fresh_edge_id(edges_.size(), [this](const std::string& id) { return edge_at_.count(id) > 0; });
}

void Graph::reindex() {
    claim_at_.clear();
    edge_at_.clear();
    for (std::size_t i = 0; i < claims_.size(); ++i) claim_at_.emplace(claims_[i].id, i);
    for (std::size_t i = 0; i < edges_.size(); ++i) edge_at_.emplace(edges_[i].id, i);
}

bool operator==(const Claim& a, const Claim& b) {
    return a.id == b.id && a.text == b.text && a.base == b.base && a.kind == b.kind &&
           a.tags == b.tags && a.attributes == b.attributes;
}

bool operator==(const Edge& a, const Edge& b) {
    return a.id == b.id && a.kind == b.kind && a.from == b.from && a.to == b.to && a.weight == b.weight;
}

bool operator==(const Graph& a, const Graph& b) {
    return a.title() == b.title() && a.attributes() == b.attributes() && a.claims() == b.claims() && a.edges() == b.edges();
}

}  // namespace agon
