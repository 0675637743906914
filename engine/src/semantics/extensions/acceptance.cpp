// The extension semantics as seen by agon::evaluate: one label per claim
// saying how it is accepted - in: in every extension (skeptically), undec: in
// some but not all (credulously only), out: in none.
#include "acceptance.hpp"

#include <algorithm>
#include <iterator>

#include "agon/session.hpp"
#include "projections.hpp"
#include "question_labels.hpp"
#include "semantics/registry.hpp"

namespace agon::detail {

std::string no_extension_warning(std::string_view semantics) {
    return "there is no " + std::string(semantics) + " extension, so no claim is accepted";
}

namespace {

// The labels from acceptance questions on a session. Under complete-based
// semantics the grounded labelling settles its in and out claims, and every
// extension is the grounded one plus an extension of the part it leaves
// undecided (attacks from out claims dropped: the grounded extension defends
// against them), so the session holds that part only. Stage: everything.
// Only the first `claims` arguments are asked about: the auxiliary ones of a
// flattened graph are never reported, and asking about each of them cost a
// range-maximality proof apiece under stage. False when there is no
// extension (stable only: every claim out).
bool label_by_questions(const Snapshot& s, std::uint32_t claims, ExtensionSemantics sem, Result& r,
                        const Control& control) {
    const std::uint32_t n = s.size();
    const bool complete_based = sem != ExtensionSemantics::stage;
    r.labels = complete_based ? grounded_labelling(s, control, nullptr) : std::vector<Label>(n, Label::undec);
    std::vector<std::uint32_t> open, asked;
    for (std::uint32_t v = 0; v < n; ++v)
        if (r.labels[v] == Label::undec) open.push_back(v);
    std::copy_if(open.begin(), open.end(), std::back_inserter(asked), [&](std::uint32_t v) { return v < claims; });
    Session session(sem);
    for (std::uint32_t v : open) session.add_argument(v);
    for (std::uint32_t v : open)
        for (std::uint32_t b : s.attackers().neighbours(v))
            if (r.labels[b] == Label::undec && !session.has_attack(b, v)) session.add_attack(b, v);
    QuestionLabels questions;
    const bool exists = questions.label(session, asked, r.labels, control);
    if (!exists) r.labels.assign(n, Label::out);
    r.method = "sat questions";
    r.iterations = questions.questions();
    return exists;
}

}  // namespace

Result acceptance_labels(const Snapshot& s, std::uint32_t claims, ExtensionSemantics sem, std::string_view name,
                         std::uint64_t cap, const Control& control) {
    const std::uint32_t n = s.size();
    Result r;
    r.method = "sat";
    bool exists = true;
    if (sem == ExtensionSemantics::ideal) {
        // One extension, always: its members in, the rest out.
        const Extension ideal = some_extension(s, sem, control).value();
        r.labels.assign(n, Label::out);
        for (std::uint32_t v : ideal) r.labels[v] = Label::in;
    } else {
        // The claims' labels need only the extensions' projections onto them.
        std::vector<std::uint32_t> hits(claims, 0);
        const std::uint64_t count = enumerate_projections(
            s, sem, claims, cap,
            [&](const Extension& e) {
                for (std::uint32_t v : e) ++hits[v];
            },
            control);
        if (cap > 0 && count >= cap) {
            exists = label_by_questions(s, claims, sem, r, control);
        } else {
            exists = count > 0;
            r.labels.resize(claims);
            for (std::uint32_t v = 0; v < claims; ++v)
                r.labels[v] = exists && hits[v] == count ? Label::in : hits[v] > 0 ? Label::undec : Label::out;
        }
    }
    r.labels.resize(claims);
    if (!exists) r.warnings.push_back(no_extension_warning(name));
    return r;
}

template <ExtensionSemantics sem>
Result acceptance(const Snapshot& flat, std::uint32_t claims, const Request& req, const Control& control) {
    req.only({});
    return acceptance_labels(flat, claims, sem, req.semantics, kEnumerationCap, control);
}

template Result acceptance<ExtensionSemantics::complete>(const Snapshot&, std::uint32_t, const Request&, const Control&);
template Result acceptance<ExtensionSemantics::preferred>(const Snapshot&, std::uint32_t, const Request&, const Control&);
template Result acceptance<ExtensionSemantics::stable>(const Snapshot&, std::uint32_t, const Request&, const Control&);
template Result acceptance<ExtensionSemantics::semi_stable>(const Snapshot&, std::uint32_t, const Request&, const Control&);
template Result acceptance<ExtensionSemantics::stage>(const Snapshot&, std::uint32_t, const Request&, const Control&);
template Result acceptance<ExtensionSemantics::ideal>(const Snapshot&, std::uint32_t, const Request&, const Control&);

}  // namespace agon::detail
