// Snapshot construction from graphs, frameworks and builders.
#include "agon/snapshot.hpp"

#include "agon/error.hpp"
#include "agon/framework.hpp"
#include "csr.hpp"
#include "evaluation_tags.hpp"

namespace agon {

std::uint32_t SnapshotBuilder::add_claim(std::string id, double base, ClaimKind kind, std::vector<std::string> tags) {
    ids_.push_back(std::move(id));
    c_.base.push_back(base);
    c_.kinds.push_back(kind);
    c_.tags.push_back(std::move(tags));
    return static_cast<std::uint32_t>(ids_.size() - 1);
}

std::uint32_t SnapshotBuilder::add_edge(std::string id, EdgeKind kind, std::uint32_t from, std::uint32_t to,
                                        double weight) {
    c_.edge_ids.push_back(std::move(id));
    c_.edge_kind.push_back(kind);
    c_.edge_from.push_back(from);
    c_.edge_to.push_back(to);
    c_.edge_weight.push_back(weight);
    return static_cast<std::uint32_t>(c_.edge_kind.size() - 1);
}

void SnapshotBuilder::reserve(std::size_t claims, std::size_t edges) {
    ids_.reserve(claims);
    c_.base.reserve(claims);
    c_.kinds.reserve(claims);
    c_.tags.reserve(claims);
    c_.edge_ids.reserve(edges);
    c_.edge_kind.reserve(edges);
    c_.edge_from.reserve(edges);
    c_.edge_to.reserve(edges);
    c_.edge_weight.reserve(edges);
}

Snapshot SnapshotBuilder::build() && {
    Snapshot s;
    s.n_ = static_cast<std::uint32_t>(ids_.size());
    for (std::uint32_t e = 0; e < c_.edge_kind.size(); ++e) {
        bool undercut = c_.edge_kind[e] == EdgeKind::undercut;
        if (c_.edge_from[e] >= s.n_ || (undercut ? c_.edge_to[e] >= e : c_.edge_to[e] >= s.n_))
            throw Error(ErrorKind::invalid_input, "snapshot edge " + std::to_string(e) + " has an endpoint out of range");
    }
    s.ids_ = IdTable(std::make_shared<const std::vector<std::string>>(std::move(ids_)), s.n_);
    s.c_ = std::move(c_);
    s.index_edges();
    return s;
}

Snapshot Snapshot::of(const Graph& graph) {
    SnapshotBuilder b;
    b.reserve(graph.claims().size(), graph.edges().size());
    for (const Claim& c : graph.claims()) b.add_claim(c.id, c.base, c.kind, detail::evaluation_tags(c));
    // Undercuts may point at edges added later in a file that was edited, so
    // resolve by index; Graph guarantees undercut targets exist and are acyclic,
    // and add_edge order guarantees the target precedes the undercut.
    for (const Edge& e : graph.edges()) {
        std::uint32_t from = static_cast<std::uint32_t>(*graph.claim_index(e.from));
        std::uint32_t to = static_cast<std::uint32_t>(e.kind == EdgeKind::undercut ? *graph.edge_index(e.to)
                                                                                     : *graph.claim_index(e.to));
        b.add_edge(e.id, e.kind, from, to, e.weight);
    }
    return std::move(b).build();
}

Snapshot Snapshot::of(const Framework& af) {
    Snapshot s;
    s.n_ = af.size;
    if (!af.names.empty()) {
        s.ids_ = IdTable(std::make_shared<const std::vector<std::string>>(af.names), af.size);
    } else {
        s.ids_ = IdTable(nullptr, af.size);
    }
    s.c_.edge_kind.assign(af.attacks.size(), EdgeKind::attack);
    s.c_.edge_from.resize(af.attacks.size());
    s.c_.edge_to.resize(af.attacks.size());
    for (std::size_t e = 0; e < af.attacks.size(); ++e) {
        s.c_.edge_from[e] = af.attacks[e].first;
        s.c_.edge_to[e] = af.attacks[e].second;
    }
    s.index_edges();
    s.drop_repeated_attacks();
    return s;
}

// An attack relation is a set: an attack listed twice in a framework counts
// once (gradual semantics would weigh it double). Found on the rows by
// target, which index_edges has built: O(n + m), and nothing more to do in
// the usual case of no repeats.
void Snapshot::drop_repeated_attacks() {
    constexpr std::uint32_t none = UINT32_MAX;
    std::vector<std::uint32_t> seen_with(n_, none);  // the target an attacker was last seen with
    std::vector<char> repeated;
    for (std::uint32_t to = 0; to < n_; ++to) {
        const auto from = att_in_.neighbours(to);
        const auto ids = att_in_.edge_ids(to);
        for (std::size_t k = 0; k < from.size(); ++k) {
            if (seen_with[from[k]] == to) {
                if (repeated.empty()) repeated.assign(c_.edge_kind.size(), 0);
                repeated[ids[k]] = 1;
            }
            seen_with[from[k]] = to;
        }
    }
    if (repeated.empty()) return;
    std::size_t kept = 0;
    for (std::size_t e = 0; e < c_.edge_kind.size(); ++e)
        if (!repeated[e]) {
            c_.edge_from[kept] = c_.edge_from[e];
            c_.edge_to[kept] = c_.edge_to[e];
            ++kept;
        }
    c_.edge_kind.resize(kept);
    c_.edge_from.resize(kept);
    c_.edge_to.resize(kept);
    index_edges();
}

// Build the five adjacency structures from the edge arrays.
void Snapshot::index_edges() {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> att, sup, und;
    std::vector<std::uint32_t> att_e, sup_e, und_e;
    for (std::uint32_t e = 0; e < c_.edge_kind.size(); ++e) {
        switch (c_.edge_kind[e]) {
            case EdgeKind::attack: att.emplace_back(c_.edge_from[e], c_.edge_to[e]); att_e.push_back(e); break;
            case EdgeKind::support: sup.emplace_back(c_.edge_from[e], c_.edge_to[e]); sup_e.push_back(e); break;
            case EdgeKind::undercut: und.emplace_back(c_.edge_to[e], c_.edge_from[e]); und_e.push_back(e); break;
        }
    }
    att_out_ = detail::build_adjacency(n_, att, att_e);
    for (auto& p : att) std::swap(p.first, p.second);
    att_in_ = detail::build_adjacency(n_, att, att_e);
    att.clear();
    att.shrink_to_fit();
    sup_out_ = detail::build_adjacency(n_, sup, sup_e);
    for (auto& p : sup) std::swap(p.first, p.second);
    sup_in_ = detail::build_adjacency(n_, sup, sup_e);
    und_in_ = detail::build_adjacency(edge_count(), und, und_e);
}

std::optional<std::uint32_t> Snapshot::index_of(std::string_view id) const {
    if (ids_.named()) {
        std::call_once(index_->once, [this] {
            index_->map.reserve(n_);
            for (std::uint32_t v = 0; v < n_; ++v) index_->map.emplace(ids_[v], v);
        });
        auto it = index_->map.find(std::string(id));
        if (it == index_->map.end()) return std::nullopt;
        return it->second;
    }
    // ICCMA numbering: "k" names argument k-1.
    std::uint64_t k = 0;
    if (id.empty() || id.size() > 10 || id[0] == '0') return std::nullopt;
    for (char c : id) {
        if (c < '0' || c > '9') return std::nullopt;
        k = k * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (k == 0 || k > n_) return std::nullopt;
    return static_cast<std::uint32_t>(k - 1);
}

std::span<const std::string> Snapshot::tags(std::uint32_t v) const {
    if (c_.tags.empty()) return {};
    return c_.tags[v];
}

std::string Snapshot::edge_id(std::uint32_t e) const {
    return c_.edge_ids.empty() ? "e" + std::to_string(static_cast<std::uint64_t>(e) + 1) : c_.edge_ids[e];
}

}  // namespace agon
