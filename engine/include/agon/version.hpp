// agon/version.hpp - the library version.
#pragma once

#define AGON_VERSION_MAJOR 0
#define AGON_VERSION_MINOR 1
#define AGON_VERSION_PATCH 0
/// "MAJOR.MINOR.PATCH" of the headers in use.
#define AGON_VERSION_STRING "0.1.0"

namespace agon {
/// The version of the library linked in, "MAJOR.MINOR.PATCH".
const char* version() noexcept;
}  // namespace agon
