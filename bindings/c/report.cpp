// The stress-test report for the C interface.
#include <nlohmann/json.hpp>

#include "agon/error.hpp"
#include "agon/report.hpp"
#include "handles.hpp"

using namespace agon::capi;

namespace {

// {"semantics":..., "params":{...}, "threshold":..., "samples":..., "seed":..., "spread":...,
//  "uncertainty":{...as agon robust...}, "max_size":..., "title":..., "maps":...}
agon::ReportOptions report_options(const char* target, const char* options_json) {
    agon::ReportOptions o;
    o.target = target;
    if (!options_json) return o;
    const nlohmann::json j = nlohmann::json::parse(options_json, nullptr, false);
    if (!j.is_object()) throw agon::Error(agon::ErrorKind::usage, "report options must be a JSON object");
    try {
        o.request.semantics = j.value("semantics", o.request.semantics);
        if (j.contains("params"))
            for (const auto& [k, v] : j.at("params").items()) o.request.params[k] = v.is_string() ? v.get<std::string>() : v.dump();
        o.threshold = j.value("threshold", o.threshold);
        o.samples = j.value("samples", o.samples);
        o.seed = j.value("seed", o.seed);
        o.hinge_max_size = j.value("max_size", o.hinge_max_size);
        o.title = j.value("title", o.title);
        o.maps = j.value("maps", o.maps);
        if (j.contains("uncertainty")) o.uncertainty = agon::parse_uncertainty(j.at("uncertainty").dump(), "report options");
        if (j.contains("spread")) {
            if (!o.uncertainty) o.uncertainty = agon::Uncertainty{};
            o.uncertainty->default_spread = j.at("spread").get<double>();
        }
    } catch (const nlohmann::json::exception& e) {
        throw agon::Error(agon::ErrorKind::usage, std::string("report options: ") + e.what());
    }
    return o;
}

}  // namespace

extern "C" {

agon_status agon_report_file(const agon_graph* graph, const char* target, const char* options_json, const char* path) {
    AGON_REQUIRE(graph);
    AGON_REQUIRE_STRING(target);
    AGON_REQUIRE_STRING(path);
    return guarded([&] {
        agon::write_report(agon::build_report(graph->graph, report_options(target, options_json)), path);
        return ok();
    });
}

}  // extern "C"
