// JSON rendering of evaluation results (used by the CLI, Lua and C bindings).
// Written by hand: results of a million claims must print in a fraction of a
// second, and an ordered JSON object inserts keys in linear time.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "agon/semantics.hpp"

namespace agon {

namespace {

// A JSON string literal; invalid UTF-8 is replaced (output is always valid JSON).
void put_string(std::string& out, const std::string& s) {
    out += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The shortest text that reads back as the same double (as nlohmann prints it).
void put_number(std::string& out, double x) {
    if (!std::isfinite(x)) {
        out += "null";
        return;
    }
    char buf[32];
    for (int precision = 15; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, x);
        if (std::strtod(buf, nullptr) == x) break;
    }
    out += buf;
    // Keep whole numbers recognisable as floating point ("1.0").
    if (std::string_view(buf).find_first_of(".eEn") == std::string_view::npos) out += ".0";
}

}  // namespace

std::string to_json(const Result& r) {
    std::string out;
    out.reserve(64 + r.ids.size() * 24);
    out += "{\"semantics\":";
    put_string(out, r.semantics);
    const bool strengths = !r.strength.empty() || !gives_labels(r.semantics);
    if (strengths) {
        out += ",\"converged\":";
        out += r.converged ? "true" : "false";
        out += ",\"iterations\":" + std::to_string(r.iterations);
        if (!r.method.empty()) {
            out += ",\"method\":";
            put_string(out, r.method);
        }
        out += ",\"strength\":{";
        for (std::uint32_t i = 0; i < r.strength.size(); ++i) {
            if (i) out += ',';
            put_string(out, r.ids[i]);
            out += ':';
            put_number(out, r.strength[i]);
        }
    } else {
        out += ",\"labels\":{";
        for (std::uint32_t i = 0; i < r.labels.size(); ++i) {
            if (i) out += ',';
            put_string(out, r.ids[i]);
            out += r.labels[i] == Label::in ? ":\"in\"" : r.labels[i] == Label::out ? ":\"out\"" : ":\"undec\"";
        }
    }
    out += '}';
    if (!r.warnings.empty()) {
        out += ",\"warnings\":[";
        for (std::size_t i = 0; i < r.warnings.size(); ++i) {
            if (i) out += ',';
            put_string(out, r.warnings[i]);
        }
        out += ']';
    }
    out += '}';
    return out;
}

}  // namespace agon
