#include "live_graph.hpp"

#include <algorithm>
#include <numeric>

#include "snapshot/evaluation_tags.hpp"

namespace agon::detail::incremental {

LiveGraph::Changes LiveGraph::everything() const {
    Changes all;
    all.claims.resize(claim_slots());
    all.edges.resize(edge_slots());
    std::iota(all.claims.begin(), all.claims.end(), 0u);
    std::iota(all.edges.begin(), all.edges.end(), 0u);
    return all;
}

LiveGraph::LiveGraph(const Snapshot& s) : snapshot_(&s) {
    base_.reserve(s.size());
    claim_kind_.reserve(s.size());
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        base_.push_back(s.base(v));
        claim_kind_.push_back(s.kind(v));
    }
    edges_.reserve(s.edge_count());
    for (std::uint32_t e = 0; e < s.edge_count(); ++e)
        edges_.push_back({s.edge_from(e), s.edge_to(e), s.edge_weight(e), s.edge_kind(e), 0, 0, 0});
    index_all();
}

LiveGraph::LiveGraph(std::shared_ptr<const Graph> g, std::span<const std::uint32_t> from,
                     std::span<const std::uint32_t> to)
    : graph_(std::move(g)) {
    base_.reserve(graph_->claims().size());
    claim_kind_.reserve(graph_->claims().size());
    for (const Claim& c : graph_->claims()) {
        if (has_evaluation_attributes(c)) graph_tags_.emplace(static_cast<std::uint32_t>(base_.size()), evaluation_tags(c));
        base_.push_back(c.base);
        claim_kind_.push_back(c.kind);
    }
    edges_.reserve(graph_->edges().size());
    for (std::size_t e = 0; e < graph_->edges().size(); ++e) {
        const Edge& edge = graph_->edges()[e];
        edges_.push_back({from[e], to[e], edge.weight, edge.kind, 0, 0, 0});
    }
    index_all();
}

void LiveGraph::index_all() {
    const std::uint32_t n = claim_slots(), m = edge_slots();
    claim_base_ = n;
    edge_base_ = m;
    alive_.assign(n, 1);
    isolated_.assign(n, 0);
    // Count first, so each list is laid out once at its size; undercuts
    // have lists only up to the last edge one is aimed at (most graphs: none).
    for (auto* lists : {&att_in_, &sup_in_, &out_}) lists->reset(n);
    std::uint32_t cut = 0;
    for (const EdgeCore& c : edges_) {
        out_.make_room(c.from);
        if (c.kind == EdgeKind::attack) att_in_.make_room(c.to);
        else if (c.kind == EdgeKind::support) sup_in_.make_room(c.to);
        else cut = std::max(cut, c.to + 1);
    }
    und_.reset(cut);
    if (cut > 0)
        for (const EdgeCore& c : edges_)
            if (c.kind == EdgeKind::undercut) und_.make_room(c.to);
    for (auto* lists : {&att_in_, &sup_in_, &out_, &und_}) lists->lay_out();
    // An undercut's slot is larger than its target's: liveness in slot order.
    for (std::uint32_t e = 0; e < m; ++e) {
        EdgeCore& c = edges_[e];
        out_.push_back(c.from, e);
        if (c.kind == EdgeKind::attack) att_in_.push_back(c.to, e);
        else if (c.kind == EdgeKind::support) sup_in_.push_back(c.to, e);
        else {
            und_.push_back(c.to, e);
            edges_[c.to].undercut = 1;
        }
        c.live = c.kind != EdgeKind::undercut || edges_[c.to].live;
        count(e, +1);
    }
    changes_.claims.resize(n);
    changes_.edges.resize(m);
    std::iota(changes_.claims.begin(), changes_.claims.end(), 0u);
    std::iota(changes_.edges.begin(), changes_.edges.end(), 0u);
}

std::string LiveGraph::claim_id(std::uint32_t v) const {
    if (v >= claim_base_) return added_claim_id_[v - claim_base_];
    return graph_ ? graph_->claims()[v].id : snapshot_->id(v);
}

std::span<const std::string> LiveGraph::base_tags(std::uint32_t v) const {
    if (!graph_) return snapshot_->tags(v);
    if (!graph_tags_.empty())
        if (auto it = graph_tags_.find(v); it != graph_tags_.end()) return it->second;
    return graph_->claims()[v].tags;
}

std::span<const std::string> LiveGraph::tags(std::uint32_t v) const {
    if (!own_tags_.empty())
        if (auto it = own_tags_.find(v); it != own_tags_.end()) return it->second;
    return v < claim_base_ ? base_tags(v) : std::span<const std::string>();
}

void LiveGraph::set_tags(std::uint32_t v, const std::vector<std::string>& tags) {
    // Tags read where they are anyway (a base claim's own, none) are not kept:
    // a claim switched on again with them costs no map entry.
    const bool read_anyway = v < claim_base_ ? std::ranges::equal(tags, base_tags(v)) : tags.empty();
    if (!read_anyway) own_tags_[v] = tags;  // copied only when kept
    else if (!own_tags_.empty()) own_tags_.erase(v);
}

std::string LiveGraph::edge_id(std::uint32_t e) const {
    if (e >= edge_base_) return added_edge_id_[e - edge_base_];
    return graph_ ? graph_->edges()[e].id : snapshot_->edge_id(e);
}

bool LiveGraph::tagged(std::uint32_t v, std::string_view tag) const {
    const auto all = tags(v);
    return std::find(all.begin(), all.end(), tag) != all.end();
}

double LiveGraph::undercut_weight(std::uint32_t e, const double* sigma) const {
    double w = edges_[e].weight;
    for (std::uint32_t u : und_[e])  // e is undercut: it has a list
        if (edges_[u].live) w *= 1.0 - std::min(1.0, effective_weight(u, sigma) * sigma[edges_[u].from]);
    return w;
}

double LiveGraph::chain_reach(std::uint32_t e) const {
    double w = edges_[e].weight;
    while (edges_[e].kind == EdgeKind::undercut) {
        e = edges_[e].to;
        w *= edges_[e].weight;
    }
    return w;
}

void LiveGraph::count(std::uint32_t e, int sign) {
    if (edges_[e].kind != EdgeKind::undercut && edges_[e].weight > 1.0) heavy_ += sign;
}

void LiveGraph::touch_edge(std::uint32_t e) {
    EdgeCore& c = edges_[e];
    auto joined = [&](std::uint32_t v) { return alive_[v] && !isolated_[v]; };
    const bool target = c.kind == EdgeKind::undercut ? edges_[c.to].live != 0 : joined(c.to);
    c.live = !c.deleted && joined(c.from) && target;
    changes_.edges.push_back(e);
    for (std::uint32_t u : undercuts_of(e)) touch_edge(u);
}

std::uint32_t LiveGraph::add_claim(std::string id, double base, ClaimKind kind, const std::vector<std::string>& tags) {
    const auto v = claim_slots();
    base_.push_back(base);
    alive_.push_back(1);
    isolated_.push_back(0);
    added_claim_id_.push_back(std::move(id));
    claim_kind_.push_back(kind);
    set_tags(v, tags);
    att_in_.add_list();
    sup_in_.add_list();
    out_.add_list();
    changes_.claims.push_back(v);
    return v;
}

void LiveGraph::switch_off(std::uint32_t v) {
    alive_[v] = 0;
    touch_claim(v);
}

void LiveGraph::isolate(std::uint32_t v, bool cut) {
    isolated_[v] = cut;
    touch_claim(v);
}

void LiveGraph::touch_claim(std::uint32_t v) {
    changes_.claims.push_back(v);
    for (std::uint32_t e : out_[v]) touch_edge(e);
    for (std::uint32_t e : att_in_[v]) touch_edge(e);
    for (std::uint32_t e : sup_in_[v]) touch_edge(e);
}

void LiveGraph::switch_on(std::uint32_t v, double base, ClaimKind kind, const std::vector<std::string>& tags) {
    alive_[v] = 1;
    base_[v] = base;
    claim_kind_[v] = kind;
    set_tags(v, tags);
    touch_claim(v);
}

std::uint32_t LiveGraph::add_edge(std::string id, EdgeKind kind, std::uint32_t from, std::uint32_t to, double weight) {
    const auto e = edge_slots();
    edges_.push_back({from, to, weight, kind, 0, 0, 0});
    added_edge_id_.push_back(std::move(id));
    out_.push_back(from, e);
    if (kind == EdgeKind::attack) att_in_.push_back(to, e);
    else if (kind == EdgeKind::support) sup_in_.push_back(to, e);
    else {
        while (und_.size() <= to) und_.add_list();
        und_.push_back(to, e);
        edges_[to].undercut = 1;
    }
    count(e, +1);
    touch_edge(e);
    return e;
}

void LiveGraph::delete_edge(std::uint32_t e) {
    EdgeCore& c = edges_[e];
    if (c.deleted) return;
    count(e, -1);
    c.deleted = 1;
    touch_edge(e);
    out_.erase_one(c.from, e);
    if (c.kind == EdgeKind::attack) att_in_.erase_one(c.to, e);
    else if (c.kind == EdgeKind::support) sup_in_.erase_one(c.to, e);
    else {
        und_.erase_one(c.to, e);
        edges_[c.to].undercut = !und_[c.to].empty();
    }
}

void LiveGraph::set_base(std::uint32_t v, double base) {
    base_[v] = base;
    changes_.claims.push_back(v);
}

void LiveGraph::set_weight(std::uint32_t e, double weight) {
    count(e, -1);
    edges_[e].weight = weight;
    count(e, +1);
    changes_.edges.push_back(e);
}

Snapshot LiveGraph::snapshot(std::span<const std::uint32_t> order) const {
    constexpr std::uint32_t gone = ~0u;
    std::vector<std::uint32_t> index(claim_slots(), gone), edge_index(edge_slots(), gone);
    SnapshotBuilder b;
    b.reserve(order.size(), edge_slots());
    for (std::uint32_t v : order) {
        const auto tags_of = tags(v);
        index[v] = b.add_claim(claim_id(v), base_[v], claim_kind_[v], {tags_of.begin(), tags_of.end()});
    }
    // An undercut's slot is larger than its target's, so one pass in slot order suffices.
    for (std::uint32_t e = 0; e < edge_slots(); ++e) {
        const EdgeCore& c = edges_[e];
        if (!c.live) continue;
        const std::uint32_t to = c.kind == EdgeKind::undercut ? edge_index[c.to] : index[c.to];
        if (index[c.from] == gone || to == gone) continue;
        edge_index[e] = b.add_edge(edge_id(e), c.kind, index[c.from], to, c.weight);
    }
    return std::move(b).build();
}

}  // namespace agon::detail::incremental
