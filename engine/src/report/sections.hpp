// Internal: the report's sections, each computed from the engine's own
// functions (evaluate, attributions, shapley, hinges, robustness, diff).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "agon/report.hpp"

namespace agon::report_detail {

/// The status of claim `v` in `result` (value 1 / 0.5 / 0 for labels).
ReportStatus status_of(const Result& result, std::uint32_t v, double threshold);

/// Key Assumptions Check: the influencing claims with no incoming support,
/// claims in a hinge set first, then by |removal|.
std::vector<ReportAssumption> key_assumptions(const Graph& graph, const Snapshot& s,
                                              const std::vector<ReportInfluence>& influences,
                                              const std::vector<std::vector<std::string>>& hinge_sets);

/// Tornado bars for the target and its influencers: every base score whose
/// range is not a point, and every listed edge weight into the target or an
/// influencer; two evaluations each. Sorted by swing, largest first.
std::vector<ReportTornadoBar> tornado(const Snapshot& s, const Request& request, std::uint32_t target,
                                      const Uncertainty& uncertainty, const Control& control);

/// Throws invalid_input for a claim tagged both "hypothesis" and "evidence"
/// (checked before any section is computed).
void check_ach_tags(const Graph& graph);

/// The ACH matrix over claims tagged "hypothesis" and "evidence"; empty
/// hypotheses or evidence when there are none.
ReportHypotheses competing_hypotheses(const Graph& graph, const Snapshot& s, const Request& request,
                                      const Result& baseline, double threshold, const Control& control);

/// The sources cited by claims' "source" / "url" attributes, in first-cited order.
std::vector<ReportSource> sources(const Graph& graph);

/// The sentence for a hinge search that found no set and did not finish:
/// what it ruled out, and why it stopped. `flip` says what removing would do
/// ("take it below 0.50").
std::string unfinished_hinge_search(const Report& report, const std::string& flip);

/// The summary sentences of a report whose sections are filled in.
std::vector<std::string> summary(const Report& report);

/// Human names: "DF-QuAD" style semantics names are left as given; the
/// parameters as "k=v, ..." or "default parameters".
std::string parameters_text(const Request& request);
/// "0.52" style number with `digits` decimals.
std::string number(double x, int digits = 2);
/// The threshold with the fewest decimals (2 to 6) that give it back exactly.
std::string threshold_text(double threshold);
/// `x` with `digits` decimals, or as many more as it takes for the printed
/// value and threshold_text(threshold) to compare as x and the threshold do.
std::string number_against(double x, double threshold, int digits = 2);
/// A share in [0,1] as a percentage with `digits` decimals; "<1%" and ">99%"
/// (or "<0.1%", ">99.9%") instead of "0%" and "100%" when the share is not
/// exactly 0 or 1.
std::string percent(double share, int digits = 0);
/// The claim's text, or its id when it has none or is unknown.
std::string claim_text(const Graph& graph, const std::string& id);
/// An edge as "<from text> \u2192 <to text>" in about `max_chars`
/// characters (an undercut's target edge in brackets); its id when unknown.
std::string edge_text(const Graph& graph, const std::string& id, std::size_t max_chars);
/// A tornado input as text: the claim's text, or "weight of <edge_text>".
std::string input_text(const Report& report, const ReportTornadoBar& bar, std::size_t max_chars);
/// "strength 0.52 (accepted)" / "in (stands)".
std::string status_text(const ReportStatus& status, bool gradual, double threshold);

}  // namespace agon::report_detail
