#include "part_labels.hpp"

#include <algorithm>

#include "agon/snapshot.hpp"
#include "semantics/extensions/acceptance.hpp"

namespace agon::detail::incremental {

void PartLabels::update(const LiveGraph& g, const LiveGraph::Changes& changes, const Control& control) {
    evaluated_ = false;
    grounded_.update(g, changes, control);
    const DynamicFramework& af = grounded_.mirror().framework();
    const std::vector<Label>& grounded = grounded_.slot_labels();
    part_.clear();
    for (std::uint32_t s = 0; s < af.slots() && s < grounded.size(); ++s)
        if (af.alive(s) && grounded[s] == Label::undec) part_.push_back(s);
    if (!part_.empty() && splits()) label_part(grounded, control);
}

void PartLabels::label_part(const std::vector<Label>& grounded, const Control& control) {
    const DynamicFramework& af = grounded_.mirror().framework();
    // The part's key: its slots, then the attacks among them (an undecided
    // argument's other attackers are out).
    key_.assign(part_.begin(), part_.end());
    for (std::uint32_t s : part_)
        for (std::uint32_t a : af.attackers(s))
            if (grounded[a] == Label::undec) key_.push_back(std::uint64_t{a} << 32 | s);
    part_label_.resize(af.slots());
    const auto kept = std::find_if(kept_.begin(), kept_.end(), [&](const Kept& k) { return k.key == key_; });
    if (kept != kept_.end()) {
        for (std::size_t k = 0; k < part_.size(); ++k) part_label_[part_[k]] = kept->labels[k];
        return;
    }
    // From scratch, as a framework of its own: argument k is part_[k].
    local_.resize(af.slots());
    SnapshotBuilder b;
    for (std::uint32_t k = 0; k < part_.size(); ++k) {
        local_[part_[k]] = k;
        b.add_claim(std::to_string(k), 1.0);
    }
    for (std::size_t i = part_.size(); i < key_.size(); ++i)
        b.add_edge({}, EdgeKind::attack, local_[key_[i] >> 32], local_[key_[i] & 0xffffffffu], 1.0);
    Result r = acceptance_labels(std::move(b).build(), static_cast<std::uint32_t>(part_.size()), sem_, name_,
                                 kEnumerationCap, control);
    for (std::size_t k = 0; k < part_.size(); ++k) part_label_[part_[k]] = r.labels[k];
    Kept fresh{key_, std::move(r.labels)};
    if (kept_.size() < kKept) kept_.push_back(std::move(fresh));
    else kept_[next_++ % kKept] = std::move(fresh);
    r.labels.clear();
    run_ = std::move(r);
    evaluated_ = true;
}

Label PartLabels::label(std::uint32_t v) const {
    const Label grounded = grounded_.label(v);
    if (grounded != Label::undec || !grounded_.mirror().has_claim(v)) return grounded;
    return part_label_[grounded_.mirror().framework().slot(v)];
}

}  // namespace agon::detail::incremental
