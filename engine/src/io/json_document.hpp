// Internal: JSON text parsed for a reader, with errors located in the file.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace agon::detail {

/// nlohmann's message without its "[json.exception.…] " prefix, which means
/// nothing to the person who wrote the file.
std::string plain_json_message(const nlohmann::json::exception& e);

/// Parse `text` (the file `name`) after checking that it nests at most
/// `max_depth` deep (else limit) and that no object repeats a key (else
/// invalid_input at the second one). A syntax error throws invalid_input at
/// its line and column; a value the parser cannot hold (a number past a
/// double) throws invalid_input at the start of the file.
nlohmann::json parse_json_document(std::string_view text, const std::string& name, std::size_t max_depth);

}  // namespace agon::detail
