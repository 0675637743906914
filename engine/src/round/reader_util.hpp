// Internal: shared pieces of the round readers and writers - number
// formatting that reads back exactly (util/number_text.hpp), the weighing
// keys, and which ids every form can hold.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "agon/round.hpp"
#include "util/number_text.hpp"

namespace agon::detail {

/// Why `id` cannot name a claim, a speech or a side in every form of a flow
/// (the text form splits a line at spaces, ':', '>', ',' and '{', a CSV cell
/// reads an id up to ']'); "" when it can.
std::string id_problem(std::string_view id);

/// Set weighing key `key` (magnitude, probability, timeframe, reversibility,
/// or their first letters) or "base" on `move` from `value` (a number in
/// [0,1], or high / medium / low). Returns an error message, "" when done.
std::string set_weighing(Move& move, std::string_view key, std::string_view value);

/// The weighing and base of `move` as "key=value" items in a fixed order.
std::vector<std::pair<std::string, double>> weighing_items(const Move& move);

/// Throw invalid_input at `where`: `value` names no built-in format (listed) nor a file.
[[noreturn]] void unknown_format(const std::string& value, const Location& where);

/// Built-in format by name, else `load` (a file), else unknown_format.
RoundFormat resolve_format(const std::string& value, const Location& where, const FormatLoader& load);

}  // namespace agon::detail
