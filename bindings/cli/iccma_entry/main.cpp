// agon-iccma: the ICCMA 2023 solver interface as its own program, so agon can
// be dropped into ICCMA harnesses unchanged. Behaves exactly as `agon iccma`.
#include <string>
#include <vector>

#include "../cli.hpp"
#include "../iccma.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return agon::cli::stdout_checked(agon::cli::run_iccma(args));
}
