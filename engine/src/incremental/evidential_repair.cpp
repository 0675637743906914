#include "evidential_repair.hpp"

#include <algorithm>

namespace agon::detail::incremental {

namespace {

bool tagged_prima_facie(const LiveGraph& g, std::uint32_t v) {
    const auto& tags = g.tags(v);
    return std::find(tags.begin(), tags.end(), "prima_facie") != tags.end();
}

}  // namespace

template <class F>
void EvidentialRepair::supports(const LiveGraph& g, const DynamicFramework& af, std::uint32_t s, bool into,
                                F&& f) const {
    const std::uint32_t v = af.id(s);
    if (v >= SupportMirror::kFirstAux) return;  // auxiliary arguments have no supports
    if (into) {
        for (std::uint32_t e : g.supports_into(v))
            if (g.live(e)) f(af.slot(g.from(e)));
    } else {
        for (std::uint32_t e : g.edges_out(v))
            if (g.kind(e) == EdgeKind::support && g.live(e)) f(af.slot(g.to(e)));
    }
}

const std::vector<Label>& EvidentialRepair::update(const LiveGraph& g, const LiveGraph::Changes& changes,
                                                   SupportMirror& mirror) {
    DynamicFramework& af = mirror.framework();
    const std::uint32_t n = af.slots();
    labels_.resize(n, Label::undec);
    in_region_.resize(n, 0);
    prima_.resize(n, 0);
    reached_.resize(n, 0);
    for (auto* counter : {&att_live_, &att_in_, &sup_live_, &sup_in_}) counter->resize(n, 0);
    tagged_.resize(g.claim_slots(), 0);
    // 1. The part to label again: the changed slots (life, attackers,
    //    supporters, tags) and what they reach along attacks and supports.
    region_.clear();
    auto seed = [&](std::uint32_t s) {
        if (in_region_[s]) return;
        in_region_[s] = 1;
        region_.push_back(s);
    };
    for (std::uint32_t s : af.take_touched()) seed(s);
    for (std::uint32_t v : changes.claims) {
        const char tagged = g.alive(v) && tagged_prima_facie(g, v);
        tagged_count_ += tagged - tagged_[v];
        tagged_[v] = tagged;
        if (mirror.has_claim(v)) seed(af.slot(v));
    }
    for (std::uint32_t e : changes.edges)
        if (g.kind(e) == EdgeKind::support && mirror.has_claim(g.to(e))) seed(af.slot(g.to(e)));
    if ((tagged_count_ > 0) != tagged_mode_) {
        tagged_mode_ = tagged_count_ > 0;  // every claim's prima facie status may change
        for (std::uint32_t s = 0; s < n; ++s)
            if (af.alive(s)) seed(s);
    }
    for (std::size_t i = 0; i < region_.size(); ++i) {
        const std::uint32_t s = region_[i];
        if (!af.alive(s)) continue;
        for (std::uint32_t t : af.targets(s)) seed(t);
        supports(g, af, s, false, seed);
    }
    // 2. Label it again with every other label fixed.
    for (std::uint32_t s : region_) labels_[s] = Label::undec;
    for (std::uint32_t s : region_) {
        if (!af.alive(s)) continue;
        const std::uint32_t v = af.id(s);
        att_live_[s] = att_in_[s] = sup_live_[s] = sup_in_[s] = 0;
        for (std::uint32_t b : af.attackers(s)) {
            att_live_[s] += labels_[b] != Label::out;
            att_in_[s] += labels_[b] == Label::in;
        }
        std::uint32_t supporters = 0;
        supports(g, af, s, true, [&](std::uint32_t w) {
            ++supporters;
            sup_live_[s] += labels_[w] != Label::out;
            sup_in_[s] += labels_[w] == Label::in;
        });
        // Prima facie: auxiliary arguments; the tagged claims, or when no
        // claim is tagged, those without a live supporter.
        if (v >= SupportMirror::kFirstAux) prima_[s] = 1;
        else prima_[s] = tagged_mode_ ? tagged_[v] : supporters == 0;
    }
    for (std::uint32_t s : region_)
        if (af.alive(s)) decide(s);
    do {
        propagate(g, af);
    } while (cut_unfounded(g, af));
    for (std::uint32_t s : region_) in_region_[s] = 0;
    return labels_;
}

// IN iff every attacker is out and (prima facie or a supporter is in);
// OUT iff an attacker is in or (not prima facie and every supporter is out).
void EvidentialRepair::decide(std::uint32_t s) {
    if (labels_[s] != Label::undec) return;
    if (att_live_[s] == 0 && (prima_[s] || sup_in_[s] > 0)) set(s, Label::in);
    else if (att_in_[s] > 0 || (!prima_[s] && sup_live_[s] == 0)) set(s, Label::out);
}

void EvidentialRepair::set(std::uint32_t s, Label l) {
    labels_[s] = l;
    queue_.push_back(s);
}

void EvidentialRepair::propagate(const LiveGraph& g, const DynamicFramework& af) {
    for (std::size_t head = 0; head < queue_.size(); ++head) {
        const std::uint32_t s = queue_[head];
        const bool in = labels_[s] == Label::in;
        for (std::uint32_t t : af.targets(s)) {
            if (!in_region_[t]) continue;
            if (in) ++att_in_[t];
            else --att_live_[t];
            decide(t);
        }
        supports(g, af, s, false, [&](std::uint32_t w) {
            if (!in_region_[w]) return;
            if (in) ++sup_in_[w];
            else --sup_live_[w];
            decide(w);
        });
    }
    queue_.clear();
}

bool EvidentialRepair::cut_unfounded(const LiveGraph& g, const DynamicFramework& af) {
    // Chains start at prima facie claims of the part not out, and at claims
    // of the part with a supporter outside it that is not out (such a
    // supporter has a chain of its own, outside the part).
    ++visit_;
    stack_.clear();
    for (std::uint32_t s : region_) {
        if (!af.alive(s) || labels_[s] == Label::out) continue;
        bool start = prima_[s] != 0;
        if (!start)
            supports(g, af, s, true, [&](std::uint32_t w) { start |= !in_region_[w] && labels_[w] != Label::out; });
        if (!start) continue;
        reached_[s] = visit_;
        stack_.push_back(s);
    }
    while (!stack_.empty()) {
        const std::uint32_t s = stack_.back();
        stack_.pop_back();
        supports(g, af, s, false, [&](std::uint32_t w) {
            if (reached_[w] == visit_ || labels_[w] == Label::out) return;
            reached_[w] = visit_;
            stack_.push_back(w);
        });
    }
    for (std::uint32_t s : region_)
        if (af.alive(s) && reached_[s] != visit_ && labels_[s] == Label::undec) set(s, Label::out);
    return !queue_.empty();
}

}  // namespace agon::detail::incremental
