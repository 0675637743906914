// The ICCMA 2023 solver interface, shared by `agon iccma` and `agon-iccma`.
#pragma once

#include <string>
#include <vector>

namespace agon::cli {

/// Run the ICCMA interface on `args` (without the program name); returns the
/// exit status. Output exactly as the ICCMA 2023 rules say, errors as one line.
int run_iccma(const std::vector<std::string>& args);

}  // namespace agon::cli
