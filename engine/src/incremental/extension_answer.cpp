#include "extension_answer.hpp"

#include <algorithm>

namespace agon::detail::incremental {

void ExtensionAnswer::update(const LiveGraph& g, const LiveGraph::Changes& changes, const Control& control) {
    if (stopped_) {
        // Start over: a fresh mirror and session take every claim and edge as changed.
        *this = ExtensionAnswer(sem_, mode_);
        return update(g, g.everything(), control);
    }
    stopped_ = true;  // until the session has the changes
    mirror_.sync(g, changes, control);
    feed();
    stopped_ = false;
    relabel(g, control);
}

void ExtensionAnswer::feed() {
    DynamicFramework& af = mirror_.framework();
    af.take_touched(touched_);
    const std::vector<std::uint32_t>& touched = touched_;
    in_session_.resize(af.slots(), 0);
    attackers_.resize(af.slots());
    // A re-added id has a new slot: the old one leaves the session first.
    for (std::uint32_t s : touched)
        if (!af.alive(s) && in_session_[s]) {
            session_.remove_argument(af.id(s));
            in_session_[s] = 0;
            attackers_[s] = {};
        }
    for (std::uint32_t s : touched)
        if (af.alive(s) && !in_session_[s]) {
            session_.add_argument(af.id(s));
            in_session_[s] = 1;
        }
    // Attacks the session lost with a removed argument are checked, not assumed.
    for (std::uint32_t s : touched) {
        if (!af.alive(s)) continue;
        const std::uint32_t to = af.id(s);
        fresh_.clear();
        for (std::uint32_t b : af.attackers(s)) fresh_.push_back(af.id(b));
        std::sort(fresh_.begin(), fresh_.end());
        for (std::uint32_t from : attackers_[s])
            if (!std::binary_search(fresh_.begin(), fresh_.end(), from) && session_.has_attack(from, to))
                session_.remove_attack(from, to);
        for (std::uint32_t from : fresh_)
            if (!session_.has_attack(from, to)) session_.add_attack(from, to);
        attackers_[s] = fresh_;
    }
}

void ExtensionAnswer::relabel(const LiveGraph& g, const Control& control) {
    const std::uint32_t n = g.claim_slots();
    claims_.clear();
    for (std::uint32_t v = 0; v < n; ++v)
        if (mirror_.has_claim(v)) claims_.push_back(v);
    labels_.assign(n, Label::out);
    has_extension_ = questions_.label(session_, claims_, labels_, control);
}

}  // namespace agon::detail::incremental
