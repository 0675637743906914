// Reading uncertainty specifications for Monte Carlo robustness.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>

#include "agon/error.hpp"
#include "agon/explain.hpp"
#include "io/json_document.hpp"

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

// A misspelled key would be ignored without a word, and its spread with it.
void only_keys(const nlohmann::json& object, std::initializer_list<const char*> keys, const std::string& name,
               const std::string& where) {
    for (const auto& [key, value] : object.items()) {
        if (std::find(keys.begin(), keys.end(), std::string_view(key)) != keys.end()) continue;
        std::string list;
        for (const char* k : keys) list += std::string(list.empty() ? "" : ", ") + k;
        bad(name, "unknown key \"" + key + "\"" + where + " (expected " + list + ")");
    }
}

}  // namespace

Uncertainty parse_uncertainty(const std::string& text, const std::string& name) {
    const nlohmann::json doc = detail::parse_json_document(text, name, 64);
    if (!doc.is_object()) bad(name, "expected a JSON object with \"claims\" and/or \"edges\"");
    only_keys(doc, {"default_spread", "claims", "edges"}, name, "");
    Uncertainty u;
    if (auto it = doc.find("default_spread"); it != doc.end()) {
        if (!it->is_number() || *it < 0 || *it > 1) bad(name, "default_spread must be a number in [0,1]");
        u.default_spread = it->get<double>();
    }
    if (auto it = doc.find("claims"); it != doc.end()) {
        if (!it->is_object()) bad(name, "\"claims\" must be an object");
        for (const auto& [id, spec] : it->items()) {
            if (!spec.is_object()) bad(name, "claims." + id + " must be an object");
            only_keys(spec, {"base", "presence"}, name, " in claims." + id);
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
            only_keys(spec, {"weight"}, name, " in edges." + id);
            u.weight_range[id] = range_of(spec["weight"], name, "edges." + id + ".weight", 1e9);
        }
    }
    return u;
}

}  // namespace agon
