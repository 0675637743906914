// The list of semantics. Add a line here when adding a semantics file.
#include "registry.hpp"

namespace agon::detail {

namespace {
constexpr SemanticsEntry kTable[] = {
    {"grounded", true, &grounded},
};
}  // namespace

std::span<const SemanticsEntry> semantics_table() { return kTable; }

}  // namespace agon::detail
