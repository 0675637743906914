// Carneades proof standards (docs/semantics.md §5, docs/formats.md §1): Gordon, Prakken
// & Walton 2007 (AIJ 171); Gordon & Walton 2009; the Carneades 3 and 4 engines.
//
// Two readings of a graph:
//  - a native graph: every support edge is a one-premise pro argument and
//    every attack edge a con argument for its target; claims without incoming
//    arguments are assumptions (in when base >= assume_threshold); a claim is
//    decided by its proof standard once all its arguments are decided;
//  - a Carneades graph (imported from YAML: argument claims, issues as tags):
//    the CAES evaluation of Carneades 4 - weighing functions, issues resolved
//    by their proof standard, undecided statements left where cycles block.
#include <algorithm>
#include <map>
#include <set>

#include "agon/error.hpp"
#include "io/carneades_terms.hpp"
#include "registry.hpp"

namespace agon::detail {

namespace {

struct Thresholds {
    bool c4 = false;
    double alpha = 0.5, beta = 0.3, gamma = 0.2;
};

std::string tag_value(const Snapshot& s, std::uint32_t v, std::string_view prefix) {
    for (const auto& t : s.tags(v))
        if (t.rfind(prefix, 0) == 0) return t.substr(prefix.size());
    return "";
}

std::string lower(std::string x) {
    for (char& c : x) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return x;
}

// The standard of proof for a claim given the best pro and con weights.
bool met(const std::string& standard, const Thresholds& t, double bp, double bc, int n_pro, int n_con) {
    if (standard == "se") return n_pro > 0;
    if (standard == "dv") return n_pro > 0 && n_con == 0;
    if (t.c4) {
        if (standard == "pe") return bp > 0 && bp > bc;
        if (standard == "cce") return bp > 0 && bp > bc && bp - bc > t.alpha;
        if (standard == "brd") return bp > 0 && bp > bc && bp - bc > t.alpha && bc < t.beta;
    } else {
        if (standard == "pe") return bp > bc;
        if (standard == "cce") return bp > bc && bp > t.alpha && bp - bc > t.beta;
        if (standard == "brd") return bp > bc && bp > t.alpha && bp - bc > t.beta && bc < t.gamma;
    }
    throw Error(ErrorKind::usage, "unknown proof standard '" + standard + "' (se, dv, pe, cce or brd)");
}

// Native graphs: one-premise arguments on the edges.
std::vector<Label> native(const Snapshot& s, const std::string& standard, const Thresholds& t, double assume,
                          const Control& control) {
    const std::uint32_t n = s.size();
    std::vector<Label> label(n, Label::undec);
    for (std::uint32_t v = 0; v < n; ++v)
        if (s.attackers().degree(v) == 0 && s.supporters().degree(v) == 0)
            label[v] = s.base(v) >= assume ? Label::in : Label::out;
    // applicable(e): its premise is in and no undercut of it is applicable;
    // returns nullopt while something it depends on is undecided.
    auto applicable = [&](std::uint32_t e, auto&& self) -> std::optional<bool> {
        const Label premise = label[s.edge_from(e)];
        if (premise == Label::undec) return std::nullopt;
        bool undercut = false;
        for (std::uint32_t u : s.undercutters().edge_ids(e)) {
            auto a = self(u, self);
            if (!a) return std::nullopt;
            undercut |= *a;
        }
        return premise == Label::in && !undercut;
    };
    for (bool changed = true; changed;) {
        control.check();
        changed = false;
        for (std::uint32_t v = 0; v < n; ++v) {
            if (label[v] != Label::undec) continue;
            double bp = 0, bc = 0;
            int n_pro = 0, n_con = 0;
            bool decided = true;
            for (std::uint32_t e : s.supporters().edge_ids(v)) {
                auto a = applicable(e, applicable);
                if (!a) decided = false;
                else if (*a) bp = std::max(bp, s.edge_weight(e)), ++n_pro;
            }
            for (std::uint32_t e : s.attackers().edge_ids(v)) {
                auto a = applicable(e, applicable);
                if (!a) decided = false;
                else if (*a) bc = std::max(bc, s.edge_weight(e)), ++n_con;
            }
            if (!decided) continue;
            const std::string own = lower(tag_value(s, v, "standard:"));
            label[v] = met(own.empty() ? standard : own, t, bp, bc, n_pro, n_con) ? Label::in : Label::out;
            changed = true;
        }
    }
    return label;
}

// A criteria weighing (multi-criteria decision analysis) from the `criteria`
// attribute the Carneades reader writes (io/carneades_weighing.hpp), which the
// snapshot hands over as `criteria:LINE` tags.
struct Criteria {
    std::vector<std::uint32_t> hard;  // premises that must not be out
    struct Soft {
        std::string property;
        double factor = 0;
        std::map<std::string, double> values;
    };
    std::vector<Soft> soft;
};

Criteria criteria_of(const Snapshot& s, std::uint32_t v) {
    Criteria c;
    std::map<std::string, std::size_t> at;
    auto soft = [&](const std::string& property) -> Criteria::Soft& {
        auto [it, fresh] = at.emplace(property, c.soft.size());
        if (fresh) c.soft.push_back({property, 0, {}});
        return c.soft[it->second];
    };
    for (const auto& t : s.tags(v)) {
        if (t.rfind("criteria:hard:", 0) == 0) {
            if (auto p = s.index_of(std::string_view(t).substr(14))) c.hard.push_back(*p);
        } else if (t.rfind("criteria:soft:", 0) == 0) {
            const std::string rest = t.substr(14);
            const auto colon = rest.rfind(':');
            soft(rest.substr(0, colon)).factor = std::strtod(rest.c_str() + colon + 1, nullptr);
        } else if (t.rfind("criteria:value:", 0) == 0) {
            const std::string rest = t.substr(15);
            const auto colon = rest.find(':'), eq = rest.rfind('=');
            if (colon == std::string::npos || eq == std::string::npos || eq < colon) continue;
            soft(rest.substr(0, colon)).values[rest.substr(colon + 1, eq - colon - 1)] = std::strtod(rest.c_str() + eq + 1, nullptr);
        }
    }
    return c;
}

// Carneades graphs: the CAES evaluation of Carneades 4.
std::vector<Label> caes(const Snapshot& s, const Thresholds& t, const Control& control) {
    const std::uint32_t n = s.size();
    struct Arg {
        std::uint32_t node = 0, conclusion = 0, edge = 0;
        std::vector<std::uint32_t> premises, undercutters;
        std::string weighing = "linked";
        double constant = 1.0;
        Criteria criteria;
    };
    std::vector<Arg> args;
    std::vector<std::vector<std::size_t>> args_for(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        if (s.kind(v) != ClaimKind::argument) continue;
        auto out = s.supported().edge_ids(v);
        if (out.empty()) continue;  // an argument without a conclusion decides nothing
        Arg a;
        a.node = v;
        a.edge = out[0];
        a.conclusion = s.edge_to(a.edge);
        a.constant = s.edge_weight(a.edge);
        for (std::uint32_t p : s.supporters().neighbours(v)) a.premises.push_back(p);
        for (std::uint32_t u : s.undercutters().neighbours(a.edge)) a.undercutters.push_back(u);
        const std::string w = tag_value(s, v, "weighing:");
        if (!w.empty()) a.weighing = w;
        // A preference rank comes from the reader's attribute (older graphs kept it as the edge weight).
        if (const std::string rank = tag_value(s, v, "preference:"); a.weighing == "preference" && !rank.empty())
            a.constant = std::strtod(rank.c_str(), nullptr);
        if (a.weighing == "criteria") a.criteria = criteria_of(s, v);
        args_for[a.conclusion].push_back(args.size());
        args.push_back(std::move(a));
    }
    std::map<std::string, std::vector<std::uint32_t>> issues;
    std::vector<std::string> issue_of(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        issue_of[v] = tag_value(s, v, "issue:");
        if (!issue_of[v].empty()) issues[issue_of[v]].push_back(v);
    }
    std::vector<Label> label(n, Label::undec);
    for (std::uint32_t v = 0; v < n; ++v)
        for (const auto& tag : s.tags(v))
            if (tag == "assumed") label[v] = Label::in;
    for (const auto& [id, positions] : issues) {
        const bool settled = std::any_of(positions.begin(), positions.end(), [&](std::uint32_t p) { return label[p] == Label::in; });
        if (settled)
            for (std::uint32_t p : positions)
                if (label[p] == Label::undec) label[p] = Label::out;
    }
    // Distinct premises over all arguments of all positions of an issue (factorized weighing).
    auto factor_base = [&](const Arg& a) {
        std::set<std::uint32_t> premises;
        const std::string& issue = issue_of[a.conclusion];
        const std::vector<std::uint32_t> targets = issue.empty() ? std::vector<std::uint32_t>{a.conclusion} : issues[issue];
        for (std::uint32_t c : targets)
            for (std::size_t k : args_for[c]) premises.insert(args[k].premises.begin(), args[k].premises.end());
        return static_cast<double>(std::max<std::size_t>(1, premises.size()));
    };
    // The value of `property` an argument's premises give (Carneades'
    // PropertyValue): the object of the premise with that predicate when it is
    // in, else of the position in of that premise's issue.
    auto property_value = [&](const Arg& a, const std::string& property) -> std::optional<std::string> {
        auto object = [&](std::uint32_t v) -> std::optional<std::string> {
            auto t = carneades_io::read_term(s.id(v));
            return t ? carneades_io::object(*t) : std::nullopt;
        };
        for (std::uint32_t p : a.premises) {
            auto t = carneades_io::read_term(s.id(p));
            if (!t || carneades_io::predicate(*t) != property) continue;
            if (label[p] == Label::in) return carneades_io::object(*t);
            if (issue_of[p].empty()) continue;
            for (std::uint32_t q : issues[issue_of[p]])
                if (label[q] == Label::in) return object(q);
        }
        return std::nullopt;
    };
    auto criteria_weight = [&](const Arg& a) {
        for (std::uint32_t p : a.criteria.hard)
            if (label[p] == Label::out) return 0.0;
        double sum = 0, weight = 0;
        for (const auto& c : a.criteria.soft) sum += c.factor;
        for (const auto& c : a.criteria.soft) {
            const auto v = property_value(a, c.property);
            if (!v) return 0.0;
            auto it = c.values.find(*v);
            if (it != c.values.end() && sum > 0) weight += c.factor / sum * it->second;
        }
        return weight;
    };
    struct State {
        Label undercut;
        bool applicable;
        double weight;
    };
    auto state_of = [&](const Arg& a) {
        State st{Label::out, false, 0.0};
        for (std::uint32_t u : a.undercutters) {
            if (label[u] == Label::in) st.undercut = Label::in;
            else if (label[u] == Label::undec && st.undercut != Label::in) st.undercut = Label::undec;
        }
        std::size_t in = 0, out = 0, undec = 0;
        for (std::uint32_t p : a.premises) {
            in += label[p] == Label::in;
            out += label[p] == Label::out;
            undec += label[p] == Label::undec;
        }
        st.applicable = st.undercut == Label::in || (st.undercut == Label::out && undec == 0);
        if (st.undercut == Label::in || !st.applicable) return st;
        const auto total = static_cast<double>(a.premises.size());
        if (a.weighing == "convergent") st.weight = a.premises.empty() || in > 0 ? 1.0 : 0.0;
        else if (a.weighing == "cumulative") st.weight = a.premises.empty() ? 1.0 : static_cast<double>(in) / total;
        else if (a.weighing == "factorized") st.weight = out > 0 ? 0.0 : static_cast<double>(in) / factor_base(a);
        else if (a.weighing == "constant" || a.weighing == "preference") st.weight = out == 0 ? a.constant : 0.0;
        else if (a.weighing == "criteria") st.weight = criteria_weight(a);
        else st.weight = out == 0 ? 1.0 : 0.0;  // linked
        return st;
    };
    auto greater = [&](const std::string& standard, double w1, double w2) {
        if (standard == "CCE") return w1 > w2 && w1 - w2 > t.alpha;
        if (standard == "BRD") return w1 > w2 && w1 - w2 > t.alpha && w2 < t.beta;
        return w1 > w2;
    };
    for (bool changed = true; changed;) {
        control.check();
        changed = false;
        for (std::uint32_t v = 0; v < n; ++v) {
            if (label[v] != Label::undec || s.kind(v) == ClaimKind::argument) continue;
            bool unsupported = true, supported = false;
            for (std::size_t k : args_for[v]) {
                const State st = state_of(args[k]);
                unsupported &= st.applicable && st.weight <= 0;
                supported |= st.applicable && st.weight > 0;
            }
            if (unsupported) {
                label[v] = Label::out;
                changed = true;
                continue;
            }
            if (issue_of[v].empty()) {
                if (supported) {
                    label[v] = Label::in;
                    changed = true;
                }
                continue;
            }
            const auto& positions = issues[issue_of[v]];
            bool ready = true;
            for (std::uint32_t p : positions)
                for (std::size_t k : args_for[p]) {
                    const State st = state_of(args[k]);
                    ready &= st.undercut == Label::in || st.applicable;
                }
            if (!ready) continue;
            std::vector<double> best(positions.size(), 0.0);
            for (std::size_t i = 0; i < positions.size(); ++i)
                for (std::size_t k : args_for[positions[i]]) best[i] = std::max(best[i], state_of(args[k]).weight);
            std::optional<std::size_t> winner;
            for (std::size_t i = 0; i < positions.size() && !winner; ++i) {
                if (best[i] <= 0) continue;
                const std::string standard = tag_value(s, positions[i], "standard:");
                bool beats_all = true;
                for (std::size_t j = 0; j < positions.size(); ++j)
                    if (j != i) beats_all &= greater(standard, best[i], best[j]);
                if (beats_all) winner = i;
            }
            for (std::size_t i = 0; i < positions.size(); ++i) {
                const Label l = winner && *winner == i ? Label::in : Label::out;
                if (label[positions[i]] == Label::undec) {
                    label[positions[i]] = l;
                    changed = true;
                }
            }
        }
    }
    // Arguments: in when they apply with weight, out when decided otherwise.
    for (const Arg& a : args) {
        const State st = state_of(a);
        label[a.node] = st.applicable ? (st.weight > 0 ? Label::in : Label::out) : Label::undec;
    }
    return label;
}

bool carneades_graph(const Snapshot& s) {
    for (std::uint32_t v = 0; v < s.size(); ++v) {
        if (s.kind(v) == ClaimKind::argument) return true;
        for (const auto& t : s.tags(v))
            if (t.rfind("issue:", 0) == 0 || t == "format:carneades") return true;
    }
    return false;
}

}  // namespace

Result carneades(const Snapshot& s, const Request& req, const Control& control) {
    req.only({"standard", "variant", "alpha", "beta", "gamma", "assume_threshold", "support"});
    const std::string variant = req.text("variant", "carneades3");
    if (variant != "carneades3" && variant != "carneades4")
        throw Error(ErrorKind::usage, "parameter variant=" + variant + " is not carneades3 or carneades4");
    Thresholds t;
    t.c4 = variant == "carneades4";
    t.alpha = req.number("alpha", 0.5, 0, 1);
    t.beta = req.number("beta", t.c4 ? 0.3 : 0.3, 0, 1);
    t.gamma = req.number("gamma", 0.2, 0, 1);
    if (!t.c4 && !req.params.count("beta") && lower(req.text("standard", "pe")) == "brd") t.beta = 0.5;
    const std::string standard = lower(req.text("standard", "pe"));
    met(standard, t, 0, 0, 0, 0);  // validates the name
    Result r;
    if (carneades_graph(s)) {
        // Carneades 4 thresholds for issues unless overridden.
        Thresholds c4;
        c4.c4 = true;
        c4.alpha = req.number("alpha", 0.5, 0, 1);
        c4.beta = req.number("beta", 0.3, 0, 1);
        r.method = "caes";
        r.labels = caes(s, c4, control);
    } else {
        r.method = "proof standards";
        r.labels = native(s, standard, t, req.number("assume_threshold", 0.5, 0, 1), control);
    }
    return r;
}

}  // namespace agon::detail
