// static_export.hpp - `agon export FILE --html OUT.html`: one self-contained
// page with the map, explanations and single-claim what-ifs computed now.
#pragma once

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
/// searches and n + 1 evaluations; one drawing. Honours `control`.
std::string static_page(const Graph& graph, const std::string& file_name, const std::vector<std::string>& semantics,
                        const Control& control, unsigned hinge_size = 2);

}  // namespace agon::workbench
