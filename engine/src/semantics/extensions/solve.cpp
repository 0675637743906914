// Acceptance and one extension for every extension semantics, on the part
// of the framework the grounded labelling leaves undecided (enumeration:
// enumerate.cpp).
#include <algorithm>

#include "agon/error.hpp"
#include "cegar.hpp"
#include "skeptical_preferred.hpp"
#include "parts.hpp"
#include "problem.hpp"
#include "semantics/registry.hpp"

namespace agon {

namespace detail::ext {

namespace {

using Sem = ExtensionSemantics;

// The extension with the local in-set `in` (grounded-in added), ascending.
Extension extension_of(const Core& core, const std::vector<char>& in) {
    Extension e = core.grounded_in;
    for (std::uint32_t a = 0; a < core.n(); ++a)
        if (in[a]) e.push_back(core.global[a]);
    std::sort(e.begin(), e.end());
    return e;
}

std::optional<Extension> stable_extension(const Snapshot& s, const Control& control) {
    Problem p(s, Sem::stable, control);
    if (!p.solver.solve()) return std::nullopt;
    return p.enc.extension();
}

// The grounded extension straight from the linear-time labelling: the core
// (per-argument attacker lists of everything undecided) is not needed, and
// building it took three times as long as the labelling on large frameworks.
Extension grounded_extension(const Snapshot& s, const Control& control) {
    const std::vector<Label> labels = grounded_labelling(s, control, nullptr);
    Extension e;
    for (std::uint32_t v = 0; v < s.size(); ++v)
        if (labels[v] == Label::in) e.push_back(v);
    return e;
}

Extension ideal_extension(const Snapshot& s, const Control& control) {
    std::vector<char> candidate;
    {
        Problem first(s, Sem::preferred, control);
        first.solve({});
        grow_in(first, {});
        candidate = in_set(first);
    }
    Problem p(s, Sem::ideal, Candidates::complete, control);  // faster than admissible for these calls
    return extension_of(p.core, ideal_in(p, std::move(candidate), control));
}

// A preferred extension of the whole framework containing the admissible set
// `base`. Grown from a preferred extension of an unattacked part, it keeps
// exactly that extension on the part (a larger intersection would be an
// admissible set of the part).
Extension preferred_containing(const Snapshot& s, const Extension& base, const Control& control) {
    Problem full(s, Sem::preferred, control);
    std::vector<int> assume;
    for (std::uint32_t v : base)
        if (full.core.local[v] >= 0) assume.push_back(full.enc.x(static_cast<std::uint32_t>(full.core.local[v])));
    full.solver.solve(assume);  // satisfiable: `base` is admissible
    grow_in(full, assume);
    return full.enc.extension();
}

bool contains(const Extension& e, std::uint32_t v) { return std::binary_search(e.begin(), e.end(), v); }

// Range-maximal semantics (semi-stable, stage) without a stable extension:
// an answer with (want_in) or without the claim.
std::optional<Extension> range_maximal_answer(const Snapshot& s, Sem sem, std::uint32_t v, bool want_in,
                                              const Control& control) {
    Problem p(s, sem, control);
    const std::int64_t local = p.core.local[v];
    if (local < 0) {
        // Decided by grounded (semi-stable only): in every or in no extension.
        const bool in = p.core.grounded[v] == Label::in;
        if (in != want_in) return std::nullopt;
        if (!p.solver.solve()) return std::nullopt;
        grow_range(p);
        return p.enc.extension();
    }
    const int x = p.enc.x(static_cast<std::uint32_t>(local));
    if (!range_maximal_with(p, {want_in ? x : -x})) return std::nullopt;
    return p.enc.extension();
}

}  // namespace

}  // namespace detail::ext

using namespace detail::ext;

std::optional<ExtensionSemantics> extension_semantics_from_string(std::string_view name) {
    // canonical_semantics reads the ICCMA abbreviations (PR, SST, ...) too.
    static constexpr std::pair<std::string_view, ExtensionSemantics> names[] = {
        {"grounded", Sem::grounded}, {"complete", Sem::complete}, {"preferred", Sem::preferred},
        {"stable", Sem::stable},     {"semi-stable", Sem::semi_stable}, {"stage", Sem::stage},
        {"ideal", Sem::ideal}};
    const std::string canonical = canonical_semantics(name);
    for (const auto& [full, sem] : names)
        if (canonical == full) return sem;
    return std::nullopt;
}

std::optional<Extension> some_extension(const Snapshot& s, ExtensionSemantics sem, const Control& control) {
    switch (sem) {
        case Sem::grounded:
        case Sem::complete: return grounded_extension(s, control);
        case Sem::ideal: return ideal_extension(s, control);
        case Sem::stable: return stable_extension(s, control);
        case Sem::preferred: {
            Problem p(s, sem, control);
            p.solver.solve();
            grow_in(p, {});
            return p.enc.extension();
        }
        case Sem::semi_stable:
        case Sem::stage: {
            if (auto st = stable_extension(s, control)) return st;
            Problem p(s, sem, control);
            if (!p.solver.solve()) return std::nullopt;
            grow_range(p);
            return p.enc.extension();
        }
    }
    return std::nullopt;
}

namespace {

// A stage or semi-stable question answered on the asked argument's part
// (parts.hpp); a witness is completed by one extension of the rest.
Acceptance on_part(const Parts& parts, ExtensionSemantics sem, bool credulous_question, const Control& control) {
    Acceptance out = credulous_question ? credulous(parts.part, sem, parts.v, control)
                                        : skeptical(parts.part, sem, parts.v, control);
    if (out.witness) {
        const std::optional<Extension> rest = some_extension(parts.rest, sem, control);  // one always exists
        out.witness = rest ? std::optional(joined(parts, *out.witness, *rest)) : std::nullopt;
    }
    return out;
}

}  // namespace

Acceptance credulous(const Snapshot& s, ExtensionSemantics sem, std::uint32_t v, const Control& control) {
    if (v >= s.size()) throw Error(ErrorKind::not_found, "claim index out of range");
    Acceptance out;
    if (sem == Sem::grounded || sem == Sem::ideal) {
        Extension e = sem == Sem::ideal ? ideal_extension(s, control) : grounded_extension(s, control);
        out.accepted = contains(e, v);
        if (out.accepted) out.witness = std::move(e);
        return out;
    }
    if (sem == Sem::semi_stable || sem == Sem::stage) {
        if (auto parts = split_off(s, v)) return on_part(*parts, sem, true, control);
        if (stable_extension(s, control)) return credulous(s, Sem::stable, v, control);
        auto e = range_maximal_answer(s, sem, v, true, control);
        out.accepted = e.has_value();
        out.witness = std::move(e);
        return out;
    }
    // Complete, preferred: an admissible set with the claim, closed under
    // defence (a complete extension) or grown to a maximal one. Stable: direct.
    Problem p(s, sem, sem == Sem::stable ? Candidates::stable : Candidates::admissible, control);
    const std::int64_t local = p.core.local[v];
    std::vector<int> assume;
    if (local >= 0) assume.push_back(p.enc.x(static_cast<std::uint32_t>(local)));
    else if (p.core.grounded[v] != Label::in) return out;  // out in grounded: in no extension
    if (!p.solver.solve(assume)) return out;
    out.accepted = true;
    if (sem == Sem::preferred) grow_in(p, assume);
    if (sem != Sem::complete) {
        out.witness = p.enc.extension();
        return out;
    }
    std::vector<char> in = in_set(p);
    close_under_defence(p.core, in);
    out.witness = extension_of(p.core, in);
    return out;
}

Acceptance skeptical(const Snapshot& s, ExtensionSemantics sem, std::uint32_t v, const Control& control) {
    if (v >= s.size()) throw Error(ErrorKind::not_found, "claim index out of range");
    Acceptance out;
    if (sem == Sem::grounded || sem == Sem::ideal || sem == Sem::complete) {
        // Skeptical complete = grounded; ideal is unique.
        Extension e = sem == Sem::ideal ? ideal_extension(s, control) : grounded_extension(s, control);
        out.accepted = contains(e, v);
        if (!out.accepted) out.witness = std::move(e);
        return out;
    }
    if (sem == Sem::semi_stable || sem == Sem::stage) {
        if (auto parts = split_off(s, v)) return on_part(*parts, sem, false, control);
        if (stable_extension(s, control)) return skeptical(s, Sem::stable, v, control);
        auto e = range_maximal_answer(s, sem, v, false, control);
        out.accepted = !e.has_value();
        out.witness = std::move(e);
        return out;
    }
    // Preferred: complete candidates (the counter-example search below runs
    // far faster on them than on admissible sets).
    // Preferred is directional: only the claims with an attack path to v matter.
    Problem p(s, sem, sem == Sem::stable ? Candidates::stable : Candidates::complete, control,
              sem == Sem::preferred ? std::int64_t{v} : -1);
    const std::int64_t local = p.core.local[v];
    if (local < 0) {
        if (p.core.grounded[v] == Label::in) {
            out.accepted = true;
            return out;
        }
        // Out in grounded: any extension is a counter-example; none means vacuously accepted.
        if (!p.solver.solve()) {
            out.accepted = true;
            return out;
        }
        if (sem == Sem::preferred) grow_in(p, {});
        out.witness = p.enc.extension();
        return out;
    }
    const int x = p.enc.x(static_cast<std::uint32_t>(local));
    if (sem == Sem::stable) {
        out.accepted = !p.solver.solve({-x});
        if (!out.accepted) out.witness = p.enc.extension();
        return out;
    }
    if (auto in = preferred_counter_example(p, {static_cast<std::uint32_t>(local)}, control)) {
        out.witness = preferred_containing(s, extension_of(p.core, *in), control);
        return out;
    }
    out.accepted = true;
    return out;
}

}  // namespace agon
