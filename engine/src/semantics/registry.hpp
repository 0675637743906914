// Internal: the table of semantics `evaluate` dispatches to. Each semantics
// lives in its own file and is listed in registry.cpp.
#pragma once

#include <span>
#include <string_view>

#include "agon/extensions.hpp"
#include "agon/semantics.hpp"

namespace agon::detail {

using SemanticsFn = Result (*)(const Snapshot&, const Request&, const Control&);
/// An attack-only semantics on a flattened graph: labels of its first `claims`
/// arguments only (the graph's claims; the rest are auxiliary).
using FlatFn = Result (*)(const Snapshot& flat, std::uint32_t claims, const Request&, const Control&);

struct SemanticsEntry {
    std::string_view name;
    bool labels;  ///< answers with labels rather than strengths
    SemanticsFn run;  ///< null when on_flat is set
    /// Dung-style: sees attacks only, so supports and undercuts are flattened first (bipolar.hpp).
    bool attacks_only = false;
    /// Its numbers rank claims (from 1 up, lower is stronger), not strengths in [0,1].
    bool ranks = false;
    /// Run on the attack-only reading in place of `run` when set (attacks_only).
    FlatFn on_flat = nullptr;
};

/// Every registered semantics, sorted by name.
std::span<const SemanticsEntry> semantics_table();

// One function per semantics (defined in the file of that name).
Result grounded(const Snapshot&, const Request&, const Control&);
// Extension semantics (extensions/acceptance.cpp): acceptance labels, one
// instance per ExtensionSemantics other than grounded.
template <ExtensionSemantics sem>
Result acceptance(const Snapshot& flat, std::uint32_t claims, const Request&, const Control&);
/// The warning of an acceptance answer when `semantics` has no extension.
std::string no_extension_warning(std::string_view semantics);
// Carneades proof standards (carneades.cpp).
Result carneades(const Snapshot&, const Request&, const Control&);
// Gradual semantics (gradual/gradual.cpp, gradual/burden.cpp).
Result hcat(const Snapshot&, const Request&, const Control&);
Result max_based(const Snapshot&, const Request&, const Control&);
Result card(const Snapshot&, const Request&, const Control&);
Result dfquad(const Snapshot&, const Request&, const Control&);
Result quad(const Snapshot&, const Request&, const Control&);
Result euler(const Snapshot&, const Request&, const Control&);
Result qe(const Snapshot&, const Request&, const Control&);
Result mlp(const Snapshot&, const Request&, const Control&);
Result burden(const Snapshot&, const Request&, const Control&);
Result burden_rank(const Snapshot&, const Request&, const Control&);

/// The grounded labelling of the attacks in `s`, O(n + m). When `levels` is
/// given it receives, for each in-claim, a level such that every attacker of
/// it is out because of an in-claim of a lower level (0 = unattacked).
std::vector<Label> grounded_labelling(const Snapshot& s, const Control& control, std::vector<std::uint32_t>* levels);

}  // namespace agon::detail
