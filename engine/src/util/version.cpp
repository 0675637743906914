#include "agon/version.hpp"

namespace agon {
const char* version() noexcept { return AGON_VERSION_STRING; }
}  // namespace agon
