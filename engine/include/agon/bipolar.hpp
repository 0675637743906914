// agon/bipolar.hpp - support and undercut edges for extension semantics.
//
// Dung's semantics know only attacks. A claim graph is turned into an
// attack-only framework first (SEMANTICS.md §3):
//  - support is read by an interpretation and replaced by derived attacks:
//    deductive (a accepted => b accepted; supported and mediated attacks,
//    Boella, Gabbay, van der Torre & Villata 2010; Cayrol & Lagasquie-Schiex
//    2013), necessary (b accepted => a accepted; secondary and extended
//    attacks, Nouioua & Risch 2010, 2011), or none (supports ignored);
//    evidential support (Oren & Norman 2008) has no attack-only reading and
//    is evaluated directly, for grounded semantics only;
//  - an undercut attacks the attack it targets, flattened by
//    meta-argumentation (Gabbay 2009; Boella et al. 2009): x -> X -> Y -> y with
//    auxiliary claims X and Y, the undercutter attacking Y. Undercuts of
//    support edges are ignored.
// agon::evaluate does this itself for every extension semantics when the
// request carries `support` or the graph has undercuts; auxiliary claims are
// never reported.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "agon/graph.hpp"
#include "agon/semantics.hpp"
#include "agon/snapshot.hpp"

namespace agon {

enum class SupportMode { none, deductive, necessary, evidential };

/// "none", "deductive", "necessary", "evidential"; std::nullopt otherwise.
std::optional<SupportMode> support_mode_from_string(std::string_view name);

/// The attack-only snapshot of `s` under `mode`. Its first s.size() claims
/// are those of `s`, in order; auxiliary claims from undercuts follow, tagged
/// "auxiliary", with ids starting with '\x1f'. For evidential, undercuts are
/// flattened and the support edges are kept (evidential_grounded reads them).
/// Cost: O(m * k^2) for k the largest support closure.
Snapshot flatten(const Snapshot& s, SupportMode mode);

/// The same as a Graph, for export: derived attacks become attack edges and
/// auxiliary claims are kept, tagged "auxiliary", with readable ids ("aux:...").
Graph flatten(const Graph& g, SupportMode mode);

/// Grounded labelling under evidential support: the least fixpoint of
/// SEMANTICS.md §3 (prima facie claims are those tagged `prima_facie`, or,
/// when none is, those without incoming support; auxiliary claims always
/// are). O(n * (n + m)) worst case.
std::vector<Label> evidential_grounded(const Snapshot& s, const Control& control = {});

}  // namespace agon
