// The extension semantics as seen by agon::evaluate: one label per claim
// saying how it is accepted - in: in every extension (skeptically), undec: in
// some but not all (credulously only), out: in none.
#include "agon/error.hpp"
#include "agon/extensions.hpp"
#include "semantics/registry.hpp"

namespace agon::detail {

std::string no_extension_warning(std::string_view semantics) {
    return "there is no " + std::string(semantics) + " extension, so no claim is accepted";
}

template <ExtensionSemantics sem>
Result acceptance(const Snapshot& s, const Request& req, const Control& control) {
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
    if (count == 0) r.warnings.push_back(no_extension_warning(req.semantics));
    return r;
}

template Result acceptance<ExtensionSemantics::complete>(const Snapshot&, const Request&, const Control&);
template Result acceptance<ExtensionSemantics::preferred>(const Snapshot&, const Request&, const Control&);
template Result acceptance<ExtensionSemantics::stable>(const Snapshot&, const Request&, const Control&);
template Result acceptance<ExtensionSemantics::semi_stable>(const Snapshot&, const Request&, const Control&);
template Result acceptance<ExtensionSemantics::stage>(const Snapshot&, const Request&, const Control&);
template Result acceptance<ExtensionSemantics::ideal>(const Snapshot&, const Request&, const Control&);

}  // namespace agon::detail
