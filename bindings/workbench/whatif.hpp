// whatif.hpp - a what-if made by clicking (claims switched off, base scores and
// weights moved, counter-claims added), as JSON from the page, applied to a
// map through agon::Scenario, and written as a Lua script `agon run` replays.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "agon/graph.hpp"
#include "agon/scenario.hpp"
#include "agon/semantics.hpp"
#include "engine_calls.hpp"

namespace agon::workbench {

struct WhatIf {
    std::vector<std::string> off;            ///< claims switched off
    std::map<std::string, double> base;      ///< claim id -> base score
    std::map<std::string, double> weight;    ///< edge id -> weight
    std::vector<Claim> claims;               ///< counter-claims added
    std::vector<Edge> edges;                 ///< edges added (to and from them)

    bool empty() const { return off.empty() && base.empty() && weight.empty() && claims.empty() && edges.empty(); }
};

/// Read {"off":[ids], "base":{id:x}, "weight":{edge:w}, "claims":[{id,text,base}],
/// "edges":[{from,to,kind,weight}]}; a missing or null value is no what-if.
/// Throws usage on a malformed value.
WhatIf parse_whatif(const Json& j);

/// The what-if as an agon::Scenario of the map (which checks every edit):
/// claims, then edges, bases, weights, switches. Throws not_found /
/// invalid_input naming the bad edit. O(m) to index the map's edges, plus
/// O(k log k) for k edits.
Scenario whatif_scenario(const std::shared_ptr<const Graph>& map, const WhatIf& w);

/// The same, derived from `start`, a Scenario of the map with no edits that
/// shares its index of the map's edges with every what-if made from it: O(k
/// log k) for k edits (the export's one switch-off per claim).
Scenario whatif_scenario(const Scenario& start, const WhatIf& w);

/// A what-if scenario as a graph of its own, titled as its map (for drawing
/// and export). O(n + m).
Graph whatif_graph(const Scenario& what_if);

/// The map with the what-if applied: whatif_graph(whatif_scenario(map, w)),
/// or the map itself for no what-if. Throws as whatif_scenario.
Graph with_whatif(const std::shared_ptr<const Graph>& map, const WhatIf& w);

/// A Lua script that rebuilds the what-if on `map_path` and prints the diff
/// against the map under `request` (`agon run NAME.lua --read DIR`).
std::string lua_script(const std::string& name, const std::string& map_path, const WhatIf& w, const Request& request);

}  // namespace agon::workbench
