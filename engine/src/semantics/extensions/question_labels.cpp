#include "question_labels.hpp"

#include <algorithm>

namespace agon::detail {

void QuestionLabels::mark(const Extension& e) {
    // Witnesses may hold arguments other than ids_ (a claim graph's
    // auxiliary ones): they are skipped, or cleared again below.
    for (std::uint32_t id : e)
        if (id < member_.size()) member_[id] = 1;
    for (std::uint32_t v : ids_) (member_[v] ? seen_in_ : seen_out_)[v] = 1;
    for (std::uint32_t id : e)
        if (id < member_.size()) member_[id] = 0;
}

bool QuestionLabels::label(Session& session, std::span<const std::uint32_t> ids, std::vector<Label>& labels,
                           const Control& control) {
    ids_ = ids;
    const std::size_t n = ids.empty() ? 0 : *std::max_element(ids.begin(), ids.end()) + std::size_t{1};
    seen_in_.assign(n, 0);
    seen_out_.assign(n, 0);
    member_.assign(n, 0);
    questions_ = 1;
    const auto first = session.some_extension(control);
    if (!first) {  // stable only: no extension, every argument out
        for (std::uint32_t v : ids) labels[v] = Label::out;
        return false;
    }
    mark(*first);
    // Complete-based semantics (stable too, now that an extension exists):
    // in the grounded labelling means in every extension, out of it in none.
    // Stage is not complete-based: every argument stays open.
    const bool by_grounded = session.semantics() != ExtensionSemantics::stage;
    open_.clear();
    for (std::uint32_t v : ids) {
        labels[v] = by_grounded ? session.grounded_label(v) : Label::undec;
        if (labels[v] == Label::undec) open_.push_back(v);
    }
    // Progress: each open argument needs its credulous status (settled once
    // an extension has had it, or once the credulous questions end) and its
    // skeptical one (once an extension has left it out, or at the end).
    const std::vector<std::uint32_t> asked = open_;
    const auto report = [&](bool credulous_settled) {
        std::size_t settled = 0;
        for (std::uint32_t v : asked) settled += (credulous_settled || seen_in_[v]) + seen_out_[v];
        if (settled < 2 * asked.size())  // the end reports 1 once
            control.report("labels by acceptance questions", double(settled) / double(2 * asked.size()));
    };
    // Credulous questions about the arguments no extension has had yet, all
    // at once: a "no" settles them all out, a "yes" brings a witness with
    // one of them at least (Session::witness has one after that answer), so
    // each round settles one more.
    while (true) {
        unseen_.clear();
        for (std::uint32_t v : open_)
            if (!seen_in_[v]) unseen_.push_back(v);
        if (unseen_.empty()) break;
        ++questions_;
        if (!session.credulous_any(unseen_, control).accepted) break;
        mark(session.witness(control).value());
        report(false);
    }
    std::erase_if(open_, [&](std::uint32_t v) {
        if (!seen_in_[v]) labels[v] = Label::out;
        return !seen_in_[v];
    });
    // Skeptical questions about every credulously accepted argument no
    // extension has left out yet, all at once: a "yes" settles them all
    // (the costly proofs under preferred and semi-stable), a "no" comes with
    // a witness that leaves out one of them at least.
    while (true) {
        std::erase_if(open_, [&](std::uint32_t v) { return seen_out_[v]; });
        if (open_.empty()) break;
        report(true);
        ++questions_;
        if (session.skeptical(open_, control).accepted) {
            for (std::uint32_t v : open_) labels[v] = Label::in;
            break;
        }
        mark(session.witness(control).value());
    }
    control.report("labels by acceptance questions", 1.0);
    return true;
}

}  // namespace agon::detail
