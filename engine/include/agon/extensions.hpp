// agon/extensions.hpp - extension semantics of abstract argumentation
// (Dung 1995; semi-stable: Caminada 2006; stage: Verheij 1996; ideal: Dung,
// Mancarella & Toni 2007): acceptance queries, one extension, enumeration
// and counting, solved with SAT (CaDiCaL).
//
// These functions read the attacks of a snapshot only; agon::evaluate and
// the command line flatten supports and undercuts first (bipolar.hpp).
// Design, as in the strongest ICCMA solvers: the grounded labelling is
// computed first and every complete-based question is asked only about the
// arguments it leaves undecided; incremental SAT with assumptions; CEGAR
// loops for maximality (preferred, semi-stable, stage) and a polynomial
// completion for the ideal extension once credulous acceptance is known.
// Every loop honours the Control (cancel token, deadline); a stopped search
// throws Error(cancelled) or Error(limit).
// Worst-case cost is exponential (the problems are NP- or co-NP-hard, and
// the second level of the polynomial hierarchy for preferred skeptical,
// semi-stable and stage).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "agon/control.hpp"
#include "agon/snapshot.hpp"

namespace agon {

enum class ExtensionSemantics { grounded, complete, preferred, stable, semi_stable, stage, ideal };

/// Accepts the agon names ("complete", "semi-stable", ...; underscores read
/// as hyphens, canonical_semantics) and the ICCMA abbreviations ("CO", "PR",
/// "ST", "SST", "STG", "ID", "GR").
std::optional<ExtensionSemantics> extension_semantics_from_string(std::string_view name);

/// An extension: claim indices in ascending order.
using Extension = std::vector<std::uint32_t>;

/// The answer to an acceptance query and its certificate: for a credulous
/// query that holds, an extension containing the claim; for a skeptical query
/// that fails, an extension without it. Empty otherwise.
struct Acceptance {
    bool accepted = false;
    std::optional<Extension> witness;
};

/// Is `claim` in some extension?
Acceptance credulous(const Snapshot& s, ExtensionSemantics sem, std::uint32_t claim, const Control& control = {});
/// Is `claim` in every extension? (Vacuously yes when there is none.)
Acceptance skeptical(const Snapshot& s, ExtensionSemantics sem, std::uint32_t claim, const Control& control = {});
/// One extension, or std::nullopt when there is none (stable only).
std::optional<Extension> some_extension(const Snapshot& s, ExtensionSemantics sem, const Control& control = {});
/// Call `found` for each extension, at most `limit` of them (0 = all), and
/// return how many were found. Each extension is reported once; the order is
/// deterministic for a given input. `found` may be empty (counting).
std::uint64_t enumerate(const Snapshot& s, ExtensionSemantics sem, std::uint64_t limit,
                        const std::function<void(const Extension&)>& found, const Control& control = {});

}  // namespace agon
