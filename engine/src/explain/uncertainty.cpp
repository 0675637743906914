// Reading uncertainty specifications for Monte Carlo robustness.
#include <nlohmann/json.hpp>

#include "agon/error.hpp"
#include "agon/explain.hpp"

namespace agon {

namespace {

[[noreturn]] void bad(const std::string& name, const std::string& message) {
    throw Error(ErrorKind::invalid_input, message, Location{name, 0, 0});
}

std::pair<double, double> range_of(const nlohmann::json& j, const std::string& name, const std::string& what,
                                   double max) {
    if (!j.is_array() || j.size() != 2 || !j[0].is_number() || !j[1].is_number())
        bad(name, what + " must be [low, high]");
    double lo = j[0].get<double>(), hi = j[1].get<double>();
    if (!(lo >= 0 && lo <= hi && hi <= max)) bad(name, what + " must satisfy 0 <= low <= high <= " + std::to_string(max));
    return {lo, hi};
}

}  // namespace

Uncertainty parse_uncertainty(const std::string& text, const std::string& name) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {  // syntax, or a number too large
        bad(name, std::string("invalid JSON: ") + e.what());
    }
    if (!doc.is_object()) bad(name, "expected a JSON object with \"claims\" and/or \"edges\"");
    Uncertainty u;
    if (auto it = doc.find("default_spread"); it != doc.end()) {
        if (!it->is_number() || *it < 0 || *it > 1) bad(name, "default_spread must be a number in [0,1]");
        u.default_spread = it->get<double>();
    }
    if (auto it = doc.find("claims"); it != doc.end()) {
        if (!it->is_object()) bad(name, "\"claims\" must be an object");
        for (const auto& [id, spec] : it->items()) {
            if (!spec.is_object()) bad(name, "claims." + id + " must be an object");
            if (auto b = spec.find("base"); b != spec.end()) u.base_range[id] = range_of(*b, name, "claims." + id + ".base", 1.0);
            if (auto p = spec.find("presence"); p != spec.end()) {
                if (!p->is_number() || *p < 0 || *p > 1) bad(name, "claims." + id + ".presence must be in [0,1]");
                u.presence[id] = p->get<double>();
            }
        }
    }
    if (auto it = doc.find("edges"); it != doc.end()) {
        if (!it->is_object()) bad(name, "\"edges\" must be an object");
        for (const auto& [id, spec] : it->items()) {
            if (!spec.is_object() || !spec.contains("weight")) bad(name, "edges." + id + " needs \"weight\": [low, high]");
            u.weight_range[id] = range_of(spec["weight"], name, "edges." + id + ".weight", 1e9);
        }
    }
    return u;
}

}  // namespace agon
