// agon/editor.hpp - one editing interface for a Graph and a Scenario.
//
// The C API and the Lua module bind this class once, so a graph, a what-if
// scenario and an incremental evaluation of one (incremental.hpp) are edited
// with the same calls, names and errors. The same edits give the same
// claims, edges and fresh edge ids in all three (the id of a removed edge is
// free again; a removed claim added again comes without its old edges), and
// they refuse the same edits with the same messages:
//   invalid_input  empty or duplicate id, base outside [0,1], weight negative
//                  or not finite, an edge whose endpoint does not exist, an
//                  undercut aimed at a claim;
//   not_found      "no claim 'x'" / "no edge 'x'" for removals and changes.
// Costs are those of the edited object (graph.hpp, scenario.hpp).
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "agon/graph.hpp"
#include "agon/incremental.hpp"
#include "agon/scenario.hpp"
#include "agon/snapshot.hpp"

namespace agon {

class Editor {
public:
    /// Edit `graph` / `scenario` in place; the object must outlive the editor.
    explicit Editor(Graph& graph) : target_(&graph) {}
    explicit Editor(Scenario& scenario) : target_(&scenario) {}
    /// Edit the scenario of an incremental evaluation: its next answer
    /// recomputes only what the edits reach.
    explicit Editor(IncrementalEvaluation& live) : target_(&live) {}

    /// Add a claim (id, text, base, kind, tags, attributes).
    void add_claim(Claim claim);
    /// Add an edge; an empty id gets a fresh "eN". Returns the edge's id.
    std::string add_edge(Edge edge);
    /// Remove a claim (with its edges and their undercuts) or an edge (with
    /// the undercuts aimed at it).
    void remove_claim(std::string_view id);
    void remove_edge(std::string_view id);
    /// Remove the claim with this id, or else the edge. Throws not_found
    /// ("no claim or edge 'x'") when neither exists.
    void remove(std::string_view id);
    /// Change a claim's base score / an edge's weight.
    void set_base(std::string_view claim_id, double base);
    void set_weight(std::string_view edge_id, double weight);

    bool has_claim(std::string_view id) const;
    bool has_edge(std::string_view id) const;
    /// The snapshot of what is edited, for the questions (question.hpp). O(n + m).
    Snapshot snapshot() const;

private:
    const Scenario* scenario() const;

    std::variant<Graph*, Scenario*, IncrementalEvaluation*> target_;
};

}  // namespace agon
