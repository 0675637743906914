// The reason for decision in plain sentences, from the flow and from agon's
// explanations of the judged graph.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>

#include "agon/question.hpp"
#include "agon/round.hpp"
#include "judge.hpp"
#include "upstream.hpp"
#include "util/utf8.hpp"

namespace agon::detail {

namespace {

// Two decimals; large numbers (a paradigm's own weights) in exponent form,
// which always fits the buffer.
std::string number(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, std::abs(x) < 1e9 ? "%.2f" : "%.3g", x);
    return buf;
}

class Writer {
public:
    Writer(const Round& r, const Analysis& an, const Paradigm& p, const Decision& d, const Graph& g,
           const Result& answer, const Control& c)
        : r_(r), an_(an), p_(p), d_(d), c_(c), g_(g), answer_(answer), explainer_(g, Request{p.semantics, {}}, &answer, c) {
        if (!answer.strength.empty()) upstream_.emplace(g);
        for (const Edge& e : g.edges())
            if (e.kind == EdgeKind::attack) attacked_.insert(e.to);
        for (const Move& m : r.moves())
            if (m.kind == MoveKind::cross_apply)
                for (const std::string& t : m.targets) cross_applied_.emplace(std::pair{m.id, t}, m.speech);
    }

    std::vector<std::string> write() {
        outcome();
        for (const auto& id : d_.on) stands(*an_.find(id));
        for (const auto& a : an_.arguments)
            if (a.offence && a.side != d_.winner) loses(a);
        return out_;
    }

private:
    std::string side(const std::string& id) const { return "the " + r_.format().side(id)->name; }
    std::string other(const std::string& id) const {
        for (const auto& s : r_.format().sides)
            if (s.id != id) return side(s.id);
        return {};
    }
    static std::string capital(std::string s) {
        if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
        return s;
    }
    // “text” (id, 1AC), the text cut to a readable length.
    std::string cite(const std::string& id, const std::string& applied_in = "") const {
        const ArgumentState* a = an_.find(id);
        if (!a) return "“" + id + "”";
        std::string t = a->text.empty() ? a->id : a->text;
        if (utf8_chars(t) > 80) {  // cut at a space, or inside a long word at a character boundary
            const std::size_t keep = utf8_prefix(t, 77), space = t.rfind(' ', keep);
            t = t.substr(0, space != std::string::npos && space > 0 ? space : keep) + "...";
        }
        return "“" + t + "” (" + a->id + ", " + a->speech + (applied_in.empty() ? "" : "; cross-applied in the " + applied_in) + ")";
    }
    // The speech that cross-applied response `id` against `target`, or ""
    // when `id` was made against it: the RFD then names when it was applied.
    std::string cross_applied_in(const std::string& id, const std::string& target) const {
        const auto it = cross_applied_.find({id, target});
        const Move* made = r_.claim(id);
        if (it == cross_applied_.end() ||
            (made && std::find(made->targets.begin(), made->targets.end(), target) != made->targets.end()))
            return "";
        return it->second;
    }
    std::string weighed(const ArgumentState& a, const Verdict& v) const {
        std::string s = "it weighs " + number(v.weight);
        const Weighing& w = a.weighing;
        std::string parts;
        auto add = [&](const char* name, const std::optional<double>& x) {
            if (x) parts += (parts.empty() ? "" : ", ") + std::string(name) + " " + number(*x);
        };
        add("magnitude", w.magnitude);
        add("probability", w.probability);
        add("timeframe", w.timeframe);
        add("reversibility", w.reversibility);
        return parts.empty() ? s : s + " (" + parts + ")";
    }

    void outcome() {
        std::string rule = p_.dropped_is_true ? "dropped arguments are true" : "dropped arguments are weighed on their merits";
        std::string s = "Under the " + p_.name + " paradigm (" + p_.semantics + " semantics; " + rule + "), " +
                        side(d_.winner) + " wins";
        const auto& sides = r_.format().sides;
        const double w = d_.totals.at(d_.winner), l = d_.totals.at(sides[0].id == d_.winner ? sides[1].id : sides[0].id);
        if (w == 0 && l == 0) s += ": no offence stands for either side, so presumption decides.";
        else if (w - l < 1e-12) s += ": the weighed offence is level (" + number(w) + " each), so presumption decides.";
        else s += ", " + number(w) + " to " + number(l) + " on weighed offence.";
        out_.push_back(s);
    }

    // Why an argument the winner wins on stands.
    void stands(const ArgumentState& a) {
        const Verdict& v = *d_.find(a.id);
        std::string s;
        if (a.kind == MoveKind::turn) {
            std::string turned;
            for (std::size_t i = 0; i < a.targets.size(); ++i)
                turned += (i == 0 ? "" : i + 1 == a.targets.size() ? " and " : ", ") + cite(a.targets[i]);
            s = "In the " + a.speech + " " + side(a.side) + " turned " + other(a.side) + "'s " + turned + " with " +
                cite(a.id) + ", so " + (a.targets.size() > 1 ? "those arguments now count" : "that argument now counts") +
                " for " + side(a.side) + "; ";
        } else {
            s = capital(side(a.side)) + "'s " + cite(a.id) + " stands: ";
        }
        s += status_reason(a) + "; " + weighed(a, v) + ".";
        out_.push_back(s);
    }

    std::string status_reason(const ArgumentState& a) {
        const std::string them = other(a.side);
        switch (a.status) {
            case ArgStatus::dropped:
                return them + " dropped it in the " + a.dropped_in +
                       (p_.dropped_is_true ? ", and a dropped argument is true under this paradigm"
                        : attacked_in_judged(a.id) ? " and answered it only late"
                                                   : " and never answered it");
            case ArgStatus::conceded: return them + " conceded it in the " + a.conceded_in;
            case ArgStatus::open:  // judged part-way (--after), or made too late for an answer
                return them + (speaks_after(a) ? " has not answered it yet" : " had no speech left to answer it");
            default: break;
        }
        const Explanation why = explain_claim(a.id);
        if (why.kind == ExplanationKind::attributions) return strength(why, true);
        std::string s;
        for (const Defeat& d : why.kind == ExplanationKind::dispute_tree ? why.defeats : why.defence) {
            if (d.attacker == "motion" || d.defender == "motion") continue;
            if (!s.empty()) s += ", and ";
            s += "the answer " + cite(d.attacker) + " falls to " + cite(d.defender, cross_applied_in(d.defender, d.attacker));
        }
        return s.empty() ? "nothing standing answers it" : s;
    }

    // Whether anything attacks claim `id` in the judged flow (a late answer the paradigm heard).
    bool attacked_in_judged(const std::string& id) const { return attacked_.count(id) > 0; }

    // Whether the format gives the side against `a` a speech after the one that made it.
    bool speaks_after(const ArgumentState& a) const {
        const auto& speeches = r_.format().speeches;
        const int at = r_.format().order(a.speech);
        return at >= 0 && std::any_of(speeches.begin() + at + 1, speeches.end(),
                                      [&](const SpeechSpec& s) { return s.side != a.side; });
    }

    // agon's explanation of a claim of the judged graph under the paradigm's semantics.
    // Strengths (gradual semantics): the attributions on the claim's upstream
    // graph, the same numbers (upstream.hpp) at the cost of its own line of
    // argument (each attribution evaluates its graph 3 times a claim).
    Explanation explain_claim(const std::string& id) const {
        if (!upstream_) return explainer_.of(id, c_);
        Explanation why;
        why.claim = id;
        why.semantics = p_.semantics;
        why.kind = ExplanationKind::attributions;
        why.value = answer_.value(static_cast<std::uint32_t>(*g_.claim_index(id)));
        why.attributions = attributions(Subject(upstream_->of(id)), Request{p_.semantics, {}}, id, c_);
        return why;
    }

    // Its strength and the claim that moves it most the way the verdict went:
    // what holds up one that stands, what pulls down one too weak to stand.
    std::string strength(const Explanation& why, bool stands) const {
        std::string s = "its strength is " + number(why.value);
        for (const Contribution& c : why.attributions) {
            if (c.claim == "motion" || (stands ? c.removal <= 0 : c.removal >= 0)) continue;
            s += c.removal < 0 ? " (the answer " + cite(c.claim) + " takes " + number(-c.removal) + " off it)"
                               : " (" + cite(c.claim) + " adds " + number(c.removal) + ")";
            break;
        }
        return s;
    }

    // A turn of `a` that stands in the judged graph, or "": a turn that falls
    // is not why `a` falls.
    std::string standing_turn(const ArgumentState& a) const {
        for (const std::string& id : a.answered_by) {
            const ArgumentState* by = an_.find(id);
            const Verdict* v = d_.find(id);
            if (by && by->kind == MoveKind::turn && v && v->stands) return id;
        }
        return {};
    }

    // Why an argument of the losing side does not carry the round.
    void loses(const ArgumentState& a) {
        const Verdict& v = *d_.find(a.id);
        std::string s = capital(side(a.side)) + "'s " + cite(a.id);
        if (!v.counted) s += " is not weighed: " + v.excluded + ".";
        else if (v.stands) s += " stands, but " + weighed(a, v) + ", which is not enough.";
        else if (const std::string turn = standing_turn(a); !turn.empty())
            s += " was turned by " + cite(turn) + " and no longer counts for " + side(a.side) + ".";
        else if (const Explanation why = explain_claim(a.id); why.kind == ExplanationKind::attributions)
            s += " is too weak to stand: " + strength(why, false) + ".";
        else if (why.kind == ExplanationKind::dispute_tree && why.label == Label::out && !why.defeats.empty())
            s += " falls to " + cite(why.defeats.front().defender) + ", which stands.";
        else if (why.kind == ExplanationKind::dispute_tree && why.label == Label::undec)
            s += " is left undecided: its answers and counter-answers form a cycle nothing settles.";
        else
            s += " is not accepted under " + p_.semantics + " semantics.";
        out_.push_back(s);
    }

    const Round& r_;
    const Analysis& an_;
    const Paradigm& p_;
    const Decision& d_;
    const Control& c_;
    const Graph& g_;
    const Result& answer_;
    // One for every claim explained, and the claims attacked in the judged
    // graph: asking the graph anew for each claim made long rounds quadratic.
    const Explainer explainer_;
    std::optional<Upstream> upstream_;  // strengths only: read by explain_claim
    std::set<std::string, std::less<>> attacked_;
    std::map<std::pair<std::string, std::string>, std::string> cross_applied_;  // (response, target) -> first speech applying it
    std::vector<std::string> out_;
};

}  // namespace

std::vector<std::string> reasons_for(const Round& round, const Analysis& analysis, const Paradigm& paradigm,
                                     const Decision& decision, const Graph& judged, const Result& answer,
                                     const Control& control) {
    return Writer(round, analysis, paradigm, decision, judged, answer, control).write();
}

}  // namespace agon::detail
