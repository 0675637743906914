// Scenarios and diffs for the C interface.
#include "agon/question.hpp"
#include "handles.hpp"

using namespace agon::capi;

extern "C" {

agon_status agon_scenario_new(const agon_graph* graph, const char* name, agon_scenario** out) {
    AGON_REQUIRE(out);
    *out = nullptr;
    AGON_REQUIRE(graph);
    AGON_REQUIRE_STRING(name);
    return give_handle(out, [&] { return agon::Scenario(std::make_shared<const agon::Graph>(graph->graph), name); });
}

agon_status agon_scenario_derive(const agon_scenario* parent, const char* name, agon_scenario** out) {
    AGON_REQUIRE(out);
    *out = nullptr;
    AGON_REQUIRE(parent);
    AGON_REQUIRE_STRING(name);
    return give_handle(out, [&] { return parent->scenario.derive(name); });
}

void agon_scenario_free(agon_scenario* scenario) { destroy(scenario); }

agon_status agon_scenario_evaluate(const agon_scenario* s, const char* semantics, const char* const* params,
                                   agon_result** out) {
    return agon_scenario_evaluate_with_control(s, semantics, params, nullptr, out);
}

agon_status agon_scenario_evaluate_with_control(const agon_scenario* s, const char* semantics,
                                                const char* const* params, const agon_control* control,
                                                agon_result** out) {
    return agon_subject_evaluate(s ? &s->as_subject : nullptr, semantics, params, control, out);
}

agon_status agon_diff_json(const agon_result* before, const agon_result* after, char** out, size_t* size) {
    AGON_REQUIRE(out);
    *out = nullptr;
    if (size) *size = 0;
    AGON_REQUIRE(before);
    AGON_REQUIRE(after);
    return guarded([&] { return give_buffer(agon::to_json(agon::compare(before->result, after->result)), out, size); });
}

}  // extern "C"
