// agon/question.hpp - the questions every face asks, answered in one place.
//
// The command line, the C API, the Lua module (and any new face) translate
// their arguments into these calls and print what they return; they decide
// nothing themselves. Each question takes
//   - a Subject: what is asked about (a Graph, a Scenario, or a Snapshot of
//     an ICCMA framework read without building a Graph);
//   - a Request: the semantics name and its parameters, including `support`
//     (none, deductive, necessary, evidential: how extension semantics read
//     support edges; docs/semantics.md);
//   - a Control: cancellation, time limit, progress.
// Answers are keyed by the ids of the subject's claims. The auxiliary claims
// that flattening undercuts introduces (bipolar.hpp) never appear: where an
// explanation passes through one, it names the attack edge it stands for.
// Every answer kind has one JSON writer here, so every face prints the same
// bytes for the same question (docs/formats.md §6).
//
// Errors (agon::Error): usage for an unknown semantics, a bad parameter or a
// question the semantics cannot answer (extensions of a gradual semantics);
// not_found for an unknown claim; limit / cancelled from the Control.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "agon/bipolar.hpp"
#include "agon/control.hpp"
#include "agon/error.hpp"
#include "agon/explain.hpp"
#include "agon/graph.hpp"
#include "agon/incremental.hpp"
#include "agon/scenario.hpp"
#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"

namespace agon {

/// What a question is asked about. Built implicitly from a Graph or a
/// Scenario (one snapshot, O(n + m)) or from a shared Snapshot (no copy; the
/// path for ICCMA frameworks). Cheap to copy: copies share the snapshot.
class Subject {
public:
    Subject(const Graph& graph);
    Subject(const Scenario& scenario);
    Subject(std::shared_ptr<const Snapshot> snapshot);

    const Snapshot& snapshot() const noexcept { return *snapshot_; }
    const std::shared_ptr<const Snapshot>& shared() const noexcept { return snapshot_; }
    /// The index of claim `id`. Throws not_found ("no claim 'x'").
    std::uint32_t claim(std::string_view id) const;

private:
    std::shared_ptr<const Snapshot> snapshot_;
};

// ---- evaluate -------------------------------------------------------------

/// Labels or strengths of every claim of the subject: agon::evaluate on its
/// snapshot (supports read by `support`, undercuts flattened, auxiliary
/// claims dropped). Cost: that of the semantics (semantics.hpp).
/// JSON: to_json(const Result&) in semantics.hpp.
Result evaluate(const Subject& subject, const Request& request, const Control& control = {});

/// The same answer for a scenario edited a little between questions (a click
/// in the workbench, a what-if sweep): `live` keeps its last answer and
/// recomputes only what the edits since reach (incremental.hpp says which
/// semantics, and the tolerance of gradual strengths). Equal to
/// evaluate(Subject(live.scenario()), live.request(), control).
Result evaluate(IncrementalEvaluation& live, const Control& control = {});

// ---- extensions -----------------------------------------------------------

/// The extensions of an extension semantics, as lists of claim ids.
struct Extensions {
    std::string semantics;
    /// Each extension's claims in subject order; empty when only counted.
    std::vector<std::vector<std::string>> sets;
    /// How many were found.
    std::uint64_t count = 0;
    /// False when the list is not all of them: the Control stopped the search
    /// (`stopped` says why), or there are more than `limit` (found by looking
    /// for one more, which is not listed or counted).
    bool complete = true;
    /// Why the Control stopped it: cancelled or limit; std::nullopt when it
    /// was not stopped (complete, or cut short by `limit`).
    std::optional<ErrorKind> stopped;
};

struct ExtensionsOptions {
    /// Stop after this many (0 = all).
    std::uint64_t limit = 0;
    /// Keep the sets (false: count only).
    bool keep = true;
    /// Called with each extension as it is found (may be empty).
    std::function<void(const std::vector<std::string>&)> found;
    /// When the Control stops the search: true returns what was found with
    /// complete=false; false (the default) throws the Control's error.
    bool partial_on_stop = false;
};

/// Enumerate extensions in a deterministic order. The request names an
/// extension semantics and may carry `support` (none, deductive,
/// necessary); anything else throws usage. Cost: exponential in the worst
/// case (extensions.hpp). JSON: {"semantics":…,"complete":…,"extensions":[[ids]]}.
Extensions extensions(const Subject& subject, const Request& request, const ExtensionsOptions& options = {},
                      const Control& control = {});

// ---- explain --------------------------------------------------------------

/// Which explanation the engine chose (decided here, once, for every face):
/// grounded semantics gives a dispute tree; the other extension semantics a
/// witness extension with the claim's defence and a counter-extension; every
/// other request (gradual semantics, Carneades, evidential support) the
/// attributions of the claims that move its value.
enum class ExplanationKind { dispute_tree, extension_witness, attributions };

/// A defender answering an attacker. Either may be an attack edge's id when
/// the explanation passes through an undercut (the auxiliary claims of the
/// flattened reading stand for that edge): (e, y) the attack e defeats y;
/// (z, e) z undercuts e; (d, e) e is inactive because d defeats its source
/// (docs/semantics.md §3).
struct Defeat {
    std::string defender;
    std::string attacker;
};

/// How much one claim moves the explained claim (explain.hpp, Attribution).
struct Contribution {
    std::string claim;
    double removal = 0;
    double gradient = 0;
    /// Its Shapley value (explain.hpp, shapley), when asked for and at most
    /// AttributionOptions::shapley_max_players claims can reach the target
    /// (the report asks; explain does not, so its JSON has none).
    std::optional<double> shapley;
};

struct AttributionOptions {
    /// Add exact Shapley values when at most this many claims can reach the
    /// target (0: never). Cost: 2^k more evaluations for k such claims.
    std::uint32_t shapley_max_players = 0;
};

struct Explanation {
    ExplanationKind kind = ExplanationKind::dispute_tree;
    std::string claim;
    std::string semantics;
    /// The support mode the explanation was computed under (that of evaluate).
    SupportMode support = SupportMode::none;

    /// dispute_tree: the grounded label, the (defender, attacker) pairs of the
    /// tree, and for an undecided claim the cycle nothing settles and the
    /// path from it to the claim (explain.hpp, GroundedWhy).
    Label label = Label::undec;
    std::vector<Defeat> defeats;
    std::vector<std::string> cycle, path;

    /// extension_witness (explain.hpp, ExtensionWhy).
    bool credulous = false, skeptical = false, has_extension = true;
    std::optional<std::vector<std::string>> witness, counter;
    std::vector<Defeat> defence;
    std::vector<std::string> undefended;

    /// Both tree kinds: the attackers of each claim the explanation names, in
    /// the attack-only reading (ids as above), for text renderings that walk
    /// the tree. Not part of the JSON.
    std::vector<std::pair<std::string, std::vector<std::string>>> attackers;

    /// attributions: the claim's value (strength, or label as a number,
    /// label_value) and the contributions ranked by |removal| then |gradient|.
    double value = 0;
    std::vector<Contribution> attributions;

    /// The attackers of `id` listed in `attackers` (empty when none).
    const std::vector<std::string>& attackers_of(std::string_view id) const;
    /// Every id the explanation names, the claim first, each once (for
    /// outlining them on a map): the trees' claims, the counter-position's
    /// members that attack the claim, and the first `attributions` ranked
    /// contributions that move it (a text showing the top few outlines those).
    std::vector<std::string> named(std::size_t attributions = std::numeric_limits<std::size_t>::max()) const;
};

/// Explain why `claim` has its label or strength under `request`, on the
/// same reading evaluate uses (so a support=deductive explanation agrees
/// with the support=deductive labels). Cost: dispute tree O(n + m) after
/// flattening; witness: two acceptance queries (extensions.hpp);
/// attributions: 3 evaluations per claim that can reach the target.
/// Throws not_found for an unknown claim, usage for parameters the semantics
/// does not take.
Explanation explain(const Subject& subject, const Request& request, std::string_view claim,
                    const Control& control = {});
/// The same for a face that holds the answer already (the result of an
/// IncrementalEvaluation of the same scenario, a kept map answer): `answer`
/// must be evaluate(subject, request), the subject's claims in its order, and
/// stands for the evaluation explain would make (the claim's value beside
/// its attributions). Dispute trees and witnesses are computed as above:
/// they need the grounded labelling's rounds and SAT calls, not the labels.
/// Throws usage when `answer` has another claim at the claim's index.
Explanation explain(const Subject& subject, const Request& request, std::string_view claim, const Result& answer,
                    const Control& control = {});

/// explain() for many claims of one subject under one request (the RFD of a
/// debate round explains hundreds): the reading of the request - the
/// attack-only view and, for grounded, the labelling - is computed once, at
/// construction, O(n + m). Each of() then costs a dispute tree in its own
/// size; witnesses and attributions cost what explain() says. `answer`,
/// when given, is as for explain() and must outlive the explainer.
/// Construction throws usage for parameters the semantics does not take.
class Explainer {
public:
    Explainer(const Subject& subject, const Request& request, const Result* answer = nullptr,
              const Control& control = {});
    ~Explainer();
    Explainer(Explainer&&) noexcept;
    Explainer& operator=(Explainer&&) noexcept;

    /// What explain(subject, request, claim[, answer]) gives. Throws not_found
    /// for an unknown claim.
    Explanation of(std::string_view claim, const Control& control = {}) const;

private:
    struct State;
    std::unique_ptr<const State> state_;
};

/// What moves `claim`'s value (its strength, or its label as a number) under
/// any semantics: the claims that can reach it, each with the effect of
/// removing it and the gradient with respect to its base score, ranked by
/// |removal| then |gradient| (explain.hpp, attributions). The explanation of
/// gradual semantics; the stress-test report asks it of every semantics.
/// Cost: 3 evaluations per claim that can reach the target. Throws not_found.
std::vector<Contribution> attributions(const Subject& subject, const Request& request, std::string_view claim,
                                       const Control& control = {});
/// The same, with Shapley values when `options` asks for them.
std::vector<Contribution> attributions(const Subject& subject, const Request& request, std::string_view claim,
                                       const AttributionOptions& options, const Control& control = {});

// ---- hinge ----------------------------------------------------------------

struct HingeOptions {
    /// Largest set size tried.
    std::uint32_t max_size = 3;
    /// Gradual semantics: the status is the side of this threshold.
    double threshold = 0.5;
    /// Stop after this many evaluations (the answer is then not exact).
    std::uint64_t max_evaluations = 200000;
};

/// The smallest sets of claims whose removal changes the claim's status.
struct Hinge {
    std::string claim;
    std::string semantics;
    /// The status now: its label, or (gradual) its strength.
    std::optional<Label> label;
    double strength = 0;
    double threshold = 0.5;
    /// Every minimum-size set found, each in subject order.
    std::vector<std::vector<std::string>> sets;
    bool exact = true;
    std::uint32_t at_least = 0;
    std::uint64_t evaluations = 0;
};

/// Argument-deletion search (explain.hpp, hinges) keyed by ids. Cost:
/// exponential in max_size, bounded by max_evaluations. Throws not_found,
/// usage. JSON: {"claim","semantics","exact","at_least","evaluations","sets"}.
Hinge hinge(const Subject& subject, const Request& request, std::string_view claim, const HingeOptions& options = {},
            const Control& control = {});
/// The same, with the subject's answer already held (as for explain above):
/// the status now is read from `answer` instead of evaluated. Throws usage
/// when `answer` has another claim at the claim's index.
Hinge hinge(const Subject& subject, const Request& request, std::string_view claim, const HingeOptions& options,
            const Result& answer, const Control& control = {});

// ---- robustness -----------------------------------------------------------

struct RobustnessOptions {
    std::uint64_t samples = 1000;
    std::uint64_t seed = 1;
    /// Worker threads (0 = all cores).
    unsigned threads = 0;
    /// When given, count each claim's samples at or above it (ClaimRobustness::at_or_above).
    std::optional<double> threshold;
};

/// One claim's Monte Carlo statistics: probabilities of each label
/// (extension semantics) or the mean, standard deviation and 5%/95%
/// quantiles of its strength (gradual semantics).
struct ClaimRobustness {
    std::string id;
    double p_in = 0, p_undec = 0, p_out = 0;
    double mean = 0, stddev = 0, q05 = 0, q95 = 0;
    /// Sample counts in Robustness::kHistogramBins equal bins over [0,1]
    /// (explain.hpp). Not part of the JSON.
    std::vector<std::uint64_t> histogram;
    /// Samples whose value is at or above RobustnessOptions::threshold, in
    /// double precision (when a threshold was given). Not part of the JSON.
    std::optional<std::uint64_t> at_or_above;
};

struct RobustnessReport {
    std::string semantics;
    std::uint64_t samples = 0;
    std::uint64_t seed = 0;
    /// True for labels (p_in, p_undec, p_out), false for strengths.
    bool labels = false;
    std::vector<ClaimRobustness> claims;
};

/// Monte Carlo robustness (explain.hpp, robustness) keyed by ids. Cost:
/// `samples` evaluations, spread over threads. Throws not_found when the
/// uncertainty names an unknown claim or edge.
/// JSON: {"semantics","samples","seed","claims":{id:{…}}}.
RobustnessReport robustness(const Subject& subject, const Request& request, const Uncertainty& uncertainty,
                            const RobustnessOptions& options = {}, const Control& control = {});

// ---- diff -----------------------------------------------------------------

/// The claims whose label or strength differ between two results (scenario.hpp).
using Diff = std::vector<Change>;

/// diff(before, after, tolerance) of scenario.hpp, under the question's name.
Diff compare(const Result& before, const Result& after, double tolerance = 1e-9);

// ---- JSON, one writer per answer kind -------------------------------------
// Deterministic, keys in a fixed order, no trailing newline; invalid UTF-8 in
// ids is replaced. to_json(const Result&) is in semantics.hpp.

std::string to_json(const Extensions& extensions);
/// dispute_tree: {"claim","semantics",["support",]"label","defeats":[{"defender","attacker"}],"cycle","path"};
/// extension_witness: {"claim","semantics",["support",]"credulous","skeptical","has_extension",
///   "witness","defence","undefended","counter"}; attributions: {"claim","semantics",["support",]"value",
///   "attributions":[{"claim","removal","gradient"}]}. "support" appears when it is not none.
std::string to_json(const Explanation& explanation);
std::string to_json(const Hinge& hinge);
std::string to_json(const RobustnessReport& report);
/// [{"id","before","after"}], each side a label, a strength or null.
std::string to_json(const Diff& diff);

}  // namespace agon
