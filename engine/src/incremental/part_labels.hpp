// Internal: the acceptance labels evaluate gives under complete, preferred,
// semi-stable, ideal or stage semantics (in: in every extension, undec: in
// some only, out: in none), kept for a changing claim graph by evaluating
// from scratch only the part of it that the grounded labelling leaves open.
//
// The attack-only reading has its grounded labelling repaired after each
// change (GroundedAnswer, as for grounded). Every extension of a
// complete-based semantics (complete, preferred, semi-stable, ideal) is the
// grounded extension plus an extension of the part that labelling leaves
// undecided, with the attacks inside that part only (extension_answer.hpp;
// the ideal one is the grounded extension plus the ideal extension of the
// part: it is the largest admissible set inside every preferred extension,
// and the grounded extension defends against every out argument). So the
// arguments labelled in or out keep that label, and the part alone, usually
// small, is labelled from scratch (acceptance_labels, as evaluate does) as
// a framework of its own. When the grounded labelling decides every
// argument (an acyclic map, say) nothing is evaluated: the grounded
// extension is then the only complete extension, and stable, so it is the
// only extension under all five semantics (stage's too: a stable extension
// exists, so the stage extensions are the stable ones). Stage is not
// complete-based: with an undecided part the caller evaluates the whole
// graph from scratch (splits() false).
// The labels of the last few parts are kept with the part (its slots and
// attacks: a slot never changes meaning), so a change that leaves the
// undecided part as it was, or as it was a few changes ago, needs no
// solver: a hinge search mostly removes claims far from the cycles.
// This answers a question after a hinge search's or robustness sample's
// change without building the whole graph's snapshot or a solver for it
// (both cost more than the repair on maps of a few hundred claims).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "agon/bipolar.hpp"
#include "agon/control.hpp"
#include "agon/extensions.hpp"
#include "agon/semantics.hpp"
#include "grounded_answer.hpp"
#include "live_graph.hpp"

namespace agon::detail::incremental {

class PartLabels {
public:
    /// `sem` complete, preferred, semi-stable, ideal or stage; `mode` none,
    /// deductive or necessary; `name` the requested semantics' name (for a
    /// warning, as evaluate words it).
    PartLabels(ExtensionSemantics sem, SupportMode mode, std::string name)
        : sem_(sem), name_(std::move(name)), grounded_(mode) {}

    /// Take `changes` of `g`, repair the grounded labelling and, when
    /// splits(), label the undecided part from scratch. Honours `control`
    /// (a stop leaves the next update to start over, as GroundedAnswer does).
    void update(const LiveGraph& g, const LiveGraph::Changes& changes, const Control& control);

    /// Arguments the last update's grounded labelling left undecided (claims
    /// and auxiliary arguments of undercuts).
    std::size_t open() const noexcept { return part_.size(); }
    /// Whether the semantics is answered part by part (all but stage); when
    /// not, label() holds only while open() is 0.
    bool splits() const noexcept { return sem_ != ExtensionSemantics::stage; }
    /// Claim slot v's label after the last update (undec for a claim that is
    /// not alive).
    Label label(std::uint32_t v) const;
    /// Arguments relabelled by the last repair.
    std::size_t last_repair_size() const { return grounded_.last_repair_size(); }
    /// Whether the last update evaluated the part from scratch (it was
    /// open, splits(), and not among the parts kept).
    bool evaluated() const noexcept { return evaluated_; }
    /// The result fields (method, iterations, warnings) of that evaluation.
    const Result& part_run() const noexcept { return run_; }

private:
    // A part evaluated before: its slots then its attacks (slot pairs
    // a << 32 | b), and the labels of its slots in order.
    struct Kept {
        std::vector<std::uint64_t> key;
        std::vector<Label> labels;
    };
    static constexpr std::size_t kKept = 4;  // a few: checked on every update

    // Label the part, from a kept part or from scratch.
    void label_part(const std::vector<Label>& grounded, const Control& control);

    ExtensionSemantics sem_;
    std::string name_;
    GroundedAnswer grounded_;
    std::vector<std::uint32_t> part_;   // the undecided live slots, ascending
    std::vector<std::uint32_t> local_;  // per slot of part_: its index there
    std::vector<Label> part_label_;     // per slot of part_: its label
    std::vector<std::uint64_t> key_;    // the part's key (Kept)
    std::vector<Kept> kept_;
    std::size_t next_ = 0;  // the entry of kept_ to replace when full
    bool evaluated_ = false;
    Result run_;
};

}  // namespace agon::detail::incremental
