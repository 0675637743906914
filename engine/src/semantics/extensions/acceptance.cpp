// The extension semantics as seen by agon::evaluate: one label per claim
// saying how it is accepted - in: in every extension (skeptically), undec: in
// some but not all (credulously only), out: in none.
#include "agon/error.hpp"
#include "agon/extensions.hpp"
#include "semantics/registry.hpp"

namespace agon::detail {

namespace {

Result acceptance(const Snapshot& s, const Request& req, const Control& control, ExtensionSemantics sem) {
    req.only({});
    const std::uint32_t n = s.size();
    std::vector<std::uint32_t> hits(n, 0);
    const std::uint64_t limit = 1'000'000;
    std::uint64_t count = enumerate(
        s, sem, limit,
        [&](const Extension& e) {
            for (std::uint32_t v : e) ++hits[v];
        },
        control);
    if (count >= limit)
        throw Error(ErrorKind::limit, "more than " + std::to_string(limit) + " " + req.semantics +
                                          " extensions; ask about single claims (credulous or skeptical acceptance) instead");
    Result r;
    r.method = "sat";
    r.labels.assign(n, Label::out);
    for (std::uint32_t v = 0; v < n; ++v)
        r.labels[v] = count > 0 && hits[v] == count ? Label::in : hits[v] > 0 ? Label::undec : Label::out;
    if (count == 0) r.warnings.push_back("there is no " + req.semantics + " extension, so no claim is accepted");
    return r;
}

}  // namespace

Result complete(const Snapshot& s, const Request& r, const Control& c) {
    return acceptance(s, r, c, ExtensionSemantics::complete);
}
Result preferred(const Snapshot& s, const Request& r, const Control& c) {
    return acceptance(s, r, c, ExtensionSemantics::preferred);
}
Result stable(const Snapshot& s, const Request& r, const Control& c) {
    return acceptance(s, r, c, ExtensionSemantics::stable);
}
Result semi_stable(const Snapshot& s, const Request& r, const Control& c) {
    return acceptance(s, r, c, ExtensionSemantics::semi_stable);
}
Result stage(const Snapshot& s, const Request& r, const Control& c) {
    return acceptance(s, r, c, ExtensionSemantics::stage);
}
Result ideal(const Snapshot& s, const Request& r, const Control& c) {
    return acceptance(s, r, c, ExtensionSemantics::ideal);
}

}  // namespace agon::detail
