// IPAFAIR over agon::Session: state handling and the C boundary (no exception
// crosses it). The admissible code is answered from preferred (same credulous
// acceptance; skeptically only the empty set of assumptions holds).
#include "ipafair.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <optional>
#include <vector>

#include "agon/session.hpp"
#include "agon/version.hpp"

namespace {

enum class State { input, sat, unsat, error };

struct Solver {
    agon::Session session{agon::ExtensionSemantics::complete};
    bool have_semantics = false;
    bool admissible_mode = false;
    State state = State::input;
    std::vector<std::uint32_t> assumptions;
    std::optional<agon::Extension> witness;  // of the last answer, read on the first ipafair_val

    // Run a change; any failure enters ERROR.
    template <class F>
    void change(F f) {
        if (state == State::error) return;
        try {
            f();
            state = State::input;
        } catch (...) {
            state = State::error;
        }
    }

    int solve(bool credulous) {
        std::vector<std::uint32_t> ask;
        ask.swap(assumptions);
        if (state == State::error || !have_semantics) {
            state = State::error;
            return -1;
        }
        try {
            bool accepted;
            if (admissible_mode && !credulous) {  // the empty set is admissible
                accepted = ask.empty();
                witness = agon::Extension{};
            } else {
                accepted = (credulous ? session.credulous(ask) : session.skeptical(ask)).accepted;
                witness.reset();
            }
            state = accepted ? State::sat : State::unsat;
            return accepted ? 10 : 20;
        } catch (...) {
            state = State::error;
            return -1;
        }
    }
    bool credulous_last = false;
};

Solver* self(void* s) { return static_cast<Solver*>(s); }

bool valid(int32_t arg) { return arg > 0; }

}  // namespace

extern "C" {

const char* ipafair_signature() { return "agon " AGON_VERSION_STRING " (IPAFAIR)"; }

void* ipafair_init() { return new (std::nothrow) Solver; }

void ipafair_release(void* s) { delete self(s); }

void ipafair_set_semantics(void* s, semantics sem) {
    Solver* p = self(s);
    p->change([&] {
        static const agon::ExtensionSemantics map[] = {
            agon::ExtensionSemantics::preferred,   agon::ExtensionSemantics::complete, agon::ExtensionSemantics::preferred,
            agon::ExtensionSemantics::stable,      agon::ExtensionSemantics::semi_stable, agon::ExtensionSemantics::stage,
            agon::ExtensionSemantics::ideal};
        // A C caller may pass any int; in C++ a value outside the enum's
        // range is undefined once read as the enum, so read its bytes.
        static_assert(sizeof(semantics) == sizeof(int));
        int code;
        std::memcpy(&code, &sem, sizeof code);
        if (code < 0 || code > 6) throw 0;
        p->session.set_semantics(map[code]);
        p->admissible_mode = code == admissible;
        p->have_semantics = true;
    });
}

void ipafair_add_argument(void* s, int32_t arg) {
    self(s)->change([&] {
        if (!valid(arg)) throw 0;
        self(s)->session.add_argument(static_cast<std::uint32_t>(arg));
    });
}

void ipafair_del_argument(void* s, int32_t arg) {
    self(s)->change([&] {
        if (!valid(arg)) throw 0;
        self(s)->session.remove_argument(static_cast<std::uint32_t>(arg));
    });
}

void ipafair_add_attack(void* s, int32_t from, int32_t to) {
    self(s)->change([&] {
        if (!valid(from) || !valid(to)) throw 0;
        self(s)->session.add_attack(static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to));
    });
}

void ipafair_del_attack(void* s, int32_t from, int32_t to) {
    self(s)->change([&] {
        if (!valid(from) || !valid(to)) throw 0;
        self(s)->session.remove_attack(static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to));
    });
}

void ipafair_assume(void* s, int32_t arg) {
    Solver* p = self(s);
    p->change([&] {
        if (!valid(arg) || !p->session.has_argument(static_cast<std::uint32_t>(arg))) throw 0;
        p->assumptions.push_back(static_cast<std::uint32_t>(arg));
    });
}

int ipafair_solve_cred(void* s) {
    self(s)->credulous_last = true;
    return self(s)->solve(true);
}

int ipafair_solve_skept(void* s) {
    self(s)->credulous_last = false;
    return self(s)->solve(false);
}

int32_t ipafair_val(void* s, int32_t arg) {
    Solver* p = self(s);
    const bool has_witness = p->credulous_last ? p->state == State::sat : p->state == State::unsat;
    if (!has_witness || !valid(arg)) return 0;
    try {
        if (!p->witness) p->witness = p->session.witness();
        if (!p->witness || !p->session.has_argument(static_cast<std::uint32_t>(arg))) return 0;
        const bool in = std::binary_search(p->witness->begin(), p->witness->end(), static_cast<std::uint32_t>(arg));
        return in ? arg : -arg;
    } catch (...) {
        return 0;
    }
}

}  // extern "C"
