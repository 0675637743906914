#include "extension_answer.hpp"

#include <algorithm>
#include <numeric>

namespace agon::detail::incremental {

void ExtensionAnswer::update(const LiveGraph& g, const LiveGraph::Changes& changes, const Control& control) {
    if (stopped_) {
        // Start over: a fresh mirror and session take every claim and edge as changed.
        *this = ExtensionAnswer(sem_, mode_);
        return update(g, g.everything(), control);
    }
    stopped_ = true;  // until the session has the changes
    mirror_.sync(g, changes, control);
    DynamicFramework& af = mirror_.framework();
    af.take_touched(touched_);
    repair_.changed(touched_);
    const std::vector<Label>& grounded = repair_.labels(af);
    if (!whole_) repair_.relabelled(touched_);  // a relabelled slot may enter or leave the undecided part
    feed(grounded);
    stopped_ = false;
    relabel(g, grounded, control);
}

void ExtensionAnswer::feed(const std::vector<Label>& grounded) {
    const DynamicFramework& af = mirror_.framework();
    in_session_.resize(af.slots(), 0);
    attackers_.resize(af.slots());
    // The session's framework gives an argument that comes back a new slot
    // and never reuses the old one, and arguments come and go with their
    // labels: once the slots made outnumber the arguments held several
    // times, a fresh session takes the undecided part (it loses its learnt
    // clauses). When the changes moved many arguments each (over 1 % of the
    // framework on average: labels that flip through long chains), the fresh
    // session holds the whole framework from then on, so a change gives it
    // only the arguments it touched (its own grounded labelling settles the
    // rest, as the kept one does). One change that moves a large share of
    // the framework (below) makes that switch at once, without a fresh start.
    ++updates_;
    const auto held = [&](std::uint32_t s) { return af.alive(s) && (whole_ || grounded[s] == Label::undec); };
    // Arguments a change (not the first fill) moves in or out of the part;
    // one touched twice counts twice.
    std::size_t churn = 0;
    if (!whole_ && (sessions_ > 0 || updates_ > 1))
        for (std::uint32_t s : touched_) churn += in_session_[s] != held(s);
    if (churn >= kWholeAtLeast && kWholeShare * churn > af.size()) {
        // The change moved a large share of the framework: labels flip
        // through long chains, and the next changes will likely flip them
        // back. The session takes the whole framework now (the arguments it
        // lacks) instead of paying that churn until a fresh start.
        whole_ = true;
        for (std::uint32_t s = 0; s < af.slots(); ++s)
            if (af.alive(s) && !in_session_[s]) touched_.push_back(s);
    } else if (added_ > 4 * session_.argument_count() + kFreshAfter) {
        whole_ = whole_ || 100 * added_ > updates_ * af.size();
        session_ = Session(sem_);
        ++sessions_;
        added_ = 0;
        updates_ = 0;
        std::fill(in_session_.begin(), in_session_.end(), 0);
        for (auto& a : attackers_) a.clear();
        touched_.resize(af.slots());
        std::iota(touched_.begin(), touched_.end(), 0u);
    }
    // A re-added id has a new slot: the old one leaves the session first.
    moved_.clear();
    for (std::uint32_t s : touched_)
        if (in_session_[s] && !held(s)) {
            session_.remove_argument(af.id(s));
            in_session_[s] = 0;
            attackers_[s] = {};
            moved_.push_back(s);
        }
    for (std::uint32_t s : touched_)
        if (!in_session_[s] && held(s)) {
            session_.add_argument(af.id(s));
            ++added_;
            in_session_[s] = 1;
            moved_.push_back(s);
        }
    // An argument that came or went changes the attackers its targets have in the part.
    for (std::uint32_t s : moved_) touched_.insert(touched_.end(), af.targets(s).begin(), af.targets(s).end());
    // Attacks the session lost with a removed argument are checked, not assumed.
    for (std::uint32_t s : touched_) {
        if (!in_session_[s]) continue;
        const std::uint32_t to = af.id(s);
        fresh_.clear();
        for (std::uint32_t b : af.attackers(s))
            if (in_session_[b]) fresh_.push_back(af.id(b));
        std::sort(fresh_.begin(), fresh_.end());
        for (std::uint32_t from : attackers_[s])
            if (!std::binary_search(fresh_.begin(), fresh_.end(), from) && session_.has_attack(from, to))
                session_.remove_attack(from, to);
        for (std::uint32_t from : fresh_)
            if (!session_.has_attack(from, to)) session_.add_attack(from, to);
        attackers_[s] = fresh_;
    }
}

void ExtensionAnswer::relabel(const LiveGraph& g, const std::vector<Label>& grounded, const Control& control) {
    const std::uint32_t n = g.claim_slots();
    const DynamicFramework& af = mirror_.framework();
    labels_.assign(n, Label::out);
    claims_.clear();
    for (std::uint32_t v = 0; v < n; ++v) {
        if (!mirror_.has_claim(v)) continue;
        labels_[v] = grounded[af.slot(v)];
        if (labels_[v] == Label::undec) claims_.push_back(v);
    }
    // Nothing undecided (the session holds just that part, and nothing):
    // the grounded extension is stable, the only extension, with no
    // question to ask - a hinge search on an acyclic map asked one per removal.
    asked_ = whole_ || session_.argument_count() > 0;
    has_extension_ = !asked_ || questions_.label(session_, claims_, labels_, control);
    if (!has_extension_) labels_.assign(n, Label::out);  // no stable extension: every claim out
}

}  // namespace agon::detail::incremental
