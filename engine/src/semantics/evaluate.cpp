// Dispatch by semantics name, and parameter parsing shared by all semantics.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "agon/bipolar.hpp"
#include "agon/error.hpp"
#include "registry.hpp"

namespace agon {

namespace {

[[noreturn]] void usage(const std::string& message) { throw Error(ErrorKind::usage, message); }

const detail::SemanticsEntry* lookup(std::string_view name) {
    const std::string canonical = canonical_semantics(name);
    for (const auto& e : detail::semantics_table())
        if (e.name == canonical) return &e;
    return nullptr;
}

std::string known_list() {
    std::string out;
    for (const auto& n : semantics_names()) out += (out.empty() ? "" : ", ") + n;
    return out;
}

}  // namespace

std::string_view to_string(Label label) {
    switch (label) {
        case Label::in: return "in";
        case Label::out: return "out";
        case Label::undec: return "undec";
    }
    return "undec";
}

std::string canonical_semantics(std::string_view name) {
    // The ICCMA abbreviations, as the solver interface and sessions take them.
    static constexpr std::pair<std::string_view, std::string_view> kIccma[] = {
        {"GR", "grounded"}, {"CO", "complete"}, {"PR", "preferred"}, {"ST", "stable"},
        {"SST", "semi-stable"}, {"STG", "stage"}, {"ID", "ideal"}};
    for (const auto& [abbreviation, full] : kIccma)
        if (name == abbreviation) return std::string(full);
    std::string out(name);
    std::replace(out.begin(), out.end(), '_', '-');
    return out;
}

double label_value(Label label) noexcept { return label == Label::in ? 1.0 : label == Label::out ? 0.0 : 0.5; }

std::string Request::text(std::string_view key, std::string_view fallback) const {
    auto it = params.find(std::string(key));
    return it == params.end() ? std::string(fallback) : it->second;
}

double Request::number(std::string_view key, double fallback, double lo, double hi) const {
    auto it = params.find(std::string(key));
    if (it == params.end()) return fallback;
    const std::string& v = it->second;
    double x = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(x))
        usage("parameter " + std::string(key) + "=" + v + " is not a number");
    if (x < lo || x > hi)
        usage("parameter " + std::string(key) + "=" + v + " is out of range [" + std::to_string(lo) + ", " +
              std::to_string(hi) + "]");
    return x;
}

std::int64_t Request::integer(std::string_view key, std::int64_t fallback, std::int64_t lo, std::int64_t hi) const {
    auto it = params.find(std::string(key));
    if (it == params.end()) return fallback;
    const std::string& v = it->second;
    std::int64_t x = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (ec != std::errc() || end != v.data() + v.size())
        usage("parameter " + std::string(key) + "=" + v + " is not a whole number");
    if (x < lo || x > hi)
        usage("parameter " + std::string(key) + "=" + v + " is out of range [" + std::to_string(lo) + ", " +
              std::to_string(hi) + "]");
    return x;
}

void Request::only(std::initializer_list<std::string_view> known) const {
    for (const auto& [k, v] : params)
        if (std::find(known.begin(), known.end(), k) == known.end())
            usage("semantics " + semantics + " has no parameter '" + k + "'");
}

namespace {

// Extension semantics see attacks only: read supports by the requested
// interpretation and flatten undercuts first (bipolar.hpp), then drop the
// auxiliary claims from the answer.
Result evaluate_bipolar(const detail::SemanticsEntry& entry, const Snapshot& snapshot, const Request& request,
                        const Control& control) {
    const SupportMode mode = support_mode(request);
    Request inner = request;
    inner.params.erase("support");
    if (mode == SupportMode::evidential) {
        if (canonical_semantics(request.semantics) != "grounded") usage("support=evidential is available for grounded semantics only");
        inner.only({});
    }
    const AttackView view(snapshot, mode, control);
    Result r;
    if (mode == SupportMode::evidential) {
        r.method = "evidential fixpoint";
        r.labels = evidential_grounded(view.snapshot(), control, snapshot.size());
    } else {
        r = entry.on_flat ? entry.on_flat(view.snapshot(), view.originals(), inner, control)
                          : entry.run(view.snapshot(), inner, control);
    }
    r.labels.resize(snapshot.size());
    return r;
}

}  // namespace

Result evaluate(const Snapshot& snapshot, const Request& request, const Control& control) {
    const auto* entry = lookup(request.semantics);
    if (!entry) usage("unknown semantics '" + request.semantics + "' (known: " + known_list() + ")");
    Result r = entry->attacks_only ? evaluate_bipolar(*entry, snapshot, request, control) : entry->run(snapshot, request, control);
    r.semantics = request.semantics;
    r.ids = snapshot.ids();
    return r;
}

std::vector<std::string> semantics_names() {
    std::vector<std::string> names;
    for (const auto& e : detail::semantics_table()) names.emplace_back(e.name);
    std::sort(names.begin(), names.end());
    return names;
}

bool gives_labels(std::string_view semantics) {
    const auto* entry = lookup(semantics);
    return entry && entry->labels;
}

bool ranks_only(std::string_view semantics) {
    const auto* entry = lookup(semantics);
    return entry && entry->ranks;
}

void require_strength_scale(std::string_view semantics, std::string_view what) {
    if (ranks_only(semantics))
        throw Error(ErrorKind::usage, std::string(what) + " needs labels or strengths in [0,1], and " +
                                          std::string(semantics) +
                                          " only ranks claims (1 = strongest); choose another semantics");
}

}  // namespace agon
