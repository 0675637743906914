// Internal: the acceptance labels of an attack-only snapshot under one
// extension semantics, with the enumeration cap as a parameter (tests set it
// low so that small graphs take the question route).
#pragma once

#include <cstdint>
#include <string_view>

#include "agon/extensions.hpp"
#include "agon/semantics.hpp"

namespace agon::detail {

/// How many extensions (projections onto the claims) evaluate enumerates
/// before it labels by questions.
inline constexpr std::uint64_t kEnumerationCap = 1000;

/// One label for each of the first `claims` arguments of `s` (the graph's
/// claims; the rest are auxiliary arguments of flatten(), never asked about)
/// under `sem` (not grounded): in (in every
/// extension), undec (in some only), out (in none), with the warning of
/// no_extension_warning(`name`) when there is none. Enumerates up to `cap`
/// extensions as the claims see them (their distinct projections onto the
/// claims, enumerate_projections; 0: no cap), and when there are that many
/// labels the claims by acceptance questions instead (QuestionLabels); the
/// labels are the same either way. Method "sat", or "sat questions" on the question route
/// (iterations: the questions asked).
Result acceptance_labels(const Snapshot& s, std::uint32_t claims, ExtensionSemantics sem, std::string_view name,
                         std::uint64_t cap, const Control& control);

}  // namespace agon::detail
