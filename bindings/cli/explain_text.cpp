#include "explain_text.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

namespace agon::cli {

std::string describe(const Input& in, const std::string& id) {
    if (!in.graph) return id;
    if (const Claim* c = in.graph->find_claim(id))
        return c->text.empty() || c->text == id ? id : id + " (\"" + c->text + "\")";
    if (const Edge* e = in.graph->find_edge(id))
        return "the " + std::string(to_string(e->kind)) + " " + id + " (" + e->from + " on " + e->to + ")";
    return id;
}

namespace {

std::string label_word(Label l) {
    return l == Label::in ? "stands (in)" : l == Label::out ? "falls (out)" : "is undecided";
}

std::string set_text(const std::vector<std::string>& ids) {
    std::string out = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + ids[i];
    return out + "}";
}

// How `defender` answers `attacker`: it attacks it (a claim, or an attack edge
// it undercuts), or it defeats the source of the attack edge `attacker`.
std::string answer(const Input& in, const std::string& attacker, const std::string& defender) {
    const Edge* e = in.graph ? in.graph->find_edge(attacker) : nullptr;
    const bool undercut = e && std::any_of(in.graph->edges().begin(), in.graph->edges().end(), [&](const Edge& u) {
        return u.kind == EdgeKind::undercut && u.from == defender && u.to == attacker;
    });
    return describe(in, defender) + (e && !undercut ? " attacks its source" : " attacks it");
}

// The dispute tree below in-claim `c`, each attacker answered by its defender.
void tree(const Input& in, const Explanation& why, const std::map<std::string, std::string>& defender_of,
          const std::string& c, int depth, std::set<std::string>& shown, std::ostringstream& os) {
    const std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
    const auto& attackers = why.attackers_of(c);
    if (attackers.empty()) {
        os << pad << "- " << c << " is not attacked by anything.\n";
        return;
    }
    if (!shown.insert(c).second) {
        os << pad << "- " << c << " is defended as shown above.\n";
        return;
    }
    for (const std::string& b : attackers) {
        auto it = defender_of.find(b);
        if (it == defender_of.end()) continue;
        os << pad << "- " << describe(in, b) << " attacks " << c << ", but it falls because "
           << answer(in, b, it->second) << ".\n";
        tree(in, why, defender_of, it->second, depth + 1, shown, os);
    }
}

std::string dispute_tree_text(const Input& in, const Explanation& why) {
    std::ostringstream os;
    os << describe(in, why.claim) << " " << label_word(why.label) << " under grounded semantics";
    os << (why.support == SupportMode::none ? "" : " (supports read as " + std::string(to_string(why.support)) + ")")
       << ".\n";
    std::map<std::string, std::string> defender_of;
    for (const auto& d : why.defeats) defender_of.emplace(d.attacker, d.defender);
    std::set<std::string> shown;
    if (why.label == Label::in) {
        os << "Every attack on it is answered:\n";
        tree(in, why, defender_of, why.claim, 1, shown, os);
    } else if (why.label == Label::out) {
        const std::string& a = why.defeats.front().defender;
        os << "It is attacked by " << describe(in, a) << ", which stands:\n";
        tree(in, why, defender_of, a, 1, shown, os);
    } else {
        os << "Nothing settles this conflict of claims attacking each other in a cycle:\n  ";
        for (const auto& v : why.cycle) os << v << " -> ";
        if (!why.cycle.empty()) os << why.cycle.front();
        os << "\n";
        if (why.path.size() > 1) {
            os << "and the conflict reaches it through: ";
            for (std::size_t i = 0; i < why.path.size(); ++i) os << (i ? " -> " : "") << why.path[i];
            os << "\n";
        }
    }
    return os.str();
}

std::string witness_text(const Input& in, const Explanation& why) {
    std::ostringstream os;
    const std::string& semantics = why.semantics;
    os << describe(in, why.claim);
    if (!why.has_extension) {
        os << ": there is no " << semantics << " extension at all, so nothing can stand together.\n";
        return os.str();
    }
    if (why.skeptical) os << " stands in every " << semantics << " extension (sceptically accepted).\n";
    else if (why.credulous) os << " stands in some " << semantics << " extensions but not in all (credulously accepted).\n";
    else os << " stands in no " << semantics << " extension.\n";
    if (why.witness) {
        os << "A position that holds it: " << set_text(*why.witness) << ".\n";
        if (why.defence.empty() && why.undefended.empty()) os << "Nothing attacks it.\n";
        else os << (why.undefended.empty() ? "Within that position every attack on it is answered:\n" : "Within that position:\n");
        for (const auto& d : why.defence)
            os << "  - " << describe(in, d.attacker) << " attacks " << why.claim << ", but it falls because "
               << answer(in, d.attacker, d.defender) << ".\n";
        for (const auto& b : why.undefended)
            os << "  - " << describe(in, b) << " attacks it and is not answered (" << semantics
               << " positions need only be conflict-free).\n";
    }
    if (why.counter) {
        os << "A position without it: " << set_text(*why.counter) << (why.credulous ? ".\n" : " (no position holds it).\n");
        const auto held = [&](const std::string& id) {
            return std::find(why.counter->begin(), why.counter->end(), id) != why.counter->end();
        };
        for (const auto& b : why.attackers_of(why.claim)) {
            if (held(b)) {
                os << "  - there " << describe(in, b) << " attacks it.\n";
                continue;
            }
            // An attack edge that an undercut may aim at is named by its id:
            // it stands there when its source does and no undercutter of it.
            const Edge* e = in.graph ? in.graph->find_edge(b) : nullptr;
            if (!e || !held(e->from)) continue;
            const bool undercut = std::any_of(in.graph->edges().begin(), in.graph->edges().end(), [&](const Edge& u) {
                return u.kind == EdgeKind::undercut && u.to == b && held(u.from);
            });
            if (!undercut) os << "  - there " << describe(in, e->from) << " attacks it (" << b << ").\n";
        }
    }
    return os.str();
}

std::string attributions_text(const Input& in, const Explanation& why, std::size_t top) {
    std::ostringstream os;
    char buf[64];
    // Carneades and evidential support give labels, explained here by the
    // label's value (in 1, undecided 0.5, out 0): no strength to speak of.
    const bool labels = gives_labels(why.semantics);
    const char* what = labels ? "label value" : "strength";
    std::snprintf(buf, sizeof buf, "%.4f", why.value);
    if (labels)
        os << describe(in, why.claim) << " is "
           << (why.value == 1 ? "in" : why.value == 0 ? "out" : "undecided") << " (label value " << buf
           << ": in 1, undecided 0.5, out 0).\n";
    else
        os << describe(in, why.claim) << " has strength " << buf << ".\n";
    const auto& list = why.attributions;
    if (list.empty()) {
        os << "No other claim influences it.\n";
        return os.str();
    }
    os << "What moves it most (removal: its " << what << " minus its " << what
       << " without the claim;\n"
          "gradient: change per unit of the claim's base score):\n";
    std::snprintf(buf, sizeof buf, "  %9s %9s  %s\n", "removal", "gradient", "claim");
    os << buf;
    for (std::size_t i = 0; i < list.size() && i < top; ++i) {
        std::snprintf(buf, sizeof buf, "  %+9.4f %+9.4f  ", list[i].removal, list[i].gradient);
        os << buf << describe(in, list[i].claim) << "\n";
    }
    if (list.size() > top) os << "  ... and " << list.size() - top << " more (use --json for all)\n";
    return os.str();
}

}  // namespace

std::string explanation_text(const Input& in, const Explanation& why, std::size_t top) {
    switch (why.kind) {
        case ExplanationKind::dispute_tree: return dispute_tree_text(in, why);
        case ExplanationKind::extension_witness: return witness_text(in, why);
        case ExplanationKind::attributions: return attributions_text(in, why, top);
    }
    return "";
}

std::string hinge_text(const Input& in, const Hinge& h, const HingeOptions& options) {
    std::ostringstream os;
    char strength[96];
    std::snprintf(strength, sizeof strength, "%s %g (its strength is %.4f)", h.strength >= h.threshold ? "at or above" : "below",
                  h.threshold, h.strength);
    os << describe(in, h.claim) << " is " << (h.label ? std::string(to_string(*h.label)) : strength) << " under "
       << h.semantics << ".\n";
    if (h.sets.empty()) {
        if (h.exact)
            os << "Removing claims cannot change that: nothing that influences it can flip it.\n";
        else if (h.evaluations >= options.max_evaluations)
            os << "No set of fewer than " << h.at_least << " claims changes that (the search stopped after "
                      << h.evaluations << " evaluations; raise --max-evaluations).\n";
        else
            os << "No set of up to " << options.max_size << " claims changes that: it does not hinge on a few claims"
                      << " (try a larger --max-size).\n";
        return os.str();
    }
    // A set of two or more claims is removed whole: its claims are joined by "+".
    const bool one_set = h.sets.size() == 1, single = h.sets[0].size() == 1;
    const std::string size = std::to_string(h.sets[0].size());
    std::string which;
    if (one_set && single) which = "one claim: removing it";
    else if (one_set) which = size + " claims together: removing " + (size == "2" ? "both" : "all " + size);
    else if (single) which = "any one of these claims: removing it";
    else which = "any one of these sets of " + size + " claims: removing a whole set";
    os << "It hinges on " << which << " would change that.\n";
    for (const auto& s : h.sets) {
        os << "  -";
        for (std::size_t i = 0; i < s.size(); ++i) os << (i ? " + " : " ") << describe(in, s[i]);
        os << "\n";
    }
    if (!h.exact) os << "(the search was cut off: there may be more sets of this size)\n";
    return os.str();
}

}  // namespace agon::cli
