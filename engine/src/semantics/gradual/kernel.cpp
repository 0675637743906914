// The kernel layout built from a snapshot, and effective weights under undercuts
// (docs/semantics.md §0: w_eff(e) = w(e) * prod over undercuts u of (1 - min(1, w_eff(u) s(src u)))).
#include "kernel.hpp"

#include <algorithm>

namespace agon::detail::gradual {

namespace {

// Effective weight of edge e under the strengths sigma (recursive over undercuts).
double effective(const Snapshot& s, std::uint32_t e, const double* sigma) {
    double w = s.edge_weight(e);
    const Adjacency& und = s.undercutters();
    for (std::uint32_t i = und.offsets[e]; i < und.offsets[e + 1]; ++i)
        w *= 1.0 - std::min(1.0, effective(s, und.edges[i], sigma) * sigma[und.nodes[i]]);
    return w;
}

}  // namespace

Kernel::Kernel(const Snapshot& s)
    : n(s.size()), att(&s.attackers()), sup(&s.supporters()), snapshot(&s), undercuts(s.has_undercuts()) {
    base.resize(n);
    for (std::uint32_t v = 0; v < n; ++v) base[v] = s.base(v);
    edge_w.resize(s.edge_count());
    for (std::uint32_t e = 0; e < s.edge_count(); ++e) edge_w[e] = s.edge_weight(e);
    att_w.resize(att->edges.size());
    sup_w.resize(sup->edges.size());
    att_base_src.resize(att->edges.size());
    for (std::size_t i = 0; i < att->edges.size(); ++i) {
        att_w[i] = edge_w[att->edges[i]];
        att_base_src[i] = base[att->nodes[i]];
    }
    for (std::size_t i = 0; i < sup->edges.size(); ++i) sup_w[i] = edge_w[sup->edges[i]];
    // Padding lets the sweep prefetch past the last entry without a bounds test.
    att_src.reserve(att->nodes.size() + prefetch_ahead);
    att_src.assign(att->nodes.begin(), att->nodes.end());
    att_src.resize(att->nodes.size() + prefetch_ahead, 0);
    sup_src.reserve(sup->nodes.size() + prefetch_ahead);
    sup_src.assign(sup->nodes.begin(), sup->nodes.end());
    sup_src.resize(sup->nodes.size() + prefetch_ahead, 0);
}

void Kernel::refresh_weights(const double* sigma) {
    if (!undercuts) return;
    const Snapshot& s = *snapshot;
    const Adjacency& und = s.undercutters();
    // Undercuts follow the edge they attack, so walking backwards sees every
    // undercut's own effective weight before it is used.
    for (std::uint32_t e = s.edge_count(); e-- > 0;) {
        double w = s.edge_weight(e);
        for (std::uint32_t i = und.offsets[e]; i < und.offsets[e + 1]; ++i)
            w *= 1.0 - std::min(1.0, edge_w[und.edges[i]] * sigma[und.nodes[i]]);
        edge_w[e] = w;
    }
    for (std::size_t i = 0; i < att->edges.size(); ++i) att_w[i] = edge_w[att->edges[i]];
    for (std::size_t i = 0; i < sup->edges.size(); ++i) sup_w[i] = edge_w[sup->edges[i]];
}

void refresh_undercut_weights(Kernel& k, std::uint32_t v, const double* sigma) {
    for (std::uint32_t i = k.att->offsets[v]; i < k.att->offsets[v + 1]; ++i)
        k.att_w[i] = effective(*k.snapshot, k.att->edges[i], sigma);
    for (std::uint32_t i = k.sup->offsets[v]; i < k.sup->offsets[v + 1]; ++i)
        k.sup_w[i] = effective(*k.snapshot, k.sup->edges[i], sigma);
}

}  // namespace agon::detail::gradual
