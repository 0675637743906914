#include "kept_stable.hpp"

#include <algorithm>

namespace agon::detail::incremental {

void KeptStable::keep(const DynamicFramework& af, std::vector<char> in) {
    in.resize(af.slots(), 0);
    for (std::uint32_t s = 0; s < af.slots(); ++s)
        if (!af.alive(s)) in[s] = 0;
    if (std::find(kept_.begin(), kept_.end(), in) != kept_.end()) return;
    if (kept_.size() < kMax) {
        kept_.push_back(std::move(in));
        return;
    }
    kept_[next_] = std::move(in);
    next_ = (next_ + 1) % kMax;
}

bool KeptStable::still_stable(const DynamicFramework& af, std::vector<char>& e,
                              const std::vector<std::uint32_t>& touched) const {
    e.resize(af.slots(), 0);
    for (std::uint32_t s : touched) {
        if (!af.alive(s)) {
            e[s] = 0;
            continue;
        }
        const auto& att = af.attackers(s);
        const bool attacked = std::any_of(att.begin(), att.end(), [&](std::uint32_t b) { return in(e, b); });
        if (in(e, s)) {
            if (attacked) return false;
            continue;
        }
        if (attacked) continue;
        const auto& tg = af.targets(s);
        if (std::any_of(tg.begin(), tg.end(), [&](std::uint32_t t) { return t == s || in(e, t); })) return false;
        e[s] = 1;
    }
    return true;
}

void KeptStable::changed(const DynamicFramework& af, const std::vector<std::uint32_t>& touched) {
    std::vector<std::vector<char>> still;
    for (auto& e : kept_)
        if (still_stable(af, e, touched)) still.push_back(std::move(e));
    kept_ = std::move(still);
    next_ = 0;
}

const std::vector<char>* KeptStable::find(const std::vector<std::uint32_t>& slots, bool with) const {
    for (const auto& e : kept_) {
        const bool all = std::all_of(slots.begin(), slots.end(), [&](std::uint32_t s) { return in(e, s); });
        if (all == with) return &e;
    }
    return nullptr;
}

}  // namespace agon::detail::incremental
