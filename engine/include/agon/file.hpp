// agon/file.hpp - whole-file reads, atomic writes and UTF-8 validation: the
// ground floor that readers, writers and the renderer share.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace agon {

/// The byte offset of the first byte of `text` that does not start or
/// continue a well-formed UTF-8 sequence (overlong forms, surrogates and code
/// points above U+10FFFF included), or std::nullopt when `text` is valid
/// UTF-8. Every text reader rejects invalid input with this check. O(n).
std::optional<std::size_t> invalid_utf8_offset(std::string_view text);

/// Read a whole file. Throws io (with the OS message) or limit.
std::string read_file(const std::string& path, std::size_t max_bytes = std::size_t(4) << 30);

/// Write `data` to `path` atomically: temporary file in the same directory,
/// fsync, rename. On failure the old file is untouched and the temporary file
/// removed. Throws io.
void write_file_atomic(const std::string& path, std::string_view data);

}  // namespace agon
