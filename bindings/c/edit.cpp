// The one editing interface of graphs and scenarios for the C interface
// (agon/editor.hpp); the agon_graph_* and agon_scenario_* edits call it.
#include "handles.hpp"

using namespace agon::capi;

namespace {

// Check a NULL-terminated string list (NULL is fine); `pairs` for key/value lists.
agon_status check_list(const char* const* list, const char* what, bool pairs) {
    if (!list) return ok();
    for (const char* const* p = list; *p; ++p) {
        agon_status status = AGON_OK;
        if (!check_string(*p, what, &status)) return status;
        if (pairs && !*++p) return fail(AGON_ERR_ARGUMENT, std::string(what) + " '" + p[-1] + "' has no value");
        if (pairs && !check_string(*p, what, &status)) return status;
    }
    return ok();
}

}  // namespace

extern "C" {

agon_subject* agon_graph_subject(agon_graph* graph) { return graph ? &graph->as_subject : nullptr; }
agon_subject* agon_scenario_subject(agon_scenario* scenario) { return scenario ? &scenario->as_subject : nullptr; }

agon_status agon_add_claim(agon_subject* subject, const agon_claim_spec* claim) {
    AGON_REQUIRE(subject);
    AGON_REQUIRE(claim);
    AGON_REQUIRE_STRING(claim->id);
    if (claim->text) AGON_REQUIRE_STRING(claim->text);
    if (agon_status st = check_list(claim->tags, "tag", false); st != AGON_OK) return st;
    if (agon_status st = check_list(claim->attributes, "attribute", true); st != AGON_OK) return st;
    return guarded([&] {
        agon::Claim c;
        c.id = claim->id;
        c.text = claim->text ? claim->text : "";
        c.base = claim->base;
        c.kind = claim->is_argument ? agon::ClaimKind::argument : agon::ClaimKind::statement;
        if (claim->tags)
            for (const char* const* t = claim->tags; *t; ++t) c.tags.emplace_back(*t);
        if (claim->attributes)
            for (const char* const* a = claim->attributes; *a; a += 2) c.attributes.emplace_back(a[0], a[1]);
        subject->editor().add_claim(std::move(c));
        return ok();
    });
}

agon_status agon_add_edge(agon_subject* subject, const char* id, agon_edge_kind kind, const char* from, const char* to,
                          double weight) {
    AGON_REQUIRE(subject);
    if (id) AGON_REQUIRE_STRING(id);
    AGON_REQUIRE_STRING(from);
    AGON_REQUIRE_STRING(to);
    agon::EdgeKind k;
    if (!edge_kind_of(kind, &k)) return fail(AGON_ERR_ARGUMENT, "kind must be AGON_SUPPORT, AGON_ATTACK or AGON_UNDERCUT");
    return guarded([&] {
        subject->editor().add_edge(agon::Edge{id ? id : "", k, from, to, weight});
        return ok();
    });
}

}  // extern "C"

namespace {

// The edits that name one claim or edge: check the arguments, then edit.
template <typename Edit>
agon_status edit(agon_subject* subject, const char* id, Edit&& apply) {
    AGON_REQUIRE(subject);
    AGON_REQUIRE_STRING(id);
    return guarded([&] {
        agon::Editor e = subject->editor();
        apply(e);
        return ok();
    });
}

}  // namespace

extern "C" {

agon_status agon_remove(agon_subject* subject, const char* id) {
    return edit(subject, id, [&](agon::Editor& e) { e.remove(id); });
}

agon_status agon_remove_claim(agon_subject* subject, const char* claim_id) {
    return edit(subject, claim_id, [&](agon::Editor& e) { e.remove_claim(claim_id); });
}

agon_status agon_remove_edge(agon_subject* subject, const char* edge_id) {
    return edit(subject, edge_id, [&](agon::Editor& e) { e.remove_edge(edge_id); });
}

agon_status agon_set_base(agon_subject* subject, const char* claim_id, double base) {
    return edit(subject, claim_id, [&](agon::Editor& e) { e.set_base(claim_id, base); });
}

agon_status agon_set_weight(agon_subject* subject, const char* edge_id, double weight) {
    return edit(subject, edge_id, [&](agon::Editor& e) { e.set_weight(edge_id, weight); });
}

}  // extern "C"

// The names the edits had before agon_subject, one set per handle type, kept
// so that existing programs still link: each forwards to the call above.
#define AGON_OLD_EDIT_NAMES(type)                                                                              \
    agon_status agon_##type##_add_claim(agon_##type* h, const char* id, const char* text, double base) {       \
        const agon_claim_spec spec{id, text, base, 0, nullptr, nullptr};                                      \
        return agon_add_claim(agon_##type##_subject(h), &spec);                                               \
    }                                                                                                          \
    agon_status agon_##type##_add_edge(agon_##type* h, const char* id, agon_edge_kind kind, const char* from, \
                                       const char* to, double weight) {                                       \
        return agon_add_edge(agon_##type##_subject(h), id, kind, from, to, weight);                           \
    }                                                                                                          \
    agon_status agon_##type##_set_base(agon_##type* h, const char* claim_id, double base) {                   \
        return agon_set_base(agon_##type##_subject(h), claim_id, base);                                        \
    }                                                                                                          \
    agon_status agon_##type##_set_weight(agon_##type* h, const char* edge_id, double weight) {                \
        return agon_set_weight(agon_##type##_subject(h), edge_id, weight);                                     \
    }

extern "C" {

AGON_OLD_EDIT_NAMES(graph)
AGON_OLD_EDIT_NAMES(scenario)

agon_status agon_graph_remove_claim(agon_graph* graph, const char* claim_id) {
    return agon_remove_claim(agon_graph_subject(graph), claim_id);
}

agon_status agon_graph_remove_edge(agon_graph* graph, const char* edge_id) {
    return agon_remove_edge(agon_graph_subject(graph), edge_id);
}

agon_status agon_scenario_remove(agon_scenario* scenario, const char* id) {
    return agon_remove(agon_scenario_subject(scenario), id);
}

}  // extern "C"
