#include "evidential_repair.hpp"

#include <algorithm>

namespace agon::detail::incremental {

namespace {

constexpr std::uint32_t kPrima = ~0u, kWithoutSupport = ~0u - 1;


}  // namespace

template <class F>
void EvidentialRepair::supports(std::uint32_t s, bool into, F&& f) const {
    const std::uint32_t v = af_->id(s);
    if (v >= SupportMirror::kFirstAux) return;  // auxiliary arguments have no supports
    if (into) {
        for (std::uint32_t e : g_->supports_into(v))
            if (g_->live(e)) f(af_->slot(g_->from(e)));
    } else {
        for (std::uint32_t e : g_->edges_out(v))
            if (g_->kind(e) == EdgeKind::support && g_->live(e)) f(af_->slot(g_->to(e)));
    }
}

bool EvidentialRepair::prima_facie(std::uint32_t s) const {
    const std::uint32_t v = af_->id(s);
    if (v >= SupportMirror::kFirstAux) return true;  // auxiliary arguments
    if (tagged_mode_) return tagged_[v] != 0;
    bool supported = false;
    supports(s, true, [&](std::uint32_t) { supported = true; });
    return !supported;
}

void EvidentialRepair::keep(std::uint32_t s) {
    if (kept_round_[s] == journal_round_) return;
    kept_round_[s] = journal_round_;
    journal_.push_back({s, labels_[s], why_[s]});
}

void EvidentialRepair::undo() {
    for (const Before& b : journal_) {
        labels_[b.slot] = b.label;
        why_[b.slot] = b.why;
    }
    for (std::uint32_t v : flipped_tags_) {
        tagged_[v] ^= 1;
        if (tagged_[v]) ++tagged_count_;
        else --tagged_count_;
    }
    tagged_mode_ = tagged_mode_before_;
    journal_.clear();
    flipped_tags_.clear();
    last_ = 0;
}

void EvidentialRepair::suspect(std::uint32_t s) {
    if (in_region_[s]) return;
    in_region_[s] = 1;
    region_.push_back(s);
}

const std::vector<Label>& EvidentialRepair::update(const LiveGraph& g, const LiveGraph::Changes& changes,
                                                   SupportMirror& mirror) {
    g_ = &g;
    af_ = &mirror.framework();
    const DynamicFramework& af = *af_;
    const std::uint32_t n = af.slots();
    labels_.resize(n, Label::undec);
    why_.resize(n, 0);
    for (auto* flags : {&in_region_, &counted_, &pending_, &prima_}) flags->resize(n, 0);
    for (auto* counter : {&att_live_, &att_in_, &sup_live_, &sup_in_, &part_round_, &reached_round_})
        counter->resize(n, 0);
    tagged_.resize(g.claim_slots(), 0);
    kept_round_.resize(n, 0);
    journal_.clear();
    flipped_tags_.clear();
    tagged_mode_before_ = tagged_mode_;
    if (++journal_round_ == 0) {  // wrapped: no slot is kept in this round yet
        std::fill(kept_round_.begin(), kept_round_.end(), 0);
        journal_round_ = 1;
    }
    // 1. The suspects: the changed slots (life, attackers, supporters, tags),
    //    and along attacks and supports the labels that may rest on a suspect.
    region_.clear();
    mirror.framework().take_touched(changed_);
    for (std::uint32_t s : changed_) suspect(s);
    for (std::uint32_t v : changes.claims) {
        const char tagged = g.alive(v) && g.tagged(v, "prima_facie");
        if (tagged != tagged_[v]) {
            tagged_count_ += tagged - tagged_[v];
            tagged_[v] = tagged;
            flipped_tags_.push_back(v);
        }
        if (mirror.has_claim(v)) suspect(af.slot(v));
    }
    for (std::uint32_t e : changes.edges)
        if (g.kind(e) == EdgeKind::support && mirror.has_claim(g.to(e))) suspect(af.slot(g.to(e)));
    if ((tagged_count_ > 0) != tagged_mode_) {
        tagged_mode_ = tagged_count_ > 0;  // every claim's prima facie status may change
        for (std::uint32_t s = 0; s < n; ++s)
            if (af.alive(s)) suspect(s);
    }
    for (std::size_t i = 0; i < region_.size(); ++i) {
        const std::uint32_t x = region_[i];
        if (!af.alive(x)) {
            keep(x);
            labels_[x] = Label::undec;
            continue;
        }
        if (labels_[x] == Label::in) {
            for (std::uint32_t t : af.targets(x))
                if (labels_[t] == Label::out && why_[t] == x) suspect(t);
            supports(x, false, [&](std::uint32_t w) {
                if (labels_[w] == Label::in && why_[w] == x) suspect(w);
            });
        } else if (labels_[x] == Label::out) {
            for (std::uint32_t t : af.targets(x))
                if (labels_[t] == Label::in) suspect(t);
            supports(x, false, [&](std::uint32_t w) {
                if (labels_[w] == Label::out && why_[w] == kWithoutSupport) suspect(w);
            });
        }
    }
    // 2. Label them again with every other label fixed.
    for (std::uint32_t s : region_) {
        keep(s);
        labels_[s] = Label::undec;
    }
    touched_.clear();
    labelled_.clear();
    for (std::uint32_t s : region_)
        if (af.alive(s)) count(s);
    for (std::uint32_t s : region_)
        if (af.alive(s)) decide(s);
    do {
        propagate();
    } while (cut_unfounded());
    last_ = region_.size();
    for (std::uint32_t s : labelled_) last_ += !in_region_[s];
    for (std::uint32_t s : region_) in_region_[s] = 0;
    for (std::uint32_t s : touched_) counted_[s] = 0;
    return labels_;
}

// Labels still waiting in the queue are not counted yet: propagate counts
// them when it takes them.
void EvidentialRepair::count(std::uint32_t s) {
    if (counted_[s]) return;
    counted_[s] = 1;
    touched_.push_back(s);
    auto seen = [&](std::uint32_t b) { return pending_[b] ? Label::undec : labels_[b]; };
    att_live_[s] = att_in_[s] = sup_live_[s] = sup_in_[s] = 0;
    for (std::uint32_t b : af_->attackers(s)) {
        att_live_[s] += seen(b) != Label::out;
        att_in_[s] += seen(b) == Label::in;
    }
    supports(s, true, [&](std::uint32_t w) {
        sup_live_[s] += seen(w) != Label::out;
        sup_in_[s] += seen(w) == Label::in;
    });
    prima_[s] = prima_facie(s);
}

// IN iff every attacker is out and (prima facie or a supporter is in);
// OUT iff an attacker is in or (not prima facie and every supporter is out).
void EvidentialRepair::decide(std::uint32_t s) {
    if (labels_[s] != Label::undec) return;
    std::uint32_t why = kWithoutSupport;
    auto first_in = [&](std::uint32_t b) {
        if (labels_[b] == Label::in && why == kWithoutSupport) why = b;
    };
    if (att_live_[s] == 0 && (prima_[s] || sup_in_[s] > 0)) {
        if (prima_[s]) why = kPrima;
        else supports(s, true, first_in);
        set(s, Label::in, why);
    } else if (att_in_[s] > 0) {
        for (std::uint32_t b : af_->attackers(s)) first_in(b);
        set(s, Label::out, why);
    } else if (!prima_[s] && sup_live_[s] == 0) {
        set(s, Label::out, kWithoutSupport);
    }
}

void EvidentialRepair::set(std::uint32_t s, Label l, std::uint32_t why) {
    keep(s);
    labels_[s] = l;
    why_[s] = why;
    pending_[s] = 1;
    queue_.push_back(s);
    labelled_.push_back(s);
}

void EvidentialRepair::propagate() {
    for (std::size_t head = 0; head < queue_.size(); ++head) {
        const std::uint32_t s = queue_[head];
        const bool in = labels_[s] == Label::in;
        // Counted before or now, a claim sees s undecided (pending) until it
        // learns of s here, once per attack and once per support (s may both
        // attack and support it).
        for (std::uint32_t t : af_->targets(s)) {
            if (labels_[t] != Label::undec) continue;
            count(t);
            if (in) ++att_in_[t];
            else --att_live_[t];
            decide(t);
        }
        supports(s, false, [&](std::uint32_t w) {
            if (labels_[w] != Label::undec) return;
            count(w);
            if (in) ++sup_in_[w];
            else --sup_live_[w];
            decide(w);
        });
        pending_[s] = 0;
    }
    queue_.clear();
}

bool EvidentialRepair::cut_unfounded() {
    // The part where a chain may have broken: what a suspect or a claim put
    // out in this repair reaches along supports through claims not out.
    ++round_;
    part_.clear();
    stack_.clear();
    auto enter = [&](std::uint32_t s) {
        if (part_round_[s] == round_) return;
        part_round_[s] = round_;
        part_.push_back(s);
        stack_.push_back(s);
    };
    for (std::uint32_t s : region_)
        if (af_->alive(s)) enter(s);
    for (std::uint32_t s : labelled_)
        if (labels_[s] == Label::out) enter(s);
    while (!stack_.empty()) {
        const std::uint32_t s = stack_.back();
        stack_.pop_back();
        supports(s, false, [&](std::uint32_t w) {
            if (labels_[w] != Label::out) enter(w);
        });
    }
    // Chains start at its prima facie claims not out, and at its claims with
    // a supporter outside it that is not out (that one kept its chain).
    for (std::uint32_t s : part_) {
        if (labels_[s] == Label::out) continue;
        bool start = prima_facie(s);
        if (!start)
            supports(s, true, [&](std::uint32_t w) { start |= part_round_[w] != round_ && labels_[w] != Label::out; });
        if (!start) continue;
        reached_round_[s] = round_;
        stack_.push_back(s);
    }
    while (!stack_.empty()) {
        const std::uint32_t s = stack_.back();
        stack_.pop_back();
        supports(s, false, [&](std::uint32_t w) {
            if (part_round_[w] != round_ || reached_round_[w] == round_ || labels_[w] == Label::out) return;
            reached_round_[w] = round_;
            stack_.push_back(w);
        });
    }
    for (std::uint32_t s : part_)
        if (labels_[s] == Label::undec && reached_round_[s] != round_) set(s, Label::out, kWithoutSupport);
    return !queue_.empty();
}

}  // namespace agon::detail::incremental
