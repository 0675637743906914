// Internal: the acceptance labels of a Session's arguments (in: in every
// extension, undec: in some only, out: in none) from a few acceptance
// questions instead of every extension. evaluate uses it past its
// enumeration cap (acceptance.cpp), the incremental re-evaluation on every
// change (incremental/extension_answer.hpp).
//
// Under complete-based semantics (stable too, once an extension exists) the
// grounded labelling settles the arguments it labels in or out. Every
// extension the session returns (one to start, then the witnesses of the
// questions) shows its members credulously accepted and the rest not
// sceptically accepted, so an argument is asked about (credulous, then
// skeptical) only while no extension seen so far has shown it, and in
// batches: "is one of the unseen arguments in some extension?"
// (Session::credulous_any: a "no" settles them all out, a "yes" brings an
// extension with one of them at least), then "are all the arguments no
// extension has left out in every one?" (a "yes" settles them all with one
// proof, a "no" brings an extension without one of them). So a labelling
// costs at most about two questions per undecided argument, however many
// extensions there are.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "agon/control.hpp"
#include "agon/semantics.hpp"
#include "agon/session.hpp"

namespace agon::detail {

class QuestionLabels {
public:
    /// Label the arguments `ids` of `session` (its semantics complete,
    /// preferred, stable, semi-stable or stage; other arguments may exist
    /// and stay unlabelled) into labels[id]; `labels` must be sized past
    /// every id, and its other entries are left alone. Returns false when
    /// there is no extension (stable only: `ids` are then all out).
    /// Honours `control` (a stop throws, as the session's questions do).
    bool label(Session& session, std::span<const std::uint32_t> ids, std::vector<Label>& labels,
               const Control& control);

    /// Extensions asked of the session by the last label(): one to start,
    /// plus one per acceptance question.
    std::uint64_t questions() const noexcept { return questions_; }

private:
    // Members of `e` among ids_ seen in, the other ids_ seen out.
    void mark(const Extension& e);

    std::span<const std::uint32_t> ids_;
    std::vector<char> seen_in_, seen_out_, member_;  // per id
    std::vector<std::uint32_t> open_, unseen_;
    std::uint64_t questions_ = 0;
};

}  // namespace agon::detail
