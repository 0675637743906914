// agon/report.hpp - the stress-test report: one document a policy team can
// read, built from the engine's own answers about one target claim.
//
// Sections: a summary in plain sentences, the map and a focus map, the Key
// Assumptions Check (unsupported premises the target depends on, their
// influence, whether a minimal hinge set holds them, the analyst's verdict),
// a tornado chart (the target as each input moves over its uncertainty
// range), Monte Carlo robustness, competing hypotheses (an ACH matrix), a
// table of what-if scenarios with diff maps, and an appendix of sources.
// Every figure comes from evaluate, attributions, shapley, hinges,
// robustness and diff (agon/explain.hpp, agon/scenario.hpp); this header
// only gathers and lays them out. Sections without input (no uncertainty,
// no hypotheses, no scenarios) are omitted with a note.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "agon/control.hpp"
#include "agon/explain.hpp"
#include "agon/graph.hpp"
#include "agon/scenario.hpp"
#include "agon/semantics.hpp"

namespace agon {

/// A what-if scenario to show in the report, with a line saying what it assumes.
struct ReportScenario {
    Scenario scenario;
    std::string note;
};

/// What to report on and how hard to look.
struct ReportOptions {
    /// Id of the target claim (required).
    std::string target;
    /// Semantics and parameters; gradual semantics give strengths, extension
    /// semantics labels (counted as in = 1, undecided = 0.5, out = 0).
    Request request{"dfquad", {}};
    /// Strength at or above which a gradual target counts as accepted.
    double threshold = 0.5;
    /// Uncertain inputs for the tornado chart and Monte Carlo robustness;
    /// without it both sections are omitted with a note.
    std::optional<Uncertainty> uncertainty;
    std::uint64_t samples = 2000, seed = 1;
    /// Monte Carlo threads (0 = all cores).
    unsigned threads = 0;
    /// Hinge search limits (see agon::hinges).
    std::uint32_t hinge_max_size = 3;
    std::uint64_t hinge_max_evaluations = 3000;
    /// Exact Shapley values only up to this many influencing claims.
    std::uint32_t shapley_max_players = 12;
    /// Depth of the focus map around the target.
    int focus_depth = 1;
    /// Scenarios to compare with the baseline (the graph itself).
    std::vector<ReportScenario> scenarios;
    /// Report title; "Stress test: <target text>" when empty.
    std::string title;
    /// Draw the maps (needs Graphviz; without it the maps are omitted with a note).
    bool maps = true;
    /// Whole maps (the graph, each scenario's diff map) only up to this many
    /// claims: a larger map is unreadable on a page. The focus map is always drawn.
    std::size_t map_max_claims = 300;
};

/// The target's status in one evaluation.
struct ReportStatus {
    /// Label for extension semantics.
    std::optional<Label> label;
    /// Strength, or the label counted as 1 / 0.5 / 0.
    double value = 0;
    /// For gradual semantics: value >= threshold.
    bool accepted = false;
};

/// How much one claim moves the target (agon::attributions with Shapley values, question.hpp).
struct ReportInfluence {
    std::string claim;
    double removal = 0, gradient = 0;
    std::optional<double> shapley;
};

/// One row of the Key Assumptions Check.
struct ReportAssumption {
    std::string claim;
    double base = 0;
    double removal = 0, gradient = 0;
    std::optional<double> shapley;
    /// The claim is in one of the minimal hinge sets.
    bool in_hinge_set = false;
    /// "solid", "caveats" or "unsupported" from the tag assumption:VERDICT;
    /// empty when the analyst has not assessed it.
    std::string verdict;
};

/// One bar of the tornado chart: the target as one input moves over its range.
struct ReportTornadoBar {
    std::string input;  ///< claim id (base score) or edge id (weight)
    bool weight = false;
    double value = 0, low = 0, high = 0;  ///< the input: as given, and its range
    double at_low = 0, at_high = 0;       ///< the target with the input at low / high
    double swing() const { return at_high > at_low ? at_high - at_low : at_low - at_high; }
};

/// Monte Carlo distribution of the target (agon::robustness).
struct ReportRobustness {
    std::uint64_t samples = 0, seed = 0;
    double mean = 0, stddev = 0, q05 = 0, q95 = 0;
    std::optional<double> p_in, p_undec, p_out;
    /// Sample counts in equal bins over [0,1] (Robustness::histogram).
    std::vector<std::uint64_t> histogram;
    /// Share of samples at or above the threshold (gradual semantics).
    std::optional<double> p_accepted;
    double default_spread = 0;
};

/// Relation of one piece of evidence to one hypothesis.
enum class Consistency { consistent, inconsistent, neutral };
/// "consistent", "inconsistent" or "neutral".
const char* to_string(Consistency c);

/// One cell of the ACH matrix.
struct ReportAchCell {
    Consistency relation = Consistency::neutral;
    /// How the evidence moves the hypothesis: the hypothesis's value minus its
    /// value without the evidence (Attribution::removal; 0 when no path).
    double effect = 0;
    /// Paths of edges from the evidence to the hypothesis: some with an even
    /// number of attacks (support), some with an odd number (attack).
    bool support_path = false, attack_path = false;
};

/// One hypothesis with its scores.
struct ReportHypothesis {
    std::string claim;
    ReportStatus status;
    int consistent = 0, inconsistent = 0;
    /// Sum of |effect| over the evidence inconsistent with it.
    double inconsistency = 0;
};

/// Analysis of Competing Hypotheses over the claims tagged hypothesis / evidence.
struct ReportHypotheses {
    std::vector<ReportHypothesis> hypotheses;  ///< in graph order
    std::vector<std::string> evidence;        ///< in graph order
    std::vector<std::vector<ReportAchCell>> cells;  ///< [evidence][hypothesis]
    /// Hypothesis indices, least inconsistent first (Heuer: the hypothesis with
    /// the least evidence against it survives); ties by inconsistency score.
    std::vector<std::size_t> by_inconsistency;
    /// Hypothesis indices, strongest first.
    std::vector<std::size_t> by_strength;
};

/// One what-if scenario against the baseline.
struct ReportScenarioRow {
    std::string name, note;
    /// The target in the scenario (absent when the scenario removes it).
    std::optional<ReportStatus> target;
    /// Every claim whose status moved (agon::diff against the baseline).
    std::vector<Change> changes;
    /// Diff map (SVG) when maps are drawn.
    std::string map_svg;
    /// Texts of the moved claims the scenario adds (absent from Report::graph), by id.
    std::map<std::string, std::string> added_texts;
};

/// One source with the claims citing it.
struct ReportSource {
    std::string source, url;
    std::vector<std::string> claims;
};

/// Every section's data. Sections that could not be computed are empty
/// optionals with a sentence in `notes` under the section's key
/// ("maps", "map", "shapley", "tornado", "robustness", "hypotheses",
/// "scenarios", "sources").
struct Report {
    std::string title, target;
    Request request;
    double threshold = 0.5;
    bool gradual = true;
    /// The graph reported on (texts, tags and sources).
    Graph graph;
    ReportStatus status;
    std::string method;
    bool converged = true;
    /// The baseline evaluation of every claim.
    Result baseline;
    std::vector<std::string> summary;
    /// Every influencing claim, ranked as by agon::attributions.
    std::vector<ReportInfluence> influences;
    /// Minimal hinge sets (agon::hinges), as claim ids.
    std::vector<std::vector<std::string>> hinge_sets;
    bool hinge_exact = true;
    std::uint32_t hinge_at_least = 0, hinge_max_size = 0;
    std::vector<ReportAssumption> assumptions;
    std::optional<std::vector<ReportTornadoBar>> tornado;
    std::optional<ReportRobustness> robustness;
    std::optional<ReportHypotheses> hypotheses;
    std::optional<std::vector<ReportScenarioRow>> scenarios;
    std::vector<ReportSource> sources;
    std::string map_svg, focus_svg;
    std::map<std::string, std::string> notes;
    /// Seconds spent per section, in the order computed.
    std::vector<std::pair<std::string, double>> timings;
};

/// Compute every section for `options.target` in `graph`. Cost: one
/// evaluation per influencing claim times 3 (attributions), 2^k for Shapley
/// (k <= shapley_max_players), up to hinge_max_evaluations, 2 per uncertain
/// input (tornado), `samples` (robustness), 3 per evidence-hypothesis pair
/// plus 1 per evidence (ACH) and 1 per scenario, plus the maps. Reports progress through
/// control.progress with stages "report: <section>" and the fraction of that
/// section done (then "report", 1 at the end). Throws not_found for an
/// unknown target, usage for bad options, invalid_input for a scenario built
/// on a graph whose content differs from `graph`, and what evaluate throws.
Report build_report(const Graph& graph, const ReportOptions& options, const Control& control = {});

/// Every section's data as one JSON object (claims by id). Deterministic.
std::string report_json(const Report& report);

/// The report as one self-contained HTML page (inline CSS and SVG, no
/// scripts, no network); every text from the graph is escaped.
std::string report_html(const Report& report);

/// True when this build writes PDF (cairo, pango and librsvg found at configure time).
bool report_pdf_available() noexcept;

/// The same content as report_html as a paginated A4 PDF. Throws unsupported
/// when report_pdf_available() is false.
std::string report_pdf(const Report& report);

/// The format a report file name asks for: "html", "pdf" or "json". Throws
/// usage for any other extension.
std::string report_format(const std::string& path);

/// Write the report to `path` atomically in the format of its extension.
void write_report(const Report& report, const std::string& path);

}  // namespace agon
