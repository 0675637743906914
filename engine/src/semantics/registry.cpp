// The list of semantics. Add a line here when adding a semantics file.
#include "registry.hpp"

namespace agon::detail {

namespace {
constexpr SemanticsEntry kTable[] = {
    {"burden", false, &burden, false, true},
    {"burden-rank", false, &burden_rank, false, true},
    {"card", false, &card},
    {"carneades", true, &carneades},
    {"complete", true, nullptr, true, false, &acceptance<ExtensionSemantics::complete>},
    {"dfquad", false, &dfquad},
    {"euler", false, &euler},
    {"grounded", true, &grounded, true},
    {"hcat", false, &hcat},
    {"ideal", true, nullptr, true, false, &acceptance<ExtensionSemantics::ideal>},
    {"max", false, &max_based},
    {"mlp", false, &mlp},
    {"preferred", true, nullptr, true, false, &acceptance<ExtensionSemantics::preferred>},
    {"qe", false, &qe},
    {"quad", false, &quad},
    {"semi-stable", true, nullptr, true, false, &acceptance<ExtensionSemantics::semi_stable>},
    {"stable", true, nullptr, true, false, &acceptance<ExtensionSemantics::stable>},
    {"stage", true, nullptr, true, false, &acceptance<ExtensionSemantics::stage>},
};
}  // namespace

std::span<const SemanticsEntry> semantics_table() { return kTable; }

}  // namespace agon::detail
