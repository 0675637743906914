// agon/session.hpp - a long-lived extension-reasoning session over an
// abstract framework that changes between questions (the dynamic setting of
// ICCMA 2019/2023 and of IPAFAIR).
//
// The session keeps one CaDiCaL solver warm across changes: each attack's
// clauses are permanent, each argument's clauses over its whole set of
// attackers carry its own activation literal, so a change re-encodes only
// the arguments it touches (and, when an attack goes, their targets), and
// clauses the solver learnt stay valid. A question switches on the
// arguments it is about (all, or for skeptical preferred the undecided
// ancestors of the claims, the rest switched off). The grounded labelling is
// repaired only below the changed arguments; it answers many questions
// without the solver (an argument in it is in every complete-based
// extension, one out of it in none). Stable extensions found by earlier
// answers are kept while the changes leave them stable (checked at the
// changed arguments only) and answer later stable, stage and semi-stable
// questions they settle (one with all the claims, one without one of them).
// A refutation of every stable extension is kept too, while no group of
// arguments it used is re-encoded (a framework without a stable extension
// then answers stable questions at once).
// Costs: a change is O(1) amortised plus its argument's degree; a question
// re-encodes the touched arguments, repairs the grounded labelling below the
// changes, then costs what the SAT calls cost (NP- or second-level hard in
// the worst case, as from scratch).
// Not thread-safe: one thread at a time per session.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>

#include "agon/control.hpp"
#include "agon/extensions.hpp"
#include "agon/framework.hpp"
#include "agon/semantics.hpp"

namespace agon {

class Session {
public:
    /// An empty framework under `semantics`.
    explicit Session(ExtensionSemantics semantics);
    /// Start from `af`; argument i gets id i+1 (the ICCMA numbering). Throws
    /// invalid_input on a duplicate attack. O(n + m).
    Session(const Framework& af, ExtensionSemantics semantics);
    ~Session();
    Session(Session&&) noexcept;
    Session& operator=(Session&&) noexcept;

    ExtensionSemantics semantics() const noexcept;
    /// Change the semantics; the next question re-encodes the framework (O(n + m)).
    /// The last answer's witness is dropped with the old semantics.
    void set_semantics(ExtensionSemantics semantics);

    /// Add an argument. Throws invalid_input when the id exists.
    void add_argument(std::uint32_t id);
    /// Remove an argument and its attacks. Throws not_found.
    void remove_argument(std::uint32_t id);
    /// Add the attack from -> to (self-attacks allowed). Throws not_found for
    /// an unknown argument and invalid_input when the attack exists.
    void add_attack(std::uint32_t from, std::uint32_t to);
    /// Remove an attack. Throws not_found.
    void remove_attack(std::uint32_t from, std::uint32_t to);

    bool has_argument(std::uint32_t id) const;
    bool has_attack(std::uint32_t from, std::uint32_t to) const;
    std::size_t argument_count() const;
    std::size_t attack_count() const;

    /// Are all of `ids` together in some extension? The answer's witness is
    /// left to witness() (computing it can cost more than the answer). Throws
    /// not_found for an unknown id; a stopped search throws Error(cancelled)
    /// or Error(limit) and leaves the session usable (the next question
    /// encodes the framework afresh).
    Acceptance credulous(std::span<const std::uint32_t> ids, const Control& control = {});
    /// Is at least one of `ids` in some extension? One SAT search where asking
    /// about each claim alone takes one per claim (a "no" answers them all).
    /// The witness, an extension with one of them at least, is left to
    /// witness(); errors as credulous().
    Acceptance credulous_any(std::span<const std::uint32_t> ids, const Control& control = {});
    /// Are all of `ids` in every extension? (Vacuously yes when there is none.)
    Acceptance skeptical(std::span<const std::uint32_t> ids, const Control& control = {});
    /// The witness of the last answer, if no change (of the framework or the
    /// semantics) came since: an extension
    /// with all the claims after a credulous yes, an extension without one of
    /// them after a skeptical no, an extension with one of them at least
    /// after a credulous_any yes (ids ascending); std::nullopt otherwise. The
    /// first call may solve again (growing a preferred extension, say).
    std::optional<Extension> witness(const Control& control = {});
    /// One extension (ids ascending), or std::nullopt when there is none (stable only).
    std::optional<Extension> some_extension(const Control& control = {});

    /// The argument's label in the grounded labelling (any semantics). The
    /// labelling is repaired below the changes since the last call: O(size
    /// of the changed arguments' descendants), O(1) when nothing changed.
    /// Throws not_found.
    Label grounded_label(std::uint32_t id);

    /// Counters for tests and benchmarks.
    struct Stats {
        std::uint64_t questions = 0;
        std::uint64_t by_grounded = 0;  // answered by the grounded labelling alone
        std::uint64_t by_kept = 0;      // answered by a stable extension kept from an earlier answer
        std::uint64_t by_refutation = 0;  // stable: answered by an earlier proof that there is none, still valid
        std::uint64_t by_parts = 0;  // semi-stable, stage: answered from scratch on the asked argument's part alone
        std::uint64_t encodings = 0;    // full (re-)encodings of the framework (semi-stable, stage: also its stable encoding)
        std::uint64_t encodings_for_variables = 0;  // of those, made afresh because the variables of finished questions had piled up
        std::uint64_t blocks_retired = 0;  // argument encodings retired by changes
        std::uint64_t relabelled = 0;   // arguments the grounded repairs labelled again, in all
        std::uint64_t compactions = 0;  // times removed arguments' places were given up (everything then starts afresh)
    };
    Stats stats() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace agon
