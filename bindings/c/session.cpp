// Incremental sessions (agon/session.hpp) for the C interface.
#include <cstring>

#include "agon/session.hpp"
#include "handles.hpp"

struct agon_session {
    agon::Session session;
};

using namespace agon::capi;

namespace {

agon::ExtensionSemantics semantics_of(const char* name) {
    auto sem = agon::extension_semantics_from_string(name);
    if (!sem)
        throw agon::Error(agon::ErrorKind::usage, std::string("unknown extension semantics '") + name +
                                                      "' (known: grounded, complete, preferred, stable, semi-stable, "
                                                      "stage, ideal, or GR CO PR ST SST STG ID)");
    return *sem;
}

template <class Ask>
agon_status acceptance(agon_session* s, const unsigned* ids, size_t count, const agon_control* control, int* accepted,
                       Ask ask) {
    AGON_REQUIRE(accepted);
    *accepted = 0;
    AGON_REQUIRE(s);
    if (count > 0) AGON_REQUIRE(ids);
    return guarded([&] {
        const agon::Control c = control_of(control);
        std::vector<std::uint32_t> v(ids, ids + count);
        *accepted = ask(s->session, v, c).accepted ? 1 : 0;
        return ok();
    });
}

}  // namespace

extern "C" {

agon_status agon_session_new(const char* semantics, agon_session** out) {
    AGON_REQUIRE(out);
    *out = nullptr;
    AGON_REQUIRE_STRING(semantics);
    return give_handle(out, [&] { return agon::Session(semantics_of(semantics)); });
}

void agon_session_free(agon_session* session) { destroy(session); }

agon_status agon_session_set_semantics(agon_session* s, const char* semantics) {
    AGON_REQUIRE(s);
    AGON_REQUIRE_STRING(semantics);
    return guarded([&] {
        s->session.set_semantics(semantics_of(semantics));
        return ok();
    });
}

agon_status agon_session_add_argument(agon_session* s, unsigned id) {
    AGON_REQUIRE(s);
    return guarded([&] {
        s->session.add_argument(id);
        return ok();
    });
}

agon_status agon_session_remove_argument(agon_session* s, unsigned id) {
    AGON_REQUIRE(s);
    return guarded([&] {
        s->session.remove_argument(id);
        return ok();
    });
}

agon_status agon_session_add_attack(agon_session* s, unsigned from, unsigned to) {
    AGON_REQUIRE(s);
    return guarded([&] {
        s->session.add_attack(from, to);
        return ok();
    });
}

agon_status agon_session_remove_attack(agon_session* s, unsigned from, unsigned to) {
    AGON_REQUIRE(s);
    return guarded([&] {
        s->session.remove_attack(from, to);
        return ok();
    });
}

agon_status agon_session_credulous(agon_session* s, const unsigned* ids, size_t count, const agon_control* control,
                                   int* accepted) {
    return acceptance(s, ids, count, control, accepted,
                      [](agon::Session& x, const std::vector<std::uint32_t>& v, const agon::Control& c) {
                          return x.credulous(v, c);
                      });
}

agon_status agon_session_skeptical(agon_session* s, const unsigned* ids, size_t count, const agon_control* control,
                                   int* accepted) {
    return acceptance(s, ids, count, control, accepted,
                      [](agon::Session& x, const std::vector<std::uint32_t>& v, const agon::Control& c) {
                          return x.skeptical(v, c);
                      });
}

agon_status agon_session_witness(agon_session* s, const agon_control* control, unsigned** ids, size_t* count) {
    AGON_REQUIRE(ids);
    AGON_REQUIRE(count);
    *ids = nullptr;
    *count = 0;
    AGON_REQUIRE(s);
    return guarded([&] {
        const agon::Control c = control_of(control);
        const auto w = s->session.witness(c);
        if (!w) return fail(AGON_ERR_NOT_FOUND, "the last answer has no witness (or the framework changed since)");
        auto* block = static_cast<unsigned*>(allocate(sizeof(unsigned) * (w->empty() ? 1 : w->size())));
        if (!block) throw std::bad_alloc();
        for (std::size_t i = 0; i < w->size(); ++i) block[i] = (*w)[i];
        *ids = block;
        *count = w->size();
        return ok();
    });
}

agon_status agon_session_grounded_label(agon_session* s, unsigned id, agon_label* out) {
    AGON_REQUIRE(out);
    *out = AGON_UNDEC;
    AGON_REQUIRE(s);
    return guarded([&] {
        *out = static_cast<agon_label>(s->session.grounded_label(id));
        return ok();
    });
}

}  // extern "C"
