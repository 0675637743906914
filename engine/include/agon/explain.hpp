// agon/explain.hpp - why a claim stands, what moves its strength, what it
// hinges on, and how robust it is under uncertainty.
//
// All functions work on a Snapshot and a Request (semantics + parameters) and
// re-evaluate through agon::evaluate, so they apply to every semantics agon
// knows. Costs are stated per function; every loop honours the Control.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "agon/control.hpp"
#include "agon/extensions.hpp"
#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"

namespace agon {

/// Why a claim has its grounded label (Dung 1995; the dispute-tree reading of
/// Modgil & Caminada 2009, "Proof theories and algorithms for abstract
/// argumentation frameworks").
struct GroundedWhy {
    std::uint32_t target = 0;
    Label label = Label::undec;
    /// For an in-claim: every (defender, attacker) pair of its dispute tree -
    /// each attacker of an in-claim is out because the defender (in, lower
    /// level) attacks it, down to unattacked claims. For an out-claim: its
    /// in-attacker first, then that attacker's tree. Each claim appears once.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> defeats;
    /// For an undecided claim: a cycle of undecided claims, each attacking the
    /// next and the last attacking the first, that reaches the target (the
    /// conflict nothing resolves); `path` leads from the cycle to the target.
    std::vector<std::uint32_t> cycle;
    std::vector<std::uint32_t> path;
};

/// Explain the grounded label of `target` on the attacks of `s`. O(n + m).
/// The tree is minimal in depth: each attacker is answered by its
/// lowest-level in-defeater.
GroundedWhy explain_grounded(const Snapshot& s, std::uint32_t target, const Control& control = {});

/// explain_grounded for many targets of one snapshot: the grounded labelling
/// is computed once, O(n + m), so that explaining every claim of a large
/// graph (the RFD of a long debate round) is not quadratic. `s` must outlive
/// it. Each why() is what explain_grounded gives, in time proportional to
/// the tree (or cycle walk) and the attackers of its claims.
class GroundedExplainer {
public:
    explicit GroundedExplainer(const Snapshot& s, const Control& control = {});
    /// Why `target` has its label. Throws not_found for an index out of range.
    GroundedWhy why(std::uint32_t target, const Control& control = {}) const;

private:
    const Snapshot& s_;
    std::vector<std::uint32_t> level_;  // before labels_: the labelling fills it
    std::vector<Label> labels_;
};

/// Why a claim is accepted or not under an extension semantics other than
/// grounded: certificates an independent checker can verify.
struct ExtensionWhy {
    std::uint32_t target = 0;
    ExtensionSemantics semantics = ExtensionSemantics::preferred;
    /// In some extension / in every extension (vacuously, when there is none).
    bool credulous = false, skeptical = false;
    /// False only when the semantics has no extension at all (stable).
    bool has_extension = true;
    /// An extension containing the target, when credulous.
    std::optional<Extension> witness;
    /// The target's defence inside the witness: one (defender, attacker) pair
    /// per attacker of the target, the defenders forming an irredundant set
    /// (no defender can be dropped without leaving an attacker unanswered).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> defence;
    /// Attackers the witness does not attack (possible only for stage, whose
    /// extensions need not be admissible).
    std::vector<std::uint32_t> undefended;
    /// An extension without the target, when not skeptical.
    std::optional<Extension> counter;
};

/// Explain `target` under `semantics` on the attacks of `s` (supports and
/// undercuts are not read): one credulous and one skeptical query on the
/// SAT solvers, then a greedy defence pruned to an irredundant set. Cost:
/// that of the two queries, plus O(k^2 a d) for the defence, with a the
/// target's attackers, k the witness members attacking them and d their
/// out-degree (small next to the queries). Honours `control`.
ExtensionWhy explain_extension(const Snapshot& s, ExtensionSemantics semantics, std::uint32_t target,
                               const Control& control = {});

/// How much each claim moves the target's strength.
struct Attribution {
    std::uint32_t claim = 0;
    /// strength(target) minus strength(target) when `claim` is removed (all its
    /// edges dropped): positive means the claim raises the target.
    double removal = 0;
    /// d strength(target) / d base(claim), by central finite differences
    /// (step `h`, one-sided at 0 and 1).
    double gradient = 0;
};

/// Attributions to `target` from every claim that can influence it (every
/// claim with a path of edges to it), ranked by |removal| then |gradient|.
/// Labels count as in = 1, undec = 0.5, out = 0. Cost: 3 evaluations per
/// influencing claim.
std::vector<Attribution> attributions(const Snapshot& s, const Request& request, std::uint32_t target,
                                      const Control& control = {}, double h = 1e-4);

/// Shapley values of the influencing claims for the target's strength
/// (the game: a coalition keeps its claims' edges, the others are removed),
/// exact by enumeration. They sum to strength(all) - strength(none).
/// Throws limit when more than `max_players` claims influence the target.
std::vector<std::pair<std::uint32_t, double>> shapley(const Snapshot& s, const Request& request,
                                                      std::uint32_t target, const Control& control = {},
                                                      std::uint32_t max_players = 14);

/// The smallest sets of claims whose removal changes the target's status:
/// its label for extension semantics, or the side of `threshold` its
/// strength is on for gradual semantics. This is argument-deletion
/// enforcement (Baumann & Ulbricht 2019, "If nothing is accepted - repairing
/// argumentation frameworks", JAIR 66; Coste-Marquis et al. 2015, IJCAI).
struct HingeReport {
    /// Every minimum-size set found (each sorted ascending), in lexicographic order.
    std::vector<std::vector<std::uint32_t>> sets;
    /// True when the search finished: `sets` is complete and no smaller set exists.
    bool exact = true;
    /// Smallest size that may still hold a hinge set (when not exact, the
    /// answer is "at least" this); equals the size of `sets` when exact.
    std::uint32_t at_least = 0;
    /// Evaluations spent.
    std::uint64_t evaluations = 0;
};

/// Search sets of size 1..max_size among the claims that influence `target`,
/// smallest first, stopping at the first size with a hit or after
/// `max_evaluations`. Exponential in max_size; meant for small and medium graphs.
HingeReport hinges(const Snapshot& s, const Request& request, std::uint32_t target, std::uint32_t max_size,
                   const Control& control = {}, double threshold = 0.5, std::uint64_t max_evaluations = 200000);

/// Uncertainty over a graph for Monte Carlo robustness.
struct Uncertainty {
    /// Base score ranges: base drawn uniformly from [lo, hi] per claim.
    std::map<std::string, std::pair<double, double>> base_range;
    /// Weight ranges per edge id.
    std::map<std::string, std::pair<double, double>> weight_range;
    /// Probability that a claim is present. An absent claim loses all its
    /// edges and counts as out (strength 0) in that sample.
    std::map<std::string, double> presence;
    /// Default half-width of a uniform base range for claims not listed
    /// (0 = base fixed).
    double default_spread = 0.1;
};

/// The range claim `id` (with base score `base`) is drawn from: its listed
/// range, or base +- default_spread clipped to [0,1]. O(log k).
std::pair<double, double> base_range(const Uncertainty& uncertainty, const std::string& id, double base);

/// Read uncertainty from JSON: {"claims":{"id":{"base":[lo,hi],"presence":p}},
/// "edges":{"id":{"weight":[lo,hi]}},"default_spread":0.1}. Throws invalid_input.
Uncertainty parse_uncertainty(const std::string& json_text, const std::string& name);

/// Monte Carlo results per claim.
struct Robustness {
    std::uint64_t samples = 0;
    /// Labels: probability of in / undec / out per claim. Strengths: mean,
    /// standard deviation and the 5% and 95% quantiles per claim.
    std::vector<double> p_in, p_undec, p_out;
    std::vector<double> mean, stddev, q05, q95;
    /// Per claim: sample counts in kHistogramBins equal bins over [0,1] (the
    /// last bin holds 1); labels fall in the bins of 0, 0.5 and 1.
    static constexpr std::size_t kHistogramBins = 20;
    std::vector<std::vector<std::uint64_t>> histogram;
    /// Per claim, when a threshold was given: the samples whose value is at
    /// or above it.
    std::vector<std::uint64_t> at_or_above;
};

/// Evaluate `samples` perturbed versions of the snapshot on `threads` threads
/// (0 = all cores). Sample i uses a generator seeded from (seed, i), so the
/// result does not depend on the thread count. Reports progress through
/// control.progress. Cost: `samples` evaluations, and 8 bytes per sample and
/// claim (every statistic is computed from the samples in double precision;
/// samples x claims is limited to 200 million). `threshold` fills
/// Robustness::at_or_above. Throws usage for a spread, base range or presence
/// outside [0,1] (NaN included) or a bad weight range.
Robustness robustness(const Snapshot& s, const Request& request, const Uncertainty& uncertainty,
                      std::uint64_t samples, std::uint64_t seed, const Control& control = {},
                      unsigned threads = 0, std::optional<double> threshold = std::nullopt);

}  // namespace agon
