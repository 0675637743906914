// The list of semantics. Add a line here when adding a semantics file.
#include "registry.hpp"

namespace agon::detail {

namespace {
constexpr SemanticsEntry kTable[] = {
    {"burden", false, &burden},
    {"burden_rank", false, &burden_rank},
    {"card", false, &card},
    {"dfquad", false, &dfquad},
    {"euler", false, &euler},
    {"grounded", true, &grounded},
    {"hcat", false, &hcat},
    {"max", false, &max_based},
    {"mlp", false, &mlp},
    {"qe", false, &qe},
    {"quad", false, &quad},
};
}  // namespace

std::span<const SemanticsEntry> semantics_table() { return kTable; }

}  // namespace agon::detail
