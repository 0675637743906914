#include "grounded_repair.hpp"

namespace agon::detail::incremental {

void GroundedRepair::changed(const std::vector<std::uint32_t>& slots) {
    pending_.insert(pending_.end(), slots.begin(), slots.end());
}

const std::vector<Label>& GroundedRepair::labels(const DynamicFramework& af) {
    const std::uint32_t n = af.slots();
    labels_.resize(n, Label::undec);
    reason_.resize(n, 0);
    in_region_.resize(n, 0);
    live_.resize(n, 0);
    // The region: the suspects (see the header), with their old labels.
    region_.clear();
    for (std::uint32_t s : pending_) {
        if (!af.alive(s)) {
            labels_[s] = Label::undec;
            continue;
        }
        if (in_region_[s]) continue;
        in_region_[s] = 1;
        region_.push_back(s);
    }
    pending_.clear();
    for (std::size_t i = 0; i < region_.size(); ++i) {
        const std::uint32_t x = region_[i];
        const Label old = labels_[x];
        for (std::uint32_t t : af.targets(x)) {
            if (in_region_[t]) continue;
            const Label lt = labels_[t];
            const bool suspect = old == Label::in    ? lt == Label::out && reason_[t] == x
                                 : old == Label::out ? lt != Label::out
                                                     : lt == Label::undec;
            if (!suspect) continue;
            in_region_[t] = 1;
            region_.push_back(t);
        }
    }
    last_ = region_.size();
    for (std::uint32_t v : region_) labels_[v] = Label::undec;
    // Attackers outside the region keep their labels: an in attacker puts v out.
    for (std::uint32_t v : region_)
        for (std::uint32_t b : af.attackers(v))
            if (!in_region_[b] && labels_[b] == Label::in) {
                labels_[v] = Label::out;
                reason_[v] = b;
                break;
            }
    queue_.clear();
    for (std::uint32_t v : region_) {
        if (labels_[v] != Label::undec) continue;
        std::uint32_t live = 0;
        for (std::uint32_t b : af.attackers(v)) live += labels_[b] != Label::out;
        live_[v] = live;
        if (live == 0) {
            labels_[v] = Label::in;
            queue_.push_back(v);
        }
    }
    // Out-labelled region members free their targets too.
    auto defeat = [&](std::uint32_t t) {
        for (std::uint32_t u : af.targets(t))
            if (in_region_[u] && labels_[u] == Label::undec && --live_[u] == 0) {
                labels_[u] = Label::in;
                queue_.push_back(u);
            }
    };
    for (std::size_t head = 0; head < queue_.size(); ++head) {
        const std::uint32_t v = queue_[head];
        for (std::uint32_t t : af.targets(v))
            if (labels_[t] == Label::undec) {
                labels_[t] = Label::out;
                reason_[t] = v;
                defeat(t);
            }
    }
    for (std::uint32_t v : region_) in_region_[v] = 0;
    return labels_;
}

}  // namespace agon::detail::incremental
