// The options several commands share, registered in one place so that their
// names, help and parsing agree.
#include <CLI/CLI.hpp>
#include <exception>
#include <string>

#include "cli.hpp"

namespace agon::cli {

void add_input(CLI::App& cmd, std::string& file, std::string& from, const std::string& what) {
    cmd.add_option("file", file, what)->required();
    cmd.add_option("--from", from, "input format when the extension does not tell");
}

void add_request(CLI::App& cmd, RequestArgs& request, const std::string& semantics_help) {
    auto* semantics = cmd.add_option("-s,--semantics", request.semantics, semantics_help);
    if (!request.semantics.empty()) semantics->capture_default_str();
    add_list(cmd, "-p,--param", request.params, "semantics parameter KEY=VALUE (repeatable)");
    cmd.add_option("--support", request.support, "support interpretation: none, deductive, necessary, evidential");
}

void add_json(CLI::App& cmd, bool& json, const std::string& help) { cmd.add_flag("--json", json, help); }

void add_timeout(CLI::App& cmd, double& seconds, const std::string& help) {
    auto* option = cmd.add_option("--timeout", seconds, help);
    // NaN and negative values once meant "no limit" to some commands and
    // "stop at once" to others.
    option->check(
        [](const std::string& text) -> std::string {
            double value = 0;
            try {
                value = std::stod(text);
            } catch (const std::exception&) {
                return "";  // CLI11 reports what is not a number
            }
            return value >= 0 ? "" : "must be a number of seconds, 0 or more (0 = no limit)";
        },
        "SECONDS");
    if (seconds != 0) option->capture_default_str();
}

CLI::Option* add_output(CLI::App& cmd, std::string& path, const std::string& help, const std::string& aliases) {
    return cmd.add_option("-o,--output" + aliases, path, help);
}

CLI::Option* add_list(CLI::App& cmd, const std::string& names, std::vector<std::string>& values, const std::string& help) {
    return cmd.add_option(names, values, help)->allow_extra_args(false);
}

}  // namespace agon::cli
