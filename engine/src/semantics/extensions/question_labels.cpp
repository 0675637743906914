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
        if (open_.empty()) return true;
        ++questions_;
        if (session.skeptical(open_, control).accepted) {
            for (std::uint32_t v : open_) labels[v] = Label::in;
            return true;
        }
        mark(session.witness(control).value());
    }
}

}  // namespace agon::detail
