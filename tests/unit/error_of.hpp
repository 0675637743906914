// Test helper: the message of the agon::Error a piece of code throws, for
// checking where and how bad input is reported.
#pragma once

#include <string>
#include <string_view>

#include "agon/error.hpp"
#include "agon/io.hpp"

namespace agon::test {

/// The message of the agon::Error that `run` throws, or "" when it throws none.
template <class Run>
std::string error_message(Run&& run) {
    try {
        run();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

/// The error of reading `text` as format `f` from a file named "in", or "" when it reads.
inline std::string error_of(std::string_view text, Format f) {
    return error_message([&] { parse_graph(text, f, "in"); });
}

}  // namespace agon::test
