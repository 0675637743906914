// The Carneades reader for builds without yaml-cpp.
#include "io/formats.hpp"

namespace agon::detail {

Graph parse_carneades(std::string_view, const std::string& name, Warnings*, const ReadLimits&) {
    throw Error(ErrorKind::unsupported, "this agon was built without yaml-cpp: Carneades YAML cannot be read",
                Location{name, 0, 0});
}

}  // namespace agon::detail
