// Plain-language renderings of the engine's answers for the command line
// (JSON comes from the engine's writers, agon/question.hpp).
#pragma once

#include <string>

#include "agon/question.hpp"
#include "cli.hpp"

namespace agon::cli {

/// "id (\"text\")" for a claim, "the attack e1 (x on y)" for an edge id, or
/// just the id when the input has no text for it.
std::string describe(const Input& in, const std::string& id);

/// An explanation in words; attributions list at most `top` contributors.
std::string explanation_text(const Input& in, const Explanation& why, std::size_t top);

/// What a hinge search found, in words: the claim's status and the smallest
/// sets whose removal changes it, or why none was found within `options`.
std::string hinge_text(const Input& in, const Hinge& h, const HingeOptions& options);

}  // namespace agon::cli
