// The list of semantics. Add a line here when adding a semantics file.
#include "registry.hpp"

namespace agon::detail {

namespace {
constexpr SemanticsEntry kTable[] = {
    {"burden", false, &burden, false, true},
    {"burden-rank", false, &burden_rank, false, true},
    {"card", false, &card},
    {"carneades", true, &carneades},
    {"complete", true, &acceptance<ExtensionSemantics::complete>, true},
    {"dfquad", false, &dfquad},
    {"euler", false, &euler},
    {"grounded", true, &grounded, true},
    {"hcat", false, &hcat},
    {"ideal", true, &acceptance<ExtensionSemantics::ideal>, true},
    {"max", false, &max_based},
    {"mlp", false, &mlp},
    {"preferred", true, &acceptance<ExtensionSemantics::preferred>, true},
    {"qe", false, &qe},
    {"quad", false, &quad},
    {"semi-stable", true, &acceptance<ExtensionSemantics::semi_stable>, true},
    {"stable", true, &acceptance<ExtensionSemantics::stable>, true},
    {"stage", true, &acceptance<ExtensionSemantics::stage>, true},
};
}  // namespace

std::span<const SemanticsEntry> semantics_table() { return kTable; }

}  // namespace agon::detail
