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

/// The ACH matrix over claims tagged "hypothesis" and "evidence"; empty
/// hypotheses or evidence when there are none.
ReportHypotheses competing_hypotheses(const Graph& graph, const Snapshot& s, const Request& request,
                                      const Result& baseline, double threshold, const Control& control);

/// The sources cited by claims' "source" / "url" attributes, in first-cited order.
std::vector<ReportSource> sources(const Graph& graph);

/// The summary sentences of a report whose sections are filled in.
std::vector<std::string> summary(const Report& report);

/// Human names: "DF-QuAD" style semantics names are left as given; the
/// parameters as "k=v, ..." or "default parameters".
std::string parameters_text(const Request& request);
/// "0.52" style number with `digits` decimals.
std::string number(double x, int digits = 2);
/// The claim's text, or its id when it has none or is unknown.
std::string claim_text(const Graph& graph, const std::string& id);
/// "strength 0.52 (accepted)" / "in (stands)".
std::string status_text(const ReportStatus& status, bool gradual, double threshold);

}  // namespace agon::report_detail
