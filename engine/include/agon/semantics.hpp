// agon/semantics.hpp - evaluate a snapshot under a named semantics.
//
// A request names a semantics ("grounded", "preferred", "dfquad", ...) and
// carries string parameters ("epsilon" = "1e-9"). Extension semantics answer
// with a label per claim (in/out/undec); gradual semantics with a strength in
// [0,1] per claim. Unknown names, unknown parameters and out-of-range values
// throw Error(ErrorKind::usage) naming the culprit. The rules are written
// out in docs/semantics.md; the section numbers below are its sections.
//
// Extension semantics (§3, §4): grounded, complete, preferred, stable,
// semi-stable, stage, ideal. Parameter: support = none | deductive |
// necessary | evidential (grounded only), how support edges are read
// (bipolar.hpp); undercuts are always flattened.
//
// Gradual semantics (§0-§2):
//   hcat    weighted h-categorizer   s = t / (1 + sum att)          Besnard & Hunter 2001 (AIJ 128);
//                                                                   Amgoud, Ben-Naim, Doder, Vesic 2017 (IJCAI)
//   max     weighted max-based       s = t / (1 + max att)          Amgoud et al. 2017 (IJCAI)
//   card    weighted card-based      s = t / (1 + n + sum att / n)  Amgoud et al. 2017 (IJCAI)
//   dfquad  DF-QuAD                  product aggregation, linear    Rago, Toni, Aurisicchio, Baroni 2016 (KR)
//   quad    QuAD                     Baroni et al. 2015 (Argument & Computation 6(1))
//   euler   Euler-based              s = 1 - (1 - t^2)/(1 + t e^E)  Amgoud & Ben-Naim 2018 (IJAR 99)
//   qe      quadratic energy         Potyka 2018 (KR)
//   mlp     MLP-based                s = logistic(logit(t) + E)     Potyka 2021 (AAAI)
//   burden, burden-rank              Amgoud & Ben-Naim 2013 (SUM)
//
// where t is the base score, att/sup the contributions w_eff(e) * s(source)
// of attack/support edges and E = sum sup - sum att. Undercuts scale the edge
// they attack: w_eff(e) = w(e) * prod over undercuts u of (1 - min(1, w_eff(u) s(src u))).
// hcat, max, card and burden ignore supports.
//
// Parameters (all optional):
//   method          auto | topological | jacobi | rk4 | euler  (auto: topological on
//                   acyclic graphs, else jacobi for hcat/max/card and rk4 otherwise)
//   epsilon         stopping tolerance, > 0, default 1e-10
//   max_iterations  sweeps or steps before giving up, default 100000
//   step            RK4/Euler step, in (0, 1], default 0.1
//   depth           burden: number of steps, default 10
// Unknown parameters, epsilon <= 0, step outside (0, 1], max_iterations < 1,
// method=topological on a cyclic graph and (for dfquad and quad, whose product
// aggregation needs contributions in [0,1]) an edge weight above 1 throw
// agon::Error of kind usage; the message names the parameter or the edge.
//
// Evaluation schemes (§1). The dependency graph has x -> y when y
// reads x: x is the source of an attack/support into y or of an undercut
// (chain) on such an edge.
//   topological  acyclic graphs: one exact pass in topological order, O(n + m).
//   jacobi       s_0 = t, s_k+1 = T(s_k); stops when max |s_k+1 - s_k| < epsilon.
//                hcat/max/card run it strongly connected component by component
//                in topological order (upstream values are final first; their
//                fixpoint is unique, so this equals a global sweep).
//   rk4, euler   the continuous dynamics ds/dt = T(s) - s of Potyka 2018 (KR),
//                s(0) = t, integrated with step `step` (classic RK4, or explicit
//                Euler); stops when max |T(s) - s| < epsilon. Used on cycles by
//                dfquad, quad, euler, qe and mlp, whose plain iteration can
//                oscillate (Mossakowski & Neuhaus 2018).
// Each Jacobi sweep or ODE step costs O(n + m) (RK4: four applications of T),
// streaming flat in-edge arrays; undercuts add a pass over the edges.
//
// Result fields: strength (one value per claim); method (the scheme used, or
// "burden"); iterations = Jacobi sweeps (summed over components) or ODE steps
// taken, 0 for the topological pass, `depth` for burden; converged = false
// when max_iterations was reached before the stopping rule held - the values
// are then the last iterate and Result.warnings says so (the CLI prints it on
// stderr). It is never silent.
//
// Carneades proof standards (§5): `carneades` labels claims in/out/undec.
// Parameters: standard = se | dv | pe | cce | brd (default pe, or a claim's
// `standard:X` tag), variant = carneades3 (default) | carneades4, alpha,
// beta, gamma (override the variant's thresholds), assume_threshold (base
// score from which a claim without arguments is assumed, default 0.5).
// Graphs read from Carneades YAML are evaluated as Carneades 4 does
// (docs/formats.md §1).
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

/// Every semantics name `evaluate` accepts, sorted, in the canonical
/// spelling: lowercase words joined by hyphens ("semi-stable", "burden-rank").
std::vector<std::string> semantics_names();

/// The canonical spelling of a semantics name: underscores read as hyphens,
/// so "burden_rank" and "semi_stable" (older spellings) name "burden-rank"
/// and "semi-stable", and the ICCMA abbreviations (GR, CO, PR, ST, SST, STG,
/// ID) their semantics. Results keep the name as the caller wrote it.
std::string canonical_semantics(std::string_view name);

/// True for semantics that answer with labels rather than strengths.
bool gives_labels(std::string_view semantics);

/// True for semantics whose numbers rank claims rather than measure a
/// strength in [0,1] (burden numbers from 1 up and their ranks, lower being
/// stronger): a threshold on them means nothing, so hinge sets, reports and
/// judging paradigms refuse them (`require_strength_scale`).
bool ranks_only(std::string_view semantics);

/// Throw agon::Error of kind usage, naming `what` (say "a report"), when
/// `semantics` ranks_only.
void require_strength_scale(std::string_view semantics, std::string_view what);

/// The result as one JSON object: {"semantics":…, "labels":{id:"in",…}} for
/// extension semantics, {"semantics":…, "converged":…, "iterations":…,
/// "method":…, "strength":{id:value,…}} for gradual ones. Claims in snapshot
/// order; byte-for-byte deterministic. Ends without a newline.
std::string to_json(const Result& result);

}  // namespace agon
