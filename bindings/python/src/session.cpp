// agon.Session: incremental extension reasoning over an abstract framework
// that changes between questions (agon/session.hpp). Arguments are numbers,
// as in ICCMA and IPAFAIR; a session started from a graph numbers its claims
// 1, 2, ... in insertion order.
#include <mutex>

#include "agon/error.hpp"
#include "agon/framework.hpp"
#include "agon/session.hpp"
#include "interrupt.hpp"
#include "py_agon.hpp"

namespace agon::python {

namespace {

/// The engine session is for one thread at a time: questions run without the
/// GIL, so the session's own lock keeps two Python threads apart.
struct SessionState {
    Session session;
    std::string semantics;  // as the caller named it
    std::mutex lock;
};
using SessionPtr = std::shared_ptr<SessionState>;

ExtensionSemantics semantics_arg(const std::string& name) {
    if (auto s = extension_semantics_from_string(name)) return *s;
    throw Error(ErrorKind::usage, "'" + name + "' is not an extension semantics (grounded, complete, preferred, "
                                               "stable, semi-stable, stage, ideal)");
}

std::vector<std::uint32_t> ids_arg(const py::handle& x) {
    if (py::isinstance<py::int_>(x)) return {x.cast<std::uint32_t>()};
    return x.cast<std::vector<std::uint32_t>>();
}

/// Run a question on the session without the GIL, under its lock.
template <class Ask>
auto ask(SessionState& s, std::optional<double> timeout, Ask&& question) {
    return run_long(timeout.value_or(0), [&](const Control& c) {
        std::lock_guard<std::mutex> hold(s.lock);
        return question(s.session, c);
    });
}

constexpr const char* kDoc =
    "Incremental reasoning over an abstract framework that changes between questions: the SAT\n"
    "solver stays warm across changes (ICCMA's dynamic track, IPAFAIR). Arguments are numbers;\n"
    "Session(semantics, graph=g) numbers g's claims 1, 2, ... in insertion order and keeps its attacks.";

}  // namespace

void bind_session(py::module_& m) {
    py::class_<SessionState, SessionPtr>(m, "Session", kDoc)
        .def(py::init([](const std::string& semantics, std::shared_ptr<GraphState> graph) {
                 const ExtensionSemantics sem = semantics_arg(semantics);
                 if (!graph) return std::make_shared<SessionState>(Session(sem), semantics);
                 Framework af = to_framework(*graph->graph);
                 af.names.clear();  // numbered 1..n
                 return std::make_shared<SessionState>(Session(af, sem), semantics);
             }),
             py::arg("semantics") = "preferred", py::arg("graph") = nullptr)
        .def_property(
            "semantics", [](const SessionState& s) { return s.semantics; },
            [](SessionState& s, const std::string& name) {
                std::lock_guard<std::mutex> hold(s.lock);
                s.session.set_semantics(semantics_arg(name));
                s.semantics = name;
            },
            "The extension semantics; setting it re-encodes the framework at the next question.")
        .def("add_argument",
             [](SessionState& s, std::uint32_t id) {
                 std::lock_guard<std::mutex> hold(s.lock);
                 s.session.add_argument(id);
             },
             py::arg("id"))
        .def("remove_argument",
             [](SessionState& s, std::uint32_t id) {
                 std::lock_guard<std::mutex> hold(s.lock);
                 s.session.remove_argument(id);
             },
             py::arg("id"), "Remove an argument and its attacks.")
        .def("add_attack",
             [](SessionState& s, std::uint32_t a, std::uint32_t b) {
                 std::lock_guard<std::mutex> hold(s.lock);
                 s.session.add_attack(a, b);
             },
             py::arg("source"), py::arg("target"))
        .def("remove_attack",
             [](SessionState& s, std::uint32_t a, std::uint32_t b) {
                 std::lock_guard<std::mutex> hold(s.lock);
                 s.session.remove_attack(a, b);
             },
             py::arg("source"), py::arg("target"))
        .def("has_argument", [](const SessionState& s, std::uint32_t id) { return s.session.has_argument(id); })
        .def("has_attack",
             [](const SessionState& s, std::uint32_t a, std::uint32_t b) { return s.session.has_attack(a, b); })
        .def("__len__", [](const SessionState& s) { return s.session.argument_count(); }, "The number of arguments.")
        .def_property_readonly("attack_count", [](const SessionState& s) { return s.session.attack_count(); })
        .def("credulous",
             [](SessionState& s, py::handle ids, std::optional<double> timeout) {
                 auto v = ids_arg(ids);
                 return ask(s, timeout, [&](Session& x, const Control& c) { return x.credulous(v, c).accepted; });
             },
             py::arg("ids"), py::arg("timeout") = py::none(),
             "Are the argument(s) together in some extension? (witness() gives one.)")
        .def("skeptical",
             [](SessionState& s, py::handle ids, std::optional<double> timeout) {
                 auto v = ids_arg(ids);
                 return ask(s, timeout, [&](Session& x, const Control& c) { return x.skeptical(v, c).accepted; });
             },
             py::arg("ids"), py::arg("timeout") = py::none(),
             "Are the argument(s) in every extension? (Vacuously yes when there is none.)")
        .def("witness",
             [](SessionState& s, std::optional<double> timeout) {
                 return ask(s, timeout, [&](Session& x, const Control& c) { return x.witness(c); });
             },
             py::arg("timeout") = py::none(),
             "The certificate of the last answer if nothing changed since: an extension holding the\n"
             "arguments after a credulous yes, one without one of them after a skeptical no; else None.")
        .def("some_extension",
             [](SessionState& s, std::optional<double> timeout) {
                 return ask(s, timeout, [&](Session& x, const Control& c) { return x.some_extension(c); });
             },
             py::arg("timeout") = py::none(), "One extension (ids ascending), or None when there is none.")
        .def("grounded_label",
             [](SessionState& s, std::uint32_t id) {
                 std::lock_guard<std::mutex> hold(s.lock);
                 return std::string(to_string(s.session.grounded_label(id)));
             },
             py::arg("id"), "'in', 'out' or 'undec' in the grounded labelling (repaired below the changes).")
        .def_property_readonly("stats", [](const SessionState& s) {
            const Session::Stats st = s.session.stats();
            return py::dict(py::arg("questions") = st.questions, py::arg("by_grounded") = st.by_grounded,
                            py::arg("encodings") = st.encodings, py::arg("blocks_retired") = st.blocks_retired);
        });
}

}  // namespace agon::python
