// agon/version.hpp - the library version (the macros are in agon/version.h).
#pragma once

#include "agon/version.h"

namespace agon {
/// The version of the library linked in, "MAJOR.MINOR.PATCH".
const char* version() noexcept;
}  // namespace agon
