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

void ExtensionAnswer::mark(const Extension& e) {
    for (std::uint32_t id : e)
        if (id < SupportMirror::kFirstAux) member_[id] = 1;
    for (std::uint32_t v : claims_) {
        (member_[v] ? seen_in_ : seen_out_)[v] = 1;
        member_[v] = 0;
    }
}

void ExtensionAnswer::relabel(const LiveGraph& g, const Control& control) {
    const std::uint32_t n = g.claim_slots();
    claims_.clear();
    for (std::uint32_t v = 0; v < n; ++v)
        if (mirror_.has_claim(v)) claims_.push_back(v);
    labels_.assign(n, Label::out);
    seen_in_.assign(n, 0);
    seen_out_.assign(n, 0);
    member_.assign(n, 0);
    questions_ = 1;
    const auto first = session_.some_extension(control);
    has_extension_ = first.has_value();
    if (!first) return;  // stable only: no extension, every claim out
    mark(*first);
    // Complete-based semantics (stable too, now that an extension exists):
    // in the grounded labelling means in every extension, out of it in none.
    open_.clear();
    for (std::uint32_t v : claims_) {
        const Label grounded = session_.grounded_label(v);
        labels_[v] = grounded;
        if (grounded == Label::undec) open_.push_back(v);
    }
    // Credulous questions about the claims no extension has had yet, all at
    // once: a "no" settles them all out, a "yes" brings a witness with one of
    // them at least (Session::witness has one after that answer), so each
    // round settles one more.
    std::vector<std::uint32_t>& unseen = fresh_;
    while (true) {
        unseen.clear();
        for (std::uint32_t v : open_)
            if (!seen_in_[v]) unseen.push_back(v);
        if (unseen.empty()) break;
        ++questions_;
        if (!session_.credulous_any(unseen, control).accepted) break;
        mark(session_.witness(control).value());
    }
    std::erase_if(open_, [&](std::uint32_t v) {
        if (!seen_in_[v]) labels_[v] = Label::out;
        return !seen_in_[v];
    });
    // Skeptical questions about every credulously accepted claim no
    // extension has left out yet, all at once: a "yes" settles them all
    // (the costly proofs under preferred and semi-stable), a "no"
    // comes with a witness that leaves out one of them at least.
    while (true) {
        std::erase_if(open_, [&](std::uint32_t v) { return seen_out_[v]; });
        if (open_.empty()) return;
        ++questions_;
        if (session_.skeptical(open_, control).accepted) {
            for (std::uint32_t v : open_) labels_[v] = Label::in;
            return;
        }
        mark(session_.witness(control).value());
    }
}

}  // namespace agon::detail::incremental
