// agon/semantics.hpp - evaluate a snapshot under a named semantics.
//
// A request names a semantics ("grounded", "preferred", "dfquad", ...) and
// carries string parameters ("epsilon" = "1e-9"). Extension semantics answer
// with a label per claim (in/out/undec); gradual semantics with a strength in
// [0,1] per claim. Unknown names, unknown parameters and out-of-range values
// throw Error(ErrorKind::usage) naming the culprit.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "agon/control.hpp"
#include "agon/snapshot.hpp"

namespace agon {

/// Acceptance status of a claim under an extension semantics.
enum class Label : std::uint8_t { out = 0, in = 1, undec = 2 };

/// "in", "out" or "undec".
std::string_view to_string(Label label);

/// A label as a number: in 1, undec 0.5, out 0. The one rule by which labels
/// enter attributions, hinge thresholds and the strengths the C and Lua
/// faces report for extension semantics.
double label_value(Label label) noexcept;

/// A semantics name and its parameters, as given on the command line
/// (`--semantics dfquad --param epsilon=1e-9`).
struct Request {
    std::string semantics;
    std::map<std::string, std::string> params;

    /// The raw value of `key`, or `fallback` when absent.
    std::string text(std::string_view key, std::string_view fallback) const;
    /// `key` as a number in [lo, hi]; `fallback` when absent. Throws usage
    /// when the value is not a number or out of range.
    double number(std::string_view key, double fallback, double lo, double hi) const;
    /// `key` as a whole number in [lo, hi]; `fallback` when absent.
    std::int64_t integer(std::string_view key, std::int64_t fallback, std::int64_t lo, std::int64_t hi) const;
    /// Throw usage when a parameter is not in `known`.
    void only(std::initializer_list<std::string_view> known) const;
};

/// The answer of one evaluation, indexed like the snapshot's claims.
struct Result {
    std::string semantics;
    IdTable ids;
    /// One label per claim for extension semantics; empty otherwise.
    std::vector<Label> labels;
    /// One strength per claim for gradual semantics; empty otherwise.
    std::vector<double> strength;
    /// False when an iterative method stopped at max_iterations.
    bool converged = true;
    /// Iterations (Jacobi sweeps or ODE steps) used; 0 for direct methods.
    std::uint64_t iterations = 0;
    /// How the result was computed ("topological", "rk4", "jacobi", "sat", ...).
    std::string method;
    /// Things the user should know (non-convergence, ignored edges).
    std::vector<std::string> warnings;

    /// Claim i's strength, or its label as a number (label_value). O(1).
    double value(std::uint32_t i) const { return strength.empty() ? label_value(labels[i]) : strength[i]; }
};

/// Evaluate `snapshot` under `request`. Costs depend on the semantics:
/// grounded is O(n + m); gradual semantics O(m) per iteration; other
/// extension semantics may solve SAT problems. Honours `control`.
Result evaluate(const Snapshot& snapshot, const Request& request, const Control& control = {});

/// Every semantics name `evaluate` accepts, sorted.
std::vector<std::string> semantics_names();

/// True for semantics that answer with labels rather than strengths.
bool gives_labels(std::string_view semantics);

/// The result as one JSON object: {"semantics":…, "labels":{id:"in",…}} for
/// extension semantics, {"semantics":…, "converged":…, "iterations":…,
/// "method":…, "strength":{id:value,…}} for gradual ones. Claims in snapshot
/// order; byte-for-byte deterministic. Ends without a newline.
std::string to_json(const Result& result);

}  // namespace agon
