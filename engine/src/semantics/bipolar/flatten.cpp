// Derived attacks from support, and meta-argumentation for undercuts.
#include <algorithm>
#include <map>
#include <set>

#include "agon/bipolar.hpp"
#include "agon/error.hpp"

namespace agon {

namespace {

// Claims reachable from v through support edges (v included), following them
// forwards (`forward`) or backwards.
std::vector<std::uint32_t> support_closure(const Snapshot& s, std::uint32_t v, bool forward) {
    const Adjacency& adj = forward ? s.supported() : s.supporters();
    std::vector<char> seen(s.size(), 0);
    std::vector<std::uint32_t> out{v};
    seen[v] = 1;
    for (std::size_t i = 0; i < out.size(); ++i)
        for (std::uint32_t w : adj.neighbours(out[i]))
            if (!seen[w]) {
                seen[w] = 1;
                out.push_back(w);
            }
    std::sort(out.begin(), out.end());
    return out;
}

// Emits the flattened attacks into a builder, creating auxiliary claims.
class Flattener {
public:
    Flattener(const Snapshot& s, SnapshotBuilder& b) : s_(s), b_(b) {}

    // An attack from x to y that stands on snapshot edge e (an attack or an
    // undercut): direct when e is not undercut, else through X and Y.
    void attack(std::uint32_t x, std::uint32_t y, std::uint32_t e) {
        auto undercuts = s_.undercutters().edge_ids(e);
        if (undercuts.empty()) {
            if (emitted_.insert({x, y}).second) b_.add_edge("", EdgeKind::attack, x, y, 1.0);
            return;
        }
        const std::string tag = std::to_string(aux_++);
        const std::string prefix = "\x1f";  // cannot clash with a claim id from a file
        std::uint32_t X = b_.add_claim(prefix + "not:" + s_.id(x) + ":" + tag, 1.0, ClaimKind::argument, {"auxiliary"});
        std::uint32_t Y = b_.add_claim(prefix + "active:" + s_.edge_id(e) + ":" + tag, 1.0, ClaimKind::argument,
                                       {"auxiliary"});
        b_.add_edge("", EdgeKind::attack, x, X, 1.0);
        b_.add_edge("", EdgeKind::attack, X, Y, 1.0);
        b_.add_edge("", EdgeKind::attack, Y, y, 1.0);
        for (std::uint32_t u : undercuts) attack(s_.edge_from(u), Y, u);
    }

private:
    const Snapshot& s_;
    SnapshotBuilder& b_;
    std::uint32_t aux_ = 0;
    std::set<std::pair<std::uint32_t, std::uint32_t>> emitted_;
};

SnapshotBuilder flatten_into(const Snapshot& s, SupportMode mode) {
    SnapshotBuilder b;
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        auto tags = s.tags(v);
        b.add_claim(s.id(v), s.base(v), s.kind(v), std::vector<std::string>(tags.begin(), tags.end()));
    }
    Flattener f(s, b);
    std::map<std::pair<std::uint32_t, bool>, std::vector<std::uint32_t>> closures;
    auto closure = [&](std::uint32_t v, bool forward) -> const std::vector<std::uint32_t>& {
        auto key = std::make_pair(v, forward);
        auto it = closures.find(key);
        if (it == closures.end()) it = closures.emplace(key, support_closure(s, v, forward)).first;
        return it->second;
    };
    for (std::uint32_t e = 0; e < s.edge_count(); ++e) {
        if (s.edge_kind(e) != EdgeKind::attack) continue;
        const std::uint32_t b0 = s.edge_from(e), c0 = s.edge_to(e);
        if (mode == SupportMode::none || mode == SupportMode::evidential) {
            f.attack(b0, c0, e);
            continue;
        }
        // deductive: x D* b0 and y D* c0 (supporters of both ends, backwards);
        // necessary: b0 N* x and c0 N* y (what both ends support, forwards).
        const bool forward = mode == SupportMode::necessary;
        for (std::uint32_t x : closure(b0, forward))
            for (std::uint32_t y : closure(c0, forward)) f.attack(x, y, e);
    }
    // Evidential support is evaluated on the supports themselves: keep them.
    if (mode == SupportMode::evidential)
        for (std::uint32_t e = 0; e < s.edge_count(); ++e)
            if (s.edge_kind(e) == EdgeKind::support)
                b.add_edge(s.edge_id(e), EdgeKind::support, s.edge_from(e), s.edge_to(e), s.edge_weight(e));
    return b;
}

}  // namespace

std::optional<SupportMode> support_mode_from_string(std::string_view name) {
    if (name == "none") return SupportMode::none;
    if (name == "deductive") return SupportMode::deductive;
    if (name == "necessary") return SupportMode::necessary;
    if (name == "evidential") return SupportMode::evidential;
    return std::nullopt;
}

Snapshot flatten(const Snapshot& s, SupportMode mode) { return std::move(flatten_into(s, mode)).build(); }

Graph flatten(const Graph& g, SupportMode mode) {
    Snapshot flat = flatten(Snapshot::of(g), mode);
    Graph out;
    out.set_title(g.title());
    for (const Claim& c : g.claims()) out.add_claim(c);
    for (std::uint32_t v = static_cast<std::uint32_t>(g.claims().size()); v < flat.size(); ++v) {
        Claim aux;
        aux.id = "aux:" + flat.id(v).substr(1);
        aux.text = "auxiliary claim of an undercut attack";
        aux.kind = ClaimKind::argument;
        aux.tags = {"auxiliary"};
        out.add_claim(std::move(aux));
    }
    for (std::uint32_t e = 0; e < flat.edge_count(); ++e) {
        Edge edge;
        edge.kind = EdgeKind::attack;
        edge.from = out.claims()[flat.edge_from(e)].id;
        edge.to = out.claims()[flat.edge_to(e)].id;
        out.add_edge(std::move(edge));
    }
    return out;
}

}  // namespace agon
