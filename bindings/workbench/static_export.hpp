// static_export.hpp - `agon export FILE --html OUT.html`: one self-contained
// page with the map, explanations and single-claim what-ifs computed now.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "agon/control.hpp"
#include "agon/graph.hpp"

namespace agon::workbench {

/// The page for `graph` under each of `semantics`: one drawing of the map,
/// and per semantics every claim's look (colours and status line, which the
/// page applies to the drawing), explanation and hinge (up to `hinge_size`
/// claims), and for every claim the diff and the looks of the claims that
/// move when it is switched off. Cost: per semantics, n explanations, n hinge
/// searches of at most `hinge_evaluations` evaluations each (0: the share of
/// kExportHingeBudget each claim gets, see export_hinge_evaluations) and
/// n + 1 evaluations; one drawing. Honours `control`.
std::string static_page(const Graph& graph, const std::string& file_name, const std::vector<std::string>& semantics,
                        const Control& control, unsigned hinge_size = 2, std::uint64_t hinge_evaluations = 0);

/// Hinge-search evaluations per semantics that an export shares among its
/// claims: one search per claim with 5,000 each made an export quadratic in
/// the claims (a random 500-claim map took over three minutes).
inline constexpr std::uint64_t kExportHingeBudget = 200'000;

/// Each claim's share of kExportHingeBudget on a map of `claims` claims:
/// 5,000 (as the workbench's panel) up to 40 claims, at least 50.
std::uint64_t export_hinge_evaluations(std::size_t claims);

}  // namespace agon::workbench
