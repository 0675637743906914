// The engine's questions for the C interface (agon/question.hpp): each
// answer as the engine's JSON.
#include "agon/question.hpp"
#include "handles.hpp"

using namespace agon::capi;

extern "C" {

agon_status agon_explain_grounded_json(const agon_graph* graph, const char* claim_id, char** out, size_t* size) {
    AGON_REQUIRE(out);
    *out = nullptr;
    if (size) *size = 0;
    AGON_REQUIRE(graph);
    AGON_REQUIRE_STRING(claim_id);
    return guarded([&] {
        const agon::Explanation why = agon::explain(graph->graph, agon::Request{"grounded", {}}, claim_id);
        return give_buffer(agon::to_json(why), out, size);
    });
}

}  // extern "C"
