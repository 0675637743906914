// JSON rendering of evaluation results (used by the CLI, Lua and C bindings).
#include <nlohmann/json.hpp>

#include "agon/semantics.hpp"

namespace agon {

std::string to_json(const Result& r) {
    nlohmann::ordered_json j;
    j["semantics"] = r.semantics;
    if (!r.strength.empty() || !gives_labels(r.semantics)) {
        j["converged"] = r.converged;
        j["iterations"] = r.iterations;
        if (!r.method.empty()) j["method"] = r.method;
        nlohmann::ordered_json s = nlohmann::ordered_json::object();
        for (std::uint32_t i = 0; i < r.strength.size(); ++i) s[r.ids[i]] = r.strength[i];
        j["strength"] = std::move(s);
    } else {
        nlohmann::ordered_json l = nlohmann::ordered_json::object();
        for (std::uint32_t i = 0; i < r.labels.size(); ++i) l[r.ids[i]] = std::string(to_string(r.labels[i]));
        j["labels"] = std::move(l);
    }
    if (!r.warnings.empty()) j["warnings"] = r.warnings;
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace agon
