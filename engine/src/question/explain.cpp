// The explanation policy, decided once for every face: a dispute tree for
// grounded, a witness and a counter-extension for the other extension
// semantics, attributions otherwise - each on the reading evaluate uses.
#include <algorithm>
#include <unordered_map>

#include "agon/question.hpp"
#include "given_answer.hpp"
#include "reading.hpp"

namespace agon {

namespace {

// Ids of the view's claims as reported: auxiliary claims become the edge they
// stand for; consecutive repeats (an auxiliary pair for one edge) collapse.
std::vector<std::string> reported(const AttackView& view, const std::vector<std::uint32_t>& claims) {
    std::vector<std::string> out;
    for (std::uint32_t v : claims) {
        std::string id = view.reported_id(v);
        if (out.empty() || out.back() != id) out.push_back(std::move(id));
    }
    return out;
}

// (defender, attacker) pairs as ids, each once. An attack e = x -> y with
// undercuts is read as x -> X -> Y -> y (X: "x is not accepted", Y: "e is
// active"), and its steps are reported as one step on e:
//   (Y, y) -> (e, y)   the attack stands and defeats y;
//   (z, Y) -> (z, e)   z undercuts it;
//   (X, Y) -> (d, e)   it is inactive because d defeats its source x (the
//                      pair (d, x) is in `sources`);
//   (x, X)             its source stands: no defeat of anything, dropped.
using Pairs = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
std::vector<Defeat> reported(const AttackView& view, const Pairs& pairs, const Pairs& sources) {
    std::vector<Defeat> out;
    std::unordered_map<std::uint32_t, std::uint32_t> defender_of;
    for (auto [d, b] : sources) defender_of.emplace(b, d);
    for (auto [d, b] : pairs) {
        if (view.negated_source(b)) continue;
        if (auto source = view.negated_source(d)) {
            auto answer = defender_of.find(*source);
            if (answer == defender_of.end()) continue;  // left unanswered (answer_sources)
            d = answer->second;
        }
        Defeat x{view.reported_id(d), view.reported_id(b)};
        const bool seen = std::any_of(out.begin(), out.end(), [&](const Defeat& y) {
            return y.defender == x.defender && y.attacker == x.attacker;
        });
        if (x.defender != x.attacker && !seen) out.push_back(std::move(x));
    }
    return out;
}

// The claims of an extension, without auxiliary claims.
std::vector<std::string> members(const AttackView& view, const Extension& e) {
    std::vector<std::string> out;
    for (std::uint32_t v : e)
        if (v < view.originals()) out.push_back(view.snapshot().id(v));
    return out;
}

// The attackers of every claim in `claims` (view indices), as reported ids.
void list_attackers(const AttackView& view, const std::vector<std::uint32_t>& claims, Explanation& why) {
    const Snapshot& s = view.snapshot();
    for (std::uint32_t c : claims) {
        std::string id = view.reported_id(c);
        if (std::any_of(why.attackers.begin(), why.attackers.end(), [&](const auto& p) { return p.first == id; }))
            continue;
        std::vector<std::string> list;
        for (std::uint32_t b : s.attackers().neighbours(c)) {
            std::string a = view.reported_id(b);
            if (a != id && std::find(list.begin(), list.end(), a) == list.end()) list.push_back(std::move(a));
        }
        why.attackers.emplace_back(std::move(id), std::move(list));
    }
}

void dispute_tree(const AttackView& view, const GroundedExplainer& grounded, std::uint32_t target,
                  const Control& control, Explanation& why) {
    const GroundedWhy g = grounded.why(target, control);
    why.kind = ExplanationKind::dispute_tree;
    why.label = g.label;
    why.defeats = reported(view, g.defeats, g.defeats);
    why.cycle = reported(view, g.cycle);
    why.path = reported(view, g.path);
    std::vector<std::uint32_t> in_claims{target};
    for (auto [d, b] : g.defeats) in_claims.push_back(d);
    list_attackers(view, in_claims, why);
}

// A defence pair (X, Y) answers the attack e that Y stands for by its source
// x not being accepted; reported() names it (d, e) for a member d of the
// witness defeating x. The defence lists only the target's attackers, so the
// pairs (d, x) are found here. A stage witness, only conflict-free, need not
// defeat x: e is then an attack it leaves unanswered.
Pairs answer_sources(const AttackView& view, const Extension& witness, ExtensionWhy& e) {
    const Snapshot& s = view.snapshot();
    Pairs sources;
    for (auto [d, b] : e.defence) {
        const auto source = view.negated_source(d);
        if (!source) continue;
        const auto in = s.attackers().neighbours(*source);
        auto defeater = std::find_if(in.begin(), in.end(), [&](std::uint32_t a) {
            return std::binary_search(witness.begin(), witness.end(), a);
        });
        if (defeater != in.end()) sources.emplace_back(*defeater, *source);
        else e.undefended.push_back(b);
    }
    return sources;
}

void witness(const AttackView& view, ExtensionSemantics sem, std::uint32_t target, const Control& control,
             Explanation& why) {
    ExtensionWhy e = explain_extension(view.snapshot(), sem, target, control);
    why.kind = ExplanationKind::extension_witness;
    why.credulous = e.credulous;
    why.skeptical = e.skeptical;
    why.has_extension = e.has_extension;
    if (e.witness) why.witness = members(view, *e.witness);
    if (e.counter) why.counter = members(view, *e.counter);
    const Pairs sources = e.witness ? answer_sources(view, *e.witness, e) : Pairs{};
    why.defence = reported(view, e.defence, sources);
    why.undefended = reported(view, e.undefended);
    list_attackers(view, {target}, why);
}

}  // namespace

const std::vector<std::string>& Explanation::attackers_of(std::string_view id) const {
    static const std::vector<std::string> none;
    for (const auto& [c, list] : attackers)
        if (c == id) return list;
    return none;
}

std::vector<std::string> Explanation::named(std::size_t attributions_shown) const {
    std::vector<std::string> out{claim};
    auto add = [&](const std::string& id) {
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    };
    for (const auto& d : defeats) add(d.defender), add(d.attacker);
    for (const auto& d : defence) add(d.defender), add(d.attacker);
    for (const auto* list : {&cycle, &path, &undefended})
        for (const auto& id : *list) add(id);
    if (counter)
        for (const auto& b : attackers_of(claim))
            if (std::find(counter->begin(), counter->end(), b) != counter->end()) add(b);
    for (std::size_t i = 0; i < attributions.size() && i < attributions_shown; ++i)
        if (attributions[i].removal != 0 || attributions[i].gradient != 0) add(attributions[i].claim);
    return out;
}

// What every explanation of one subject under one request shares. Held on
// the heap: the view points into the subject's snapshot, and the grounded
// explainer into the view's.
struct Explainer::State {
    State(const Subject& s, const Request& r, const Result* a, const Control& control)
        : subject(s), request(r), answer(a), reading(extension_reading(subject.snapshot(), request, control)) {
        if (reading.view && *reading.semantics == ExtensionSemantics::grounded)
            grounded.emplace(reading.view->snapshot(), control);
    }
    Subject subject;
    Request request;
    const Result* answer;  // evaluate(subject, request), held by the face; may be null
    Reading reading;
    std::optional<GroundedExplainer> grounded;
};

Explainer::Explainer(const Subject& subject, const Request& request, const Result* answer, const Control& control)
    : state_(std::make_unique<const State>(subject, request, answer, control)) {}
Explainer::~Explainer() = default;
Explainer::Explainer(Explainer&&) noexcept = default;
Explainer& Explainer::operator=(Explainer&&) noexcept = default;

Explanation Explainer::of(std::string_view claim, const Control& control) const {
    const State& st = *state_;
    const Snapshot& s = st.subject.snapshot();
    const std::uint32_t target = st.subject.claim(claim);
    if (st.answer) check_answer(*st.answer, s, target);
    const Reading& reading = st.reading;
    Explanation why;
    why.claim = std::string(claim);
    why.semantics = st.request.semantics;
    why.support = reading.mode;
    if (st.grounded) {
        dispute_tree(*reading.view, *st.grounded, target, control, why);
    } else if (reading.view) {
        witness(*reading.view, *reading.semantics, target, control, why);
    } else {
        // Gradual semantics, Carneades, evidential support: what moves the claim's value.
        why.kind = ExplanationKind::attributions;
        why.value = st.answer ? st.answer->value(target) : evaluate(s, st.request, control).value(target);
        why.attributions = attributions(st.subject, st.request, claim, control);
    }
    return why;
}

// One claim: its id is checked before the request is read, so that an unknown
// claim is reported as such whatever the parameters.
Explanation explain(const Subject& subject, const Request& request, std::string_view claim, const Control& control) {
    subject.claim(claim);
    return Explainer(subject, request, nullptr, control).of(claim, control);
}

Explanation explain(const Subject& subject, const Request& request, std::string_view claim, const Result& answer,
                    const Control& control) {
    check_answer(answer, subject.snapshot(), subject.claim(claim));
    return Explainer(subject, request, &answer, control).of(claim, control);
}

std::vector<Contribution> attributions(const Subject& subject, const Request& request, std::string_view claim,
                                       const Control& control) {
    return attributions(subject, request, claim, AttributionOptions{}, control);
}

std::vector<Contribution> attributions(const Subject& subject, const Request& request, std::string_view claim,
                                       const AttributionOptions& options, const Control& control) {
    const Snapshot& s = subject.snapshot();
    const std::uint32_t target = subject.claim(claim);
    std::vector<Contribution> out;
    for (const Attribution& a : attributions(s, request, target, control))
        out.push_back({s.id(a.claim), a.removal, a.gradient, std::nullopt});
    // Both games have the same players: the claims that can reach the target.
    if (out.empty() || out.size() > options.shapley_max_players) return out;
    for (const auto& [v, value] : shapley(s, request, target, control, options.shapley_max_players))
        for (Contribution& c : out)
            if (c.claim == s.id(v)) c.shapley = value;
    return out;
}

}  // namespace agon
