#include "steep_cycles.hpp"

#include <algorithm>
#include <limits>

namespace agon::detail::incremental {

using gradual::Sem;

namespace {
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();  // dead or isolated: no component
}  // namespace

bool SteepCycles::update(const LiveGraph& g, const LiveGraph::Changes& changes) {
    if (steep_.size() < g.edge_slots()) steep_.resize(g.edge_slots(), 0);
    // Under h-categoriser, max- and card-based only undercuts can be steep:
    // until one comes, looking at the kinds of the changed edges is all
    // (the loops below cost max-based re-evaluation about 8 %).
    const bool undercuts_only = !gradual::bipolar(sem_);
    for (std::size_t i = 0; undercuts_only && !undercuts_seen_ && i < changes.edges.size(); ++i)
        undercuts_seen_ = g.kind(changes.edges[i]) == EdgeKind::undercut;
    if (undercuts_only && !undercuts_seen_) return false;
    for (std::uint32_t v : changes.claims) {
        // A base score sets the slopes of the edges into the claim, and
        // (card) whether the undercuts out of it can zero their edges.
        for (std::uint32_t e : g.attacks_into(v)) refresh(g, e);
        for (std::uint32_t e : g.supports_into(v)) refresh(g, e);
        for (std::uint32_t e : g.edges_out(v)) refresh(g, e);
    }
    for (std::uint32_t e : changes.edges) {
        refresh(g, e);
        // The edges acting on the same claim: an attack or support come or
        // gone can mix the kinds into it, which sets their slopes, and a
        // claim's edges on itself sum their gains (steep()).
        for (std::uint32_t f : g.attacks_into(g.acted_on(e))) refresh(g, f);
        for (std::uint32_t f : g.supports_into(g.acted_on(e))) refresh(g, f);
    }
    if (count_ == 0 || !steep_on_cycle(g) || !reaches_steep(g, changes)) return false;
    collect_region(g);
    return true;
}

bool SteepCycles::reaches_steep(const LiveGraph& g, const LiveGraph::Changes& changes) {
    reached_.assign(components_, 0);
    stack_.clear();
    auto reach = [&](std::uint32_t v) {
        const std::uint32_t c = component_[v];
        if (c == kNone || reached_[c]) return;  // dead or isolated, or seen
        reached_[c] = 1;
        stack_.push_back(v);
    };
    // A changed claim moves what its edges act on even when it or they are
    // off now (its last value reached them), so these go by every edge.
    for (std::uint32_t v : changes.claims) {
        reach(v);
        for (std::uint32_t e : g.edges_out(v)) reach(g.acted_on(e));
    }
    for (std::uint32_t e : changes.edges) reach(g.acted_on(e));
    // Downstream over live edges: a reached component's every claim walks on.
    bool steep = false;
    while (!stack_.empty()) {
        const std::uint32_t c = component_[stack_.back()];
        stack_.pop_back();
        steep |= steep_component_[c] != 0;
        for (std::uint32_t i = start_[c]; i < start_[c + 1]; ++i)
            for (std::uint32_t e : g.edges_out(members_[i]))
                if (g.live(e)) reach(g.acted_on(e));
    }
    return steep;
}

void SteepCycles::collect_region(const LiveGraph& g) {
    in_region_.assign(g.claim_slots(), 0);
    region_.clear();
    auto add = [&](std::uint32_t v) {
        if (in_region_[v]) return;
        in_region_[v] = 1;
        region_.push_back(v);
    };
    for (std::uint32_t c = 0; c < components_; ++c)
        if (reached_[c] && steep_component_[c])
            for (std::uint32_t i = start_[c]; i < start_[c + 1]; ++i) add(members_[i]);
    // Upstream: the sources of live attacks and supports into a claim, and of
    // the live undercuts on them to any depth (each acts on that claim).
    for (std::size_t next = 0; next < region_.size(); ++next) {
        const std::uint32_t v = region_[next];
        for (auto into : {g.attacks_into(v), g.supports_into(v)})
            for (std::uint32_t e : into) {
                if (!g.live(e)) continue;
                add(g.from(e));
                stack_.assign(g.undercuts_of(e).begin(), g.undercuts_of(e).end());
                while (!stack_.empty()) {
                    const std::uint32_t u = stack_.back();
                    stack_.pop_back();
                    if (!g.live(u)) continue;
                    add(g.from(u));
                    for (std::uint32_t x : g.undercuts_of(u)) stack_.push_back(x);
                }
            }
    }
}

void SteepCycles::refresh(const LiveGraph& g, std::uint32_t e) {
    const std::uint8_t now = steep(g, e);
    count_ += now - steep_[e];
    steep_[e] = now;
    for (std::uint32_t u : g.undercuts_of(e)) refresh(g, u);
}

bool SteepCycles::chain_can_zero(const LiveGraph& g, std::uint32_t e) {
    // Moving e's source moves the effective weight of each undercut down its
    // chain; card's count jumps when one of them can zero the edge it cuts.
    for (std::uint32_t u = e; g.kind(u) == EdgeKind::undercut; u = g.to(u))
        if (g.weight(u) * g.base(g.from(u)) >= 1) return true;
    return false;
}

double SteepCycles::slope(const LiveGraph& g, std::uint32_t f, bool undercut) const {
    const bool attack = g.kind(f) == EdgeKind::attack;
    const std::uint32_t t = g.to(f);
    const double tau = g.base(t);
    // DF-QuAD and QE move a claim whose attacks outweigh its supports by tau
    // per unit of either, and one whose supports outweigh by 1 - tau: with
    // both kinds into it, either edge can have either slope. (Hidden edges
    // count: a claim switched on again brings them back.)
    const bool mixed = !g.attacks_into(t).empty() && !g.supports_into(t).empty();
    const double side = mixed ? std::max(tau, 1 - tau) : attack ? tau : 1 - tau;
    switch (sem_) {
        case Sem::dfquad: return side;
        case Sem::quad: return attack ? tau : 1 - tau;  // each relation has its own term
        case Sem::qe: return 0.6495190528383290 * side;  // h' <= 3 sqrt(3) / 8
        case Sem::euler: return (1 - tau * tau) / 4;
        case Sem::mlp: return 0.25;
        case Sem::hcat:
        case Sem::max: return undercut && attack ? tau : 0;
        case Sem::card: break;  // steep() decides without a slope
    }
    return 0;
}

double SteepCycles::gain(const LiveGraph& g, std::uint32_t h) const {
    std::uint32_t f = h;  // the attack or support the chain ends at
    while (g.kind(f) == EdgeKind::undercut) f = g.to(f);
    return g.reach(h) * slope(g, f, f != h);
}

bool SteepCycles::steep(const LiveGraph& g, std::uint32_t e) const {
    if (!g.live(e)) return false;
    if (sem_ == Sem::card) {
        std::uint32_t f = e;
        while (g.kind(f) == EdgeKind::undercut) f = g.to(f);
        return f != e && g.kind(f) == EdgeKind::attack && chain_can_zero(g, e);
    }
    constexpr double kOne = 1 - 1e-12;
    const std::uint32_t from = g.from(e), to = g.acted_on(e);
    if (from != to) return gain(g, e) >= kOne;
    // A claim's edges acting on itself add their moves up, and the loop they
    // make has their summed gain (two self-supports of weight 0.5 on a claim
    // of base 0 hold it anywhere under QuAD; so do two undercuts of 0.5 from
    // a claim on the same attack on it). Between two claims the loop goes
    // on through other edges, whose gains multiply: parallel edges of 0.5
    // from claims of base 0.5, common in random graphs, are left alone.
    double sum = 0;
    for (std::uint32_t h : g.edges_out(from))
        if (g.live(h) && g.acted_on(h) == to) sum += gain(g, h);
    return sum >= kOne;
}

bool SteepCycles::steep_on_cycle(const LiveGraph& g) {
    const std::uint32_t n = g.claim_slots();
    index_.assign(n, kNone);
    low_.assign(n, 0);
    component_.assign(n, kNone);
    on_stack_.assign(n, 0);
    stack_.clear();
    members_.clear();
    start_.assign(1, 0);
    std::uint32_t counter = 0, components = 0;
    auto enter = [&](std::uint32_t v) {
        index_[v] = low_[v] = counter++;
        stack_.push_back(v);
        on_stack_[v] = 1;
        frames_.push_back({v, 0});
    };
    for (std::uint32_t root = 0; root < n; ++root) {
        if (index_[root] != kNone || !g.alive(root) || g.isolated(root)) continue;
        enter(root);
        while (!frames_.empty()) {
            const std::uint32_t v = frames_.back().v;
            const auto out = g.edges_out(v);
            if (frames_.back().next < out.size()) {
                const std::uint32_t e = out[frames_.back().next++];
                if (!g.live(e)) continue;
                const std::uint32_t w = g.acted_on(e);
                if (index_[w] == kNone) enter(w);
                else if (on_stack_[w]) low_[v] = std::min(low_[v], index_[w]);
                continue;
            }
            frames_.pop_back();
            if (!frames_.empty()) low_[frames_.back().v] = std::min(low_[frames_.back().v], low_[v]);
            if (low_[v] != index_[v]) continue;
            std::uint32_t x;
            do {
                x = stack_.back();
                stack_.pop_back();
                on_stack_[x] = 0;
                component_[x] = components;
                members_.push_back(x);
            } while (x != v);
            ++components;
            start_.push_back(static_cast<std::uint32_t>(members_.size()));
        }
    }
    components_ = components;
    connected_ = static_cast<std::uint32_t>(members_.size());
    steep_component_.assign(components, 0);
    bool any = false;
    for (std::uint32_t e = 0; e < steep_.size(); ++e)
        if (steep_[e] && component_[g.from(e)] != kNone && component_[g.from(e)] == component_[g.acted_on(e)]) {
            steep_component_[component_[g.from(e)]] = 1;
            any = true;
        }
    return any;
}

}  // namespace agon::detail::incremental
