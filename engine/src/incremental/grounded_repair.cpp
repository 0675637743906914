#include "grounded_repair.hpp"

#include <algorithm>

namespace agon::detail::incremental {

void GroundedRepair::changed(const std::vector<std::uint32_t>& slots) {
    pending_.insert(pending_.end(), slots.begin(), slots.end());
}

void GroundedRepair::undo() {
    for (const Before& b : journal_) {
        labels_[b.slot] = b.label;
        reason_[b.slot] = b.reason;
        rank_[b.slot] = b.rank;
    }
    journal_.clear();
    for (std::size_t s = fresh_from_; s < labels_.size(); ++s) {
        labels_[s] = Label::undec;
        reason_[s] = 0;
        rank_[s] = 0;
    }
    last_ = 0;
}

const std::vector<Label>& GroundedRepair::labels(const DynamicFramework& af) {
    const std::uint32_t n = af.slots();
    fresh_from_ = labels_.size();
    // A first labelling (every slot changed, none labelled yet): no suspect
    // to look for, nothing to keep, and each argument's attackers not out
    // are at first all of them (counted below from the list sizes).
    const bool first = fresh_from_ == 0;
    labels_.resize(n, Label::undec);
    reason_.resize(n, 0);
    rank_.resize(n, 0);
    in_region_.resize(n, 0);
    counted_.resize(n, 0);
    live_.resize(n, 0);
    kept_round_.resize(n, 0);
    journal_.clear();
    if (++round_ == 0) {  // wrapped: no slot is kept in this round yet
        std::fill(kept_round_.begin(), kept_round_.end(), 0);
        round_ = 1;
    }
    // 1. The suspects: the changed slots, and along attacks the in or out
    //    labels that may rest on a suspect (their old labels decide).
    //    An out argument that may have lost its reason stays out, and is no
    //    suspect, when another in attacker outside the suspects ranks below
    //    it (ranks keep the reasons well-founded); should that attacker
    //    become a suspect, it reaches this one through the reason.
    auto other_reason = [&](std::uint32_t t, std::uint32_t x) {
        // Most often the reason it has still holds (t lost another attacker).
        const std::uint32_t r = reason_[t];
        if (r != x && r < n && !in_region_[r] && labels_[r] == Label::in && rank_[r] < rank_[t] && af.slot_attacks(r, t))
            return true;
        for (std::uint32_t b : af.attackers(t))
            if (labels_[b] == Label::in && b != x && !in_region_[b] && rank_[b] < rank_[t]) {
                keep(t);
                reason_[t] = b;
                return true;
            }
        return false;
    };
    // Likewise an in argument whose attackers are all out, outside the
    //    suspects and below it (it lost an attacker, or gained one that is out).
    auto still_in = [&](std::uint32_t v) {
        for (std::uint32_t b : af.attackers(v))
            if (in_region_[b] || labels_[b] != Label::out || rank_[b] >= rank_[v]) return false;
        return true;
    };
    region_.clear();
    // The buffers below hold up to a slot each: sized once, not doubled
    // (each doubling touches fresh pages; a first labelling fills them).
    region_.reserve(pending_.size());
    if (first) {
        for (std::uint32_t s : pending_)
            if (af.alive(s)) region_.push_back(s);
        pending_.clear();
    }
    for (std::uint32_t s : pending_) {
        if (!af.alive(s)) {
            keep(s);
            labels_[s] = Label::undec;
            continue;
        }
        if (in_region_[s] || (labels_[s] == Label::out && other_reason(s, s)) ||
            (labels_[s] == Label::in && still_in(s)))
            continue;
        in_region_[s] = 1;
        region_.push_back(s);
    }
    pending_.clear();
    for (std::size_t i = 0; i < region_.size() && !first; ++i) {
        const std::uint32_t x = region_[i];
        const Label old = labels_[x];
        if (old == Label::undec) continue;
        // The most selective test first: few targets have x for their reason.
        for (std::uint32_t t : af.targets(x)) {
            const bool suspect = old == Label::in ? reason_[t] == x && labels_[t] == Label::out && !in_region_[t] &&
                                                        !other_reason(t, x)
                                                  : labels_[t] == Label::in && !in_region_[t];
            if (!suspect) continue;
            in_region_[t] = 1;
            region_.push_back(t);
        }
    }
    last_ = region_.size();
    // 2. Label the suspects again with every other label fixed; undecided
    //    arguments outside them join the propagation when it reaches them.
    if (!first)
        for (std::uint32_t v : region_) {
            keep(v);
            labels_[v] = Label::undec;
        }
    touched_.clear();
    queue_.clear();
    touched_.reserve(region_.size());
    queue_.reserve(region_.size());
    // The attackers of an undecided argument not yet out, counted when first needed.
    auto set_count = [&](std::uint32_t v, std::uint32_t live) {
        counted_[v] = 1;
        touched_.push_back(v);
        live_[v] = live;
    };
    if (first)
        for (std::uint32_t v = 0; v < n; ++v) live_[v] = static_cast<std::uint32_t>(af.attackers(v).size());
    auto count = [&](std::uint32_t v) {
        if (first || counted_[v]) return;
        std::uint32_t live = 0;
        for (std::uint32_t b : af.attackers(v)) live += labels_[b] != Label::out;
        set_count(v, live);
    };
    // Ranks: an in argument ranks above all its attackers, an out one above
    // its reason. A first labelling puts every out argument out by defeat(),
    // which raises its undecided targets' ranks above its own as it goes
    // (they start at 0): an argument put in has its rank then.
    auto put_in = [&](std::uint32_t u) {
        if (!first) {
            std::uint32_t rank = 0;
            for (std::uint32_t b : af.attackers(u)) rank = std::max(rank, rank_[b] + 1);
            keep(u);
            rank_[u] = rank;
        }
        labels_[u] = Label::in;
        queue_.push_back(u);
    };
    // t is out now: its undecided targets have one attacker fewer to fear.
    auto defeat = [&](std::uint32_t t, std::uint32_t reason) {
        keep(t);
        labels_[t] = Label::out;
        reason_[t] = reason;
        rank_[t] = rank_[reason] + 1;
        for (std::uint32_t u : af.targets(t)) {
            if (labels_[u] != Label::undec) continue;
            if (first) rank_[u] = std::max(rank_[u], rank_[t] + 1);
            if (first || counted_[u]) --live_[u];
            else count(u);
            if (live_[u] == 0) put_in(u);
        }
    };
    // A suspect with an in attacker is out at once (a suspect in already
    // is in for good); the others have their attackers not out counted on
    // the same pass (later labels only ever turn undecided ones out, which
    // defeat() counts).
    for (std::uint32_t v : region_) {
        if (labels_[v] != Label::undec) continue;
        std::uint32_t live = 0, reason = n;
        for (std::uint32_t b : af.attackers(v)) {
            if (labels_[b] == Label::in) {
                reason = b;
                break;
            }
            live += labels_[b] != Label::out;
        }
        if (reason != n) {
            defeat(v, reason);
            continue;
        }
        if (!first && !counted_[v]) set_count(v, live);
        if (live_[v] == 0) put_in(v);
    }
    for (std::size_t head = 0; head < queue_.size(); ++head) {
        const std::uint32_t v = queue_[head];
        for (std::uint32_t t : af.targets(v))
            if (labels_[t] == Label::undec) defeat(t, v);
    }
    if (!first)
        for (std::uint32_t v : region_) in_region_[v] = 0;
    for (std::uint32_t v : touched_) counted_[v] = 0;
    last_ += queue_.size();
    return labels_;
}

}  // namespace agon::detail::incremental
