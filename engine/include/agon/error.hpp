// agon/error.hpp - the one exception type the engine throws.
//
// Every failure that a user can cause (bad input, bad parameters, limits,
// cancellation, I/O) is reported as agon::Error carrying a category and, when
// the problem sits in a file, the file name, line and column. The command line
// prints it as one line, `agon: error: FILE:LINE:COL: message`, and exits 2.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace agon {

/// Why an operation failed.
enum class ErrorKind {
    invalid_input,  ///< malformed file or graph (syntax, dangling id, out of range)
    usage,          ///< bad parameters or arguments from the caller
    not_found,      ///< a named claim, edge or file does not exist
    limit,          ///< a configured size, memory or time limit was exceeded
    cancelled,      ///< the caller's cancel token was set
    io,             ///< the operating system refused a read or write
    unsupported,    ///< the feature was switched off at build time
};

/// Where in a text input a problem was found. `line` and `column` are 1-based;
/// 0 means unknown.
struct Location {
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

/// The exception every agon operation throws on failure. `what()` returns the
/// full one-line message, location first ("file:3:7: unknown edge kind 'x'").
class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message, Location where = {});

    ErrorKind kind() const noexcept { return kind_; }
    const Location& where() const noexcept { return where_; }
    /// The message without the location prefix.
    const std::string& message() const noexcept { return message_; }

private:
    ErrorKind kind_;
    Location where_;
    std::string message_;
};

}  // namespace agon
