// Judging a round: the flow as a graph under a paradigm, evaluated, the
// standing offence of each side weighed.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "agon/question.hpp"
#include "agon/round.hpp"
#include "flow_index.hpp"
#include "judge.hpp"
#include "util/number_text.hpp"

namespace agon {

namespace {

// Whether the paradigm ignores a new-in-rebuttal claim or late answer made in `speech`.
bool ignored_new(const Paradigm& p, const SpeechSpec& speech) {
    return p.ignore_new == "all" || (p.ignore_new == "last" && speech.last);
}

// A paradigm's settings that no flow can fix: a ranking semantics or a
// threshold outside [0,1] would judge by numbers that are not strengths, and
// a role no format has (a typo: "final_focus") would drop a rule unnoticed.
void check_paradigm(const Round& round, const Paradigm& p) {
    require_strength_scale(p.semantics, "a judging paradigm");
    if (!(p.threshold >= 0 && p.threshold <= 1))
        throw Error(ErrorKind::invalid_input, p.name + ": threshold " + detail::exact_number(p.threshold) + " is outside [0,1]");
    std::set<std::string> roles{"last"};
    for (const SpeechSpec& s : round.format().speeches) roles.insert(s.role);
    for (const std::string& role : p.offence_in) {
        if (roles.count(role)) continue;
        // Not this format's: perhaps another's (read only then, not on every decision).
        for (const std::string& name : round_format_names())
            for (const SpeechSpec& s : builtin_round_format(name).speeches) roles.insert(s.role);
        if (!roles.count(role)) {
            std::string known;
            for (const std::string& r : roles) known += (known.empty() ? "" : ", ") + r;
            throw Error(ErrorKind::invalid_input,
                        p.name + ": offence_in names the role '" + role + "', which no format has (roles: " + known + ")");
        }
    }
}

// The weight of a standing impact: the paradigm's own, which must be a finite number 0 or more.
double weight_of(const Round& round, const Paradigm& p, const ArgumentState& a) {
    if (!p.weigh) return impact_weight(a.weighing);
    const double w = p.weigh(round, a);
    if (!(std::isfinite(w) && w >= 0))
        throw Error(ErrorKind::invalid_input, p.name + ": weigh gave " + detail::exact_number(w) + " for '" + a.id +
                                                  "'; a weight must be a finite number, 0 or more");
    return w;
}

// Whether `a` was carried into flowed speech `s` (made there or before, or extended into it).
bool carried_into(const Round& round, const detail::FlowIndex& ix, const ArgumentState& a, int s) {
    return s <= round.flowed(a.speech) ||
           std::find(a.extended_in.begin(), a.extended_in.end(), ix.speech(s)) != a.extended_in.end();
}

// Why the paradigm does not weigh offence `a`: not extended where it requires; "" when it does.
std::string offence_exclusion(const Round& round, const detail::FlowIndex& ix, const Paradigm& p,
                              const ArgumentState& a) {
    if (!a.offence) return {};
    for (int s = 0; s <= ix.last; ++s) {
        if (ix.side(s) != a.side) continue;
        const SpeechSpec& sp = ix.spec(s);
        const bool required = std::any_of(p.offence_in.begin(), p.offence_in.end(), [&](const std::string& role) {
            return role == sp.role || (role == "last" && sp.last);
        });
        if (required && !carried_into(round, ix, a, s)) return "it was not extended into the " + ix.speech(s);
    }
    return {};
}

// Why the paradigm leaves `a` out of the judged flow altogether; "" when it is in.
std::string exclusion(const Round& round, const detail::FlowIndex& ix, const Paradigm& p, const ArgumentState& a) {
    const SpeechSpec& made = *round.format().speech(a.speech);
    if (a.status == ArgStatus::new_in_rebuttal && ignored_new(p, made))
        return "it is new in the " + a.speech + ", where new arguments are not allowed";
    if (!a.offence && !p.sticky_defence && a.kind == MoveKind::attack) {
        int own_last = -1;
        for (int s = 0; s <= ix.last; ++s)
            if (ix.side(s) == a.side) own_last = s;
        if (!carried_into(round, ix, a, own_last)) return "defence must be extended, and it was not carried into the " + ix.speech(own_last);
    }
    if (p.keep && !p.keep(round, a)) return "the paradigm's own rule leaves it out";
    return {};
}

// The impacts each turn without weighing of its own takes over: those of what
// it turned, through turns of turns (a turn of a turn hands the impact back),
// every turned target, each impact once. Claims come in flow order, so a
// target's entry is ready before the turn's.
std::map<std::string, std::vector<const ArgumentState*>> taken_over(const Analysis& an) {
    std::map<std::string, std::vector<const ArgumentState*>> taken;
    for (const ArgumentState& a : an.arguments) {
        if (a.kind != MoveKind::turn || !a.weighing.empty()) continue;
        std::vector<const ArgumentState*>& out = taken[a.id];
        for (const std::string& t : a.targets) {
            const ArgumentState* target = an.find(t);
            auto inner = taken.find(t);
            for (const ArgumentState* x : inner != taken.end() ? inner->second : std::vector{target})
                if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
        }
    }
    return taken;
}

// The weight of standing offence `a`: its own impact, or for a turn that
// took impacts over, the sum of their weights (one turn of two disadvantages
// carries both).
double offence_weight(const Round& round, const Paradigm& p, const ArgumentState& a,
                      const std::map<std::string, std::vector<const ArgumentState*>>& taken) {
    auto it = taken.find(a.id);
    if (it == taken.end()) return weight_of(round, p, a);
    double sum = 0;
    for (const ArgumentState* impact : it->second) {
        ArgumentState seen = a;  // what `weigh` sees: the turn with the impact it took over
        seen.weighing = impact->weighing;
        sum += weight_of(round, p, seen);
    }
    return sum;
}

}  // namespace

const Verdict* Decision::find(std::string_view id) const { return detail::find_indexed(verdicts, index, id); }

Graph judged_graph(const Round& round, const Analysis& an, const Paradigm& p, std::vector<Verdict>* verdicts) {
    const detail::FlowIndex ix = detail::index_flow(round, an.after.empty() ? -1 : round.flowed(an.after));
    Graph g;
    g.set_title(round.motion);
    g.add_claim(Claim{"motion", round.motion, 0.5, ClaimKind::statement, {"motion"}, {}});
    std::set<std::string> counted, true_by_default;
    for (const ArgumentState& a : an.arguments) {
        Verdict v{a.id};
        const std::string out = exclusion(round, ix, p, a), unweighed = offence_exclusion(round, ix, p, a);
        v.excluded = out.empty() ? unweighed : out;
        v.counted = v.excluded.empty();
        // A turn left out of the last speeches is not weighed, but where defence
        // needs no extension it still answers what it turned (a conceded turn
        // takes out the disadvantage).
        const bool answers_still = out.empty() && !unweighed.empty() && a.kind == MoveKind::turn && p.sticky_defence;
        if (answers_still) v.excluded += "; it still answers the argument it turned";
        if (verdicts) verdicts->push_back(v);
        if (!v.counted && !answers_still) continue;
        counted.insert(a.id);
        const bool granted = a.status == ArgStatus::conceded || (p.dropped_is_true && a.status == ArgStatus::dropped);
        if (granted) true_by_default.insert(a.id);
        Claim c{a.id, a.text, granted ? 1.0 : a.base, ClaimKind::statement,
                {a.side, a.speech, std::string(to_string(a.kind))}, {{"speech", a.speech}, {"side", a.side}}};
        g.add_claim(std::move(c));
        if (a.offence && v.counted) {
            const bool pro = round.format().side(a.side)->stance > 0;
            g.add_edge(Edge{"", pro ? EdgeKind::support : EdgeKind::attack, a.id, "motion", 1.0});
        }
    }
    std::set<std::pair<std::string, std::string>> drawn;
    for (const detail::Answer& ans : ix.answers) {
        if (!counted.count(ans.by) || !counted.count(ans.target)) continue;
        if (!ans.support) {
            if (ans.late && ignored_new(p, ix.spec(ans.speech))) continue;
            if (true_by_default.count(ans.target)) continue;  // conceded, or dropped and so true
        }
        if (!drawn.insert({ans.by, ans.target}).second) continue;
        g.add_edge(Edge{"", ans.support ? EdgeKind::support : EdgeKind::attack, ans.by, ans.target, 1.0});
    }
    return g;
}

Decision decide(const Round& round, const Analysis& an, const Paradigm& p, const Control& control) {
    check_paradigm(round, p);
    Decision d;
    d.paradigm = p.name;
    const Graph g = judged_graph(round, an, p, &d.verdicts);
    for (std::size_t k = 0; k < d.verdicts.size(); ++k) d.index.emplace(d.verdicts[k].id, k);
    const auto taken = taken_over(an);
    const Result r = evaluate(g, Request{p.semantics, {}}, control);
    for (const auto& side : round.format().sides) d.totals[side.id] = 0;
    std::vector<std::pair<double, std::string>> standing;
    for (Verdict& v : d.verdicts) {
        // Every claim of the judged graph gets its verdict, also a turn kept
        // only to answer (not weighed): what it answers may fall to it.
        const auto i = g.claim_index(v.id);
        if (!i) continue;
        if (!r.labels.empty()) v.label = r.labels[*i];
        if (!r.strength.empty()) v.strength = r.strength[*i];
        v.stands = v.label ? *v.label == Label::in : *v.strength >= p.threshold;
        const ArgumentState& a = *an.find(v.id);
        if (!v.counted || !a.offence || !v.stands) continue;
        v.weight = offence_weight(round, p, a, taken) * (v.strength ? *v.strength : 1.0);
        d.totals[a.side] += v.weight;
        if (!std::isfinite(d.totals[a.side]))
            throw Error(ErrorKind::invalid_input, p.name + ": the weights of the " + round.format().side(a.side)->name +
                                                      "'s offence add up past the largest number (at '" + a.id +
                                                      "'); give weights of a sensible size");
        standing.emplace_back(v.weight, v.id);
    }
    const auto& sides = round.format().sides;
    const double a = d.totals[sides[0].id], b = d.totals[sides[1].id];
    d.winner = std::abs(a - b) < 1e-12 ? round.format().presumption : a > b ? sides[0].id : sides[1].id;
    std::stable_sort(standing.begin(), standing.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    for (const auto& [w, id] : standing)
        if (an.find(id)->side == d.winner) d.on.push_back(id);
    d.reasons = detail::reasons_for(round, an, p, d, g, r, control);
    return d;
}

}  // namespace agon
