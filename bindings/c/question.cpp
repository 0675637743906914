// The engine's questions for the C interface (agon/question.hpp): each
// answer as the engine's JSON, the same bytes `agon ... --json` prints.
#include "handles.hpp"

using namespace agon::capi;

namespace {

// Check the arguments every question shares, then run `answer` (returning the JSON).
template <typename Answer>
agon_status ask(const agon_subject* subject, const char* semantics, const char* const* params, char** out,
                size_t* size, Answer&& answer) {
    AGON_REQUIRE(out);
    *out = nullptr;
    if (size) *size = 0;
    AGON_REQUIRE(subject);
    AGON_REQUIRE_STRING(semantics);
    if (agon_status st = check_params(params); st != AGON_OK) return st;
    return guarded([&] { return give_buffer(answer(subject->subject(), request_of(semantics, params)), out, size); });
}

}  // namespace

extern "C" {

agon_status agon_subject_evaluate(const agon_subject* subject, const char* semantics, const char* const* params,
                                  const agon_control* control, agon_result** out) {
    AGON_REQUIRE(out);
    *out = nullptr;
    AGON_REQUIRE(subject);
    AGON_REQUIRE_STRING(semantics);
    if (agon_status st = check_params(params); st != AGON_OK) return st;
    return guarded([&] {
        *out = wrap_result(agon::evaluate(subject->subject(), request_of(semantics, params), control_of(control)));
        return ok();
    });
}

agon_status agon_extensions_json(const agon_subject* subject, const char* semantics, const char* const* params,
                                 size_t limit, const agon_control* control, char** out, size_t* size) {
    return ask(subject, semantics, params, out, size, [&](const agon::Subject& s, const agon::Request& r) {
        agon::ExtensionsOptions options;
        options.limit = limit;
        return agon::to_json(agon::extensions(s, r, options, control_of(control)));
    });
}

agon_status agon_explain_json(const agon_subject* subject, const char* semantics, const char* const* params,
                              const char* claim_id, const agon_control* control, char** out, size_t* size) {
    AGON_REQUIRE_STRING(claim_id);
    return ask(subject, semantics, params, out, size, [&](const agon::Subject& s, const agon::Request& r) {
        return agon::to_json(agon::explain(s, r, claim_id, control_of(control)));
    });
}

agon_status agon_hinge_json(const agon_subject* subject, const char* semantics, const char* const* params,
                            const char* claim_id, unsigned max_size, const agon_control* control, char** out,
                            size_t* size) {
    AGON_REQUIRE_STRING(claim_id);
    return ask(subject, semantics, params, out, size, [&](const agon::Subject& s, const agon::Request& r) {
        agon::HingeOptions options;
        if (max_size > 0) options.max_size = max_size;
        return agon::to_json(agon::hinge(s, r, claim_id, options, control_of(control)));
    });
}

agon_status agon_robustness_json(const agon_subject* subject, const char* semantics, const char* const* params,
                                 unsigned long long samples, unsigned long long seed, const agon_control* control,
                                 char** out, size_t* size) {
    if (samples == 0) return fail(AGON_ERR_USAGE, "samples must be at least 1");
    return ask(subject, semantics, params, out, size, [&](const agon::Subject& s, const agon::Request& r) {
        agon::RobustnessOptions options;
        options.samples = samples;
        options.seed = seed;
        return agon::to_json(agon::robustness(s, r, agon::Uncertainty{}, options, control_of(control)));
    });
}

agon_status agon_explain_grounded_json(const agon_graph* graph, const char* claim_id, char** out, size_t* size) {
    return agon_explain_json(graph ? &graph->as_subject : nullptr, "grounded", nullptr, claim_id, nullptr, out, size);
}

}  // extern "C"
