#include "support_mirror.hpp"

#include <algorithm>
#include <span>

namespace agon::detail::incremental {

namespace {

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) { return std::uint64_t{a} << 32 | b; }
std::uint32_t from_of(std::uint64_t k) { return static_cast<std::uint32_t>(k >> 32); }
std::uint32_t to_of(std::uint64_t k) { return static_cast<std::uint32_t>(k); }

// Calls only_a(k) for each k of sorted `a` not in sorted `b`, only_b for the converse.
template <class A, class B>
void diff(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b, A&& only_a, B&& only_b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j]) only_a(a[i++]);
        else if (b[j] < a[i]) only_b(b[j++]);
        else ++i, ++j;
    }
    for (; i < a.size(); ++i) only_a(a[i]);
    for (; j < b.size(); ++j) only_b(b[j]);
}

}  // namespace

std::uint32_t SupportMirror::aux(std::uint32_t x, std::uint32_t e) {
    const auto next = kFirstAux + static_cast<std::uint32_t>(aux_attacks_.size());
    auto [id, made] = aux_.try_emplace(pair_key(e, x), next);
    if (made) aux_attacks_.push_back(0);
    return *id;
}

const std::vector<std::uint32_t>& SupportMirror::closure(const LiveGraph& g, std::uint32_t v) {
    std::vector<std::uint32_t>& out = closure_[v];
    if (closure_known_[v]) return out;
    closure_known_[v] = 1;
    out.assign(1, v);
    ++visit_;
    seen_[v] = visit_;
    auto reach = [&](std::uint32_t w) {
        if (seen_[w] == visit_) return;
        seen_[w] = visit_;
        out.push_back(w);
    };
    for (std::size_t i = 0; i < out.size(); ++i) {
        const std::uint32_t w = out[i];
        if (mode_ == SupportMode::deductive) {
            for (std::uint32_t e : g.supports_into(w))
                if (g.live(e)) reach(g.from(e));
        } else {
            for (std::uint32_t e : g.edges_out(w))
                if (g.kind(e) == EdgeKind::support && g.live(e)) reach(g.to(e));
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

void SupportMirror::read(const LiveGraph& g, std::uint32_t e, std::vector<std::uint64_t>& out) {
    if (!g.live(e) || g.kind(e) == EdgeKind::support) return;
    const bool closures = mode_ == SupportMode::deductive || mode_ == SupportMode::necessary;
    // Most edges: an attack no undercut is aimed at, read as itself.
    if (g.kind(e) == EdgeKind::attack && !closures && g.undercuts_of(e).empty()) {
        out.push_back(pair_key(g.from(e), g.to(e)));
        return;
    }
    std::uint32_t acted = e;
    while (g.kind(acted) == EdgeKind::undercut) acted = g.to(acted);
    if (g.kind(acted) != EdgeKind::attack) return;  // undercuts of supports stand for nothing
    // An undercut's source is read alone; an attack's ends through their
    // closures (under none and evidential, the claims alone).
    const std::uint32_t ends[2] = {g.from(e), g.to(e)};
    std::span<const std::uint32_t> sources(&ends[0], 1), targets(&ends[1], 1);
    if (g.kind(e) == EdgeKind::attack && closures) {
        sources = closure(g, ends[0]);
        targets = closure(g, ends[1]);
    } else if (g.kind(e) == EdgeKind::undercut) {
        // The "attack is active" arguments of the edge it cuts.
        const std::uint32_t t = g.to(e), t_source = g.from(t);
        targets_.clear();
        if (g.kind(t) == EdgeKind::attack && closures)
            for (std::uint32_t x : closure(g, t_source)) targets_.push_back(aux(x, t));
        else
            targets_.push_back(aux(t_source, t));
        std::sort(targets_.begin(), targets_.end());
        targets = targets_;
    }
    bool undercut = false;
    for (std::uint32_t u : g.undercuts_of(e)) undercut |= g.live(u);
    const std::size_t first = out.size();
    if (!undercut) {
        // Sorted closures make the product sorted, each pair once.
        out.resize(first + sources.size() * targets.size());
        std::uint64_t* pair = out.data() + first;
        for (std::uint32_t x : sources)
            for (std::uint32_t y : targets) *pair++ = pair_key(x, y);
        return;
    }
    for (std::uint32_t x : sources) {
        const std::uint32_t not_x = aux(x, ~0u), active = aux(x, e);
        out.push_back(pair_key(x, not_x));
        out.push_back(pair_key(not_x, active));
        for (std::uint32_t y : targets) out.push_back(pair_key(active, y));
    }
    // The chains through an undercut's auxiliary arguments are not sorted.
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
    out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(first), out.end()), out.end());
}

void SupportMirror::note_closure_change(const LiveGraph& g, std::uint32_t from, std::uint32_t to) {
    // Deductive: the closure (what supports a claim) changes for the claims
    // `to` supports, transitively, itself included; necessary: for those
    // that support `from`. Either way the same whether the support is there
    // or not. A claim reached before in this sync had its part noted then.
    const bool deductive = mode_ == SupportMode::deductive;
    std::vector<std::uint32_t>& stack = stack_;
    auto reach = [&](std::uint32_t w) {
        if (spread_round_[w] == round_) return;
        spread_round_[w] = round_;
        stack.push_back(w);
        closure_known_[w] = 0;
        respread_.push_back(w);
    };
    reach(deductive ? to : from);
    while (!stack.empty()) {
        const std::uint32_t w = stack.back();
        stack.pop_back();
        for (std::uint32_t e : g.attacks_into(w)) note(e);
        for (std::uint32_t e : g.edges_out(w)) {
            if (g.kind(e) == EdgeKind::attack) {
                note(e);
                for (std::uint32_t u : g.undercuts_of(e)) note(u);
            } else if (g.kind(e) == EdgeKind::support && deductive && g.live(e)) {
                reach(g.to(e));
            }
        }
        if (!deductive)
            for (std::uint32_t e : g.supports_into(w))
                if (g.live(e)) reach(g.from(e));
    }
}

void SupportMirror::count_aux_ends(std::uint64_t pair, int by) {
    for (std::uint32_t id : {from_of(pair), to_of(pair)}) {
        if (id < kFirstAux) continue;
        aux_log_.push_back({id, by});
        if ((aux_attacks_[id - kFirstAux] += static_cast<std::uint32_t>(by)) == 0) idle_aux_.push_back(id);
    }
}

void SupportMirror::add_pair(std::uint64_t pair) {
    for (std::uint32_t id : {from_of(pair), to_of(pair)})
        if (id >= kFirstAux && !af_.has(id)) af_.add(id);
    if (af_.derive_attack(from_of(pair), to_of(pair))) count_aux(pair, +1);
}

void SupportMirror::undo() {
    af_.rollback();  // the attacks with their derivations too
    for (const auto& [id, by] : aux_log_) aux_attacks_[id - kFirstAux] -= static_cast<std::uint32_t>(by);
    idle_aux_.clear();
    for (std::uint32_t v : flipped_claims_) claim_in_af_[v] ^= 1;
    for (std::uint32_t e : flipped_supports_) support_live_[e] ^= 1;
    for (std::uint32_t v : respread_) closure_known_[v] = 0;  // back to the closure before
    for (std::size_t i = 0; i < before_edge_.size(); ++i) own_list(before_edge_[i]).swap(before_[i]);
    forget();
}

void SupportMirror::forget() {
    for (auto* pairs : {&went_, &came_}) pairs->clear();
    for (auto* slots : {&flipped_claims_, &flipped_supports_, &before_edge_, &respread_}) slots->clear();
    aux_log_.clear();
}

void SupportMirror::build(const LiveGraph& g, const Control& control) {
    const bool closures = mode_ == SupportMode::deductive || mode_ == SupportMode::necessary;
    // Live claims take the first slots, in slot order; auxiliary arguments
    // follow, in the order of their ids.
    std::vector<std::uint32_t> ids, slot(g.claim_slots(), 0);
    for (std::uint32_t v = 0; v < g.claim_slots(); ++v)
        if (g.alive(v)) {
            slot[v] = static_cast<std::uint32_t>(ids.size());
            ids.push_back(v);
            claim_in_af_[v] = 1;
        }
    // Every edge's reading in one array (no list per edge to allocate).
    built_.clear();
    built_start_.reserve(g.edge_slots() + std::size_t{1});
    built_start_.assign(1, 0);
    std::size_t checked = 0;
    for (std::uint32_t e = 0; e < g.edge_slots(); ++e) {
        if (closures && g.kind(e) == EdgeKind::support) support_live_[e] = g.live(e);
        read(g, e, built_);
        built_start_.push_back(built_.size());
        if ((e & 0xFF) == 0xFF || built_.size() > checked + 0xFFFF) {
            control.check();
            checked = built_.size();
        }
    }
    const auto first_aux = static_cast<std::uint32_t>(ids.size());
    for (std::uint32_t i = 0; i < aux_attacks_.size(); ++i) ids.push_back(kFirstAux + i);
    auto slot_of = [&](std::uint32_t id) { return id >= kFirstAux ? first_aux + (id - kFirstAux) : slot[id]; };
    std::vector<std::uint64_t> attacks;
    attacks.reserve(built_.size());
    for (std::uint64_t k : built_) attacks.push_back(pair_key(slot_of(from_of(k)), slot_of(to_of(k))));
    af_.assign(std::move(ids), std::move(attacks));
    // Each auxiliary argument counts its attacks, as add_pair() does.
    for (std::uint32_t i = 0; i < aux_attacks_.size(); ++i)
        aux_attacks_[i] = static_cast<std::uint32_t>(af_.attackers(first_aux + i).size() + af_.targets(first_aux + i).size());
}

void SupportMirror::sync(const LiveGraph& g, const LiveGraph::Changes& changes, const Control& control) {
    const bool closures = mode_ == SupportMode::deductive || mode_ == SupportMode::necessary;
    own_.resize(g.edge_slots(), 0);
    noted_.resize(g.edge_slots(), 0);
    claim_in_af_.resize(g.claim_slots(), 0);
    leaving_.resize(g.claim_slots(), 0);
    if (closures) {  // none and evidential read no closure
        support_live_.resize(g.edge_slots(), 0);
        closure_.resize(g.claim_slots());
        closure_known_.resize(g.claim_slots(), 0);
        spread_round_.resize(g.claim_slots(), 0);
        seen_.resize(g.claim_slots(), 0);
    }
    ++round_;
    forget();
    built_afresh_ = af_.slots() == 0;
    if (built_afresh_) return build(g, control);
    af_.checkpoint();
    // The changed edges, the edges an undercut among them is aimed at
    // (whether they are undercut may have changed), and the attacks that
    // read a closure a support whose life changed is part of.
    edges_.clear();
    for (std::uint32_t e : changes.edges) {
        note(e);
        if (g.kind(e) == EdgeKind::undercut) note(g.to(e));
        if (closures && g.kind(e) == EdgeKind::support && g.live(e) != (support_live_[e] != 0)) {
            support_live_[e] = g.live(e);
            flipped_supports_.push_back(e);
            note_closure_change(g, g.from(e), g.to(e));
        }
    }
    wanted_.clear();
    start_.clear();
    // Derived attacks can be quadratic in the claims (a support chain under
    // one attack): check the control every 256 edges and every 64k attacks.
    std::size_t checked = 0;
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        start_.push_back(wanted_.size());
        read(g, edges_[i], wanted_);
        if ((i & 0xFF) == 0xFF || wanted_.size() > checked + 0xFFFF) {
            control.check();
            checked = wanted_.size();
        }
    }
    start_.push_back(wanted_.size());
    auto now = [&](std::size_t i) {
        return std::span<const std::uint64_t>(wanted_.data() + start_[i], start_[i + 1] - start_[i]);
    };
    // Attacks that went away first (while their arguments are still there),
    // then claims, then attacks that came (with their auxiliary arguments).
    // The edges whose attacks changed keep their old ones for undo().
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        const std::size_t changed = went_.size() + came_.size();
        const std::uint32_t e = edges_[i];
        diff(mirrored(e), now(i), [&](std::uint64_t k) { went_.push_back(k); },
             [&](std::uint64_t k) { came_.push_back(k); });
        if (went_.size() + came_.size() == changed) continue;
        noted_[e] = 2;  // its attacks change: its own list takes the new ones below
        const std::size_t k = before_edge_.size();
        before_edge_.push_back(e);
        if (before_.size() == k) before_.emplace_back();
        if (!own_[e]) {
            // From now on the edge's own list holds its reading (undo swaps it back there).
            const auto old = mirrored(e);
            before_[k].assign(old.begin(), old.end());
            own_list(e);
        } else {
            before_[k].swap(own_list(e));
        }
    }
    // A claim leaving takes its attacks along at once, every derivation of
    // them among the attacks that went (each edge that derived one is read
    // again); only those with an auxiliary end are counted down here.
    for (std::uint32_t v : changes.claims) leaving_[v] = claim_in_af_[v] && !g.alive(v);
    auto leaving = [&](std::uint32_t id) { return id < kFirstAux && leaving_[id]; };
    for (std::uint64_t k : went_)
        if ((!leaving(from_of(k)) && !leaving(to_of(k))) || from_of(k) >= kFirstAux || to_of(k) >= kFirstAux)
            remove_pair(k);
    for (std::uint32_t v : changes.claims) leaving_[v] = 0;
    for (std::uint32_t v : changes.claims) {
        if (claim_in_af_[v] == g.alive(v)) continue;
        if (g.alive(v)) af_.add(v);
        else af_.remove(v);
        claim_in_af_[v] = g.alive(v);
        flipped_claims_.push_back(v);
    }
    for (std::uint64_t k : came_) add_pair(k);
    for (std::size_t i = 0; i < edges_.size(); ++i) {
        const std::uint32_t e = edges_[i];
        if (noted_[e] == 2) own_list(e).assign(now(i).begin(), now(i).end());
        noted_[e] = 0;
    }
    for (std::uint32_t id : idle_aux_)
        if (aux_attacks_[id - kFirstAux] == 0 && af_.has(id)) af_.remove(id);
    idle_aux_.clear();
}

}  // namespace agon::detail::incremental
