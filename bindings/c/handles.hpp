// Internal: what the C handles hold, the per-thread error, and the guard that
// turns every C++ exception into an agon_status.
#pragma once

#include <new>
#include <string>
#include <utility>
#include <vector>

#include "agon.h"
#include "agon/control.hpp"
#include "agon/error.hpp"
#include "agon/editor.hpp"
#include "agon/graph.hpp"
#include "agon/question.hpp"
#include "agon/semantics.hpp"

/// A graph or a scenario, edited through one interface (agon/editor.hpp) and
/// asked the engine's questions (agon/question.hpp). Lives inside the handle
/// it stands for.
struct agon_subject {
    agon::Graph* graph = nullptr;
    agon::Scenario* scenario = nullptr;

    agon::Editor editor() const { return graph ? agon::Editor(*graph) : agon::Editor(*scenario); }
    agon::Subject subject() const { return graph ? agon::Subject(*graph) : agon::Subject(*scenario); }
};

struct agon_graph {
    agon::Graph graph;
    agon_subject as_subject{&graph, nullptr};
};

struct agon_scenario {
    agon::Scenario scenario;
    agon_subject as_subject{nullptr, &scenario};
};

struct agon_result {
    agon::Result result;
    std::vector<std::string> ids{};  // materialised so claim ids can be handed out as const char*
};

namespace agon::capi {

/// Record `message` as this thread's last error and return `status`.
agon_status fail(agon_status status, const std::string& message);
/// Clear the last error and return AGON_OK.
agon_status ok();

/// The status for an engine error kind.
agon_status status_of(ErrorKind kind);

/// Validate a required string argument (non-NULL, valid UTF-8).
bool check_string(const char* s, const char* name, agon_status* status);

/// Allocate and construct / destroy handle objects with the user allocator.
void* allocate(std::size_t size);
void release(void* block);

template <typename T, typename... Args>
T* make(Args&&... args) {
    void* block = allocate(sizeof(T));
    if (!block) throw std::bad_alloc();
    try {
        return new (block) T{std::forward<Args>(args)...};
    } catch (...) {
        release(block);
        throw;
    }
}

template <typename T>
void destroy(T* object) {
    if (!object) return;
    object->~T();
    release(object);
}

/// A result handle for `result` (claim ids materialised for the C strings).
agon_result* wrap_result(Result result);

/// Check a NULL-terminated key/value parameter array (NULL is fine); sets the error.
agon_status check_params(const char* const* params);
/// A request for `semantics` with the (checked) parameters.
Request request_of(const char* semantics, const char* const* params);

/// The engine Control for a C control (NULL: no limit): its timeout and cancel callback.
Control control_of(const agon_control* control);

/// The engine's edge kind; false for a value outside the enum.
bool edge_kind_of(agon_edge_kind kind, EdgeKind* out);

/// Copy `text` into a new NUL-terminated buffer from the user allocator.
agon_status give_buffer(const std::string& text, char** out, std::size_t* size);

/// Run `body` (returning agon_status) and convert any exception into a status.
template <typename Body>
agon_status guarded(Body&& body) noexcept {
    try {
        return body();
    } catch (const Error& e) {
        return fail(status_of(e.kind()), e.what());
    } catch (const std::bad_alloc&) {
        return fail(AGON_ERR_NOMEM, "out of memory");
    } catch (const std::exception& e) {
        return fail(AGON_ERR_INTERNAL, e.what());
    } catch (...) {
        return fail(AGON_ERR_INTERNAL, "unknown internal error");
    }
}

/// *out = a new handle of type T on what `build` returns, exceptions turned
/// into a status as guarded() does.
template <typename T, typename Build>
agon_status give_handle(T** out, Build&& build) noexcept {
    return guarded([&] {
        *out = make<T>(build());
        return ok();
    });
}

}  // namespace agon::capi

/// Check a required pointer argument and return AGON_ERR_ARGUMENT when NULL.
#define AGON_REQUIRE(ptr)                                                                        \
    do {                                                                                         \
        if (!(ptr)) return ::agon::capi::fail(AGON_ERR_ARGUMENT, #ptr " must not be NULL");      \
    } while (0)

/// Check a required string argument (non-NULL, valid UTF-8).
#define AGON_REQUIRE_STRING(s)                                                                   \
    do {                                                                                         \
        agon_status status_;                                                                     \
        if (!::agon::capi::check_string((s), #s, &status_)) return status_;                      \
    } while (0)
