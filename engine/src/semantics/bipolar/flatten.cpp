// Meta-argumentation for undercuts (Gabbay 2009; Boella, Gabbay, van der
// Torre & Villata 2009) on top of the derived attacks, as a Snapshot and as
// a Graph for export.
#include <algorithm>
#include <unordered_set>

#include "agon/bipolar.hpp"
#include "agon/error.hpp"
#include "util/names.hpp"

namespace agon {

namespace {

// '\x1f' (unit separator) starts every auxiliary id: no reader produces it
// at the start of a claim id in practice, and ids are never printed.
constexpr char kAuxPrefix = '\x1f';

std::uint64_t pair_key(std::uint32_t x, std::uint32_t y) { return (std::uint64_t{x} << 32) | y; }

// Emits the attacks of `attacks` into `b`: an attack standing on an edge that
// is not undercut directly, any other one as x -> X -> Y -> y with the
// undercutters attacking Y, and so on for undercuts of undercuts (Graph and
// SnapshotBuilder reject undercut cycles, so this ends). Plain attacks are
// emitted once each, sorted by (source, target).
void emit(const Snapshot& s, const std::vector<DerivedAttack>& attacks, SnapshotBuilder& b, const Control& control) {
    std::vector<std::uint64_t> plain;
    std::vector<DerivedAttack> work;  // attacks whose edge is undercut
    for (const DerivedAttack& a : attacks) {
        if (s.undercutters().degree(a.edge) == 0) plain.push_back(pair_key(a.from, a.to));
        else work.push_back(a);
    }
    std::uint32_t serial = 0;
    // Depth-first, in input order: reverse so the first attack is expanded first.
    std::reverse(work.begin(), work.end());
    while (!work.empty()) {
        if ((serial & 0x3FF) == 0) control.check();
        const DerivedAttack a = work.back();
        work.pop_back();
        const std::string tag = ":" + std::to_string(serial++);
        const std::uint32_t X = b.add_claim(kAuxPrefix + ("not:" + s.id(a.from) + tag), 1.0, ClaimKind::argument,
                                            {"auxiliary"});
        const std::uint32_t Y = b.add_claim(kAuxPrefix + ("active:" + s.edge_id(a.edge) + tag), 1.0,
                                            ClaimKind::argument, {"auxiliary"});
        plain.push_back(pair_key(a.from, X));
        plain.push_back(pair_key(X, Y));
        plain.push_back(pair_key(Y, a.to));
        auto undercuts = s.undercutters().edge_ids(a.edge);
        for (auto it = undercuts.rbegin(); it != undercuts.rend(); ++it) {
            const DerivedAttack u{s.edge_from(*it), Y, *it};
            if (s.undercutters().degree(*it) == 0) plain.push_back(pair_key(u.from, u.to));
            else work.push_back(u);
        }
    }
    std::sort(plain.begin(), plain.end());
    plain.erase(std::unique(plain.begin(), plain.end()), plain.end());
    for (std::uint64_t k : plain)
        b.add_edge("", EdgeKind::attack, static_cast<std::uint32_t>(k >> 32), static_cast<std::uint32_t>(k), 1.0);
}

}  // namespace

namespace {

constexpr detail::Named<SupportMode> kSupportModes[] = {{SupportMode::none, "none"},
                                                        {SupportMode::deductive, "deductive"},
                                                        {SupportMode::necessary, "necessary"},
                                                        {SupportMode::evidential, "evidential"}};

}  // namespace

std::optional<SupportMode> support_mode_from_string(std::string_view name) {
    return detail::value_named(kSupportModes, name);
}

std::string_view to_string(SupportMode mode) { return detail::name_of(kSupportModes, mode); }

SupportMode support_mode(const Request& request) {
    const std::string name = request.text("support", "none");
    const auto mode = support_mode_from_string(name);
    if (!mode)
        throw Error(ErrorKind::usage, "parameter support=" + name + " is not one of none, deductive, necessary, evidential");
    return *mode;
}

Snapshot flatten(const Snapshot& s, SupportMode mode, const Control& control) {
    SnapshotBuilder b;
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        auto tags = s.tags(v);
        b.add_claim(s.id(v), s.base(v), s.kind(v), std::vector<std::string>(tags.begin(), tags.end()));
    }
    emit(s, derived_attacks(s, mode, control), b, control);
    // Evidential support is evaluated on the supports themselves: keep them.
    if (mode == SupportMode::evidential)
        for (std::uint32_t e = 0; e < s.edge_count(); ++e)
            if (s.edge_kind(e) == EdgeKind::support)
                b.add_edge(s.edge_id(e), EdgeKind::support, s.edge_from(e), s.edge_to(e), s.edge_weight(e));
    return std::move(b).build();
}

AttackView::AttackView(const Snapshot& s, SupportMode mode, const Control& control) : original_(&s) {
    const bool reads_supports = mode == SupportMode::deductive || mode == SupportMode::necessary;
    if (s.has_undercuts() || (reads_supports && s.has_supports())) flat_.emplace(flatten(s, mode, control));
}

std::string AttackView::reported_id(std::uint32_t v) const {
    const Snapshot& view = snapshot();
    if (v < originals()) return view.id(v);
    // "\x1fnot:X:N" attacks exactly its "\x1f" "active:EDGE:N"; report that edge.
    std::string id = view.id(v);
    if (id.starts_with("\x1fnot:")) id = view.id(view.attacked().neighbours(v).front());
    const std::string_view rest = std::string_view(id).substr(std::string_view("\x1f" "active:").size());
    return std::string(rest.substr(0, rest.rfind(':')));
}

std::optional<std::uint32_t> AttackView::negated_source(std::uint32_t v) const {
    const Snapshot& view = snapshot();
    if (v < originals() || !view.id(v).starts_with("\x1fnot:")) return std::nullopt;
    return view.attackers().neighbours(v).front();
}

Graph flatten(const Graph& g, SupportMode mode, const Control& control) {
    const Snapshot flat = flatten(Snapshot::of(g), mode, control);
    Graph out;
    out.set_title(g.title());
    for (const Claim& c : g.claims()) out.add_claim(c);
    for (std::uint32_t v = static_cast<std::uint32_t>(g.claims().size()); v < flat.size(); ++v) {
        Claim aux;
        aux.id = "aux:" + flat.id(v).substr(1);
        while (g.find_claim(aux.id)) aux.id += "'";  // never clash with a claim of the graph
        aux.text = flat.id(v).starts_with("\x1fnot:") ? "auxiliary: the attacker is not accepted"
                                                       : "auxiliary: the attack is active";
        aux.kind = ClaimKind::argument;
        aux.tags = {"auxiliary"};
        out.add_claim(std::move(aux));
    }
    for (std::uint32_t e = 0; e < flat.edge_count(); ++e) {
        Edge edge;
        edge.kind = flat.edge_kind(e);
        edge.from = out.claims()[flat.edge_from(e)].id;
        edge.to = out.claims()[flat.edge_to(e)].id;
        if (edge.kind == EdgeKind::support) {
            edge.id = flat.edge_id(e);
            edge.weight = flat.edge_weight(e);
        }
        out.add_edge(std::move(edge));
    }
    return out;
}

}  // namespace agon
