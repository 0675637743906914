// The questions a graph or a scenario answers: evaluate, extensions,
// explain, hinges, robustness, and diff between results.
//
// This is the module's one adapter to the engine's question functions; the
// answers are Python dicts shaped like the command line's --json output
// (`agon explain/hinge/robust --json`), so every face gives the same data.
#include "agon/bipolar.hpp"
#include "agon/error.hpp"
#include "agon/explain.hpp"
#include "agon/extensions.hpp"
#include "interrupt.hpp"
#include "py_agon.hpp"

namespace agon::python {

Request make_request(const std::string& semantics, const py::kwargs& params, double* timeout) {
    Request req{semantics, {}};
    for (auto [key, value] : params) {
        const std::string k = py::str(key);
        if (k == "timeout" && timeout) {
            *timeout = value.is_none() ? 0 : value.cast<double>();
            continue;
        }
        if (py::isinstance<py::bool_>(value)) req.params[k] = value.cast<bool>() ? "true" : "false";
        else if (py::isinstance<py::str>(value)) req.params[k] = value.cast<std::string>();
        else if (py::isinstance<py::int_>(value) || py::isinstance<py::float_>(value)) req.params[k] = py::str(value);
        else throw py::type_error("parameter '" + k + "' must be a str, number or bool");
    }
    return req;
}

std::shared_ptr<ResultState> evaluate_snapshot(std::shared_ptr<const Snapshot> snapshot, Request request, double timeout) {
    auto r = std::make_shared<ResultState>();
    r->result = run_long(timeout, [&](const Control& c) { return evaluate(*snapshot, request, c); });
    r->snapshot = std::move(snapshot);
    r->request = std::move(request);
    return r;
}

namespace {

py::list ids(const Snapshot& s, const std::vector<std::uint32_t>& v) {
    py::list out;
    for (std::uint32_t i : v) out.append(s.id(i));
    return out;
}

py::object ids_or_none(const Snapshot& s, const std::optional<Extension>& v) {
    return v ? py::object(ids(s, *v)) : py::object(py::none());
}

py::list pairs(const Snapshot& s, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& v, const char* first,
               const char* second) {
    py::list out;
    for (auto [a, b] : v) out.append(py::dict(py::arg(first) = s.id(a), py::arg(second) = s.id(b)));
    return out;
}

std::uint32_t claim_of(const Snapshot& s, const std::string& id) {
    if (auto v = s.index_of(id)) return *v;
    throw Error(ErrorKind::not_found, "no claim '" + id + "'");
}

double value_of(const Result& r, std::uint32_t v) {
    if (!r.strength.empty()) return r.strength[v];
    return r.labels[v] == Label::in ? 1.0 : r.labels[v] == Label::out ? 0.0 : 0.5;
}

// Why `claim` has its status: the shapes of `agon explain --json`.
}  // namespace

py::dict explain_claim(const Snapshot& s, const Request& req, const std::string& claim, double timeout) {
    const std::uint32_t v = claim_of(s, claim);
    py::dict out;
    out["claim"] = claim;
    out["semantics"] = req.semantics;
    if (req.semantics == "grounded" && req.params.empty()) {
        GroundedWhy why = run_long(timeout, [&](const Control& c) { return explain_grounded(s, v, c); });
        out["label"] = std::string(to_string(why.label));
        out["defeats"] = pairs(s, why.defeats, "defender", "attacker");
        out["cycle"] = ids(s, why.cycle);
        out["path"] = ids(s, why.path);
    } else if (auto sem = extension_semantics_from_string(req.semantics); sem && req.params.empty()) {
        ExtensionWhy why = run_long(timeout, [&](const Control& c) { return explain_extension(s, *sem, v, c); });
        out["credulous"] = why.credulous;
        out["skeptical"] = why.skeptical;
        out["has_extension"] = why.has_extension;
        out["witness"] = ids_or_none(s, why.witness);
        out["defence"] = pairs(s, why.defence, "defender", "attacker");
        out["undefended"] = ids(s, why.undefended);
        out["counter"] = ids_or_none(s, why.counter);
    } else {
        auto [value, list] = run_long(timeout, [&](const Control& c) {
            return std::pair{value_of(evaluate(s, req, c), v), attributions(s, req, v, c)};
        });
        out["value"] = value;
        py::list a;
        for (const auto& x : list)
            a.append(py::dict(py::arg("claim") = s.id(x.claim), py::arg("removal") = x.removal,
                              py::arg("gradient") = x.gradient));
        out["attributions"] = a;
    }
    return out;
}

namespace {

py::list extensions(const Snapshot& original, const std::string& semantics, std::uint64_t limit,
                    const std::string& support, double timeout) {
    auto sem = extension_semantics_from_string(semantics);
    if (!sem) throw Error(ErrorKind::usage, "'" + semantics + "' is not an extension semantics (grounded, complete, "
                                                "preferred, stable, semi-stable, stage, ideal)");
    auto mode = support_mode_from_string(support);
    if (!mode || *mode == SupportMode::evidential)
        throw Error(ErrorKind::usage, "support must be none, deductive or necessary here");
    auto found = run_long(timeout, [&](const Control& c) {
        // Supports and undercuts become attacks; auxiliary claims are left out.
        const bool flat = original.has_undercuts() || (original.has_supports() && *mode != SupportMode::none);
        const Snapshot s = flat ? flatten(original, *mode, c) : original;
        std::vector<Extension> all;
        enumerate(s, *sem, limit, [&](const Extension& e) { all.push_back(e); }, c);
        return all;
    });
    py::list out;
    for (auto& e : found) {
        std::erase_if(e, [&](std::uint32_t v) { return v >= original.size(); });
        out.append(ids(original, e));
    }
    return out;
}

py::dict hinge(const Snapshot& s, const Request& req, const std::string& claim, std::uint32_t max_size,
               double threshold, std::uint64_t max_evaluations, double timeout) {
    const std::uint32_t v = claim_of(s, claim);
    HingeReport h = run_long(timeout, [&](const Control& c) {
        return hinges(s, req, v, std::max<std::uint32_t>(1, max_size), c, threshold, max_evaluations);
    });
    py::list sets;
    for (const auto& set : h.sets) sets.append(ids(s, set));
    return py::dict(py::arg("claim") = claim, py::arg("semantics") = req.semantics, py::arg("exact") = h.exact,
                    py::arg("at_least") = h.at_least, py::arg("evaluations") = h.evaluations, py::arg("sets") = sets);
}

py::dict robust(const Snapshot& s, const Request& req, std::uint64_t samples, std::uint64_t seed, double spread,
                const std::optional<std::string>& uncertainty, unsigned threads, double timeout) {
    if (samples < 1) throw Error(ErrorKind::usage, "samples must be at least 1");
    Uncertainty u = uncertainty ? parse_uncertainty(*uncertainty, "uncertainty") : Uncertainty{};
    if (spread >= 0) u.default_spread = spread;
    Robustness r = run_long(timeout, [&](const Control& c) { return robustness(s, req, u, samples, seed, c, threads); });
    py::dict claims;
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        py::dict c;
        if (!r.p_in.empty()) {
            c["p_in"] = r.p_in[v];
            c["p_undec"] = r.p_undec[v];
            c["p_out"] = r.p_out[v];
        } else {
            c["mean"] = r.mean[v];
            c["stddev"] = r.stddev[v];
            c["q05"] = r.q05[v];
            c["q95"] = r.q95[v];
        }
        claims[py::str(s.id(v))] = c;
    }
    return py::dict(py::arg("semantics") = req.semantics, py::arg("samples") = r.samples, py::arg("seed") = seed,
                    py::arg("claims") = claims);
}

// The subject of a question: a graph's current version or a scenario.
std::shared_ptr<const Snapshot> snapshot_of(GraphState& g) { return g.snapshot_now(); }
std::shared_ptr<const Snapshot> snapshot_of(ScenarioState& s) {
    return std::make_shared<const Snapshot>(s.scenario.snapshot());
}
void tie(ResultState& r, const GraphState& g) { r.graph = g.graph; }
void tie(ResultState& r, const ScenarioState& s) { r.scenario = s.scenario; }

template <class State>
void bind_questions(py::class_<State, std::shared_ptr<State>>& cls) {
    cls.def("evaluate",
            [](State& self, const std::string& semantics, const py::kwargs& params) {
                double timeout = 0;
                Request req = make_request(semantics, params, &timeout);
                auto r = evaluate_snapshot(snapshot_of(self), std::move(req), timeout);
                tie(*r, self);
                self.last = r;
                return r;
            },
            py::arg("semantics") = "grounded",
            "Evaluate under a semantics (agon.semantics() lists them). Other keywords are the semantics'\n"
            "parameters (support='deductive', epsilon=1e-9, method='rk4', ...); timeout=SECONDS bounds the\n"
            "work. Ctrl-C raises KeyboardInterrupt. Returns an agon.Result, remembered for the map.")
        .def("extensions",
             [](State& self, const std::string& semantics, std::uint64_t limit, const std::string& support,
                std::optional<double> timeout) {
                 return extensions(*snapshot_of(self), semantics, limit, support, timeout.value_or(0));
             },
             py::arg("semantics") = "preferred", py::arg("limit") = 0, py::arg("support") = "none",
             py::arg("timeout") = py::none(),
             "The extensions (positions that can stand together) as lists of claim ids, at most `limit`\n"
             "(0 = all), in the order the solver finds them; `support` is none, deductive or necessary.")
        .def("explain",
             [](State& self, py::handle claim, const std::string& semantics, const py::kwargs& params) {
                 double timeout = 0;
                 Request req = make_request(semantics, params, &timeout);
                 return explain_claim(*snapshot_of(self), req, claim_id(claim), timeout);
             },
             py::arg("claim"), py::arg("semantics") = "grounded",
             "Why a claim stands, falls or moves, as a dict shaped like `agon explain --json`:\n"
             "grounded: label, defeats [{defender, attacker}], cycle, path; other extension semantics:\n"
             "credulous, skeptical, has_extension, witness, defence, undefended, counter; gradual: value and\n"
             "attributions [{claim, removal, gradient}].")
        .def("hinges",
             [](State& self, py::handle claim, const std::string& semantics, std::uint32_t max_size, double threshold,
                std::uint64_t max_evaluations, const py::kwargs& params) {
                 double timeout = 0;
                 Request req = make_request(semantics, params, &timeout);
                 return hinge(*snapshot_of(self), req, claim_id(claim), max_size, threshold, max_evaluations, timeout);
             },
             py::arg("claim"), py::arg("semantics") = "grounded", py::arg("max_size") = 3, py::arg("threshold") = 0.5,
             py::arg("max_evaluations") = 200000,
             "The smallest sets of claims whose removal flips the claim's label (or moves its strength across\n"
             "`threshold`): {claim, semantics, exact, at_least, evaluations, sets}, as `agon hinge --json`.")
        .def("robustness",
             [](State& self, const std::string& semantics, std::uint64_t samples, std::uint64_t seed, double spread,
                const std::optional<std::string>& uncertainty, unsigned threads, const py::kwargs& params) {
                 double timeout = 0;
                 Request req = make_request(semantics, params, &timeout);
                 return robust(*snapshot_of(self), req, samples, seed, spread, uncertainty, threads, timeout);
             },
             py::arg("semantics") = "grounded", py::arg("samples") = 1000, py::arg("seed") = 1, py::arg("spread") = -1.0,
             py::arg("uncertainty") = py::none(), py::arg("threads") = 0,
             "Monte Carlo over uncertain base scores (+-spread, default 0.1), weights and presence\n"
             "(`uncertainty`: the JSON text `agon robust --uncertainty` reads), in parallel, reproducible for a\n"
             "seed: {semantics, samples, seed, claims: {id: {p_in, p_undec, p_out} or {mean, stddev, q05, q95}}}.")
        .def_property_readonly("last_result", [](const State& self) { return self.last; },
                               "The last evaluation (None before the first); the map Jupyter shows uses it.");
}

}  // namespace

void bind_graph_questions(py::class_<GraphState, std::shared_ptr<GraphState>>& cls) {
    bind_questions(cls);
    cls.def("scenario",
            [](const GraphState& g, const std::string& name) {
                return std::make_shared<ScenarioState>(ScenarioState{Scenario(g.graph, name), nullptr});
            },
            py::arg("name") = "scenario", "A what-if scenario over the graph as it is now (later edits do not reach it).");
}

void bind_scenario_questions(py::class_<ScenarioState, std::shared_ptr<ScenarioState>>& cls) { bind_questions(cls); }

void bind_diff(py::module_& m) {
    m.def("diff",
          [](const ResultState& before, const ResultState& after, double tolerance) {
              py::list out;
              auto value = [](const std::optional<Label>& l, const std::optional<double>& x) -> py::object {
                  if (l) return py::str(std::string(to_string(*l)));
                  if (x) return py::float_(*x);
                  return py::none();
              };
              for (const Change& c : diff(before.result, after.result, tolerance))
                  out.append(py::dict(py::arg("id") = c.id, py::arg("before") = value(c.label_before, c.strength_before),
                                      py::arg("after") = value(c.label_after, c.strength_after)));
              return out;
          },
          py::arg("before"), py::arg("after"), py::arg("tolerance") = 1e-9,
          "Claims whose label changed or whose strength moved by more than `tolerance`, and claims on one side\n"
          "only: a list of {id, before, after} (None where absent).");
}

}  // namespace agon::python
