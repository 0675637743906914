// The questions a graph or a scenario answers: evaluate, extensions,
// explain, hinges, robustness, and diff between results - each one call of
// the engine's question layer (agon/question.hpp), its answer handed to
// Python as the parsed JSON the command line prints for it.
#include <limits>
#include <string>

#include "agon/question.hpp"
#include "interrupt.hpp"
#include "py_agon.hpp"

namespace agon::python {

Request make_request(const std::string& semantics, const py::kwargs& params) {
    Request req{semantics, {}};
    for (auto [key, value] : params) {
        const std::string k = py::str(key);
        if (py::isinstance<py::bool_>(value)) req.params[k] = value.cast<bool>() ? "true" : "false";
        else if (py::isinstance<py::str>(value)) req.params[k] = value.cast<std::string>();
        else if (py::isinstance<py::int_>(value) || py::isinstance<py::float_>(value)) req.params[k] = py::str(value);
        else throw py::type_error("parameter '" + k + "' must be a str, number or bool");
    }
    return req;
}

std::shared_ptr<ResultState> evaluate_snapshot(std::shared_ptr<const Snapshot> snapshot, Request request,
                                               Timeout timeout) {
    auto r = std::make_shared<ResultState>();
    const Subject subject(snapshot);
    r->result = run_long(timeout, [&](const Control& c) { return evaluate(subject, request, c); });
    r->snapshot = std::move(snapshot);
    r->request = std::move(request);
    return r;
}

namespace {

/// An answer as Python data (a dict or a list): the engine's JSON for it,
/// parsed (so every face gives the same data for the same question).
template <class Data = py::dict>
Data parsed(const std::string& json) {
    return py::module_::import("json").attr("loads")(json);
}

}  // namespace

py::dict explain_claim(std::shared_ptr<const Snapshot> s, const Request& req, const std::string& claim,
                       Timeout timeout) {
    const Subject subject(std::move(s));
    return parsed(run_long(timeout, [&](const Control& c) { return to_json(explain(subject, req, claim, c)); }));
}

namespace {

/// A count argument (a limit, a size, a number of samples) as Python gives it: a negative one is a
/// ValueError, as the command line refuses it, rather than pybind11's TypeError listing signatures.
template <class T>
T count(const char* name, std::int64_t n) {
    if (n < 0) throw py::value_error(std::string(name) + " must be 0 or more, not " + std::to_string(n));
    if (static_cast<std::uint64_t>(n) > std::numeric_limits<T>::max())
        throw py::value_error(std::string(name) + " " + std::to_string(n) + " is too large");
    return static_cast<T>(n);
}

// An agon.Extensions: the sets as a list, and `complete` false when `limit` cut them short.
py::object extensions_of(std::shared_ptr<const Snapshot> s, const std::string& semantics, std::uint64_t limit,
                         const std::string& support, Timeout timeout) {
    const Subject subject(std::move(s));
    Request req{semantics, {{"support", support}}};
    ExtensionsOptions options;
    options.limit = limit;
    const py::dict answer =
        parsed(run_long(timeout, [&](const Control& c) { return to_json(extensions(subject, req, options, c)); }));
    return py::module_::import("agon._extensions").attr("Extensions")(answer["extensions"], answer["complete"]);
}

py::dict hinge_of(std::shared_ptr<const Snapshot> s, const Request& req, const std::string& claim,
                  std::uint32_t max_size, double threshold, std::uint64_t max_evaluations, Timeout timeout) {
    const Subject subject(std::move(s));
    HingeOptions options{max_size, threshold, max_evaluations};
    return parsed(run_long(timeout, [&](const Control& c) { return to_json(hinge(subject, req, claim, options, c)); }));
}

py::dict robustness_of(std::shared_ptr<const Snapshot> s, const Request& req, std::uint64_t samples,
                       std::uint64_t seed, std::optional<double> spread, const std::optional<std::string>& uncertainty,
                       unsigned threads, Timeout timeout) {
    const Subject subject(std::move(s));
    Uncertainty u = uncertainty ? parse_uncertainty(*uncertainty, "uncertainty") : Uncertainty{};
    if (spread) u.default_spread = *spread;  // checked by robustness()
    RobustnessOptions options{samples, seed, threads};
    return parsed(
        run_long(timeout, [&](const Control& c) { return to_json(robustness(subject, req, u, options, c)); }));
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
    // `timeout` is a typed keyword everywhere, so a wrong type is pybind11's TypeError on every question.
    cls.def("evaluate",
            [](State& self, const std::string& semantics, Timeout timeout, const py::kwargs& params) {
                auto r = evaluate_snapshot(snapshot_of(self), make_request(semantics, params), timeout);
                tie(*r, self);
                self.last = r;
                return r;
            },
            py::arg("semantics") = "grounded", py::kw_only(), py::arg("timeout") = py::none(),
            "Evaluate under a semantics (agon.semantics() lists them). Other keywords are the semantics'\n"
            "parameters (support='deductive', epsilon=1e-9, method='rk4', ...); timeout=SECONDS bounds the\n"
            "work. Ctrl-C raises KeyboardInterrupt. Returns an agon.Result, remembered for the map.")
        .def("extensions",
             [](State& self, const std::string& semantics, std::int64_t limit, const std::string& support,
                Timeout timeout) {
                 return extensions_of(snapshot_of(self), semantics, count<std::uint64_t>("limit", limit), support,
                                      timeout);
             },
             py::arg("semantics") = "preferred", py::arg("limit") = 0, py::arg("support") = "none",
             py::arg("timeout") = py::none(),
             "The extensions (positions that can stand together) as lists of claim ids, at most `limit`\n"
             "(0 = all), in the order the solver finds them; `support` is none, deductive or necessary.\n"
             "Returns an agon.Extensions (a list) whose `complete` is False when there are more than `limit`.")
        .def("explain",
             [](State& self, const ClaimArg& claim, const std::string& semantics, Timeout timeout,
                const py::kwargs& params) {
                 return explain_claim(snapshot_of(self), make_request(semantics, params), claim_id(claim), timeout);
             },
             py::arg("claim"), py::arg("semantics") = "grounded", py::kw_only(), py::arg("timeout") = py::none(),
             "Why a claim stands, falls or moves, as a dict shaped like `agon explain --json`:\n"
             "grounded: label, defeats [{defender, attacker}], cycle, path; other extension semantics:\n"
             "credulous, skeptical, has_extension, witness, defence, undefended, counter; gradual: value and\n"
             "attributions [{claim, removal, gradient}].")
        .def("hinge",
             [](State& self, const ClaimArg& claim, const std::string& semantics, std::int64_t max_size,
                double threshold, std::int64_t max_evaluations, Timeout timeout, const py::kwargs& params) {
                 return hinge_of(snapshot_of(self), make_request(semantics, params), claim_id(claim),
                                 count<std::uint32_t>("max_size", max_size), threshold,
                                 count<std::uint64_t>("max_evaluations", max_evaluations), timeout);
             },
             py::arg("claim"), py::arg("semantics") = "grounded", py::arg("max_size") = 3, py::arg("threshold") = 0.5,
             py::arg("max_evaluations") = 200000, py::kw_only(), py::arg("timeout") = py::none(),
             "The smallest sets of claims whose removal flips the claim's label (or moves its strength across\n"
             "`threshold`): {claim, semantics, exact, at_least, evaluations, sets}, as `agon hinge --json`.")
        .def("robustness",
             [](State& self, const std::string& semantics, std::int64_t samples, std::uint64_t seed, std::optional<double> spread,
                const std::optional<std::string>& uncertainty, std::int64_t threads, Timeout timeout,
                const py::kwargs& params) {
                 return robustness_of(snapshot_of(self), make_request(semantics, params),
                                      count<std::uint64_t>("samples", samples), seed, spread, uncertainty,
                                      count<unsigned>("threads", threads), timeout);
             },
             py::arg("semantics") = "grounded", py::arg("samples") = 1000, py::arg("seed") = 1, py::arg("spread") = py::none(),
             py::arg("uncertainty") = py::none(), py::arg("threads") = 0, py::kw_only(),
             py::arg("timeout") = py::none(),
             "Monte Carlo over uncertain base scores (+-spread, default 0.1), weights and presence\n"
             "(`uncertainty`: the JSON text `agon robust --uncertainty` reads), in parallel, reproducible for a\n"
             "seed: {semantics, samples, seed, claims: {id: {p_in, p_undec, p_out} or {mean, stddev, q05, q95}}}.")
        .def_property_readonly("last_result", [](const State& self) { return self.last; },
                               "The last evaluation (None before the first); the map Jupyter shows uses it.");
    cls.attr("hinges") = cls.attr("hinge");  // the older name
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
              // NaN listed nothing and a negative tolerance everything; the command line refuses both.
              if (!(tolerance >= 0)) throw py::value_error("tolerance must be a number, 0 or more");
              return parsed<py::list>(to_json(compare(before.result, after.result, tolerance)));
          },
          py::arg("before"), py::arg("after"), py::arg("tolerance") = 1e-9,
          "Claims whose label changed or whose strength moved by more than `tolerance`, and claims on one side\n"
          "only: a list of {id, before, after} (None where absent).");
}

}  // namespace agon::python
