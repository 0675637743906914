// Internal: the report's charts as SVG drawn by agon (axes, labels, the
// Okabe-Ito palette the maps use). Each returns one <svg> element.
#pragma once

#include <string>

#include "agon/report.hpp"

namespace agon::report_detail {

/// Okabe-Ito colours, as on the maps.
inline constexpr const char* kBlue = "#0072B2";       // strengths, support, "input high"
inline constexpr const char* kOrange = "#E69F00";     // "input low"
inline constexpr const char* kGreen = "#009E73";      // in / consistent
inline constexpr const char* kVermillion = "#D55E00"; // out / inconsistent
inline constexpr const char* kYellow = "#F0E442";     // undecided

/// Tornado: one row per input, bars from the baseline to the target's value
/// with the input at the low (orange) and high (blue) end of its range.
std::string tornado_svg(const Report& report, std::size_t max_bars = 12);
/// Histogram of the target's Monte Carlo strengths, with the threshold and mean.
std::string histogram_svg(const Report& report);
/// One stacked bar: shares of samples in / undecided / out.
std::string labels_svg(const ReportRobustness& robustness);
/// The target's value in each scenario, next to the baseline.
std::string scenarios_svg(const Report& report);

}  // namespace agon::report_detail
