// Errors, memory and version for the C interface.
#include <cstdlib>
#include <cstring>

#include "agon/io.hpp"
#include "agon/semantics.hpp"
#include "agon/version.hpp"
#include "handles.hpp"

namespace agon::capi {

namespace {
thread_local std::string t_last_error;
agon_allocator g_allocator{nullptr, nullptr, nullptr};
}  // namespace

agon_status fail(agon_status status, const std::string& message) {
    try {
        t_last_error = message;
    } catch (...) {
        t_last_error.clear();
    }
    return status;
}

agon_status ok() {
    t_last_error.clear();
    return AGON_OK;
}

agon_status status_of(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::invalid_input: return AGON_ERR_INPUT;
        case ErrorKind::usage: return AGON_ERR_USAGE;
        case ErrorKind::not_found: return AGON_ERR_NOT_FOUND;
        case ErrorKind::limit: return AGON_ERR_LIMIT;
        case ErrorKind::cancelled: return AGON_ERR_CANCELLED;
        case ErrorKind::io: return AGON_ERR_IO;
        case ErrorKind::unsupported: return AGON_ERR_UNSUPPORTED;
    }
    return AGON_ERR_INTERNAL;
}

bool check_string(const char* s, const char* name, agon_status* status) {
    if (!s) {
        *status = fail(AGON_ERR_ARGUMENT, std::string(name) + " must not be NULL");
        return false;
    }
    if (agon::invalid_utf8_offset(s)) {
        *status = fail(AGON_ERR_ARGUMENT, std::string(name) + " is not valid UTF-8");
        return false;
    }
    return true;
}

void* allocate(std::size_t size) {
    return g_allocator.alloc ? g_allocator.alloc(size, g_allocator.user) : std::malloc(size);
}

void release(void* block) {
    if (!block) return;
    if (g_allocator.release) g_allocator.release(block, g_allocator.user);
    else std::free(block);
}

agon_result* wrap_result(Result result) {
    agon_result* handle = make<agon_result>(std::move(result));
    handle->ids.reserve(handle->result.ids.size());
    for (std::uint32_t i = 0; i < handle->result.ids.size(); ++i) handle->ids.push_back(handle->result.ids[i]);
    return handle;
}

agon_status check_params(const char* const* params) {
    if (!params) return ok();
    for (const char* const* p = params; *p; p += 2) {
        agon_status status = AGON_OK;
        if (!check_string(p[0], "parameter name", &status)) return status;
        if (!p[1]) return fail(AGON_ERR_ARGUMENT, std::string("parameter '") + p[0] + "' has no value");
        if (!check_string(p[1], "parameter value", &status)) return status;
    }
    return ok();
}

Request request_of(const char* semantics, const char* const* params) {
    Request request{semantics, {}};
    if (params)
        for (const char* const* p = params; *p; p += 2) request.params[p[0]] = p[1];
    return request;
}

Control control_of(const agon_control* control) {
    Control c;
    if (!control) return c;
    c.set_timeout(control->timeout_seconds);
    if (control->cancel) {
        agon_cancel_fn fn = control->cancel;
        void* user = control->cancel_user;
        c.should_stop = [fn, user] { return fn(user) != 0; };
    }
    return c;
}

bool edge_kind_of(agon_edge_kind kind, EdgeKind* out) {
    switch (kind) {
        case AGON_SUPPORT: *out = EdgeKind::support; return true;
        case AGON_ATTACK: *out = EdgeKind::attack; return true;
        case AGON_UNDERCUT: *out = EdgeKind::undercut; return true;
    }
    return false;
}

agon_status give_buffer(const std::string& text, char** out, std::size_t* size) {
    char* buf = static_cast<char*>(allocate(text.size() + 1));
    if (!buf) return fail(AGON_ERR_NOMEM, "out of memory");
    std::memcpy(buf, text.data(), text.size());
    buf[text.size()] = '\0';
    *out = buf;
    if (size) *size = text.size();
    return ok();
}

}  // namespace agon::capi

using namespace agon::capi;

extern "C" {

const char* agon_last_error(void) { return t_last_error.c_str(); }

const char* agon_version(void) { return agon::version(); }

agon_status agon_set_allocator(const agon_allocator* allocator) {
    if (allocator && (!allocator->alloc || !allocator->release))
        return fail(AGON_ERR_ARGUMENT, "allocator needs both alloc and release");
    g_allocator = allocator ? *allocator : agon_allocator{nullptr, nullptr, nullptr};
    return ok();
}

void agon_free(void* block) { release(block); }

const char* agon_semantics_names(void) {
    static const std::string names = [] {
        std::string out;
        for (const auto& n : agon::semantics_names()) out += (out.empty() ? "" : ",") + n;
        return out;
    }();
    return names.c_str();
}

}  // extern "C"
