// Graph construction, inspection and files for the C interface.
#include <cmath>

#include "agon/io.hpp"
#include "handles.hpp"

using namespace agon::capi;

namespace {

// The format named `format` (NULL: guess from the path). Throws usage for an
// unknown name (guarded() turns it into AGON_ERR_USAGE).
std::optional<agon::Format> format_arg(const char* format) {
    if (!format) return std::nullopt;
    auto f = agon::format_from_name(format);
    if (!f) throw agon::Error(agon::ErrorKind::usage, std::string("unknown format '") + format + "'");
    return f;
}

// Applies `edit` to claim `id` of `g`; AGON_ERR_NOT_FOUND when there is none.
template <class Edit>
agon_status edit_claim(agon_graph* g, const char* id, Edit edit) {
    return guarded([&] {
        auto at = g->graph.claim_index(id);
        if (!at) return fail(AGON_ERR_NOT_FOUND, std::string("no claim '") + id + "'");
        edit(const_cast<agon::Claim&>(g->graph.claims()[*at]));
        return ok();
    });
}

}  // namespace

extern "C" {

agon_status agon_graph_new(const char* title, agon_graph** out) {
    AGON_REQUIRE(out);
    *out = nullptr;
    if (title) AGON_REQUIRE_STRING(title);
    return guarded([&] {
        agon_graph* g = make<agon_graph>();
        if (title) g->graph.set_title(title);
        *out = g;
        return ok();
    });
}

void agon_graph_free(agon_graph* graph) { destroy(graph); }

agon_status agon_graph_set_argument(agon_graph* graph, const char* claim_id, int is_argument) {
    AGON_REQUIRE(graph);
    AGON_REQUIRE_STRING(claim_id);
    return edit_claim(graph, claim_id, [&](agon::Claim& c) {
        c.kind = is_argument ? agon::ClaimKind::argument : agon::ClaimKind::statement;
    });
}

agon_status agon_graph_add_tag(agon_graph* graph, const char* claim_id, const char* tag) {
    AGON_REQUIRE(graph);
    AGON_REQUIRE_STRING(claim_id);
    AGON_REQUIRE_STRING(tag);
    return edit_claim(graph, claim_id, [&](agon::Claim& c) {
        if (!c.has_tag(tag)) c.tags.emplace_back(tag);
    });
}

agon_status agon_graph_set_attribute(agon_graph* graph, const char* claim_id, const char* key, const char* value) {
    AGON_REQUIRE(graph);
    AGON_REQUIRE_STRING(claim_id);
    AGON_REQUIRE_STRING(key);
    AGON_REQUIRE_STRING(value);
    return edit_claim(graph, claim_id, [&](agon::Claim& c) {
        for (auto& [k, v] : c.attributes)
            if (k == key) {
                v = value;
                return;
            }
        c.attributes.emplace_back(key, value);
    });
}

agon_status agon_graph_claim_count(const agon_graph* graph, size_t* out) {
    AGON_REQUIRE(graph);
    AGON_REQUIRE(out);
    *out = graph->graph.claims().size();
    return ok();
}

agon_status agon_graph_edge_count(const agon_graph* graph, size_t* out) {
    AGON_REQUIRE(graph);
    AGON_REQUIRE(out);
    *out = graph->graph.edges().size();
    return ok();
}

agon_status agon_graph_claim_at(const agon_graph* graph, size_t index, const char** id, const char** text) {
    AGON_REQUIRE(graph);
    if (index >= graph->graph.claims().size())
        return fail(AGON_ERR_ARGUMENT, "claim index " + std::to_string(index) + " is out of range");
    const agon::Claim& c = graph->graph.claims()[index];
    if (id) *id = c.id.c_str();
    if (text) *text = c.text.c_str();
    return ok();
}

agon_status agon_graph_base(const agon_graph* graph, const char* claim_id, double* out) {
    AGON_REQUIRE(graph);
    AGON_REQUIRE_STRING(claim_id);
    AGON_REQUIRE(out);
    const agon::Claim* c = graph->graph.find_claim(claim_id);
    if (!c) return fail(AGON_ERR_NOT_FOUND, std::string("no claim '") + claim_id + "'");
    *out = c->base;
    return ok();
}

agon_status agon_graph_load(const char* path, const char* format, agon_graph** out) {
    AGON_REQUIRE(out);
    *out = nullptr;
    AGON_REQUIRE_STRING(path);
    return give_handle(out, [&] { return agon::load_graph(path, format_arg(format)); });
}

agon_status agon_graph_parse(const char* text, size_t size, const char* format, agon_graph** out) {
    AGON_REQUIRE(out);
    *out = nullptr;
    AGON_REQUIRE(text);
    AGON_REQUIRE_STRING(format);
    return give_handle(out, [&] {
        return agon::parse_graph(std::string_view(text, size), *format_arg(format), "<memory>");
    });
}

agon_status agon_graph_save(const agon_graph* graph, const char* path, const char* format) {
    AGON_REQUIRE(graph);
    AGON_REQUIRE_STRING(path);
    return guarded([&] {
        agon::save_graph(graph->graph, path, format_arg(format));
        return ok();
    });
}

agon_status agon_graph_write(const agon_graph* graph, const char* format, char** out, size_t* size) {
    AGON_REQUIRE(out);
    *out = nullptr;
    if (size) *size = 0;
    AGON_REQUIRE(graph);
    AGON_REQUIRE_STRING(format);
    return guarded([&] { return give_buffer(agon::format_graph(graph->graph, *format_arg(format)), out, size); });
}

}  // extern "C"
