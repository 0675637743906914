// agon.Session: incremental extension reasoning over a claim graph's attacks
// that change between questions (agon/claim_session.hpp), with the names of
// the Lua face's g:session{}: claims are named by their ids.
#include <mutex>

#include "agon/claim_session.hpp"
#include "agon/error.hpp"
#include "interrupt.hpp"
#include "py_agon.hpp"

namespace agon::python {

namespace {

/// The engine session is for one thread at a time: questions run without the
/// GIL, so the session's own lock keeps two Python threads apart.
struct SessionState {
    ClaimSession session;
    std::string semantics;  // as the caller named it
    std::mutex lock;
};
using SessionPtr = std::shared_ptr<SessionState>;

ExtensionSemantics semantics_arg(const std::string& name) {
    if (auto s = extension_semantics_from_string(name)) return *s;
    throw Error(ErrorKind::usage, "'" + name + "' is not an extension semantics (grounded, complete, preferred, "
                                               "stable, semi-stable, stage, ideal)");
}

/// A session over the claims and attacks of a graph, a scenario or nothing.
SessionPtr new_session(const std::string& semantics, const SubjectArg& from) {
    const ExtensionSemantics sem = semantics_arg(semantics);
    if (py::isinstance<GraphState>(from))
        return std::make_shared<SessionState>(ClaimSession(*from.cast<const GraphState&>().graph, sem), semantics);
    if (py::isinstance<ScenarioState>(from))
        return std::make_shared<SessionState>(ClaimSession(from.cast<const ScenarioState&>().scenario.to_graph(), sem),
                                              semantics);
    if (!from.is_none()) throw py::type_error("a session starts from an agon.Graph, an agon.Scenario or None");
    return std::make_shared<SessionState>(ClaimSession(Graph{}, sem), semantics);
}

/// A claim (id or handle) or a list of them, as an argument.
struct ClaimsHint {
    static constexpr auto name = py::detail::const_name("Union[") + hint::of<ClaimRef> +
                                 py::detail::const_name(", str, Iterable[") + hint::Claim::name +
                                 py::detail::const_name("]]");
};
using ClaimsArg = Typed<ClaimsHint>;

/// The ids a ClaimsArg names.
std::vector<std::string> claims_arg(const ClaimsArg& x) {
    if (py::isinstance<py::str>(x) || py::isinstance<ClaimRef>(x)) return {claim_id(x)};
    std::vector<std::string> out;
    for (py::handle c : py::iter(x)) out.push_back(claim_id(c));
    return out;
}

/// Run `work(session)` under the session's lock with the GIL released: a
/// question on another thread takes the GIL now and then to poll for Ctrl-C,
/// so waiting for the lock while holding the GIL could deadlock.
template <class Work>
auto locked(SessionState& s, Work&& work) {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> hold(s.lock);
    return work(s.session);
}

/// A session method naming a claim / an attack: `member` called with the
/// ids (read with the GIL) under the lock.
template <class Member>
auto on_claim(Member member) {
    return [member](SessionState& s, const ClaimArg& claim) {
        const std::string id = claim_id(claim);
        return locked(s, [&](ClaimSession& x) { return (x.*member)(id); });
    };
}
template <class Member>
auto on_attack(Member member) {
    return [member](SessionState& s, const ClaimArg& source, const ClaimArg& target) {
        const std::string from = claim_id(source), to = claim_id(target);
        return locked(s, [&](ClaimSession& x) { return (x.*member)(from, to); });
    };
}

void set_semantics(SessionState& s, const std::string& name) {
    const ExtensionSemantics sem = semantics_arg(name);
    locked(s, [&](ClaimSession& x) { x.set_semantics(sem); });
    s.semantics = name;
}

/// Run a question on the session without the GIL, under its lock,
/// cancellable by Ctrl-C and `timeout`.
template <class Ask>
auto ask(SessionState& s, Timeout timeout, Ask&& question) {
    return run_long(timeout, [&](const Control& c) {
        std::lock_guard<std::mutex> hold(s.lock);
        return question(s.session, c);
    });
}

/// credulous() / skeptical(): `member` on the claim(s), a question.
template <class Member>
auto acceptance(Member member) {
    return [member](SessionState& s, const ClaimsArg& claims, Timeout timeout) {
        const std::vector<std::string> ids = claims_arg(claims);
        return ask(s, timeout, [&](ClaimSession& x, const Control& c) { return (x.*member)(ids, c); });
    };
}

/// witness() / extension(): `member`, a question.
template <class Member>
auto extension_of(Member member) {
    return [member](SessionState& s, Timeout timeout) {
        return ask(s, timeout, [&](ClaimSession& x, const Control& c) { return (x.*member)(c); });
    };
}

std::size_t claim_count(SessionState& s) {
    return locked(s, [](ClaimSession& x) { return x.claim_count(); });
}

constexpr const char* kDoc =
    "Incremental reasoning over a claim graph's attacks that change between questions: the SAT solver\n"
    "stays warm across changes (ICCMA's dynamic track, IPAFAIR). g.session(semantics) or\n"
    "agon.Session(semantics, graph) starts from a graph's or scenario's claims and attacks as they are\n"
    "now (supports are ignored, as with support='none'; a graph with undercuts is refused); claims are\n"
    "named by their ids, as in the Lua face's g:session{}.";
constexpr const char* kStartDoc =
    "An incremental session (agon.Session) over the claims and attacks as they are now, under an\n"
    "extension semantics (grounded, complete, preferred, stable, semi-stable, stage, ideal).";

}  // namespace

void bind_session(py::module_& m) {
    auto cls = declare<SessionState, SessionPtr>(m, "Session");
    cls.doc() = kDoc;
    cls.def(py::init(&new_session), py::arg("semantics") = "preferred", py::arg("graph") = py::none(),
            "A session under an extension semantics, empty or over a graph's (or scenario's) claims and attacks.")
        .def_property("semantics", [](const SessionState& s) { return s.semantics; }, &set_semantics,
                      "The extension semantics as named; setting it (or set_semantics) re-encodes at the next question.")
        .def("set_semantics", &set_semantics, py::arg("semantics"),
             "Change the semantics; the next question re-encodes the framework.")
        .def("add_claim", on_claim(&ClaimSession::add_claim), py::arg("claim"),
             "Add a claim. Raises agon.Error (invalid_input) when the id exists or is empty.")
        .def("remove_claim", on_claim(&ClaimSession::remove_claim), py::arg("claim"),
             "Remove a claim and its attacks. Raises agon.Error (not_found).")
        .def("attack", on_attack(&ClaimSession::add_attack), py::arg("source"), py::arg("target"),
             "Add the attack source -> target. Raises agon.Error: not_found for an unknown claim,\n"
             "invalid_input when the attack exists.")
        .def("remove_attack", on_attack(&ClaimSession::remove_attack), py::arg("source"), py::arg("target"),
             "Remove an attack. Raises agon.Error (not_found).")
        .def("has_claim", on_claim(&ClaimSession::has_claim), py::arg("claim"), "Is there a claim with this id?")
        .def("has_attack", on_attack(&ClaimSession::has_attack), py::arg("source"), py::arg("target"),
             "Is there an attack source -> target? (False for unknown claims.)")
        .def_property_readonly("claim_count", &claim_count, "The number of claims.")
        .def_property_readonly("attack_count",
                               [](SessionState& s) { return locked(s, [](ClaimSession& x) { return x.attack_count(); }); },
                               "The number of attacks.")
        .def("__len__", &claim_count, "The number of claims.")
        .def("credulous", acceptance(&ClaimSession::credulous), py::arg("claims"), py::arg("timeout") = py::none(),
             "Are the claim(s) together in some extension? (witness() then gives one.) Raises agon.Error\n"
             "(not_found) for an unknown claim, (limit) past `timeout` seconds; Ctrl-C raises KeyboardInterrupt.")
        .def("skeptical", acceptance(&ClaimSession::skeptical), py::arg("claims"), py::arg("timeout") = py::none(),
             "Are the claim(s) in every extension? (Vacuously yes when there is none.)")
        .def("witness", extension_of(&ClaimSession::witness), py::arg("timeout") = py::none(),
             "The certificate of the last answer if nothing changed since: an extension holding the claims\n"
             "after a credulous yes, one without one of them after a skeptical no; else None.")
        .def("extension", extension_of(&ClaimSession::some_extension), py::arg("timeout") = py::none(),
             "One extension (claim ids in the order the claims were added), or None when there is none.")
        .def(
            "grounded_label",
            [](SessionState& s, const ClaimArg& claim) {
                const std::string id = claim_id(claim);
                return std::string(to_string(locked(s, [&](ClaimSession& x) { return x.grounded_label(id); })));
            },
            py::arg("claim"), "'in', 'out' or 'undec' in the grounded labelling (repaired below the changes).")
        .def_property_readonly("stats",
                               [](SessionState& s) {
                                   const Session::Stats st = locked(s, [](ClaimSession& x) { return x.stats(); });
                                   return py::dict(py::arg("questions") = st.questions,
                                                   py::arg("by_grounded") = st.by_grounded,
                                                   py::arg("by_kept") = st.by_kept,
                                                   py::arg("by_refutation") = st.by_refutation,
                                                   py::arg("encodings") = st.encodings,
                                                   py::arg("blocks_retired") = st.blocks_retired);
                               },
                               "Counters as a new dict: questions, by_grounded, by_kept, by_refutation, encodings,\n"
                               "blocks_retired (see docs/python.md).")
        .def("__repr__", [](SessionState& s) {
            const auto [claims, attacks] = locked(
                s, [](ClaimSession& x) { return std::pair(x.claim_count(), x.attack_count()); });
            return "<agon.Session (" + s.semantics + ", " + std::to_string(claims) + " claims, " +
                   std::to_string(attacks) + " attacks)>";
        });

    // g.session() and s.session(), as in Lua.
    for (const char* name : {"Graph", "Scenario"}) {
        py::object type = m.attr(name);
        type.attr("session") = py::cpp_function(
            [](const SubjectArg& self, const std::string& semantics) { return new_session(semantics, self); },
            py::name("session"), py::is_method(type), py::arg("semantics") = "preferred", kStartDoc);
    }
}

}  // namespace agon::python
