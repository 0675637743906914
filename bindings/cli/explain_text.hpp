// Plain-language and JSON rendering of explanations for the command line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agon/explain.hpp"
#include "cli.hpp"

namespace agon::cli {

/// "id (text)" for claim v, or just the id when the graph has no text for it.
std::string describe(const Input& in, std::uint32_t v);

std::string grounded_why_text(const Input& in, const GroundedWhy& why);
std::string grounded_why_json(const Input& in, const GroundedWhy& why);
/// Witness, defence and counter-extension of an extension semantics, in words or as JSON.
std::string extension_why_text(const Input& in, const std::string& semantics, const ExtensionWhy& why);
std::string extension_why_json(const Input& in, const std::string& semantics, const ExtensionWhy& why);
std::string attributions_text(const Input& in, std::uint32_t target, double value,
                              const std::vector<Attribution>& list, std::size_t top);
std::string attributions_json(const Input& in, std::uint32_t target, const std::string& semantics, double value,
                              const std::vector<Attribution>& list);

/// An explanation of one claim, in words or JSON, with the claims it names
/// (the target first) and the evaluation when it needed one.
struct Explanation {
    std::string text;
    std::vector<std::uint32_t> involved;
    std::optional<Result> result;
};
/// Explain `target` under `request`: a dispute tree (grounded), certificates
/// (other extension semantics) or the `top` attributions (gradual). Cost of
/// explain_grounded, explain_extension or attributions.
Explanation explain_claim(const Input& in, std::uint32_t target, const Request& request, const Control& control,
                          bool json, std::size_t top);

/// What a hinge search found about `target`, whose status is `status`
/// ("out", "at or above 0.5", ...), in words.
std::string hinge_text(const Input& in, std::uint32_t target, const std::string& semantics, const std::string& status,
                       const HingeReport& h, std::uint32_t max_size, std::uint64_t max_evaluations);

/// The index of claim `id` in the input; throws not_found naming the file.
std::uint32_t claim_index(const Input& in, const std::string& id, const std::string& file);

/// A Control that shows progress on stderr when it is a terminal.
Control with_progress(Control control);

}  // namespace agon::cli
