// Scenarios and diffs for the C interface.
#include "agon/question.hpp"
#include "handles.hpp"

struct agon_scenario {
    agon::Scenario scenario;
};

using namespace agon::capi;

extern "C" {

agon_status agon_scenario_new(const agon_graph* graph, const char* name, agon_scenario** out) {
    AGON_REQUIRE(out);
    *out = nullptr;
    AGON_REQUIRE(graph);
    AGON_REQUIRE_STRING(name);
    return guarded([&] {
        *out = make<agon_scenario>(agon::Scenario(std::make_shared<const agon::Graph>(graph->graph), name));
        return ok();
    });
}

agon_status agon_scenario_derive(const agon_scenario* parent, const char* name, agon_scenario** out) {
    AGON_REQUIRE(out);
    *out = nullptr;
    AGON_REQUIRE(parent);
    AGON_REQUIRE_STRING(name);
    return guarded([&] {
        *out = make<agon_scenario>(parent->scenario.derive(name));
        return ok();
    });
}

void agon_scenario_free(agon_scenario* scenario) { destroy(scenario); }

agon_status agon_scenario_remove(agon_scenario* s, const char* id) {
    AGON_REQUIRE(s);
    AGON_REQUIRE_STRING(id);
    return guarded([&] {
        if (s->scenario.has_claim(id)) s->scenario.remove_claim(id);
        else s->scenario.remove_edge(id);
        return ok();
    });
}

agon_status agon_scenario_add_claim(agon_scenario* s, const char* id, const char* text, double base) {
    AGON_REQUIRE(s);
    AGON_REQUIRE_STRING(id);
    if (text) AGON_REQUIRE_STRING(text);
    return guarded([&] {
        agon::Claim c;
        c.id = id;
        c.text = text ? text : "";
        c.base = base;
        s->scenario.add_claim(std::move(c));
        return ok();
    });
}

agon_status agon_scenario_add_edge(agon_scenario* s, const char* id, agon_edge_kind kind, const char* from,
                                   const char* to, double weight) {
    AGON_REQUIRE(s);
    if (id) AGON_REQUIRE_STRING(id);
    AGON_REQUIRE_STRING(from);
    AGON_REQUIRE_STRING(to);
    agon::EdgeKind k;
    if (!edge_kind_of(kind, &k)) return fail(AGON_ERR_ARGUMENT, "kind must be AGON_SUPPORT, AGON_ATTACK or AGON_UNDERCUT");
    return guarded([&] {
        s->scenario.add_edge(agon::Edge{id ? id : "", k, from, to, weight});
        return ok();
    });
}

agon_status agon_scenario_set_base(agon_scenario* s, const char* claim_id, double base) {
    AGON_REQUIRE(s);
    AGON_REQUIRE_STRING(claim_id);
    return guarded([&] {
        s->scenario.set_base(claim_id, base);
        return ok();
    });
}

agon_status agon_scenario_set_weight(agon_scenario* s, const char* edge_id, double weight) {
    AGON_REQUIRE(s);
    AGON_REQUIRE_STRING(edge_id);
    return guarded([&] {
        s->scenario.set_weight(edge_id, weight);
        return ok();
    });
}

agon_status agon_scenario_evaluate(const agon_scenario* s, const char* semantics, const char* const* params,
                                   agon_result** out) {
    return agon_scenario_evaluate_with_control(s, semantics, params, nullptr, out);
}

agon_status agon_scenario_evaluate_with_control(const agon_scenario* s, const char* semantics,
                                                const char* const* params, const agon_control* control,
                                                agon_result** out) {
    AGON_REQUIRE(out);
    *out = nullptr;
    AGON_REQUIRE(s);
    AGON_REQUIRE_STRING(semantics);
    if (agon_status st = check_params(params); st != AGON_OK) return st;
    return guarded([&] {
        *out = wrap_result(agon::evaluate(s->scenario, request_of(semantics, params), control_of(control)));
        return ok();
    });
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
