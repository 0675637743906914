// Gradual semantics: parameters, the choice of scheme (schemes.hpp) and the
// entry points registered in registry.cpp.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "agon/error.hpp"
#include "schemes.hpp"
#include "semantics/registry.hpp"

namespace agon::detail {

namespace gradual {

Settings settings_of(const Request& req) {
    req.only({"method", "epsilon", "max_iterations", "step"});
    Settings s;
    s.method = req.text("method", "auto");
    if (s.method != "auto" && s.method != "topological" && s.method != "jacobi" && s.method != "rk4" &&
        s.method != "euler")
        throw Error(ErrorKind::usage, "parameter method=" + s.method + " is not one of auto, topological, jacobi, rk4, euler");
    constexpr double any = std::numeric_limits<double>::max();
    s.epsilon = req.number("epsilon", 1e-10, -any, any);
    if (!(s.epsilon > 0)) throw Error(ErrorKind::usage, "parameter epsilon=" + req.text("epsilon", "") + " must be a positive number");
    s.max_iterations = req.integer("max_iterations", 100000, 1, 1'000'000'000);
    s.step = req.number("step", 0.1, -any, any);
    if (!(s.step > 0 && s.step <= 1))
        throw Error(ErrorKind::usage, "parameter step=" + req.text("step", "") + " must be in (0, 1]");
    return s;
}

namespace {

// A number as people write it (1.5, not 1.500000).
std::string shortest(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", x);
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, x);
        if (std::strtod(buf, nullptr) == x) break;
    }
    return buf;
}

// Product aggregation needs contributions in [0,1].
void require_unit_weights(const Snapshot& s, const std::string& semantics) {
    for (std::uint32_t e = 0; e < s.edge_count(); ++e)
        if (s.edge_kind(e) != EdgeKind::undercut && s.edge_weight(e) > 1.0)
            throw Error(ErrorKind::usage, "edge '" + s.edge_id(e) + "' (" + s.id(s.edge_from(e)) + " -> " +
                                              s.id(s.edge_to(e)) + ") has weight " + shortest(s.edge_weight(e)) +
                                              "; " + semantics + " needs edge weights in [0, 1]");
}

template <Sem S>
Result run(const Snapshot& s, const Request& req, const Control& control) {
    const Settings set = settings_of(req);
    if constexpr (S == Sem::dfquad || S == Sem::quad) require_unit_weights(s, req.semantics);
    Kernel k(s);
    std::vector<double> sigma = k.base;
    Result r;
    const Condensation c = condense(s, Dependencies::all);
    std::string method = set.method;
    if (method == "auto") method = c.acyclic() ? "topological" : bipolar(S) ? "rk4" : "jacobi";
    if (method == "topological" && !c.acyclic())
        throw Error(ErrorKind::usage, "method=topological needs an acyclic graph; this one has cycles");
    r.method = method;
    if (method == "topological") topological<S>(k, c, sigma);
    else if (method == "jacobi" && !bipolar(S)) jacobi_by_component<S>(k, c, set, control, sigma, r);
    else if (method == "jacobi") jacobi_global<S>(k, set, control, sigma, r);
    else continuous<S>(k, set, method == "rk4", control, sigma, r);
    if (!r.converged)
        r.warnings.push_back(req.semantics + " did not converge within " + std::to_string(set.max_iterations) +
                             " iterations (method " + method + "); the values are the last iterate");
    r.strength = std::move(sigma);
    return r;
}

}  // namespace

}  // namespace gradual

Result hcat(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::hcat>(s, r, c); }
Result max_based(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::max>(s, r, c); }
Result card(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::card>(s, r, c); }
Result dfquad(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::dfquad>(s, r, c); }
Result quad(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::quad>(s, r, c); }
Result euler(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::euler>(s, r, c); }
Result qe(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::qe>(s, r, c); }
Result mlp(const Snapshot& s, const Request& r, const Control& c) { return gradual::run<gradual::Sem::mlp>(s, r, c); }

}  // namespace agon::detail
