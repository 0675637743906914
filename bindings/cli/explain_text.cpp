#include "explain_text.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "agon/error.hpp"

namespace agon::cli {

std::string describe(const Input& in, std::uint32_t v) {
    std::string id = in.snapshot->id(v);
    if (!in.graph) return id;
    const std::string& text = in.graph->claims()[v].text;
    return text.empty() || text == id ? id : id + " (\"" + text + "\")";
}

std::uint32_t claim_index(const Input& in, const std::string& id, const std::string& file) {
    auto v = in.snapshot->index_of(id);
    if (!v) throw Error(ErrorKind::not_found, "no claim '" + id + "'", Location{file, 0, 0});
    return *v;
}

namespace {

// Claim ids as a JSON array.
nlohmann::ordered_json ids_json(const Input& in, const std::vector<std::uint32_t>& v) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (std::uint32_t x : v) out.push_back(in.snapshot->id(x));
    return out;
}

std::string label_word(Label l) {
    return l == Label::in ? "stands (in)" : l == Label::out ? "falls (out)" : "is undecided";
}

// The dispute tree below in-claim `c`, each attacker answered by its defender.
void tree(const Input& in, const std::map<std::uint32_t, std::uint32_t>& defender_of, std::uint32_t c, int depth,
          std::vector<char>& shown, std::ostringstream& os) {
    const std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
    auto attackers = in.snapshot->attackers().neighbours(c);
    if (attackers.empty()) {
        os << pad << "- " << in.snapshot->id(c) << " is not attacked by anything.\n";
        return;
    }
    if (shown[c]) {
        os << pad << "- " << in.snapshot->id(c) << " is defended as shown above.\n";
        return;
    }
    shown[c] = 1;
    for (std::uint32_t b : attackers) {
        auto it = defender_of.find(b);
        if (it == defender_of.end()) continue;
        os << pad << "- " << describe(in, b) << " attacks " << in.snapshot->id(c) << ", but it falls because "
           << describe(in, it->second) << " attacks it.\n";
        tree(in, defender_of, it->second, depth + 1, shown, os);
    }
}

}  // namespace

std::string grounded_why_text(const Input& in, const GroundedWhy& why) {
    std::ostringstream os;
    const std::uint32_t t = why.target;
    os << describe(in, t) << " " << label_word(why.label) << " under grounded semantics.\n";
    std::map<std::uint32_t, std::uint32_t> defender_of;
    for (auto [a, b] : why.defeats) defender_of.emplace(b, a);
    std::vector<char> shown(in.snapshot->size(), 0);
    if (why.label == Label::in) {
        os << "Every attack on it is answered:\n";
        tree(in, defender_of, t, 1, shown, os);
    } else if (why.label == Label::out) {
        std::uint32_t a = why.defeats.front().first;
        os << "It is attacked by " << describe(in, a) << ", which stands:\n";
        tree(in, defender_of, a, 1, shown, os);
    } else {
        os << "Nothing settles this conflict of claims attacking each other in a cycle:\n  ";
        for (std::uint32_t v : why.cycle) os << in.snapshot->id(v) << " -> ";
        os << in.snapshot->id(why.cycle.front()) << "\n";
        if (why.path.size() > 1) {
            os << "and the conflict reaches it through: ";
            for (std::size_t i = 0; i < why.path.size(); ++i) os << (i ? " -> " : "") << in.snapshot->id(why.path[i]);
            os << "\n";
        }
    }
    return os.str();
}

std::string grounded_why_json(const Input& in, const GroundedWhy& why) {
    nlohmann::ordered_json j;
    j["claim"] = in.snapshot->id(why.target);
    j["semantics"] = "grounded";
    j["label"] = std::string(to_string(why.label));
    nlohmann::ordered_json defeats = nlohmann::ordered_json::array();
    for (auto [a, b] : why.defeats) defeats.push_back({{"defender", in.snapshot->id(a)}, {"attacker", in.snapshot->id(b)}});
    j["defeats"] = defeats;
    j["cycle"] = ids_json(in, why.cycle);
    j["path"] = ids_json(in, why.path);
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

namespace {

std::string set_text(const Input& in, const Extension& e) {
    std::string out = "{";
    for (std::size_t i = 0; i < e.size(); ++i) out += (i ? ", " : "") + in.snapshot->id(e[i]);
    return out + "}";
}

}  // namespace

std::string extension_why_text(const Input& in, const std::string& semantics, const ExtensionWhy& why) {
    std::ostringstream os;
    const std::uint32_t t = why.target;
    os << describe(in, t);
    if (!why.has_extension) {
        os << ": there is no " << semantics << " extension at all, so nothing can stand together.\n";
        return os.str();
    }
    if (why.skeptical) os << " stands in every " << semantics << " extension (sceptically accepted).\n";
    else if (why.credulous) os << " stands in some " << semantics << " extensions but not in all (credulously accepted).\n";
    else os << " stands in no " << semantics << " extension.\n";
    if (why.witness) {
        os << "A position that holds it: " << set_text(in, *why.witness) << ".\n";
        if (why.defence.empty() && why.undefended.empty()) os << "Nothing attacks it.\n";
        else os << (why.undefended.empty() ? "Within that position every attack on it is answered:\n" : "Within that position:\n");
        for (auto [d, b] : why.defence)
            os << "  - " << describe(in, b) << " attacks it, and " << describe(in, d) << " attacks that.\n";
        for (std::uint32_t b : why.undefended)
            os << "  - " << describe(in, b) << " attacks it and is not answered (" << semantics
               << " positions need only be conflict-free).\n";
    }
    if (why.counter) {
        os << "A position without it: " << set_text(in, *why.counter) << (why.credulous ? ".\n" : " (no position holds it).\n");
        for (std::uint32_t b : in.snapshot->attackers().neighbours(t))
            if (std::binary_search(why.counter->begin(), why.counter->end(), b))
                os << "  - there " << describe(in, b) << " attacks it.\n";
    }
    return os.str();
}

std::string extension_why_json(const Input& in, const std::string& semantics, const ExtensionWhy& why) {
    nlohmann::ordered_json j;
    j["claim"] = in.snapshot->id(why.target);
    j["semantics"] = semantics;
    j["credulous"] = why.credulous;
    j["skeptical"] = why.skeptical;
    j["has_extension"] = why.has_extension;
    j["witness"] = why.witness ? ids_json(in, *why.witness) : nlohmann::ordered_json(nullptr);
    nlohmann::ordered_json defence = nlohmann::ordered_json::array();
    for (auto [d, b] : why.defence) defence.push_back({{"defender", in.snapshot->id(d)}, {"attacker", in.snapshot->id(b)}});
    j["defence"] = defence;
    j["undefended"] = ids_json(in, why.undefended);
    j["counter"] = why.counter ? ids_json(in, *why.counter) : nlohmann::ordered_json(nullptr);
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string attributions_text(const Input& in, std::uint32_t target, double value,
                              const std::vector<Attribution>& list, std::size_t top) {
    std::ostringstream os;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", value);
    os << describe(in, target) << " has strength " << buf << ".\n";
    if (list.empty()) {
        os << "No other claim influences it.\n";
        return os.str();
    }
    os << "What moves it most (removal: its strength minus its strength without the claim;\n"
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

std::string attributions_json(const Input& in, std::uint32_t target, const std::string& semantics, double value,
                              const std::vector<Attribution>& list) {
    nlohmann::ordered_json j;
    j["claim"] = in.snapshot->id(target);
    j["semantics"] = semantics;
    j["value"] = value;
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const auto& x : list)
        a.push_back({{"claim", in.snapshot->id(x.claim)}, {"removal", x.removal}, {"gradient", x.gradient}});
    j["attributions"] = a;
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Explanation explain_claim(const Input& in, std::uint32_t target, const Request& req, const Control& control,
                          bool json, std::size_t top) {
    Explanation x;
    x.involved.push_back(target);
    if (req.semantics == "grounded" && req.params.empty()) {
        GroundedWhy why = explain_grounded(*in.snapshot, target, control);
        x.text = json ? grounded_why_json(in, why) : grounded_why_text(in, why);
        for (auto [a, b] : why.defeats) x.involved.insert(x.involved.end(), {a, b});
        x.involved.insert(x.involved.end(), why.cycle.begin(), why.cycle.end());
        x.involved.insert(x.involved.end(), why.path.begin(), why.path.end());
    } else if (auto sem = extension_semantics_from_string(req.semantics); sem && req.params.empty()) {
        // Other extension semantics: a witness with the claim's defence, and a counter-extension.
        ExtensionWhy why = explain_extension(*in.snapshot, *sem, target, control);
        x.text = json ? extension_why_json(in, req.semantics, why) : extension_why_text(in, req.semantics, why);
        for (auto [d, b] : why.defence) x.involved.insert(x.involved.end(), {d, b});
        x.involved.insert(x.involved.end(), why.undefended.begin(), why.undefended.end());
    } else {
        // Gradual semantics: which claims move the target, by removal and by gradient.
        const Result& r = x.result.emplace(evaluate(*in.snapshot, req, control));
        double value = r.strength.empty()
                           ? (r.labels[target] == Label::in ? 1.0 : r.labels[target] == Label::out ? 0.0 : 0.5)
                           : r.strength[target];
        auto list = attributions(*in.snapshot, req, target, control);
        x.text = json ? attributions_json(in, target, req.semantics, value, list)
                      : attributions_text(in, target, value, list, top);
        for (std::size_t i = 0; i < list.size() && i < top; ++i)
            if (list[i].removal != 0 || list[i].gradient != 0) x.involved.push_back(list[i].claim);
    }
    return x;
}

std::string hinge_text(const Input& in, std::uint32_t target, const std::string& semantics, const std::string& status,
                       const HingeReport& h, std::uint32_t max_size, std::uint64_t max_evaluations) {
    std::ostringstream os;
    os << describe(in, target) << " is " << status << " under " << semantics << ".\n";
    if (h.sets.empty()) {
        if (h.exact)
            os << "Removing claims cannot change that: nothing that influences it can flip it.\n";
        else if (h.evaluations >= max_evaluations)
            os << "No set of fewer than " << h.at_least << " claims changes that (the search stopped after "
               << h.evaluations << " evaluations; raise --max-evaluations).\n";
        else
            os << "No set of up to " << max_size << " claims changes that: it does not hinge on a few claims"
               << " (try a larger --max-size).\n";
        return os.str();
    }
    os << "It hinges on " << (h.sets[0].size() == 1 ? "a single claim" : std::to_string(h.sets[0].size()) + " claims")
       << ": removing any one of these " << (h.sets[0].size() == 1 ? "claims" : "sets") << " changes it.\n";
    for (const auto& s : h.sets) {
        os << "  -";
        for (std::uint32_t v : s) os << " " << describe(in, v) << (s.size() > 1 ? ";" : "");
        os << "\n";
    }
    if (!h.exact) os << "(the search was cut off: there may be more sets of this size)\n";
    return os.str();
}

Control with_progress(Control control) {
    if (::isatty(2)) {
        control.progress = [](std::string_view stage, double fraction) {
            if (fraction < 0) return;
            std::fprintf(stderr, "\r%.*s %3d%%%s", static_cast<int>(stage.size()), stage.data(),
                         static_cast<int>(std::lround(fraction * 100)), fraction >= 1 ? "\n" : "");
            std::fflush(stderr);
        };
    }
    return control;
}

}  // namespace agon::cli
