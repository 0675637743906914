// The options several commands share, registered in one place so that their
// names, help and parsing agree.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <utility>

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

namespace {

// A check of an option's number; text that is no number is left to CLI11.
CLI::Validator number_check(bool (*ok)(double), std::string message, std::string name) {
    return CLI::Validator(
        [ok, message](const std::string& text) -> std::string {
            double value = 0;
            try {
                value = std::stod(text);
            } catch (const std::exception&) {
                return "";
            }
            return ok(value) ? "" : message;
        },
        "", std::move(name));
}

bool non_negative(double v) { return v >= 0 && v <= 1.8e19; }  // false for NaN

std::string number_text(long double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.20Lg", x);  // every digit of the largest 64-bit count
    return buf;
}

}  // namespace

// NaN and negative values once meant "no limit" to some commands and "stop
// at once" to others, and a negative count wrapped round to a huge one; a
// count too large for its type was told it "must be a number, 0 or more".
CLI::Validator number_range(long double least, long double most) {
    const std::string too_small = "must be a number, " + number_text(least) + " or more";
    const std::string too_large = "too large (the largest accepted is " + number_text(most) + ")";
    return CLI::Validator(
        [=](const std::string& text) -> std::string {
            char* end = nullptr;
            const long double value = std::strtold(text.c_str(), &end);  // +-inf when out of range
            if (end == text.c_str()) return "";
            if (!(value >= least)) return too_small;  // NaN too
            return value > most ? too_large : "";
        },
        "", "RANGE");
}

const CLI::Validator kFinite = number_check([](double v) { return std::isfinite(v); }, "must be a finite number", "FINITE");

void add_timeout(CLI::App& cmd, double& seconds, const std::string& help) {
    auto* option = cmd.add_option("--timeout", seconds, help + " (0 = no limit)")
                       ->check(number_check(non_negative, kTimeoutRule, "SECONDS"));
    if (seconds != 0) option->capture_default_str();
}

CLI::Option* add_output(CLI::App& cmd, std::string& path, const std::string& help, const std::string& aliases) {
    return cmd.add_option("-o,--output" + aliases, path, help);
}

CLI::Option* add_list(CLI::App& cmd, const std::string& names, std::vector<std::string>& values, const std::string& help) {
    return cmd.add_option(names, values, help)->allow_extra_args(false);
}

}  // namespace agon::cli
