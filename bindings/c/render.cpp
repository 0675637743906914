// Maps for the C interface.
#include "agon/render.hpp"
#include "handles.hpp"

using namespace agon::capi;

extern "C" {

agon_status agon_render(const agon_graph* graph, const agon_result* result, const char* format, char** out,
                        size_t* size) {
    AGON_REQUIRE(out);
    *out = nullptr;
    if (size) *size = 0;
    AGON_REQUIRE(graph);
    AGON_REQUIRE_STRING(format);
    return guarded([&] {
        agon::RenderOptions o;
        o.format = format;
        o.legend = true;
        o.result = result ? &result->result : nullptr;
        return give_buffer(agon::render(graph->graph, o), out, size);
    });
}

agon_status agon_render_file(const agon_graph* graph, const agon_result* result, const char* path) {
    AGON_REQUIRE(graph);
    AGON_REQUIRE_STRING(path);
    return guarded([&] {
        agon::RenderOptions o;
        o.format = agon::map_format(path);
        o.legend = true;
        o.result = result ? &result->result : nullptr;
        agon::render_to_file(graph->graph, o, path);
        return ok();
    });
}

}  // extern "C"
