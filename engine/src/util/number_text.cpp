#include "util/number_text.hpp"

#include <charconv>
#include <cmath>

namespace agon::detail {

std::string exact_number(double x) {
    if (std::isnan(x)) return "nan";  // not "-nan", which Lua's 0/0 gives
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, res.ptr);
}

}  // namespace agon::detail
