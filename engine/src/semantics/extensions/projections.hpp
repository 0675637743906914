// Internal: enumeration of the extensions as a flattened claim graph's
// claims see them - the claims come first in the flattening (bipolar.hpp),
// its auxiliary arguments after them, and those are never shown.
#pragma once

#include <cstdint>
#include <functional>

#include "agon/control.hpp"
#include "agon/extensions.hpp"
#include "agon/snapshot.hpp"

namespace agon::detail {

/// As agon::enumerate, but of the extensions' projections onto the
/// arguments 0..shown-1: `found` receives each distinct projection once,
/// ascending, and `limit` and the count are in projections. Extensions that
/// differ only past `shown` cost no more than one: each search asks for a
/// new projection, where listing the extensions and dropping repeats walks
/// through every one of them. Maximality (preferred, semi-stable, stage) is
/// still judged against every set of the whole framework.
std::uint64_t enumerate_projections(const Snapshot& s, ExtensionSemantics sem, std::uint32_t shown,
                                    std::uint64_t limit, const std::function<void(const Extension&)>& found,
                                    const Control& control = {});

}  // namespace agon::detail
