// Evaluation and results for the C interface.
#include "agon/question.hpp"
#include "handles.hpp"

using namespace agon::capi;

namespace {

const agon::Result& res(const agon_result* r) { return r->result; }

// Index of a claim in a result, or -1.
long index_in(const agon_result* r, const char* id) {
    for (std::size_t i = 0; i < r->ids.size(); ++i)
        if (r->ids[i] == id) return static_cast<long>(i);
    return -1;
}

}  // namespace

extern "C" {

agon_status agon_evaluate(const agon_graph* graph, const char* semantics, const char* const* params,
                          const agon_control* control, agon_result** out) {
    AGON_REQUIRE(out);
    *out = nullptr;
    AGON_REQUIRE(graph);
    AGON_REQUIRE_STRING(semantics);
    if (agon_status st = check_params(params); st != AGON_OK) return st;
    return guarded([&] {
        *out = wrap_result(agon::evaluate(graph->graph, request_of(semantics, params), control_of(control)));
        return ok();
    });
}

void agon_result_free(agon_result* result) { destroy(result); }

agon_status agon_result_count(const agon_result* result, size_t* out) {
    AGON_REQUIRE(result);
    AGON_REQUIRE(out);
    *out = result->ids.size();
    return ok();
}

agon_status agon_result_claim_id(const agon_result* result, size_t index, const char** out) {
    AGON_REQUIRE(result);
    AGON_REQUIRE(out);
    if (index >= result->ids.size())
        return fail(AGON_ERR_ARGUMENT, "claim index " + std::to_string(index) + " is out of range");
    *out = result->ids[index].c_str();
    return ok();
}

agon_status agon_result_has_labels(const agon_result* result, int* out) {
    AGON_REQUIRE(result);
    AGON_REQUIRE(out);
    *out = res(result).strength.empty() && agon::gives_labels(res(result).semantics);
    return ok();
}

agon_status agon_result_label(const agon_result* result, const char* claim_id, agon_label* out) {
    AGON_REQUIRE(result);
    AGON_REQUIRE_STRING(claim_id);
    AGON_REQUIRE(out);
    if (res(result).labels.empty())
        return fail(AGON_ERR_USAGE, res(result).semantics + " gives strengths, not labels");
    long at = index_in(result, claim_id);
    if (at < 0) return fail(AGON_ERR_NOT_FOUND, std::string("no claim '") + claim_id + "'");
    agon::Label l = res(result).labels[static_cast<std::size_t>(at)];
    *out = l == agon::Label::in ? AGON_IN : l == agon::Label::out ? AGON_OUT : AGON_UNDEC;
    return ok();
}

agon_status agon_result_strength(const agon_result* result, const char* claim_id, double* out) {
    AGON_REQUIRE(result);
    AGON_REQUIRE_STRING(claim_id);
    AGON_REQUIRE(out);
    long at = index_in(result, claim_id);
    if (at < 0) return fail(AGON_ERR_NOT_FOUND, std::string("no claim '") + claim_id + "'");
    if (res(result).strength.empty() && res(result).labels.empty())
        return fail(AGON_ERR_USAGE, "the result has neither labels nor strengths");
    *out = res(result).value(static_cast<std::uint32_t>(at));
    return ok();
}

agon_status agon_result_converged(const agon_result* result, int* converged, unsigned long long* iterations) {
    AGON_REQUIRE(result);
    if (converged) *converged = res(result).converged ? 1 : 0;
    if (iterations) *iterations = res(result).iterations;
    return ok();
}

agon_status agon_result_json(const agon_result* result, char** out, size_t* size) {
    AGON_REQUIRE(out);
    *out = nullptr;
    if (size) *size = 0;
    AGON_REQUIRE(result);
    return guarded([&] { return give_buffer(agon::to_json(res(result)), out, size); });
}

}  // extern "C"
