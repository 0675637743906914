// The list of semantics. Add a line here when adding a semantics file.
#include "registry.hpp"

namespace agon::detail {

namespace {
constexpr SemanticsEntry kTable[] = {
    {"burden", false, &burden},
    {"burden_rank", false, &burden_rank},
    {"card", false, &card},
    {"complete", true, &complete},
    {"dfquad", false, &dfquad},
    {"euler", false, &euler},
    {"grounded", true, &grounded},
    {"hcat", false, &hcat},
    {"ideal", true, &ideal},
    {"max", false, &max_based},
    {"mlp", false, &mlp},
    {"preferred", true, &preferred},
    {"qe", false, &qe},
    {"quad", false, &quad},
    {"semi-stable", true, &semi_stable},
    {"stable", true, &stable},
    {"stage", true, &stage},
};
}  // namespace

std::span<const SemanticsEntry> semantics_table() { return kTable; }

}  // namespace agon::detail
