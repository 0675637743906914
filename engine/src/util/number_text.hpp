// Internal: numbers as text for files and messages.
#pragma once

#include <string>

namespace agon::detail {

/// Shortest decimal text that reads back to the same double ("1.5",
/// "1e+300", "-1e-07"); "nan" for any NaN. Files written with it read back
/// exactly, and messages show a number as people write it.
std::string exact_number(double x);

}  // namespace agon::detail
